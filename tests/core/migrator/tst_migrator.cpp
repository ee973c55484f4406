// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/connection.h"
#include "stratum/runtime/migrator.h"
#include "stratum/runtime/versiontable.h"
#include "stratum/script/revisionscript.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>
#include <thread>

using namespace Stratum;

namespace {

struct RevisionSpec
{
    QString id;
    QString revises;        ///< comma-separated
    QString upgrade;
    std::optional<QString> downgrade;   ///< nullopt = irreversible
    bool upgradeTransactional = true;
    QString lineEnding = QStringLiteral("\n");
};

// The header takes lines 1-6, the upgrade marker line 7: the first upgrade statement is on
// line 8 (kUpgradeLine).
constexpr int kUpgradeLine = 8;

QString revisionText(const RevisionSpec &spec)
{
    QStringList lines = {
        QStringLiteral("-- Revision %1").arg(spec.id),
        QStringLiteral("--"),
        QStringLiteral("-- Revision ID: %1").arg(spec.id),
        QStringLiteral("-- Revises: %1").arg(spec.revises),
        QStringLiteral("-- Create Date: 2026-11-25 12:00:00.000000"),
        QString(),
        spec.upgradeTransactional ? QStringLiteral("-- migrate:upgrade")
                                  : QStringLiteral("-- migrate:upgrade transaction:false"),
    };
    lines += spec.upgrade.split(QLatin1Char('\n'));
    if (spec.downgrade) {
        lines += QString();
        lines += QStringLiteral("-- migrate:downgrade");
        lines += spec.downgrade->split(QLatin1Char('\n'));
    }
    return lines.join(spec.lineEnding) + spec.lineEnding;
}

RevisionSpec simple(const QString &id, const QString &revises)
{
    return {id, revises, QStringLiteral("CREATE TABLE t_%1 (id INTEGER);").arg(id),
            QStringLiteral("DROP TABLE t_%1;").arg(id)};
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

DatabaseUrl sqliteUrl(const QString &path)
{
    DatabaseUrl url;
    url.dialect = QStringLiteral("sqlite");
    url.driver = QStringLiteral("QSQLITE");
    url.database = path;
    return url;
}

// Holds BEGIN IMMEDIATE from another thread (QSql connections are per thread) until released.
class LockHolder
{
public:
    explicit LockHolder(const QString &path)
        : m_thread([this, path] {
              auto connection = Connection::open(sqliteUrl(path));
              m_ok = connection.ok()
                     && (*connection)->execute(QStringLiteral("BEGIN IMMEDIATE")).ok();
              m_locked.release();
              m_release.acquire();
              if (connection.ok())
                  (*connection)->execute(QStringLiteral("COMMIT"));
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
        if (!m_released.exchange(true))
            m_release.release();
    }

private:
    QSemaphore m_locked;
    QSemaphore m_release;
    bool m_ok = false;
    std::atomic_bool m_released{false};
    std::thread m_thread;
};

} // namespace

class tst_Migrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void upgradeAndDowngrade();
    void branchesAndMerge();
    void transactionFalseSection();
    void transactionFalseSectionFails();
    void sqliteErrorOffset();
    void failureRollsBack_data();
    void failureRollsBack();
    void transactionPerMigrationKeepsCompleted();
    void versionTableChangedBetweenTransactions();
    void irreversibleDowngradeRefused();
    void parseErrorRefusedBeforeRunning();
    void lockTimesOut();
    void lockWaitsForRelease();
    void secondRunFindsNothing();
    void concurrentRunsMigrateOnce();
    void auditRowsAndChecksums();
    void checksumIgnoresLineEndings();
    void stampAndPurge();
    void cancelBetweenRevisions();
    void progressEvents();
    void versionTableInSchema();
    void emptyPlanCreatesVersionTable();
    void offline_data();
    void offline();
    void offlinePurgeRefused();

private:
    QString write(const RevisionSpec &spec);
    bool loadMap();
    std::unique_ptr<Connection> open();
    Result<MigrationRun> migrate(const std::function<Result<QList<MigrationStep>>(const QStringList &)> &planner,
                                 MigratorOptions options = {});
    Result<MigrationRun> upgrade(const QString &target, const MigratorOptions &options = {});
    Result<MigrationRun> downgrade(const QString &target, const MigratorOptions &options = {});
    Result<MigrationRun> stamp(const QStringList &targets, const MigratorOptions &options = {});
    QStringList heads();
    QStringList tables();
    QStringList schemaSnapshot();

    std::unique_ptr<QTemporaryDir> m_dir;
    RevisionMap m_map;
    std::unique_ptr<Connection> m_connection;
    QString versionsDir() const { return m_dir->filePath(QStringLiteral("versions")); }
    QString dbPath() const { return m_dir->filePath(QStringLiteral("test.db")); }
};

void tst_Migrator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(versionsDir()));
    m_map = RevisionMap();
}

void tst_Migrator::cleanup()
{
    m_connection.reset();
    m_map = RevisionMap();
    m_dir.reset();
}

