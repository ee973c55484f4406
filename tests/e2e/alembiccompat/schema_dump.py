# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Prints the schema of SQLite databases in a form that can be compared as text.

    schema_dump.py DATABASE                  the schema of a database file
    schema_dump.py --apply FILE.sql...       the schema the SQL files produce in a fresh database

One line per table, index, view and trigger, sorted: type, name, table and the CREATE statement
with comments removed and white space normalised. SQLite keeps the CREATE text as written (and
appends columns added later by ALTER TABLE), so equal lines mean equal definitions. The version
tables of Alembic and Stratum are left out.
"""
import re
import sqlite3
import sys


def normalise(sql):
    sql = re.sub(r"--[^\n]*", " ", sql or "")
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    sql = re.sub(r"\s+", " ", sql).strip()
    return re.sub(r"\s*([(),;])\s*", r"\1", sql)


def dump(db):
    rows = db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND name <> 'alembic_version' AND name NOT LIKE 'stratum\\_%' ESCAPE '\\' "
        "AND tbl_name <> 'alembic_version' AND tbl_name NOT LIKE 'stratum\\_%' ESCAPE '\\'")
    for type_, name, table, sql in sorted(rows):
        print("%s %s on %s: %s" % (type_, name, table, normalise(sql)))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--apply"]:
        db = sqlite3.connect(":memory:")
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                db.executescript(f.read())
    else:
        db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    dump(db)
