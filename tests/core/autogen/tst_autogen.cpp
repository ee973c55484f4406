// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Autogenerate on real SQLite, PostgreSQL and MariaDB: the fixed point (compare → upgrade →
// nothing left to do → downgrade → the schema that was there before, reflected equal) on
// hand-written and seeded random schema pairs; no false positives; batch mode keeping data;
// the hooks and switches of CompareOptions.

#include "stratum/autogen/comparator.h"
#include "stratum/autogen/operation.h"
#include "stratum/autogen/operationrenderer.h"
#include "stratum/autogen/typechange.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/migrator.h"
#include "stratum/runtime/versiontable.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemareflector.h"
#include "stratum/script/revisionscript.h"
#include "stratum/script/sqllexer.h"

#include "../../support/catalogdump.h"
#include "../../support/testservers.h"
#include "objectkinds.h"
#include "randomschema.h"

#include <QFile>

using namespace Stratum;

namespace {

// Quotes an identifier the way the engine's DDL does (MySQL: backticks).
QString q(const QString &engine, const QString &name)
{
    return Dialect::find(engine)->quoteIdentifier(name);
}

QString describe(const QList<Operation> &ops)
{
    QStringList lines;
    for (const Operation &op : ops)
        lines << op.describe();
    return lines.join(QLatin1Char('\n'));
}

// The engine-specific spelling of a few things the hand-written cases need.
QString dialectText(const QString &engine, QString ddl)
{
    const bool pg = engine == QLatin1String("postgresql");
    const bool my = engine == QLatin1String("mysql");
    ddl.replace(QLatin1String("{TS}"), pg ? QStringLiteral("timestamp") : my ? QStringLiteral("datetime") : QStringLiteral("TIMESTAMP"));
    ddl.replace(QLatin1String("{NOW}"), pg ? QStringLiteral("now()") : QStringLiteral("CURRENT_TIMESTAMP"));
    ddl.replace(QLatin1String("{TEXT}"), my ? QStringLiteral("varchar(200)") : QStringLiteral("text"));
    ddl.replace(QLatin1String("{FALSE}"), pg ? QStringLiteral("false") : QStringLiteral("0"));
    const QRegularExpression quoted(QStringLiteral("\\{Q:([^}]*)\\}"));
    QRegularExpressionMatch m;
    while ((m = quoted.match(ddl)).hasMatch())
        ddl.replace(m.capturedStart(), m.capturedLength(), q(engine, m.captured(1)));
    return ddl;
}

} // namespace

class tst_Autogen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedPoint_data();
    void fixedPoint();
    void objectKinds_data();
    void objectKinds();
    void randomPairs_data();
    void randomPairs();
    void sqliteBatchKeepsData();
    void undeclaredExtensionsKept();
    void typeChangesClassified_data();
    void typeChangesClassified();
    void typeChangesNoted();
    void sqliteDropsPlainColumnsInPlace();
    void sqliteRebuildChecksForeignKeys_data();
    void sqliteRebuildChecksForeignKeys();
    void hooksAndSwitches();
    void reverseIsInvolution();

private:
    void runFixedPoint(const QString &engine, const QString &serverUrl, const QString &ddlA, const QString &ddlB,
                       const QString &label, const QString &rows = {}, const QString &probe = {}, bool renames = false);
    Result<Schema> desired(StratumTest::Scratch &scratch, const QString &ddl, const QString &label);
};

