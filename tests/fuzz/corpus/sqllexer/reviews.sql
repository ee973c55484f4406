-- The desired schema of the bookshop, part 3: what readers say about the books.

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    reviewer VARCHAR(100) NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    approved BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX ix_reviews_book_id ON reviews (book_id);
CREATE INDEX ix_reviews_approved ON reviews (book_id) WHERE approved = 1;
