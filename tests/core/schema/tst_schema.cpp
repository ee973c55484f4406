// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The schema model and what needs no database: value semantics, type synonyms, rendering.

#include "stratum/autogen/comparator.h"
#include "stratum/autogen/operation.h"
#include "stratum/autogen/operationrenderer.h"
#include "stratum/autogen/scriptcolumns.h"
#include "stratum/autogen/tablerebuild.h"
#include "stratum/dialect/dialect.h"
#include "stratum/schema/ddlschedule_p.h"
#include "stratum/schema/mysqlindexfold_p.h"
#include "stratum/schema/postgresreadback_p.h"
#include "stratum/schema/schema.h"

#include <QtTest>

using namespace Stratum;

class tst_Schema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueSemantics();
    void canonicalType_data();
    void canonicalType();
    void renderCreateTable_data();
    void renderCreateTable();
    void applyOperations();
    void schemasComeFirstAndGoLast();
    void renamesOnlyWhenAsked();
    void scriptColumns_data();
    void scriptColumns();
    void tableRebuilds_data();
    void tableRebuilds();
    void postgresReadBack_data();
    void postgresReadBack();
    void ddlSchedule_data();
    void ddlSchedule();
    void mysqlIndexFold_data();
    void mysqlIndexFold();
};

void tst_Schema::valueSemantics()
{
    Schema a;
    Table t;
    t.name = QStringLiteral("t");
    t.columns << Column{QStringLiteral("id"), QStringLiteral("INTEGER"), false};
    t.indexes << Index{QStringLiteral("ix_b"), false, {IndexColumn{QStringLiteral("id")}}}
              << Index{QStringLiteral("ix_a"), true, {IndexColumn{{}, QStringLiteral("lower(x)")}}};
    a.tables << t;
    Schema b = a;
    QCOMPARE(a, b);
    b.tables[0].columns[0].nullable = true;
    QVERIFY(!(a == b));
    b = a;
    std::swap(b.tables[0].indexes[0], b.tables[0].indexes[1]);
    QVERIFY(!(a == b));
    a.sort();
    b.sort();
    QCOMPARE(a, b);
    QCOMPARE(a.tables.first().indexes.first().name, QStringLiteral("ix_a"));
    QVERIFY(a.table(QStringLiteral("t")));
    QVERIFY(!a.table(QStringLiteral("t"), QStringLiteral("other")));
}

void tst_Schema::canonicalType_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("sqlite int") << "sqlite" << "INT" << "integer" << true;
    QTest::newRow("sqlite int4") << "sqlite" << "int4" << "INTEGER" << true;
    QTest::newRow("sqlite varchar") << "sqlite" << "CHARACTER VARYING(20)" << "varchar( 20 )" << true;
    QTest::newRow("sqlite length") << "sqlite" << "VARCHAR(20)" << "VARCHAR(40)" << false;
    QTest::newRow("pg varchar") << "postgresql" << "VARCHAR(40)" << "character varying(40)" << true;
    QTest::newRow("pg int4") << "postgresql" << "int4" << "integer" << true;
    QTest::newRow("pg timestamp") << "postgresql" << "timestamp(3)" << "timestamp(3) without time zone" << true;
    QTest::newRow("pg timestamptz") << "postgresql" << "timestamptz" << "timestamp with time zone" << true;
    QTest::newRow("pg bigint") << "postgresql" << "bigint" << "integer" << false;
    QTest::newRow("mysql int width") << "mysql" << "int(11)" << "INTEGER" << true;
    QTest::newRow("mysql bool") << "mysql" << "BOOL" << "tinyint" << true;
}

void tst_Schema::canonicalType()
{
    QFETCH(QString, dialect);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    const Dialect *d = Dialect::find(dialect);
    QVERIFY(d);
    QCOMPARE(d->canonicalType(a) == d->canonicalType(b), same);
}