Result<Schema> tst_Autogen::desired(StratumTest::Scratch &scratch, const QString &ddl, const QString &label)
{
    const QString path = QDir(scratch.directory()).filePath(label + QStringLiteral(".sql"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::input(QStringLiteral("cannot write ") + path);
    file.write(ddl.toUtf8());
    file.close();
    return DesiredSchema::load({path}, scratch.url());
}

// Lines only in \a found (+) and only in \a expected (-).
static QString catalogDifference(const QStringList &found, const QStringList &expected)
{
    QStringList out;
    for (const QString &line : found)
        if (!expected.contains(line))
            out << QStringLiteral("+ ") + line;
    for (const QString &line : expected)
        if (!found.contains(line))
            out << QStringLiteral("- ") + line;
    return out.join(QLatin1Char('\n'));
}

// The number of rows of each table, by name.
static QMap<QString, qint64> rowCounts(Connection &connection, const Schema &schema)
{
    QMap<QString, qint64> counts;
    for (const Table &table : schema.tables) {
        auto count = connection.selectValue(QStringLiteral("SELECT count(*) FROM ")
                                            + connection.dialect().qualifiedName(table.name, table.schema));
        counts.insert(displayName(table.schema, table.name), count ? count->toLongLong() : -1);
    }
    return counts;
}

// The counts of \a after for the tables \a before has too: rows of kept tables must survive.
static QMap<QString, qint64> keptCounts(const QMap<QString, qint64> &before, const QMap<QString, qint64> &after)
{
    QMap<QString, qint64> kept;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.contains(it.key()))
            kept.insert(it.key(), it.value());
    return kept;
}

void tst_Autogen::runFixedPoint(const QString &engine, const QString &serverUrl, const QString &ddlA,
                                const QString &ddlB, const QString &label, const QString &rows, const QString &probe,
                                bool renames)
{
    CompareOptions compare;
    compare.detectRenames = renames;
    // Statements that must run on the database after the upgrade and after the downgrade
    // (new rows numbered by a converted column), leaving the rows as they were.
    const auto runProbe = [&](Connection &connection, const char *when) {
        auto statements = splitSqlStatements(probe);
        if (!statements)
            return Status(statements.error());
        for (const SqlStatement &statement : *statements)
            if (Status ran = connection.execute(statement.text); !ran)
                return Status(Error::database(QStringLiteral("probe %1: %2\nin: %3")
                                                  .arg(QLatin1String(when), ran.error().message, statement.text)));
        return Status();
    };
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, serverUrl, QStringLiteral("stratum_ag_") + label));
    const Dialect &dialect = scratch.connection().dialect();

    // The database starts from A, run directly.
    auto statementsA = splitSqlStatements(ddlA);
    STRATUM_VERIFY_OK(statementsA);
    for (const SqlStatement &statement : *statementsA)
        STRATUM_VERIFY_OK(scratch.connection().execute(statement.text));
    auto rowStatements = splitSqlStatements(rows);
    STRATUM_VERIFY_OK(rowStatements);
    for (const SqlStatement &statement : *rowStatements)
        STRATUM_VERIFY_OK(scratch.connection().execute(statement.text));
    auto before = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(before);
    const QMap<QString, qint64> rowsBefore = rowCounts(scratch.connection(), *before);
    const QStringList catalogBefore = StratumTest::catalogDump(scratch.connection());
    QVERIFY2(StratumTest::catalogOk(catalogBefore), qPrintable(catalogBefore.join(QLatin1Char('\n'))));

    // No false positives: A normalised on a dev database equals the database built from A.
    auto desiredA = desired(scratch, ddlA, QStringLiteral("a"));
    STRATUM_VERIFY_OK(desiredA);
    const QList<Operation> none = compareSchemas(*before, *desiredA, dialect);
    QVERIFY2(none.isEmpty(), qPrintable(QStringLiteral("false positives:\n") + describe(none)));

    auto desiredB = desired(scratch, ddlB, QStringLiteral("b"));
    STRATUM_VERIFY_OK(desiredB);
    const QList<Operation> upgrade = compareSchemas(*before, *desiredB, dialect, compare);
    OperationRenderer::Options options;
    options.batch = engine == QLatin1String("sqlite");
    const QStringList upgradeSql = OperationRenderer::render(upgrade, dialect, *before, options);
    if (qEnvironmentVariableIsSet("STRATUM_SHOW_SQL")) qWarning("%s", qPrintable(upgradeSql.join(QStringLiteral(";\n"))));
    for (const QString &statement : upgradeSql) {
        Status ran = scratch.connection().execute(statement);
        QVERIFY2(ran.ok(), qPrintable(ran.error().message + QStringLiteral("\nin: ") + statement));
    }
    auto after = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(after);
    const QList<Operation> left = compareSchemas(*after, *desiredB, dialect, compare);
    QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("after upgrade, still:\n") + describe(left)
                                        + QStringLiteral("\nupgrade was:\n") + upgradeSql.join(QStringLiteral(";\n"))));
    STRATUM_VERIFY_OK(runProbe(scratch.connection(), "after the upgrade"));
    const QMap<QString, qint64> rowsAfter = rowCounts(scratch.connection(), *after);
    if (engine != QLatin1String("sqlite")) {
        // The engine's own catalog agrees: the database is what B run directly makes.
        StratumTest::Scratch reference;
        QVERIFY(reference.open(engine, serverUrl, QStringLiteral("stratum_ag_ref")));
        auto statementsB = splitSqlStatements(ddlB);
        STRATUM_VERIFY_OK(statementsB);
        for (const SqlStatement &statement : *statementsB)
            STRATUM_VERIFY_OK(reference.connection().execute(statement.text));
        const QStringList expected = StratumTest::catalogDump(reference.connection());
        QVERIFY2(StratumTest::catalogOk(expected), qPrintable(expected.join(QLatin1Char('\n'))));
        const QStringList found = StratumTest::catalogDump(scratch.connection());
        QVERIFY2(found == expected, qPrintable(QStringLiteral("the catalog after the upgrade differs from B's:\n")
                                               + catalogDifference(found, expected)
                                               + QStringLiteral("\nupgrade was:\n") + upgradeSql.join(QStringLiteral(";\n"))));
    }
    QCOMPARE(keptCounts(rowsBefore, rowsAfter), keptCounts(rowsAfter, rowsBefore));

    Schema simulated = *before;
    for (const Operation &op : upgrade)
        applyOperation(simulated, op);
    const QStringList downgradeSql = OperationRenderer::render(reverseOperations(upgrade), dialect, simulated, options);
    for (const QString &statement : downgradeSql) {
        Status ran = scratch.connection().execute(statement);
        QVERIFY2(ran.ok(), qPrintable(ran.error().message + QStringLiteral("\nin: ") + statement));
    }
    auto restored = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(restored);
    Schema expected = *before;
    if (engine == QLatin1String("postgresql")) {
        // PostgreSQL cannot put a column back in its place: ADD COLUMN appends.
        for (Schema *s : {&expected, &*restored})
            for (Table &t : s->tables)
                std::sort(t.columns.begin(), t.columns.end(),
                          [](const Column &x, const Column &y) { return x.name < y.name; });
    }
    QVERIFY2(*restored == expected,
             qPrintable(QStringLiteral("downgrade did not restore the schema.\nbefore:\n%1\nafter downgrade:\n%2\n"
                                       "downgrade was:\n%3")
                            .arg(describeSchema(*before), describeSchema(*restored),
                                 downgradeSql.join(QStringLiteral(";\n")))));
    STRATUM_VERIFY_OK(runProbe(scratch.connection(), "after the downgrade"));
    QCOMPARE(rowCounts(scratch.connection(), *restored), rowsBefore);
    const QStringList catalogRestored = StratumTest::catalogDump(scratch.connection());
    QVERIFY2(catalogRestored == catalogBefore,
             qPrintable(QStringLiteral("the catalog after the downgrade differs from A's:\n")
                        + catalogDifference(catalogRestored, catalogBefore)
                        + QStringLiteral("\ndowngrade was:\n") + downgradeSql.join(QStringLiteral(";\n"))));
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_Autogen::fixedPoint_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    const QString parent = QStringLiteral(
        "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL DEFAULT 'x', born INT DEFAULT 0, "
        "created {TS} NOT NULL DEFAULT {NOW}, active BOOLEAN NOT NULL DEFAULT {FALSE});\n"
        "CREATE INDEX ix_authors_name ON authors (name);\n");
    const QString child = QStringLiteral(
        "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, "
        "isbn VARCHAR(13), price NUMERIC(10,2) DEFAULT 0, CONSTRAINT uq_books_isbn UNIQUE (isbn), "
        "CONSTRAINT ck_books_price CHECK (price >= 0), "
        "CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE);\n"
        "CREATE INDEX ix_books_title ON books (title, isbn);\n");
    const QString view = QStringLiteral("CREATE VIEW v_books AS SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id;\n");
    struct Case { const char *name; QString a; QString b; };
    const QList<Case> cases = {
        {"create_everything", QString(), parent + child + view},
        {"drop_everything", parent + child + view, QString()},
        {"alter_columns", parent,
         QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(80) DEFAULT 'y', born BIGINT NOT NULL DEFAULT 1, "
                        "active BOOLEAN NOT NULL DEFAULT {FALSE}, bio {TEXT});\n"
                        "CREATE INDEX ix_authors_name ON authors (name);\n")},
        {"constraints_and_indexes", parent + child,
         parent + QStringLiteral(
             "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER, title VARCHAR(100) NOT NULL, "
             "isbn VARCHAR(13), price NUMERIC(10,2) DEFAULT 0, CONSTRAINT uq_books_title UNIQUE (title), "
             "CONSTRAINT ck_books_price CHECK (price > 0), "
             "CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE SET NULL);\n"
             "CREATE UNIQUE INDEX ix_books_title ON books (title);\nCREATE INDEX ix_books_isbn ON books (isbn);\n")},
        {"view_over_altered_table", parent + child + view,
         QString(parent).replace(QLatin1String("VARCHAR(40)"), QLatin1String("VARCHAR(60)")) + child
             + QStringLiteral("CREATE VIEW v_books AS SELECT b.title, b.isbn, a.name FROM books b JOIN authors a ON a.id = b.author_id;\n")},
        {"quoting",
         QStringLiteral("CREATE TABLE {Q:Order Items} (id INTEGER PRIMARY KEY, {Q:select} INTEGER, {Q:MixedCase} VARCHAR(10));\n"),
         QStringLiteral("CREATE TABLE {Q:Order Items} (id INTEGER PRIMARY KEY, {Q:select} BIGINT NOT NULL DEFAULT 1, "
                        "{Q:MixedCase} VARCHAR(10), {Q:we\"ird} INTEGER, {Q:it's} VARCHAR(5) DEFAULT 'it''s');\n"
                        "CREATE INDEX {Q:Ix Order} ON {Q:Order Items} ({Q:select}, {Q:MixedCase});\n"
                        "CREATE TABLE {Q:user} (id INTEGER PRIMARY KEY, {Q:Order Id} INTEGER, "
                        "CONSTRAINT {Q:FK Order} FOREIGN KEY ({Q:Order Id}) REFERENCES {Q:Order Items} (id));\n")},
    };
    for (const char *engine : {"sqlite", "postgresql", "mysql"})
        for (const Case &c : cases)
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(engine), QLatin1String(c.name))))
                << QString::fromLatin1(engine) << dialectText(QString::fromLatin1(engine), c.a)
                << dialectText(QString::fromLatin1(engine), c.b);
}

