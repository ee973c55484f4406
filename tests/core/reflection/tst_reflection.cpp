// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Reflection and the desired schema on real SQLite, PostgreSQL and MariaDB: a fixed number of
// catalog queries, names that need quoting, no false positives (defaults, booleans, type
// synonyms), the Alembic 1.8.1 VARCHAR(40) DEFAULT 'x' trap, and bad input.

#include "stratum/autogen/comparator.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemareflector.h"

#include "../../support/testservers.h"

#include <QFile>
#include <QSqlQuery>

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

} // namespace

class tst_Reflection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedQueryCount_data() { StratumTest::addEngineRows(); }
    void fixedQueryCount();
    void quotingRoundTrip_data() { StratumTest::addEngineRows(); }
    void quotingRoundTrip();
    void noFalsePositives_data();
    void noFalsePositives();
    void postgresVarcharDefaultTrap();
    void postgresSessionRestored();
    void sqliteDetails();
    void badDesiredSchema_data() { StratumTest::addEngineRows(); }
    void badDesiredSchema();
    void unreachableServer_data();
    void unreachableServer();
    void missingPermission_data();
    void missingPermission();
};

void tst_Reflection::fixedQueryCount()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_refl_count")));
    const auto createTables = [&](int from, int to) {
        QStringList sql;
        for (int i = from; i < to; ++i) {
            sql << QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, a VARCHAR(10) DEFAULT 'a', b INTEGER%2)")
                       .arg(i)
                       .arg(i > 0 ? QStringLiteral(", CONSTRAINT fk_t%1 FOREIGN KEY (b) REFERENCES t%2 (id)").arg(i).arg(i - 1)
                                  : QString());
            sql << QStringLiteral("CREATE INDEX ix_t%1_a ON t%1 (a)").arg(i);
        }
        return scratch.run(sql);
    };
    STRATUM_VERIFY_OK(createTables(0, 3));
    int few = 0;
    auto small = SchemaReflector::reflect(scratch.connection(), {}, &few);
    STRATUM_VERIFY_OK(small);
    QCOMPARE(small->tables.size(), 3);
    STRATUM_VERIFY_OK(createTables(3, 60));
    int many = 0;
    auto large = SchemaReflector::reflect(scratch.connection(), {}, &many);
    STRATUM_VERIFY_OK(large);
    QCOMPARE(large->tables.size(), 60);
    QCOMPARE(many, few);
    // PostgreSQL: nine catalog queries, and the search path read and set.
    QVERIFY2(many <= 11, qPrintable(QString::number(many)));
    const Table *t5 = large->table(QStringLiteral("t5"));
    QVERIFY(t5);
    QCOMPARE(t5->columns.size(), 3);
    QCOMPARE(t5->indexes.size() >= 1, true);
    QCOMPARE(t5->foreignKeys.size(), 1);
    QCOMPARE(t5->foreignKeys.first().referredTable, QStringLiteral("t4"));
    QCOMPARE(t5->primaryKey.columns, QStringList{QStringLiteral("id")});
}

void tst_Reflection::quotingRoundTrip()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_refl_quote")));
    const Dialect &d = scratch.connection().dialect();
    const QStringList names = {QStringLiteral("Order Items"), QStringLiteral("select"), QStringLiteral("MixedCase"),
                               QStringLiteral("we\"ird"), QStringLiteral("it's"), QStringLiteral("back`tick")};
    QStringList columns{QStringLiteral("id INTEGER PRIMARY KEY")};
    for (const QString &name : names)
        columns << d.quoteIdentifier(name) + QStringLiteral(" INTEGER");
    for (const QString &table : names)
        STRATUM_VERIFY_OK(scratch.connection().execute(
            QStringLiteral("CREATE TABLE %1 (%2)").arg(d.quoteIdentifier(table), columns.join(QLatin1String(", ")))));
    STRATUM_VERIFY_OK(scratch.connection().execute(QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
                                                       .arg(d.quoteIdentifier(QStringLiteral("Ix \"Q\"")),
                                                            d.quoteIdentifier(names.first()), d.quoteIdentifier(names.at(1)))));
    auto schema = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(schema);
    for (const QString &table : names) {
        const Table *t = schema->table(table);
        QVERIFY2(t, qPrintable(table));
        QStringList reflected;
        for (const Column &c : t->columns)
            reflected << c.name;
        QCOMPARE(reflected, QStringList{QStringLiteral("id")} + names);
    }
    QVERIFY(schema->table(names.first())->index(QStringLiteral("Ix \"Q\"")));
    // Rendering quotes where needed and reads back the same names.
    for (const QString &name : names)
        QVERIFY2(d.quoteIdentifierIfNeeded(name) != name, qPrintable(name));
    QCOMPARE(d.quoteIdentifierIfNeeded(QStringLiteral("plain_name")), QStringLiteral("plain_name"));
}