void tst_Schema::renderCreateTable_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sqlite") << "sqlite"
        << "CREATE TABLE \"Order Items\" (\n    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
           "    \"select\" VARCHAR(10) DEFAULT 'a',\n    created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n"
           "    n INTEGER DEFAULT (abs(-1)),\n    CONSTRAINT ck CHECK (n > 0),\n"
           "    CONSTRAINT fk FOREIGN KEY (n) REFERENCES other (id) ON DELETE CASCADE\n)";
    QTest::newRow("postgresql") << "postgresql"
        << "CREATE TABLE \"Order Items\" (\n    id serial NOT NULL,\n    \"select\" VARCHAR(10) DEFAULT 'a',\n"
           "    created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n    n INTEGER DEFAULT abs(-1),\n"
           "    CONSTRAINT pk PRIMARY KEY (id),\n    CONSTRAINT ck CHECK (n > 0),\n"
           "    CONSTRAINT fk FOREIGN KEY (n) REFERENCES other (id) ON DELETE CASCADE\n)";
    QTest::newRow("mysql") << "mysql"
        << "CREATE TABLE `Order Items` (\n    id INTEGER NOT NULL AUTO_INCREMENT,\n    `select` VARCHAR(10) NULL DEFAULT 'a',\n"
           "    created TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,\n    n INTEGER NULL DEFAULT (abs(-1)),\n"
           "    PRIMARY KEY (id),\n    CONSTRAINT ck CHECK (n > 0),\n"
           "    CONSTRAINT fk FOREIGN KEY (n) REFERENCES other (id) ON DELETE CASCADE\n)";
}

void tst_Schema::renderCreateTable()
{
    QFETCH(QString, dialect);
    QFETCH(QString, expected);
    Table t;
    t.name = QStringLiteral("Order Items");
    Column id{QStringLiteral("id"), QStringLiteral("INTEGER"), false};
    id.identity = Column::Identity::AutoIncrement;
    t.columns << id << Column{QStringLiteral("select"), QStringLiteral("VARCHAR(10)"), true, QStringLiteral("'a'")}
              << Column{QStringLiteral("created"), QStringLiteral("TIMESTAMP"), true, QStringLiteral("CURRENT_TIMESTAMP")}
              << Column{QStringLiteral("n"), QStringLiteral("INTEGER"), true, QStringLiteral("abs(-1)")};
    t.primaryKey = PrimaryKey{dialect == QLatin1String("postgresql") ? QStringLiteral("pk") : QString(), {QStringLiteral("id")}};
    t.checks << CheckConstraint{QStringLiteral("ck"), QStringLiteral("n > 0")};
    ForeignKey fk;
    fk.name = QStringLiteral("fk");
    fk.columns = {QStringLiteral("n")};
    fk.referredTable = QStringLiteral("other");
    fk.referredColumns = {QStringLiteral("id")};
    fk.onDelete = QStringLiteral("CASCADE");
    t.foreignKeys << fk;
    QCOMPARE(OperationRenderer::createTableSql(t, *Dialect::find(dialect)), expected);
}

void tst_Schema::applyOperations()
{
    Schema s;
    Table t;
    t.name = QStringLiteral("t");
    t.columns << Column{QStringLiteral("a"), QStringLiteral("INT")} << Column{QStringLiteral("c"), QStringLiteral("INT")};
    Operation create = Operation::createTable(t);
    applyOperation(s, create);
    Operation add = Operation::addColumn({}, QStringLiteral("t"), Column{QStringLiteral("b"), QStringLiteral("INT")});
    add.afterColumn = QStringLiteral("a");
    applyOperation(s, add);
    QCOMPARE(s.table(QStringLiteral("t"))->columns.at(1).name, QStringLiteral("b"));
    applyOperation(s, add.reverse());
    QCOMPARE(s.table(QStringLiteral("t"))->columns.size(), 2);
    applyOperation(s, create.reverse());
    QVERIFY(s.tables.isEmpty());
}

