// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `stratum revision --autogenerate`, `check`, `diff` and `verify` end to end on SQLite,
// PostgreSQL and MariaDB, and their bad input: one clear message, exit 2 or 3, nothing left on
// the server.

#include "../../support/revisionfiles.h"
#include "../../support/testservers.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run stratum(const QString &root, const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(root);
    process.start(QStringLiteral(STRATUM_CLI), args);
    process.waitForFinished(180000);
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

using StratumTest::writeFile;

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString schemaV1(const QString &engine)
{
    const QString now = engine == QLatin1String("postgresql") ? QStringLiteral("now()") : QStringLiteral("CURRENT_TIMESTAMP");
    const QString ts = engine == QLatin1String("mysql") ? QStringLiteral("DATETIME") : QStringLiteral("TIMESTAMP");
    return QStringLiteral("CREATE TABLE authors (\n    id INTEGER PRIMARY KEY,\n    name VARCHAR(100) NOT NULL,\n"
                          "    created %1 NOT NULL DEFAULT %2\n);\n"
                          "CREATE INDEX ix_authors_name ON authors (name);\n"
                          "CREATE TABLE books (\n    id INTEGER PRIMARY KEY,\n    author_id INTEGER NOT NULL,\n"
                          "    title VARCHAR(200) NOT NULL DEFAULT 'untitled',\n"
                          "    CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)\n);\n")
        .arg(ts, now);
}

QString schemaV2(const QString &engine)
{
    return schemaV1(engine).replace(QLatin1String("name VARCHAR(100) NOT NULL,"),
                                    QLatin1String("name VARCHAR(150) NOT NULL,\n    country CHAR(2),"))
           + QStringLiteral("CREATE UNIQUE INDEX ux_books_title ON books (author_id, title);\n");
}

QStringList revisionFiles(const QString &root)
{
    return QDir(root + QStringLiteral("/migrations/versions")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

} // namespace

class tst_AutogenCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each run starts with an empty schema cache: what the tests say about hits holds.
    void initTestCase() { qputenv("STRATUM_CACHE_DIR", m_cache.path().toUtf8()); }
    void workflow_data() { StratumTest::addEngineRows(); }
    void workflow();
    void badDesiredSchema_data() { StratumTest::addEngineRows(); }
    void badDesiredSchema();
    void unreachable_data();
    void unreachable();
    void includeSchemas();
    void verify_data() { StratumTest::addEngineRows(); }
    void verify();
    void lint_data() { StratumTest::addEngineRows(); }
    void lint();
    void lintRebuilds_data() { StratumTest::addEngineRows(); }
    void lintRebuilds();
    void renames_data() { StratumTest::addEngineRows(); }
    void renames();
    void sqliteRebuildKeepsRows();
    void roundTrip_data();
    void roundTrip();

private:
    QTemporaryDir m_cache;

    QString project(StratumTest::Scratch &scratch, const QString &url, const QString &schema)
    {
        const QString root = scratch.directory() + QStringLiteral("/project");
        QDir().mkpath(root + QStringLiteral("/migrations/versions"));
        writeFile(root + QStringLiteral("/stratum.ini"),
                  QStringLiteral("[stratum]\nscript_location = migrations\nurl = %1\nschema = schema/*.sql\n").arg(url));
        writeFile(root + QStringLiteral("/schema/app.sql"), schema);
        return root;
    }
};

