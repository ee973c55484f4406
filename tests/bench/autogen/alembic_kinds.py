#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""What Alembic's autogenerate detects and what Stratum's detects, on the same schema pairs.

For each pair (DDL A, DDL B) and engine: a database is built from A and another from B; B is
reflected into a SQLAlchemy MetaData (views included) and Alembic's compare_metadata() compares
it with the database at A (compare_type and compare_server_default on); Stratum gets B as
schema/b.sql of a fresh project whose URL is the database at A and runs `stratum check`.
Each side is also run on identical schemas (A against A, B against B): whatever a tool reports
there is a false positive. An item Alembic reports from A to B and also for A against A and for
B against B (a view reflected as a table, say) is left out when checking whether Stratum has an
operation for each of Alembic's items. When compare_metadata() raises (Alembic 1.8.1 does on
PostgreSQL string defaults reflected with a cast, such as 'x'::character varying), the raise is
recorded and the comparison is run again with compare_server_default off to show the rest.

The pairs are those of tests/core/autogen/tst_autogen.cpp (fixedPoint_data, objectKinds_data;
of objectKinds_data all the MariaDB rows, a part of the PostgreSQL and SQLite ones) plus extra
PostgreSQL pairs for object kinds those cases do not cover.

    export STRATUM_TEST_PG_URL=postgresql://USER:PASSWORD@HOST:PORT/DB   # any existing database
    export STRATUM_TEST_MYSQL_URL=mysql://USER:PASSWORD@HOST:PORT/DB     # MariaDB, any existing database
    /usr/bin/python3 tests/bench/autogen/alembic_kinds.py [--engine postgresql|sqlite|mysql]
        [--only SUBSTRING] [--stratum PATH] [--verbose]

