// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/script/revisionscript.h"

#include <QtTest>

using namespace Stratum;

class tst_RevisionScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void designExample();
    void headerOnly();
    void header_data();
    void header();
    void sections();
    void sectionStatementsUseFileLines();
    void readHeaderFromFile();
    void readHeaderLongHeaderAndBody();
    void readHeaderStopsBeforeBrokenBody();
    void readHeaderBomAndCrlf();
    void readRevisionScriptFile();
    void unreadableFile();
    void errors_data();
    void errors();

    void badBytes_data();
    void badBytes();
    void encodingsRead();
    void python_data();
    void python();
    void pythonFromFile();
    void pythonImports_data();
    void pythonImports();
    void pythonErrors_data();
    void pythonErrors();

private:
    QString write(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
};

namespace {

const QString kDesignExample = QStringLiteral(
    "-- Add user table\n"
    "--\n"
    "-- Revision ID: ae1027a6acf2\n"
    "-- Revises: 1975ea83b712\n"
    "-- Create Date: 2026-11-25 12:00:00.000000\n"
    "-- Branch Labels: feature_x\n"
    "-- Depends On: 55af2cb1c267\n"
    "\n"
    "-- migrate:upgrade\n"
    "CREATE TABLE users (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    email VARCHAR(255) NOT NULL\n"
    ");\n"
    "CREATE UNIQUE INDEX ix_users_email ON users (email);\n"
    "\n"
    "-- migrate:downgrade\n"
    "DROP INDEX ix_users_email;\n"
    "DROP TABLE users;\n");

} // namespace

void tst_RevisionScript::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_RevisionScript::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void tst_RevisionScript::designExample()
{
    const Result<RevisionScript> r = parseRevisionScript(kDesignExample, QStringLiteral("/p/v/ae10.sql"), false);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->path, QStringLiteral("/p/v/ae10.sql"));
    QCOMPARE(r->revision, QStringLiteral("ae1027a6acf2"));
    QCOMPARE(r->downRevisions, QStringList{QStringLiteral("1975ea83b712")});
    QCOMPARE(r->branchLabels, QStringList{QStringLiteral("feature_x")});
    QCOMPARE(r->dependsOn, QStringList{QStringLiteral("55af2cb1c267")});
    QCOMPARE(r->createDate, QStringLiteral("2026-11-25 12:00:00.000000"));
    QCOMPARE(r->doc, QStringLiteral("Add user table"));
    QCOMPARE(r->longDoc, QStringLiteral("Add user table\n\nRevision ID: ae1027a6acf2\n"
                                        "Revises: 1975ea83b712\n"
                                        "Create Date: 2026-11-25 12:00:00.000000\n"
                                        "Branch Labels: feature_x\nDepends On: 55af2cb1c267"));
    QVERIFY(!r->python);
    QVERIFY(r->sectionsLoaded);

    QVERIFY(r->upgrade.present);
    QVERIFY(r->upgrade.transactional);
    QCOMPARE(r->upgrade.markerLine, 9);
    QCOMPARE(r->upgrade.bodyLine, 10);
    QCOMPARE(r->upgrade.body, QStringLiteral("CREATE TABLE users (\n    id INTEGER PRIMARY KEY,\n"
                                             "    email VARCHAR(255) NOT NULL\n);\n"
                                             "CREATE UNIQUE INDEX ix_users_email ON users (email);\n\n"));
    QVERIFY(r->downgrade.present);
    QCOMPARE(r->downgrade.markerLine, 16);
    QCOMPARE(r->downgrade.bodyLine, 17);
    QCOMPARE(r->downgrade.body, QStringLiteral("DROP INDEX ix_users_email;\nDROP TABLE users;\n"));
}

void tst_RevisionScript::headerOnly()
{
    const Result<RevisionScript> r = parseRevisionScript(kDesignExample, QStringLiteral("a.sql"), true);
    QVERIFY(r.ok());
    QCOMPARE(r->revision, QStringLiteral("ae1027a6acf2"));
    QVERIFY(!r->sectionsLoaded);
    QVERIFY(!r->upgrade.present);
    QVERIFY(r->upgrade.body.isEmpty());
    QVERIFY(QDir::isAbsolutePath(r->path));
    QCOMPARE(QFileInfo(r->path).fileName(), QStringLiteral("a.sql"));
}

