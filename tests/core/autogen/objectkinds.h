// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Pairs of desired schemas, A and B, with each object kind real projects use, on each engine
// that has it: tst_autogen migrates between them, tst_incremental normalises them.

#include <QList>
#include <QString>

namespace StratumTest {

struct ObjectKindCase
{
    QString engine;
    QString name;      ///< "engine/kind forth" (A → B) or "… back" (B → A)
    QString a;
    QString b;
    QString rows;      ///< rows put into A's tables before the upgrade
    QString probe;     ///< statements that must run on the upgraded database
    bool renames = false;   ///< compare with --detect-renames
};

/// Each object kind real projects use, on each engine that has it: created, altered and dropped
/// (A → B, then B → A by the downgrade), rows of the tables kept on both sides surviving.
inline QList<ObjectKindCase> objectKindCases()
{
    QList<ObjectKindCase> cases;
    const auto both = [&cases](const char *engine, const char *name, const QString &a, const QString &b,
                               const QString &rows = {}, const QString &probe = {}, bool renames = false) {
        const QString e = QString::fromLatin1(engine);
        const QString n = QStringLiteral("%1/%2").arg(e, QLatin1String(name));
        cases << ObjectKindCase{e, n + QStringLiteral(" forth"), a, b, rows, probe, renames}
              << ObjectKindCase{e, n + QStringLiteral(" back"), b, a, rows, probe, renames};
    };
    const auto pg = [&both](const char *name, const QString &a, const QString &b, const QString &rows = {},
                            const QString &probe = {}) {
        both("postgresql", name, a, b, rows, probe);
    };

    const QString docs = QStringLiteral(
        "CREATE TABLE docs (id integer PRIMARY KEY, title text, slug varchar(80), body jsonb, score integer, "
        "created timestamptz, tags text[]);\n");
    const QString docRows = QStringLiteral("INSERT INTO docs VALUES (1, 'a', 'a', '{}', 1, now(), '{x}'), "
                                           "(2, 'b', NULL, '{\"k\": 1}', NULL, NULL, NULL);\n");
    pg("index_include_and_opclass", docs + QStringLiteral("CREATE INDEX ix_docs_title ON docs (title);\n"),
       docs + QStringLiteral(
           "CREATE INDEX ix_docs_title ON docs (title) INCLUDE (score, slug);\n"
           "CREATE INDEX ix_docs_slug ON docs (slug text_pattern_ops);\n"
           "CREATE INDEX ix_docs_body ON docs USING gin (body jsonb_path_ops);\n"
           "CREATE INDEX ix_docs_tags ON docs USING gin (tags);\n"
           "CREATE INDEX ix_docs_created ON docs USING brin (created);\n"
           "CREATE INDEX ix_docs_score ON docs (score DESC NULLS LAST, id NULLS FIRST);\n"
           "CREATE INDEX ix_docs_lower ON docs (lower(title)) WHERE score > 0;\n"
           "CREATE UNIQUE INDEX ux_docs_slug ON docs (slug) NULLS NOT DISTINCT;\n"), docRows);
    pg("index_changes_in_place",
       docs + QStringLiteral("CREATE INDEX ix_docs_title ON docs (title) INCLUDE (score);\n"
                             "CREATE INDEX ix_docs_slug ON docs (slug);\n"
                             "CREATE INDEX ix_docs_score ON docs (score DESC);\n"),
       docs + QStringLiteral("CREATE INDEX ix_docs_title ON docs (title) INCLUDE (slug);\n"
                             "CREATE INDEX ix_docs_slug ON docs (slug varchar_pattern_ops);\n"
                             "CREATE INDEX ix_docs_score ON docs (score DESC NULLS LAST);\n"), docRows);
    const QString parent = QStringLiteral("CREATE TABLE parent (id integer PRIMARY KEY, code text, kind text, "
                                          "UNIQUE (code, kind));\n");
    const QString parentRows = QStringLiteral("INSERT INTO parent VALUES (1, 'a', 'x'), (2, 'b', NULL);\n"
                                              "INSERT INTO child VALUES (1, 1, 'a', 'x', 2);\n");
    pg("constraint_options",
       parent + QStringLiteral("CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id), "
                               "code text, kind text, qty integer CHECK (qty > 0), "
                               "CONSTRAINT uq_child_code UNIQUE (code));\n"),
       parent + QStringLiteral(
           "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, code text, kind text, qty integer, "
           "CONSTRAINT uq_child_code UNIQUE NULLS NOT DISTINCT (code) DEFERRABLE INITIALLY DEFERRED, "
           "CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) DEFERRABLE, "
           "CONSTRAINT fk_child_code FOREIGN KEY (code, kind) REFERENCES parent (code, kind) MATCH FULL, "
           "CONSTRAINT child_qty_check CHECK (qty > 0) NO INHERIT);\n"
           "ALTER TABLE child ADD CONSTRAINT ck_child_kind CHECK (kind <> '') NOT VALID;\n"
           "ALTER TABLE child ADD CONSTRAINT fk_child_parent2 FOREIGN KEY (qty) REFERENCES parent (id) NOT VALID;\n"),
       parentRows);

    // Views read views: created after what they read, dropped before it, and recreated
    // around a change of a table they read through another view.
    const auto layered = [](const QString &numeric, const QString &top) {
        return QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, price NUMERIC(%1), qty INTEGER);\n"
                              "CREATE VIEW z_base AS SELECT id, price, qty FROM items;\n"
                              "CREATE VIEW m_mid AS SELECT id, price FROM z_base WHERE qty > 0;\n"
                              "CREATE VIEW a_top AS SELECT %2 FROM m_mid;\n").arg(numeric, top);
    };
    const QString itemRows = QStringLiteral("INSERT INTO items VALUES (1, 2.5, 3), (2, 4, 0);\n");
    for (const char *engine : {"sqlite", "postgresql", "mysql"}) {
        both(engine, "views_on_views", layered(QStringLiteral("10,2"), QStringLiteral("id")),
             layered(QStringLiteral("12,2"), QStringLiteral("id, price")), itemRows);
        both(engine, "views_on_views_created", QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, "
                                                              "price NUMERIC(10,2), qty INTEGER);\n"),
             layered(QStringLiteral("10,2"), QStringLiteral("id")), itemRows);
    }

    // serial, identity and plain integers, and the conversions between them.
    pg("identity_and_serial",
       QStringLiteral("CREATE TABLE t1 (id serial PRIMARY KEY, v text);\n"
                      "CREATE TABLE t2 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);\n"
                      "CREATE TABLE t3 (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10) PRIMARY KEY, v text);\n"
                      "CREATE TABLE t4 (id integer PRIMARY KEY, v text);\n"
                      "CREATE TABLE t5 (id bigserial PRIMARY KEY, v text);\n"
                      "CREATE TABLE t6 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);\n"),
       QStringLiteral("CREATE TABLE t1 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);\n"
                      "CREATE TABLE t2 (id serial PRIMARY KEY, v text);\n"
                      "CREATE TABLE t3 (id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY, v text);\n"
                      "CREATE TABLE t4 (id serial PRIMARY KEY, v text);\n"
                      "CREATE TABLE t5 (id bigint PRIMARY KEY, v text);\n"
                      "CREATE TABLE t6 (id integer PRIMARY KEY, v text);\n"),
       QStringLiteral("INSERT INTO t1 (id, v) VALUES (1, 'a'), (2, 'b');\nINSERT INTO t2 (id, v) VALUES (1, 'a');\n"
                      "INSERT INTO t3 (id, v) OVERRIDING SYSTEM VALUE VALUES (5, 'a');\nINSERT INTO t4 VALUES (7, 'a');\n"
                      "INSERT INTO t5 (id, v) VALUES (3, 'a');\nINSERT INTO t6 (id, v) VALUES (4, 'a');\n"),
       // Numbered columns go on after the rows that are there.
       QStringLiteral("INSERT INTO t1 (v) VALUES ('new'); INSERT INTO t2 (v) VALUES ('new'); "
                      "INSERT INTO t3 (v) VALUES ('new');\n"
                      "DELETE FROM t1 WHERE v = 'new'; DELETE FROM t2 WHERE v = 'new'; DELETE FROM t3 WHERE v = 'new';\n"));

    // Trigger functions and their triggers; a function replaced in place, a procedure.
    const QString stamped = QStringLiteral("CREATE TABLE notes (id integer PRIMARY KEY, body text, updated timestamptz);\n");
    const QString touch = QStringLiteral(
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated := %1;\n  RETURN NEW;\nEND\n$$;\n");
    pg("functions_and_triggers", stamped,
       stamped + touch.arg(QStringLiteral("now()"))
           + QStringLiteral("CREATE TRIGGER trg_notes_touch BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n"
                            "CREATE FUNCTION note_count(min_id integer DEFAULT 0) RETURNS bigint LANGUAGE sql STABLE "
                            "AS $$ SELECT count(*) FROM notes WHERE id >= min_id $$;\n"
                            "CREATE PROCEDURE purge_notes() LANGUAGE sql AS $$ DELETE FROM notes WHERE body IS NULL $$;\n"),
       QStringLiteral("INSERT INTO notes VALUES (1, 'kept', NULL);\n"));
    pg("function_replaced",
       stamped + touch.arg(QStringLiteral("now()"))
           + QStringLiteral("CREATE TRIGGER trg_notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n"),
       stamped + touch.arg(QStringLiteral("clock_timestamp()"))
           + QStringLiteral("CREATE TRIGGER trg_notes_touch BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();\n"),
       QStringLiteral("INSERT INTO notes VALUES (1, 'kept', NULL);\n"));

    // Extensions: created before what uses them, dropped after; a schema file's CREATE
    // EXTENSION of one the database has already is no change.
    const QString people = QStringLiteral("CREATE TABLE people (id integer PRIMARY KEY, name text);\n");
    pg("extensions", QStringLiteral("CREATE EXTENSION IF NOT EXISTS citext;\n") + people,
       QStringLiteral("CREATE EXTENSION IF NOT EXISTS citext;\nCREATE EXTENSION pg_trgm;\nCREATE EXTENSION \"uuid-ossp\";\n"
                      "CREATE TABLE people (id integer PRIMARY KEY, name text, email citext);\n"
                      "CREATE INDEX ix_people_name ON people USING gin (name gin_trgm_ops);\n"
                      "CREATE INDEX ix_people_trgm ON people USING gist (name gist_trgm_ops);\n"
                      "CREATE INDEX ix_people_id ON people USING hash (id);\n"
                      "CREATE VIEW v_people AS SELECT id, lower(email) AS email FROM people;\n"),
       QStringLiteral("INSERT INTO people VALUES (1, 'a');\n"));

    // A primary key that foreign keys reference changes: the keys are dropped and added
    // again around it.
    const QString keyed = QStringLiteral(
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, "
        "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE);\n");
    const QString keyedRows = QStringLiteral("INSERT INTO parent VALUES (1, 'a'), (2, 'b');\nINSERT INTO child VALUES (1, 1), (2, 2);\n");
    for (const char *engine : {"postgresql", "mysql"}) {
        both(engine, "primary_key_referenced",
             QStringLiteral("CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, "
                            "CONSTRAINT parent_pkey PRIMARY KEY (id));\n") + keyed,
             QStringLiteral("CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, "
                            "CONSTRAINT uq_parent_id UNIQUE (id), CONSTRAINT parent_pkey PRIMARY KEY (code));\n") + keyed,
             keyedRows);
    }
    pg("primary_key_renamed",
       QStringLiteral("CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10), CONSTRAINT parent_pkey PRIMARY KEY (id));\n") + keyed,
       QStringLiteral("CREATE TABLE parent (id INTEGER NOT NULL, code VARCHAR(10), CONSTRAINT pk_parent PRIMARY KEY (id));\n") + keyed,
       keyedRows);

    // Enums: labels added in place (BEFORE/AFTER), renamed in place, and the type recreated
    // only when a label goes, with the columns, arrays, defaults, views, index predicates and
    // checks that use it.
    const auto moods = [](const QString &labels) {
        return QStringLiteral("CREATE TYPE mood AS ENUM (%1);\n"
                              "CREATE TABLE p (id integer PRIMARY KEY, m mood DEFAULT 'sad', ms mood[], note text);\n"
                              "CREATE VIEW v_p AS SELECT id, m FROM p WHERE m <> 'sad';\n"
                              "CREATE VIEW v_p2 AS SELECT id FROM v_p;\n"
                              "CREATE INDEX ix_p_sad ON p (id) WHERE m = 'sad';\nCREATE INDEX ix_p_m ON p (m);\n"
                              "ALTER TABLE p ADD CONSTRAINT ck_p CHECK (m <> 'sad' OR id > 0);\n").arg(labels);
    };
    const QString moodRows = QStringLiteral("INSERT INTO p VALUES (1, 'sad', '{sad,ok}', 'x'), (2, 'ok', NULL, 'y');\n");
    const QString moodProbe = QStringLiteral("INSERT INTO p (id) VALUES (9);\nDELETE FROM p WHERE id = 9;\n");
    pg("enum_values_added", moods(QStringLiteral("'sad', 'ok'")), moods(QStringLiteral("'awful', 'sad', 'meh', 'ok', 'great'")),
       moodRows, moodProbe);
    pg("enum_value_renamed", moods(QStringLiteral("'sad', 'ok', 'fine'")), moods(QStringLiteral("'sad', 'okay', 'fine'")),
       // The second label, whatever it is called on the side the rows go in.
       QStringLiteral("INSERT INTO p VALUES (1, 'sad', '{sad,fine}', 'x');\n"
                      "INSERT INTO p SELECT 2, (enum_range(NULL::mood))[2], ARRAY[(enum_range(NULL::mood))[2]], 'y';\n"),
       moodProbe);
    pg("enum_values_reordered", moods(QStringLiteral("'sad', 'ok', 'fine'")), moods(QStringLiteral("'fine', 'sad', 'ok'")),
       moodRows, moodProbe);

    // Partitioned tables (RANGE, LIST, HASH) with their partitions; partitions added, dropped
    // and given another bound with their rows kept.
    const QString t0 = QStringLiteral("CREATE TABLE t0 (id integer PRIMARY KEY, qty integer);\n");
    const QString measured = QStringLiteral(
        "CREATE TABLE measurements (id integer NOT NULL, at date NOT NULL, v integer, PRIMARY KEY (id, at)) "
        "PARTITION BY RANGE (at);\n"
        "CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('%1');\n"
        "CREATE INDEX ix_measurements_v ON measurements (v);\n");
    pg("partitions_created", t0,
       t0 + measured.arg(QStringLiteral("2025-01-01"))
           + QStringLiteral("CREATE TABLE a_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
                            "CREATE TABLE lists (id integer, region text) PARTITION BY LIST (region);\n"
                            "CREATE TABLE lists_eu PARTITION OF lists FOR VALUES IN ('eu', 'ch');\n"
                            "CREATE TABLE lists_other PARTITION OF lists DEFAULT;\n"
                            "CREATE TABLE hashed (id integer NOT NULL) PARTITION BY HASH (id);\n"
                            "CREATE TABLE hashed_0 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);\n"
                            "CREATE TABLE hashed_1 PARTITION OF hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);\n"),
       QStringLiteral("INSERT INTO t0 VALUES (1, 1);\n"));
    const QString measuredRows = QStringLiteral("INSERT INTO measurements VALUES (1, '2024-03-01', 5), (2, '2024-12-31', 6);\n");
    pg("partition_added", measured.arg(QStringLiteral("2025-01-01")),
       measured.arg(QStringLiteral("2025-01-01"))
           + QStringLiteral("CREATE TABLE a_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"),
       measuredRows);
    pg("partition_bound_changed", measured.arg(QStringLiteral("2025-01-01")), measured.arg(QStringLiteral("2025-06-01")),
       measuredRows);

    // UNLOGGED and storage parameters.
    pg("unlogged_and_storage", QStringLiteral("CREATE TABLE u (id integer PRIMARY KEY, v integer) WITH (fillfactor=90);\n"),
       QStringLiteral("CREATE UNLOGGED TABLE u (id integer PRIMARY KEY, v integer) WITH (fillfactor=70, autovacuum_enabled=false);\n"
                      "CREATE UNLOGGED TABLE cache (k text PRIMARY KEY) WITH (fillfactor=50);\n"),
       QStringLiteral("INSERT INTO u VALUES (1, 2);\n"));

    // Domains: created before the tables that use them, altered in place.
    const QString domainTable = QStringLiteral("CREATE TABLE orders (id integer PRIMARY KEY, qty quantity, code sku);\n");
    pg("domains", QStringLiteral("CREATE TABLE t1 (id integer PRIMARY KEY);\n"),
       QStringLiteral("CREATE TABLE t1 (id integer PRIMARY KEY);\n"
                      "CREATE DOMAIN quantity AS integer DEFAULT 1 NOT NULL CONSTRAINT quantity_positive CHECK (VALUE > 0);\n"
                      "CREATE DOMAIN sku AS varchar(12) CHECK (VALUE ~ '^[A-Z0-9-]+$');\n") + domainTable);
    pg("domains_altered",
       QStringLiteral("CREATE DOMAIN quantity AS integer DEFAULT 1 CONSTRAINT quantity_positive CHECK (VALUE > 0);\n"
                      "CREATE DOMAIN sku AS varchar(12);\n") + domainTable,
       QStringLiteral("CREATE DOMAIN quantity AS integer NOT NULL CONSTRAINT quantity_small CHECK (VALUE < 1000);\n"
                      "CREATE DOMAIN sku AS varchar(12) DEFAULT 'NONE' CONSTRAINT sku_upper CHECK (VALUE = upper(VALUE));\n")
           + domainTable,
       QStringLiteral("INSERT INTO orders VALUES (1, 5, 'A-1');\n"));

    // SQLite drops a column nothing else names in place, and rebuilds the table otherwise.
    both("sqlite", "drop_columns",
         QStringLiteral("CREATE TABLE d (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c INTEGER, e INTEGER CHECK (e > 0), "
                        "f INTEGER UNIQUE);\nCREATE INDEX ix_d_c ON d (c);\nCREATE VIEW v_d AS SELECT id, a FROM d;\n"),
         QStringLiteral("CREATE TABLE d (id INTEGER PRIMARY KEY, a TEXT, e INTEGER CHECK (e > 0));\n"
                        "CREATE VIEW v_d AS SELECT id, a FROM d;\n"),
         QStringLiteral("INSERT INTO d (id, a, e) VALUES (1, 'a', 4);\n"));
    both("sqlite", "drop_plain_columns",
         QStringLiteral("CREATE TABLE d (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c INTEGER);\nCREATE INDEX ix_d_c ON d (c);\n"
                        "CREATE TRIGGER trg_d AFTER UPDATE OF a ON d BEGIN SELECT 1; END;\n"),
         QStringLiteral("CREATE TABLE d (id INTEGER PRIMARY KEY, a TEXT);\n"
                        "CREATE TRIGGER trg_d AFTER UPDATE OF a ON d BEGIN SELECT 1; END;\n"),
         QStringLiteral("INSERT INTO d (id, a) VALUES (1, 'a');\n"));

    // A column renamed (with rename detection): the rows stay, and the views that read it
    // (MariaDB keeps the old name in a view's text) read the new name.
    for (const char *engine : {"sqlite", "postgresql", "mysql"})
        both(engine, "renamed_column_read_by_view",
             QStringLiteral("CREATE TABLE r (id INTEGER PRIMARY KEY, title VARCHAR(20), qty INTEGER);\n"
                            "CREATE VIEW v_r AS SELECT id, title FROM r;\nCREATE VIEW v_r2 AS SELECT title FROM v_r;\n"),
             QStringLiteral("CREATE TABLE r (id INTEGER PRIMARY KEY, name VARCHAR(20), qty INTEGER);\n"
                            "CREATE VIEW v_r AS SELECT id, name FROM r;\nCREATE VIEW v_r2 AS SELECT name FROM v_r;\n"),
             QStringLiteral("INSERT INTO r VALUES (1, 'kept', 2);\n"), QString(), true);

    // Type changes that convert values: the revision notes them above the statement, and runs.
    for (const char *engine : {"postgresql", "mysql"})
        both(engine, "type_conversions",
             QStringLiteral("CREATE TABLE conv (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c VARCHAR(20), d NUMERIC(10,2));\n"),
             QStringLiteral("CREATE TABLE conv (id INTEGER PRIMARY KEY, a INTEGER, b BIGINT, c VARCHAR(10), d INTEGER);\n"),
             QStringLiteral("INSERT INTO conv VALUES (1, '12', 3, 'abc', 2);\n"));

    // Materialized views with their indexes; comments on views.
    const QString base = QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, qty integer, label text);\n");
    const QString matview = QStringLiteral("CREATE MATERIALIZED VIEW mv_t AS SELECT id, qty FROM t WHERE qty > 0;\n");
    const QString plainView = QStringLiteral("CREATE VIEW v_t AS SELECT id, label FROM t;\n");
    const QString tRows = QStringLiteral("INSERT INTO t VALUES (1, 2, 'a'), (2, 0, 'b');\n");
    pg("materialized_view_created", base,
       base + matview + QStringLiteral("CREATE UNIQUE INDEX ux_mv_t_id ON mv_t (id);\nCREATE INDEX ix_mv_t_qty ON mv_t (qty DESC);\n"
                                       "COMMENT ON MATERIALIZED VIEW mv_t IS 'positive';\n") + plainView
           + QStringLiteral("COMMENT ON VIEW v_t IS 'labels';\n"), tRows);
    pg("materialized_view_indexes", base + matview + QStringLiteral("CREATE INDEX ix_mv_t_qty ON mv_t (qty);\n") + plainView,
       base + matview + QStringLiteral("CREATE UNIQUE INDEX ux_mv_t_id ON mv_t (id);\nCREATE INDEX ix_mv_t_qty ON mv_t (qty DESC);\n")
           + plainView + QStringLiteral("COMMENT ON VIEW v_t IS 'labels';\n"), tRows);

    // A function whose return type or parameters change is dropped and created again; a SQL
    // function reading a table created in the same revision comes after it.
    pg("function_signature_changed",
       stamped + QStringLiteral("CREATE FUNCTION note_total(min_id integer DEFAULT 0) RETURNS integer LANGUAGE sql STABLE "
                                "AS $$ SELECT count(*)::integer FROM notes WHERE id >= min_id $$;\n"),
       stamped + QStringLiteral("CREATE FUNCTION note_total(first_id integer) RETURNS bigint LANGUAGE sql STABLE "
                                "AS $$ SELECT count(*) FROM notes WHERE id >= first_id $$;\n"),
       QStringLiteral("INSERT INTO notes VALUES (1, 'kept', NULL);\n"));
    pg("function_reading_new_table", QString(),
       stamped + QStringLiteral("CREATE FUNCTION note_total() RETURNS bigint LANGUAGE sql STABLE "
                                "AS $$ SELECT count(*) FROM notes $$;\n"));

    // MariaDB: checks written on a column stay on it through MODIFY (JSON carries one).
    const auto my = [&both](const char *name, const QString &a, const QString &b, const QString &rows = {},
                            const QString &probe = {}) {
        both("mysql", name, a, b, rows, probe);
    };
    my("column_checks",
       QStringLiteral("CREATE TABLE m (id INT PRIMARY KEY, doc JSON, qty INT CHECK (qty > 0), name VARCHAR(20));\n"),
       QStringLiteral("CREATE TABLE m (id INT PRIMARY KEY, doc JSON NOT NULL, qty BIGINT CHECK (qty > 0), "
                      "name VARCHAR(40) CHECK (name <> ''), CONSTRAINT ck_m CHECK (qty < 1000));\n"
                      "CREATE TABLE n (id INT PRIMARY KEY, meta JSON);\n"),
       QStringLiteral("INSERT INTO m VALUES (1, '{}', 2, 'a');\n"),
       QStringLiteral("INSERT INTO m (id, doc, qty, name) VALUES (2, '[]', 1, 'b');\nDELETE FROM m WHERE id = 2;\n"));
    // The index InnoDB makes for a foreign key by itself, and drops once another covers it.
    const QString kinParent = QStringLiteral("CREATE TABLE kin_parent (id INT PRIMARY KEY, code INT, UNIQUE (code));\n");
    const QString kinRows = QStringLiteral("INSERT INTO kin_parent VALUES (1, 10);\nINSERT INTO kin VALUES (1, 1, 10);\n");
    my("foreign_key_index",
       kinParent + QStringLiteral("CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT);\n"),
       kinParent + QStringLiteral("CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT, "
                                  "CONSTRAINT fk_kin_parent FOREIGN KEY (parent_id) REFERENCES kin_parent (id), "
                                  "CONSTRAINT fk_kin_code FOREIGN KEY (code) REFERENCES kin_parent (code));\n"
                                  "CREATE INDEX ix_kin_code ON kin (code, parent_id);\n"), kinRows);
    my("foreign_key_index_covered",
       kinParent + QStringLiteral("CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT, "
                                  "CONSTRAINT fk_kin_parent FOREIGN KEY (parent_id) REFERENCES kin_parent (id));\n"),
       kinParent + QStringLiteral("CREATE TABLE kin (id INT PRIMARY KEY, parent_id INT, code INT, "
                                  "CONSTRAINT fk_kin_parent FOREIGN KEY (parent_id) REFERENCES kin_parent (id));\n"
                                  "CREATE INDEX ix_kin_both ON kin (parent_id, code);\n"), kinRows);
    my("auto_increment_key",
       QStringLiteral("CREATE TABLE ai (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(10) NOT NULL);\n"),
       QStringLiteral("CREATE TABLE ai (id INT AUTO_INCREMENT, code VARCHAR(10) NOT NULL, PRIMARY KEY (id, code));\n"),
       QStringLiteral("INSERT INTO ai (code) VALUES ('a'), ('b');\n"),
       QStringLiteral("INSERT INTO ai (code) VALUES ('new');\nDELETE FROM ai WHERE code = 'new';\n"));
    my("generated_virtual_stored",
       QStringLiteral("CREATE TABLE g (id INT PRIMARY KEY, a INT, b INT AS (a * 2) VIRTUAL, c INT, "
                      "d INT AS (a + 1) STORED);\n"),
       QStringLiteral("CREATE TABLE g (id INT PRIMARY KEY, a INT, b INT AS (a * 2) STORED, c INT, "
                      "d INT AS (a + 1) VIRTUAL);\n"),
       QStringLiteral("INSERT INTO g (id, a, c) VALUES (1, 2, 3);\n"));
    my("invisible_columns",
       QStringLiteral("CREATE TABLE iv (id INT PRIMARY KEY, a INT, b INT INVISIBLE);\n"),
       QStringLiteral("CREATE TABLE iv (id INT PRIMARY KEY, a INT INVISIBLE, b INT, secret INT INVISIBLE DEFAULT 0);\n"),
       QStringLiteral("INSERT INTO iv (id, a, b) VALUES (1, 2, 3);\n"));
    const QString logged = QStringLiteral("CREATE TABLE ev (id INT PRIMARY KEY, body TEXT, changed TIMESTAMP NULL, n INT DEFAULT 0);\n");
    my("triggers", logged,
       logged + QStringLiteral("CREATE TRIGGER trg_ev_touch BEFORE UPDATE ON ev FOR EACH ROW SET NEW.changed = NOW();\n"
                               "CREATE TRIGGER trg_ev_count BEFORE INSERT ON ev FOR EACH ROW\nBEGIN\n"
                               "  IF NEW.body IS NULL THEN SET NEW.body = ''; END IF;\n  SET NEW.n = NEW.n + 1;\nEND;\n"),
       QStringLiteral("INSERT INTO ev (id, body) VALUES (1, 'kept');\n"));
    my("trigger_replaced",
       logged + QStringLiteral("CREATE TRIGGER trg_ev_touch BEFORE UPDATE ON ev FOR EACH ROW SET NEW.changed = NOW();\n"),
       logged + QStringLiteral("CREATE TRIGGER trg_ev_touch BEFORE UPDATE ON ev FOR EACH ROW SET NEW.n = NEW.n + 1;\n"),
       QStringLiteral("INSERT INTO ev (id, body) VALUES (1, 'kept');\n"));
    my("table_options",
       QStringLiteral("CREATE TABLE o (id INT PRIMARY KEY, s VARCHAR(10), t VARCHAR(10) COLLATE utf8mb4_bin);\n"
                      "CREATE TABLE p (id INT PRIMARY KEY, s VARCHAR(10)) ENGINE=InnoDB ROW_FORMAT=COMPACT;\n"),
       QStringLiteral("CREATE TABLE o (id INT PRIMARY KEY, s VARCHAR(10), t VARCHAR(10) COLLATE utf8mb4_bin) "
                      "ENGINE=Aria COMMENT='kept' DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n"
                      "CREATE TABLE p (id INT PRIMARY KEY, s VARCHAR(10)) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;\n"),
       QStringLiteral("INSERT INTO o VALUES (1, 'a', 'b');\nINSERT INTO p VALUES (1, 'a');\n"));
    my("sequences", QStringLiteral("CREATE TABLE sq (id INT PRIMARY KEY);\n"),
       QStringLiteral("CREATE TABLE sq (id INT PRIMARY KEY);\n"
                      "CREATE SEQUENCE s_orders START WITH 100 INCREMENT BY 5;\n"
                      "CREATE SEQUENCE s_small MINVALUE 1 MAXVALUE 500 CYCLE;\n"));
    my("sequence_altered", QStringLiteral("CREATE SEQUENCE s_orders START WITH 100 INCREMENT BY 5;\n"),
       QStringLiteral("CREATE SEQUENCE s_orders START WITH 100 INCREMENT BY 10 MAXVALUE 100000;\n"));
    my("on_update", QStringLiteral("CREATE TABLE st (id INT PRIMARY KEY, ts TIMESTAMP NULL, n INT);\n"),
       QStringLiteral("CREATE TABLE st (id INT PRIMARY KEY, ts TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP "
                      "ON UPDATE CURRENT_TIMESTAMP, n INT);\n"),
       QStringLiteral("INSERT INTO st VALUES (1, NULL, 1);\n"));
    return cases;
}

} // namespace StratumTest
