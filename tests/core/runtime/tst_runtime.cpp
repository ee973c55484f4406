// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/dialect/dialect.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/clientprobe.h"
#include "stratum/runtime/connection.h"
#include "stratum/config/config.h"
#include "stratum/runtime/migrationlock.h"
#include "stratum/runtime/migrator.h"
#include "stratum/runtime/versiontable.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <pwd.h>
#include <unistd.h>
#include <mutex>
#include <thread>

using namespace Stratum;

namespace {

DatabaseUrl sqliteUrl(const QString &path)
{
    DatabaseUrl url;
    url.dialect = QStringLiteral("sqlite");
    url.driver = QStringLiteral("QSQLITE");
    url.database = path;
    return url;
}

std::unique_ptr<Connection> openSqlite(const QString &path, const ConnectOptions &options = {})
{
    auto connection = Connection::open(sqliteUrl(path), options);
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return nullptr;
    }
    return std::move(*connection);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Holds BEGIN IMMEDIATE on its own connection in its own thread (QSql connections are per
// thread) until told to let go.
class LockHolder
{
public:
    explicit LockHolder(const QString &path)
        : m_thread([this, path] {
              {
                  auto connection = openSqlite(path);
                  m_ok = connection && connection->execute(QStringLiteral("BEGIN IMMEDIATE")).ok();
                  m_locked.release();
                  m_release.acquire();
                  if (connection)
                      connection->execute(QStringLiteral("COMMIT"));
              }
              m_done.release();
          })
    {
        m_locked.acquire();
    }
    ~LockHolder()
    {
        release();
        m_thread.join();
    }
    bool ok() const { return m_ok; }
    void release()
    {
        if (!m_released) {
            m_released = true;
            m_release.release();
        }
    }
    void waitReleased() { m_done.acquire(); m_done.release(); }

private:
    QSemaphore m_locked;
    QSemaphore m_release;
    QSemaphore m_done;
    bool m_ok = false;
    bool m_released = false;
    std::thread m_thread;
};

} // namespace

class tst_Runtime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientEndpoints_data();
    void clientEndpoints();
    void clientCheckOfThisProcess();
    void init();

    void openSqlite();
    void connectionNamesAreUnique();
    void connectOptions_data();
    void connectOptions();
    void openFailure_data();
    void openFailure();
    void adopt();
    void executeErrors();
    void foreignKeyCheck_data();
    void foreignKeyCheck();

    void versionTableMissing();
    void versionTableDdl();
    void versionTableChanges();
    void versionTableMismatch_data();
    void versionTableMismatch();
    void versionTableInSchema();

    void checksum_data();
    void checksum();
    void auditLog();

    void advisoryKeys();
    void sqliteLockTimesOut();
    void sqliteLockWaitsForRelease();
    void sqliteLongLockTimeoutWaits();
    void concurrentEnsureVersionTable();
    void appliedByWithoutLogin();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("test.db")); }
};

void tst_Runtime::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Runtime::openSqlite()
{
    QString name;
    {
        auto connection = ::openSqlite(dbPath());
        QVERIFY(connection);
        name = connection->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
        QVERIFY(connection->database().isOpen());
        QCOMPARE(connection->dialect().name, QStringLiteral("sqlite"));
        QVERIFY(connection->execute(QStringLiteral("CREATE TABLE t (id INTEGER)")).ok());
        auto count = connection->selectValue(QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY(count.ok());
        QCOMPARE(count->toInt(), 0);
    }
    // The connection is removed with its owner.
    QVERIFY(!QSqlDatabase::contains(name));
    QVERIFY(QFile::exists(dbPath()));
}

void tst_Runtime::connectionNamesAreUnique()
{
    auto a = ::openSqlite(dbPath());
    auto b = ::openSqlite(dbPath());
    QVERIFY(a && b);
    QVERIFY(a->connectionName() != b->connectionName());
}

void tst_Runtime::connectOptions_data()
{
    QTest::addColumn<int>("busyTimeout");
    QTest::addColumn<bool>("foreignKeys");
    QTest::newRow("defaults") << -1 << false;
    QTest::newRow("custom") << 1234 << true;
}

void tst_Runtime::connectOptions()
{
    QFETCH(int, busyTimeout);
    QFETCH(bool, foreignKeys);
    ConnectOptions options;
    if (busyTimeout >= 0)
        options.busyTimeoutMs = busyTimeout;
    options.sqliteForeignKeys = foreignKeys;
    auto connection = ::openSqlite(dbPath(), options);
    QVERIFY(connection);
    QCOMPARE(connection->selectValue(QStringLiteral("PRAGMA busy_timeout"))->toInt(),
             busyTimeout >= 0 ? busyTimeout : ConnectOptions().busyTimeoutMs);
    QCOMPARE(connection->selectValue(QStringLiteral("PRAGMA foreign_keys"))->toInt(),
             foreignKeys ? 1 : 0);
}

void tst_Runtime::openFailure_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("maskedUrl");
    QTest::newRow("sqlite missing folder") << "sqlite" << "QSQLITE" << "";
    // Nothing listens on port 1: the server is "down".
    QTest::newRow("postgresql down") << "postgresql" << "QPSQL"
                                     << "postgresql://app:***@127.0.0.1:1/prod";
    QTest::newRow("mysql down") << "mysql" << "QMYSQL" << "mysql://app:***@127.0.0.1:1/prod";
}