void tst_RevisionScript::header_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("depends");
    QTest::addColumn<QString>("doc");
    QTest::addColumn<QString>("longDoc");

    const QString up = QStringLiteral("\n-- migrate:upgrade\nSELECT 1;\n");
    QTest::newRow("base, no optional keys")
        << QStringLiteral("-- create account table\n--\n-- Revision ID: 1975ea83b712\n-- Revises:\n"
                          "-- Create Date: 2026-01-01 00:00:00.000000\n") + up
        << QStringLiteral("1975ea83b712") << QStringList() << QStringList() << QStringList()
        << QStringLiteral("create account table")
        << QStringLiteral("create account table\n\nRevision ID: 1975ea83b712\nRevises:\n"
                          "Create Date: 2026-01-01 00:00:00.000000");
    QTest::newRow("merge, lists with odd spacing")
        << QStringLiteral("-- merge heads\n--\n-- Revision ID: 57b1053998d\n"
                          "-- Revises: 41e9207fbe5,1ce6d45d7ef ,  aaa\n"
                          "-- Branch Labels:  one, two\n-- Depends On: x1 y2\n") + up
        << QStringLiteral("57b1053998d")
        << QStringList{QStringLiteral("41e9207fbe5"), QStringLiteral("1ce6d45d7ef"), QStringLiteral("aaa")}
        << QStringList{QStringLiteral("one"), QStringLiteral("two")}
        << QStringList{QStringLiteral("x1"), QStringLiteral("y2")} << QStringLiteral("merge heads")
        << QStringLiteral("merge heads\n\nRevision ID: 57b1053998d\n"
                          "Revises: 41e9207fbe5,1ce6d45d7ef ,  aaa\nBranch Labels:  one, two\n"
                          "Depends On: x1 y2");
    QTest::newRow("message over several lines")
        << QStringLiteral("\n\n-- Add index\n-- for normalized names\n--\n-- Revision ID: kilo\n"
                          "-- Revises: django_0001\n") + up
        << QStringLiteral("kilo") << QStringList{QStringLiteral("django_0001")} << QStringList()
        << QStringList() << QStringLiteral("Add index\nfor normalized names")
        << QStringLiteral("Add index\nfor normalized names\n\nRevision ID: kilo\nRevises: django_0001");
    QTest::newRow("no blank line: doc runs on, as Alembic's first paragraph")
        << QStringLiteral("-- Quick fix\n-- Revision ID: abc\n-- Revises: def\n") + up
        << QStringLiteral("abc") << QStringList{QStringLiteral("def")} << QStringList() << QStringList()
        << QStringLiteral("Quick fix\nRevision ID: abc\nRevises: def")
        << QStringLiteral("Quick fix\nRevision ID: abc\nRevises: def");
    QTest::newRow("prefix without space, indented comments, keys in any case")
        << QStringLiteral("--Tidy up\n  --\n--revision id: r1\n  -- REVISES : r0\n") + up
        << QStringLiteral("r1") << QStringList{QStringLiteral("r0")} << QStringList() << QStringList()
        << QStringLiteral("Tidy up") << QStringLiteral("Tidy up\n\nrevision id: r1\nREVISES : r0");
    QTest::newRow("empty message")
        << QStringLiteral("-- \n--\n-- Revision ID: e1\n-- Revises: \n") + up << QStringLiteral("e1")
        << QStringList() << QStringList() << QStringList()
        << QStringLiteral("Revision ID: e1\nRevises:") << QStringLiteral("Revision ID: e1\nRevises:");
    QTest::newRow("header ends at a marker without a blank line")
        << QStringLiteral("-- m\n--\n-- Revision ID: r2\n-- Revises: r1\n-- migrate:upgrade\nSELECT 1;\n")
        << QStringLiteral("r2") << QStringList{QStringLiteral("r1")} << QStringList() << QStringList()
        << QStringLiteral("m") << QStringLiteral("m\n\nRevision ID: r2\nRevises: r1");
}

void tst_RevisionScript::header()
{
    QFETCH(QString, text);
    QFETCH(QString, revision);
    QFETCH(QStringList, down);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, depends);
    QFETCH(QString, doc);
    QFETCH(QString, longDoc);

    for (const bool headerOnly : {true, false}) {
        const Result<RevisionScript> r = parseRevisionScript(text, QStringLiteral("/x.sql"), headerOnly);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->revision, revision);
        QCOMPARE(r->downRevisions, down);
        QCOMPARE(r->branchLabels, labels);
        QCOMPARE(r->dependsOn, depends);
        QCOMPARE(r->doc, doc);
        QCOMPARE(r->longDoc, longDoc);
        QCOMPARE(r->sectionsLoaded, !headerOnly);
    }
}

void tst_RevisionScript::sections()
{
    const QString text = QStringLiteral(
        "-- Concurrent index\n--\n-- Revision ID: c1\n-- Revises: b1\n"
        "\n"
        "-- a note between header and sections\n"
        "/* and a block\n   comment */\n"
        "-- migrate:downgrade   transaction:false\n"
        "DROP INDEX CONCURRENTLY ix;\n"
        "-- migrate:upgrade transaction:false\n"
        "-- migrate:statement-begin\n"
        "CREATE INDEX CONCURRENTLY ix ON t (a);\n"
        "-- migrate:statement-end\n");
    const Result<RevisionScript> r = parseRevisionScript(text, QStringLiteral("/c1.sql"), false);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r->upgrade.present);
    QVERIFY(!r->upgrade.transactional);
    QCOMPARE(r->upgrade.markerLine, 11);
    QCOMPARE(r->upgrade.bodyLine, 12);
    QCOMPARE(r->upgrade.body, QStringLiteral("-- migrate:statement-begin\nCREATE INDEX CONCURRENTLY ix "
                                             "ON t (a);\n-- migrate:statement-end\n"));
    QVERIFY(r->downgrade.present);
    QVERIFY(!r->downgrade.transactional);
    QCOMPARE(r->downgrade.markerLine, 9);
    QCOMPARE(r->downgrade.body, QStringLiteral("DROP INDEX CONCURRENTLY ix;\n"));

    // No downgrade section: the revision is irreversible.
    const Result<RevisionScript> irreversible = parseRevisionScript(
        QStringLiteral("-- m\n-- Revision ID: i1\n-- Revises:\n-- migrate:upgrade\nDROP TABLE x;"),
        QStringLiteral("/i1.sql"), false);
    QVERIFY(irreversible.ok());
    QVERIFY(irreversible->upgrade.present);
    QCOMPARE(irreversible->upgrade.body, QStringLiteral("DROP TABLE x;"));
    QVERIFY(!irreversible->downgrade.present);
    QVERIFY(irreversible->downgrade.body.isEmpty());

    // Empty sections (a fresh merge revision) and a marker on the last line.
    const Result<RevisionScript> empty = parseRevisionScript(
        QStringLiteral("-- m\n-- Revision ID: e1\n-- Revises: a, b\n\n-- migrate:upgrade\n\n"
                       "-- migrate:downgrade"),
        QStringLiteral("/e1.sql"), false);
    QVERIFY(empty.ok());
    QCOMPARE(empty->upgrade.body, QStringLiteral("\n"));
    QVERIFY(empty->downgrade.present);
    QCOMPARE(empty->downgrade.markerLine, 7);
    QCOMPARE(empty->downgrade.bodyLine, 8);
    QCOMPARE(empty->downgrade.body, QString());
}