QString tst_Migrator::write(const RevisionSpec &spec)
{
    const QString path = QDir(versionsDir()).filePath(spec.id + QLatin1String("_rev.sql"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(revisionText(spec).toUtf8());
    return path;
}

bool tst_Migrator::loadMap()
{
    QList<RevisionScript> scripts;
    const QStringList files =
        QDir(versionsDir()).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto script = readRevisionHeader(QDir(versionsDir()).filePath(name));
        if (!script) {
            qWarning("%s", qPrintable(script.error().toString()));
            return false;
        }
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

std::unique_ptr<Connection> tst_Migrator::open()
{
    auto connection = Connection::open(sqliteUrl(dbPath()));
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return nullptr;
    }
    return std::move(*connection);
}

Result<MigrationRun> tst_Migrator::migrate(
    const std::function<Result<QList<MigrationStep>>(const QStringList &)> &planner,
    MigratorOptions options)
{
    if (!m_connection)
        m_connection = open();
    if (options.appliedBy.isEmpty())
        options.appliedBy = QStringLiteral("tester");
    Migrator migrator(*m_connection, m_map, options);
    return migrator.run(planner);
}

Result<MigrationRun> tst_Migrator::upgrade(const QString &target, const MigratorOptions &options)
{
    return migrate([this, target](const QStringList &heads) { return m_map.upgradeSteps(target, heads); },
                   options);
}

Result<MigrationRun> tst_Migrator::downgrade(const QString &target, const MigratorOptions &options)
{
    return migrate([this, target](const QStringList &heads) { return m_map.downgradeSteps(target, heads); },
                   options);
}

Result<MigrationRun> tst_Migrator::stamp(const QStringList &targets, const MigratorOptions &options)
{
    return migrate([this, targets](const QStringList &heads) { return m_map.stampSteps(targets, heads); },
                   options);
}

QStringList tst_Migrator::heads()
{
    if (!m_connection)
        m_connection = open();
    auto heads = VersionTable(*m_connection).heads();
    return heads ? sorted(*heads) : QStringList{QStringLiteral("<error>")};
}

QStringList tst_Migrator::tables()
{
    if (!m_connection)
        m_connection = open();
    auto names = m_connection->selectColumn(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\' "
        "ORDER BY name"));
    QStringList out;
    for (const QVariant &name : *names)
        out.append(name.toString());
    return out;
}

QStringList tst_Migrator::schemaSnapshot()
{
    if (!m_connection)
        m_connection = open();
    QStringList out;
    auto rows = m_connection->selectColumn(QStringLiteral(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY 1"));
    for (const QVariant &row : *rows)
        out.append(row.toString());
    auto exists = VersionTable(*m_connection).exists();
    if (*exists)
        out.append(QStringLiteral("versions: ") + heads().join(QLatin1Char(',')));
    return out;
}

// Evaluates its argument once: it is often the call under test.
#define VERIFY_OK(expression)                                                                \
    do {                                                                                     \
        const auto &result_ = (expression);                                                  \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().toString()));  \
    } while (false)

void tst_Migrator::upgradeAndDowngrade()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    write(simple(QStringLiteral("c"), QStringLiteral("b")));
    QVERIFY(loadMap());

    auto run = upgrade(QStringLiteral("head"));
    VERIFY_OK(run);
    QVERIFY(run->headsBefore.isEmpty());
    QCOMPARE(run->headsAfter, QStringList{QStringLiteral("c")});
    QCOMPARE(run->steps.size(), 3);
    QCOMPARE(run->completedSteps, 3);
    QVERIFY(!run->cancelled);
    QCOMPARE(heads(), QStringList{QStringLiteral("c")});
    QCOMPARE(tables(), QStringList({"t_a", "t_b", "t_c"}));

    run = downgrade(QStringLiteral("a"));
    VERIFY_OK(run);
    QCOMPARE(run->headsBefore, QStringList{QStringLiteral("c")});
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
    QCOMPARE(tables(), QStringList{QStringLiteral("t_a")});

    run = downgrade(QStringLiteral("base"));
    VERIFY_OK(run);
    QVERIFY(heads().isEmpty());
    QVERIFY(tables().isEmpty());
    // Online, the version table stays (empty), as in Alembic.
    QCOMPARE(VersionTable(*m_connection).exists().value(), true);
}

void tst_Migrator::branchesAndMerge()
{
    // a ─┬─ b1 ─┬─ m ── n
    //    └─ c1 ─┘
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b1"), QStringLiteral("a")));
    write(simple(QStringLiteral("c1"), QStringLiteral("a")));
    write(simple(QStringLiteral("m"), QStringLiteral("b1, c1")));
    write(simple(QStringLiteral("n"), QStringLiteral("m")));
    QVERIFY(loadMap());

    // Version rows and tables after each command, as Alembic 1.8.1 leaves them for the same
    // revisions (checked with `alembic` on SQLite).
    struct Case { bool up; QString target; QStringList heads; QStringList tables; };
    const QList<Case> cases = {
        {true, "b1", {"b1"}, {"t_a", "t_b1"}},
        {true, "c1", {"b1", "c1"}, {"t_a", "t_b1", "t_c1"}},
        {true, "heads", {"n"}, {"t_a", "t_b1", "t_c1", "t_m", "t_n"}},
        {false, "m", {"m"}, {"t_a", "t_b1", "t_c1", "t_m"}},
        {false, "b1", {"b1", "c1"}, {"t_a", "t_b1", "t_c1"}},
        {false, "c1", {"b1", "c1"}, {"t_a", "t_b1", "t_c1"}},
        {false, "a", {"a"}, {"t_a"}},
        {true, "c1", {"c1"}, {"t_a", "t_c1"}},
        {false, "base", {}, {}},
    };
    for (const Case &c : cases) {
        const QString what = (c.up ? QStringLiteral("upgrade ") : QStringLiteral("downgrade ")) + c.target;
        auto run = c.up ? upgrade(c.target) : downgrade(c.target);
        QVERIFY2(run.ok(), qPrintable(what + QLatin1String(": ") + (run.ok() ? QString() : run.error().toString())));
        QVERIFY2(heads() == c.heads, qPrintable(what + QLatin1String(": heads ") + heads().join(QLatin1Char(','))));
        QVERIFY2(tables() == c.tables, qPrintable(what + QLatin1String(": tables ") + tables().join(QLatin1Char(','))));
        QCOMPARE(sorted(run->headsAfter), c.heads);
    }
}