void tst_Reflection::noFalsePositives_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("desired");
    QTest::newRow("sqlite") << QStringLiteral("sqlite")
        << QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10) DEFAULT 'a', b INTEGER DEFAULT 0, "
                          "c BOOLEAN NOT NULL DEFAULT 1, d TIMESTAMP DEFAULT CURRENT_TIMESTAMP, e INT4, "
                          "f CHARACTER VARYING(20), g REAL DEFAULT (1.5), h TEXT DEFAULT (datetime('now')));\n"
                          "CREATE VIEW v AS SELECT id FROM t;")
        << QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, a varchar(10) DEFAULT 'a', b INT DEFAULT (0), "
                          "c BOOL NOT NULL DEFAULT 1, d TIMESTAMP DEFAULT current_timestamp, e INTEGER, "
                          "f VARCHAR(20), g REAL DEFAULT 1.5, h TEXT DEFAULT (datetime('now')));\n"
                          "CREATE VIEW v AS SELECT id FROM t;");
    QTest::newRow("postgresql") << QStringLiteral("postgresql")
        << QStringLiteral("CREATE SEQUENCE s;\n"
                          "CREATE TABLE t (id SERIAL PRIMARY KEY, a VARCHAR(10) DEFAULT 'a', b INTEGER DEFAULT 0, "
                          "c BOOLEAN NOT NULL DEFAULT true, d TIMESTAMP DEFAULT now(), d2 timestamptz DEFAULT CURRENT_TIMESTAMP, "
                          "e INT4, f CHARACTER VARYING(20), g int DEFAULT nextval('s'), h numeric DEFAULT 0);\n"
                          "CREATE VIEW v AS SELECT id FROM t;")
        << QStringLiteral("CREATE SEQUENCE s;\n"
                          "CREATE TABLE t (id serial PRIMARY KEY, a character varying(10) DEFAULT 'a'::varchar, b INT DEFAULT (0), "
                          "c BOOL NOT NULL DEFAULT 't', d timestamp without time zone DEFAULT now(), d2 TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP, "
                          "e INTEGER, f VARCHAR(20), g INTEGER DEFAULT nextval('s'::regclass), h NUMERIC DEFAULT 0);\n"
                          "CREATE VIEW v AS SELECT id FROM t;");
    QTest::newRow("mysql") << QStringLiteral("mysql")
        << QStringLiteral("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, a VARCHAR(10) DEFAULT 'a', b INTEGER DEFAULT 0, "
                          "c BOOLEAN NOT NULL DEFAULT TRUE, d TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP, e INT4, "
                          "f CHARACTER VARYING(20), g DOUBLE DEFAULT 1.5);\n"
                          "CREATE VIEW v AS SELECT id FROM t;")
        << QStringLiteral("CREATE TABLE t (id INTEGER AUTO_INCREMENT PRIMARY KEY, a varchar(10) DEFAULT 'a', b INT DEFAULT '0', "
                          "c TINYINT(1) NOT NULL DEFAULT 1, d TIMESTAMP NULL DEFAULT now(), e INTEGER, "
                          "f VARCHAR(20), g DOUBLE PRECISION DEFAULT 1.5);\n"
                          "CREATE VIEW v AS SELECT id FROM t;");
}