void tst_AutogenCli::workflow()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_autogen")));
    const QString root = project(scratch, scratch.urlString(), schemaV1(engine));

    Run run = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("first")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.startsWith(QStringLiteral("Generating ")));
    QVERIFY(run.err.contains(QStringLiteral("Detected create_table authors")));
    QCOMPARE(revisionFiles(root).size(), 1);
    const QString first = revisionFiles(root).first().section(QLatin1Char('_'), 0, 0);

    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY(run.err.contains(QStringLiteral("No new upgrade operations detected.")));
    // `revision --autogenerate` normalised this schema already: `check` says it takes that.
    const QString cached = QStringLiteral("using the cached result");
    QVERIFY2(run.err.contains(cached), qPrintable(run.err));

    // Nothing changed: no file, unless --allow-empty.
    run = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("nothing")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("No changes in schema detected")));
    QCOMPARE(revisionFiles(root).size(), 1);
    run = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("--allow-empty"),
                         QStringLiteral("-m"), QStringLiteral("empty")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(revisionFiles(root).size(), 2);
    for (const QString &name : revisionFiles(root))
        if (name.contains(QLatin1String("empty")))
            QFile::remove(root + QStringLiteral("/migrations/versions/") + name);

    writeFile(root + QStringLiteral("/schema/app.sql"), schemaV2(engine));
    run = stratum(root, {QStringLiteral("check")});
    QCOMPARE(run.code, 1);
    QVERIFY2(!run.err.contains(cached), qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("add_column authors.country")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("create_index unique ux_books_title")));
    // MySQL also drops the index it made for the foreign key: the unique index takes over.
    QVERIFY(run.err.contains(QStringLiteral("New upgrade operations detected: %1 operations.")
                                 .arg(engine == QLatin1String("mysql") ? 4 : 3)));

    run = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("second")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));

    // diff between the two revisions (replayed on a dev database), and database vs schema.
    QString second;
    for (const QString &name : revisionFiles(root))
        if (name.contains(QLatin1String("second")))
            second = name.section(QLatin1Char('_'), 0, 0);
    run = stratum(root, {QStringLiteral("diff"), first, second});
    QVERIFY2(run.code == 1, qPrintable(run.err));   // the sides differ, as `check` says it
    QVERIFY2(run.err.contains(QStringLiteral("stratum: %1 and %2 differ: %3 operations.")
                                  .arg(first, second).arg(engine == QLatin1String("mysql") ? 4 : 3)), qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("-- %3 operations from %1 to %2:")
                                  .arg(first, second).arg(engine == QLatin1String("mysql") ? 4 : 3)), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("country")));
    run = stratum(root, {QStringLiteral("diff"), QStringLiteral("database"), QStringLiteral("schema")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("No differences")));

    // downgrade -1 restores the first schema: check against v1 is clean again.
    run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("-1")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    writeFile(root + QStringLiteral("/schema/app.sql"), schemaV1(engine));
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.err.contains(cached), qPrintable(run.err));
    // schema_cache = false normalises every time.
    QFile ini(root + QStringLiteral("/stratum.ini"));
    QVERIFY(ini.open(QIODevice::Append));
    ini.write("schema_cache = false\n");
    ini.close();
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY2(!run.err.contains(cached), qPrintable(run.err));
    QVERIFY(scratch.leftovers().isEmpty());
    // Passwords never appear.
    if (!scratch.url().password.isEmpty())
        QVERIFY(!run.err.contains(scratch.url().password));
}

void tst_AutogenCli::badDesiredSchema()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_bad")));
    const QString root = project(scratch, scratch.urlString(),
                                 QStringLiteral("CREATE TABLE a (id INTEGER);\n\nCREATE TABLE b (id INTEGER,, x);\n"));
    const Run run = stratum(root, {QStringLiteral("check")});
    QCOMPARE(run.code, 2);
    const QString path = QDir(root).filePath(QStringLiteral("schema/app.sql"));
    QVERIFY2(run.err.startsWith(path + QStringLiteral(":3:")), qPrintable(run.err));
    QCOMPARE(run.out, QString());
    QVERIFY(scratch.leftovers().isEmpty());
    const Run gen = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("x")});
    QCOMPARE(gen.code, 2);
    QVERIFY(revisionFiles(root).isEmpty());
}

void tst_AutogenCli::unreachable_data()
{
    StratumTest::addUnreachableRows();
}

void tst_AutogenCli::unreachable()
{
    QFETCH(QString, engine);
    QFETCH(bool, wrongPassword);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    auto parsed = Stratum::DatabaseUrl::parse(url);
    STRATUM_VERIFY_OK(parsed);
    const Stratum::DatabaseUrl target =
        StratumTest::unreachableUrl(*parsed, wrongPassword, QStringLiteral("Wrong-Secret-42"));
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("unused")));
    const QString root = project(scratch, target.toString(), schemaV1(engine));
    for (const QString &command : {QStringLiteral("check"), QStringLiteral("revision")}) {
        QStringList args{command};
        if (command == QLatin1String("revision"))
            args << QStringLiteral("--autogenerate") << QStringLiteral("-m") << QStringLiteral("x");
        const Run run = stratum(root, args);
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.startsWith(QStringLiteral("stratum: Could not connect to ")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("Wrong-Secret-42")), qPrintable(run.err));
        QVERIFY(parsed->password.isEmpty() || !run.err.contains(parsed->password));
        QCOMPARE(run.err.count(QLatin1Char('\n')) <= 3, true);
    }
    QVERIFY(revisionFiles(root).isEmpty());
}