void tst_Runtime::openFailure()
{
    QFETCH(QString, dialect);
    QFETCH(QString, driver);
    QFETCH(QString, maskedUrl);
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        // ./packaging/dev installs every driver: under CI a missing one is a failure.
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(QStringLiteral("Qt SQL driver %1 is not installed").arg(driver)));
        QSKIP(qPrintable(QStringLiteral("Qt SQL driver %1 is not installed").arg(driver)));
    }
    DatabaseUrl url;
    url.dialect = dialect;
    url.driver = driver;
    if (dialect == QLatin1String("sqlite")) {
        url.database = m_dir->filePath(QStringLiteral("no/such/folder/x.db"));
    } else {
        url.user = QStringLiteral("app");
        url.password = QStringLiteral("s3cret-pw");
        url.host = QStringLiteral("127.0.0.1");
        url.port = 1;
        url.database = QStringLiteral("prod");
    }
    auto connection = Connection::open(url);
    QVERIFY(!connection.ok());
    const Error &error = connection.error();
    QCOMPARE(error.code, int(Error::Database));
    QVERIFY2(error.message.startsWith(QLatin1String("Could not connect to ")),
             qPrintable(error.message));
    QVERIFY2(!error.toString().contains(QLatin1String("s3cret-pw")), qPrintable(error.toString()));
    if (!maskedUrl.isEmpty())
        QVERIFY2(error.message.contains(maskedUrl), qPrintable(error.message));
    // The driver's own words follow the URL.
    QVERIFY2(error.message.size() > QStringLiteral("Could not connect to : ").size()
                                        + url.masked().size(),
             qPrintable(error.message));
}

void tst_Runtime::adopt()
{
    const QString name = QStringLiteral("application-db");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        auto connection = Connection::adopt(db);
        QVERIFY(connection.ok());
        QCOMPARE((*connection)->dialect().name, QStringLiteral("sqlite"));
        QCOMPARE((*connection)->connectionName(), name);
        QVERIFY((*connection)->execute(QStringLiteral("CREATE TABLE t (id INTEGER)")).ok());
    }
    // The application keeps its connection.
    QVERIFY(QSqlDatabase::contains(name));
    QVERIFY(QSqlDatabase::database(name, false).isOpen());
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);

    QSqlDatabase closed = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    auto refused = Connection::adopt(closed);
    QVERIFY(!refused.ok());
    closed = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

void tst_Runtime::executeErrors()
{
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    auto done = connection->execute(QStringLiteral("SELECT * FROM nope"));
    QVERIFY(!done.ok());
    QCOMPARE(done.error().code, int(Error::Database));
    QCOMPARE(done.error().message, QStringLiteral("no such table: nope"));
}