void tst_RevisionScript::sectionStatementsUseFileLines()
{
    const Result<RevisionScript> r = parseRevisionScript(kDesignExample, QStringLiteral("/a.sql"), false);
    QVERIFY(r.ok());
    const Result<QList<SqlStatement>> up = sectionStatements(r->upgrade, QStringLiteral("a.sql"));
    QVERIFY(up.ok());
    QCOMPARE(up->size(), 2);
    QCOMPARE(up->at(0).line, 10);
    QCOMPARE(up->at(1).line, 14);
    QCOMPARE(up->at(1).text, QStringLiteral("CREATE UNIQUE INDEX ix_users_email ON users (email)"));
    const Result<QList<SqlStatement>> down = sectionStatements(r->downgrade, QStringLiteral("a.sql"));
    QVERIFY(down.ok());
    QCOMPARE(down->size(), 2);
    QCOMPARE(down->at(1).line, 18);

    const Result<QList<SqlStatement>> absent = sectionStatements(ScriptSection(), QStringLiteral("a.sql"));
    QVERIFY(absent.ok());
    QVERIFY(absent->isEmpty());

    const Result<RevisionScript> broken = parseRevisionScript(
        QStringLiteral("-- m\n-- Revision ID: b1\n-- Revises:\n-- migrate:upgrade\nSELECT 1;\n"
                       "SELECT 'open;\n"),
        QStringLiteral("/b1.sql"), false);
    QVERIFY(broken.ok());
    const Result<QList<SqlStatement>> error = sectionStatements(broken->upgrade, QStringLiteral("b1.sql"));
    QVERIFY(!error.ok());
    QCOMPARE(error.error().file, QStringLiteral("b1.sql"));
    QCOMPARE(error.error().line, 6);
    QCOMPARE(error.error().column, 8);
}

void tst_RevisionScript::readHeaderFromFile()
{
    const QString path = write(QStringLiteral("ae10_add_user.sql"), kDesignExample.toUtf8());
    const Result<RevisionScript> r = readRevisionHeader(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->path, path);
    QCOMPARE(r->revision, QStringLiteral("ae1027a6acf2"));
    QCOMPARE(r->downRevisions, QStringList{QStringLiteral("1975ea83b712")});
    QCOMPARE(r->branchLabels, QStringList{QStringLiteral("feature_x")});
    QCOMPARE(r->dependsOn, QStringList{QStringLiteral("55af2cb1c267")});
    QCOMPARE(r->createDate, QStringLiteral("2026-11-25 12:00:00.000000"));
    QCOMPARE(r->doc, QStringLiteral("Add user table"));
    QVERIFY(!r->sectionsLoaded);
}

void tst_RevisionScript::readHeaderLongHeaderAndBody()
{
    // A header longer than the first read, and a body far longer still.
    QByteArray text = "-- Long message\n";
    for (int i = 0; i < 300; ++i)
        text += "-- line " + QByteArray::number(i) + " of a long explanation, with \xc3\xa4 in it\n";
    text += "--\n-- Revision ID: long1\n-- Revises: long0\n-- Depends On: other\n\n-- migrate:upgrade\n";
    for (int i = 0; i < 20000; ++i)
        text += "INSERT INTO t VALUES (" + QByteArray::number(i) + ");\n";
    const QString path = write(QStringLiteral("long1.sql"), text);
    QVERIFY(QFileInfo(path).size() > 100000);

    const Result<RevisionScript> r = readRevisionHeader(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->revision, QStringLiteral("long1"));
    QCOMPARE(r->downRevisions, QStringList{QStringLiteral("long0")});
    QCOMPARE(r->dependsOn, QStringList{QStringLiteral("other")});
    QVERIFY(r->doc.startsWith(QStringLiteral("Long message\nline 0 of a long explanation, with ä")));
    QVERIFY(r->doc.endsWith(QStringLiteral("line 299 of a long explanation, with ä in it")));

    const Result<RevisionScript> full = readRevisionScript(path);
    QVERIFY(full.ok());
    QCOMPARE(full->revision, QStringLiteral("long1"));
    QCOMPARE(full->upgrade.bodyLine, 308);
    QVERIFY(full->upgrade.body.endsWith(QStringLiteral("INSERT INTO t VALUES (19999);\n")));
}

void tst_RevisionScript::readHeaderStopsBeforeBrokenBody()
{
    // The header read must not look at the body: graph commands work while a body is broken.
    const QString path = write(QStringLiteral("broken_body.sql"),
                               "-- m\n-- Revision ID: bb1\n-- Revises: aa1\n\n-- migrate:upgrade\n"
                               "SELECT 1;\n-- migrate:bogus\n-- migrate:upgrade\n");
    const Result<RevisionScript> header = readRevisionHeader(path);
    QVERIFY(header.ok());
    QCOMPARE(header->revision, QStringLiteral("bb1"));
    const Result<RevisionScript> full = readRevisionScript(path);
    QVERIFY(!full.ok());
    QCOMPARE(full.error().line, 7);
}

void tst_RevisionScript::readHeaderBomAndCrlf()
{
    const QString path = write(QStringLiteral("crlf.sql"),
                               "\xef\xbb\xbf-- Windows file\r\n--\r\n-- Revision ID: w1\r\n"
                               "-- Revises: w0, w00\r\n\r\n-- migrate:upgrade\r\nSELECT 1;\r\n"
                               "-- migrate:downgrade transaction:false\r\nSELECT 2;\r\n");
    const Result<RevisionScript> header = readRevisionHeader(path);
    QVERIFY2(header.ok(), qPrintable(header.ok() ? QString() : header.error().toString()));
    QCOMPARE(header->revision, QStringLiteral("w1"));
    QCOMPARE(header->downRevisions, (QStringList{QStringLiteral("w0"), QStringLiteral("w00")}));
    QCOMPARE(header->longDoc, QStringLiteral("Windows file\n\nRevision ID: w1\nRevises: w0, w00"));

    const Result<RevisionScript> full = readRevisionScript(path);
    QVERIFY(full.ok());
    QCOMPARE(full->upgrade.body, QStringLiteral("SELECT 1;\r\n"));
    QVERIFY(!full->downgrade.transactional);
    QCOMPARE(full->downgrade.bodyLine, 9);
}

void tst_RevisionScript::readRevisionScriptFile()
{
    const QString path = write(QStringLiteral("full.sql"), kDesignExample.toUtf8());
    const Result<RevisionScript> r = readRevisionScript(path);
    QVERIFY(r.ok());
    QVERIFY(r->sectionsLoaded);
    QCOMPARE(r->downgrade.body, QStringLiteral("DROP INDEX ix_users_email;\nDROP TABLE users;\n"));
}