void tst_Reflection::noFalsePositives()
{
    QFETCH(QString, engine);
    QFETCH(QString, database);
    QFETCH(QString, desired);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_refl_nfp")));
    auto statements = splitSqlStatements(database);
    STRATUM_VERIFY_OK(statements);
    for (const SqlStatement &s : *statements)
        STRATUM_VERIFY_OK(scratch.connection().execute(s.text));
    auto reflected = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(reflected);
    const QString path = writeFile(scratch.directory(), QStringLiteral("schema.sql"), desired);
    auto wanted = DesiredSchema::load({path}, scratch.url());
    STRATUM_VERIFY_OK(wanted);
    const QList<Operation> ops = compareSchemas(*reflected, *wanted, scratch.connection().dialect());
    QVERIFY2(ops.isEmpty(), qPrintable(describe(ops) + QStringLiteral("\ndatabase:\n") + describeSchema(*reflected)
                                      + QStringLiteral("\ndesired:\n") + describeSchema(*wanted)));
    // Also the very same DDL on both sides.
    const QString same = writeFile(scratch.directory(), QStringLiteral("same.sql"), database);
    auto identical = DesiredSchema::load({same}, scratch.url());
    STRATUM_VERIFY_OK(identical);
    QCOMPARE(*identical, *reflected);
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_Reflection::postgresVarcharDefaultTrap()
{
    QString url;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("postgresql"), url, QStringLiteral("stratum_refl_trap")));
    STRATUM_VERIFY_OK(scratch.connection().execute(QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, c VARCHAR(40) DEFAULT 'x')")));
    auto reflected = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(reflected);
    CompareOptions options;
    options.compareServerDefault = true;
    const Dialect &d = scratch.connection().dialect();
    auto same = DesiredSchema::load({writeFile(scratch.directory(), QStringLiteral("a.sql"),
                                               QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, c VARCHAR(40) DEFAULT 'x');"))},
                                    scratch.url());
    STRATUM_VERIFY_OK(same);
    QVERIFY(compareSchemas(*reflected, *same, d, options).isEmpty());
    auto changed = DesiredSchema::load({writeFile(scratch.directory(), QStringLiteral("b.sql"),
                                                  QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, c VARCHAR(40) DEFAULT 'y');"))},
                                       scratch.url());
    STRATUM_VERIFY_OK(changed);
    const QList<Operation> ops = compareSchemas(*reflected, *changed, d, options);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().kind, Operation::Kind::AlterColumn);
    QCOMPARE(ops.first().column.defaultValue, QStringLiteral("'y'::character varying"));
}

// Reflection sets the search path and turns JIT off for its catalog queries; the session the
// caller goes on with has its own settings back.
void tst_Reflection::postgresSessionRestored()
{
    QString url;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("postgresql"), url, QStringLiteral("stratum_refl_session")));
    Connection &connection = scratch.connection();
    STRATUM_VERIFY_OK(connection.execute(QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY)")));
    STRATUM_VERIFY_OK(connection.execute(QStringLiteral("SET jit = on")));
    STRATUM_VERIFY_OK(connection.execute(QStringLiteral("SET search_path = public, pg_catalog")));
    auto reflected = SchemaReflector::reflect(connection);
    STRATUM_VERIFY_OK(reflected);
    QCOMPARE(reflected->tables.size(), 1);
    QSqlQuery query(connection.database());
    QVERIFY(query.exec(QStringLiteral("SELECT current_setting('jit'), current_setting('search_path')")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("on"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("public, pg_catalog"));
}

void tst_Reflection::sqliteDetails()
{
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("details")));
    STRATUM_VERIFY_OK(scratch.run({
        QStringLiteral("CREATE TABLE p (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT COLLATE NOCASE NOT NULL, "
                       "CONSTRAINT uq_code UNIQUE (code))"),
        QStringLiteral("CREATE TABLE c (id INTEGER, p_id INTEGER CONSTRAINT fk_p REFERENCES p DEFERRABLE INITIALLY DEFERRED, "
                       "qty INTEGER CHECK (qty > 0), total INTEGER GENERATED ALWAYS AS (qty * 2) STORED, "
                       "CONSTRAINT pk_c PRIMARY KEY (id), CONSTRAINT ck_c CHECK (id <> 0)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX ix_c ON c (lower(p_id) DESC, qty) WHERE qty > 1"),
    }));
    auto schema = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(schema);
    const Table *p = schema->table(QStringLiteral("p"));
    QVERIFY(p);
    QCOMPARE(p->column(QStringLiteral("id"))->identity, Column::Identity::AutoIncrement);
    QCOMPARE(p->column(QStringLiteral("code"))->collation, QStringLiteral("NOCASE"));
    QCOMPARE(p->uniqueConstraints.size(), 1);
    QCOMPARE(p->uniqueConstraints.first().name, QStringLiteral("uq_code"));
    const Table *c = schema->table(QStringLiteral("c"));
    QVERIFY(c);
    QCOMPARE(c->options, QStringLiteral("WITHOUT ROWID"));
    QCOMPARE(c->primaryKey.name, QStringLiteral("pk_c"));
    QCOMPARE(c->foreignKeys.size(), 1);
    QCOMPARE(c->foreignKeys.first().name, QStringLiteral("fk_p"));
    QCOMPARE(c->foreignKeys.first().referredColumns, QStringList{QStringLiteral("id")});
    QVERIFY(c->foreignKeys.first().initiallyDeferred);
    QCOMPARE(c->checks.size(), 2);
    QCOMPARE(c->column(QStringLiteral("total"))->generated, QStringLiteral("qty * 2"));
    QVERIFY(c->column(QStringLiteral("total"))->generatedStored);
    const Index *ix = c->index(QStringLiteral("ix_c"));
    QVERIFY(ix);
    QCOMPARE(ix->columns.size(), 2);
    QCOMPARE(ix->columns.at(0).expression, QStringLiteral("lower(p_id)"));
    QVERIFY(ix->columns.at(0).descending);
    QCOMPARE(ix->columns.at(1).name, QStringLiteral("qty"));
    QCOMPARE(ix->where, QStringLiteral("qty > 1"));
}