void tst_Schema::schemasComeFirstAndGoLast()
{
    const Dialect &postgres = *Dialect::find(QStringLiteral("postgresql"));
    Schema database;
    database.dialect = postgres.name;
    Schema desired = database;
    desired.schemas << QStringLiteral("Auth");
    Table users;
    users.schema = QStringLiteral("Auth");
    users.name = QStringLiteral("users");
    users.columns << Column{QStringLiteral("id"), QStringLiteral("integer"), false};
    desired.tables << users;
    CompareOptions options;
    options.includeSchemas = {QStringLiteral("Auth")};

    const QList<Operation> upgrade = compareSchemas(database, desired, postgres, options);
    QCOMPARE(upgrade.size(), 2);
    QCOMPARE(upgrade.first().describe(), QStringLiteral("create_schema Auth"));
    QCOMPARE(upgrade.last().describe(), QStringLiteral("create_table Auth.users"));
    const QStringList up = OperationRenderer::render(upgrade, postgres, database);
    QCOMPARE(up.first(), QStringLiteral("CREATE SCHEMA \"Auth\""));

    const QList<Operation> downgrade = reverseOperations(upgrade);
    QCOMPARE(downgrade.last().describe(), QStringLiteral("drop_schema Auth"));
    Schema after = database;
    for (const Operation &op : upgrade)
        applyOperation(after, op);
    QCOMPARE(after.schemas, desired.schemas);
    QCOMPARE(OperationRenderer::render(downgrade, postgres, after).last(), QStringLiteral("DROP SCHEMA \"Auth\""));
    for (const Operation &op : downgrade)
        applyOperation(after, op);
    QVERIFY(after.schemas.isEmpty());

    // A schema outside include_schemas is none of autogenerate's business.
    QVERIFY(compareSchemas(database, desired, postgres, {}).isEmpty());
}

void tst_Schema::renamesOnlyWhenAsked()
{
    Schema database;
    database.dialect = QStringLiteral("postgresql");
    Table notes;
    notes.name = QStringLiteral("notes");
    notes.columns << Column{QStringLiteral("id"), QStringLiteral("integer"), false}
                  << Column{QStringLiteral("body"), QStringLiteral("text")};
    Table authors;
    authors.name = QStringLiteral("authors");
    authors.columns << Column{QStringLiteral("id"), QStringLiteral("integer"), false}
                    << Column{QStringLiteral("name"), QStringLiteral("character varying(100)"), false};
    database.tables << authors << notes;
    Schema desired = database;
    desired.tables[0].columns[1].name = QStringLiteral("full_name");
    desired.tables[1].name = QStringLiteral("memos");
    desired.sort();

    for (const char *engine : {"sqlite", "postgresql", "mysql"}) {
        const Dialect &dialect = *Dialect::find(QLatin1String(engine));
        QStringList plain;
        for (const Operation &op : compareSchemas(database, desired, dialect, {}))
            plain << op.name();
        QVERIFY2(plain.contains(QStringLiteral("drop_table")) && plain.contains(QStringLiteral("drop_column")),
                 qPrintable(plain.join(QLatin1Char(' '))));

        CompareOptions options;
        options.detectRenames = true;
        const QList<Operation> upgrade = compareSchemas(database, desired, dialect, options);
        QCOMPARE(upgrade.size(), 2);
        QCOMPARE(upgrade.at(0).describe(), QStringLiteral("rename_table notes -> memos"));
        QCOMPARE(upgrade.at(1).describe(), QStringLiteral("rename_column authors.name -> full_name"));
        const QStringList up = OperationRenderer::render(upgrade, dialect, database);
        QCOMPARE(up, (QStringList{QStringLiteral("ALTER TABLE notes RENAME TO memos"),
                                  QStringLiteral("ALTER TABLE authors RENAME COLUMN name TO full_name")}));
        Schema after = database;
        for (const Operation &op : upgrade)
            applyOperation(after, op);
        after.sort();
        QCOMPARE(after, desired);
        const QList<Operation> downgrade = reverseOperations(upgrade);
        QCOMPARE(downgrade.at(0).describe(), QStringLiteral("rename_column authors.full_name -> name"));
        QCOMPARE(OperationRenderer::render(downgrade, dialect, after).last(),
                 QStringLiteral("ALTER TABLE memos RENAME TO notes"));
        for (const Operation &op : downgrade)
            applyOperation(after, op);
        after.sort();
        QCOMPARE(after, database);
    }

    // A column whose definition changed too is no rename.
    desired.tables[0].columns[1].nullable = true;
    CompareOptions options;
    options.detectRenames = true;
    QStringList kinds;
    for (const Operation &op : compareSchemas(database, desired, *Dialect::find(QStringLiteral("postgresql")), options))
        kinds << op.name();
    QVERIFY2(kinds.contains(QStringLiteral("drop_column")) && kinds.contains(QStringLiteral("add_column")),
             qPrintable(kinds.join(QLatin1Char(' '))));
}

