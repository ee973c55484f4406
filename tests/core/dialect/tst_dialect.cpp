// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/dialect/dialect.h"

#include <QtTest>

using namespace Stratum;

class tst_Dialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookup_data();
    void lookup();
    void unknown();
    void traits_data();
    void traits();
    void quoteIdentifier_data();
    void quoteIdentifier();
    void quoteIdentifierIfNeeded_data();
    void quoteIdentifierIfNeeded();
    void quoteString_data();
    void quoteString();
    void versionTableDdl_data();
    void versionTableDdl();
    void versionRows();
    void registerDialect();
};

void tst_Dialect::lookup_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("sqlite") << "sqlite" << "sqlite";
    QTest::newRow("QSQLITE") << "QSQLITE" << "sqlite";
    QTest::newRow("postgresql") << "postgresql" << "postgresql";
    QTest::newRow("QPSQL") << "QPSQL" << "postgresql";
    QTest::newRow("mysql") << "mysql" << "mysql";
    QTest::newRow("mariadb") << "mariadb" << "mysql";
    QTest::newRow("QMYSQL") << "QMYSQL" << "mysql";
    QTest::newRow("QMARIADB") << "QMARIADB" << "mysql";
}

void tst_Dialect::lookup()
{
    QFETCH(QString, key);
    QFETCH(QString, name);
    const Dialect *dialect = Dialect::find(key);
    QVERIFY(dialect);
    QCOMPARE(dialect->name, name);
}

void tst_Dialect::unknown()
{
    QVERIFY(!Dialect::find(QStringLiteral("oracle")));
    QVERIFY(!Dialect::find(QString()));
    QVERIFY(Dialect::all().size() >= 3);
}

void tst_Dialect::traits_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("impl");
    QTest::addColumn<bool>("transactionalDdl");
    QTest::addColumn<QChar>("quote");
    QTest::addColumn<int>("lockKind");
    QTest::newRow("sqlite") << "sqlite" << "QSQLITE" << "SQLiteImpl" << true << QChar('"')
                            << int(Dialect::LockKind::BeginImmediate);
    QTest::newRow("postgresql") << "postgresql" << "QPSQL" << "PostgresqlImpl" << true
                                << QChar('"') << int(Dialect::LockKind::AdvisoryLock);
    QTest::newRow("mysql") << "mysql" << "QMYSQL" << "MySQLImpl" << false << QChar('`')
                           << int(Dialect::LockKind::NamedLock);
}

void tst_Dialect::traits()
{
    QFETCH(QString, name);
    QFETCH(QString, driver);
    QFETCH(QString, impl);
    QFETCH(bool, transactionalDdl);
    QFETCH(QChar, quote);
    QFETCH(int, lockKind);
    const Dialect *dialect = Dialect::find(name);
    QVERIFY(dialect);
    QCOMPARE(dialect->driver(), driver);
    QCOMPARE(dialect->implName, impl);
    QCOMPARE(dialect->transactionalDdl, transactionalDdl);
    QCOMPARE(dialect->identifierQuote, quote);
    QCOMPARE(int(dialect->lockKind), lockKind);
    QVERIFY(!dialect->autoIncrementPrimaryKey.isEmpty());
    QVERIFY(!dialect->timestampType.isEmpty());
}

void tst_Dialect::quoteIdentifier_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("sqlite plain") << "sqlite" << "users" << "\"users\"";
    QTest::newRow("sqlite embedded quote") << "sqlite" << "we\"ird" << "\"we\"\"ird\"";
    QTest::newRow("pg embedded quote") << "postgresql" << "a\"\"b" << "\"a\"\"\"\"b\"";
    QTest::newRow("mysql plain") << "mysql" << "users" << "`users`";
    QTest::newRow("mysql embedded backtick") << "mysql" << "we`ird" << "`we``ird`";
    QTest::newRow("mysql double quote stays") << "mysql" << "a\"b" << "`a\"b`";
}

void tst_Dialect::quoteIdentifier()
{
    QFETCH(QString, dialect);
    QFETCH(QString, identifier);
    QFETCH(QString, quoted);
    QCOMPARE(Dialect::find(dialect)->quoteIdentifier(identifier), quoted);
}

void tst_Dialect::quoteIdentifierIfNeeded_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "postgresql" << "alembic_version" << "alembic_version";
    QTest::newRow("dollar inside") << "postgresql" << "a$b" << "a$b";
    QTest::newRow("upper case") << "postgresql" << "Users" << "\"Users\"";
    QTest::newRow("reserved") << "postgresql" << "user" << "\"user\"";
    QTest::newRow("leading digit") << "sqlite" << "1abc" << "\"1abc\"";
    QTest::newRow("space") << "sqlite" << "my table" << "\"my table\"";
    QTest::newRow("mysql reserved") << "mysql" << "key" << "`key`";
    QTest::newRow("mysql dash") << "mysql" << "a-b" << "`a-b`";
    QTest::newRow("sqlite reserved") << "sqlite" << "index" << "\"index\"";
}

