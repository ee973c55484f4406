// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Commands::runs on real SQLite, PostgreSQL and MariaDB databases: the rows of stratum_history,
// the revisions applied and not undone since, and those whose upgrade section changed after
// they were applied. A database without the table, or an SQLite file not created yet, is an
// empty report. `verify`'s "applied revisions unchanged" check says the same.

#include "stratum/commands/commands.h"
#include "stratum/version.h"

#include "../../support/revisionfiles.h"
#include "../../support/testservers.h"

#include <QFile>
#include <QFileInfo>

using namespace Stratum;

using StratumTest::revisionText;
using StratumTest::writeFile;

namespace {

const QString first = QStringLiteral("aaaa00000001");
const QString second = QStringLiteral("bbbb00000002");
const QString third = QStringLiteral("cccc00000003");

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Three revisions in a line, in a project whose database is \a url.
QString writeProject(const QString &root, const QString &url)
{
    writeFile(root + QStringLiteral("/stratum.ini"),
              QStringLiteral("[stratum]\nscript_location = migrations\nurl = %1\n").arg(url));
    const QString versions = root + QStringLiteral("/migrations/versions/");
    writeFile(versions + first + QStringLiteral("_authors.sql"),
              revisionText(first, {}, QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100));"),
                           QStringLiteral("DROP TABLE authors;")));
    writeFile(versions + second + QStringLiteral("_books.sql"),
              revisionText(second, first, QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200));"),
                           QStringLiteral("DROP TABLE books;")));
    writeFile(versions + third + QStringLiteral("_shelves.sql"),
              revisionText(third, second, QStringLiteral("CREATE TABLE shelves (id INTEGER PRIMARY KEY);"),
                           QStringLiteral("DROP TABLE shelves;")));
    return root + QStringLiteral("/stratum.ini");
}

QStringList directions(const QList<AuditRecord> &runs)
{
    QStringList out;
    for (const AuditRecord &run : runs)
        out << run.revision + QLatin1Char(' ') + run.direction;
    return out;
}

} // namespace

class tst_RunsReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteFileNotCreatedYet();
    void noHistoryTable_data() { StratumTest::addEngineRows(); }
    void noHistoryTable();
    void changedSinceApplied_data() { StratumTest::addEngineRows(); }
    void changedSinceApplied();
};

void tst_RunsReport::sqliteFileNotCreatedYet()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("later.db"));
    auto config = Config::load(writeProject(dir.path(), QStringLiteral("sqlite:///") + database));
    STRATUM_VERIFY_OK(config);
    CommandContext context;
    context.config = *config;
    auto report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QVERIFY(report->runs.isEmpty());
    QVERIFY(report->lastApplied.isEmpty());
    QVERIFY(report->changedSinceApplied.isEmpty());
    QVERIFY2(report->note.contains(QLatin1String("does not exist yet")), qPrintable(report->note));
    QVERIFY(!QFileInfo::exists(database));   // looking created nothing
}

void tst_RunsReport::noHistoryTable()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_runs_none")));
    STRATUM_VERIFY_OK(scratch.run({QStringLiteral("CREATE TABLE unrelated (id INTEGER PRIMARY KEY)")}));
    auto config = Config::load(writeProject(scratch.directory() + QStringLiteral("/project"), scratch.urlString()));
    STRATUM_VERIFY_OK(config);
    CommandContext context;
    context.config = *config;
    auto report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QVERIFY(report->runs.isEmpty());
    QVERIFY(report->lastApplied.isEmpty());
    QVERIFY(report->changedSinceApplied.isEmpty());
}

