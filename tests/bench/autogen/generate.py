#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Writes the benchmark schema: N tables of 10 columns, 2 indexes and 1 foreign key each, as
SQL (for `stratum check` and the database) or as SQLAlchemy Table() objects in a models.py (for
Alembic with models declared in Python; it runs on SQLAlchemy 1.4 and 2.0 alike). Both forms
describe the same tables as the engine reflects them, so neither tool finds a difference.

    generate.py sqlite|postgresql|mysql TABLES > schema.sql
    generate.py --models sqlite|postgresql|mysql TABLES > models.py
"""
import sys

# Per dialect: what differs in the SQL, and where SQLAlchemy has the types of the same names.
DIALECTS = {
    "sqlite": {"false": "0", "created": "TIMESTAMP", "now": "CURRENT_TIMESTAMP",
               "score": "REAL", "inline_fk": True, "types": "sqlalchemy"},
    "postgresql": {"false": "false", "created": "TIMESTAMP", "now": "now()",
                   "score": "REAL", "inline_fk": True, "types": "sqlalchemy"},
    # MariaDB ignores REFERENCES on a column and gives a TIMESTAMP column implicit defaults.
    "mysql": {"false": "0", "created": "DATETIME", "now": "CURRENT_TIMESTAMP",
              "score": "DOUBLE", "inline_fk": False, "types": "sqlalchemy.dialects.mysql"},
}


def name(i):
    return f"t{i:04d}"


def parent(i):
    return i // 2   # a tree: SQLAlchemy follows foreign keys recursively while reflecting


def write_sql(d, count):
    for i in range(count):
        t, p = name(i), name(parent(i))
        fk = f" REFERENCES {p} (id)" if d["inline_fk"] else ""
        tail = "" if d["inline_fk"] else f",\n    FOREIGN KEY (parent_id) REFERENCES {p} (id)"
        print(f"""CREATE TABLE {t} (
    id INTEGER NOT NULL PRIMARY KEY,
    parent_id INTEGER{fk},
    name VARCHAR(100) NOT NULL,
    code VARCHAR(20),
    amount NUMERIC(10, 2) DEFAULT 0.00,
    quantity INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT {d["false"]},
    created {d["created"]} NOT NULL DEFAULT {d["now"]},
    note TEXT,
    score {d["score"]}{tail}
);
CREATE INDEX ix_{t}_name ON {t} (name);
CREATE INDEX ix_{t}_code_created ON {t} (code, created);""")


def write_models(dialect, d, count):
    print(f'''"""{count} tables for Alembic's compare_metadata() ({dialect}); written by generate.py."""
from sqlalchemy import (Boolean, Column, ForeignKey, Index, Integer, MetaData, Numeric, String,
                        Table, Text, text)
from {d["types"]} import {d["created"]}, {d["score"]}

metadata = MetaData()''')
    for i in range(count):
        t, p = name(i), name(parent(i))
        print(f'''
{t} = Table("{t}", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("parent_id", Integer, ForeignKey("{p}.id")),
    Column("name", String(100), nullable=False),
    Column("code", String(20)),
    Column("amount", Numeric(10, 2), server_default=text("0.00")),
    Column("quantity", Integer, nullable=False, server_default=text("0")),
    Column("active", Boolean, nullable=False, server_default=text("{d["false"]}")),
    Column("created", {d["created"]}, nullable=False, server_default=text("{d["now"]}")),
    Column("note", Text),
    Column("score", {d["score"]}),
    Index("ix_{t}_name", "name"),
    Index("ix_{t}_code_created", "code", "created"),
)''')


args = sys.argv[1:]
models = args[:1] == ["--models"]
if models:
    args = args[1:]
if len(args) != 2 or args[0] not in DIALECTS or not args[1].isdigit():
    print("generate.py: expected a dialect (sqlite, postgresql, mysql) and a number of tables",
          file=sys.stderr)
    sys.exit(2)
dialect, count = args[0], int(args[1])
if models:
    write_models(dialect, DIALECTS[dialect], count)
else:
    write_sql(DIALECTS[dialect], count)
