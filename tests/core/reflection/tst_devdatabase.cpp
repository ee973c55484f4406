// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The dev database's fast paths on real SQLite, PostgreSQL and MariaDB: a long desired schema
// normalises to exactly what one database built statement by statement holds (SQLite spreads
// it over several in-memory databases, PostgreSQL sends it in batches or, when long, in
// committed transactions on several sessions, as MariaDB does), a failing statement is still
// reported at its file and line with the database's own message, and scratch schemas left by
// a process that died are swept.

#include "stratum/autogen/comparator.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemareflector.h"

#include "../../support/testservers.h"

#include <QFile>
#include <QRandomGenerator>

using namespace Stratum;

namespace {

QString describe(const QList<Operation> &ops)
{
    QStringList lines;
    for (const Operation &op : ops)
        lines << op.describe();
    return lines.join(QLatin1Char('\n'));
}

QString writeFile(const QString &dir, const QString &name, const QString &text)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.toUtf8());
    return path;
}

// A desired schema of \a tables tables with an index each, one statement per line, with
// \a injected put in as its own line after the \a after-th statement; \a injectedLine gets
// that line's number. Names need quoting (mixed case); each table refers to another.
QString longSchema(const QString &engine, int tables, const QString &injected = {}, int after = -1,
                   int *injectedLine = nullptr)
{
    const Dialect &dialect = *Dialect::find(engine);
    const auto table = [&](int i) { return dialect.quoteIdentifier(QStringLiteral("Tab_%1").arg(i, 4, 10, QLatin1Char('0'))); };
    QStringList statements;
    for (int i = 0; i < tables; ++i) {
        statements << QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, parent_id INTEGER, "
                                     "name VARCHAR(40) NOT NULL DEFAULT 'x', n INTEGER CHECK (n >= 0), "
                                     "FOREIGN KEY (parent_id) REFERENCES %2 (id))")
                          .arg(table(i), table(i / 2));
        statements << QStringLiteral("CREATE INDEX %1 ON %2 (name, n)")
                          .arg(dialect.quoteIdentifier(QStringLiteral("ix_%1").arg(i)), table(i));
    }
    if (engine == QLatin1String("sqlite")) {
        // What the partitions must not lose: a foreign key to another partition's table
        // without columns, AUTOINCREMENT, WITHOUT ROWID, expression and partial indexes, an
        // index long after its table.
        statements << QStringLiteral("CREATE TABLE \"Auto\" (id INTEGER PRIMARY KEY AUTOINCREMENT, ref INTEGER "
                                     "REFERENCES \"Tab_0001\")")
                   << QStringLiteral("CREATE TABLE wr (k TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
                   << QStringLiteral("CREATE UNIQUE INDEX ux_tab_7 ON \"Tab_0007\" (lower(name)) WHERE n > 0")
                   << QStringLiteral("CREATE INDEX ix_tab_3_desc ON tab_0003 (n DESC, name COLLATE NOCASE)");
    }
    QString text = QStringLiteral("-- generated\n");
    int line = 2;
    for (int i = 0; i < statements.size(); ++i) {
        text += statements.at(i) + QStringLiteral(";\n");
        ++line;
        if (i == after) {
            if (injectedLine)
                *injectedLine = line;
            text += injected + QLatin1Char('\n');
            ++line;
        }
    }
    return text;
}

// The schema \a ddl gives when run statement by statement in the scratch database.
Result<Schema> builtDirectly(StratumTest::Scratch &scratch, const QString &ddl)
{
    auto statements = splitSqlStatements(ddl);
    if (!statements)
        return statements.error();
    QStringList texts;
    for (const SqlStatement &statement : *statements)
        texts << statement.text;
    if (Status ran = scratch.run(texts); !ran)
        return ran.error();
    return SchemaReflector::reflect(scratch.connection());
}

