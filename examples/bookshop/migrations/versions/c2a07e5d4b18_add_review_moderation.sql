-- Add review moderation
--
-- Reviews stay hidden from the shop until a member of staff approves
-- them; the partial index serves the "approved reviews of a book" query.
--
-- Revision ID: c2a07e5d4b18
-- Revises: 1d6f3b9a8e05
-- Create Date: 2025-03-20 11:03:09.275316
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
ALTER TABLE reviews ADD COLUMN approved BOOLEAN NOT NULL DEFAULT 0;
CREATE INDEX ix_reviews_approved ON reviews (book_id) WHERE approved = 1;

-- migrate:downgrade
DROP INDEX ix_reviews_approved;
ALTER TABLE reviews DROP COLUMN approved;
