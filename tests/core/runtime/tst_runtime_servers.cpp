// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The runtime against real PostgreSQL and MariaDB/MySQL servers, named by
// STRATUM_TEST_PG_URL and STRATUM_TEST_MYSQL_URL (packaging/dev test starts both).
// Everything happens in a schema of its own that is dropped afterwards.

#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/connection.h"
#include "stratum/runtime/migrationlock.h"
#include "stratum/runtime/migrator.h"
#include "stratum/runtime/versiontable.h"
#include "stratum/script/revisionscript.h"

#include "../../support/testservers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Stratum;

namespace {

const QString kSchema = QStringLiteral("stratum_rt");

struct Spec
{
    QString id;
    QString revises;
    QString upgrade;
    QString downgrade;
    bool upgradeTransactional = true;
};

} // namespace

class tst_RuntimeServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void versionTable_data();
    void versionTable();
    void badCredentials_data();
    void badCredentials();
    void upgradeDowngrade_data();
    void upgradeDowngrade();
    void failure_data();
    void failure();
    void transactionFalse();
    void lock_data();
    void lock();
    void statementLockWait_data();
    void statementLockWait();
    void serverErrorsSaidInFull_data();
    void serverErrorsSaidInFull();
    void errorPositionAndNotices_data();
    void errorPositionAndNotices();

private:
    bool connect();
    QString write(const Spec &spec);
    bool loadMap();
    Result<MigrationRun> upgrade(const QString &target, MigratorOptions options = {});
    Result<MigrationRun> downgrade(const QString &target, MigratorOptions options = {});
    QStringList tables();
    QStringList heads();
    QString table(const QString &name) const
    {
        return m_connection->dialect().qualifiedName(name, kSchema);
    }

    QString m_url;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Connection> m_connection;
    RevisionMap m_map;
};

void tst_RuntimeServers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_url.clear();
}

void tst_RuntimeServers::cleanup()
{
    if (m_connection) {
        const bool pg = m_connection->dialect().name == QLatin1String("postgresql");
        m_connection->execute(pg ? QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(kSchema)
                                 : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(kSchema));
    }
    m_connection.reset();
    m_map = RevisionMap();
    m_dir.reset();
}

bool tst_RuntimeServers::connect()
{
    auto url = DatabaseUrl::parse(m_url);
    if (!url) {
        qWarning("%s", qPrintable(url.error().toString()));
        return false;
    }
    auto connection = Connection::open(*url);
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return false;
    }
    m_connection = std::move(*connection);
    const bool pg = m_connection->dialect().name == QLatin1String("postgresql");
    m_connection->execute(pg ? QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(kSchema)
                             : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(kSchema));
    return m_connection->execute(QStringLiteral("CREATE SCHEMA %1").arg(kSchema)).ok();
}