// A schema of every kind of object the reflector reads, among \a tables plain tables with
// foreign keys (enough for the dev database to build it on several sessions).
QString everyKind(const QString &engine, int tables)
{
    QStringList s;
    if (engine == QLatin1String("postgresql")) {
        s << QStringLiteral("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')")
          << QStringLiteral("CREATE DOMAIN positive AS integer NOT NULL CHECK (VALUE > 0)")
          << QStringLiteral("CREATE SEQUENCE order_no START 1000 INCREMENT 5")
          << QStringLiteral("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := now(); "
                            "RETURN NEW; END $$");
    }
    for (int i = 0; i < tables; ++i) {
        const QString name = QStringLiteral("t%1").arg(i);
        const QString parent = QStringLiteral("t%1").arg(i / 3);
        if (engine == QLatin1String("postgresql"))
            s << QStringLiteral("CREATE TABLE %1 (id serial PRIMARY KEY, parent_id integer REFERENCES %2 (id) ON DELETE "
                                "CASCADE, code varchar(20) UNIQUE, n positive, m mood DEFAULT 'ok', "
                                "changed timestamptz, CHECK (code <> ''))").arg(name, parent);
        else
            s << QStringLiteral("CREATE TABLE %1 (id INTEGER AUTO_INCREMENT PRIMARY KEY, parent_id INTEGER, code VARCHAR(20) "
                                "UNIQUE, n INTEGER NOT NULL CHECK (n > 0), changed TIMESTAMP NULL, "
                                "CONSTRAINT fk_%1 FOREIGN KEY (parent_id) REFERENCES %2 (id) ON DELETE CASCADE)")
                     .arg(name, parent);
        // Unnamed: the name the engine gives it depends on what exists already.
        s << QStringLiteral("CREATE INDEX %1 ON %2 (code, n)")
                 .arg(engine == QLatin1String("postgresql") ? QString() : QStringLiteral("ix_%1").arg(name), name);
    }
    if (engine == QLatin1String("postgresql")) {
        s << QStringLiteral("CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, at date NOT NULL, "
                            "no integer DEFAULT nextval('order_no')) PARTITION BY RANGE (at)")
          << QStringLiteral("CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')")
          << QStringLiteral("CREATE UNIQUE INDEX t1_lower ON t1 (lower(code)) WHERE n > 1")
          << QStringLiteral("CREATE TRIGGER t2_touch BEFORE UPDATE ON t2 FOR EACH ROW EXECUTE FUNCTION touch()")
          << QStringLiteral("CREATE VIEW v AS SELECT a.id, b.code FROM t1 a JOIN t2 b ON b.parent_id = a.id")
          << QStringLiteral("CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM t3")
          << QStringLiteral("COMMENT ON TABLE t4 IS 'four'")
          << QStringLiteral("COMMENT ON COLUMN t4.code IS 'the code'")
          << QStringLiteral("ALTER TABLE t5 ADD CONSTRAINT t5_n_small CHECK (n < 1000000)");
    } else {
        s << QStringLiteral("CREATE TRIGGER t2_touch BEFORE UPDATE ON t2 FOR EACH ROW SET NEW.changed = NOW()")
          << QStringLiteral("CREATE VIEW v AS SELECT a.id, b.code FROM t1 a JOIN t2 b ON b.parent_id = a.id")
          << QStringLiteral("CREATE SEQUENCE order_no START WITH 1000 INCREMENT BY 5")
          << QStringLiteral("ALTER TABLE t4 COMMENT 'four'");
    }
    return s.join(QLatin1String(";\n")) + QLatin1String(";\n");
}

} // namespace

class tst_DevDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longSchemaAsOneDatabase_data() { StratumTest::addEngineRows(); }
    void longSchemaAsOneDatabase();
    void failuresKeepTheirPlace_data();
    void failuresKeepTheirPlace();
    void statementsAfterPartitions();
    void partitionsOnlyIntoAnEmptyDatabase();
    void reflectedPartitionsStayReadable();
    void dropLeftToTheServer_data();
    void dropLeftToTheServer();
    void cacheKeepsNormalisedSchemas_data() { StratumTest::addEngineRows(); }
    void cacheKeepsNormalisedSchemas();
    void sessionsBuildWhatOneBuilds_data();
    void sessionsBuildWhatOneBuilds();
    void staleScratchIsSwept_data();
    void staleScratchIsSwept();
};