void tst_Schema::scriptColumns_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("expected");   // comma-separated, or "unknown"

    const QString t = QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, \"Mixed Case\" TEXT, b INT, "
                                     "CONSTRAINT ck CHECK (b > 0), UNIQUE (b), FOREIGN KEY (b) REFERENCES u (id));\n");
    QTest::newRow("create") << t << "T" << "id,Mixed Case,b";
    QTest::newRow("qualified and quoted") << "CREATE TABLE \"main\".\"T\" (id INT, [x y] INT, `z` INT);" << "t" << "id,x y,z";
    QTest::newRow("not created") << t << "u" << "unknown";
    QTest::newRow("as select") << "CREATE TABLE t AS SELECT 1 AS id;" << "t" << "unknown";
    QTest::newRow("add, drop, rename") << t + "ALTER TABLE t ADD COLUMN c INT;\nALTER TABLE t DROP COLUMN b;\n"
                                              "ALTER TABLE t RENAME COLUMN id TO key;" << "t" << "key,Mixed Case,c";
    QTest::newRow("several actions") << t + "ALTER TABLE t ADD c INT, ADD CONSTRAINT ck2 CHECK (c > 0), DROP b, "
                                            "CHANGE COLUMN id ident BIGINT, DROP INDEX ix, DROP PRIMARY KEY;"
                                     << "t" << "ident,Mixed Case,c";
    QTest::newRow("table renamed") << t + "ALTER TABLE t RENAME TO t2;" << "t2" << "id,Mixed Case,b";
    QTest::newRow("old name gone") << t + "ALTER TABLE t RENAME TO t2;" << "t" << "unknown";
    QTest::newRow("rename table") << t + "RENAME TABLE t TO t3;" << "t3" << "id,Mixed Case,b";
    QTest::newRow("dropped") << t + "DROP TABLE IF EXISTS t;" << "t" << "unknown";
    QTest::newRow("created again") << t + "DROP TABLE t;\nCREATE TABLE t (x INT);" << "t" << "x";
    QTest::newRow("if not exists keeps") << t + "CREATE TABLE IF NOT EXISTS t (x INT);" << "t" << "id,Mixed Case,b";
}

void tst_Schema::scriptColumns()
{
    QFETCH(QString, sql);
    QFETCH(QString, table);
    QFETCH(QString, expected);
    Result<QList<SqlStatement>> statements = splitSqlStatements(sql);
    QVERIFY(statements.ok());
    ScriptColumns columns;
    columns.apply(*statements);
    const std::optional<QStringList> found = columns.columns(table);
    QCOMPARE(found ? found->join(QLatin1Char(',')) : QStringLiteral("unknown"), expected);
}