void tst_AutogenCli::includeSchemas()
{
    // PostgreSQL's include_schemas: the desired schema's `auth` is the target's own `auth`
    // once upgraded, so it is normalised in a database of its own, and autogenerate creates
    // and drops the schema itself.
    QString url;
    STRATUM_REQUIRE_ENGINE(QStringLiteral("postgresql"), url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("postgresql"), url, QStringLiteral("stratum_e2e_schemas")));
    const QString root = project(scratch, scratch.urlString(),
                                 QStringLiteral("CREATE SCHEMA auth;\n"
                                                "CREATE TABLE auth.users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE);\n"
                                                "CREATE TABLE orders (id INTEGER PRIMARY KEY,\n"
                                                "    user_id INTEGER NOT NULL REFERENCES auth.users (id));\n"));
    QFile ini(root + QStringLiteral("/stratum.ini"));
    QVERIFY(ini.open(QIODevice::Append));
    ini.write("include_schemas = auth\n");
    ini.close();
    const auto authExists = [&scratch] {
        auto count = scratch.connection().selectValue(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'auth'"));
        return count && count->toInt() == 1;
    };

    Run run = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("auth")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Detected create_schema auth")), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("Detected create_table auth.users")));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(authExists());
    // Normalised again now that the target has its own auth: no collision, nothing to do.
    QVERIFY(ini.open(QIODevice::Append));
    ini.write("schema_cache = false\n");
    ini.close();
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY(!run.err.contains(QStringLiteral("cached")));

    run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("base")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(!authExists());
    QVERIFY2(scratch.leftovers().isEmpty(), qPrintable(scratch.leftovers().join(QLatin1String(", "))));
}