void tst_RevisionScript::unreadableFile()
{
    const QString missing = m_dir.filePath(QStringLiteral("nope.sql"));
    for (const auto &reader : {readRevisionHeader, readRevisionScript}) {
        const Result<RevisionScript> r = reader(missing);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, missing);
        QVERIFY(r.error().message.contains(QStringLiteral("Cannot read the revision file")));
    }
    const Result<RevisionScript> py = readPythonRevision(m_dir.filePath(QStringLiteral("nope.py")));
    QVERIFY(!py.ok());
    QVERIFY(py.error().file.endsWith(QStringLiteral("nope.py")));
}

void tst_RevisionScript::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("headerOnly");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    const QString head = QStringLiteral("-- m\n--\n-- Revision ID: r1\n-- Revises: r0\n\n");
    QTest::newRow("empty file") << QString() << true << 1 << 1
                                << QStringLiteral("has no header")
                                << QStringLiteral("Expected a leading `--` comment block");
    QTest::newRow("id longer than the version table holds")
        << QStringLiteral("-- m\n-- Revision ID: %1\n-- Revises:\n").arg(QString(33, QLatin1Char('a'))) << true << 2 << 17
        << QStringLiteral("is 33 characters long; the version table holds 32") << QStringLiteral("at most 32 characters");
    QTest::newRow("key without its colon") << QStringLiteral("-- m\n-- Revision ID: r2\n-- Revises aaaa00000002\n") << true
                                           << 3 << 11 << QStringLiteral("lacks the colon after `Revises`")
                                           << QStringLiteral("Expected `Revises: aaaa00000002`");
    QTest::newRow("key spelled another way") << QStringLiteral("-- m\n-- Revision-ID: r2\n-- Revises:\n") << true << 2 << 4
                                             << QStringLiteral("`Revision-ID:` is not a header key")
                                             << QStringLiteral("Expected `Revision ID:`");
    QTest::newRow("starts with SQL") << QStringLiteral("\n\nCREATE TABLE t (a INT);\n") << true << 3
                                     << 1 << QStringLiteral("has no header")
                                     << QStringLiteral("-- Revision ID: <id>");
    QTest::newRow("starts with a marker") << QStringLiteral("-- migrate:upgrade\nSELECT 1;\n")
                                          << false << 1 << 1 << QStringLiteral("has no header")
                                          << QStringLiteral("-- Revision ID: <id>");
    QTest::newRow("no Revision ID")
        << QStringLiteral("\n-- Add things\n--\n-- Revises: r0\n\n-- migrate:upgrade\n") << true << 2
        << 1 << QStringLiteral("no `Revision ID:` line")
        << QStringLiteral("Expected `-- Revision ID: <id>`");
    QTest::newRow("Revision ID after a blank line is not in the header")
        << QStringLiteral("-- Add things\n\n-- Revision ID: r1\n\n-- migrate:upgrade\n") << true << 1
        << 1 << QStringLiteral("no `Revision ID:` line") << QStringLiteral("no blank lines inside");
    QTest::newRow("empty Revision ID")
        << QStringLiteral("-- m\n-- Revision ID:   \n") << true << 2 << 19
        << QStringLiteral("has no id") << QStringLiteral("Expected a revision id");
    QTest::newRow("Revision ID with a space")
        << QStringLiteral("-- m\n-- Revision ID: ab cd\n") << true << 2 << 19
        << QStringLiteral("'ab cd' contains a space")
        << QStringLiteral("Expected a revision id without spaces, commas");
    QTest::newRow("Revision ID with a comma")
        << QStringLiteral("-- m\n-- Revision ID: ab,cd\n") << true << 2 << 19
        << QStringLiteral("contains ','") << QStringLiteral("without spaces, commas");
    QTest::newRow("Revision ID with @")
        << QStringLiteral("-- m\n--   Revision ID: x@head\n") << true << 2 << 20
        << QStringLiteral("contains '@'") << QStringLiteral("'@', '-' or '+'");
    QTest::newRow("Revises with a bad id")
        << QStringLiteral("-- m\n-- Revision ID: r1\n-- Revises: r0, bad-1\n") << true << 3 << 20
        << QStringLiteral("down revision 'bad-1' contains '-'") << QStringLiteral("without spaces");
    QTest::newRow("duplicate key")
        << QStringLiteral("-- m\n-- Revision ID: r1\n-- Revises: r0\n-- revises: r9\n") << true << 4 << 4
        << QStringLiteral("names `Revises:` twice")
        << QStringLiteral("the first is on line 3");
    QTest::newRow("unknown marker") << head + QStringLiteral("-- migrate:upgrade\nSELECT 1;\n  -- migrate:up\n")
                                    << false << 8 << 3 << QStringLiteral("Unknown marker `-- migrate:up`")
                                    << QStringLiteral("Expected `-- migrate:upgrade`, `-- migrate:downgrade`");
    QTest::newRow("marker without a name") << head + QStringLiteral("-- migrate:\n") << false << 6 << 1
                                           << QStringLiteral("Unknown marker")
                                           << QStringLiteral("`-- migrate:statement-begin`");
    QTest::newRow("unknown marker option")
        << head + QStringLiteral("-- migrate:upgrade transaction:maybe\n") << false << 6 << 20
        << QStringLiteral("Unknown option 'transaction:maybe'")
        << QStringLiteral("Expected `transaction:false`");
    QTest::newRow("duplicate upgrade")
        << head + QStringLiteral("-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\n\n-- migrate:upgrade\n")
        << false << 10 << 1 << QStringLiteral("second `-- migrate:upgrade` section")
        << QStringLiteral("the first opens on line 6");
    QTest::newRow("duplicate downgrade")
        << head + QStringLiteral("-- migrate:upgrade\n-- migrate:downgrade\n-- migrate:downgrade\n")
        << false << 8 << 1 << QStringLiteral("second `-- migrate:downgrade` section")
        << QStringLiteral("line 7");
    QTest::newRow("SQL before the first section")
        << head + QStringLiteral("-- fine\n   CREATE TABLE t (a INT);\n-- migrate:upgrade\n") << false << 7
        << 4 << QStringLiteral("SQL stands before the first section marker")
        << QStringLiteral("Expected `-- migrate:upgrade` before any SQL");
    QTest::newRow("SQL after a block comment before the first section")
        << head + QStringLiteral("/* note\n*/ SELECT 1;\n-- migrate:upgrade\n") << false << 7 << 1
        << QStringLiteral("before the first section") << QStringLiteral("only comments");
    QTest::newRow("statement marker before any section")
        << head + QStringLiteral("-- migrate:statement-begin\n") << false << 6 << 1
        << QStringLiteral("comes before the first section")
        << QStringLiteral("Expected `-- migrate:upgrade`");
    QTest::newRow("no upgrade section")
        << head + QStringLiteral("-- migrate:downgrade\nDROP TABLE t;\n") << false << 5 << 1
        << QStringLiteral("no `-- migrate:upgrade` section")
        << QStringLiteral("Expected a `-- migrate:upgrade` line");
}