void tst_Autogen::fixedPoint()
{
    QFETCH(QString, engine);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    runFixedPoint(engine, url, a, b, QStringLiteral("fp"));
}

// Each object kind real projects use, on each engine that has it (objectkinds.h).
void tst_Autogen::objectKinds_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("rows");
    QTest::addColumn<QString>("probe");
    QTest::addColumn<bool>("renames");   // compare with --detect-renames
    for (const StratumTest::ObjectKindCase &c : StratumTest::objectKindCases())
        QTest::newRow(qPrintable(c.name)) << c.engine << c.a << c.b << c.rows << c.probe << c.renames;
}

void tst_Autogen::objectKinds()
{
    QFETCH(QString, engine);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, rows);
    QFETCH(QString, probe);
    QFETCH(bool, renames);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    runFixedPoint(engine, url, a, b, QStringLiteral("ok"), rows, probe, renames);
}

void tst_Autogen::randomPairs_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<quint32>("seed");
    const int seeds = qEnvironmentVariableIntValue("STRATUM_RANDOM_SEEDS") > 0
                          ? qEnvironmentVariableIntValue("STRATUM_RANDOM_SEEDS") : 100;
    for (const char *engine : {"sqlite", "postgresql", "mysql"})
        for (quint32 seed = 1; seed <= quint32(seeds); ++seed)
            QTest::newRow(qPrintable(QStringLiteral("%1/seed%2").arg(QLatin1String(engine)).arg(seed)))
                << QString::fromLatin1(engine) << seed;
}