// The statement sequence is what makes a rebuild: new table, copy, drop, rename.
void tst_Schema::tableRebuilds_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");   // "table<-copy:lost,…;…", lost "?" when unknown

    const QString old = QStringLiteral("CREATE TABLE b (id INT, title TEXT, price INT);\n");
    const QString batch = QStringLiteral(
        "CREATE TABLE _alembic_tmp_b (id INT, title TEXT, price INT);\n"
        "INSERT INTO _alembic_tmp_b (id, title, price) SELECT b.id, b.title, CAST(b.price AS INTEGER) AS anon_1 FROM b;\n"
        "DROP TABLE b;\n"
        "ALTER TABLE _alembic_tmp_b RENAME TO b;\n");
    QTest::newRow("alembic batch") << old + batch << "b<-_alembic_tmp_b:";
    QTest::newRow("columns unknown") << batch << "b<-_alembic_tmp_b:?";
    QTest::newRow("a column left out") << old + QString(batch).replace(QLatin1String(", CAST(b.price AS INTEGER) AS anon_1"), QString())
                                       << "b<-_alembic_tmp_b:price";
    QTest::newRow("an alias is no column read")
        << old + QString(batch).replace(QLatin1String("CAST(b.price AS INTEGER) AS anon_1"), QLatin1String("0 AS price"))
        << "b<-_alembic_tmp_b:price";
    QTest::newRow("alias of the source") << old + "CREATE TABLE n (id INT, title TEXT, price INT);\n"
                                                  "INSERT INTO n SELECT o.* FROM b AS o;\nDROP TABLE b;\nALTER TABLE n RENAME TO b;"
                                         << "b<-n:";
    QTest::newRow("mysql rename") << old + "CREATE TABLE n (id INT, title TEXT, price INT);\n"
                                           "INSERT INTO n SELECT * FROM b;\nDROP TABLE b;\nRENAME TABLE n TO b;"
                                  << "b<-n:";
    QTest::newRow("join") << old + QString(batch).replace(QLatin1String("FROM b;"), QLatin1String("FROM b JOIN c ON c.id = b.id;"))
                          << "";
    QTest::newRow("limit") << old + QString(batch).replace(QLatin1String("FROM b;"), QLatin1String("FROM b LIMIT 5;")) << "";
    QTest::newRow("dropped before the copy") << old + "CREATE TABLE n (id INT);\nDROP TABLE b;\n"
                                                      "INSERT INTO n SELECT id FROM b;\nALTER TABLE n RENAME TO b;"
                                             << "";
    QTest::newRow("renamed before the drop") << old + "CREATE TABLE n (id INT);\nINSERT INTO n SELECT id FROM b;\n"
                                                      "ALTER TABLE n RENAME TO b2;\nDROP TABLE b;"
                                             << "";
    QTest::newRow("the copy not created") << old + "INSERT INTO n SELECT * FROM b;\nDROP TABLE b;\nALTER TABLE n RENAME TO b;"
                                          << "";
    QTest::newRow("two rebuilds") << old + batch + batch << "b<-_alembic_tmp_b:;b<-_alembic_tmp_b:";
}

void tst_Schema::tableRebuilds()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    Result<QList<SqlStatement>> statements = splitSqlStatements(sql);
    QVERIFY(statements.ok());
    QStringList found;
    for (const TableRebuild &rebuild : findTableRebuilds(*statements)) {
        QVERIFY(rebuild.create < rebuild.insert && rebuild.insert < rebuild.drop && rebuild.drop < rebuild.rename);
        found << QStringLiteral("%1<-%2:%3").arg(rebuild.table, rebuild.copy,
                                                 rebuild.lostColumns ? rebuild.lostColumns->join(QLatin1Char(','))
                                                                     : QStringLiteral("?"));
    }
    QCOMPARE(found.join(QLatin1Char(';')), expected);
}

