// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Runs that stop half-way, with the real `stratum` executable on real servers: a statement
// that fails and a process killed with SIGKILL in the middle of a revision, on each engine.
// What is checked is what a user meets next: the database's state, the next command's
// message, and the way on (`repair`, `--break-lock`).
#include "../../support/testservers.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <signal.h>

using namespace Stratum;
using StratumTest::Scratch;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

QString revisionText(const QString &id, const QString &revises, const QString &upgrade,
                     const QString &downgrade, const QString &upgradeMarker = QStringLiteral("-- migrate:upgrade"))
{
    return QStringLiteral("-- Revision %1\n--\n-- Revision ID: %1\n-- Revises: %2\n"
                          "-- Create Date: 2026-12-05 12:00:00.000000\n\n%3\n%4\n\n-- migrate:downgrade\n%5\n")
        .arg(id, revises, upgradeMarker, upgrade, downgrade);
}

// A statement that keeps the server busy for about \a seconds.
QString slowStatement(const QString &engine, int seconds)
{
    if (engine == QLatin1String("postgresql"))
        return QStringLiteral("SELECT pg_sleep(%1);").arg(seconds);
    if (engine == QLatin1String("mysql"))
        return QStringLiteral("SELECT SLEEP(%1);").arg(seconds);
    // SQLite has no sleep: a recursive count long enough to be killed in.
    return QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                          "SELECT count(*) FROM c;")
        .arg(qint64(seconds) * 3000000);
}

} // namespace

class tst_Crash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedStatementOutsideTransaction_data();
    void failedStatementOutsideTransaction();
    void killedWithoutTransactionalDdl();
    void killedInTransaction_data();
    void killedInTransaction();
    void breakLockSparesALiveHolder_data();
    void breakLockSparesALiveHolder();
    void markAppliedAndUndone();
    void eightProcessesMigrateOnce_data();
    void eightProcessesMigrateOnce();

private:
    bool open(Scratch &scratch, const QString &engine, const QString &name);
    QString newProject(const Scratch &scratch, int lockTimeout = 30);
    static void writeFile(const QString &path, const QString &text);
    static void addRevision(const QString &root, const QString &file, const QString &text);
    // a1, the base: CREATE TABLE t1.
    static void addFirstRevision(const QString &root);
    static void engineRows(const QStringList &engines);
    static Run stratum(const QString &root, const QStringList &args);
    static QStringList versions(Scratch &scratch);
    static bool tableExists(Scratch &scratch, const QString &table);
    static int progressRows(Scratch &scratch);
    // Starts `stratum upgrade head`, waits until \a ready says the slow statement runs,
    // then kills it with SIGKILL.
    static bool killDuring(QProcess &process, const QString &root, const std::function<bool()> &ready);

    QTemporaryDir m_dir;
    int m_projects = 0;
};

bool tst_Crash::open(Scratch &scratch, const QString &engine, const QString &name)
{
    QString url;
    if (engine == QLatin1String("postgresql"))
        url = qEnvironmentVariable("STRATUM_TEST_PG_URL");
    else if (engine == QLatin1String("mysql"))
        url = qEnvironmentVariable("STRATUM_TEST_MYSQL_URL");
    return scratch.open(engine, url, name);
}

void tst_Crash::addFirstRevision(const QString &root)
{
    addRevision(root, QStringLiteral("a1.sql"),
                revisionText(QStringLiteral("a1"), {}, QStringLiteral("CREATE TABLE t1 (id INT PRIMARY KEY);"),
                             QStringLiteral("DROP TABLE t1;")));
}

void tst_Crash::engineRows(const QStringList &engines)
{
    QTest::addColumn<QString>("engine");
    for (const QString &engine : engines)
        QTest::newRow(qPrintable(engine)) << engine;
}

QString tst_Crash::newProject(const Scratch &scratch, int lockTimeout)
{
    const QString root = m_dir.filePath(QStringLiteral("p%1").arg(++m_projects));
    QDir().mkpath(root + QStringLiteral("/migrations/versions"));
    writeFile(root + QStringLiteral("/stratum.ini"),
              QStringLiteral("[stratum]\nscript_location = migrations\nurl = %1\nlock_timeout = %2\n")
                  .arg(scratch.urlString().replace(QLatin1Char('%'), QLatin1String("%%")))
                  .arg(lockTimeout));
    return root;
}