void tst_Autogen::randomPairs()
{
    QFETCH(QString, engine);
    QFETCH(quint32, seed);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::RandomSchema generator(engine);
    const auto a = generator.generate(seed, 3 + int(seed % 4));
    const auto b = generator.mutate(a, seed * 7919u);
    const QString ddlA = generator.ddl(a);
    const QString ddlB = generator.ddl(b);
    runFixedPoint(engine, url, ddlA, ddlB, QStringLiteral("rnd"));
    if (QTest::currentTestFailed())
        qWarning("seed %u\nA:\n%s\nB:\n%s", seed, qPrintable(ddlA), qPrintable(ddlB));
}

// Schema files that create no extension leave the database's extensions alone; once they
// create one, the set is theirs.
void tst_Autogen::undeclaredExtensionsKept()
{
    const Dialect &dialect = *Dialect::find(QStringLiteral("postgresql"));
    Schema database;
    database.dialect = QStringLiteral("postgresql");
    database.extensions = {QStringLiteral("citext"), QStringLiteral("pg_stat_statements")};
    Schema desired = database;
    desired.extensions.clear();
    QVERIFY2(compareSchemas(database, desired, dialect).isEmpty(), qPrintable(describe(compareSchemas(database, desired, dialect))));
    desired.extensions = {QStringLiteral("citext"), QStringLiteral("hstore")};
    QCOMPARE(describe(compareSchemas(database, desired, dialect)),
             QStringLiteral("create_extension hstore\ndrop_extension pg_stat_statements"));
}