void tst_Reflection::badDesiredSchema()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_refl_bad")));
    const QString good = writeFile(scratch.directory(), QStringLiteral("a.sql"), QStringLiteral("CREATE TABLE ok1 (id INTEGER);\n"));
    const QString bad = writeFile(scratch.directory(), QStringLiteral("b.sql"),
                                  QStringLiteral("-- comment\nCREATE TABLE ok2 (id INTEGER);\n\nCREATE TABLE broken (id INTEGER,,);\n"));
    auto loaded = DesiredSchema::load({good, bad}, scratch.url());
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().file, bad);
    QCOMPARE(loaded.error().line, 4);
    QCOMPARE(loaded.error().code, int(Error::Input));
    QVERIFY(loaded.error().toString().startsWith(bad + QStringLiteral(":4:")));
    QVERIFY(scratch.leftovers().isEmpty());
    // Nothing reached the target database either.
    auto tables = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(tables);
    QVERIFY(tables->tables.isEmpty());
}

void tst_Reflection::unreachableServer_data()
{
    StratumTest::addUnreachableRows();
}

void tst_Reflection::unreachableServer()
{
    QFETCH(QString, engine);
    QFETCH(bool, wrongPassword);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    auto parsed = DatabaseUrl::parse(url);
    STRATUM_VERIFY_OK(parsed);
    const DatabaseUrl target =
        StratumTest::unreachableUrl(*parsed, wrongPassword, QStringLiteral("not-the-Secret-123"));
    auto dev = DevDatabase::open(target);
    QVERIFY(!dev.ok());
    QCOMPARE(dev.error().code, int(Error::Database));
    const QString text = dev.error().toString();
    QVERIFY2(text.startsWith(QStringLiteral("Could not connect to ")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("not-the-Secret-123")), qPrintable(text));
    QVERIFY2(parsed->password.isEmpty() || !text.contains(parsed->password), qPrintable(text));
}

void tst_Reflection::missingPermission_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
    QTest::newRow("mysql") << QStringLiteral("mysql");
}

void tst_Reflection::missingPermission()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_refl_perm")));
    DatabaseUrl target = scratch.url();
    if (engine == QLatin1String("postgresql")) {
        // The owner may revoke its own CREATE on the database: no schema can be made there.
        STRATUM_VERIFY_OK(scratch.connection().execute(
            QStringLiteral("REVOKE CREATE ON DATABASE stratum_refl_perm FROM PUBLIC, CURRENT_USER")));
    } else {
        Connection *admin = scratch.admin();
        admin->execute(QStringLiteral("DROP USER IF EXISTS 'stratum_weak'@'%'"));
        STRATUM_VERIFY_OK(admin->execute(QStringLiteral("CREATE USER 'stratum_weak'@'%' IDENTIFIED BY 'weak-Pass-1'")));
        target.user = QStringLiteral("stratum_weak");
        target.password = QStringLiteral("weak-Pass-1");
        target.database.clear();
    }
    auto dev = DevDatabase::open(target);
    if (engine == QLatin1String("mysql"))
        scratch.admin()->execute(QStringLiteral("DROP USER IF EXISTS 'stratum_weak'@'%'"));
    QVERIFY(!dev.ok());
    QCOMPARE(dev.error().code, int(Error::Database));
    const QString text = dev.error().toString();
    QVERIFY2(text.contains(QStringLiteral("Could not create the temporary")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("dev_url")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("weak-Pass-1")), qPrintable(text));
    QVERIFY(scratch.leftovers().isEmpty());
}

QTEST_MAIN(tst_Reflection)
#include "tst_reflection.moc"
