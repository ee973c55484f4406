// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Stratum's own rows (version table, stratum_history, stratum_progress) are written as
// literal SQL, several statements to a round trip. On real SQLite, PostgreSQL and MariaDB:
// text with quotes, backslashes, newlines, question marks and characters beyond Latin-1 reads
// back exactly as it went in, also when the session reads string literals differently
// (MariaDB NO_BACKSLASH_ESCAPES, PostgreSQL standard_conforming_strings = off); and a batch
// of statements reports each statement's rows and stops at the first that fails.

#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/interruption.h"
#include "stratum/runtime/migrator.h"
#include "stratum/runtime/versiontable.h"
#include "stratum/script/revisionscript.h"

#include "../../support/revisionfiles.h"
#include "../../support/testservers.h"

using namespace Stratum;

namespace {

// Everything a literal could get wrong.
const QString kAwkward = QStringLiteral("O'Brien \\ \\' \\\\n \"q\" ? %1 $1 $$\nline two\ttab "
                                        "ünïcødé ∑ 😀 end\\");
// A revision id may be any token without spaces or commas.
const QString kAwkwardId = QStringLiteral("r'1\\x?é");

} // namespace

// The scratch database of the row's engine and session (QFETCH and the server check return
// from the test function, hence a macro).
#define OPEN_SCRATCH()                                                                       \
    QFETCH(QString, engine);                                                                 \
    QFETCH(QString, session);                                                                \
    QString url;                                                                             \
    STRATUM_REQUIRE_ENGINE(engine, url);                                                     \
    QVERIFY(open(engine, session))

class tst_Bookkeeping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literalsReadBack_data();
    void literalsReadBack();
    void upgradeRecordsAwkwardText_data();
    void upgradeRecordsAwkwardText();
    void batch_data() { literalsReadBack_data(); }
    void batch();

private:
    bool open(const QString &engine, const QString &session);
    std::unique_ptr<StratumTest::Scratch> m_scratch;
};

// A scratch database that stores any character (MariaDB's default character set is latin1),
// with \a session run on its connection first.
bool tst_Bookkeeping::open(const QString &engine, const QString &session)
{
    m_scratch = std::make_unique<StratumTest::Scratch>();
    QString url;
    if (engine == QLatin1String("postgresql"))
        url = qEnvironmentVariable("STRATUM_TEST_PG_URL");
    else if (engine == QLatin1String("mysql"))
        url = qEnvironmentVariable("STRATUM_TEST_MYSQL_URL");
    if (!m_scratch->open(engine, url, QStringLiteral("stratum_bookkeeping")))
        return false;
    if (engine == QLatin1String("mysql")
        && !m_scratch->connection().execute(QStringLiteral("ALTER DATABASE CHARACTER SET utf8mb4")).ok())
        return false;
    return session.isEmpty() || m_scratch->connection().execute(session).ok();
}

void tst_Bookkeeping::literalsReadBack_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("session");
    QTest::newRow("sqlite") << QStringLiteral("sqlite") << QString();
    QTest::newRow("postgresql") << QStringLiteral("postgresql") << QString();
    QTest::newRow("postgresql, standard_conforming_strings off")
        << QStringLiteral("postgresql") << QStringLiteral("SET standard_conforming_strings = off");
    QTest::newRow("mysql") << QStringLiteral("mysql") << QString();
    QTest::newRow("mysql, NO_BACKSLASH_ESCAPES")
        << QStringLiteral("mysql")
        << QStringLiteral("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
}

void tst_Bookkeeping::literalsReadBack()
{
    OPEN_SCRATCH();
    Connection &connection = m_scratch->connection();

    AuditLog audit(connection);
    STRATUM_VERIFY_OK(audit.ensure());
    AuditRecord row;
    row.revision = kAwkwardId;
    row.direction = QStringLiteral("upgrade");
    row.checksum = AuditLog::checksum(kAwkward);
    row.appliedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), QTimeZone::utc());
    row.durationMs = 1234567890123;
    row.appliedBy = kAwkward;
    row.toolVersion = QStringLiteral("1.0 \\n'x'");
    STRATUM_VERIFY_OK(audit.record(row));
    AuditRecord unstamp = row;
    unstamp.direction = QStringLiteral("unstamp");
    unstamp.checksum.clear();
    STRATUM_VERIFY_OK(audit.record(unstamp));
    auto records = audit.records();
    STRATUM_VERIFY_OK(records);
    QCOMPARE(records->size(), 2);
    const AuditRecord &back = records->at(0);
    QCOMPARE(back.revision, row.revision);
    QCOMPARE(back.checksum, row.checksum);
    QCOMPARE(back.appliedAt, row.appliedAt);
    QCOMPARE(back.durationMs, row.durationMs);
    QCOMPARE(back.appliedBy, kAwkward);
    QCOMPARE(back.toolVersion, row.toolVersion);
    // No checksum is NULL, as it was with bound values.
    QVERIFY(connection.selectValue(QStringLiteral("SELECT count(*) FROM stratum_history WHERE checksum IS NULL"))
                ->toInt() == 1);

    VersionTable versions(connection);
    STRATUM_VERIFY_OK(versions.ensure());
    STRATUM_VERIFY_OK(versions.apply({{VersionChange::Insert, {}, QStringLiteral("a\\b")}}));
    STRATUM_VERIFY_OK(versions.apply({{VersionChange::Update, QStringLiteral("a\\b"), kAwkwardId}}));
    QCOMPARE(versions.heads().value(), QStringList{kAwkwardId});
    STRATUM_VERIFY_OK(versions.apply({{VersionChange::Delete, kAwkwardId, {}}}));
    QVERIFY(versions.heads()->isEmpty());

    ProgressTable progress(connection);
    STRATUM_VERIFY_OK(progress.ensure());
    Interruption started;
    started.revision = kAwkwardId;
    started.direction = QStringLiteral("upgrade");
    started.checksum = row.checksum;
    started.statementCount = 3;
    started.startedBy = kAwkward;
    STRATUM_VERIFY_OK(progress.start(started));
    STRATUM_VERIFY_OK(progress.advance(kAwkwardId, 1, QStringLiteral("d1")));
    STRATUM_VERIFY_OK(progress.failed(kAwkwardId, kAwkward + QStringLiteral(" (SQLSTATE 42P01)")));
    auto rows = progress.rows();
    STRATUM_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).revision, kAwkwardId);
    QCOMPARE(rows->at(0).startedBy, kAwkward);
    QCOMPARE(rows->at(0).statementsDone, 1);
    QCOMPARE(rows->at(0).error, kAwkward + QStringLiteral(" (SQLSTATE 42P01)"));
    STRATUM_VERIFY_OK(progress.finish(kAwkwardId));
    QVERIFY(progress.rows()->isEmpty());
}

