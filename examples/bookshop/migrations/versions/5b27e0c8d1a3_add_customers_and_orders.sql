-- Add customers and orders
--
-- Revision ID: 5b27e0c8d1a3
-- Revises: a84e2d51c0f9
-- Create Date: 2025-03-10 14:05:31.007215
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX ux_customers_email ON customers (email);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status VARCHAR(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'shipped', 'cancelled')),
    ordered_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_orders_customer_id ON orders (customer_id);

-- migrate:downgrade
DROP INDEX ix_orders_customer_id;
DROP TABLE orders;
DROP INDEX ux_customers_email;
DROP TABLE customers;