void tst_Runtime::foreignKeyCheck_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<bool>("broken");   // the statement sees the broken row
    QTest::newRow("whole database") << QStringLiteral("PRAGMA foreign_key_check") << true;
    QTest::newRow("the table") << QStringLiteral("PRAGMA foreign_key_check(child)") << true;
    QTest::newRow("schema and spacing") << QStringLiteral("  pragma main.FOREIGN_KEY_CHECK ( \"child\" ) ") << true;
    QTest::newRow("a table without broken rows") << QStringLiteral("PRAGMA foreign_key_check(parent)") << false;
    QTest::newRow("other pragmas return rows") << QStringLiteral("PRAGMA table_info(child)") << false;
    QTest::newRow("not a pragma") << QStringLiteral("SELECT 'foreign_key_check' FROM child") << false;
}

void tst_Runtime::foreignKeyCheck()
{
    QFETCH(QString, statement);
    QFETCH(bool, broken);
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    // Foreign keys are off (as during a migration), so the broken rows go in.
    for (const char *sql : {"CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))",
                            "INSERT INTO parent VALUES (1)",
                            "INSERT INTO child VALUES (1, 1), (2, 7), (3, 8)"})
        QVERIFY(connection->execute(QLatin1String(sql)).ok());
    const Status ran = connection->execute(statement);
    QCOMPARE(ran.ok(), !broken);
    if (broken) {
        QCOMPARE(ran.error().code, int(Error::Database));
        QCOMPARE(ran.error().message,
                 QStringLiteral("PRAGMA foreign_key_check found 2 broken foreign key references: child row 2 refers "
                                "to a missing row of parent; child row 3 refers to a missing row of parent"));
    }
    QVERIFY(connection->execute(QStringLiteral("DELETE FROM child WHERE id > 1")).ok());
    QVERIFY(connection->execute(statement).ok());
}

void tst_Runtime::versionTableMissing()
{
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    VersionTable versions(*connection);
    QCOMPARE(versions.exists().value(), false);
    auto heads = versions.heads();
    QVERIFY(heads.ok());
    QVERIFY(heads->isEmpty());
    // Reading creates nothing.
    QCOMPARE(versions.exists().value(), false);
}

void tst_Runtime::versionTableDdl()
{
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    VersionTable versions(*connection);
    QVERIFY(versions.ensure().ok());
    QVERIFY(versions.ensure().ok());   // idempotent
    QCOMPARE(versions.exists().value(), true);
    auto sql = connection->selectValue(
        QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'"));
    QCOMPARE(sql->toString(), QStringLiteral("CREATE TABLE alembic_version (\n"
                                             "    version_num VARCHAR(32) NOT NULL, \n"
                                             "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                                             ")"));
}

void tst_Runtime::versionTableChanges()
{
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    VersionTable versions(*connection);
    QVERIFY(versions.create().ok());
    QVERIFY(versions.apply({{VersionChange::Insert, {}, QStringLiteral("a")},
                            {VersionChange::Insert, {}, QStringLiteral("b")}})
                .ok());
    QCOMPARE(sorted(versions.heads().value()), QStringList({"a", "b"}));
    QVERIFY(versions.apply({{VersionChange::Delete, QStringLiteral("a"), {}},
                            {VersionChange::Update, QStringLiteral("b"), QStringLiteral("c")}})
                .ok());
    QCOMPARE(versions.heads().value(), QStringList({"c"}));
    QVERIFY(versions.purge().ok());
    QVERIFY(versions.heads()->isEmpty());
    QCOMPARE(versions.exists().value(), true);
}

void tst_Runtime::versionTableMismatch_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("update") << int(VersionChange::Update)
                            << "Online migration expected to match one row when updating 'x' to "
                               "'y' in 'alembic_version'; 0 found";
    QTest::newRow("delete") << int(VersionChange::Delete)
                            << "Online migration expected to match one row when deleting 'x' in "
                               "'alembic_version'; 0 found";
}

void tst_Runtime::versionTableMismatch()
{
    QFETCH(int, kind);
    QFETCH(QString, message);
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    VersionTable versions(*connection);
    QVERIFY(versions.create().ok());
    QVERIFY(versions.apply({{VersionChange::Insert, {}, QStringLiteral("a")}}).ok());
    auto done = versions.apply(
        {{VersionChange::Kind(kind), QStringLiteral("x"), QStringLiteral("y")}});
    QVERIFY(!done.ok());
    QCOMPARE(done.error().code, int(Error::Database));
    QCOMPARE(done.error().message, message);
    QCOMPARE(versions.heads().value(), QStringList({"a"}));
}

void tst_Runtime::versionTableInSchema()
{
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    QVERIFY(connection
                ->execute(QStringLiteral("ATTACH DATABASE '%1' AS aux")
                              .arg(m_dir->filePath(QStringLiteral("aux.db"))))
                .ok());
    VersionTable versions(*connection, QStringLiteral("my_versions"), QStringLiteral("aux"));
    QCOMPARE(versions.exists().value(), false);
    QVERIFY(versions.ensure().ok());
    QVERIFY(versions.apply({{VersionChange::Insert, {}, QStringLiteral("r1")}}).ok());
    QCOMPARE(versions.heads().value(), QStringList({"r1"}));
    QCOMPARE(connection->selectValue(QStringLiteral("SELECT count(*) FROM aux.sqlite_master "
                                                    "WHERE name = 'my_versions'"))
                 ->toInt(),
             1);
    QCOMPARE(VersionTable(*connection, QStringLiteral("my_versions")).exists().value(), false);
}

void tst_Runtime::checksum_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("abc") << "abc"
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("empty") << ""
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const QString lf = QString::fromLatin1(
        QCryptographicHash::hash("a;\nb;\n", QCryptographicHash::Sha256).toHex());
    QTest::newRow("lf") << "a;\nb;\n" << lf;
    QTest::newRow("crlf") << "a;\r\nb;\r\n" << lf;
    QTest::newRow("cr") << "a;\rb;\r" << lf;
}