void tst_Bookkeeping::upgradeRecordsAwkwardText_data() { literalsReadBack_data(); }

// A whole run up and down, with an awkward revision id, user name and tool version.
void tst_Bookkeeping::upgradeRecordsAwkwardText()
{
    OPEN_SCRATCH();
    Connection &connection = m_scratch->connection();

    const QString dir = m_scratch->directory() + QStringLiteral("/versions/");
    StratumTest::writeFile(dir + QStringLiteral("1.sql"),
                           StratumTest::revisionText(QStringLiteral("base1"), {},
                                                     QStringLiteral("CREATE TABLE t1 (id INTEGER);"),
                                                     QStringLiteral("DROP TABLE t1;")));
    StratumTest::writeFile(dir + QStringLiteral("2.sql"),
                           StratumTest::revisionText(kAwkwardId, QStringLiteral("base1"),
                                                     QStringLiteral("CREATE TABLE t2 (id INTEGER);\n"
                                                                    "INSERT INTO t2 VALUES (1);"),
                                                     QStringLiteral("DROP TABLE t2;")));
    QList<RevisionScript> scripts;
    for (const QString &name : {QStringLiteral("1.sql"), QStringLiteral("2.sql")}) {
        auto script = readRevisionHeader(dir + name);
        STRATUM_VERIFY_OK(script);
        scripts << *script;
    }
    auto map = RevisionMap::build(scripts);
    STRATUM_VERIFY_OK(map);
    MigratorOptions options;
    options.appliedBy = kAwkward;
    options.toolVersion = QStringLiteral("9.9 'q' \\");
    Migrator migrator(connection, *map, options);

    STRATUM_VERIFY_OK(migrator.run([&](const QStringList &heads) { return map->upgradeSteps(QStringLiteral("heads"), heads); }));
    QCOMPARE(migrator.currentHeads().value(), QStringList{kAwkwardId});
    STRATUM_VERIFY_OK(migrator.run([&](const QStringList &heads) { return map->downgradeSteps(QStringLiteral("base1"), heads); }));
    QCOMPARE(migrator.currentHeads().value(), QStringList{QStringLiteral("base1")});

    auto records = AuditLog(connection).records();
    STRATUM_VERIFY_OK(records);
    QStringList seen;
    for (const AuditRecord &record : *records) {
        seen << record.revision + QLatin1Char(' ') + record.direction;
        QCOMPARE(record.appliedBy, kAwkward);
        QCOMPARE(record.toolVersion, options.toolVersion);
        QCOMPARE(record.checksum.size(), 64);
    }
    QCOMPARE(seen, QStringList({QStringLiteral("base1 upgrade"), kAwkwardId + QStringLiteral(" upgrade"),
                                kAwkwardId + QStringLiteral(" downgrade")}));
    QVERIFY(ProgressTable(connection).rows()->isEmpty());
}

// executeBatch(): the rows each statement changed; the first failure ends the batch.
void tst_Bookkeeping::batch()
{
    OPEN_SCRATCH();
    Connection &connection = m_scratch->connection();
    QCOMPARE(connection.batchesStatements(), engine != QLatin1String("sqlite"));
    STRATUM_VERIFY_OK(connection.execute(QStringLiteral("CREATE TABLE b (id INTEGER)")));

    auto rows = connection.executeBatch({QStringLiteral("INSERT INTO b VALUES (1), (2), (3)"),
                                         QStringLiteral("UPDATE b SET id = 9 WHERE id = 7"),
                                         QStringLiteral("DELETE FROM b WHERE id > 1")});
    STRATUM_VERIFY_OK(rows);
    QCOMPARE(*rows, QList<int>({3, 0, 2}));

    auto failed = connection.executeBatch({QStringLiteral("INSERT INTO b VALUES (4)"),
                                           QStringLiteral("INSERT INTO missing_table VALUES (1)"),
                                           QStringLiteral("INSERT INTO b VALUES (5)")});
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(QLatin1String("missing_table")), qPrintable(failed.error().message));
    // Outside a transaction PostgreSQL runs a batch as one (nothing of it stays); elsewhere
    // each statement commits by itself: the one before the failure stays, the one after it
    // never ran.
    auto ids = connection.selectColumn(QStringLiteral("SELECT id FROM b ORDER BY id"));
    STRATUM_VERIFY_OK(ids);
    QStringList left;
    for (const QVariant &id : *ids)
        left << id.toString();
    if (engine == QLatin1String("postgresql"))
        QCOMPARE(left, QStringList{QStringLiteral("1")});
    else
        QCOMPARE(left, QStringList({QStringLiteral("1"), QStringLiteral("4")}));
}

QTEST_MAIN(tst_Bookkeeping)
#include "tst_bookkeeping.moc"