void tst_AutogenCli::verify()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_verify")));
    const QString root = project(scratch, scratch.urlString(),
                                 QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
                                                "CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);\n"));
    const auto revision = [&root](const QString &id, const QString &revises, const QString &up, const QString &down) {
        const QString path = root + QStringLiteral("/migrations/versions/%1_r.sql").arg(id);
        writeFile(path, StratumTest::revisionText(id, revises, up, down));
        return path;
    };
    revision(QStringLiteral("aaaa00000001"), {},
                                   QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);"),
                                   QStringLiteral("DROP TABLE authors;"));
    const QString second = revision(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"),
                                    QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);"),
                                    QStringLiteral("DROP TABLE books;"));
    const auto lines = [](const Run &run) { return run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); };

    // Never migrated: everything but the checksums, which have nothing to compare.
    Run run = stratum(root, {QStringLiteral("verify")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QStringList out = lines(run);
    QCOMPARE(out.size(), 5);
    QCOMPARE(out.at(0), QStringLiteral("PASS  single head: bbbb00000002"));
    QVERIFY2(out.at(1).startsWith(QLatin1String("PASS  upgrade base -> heads: 2 revision(s) on ")), qPrintable(out.at(1)));
    QVERIFY(out.at(2).startsWith(QLatin1String("PASS  up/down consistency")));
    QCOMPARE(out.at(3), QStringLiteral("PASS  upgraded schema = schema files: autogenerate finds nothing"));
    QVERIFY2(out.at(4).startsWith(QLatin1String("SKIP  applied revisions unchanged")), qPrintable(out.at(4)));

    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("verify")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QCOMPARE(lines(run).at(4), QStringLiteral("PASS  applied revisions unchanged: 2 revision(s) match their checksums"));

    // An applied revision edited afterwards, a downgrade that forgets its table, and a second
    // head: three failures, exit 1.
    QString text = readAll(second);
    writeFile(second, text.replace(QLatin1String("title VARCHAR(200) NOT NULL"), QLatin1String("title VARCHAR(250) NOT NULL"))
                          .replace(QLatin1String("DROP TABLE books;"), QString()));
    revision(QStringLiteral("cccc00000003"), QStringLiteral("aaaa00000001"), QStringLiteral("SELECT 1;"), QString());
    run = stratum(root, {QStringLiteral("verify")});
    QCOMPARE(run.code, 1);
    out = lines(run);
    QVERIFY2(out.at(0).startsWith(QLatin1String("FAIL  single head: 2 heads")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("FAIL  up/down consistency: bbbb00000002 (bbbb00000002_r.sql) does not undo create_table books")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("FAIL  applied revisions unchanged: bbbb00000002_r.sql's upgrade section changed")),
             qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("stratum: verify: 3 of 5 checks failed.")), qPrintable(run.err));
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_AutogenCli::lint()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_lint")));
    const QString root = project(scratch, scratch.urlString(), QString());
    QFile::remove(root + QStringLiteral("/schema/app.sql"));
    const auto revision = [&root](const QString &id, const QString &revises, const QString &up) {
        const QString path = root + QStringLiteral("/migrations/versions/%1_r.sql").arg(id);
        writeFile(path, StratumTest::revisionText(id, revises, up));
        return path;
    };
    revision(QStringLiteral("aaaa00000001"), {},
             QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(100), note TEXT, amount TEXT);"));
    // Line 8 on: one risky statement a line (SQLite cannot change a column's type or
    // nullability in place, so it gets the rest).
    QStringList risky{QStringLiteral("ALTER TABLE t DROP COLUMN note;"),                   // 8: SL102
                      QStringLiteral("CREATE UNIQUE INDEX ux_t_name ON t (name);")};       // 9: SL402 (+ SL401)
    QStringList expected{QStringLiteral(":8: SL102 drop column: drops column t.note"),
                         QStringLiteral(":9: SL402 unique on existing rows")};
    if (engine == QLatin1String("postgresql")) {
        risky << QStringLiteral("ALTER TABLE t ALTER COLUMN name TYPE VARCHAR(50);")       // 10: SL301
              << QStringLiteral("ALTER TABLE t ADD COLUMN code VARCHAR(10) NOT NULL;")     // 11: SL201
              << QStringLiteral("CREATE INDEX CONCURRENTLY ix_t_code ON t (code);")        // 12: nothing
              << QStringLiteral("ALTER TABLE t ALTER COLUMN amount TYPE NUMERIC(10,2) USING amount::numeric;"); // 13: SL302
        expected << QStringLiteral(":9: SL401 index without CONCURRENTLY")
                 << QStringLiteral(":13: SL302 type conversion: converts every value of t.amount from text to numeric(10,2)")
                 << QStringLiteral(":10: SL301 type narrowing: narrows t.name from character varying(100) to character varying(50)")
                 << QStringLiteral(":11: SL201 not null without default");
    } else if (engine == QLatin1String("mysql")) {
        risky << QStringLiteral("ALTER TABLE t MODIFY COLUMN name VARCHAR(50) NOT NULL;")  // 10: SL301 + SL202
              << QStringLiteral("ALTER TABLE t MODIFY COLUMN amount DECIMAL(10,2);");      // 11: SL302
        expected << QStringLiteral(":11: SL302 type conversion: converts every value of t.amount from text to decimal(10,2)");
        expected << QStringLiteral(":10: SL202 not null on existing rows: makes t.name NOT NULL")
                 << QStringLiteral(":10: SL301 type narrowing");
    }
    const QString second = revision(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"), risky.join(QLatin1Char('\n')));
    if (engine == QLatin1String("postgresql")) {   // CONCURRENTLY runs outside a transaction only
        QString text = readAll(second);
        writeFile(second, text.replace(QLatin1String("-- migrate:upgrade\n"), QLatin1String("-- migrate:upgrade transaction:false\n")));
    }
    revision(QStringLiteral("cccc00000003"), QStringLiteral("bbbb00000002"),
             QStringLiteral("-- lint:ignore SL101\nDROP TABLE t;"));

    // The database has applied nothing: every revision is pending.
    Run run = stratum(root, {QStringLiteral("lint")});
    QCOMPARE(run.code, 1);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expected.size());
    for (const QString &finding : expected)
        QVERIFY2(run.out.contains(second + finding), qPrintable(finding + QStringLiteral("\n---\n") + run.out));
    QVERIFY(!run.out.contains(QLatin1String("SL101")));   // silenced in its revision
    QVERIFY2(run.err.contains(QStringLiteral("lint: %1 finding(s) in 1 revision(s).").arg(expected.size())), qPrintable(run.err));

    // Applied revisions are not pending any more; one can still be named.
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("bbbb00000002")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("lint")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY(run.err.contains(QLatin1String("nothing risky")));
    run = stratum(root, {QStringLiteral("lint"), QStringLiteral("bbbb00000002")});
    QCOMPARE(run.code, 1);
    QVERIFY(scratch.leftovers().isEmpty());
}