void tst_DevDatabase::longSchemaAsOneDatabase()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dd_long")));
    // MariaDB spends a few milliseconds on the files of each table; its path is the plain one.
    const QString ddl = longSchema(engine, engine == QLatin1String("mysql") ? 30 : 300);
    const QString path = writeFile(scratch.directory(), QStringLiteral("long.sql"), ddl);

    auto dev = DevDatabase::open(scratch.url());
    STRATUM_VERIFY_OK(dev);
    STRATUM_VERIFY_OK((*dev)->applyFiles({path}));
    int queries = 0;
    auto desired = (*dev)->reflect({}, &queries);
    STRATUM_VERIFY_OK(desired);
    if (engine == QLatin1String("sqlite"))
        QVERIFY2(queries > 4, "604 statements are spread over several in-memory databases");
    dev->reset();

    auto expected = builtDirectly(scratch, ddl);
    STRATUM_VERIFY_OK(expected);
    QCOMPARE(desired->tables.size(), expected->tables.size());
    const QList<Operation> ops = compareSchemas(*expected, *desired, scratch.connection().dialect());
    QVERIFY2(ops.isEmpty(), qPrintable(describe(ops)));
    if (engine == QLatin1String("sqlite")) {
        QVERIFY(*desired == *expected);
        const Table *autoTable = desired->table(QStringLiteral("Auto"));
        QVERIFY(autoTable);
        QCOMPARE(autoTable->foreignKeys.value(0).referredColumns, QStringList{QStringLiteral("id")});
    }
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_DevDatabase::failuresKeepTheirPlace_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("statement");
    QTest::addColumn<int>("after");           // statements before it
    QTest::addColumn<QString>("message");     // part of the error
    QTest::addColumn<int>("tables");
    for (const char *engine : {"sqlite", "postgresql", "mysql"}) {
        const QString e = QLatin1String(engine);
        // After statement 550: in PostgreSQL's second batch; SQLite's partitions see it fail.
        const int late = e == QLatin1String("mysql") ? 15 : 550;
        QTest::addRow("%s/missing column", engine)
            << e << QStringLiteral("CREATE INDEX ix_bad ON %1 (nope);").arg(Dialect::find(e)->quoteIdentifier(QStringLiteral("Tab_0005")))
            << late << QStringLiteral("nope") << (e == QLatin1String("mysql") ? 10 : 300);
    }
    // MariaDB: 322 statements run on several sessions; the one that fails still names its line.
    QTest::newRow("mysql/sessions") << QStringLiteral("mysql") << QStringLiteral("CREATE INDEX ix_bad ON `Tab_0005` (nope);")
                                    << 300 << QStringLiteral("nope") << 160;
    // MariaDB: an index that runs inside its table's CREATE TABLE still fails at its own line,
    // on one session and on several.
    QTest::newRow("mysql/folded") << QStringLiteral("mysql") << QStringLiteral("CREATE INDEX ix_bad ON `Tab_0005` (nope);")
                                  << 10 << QStringLiteral("nope") << 10;
    QTest::newRow("mysql/sessions, folded") << QStringLiteral("mysql")
                                            << QStringLiteral("CREATE UNIQUE INDEX ix_bad ON `Tab_0005` (nope);")
                                            << 10 << QStringLiteral("nope") << 160;
    // SQLite: a name used twice (tables and indexes share it) keeps the schema in one database.
    QTest::newRow("sqlite/name taken") << QStringLiteral("sqlite") << QStringLiteral("CREATE INDEX TAB_0003 ON \"Tab_0200\" (n);")
                                       << 500 << QStringLiteral("there is already a table named TAB_0003") << 300;
    // PostgreSQL: a syntax error inside a batch, and a COMMIT that would end the dev transaction.
    QTest::newRow("postgresql/syntax") << QStringLiteral("postgresql") << QStringLiteral("CREATE TABLE broken (id INTEGER,,);")
                                       << 520 << QStringLiteral("syntax error") << 300;
    QTest::newRow("postgresql/commit") << QStringLiteral("postgresql") << QStringLiteral("COMMIT;") << 520
                                       << QStringLiteral("Transaction control statements cannot run on the dev database")
                                       << 300;
}

