// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The `stratum` executable end to end on real projects written to disk and real SQLite files:
// the Alembic workflow, and every kind of bad input giving one clear message, exit 2 and an
// untouched database.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// A revision file in Stratum's format.
QString revisionText(const QString &id, const QString &revises, const QString &upgrade,
                     const QString &downgrade, const QString &extraHeader = {}, bool reversible = true)
{
    QString text = QStringLiteral("-- Revision %1\n--\n-- Revision ID: %1\n-- Revises: %2\n"
                                  "-- Create Date: 2026-11-25 12:00:00.000000\n")
                       .arg(id, revises);
    text += extraHeader;
    text += QStringLiteral("\n-- migrate:upgrade\n") + upgrade + QLatin1Char('\n');
    if (reversible)
        text += QStringLiteral("\n-- migrate:downgrade\n") + downgrade + QLatin1Char('\n');
    return text;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_projects = 0;

    QString newProject()
    {
        const QString root = m_dir.filePath(QStringLiteral("p%1").arg(++m_projects));
        QDir().mkpath(root + QStringLiteral("/migrations/versions"));
        writeFile(root + QStringLiteral("/stratum.ini"),
                  QStringLiteral("[stratum]\nscript_location = migrations\n"
                                 "url = sqlite:///%(here)s/app.db\nlock_timeout = 30\n"));
        return root;
    }

    static void writeFile(const QString &path, const QString &text)
    {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        file.write(text.toUtf8());
    }

    static void addRevision(const QString &root, const QString &fileName, const QString &text)
    {
        writeFile(root + QStringLiteral("/migrations/versions/") + fileName, text);
    }

    // base -> a1 -> b2 -> c3, each creating a table.
    QString linearProject()
    {
        const QString root = newProject();
        addRevision(root, QStringLiteral("01_a1.sql"),
                    revisionText(QStringLiteral("a1"), {}, QStringLiteral("CREATE TABLE t1 (id INTEGER PRIMARY KEY);"),
                                 QStringLiteral("DROP TABLE t1;")));
        addRevision(root, QStringLiteral("02_b2.sql"),
                    revisionText(QStringLiteral("b2"), QStringLiteral("a1"),
                                 QStringLiteral("CREATE TABLE t2 (id INTEGER PRIMARY KEY, name TEXT DEFAULT 'x;y');"),
                                 QStringLiteral("DROP TABLE t2;")));
        addRevision(root, QStringLiteral("03_c3.sql"),
                    revisionText(QStringLiteral("c3"), QStringLiteral("b2"),
                                 QStringLiteral("CREATE TABLE t3 (id INTEGER PRIMARY KEY);\nINSERT INTO t3 VALUES (1);"),
                                 QStringLiteral("DROP TABLE t3;")));
        return root;
    }

    static Run stratum(const QString &root, const QStringList &args)
    {
        QProcess process;
        process.setWorkingDirectory(root);
        process.start(QStringLiteral(STRATUM_CLI), args);
        process.waitForFinished(120000);
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

    // Everything a migration can change: schema objects and version rows, as text.
    static QString snapshot(const QString &dbPath)
    {
        const QString name = QStringLiteral("snapshot");
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath);
            if (!db.open())
                return QStringLiteral("<cannot open>");
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"));
            while (query.next())
                result += query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString()
                          + QLatin1Char(' ') + query.value(2).toString() + QLatin1Char('\n');
            if (query.exec(QStringLiteral("SELECT version_num FROM alembic_version ORDER BY 1")))
                while (query.next())
                    result += QStringLiteral("version ") + query.value(0).toString() + QLatin1Char('\n');
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }

    // Names of the tables, views, indexes and triggers a migration left (SQLite's own excluded).
    static QStringList objectNames(const QString &dbPath)
    {
        const QString name = QStringLiteral("names");
        QStringList names;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath);
            if (db.open()) {
                QSqlQuery query(db);
                query.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' "
                                          "AND sql IS NOT NULL ORDER BY name"));
                while (query.next())
                    names << query.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return names;
    }

    static QStringList versions(const QString &dbPath)
    {
        QStringList rows;
        for (const QString &line : snapshot(dbPath).split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("version ")))
                rows << line.mid(8);
        return rows;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void upgradeAndDowngradeRoundTrip()
    {
        const QString root = linearProject();
        const QString db = root + QStringLiteral("/app.db");
        Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(QLatin1String("Running upgrade a1 -> b2")), qPrintable(run.err));
        QCOMPARE(versions(db), QStringList{QStringLiteral("c3")});

        run = stratum(root, {QStringLiteral("current")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QStringLiteral("c3 (head)\n"));

        run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("-1")});
        QCOMPARE(run.code, 0);
        QCOMPARE(versions(db), QStringList{QStringLiteral("b2")});
        QVERIFY(!snapshot(db).contains(QLatin1String("table t3")));

        run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("base")});
        QCOMPARE(run.code, 0);
        QCOMPARE(versions(db), QStringList{});
        QVERIFY(!snapshot(db).contains(QLatin1String("table t1")));
    }

    // The README's example, copied so the checkout stays clean: the whole history goes up,
    // down to base and up again, and every table of schema/*.sql exists at head.
    void bookshopRoundTrip()
    {
        const QString source = QStringLiteral(STRATUM_SOURCE_DIR "/examples/bookshop");
        const QString root = m_dir.filePath(QStringLiteral("bookshop"));
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), source, root}) == 0);
        QFile::remove(root + QStringLiteral("/bookshop.db"));
        const QString db = root + QStringLiteral("/bookshop.db");

        Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const Run heads = stratum(root, {QStringLiteral("heads")});
        QCOMPARE(heads.code, 0);
        QStringList expected;
        for (const QString &line : heads.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            expected << line.section(QLatin1Char(' '), 0, 0);
        expected.sort();
        QStringList applied = versions(db);
        applied.sort();
        QCOMPARE(applied, expected);

        // Every CREATE TABLE of the desired schema exists in the upgraded database.
        const QString schema = snapshot(db);
        QDir schemaDir(root + QStringLiteral("/schema"));
        int tables = 0;
        for (const QString &name : schemaDir.entryList({QStringLiteral("*.sql")})) {
            QFile file(schemaDir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            static const QRegularExpression create(QStringLiteral("CREATE TABLE (?:IF NOT EXISTS )?\"?(\\w+)"),
                                                   QRegularExpression::CaseInsensitiveOption);
            auto it = create.globalMatch(QString::fromUtf8(file.readAll()));
            while (it.hasNext()) {
                const QString table = it.next().captured(1);
                QVERIFY2(schema.contains(QStringLiteral("table ") + table + QLatin1Char(' ')), qPrintable(table));
                ++tables;
            }
        }
        QVERIFY(tables >= 6);

        run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("base")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(versions(db), QStringList{});
        QCOMPARE(objectNames(db), (QStringList{QStringLiteral("alembic_version"), QStringLiteral("stratum_history")}));

        run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(snapshot(db), schema);
    }

    // `init --template multidb` and `-n NAME`: each section is its own project and database.
    void multidbSections()
    {
        const QString root = m_dir.filePath(QStringLiteral("multidb"));
        Run run = stratum(m_dir.path(), {QStringLiteral("init"), root, QStringLiteral("--template"), QStringLiteral("multidb")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = stratum(root, {QStringLiteral("-n"), QStringLiteral("reporting"), QStringLiteral("revision"),
                             QStringLiteral("-m"), QStringLiteral("report table"), QStringLiteral("--rev-id"), QStringLiteral("r1")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(QFile::exists(root + QStringLiteral("/migrations/reporting/versions/r1_report_table.sql")));
        QCOMPARE(stratum(root, {QStringLiteral("-n"), QStringLiteral("reporting"), QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
        QCOMPARE(versions(root + QStringLiteral("/reporting.db")), QStringList{QStringLiteral("r1")});
        run = stratum(root, {QStringLiteral("heads")});   // [stratum]: the main database has no revisions yet
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QString());
        run = stratum(root, {QStringLiteral("-n"), QStringLiteral("nosuch"), QStringLiteral("heads")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QLatin1String("[nosuch]")), qPrintable(run.err));
    }

    void historyOutput()
    {
        const QString root = linearProject();
        const Run run = stratum(root, {QStringLiteral("history")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QStringLiteral("b2 -> c3 (head), Revision c3\n"
                                         "a1 -> b2, Revision b2\n"
                                         "<base> -> a1, Revision a1\n"));
    }

    void offlineSql()
    {
        const QString root = linearProject();
        const Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("--sql"), QStringLiteral("a1:head")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("BEGIN;")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("-- Running upgrade a1 -> b2")));
        QVERIFY(run.out.contains(QLatin1String("-- Running upgrade b2 -> c3")));
        QVERIFY(!run.out.contains(QLatin1String("-> a1")));
        QVERIFY(run.out.contains(QLatin1String("INSERT INTO t3 VALUES (1);")));
        QVERIFY(run.out.trimmed().endsWith(QLatin1String("COMMIT;")));
        QVERIFY(!QFile::exists(root + QStringLiteral("/app.db")) || versions(root + QStringLiteral("/app.db")).isEmpty());
    }

    void newRevisionAndMerge()
    {
        const QString root = linearProject();
        Run run = stratum(root, {QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("Add users table"),
                                 QStringLiteral("--rev-id"), QStringLiteral("d4")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QLatin1String("d4_add_users_table.sql")), qPrintable(run.out));
        run = stratum(root, {QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("side"),
                             QStringLiteral("--head"), QStringLiteral("b2"), QStringLiteral("--splice"),
                             QStringLiteral("--rev-id"), QStringLiteral("e5"), QStringLiteral("--branch-label"),
                             QStringLiteral("side")});
        QCOMPARE(run.code, 0);
        run = stratum(root, {QStringLiteral("heads")});
        QCOMPARE(run.out, QStringLiteral("d4 (head)\ne5 (side) (head)\n"));
        run = stratum(root, {QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("x")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QLatin1String("Multiple heads are present")), qPrintable(run.err));
        run = stratum(root, {QStringLiteral("merge"), QStringLiteral("heads"), QStringLiteral("-m"),
                             QStringLiteral("merge them"), QStringLiteral("--rev-id"), QStringLiteral("f6")});
        QCOMPARE(run.code, 0);
        run = stratum(root, {QStringLiteral("heads")});
        QCOMPARE(run.out, QStringLiteral("f6 (side) (head)\n"));
        run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("heads")});
        QCOMPARE(run.code, 0);
        QCOMPARE(versions(root + QStringLiteral("/app.db")), QStringList{QStringLiteral("f6")});
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");   // must appear on stderr

        const QString good = QStringLiteral("CREATE TABLE z (id INTEGER);");
        QTest::newRow("missing header") << QStringLiteral("04_bad.sql")
            << QStringLiteral("-- migrate:upgrade\nCREATE TABLE z (id INTEGER);\n")
            << QStringList{QStringLiteral("upgrade"), QStringLiteral("head")} << QStringLiteral("04_bad.sql:1");
        QTest::newRow("malformed header") << QStringLiteral("04_bad.sql")
            << QStringLiteral("-- oops\n--\n-- Revision ID: has space\n-- Revises: c3\n\n-- migrate:upgrade\nSELECT 1;\n")
            << QStringList{QStringLiteral("heads")} << QStringLiteral("04_bad.sql:3");
        QTest::newRow("duplicate id") << QStringLiteral("04_dup.sql")
            << revisionText(QStringLiteral("b2"), QStringLiteral("a1"), good, QStringLiteral("DROP TABLE z;"))
            << QStringList{QStringLiteral("heads")} << QStringLiteral("04_dup.sql");
        QTest::newRow("cycle") << QStringLiteral("00_cyc.sql")
            << revisionText(QStringLiteral("x0"), QStringLiteral("y0"), good, {})
               + QString()
            << QStringList{QStringLiteral("heads")} << QStringLiteral("00_cyc.sql");
        QTest::newRow("unknown identifier") << QString() << QString()
            << QStringList{QStringLiteral("upgrade"), QStringLiteral("nope")}
            << QStringLiteral("Can't locate revision identified by 'nope'");
        QTest::newRow("unterminated quote") << QStringLiteral("04_quote.sql")
            << revisionText(QStringLiteral("d4"), QStringLiteral("c3"),
                            QStringLiteral("CREATE TABLE q (a TEXT);\nINSERT INTO q VALUES ('never closed);"),
                            QStringLiteral("DROP TABLE q;"))
            << QStringList{QStringLiteral("upgrade"), QStringLiteral("head")} << QStringLiteral("04_quote.sql:9");
        QTest::newRow("bad url") << QString() << QString()
            << QStringList{QStringLiteral("--url"), QStringLiteral("nosuchdb://x"), QStringLiteral("upgrade"),
                           QStringLiteral("head")}
            << QStringLiteral("nosuchdb");
    }

    void badInput()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, content);
        QFETCH(QStringList, args);
        QFETCH(QString, expected);

        const QString root = linearProject();
        const QString db = root + QStringLiteral("/app.db");
        QCOMPARE(stratum(root, {QStringLiteral("upgrade"), QStringLiteral("b2")}).code, 0);
        const QString before = snapshot(db);
        if (!fileName.isEmpty())
            addRevision(root, fileName, content);
        if (QByteArray(QTest::currentDataTag()) == "cycle")   // y0 revises x0: x0 <-> y0
            addRevision(root, QStringLiteral("00_cyc2.sql"),
                        revisionText(QStringLiteral("y0"), QStringLiteral("x0"), QStringLiteral("SELECT 1;"), {}));

        const Run run = stratum(root, args);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')) < 4, true);   // one clear message, not a dump
        QCOMPARE(snapshot(db), before);
    }

    void ambiguousPrefix()
    {
        const QString root = linearProject();
        addRevision(root, QStringLiteral("04_abc1.sql"),
                    revisionText(QStringLiteral("abc1"), QStringLiteral("c3"), QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 1;")));
        addRevision(root, QStringLiteral("05_abc2.sql"),
                    revisionText(QStringLiteral("abc2"), QStringLiteral("abc1"), QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 1;")));
        const Run run = stratum(root, {QStringLiteral("show"), QStringLiteral("ab")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QLatin1String("abc1")) && run.err.contains(QLatin1String("abc2")), qPrintable(run.err));
    }

    void irreversibleDowngradeRunsNothing()
    {
        const QString root = linearProject();
        addRevision(root, QStringLiteral("04_d4.sql"),
                    revisionText(QStringLiteral("d4"), QStringLiteral("c3"), QStringLiteral("CREATE TABLE t4 (id INTEGER);"),
                                 {}, {}, false));
        addRevision(root, QStringLiteral("05_e5.sql"),
                    revisionText(QStringLiteral("e5"), QStringLiteral("d4"), QStringLiteral("CREATE TABLE t5 (id INTEGER);"),
                                 QStringLiteral("DROP TABLE t5;")));
        const QString db = root + QStringLiteral("/app.db");
        QCOMPARE(stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
        const QString before = snapshot(db);
        const Run run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("base")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QLatin1String("d4")) && run.err.contains(QLatin1String("04_d4.sql")), qPrintable(run.err));
        QCOMPARE(snapshot(db), before);   // t5 is still there: nothing ran
    }

    void failingStatementRollsBack()
    {
        const QString root = linearProject();
        addRevision(root, QStringLiteral("04_d4.sql"),
                    revisionText(QStringLiteral("d4"), QStringLiteral("c3"),
                                 QStringLiteral("CREATE TABLE t4 (id INTEGER);\nINSERT INTO no_such_table VALUES (1);"),
                                 QStringLiteral("DROP TABLE t4;")));
        const QString db = root + QStringLiteral("/app.db");
        QCOMPARE(stratum(root, {QStringLiteral("upgrade"), QStringLiteral("a1")}).code, 0);
        const QString before = snapshot(db);
        const Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QLatin1String("d4")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("04_d4.sql:9")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("no such table")), qPrintable(run.err));
        QCOMPARE(snapshot(db), before);   // b2 and c3 rolled back too: one transaction
    }

    void unreadableConfig()
    {
        const Run run = stratum(m_dir.path(), {QStringLiteral("-c"), QStringLiteral("missing.ini"), QStringLiteral("heads")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QLatin1String("missing.ini")), qPrintable(run.err));
    }

    void passwordsNeverPrinted()
    {
        const QString root = linearProject();
        const Run run = stratum(root, {QStringLiteral("--url"), QStringLiteral("postgresql://app:s3cr3t@127.0.0.1:1/nodb"),
                                       QStringLiteral("current"), QStringLiteral("-v")});
        QCOMPARE(run.code, 3);
        QVERIFY2(!run.err.contains(QLatin1String("s3cr3t")) && !run.out.contains(QLatin1String("s3cr3t")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("app:***@127.0.0.1")), qPrintable(run.err));
    }

    void concurrentUpgradesApplyOnce()
    {
        const QString root = linearProject();
        // A revision slow enough that both processes overlap.
        addRevision(root, QStringLiteral("04_d4.sql"),
                    revisionText(QStringLiteral("d4"), QStringLiteral("c3"),
                                 QStringLiteral("CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                                "SELECT x + 1 FROM c WHERE x < 1500000) SELECT x FROM c;"),
                                 QStringLiteral("DROP TABLE big;")));
        QProcess first;
        QProcess second;
        for (QProcess *process : {&first, &second}) {
            process->setWorkingDirectory(root);
            process->start(QStringLiteral(STRATUM_CLI), {QStringLiteral("upgrade"), QStringLiteral("head")});
        }
        QVERIFY(first.waitForFinished(120000));
        QVERIFY(second.waitForFinished(120000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);
        // One process ran the revisions; the other found nothing left to do once it had the lock.
        const QString firstLog = QString::fromUtf8(first.readAllStandardError());
        const QString secondLog = QString::fromUtf8(second.readAllStandardError());
        QCOMPARE(firstLog.contains(QLatin1String("Running upgrade c3 -> d4")) + secondLog.contains(QLatin1String("Running upgrade c3 -> d4")), 1);
        const QString db = root + QStringLiteral("/app.db");
        QCOMPARE(versions(db), QStringList{QStringLiteral("d4")});

        // The audit log proves each revision ran exactly once.
        QSqlDatabase sqlite = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
        sqlite.setDatabaseName(db);
        QVERIFY(sqlite.open());
        {
            QSqlQuery query(sqlite);
            QVERIFY(query.exec(QStringLiteral("SELECT revision, COUNT(*) FROM stratum_history "
                                              "WHERE direction = 'upgrade' GROUP BY revision ORDER BY revision")));
            QStringList counts;
            while (query.next())
                counts << query.value(0).toString() + QLatin1Char('=') + query.value(1).toString();
            QCOMPARE(counts, (QStringList{QStringLiteral("a1=1"), QStringLiteral("b2=1"), QStringLiteral("c3=1"),
                                          QStringLiteral("d4=1")}));
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM big")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 1500000);
        }
        sqlite.close();
        sqlite = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