void tst_Autogen::typeChangesClassified_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("expected");
    const auto row = [](const char *engine, const char *from, const char *to, TypeChange expected) {
        QTest::newRow(qPrintable(QStringLiteral("%1 %2 -> %3").arg(QLatin1String(engine), QLatin1String(from), QLatin1String(to))))
            << QString::fromLatin1(engine) << QString::fromLatin1(from) << QString::fromLatin1(to) << int(expected);
    };
    row("postgresql", "integer", "bigint", TypeChange::Safe);
    row("postgresql", "integer", "numeric(10,2)", TypeChange::Safe);
    row("postgresql", "character varying(20)", "text", TypeChange::Safe);
    row("postgresql", "boolean", "text", TypeChange::Safe);
    row("postgresql", "bigint", "integer", TypeChange::Narrows);
    row("postgresql", "character varying(20)", "character varying(10)", TypeChange::Narrows);
    row("postgresql", "numeric(10,2)", "numeric(8,2)", TypeChange::Narrows);
    row("postgresql", "text", "integer", TypeChange::Converts);
    row("postgresql", "numeric(10,2)", "integer", TypeChange::Converts);
    row("postgresql", "timestamp with time zone", "date", TypeChange::Converts);
    row("postgresql", "date", "timestamp with time zone", TypeChange::Safe);
    row("postgresql", "integer", "boolean", TypeChange::Converts);
    row("postgresql", "boolean", "date", TypeChange::NoCast);
    row("postgresql", "integer", "timestamp without time zone", TypeChange::NoCast);
    row("postgresql", "uuid", "integer", TypeChange::NoCast);
    row("mysql", "int(11)", "bigint(20)", TypeChange::Safe);
    row("mysql", "varchar(20)", "varchar(10)", TypeChange::Narrows);
    row("mysql", "text", "int(11)", TypeChange::Converts);
    row("mysql", "tinyint(1)", "date", TypeChange::Converts);
}

void tst_Autogen::typeChangesClassified()
{
    QFETCH(QString, engine);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, expected);
    QCOMPARE(int(classifyTypeChange(from, to, *Dialect::find(engine))), expected);
}

// A type change that may fail says so in a comment right above its statement.
void tst_Autogen::typeChangesNoted()
{
    const Dialect &pg = *Dialect::find(QStringLiteral("postgresql"));
    Schema before;
    before.dialect = pg.name;
    Table table;
    table.name = QStringLiteral("t");
    table.columns = {Column{QStringLiteral("a"), QStringLiteral("text")}, Column{QStringLiteral("b"), QStringLiteral("boolean")},
                     Column{QStringLiteral("c"), QStringLiteral("integer")}};
    before.tables << table;
    const QList<Operation> ops{
        Operation::alterColumn({}, QStringLiteral("t"), table.columns.at(0), Column{QStringLiteral("a"), QStringLiteral("integer")}),
        Operation::alterColumn({}, QStringLiteral("t"), table.columns.at(1), Column{QStringLiteral("b"), QStringLiteral("date")}),
        Operation::alterColumn({}, QStringLiteral("t"), table.columns.at(2), Column{QStringLiteral("c"), QStringLiteral("bigint")})};
    const QStringList sql = OperationRenderer::render(ops, pg, before);
    QCOMPARE(sql.size(), 3);
    QVERIFY2(sql.at(0).startsWith(QLatin1String("-- Check first: this converts every value of t.a from text to integer."))
                 && sql.at(0).endsWith(QLatin1String("\nALTER TABLE t ALTER COLUMN a TYPE integer USING a::integer")),
             qPrintable(sql.at(0)));
    QVERIFY2(sql.at(1).startsWith(QLatin1String("-- PostgreSQL has no cast for t.b from boolean to date: write the USING "
                                                "expression by hand")), qPrintable(sql.at(1)));
    QCOMPARE(sql.at(2), QStringLiteral("ALTER TABLE t ALTER COLUMN c TYPE bigint USING c::bigint"));
}