void tst_Migrator::transactionFalseSection()
{
    write(simple(QStringLiteral("a"), {}));
    RevisionSpec b = simple(QStringLiteral("b"), QStringLiteral("a"));
    // VACUUM refuses to run inside a transaction: it only passes outside one.
    b.upgrade = QStringLiteral("CREATE TABLE t_b (id INTEGER);\nVACUUM;");
    b.upgradeTransactional = false;
    write(b);
    write(simple(QStringLiteral("c"), QStringLiteral("b")));
    QVERIFY(loadMap());

    auto run = upgrade(QStringLiteral("head"));
    VERIFY_OK(run);
    QCOMPARE(heads(), QStringList{QStringLiteral("c")});
    QCOMPARE(tables(), QStringList({"t_a", "t_b", "t_c"}));

    // The same VACUUM in an ordinary section fails: it really ran in a transaction there.
    RevisionSpec d = simple(QStringLiteral("d"), QStringLiteral("c"));
    d.upgrade = QStringLiteral("VACUUM;");
    write(d);
    QVERIFY(loadMap());
    run = upgrade(QStringLiteral("head"));
    QVERIFY(!run.ok());
    QVERIFY2(run.error().message.contains(QLatin1String("VACUUM")), qPrintable(run.error().message));
    QCOMPARE(heads(), QStringList{QStringLiteral("c")});
}

void tst_Migrator::transactionFalseSectionFails()
{
    write(simple(QStringLiteral("a"), {}));
    RevisionSpec b = simple(QStringLiteral("b"), QStringLiteral("a"));
    b.upgrade = QStringLiteral("CREATE TABLE t_b (id INTEGER);\nINSERT INTO nope VALUES (1);");
    b.upgradeTransactional = false;
    const QString bPath = write(b);
    QVERIFY(loadMap());

    auto run = upgrade(QStringLiteral("head"));
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, int(Error::Database));
    QCOMPARE(run.error().file, bPath);
    QCOMPARE(run.error().line, kUpgradeLine + 1);
    QVERIFY2(run.error().hint.contains(QLatin1String("outside a transaction")), qPrintable(run.error().hint));
    // What came before the section was committed; the section's first statement stays.
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
    QCOMPARE(tables(), QStringList({"t_a", "t_b"}));
}

// SQLite's byte offset of an error becomes the file's line and column, also past non-ASCII
// text and on a statement's later lines.
void tst_Migrator::sqliteErrorOffset()
{
    RevisionSpec a = simple(QStringLiteral("a"), {});
    a.upgrade = QStringLiteral("CREATE TABLE \"t_\u00e9\u20ac\" (id INTEGER, -- \u00e9\u00e9\n"
                               "  \"n\u00e9\" TEXT NOT NULL,, y);");
    const QString aPath = write(a);
    QVERIFY(loadMap());
    auto run = upgrade(QStringLiteral("head"));
    QVERIFY(!run.ok());
    QCOMPARE(run.error().file, aPath);
    QCOMPARE(run.error().line, kUpgradeLine + 1);
    QCOMPARE(run.error().column, 22);   // the second ','
    QVERIFY2(run.error().message.contains(QLatin1String("near \",\": syntax error")), qPrintable(run.error().message));
}

void tst_Migrator::failureRollsBack_data()
{
    QTest::addColumn<QString>("start");
    QTest::newRow("from an empty database") << QString();
    QTest::newRow("from a") << QStringLiteral("a");
}

void tst_Migrator::failureRollsBack()
{
    QFETCH(QString, start);
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    RevisionSpec c = simple(QStringLiteral("c"), QStringLiteral("b"));
    c.upgrade = QStringLiteral("CREATE TABLE t_c1 (id INTEGER);\nINSERT INTO nope VALUES (1);\n"
                               "CREATE TABLE t_c2 (id INTEGER);");
    const QString cPath = write(c);
    QVERIFY(loadMap());
    if (!start.isEmpty())
        VERIFY_OK(upgrade(start));

    const QStringList before = schemaSnapshot();
    auto run = upgrade(QStringLiteral("head"));
    QVERIFY(!run.ok());
    const Error &error = run.error();
    QCOMPARE(error.code, int(Error::Database));
    QCOMPARE(error.file, cPath);
    QCOMPARE(error.line, kUpgradeLine + 1);
    QCOMPARE(error.message, QStringLiteral("Upgrade of revision c failed: no such table: nope"));
    QVERIFY2(error.toString().startsWith(cPath + QLatin1String(":9:")), qPrintable(error.toString()));
    QVERIFY2(error.hint.contains(QLatin1String("INSERT INTO nope VALUES (1)")), qPrintable(error.hint));
    QVERIFY2(error.hint.contains(QLatin1String("as they were before the run")), qPrintable(error.hint));
    QCOMPARE(schemaSnapshot(), before);
}

