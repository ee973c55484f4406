-- Create books table
--
-- Revision ID: a84e2d51c0f9
-- Revises: 3f1c9a7e2b40
-- Create Date: 2025-03-03 09:40:02.551980
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    title VARCHAR(300) NOT NULL,
    isbn VARCHAR(13) NOT NULL UNIQUE,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    published_year INTEGER
);
CREATE INDEX ix_books_author_id ON books (author_id);

-- migrate:downgrade
DROP INDEX ix_books_author_id;
DROP TABLE books;
