-- Create notes table
--
-- Revision ID: 4c1e9a7d2b30
-- Revises:
-- Create Date: 2026-01-12 09:30:00.000000

-- migrate:upgrade
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:downgrade
DROP TABLE notes;
