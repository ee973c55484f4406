-- Add sales reporting views
--
-- Revision ID: 0b93d6e4f271
-- Revises: e9c4a1f07d62
-- Create Date: 2025-04-02 13:15:42.480093
-- Branch Labels: reporting
-- Depends On: c2a07e5d4b18

-- migrate:upgrade
CREATE VIEW book_sales AS
SELECT b.id AS book_id, b.title, SUM(oi.quantity) AS copies_sold,
       SUM(oi.quantity * oi.unit_price_cents) AS revenue_cents
FROM books b
JOIN order_items oi ON oi.book_id = b.id
JOIN orders o ON o.id = oi.order_id
WHERE o.status IN ('paid', 'shipped')
GROUP BY b.id, b.title;

/* book_ratings reads reviews.approved, which the reviews branch adds:
   hence "Depends On: c2a07e5d4b18" although this branch starts from the sales side. */
CREATE VIEW book_ratings AS
SELECT book_id, COUNT(*) AS review_count, AVG(rating) AS average_rating
FROM reviews
WHERE approved = 1
GROUP BY book_id;

-- migrate:downgrade
DROP VIEW book_ratings;
DROP VIEW book_sales;