void tst_RevisionScript::errors()
{
    QFETCH(QString, text);
    QFETCH(bool, headerOnly);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(QString, expected);

    const Result<RevisionScript> r = parseRevisionScript(text, QStringLiteral("versions/r1.sql"), headerOnly);
    QVERIFY(!r.ok());
    const Error &error = r.error();
    QCOMPARE(error.file, QStringLiteral("versions/r1.sql"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.code, int(Error::Input));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY2(error.hint.contains(expected), qPrintable(error.hint));

    // The fast file reader reports the same header errors.
    if (headerOnly) {
        const QString path = write(QStringLiteral("err.sql"), text.toUtf8());
        const Result<RevisionScript> fromFile = readRevisionHeader(path);
        QVERIFY(!fromFile.ok());
        QCOMPARE(fromFile.error().file, path);
        QCOMPARE(fromFile.error().line, line);
        QCOMPARE(fromFile.error().column, column);
    }
}

// Bytes that are not UTF-8 text, and psql-only input, are refused when the file is read,
// with the byte, line and column.
void tst_RevisionScript::badBytes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    const QByteArray head = "-- m\n-- Revision ID: r1\n-- Revises:\n\n-- migrate:upgrade\n";
    QTest::newRow("latin-1 byte") << head + "INSERT INTO t VALUES ('caf\xe9');\n" << 6 << 27
                                  << QStringLiteral("not UTF-8 text: byte 0xE9 at offset 82.");
    QTest::newRow("latin-1 in the header") << QByteArray("-- caf\xe9\n-- Revision ID: r1\n-- Revises:\n") << 1 << 7
                                           << QStringLiteral("byte 0xE9");
    QTest::newRow("NUL byte") << head + QByteArray("SELECT 1;\0\n", 11) << 6 << 10 << QStringLiteral("a NUL byte");
    QTest::newRow("UTF-16") << QByteArray("\xff\xfe-\0-\0", 6) << 1 << 1 << QStringLiteral("UTF-16 byte order mark");
    QTest::newRow("overlong encoding") << head + "SELECT '\xc0\xaf';\n" << 6 << 9 << QStringLiteral("byte 0xC0");
    QTest::newRow("cut short") << head + "SELECT '\xe2\x82" << 6 << 9 << QStringLiteral("a character cut short");
    QTest::newRow("COPY FROM STDIN") << head + "CREATE TABLE t (a INT);\nCOPY t (a) FROM stdin;\n1\n2\n\\.\n" << 7 << 1
                                     << QStringLiteral("COPY … FROM STDIN reads its rows from psql's input");
}

void tst_RevisionScript::badBytes()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const QString path = write(QStringLiteral("bad.sql"), content);
    const Result<RevisionScript> r = readRevisionScript(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, path);
    QCOMPARE(r.error().code, int(Error::Input));
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(r.error().line, line);
    QCOMPARE(r.error().column, column);
    // The header reader refuses what it reads of the same file.
    const Result<RevisionScript> header = readRevisionHeader(path);
    if (line <= 3 && !message.startsWith(QLatin1String("COPY")))
        QVERIFY2(!header.ok(), "the header reader took bytes that are not UTF-8");
}

// Good UTF-8 (with its BOM) stays as written; a Python revision with a Latin-1 coding line is
// read as Latin-1, as Python does.
void tst_RevisionScript::encodingsRead()
{
    const QString sql = write(QStringLiteral("ok.sql"),
                              "\xef\xbb\xbf-- caf\xc3\xa9 \xf0\x9f\x98\x80\n--\n-- Revision ID: r1\n-- Revises:\n\n"
                              "-- migrate:upgrade\nSELECT '\xe2\x82\xac';\n");
    const Result<RevisionScript> r = readRevisionScript(sql);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->doc, QStringLiteral("caf\u00e9 \U0001F600"));
    QVERIFY(r->upgrade.body.contains(QStringLiteral("\u20ac")));
    const QString py = write(QStringLiteral("r1_latin.py"),
                             "# -*- coding: latin-1 -*-\n\"\"\"caf\xe9\n\nRevision ID: r1\n\"\"\"\n"
                             "revision = 'r1'\ndown_revision = None\n");
    const Result<RevisionScript> p = readRevisionScript(py);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().message));
    QCOMPARE(p->doc, QStringLiteral("caf\u00e9"));
}