void tst_Migrator::transactionPerMigrationKeepsCompleted()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    RevisionSpec c = simple(QStringLiteral("c"), QStringLiteral("b"));
    c.upgrade = QStringLiteral("CREATE TABLE t_c1 (id INTEGER);\nINSERT INTO nope VALUES (1);");
    write(c);
    QVERIFY(loadMap());

    MigratorOptions options;
    options.transactionPerMigration = true;
    auto run = upgrade(QStringLiteral("head"), options);
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, int(Error::Database));
    QVERIFY2(run.error().hint.contains(QLatin1String("the version table is at b")), qPrintable(run.error().hint));
    QCOMPARE(heads(), QStringList{QStringLiteral("b")});
    QCOMPARE(tables(), QStringList({"t_a", "t_b"}));

    // Fixed, the run carries on from b.
    c.upgrade = QStringLiteral("CREATE TABLE t_c (id INTEGER);");
    write(c);
    QVERIFY(loadMap());
    run = upgrade(QStringLiteral("head"), options);
    VERIFY_OK(run);
    QCOMPARE(run->headsBefore, QStringList{QStringLiteral("b")});
    QCOMPARE(run->completedSteps, 1);
    QCOMPARE(heads(), QStringList{QStringLiteral("c")});
}

void tst_Migrator::versionTableChangedBetweenTransactions()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(loadMap());

    // Another writer slips in between the per-revision transactions.
    auto intruder = open();
    QVERIFY(intruder);
    MigratorOptions options;
    options.transactionPerMigration = true;
    options.progress = [&intruder](const MigrationProgress &progress) {
        if (progress.event == MigrationProgress::Event::RevisionFinished && progress.stepIndex == 0)
            QVERIFY(VersionTable(*intruder).apply({{VersionChange::Insert, {}, QStringLiteral("zzz")}}).ok());
    };
    auto run = upgrade(QStringLiteral("head"), options);
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, int(Error::Database));
    QVERIFY2(run.error().message.contains(QLatin1String("changed")), qPrintable(run.error().message));
    QCOMPARE(heads(), QStringList({"a", "zzz"}));
    QCOMPARE(tables(), QStringList{QStringLiteral("t_a")});
}

void tst_Migrator::irreversibleDowngradeRefused()
{
    RevisionSpec a = simple(QStringLiteral("a"), {});
    a.downgrade.reset();
    const QString aPath = write(a);
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(loadMap());
    VERIFY_OK(upgrade(QStringLiteral("head")));

    int statements = 0;
    MigratorOptions options;
    options.progress = [&statements](const MigrationProgress &progress) {
        if (progress.event == MigrationProgress::Event::Statement)
            ++statements;
    };
    auto run = downgrade(QStringLiteral("base"), options);
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, int(Error::Input));
    QCOMPARE(run.error().file, aPath);
    QVERIFY2(run.error().message.contains(QLatin1String("Revision a has no downgrade section")),
             qPrintable(run.error().message));
    // b's downgrade comes first in the plan, yet nothing ran.
    QCOMPARE(statements, 0);
    QCOMPARE(heads(), QStringList{QStringLiteral("b")});
    QCOMPARE(tables(), QStringList({"t_a", "t_b"}));

    // Down to a is fine: a's own downgrade is not needed.
    VERIFY_OK(downgrade(QStringLiteral("a")));
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
}

void tst_Migrator::parseErrorRefusedBeforeRunning()
{
    write(simple(QStringLiteral("a"), {}));
    RevisionSpec b = simple(QStringLiteral("b"), QStringLiteral("a"));
    b.upgrade = QStringLiteral("CREATE TABLE t_b (note TEXT DEFAULT 'unterminated);");
    const QString bPath = write(b);
    QVERIFY(loadMap());
    auto run = upgrade(QStringLiteral("head"));
    QVERIFY(!run.ok());
    QCOMPARE(run.error().code, int(Error::Input));
    QCOMPARE(run.error().file, bPath);
    QVERIFY(tables().isEmpty());
    QVERIFY(heads().isEmpty());
}

void tst_Migrator::lockTimesOut()
{
    write(simple(QStringLiteral("a"), {}));
    QVERIFY(loadMap());
    LockHolder holder(dbPath());
    QVERIFY(holder.ok());

    MigratorOptions options;
    options.lockTimeoutSeconds = 1;
    bool planned = false;
    QElapsedTimer timer;
    timer.start();
    auto run = migrate([&](const QStringList &heads) {
        planned = true;
        return m_map.upgradeSteps(QStringLiteral("head"), heads);
    }, options);
    QVERIFY(!run.ok());
    QVERIFY(timer.elapsed() >= 900);
    QVERIFY(!planned);
    QCOMPARE(run.error().code, int(Error::Database));
    QCOMPARE(run.error().message,
             QStringLiteral("Timed out after 1 s waiting for the migration lock on %1; another "
                            "stratum process is migrating this database.")
                 .arg(sqliteUrl(dbPath()).masked()));

    holder.release();
    // Once released, the same run goes through.
    run = upgrade(QStringLiteral("head"), options);
    VERIFY_OK(run);
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
}