// DROP COLUMN where SQLite takes it (3.35+: nothing else names the column), the rebuild where not.
void tst_Autogen::sqliteDropsPlainColumnsInPlace()
{
    const Dialect &lite = *Dialect::find(QStringLiteral("sqlite"));
    Schema before;
    before.dialect = lite.name;
    Table table;
    table.name = QStringLiteral("t");
    table.primaryKey.columns = {QStringLiteral("id")};
    for (const char *name : {"id", "a", "b", "c", "d"})
        table.columns << Column{QString::fromLatin1(name), QStringLiteral("INTEGER")};
    table.indexes << Index{QStringLiteral("ix_t_c"), false, {IndexColumn{QStringLiteral("c")}}};
    table.checks << CheckConstraint{QString(), QStringLiteral("d > 0")};
    before.tables << table;
    before.views << View{{}, QStringLiteral("v_t"), QStringLiteral("CREATE VIEW v_t AS SELECT id, a FROM t")};
    OperationRenderer::Options batch;
    batch.batch = true;
    const auto rendered = [&](const QList<Operation> &ops) { return OperationRenderer::render(ops, lite, before, batch).join(QLatin1Char('\n')); };

    const QString plain = rendered({Operation::dropColumn({}, QStringLiteral("t"), table.columns.at(2))});
    QCOMPARE(plain, QStringLiteral("ALTER TABLE t DROP COLUMN b"));
    // Once its index has gone, c is plain too.
    const QString indexed = rendered({Operation::dropIndex({}, QStringLiteral("t"), table.indexes.at(0)),
                                      Operation::dropColumn({}, QStringLiteral("t"), table.columns.at(3))});
    QCOMPARE(indexed, QStringLiteral("DROP INDEX ix_t_c\nALTER TABLE t DROP COLUMN c"));
    for (const int column : {1, 4}) {   // read by a view; named by a check
        const QString rebuilt = rendered({Operation::dropColumn({}, QStringLiteral("t"), table.columns.at(column))});
        QVERIFY2(rebuilt.contains(QLatin1String("_stratum_tmp_t")) && !rebuilt.contains(QLatin1String("DROP COLUMN")),
                 qPrintable(rebuilt));
    }
}

void tst_Autogen::sqliteBatchKeepsData()
{
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("batch")));
    Connection &c = scratch.connection();
    STRATUM_VERIFY_OK(scratch.run({
        QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)"),
        QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER REFERENCES parent (id), "
                       "a VARCHAR(10), b INTEGER DEFAULT 3)"),
        QStringLiteral("CREATE INDEX ix_t_a ON t (a)"),
        QStringLiteral("CREATE TABLE log (n INTEGER)"),
        QStringLiteral("CREATE TRIGGER trg_t AFTER INSERT ON t BEGIN INSERT INTO log VALUES (NEW.id); END"),
        QStringLiteral("CREATE VIEW v_t AS SELECT a, b FROM t"),
        QStringLiteral("INSERT INTO parent VALUES (1, 'p')"),
        QStringLiteral("INSERT INTO t (parent_id, a, b) VALUES (1, 'x', 1), (1, 'y', 2), (NULL, 'z', 3)"),
    }));
    auto before = SchemaReflector::reflect(c);
    STRATUM_VERIFY_OK(before);
    auto wanted = desired(scratch, QStringLiteral(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE, "
        "a VARCHAR(20) NOT NULL DEFAULT '', b INTEGER DEFAULT 3 CHECK (b > 0), c INTEGER DEFAULT 7);\n"
        "CREATE INDEX ix_t_a ON t (a);\nCREATE UNIQUE INDEX ux_t_b ON t (b);\n"
        "CREATE TABLE log (n INTEGER);\n"
        "CREATE TRIGGER trg_t AFTER INSERT ON t BEGIN INSERT INTO log VALUES (NEW.id); END;\n"
        "CREATE VIEW v_t AS SELECT a, b FROM t;\n"), QStringLiteral("batch"));
    STRATUM_VERIFY_OK(wanted);
    const QList<Operation> ops = compareSchemas(*before, *wanted, c.dialect());
    QVERIFY(!ops.isEmpty());
    OperationRenderer::Options options;
    options.batch = true;
    const QStringList sql = OperationRenderer::render(ops, c.dialect(), *before, options);
    QVERIFY(sql.join(QLatin1Char('\n')).contains(QLatin1String("PRAGMA foreign_key_check")));
    STRATUM_VERIFY_OK(c.execute(QStringLiteral("BEGIN")));
    STRATUM_VERIFY_OK(scratch.run(sql));
    STRATUM_VERIFY_OK(c.execute(QStringLiteral("COMMIT")));

    QCOMPARE(c.selectValue(QStringLiteral("SELECT count(*) FROM t")).value().toInt(), 3);
    QCOMPARE(c.selectValue(QStringLiteral("SELECT group_concat(a || b || c, ',') FROM t")).value().toString(),
             QStringLiteral("x17,y27,z37"));
    // The trigger, the index and the view came back; the rows kept their ids.
    STRATUM_VERIFY_OK(c.execute(QStringLiteral("INSERT INTO t (a, b) VALUES ('w', 9)")));
    QCOMPARE(c.selectValue(QStringLiteral("SELECT count(*) FROM log")).value().toInt(), 4);
    QCOMPARE(c.selectValue(QStringLiteral("SELECT count(*) FROM v_t")).value().toInt(), 4);
    QCOMPARE(c.selectValue(QStringLiteral("SELECT max(id) FROM t")).value().toInt(), 4);
    auto after = SchemaReflector::reflect(c);
    STRATUM_VERIFY_OK(after);
    const QList<Operation> left = compareSchemas(*after, *wanted, c.dialect());
    QVERIFY2(left.isEmpty(), qPrintable(describe(left)));
}

