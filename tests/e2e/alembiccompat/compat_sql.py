# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Runs the SQL text of a Stratum revision section from an Alembic revision.

The text is cut into statements with sqlite3.complete_statement(), SQLite's own notion of a
complete statement (it knows quotes, comments and CREATE TRIGGER ... BEGIN ... END bodies).
Statements are cut at line ends, which is enough for the projects the test writes.
Online, each statement goes to the driver as it is; offline, it is printed like op.execute().
"""
import sqlite3

from alembic import context, op


def _has_code(text):
    return any(line.strip() and not line.strip().startswith("--")
               for line in text.splitlines())


def statements(sql):
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if _has_code(pending):
        yield pending.strip()


def run_sql(sql):
    for statement in statements(sql):
        if context.is_offline_mode():
            op.execute(statement.rstrip(";"))
        else:
            op.get_bind().exec_driver_sql(statement)