// A table rebuilt by hand (Alembic's batch mode: new table, copy, drop, rename) is no dropped
// table; a column its copy leaves out is a dropped column, at the DROP TABLE that loses it.
void tst_AutogenCli::lintRebuilds()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_lint_rebuild")));
    const QString root = project(scratch, scratch.urlString(), QString());
    QFile::remove(root + QStringLiteral("/schema/app.sql"));
    const auto revision = [&root](const QString &id, const QString &revises, const QString &up) {
        const QString path = root + QStringLiteral("/migrations/versions/%1_r.sql").arg(id);
        writeFile(path, StratumTest::revisionText(id, revises, up));
        return path;
    };
    revision(QStringLiteral("aaaa00000001"), {},
             QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, price NUMERIC(10,2));"));
    revision(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"),
             QStringLiteral("CREATE TABLE _alembic_tmp_books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, "
                            "price NUMERIC(10,2), CHECK (title <> ''));\n"
                            "INSERT INTO _alembic_tmp_books (id, title, price) SELECT books.id, books.title, books.price FROM books;\n"
                            "DROP TABLE books;\n"
                            "ALTER TABLE _alembic_tmp_books RENAME TO books;"));
    const QString third = revision(QStringLiteral("cccc00000003"), QStringLiteral("bbbb00000002"),
                                   QStringLiteral("CREATE TABLE books_new (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);\n"
                                                  "INSERT INTO books_new (id, title) SELECT id, title FROM books;\n"
                                                  "DROP TABLE books;\n"
                                                  "ALTER TABLE books_new RENAME TO books;"));
    const Run run = stratum(root, {QStringLiteral("lint")});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             QStringList{third + QStringLiteral(":10: SL102 drop column: drops column books.price and its values. "
                                                "Stop reading and writing the column first; drop it in a later revision.")});
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_AutogenCli::renames()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_renames")));
    const QString before = QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
                                          "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200));\n");
    const QString after = QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, full_name VARCHAR(100) NOT NULL);\n"
                                         "CREATE TABLE memos (id INTEGER PRIMARY KEY, body VARCHAR(200));\n");
    const QString root = project(scratch, scratch.urlString(), before);
    const QString schemaFile = root + QStringLiteral("/schema/app.sql");
    const QStringList generate{QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("--detect-renames"),
                               QStringLiteral("-m"), QStringLiteral("step")};
    Run run = stratum(root, generate);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    STRATUM_VERIFY_OK(scratch.run({QStringLiteral("INSERT INTO authors (id, name) VALUES (1, 'Ursula')"),
                                   QStringLiteral("INSERT INTO notes (id, body) VALUES (1, 'kept')")}));

    writeFile(schemaFile, after);
    // Without the flag: drop and create, as Alembic would.
    run = stratum(root, {QStringLiteral("check")});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.out.contains(QLatin1String("drop_table notes")), qPrintable(run.out));
    run = stratum(root, {QStringLiteral("check"), QStringLiteral("--detect-renames")});
    QCOMPARE(run.code, 1);
    QStringList renames{QStringLiteral("rename_table notes -> memos"), QStringLiteral("rename_column authors.name -> full_name")};
    if (engine == QLatin1String("postgresql"))   // the key keeps its old name unless told
        renames.insert(1, QStringLiteral("execute ALTER TABLE memos RENAME CONSTRAINT notes_pkey TO memos_pkey"));
    QCOMPARE(run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), renames);
    run = stratum(root, generate);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    auto kept = scratch.connection().selectValue(QStringLiteral("SELECT a.full_name || '/' || m.body FROM authors a, memos m"));
    if (engine == QLatin1String("mysql"))
        kept = scratch.connection().selectValue(QStringLiteral("SELECT CONCAT(a.full_name, '/', m.body) FROM authors a, memos m"));
    STRATUM_VERIFY_OK(kept);
    QCOMPARE(kept->toString(), QStringLiteral("Ursula/kept"));

    // And back: the downgrade renames them again, rows and all.
    run = stratum(root, {QStringLiteral("downgrade"), QStringLiteral("-1")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    writeFile(schemaFile, before);
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    auto back = scratch.connection().selectValue(QStringLiteral("SELECT name FROM authors"));
    STRATUM_VERIFY_OK(back);
    QCOMPARE(back->toString(), QStringLiteral("Ursula"));
    QVERIFY(scratch.leftovers().isEmpty());
}

// A rebuilt parent keeps the rows of the tables that refer to it (ON DELETE CASCADE / SET
// NULL), also after a revision switched foreign key enforcement on for the connection.
void tst_AutogenCli::sqliteRebuildKeepsRows()
{
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(QStringLiteral("sqlite"), {}, QStringLiteral("rebuild")));
    const QString before = QStringLiteral(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);\n"
        "CREATE TABLE tag (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE SET NULL);\n");
    const QString root = project(scratch, scratch.urlString(), before);
    const QStringList generate{QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("step")};
    Run run = stratum(root, generate);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    STRATUM_VERIFY_OK(scratch.run({QStringLiteral("INSERT INTO parent VALUES (1, 'a'), (2, 'b')"),
                                   QStringLiteral("INSERT INTO child VALUES (1, 1), (2, 1), (3, 2)"),
                                   QStringLiteral("INSERT INTO tag VALUES (1, 1), (2, 2)")}));
    // A hand-written revision that turns enforcement on, outside a transaction where it takes.
    const QString head = revisionFiles(root).first().section(QLatin1Char('_'), 0, 0);
    writeFile(root + QStringLiteral("/migrations/versions/b0_pragma.sql"),
              QStringLiteral("-- pragma\n--\n-- Revision ID: b0\n-- Revises: %1\n\n-- migrate:upgrade transaction:false\n"
                             "PRAGMA foreign_keys = ON;\n\n-- migrate:downgrade\n").arg(head));
    writeFile(root + QStringLiteral("/schema/app.sql"),
              QString(before).replace(QLatin1String("name TEXT)"), QLatin1String("name TEXT NOT NULL DEFAULT '')")));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, generate);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Detected alter_column parent.name")), qPrintable(run.err));
    const auto counts = [&] {
        auto text = scratch.connection().selectValue(QStringLiteral(
            "SELECT (SELECT count(*) FROM parent) || '/' || (SELECT count(*) FROM child) || '/' || "
            "(SELECT count(*) FROM tag WHERE parent_id IS NOT NULL)"));
        return text ? text->toString() : text.error().toString();
    };
    // The rebuild up, and down again (a rebuild too).
    for (const QString &step : {QStringLiteral("upgrade head"), QStringLiteral("downgrade -1"), QStringLiteral("upgrade head")}) {
        run = stratum(root, step.split(QLatin1Char(' ')));
        QVERIFY2(run.code == 0, qPrintable(step + QLatin1Char('\n') + run.err));
        QCOMPARE(counts(), QStringLiteral("2/3/2"));
    }
    // The pragma revision and the rebuild in one run: enforcement is off again for the rebuild.
    STRATUM_VERIFY_OK(scratch.run({QStringLiteral("UPDATE alembic_version SET version_num = '%1'").arg(head)}));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("b0 -> ")), qPrintable(run.err));
    QCOMPARE(counts(), QStringLiteral("2/3/2"));
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
}

