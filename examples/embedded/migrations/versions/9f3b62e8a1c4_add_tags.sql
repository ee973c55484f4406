-- Add tags
--
-- Revision ID: 9f3b62e8a1c4
-- Revises: 4c1e9a7d2b30
-- Create Date: 2026-01-19 16:05:00.000000

-- migrate:upgrade
CREATE TABLE tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    name VARCHAR(40) NOT NULL,
    PRIMARY KEY (note_id, name)
);
CREATE INDEX ix_tags_name ON tags (name);

-- migrate:downgrade
DROP INDEX ix_tags_name;
DROP TABLE tags;
