-- Add wishlists and loyalty points
--
-- Revision ID: d57f0a3c9e68
-- Revises: 7e5b8c2f1a96
-- Create Date: 2025-04-07 15:27:36.145902
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
ALTER TABLE customers ADD COLUMN loyalty_points INTEGER NOT NULL DEFAULT 0;

CREATE TABLE wishlist_items (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    added_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (customer_id, book_id)
);

-- migrate:downgrade
DROP TABLE wishlist_items;
ALTER TABLE customers DROP COLUMN loyalty_points;
