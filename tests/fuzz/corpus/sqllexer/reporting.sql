-- The desired schema of the bookshop, part 4: read-only views for the monthly report.

CREATE VIEW book_sales AS
SELECT b.id AS book_id, b.title, SUM(oi.quantity) AS copies_sold,
       SUM(oi.quantity * oi.unit_price_cents) AS revenue_cents
FROM books b
JOIN order_items oi ON oi.book_id = b.id
JOIN orders o ON o.id = oi.order_id
WHERE o.status IN ('paid', 'shipped')
GROUP BY b.id, b.title;

CREATE VIEW book_ratings AS
SELECT book_id, COUNT(*) AS review_count, AVG(rating) AS average_rating
FROM reviews
WHERE approved = 1
GROUP BY book_id;