void tst_RevisionScript::python_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("depends");
    QTest::addColumn<QString>("doc");
    QTest::addColumn<QString>("longDoc");
    QTest::addColumn<QString>("createDate");

    QTest::newRow("alembic 1.8 template")
        << QStringLiteral("\"\"\"create account table\n\nRevision ID: 1975ea83b712\nRevises: \n"
                          "Create Date: 2011-11-08 11:40:27.089406\n\n\"\"\"\n"
                          "from alembic import op\nimport sqlalchemy as sa\n\n\n"
                          "# revision identifiers, used by Alembic.\n"
                          "revision = '1975ea83b712'\ndown_revision = None\nbranch_labels = None\n"
                          "depends_on = None\n\n\ndef upgrade() -> None:\n    pass\n\n\n"
                          "def downgrade() -> None:\n    revision = 'not this one'\n")
        << QStringLiteral("1975ea83b712_create_account_table.py") << QStringLiteral("1975ea83b712")
        << QStringList() << QStringList() << QStringList() << QStringLiteral("create account table")
        << QStringLiteral("create account table\n\nRevision ID: 1975ea83b712\nRevises: \n"
                          "Create Date: 2011-11-08 11:40:27.089406")
        << QStringLiteral("2011-11-08 11:40:27.089406");
    QTest::newRow("annotated, merge, labels, depends")
        << QStringLiteral("# -*- coding: utf-8 -*-\n'''Merge heads\n\nRevision ID: 57b1053998d\n'''\n"
                          "from typing import Sequence, Union\n"
                          "revision: str = \"57b1053998d\"\n"
                          "down_revision: Union[str, None] = ('41e9207fbe5',\n"
                          "                                   \"1ce6d45d7ef\",)\n"
                          "branch_labels: Union[str, Sequence[str], None] = ('feature',)\n"
                          "depends_on: Union[str, Sequence[str], None] = [\n"
                          "    'a1',  # first\n    'b2'\n]\n")
        << QStringLiteral("57b1053998d_merge.py") << QStringLiteral("57b1053998d")
        << QStringList{QStringLiteral("41e9207fbe5"), QStringLiteral("1ce6d45d7ef")}
        << QStringList{QStringLiteral("feature")}
        << QStringList{QStringLiteral("a1"), QStringLiteral("b2")} << QStringLiteral("Merge heads")
        << QStringLiteral("Merge heads\n\nRevision ID: 57b1053998d") << QString();
    QTest::newRow("single strings, escapes, concatenation")
        << QStringLiteral("r\"\"\"Raw \\n doc\"\"\"\nrevision = 'ab' \"cd\"\ndown_revision = ('x1')\n"
                          "branch_labels = 'lab\\x65l'\ndepends_on = u'dep'\n")
        << QStringLiteral("abcd.py") << QStringLiteral("abcd") << QStringList{QStringLiteral("x1")}
        << QStringList{QStringLiteral("label")} << QStringList{QStringLiteral("dep")}
        << QStringLiteral("Raw \\n doc") << QStringLiteral("Raw \\n doc") << QString();
    QTest::newRow("no docstring, legacy file name, no optional literals")
        << QStringLiteral("import x\ndown_revision = 'a' \\\n    'b'\n")
        << QStringLiteral("3fa2b1.py") << QStringLiteral("3fa2b1") << QStringList{QStringLiteral("ab")}
        << QStringList() << QStringList() << QString() << QString() << QString();
    QTest::newRow("docstring not first is no docstring")
        << QStringLiteral("import os\n\"\"\"not a docstring\"\"\"\nrevision = 'r'\ndown_revision = None\n")
        << QStringLiteral("r.py") << QStringLiteral("r") << QStringList() << QStringList()
        << QStringList() << QString() << QString() << QString();
    QTest::newRow("windows line endings")
        << QStringLiteral("\"\"\"Doc line\r\n\r\nRevision ID: c1\r\n\"\"\"\r\nrevision = 'c1'\r\n"
                          "down_revision = None\r\n")
        << QStringLiteral("c1.py") << QStringLiteral("c1") << QStringList() << QStringList()
        << QStringList() << QStringLiteral("Doc line") << QStringLiteral("Doc line\n\nRevision ID: c1")
        << QString();
    QTest::newRow("docstring with escapes and paragraphs")
        << QStringLiteral("\n\n\"\"\"  Line one\\tx\nline two\n\nRest \\\"quoted\\\"\n   \"\"\"\n"
                          "revision = 'd1'\ndown_revision = 'd0'\n")
        << QStringLiteral("d1.py") << QStringLiteral("d1") << QStringList{QStringLiteral("d0")}
        << QStringList() << QStringList() << QStringLiteral("Line one\tx\nline two")
        << QStringLiteral("Line one\tx\nline two\n\nRest \"quoted\"") << QString();
    QTest::newRow("bare tuple, several statements on a line")
        << QStringLiteral("\"\"\"Merge\"\"\"; import os\nrevision = 'm1'; down_revision = \"a\", 'b'\n"
                          "branch_labels = 'x',\n")
        << QStringLiteral("m1.py") << QStringLiteral("m1") << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringList{QStringLiteral("x")} << QStringList() << QStringLiteral("Merge") << QStringLiteral("Merge")
        << QString();
    QTest::newRow("module-level names, chains, unpacking, +=")
        << QStringLiteral("BASE = 'b0'\nLABEL: str = 'lab' + 'el'\nrevision = rev = 'n1'\n"
                          "down_revision, depends_on = (BASE,), ['d1']\ndepends_on += ['d2']\n"
                          "branch_labels = (LABEL, BASE + '_x')\ndel BASE\n")
        << QStringLiteral("n1.py") << QStringLiteral("n1") << QStringList{QStringLiteral("b0")}
        << QStringList{QStringLiteral("label"), QStringLiteral("b0_x")}
        << QStringList{QStringLiteral("d1"), QStringLiteral("d2")} << QString() << QString() << QString();
    QTest::newRow("values assigned under if, try and with")
        << QStringLiteral("from typing import TYPE_CHECKING\nMODE = 'split'\nrevision = 'i1'\n"
                          "if TYPE_CHECKING:\n    down_revision = 'no'\nelif MODE == 'split' and not False:\n"
                          "    down_revision = 'yes'\nelse:\n    down_revision = 'else'\n"
                          "try:\n    import sqlalchemy as sa\n    branch_labels = ('t',)\nexcept ImportError:\n"
                          "    branch_labels = None\n"
                          "if MODE in ('a', 'split'): depends_on = 'inline' if MODE else 'other'\n"
                          "def upgrade():\n    global depends_on\n    depends_on = 'never'\n")
        << QStringLiteral("i1.py") << QStringLiteral("i1") << QStringList{QStringLiteral("yes")}
        << QStringList{QStringLiteral("t")} << QStringList{QStringLiteral("inline")} << QString() << QString()
        << QString();
    QTest::newRow("\\N{...} escapes, Python's strip")
        << QStringLiteral("\"\"\"\x1c Caf\\N{LATIN SMALL LETTER E WITH ACUTE} \\N{em dash} \\N{BYTE ORDER MARK}\\x1f\"\"\"\n"
                          "revision = 'e1'\ndown_revision = r'\\N'\n")
        << QStringLiteral("e1.py") << QStringLiteral("e1") << QStringList{QStringLiteral("\\N")} << QStringList()
        << QStringList() << QStringLiteral("Caf\u00e9 \u2014 \ufeff") << QStringLiteral("Caf\u00e9 \u2014 \ufeff")
        << QString();
    QTest::newRow("__name__ is the module id Alembic gives")
        << QStringLiteral("revision = 'n2'\nif __name__ == 'n2_x_y_py':\n    down_revision = 'yes'\n"
                          "if __name__ == '__main__':\n    down_revision = 'no'\n")
        << QStringLiteral("n2-x.y.py") << QStringLiteral("n2") << QStringList{QStringLiteral("yes")} << QStringList()
        << QStringList() << QString() << QString() << QString();
    QTest::newRow("b and f strings are no docstring")
        << QStringLiteral("b\"\"\"bytes\"\"\"\nrevision = 'f1'\ndown_revision = None\n")
        << QStringLiteral("f1.py") << QStringLiteral("f1") << QStringList() << QStringList() << QStringList()
        << QString() << QString() << QString();
    QTest::newRow("f string is no docstring")
        << QStringLiteral("f\"\"\"formatted\"\"\"\nrevision = 'f2'\ndown_revision = None\n")
        << QStringLiteral("f2.py") << QStringLiteral("f2") << QStringList() << QStringList() << QStringList()
        << QString() << QString() << QString();
    QTest::newRow("parenthesised, concatenated docstring")
        << QStringLiteral("(\"Joined \"\n 'doc')\nrevision = 'p1'\ndown_revision = None\n")
        << QStringLiteral("p1.py") << QStringLiteral("p1") << QStringList() << QStringList() << QStringList()
        << QStringLiteral("Joined doc") << QStringLiteral("Joined doc") << QString();
}