QString tst_RuntimeServers::write(const Spec &spec)
{
    const QString path = QDir(m_dir->path()).filePath(spec.id + QLatin1String("_rev.sql"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QString text = QStringLiteral("-- %1\n--\n-- Revision ID: %1\n-- Revises: %2\n"
                                  "-- Create Date: 2026-11-25 12:00:00.000000\n\n")
                       .arg(spec.id, spec.revises);
    text += spec.upgradeTransactional ? QStringLiteral("-- migrate:upgrade\n")
                                      : QStringLiteral("-- migrate:upgrade transaction:false\n");
    text += spec.upgrade + QStringLiteral("\n\n-- migrate:downgrade\n") + spec.downgrade
            + QLatin1Char('\n');
    file.write(text.toUtf8());
    return path;
}

bool tst_RuntimeServers::loadMap()
{
    QList<RevisionScript> scripts;
    for (const QString &name :
         QDir(m_dir->path()).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        auto script = readRevisionHeader(QDir(m_dir->path()).filePath(name));
        if (!script)
            return false;
        scripts.append(*script);
    }
    auto map = RevisionMap::build(scripts);
    if (!map) {
        qWarning("%s", qPrintable(map.error().toString()));
        return false;
    }
    m_map = std::move(*map);
    return true;
}

Result<MigrationRun> tst_RuntimeServers::upgrade(const QString &target, MigratorOptions options)
{
    options.versionTableSchema = kSchema;
    Migrator migrator(*m_connection, m_map, options);
    return migrator.run(
        [this, target](const QStringList &heads) { return m_map.upgradeSteps(target, heads); });
}

Result<MigrationRun> tst_RuntimeServers::downgrade(const QString &target, MigratorOptions options)
{
    options.versionTableSchema = kSchema;
    Migrator migrator(*m_connection, m_map, options);
    return migrator.run(
        [this, target](const QStringList &heads) { return m_map.downgradeSteps(target, heads); });
}

QStringList tst_RuntimeServers::tables()
{
    auto rows = m_connection->selectColumn(
        QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = '%1' "
                       "AND table_name LIKE 't%' ORDER BY table_name")
            .arg(kSchema));
    QStringList out;
    if (rows) {
        for (const QVariant &row : *rows)
            out.append(row.toString());
    }
    return out;
}

QStringList tst_RuntimeServers::heads()
{
    auto heads = VersionTable(*m_connection, QStringLiteral("alembic_version"), kSchema).heads();
    if (!heads)
        return {QStringLiteral("<error>")};
    QStringList out = *heads;
    out.sort();
    return out;
}

static void addServerRows()
{
    QTest::addColumn<QString>("variable");
    QTest::newRow("postgresql") << QStringLiteral("STRATUM_TEST_PG_URL");
    QTest::newRow("mysql") << QStringLiteral("STRATUM_TEST_MYSQL_URL");
}

#define FETCH_SERVER()                                                                       \
    QFETCH(QString, variable);                                                               \
    if (variable == QLatin1String("STRATUM_TEST_PG_URL"))                                    \
        STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", m_url);                                \
    else                                                                                     \
        STRATUM_REQUIRE_SERVER("STRATUM_TEST_MYSQL_URL", m_url);                             \
    QVERIFY(connect())

void tst_RuntimeServers::versionTable_data() { addServerRows(); }

void tst_RuntimeServers::versionTable()
{
    FETCH_SERVER();
    VersionTable versions(*m_connection, QStringLiteral("alembic_version"), kSchema);
    QCOMPARE(versions.exists().value(), false);
    QVERIFY(versions.heads()->isEmpty());
    STRATUM_VERIFY_OK(versions.ensure());
    STRATUM_VERIFY_OK(versions.ensure());
    QCOMPARE(versions.exists().value(), true);
    STRATUM_VERIFY_OK(versions.apply({{VersionChange::Insert, {}, QStringLiteral("a")},
                              {VersionChange::Insert, {}, QStringLiteral("b")}}));
    STRATUM_VERIFY_OK(versions.apply({{VersionChange::Delete, QStringLiteral("a"), {}},
                              {VersionChange::Update, QStringLiteral("b"), QStringLiteral("c")}}));
    QCOMPARE(versions.heads().value(), QStringList{QStringLiteral("c")});
    auto mismatch = versions.apply({{VersionChange::Update, QStringLiteral("x"), QStringLiteral("y")}});
    QVERIFY(!mismatch.ok());
    QCOMPARE(mismatch.error().message,
             QStringLiteral("Online migration expected to match one row when updating 'x' to 'y' "
                            "in 'alembic_version'; 0 found"));

    AuditLog audit(*m_connection, kSchema);
    STRATUM_VERIFY_OK(audit.ensure());
    AuditRecord row;
    row.revision = QStringLiteral("c");
    row.direction = QStringLiteral("upgrade");
    row.checksum = AuditLog::checksum(QStringLiteral("x"));
    row.appliedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), QTimeZone::utc());
    row.durationMs = 12;
    row.appliedBy = QStringLiteral("bob");
    row.toolVersion = QStringLiteral("0.1.0");
    STRATUM_VERIFY_OK(audit.record(row));
    auto records = audit.records();
    STRATUM_VERIFY_OK(records);
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->at(0).appliedAt, row.appliedAt);
    QCOMPARE(records->at(0).checksum, row.checksum);
    QCOMPARE(audit.lastChecksums()->value(QStringLiteral("c")), row.checksum);
}