void tst_Runtime::checksum()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(AuditLog::checksum(text), expected);
}

void tst_Runtime::auditLog()
{
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    AuditLog audit(*connection);
    QCOMPARE(audit.exists().value(), false);
    QVERIFY(audit.records()->isEmpty());
    QVERIFY(audit.lastChecksums()->isEmpty());
    QVERIFY(audit.ensure().ok());
    QVERIFY(audit.ensure().ok());

    const QDateTime at = QDateTime(QDate(2026, 11, 25), QTime(12, 30, 15, 250), QTimeZone::utc());
    auto row = [&](const QString &revision, const QString &direction, const QString &checksum) {
        AuditRecord r;
        r.revision = revision;
        r.direction = direction;
        r.checksum = checksum;
        r.appliedAt = at;
        r.durationMs = 42;
        r.appliedBy = QStringLiteral("alice");
        r.toolVersion = QStringLiteral("0.1.0");
        return r;
    };
    QVERIFY(audit.record(row("a", "upgrade", "c1")).ok());
    QVERIFY(audit.record(row("b", "upgrade", "c2")).ok());
    QVERIFY(audit.record(row("b", "downgrade", "d2")).ok());
    QVERIFY(audit.record(row("a", "upgrade", "c3")).ok());
    QVERIFY(audit.record(row("c", "stamp", "")).ok());

    auto records = audit.records();
    QVERIFY(records.ok());
    QCOMPARE(records->size(), 5);
    const AuditRecord &first = records->first();
    QVERIFY(first.id > 0);
    QCOMPARE(first.revision, QStringLiteral("a"));
    QCOMPARE(first.direction, QStringLiteral("upgrade"));
    QCOMPARE(first.checksum, QStringLiteral("c1"));
    QCOMPARE(first.appliedAt, at);
    QCOMPARE(first.durationMs, 42);
    QCOMPARE(first.appliedBy, QStringLiteral("alice"));
    QCOMPARE(first.toolVersion, QStringLiteral("0.1.0"));
    QVERIFY(records->at(4).checksum.isEmpty());
    QVERIFY(connection->selectValue(QStringLiteral("SELECT checksum FROM stratum_history WHERE "
                                                   "revision = 'c'"))
                ->isNull());

    auto checksums = audit.lastChecksums();
    QVERIFY(checksums.ok());
    QCOMPARE(checksums->value(QStringLiteral("a")), QStringLiteral("c3"));
    QCOMPARE(checksums->value(QStringLiteral("b")), QStringLiteral("c2"));
    QVERIFY(checksums->contains(QStringLiteral("c")));
    QVERIFY(checksums->value(QStringLiteral("c")).isEmpty());
}

