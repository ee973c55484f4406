-- The desired schema of the bookshop, part 2: customers and what they buy.

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    loyalty_points INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_customers_email ON customers (email);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status VARCHAR(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'shipped', 'cancelled')),
    ordered_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_orders_customer_id ON orders (customer_id);

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    book_id INTEGER NOT NULL REFERENCES books (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, book_id)
);

-- Selling a book takes it out of stock; an order for more copies than are left fails.
CREATE TRIGGER trg_order_items_take_stock
AFTER INSERT ON order_items
BEGIN
    SELECT RAISE(ABORT, 'not enough stock; order refused')
    WHERE (SELECT stock FROM books WHERE id = NEW.book_id) < NEW.quantity;
    UPDATE books SET stock = stock - NEW.quantity WHERE id = NEW.book_id;
END;

CREATE TABLE wishlist_items (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    added_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (customer_id, book_id)
);