void tst_Dialect::quoteIdentifierIfNeeded()
{
    QFETCH(QString, dialect);
    QFETCH(QString, identifier);
    QFETCH(QString, quoted);
    QCOMPARE(Dialect::find(dialect)->quoteIdentifierIfNeeded(identifier), quoted);
}

void tst_Dialect::quoteString_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("sqlite") << "sqlite" << "it's" << "'it''s'";
    QTest::newRow("sqlite backslash") << "sqlite" << "a\\b" << "'a\\b'";
    QTest::newRow("pg backslash") << "postgresql" << "a\\b" << "'a\\b'";
    QTest::newRow("mysql backslash") << "mysql" << "a\\'b" << "'a\\\\''b'";
}

void tst_Dialect::quoteString()
{
    QFETCH(QString, dialect);
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(Dialect::find(dialect)->quoteString(value), quoted);
}

void tst_Dialect::versionTableDdl_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("ddl");
    // What Alembic 1.8.1 prints for `upgrade --sql` on each dialect.
    const QString standard = QStringLiteral("CREATE TABLE alembic_version (\n"
                                            "    version_num VARCHAR(32) NOT NULL, \n"
                                            "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                                            ")");
    QTest::newRow("sqlite") << "sqlite" << "alembic_version" << "" << standard;
    QTest::newRow("postgresql") << "postgresql" << "alembic_version" << "" << standard;
    QTest::newRow("mysql") << "mysql" << "alembic_version" << "" << standard;
    QTest::newRow("schema") << "postgresql" << "vt" << "sch"
                            << "CREATE TABLE sch.vt (\n"
                               "    version_num VARCHAR(32) NOT NULL, \n"
                               "    CONSTRAINT vt_pkc PRIMARY KEY (version_num)\n"
                               ")";
    QTest::newRow("quoted") << "mysql" << "Versions" << ""
                            << "CREATE TABLE `Versions` (\n"
                               "    version_num VARCHAR(32) NOT NULL, \n"
                               "    CONSTRAINT `Versions_pkc` PRIMARY KEY (version_num)\n"
                               ")";
}

void tst_Dialect::versionTableDdl()
{
    QFETCH(QString, dialect);
    QFETCH(QString, table);
    QFETCH(QString, schema);
    QFETCH(QString, ddl);
    QCOMPARE(Dialect::find(dialect)->versionTableDdl(table, schema), ddl);
}

void tst_Dialect::versionRows()
{
    const Dialect *d = Dialect::find(QStringLiteral("postgresql"));
    const QString t = QStringLiteral("alembic_version");
    QCOMPARE(d->versionInsertSql(t, {}, QStringLiteral("a1")),
             QStringLiteral("INSERT INTO alembic_version (version_num) VALUES ('a1')"));
    QCOMPARE(d->versionUpdateSql(t, {}, QStringLiteral("a1"), QStringLiteral("c1")),
             QStringLiteral("UPDATE alembic_version SET version_num='c1' WHERE "
                            "alembic_version.version_num = 'a1'"));
    QCOMPARE(d->versionDeleteSql(t, {}, QStringLiteral("b1")),
             QStringLiteral("DELETE FROM alembic_version WHERE alembic_version.version_num = 'b1'"));
    QCOMPARE(d->versionUpdateSql(QStringLiteral("vt"), QStringLiteral("sch"), QStringLiteral("a1"),
                                 QStringLiteral("b1")),
             QStringLiteral("UPDATE sch.vt SET version_num='b1' WHERE sch.vt.version_num = 'a1'"));
    QCOMPARE(d->dropTableSql(t), QStringLiteral("DROP TABLE alembic_version"));
    QVERIFY(d->tableExistsSql(t).contains(QLatin1String("current_schema()")));
    QVERIFY(Dialect::find(QStringLiteral("sqlite"))
                ->tableExistsSql(t, QStringLiteral("aux"))
                .contains(QLatin1String("aux.sqlite_master")));
}

void tst_Dialect::registerDialect()
{
    Dialect extra = *Dialect::find(QStringLiteral("postgresql"));
    extra.name = QStringLiteral("cockroachdb");
    extra.drivers = {QStringLiteral("QCOCKROACH")};
    extra.implName = QStringLiteral("CockroachDBImpl");
    Dialect::registerDialect(extra);
    const Dialect *found = Dialect::find(QStringLiteral("QCOCKROACH"));
    QVERIFY(found);
    QCOMPARE(found->implName, QStringLiteral("CockroachDBImpl"));
    // Re-registering replaces in place; earlier pointers stay valid.
    extra.implName = QStringLiteral("Other");
    Dialect::registerDialect(extra);
    QCOMPARE(found->implName, QStringLiteral("Other"));
    QCOMPARE(Dialect::find(QStringLiteral("postgresql"))->implName, QStringLiteral("PostgresqlImpl"));
}

QTEST_MAIN(tst_Dialect)
#include "tst_dialect.moc"