// The expected forms are what PostgreSQL 15 prints after reading the input back.
void tst_Schema::postgresReadBack_data()
{
    QTest::addColumn<QString>("printed");
    QTest::addColumn<QString>("readBack");

    QTest::newRow("varchar IN list") << "status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])"
                                     << "status::text = ANY (ARRAY['a'::character varying::text, 'b'::character varying::text])";
    QTest::newRow("fixed point") << "status::text = ANY (ARRAY['a'::character varying::text, 'b'::character varying::text])"
                                 << "status::text = ANY (ARRAY['a'::character varying::text, 'b'::character varying::text])";
    QTest::newRow("NOT IN") << "status::text <> ALL (ARRAY['lost'::character varying, 'void'::character varying]::text[])"
                            << "status::text <> ALL (ARRAY['lost'::character varying::text, 'void'::character varying::text])";
    QTest::newRow("plain output") << "((code)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"
                                  << "((code)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))";
    QTest::newRow("columns") << "code::text = ANY (ARRAY[code, status]::text[])"
                             << "code::text = ANY (ARRAY[code::text, status::text])";
    QTest::newRow("operator element") << "price = ANY (ARRAY[qty + 1, qty]::numeric[])"
                                      << "price = ANY (ARRAY[(qty + 1)::numeric, qty::numeric])";
    QTest::newRow("NULL and quotes") << "c::text = ANY (ARRAY['a]'', b'::character varying, NULL::character varying]::text[])"
                                     << "c::text = ANY (ARRAY['a]'', b'::character varying::text, NULL::character varying::text])";
    QTest::newRow("CASE element") << "code::text = ANY (ARRAY[\nCASE\n    WHEN flag THEN code\n    ELSE status\nEND, code]::text[])"
                                  << "code::text = ANY (ARRAY[\nCASE\n    WHEN flag THEN code\n    ELSE status\nEND::text, code::text])";
    QTest::newRow("type with typmod") << "ARRAY[a, b]::character varying(20)[]"
                                      << "ARRAY[a::character varying(20), b::character varying(20)]";
    QTest::newRow("bpchar") << "c = ANY (ARRAY[code, 'x'::character varying]::bpchar[])"
                            << "c = ANY (ARRAY[code::bpchar, 'x'::character varying::bpchar])";
    QTest::newRow("quoted type") << "ARRAY['a'::text]::\"My Type\"[] IS NOT NULL"
                                 << "ARRAY['a'::text::\"My Type\"] IS NOT NULL";
    QTest::newRow("view") << " SELECT d1.id\n   FROM d1\n  WHERE d1.code::text = ANY (ARRAY['a'::character varying, "
                             "'b'::character varying]::text[]);"
                          << " SELECT d1.id\n   FROM d1\n  WHERE d1.code::text = ANY (ARRAY['a'::character varying::text, "
                             "'b'::character varying::text]);";
    QTest::newRow("nested") << "ARRAY[ARRAY[a]::text[]]" << "ARRAY[ARRAY[a::text]]";
    QTest::newRow("no cast") << "tags @> ARRAY['x'::text]" << "tags @> ARRAY['x'::text]";
    QTest::newRow("cast of a call") << "f(ARRAY[a])::text[] IS NULL" << "f(ARRAY[a])::text[] IS NULL";
    QTest::newRow("in a string") << "note <> 'ARRAY[a]::text[]'::text" << "note <> 'ARRAY[a]::text[]'::text";
    QTest::newRow("empty array") << "tags <> ARRAY[]::text[]" << "tags <> ARRAY[]::text[]";
    QTest::newRow("no array") << "price > 0::numeric" << "price > 0::numeric";
}

void tst_Schema::postgresReadBack()
{
    QFETCH(QString, printed);
    QFETCH(QString, readBack);
    QCOMPARE(Internal::postgresReadBack(printed), readBack);
    QCOMPARE(Internal::postgresReadBack(readBack), readBack);
}

namespace {

// Whether the statement \a later always runs after \a earlier under \a schedule: in the same
// unit after it, or in a unit that waits (through others) for its unit.
bool runsAfter(const Internal::DdlSchedule &schedule, qsizetype earlier, qsizetype later)
{
    const auto unitOf = [&](qsizetype statement) {
        for (qsizetype u = 0; u < schedule.units.size(); ++u)
            if (schedule.units.at(u).statements.contains(statement))
                return u;
        return qsizetype(-1);
    };
    const qsizetype from = unitOf(earlier);
    QList<qsizetype> open{unitOf(later)};
    QSet<qsizetype> seen;
    if (open.first() == from)
        return earlier < later;
    while (!open.isEmpty()) {
        const qsizetype u = open.takeLast();
        if (u == from)
            return true;
        if (!seen.contains(u)) {
            seen.insert(u);
            open += schedule.units.at(u).after;
        }
    }
    return false;
}

} // namespace