void tst_Crash::writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(text.toUtf8());
}

void tst_Crash::addRevision(const QString &root, const QString &file, const QString &text)
{
    writeFile(root + QStringLiteral("/migrations/versions/") + file, text);
}

Run tst_Crash::stratum(const QString &root, const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(root);
    process.start(QStringLiteral(STRATUM_CLI), args);
    process.waitForFinished(180000);
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

QStringList tst_Crash::versions(Scratch &scratch)
{
    auto rows = scratch.connection().selectColumn(QStringLiteral("SELECT version_num FROM alembic_version"));
    QStringList out;
    if (rows)
        for (const QVariant &v : *rows)
            out << v.toString();
    out.sort();
    return out;
}

bool tst_Crash::tableExists(Scratch &scratch, const QString &table)
{
    auto n = scratch.connection().selectValue(scratch.connection().dialect().tableExistsSql(table));
    return n && n->toInt() > 0;
}

int tst_Crash::progressRows(Scratch &scratch)
{
    if (!tableExists(scratch, QStringLiteral("stratum_progress")))
        return 0;
    auto n = scratch.connection().selectValue(QStringLiteral("SELECT count(*) FROM stratum_progress"));
    return n ? n->toInt() : -1;
}

bool tst_Crash::killDuring(QProcess &process, const QString &root, const std::function<bool()> &ready)
{
    process.setWorkingDirectory(root);
    process.start(QStringLiteral(STRATUM_CLI), {QStringLiteral("upgrade"), QStringLiteral("head")});
    if (!process.waitForStarted())
        return false;
    QDeadlineTimer deadline(60000);
    while (!ready()) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(50);
    }
    ::kill(pid_t(process.processId()), SIGKILL);
    process.waitForFinished(10000);
    return process.exitStatus() == QProcess::CrashExit;
}

void tst_Crash::failedStatementOutsideTransaction_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("marker");
    // MariaDB commits each DDL statement; PostgreSQL runs a transaction:false section the same way.
    QTest::newRow("mysql") << QStringLiteral("mysql") << QStringLiteral("-- migrate:upgrade");
    QTest::newRow("postgresql/transaction:false")
        << QStringLiteral("postgresql") << QStringLiteral("-- migrate:upgrade transaction:false");
}

