-- Add reviews
--
-- Revision ID: 1d6f3b9a8e05
-- Revises: a84e2d51c0f9
-- Create Date: 2025-03-14 16:48:55.390471
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    reviewer VARCHAR(100) NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_reviews_book_id ON reviews (book_id);

-- migrate:downgrade
DROP INDEX ix_reviews_book_id;
DROP TABLE reviews;