void tst_RevisionScript::python()
{
    QFETCH(QString, text);
    QFETCH(QString, fileName);
    QFETCH(QString, revision);
    QFETCH(QStringList, down);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, depends);
    QFETCH(QString, doc);
    QFETCH(QString, longDoc);
    QFETCH(QString, createDate);

    const Result<RevisionScript> r = parsePythonRevision(text, QStringLiteral("/proj/versions/") + fileName);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r->python);
    QVERIFY(!r->sectionsLoaded);
    QVERIFY(!r->upgrade.present);
    QCOMPARE(r->revision, revision);
    QCOMPARE(r->downRevisions, down);
    QCOMPARE(r->branchLabels, labels);
    QCOMPARE(r->dependsOn, depends);
    QCOMPARE(r->doc, doc);
    QCOMPARE(r->longDoc, longDoc);
    QCOMPARE(r->createDate, createDate);
}

void tst_RevisionScript::pythonFromFile()
{
    const QString path = write(QStringLiteral("ae1027a6acf2_add.py"),
                               "\"\"\"Add user table\n\nRevision ID: ae1027a6acf2\n"
                               "Revises: 1975ea83b712\n\"\"\"\nrevision = 'ae1027a6acf2'\n"
                               "down_revision = '1975ea83b712'\n");
    for (const auto &reader : {readPythonRevision, readRevisionHeader, readRevisionScript}) {
        const Result<RevisionScript> r = reader(path);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(r->python);
        QCOMPARE(r->path, path);
        QCOMPARE(r->revision, QStringLiteral("ae1027a6acf2"));
        QCOMPARE(r->downRevisions, QStringList{QStringLiteral("1975ea83b712")});
        QCOMPARE(r->doc, QStringLiteral("Add user table"));
    }
}

// Constants imported from the project's own modules, found in the folders above the revision.
void tst_RevisionScript::pythonImports_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QString>("error");

    QTest::newRow("from package import module")
        << QStringLiteral("from pkg.db.migration import cli\nbranch_labels = (cli.EXPAND_BRANCH,)\n")
        << QStringList{QStringLiteral("expand")} << QString();
    QTest::newRow("import module as name")
        << QStringLiteral("import pkg.db.migration.cli as m\nbranch_labels = m.CONTRACT\n")
        << QStringList{QStringLiteral("expand_c")} << QString();
    QTest::newRow("from module import name as other, subscript")
        << QStringLiteral("from pkg.db.migration.cli import BRANCHES as B\nbranch_labels = B[-1]\n")
        << QStringList{QStringLiteral("expand_c")} << QString();
    QTest::newRow("dotted access")
        << QStringLiteral("import pkg.db.migration.cli\nbranch_labels = pkg.db.migration.cli.BRANCHES\n")
        << QStringList{QStringLiteral("expand"), QStringLiteral("expand_c")} << QString();
    QTest::newRow("package re-export through a relative import")
        << QStringLiteral("from pkg.consts import LABEL\nbranch_labels = LABEL\n")
        << QStringList{QStringLiteral("lab")} << QString();
    QTest::newRow("star import")
        << QStringLiteral("from pkg.consts.values import *\nbranch_labels = [LABEL, OTHER]\n")
        << QStringList{QStringLiteral("lab"), QStringLiteral("other")} << QString();
    QTest::newRow("condition on an imported constant")
        << QStringLiteral("from pkg.db.migration import cli\nif cli.EXPAND_BRANCH == 'expand':\n"
                          "    branch_labels = 'yes'\n")
        << QStringList{QStringLiteral("yes")} << QString();
    QTest::newRow("name the module does not define")
        << QStringLiteral("from pkg.db.migration.cli import NOPE\nbranch_labels = NOPE\n") << QStringList()
        << QStringLiteral("module `pkg.db.migration.cli` (%1/pkg/db/migration/cli.py) defines no `NOPE`");
    QTest::newRow("constant computed by a call")
        << QStringLiteral("from pkg.db.migration import cli\nbranch_labels = cli.COMPUTED\n") << QStringList()
        << QStringLiteral("it is the result of a call");
    QTest::newRow("third-party module")
        << QStringLiteral("from sqlalchemy_utils import LABEL\nbranch_labels = LABEL\n") << QStringList()
        << QStringLiteral("module `sqlalchemy_utils` is not in the project's source tree");
}