void tst_Migrator::lockWaitsForRelease()
{
    write(simple(QStringLiteral("a"), {}));
    QVERIFY(loadMap());
    LockHolder holder(dbPath());
    QVERIFY(holder.ok());
    std::thread releaser([&holder] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        holder.release();
    });
    MigratorOptions options;
    options.lockTimeoutSeconds = 10;
    auto run = upgrade(QStringLiteral("head"), options);
    releaser.join();
    VERIFY_OK(run);
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
}

void tst_Migrator::secondRunFindsNothing()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(loadMap());
    VERIFY_OK(upgrade(QStringLiteral("head")));

    QStringList seen;
    auto run = migrate([&](const QStringList &heads) {
        seen = heads;
        return m_map.upgradeSteps(QStringLiteral("head"), heads);
    });
    VERIFY_OK(run);
    QCOMPARE(seen, QStringList{QStringLiteral("b")});
    QVERIFY(run->steps.isEmpty());
    QCOMPARE(run->completedSteps, 0);
    QCOMPARE(AuditLog(*m_connection).records()->size(), 2);
}

void tst_Migrator::concurrentRunsMigrateOnce()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(loadMap());

    // Thread A migrates slowly (its connection and map are its own); the main thread starts
    // meanwhile, waits for the lock, and then plans from what A left: nothing to do.
    QSemaphore started;
    QString threadError;
    int threadSteps = -1;
    std::thread other([&] {
        QList<RevisionScript> scripts;
        for (const QString &name : QDir(versionsDir()).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
            scripts.append(*readRevisionHeader(QDir(versionsDir()).filePath(name)));
        auto map = RevisionMap::build(scripts);
        auto connection = Connection::open(sqliteUrl(dbPath()));
        if (!map || !connection) {
            threadError = QStringLiteral("set-up failed");
            started.release();
            return;
        }
        MigratorOptions options;
        options.progress = [&started](const MigrationProgress &progress) {
            if (progress.event == MigrationProgress::Event::Statement && progress.stepIndex == 0) {
                started.release();
                std::this_thread::sleep_for(std::chrono::milliseconds(400));
            }
        };
        Migrator migrator(**connection, *map, options);
        auto run = migrator.run([&map](const QStringList &heads) {
            return map->upgradeSteps(QStringLiteral("head"), heads);
        });
        if (run)
            threadSteps = run->completedSteps;
        else
            threadError = run.error().toString();
    });
    started.acquire();
    QStringList seen = {QStringLiteral("not called")};
    MigratorOptions options;
    options.lockTimeoutSeconds = 10;
    auto run = migrate([&](const QStringList &heads) {
        seen = heads;
        return m_map.upgradeSteps(QStringLiteral("head"), heads);
    }, options);
    other.join();
    QVERIFY2(threadError.isEmpty(), qPrintable(threadError));
    QCOMPARE(threadSteps, 2);
    VERIFY_OK(run);
    QCOMPARE(seen, QStringList{QStringLiteral("b")});
    QCOMPARE(run->completedSteps, 0);
    QCOMPARE(heads(), QStringList{QStringLiteral("b")});
    QCOMPARE(AuditLog(*m_connection).records()->size(), 2);
}