void tst_Crash::failedStatementOutsideTransaction()
{
    QFETCH(QString, engine);
    QFETCH(QString, marker);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    Scratch scratch;
    QVERIFY(open(scratch, engine, QStringLiteral("stratum_crash_fail")));
    const QString root = newProject(scratch);
    addFirstRevision(root);
    const QString b2 = QStringLiteral("b2.sql");
    const QString failing = QStringLiteral("CREATE TABLE t2 (id INT PRIMARY KEY);\n"
                                           "INSERT INTO t1 VALUES (1);\n"
                                           "INSERT INTO t1 VALUES (1);\n"
                                           "CREATE TABLE t4 (id INT PRIMARY KEY);");
    addRevision(root, b2, revisionText(QStringLiteral("b2"), QStringLiteral("a1"), failing,
                                       QStringLiteral("DROP TABLE t4;\nDROP TABLE t2;\nDELETE FROM t1;"), marker));

    Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QCOMPARE(run.code, 3);
    QVERIFY2(run.err.contains(QLatin1String("b2.sql:10:1: Upgrade of revision b2 failed")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("recorded as interrupted")), qPrintable(run.err));
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("a1")});
    QVERIFY(tableExists(scratch, QStringLiteral("t2")));
    QVERIFY(!tableExists(scratch, QStringLiteral("t4")));

    // current: Alembic's line on stdout, the interruption on stderr.
    run = stratum(root, {QStringLiteral("current")});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.out, QStringLiteral("a1\n"));
    const QString file = root + QStringLiteral("/migrations/versions/b2.sql");
    for (const QString &expected :
         {QStringLiteral("Revision b2 (upgrade) was interrupted: 2 of its 4 statements completed"),
          QStringLiteral("last completed:       statement 2, %1:9  INSERT INTO t1 VALUES (1)").arg(file),
          QStringLiteral("first not completed:  statement 3, %1:10  INSERT INTO t1 VALUES (1)").arg(file),
          QStringLiteral("Statement 3 failed:"),
          QStringLiteral("stratum repair --continue            runs statements 3-4")})
        QVERIFY2(run.err.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + run.err));

    // upgrade and downgrade refuse, and touch nothing.
    for (const QStringList &args : {QStringList{QStringLiteral("upgrade"), QStringLiteral("head")},
                                    QStringList{QStringLiteral("downgrade"), QStringLiteral("base")}}) {
        run = stratum(root, args);
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QLatin1String("Cannot run: Revision b2 (upgrade) was interrupted")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("Nothing was run.")), qPrintable(run.err));
    }
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("a1")});
    QVERIFY(tableExists(scratch, QStringLiteral("t1")));

    run = stratum(root, {QStringLiteral("repair")});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.contains(QLatin1String("Revision b2 (upgrade) was interrupted")));

    // Continuing from a statement that is not next is refused; so is a file whose completed
    // statements changed.
    run = stratum(root, {QStringLiteral("repair"), QStringLiteral("--continue"), QStringLiteral("--from"), QStringLiteral("2")});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QLatin1String("so it goes on from statement 3")), qPrintable(run.err));
    addRevision(root, b2, revisionText(QStringLiteral("b2"), QStringLiteral("a1"),
                                       QString(failing).replace(QLatin1String("t2 (id"), QLatin1String("t3 (id")),
                                       QStringLiteral("DROP TABLE t4;\nDROP TABLE t2;"), marker));
    run = stratum(root, {QStringLiteral("repair"), QStringLiteral("--continue")});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QLatin1String("its file no longer starts with the statements that ran")), qPrintable(run.err));

    // Fixed after the statements that ran: it continues, and the revision is recorded.
    addRevision(root, b2, revisionText(QStringLiteral("b2"), QStringLiteral("a1"),
                                       QString(failing).replace(QLatin1String("VALUES (1);\nCREATE"), QLatin1String("VALUES (2);\nCREATE")),
                                       QStringLiteral("DROP TABLE t4;\nDROP TABLE t2;\nDELETE FROM t1;"), marker));
    run = stratum(root, {QStringLiteral("repair"), QStringLiteral("--continue")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Completed upgrade a1 -> b2")), qPrintable(run.out));
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("b2")});
    QVERIFY(tableExists(scratch, QStringLiteral("t4")));
    QCOMPARE(progressRows(scratch), 0);
    auto rows = scratch.connection().selectValue(QStringLiteral("SELECT count(*) FROM t1"));
    QVERIFY(rows);
    QCOMPARE(rows->toInt(), 2);   // statement 2 ran once, the fixed statement 3 once
    auto audited = scratch.connection().selectValue(
        QStringLiteral("SELECT count(*) FROM stratum_history WHERE revision = 'b2' AND direction = 'upgrade'"));
    QVERIFY(audited);
    QCOMPARE(audited->toInt(), 1);

    run = stratum(root, {QStringLiteral("repair")});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.out, QStringLiteral("Nothing was interrupted.\n"));
    run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("base")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("b2")});
}