void tst_DevDatabase::failuresKeepTheirPlace()
{
    QFETCH(QString, engine);
    QFETCH(QString, statement);
    QFETCH(int, after);
    QFETCH(QString, message);
    QFETCH(int, tables);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dd_fail")));
    int line = 0;
    const QString ddl = longSchema(engine, tables, statement, after, &line);
    const QString path = writeFile(scratch.directory(), QStringLiteral("bad.sql"), ddl);
    auto loaded = DesiredSchema::load({path}, scratch.url());
    QVERIFY(!loaded.ok());
    const Error &error = loaded.error();
    QCOMPARE(error.code, int(Error::Input));
    QVERIFY2(error.file == path && error.line == line, qPrintable(error.toString()));
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    QVERIFY(scratch.leftovers().isEmpty());
    auto target = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(target);
    QVERIFY(target->tables.isEmpty());
}

void tst_DevDatabase::statementsAfterPartitions()
{
    // A statement that comes after a spread-out schema (here: a view over two partitions)
    // first gathers the schema into one database.
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("after")));
    auto dev = DevDatabase::open(scratch.url());
    STRATUM_VERIFY_OK(dev);
    STRATUM_VERIFY_OK((*dev)->applyFiles({writeFile(scratch.directory(), QStringLiteral("long.sql"),
                                                    longSchema(QStringLiteral("sqlite"), 300))}));
    SqlStatement view;
    view.text = QStringLiteral("CREATE VIEW v AS SELECT a.name FROM \"Tab_0001\" a JOIN \"Tab_0250\" b ON b.parent_id = a.id");
    view.line = 1;
    STRATUM_VERIFY_OK((*dev)->execute(view, QStringLiteral("view.sql")));
    int queries = 0;
    auto schema = (*dev)->reflect({}, &queries);
    STRATUM_VERIFY_OK(schema);
    QCOMPARE(queries, 4);
    QCOMPARE(schema->tables.size(), 302);
    QCOMPARE(schema->views.size(), 1);
}

void tst_DevDatabase::reflectedPartitionsStayReadable()
{
    // Reflection closes each partition once read; a second reflection, and a statement that
    // comes after the first, still see the whole schema.
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("reread")));
    auto dev = DevDatabase::open(scratch.url());
    STRATUM_VERIFY_OK(dev);
    STRATUM_VERIFY_OK((*dev)->applyFiles({writeFile(scratch.directory(), QStringLiteral("long.sql"),
                                                    longSchema(QStringLiteral("sqlite"), 300))}));
    auto first = (*dev)->reflect({});
    STRATUM_VERIFY_OK(first);
    QCOMPARE(first->tables.size(), 302);
    auto second = (*dev)->reflect({});
    STRATUM_VERIFY_OK(second);
    QCOMPARE(*second, *first);
    SqlStatement view;
    view.text = QStringLiteral("CREATE VIEW v AS SELECT a.name FROM \"Tab_0001\" a JOIN \"Tab_0250\" b ON b.parent_id = a.id");
    view.line = 1;
    STRATUM_VERIFY_OK((*dev)->execute(view, QStringLiteral("view.sql")));
    auto third = (*dev)->reflect({});
    STRATUM_VERIFY_OK(third);
    QCOMPARE(third->tables, first->tables);
    QCOMPARE(third->views.size(), 1);
}

void tst_DevDatabase::dropLeftToTheServer_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
    QTest::newRow("mysql") << QStringLiteral("mysql");
}