void tst_Autogen::sqliteRebuildChecksForeignKeys_data()
{
    QTest::addColumn<QString>("desiredDdl");
    QTest::addColumn<QString>("rebuilt");
    const QString parent = QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n");
    const QString child = QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, "
                                         "parent_id INTEGER REFERENCES parent (id), note TEXT);\n");
    // The broken row is the child's either way: rebuilding the child checks its own keys,
    // rebuilding the parent checks the tables that refer to it.
    QTest::newRow("the child is rebuilt")
        << parent + QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), "
                                   "note TEXT NOT NULL DEFAULT '');\n")
        << QStringLiteral("child");
    QTest::newRow("the parent is rebuilt")
        << QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n") + child
        << QStringLiteral("parent");
}

void tst_Autogen::sqliteRebuildChecksForeignKeys()
{
    QFETCH(QString, desiredDdl);
    QFETCH(QString, rebuilt);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("fkcheck")));
    Connection &c = scratch.connection();
    // Foreign keys are off during migrations (SQLite's default), so a broken row can be there.
    STRATUM_VERIFY_OK(scratch.run({
        QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)"),
        QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), note TEXT)"),
        QStringLiteral("INSERT INTO parent VALUES (1, 'p')"),
        QStringLiteral("INSERT INTO child VALUES (1, 1, 'fine'), (2, 42, 'broken')"),
    }));
    auto before = SchemaReflector::reflect(c);
    STRATUM_VERIFY_OK(before);
    auto wanted = desired(scratch, desiredDdl, QStringLiteral("wanted"));
    STRATUM_VERIFY_OK(wanted);
    const QList<Operation> ops = compareSchemas(*before, *wanted, c.dialect());
    QCOMPARE(ops.size(), 1);
    OperationRenderer::Options options;
    options.batch = true;
    const QString body = OperationRenderer::scriptBody(OperationRenderer::render(ops, c.dialect(), *before, options));
    QVERIFY2(body.contains(QLatin1String("PRAGMA foreign_key_check(child)")), qPrintable(body));

    // The revision, run by the Migrator as `stratum upgrade head` would.
    const QString versions = QDir(scratch.directory()).filePath(QStringLiteral("versions"));
    QVERIFY(QDir().mkpath(versions));
    const QString path = QDir(versions).filePath(QStringLiteral("a1_rebuild.sql"));
    const QString header = QStringLiteral("-- rebuild\n--\n-- Revision ID: a1\n-- Revises: \n"
                                          "-- Create Date: 2026-11-25 12:00:00.000000\n\n-- migrate:upgrade\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write((header + body + QStringLiteral("\n-- migrate:downgrade\n")).toUtf8());
    }
    auto script = readRevisionHeader(path);
    STRATUM_VERIFY_OK(script);
    auto map = RevisionMap::build({*script});
    STRATUM_VERIFY_OK(map);
    const auto upgrade = [&] {
        Migrator migrator(c, *map);
        return migrator.run([&](const QStringList &heads) { return map->upgradeSteps(QStringLiteral("head"), heads); });
    };
    auto run = upgrade();
    QVERIFY(!run.ok());
    const Error &error = run.error();
    QCOMPARE(error.code, int(Error::Database));
    QCOMPARE(error.message, QStringLiteral("Upgrade of revision a1 failed: PRAGMA foreign_key_check found 1 broken "
                                           "foreign key reference: child row 2 refers to a missing row of parent"));
    QCOMPARE(error.file, path);
    const QString text = header + body;
    QCOMPARE(error.line, int(text.left(text.indexOf(QLatin1String("PRAGMA foreign_key_check(child)"))).count(QLatin1Char('\n')) + 1));
    // All of it rolled back: the old table, its rows, no version.
    auto after = SchemaReflector::reflect(c);
    STRATUM_VERIFY_OK(after);
    QVERIFY(*after == *before);
    QCOMPARE(c.selectValue(QStringLiteral("SELECT count(*) FROM child")).value().toInt(), 2);
    QVERIFY(VersionTable(c, QStringLiteral("alembic_version")).heads().value().isEmpty());

    // With the broken row gone the same revision goes through.
    STRATUM_VERIFY_OK(c.execute(QStringLiteral("DELETE FROM child WHERE id = 2")));
    STRATUM_VERIFY_OK(upgrade());
    auto upgraded = SchemaReflector::reflect(c);
    STRATUM_VERIFY_OK(upgraded);
    QVERIFY2(compareSchemas(*upgraded, *wanted, c.dialect()).isEmpty(), qPrintable(rebuilt));
}