void tst_Crash::killedWithoutTransactionalDdl()
{
    QString url;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_MYSQL_URL", url);
    Scratch scratch;
    QVERIFY(open(scratch, QStringLiteral("mysql"), QStringLiteral("stratum_crash_kill")));
    const QString root = newProject(scratch);
    addFirstRevision(root);
    addRevision(root, QStringLiteral("c3.sql"),
                revisionText(QStringLiteral("c3"), QStringLiteral("a1"),
                             QStringLiteral("CREATE TABLE t6 (id INT PRIMARY KEY);\n") + slowStatement(QStringLiteral("mysql"), 60)
                                 + QStringLiteral("\nCREATE TABLE t7 (id INT PRIMARY KEY);"),
                             QStringLiteral("DROP TABLE t7;\nDROP TABLE t6;")));
    QProcess process;
    QVERIFY(killDuring(process, root, [&] {
        auto done = scratch.connection().selectValue(QStringLiteral(
            "SELECT statements_done FROM stratum_progress WHERE revision = 'c3'"));
        return done && done->isValid() && done->toInt() == 1;
    }));

    QCOMPARE(versions(scratch), QStringList{QStringLiteral("a1")});
    QVERIFY(tableExists(scratch, QStringLiteral("t6")));
    Run run = stratum(root, {QStringLiteral("current")});
    QCOMPARE(run.code, 0);
    QVERIFY2(run.err.contains(QLatin1String("Revision c3 (upgrade) was interrupted: 1 of its 3 statements completed")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("The process stopped without finishing")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("stratum repair --continue --from 3")), qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QCOMPARE(run.code, 3);
    QVERIFY2(run.err.contains(QLatin1String("Cannot run: Revision c3 (upgrade) was interrupted")), qPrintable(run.err));

    // The slow statement read nothing: go on after it.
    run = stratum(root, {QStringLiteral("repair"), QStringLiteral("--continue"), QStringLiteral("--from"),
                         QStringLiteral("3"), QStringLiteral("--break-lock")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("c3")});
    QVERIFY(tableExists(scratch, QStringLiteral("t7")));
    QCOMPARE(progressRows(scratch), 0);
}

void tst_Crash::killedInTransaction_data()
{
    engineRows({QStringLiteral("sqlite"), QStringLiteral("postgresql")});
}

void tst_Crash::killedInTransaction()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    Scratch scratch;
    QVERIFY(open(scratch, engine, QStringLiteral("stratum_crash_tx")));
    const QString root = newProject(scratch, 2);
    addFirstRevision(root);
    QCOMPARE(stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
    const QString slow = QStringLiteral("c3.sql");
    auto writeSlow = [&](int seconds) {
        addRevision(root, slow, revisionText(QStringLiteral("c3"), QStringLiteral("a1"),
                                             QStringLiteral("CREATE TABLE t6 (id INT PRIMARY KEY);\n")
                                                 + (seconds > 0 ? slowStatement(engine, seconds) + QLatin1Char('\n') : QString())
                                                 + QStringLiteral("INSERT INTO t1 VALUES (7);"),
                                             QStringLiteral("DELETE FROM t1;\nDROP TABLE t6;")));
    };
    writeSlow(60);
    QProcess process;
    QElapsedTimer started;
    started.start();
    QVERIFY(killDuring(process, root, [&] {
        if (engine == QLatin1String("postgresql")) {
            auto n = scratch.admin()->selectValue(QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active'"));
            return n && n->toInt() > 0;
        }
        return started.elapsed() > 1500;   // SQLite: well inside the count
    }));

    // Nothing of the revision stays; the version table is where it was.
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("a1")});
    QVERIFY(!tableExists(scratch, QStringLiteral("t6")));
    QCOMPARE(progressRows(scratch), 0);

    writeSlow(0);
    if (engine == QLatin1String("postgresql")) {
        // The killed client's session still sleeps on the server and holds the lock.
        Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QLatin1String("It is an orphaned Stratum session: it connected from this machine")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("statement: SELECT pg_sleep(60)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--break-lock")), qPrintable(run.err));
        run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--break-lock")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("Ended the orphaned Stratum session that held the migration lock")),
                 qPrintable(run.err));
    } else {
        Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
    }
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("c3")});
    QVERIFY(tableExists(scratch, QStringLiteral("t6")));
}

void tst_Crash::breakLockSparesALiveHolder_data()
{
    engineRows({QStringLiteral("postgresql"), QStringLiteral("mysql")});
}