// The scratch schema's drop is sent and not waited for: Connection::sendAndClose() must find
// the driver's handle (QMYSQL's is an st_mysql*), and the statement must still run.
void tst_DevDatabase::dropLeftToTheServer()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dd_sent")));
    auto session = Connection::open(scratch.url());
    STRATUM_VERIFY_OK(session);
    QVERIFY((*session)->sendAndClose(QStringLiteral("CREATE TABLE sent_away (id INTEGER)")));
    QTRY_VERIFY_WITH_TIMEOUT(SchemaReflector::reflect(scratch.connection())->tables.size() == 1, 10000);
}

void tst_DevDatabase::partitionsOnlyIntoAnEmptyDatabase()
{
    // A table made before the long schema arrives clashes with one of its tables, as it
    // would statement by statement.
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("before")));
    auto dev = DevDatabase::open(scratch.url());
    STRATUM_VERIFY_OK(dev);
    SqlStatement first;
    first.text = QStringLiteral("CREATE TABLE tab_0123 (x INTEGER)");
    first.line = 1;
    STRATUM_VERIFY_OK((*dev)->execute(first, QStringLiteral("first.sql")));
    const QString path = writeFile(scratch.directory(), QStringLiteral("long.sql"), longSchema(QStringLiteral("sqlite"), 300));
    const Status applied = (*dev)->applyFiles({path});
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().file, path);
    QCOMPARE(applied.error().line, 2 + 2 * 123);   // after the comment line, two lines a table
    QVERIFY2(applied.error().message.contains(QLatin1String("already exists")), qPrintable(applied.error().message));
}

void tst_DevDatabase::cacheKeepsNormalisedSchemas()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dd_cache")));
    QTemporaryDir folder;
    QStringList told;
    NormaliseOptions options;
    options.cache = SchemaCache(folder.path());
    options.info = [&told](const QString &line) { told << line; };
    const auto entries = [&folder] { return QDir(folder.path()).entryList({QStringLiteral("*.schema")}, QDir::Files).size(); };
    // Tables with an index each, \a n of them, and \a injected after the first.
    const auto ddl = [](int n, const QString &injected = {}) {
        QString text = QStringLiteral("-- app\n");
        for (int i = 0; i < n; ++i) {
            text += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL DEFAULT 'x');\n"
                                   "CREATE INDEX ix_t%1 ON t%1 (name);\n").arg(i);
            if (i == 0 && !injected.isEmpty())
                text += injected + QLatin1Char('\n');
        }
        return text;
    };
    const QString path = writeFile(scratch.directory(), QStringLiteral("app.sql"), ddl(4));

    auto first = DesiredSchema::load({path}, scratch.url(), options);
    STRATUM_VERIFY_OK(first);
    QVERIFY(told.isEmpty());
    QCOMPARE(entries(), 1);
    auto uncached = DesiredSchema::load({path}, scratch.url());
    STRATUM_VERIFY_OK(uncached);
    QCOMPARE(*first, *uncached);

    auto second = DesiredSchema::load({path}, scratch.url(), options);
    STRATUM_VERIFY_OK(second);
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.first().contains(QLatin1String("cached")), qPrintable(told.first()));
    QCOMPARE(*second, *first);

    // A changed file is normalised again, the new table alone, and its result stored next to
    // the first.
    told.clear();
    writeFile(scratch.directory(), QStringLiteral("app.sql"), ddl(5));
    auto changed = DesiredSchema::load({path}, scratch.url(), options);
    STRATUM_VERIFY_OK(changed);
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.first().contains(QLatin1String("Normalised 1 of 5 objects again")), qPrintable(told.first()));
    QCOMPARE(changed->tables.size(), first->tables.size() + 1);
    QCOMPARE(entries(), 2);
    told.clear();

    // A schema that fails is reported at its line every time and never stored.
    writeFile(scratch.directory(), QStringLiteral("app.sql"), ddl(4, QStringLiteral("CREATE INDEX ix_bad ON nowhere (x);")));
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto bad = DesiredSchema::load({path}, scratch.url(), options);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().file, path);
        QCOMPARE(bad.error().line, 4);
    }
    QCOMPARE(entries(), 2);
    QVERIFY(told.isEmpty());
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_DevDatabase::sessionsBuildWhatOneBuilds_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("tables");
    // Long enough for several sessions: 600 statements on PostgreSQL, 300 on MariaDB.
    QTest::newRow("postgresql") << QStringLiteral("postgresql") << 320;
    QTest::newRow("mysql") << QStringLiteral("mysql") << 160;
}

