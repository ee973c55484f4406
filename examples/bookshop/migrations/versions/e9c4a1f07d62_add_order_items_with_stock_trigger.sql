-- Add order items with stock trigger
--
-- Revision ID: e9c4a1f07d62
-- Revises: 5b27e0c8d1a3
-- Create Date: 2025-03-12 10:22:17.664120
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
ALTER TABLE books ADD COLUMN stock INTEGER NOT NULL DEFAULT 0;

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    book_id INTEGER NOT NULL REFERENCES books (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, book_id)
);

-- Selling a book takes it out of stock; an order for more copies than are left fails.
-- The body holds two statements, each ending in ';', inside one CREATE TRIGGER.
CREATE TRIGGER trg_order_items_take_stock
AFTER INSERT ON order_items
BEGIN
    SELECT RAISE(ABORT, 'not enough stock; order refused')
    WHERE (SELECT stock FROM books WHERE id = NEW.book_id) < NEW.quantity;
    UPDATE books SET stock = stock - NEW.quantity WHERE id = NEW.book_id;
END;

-- migrate:downgrade
DROP TRIGGER trg_order_items_take_stock;
DROP TABLE order_items;
ALTER TABLE books DROP COLUMN stock;