void tst_RuntimeServers::badCredentials_data() { addServerRows(); }

void tst_RuntimeServers::badCredentials()
{
    FETCH_SERVER();
    auto url = DatabaseUrl::parse(m_url);
    STRATUM_VERIFY_OK(url);
    url->password = QStringLiteral("wrong-Secret-42");
    auto connection = Connection::open(*url);
    QVERIFY(!connection.ok());
    QCOMPARE(connection.error().code, int(Error::Database));
    QVERIFY2(connection.error().message.contains(url->masked()),
             qPrintable(connection.error().message));
    QVERIFY(!connection.error().toString().contains(QLatin1String("wrong-Secret-42")));
    qDebug("%s", qPrintable(connection.error().message));
}

void tst_RuntimeServers::upgradeDowngrade_data() { addServerRows(); }

void tst_RuntimeServers::upgradeDowngrade()
{
    FETCH_SERVER();
    write({QStringLiteral("a"), {}, QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("ta")),
           QStringLiteral("DROP TABLE %1;").arg(table("ta"))});
    write({QStringLiteral("b1"), QStringLiteral("a"),
           QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("tb1")),
           QStringLiteral("DROP TABLE %1;").arg(table("tb1"))});
    write({QStringLiteral("c1"), QStringLiteral("a"),
           QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("tc1")),
           QStringLiteral("DROP TABLE %1;").arg(table("tc1"))});
    write({QStringLiteral("m"), QStringLiteral("b1, c1"),
           QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("tm")),
           QStringLiteral("DROP TABLE %1;").arg(table("tm"))});
    QVERIFY(loadMap());

    STRATUM_VERIFY_OK(upgrade(QStringLiteral("b1")));
    QCOMPARE(heads(), QStringList{QStringLiteral("b1")});
    STRATUM_VERIFY_OK(upgrade(QStringLiteral("c1")));
    QCOMPARE(heads(), QStringList({"b1", "c1"}));
    MigratorOptions perMigration;
    perMigration.transactionPerMigration = true;
    STRATUM_VERIFY_OK(upgrade(QStringLiteral("heads"), perMigration));
    QCOMPARE(heads(), QStringList{QStringLiteral("m")});
    QCOMPARE(tables(), QStringList({"ta", "tb1", "tc1", "tm"}));
    STRATUM_VERIFY_OK(downgrade(QStringLiteral("b1")));
    QCOMPARE(heads(), QStringList({"b1", "c1"}));
    STRATUM_VERIFY_OK(downgrade(QStringLiteral("base")));
    QVERIFY(heads().isEmpty());
    QVERIFY(tables().isEmpty());
    QCOMPARE(AuditLog(*m_connection, kSchema).records()->size(), 8);
}

void tst_RuntimeServers::failure_data() { addServerRows(); }

