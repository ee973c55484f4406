-- The desired schema of the notes application: `stratum check` compares the development
-- database with it, `stratum revision --autogenerate` writes what is missing.
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    name VARCHAR(40) NOT NULL,
    PRIMARY KEY (note_id, name)
);
CREATE INDEX ix_tags_name ON tags (name);