void tst_DevDatabase::sessionsBuildWhatOneBuilds()
{
    QFETCH(QString, engine);
    QFETCH(int, tables);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dd_sessions")));
    const QString ddl = everyKind(engine, tables);
    const QString path = writeFile(scratch.directory(), QStringLiteral("every.sql"), ddl);
    auto desired = DesiredSchema::load({path}, scratch.url());
    STRATUM_VERIFY_OK(desired);
    auto expected = builtDirectly(scratch, ddl);
    STRATUM_VERIFY_OK(expected);
    QCOMPARE(desired->tables.size(), expected->tables.size());
    QVERIFY(desired->tables.size() >= tables);
    QVERIFY(!desired->views.isEmpty());
    QVERIFY(!desired->sequences.isEmpty());
    if (engine == QLatin1String("postgresql")) {
        QVERIFY(!desired->enums.isEmpty());
        QVERIFY(!desired->domains.isEmpty());
        QVERIFY(!desired->routines.isEmpty());
    }
    QCOMPARE(*desired, *expected);
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_DevDatabase::staleScratchIsSwept_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
    QTest::newRow("mysql") << QStringLiteral("mysql");
}

void tst_DevDatabase::staleScratchIsSwept()
{
    // What a process killed in the middle of a long build leaves: a committed scratch schema
    // (MariaDB: database) whose session, and with it the session's lock, is gone. Another's,
    // whose session still holds its lock, stays.
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dd_sweep")));
    const bool pg = engine == QLatin1String("postgresql");
    const auto name = [] {
        return QStringLiteral("stratum_dev_%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    };
    const QString stale = name();
    const QString busy = name();
    auto owner = Connection::open(scratch.url());
    STRATUM_VERIFY_OK(owner);
    Connection &c = **owner;
    const Dialect &d = c.dialect();
    for (const QString &schema : {stale, busy}) {
        STRATUM_VERIFY_OK(c.execute(QString::fromLatin1(pg ? "CREATE SCHEMA %1" : "CREATE DATABASE %1").arg(d.quoteIdentifier(schema))));
        STRATUM_VERIFY_OK(c.execute(QStringLiteral("CREATE TABLE %1.a (id integer PRIMARY KEY)").arg(d.quoteIdentifier(schema))));
        STRATUM_VERIFY_OK(c.execute(QStringLiteral("CREATE TABLE %1.b (id integer PRIMARY KEY REFERENCES %1.a (id))")
                                        .arg(d.quoteIdentifier(schema))));
    }
    STRATUM_VERIFY_OK(c.execute(pg ? QStringLiteral("SELECT pg_advisory_lock(%1, hashtext(%2))").arg(0x53746476).arg(d.quoteString(busy))
                                   : QStringLiteral("DO GET_LOCK(%1, 0)").arg(d.quoteString(busy))));

    auto dev = DevDatabase::open(scratch.url());
    STRATUM_VERIFY_OK(dev);
    const QString left = pg ? QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname IN (%1, %2) ORDER BY 1")
                            : QStringLiteral("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (%1, %2)");
    auto remaining = c.selectColumn(left.arg(d.quoteString(stale), d.quoteString(busy)));
    STRATUM_VERIFY_OK(remaining);
    QCOMPARE(*remaining, QVariantList{busy});
    dev->reset();
    STRATUM_VERIFY_OK(c.execute(QString::fromLatin1(pg ? "DROP SCHEMA %1 CASCADE" : "DROP DATABASE %1").arg(d.quoteIdentifier(busy))));
    owner->reset();
    QVERIFY(scratch.leftovers().isEmpty());
}

QTEST_MAIN(tst_DevDatabase)
#include "tst_devdatabase.moc"