void tst_RuntimeServers::failure()
{
    FETCH_SERVER();
    write({QStringLiteral("a"), {}, QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("ta")),
           QStringLiteral("DROP TABLE %1;").arg(table("ta"))});
    const QString bPath =
        write({QStringLiteral("b"), QStringLiteral("a"),
               QStringLiteral("CREATE TABLE %1 (id INTEGER);\nINSERT INTO %2 VALUES (1);")
                   .arg(table("tb"), table("nope")),
               QStringLiteral("DROP TABLE %1;").arg(table("tb"))});
    QVERIFY(loadMap());

    auto run = upgrade(QStringLiteral("head"));
    QVERIFY(!run.ok());
    const Error &error = run.error();
    qDebug("%s", qPrintable(error.toString()));
    QCOMPARE(error.code, int(Error::Database));
    QCOMPARE(error.file, bPath);
    QCOMPARE(error.line, 9);
    QVERIFY(error.message.startsWith(QLatin1String("Upgrade of revision b failed: ")));
    QVERIFY(error.message.contains(QLatin1String("nope")));
    QVERIFY(error.hint.contains(QLatin1String("INSERT INTO")));
    if (m_connection->dialect().transactionalDdl) {
        // PostgreSQL: all or nothing.
        QVERIFY(error.hint.contains(QLatin1String("as they were before the run")));
        QVERIFY(tables().isEmpty());
        QCOMPARE(VersionTable(*m_connection, QStringLiteral("alembic_version"), kSchema).exists().value(), false);
    } else {
        // MySQL: a is done and stamped; b's CREATE TABLE happened and cannot be undone.
        QVERIFY2(error.hint.contains(QLatin1String("MySQL commits DDL implicitly")), qPrintable(error.hint));
        QVERIFY2(error.hint.contains(QLatin1String("the last completed revision: a")), qPrintable(error.hint));
        QCOMPARE(heads(), QStringList{QStringLiteral("a")});
        QCOMPARE(tables(), QStringList({"ta", "tb"}));
    }
}

void tst_RuntimeServers::transactionFalse()
{
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", m_url);
    QVERIFY(connect());
    write({QStringLiteral("a"), {}, QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("ta")),
           QStringLiteral("DROP TABLE %1;").arg(table("ta"))});
    Spec b{QStringLiteral("b"), QStringLiteral("a"),
           QStringLiteral("CREATE INDEX CONCURRENTLY ix_b ON %1 (id);").arg(table("ta")),
           QStringLiteral("DROP INDEX %1.ix_b;").arg(kSchema)};
    b.upgradeTransactional = false;
    write(b);
    QVERIFY(loadMap());
    // CREATE INDEX CONCURRENTLY cannot run inside a transaction block: this passes only
    // because the section runs outside the migration transaction.
    STRATUM_VERIFY_OK(upgrade(QStringLiteral("head")));
    QCOMPARE(heads(), QStringList{QStringLiteral("b")});
    QCOMPARE(m_connection
                 ->selectValue(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_b'"))
                 ->toInt(),
             1);
}

void tst_RuntimeServers::lock_data() { addServerRows(); }

void tst_RuntimeServers::lock()
{
    FETCH_SERVER();
    write({QStringLiteral("a"), {}, QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("ta")),
           QStringLiteral("DROP TABLE %1;").arg(table("ta"))});
    QVERIFY(loadMap());

    auto url = DatabaseUrl::parse(m_url);
    STRATUM_VERIFY_OK(url);
    auto other = Connection::open(*url);
    STRATUM_VERIFY_OK(other);
    MigrationLock holder(**other, QStringLiteral("alembic_version"), kSchema, 1);
    STRATUM_VERIFY_OK(holder.acquire());

    MigratorOptions options;
    options.lockTimeoutSeconds = 1;
    QElapsedTimer timer;
    timer.start();
    auto run = upgrade(QStringLiteral("head"), options);
    QVERIFY(!run.ok());
    QVERIFY(timer.elapsed() >= 900);
    QVERIFY2(run.error().message.startsWith(MigrationLock::timeoutError(1, url->masked()).message),
             qPrintable(run.error().message));
    // The message names the session that holds the lock, as the server lists it.
    const bool pg = variable == QLatin1String("STRATUM_TEST_PG_URL");
    auto holderId = (*other)->selectValue(pg ? QStringLiteral("SELECT pg_backend_pid()")
                                                                                   : QStringLiteral("SELECT CONNECTION_ID()"));
    STRATUM_VERIFY_OK(holderId);
    const QString expected = pg
                                 ? QStringLiteral(" The lock is held by PostgreSQL session %1, application stratum, client ")
                                 : QStringLiteral(" The lock is held by MariaDB connection %1, user ");
    QVERIFY2(run.error().message.contains(expected.arg(holderId->toString())), qPrintable(run.error().message));
    QVERIFY(!run.error().toString().contains(url->password) || url->password.isEmpty());

    STRATUM_VERIFY_OK(holder.release());
    STRATUM_VERIFY_OK(upgrade(QStringLiteral("head"), options));
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
}