// What autogenerate writes compares equal once it ran: revision --autogenerate, upgrade, and
// check finds nothing, for each shape of CHECK (and the other objects whose expressions the
// engine rewrites); a changed constant is still found.
void tst_AutogenCli::roundTrip_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("changed");
    QTest::addColumn<QString>("found");   // what check names once the constant changed

    // A table with a column or table constraint added at {X}.
    const QString items = QStringLiteral(
        "CREATE TABLE items (\n    id INTEGER PRIMARY KEY,\n    price NUMERIC(10,2),\n    status VARCHAR(20),\n"
        "    qty INTEGER,\n    name VARCHAR(50),\n    flag BOOLEAN,\n    amount VARCHAR(20),\n    {X}\n);\n");
    struct Shape { const char *name; QString check; QString changed; };
    const QList<Shape> checks = {
        {"number comparison, column, unnamed", QStringLiteral("checked NUMERIC(10,2) CHECK (checked > 0)"),
         QStringLiteral("checked NUMERIC(10,2) CHECK (checked > 1)")},
        {"string IN list, column, unnamed", QStringLiteral("checked VARCHAR(20) CHECK (checked IN ('open', 'paid'))"),
         QStringLiteral("checked VARCHAR(20) CHECK (checked IN ('open', 'sent'))")},
        {"string NOT IN list, table, named", QStringLiteral("CONSTRAINT ck_status CHECK (status NOT IN ('lost', 'void'))"),
         QStringLiteral("CONSTRAINT ck_status CHECK (status NOT IN ('lost', 'gone'))")},
        {"single string IN, table, unnamed", QStringLiteral("CHECK (status IN ('open'))"),
         QStringLiteral("CHECK (status IN ('paid'))")},
        {"number IN list, table, unnamed", QStringLiteral("CHECK (qty IN (1, 2, 3))"),
         QStringLiteral("CHECK (qty IN (1, 2, 4))")},
        {"BETWEEN, column, named", QStringLiteral("checked INTEGER {NAMED:ck_checked}CHECK (checked BETWEEN 1 AND 10)"),
         QStringLiteral("checked INTEGER {NAMED:ck_checked}CHECK (checked BETWEEN 1 AND 20)")},
        {"BETWEEN decimals, table, unnamed", QStringLiteral("CHECK (price BETWEEN 0 AND 99.5)"),
         QStringLiteral("CHECK (price BETWEEN 0 AND 99.9)")},
        {"IS NOT NULL, table, named", QStringLiteral("CONSTRAINT ck_name CHECK (name IS NOT NULL)"),
         QStringLiteral("CONSTRAINT ck_name CHECK (status IS NOT NULL)")},
        {"LIKE, column, unnamed", QStringLiteral("checked VARCHAR(20) CHECK (checked LIKE 'A%')"),
         QStringLiteral("checked VARCHAR(20) CHECK (checked LIKE 'B%')")},
        {"AND and OR, table, named", QStringLiteral("CONSTRAINT ck_combo CHECK ((qty > 1 AND flag) OR status = 'open')"),
         QStringLiteral("CONSTRAINT ck_combo CHECK ((qty > 2 AND flag) OR status = 'open')")},
        {"length(), table, unnamed", QStringLiteral("CHECK (length(name) > 2)"), QStringLiteral("CHECK (length(name) > 3)")},
        {"function IN list, table, named", QStringLiteral("CONSTRAINT ck_upper CHECK (upper(status) IN ('OPEN', 'PAID'))"),
         QStringLiteral("CONSTRAINT ck_upper CHECK (upper(status) IN ('OPEN', 'SENT'))")},
        {"cast, table, named", QStringLiteral("CONSTRAINT ck_amount CHECK (CAST(amount AS {INT}) > 0)"),
         QStringLiteral("CONSTRAINT ck_amount CHECK (CAST(amount AS {INT}) > 1)")},
        {"string comparison, column, named", QStringLiteral("checked VARCHAR(10) {NAMED:ck_code}CHECK (checked <> '')"),
         QStringLiteral("checked VARCHAR(10) {NAMED:ck_code}CHECK (checked <> 'x')")},
    };
    for (const char *engine : {"sqlite", "postgresql", "mysql"}) {
        const bool mysql = QLatin1String(engine) == QLatin1String("mysql");
        // MariaDB names a column's CHECK after the column and takes no name for it.
        static const QRegularExpression named(QStringLiteral("\\{NAMED:(\\w+)\\}"));
        const auto table = [&](const QString &constraint) {
            return QString(items)
                .replace(QLatin1String("{X}"), constraint)
                .replace(QLatin1String("{INT}"), mysql ? QStringLiteral("SIGNED") : QStringLiteral("INTEGER"))
                .replace(named, mysql ? QString() : QStringLiteral("CONSTRAINT \\1 "));
        };
        for (const Shape &shape : checks)
            QTest::newRow(qPrintable(QStringLiteral("%1/check: %2").arg(QLatin1String(engine), QLatin1String(shape.name))))
                << QString::fromLatin1(engine) << table(shape.check) << table(shape.changed) << QStringLiteral("check");
    }

    // Other objects whose expressions the engine rewrites.
    struct Kind { const char *engine; const char *name; QString ddl; QString from; QString to; const char *found; };
    const QString base = QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, price NUMERIC(10,2), status VARCHAR(20), "
                                        "qty INTEGER, name VARCHAR(50));\n");
    const QList<Kind> kinds = {
        {"postgresql", "defaults",
         QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, created timestamptz NOT NULL DEFAULT now(), "
                        "updated timestamp DEFAULT CURRENT_TIMESTAMP, day date DEFAULT CURRENT_DATE, "
                        "label varchar(10) DEFAULT 'x', n numeric(10,2) DEFAULT 0, u uuid DEFAULT gen_random_uuid(), "
                        "due timestamp DEFAULT (now() + interval '1 day'));\n"),
         QStringLiteral("'x'"), QStringLiteral("'y'"), "label"},
        {"postgresql", "identity columns",
         QStringLiteral("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        "n integer GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5), s serial);\n"),
         QStringLiteral("START WITH 10"), QStringLiteral("START WITH 20"), "n"},
        {"postgresql", "enums",
         QStringLiteral("CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                        "CREATE TABLE t (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', CHECK (m IN ('sad', 'ok')));\n"),
         QStringLiteral("'sad', 'ok')"), QStringLiteral("'sad', 'ok', 'happy')"), "mood"},
        {"postgresql", "partial index", base + QStringLiteral("CREATE INDEX ix_open ON items (qty) WHERE status IN ('open', 'paid');\n"),
         QStringLiteral("'paid'"), QStringLiteral("'sent'"), "ix_open"},
        {"postgresql", "INCLUDE and expression indexes",
         base + QStringLiteral("CREATE INDEX ix_inc ON items (qty) INCLUDE (name, price);\n"
                               "CREATE INDEX ix_lower ON items (lower(name), (qty + 1));\n"),
         QStringLiteral("qty + 1"), QStringLiteral("qty + 2"), "ix_lower"},
        {"postgresql", "views",
         base + QStringLiteral("CREATE VIEW open_items AS SELECT id, name, CASE WHEN qty > 0 THEN 'in stock' ELSE 'out' END AS stock "
                               "FROM items WHERE status IN ('open', 'paid') AND price BETWEEN 1 AND 100;\n"),
         QStringLiteral("'paid'"), QStringLiteral("'sent'"), "open_items"},
        {"postgresql", "generated column",
         QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, price numeric(10,2), qty integer, "
                        "total numeric GENERATED ALWAYS AS (price * qty) STORED);\n"),
         QStringLiteral("price * qty"), QStringLiteral("price * qty + 1"), "total"},
        {"postgresql", "generated IN list",
         QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, status varchar(20), "
                        "open boolean GENERATED ALWAYS AS (status IN ('open', 'paid')) STORED);\n"),
         QStringLiteral("'paid'"), QStringLiteral("'sent'"), "open"},
        {"postgresql", "trigger WHEN",
         base + QStringLiteral("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NEW;\nEND\n$$;\n"
                               "CREATE TRIGGER trg_items_open BEFORE UPDATE ON items FOR EACH ROW "
                               "WHEN (NEW.status IN ('open', 'paid')) EXECUTE FUNCTION touch();\n"),
         QStringLiteral("'paid'"), QStringLiteral("'sent'"), "trg_items_open"},
        {"postgresql", "domain",
         QStringLiteral("CREATE DOMAIN code AS varchar(10) CHECK (VALUE IN ('a', 'b'));\n"
                        "CREATE TABLE t (id integer PRIMARY KEY, c code);\n"),
         QStringLiteral("'b'"), QStringLiteral("'c'"), "code"},
        {"mysql", "defaults",
         QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP "
                        "ON UPDATE CURRENT_TIMESTAMP, seen DATETIME DEFAULT now(), label VARCHAR(10) DEFAULT 'x', "
                        "n DECIMAL(10,2) DEFAULT 0, u VARCHAR(36) DEFAULT (uuid()));\n"),
         QStringLiteral("'x'"), QStringLiteral("'y'"), "label"},
        {"mysql", "auto increment and enum",
         QStringLiteral("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, m ENUM('sad', 'ok') NOT NULL DEFAULT 'ok');\n"),
         QStringLiteral("'sad', 'ok')"), QStringLiteral("'sad', 'ok', 'happy')"), "m"},
        {"mysql", "views",
         base + QStringLiteral("CREATE VIEW open_items AS SELECT id, name, CASE WHEN qty > 0 THEN 'in stock' ELSE 'out' END AS stock "
                               "FROM items WHERE status IN ('open', 'paid') AND price BETWEEN 1 AND 100;\n"),
         QStringLiteral("'paid'"), QStringLiteral("'sent'"), "open_items"},
        {"mysql", "generated columns",
         QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, price DECIMAL(10,2), qty INT, "
                        "total DECIMAL(12,2) AS (price * qty) STORED, half DECIMAL(12,2) AS (price / 2) VIRTUAL);\n"),
         QStringLiteral("price * qty"), QStringLiteral("price * qty + 1"), "total"},
        {"sqlite", "defaults",
         QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                        "seen TEXT DEFAULT (datetime('now')), label VARCHAR(10) DEFAULT 'x');\n"),
         QStringLiteral("'x'"), QStringLiteral("'y'"), "label"},
        {"sqlite", "partial index and view",
         base + QStringLiteral("CREATE INDEX ix_open ON items (qty) WHERE status IN ('open', 'paid');\n"
                               "CREATE VIEW open_items AS SELECT id, name FROM items WHERE status IN ('open', 'paid');\n"),
         QStringLiteral("'paid');\nCREATE VIEW"), QStringLiteral("'sent');\nCREATE VIEW"), "ix_open"},
        {"sqlite", "generated column",
         QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, price NUMERIC(10,2), qty INTEGER, "
                        "total NUMERIC GENERATED ALWAYS AS (price * qty) STORED);\n"),
         QStringLiteral("price * qty"), QStringLiteral("price * qty + 1"), "total"},
    };
    for (const Kind &kind : kinds)
        QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(kind.engine), QLatin1String(kind.name))))
            << QString::fromLatin1(kind.engine) << kind.ddl << QString(kind.ddl).replace(kind.from, kind.to)
            << QString::fromLatin1(kind.found);
}

void tst_AutogenCli::roundTrip()
{
    QFETCH(QString, engine);
    QFETCH(QString, schema);
    QFETCH(QString, changed);
    QFETCH(QString, found);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_e2e_roundtrip")));
    const QString root = project(scratch, scratch.urlString(), schema);
    Run run = stratum(root, {QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("first")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err + QStringLiteral("\nthe revision:\n")
                                       + readAll(root + QStringLiteral("/migrations/versions/") + revisionFiles(root).value(0))));

    writeFile(root + QStringLiteral("/schema/app.sql"), changed);
    run = stratum(root, {QStringLiteral("check")});
    QVERIFY2(changed != schema, "the changed schema must differ");
    QVERIFY2(run.code == 1, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(found), qPrintable(run.out));
    QVERIFY(scratch.leftovers().isEmpty());
}

QTEST_MAIN(tst_AutogenCli)
#include "tst_autogen_cli.moc"