void tst_Migrator::auditRowsAndChecksums()
{
    const QString aPath = write(simple(QStringLiteral("a"), {}));
    const QString bPath = write(simple(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(loadMap());
    MigratorOptions options;
    options.appliedBy = QStringLiteral("alice");
    options.toolVersion = QStringLiteral("9.9.9");
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
    VERIFY_OK(upgrade(QStringLiteral("head"), options));
    VERIFY_OK(downgrade(QStringLiteral("a"), options));

    auto a = readRevisionScript(aPath);
    auto b = readRevisionScript(bPath);
    VERIFY_OK(a);
    VERIFY_OK(b);
    auto records = AuditLog(*m_connection).records();
    VERIFY_OK(records);
    QCOMPARE(records->size(), 3);
    struct Expected { QString revision; QString direction; QString checksum; };
    const QList<Expected> expected = {
        {"a", "upgrade", AuditLog::checksum(a->upgrade.body)},
        {"b", "upgrade", AuditLog::checksum(b->upgrade.body)},
        {"b", "downgrade", AuditLog::checksum(b->downgrade.body)},
    };
    for (int i = 0; i < expected.size(); ++i) {
        const AuditRecord &row = records->at(i);
        QCOMPARE(row.revision, expected[i].revision);
        QCOMPARE(row.direction, expected[i].direction);
        QCOMPARE(row.checksum, expected[i].checksum);
        QCOMPARE(row.checksum.size(), 64);
        QCOMPARE(row.appliedBy, QStringLiteral("alice"));
        QCOMPARE(row.toolVersion, QStringLiteral("9.9.9"));
        QVERIFY(row.appliedAt >= start);
        QVERIFY(row.durationMs >= 0);
    }
    QVERIFY(records->at(1).checksum != records->at(2).checksum);

    auto checksums = AuditLog(*m_connection).lastChecksums();
    VERIFY_OK(checksums);
    QCOMPARE(checksums->value(QStringLiteral("a")), expected[0].checksum);
    QCOMPARE(checksums->value(QStringLiteral("b")), expected[1].checksum);
}

void tst_Migrator::checksumIgnoresLineEndings()
{
    RevisionSpec lf = simple(QStringLiteral("a"), {});
    lf.upgrade = QStringLiteral("CREATE TABLE t_a (\n    id INTEGER\n);");
    const QString path = write(lf);
    QVERIFY(loadMap());
    VERIFY_OK(upgrade(QStringLiteral("head")));
    const QString lfChecksum = AuditLog(*m_connection).lastChecksums()->value(QStringLiteral("a"));

    RevisionSpec crlf = lf;
    crlf.lineEnding = QStringLiteral("\r\n");
    QCOMPARE(write(crlf), path);
    QVERIFY(loadMap());
    VERIFY_OK(downgrade(QStringLiteral("base")));
    VERIFY_OK(upgrade(QStringLiteral("head")));
    QCOMPARE(AuditLog(*m_connection).lastChecksums()->value(QStringLiteral("a")), lfChecksum);
    QCOMPARE(AuditLog(*m_connection).records()->size(), 3);
}

void tst_Migrator::stampAndPurge()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    const QString cPath = write(simple(QStringLiteral("c"), QStringLiteral("b")));
    QVERIFY(loadMap());

    auto run = stamp({QStringLiteral("c")});
    VERIFY_OK(run);
    QCOMPARE(heads(), QStringList{QStringLiteral("c")});
    QVERIFY(tables().isEmpty());
    auto records = AuditLog(*m_connection).records();
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->at(0).revision, QStringLiteral("c"));
    QCOMPARE(records->at(0).direction, QStringLiteral("stamp"));
    QCOMPARE(records->at(0).checksum, AuditLog::checksum(readRevisionScript(cPath)->upgrade.body));

    VERIFY_OK(stamp({QStringLiteral("a")}));
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
    QVERIFY(tables().isEmpty());

    // Rows Stratum does not know: --purge clears them first.
    QVERIFY(VersionTable(*m_connection).apply({{VersionChange::Insert, {}, QStringLiteral("zzz")}}).ok());
    MigratorOptions purge;
    purge.purge = true;
    QStringList seen = {QStringLiteral("not called")};
    run = migrate([&](const QStringList &heads) {
        seen = heads;
        return m_map.stampSteps({QStringLiteral("b")}, heads);
    }, purge);
    VERIFY_OK(run);
    QVERIFY(seen.isEmpty());
    QCOMPARE(sorted(run->headsBefore), QStringList({"a", "zzz"}));
    QCOMPARE(heads(), QStringList{QStringLiteral("b")});

    VERIFY_OK(stamp({QStringLiteral("base")}));
    QVERIFY(heads().isEmpty());
    records = AuditLog(*m_connection).records();
    QCOMPARE(records->last().direction, QStringLiteral("unstamp"));
    QCOMPARE(records->last().revision, QStringLiteral("b"));
}

void tst_Migrator::cancelBetweenRevisions()
{
    write(simple(QStringLiteral("a"), {}));
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    write(simple(QStringLiteral("c"), QStringLiteral("b")));
    QVERIFY(loadMap());
    std::atomic_bool cancel{false};
    MigratorOptions options;
    options.cancel = &cancel;
    options.progress = [&cancel](const MigrationProgress &progress) {
        if (progress.event == MigrationProgress::Event::Statement && progress.stepIndex == 0)
            cancel = true;   // asked mid-revision: that revision still completes
    };
    auto run = upgrade(QStringLiteral("head"), options);
    VERIFY_OK(run);
    QVERIFY(run->cancelled);
    QCOMPARE(run->completedSteps, 1);
    QCOMPARE(run->steps.size(), 3);
    QCOMPARE(run->headsAfter, QStringList{QStringLiteral("a")});
    QCOMPARE(heads(), QStringList{QStringLiteral("a")});
    QCOMPARE(tables(), QStringList{QStringLiteral("t_a")});
}