void tst_RuntimeServers::statementLockWait_data() { addServerRows(); }

// A revision's ALTER waits for an application transaction that has read the table no longer
// than lock_timeout, and the error names the statement and the session in the way.
void tst_RuntimeServers::statementLockWait()
{
    FETCH_SERVER();
    write({QStringLiteral("a"), {}, QStringLiteral("CREATE TABLE %1 (id INTEGER);").arg(table("tw")),
           QStringLiteral("DROP TABLE %1;").arg(table("tw"))});
    QVERIFY(loadMap());
    MigratorOptions options;
    options.lockTimeoutSeconds = 1;
    const bool pg = variable == QLatin1String("STRATUM_TEST_PG_URL");
    const QString waits = pg ? QStringLiteral("SELECT current_setting('lock_timeout')")
                             : QStringLiteral("SELECT CONCAT(@@SESSION.lock_wait_timeout, ' ', @@SESSION.innodb_lock_wait_timeout)");
    auto before = m_connection->selectValue(waits);
    STRATUM_VERIFY_OK(before);
    STRATUM_VERIFY_OK(upgrade(QStringLiteral("head"), options));
    write({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("ALTER TABLE %1 ADD COLUMN x INTEGER;").arg(table("tw")),
           QStringLiteral("ALTER TABLE %1 DROP COLUMN x;").arg(table("tw"))});
    QVERIFY(loadMap());

    auto url = DatabaseUrl::parse(m_url);
    STRATUM_VERIFY_OK(url);
    auto reader = Connection::open(*url);
    STRATUM_VERIFY_OK(reader);
    auto readerId = (*reader)->selectValue(pg ? QStringLiteral("SELECT pg_backend_pid()") : QStringLiteral("SELECT CONNECTION_ID()"));
    STRATUM_VERIFY_OK(readerId);
    STRATUM_VERIFY_OK((*reader)->execute(pg ? QStringLiteral("BEGIN") : QStringLiteral("START TRANSACTION")));
    STRATUM_VERIFY_OK((*reader)->selectValue(QStringLiteral("SELECT count(*) FROM %1").arg(table("tw"))));

    auto run = upgrade(QStringLiteral("head"), options);
    QVERIFY(!run.ok());
    const Error &error = run.error();
    QVERIFY2(error.message.contains(QLatin1String("It waited 1 s (lock_timeout) for a lock held by ")), qPrintable(error.message));
    QVERIFY2(error.message.contains(pg ? QStringLiteral("PostgreSQL session %1,").arg(readerId->toString())
                                       : QStringLiteral("MariaDB connection %1,").arg(readerId->toString())),
             qPrintable(error.message));
    QVERIFY2(error.file.endsWith(QLatin1String("b_rev.sql")) && error.line > 0, qPrintable(error.toString()));
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});

    STRATUM_VERIFY_OK((*reader)->execute(QStringLiteral("COMMIT")));
    STRATUM_VERIFY_OK(upgrade(QStringLiteral("head"), options));
    QCOMPARE(heads(), QStringList{QStringLiteral("b")});
    // The session's own lock wait settings are back.
    auto after = m_connection->selectValue(waits);
    STRATUM_VERIFY_OK(after);
    QCOMPARE(after->toString(), before->toString());
}

void tst_RuntimeServers::serverErrorsSaidInFull_data() { addServerRows(); }