void tst_Schema::ddlSchedule_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QList<QPoint>>("ordered");     // (a, b): b runs after a
    QTest::addColumn<QList<QPoint>>("free");        // (a, b): b may run before a ends
    QTest::addColumn<int>("units");                 // -1: no schedule (one session only)
    const QString parent = QStringLiteral("CREATE TABLE p (id int PRIMARY KEY)");
    QTest::newRow("tables and their indexes") << QStringList{parent, QStringLiteral("CREATE INDEX ix_p ON p (id)"),
                                                             QStringLiteral("CREATE TABLE c (id int, p_id int REFERENCES p)"),
                                                             QStringLiteral("CREATE TABLE d (id int)"),
                                                             QStringLiteral("CREATE UNIQUE INDEX ON d (id)")}
                                              << QList<QPoint>{{0, 1}, {0, 2}, {1, 2}, {3, 4}}
                                              << QList<QPoint>{{0, 3}, {2, 3}, {2, 4}} << 3;
    QTest::newRow("a table named before it exists") << QStringList{QStringLiteral("CREATE TABLE c (p_id int REFERENCES \"P\")"),
                                                                   QStringLiteral("CREATE TABLE \"P\" (id int PRIMARY KEY)")}
                                                    << QList<QPoint>{{0, 1}} << QList<QPoint>{} << 2;
    QTest::newRow("names in strings") << QStringList{QStringLiteral("CREATE TABLE s (id serial)"),
                                                     QStringLiteral("CREATE TABLE t (n int DEFAULT nextval('s_id_seq'))")}
                                      << QList<QPoint>{{0, 1}} << QList<QPoint>{} << 2;
    // PostgreSQL would name the unique constraint a_x_key1 if the index came first.
    QTest::newRow("implicit names") << QStringList{QStringLiteral("CREATE TABLE a (x int UNIQUE)"),
                                                   QStringLiteral("CREATE TABLE b (y int)"),
                                                   QStringLiteral("CREATE INDEX a_x_key ON b (y)")}
                                    << QList<QPoint>{{0, 2}} << QList<QPoint>{} << 2;
    QTest::newRow("long names") << QStringList{QStringLiteral("CREATE TABLE a_very_long_table_name_of_many_words (x int UNIQUE)"),
                                               QStringLiteral("CREATE INDEX a_very_long_table_name_of_many_w_x_key ON b (y)")}
                                << QList<QPoint>{{0, 1}} << QList<QPoint>{} << 2;
    QTest::newRow("other statements wait and are waited for")
        << QStringList{parent, QStringLiteral("CREATE TABLE q (id int)"), QStringLiteral("CREATE VIEW v AS SELECT 1"),
                       QStringLiteral("CREATE TABLE r (id int)"), QStringLiteral("CREATE TABLE s (id int)")}
        << QList<QPoint>{{0, 2}, {1, 2}, {2, 3}, {2, 4}, {0, 4}} << QList<QPoint>{{0, 1}, {3, 4}} << 5;
    QTest::newRow("both ways: one unit") << QStringList{QStringLiteral("CREATE TABLE a (id int)"),
                                                        QStringLiteral("CREATE TABLE b (a_id int REFERENCES a)"),
                                                        QStringLiteral("CREATE INDEX ix_a ON a (id) WHERE id > (b)")}
                                         << QList<QPoint>{{0, 1}, {1, 2}} << QList<QPoint>{} << 1;
    QTest::newRow("session settings") << QStringList{QStringLiteral("SET search_path TO x"), parent} << QList<QPoint>{}
                                      << QList<QPoint>{} << -1;
    QTest::newRow("temporary tables") << QStringList{QStringLiteral("CREATE TEMP TABLE t (x int)"), parent}
                                      << QList<QPoint>{} << QList<QPoint>{} << -1;
}