void tst_Crash::breakLockSparesALiveHolder()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    Scratch scratch;
    QVERIFY(open(scratch, engine, QStringLiteral("stratum_crash_live")));
    const QString root = newProject(scratch, 2);
    addRevision(root, QStringLiteral("a1.sql"),
                revisionText(QStringLiteral("a1"), {}, slowStatement(engine, 8) + QStringLiteral("\nCREATE TABLE t1 (id INT);"),
                             QStringLiteral("DROP TABLE t1;")));
    QProcess first;
    first.setWorkingDirectory(root);
    first.start(QStringLiteral(STRATUM_CLI), {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY(first.waitForStarted());
    QDeadlineTimer deadline(30000);
    for (;;) {
        QVERIFY(!deadline.hasExpired());
        const QString sql = engine == QLatin1String("postgresql")
                                ? QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'")
                                : QStringLiteral("SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%'");
        auto n = scratch.admin()->selectValue(sql);
        if (n && n->toInt() > 0)
            break;
        QTest::qWait(50);
    }
    Run second = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--break-lock")});
    QCOMPARE(second.code, 3);
    QVERIFY2(second.err.contains(QLatin1String("Its client still runs: a process on this machine holds its connection")),
             qPrintable(second.err));
    QVERIFY(!second.err.contains(QLatin1String("Ended the orphaned")));
    QVERIFY(first.waitForFinished(60000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("a1")});
}

void tst_Crash::markAppliedAndUndone()
{
    QString url;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_MYSQL_URL", url);
    Scratch scratch;
    QVERIFY(open(scratch, QStringLiteral("mysql"), QStringLiteral("stratum_crash_mark")));
    const QString root = newProject(scratch);
    addRevision(root, QStringLiteral("a1.sql"),
                revisionText(QStringLiteral("a1"), {},
                             QStringLiteral("CREATE TABLE t1 (id INT PRIMARY KEY);\nCREATE TABLE t1 (id INT);\nCREATE TABLE t2 (id INT);"),
                             QStringLiteral("DROP TABLE t2;\nDROP TABLE t1;")));
    QCOMPARE(stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")}).code, 3);
    QCOMPARE(progressRows(scratch), 1);

    // Undone by hand, then forgotten: the version table stays at base.
    QVERIFY(scratch.connection().execute(QStringLiteral("DROP TABLE t1")).ok());
    Run run = stratum(root, {QStringLiteral("repair"), QStringLiteral("--mark-undone")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(progressRows(scratch), 0);
    QCOMPARE(versions(scratch), QStringList{});

    // Interrupted again, completed by hand, marked applied: stamped in the audit log.
    QCOMPARE(stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")}).code, 3);
    QVERIFY(scratch.connection().execute(QStringLiteral("CREATE TABLE t2 (id INT)")).ok());
    run = stratum(root, {QStringLiteral("repair"), QStringLiteral("--mark-applied")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Recorded upgrade  -> a1")), qPrintable(run.out));
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("a1")});
    QCOMPARE(progressRows(scratch), 0);
    auto stamped = scratch.connection().selectValue(
        QStringLiteral("SELECT direction FROM stratum_history WHERE revision = 'a1' ORDER BY id DESC LIMIT 1"));
    QVERIFY(stamped);
    QCOMPARE(stamped->toString(), QStringLiteral("stamp"));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
}

void tst_Crash::eightProcessesMigrateOnce_data()
{
    StratumTest::addEngineRows();
}

// Eight `stratum upgrade head` processes started together: each revision runs once, in order;
// the others wait for the lock and find nothing left to do.
void tst_Crash::eightProcessesMigrateOnce()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    Scratch scratch;
    QVERIFY(open(scratch, engine, QStringLiteral("stratum_crash_eight")));
    const QString root = newProject(scratch, 120);
    QString previous;
    for (int i = 1; i <= 4; ++i) {
        const QString id = QStringLiteral("r%1").arg(i);
        addRevision(root, id + QStringLiteral(".sql"),
                    revisionText(id, previous,
                                 QStringLiteral("CREATE TABLE t%1 (id INT PRIMARY KEY);\n").arg(i)
                                     + slowStatement(engine, 1),
                                 QStringLiteral("DROP TABLE t%1;").arg(i)));
        previous = id;
    }
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 8; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setWorkingDirectory(root);
        process->start(QStringLiteral(STRATUM_CLI), {QStringLiteral("upgrade"), QStringLiteral("head")});
        processes.push_back(std::move(process));
    }
    for (auto &process : processes) {
        QVERIFY(process->waitForFinished(120000));
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 process->readAllStandardError().constData());
    }
    QCOMPARE(versions(scratch), QStringList{QStringLiteral("r4")});
    auto upgrades = scratch.connection().selectValue(
        QStringLiteral("SELECT count(*) FROM stratum_history WHERE direction = 'upgrade'"));
    QVERIFY(upgrades);
    QCOMPARE(upgrades->toInt(), 4);
    QCOMPARE(progressRows(scratch), 0);
}

QTEST_GUILESS_MAIN(tst_Crash)
#include "tst_crash.moc"
