-- Create authors table
--
-- Revision ID: 3f1c9a7e2b40
-- Revises:
-- Create Date: 2025-03-03 09:12:44.118302
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    born_year INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_authors_name ON authors (name);

-- migrate:downgrade
DROP INDEX ix_authors_name;
DROP TABLE authors;
