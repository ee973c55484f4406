# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Writes a linear history of N revisions that each create a table, an index and three rows,
as a Stratum project, as the same Alembic project, and as SQL scripts for the engines' shells.
The statements are portable: SQLite, PostgreSQL and MariaDB run them as they are (explicit
ids: INTEGER PRIMARY KEY numbers rows by itself only on SQLite).

    generate.py OUT [--revisions 1000]

OUT/stratum/stratum.ini + migrations/versions/*.sql
OUT/alembic/alembic.ini + env.py + versions/*.py   (op.execute() of the same statements)
OUT/all.sql                                         every upgrade section in order, in one
                                                    transaction: the floor for `upgrade head`
                                                    on SQLite (the sqlite3 shell)
OUT/statements.sql                                  the same statements without BEGIN/COMMIT:
                                                    `psql -1 -f` and the mariadb client
OUT/head                                            the last revision id

Both projects use SQLite unless told otherwise: `stratum --url URL`, `alembic -x url=URL`.
"""
import argparse
import os

ENV = '''from alembic import context
from sqlalchemy import create_engine

url = context.get_x_argument(as_dictionary=True).get("url") or \\
    context.config.get_main_option("sqlalchemy.url")
with create_engine(url).connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
'''


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--revisions", type=int, default=1000)
    args = parser.parse_args()
    sql_dir = os.path.join(args.out, "stratum", "migrations", "versions")
    py_dir = os.path.join(args.out, "alembic", "versions")
    os.makedirs(sql_dir, exist_ok=True)
    os.makedirs(py_dir, exist_ok=True)
    write(os.path.join(args.out, "stratum", "stratum.ini"),
          "[stratum]\nscript_location = migrations\nurl = sqlite:///%(here)s/bench.db\n")
    write(os.path.join(args.out, "alembic", "alembic.ini"),
          "[alembic]\nscript_location = %(here)s\nsqlalchemy.url = sqlite:///%(here)s/bench.db\n")
    write(os.path.join(args.out, "alembic", "env.py"), ENV)
    script = ["BEGIN;"]
    previous = ""
    for i in range(1, args.revisions + 1):
        rev = "%012x" % (0x100000000000 + i * 7919)
        table = "t_%04d" % i
        up = [
            "CREATE TABLE %s (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, "
            "created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)" % table,
            "CREATE INDEX ix_%s_name ON %s (name)" % (table, table),
            "INSERT INTO %s (id, name) VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma')" % table,
        ]
        # DROP TABLE takes the index along on every engine (MariaDB's DROP INDEX needs ON).
        down = ["DROP TABLE %s" % table]
        name = "%s_create_%s" % (rev, table)
        write(os.path.join(sql_dir, name + ".sql"),
              "-- Create %s\n--\n-- Revision ID: %s\n-- Revises: %s\n"
              "-- Create Date: 2025-01-01 00:00:00.000000\n\n"
              "-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n"
              % (table, rev, previous, ";\n".join(up) + ";", ";\n".join(down) + ";"))
        write(os.path.join(py_dir, name + ".py"),
              '"""Create %s\n\nRevision ID: %s\nRevises: %s\n"""\nfrom alembic import op\n\n'
              "revision = %r\ndown_revision = %r\nbranch_labels = None\ndepends_on = None\n\n\n"
              "def upgrade():\n%s\n\n\ndef downgrade():\n%s\n"
              % (table, rev, previous, rev, previous or None,
                 "\n".join("    op.execute(%r)" % s for s in up),
                 "\n".join("    op.execute(%r)" % s for s in down)))
        script += [s + ";" for s in up]
        previous = rev
    script.append("COMMIT;")
    write(os.path.join(args.out, "all.sql"), "\n".join(script) + "\n")
    write(os.path.join(args.out, "statements.sql"), "\n".join(script[1:-1]) + "\n")
    write(os.path.join(args.out, "head"), previous + "\n")


if __name__ == "__main__":
    main()