Prints a Markdown table on stdout (pair | engine | Alembic | Stratum | note) and, with
--verbose, every run's raw output on stderr. Scratch databases are named cmp_kinds_a and
cmp_kinds_b (on the PostgreSQL and the MariaDB server) and are dropped at the end. On MariaDB
Alembic connects with PyMySQL (mysql+pymysql://), Stratum with the mysql:// URL.

Needs: Python 3, SQLAlchemy 1.4, Alembic 1.8 (Debian's python3-alembic), psycopg2, PyMySQL
(python3-pymysql).
"""
import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import alembic
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.pool import NullPool

REPO = Path(__file__).resolve().parents[3]
DB_A, DB_B = "cmp_kinds_a", "cmp_kinds_b"


# --- The pairs -------------------------------------------------------------------------------

def dialect_text(engine, ddl):
    """tst_autogen.cpp's dialectText(): the engine's spelling of a few placeholders."""
    pg, my = engine == "postgresql", engine == "mysql"
    ddl = ddl.replace("{TS}", "timestamp" if pg else "datetime" if my else "TIMESTAMP")
    ddl = ddl.replace("{NOW}", "now()" if pg else "CURRENT_TIMESTAMP")
    ddl = ddl.replace("{TEXT}", "varchar(200)" if my else "text")
    ddl = ddl.replace("{FALSE}", "false" if pg else "0")

    def quote(m):
        name = m.group(1)
        if my:
            return "`" + name.replace("`", "``") + "`"
        return '"' + name.replace('"', '""') + '"'
    return re.sub(r"\{Q:([^}]*)\}", quote, ddl)


class Pair:
    def __init__(self, source, name, engine, a, b, both=True):
        self.source, self.name, self.engine, self.a, self.b, self.both = source, name, engine, a, b, both


def fixed_point_pairs():
    parent = ("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL DEFAULT 'x', born INT DEFAULT 0, "
              "created {TS} NOT NULL DEFAULT {NOW}, active BOOLEAN NOT NULL DEFAULT {FALSE});\n"
              "CREATE INDEX ix_authors_name ON authors (name);\n")
    child = ("CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, "
             "isbn VARCHAR(13), price NUMERIC(10,2) DEFAULT 0, CONSTRAINT uq_books_isbn UNIQUE (isbn), "
             "CONSTRAINT ck_books_price CHECK (price >= 0), "
             "CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE);\n"
             "CREATE INDEX ix_books_title ON books (title, isbn);\n")
    view = "CREATE VIEW v_books AS SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id;\n"
    cases = [
        ("create_everything", "", parent + child + view),
        ("drop_everything", parent + child + view, ""),
        ("alter_columns", parent,
         "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(80) DEFAULT 'y', born BIGINT NOT NULL DEFAULT 1, "
         "active BOOLEAN NOT NULL DEFAULT {FALSE}, bio {TEXT});\n"
         "CREATE INDEX ix_authors_name ON authors (name);\n"),
        ("constraints_and_indexes", parent + child,
         parent + "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER, title VARCHAR(100) NOT NULL, "
         "isbn VARCHAR(13), price NUMERIC(10,2) DEFAULT 0, CONSTRAINT uq_books_title UNIQUE (title), "
         "CONSTRAINT ck_books_price CHECK (price > 0), "
         "CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE SET NULL);\n"
         "CREATE UNIQUE INDEX ix_books_title ON books (title);\nCREATE INDEX ix_books_isbn ON books (isbn);\n"),
        ("view_over_altered_table", parent + child + view,
         parent.replace("VARCHAR(40)", "VARCHAR(60)") + child
         + "CREATE VIEW v_books AS SELECT b.title, b.isbn, a.name FROM books b JOIN authors a ON a.id = b.author_id;\n"),
        ("quoting",
         "CREATE TABLE {Q:Order Items} (id INTEGER PRIMARY KEY, {Q:select} INTEGER, {Q:MixedCase} VARCHAR(10));\n",
         "CREATE TABLE {Q:Order Items} (id INTEGER PRIMARY KEY, {Q:select} BIGINT NOT NULL DEFAULT 1, "
         "{Q:MixedCase} VARCHAR(10), {Q:we\"ird} INTEGER, {Q:it's} VARCHAR(5) DEFAULT 'it''s');\n"
         "CREATE INDEX {Q:Ix Order} ON {Q:Order Items} ({Q:select}, {Q:MixedCase});\n"
         "CREATE TABLE {Q:user} (id INTEGER PRIMARY KEY, {Q:Order Id} INTEGER, "
         "CONSTRAINT {Q:FK Order} FOREIGN KEY ({Q:Order Id}) REFERENCES {Q:Order Items} (id));\n"),
    ]
    out = []
    for engine in ("sqlite", "postgresql", "mysql"):
        for name, a, b in cases:
            out.append(Pair("fixedPoint", name, engine, dialect_text(engine, a), dialect_text(engine, b), both=False))
    return out


def object_kinds_pairs():
    out = []

    def pg(name, a, b):
        out.append(Pair("objectKinds", name, "postgresql", a, b))

    docs = ("CREATE TABLE docs (id integer PRIMARY KEY, title text, slug varchar(80), body jsonb, score integer, "
            "created timestamptz, tags text[]);\n")
    pg("index_include_and_opclass", docs + "CREATE INDEX ix_docs_title ON docs (title);\n",
       docs + "CREATE INDEX ix_docs_title ON docs (title) INCLUDE (score, slug);\n"
       "CREATE INDEX ix_docs_slug ON docs (slug text_pattern_ops);\n"
       "CREATE INDEX ix_docs_body ON docs USING gin (body jsonb_path_ops);\n"
       "CREATE INDEX ix_docs_tags ON docs USING gin (tags);\n"
       "CREATE INDEX ix_docs_created ON docs USING brin (created);\n"
       "CREATE INDEX ix_docs_score ON docs (score DESC NULLS LAST, id NULLS FIRST);\n"
       "CREATE INDEX ix_docs_lower ON docs (lower(title)) WHERE score > 0;\n"
       "CREATE UNIQUE INDEX ux_docs_slug ON docs (slug) NULLS NOT DISTINCT;\n")
    pg("index_changes_in_place",
       docs + "CREATE INDEX ix_docs_title ON docs (title) INCLUDE (score);\n"
       "CREATE INDEX ix_docs_slug ON docs (slug);\n"
       "CREATE INDEX ix_docs_score ON docs (score DESC);\n",
       docs + "CREATE INDEX ix_docs_title ON docs (title) INCLUDE (slug);\n"
       "CREATE INDEX ix_docs_slug ON docs (slug varchar_pattern_ops);\n"
       "CREATE INDEX ix_docs_score ON docs (score DESC NULLS LAST);\n")
    parent = "CREATE TABLE parent (id integer PRIMARY KEY, code text, kind text, UNIQUE (code, kind));\n"
    pg("constraint_options",
       parent + "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id), "
       "code text, kind text, qty integer CHECK (qty > 0), "
       "CONSTRAINT uq_child_code UNIQUE (code));\n",
       parent + "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, code text, kind text, qty integer, "
       "CONSTRAINT uq_child_code UNIQUE NULLS NOT DISTINCT (code) DEFERRABLE INITIALLY DEFERRED, "
       "CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) DEFERRABLE, "
       "CONSTRAINT fk_child_code FOREIGN KEY (code, kind) REFERENCES parent (code, kind) MATCH FULL, "
       "CONSTRAINT child_qty_check CHECK (qty > 0) NO INHERIT);\n"
       "ALTER TABLE child ADD CONSTRAINT ck_child_kind CHECK (kind <> '') NOT VALID;\n"
       "ALTER TABLE child ADD CONSTRAINT fk_child_parent2 FOREIGN KEY (qty) REFERENCES parent (id) NOT VALID;\n")

    def layered(numeric, top):
        return ("CREATE TABLE items (id INTEGER PRIMARY KEY, price NUMERIC(%s), qty INTEGER);\n"
                "CREATE VIEW z_base AS SELECT id, price, qty FROM items;\n"
                "CREATE VIEW m_mid AS SELECT id, price FROM z_base WHERE qty > 0;\n"
                "CREATE VIEW a_top AS SELECT %s FROM m_mid;\n") % (numeric, top)
    for engine in ("sqlite", "postgresql", "mysql"):
        out.append(Pair("objectKinds", "views_on_views", engine, layered("10,2", "id"), layered("12,2", "id, price")))
        out.append(Pair("objectKinds", "views_on_views_created", engine,
                        "CREATE TABLE items (id INTEGER PRIMARY KEY, price NUMERIC(10,2), qty INTEGER);\n",
                        layered("10,2", "id")))

    pg("identity_and_serial",
       "CREATE TABLE t1 (id serial PRIMARY KEY, v text);\n"
       "CREATE TABLE t2 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);\n"
       "CREATE TABLE t3 (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10) PRIMARY KEY, v text);\n"
       "CREATE TABLE t4 (id integer PRIMARY KEY, v text);\n"
       "CREATE TABLE t5 (id bigserial PRIMARY KEY, v text);\n"
       "CREATE TABLE t6 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);\n",
       "CREATE TABLE t1 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);\n"
       "CREATE TABLE t2 (id serial PRIMARY KEY, v text);\n"
       "CREATE TABLE t3 (id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY, v text);\n"
       "CREATE TABLE t4 (id serial PRIMARY KEY, v text);\n"
       "CREATE TABLE t5 (id bigint PRIMARY KEY, v text);\n"
       "CREATE TABLE t6 (id integer PRIMARY KEY, v text);\n")

    stamped = "CREATE TABLE notes (id integer PRIMARY KEY, body text, updated timestamptz);\n"
    touch = ("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated := %s;\n"
             "  RETURN NEW;\nEND\n$$;\n")
    pg("functions_and_triggers", stamped,
       stamped + touch % "now()"
       + "CREATE TRIGGER trg_notes_touch BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n"
       "CREATE FUNCTION note_count(min_id integer DEFAULT 0) RETURNS bigint LANGUAGE sql STABLE "
       "AS $$ SELECT count(*) FROM notes WHERE id >= min_id $$;\n"
       "CREATE PROCEDURE purge_notes() LANGUAGE sql AS $$ DELETE FROM notes WHERE body IS NULL $$;\n")
    pg("function_replaced",
       stamped + touch % "now()"
       + "CREATE TRIGGER trg_notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n",
       stamped + touch % "clock_timestamp()"
       + "CREATE TRIGGER trg_notes_touch BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n")

    # The MariaDB rows of objectKinds_data (its loops over {"postgresql", "mysql"} are run on
    # MariaDB only; the PostgreSQL side of primary_key_referenced is close to pk_change_referenced).
    def my(name, a, b):
        out.append(Pair("objectKinds", name, "mysql", a, b))

    keyed = ("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, "
             "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE);\n")
    my("primary_key_referenced",
       "CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, "
       "CONSTRAINT parent_pkey PRIMARY KEY (id));\n" + keyed,
       "CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, "
       "CONSTRAINT uq_parent_id UNIQUE (id), CONSTRAINT parent_pkey PRIMARY KEY (code));\n" + keyed)
    my("type_conversions",
       "CREATE TABLE conv (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c VARCHAR(20), d NUMERIC(10,2));\n",
       "CREATE TABLE conv (id INTEGER PRIMARY KEY, a INTEGER, b BIGINT, c VARCHAR(10), d INTEGER);\n")
    my("column_checks",
       "CREATE TABLE m (id INT PRIMARY KEY, doc JSON, qty INT CHECK (qty > 0), name VARCHAR(20));\n",
       "CREATE TABLE m (id INT PRIMARY KEY, doc JSON NOT NULL, qty BIGINT CHECK (qty > 0), "
       "name VARCHAR(40) CHECK (name <> ''), CONSTRAINT ck_m CHECK (qty < 1000));\n"
       "CREATE TABLE n (id INT PRIMARY KEY, meta JSON);\n")
    kin_parent = "CREATE TABLE kin_parent (id INT PRIMARY KEY, code INT, UNIQUE (code));\n"
    my("foreign_key_index",
       kin_parent + "CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT);\n",
       kin_parent + "CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT, "
       "CONSTRAINT fk_kin_parent FOREIGN KEY (parent_id) REFERENCES kin_parent (id), "
       "CONSTRAINT fk_kin_code FOREIGN KEY (code) REFERENCES kin_parent (code));\n"
       "CREATE INDEX ix_kin_code ON kin (code, parent_id);\n")
    my("foreign_key_index_covered",
       kin_parent + "CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT, "
       "CONSTRAINT fk_kin_parent FOREIGN KEY (parent_id) REFERENCES kin_parent (id));\n",
       kin_parent + "CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT, "
       "CONSTRAINT fk_kin_parent FOREIGN KEY (parent_id) REFERENCES kin_parent (id));\n"
       "CREATE INDEX ix_kin_both ON kin (parent_id, code);\n")
    my("auto_increment_key",
       "CREATE TABLE ai (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(10) NOT NULL);\n",
       "CREATE TABLE ai (id INT AUTO_INCREMENT, code VARCHAR(10) NOT NULL, PRIMARY KEY (id, code));\n")
    my("generated_virtual_stored",
       "CREATE TABLE g (id INT PRIMARY KEY, a INT, b INT AS (a * 2) VIRTUAL, c INT, d INT AS (a + 1) STORED);\n",
       "CREATE TABLE g (id INT PRIMARY KEY, a INT, b INT AS (a * 2) STORED, c INT, d INT AS (a + 1) VIRTUAL);\n")
    my("invisible_columns",
       "CREATE TABLE iv (id INT PRIMARY KEY, a INT, b INT INVISIBLE);\n",
       "CREATE TABLE iv (id INT PRIMARY KEY, a INT INVISIBLE, b INT, secret INT INVISIBLE DEFAULT 0);\n")
    logged = "CREATE TABLE ev (id INT PRIMARY KEY, body TEXT, changed TIMESTAMP NULL, n INT DEFAULT 0);\n"
    my("triggers", logged,
       logged + "CREATE TRIGGER trg_ev_touch BEFORE UPDATE ON ev FOR EACH ROW SET NEW.changed = NOW();\n"
       "CREATE TRIGGER trg_ev_count BEFORE INSERT ON ev FOR EACH ROW\nBEGIN\n"
       "  IF NEW.body IS NULL THEN SET NEW.body = ''; END IF;\n  SET NEW.n = NEW.n + 1;\nEND;\n")
    my("trigger_replaced",
       logged + "CREATE TRIGGER trg_ev_touch BEFORE UPDATE ON ev FOR EACH ROW SET NEW.changed = NOW();\n",
       logged + "CREATE TRIGGER trg_ev_touch BEFORE UPDATE ON ev FOR EACH ROW SET NEW.n = NEW.n + 1;\n")
    my("table_options",
       "CREATE TABLE o (id INT PRIMARY KEY, s VARCHAR(10), t VARCHAR(10) COLLATE utf8mb4_bin);\n"
       "CREATE TABLE p (id INT PRIMARY KEY, s VARCHAR(10)) ENGINE=InnoDB ROW_FORMAT=COMPACT;\n",
       "CREATE TABLE o (id INT PRIMARY KEY, s VARCHAR(10), t VARCHAR(10) COLLATE utf8mb4_bin) "
       "ENGINE=Aria COMMENT='kept' DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n"
       "CREATE TABLE p (id INT PRIMARY KEY, s VARCHAR(10)) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;\n")
    my("sequences", "CREATE TABLE sq (id INT PRIMARY KEY);\n",
       "CREATE TABLE sq (id INT PRIMARY KEY);\n"
       "CREATE SEQUENCE s_orders START WITH 100 INCREMENT BY 5;\n"
       "CREATE SEQUENCE s_small MINVALUE 1 MAXVALUE 500 CYCLE;\n")
    my("sequence_altered", "CREATE SEQUENCE s_orders START WITH 100 INCREMENT BY 5;\n",
       "CREATE SEQUENCE s_orders START WITH 100 INCREMENT BY 10 MAXVALUE 100000;\n")
    my("on_update", "CREATE TABLE st (id INT PRIMARY KEY, ts TIMESTAMP NULL, n INT);\n",
       "CREATE TABLE st (id INT PRIMARY KEY, ts TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP "
       "ON UPDATE CURRENT_TIMESTAMP, n INT);\n")
    return out


def extra_pairs():
    out = []

    def pg(name, a, b):
        out.append(Pair("extra", name, "postgresql", a, b))

    person = "CREATE TABLE person (id integer PRIMARY KEY, m mood);\n"
    pg("enum_label_added", "CREATE TYPE mood AS ENUM ('sad', 'ok');\n" + person,
       "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n" + person)
    pg("enum_label_renamed", "CREATE TYPE mood AS ENUM ('sad', 'ok');\n" + person,
       "CREATE TYPE mood AS ENUM ('sad', 'fine');\n" + person)
    base = "CREATE TABLE t (id integer PRIMARY KEY, qty integer);\n"
    pg("domain_created", base, base + "CREATE DOMAIN posint AS integer CHECK (VALUE > 0);\n")
    pg("extension_created", base, base + "CREATE EXTENSION pg_trgm;\n")
    pg("extension_created_if_not_exists", base, base + "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n")
    pg("extension_type_column", base,
       "CREATE EXTENSION IF NOT EXISTS citext;\nCREATE TABLE t (id integer PRIMARY KEY, qty integer, email citext);\n")
    measurements = ("CREATE TABLE measurements (id integer NOT NULL, at date NOT NULL, v integer) PARTITION BY RANGE (at);\n"
                    "CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n")
    measurements2 = "CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
    pg("partitioned_table_created", base, base + measurements + measurements2)
    pg("partition_added", base + measurements, base + measurements + measurements2)
    mv = "CREATE MATERIALIZED VIEW mv_t AS SELECT id, qty FROM t WHERE qty > 0;\n"
    mv_index = "CREATE INDEX ix_mv_t_qty ON mv_t (qty);\n"
    pg("matview_with_index_created", base, base + mv + mv_index)
    pg("matview_index_added", base + mv, base + mv + mv_index)
    view = "CREATE VIEW v_t AS SELECT id, qty FROM t;\n"
    pg("view_comment", base + view, base + view + "COMMENT ON VIEW v_t IS 'the t rows';\n")
    pg("unlogged_table", base, "CREATE UNLOGGED TABLE t (id integer PRIMARY KEY, qty integer);\n")
    pg("fillfactor", base, "CREATE TABLE t (id integer PRIMARY KEY, qty integer) WITH (fillfactor = 70);\n")
    pg("pk_change_referenced",
       "CREATE TABLE parent (id integer PRIMARY KEY, code text NOT NULL);\n"
       "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id));\n",
       "CREATE TABLE parent (id integer NOT NULL UNIQUE, code text PRIMARY KEY);\n"
       "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id));\n")
    return out


def all_pairs():
    return fixed_point_pairs() + object_kinds_pairs() + extra_pairs()


# --- Databases -------------------------------------------------------------------------------

class PgServer:
    engine = "postgresql"

    def __init__(self, url):
        import psycopg2
        self.psycopg2 = psycopg2
        parts = urlsplit(url)
        self.parts = parts._replace(scheme="postgresql")

    def url(self, db, driver=False):
        scheme = "postgresql+psycopg2" if driver else "postgresql"
        return urlunsplit(self.parts._replace(scheme=scheme, path="/" + db))

    def _admin(self):
        conn = self.psycopg2.connect(self.url(self.parts.path.lstrip("/")))
        conn.autocommit = True
        return conn

    def recreate(self, db, ddl):
        self.drop(db)
        conn = self._admin()
        conn.cursor().execute('CREATE DATABASE "%s"' % db)
        conn.close()
        if ddl.strip():
            conn = self.psycopg2.connect(self.url(db))
            conn.autocommit = True
            conn.cursor().execute(ddl)
            conn.close()

    def drop(self, db):
        conn = self._admin()
        conn.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % db)
        conn.close()


class MysqlServer:
    """A MariaDB (or MySQL) server; the DDL is sent as one multi-statement query, so that the
    server, not a splitter here, reads compound statements (BEGIN ... END of triggers)."""
    engine = "mysql"

    def __init__(self, url):
        import pymysql
        import pymysql.constants.CLIENT
        self.pymysql = pymysql
        self.parts = urlsplit(url)._replace(scheme="mysql")

    def url(self, db, driver=False):
        scheme = "mysql+pymysql" if driver else "mysql"
        return urlunsplit(self.parts._replace(scheme=scheme, path="/" + db))

    def _connect(self, db=None):
        p = self.parts
        return self.pymysql.connect(host=p.hostname, port=p.port or 3306, user=unquote(p.username or ""),
                                    password=unquote(p.password or ""), database=db, autocommit=True,
                                    client_flag=self.pymysql.constants.CLIENT.MULTI_STATEMENTS)

    def recreate(self, db, ddl):
        self.drop(db)
        conn = self._connect()
        conn.cursor().execute("CREATE DATABASE `%s`" % db)
        conn.close()
        if ddl.strip():
            conn = self._connect(db)
            cursor = conn.cursor()
            cursor.execute(ddl)
            while cursor.nextset():  # each statement's result; an error raises here
                pass
            conn.close()

    def drop(self, db):
        conn = self._connect()
        conn.cursor().execute("DROP DATABASE IF EXISTS `%s`" % db)
        conn.close()


class SqliteServer:
    engine = "sqlite"

    def __init__(self, directory):
        self.directory = directory

    def path(self, db):
        return os.path.join(self.directory, db + ".db")

    def url(self, db, driver=False):
        return "sqlite:///" + self.path(db)

    def recreate(self, db, ddl):
        self.drop(db)
        conn = sqlite3.connect(self.path(db))
        conn.executescript(ddl)
        conn.close()

    def drop(self, db):
        if os.path.exists(self.path(db)):
            os.remove(self.path(db))


# --- The two tools ---------------------------------------------------------------------------

def _name(obj):
    return getattr(obj, "name", None) or "(unnamed)"


def _default_text(value):
    if value is None:
        return "none"
    arg = getattr(value, "arg", value)
    return str(getattr(arg, "text", arg))


def alembic_items(diff):
    """compare_metadata()'s result as (kind, table, object, text) tuples."""
    items = []
    for entry in diff:
        if isinstance(entry, list):
            items.extend(alembic_items(entry))
            continue
        kind = entry[0]
        if kind in ("add_table", "remove_table"):
            items.append((kind, entry[1].name, "", "%s %s" % (kind, entry[1].name)))
        elif kind in ("add_column", "remove_column"):
            table, column = entry[2], entry[3]
            items.append((kind, table, column.name, "%s %s.%s %s" % (kind, table, column.name, column.type)))
        elif kind in ("add_index", "remove_index"):
            index = entry[1]
            items.append((kind, index.table.name, _name(index), "%s %s%s on %s" % (
                kind, "unique " if index.unique else "", _name(index), index.table.name)))
        elif kind in ("add_constraint", "remove_constraint"):
            c = entry[1]
            items.append((kind, c.table.name, _name(c), "%s %s %s on %s" % (
                kind, type(c).__name__, _name(c), c.table.name)))
        elif kind in ("add_fk", "remove_fk"):
            fk = entry[1]
            items.append((kind, fk.parent.name, _name(fk), "%s %s on %s" % (kind, _name(fk), fk.parent.name)))
        elif kind.startswith("modify_"):
            _, _schema, table, column, info, old, new = entry
            if kind == "modify_default":
                change = "%s -> %s" % (_default_text(old), _default_text(new))
            elif kind == "modify_nullable":
                change = "%s -> %s" % ("NULL" if old else "NOT NULL", "NULL" if new else "NOT NULL")
            else:
                change = "%s -> %s" % (old, new)
            items.append((kind, table, column, "%s %s.%s: %s" % (kind, table, column, change)))
        elif kind in ("add_table_comment", "remove_table_comment"):
            items.append((kind, entry[1].name, "", "%s %s" % (kind, entry[1].name)))
        else:
            items.append((kind, "", "", repr(entry)))
    return items


def run_alembic(target_url, desired_url, compare_server_default=True):
    """Returns (items, warnings, error)."""
    items, error = [], None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            desired = sa.create_engine(desired_url, poolclass=NullPool)
            metadata = sa.MetaData()
            metadata.reflect(bind=desired, views=True)
            desired.dispose()
            target = sa.create_engine(target_url, poolclass=NullPool)
            with target.connect() as connection:
                context = MigrationContext.configure(
                    connection, opts={"compare_type": True, "compare_server_default": compare_server_default})
                items = alembic_items(compare_metadata(context, metadata))
            target.dispose()
        except Exception as e:  # recorded, not fatal: raising is a result too
            error = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
    notes = sorted({str(w.message).splitlines()[0] for w in caught})
    return items, notes, error


def run_alembic_or_fallback(target_url, desired_url):
    """Alembic as asked (compare_server_default on); when that raises, also what it finds with
    compare_server_default off. Returns (items, warnings, error, fallback items or None)."""
    items, notes, error = run_alembic(target_url, desired_url)
    fallback = None
    if error:
        fallback, more, _ = run_alembic(target_url, desired_url, compare_server_default=False)
        notes = sorted(set(notes) | set(more))
    return items, notes, error, fallback


def run_stratum(stratum, target_url, desired_ddl, workdir):
    """Returns (operation lines, error)."""
    project = os.path.join(workdir, "p")
    shutil.rmtree(project, ignore_errors=True)
    init = subprocess.run([stratum, "init", project], capture_output=True, text=True)
    if init.returncode != 0:
        return [], "init failed: " + init.stderr.strip()
    schema_dir = os.path.join(project, "schema")
    for f in os.listdir(schema_dir):
        os.remove(os.path.join(schema_dir, f))
    with open(os.path.join(schema_dir, "b.sql"), "w") as f:
        f.write(desired_ddl)
    ini = os.path.join(project, "stratum.ini")
    with open(ini) as f:
        text = f.read()
    # Every run normalises B afresh: no cache shared between runs.
    text = re.sub(r"(?m)^schema_cache\s*=.*$", "schema_cache = false", text)
    with open(ini, "w") as f:
        f.write(text)
    env = dict(os.environ, STRATUM_URL=target_url)  # the URL stays out of the project's files
    check = subprocess.run([stratum, "check"], cwd=project, env=env, capture_output=True, text=True)
    lines = [l for l in check.stdout.splitlines() if l.strip()]
    if check.returncode in (0, 1):  # 0: nothing to do, 1: the operations listed
        return lines, None
    err = [l for l in check.stderr.splitlines() if l.strip() and not l.startswith("INFO")]
    message = (err[0] if err else "").replace(project + os.sep, "")
    return lines, "exit %d: %s" % (check.returncode, message)


# --- Comparing the two -------------------------------------------------------------------------

def covers(item, stratum_lines):
    """Whether one of Stratum's operations is the change Alembic's item reports."""
    kind, table, obj, _ = item
    esc = re.escape

    def any_line(pattern):
        return any(re.search(pattern, l) for l in stratum_lines)
    if kind == "add_table":
        return any_line(r"^(create_table|create_view) %s( with |$)" % esc(table))
    if kind == "remove_table":
        return any_line(r"^(drop_table|drop_view) %s( with |$)" % esc(table))
    if kind in ("add_column", "remove_column") or kind.startswith("modify_"):
        verbs = "add_column|drop_column|alter_column|rename_column"
        return any_line(r"^(%s) %s\.%s[ :]" % (verbs, esc(table), esc(obj)))
    if kind in ("add_index", "remove_index", "add_constraint", "remove_constraint"):
        verb = "create_index|add_constraint|create_primary_key" if kind.startswith("add") \
            else "drop_index|drop_constraint|drop_primary_key"
        view = "create_view" if kind.startswith("add") else "drop_view"
        return any_line(r"^(%s) (unique )?%s( |$)" % (verb, esc(obj))) \
            or any_line(r"^%s %s with indexes \(.*\b%s\b" % (view, esc(table), esc(obj)))
    if kind in ("add_fk", "remove_fk"):
        verb = "add_fk" if kind == "add_fk" else "drop_fk"
        return any_line(r"^%s %s on %s " % (verb, esc(obj), esc(table)))
    if kind in ("add_table_comment", "remove_table_comment"):
        return any_line(r"^alter_table_comment %s$" % esc(table))
    return False


def key(item):
    return item[:3]


def cell(lines):
    if not lines:
        return "—"
    return "<br>".join("`%s`" % l.replace("|", "\\|").replace("`", "'") for l in lines)


def identity_runs(server, db, ddl, stratum, workdir):
    """Both tools on identical schemas: the database at db against itself (Alembic) and against
    its own DDL (Stratum). Whatever they report is a false positive."""
    return {"alembic": run_alembic_or_fallback(server.url(db, True), server.url(db, True)),
            "stratum": run_stratum(stratum, server.url(db), ddl, workdir)}


def run_direction(server, pair, direction, stratum, workdir):
    src, dst = (DB_A, DB_B) if direction == "forth" else (DB_B, DB_A)
    ddl_dst = pair.b if direction == "forth" else pair.a
    return {"alembic": run_alembic_or_fallback(server.url(src, True), server.url(dst, True)),
            "stratum": run_stratum(stratum, server.url(src), ddl_dst, workdir)}


def alembic_found(run):
    items, _, err, fallback = run
    return (fallback if err else items) or []


def row(pair, direction, result, same_dst, same_src, report_src):
    """One table row. same_dst, same_src: the identity runs on the desired and the starting
    side. An item Alembic reports from A to B that it also reports for A against A and for B
    against B says nothing about the difference (a view reflected as a table, say): it is left
    out of the coverage check. The identity runs of the starting side are reported only when
    report_src (pairs run in one direction; otherwise the other direction's row has them)."""
    a_items, a_warn, a_err, a_fallback = result["alembic"]
    s_lines, s_err = result["stratum"]
    noise = {key(i) for i in alembic_found(same_dst["alembic"])} & {key(i) for i in alembic_found(same_src["alembic"])}
    found = a_fallback if a_err else a_items
    found = found or []
    real = [i for i in found if key(i) not in noise]
    fp = [i for i in found if key(i) in noise]
    missed = sorted((i for i in real if not covers(i, s_lines)), key=lambda i: i[3])

    # Alembic's order depends on Python's set order (string hashing): sorted, for a stable table.
    alembic_cell = sorted(i[3] for i in a_items)
    if a_err:
        alembic_cell.append("raises " + a_err)
        if a_fallback is not None:
            alembic_cell.append("with compare_server_default=False:")
            alembic_cell.extend(sorted(i[3] for i in a_fallback))
            if not a_fallback:
                alembic_cell.append("(nothing)")
    stratum_cell = list(s_lines)
    if s_err:
        stratum_cell.append("error " + s_err)

    identity = [("B", same_dst)] if direction == "forth" else [("A", same_dst)]
    if report_src:
        identity.append(("A", same_src))
    notes, summary = [], {"missed": missed, "alembic_fp": list(fp), "stratum_fp": [], "alembic_error": a_err,
                          "stratum_error": s_err}
    if missed:
        notes.append("**Stratum misses:** " + "; ".join("`%s`" % i[3] for i in missed))
    for side, same in identity:
        items, _, err, fallback = same["alembic"]
        if err:
            notes.append("Alembic raises on identical schemas (%s vs %s)." % (side, side))
            summary["alembic_error"] = summary["alembic_error"] or err
        if fallback if err else items:
            notes.append("Alembic false positive on identical schemas (%s vs %s): " % (side, side)
                         + "; ".join(sorted("`%s`" % i[3] for i in (fallback if err else items))))
            summary["alembic_fp"] += [i for i in (fallback if err else items) if i not in summary["alembic_fp"]]
        lines, err = same["stratum"]
        if lines:
            notes.append("**Stratum false positive** on identical schemas (%s vs %s): " % (side, side)
                         + "; ".join("`%s`" % l for l in lines))
            summary["stratum_fp"] += lines
        if err:
            notes.append("Stratum fails on identical schemas (%s vs %s): %s" % (side, side, err))
            summary["stratum_error"] = summary["stratum_error"] or err
    if a_warn:
        notes.append("Alembic warns: " + "; ".join('"%s"' % w for w in a_warn))
    if not missed and real:
        notes.insert(0, "Stratum covers all Alembic finds.")
    name = pair.name if not pair.both else "%s (%s)" % (pair.name, direction)
    text = " ".join(notes).replace("|", "\\|")
    return "| %s | %s | %s | %s | %s |" % (name, pair.engine, cell(alembic_cell), cell(stratum_cell), text), summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="append", choices=["postgresql", "sqlite", "mysql"],
                        help="engines to run (default: all three)")
    parser.add_argument("--only", help="run only pairs whose name contains this")
    parser.add_argument("--stratum", default=os.environ.get("STRATUM_BIN", str(REPO / "build/dev/app/cli/stratum")))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    engines = args.engine or ["postgresql", "sqlite", "mysql"]

    workdir = tempfile.mkdtemp(prefix="cmp_kinds_")
    servers = {}
    if "postgresql" in engines:
        url = os.environ.get("STRATUM_TEST_PG_URL")
        if not url:
            sys.exit("STRATUM_TEST_PG_URL is not set")
        servers["postgresql"] = PgServer(url)
    if "sqlite" in engines:
        servers["sqlite"] = SqliteServer(workdir)
    if "mysql" in engines:
        url = os.environ.get("STRATUM_TEST_MYSQL_URL")
        if not url:
            sys.exit("STRATUM_TEST_MYSQL_URL is not set (or pass --engine postgresql --engine sqlite)")
        servers["mysql"] = MysqlServer(url)

    version = subprocess.run([args.stratum, "--version"], capture_output=True, text=True).stdout.strip()
    print("<!-- alembic %s, sqlalchemy %s, %s -->" % (alembic.__version__, sa.__version__, version))
    print()
    print("| Pair | Engine | Alembic %s detects | Stratum detects | Note |" % alembic.__version__)
    print("|---|---|---|---|---|")
    summaries = []
    try:
        for engine in ("postgresql", "sqlite", "mysql"):
            if engine not in servers:
                continue
            server = servers[engine]
            for pair in all_pairs():
                if pair.engine != engine or (args.only and args.only not in pair.name):
                    continue
                server.recreate(DB_A, pair.a)
                server.recreate(DB_B, pair.b)
                same = {DB_A: identity_runs(server, DB_A, pair.a, args.stratum, workdir),
                        DB_B: identity_runs(server, DB_B, pair.b, args.stratum, workdir)}
                for direction in (("forth", "back") if pair.both else ("forth",)):
                    result = run_direction(server, pair, direction, args.stratum, workdir)
                    dst = DB_B if direction == "forth" else DB_A
                    src = DB_A if direction == "forth" else DB_B
                    if args.verbose:
                        print("=== %s %s %s" % (pair.engine, pair.name, direction), file=sys.stderr)
                        for k, v in (list(result.items()) + [("same " + dst + " " + k, v) for k, v in same[dst].items()]):
                            print("  %s: %r" % (k, v), file=sys.stderr)
                    line, summary = row(pair, direction, result, same[dst], same[src], not pair.both)
                    print(line, flush=True)
                    summaries.append((pair, direction, summary))
    finally:
        for server in servers.values():
            server.drop(DB_A)
            server.drop(DB_B)
        shutil.rmtree(workdir, ignore_errors=True)

    print(file=sys.stderr)
    for pair, direction, s in summaries:
        flags = [k for k in ("missed", "alembic_fp", "stratum_fp", "alembic_error", "stratum_error") if s[k]]
        if flags:
            print("%s/%s %s: %s" % (pair.engine, pair.name, direction, ", ".join(flags)), file=sys.stderr)


if __name__ == "__main__":
    main()