void tst_Autogen::hooksAndSwitches()
{
    const Dialect &sqlite = *Dialect::find(QStringLiteral("sqlite"));
    Schema db;
    Table t;
    t.name = QStringLiteral("t");
    t.columns << Column{QStringLiteral("id"), QStringLiteral("INTEGER")}
              << Column{QStringLiteral("a"), QStringLiteral("VARCHAR(10)"), true, QStringLiteral("'x'")};
    Table temp = t;
    temp.name = QStringLiteral("temp_1");
    Table version;
    version.name = QStringLiteral("alembic_version");
    db.tables << t << temp << version;
    Schema want;
    Table t2 = t;
    t2.columns[1].type = QStringLiteral("VARCHAR(20)");
    t2.columns[1].defaultValue = QStringLiteral("'y'");
    Table added;
    added.name = QStringLiteral("added");
    added.columns << Column{QStringLiteral("id"), QStringLiteral("INT")};
    want.tables << t2 << added;

    CompareOptions options;
    QCOMPARE(compareSchemas(db, want, sqlite, options).size(), 3);   // alter a, create added, drop temp_1
    options.excludeTables = {QStringLiteral("temp_*")};
    QCOMPARE(compareSchemas(db, want, sqlite, options).size(), 2);
    options.compareType = false;
    options.compareServerDefault = false;
    QList<Operation> ops = compareSchemas(db, want, sqlite, options);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().kind, Operation::Kind::CreateTable);
    options = {};
    options.includeObject = [](const AutogenObject &object) {
        return !(object.type == QLatin1String("table") && object.reflected);
    };
    ops = compareSchemas(db, want, sqlite, options);
    for (const Operation &op : ops)
        QVERIFY2(op.kind != Operation::Kind::DropTable, qPrintable(op.describe()));
    options = {};
    QStringList seen;
    options.includeName = [&seen](const QString &name, const QString &type, const QHash<QString, QString> &) {
        seen << type + QLatin1Char(':') + name;
        return name != QLatin1String("added");
    };
    ops = compareSchemas(db, want, sqlite, options);
    for (const Operation &op : ops)
        QVERIFY(op.table != QLatin1String("added"));
    QVERIFY(seen.contains(QStringLiteral("table:t")));
    QVERIFY(seen.contains(QStringLiteral("column:a")));
    // Synonyms are no change: INT and INTEGER.
    Schema synonym = db;
    synonym.tables[0].columns[0].type = QStringLiteral("INT");
    options = {};
    options.excludeTables = {QStringLiteral("temp_*")};
    QVERIFY(compareSchemas(db, synonym, sqlite, options).isEmpty());
}

void tst_Autogen::reverseIsInvolution()
{
    Operation alter = Operation::alterColumn(QString(), QStringLiteral("t"),
                                             Column{QStringLiteral("a"), QStringLiteral("INT")},
                                             Column{QStringLiteral("a"), QStringLiteral("BIGINT"), false});
    QCOMPARE(alter.reverse().reverse(), alter);
    QCOMPARE(alter.reverse().column.type, QStringLiteral("INT"));
    Table t;
    t.name = QStringLiteral("t");
    const Operation create = Operation::createTable(t);
    QCOMPARE(create.reverse().kind, Operation::Kind::DropTable);
    QCOMPARE(create.reverse().reverse(), create);
    const QList<Operation> ops{create, alter};
    const QList<Operation> down = reverseOperations(ops);
    QCOMPARE(down.first().kind, Operation::Kind::AlterColumn);
    QCOMPARE(down.last().kind, Operation::Kind::DropTable);
    QCOMPARE(reverseOperations(down), ops);
}

QTEST_MAIN(tst_Autogen)
#include "tst_autogen.moc"