void tst_Schema::ddlSchedule()
{
    QFETCH(QStringList, statements);
    QFETCH(QList<QPoint>, ordered);
    QFETCH(QList<QPoint>, free);
    QFETCH(int, units);
    const std::optional<Internal::DdlSchedule> schedule = Internal::DdlSchedule::plan(statements);
    QCOMPARE(schedule.has_value(), units >= 0);
    if (!schedule)
        return;
    QCOMPARE(schedule->units.size(), units);
    for (const QPoint &pair : ordered)
        QVERIFY2(runsAfter(*schedule, pair.x(), pair.y()), qPrintable(QStringLiteral("%1 before %2").arg(pair.x()).arg(pair.y())));
    for (const QPoint &pair : free)
        QVERIFY2(!runsAfter(*schedule, pair.x(), pair.y()), qPrintable(QStringLiteral("%1, %2 free").arg(pair.x()).arg(pair.y())));
}

void tst_Schema::mysqlIndexFold_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<qsizetype>>("first");
    const QString t = QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(9)) ENGINE=InnoDB");
    QTest::newRow("indexes after their table")
        << QStringList{t, QStringLiteral("CREATE INDEX ix_name ON t (name(4) DESC)"),
                       QStringLiteral("create unique index `u x` on t (name, id)"), QStringLiteral("CREATE INDEX ix_id ON t (id)")}
        << QStringList{QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(9),\n    INDEX ix_name (name(4) DESC)\n"
                                      ",\n    UNIQUE INDEX `u x` (name, id)\n,\n    INDEX ix_id (id)\n) ENGINE=InnoDB")}
        << QList<qsizetype>{0};
    QTest::newRow("another table between")
        << QStringList{t, QStringLiteral("CREATE TABLE u (x INT)"), QStringLiteral("CREATE INDEX ix_name ON t (name)")}
        << QStringList{t, QStringLiteral("CREATE TABLE u (x INT)"), QStringLiteral("CREATE INDEX ix_name ON t (name)")}
        << QList<qsizetype>{0, 1, 2};
    QTest::newRow("qualified names must match")
        << QStringList{QStringLiteral("CREATE TABLE db.t (id INT)"), QStringLiteral("CREATE INDEX ix ON t (id)"),
                       QStringLiteral("CREATE INDEX iy ON db.t (id)")}
        << QStringList{QStringLiteral("CREATE TABLE db.t (id INT)"), QStringLiteral("CREATE INDEX ix ON t (id)"),
                       QStringLiteral("CREATE INDEX iy ON db.t (id)")}
        << QList<qsizetype>{0, 1, 2};
    const QStringList kept{QStringLiteral("CREATE INDEX ix ON t (name) COMMENT 'c'"),
                           QStringLiteral("CREATE INDEX ix ON t (name) ALGORITHM=INPLACE"),
                           QStringLiteral("CREATE INDEX IF NOT EXISTS ix ON t (name)"),
                           QStringLiteral("CREATE INDEX ix USING HASH ON t (name)"),
                           QStringLiteral("CREATE INDEX ix ON t (name) # why\n")};
    for (const QString &index : kept)
        QTest::addRow("kept: %s", qPrintable(index)) << QStringList{t, index} << QStringList{t, index} << QList<qsizetype>{0, 1};
    const QStringList tables{QStringLiteral("CREATE TABLE t LIKE u"), QStringLiteral("CREATE TABLE t (LIKE u)"),
                             QStringLiteral("CREATE TABLE t (id INT) SELECT 1 AS id"),
                             QStringLiteral("CREATE TEMPORARY TABLE t (id INT)"),
                             QStringLiteral("CREATE TABLE t (s VARCHAR(9) DEFAULT 'a\\'b)')")};
    for (const QString &table : tables) {
        const QString index = QStringLiteral("CREATE INDEX ix ON t (id)");
        QTest::addRow("kept: %s", qPrintable(table)) << QStringList{table, index} << QStringList{table, index}
                                                     << QList<qsizetype>{0, 1};
    }
}

void tst_Schema::mysqlIndexFold()
{
    QFETCH(QStringList, statements);
    QFETCH(QStringList, expected);
    QFETCH(QList<qsizetype>, first);
    const Internal::FoldedStatements folded = Internal::foldMysqlIndexes(statements);
    QCOMPARE(folded.texts, expected);
    QCOMPARE(folded.first, first);
}

QTEST_MAIN(tst_Schema)
#include "tst_schema.moc"