void tst_Migrator::progressEvents()
{
    RevisionSpec a = simple(QStringLiteral("a"), {});
    a.upgrade = QStringLiteral("CREATE TABLE t_a (id INTEGER);\nCREATE INDEX ix_a ON t_a (id);");
    write(a);
    write(simple(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(loadMap());

    QStringList events;
    MigratorOptions options;
    options.progress = [&events](const MigrationProgress &p) {
        QString text;
        switch (p.event) {
        case MigrationProgress::Event::RevisionStarted: text = QStringLiteral("start"); break;
        case MigrationProgress::Event::Statement: text = QStringLiteral("sql"); break;
        case MigrationProgress::Event::RevisionFinished: text = QStringLiteral("done"); break;
        }
        text += QStringLiteral(" %1/%2 %3").arg(p.stepIndex).arg(p.stepCount).arg(p.step->revision->id);
        if (p.event == MigrationProgress::Event::Statement)
            text += QLatin1Char(' ') + QFileInfo(p.file).fileName() + QLatin1Char(':')
                    + QString::number(p.line) + QLatin1Char(' ') + p.statement;
        QVERIFY(p.location().startsWith(p.file));
        events.append(text);
    };
    VERIFY_OK(upgrade(QStringLiteral("head"), options));
    QCOMPARE(events, QStringList({
                         "start 0/2 a",
                         "sql 0/2 a a_rev.sql:8 CREATE TABLE t_a (id INTEGER)",
                         "sql 0/2 a a_rev.sql:9 CREATE INDEX ix_a ON t_a (id)",
                         "done 0/2 a",
                         "start 1/2 b",
                         "sql 1/2 b b_rev.sql:8 CREATE TABLE t_b (id INTEGER)",
                         "done 1/2 b",
                     }));
}

void tst_Migrator::versionTableInSchema()
{
    write(simple(QStringLiteral("a"), {}));
    QVERIFY(loadMap());
    m_connection = open();
    QVERIFY(m_connection->execute(QStringLiteral("ATTACH DATABASE '%1' AS aux")
                                      .arg(m_dir->filePath(QStringLiteral("aux.db"))))
                .ok());
    MigratorOptions options;
    options.versionTable = QStringLiteral("my_versions");
    options.versionTableSchema = QStringLiteral("aux");
    VERIFY_OK(upgrade(QStringLiteral("head"), options));
    QCOMPARE(VersionTable(*m_connection, options.versionTable, options.versionTableSchema).heads().value(),
             QStringList{QStringLiteral("a")});
    QCOMPARE(VersionTable(*m_connection).exists().value(), false);
    QCOMPARE(AuditLog(*m_connection, QStringLiteral("aux")).records()->size(), 1);
    Migrator migrator(*m_connection, m_map, options);
    QCOMPARE(migrator.currentHeads().value(), QStringList{QStringLiteral("a")});
}

void tst_Migrator::emptyPlanCreatesVersionTable()
{
    write(simple(QStringLiteral("a"), {}));
    QVERIFY(loadMap());
    auto run = downgrade(QStringLiteral("base"));
    VERIFY_OK(run);
    QVERIFY(run->steps.isEmpty());
    QCOMPARE(VersionTable(*m_connection).exists().value(), true);
    QVERIFY(heads().isEmpty());
    Migrator migrator(*m_connection, m_map);
    QVERIFY(migrator.currentHeads()->isEmpty());
    QVERIFY(migrator.ensureVersionTable().ok());
}

void tst_Migrator::offline_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("command");   // "up FROM TO" / "down FROM TO" / "stamp FROM TO"
    QTest::addColumn<bool>("perMigration");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("expected");

    const QString ddl = QStringLiteral("CREATE TABLE alembic_version (\n"
                                       "    version_num VARCHAR(32) NOT NULL, \n"
                                       "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                                       ");\n\n");
    // What `alembic upgrade --sql` prints for the same revisions (PostgreSQL without the
    // RETURNING clause SQLAlchemy 1.4 adds to the INSERT).
    const QString linearUp = QStringLiteral(
        "-- Running upgrade  -> a\n\n"
        "CREATE TABLE t_a (id INTEGER);\n\n"
        "INSERT INTO t_a VALUES (1);\n\n"
        "INSERT INTO alembic_version (version_num) VALUES ('a');\n\n"
        "-- Running upgrade a -> b1\n\n"
        "CREATE TABLE t_b1 (id INTEGER);\n\n"
        "UPDATE alembic_version SET version_num='b1' WHERE alembic_version.version_num = 'a';\n\n");
    QTest::newRow("postgresql upgrade") << "postgresql" << "up base b1" << false << ""
                                        << "BEGIN;\n\n" + ddl + linearUp + "COMMIT;\n\n";
    QTest::newRow("sqlite upgrade") << "sqlite" << "up base b1" << false << ""
                                    << "BEGIN;\n\n" + ddl + linearUp + "COMMIT;\n\n";
    QTest::newRow("mysql upgrade") << "mysql" << "up base b1" << false << "" << ddl + linearUp;
    QTest::newRow("postgresql per migration")
        << "postgresql" << "up base b1" << true << ""
        << "BEGIN;\n\n" + ddl
               + "-- Running upgrade  -> a\n\n"
                 "CREATE TABLE t_a (id INTEGER);\n\n"
                 "INSERT INTO t_a VALUES (1);\n\n"
                 "INSERT INTO alembic_version (version_num) VALUES ('a');\n\n"
                 "COMMIT;\n\n"
                 "BEGIN;\n\n"
                 "-- Running upgrade a -> b1\n\n"
                 "CREATE TABLE t_b1 (id INTEGER);\n\n"
                 "UPDATE alembic_version SET version_num='b1' WHERE alembic_version.version_num = 'a';\n\n"
                 "COMMIT;\n\n";
    QTest::newRow("postgresql schema")
        << "postgresql" << "up a b1" << false << "sch"
        << "BEGIN;\n\n"
           "-- Running upgrade a -> b1\n\n"
           "CREATE TABLE t_b1 (id INTEGER);\n\n"
           "UPDATE sch.alembic_version SET version_num='b1' WHERE sch.alembic_version.version_num = 'a';\n\n"
           "COMMIT;\n\n";
    QTest::newRow("postgresql merge")
        << "postgresql" << "up b1 heads" << false << ""
        << "BEGIN;\n\n"
           "-- Running upgrade a -> c1\n\n"
           "CREATE TABLE t_c1 (id INTEGER);\n\n"
           "INSERT INTO alembic_version (version_num) VALUES ('c1');\n\n"
           "-- Running upgrade b1, c1 -> m\n\n"
           "CREATE TABLE t_m (id INTEGER);\n\n"
           "DELETE FROM alembic_version WHERE alembic_version.version_num = 'b1';\n\n"
           "UPDATE alembic_version SET version_num='m' WHERE alembic_version.version_num = 'c1';\n\n"
           "-- Running upgrade m -> n\n\n"
           // n's section is transaction:false (Alembic's autocommit_block)
           "COMMIT;\n\n"
           "CREATE INDEX CONCURRENTLY ix_n ON t_m (id);\n\n"
           "BEGIN;\n\n"
           "UPDATE alembic_version SET version_num='n' WHERE alembic_version.version_num = 'm';\n\n"
           "COMMIT;\n\n";
    QTest::newRow("postgresql downgrade to base")
        << "postgresql" << "down b1 base" << false << ""
        << "BEGIN;\n\n"
           "-- Running downgrade b1 -> a\n\n"
           "DROP TABLE t_b1;\n\n"
           "UPDATE alembic_version SET version_num='a' WHERE alembic_version.version_num = 'b1';\n\n"
           "-- Running downgrade a -> \n\n"
           "DROP TABLE t_a;\n\n"
           "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a';\n\n"
           "DROP TABLE alembic_version;\n\n"
           "COMMIT;\n\n";
    QTest::newRow("postgresql stamp")
        << "postgresql" << "stamp base m" << false << ""
        << "BEGIN;\n\n" + ddl
               + "-- Running stamp_revision  -> m\n\n"
                 "INSERT INTO alembic_version (version_num) VALUES ('m');\n\n"
                 "COMMIT;\n\n";
    QTest::newRow("mysql quoting")
        << "mysql" << "down b1 a" << false << "Weird Schema"
        << "-- Running downgrade b1 -> a\n\n"
           "DROP TABLE t_b1;\n\n"
           "UPDATE `Weird Schema`.alembic_version SET version_num='a' WHERE "
           "`Weird Schema`.alembic_version.version_num = 'b1';\n\n";
    QTest::newRow("nothing to do") << "postgresql" << "up n heads" << false << ""
                                   << "BEGIN;\n\nCOMMIT;\n\n";
    QTest::newRow("mysql transaction:false")
        << "mysql" << "up m n" << false << ""
        << "-- Running upgrade m -> n\n\n"
           "CREATE INDEX CONCURRENTLY ix_n ON t_m (id);\n\n"
           "UPDATE alembic_version SET version_num='n' WHERE alembic_version.version_num = 'm';\n\n";
}

void tst_Migrator::offline()
{
    QFETCH(QString, dialect);
    QFETCH(QString, command);
    QFETCH(bool, perMigration);
    QFETCH(QString, schema);
    QFETCH(QString, expected);

    RevisionSpec a = simple(QStringLiteral("a"), {});
    a.upgrade = QStringLiteral("CREATE TABLE t_a (id INTEGER);\nINSERT INTO t_a VALUES (1);");
    write(a);
    write(simple(QStringLiteral("b1"), QStringLiteral("a")));
    write(simple(QStringLiteral("c1"), QStringLiteral("a")));
    write(simple(QStringLiteral("m"), QStringLiteral("b1, c1")));
    RevisionSpec n = simple(QStringLiteral("n"), QStringLiteral("m"));
    n.upgrade = QStringLiteral("CREATE INDEX CONCURRENTLY ix_n ON t_m (id);");
    n.upgradeTransactional = false;
    write(n);
    QVERIFY(loadMap());

    const QStringList parts = command.split(QLatin1Char(' '));
    const QString kind = parts.at(0);
    const QStringList from = parts.at(1) == QLatin1String("base") ? QStringList() : QStringList{parts.at(1)};
    const QString to = parts.at(2);
    MigrationPlanner planner = [&](const QStringList &heads) -> Result<QList<MigrationStep>> {
        if (kind == QLatin1String("up"))
            return m_map.upgradeSteps(to, heads);
        if (kind == QLatin1String("down"))
            return m_map.downgradeSteps(to, heads);
        return m_map.stampSteps({to}, heads);
    };
    MigratorOptions options;
    options.transactionPerMigration = perMigration;
    options.versionTableSchema = schema;
    auto script = renderOfflineScript(*Dialect::find(dialect), m_map, from, planner, options);
    VERIFY_OK(script);
    QCOMPARE(*script, expected);
}

void tst_Migrator::offlinePurgeRefused()
{
    write(simple(QStringLiteral("a"), {}));
    QVERIFY(loadMap());
    MigratorOptions options;
    options.purge = true;
    auto script = renderOfflineScript(*Dialect::find(QStringLiteral("postgresql")), m_map, {},
                                      [this](const QStringList &heads) {
                                          return m_map.stampSteps({QStringLiteral("a")}, heads);
                                      },
                                      options);
    QVERIFY(!script.ok());
    QCOMPARE(script.error().code, int(Error::Input));
    QCOMPARE(script.error().message, QStringLiteral("Can't use --purge with --sql mode"));
}

QTEST_MAIN(tst_Migrator)
#include "tst_migrator.moc"