void tst_RunsReport::changedSinceApplied()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_runs")));
    const QString root = scratch.directory() + QStringLiteral("/project");
    auto config = Config::load(writeProject(root, scratch.urlString()));
    STRATUM_VERIFY_OK(config);
    CommandContext context;
    context.config = *config;
    QStringList lines;
    context.output.print = [&lines](const QString &line) { lines << line; };

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    STRATUM_VERIFY_OK(Commands::upgrade(context, QStringLiteral("head"), false));
    auto report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QCOMPARE(directions(report->runs),
             (QStringList{first + QStringLiteral(" upgrade"), second + QStringLiteral(" upgrade"),
                          third + QStringLiteral(" upgrade")}));
    const AuditRecord &run = report->runs.first();
    QVERIFY(run.id > 0);
    QVERIFY(!run.appliedBy.isEmpty());
    QCOMPARE(run.toolVersion, QStringLiteral(STRATUM_VERSION));
    QVERIFY2(run.appliedAt >= before && run.appliedAt <= QDateTime::currentDateTimeUtc().addSecs(1),
             qPrintable(run.appliedAt.toString(Qt::ISODateWithMs)));
    QCOMPARE(run.checksum.size(), 64);
    QCOMPARE(QSet<QString>(report->lastApplied.keyBegin(), report->lastApplied.keyEnd()),
             (QSet<QString>{first, second, third}));
    QCOMPARE(report->lastApplied.value(second).id, report->runs.at(1).id);
    QVERIFY(report->changedSinceApplied.isEmpty());

    // The applied second revision edited afterwards: named, with its file.
    const QString secondPath = root + QStringLiteral("/migrations/versions/") + second + QStringLiteral("_books.sql");
    writeFile(secondPath, readAll(secondPath).replace(QLatin1String("VARCHAR(200)"), QLatin1String("VARCHAR(250)")));
    // Line endings alone are no change.
    const QString firstPath = root + QStringLiteral("/migrations/versions/") + first + QStringLiteral("_authors.sql");
    writeFile(firstPath, readAll(firstPath).replace(QLatin1Char('\n'), QLatin1String("\r\n")));
    report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QCOMPARE(report->changedSinceApplied.keys(), QStringList{second});
    QVERIFY2(report->changedSinceApplied.value(second).contains(QLatin1String("bbbb00000002_books.sql's upgrade section changed")),
             qPrintable(report->changedSinceApplied.value(second)));

    // verify says the same, from the same report.
    lines.clear();
    Commands::verify(context);
    const QStringList checksumLines = lines.filter(QLatin1String("applied revisions unchanged"));
    QCOMPARE(checksumLines.size(), 1);
    QVERIFY2(checksumLines.first().startsWith(QLatin1String("FAIL  applied revisions unchanged: ")), qPrintable(checksumLines.first()));
    QVERIFY2(checksumLines.first().endsWith(report->changedSinceApplied.value(second)), qPrintable(checksumLines.first()));

    // Downgraded below it: no longer applied, so no longer "changed since applied".
    STRATUM_VERIFY_OK(Commands::downgrade(context, first, false));
    report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QCOMPARE(directions(report->runs).mid(3),
             (QStringList{third + QStringLiteral(" downgrade"), second + QStringLiteral(" downgrade")}));
    QCOMPARE(report->lastApplied.keys(), QStringList{first});
    QVERIFY(report->changedSinceApplied.isEmpty());

    // Upgraded again as the file is now: unchanged since.
    STRATUM_VERIFY_OK(Commands::upgrade(context, QStringLiteral("head"), false));
    report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QCOMPARE(report->runs.size(), 7);
    QCOMPARE(report->runs.at(5).revision, second);
    QCOMPARE(report->lastApplied.value(second).id, report->runs.at(5).id);
    QVERIFY(report->changedSinceApplied.isEmpty());

    // An applied revision whose file is gone, and a checksum that no longer matches.
    QVERIFY(QFile::remove(root + QStringLiteral("/migrations/versions/") + third + QStringLiteral("_shelves.sql")));
    STRATUM_VERIFY_OK(scratch.run({QStringLiteral("UPDATE stratum_history SET checksum = 'x' WHERE revision = '%1'").arg(first)}));
    report = Commands::runs(context);
    STRATUM_VERIFY_OK(report);
    QStringList changed = report->changedSinceApplied.keys();
    changed.sort();
    QCOMPARE(changed, (QStringList{first, third}));
    QVERIFY2(report->changedSinceApplied.value(third).contains(QLatin1String("no longer in the project")),
             qPrintable(report->changedSinceApplied.value(third)));
}

QTEST_MAIN(tst_RunsReport)
#include "tst_runsreport.moc"
