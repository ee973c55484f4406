-- Merge sales and reviews
--
-- Revision ID: 7e5b8c2f1a96
-- Revises: e9c4a1f07d62, c2a07e5d4b18
-- Create Date: 2025-03-21 08:30:00.912645
-- Branch Labels:
-- Depends On:

-- migrate:upgrade

-- migrate:downgrade