void tst_Runtime::advisoryKeys()
{
    const qint64 a = MigrationLock::advisoryKey(QStringLiteral("alembic_version"), {});
    QCOMPARE(MigrationLock::advisoryKey(QStringLiteral("alembic_version"), {}), a);
    QVERIFY(MigrationLock::advisoryKey(QStringLiteral("other_version"), {}) != a);
    QVERIFY(MigrationLock::advisoryKey(QStringLiteral("alembic_version"), QStringLiteral("s")) != a);
    const QString name = MigrationLock::lockName(QStringLiteral("db"), QStringLiteral("alembic_version"), {});
    QVERIFY(name.size() <= 64);
    QVERIFY(name.startsWith(QLatin1String("stratum_")));
    QVERIFY(name != MigrationLock::lockName(QStringLiteral("db2"), QStringLiteral("alembic_version"), {}));
    const Error error = MigrationLock::timeoutError(3, QStringLiteral("postgresql://u:***@h/db"));
    QCOMPARE(error.code, int(Error::Database));
    QCOMPARE(error.message, QStringLiteral("Timed out after 3 s waiting for the migration lock on "
                                          "postgresql://u:***@h/db; another stratum process is "
                                          "migrating this database."));
}

void tst_Runtime::sqliteLockTimesOut()
{
    LockHolder holder(dbPath());
    QVERIFY(holder.ok());
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    MigrationLock lock(*connection, QStringLiteral("alembic_version"), {}, 1);
    QVERIFY(lock.acquire().ok());
    QElapsedTimer timer;
    timer.start();
    auto begun = lock.beginTransaction();
    QVERIFY(!begun.ok());
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(begun.error().code, int(Error::Database));
    QVERIFY2(begun.error().message.startsWith(
                 QLatin1String("Timed out after 1 s waiting for the migration lock on ")),
             qPrintable(begun.error().message));
    QVERIFY(lock.release().ok());
    // The connection's own busy timeout comes back.
    QCOMPARE(connection->selectValue(QStringLiteral("PRAGMA busy_timeout"))->toInt(),
             ConnectOptions().busyTimeoutMs);
}

void tst_Runtime::sqliteLockWaitsForRelease()
{
    LockHolder holder(dbPath());
    QVERIFY(holder.ok());
    auto connection = ::openSqlite(dbPath());
    QVERIFY(connection);
    MigrationLock lock(*connection, QStringLiteral("alembic_version"), {}, 10);
    QVERIFY(lock.acquire().ok());
    std::thread releaser([&holder] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        holder.release();
    });
    QElapsedTimer timer;
    timer.start();
    auto begun = lock.beginTransaction();
    releaser.join();
    QVERIFY2(begun.ok(), begun.ok() ? "" : qPrintable(begun.error().message));
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY(connection->execute(QStringLiteral("COMMIT")).ok());
}

// A lock_timeout longer than 32-bit milliseconds hold still waits (it used to wrap around and
// give up at once).
void tst_Runtime::sqliteLongLockTimeoutWaits()
{
    for (const int seconds : {Config::maximumLockTimeout, 3000000}) {
        LockHolder holder(dbPath());
        QVERIFY(holder.ok());
        auto connection = ::openSqlite(dbPath());
        QVERIFY(connection);
        MigrationLock lock(*connection, QStringLiteral("alembic_version"), {}, seconds);
        QVERIFY(lock.acquire().ok());
        QCOMPARE(connection->selectValue(QStringLiteral("PRAGMA busy_timeout"))->toLongLong(),
                 qint64(Config::maximumLockTimeout) * 1000);
        std::thread releaser([&holder] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            holder.release();
        });
        auto begun = lock.beginTransaction();
        releaser.join();
        QVERIFY2(begun.ok(), begun.ok() ? "" : qPrintable(begun.error().message));
        QVERIFY(connection->execute(QStringLiteral("COMMIT")).ok());
        QVERIFY(lock.release().ok());
    }
}