// A failed statement carries what the server said: PostgreSQL's DETAIL, HINT and SQLSTATE,
// MariaDB's error number, on one line.
void tst_RuntimeServers::serverErrorsSaidInFull()
{
    FETCH_SERVER();
    const bool pg = variable == QLatin1String("STRATUM_TEST_PG_URL");
    STRATUM_VERIFY_OK(m_connection->execute(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY)").arg(table("te"))));
    STRATUM_VERIFY_OK(m_connection->execute(QStringLiteral("INSERT INTO %1 VALUES (1)").arg(table("te"))));
    Status duplicate = m_connection->execute(QStringLiteral("INSERT INTO %1 VALUES (1)").arg(table("te")));
    QVERIFY(!duplicate.ok());
    const QString message = duplicate.error().message;
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    if (pg) {
        QVERIFY2(message.startsWith(QLatin1String("duplicate key value violates unique constraint \"te_pkey\". "
                                                  "Detail: Key (id)=(1) already exists. (SQLSTATE 23505)")),
                 qPrintable(message));
        Status unknown = m_connection->execute(QStringLiteral("SELECT no_such_function(1)"));
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().message.contains(QLatin1String("Hint: No function matches the given name"))
                     && unknown.error().message.endsWith(QLatin1String("(SQLSTATE 42883)")),
                 qPrintable(unknown.error().message));
    } else {
        QVERIFY2(message.contains(QLatin1String("Duplicate entry '1' for key 'PRIMARY'"))
                     && message.endsWith(QLatin1String("(MariaDB error 1062, SQLSTATE 23000)")),
                 qPrintable(message));
    }
}

void tst_RuntimeServers::errorPositionAndNotices_data() { addServerRows(); }

// The server's position of an error lands on the file's line and column (PostgreSQL's caret,
// MariaDB's "near … at line"), and what the server warns about is told once, at the statement
// that caused it, through the log callback (never printed by the driver).
void tst_RuntimeServers::errorPositionAndNotices()
{
    FETCH_SERVER();
    const bool pg = variable == QLatin1String("STRATUM_TEST_PG_URL");
    const QString badLine = QStringLiteral("    name VARCHAR(3) NOT NULL DEFALT 'x');");
    const QString path = write({QStringLiteral("a"), {},
                                QStringLiteral("CREATE TABLE %1 (id INTEGER);\nDROP TABLE IF EXISTS %2;\n"
                                               "CREATE TABLE %3 (id INTEGER,\n%4")
                                    .arg(table("ta"), table("nothing"), table("tb"), badLine),
                                QStringLiteral("DROP TABLE %1;").arg(table("ta"))});
    QVERIFY(loadMap());
    QStringList log;
    MigratorOptions options;
    options.log = [&log](const QString &line) { log << line; };
    auto run = upgrade(QStringLiteral("head"), options);
    QVERIFY(!run.ok());
    QCOMPARE(run.error().file, path);
    QCOMPARE(run.error().line, 11);
    // PostgreSQL points at the word it could not parse; MariaDB at the text after it.
    const QString at = pg ? QStringLiteral("DEFALT") : QStringLiteral("'x'");
    QCOMPARE(run.error().column, int(badLine.indexOf(at)) + 1);
    QVERIFY2(run.error().message.contains(pg ? QLatin1String("(SQLSTATE 42601)") : QLatin1String("(MariaDB error 1064, SQLSTATE 42000)")),
             qPrintable(run.error().message));

    const QString expected = pg ? QStringLiteral("%1:9: NOTICE: table \"nothing\" does not exist, skipping").arg(path)
                                : QStringLiteral("%1:9: Note 1051: Unknown table 'stratum_rt.nothing'").arg(path);
    QVERIFY2(log.count(expected) == 1, qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(log.size(), 1);   // nothing of Stratum's own statements
}

QTEST_MAIN(tst_RuntimeServers)
#include "tst_runtime_servers.moc"
