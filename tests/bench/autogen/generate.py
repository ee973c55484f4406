#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Writes the benchmark schema: N tables of 10 columns, 2 indexes and 1 foreign key each.

    generate.py sqlite|postgresql TABLES > schema.sql
"""
import sys

dialect, count = sys.argv[1], int(sys.argv[2])
pg = dialect == "postgresql"
false = "false" if pg else "0"
ts = "timestamp" if pg else "TIMESTAMP"
now = "now()" if pg else "CURRENT_TIMESTAMP"
for i in range(count):
    parent = i // 2   # a tree: SQLAlchemy follows foreign keys recursively while reflecting
    print(f"""CREATE TABLE t{i:04d} (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES t{parent:04d} (id),
    name VARCHAR(100) NOT NULL,
    code VARCHAR(20),
    amount NUMERIC(10, 2) DEFAULT 0,
    quantity INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT {false},
    created {ts} NOT NULL DEFAULT {now},
    note TEXT,
    score REAL
);
CREATE INDEX ix_t{i:04d}_name ON t{i:04d} (name);
CREATE INDEX ix_t{i:04d}_code_created ON t{i:04d} (code, created);""")
