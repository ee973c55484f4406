-- Merge reporting into main
--
-- Revision ID: 96ae41b7c035
-- Revises: d57f0a3c9e68, 0b93d6e4f271
-- Create Date: 2025-04-15 09:00:18.733561
-- Branch Labels:
-- Depends On:

-- migrate:upgrade

-- migrate:downgrade
