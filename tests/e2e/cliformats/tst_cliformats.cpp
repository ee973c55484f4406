// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The command line as tools read it: `--json` of every reading command parsed and checked field
// by field, `--format github` annotations, `-q`, and the exit codes 0/1/2/3 — on a copy of
// examples/bookshop (branches, merges, a label, a dependency) and, for the commands that read
// the database, on SQLite, PostgreSQL and MariaDB.
#include "../../support/bookshop.h"
#include "../../support/revisionfiles.h"
#include "../../support/testservers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using StratumTest::Scratch;
using StratumTest::revisionText;
using StratumTest::writeFile;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

const QString mergeHead = QStringLiteral("96ae41b7c035");
const QString reporting = QStringLiteral("0b93d6e4f271");

// The fields of the revision object, the same in every command (docs/cli.md).
const QStringList revisionFields = {
    QStringLiteral("branch_labels"), QStringLiteral("create_date"), QStringLiteral("depends_on"),
    QStringLiteral("down_revisions"), QStringLiteral("id"), QStringLiteral("is_base"),
    QStringLiteral("is_branch_point"), QStringLiteral("is_head"), QStringLiteral("is_merge_point"),
    QStringLiteral("message"), QStringLiteral("next_revisions"), QStringLiteral("path")};

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

class tst_CliFormats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_projects = 0;
    QString m_bookshop;

    static Run stratum(const QString &root, const QStringList &args, const QProcessEnvironment &env = {})
    {
        QProcess process;
        process.setWorkingDirectory(root);
        QProcessEnvironment environment = env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env;
        if (env.isEmpty())
            environment.remove(QStringLiteral("GITHUB_WORKSPACE"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(STRATUM_CLI), args);
        process.waitForFinished(180000);
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

    // Runs with --json, checks the document's frame and returns its object.
    static QJsonObject json(const Run &run, const QString &command)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("not one JSON object (%s): %s\nstderr: %s", qPrintable(error.errorString()),
                     qPrintable(run.out), qPrintable(run.err));
            return {};
        }
        const QJsonObject object = document.object();
        if (object.value(QStringLiteral("stratum_json")).toInt() != 1
            || object.value(QStringLiteral("command")).toString() != command)
            qWarning("bad frame: %s", qPrintable(run.out));
        return object;
    }

    static bool hasRevisionShape(const QJsonValue &value)
    {
        QStringList keys = value.toObject().keys();
        keys.sort();
        return keys == revisionFields;
    }

    // A project of table t1 on \a url (as the ini spells it), with schema/app.sql asking for \a desired.
    QString smallProject(const QString &url, const QString &desired)
    {
        const QString root = m_dir.filePath(QStringLiteral("p%1").arg(++m_projects));
        writeFile(root + QStringLiteral("/stratum.ini"),
                  QStringLiteral("[stratum]\nscript_location = migrations\nurl = %1\nschema = schema/*.sql\n"
                                 "schema_cache = false\nlock_timeout = 30\n")
                      .arg(url));
        writeFile(root + QStringLiteral("/migrations/versions/01_a1.sql"),
                  revisionText(QStringLiteral("a1"), {},
                               QStringLiteral("CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);"),
                               QStringLiteral("DROP TABLE t1;")));
        writeFile(root + QStringLiteral("/schema/app.sql"), desired);
        return root;
    }

    static QString t1() { return QStringLiteral("CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"); }
    static QString t2() { return QStringLiteral("CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n"); }

    // smallProject() on a scratch database of \a engine, upgraded to a1; empty when that fails.
    QString upgradedProject(Scratch &scratch, const QString &engine, const QString &serverUrl, const QString &desired)
    {
        // The process id in the name: other runs may share the servers.
        if (!scratch.open(engine, serverUrl,
                          QStringLiteral("stratum_cliformats_%1_%2").arg(engine).arg(QCoreApplication::applicationPid())))
            return {};
        const QString root = smallProject(scratch.urlString().replace(QLatin1Char('%'), QLatin1String("%%")), desired);
        const Run run = stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("head")});
        if (run.code != 0) {
            qWarning("%s", qPrintable(run.err));
            return {};
        }
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bookshop = m_dir.filePath(QStringLiteral("bookshop"));
        QVERIFY(StratumTest::copyBookshop(m_bookshop));
    }

    void headsJson()
    {
        const Run run = stratum(m_bookshop, {QStringLiteral("heads"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject doc = json(run, QStringLiteral("heads"));
        const QJsonArray heads = doc.value(QStringLiteral("heads")).toArray();
        QCOMPARE(heads.size(), 1);
        const QJsonObject head = heads.at(0).toObject();
        QVERIFY(hasRevisionShape(head));
        QCOMPARE(head.value(QStringLiteral("id")).toString(), mergeHead);
        QCOMPARE(head.value(QStringLiteral("message")).toString(), QStringLiteral("Merge reporting into main"));
        QCOMPARE(strings(head.value(QStringLiteral("down_revisions"))),
                 (QStringList{QStringLiteral("d57f0a3c9e68"), reporting}));
        QCOMPARE(strings(head.value(QStringLiteral("branch_labels"))), QStringList{QStringLiteral("reporting")});
        QCOMPARE(strings(head.value(QStringLiteral("next_revisions"))), QStringList{});
        QCOMPARE(head.value(QStringLiteral("is_head")).toBool(), true);
        QCOMPARE(head.value(QStringLiteral("is_merge_point")).toBool(), true);
        QCOMPARE(head.value(QStringLiteral("is_branch_point")).toBool(), false);
        QCOMPARE(head.value(QStringLiteral("is_base")).toBool(), false);
        QCOMPARE(head.value(QStringLiteral("create_date")).toString(), QStringLiteral("2025-04-15 09:00:18.733561"));
        const QString path = head.value(QStringLiteral("path")).toString();
        QVERIFY2(QFileInfo(path).isAbsolute() && QFileInfo::exists(path), qPrintable(path));
        QVERIFY(path.endsWith(QLatin1String("96ae41b7c035_merge_reporting_into_main.sql")));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    // The same revisions in the same order as the text, with the dependency and label.
    void historyJson()
    {
        const Run text = stratum(m_bookshop, {QStringLiteral("history")});
        const Run run = stratum(m_bookshop, {QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject doc = json(run, QStringLiteral("history"));
        QVERIFY(doc.value(QStringLiteral("current")).isNull());
        const QJsonArray revisions = doc.value(QStringLiteral("revisions")).toArray();
        QStringList ids;
        for (const QJsonValue &value : revisions) {
            QVERIFY(hasRevisionShape(value));
            ids << value.toObject().value(QStringLiteral("id")).toString();
        }
        QStringList textIds;
        for (const QString &line : text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            textIds << line.section(QLatin1String(" -> "), 1).section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(','));
        QCOMPARE(ids.size(), 10);
        QCOMPARE(ids, textIds);
        const QJsonObject labelled = revisions.at(ids.indexOf(reporting)).toObject();
        QCOMPARE(strings(labelled.value(QStringLiteral("depends_on"))), QStringList{QStringLiteral("c2a07e5d4b18")});
        QCOMPARE(strings(labelled.value(QStringLiteral("down_revisions"))), QStringList{QStringLiteral("e9c4a1f07d62")});
        QCOMPARE(strings(labelled.value(QStringLiteral("branch_labels"))), QStringList{QStringLiteral("reporting")});
        const QJsonObject base = revisions.last().toObject();
        QCOMPARE(base.value(QStringLiteral("id")).toString(), QStringLiteral("3f1c9a7e2b40"));
        QCOMPARE(base.value(QStringLiteral("is_base")).toBool(), true);
        QCOMPARE(strings(base.value(QStringLiteral("down_revisions"))), QStringList{});

        const Run range = stratum(m_bookshop, {QStringLiteral("history"), QStringLiteral("-r"),
                                               QStringLiteral("a84e2d51c0f9:5b27e0c8d1a3"), QStringLiteral("--json")});
        QCOMPARE(range.code, 0);
        QStringList rangeIds;
        for (const QJsonValue &value : json(range, QStringLiteral("history")).value(QStringLiteral("revisions")).toArray())
            rangeIds << value.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(rangeIds, (QStringList{QStringLiteral("5b27e0c8d1a3"), QStringLiteral("a84e2d51c0f9")}));
    }

    void branchesJson()
    {
        const Run run = stratum(m_bookshop, {QStringLiteral("branches"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonArray points = json(run, QStringLiteral("branches")).value(QStringLiteral("branch_points")).toArray();
        QCOMPARE(points.size(), 2);
        const auto check = [](const QJsonObject &point, const QString &id, const QStringList &branches) {
            QVERIFY(hasRevisionShape(point.value(QStringLiteral("revision"))));
            const QJsonObject revision = point.value(QStringLiteral("revision")).toObject();
            QCOMPARE(revision.value(QStringLiteral("id")).toString(), id);
            QCOMPARE(revision.value(QStringLiteral("is_branch_point")).toBool(), true);
            QCOMPARE(strings(revision.value(QStringLiteral("next_revisions"))), branches);
            QStringList ids;
            for (const QJsonValue &branch : point.value(QStringLiteral("branches")).toArray()) {
                QVERIFY(hasRevisionShape(branch));
                ids << branch.toObject().value(QStringLiteral("id")).toString();
            }
            QCOMPARE(ids, branches);
        };
        check(points.at(0).toObject(), QStringLiteral("e9c4a1f07d62"), {reporting, QStringLiteral("7e5b8c2f1a96")});
        check(points.at(1).toObject(), QStringLiteral("a84e2d51c0f9"),
              {QStringLiteral("1d6f3b9a8e05"), QStringLiteral("5b27e0c8d1a3")});
    }

    void showJson()
    {
        const Run run = stratum(m_bookshop, {QStringLiteral("show"), QStringLiteral("0b93"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonArray revisions = json(run, QStringLiteral("show")).value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 1);
        QVERIFY(hasRevisionShape(revisions.at(0)));
        const QJsonObject revision = revisions.at(0).toObject();
        QCOMPARE(revision.value(QStringLiteral("id")).toString(), reporting);
        QCOMPARE(revision.value(QStringLiteral("message")).toString(), QStringLiteral("Add sales reporting views"));
        QCOMPARE(revision.value(QStringLiteral("create_date")).toString(), QStringLiteral("2025-04-02 13:15:42.480093"));
        QCOMPARE(strings(revision.value(QStringLiteral("depends_on"))), QStringList{QStringLiteral("c2a07e5d4b18")});
        QCOMPARE(revision.value(QStringLiteral("is_head")).toBool(), false);

        // The merge of the bookshop's two heads of the first branch point: show takes several.
        const Run two = stratum(m_bookshop, {QStringLiteral("show"), QStringLiteral("1d6f,5b27"), QStringLiteral("--json")});
        QCOMPARE(two.code, 0);
        QCOMPARE(json(two, QStringLiteral("show")).value(QStringLiteral("revisions")).toArray().size(), 2);
    }

    // history -i and current read the database: at a merge point, then at the head.
    void databaseStateJsonOnSqlite()
    {
        const QString root = m_dir.filePath(QStringLiteral("bookshop-state"));
        QVERIFY(StratumTest::copyBookshop(root));
        const QString merge = QStringLiteral("7e5b8c2f1a96");
        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), merge}).code, 0);
        const Run history = stratum(root, {QStringLiteral("history"), QStringLiteral("-i"), QStringLiteral("--json")});
        QCOMPARE(history.code, 0);
        QCOMPARE(strings(json(history, QStringLiteral("history")).value(QStringLiteral("current"))), QStringList{merge});
        QCOMPARE(stratum(root, {QStringLiteral("current")}).out, merge + QStringLiteral(" (mergepoint)\n"));

        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("reporting@head")}).code, 0);
        const Run current = stratum(root, {QStringLiteral("current"), QStringLiteral("--json")});
        QCOMPARE(current.code, 0);
        const QJsonObject doc = json(current, QStringLiteral("current"));
        QCOMPARE(strings(doc.value(QStringLiteral("version_table"))), QStringList{mergeHead});
        QCOMPARE(doc.value(QStringLiteral("current")).toArray().size(), 1);
        QVERIFY(hasRevisionShape(doc.value(QStringLiteral("current")).toArray().at(0)));
        QCOMPARE(doc.value(QStringLiteral("current")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(), mergeHead);
        QCOMPARE(doc.value(QStringLiteral("interrupted")).toArray().size(), 0);
        QVERIFY(doc.value(QStringLiteral("url")).toString().endsWith(QLatin1String("/bookshop.db")));
    }

    void currentJson_data() { StratumTest::addEngineRows(); }
    void currentJson()
    {
        QFETCH(QString, engine);
        QString serverUrl;
        STRATUM_REQUIRE_ENGINE(engine, serverUrl);
        Scratch scratch;
        const QString root = upgradedProject(scratch, engine, serverUrl, t1());
        QVERIFY(!root.isEmpty());
        Run run = stratum(root, {QStringLiteral("current"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        QJsonObject doc = json(run, QStringLiteral("current"));
        QCOMPARE(strings(doc.value(QStringLiteral("version_table"))), QStringList{QStringLiteral("a1")});
        const QJsonObject current = doc.value(QStringLiteral("current")).toArray().at(0).toObject();
        QVERIFY(hasRevisionShape(current));
        QCOMPARE(current.value(QStringLiteral("id")).toString(), QStringLiteral("a1"));
        QCOMPARE(current.value(QStringLiteral("is_base")).toBool(), true);
        const QString url = doc.value(QStringLiteral("url")).toString();
        QVERIFY2(url.startsWith(scratch.url().dialect), qPrintable(url));
        if (!scratch.url().password.isEmpty())
            QVERIFY2(!url.contains(scratch.url().password) && url.contains(QLatin1String("***")), qPrintable(url));

        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("downgrade"), QStringLiteral("base")}).code, 0);
        run = stratum(root, {QStringLiteral("current"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        doc = json(run, QStringLiteral("current"));
        QCOMPARE(doc.value(QStringLiteral("version_table")).toArray().size(), 0);
        QCOMPARE(doc.value(QStringLiteral("current")).toArray().size(), 0);
    }

    // check: operations as JSON and as annotations at the schema file's line; exit 1, then 0.
    void checkFormats_data() { StratumTest::addEngineRows(); }
    void checkFormats()
    {
        QFETCH(QString, engine);
        QString serverUrl;
        STRATUM_REQUIRE_ENGINE(engine, serverUrl);
        Scratch scratch;
        const QString root = upgradedProject(scratch, engine, serverUrl, t1() + t2());
        QVERIFY(!root.isEmpty());

        Run run = stratum(root, {QStringLiteral("check"), QStringLiteral("--json")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("New upgrade operations detected: 1 operation.")), qPrintable(run.err));
        QJsonObject doc = json(run, QStringLiteral("check"));
        QCOMPARE(doc.value(QStringLiteral("differs")).toBool(), true);
        QCOMPARE(doc.value(QStringLiteral("dialect")).toString(), engine);
        const QJsonArray operations = doc.value(QStringLiteral("operations")).toArray();
        QCOMPARE(operations.size(), 1);
        const QJsonObject op = operations.at(0).toObject();
        QCOMPARE(op.value(QStringLiteral("kind")).toString(), QStringLiteral("create_table"));
        QCOMPARE(op.value(QStringLiteral("table")).toString(), QStringLiteral("t2"));
        QVERIFY(op.value(QStringLiteral("description")).toString().startsWith(QLatin1String("create_table ")));
        const QStringList upgradeSql = strings(doc.value(QStringLiteral("upgrade_sql")));
        QVERIFY(!upgradeSql.isEmpty());
        QVERIFY2(upgradeSql.at(0).contains(QLatin1String("CREATE TABLE"), Qt::CaseInsensitive), qPrintable(upgradeSql.at(0)));
        QVERIFY(strings(doc.value(QStringLiteral("downgrade_sql"))).join(QLatin1Char(' ')).contains(QLatin1String("DROP TABLE")));
        QVERIFY(!doc.contains(QStringLiteral("from")));

        run = stratum(root, {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("github")});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, QStringLiteral("::error file=schema/app.sql,line=2,title=stratum check::The database differs "
                                         "from the desired schema: %1\n")
                              .arg(op.value(QStringLiteral("description")).toString()));

        writeFile(root + QStringLiteral("/migrations/versions/02_b2.sql"),
                  revisionText(QStringLiteral("b2"), QStringLiteral("a1"), t2(), QStringLiteral("DROP TABLE t2;")));
        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
        run = stratum(root, {QStringLiteral("check"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        doc = json(run, QStringLiteral("check"));
        QCOMPARE(doc.value(QStringLiteral("differs")).toBool(), false);
        QCOMPARE(doc.value(QStringLiteral("operations")).toArray().size(), 0);
        run = stratum(root, {QStringLiteral("-q"), QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("github")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err, QString());
    }

    // verify: every check as JSON; a downgrade that leaves a table fails one, as JSON and as an
    // annotation.
    void verifyFormats_data() { StratumTest::addEngineRows(); }
    void verifyFormats()
    {
        QFETCH(QString, engine);
        QString serverUrl;
        STRATUM_REQUIRE_ENGINE(engine, serverUrl);
        Scratch scratch;
        const QString root = upgradedProject(scratch, engine, serverUrl, t1());
        QVERIFY(!root.isEmpty());

        Run run = stratum(root, {QStringLiteral("verify"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QJsonObject doc = json(run, QStringLiteral("verify"));
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(doc.value(QStringLiteral("failed")).toInt(), 0);
        QStringList names;
        for (const QJsonValue &value : doc.value(QStringLiteral("checks")).toArray()) {
            const QJsonObject check = value.toObject();
            names << check.value(QStringLiteral("name")).toString();
            QCOMPARE(check.value(QStringLiteral("outcome")).toString(), QStringLiteral("pass"));
            QVERIFY(!check.value(QStringLiteral("detail")).toString().isEmpty());
            QVERIFY(check.value(QStringLiteral("file")).isNull());
        }
        QCOMPARE(names, (QStringList{QStringLiteral("single head"), QStringLiteral("upgrade base -> heads"),
                                     QStringLiteral("up/down consistency"), QStringLiteral("upgraded schema = schema files"),
                                     QStringLiteral("applied revisions unchanged")}));

        writeFile(root + QStringLiteral("/migrations/versions/02_b2.sql"),
                  revisionText(QStringLiteral("b2"), QStringLiteral("a1"), t2(), QStringLiteral("SELECT 1;")));
        writeFile(root + QStringLiteral("/schema/app.sql"), t1() + t2());
        run = stratum(root, {QStringLiteral("verify"), QStringLiteral("--json")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("verify: 1 of 5 checks failed.")), qPrintable(run.err));
        doc = json(run, QStringLiteral("verify"));
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(doc.value(QStringLiteral("failed")).toInt(), 1);
        const QJsonObject upDown = doc.value(QStringLiteral("checks")).toArray().at(2).toObject();
        QCOMPARE(upDown.value(QStringLiteral("outcome")).toString(), QStringLiteral("fail"));
        QVERIFY2(upDown.value(QStringLiteral("detail")).toString().contains(QLatin1String("b2 (02_b2.sql) does not undo")),
                 qPrintable(upDown.value(QStringLiteral("detail")).toString()));

        // The failure as an error; the checks it kept from running as notices.
        run = stratum(root, {QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("github")});
        QCOMPARE(run.code, 1);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("::error title=stratum verify%3A up/down consistency::FAIL: %1")
                                    .arg(upDown.value(QStringLiteral("detail")).toString())),
                 qPrintable(run.out));
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QLatin1String("::error title=stratum verify%3A up/down"))
                         || line.startsWith(QLatin1String("::notice title=stratum verify%3A ")),
                     qPrintable(line));
        int skipped = 0;
        for (const QJsonValue &value : doc.value(QStringLiteral("checks")).toArray())
            skipped += value.toObject().value(QStringLiteral("outcome")).toString() == QLatin1String("skip");
        QCOMPARE(lines.size(), 1 + skipped);
    }

    // lint: a pending drop as JSON and as an annotation at its line, relative to the working
    // directory or to GITHUB_WORKSPACE.
    void lintFormats()
    {
        const QString root = smallProject(QStringLiteral("sqlite:///%(here)s/app.db"), t1());
        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
        writeFile(root + QStringLiteral("/migrations/versions/02_b2.sql"),
                  revisionText(QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("SELECT 1;\nDROP TABLE t1;"),
                               t1()));
        Run run = stratum(root, {QStringLiteral("lint"), QStringLiteral("--json")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("lint: 1 finding(s) in 1 revision(s).")), qPrintable(run.err));
        const QJsonArray findings = json(run, QStringLiteral("lint")).value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject finding = findings.at(0).toObject();
        QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("SL101"));
        QCOMPARE(finding.value(QStringLiteral("title")).toString(), QStringLiteral("drop table"));
        QCOMPARE(finding.value(QStringLiteral("revision")).toString(), QStringLiteral("b2"));
        QCOMPARE(finding.value(QStringLiteral("line")).toInt(), 9);
        QCOMPARE(QFileInfo(finding.value(QStringLiteral("file")).toString()).fileName(), QStringLiteral("02_b2.sql"));
        QCOMPARE(finding.value(QStringLiteral("message")).toString(), QStringLiteral("drops table t1 and its rows"));
        QVERIFY(!finding.value(QStringLiteral("suggestion")).toString().isEmpty());

        const QString annotation = QStringLiteral("::error file=migrations/versions/02_b2.sql,line=9,title=SL101::drop table: "
                                                  "drops table t1 and its rows. %1.\n")
                                       .arg(finding.value(QStringLiteral("suggestion")).toString());
        run = stratum(root, {QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("github")});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, annotation);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GITHUB_WORKSPACE"), m_dir.path());
        run = stratum(root, {QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("github")}, env);
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, QString(annotation).replace(QLatin1String("file="),
                                                      QStringLiteral("file=%1/").arg(QFileInfo(root).fileName())));

        // The revision named, which the database has applied: nothing risky.
        run = stratum(root, {QStringLiteral("lint"), QStringLiteral("a1"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        QCOMPARE(json(run, QStringLiteral("lint")).value(QStringLiteral("findings")).toArray().size(), 0);
    }

    void diffJson()
    {
        const QString root = smallProject(QStringLiteral("sqlite:///%(here)s/app.db"), t1() + t2());
        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
        Run run = stratum(root, {QStringLiteral("diff"), QStringLiteral("database"), QStringLiteral("schema"), QStringLiteral("--json")});
        QCOMPARE(run.code, 1);
        QJsonObject doc = json(run, QStringLiteral("diff"));
        QCOMPARE(doc.value(QStringLiteral("from")).toString(), QStringLiteral("database"));
        QCOMPARE(doc.value(QStringLiteral("to")).toString(), QStringLiteral("schema"));
        QCOMPARE(doc.value(QStringLiteral("differs")).toBool(), true);
        QCOMPARE(doc.value(QStringLiteral("dialect")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(doc.value(QStringLiteral("operations")).toArray().at(0).toObject().value(QStringLiteral("table")).toString(),
                 QStringLiteral("t2"));
        run = stratum(root, {QStringLiteral("diff"), QStringLiteral("a1"), QStringLiteral("database"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        doc = json(run, QStringLiteral("diff"));
        QCOMPARE(doc.value(QStringLiteral("differs")).toBool(), false);
        QCOMPARE(doc.value(QStringLiteral("upgrade_sql")).toArray().size(), 0);
    }

    // -q: no INFO lines and no progress; data asked for (--sql, reports) still printed.
    void quiet()
    {
        const QString root = smallProject(QStringLiteral("sqlite:///%(here)s/app.db"), t1());
        Run run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.err.contains(QLatin1String("INFO  Running upgrade  -> a1")));
        QCOMPARE(stratum(root, {QStringLiteral("downgrade"), QStringLiteral("base")}).code, 0);

        run = stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err, QString());
        run = stratum(root, {QStringLiteral("--quiet"), QStringLiteral("current")});
        QCOMPARE(run.out, QStringLiteral("a1 (head)\n"));
        QCOMPARE(run.err, QString());

        run = stratum(root, {QStringLiteral("-q"), QStringLiteral("downgrade"), QStringLiteral("--sql"), QStringLiteral("a1:base")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QLatin1String("DROP TABLE t1;")), qPrintable(run.out));
        QCOMPARE(run.err, QString());

        run = stratum(root, {QStringLiteral("-q"), QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("next"),
                             QStringLiteral("--rev-id"), QStringLiteral("b2")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err, QString());
        QCOMPARE(QDir(root + QStringLiteral("/migrations/versions")).entryList({QStringLiteral("b2*.sql")}).size(), 1);

        run = stratum(root, {QStringLiteral("-q"), QStringLiteral("verify")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.startsWith(QLatin1String("PASS  single head: b2\n")));
        QCOMPARE(run.err, QString());

        // Errors are never quiet.
        run = stratum(root, {QStringLiteral("-q"), QStringLiteral("show"), QStringLiteral("zz")});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.startsWith(QLatin1String("stratum: ")));
    }

    // 0 ok, 1 found, 2 usage or input, 3 database; under --json errors stay text on stderr.
    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("stderrStart");
        QTest::addColumn<bool>("jsonOnStdout");
        QTest::newRow("0 heads") << QStringList{QStringLiteral("heads"), QStringLiteral("--json")} << 0 << QString() << true;
        QTest::newRow("1 check") << QStringList{QStringLiteral("check"), QStringLiteral("--json")} << 1
                                 << QStringLiteral("stratum: New upgrade operations detected") << true;
        QTest::newRow("1 lint") << QStringList{QStringLiteral("lint")} << 1 << QString() << false;
        QTest::newRow("2 unknown option") << QStringList{QStringLiteral("heads"), QStringLiteral("--jsn")} << 2
                                          << QStringLiteral("usage: stratum heads") << false;
        QTest::newRow("2 json and format") << QStringList{QStringLiteral("lint"), QStringLiteral("--json"), QStringLiteral("--format"), QStringLiteral("github")}
                                           << 2 << QStringLiteral("usage: stratum lint") << false;
        QTest::newRow("2 format choice") << QStringList{QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("xml")}
                                         << 2 << QStringLiteral("usage: stratum verify") << false;
        QTest::newRow("2 unknown revision") << QStringList{QStringLiteral("show"), QStringLiteral("zz"), QStringLiteral("--json")}
                                            << 2 << QStringLiteral("stratum: ") << false;
        QTest::newRow("2 bad revision file") << QStringList{QStringLiteral("-c"), QStringLiteral("broken.ini"), QStringLiteral("heads"), QStringLiteral("--json")}
                                             << 2 << QString() << false;
        QTest::newRow("3 unreachable server") << QStringList{QStringLiteral("--url"), QStringLiteral("postgresql://app:secret@127.0.0.1:1/db"),
                                                             QStringLiteral("current"), QStringLiteral("--json")}
                                              << 3 << QStringLiteral("stratum: Could not connect to postgresql://app:***@") << false;
        QTest::newRow("3 unopenable file") << QStringList{QStringLiteral("--url"), QStringLiteral("sqlite:////nonexistent/dir/x.db"),
                                                          QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("github")}
                                           << 3 << QStringLiteral("stratum: Could not connect") << false;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, stderrStart);
        QFETCH(bool, jsonOnStdout);
        const QString root = smallProject(QStringLiteral("sqlite:///%(here)s/app.db"), t1() + t2());
        QCOMPARE(stratum(root, {QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("head")}).code, 0);
        writeFile(root + QStringLiteral("/migrations/versions/02_b2.sql"),
                  revisionText(QStringLiteral("b2"), QStringLiteral("a1"), QStringLiteral("DROP TABLE t1;"), t1()));
        writeFile(root + QStringLiteral("/broken.ini"), QStringLiteral("[stratum]\nscript_location = broken\n"));
        writeFile(root + QStringLiteral("/broken/versions/01_x.sql"), QStringLiteral("-- x\n-- Revises: nothing\n"));
        const Run run = stratum(root, args);
        QVERIFY2(run.code == code, qPrintable(QStringLiteral("%1\n%2").arg(run.code).arg(run.err)));
        QVERIFY2(run.err.startsWith(stderrStart), qPrintable(run.err));
        if (code >= 2)
            QVERIFY2(!run.err.isEmpty(), "an error says why");
        if (jsonOnStdout)
            QVERIFY(!json(run, args.constFirst()).isEmpty());
        else if (code >= 2)
            QCOMPARE(run.out, QString());
        QVERIFY(!run.err.contains(QLatin1String("secret")));
    }

    void helpShowsExitCodesAndOptions()
    {
        Run run = stratum(m_bookshop, {QStringLiteral("--help")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QLatin1String("usage: stratum [-h] [--version] [-q] ")));
        QVERIFY(run.out.contains(QLatin1String("  -q, --quiet ")));
        const QString epilog = run.out.section(QLatin1String("\nexit codes:\n"), 1);
        QStringList codes;
        for (const QString &line : epilog.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            codes << line.trimmed().left(1);
        QCOMPARE(codes, (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));

        run = stratum(m_bookshop, {QStringLiteral("lint"), QStringLiteral("--help")});
        QCOMPARE(run.out.section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("usage: stratum lint [-h] [--json] [--format {text,github}] [revision]"));
        for (const char *command : {"heads", "current", "history", "show", "branches", "check", "diff", "lint", "verify"}) {
            run = stratum(m_bookshop, {QString::fromLatin1(command), QStringLiteral("--help")});
            QVERIFY2(run.out.section(QLatin1Char('\n'), 0, 0).contains(QLatin1String("[--json]")), command);
        }
    }
};

QTEST_GUILESS_MAIN(tst_CliFormats)
#include "tst_cliformats.moc"