// Processes that create the version table at the same moment all succeed (Alembic's
// ensure_version run by several deploy jobs at once).
void tst_Runtime::concurrentEnsureVersionTable()
{
    for (int round = 0; round < 40; ++round) {
        const QString path = m_dir->filePath(QStringLiteral("race%1.db").arg(round));
        std::atomic<int> ready{0};
        QStringList failures;
        std::mutex mutex;
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t)
            threads.emplace_back([&, t] {
                auto connection = ::openSqlite(path);
                ++ready;
                while (ready.load() < 6)
                    std::this_thread::yield();
                Status done = connection ? VersionTable(*connection, QStringLiteral("alembic_version")).ensure()
                                         : Status(Error::database(QStringLiteral("no connection")));
                if (!done) {
                    std::lock_guard<std::mutex> guard(mutex);
                    failures << QStringLiteral("round %1 thread %2: %3").arg(round).arg(t).arg(done.error().message);
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
}

// A run started without a login environment (a service, a container) still says who ran it.
void tst_Runtime::appliedByWithoutLogin()
{
    QHash<QByteArray, QByteArray> saved;
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        saved.insert(name, qgetenv(name));
        qunsetenv(name);
    }
    const QString user = currentOsUser();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        if (!it.value().isEmpty())
            qputenv(it.key().constData(), it.value());
    struct passwd *entry = getpwuid(geteuid());
    QVERIFY(entry);
    QCOMPARE(user, QString::fromLocal8Bit(entry->pw_name));
}

void tst_Runtime::clientEndpoints_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:45678") << QStringLiteral("127.0.0.1") << 45678;
    QTest::newRow("name") << QStringLiteral("localhost:3306") << QStringLiteral("localhost") << 3306;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:5000") << QStringLiteral("::1") << 5000;
    QTest::newRow("unix socket") << QStringLiteral("localhost") << QString() << -1;
    QTest::newRow("garbage") << QStringLiteral("host:port") << QString() << -1;
}

void tst_Runtime::clientEndpoints()
{
    QFETCH(QString, host);
    QFETCH(QString, address);
    QFETCH(int, port);
    const ClientEndpoint endpoint = ClientEndpoint::fromHostPort(host);
    QCOMPARE(endpoint.address, address);
    QCOMPARE(endpoint.port, port);
}

// A listening socket of this process stands in for a server; the client socket connected to
// it is alive while open, and judged gone once closed. The server's view is the client's own.
void tst_Runtime::clientCheckOfThisProcess()
{
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(server >= 0);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(server, reinterpret_cast<sockaddr *>(&at), sizeof at), 0);
    QCOMPARE(::listen(server, 4), 0);
    socklen_t length = sizeof at;
    QCOMPARE(::getsockname(server, reinterpret_cast<sockaddr *>(&at), &length), 0);
    auto connectClient = [&]() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&at), sizeof at) != 0)
            return std::pair<int, int>{-1, -1};
        sockaddr_in mine{};
        socklen_t size = sizeof mine;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&mine), &size);
        return std::pair<int, int>{fd, int(ntohs(mine.sin_port))};
    };
    const auto [ownFd, ownPort] = connectClient();
    const auto [holderFd, holderPort] = connectClient();
    QVERIFY(ownFd >= 0 && holderFd >= 0);
    const ClientEndpoint own{QStringLiteral("127.0.0.1"), ownPort};
    const ClientEndpoint holder{QStringLiteral("127.0.0.1"), holderPort};
    QCOMPARE(checkClient(holder, own).state, ClientCheck::Alive);
    // "localhost" (MariaDB resolving names) stands for any loopback address.
    QCOMPARE(checkClient(ClientEndpoint{QStringLiteral("localhost"), holderPort},
                         ClientEndpoint{QStringLiteral("localhost"), ownPort}).state,
             ClientCheck::Alive);
    ::close(holderFd);
    const ClientCheck gone = checkClient(holder, own);
    QCOMPARE(gone.state, ClientCheck::Gone);
    QVERIFY(gone.reason.contains(QString::number(holderPort)));
    // Another address, a Unix socket, or an own endpoint this machine cannot see: unknown.
    QCOMPARE(checkClient(ClientEndpoint{QStringLiteral("10.1.2.3"), holderPort}, own).state, ClientCheck::Unknown);
    QCOMPARE(checkClient(ClientEndpoint{}, own).state, ClientCheck::Unknown);
    QCOMPARE(checkClient(holder, ClientEndpoint{QStringLiteral("127.0.0.1"), 1}).state, ClientCheck::Unknown);
    ::close(ownFd);
    ::close(server);
}

QTEST_MAIN(tst_Runtime)
#include "tst_runtime.moc"
