-- The desired schema of the bookshop, part 1: what the shop sells.
-- Plain SQLite DDL. `stratum check` compares a database with these files;
-- `stratum revision --autogenerate` writes the revision that closes the gap.

CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    born_year INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_authors_name ON authors (name);

CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    title VARCHAR(300) NOT NULL,
    isbn VARCHAR(13) NOT NULL UNIQUE,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    published_year INTEGER,
    stock INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_books_author_id ON books (author_id);