void tst_RevisionScript::pythonImports()
{
    QFETCH(QString, source);
    QFETCH(QStringList, labels);
    QFETCH(QString, error);

    const QString root = m_dir.filePath(QStringLiteral("tree"));
    write(QStringLiteral("tree/pkg/__init__.py"), "");
    write(QStringLiteral("tree/pkg/db/__init__.py"), "VALUE = 1\n");
    write(QStringLiteral("tree/pkg/db/migration/__init__.py"), "\"\"\"Migrations.\"\"\"\n");
    write(QStringLiteral("tree/pkg/db/migration/cli.py"),
          "import os\nfrom alembic import command\nfrom pkg.db import VALUE\n\n"
          "EXPAND_BRANCH = 'expand'\nCONTRACT = EXPAND_BRANCH + '_c'\nBRANCHES = (EXPAND_BRANCH, CONTRACT)\n"
          "COMPUTED = os.path.join('a', 'b')\n\ndef main():\n    pass\n");
    write(QStringLiteral("tree/pkg/consts/__init__.py"), "from .values import LABEL  # noqa\n");
    write(QStringLiteral("tree/pkg/consts/values.py"), "LABEL = 'lab'\nOTHER = 'other'\n_PRIVATE = 'p'\n");
    const QString path = write(QStringLiteral("tree/pkg/db/migration/alembic/versions/r1_x.py"),
                               (QStringLiteral("revision = 'r1'\ndown_revision = None\n") + source).toUtf8());

    const Result<RevisionScript> r = readPythonRevision(path);
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->branchLabels, labels);
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, path);
    QCOMPARE(r.error().line, 4);
    const QString expected = error.contains(QLatin1String("%1")) ? error.arg(root) : error;
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
}

void tst_RevisionScript::pythonErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no revision, name not hex")
        << QStringLiteral("down_revision = None\n") << QStringLiteral("add_table.py") << 0 << 0
        << QStringLiteral("Could not determine revision id from filename add_table.py")
        << QStringLiteral("revision = '<id>'");
    QTest::newRow("no down_revision")
        << QStringLiteral("revision = 'abc'\n") << QStringLiteral("abc.py") << 0 << 0
        << QStringLiteral("does not set `down_revision`") << QStringLiteral("`None` for a base");
    QTest::newRow("name not defined")
        << QStringLiteral("revision = 'abc'\ndown_revision = OTHER_REV\n") << QStringLiteral("abc.py")
        << 2 << 1 << QStringLiteral("Cannot read `down_revision` without running Python: `OTHER_REV` is not defined")
        << QStringLiteral("Expected a string, None or a tuple of strings");
    QTest::newRow("tuple with a call")
        << QStringLiteral("revision = 'abc'\ndown_revision = ('a', f())\n") << QStringLiteral("abc.py")
        << 2 << 1 << QStringLiteral("`down_revision` without running Python: it is the result of a call")
        << QStringLiteral("tuple of strings");
    QTest::newRow("condition that needs running code")
        << QStringLiteral("import os\nrevision = 'abc'\nif os.environ:\n    down_revision = 'a'\nelse:\n"
                          "    down_revision = None\n")
        << QStringLiteral("abc.py") << 6 << 5 << QStringLiteral("a condition Stratum cannot decide (line 3")
        << QStringLiteral("tuple of strings");
    QTest::newRow("assigned in a loop")
        << QStringLiteral("revision = 'abc'\nfor x in ('a',):\n    down_revision = x\n")
        << QStringLiteral("abc.py") << 3 << 5 << QStringLiteral("inside a `for` block (line 2)")
        << QStringLiteral("tuple of strings");
    QTest::newRow("relative import")
        << QStringLiteral("from .consts import PREV\nrevision = 'abc'\ndown_revision = PREV\n")
        << QStringLiteral("abc.py") << 3 << 1 << QStringLiteral("a relative import")
        << QStringLiteral("tuple of strings");
    QTest::newRow("module outside the tree")
        << QStringLiteral("from somewhere_else import PREV\nrevision = 'abc'\ndown_revision = PREV\n")
        << QStringLiteral("abc.py") << 3 << 1 << QStringLiteral("module `somewhere_else` is not in the project's source tree")
        << QStringLiteral("constants imported from the project's own modules");
    QTest::newRow("not a string")
        << QStringLiteral("revision = 'abc'\ndown_revision = 12\n") << QStringLiteral("abc.py") << 2 << 1
        << QStringLiteral("it is not a string, None or a tuple") << QStringLiteral("tuple of strings");
    QTest::newRow("unknown character name")
        << QStringLiteral("\"\"\"doc \\N{NO SUCH CHARACTER}\"\"\"\nrevision = 'abc'\ndown_revision = None\n")
        << QStringLiteral("abc.py") << 1 << 8 << QStringLiteral("unknown Unicode character name \\N{NO SUCH CHARACTER}")
        << QStringLiteral("escape that Python accepts");
    QTest::newRow("revision is None")
        << QStringLiteral("revision = None\ndown_revision = None\n") << QStringLiteral("abc.py") << 1
        << 12 << QStringLiteral("`revision` is not a revision id")
        << QStringLiteral("non-empty string");
    QTest::newRow("revision with illegal character")
        << QStringLiteral("revision = 'a-b'\ndown_revision = None\n") << QStringLiteral("abc.py") << 1
        << 14 << QStringLiteral("contains '-'") << QStringLiteral("without spaces");
    QTest::newRow("unterminated string")
        << QStringLiteral("\"\"\"doc\"\"\"\nrevision = 'abc\ndown_revision = None\n")
        << QStringLiteral("abc.py") << 2 << 12 << QStringLiteral("Unterminated string literal")
        << QStringLiteral("Expected a closing '");
    QTest::newRow("unterminated docstring")
        << QStringLiteral("\n\"\"\"doc\nrevision = 'abc'\n") << QStringLiteral("abc.py") << 2 << 1
        << QStringLiteral("Unterminated string literal") << QStringLiteral("closing \"\"\"");
}

void tst_RevisionScript::pythonErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, fileName);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(QString, expected);

    const QString path = QStringLiteral("/proj/versions/") + fileName;
    const Result<RevisionScript> r = parsePythonRevision(text, path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, path);
    QCOMPARE(r.error().line, line);
    QCOMPARE(r.error().column, column);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QVERIFY2(r.error().hint.contains(expected), qPrintable(r.error().hint));
}

QTEST_MAIN(tst_RevisionScript)
#include "tst_revisionscript.moc"
