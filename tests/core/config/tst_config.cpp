// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/config/config.h"

#include <QtTest>

using namespace Stratum;

class tst_Config : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void designIni();
    void defaults();
    void interpolation();
    void environment();
    void urlPriority();
    void sqlalchemyUrlKey();
    void alembicIni();
    void relativeAndAbsolutePaths();
    void versionLocations_data();
    void versionLocations();
    void booleans_data();
    void booleans();
    void emptyTimezoneMeansLocal();
    void continuationLines();
    void xArguments();
    void errors_data();
    void errors();
    void missingFile();
    void unreadableFile();
    void directoryPath();
    void emptyPath();

private:
    QString writeIni(const QString &folder, const QByteArray &content,
                     const QString &name = QStringLiteral("stratum.ini"));

    QTemporaryDir m_dir;
};

void tst_Config::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_Config::init()
{
    qunsetenv("STRATUM_URL");
}

void tst_Config::cleanup()
{
    qunsetenv("STRATUM_URL");
    qunsetenv("STRATUM_TEST_DB_PASSWORD");
    qunsetenv("STRATUM_TEST_UNSET");
}

QString tst_Config::writeIni(const QString &folder, const QByteArray &content, const QString &name)
{
    const QString dir = m_dir.filePath(folder);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

void tst_Config::designIni()
{
    const QString path = writeIni(QStringLiteral("design"), R"([stratum]
script_location = migrations
version_locations =                  ; extra folders of revision files, space separated
url = sqlite:///%(here)s/bookshop.db ; also accepts the key sqlalchemy.url; --url and STRATUM_URL override
schema = schema/*.sql                ; desired schema, glob(s)
dev_url =                            ; dev database for normalising the desired schema (see 6)
file_template = %%(rev)s_%%(slug)s
truncate_slug_length = 40
timezone = UTC
version_table = alembic_version      ; same table as Alembic: databases migrated by Alembic interoperate
version_table_schema =
transaction_per_migration = false
compare_type = true
compare_server_default = true
render_as_batch = auto               ; auto = on for SQLite
include_schemas =                    ; e.g. public auth
exclude_tables =                     ; globs, e.g. temp_*
lock_timeout = 60                    ; seconds to wait for the migration lock
)");
    const QString here = QFileInfo(path).absolutePath();
    const Result<Config> r = Config::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->path, QFileInfo(path).absoluteFilePath());
    QCOMPARE(r->here, here);
    QCOMPARE(r->scriptLocation, here + QStringLiteral("/migrations"));
    QVERIFY(r->versionLocations.isEmpty());
    QCOMPARE(r->versionDirectories(), QStringList{here + QStringLiteral("/migrations/versions")});
    QCOMPARE(r->url, QStringLiteral("sqlite:///") + here + QStringLiteral("/bookshop.db"));
    QCOMPARE(r->schemaGlobs, QStringList{here + QStringLiteral("/schema/*.sql")});
    QCOMPARE(r->devUrl, QString());
    QCOMPARE(r->fileTemplate, QStringLiteral("%(rev)s_%(slug)s"));
    QCOMPARE(r->truncateSlugLength, 40);
    QCOMPARE(r->timezone, QStringLiteral("UTC"));
    QCOMPARE(r->versionTable, QStringLiteral("alembic_version"));
    QCOMPARE(r->versionTableSchema, QString());
    QCOMPARE(r->transactionPerMigration, false);
    QCOMPARE(r->compareType, true);
    QCOMPARE(r->compareServerDefault, true);
    QCOMPARE(r->renderAsBatch, QStringLiteral("auto"));
    QVERIFY(r->includeSchemas.isEmpty());
    QVERIFY(r->excludeTables.isEmpty());
    QCOMPARE(r->lockTimeout, 60);
    QCOMPARE(r->values.value(QStringLiteral("lock_timeout")), QStringLiteral("60"));
    QCOMPARE(r->values.value(QStringLiteral("file_template")), QStringLiteral("%(rev)s_%(slug)s"));
    QVERIFY(r->values.contains(QStringLiteral("dev_url")));
}

void tst_Config::defaults()
{
    const QString path = writeIni(QStringLiteral("defaults"), "[stratum]\n");
    const QString here = QFileInfo(path).absolutePath();
    const Result<Config> r = Config::load(path);
    QVERIFY(r.ok());
    QCOMPARE(r->scriptLocation, here + QStringLiteral("/migrations"));
    QCOMPARE(r->url, QString());
    QCOMPARE(r->schemaGlobs, QStringList{here + QStringLiteral("/schema/*.sql")});
    QCOMPARE(r->fileTemplate, QStringLiteral("%(rev)s_%(slug)s"));
    QCOMPARE(r->truncateSlugLength, 40);
    QCOMPARE(r->timezone, QStringLiteral("UTC"));
    QCOMPARE(r->versionTable, QStringLiteral("alembic_version"));
    QCOMPARE(r->transactionPerMigration, false);
    QCOMPARE(r->compareType, true);
    QCOMPARE(r->compareServerDefault, true);
    QCOMPARE(r->renderAsBatch, QStringLiteral("auto"));
    QCOMPARE(r->lockTimeout, 60);
    QVERIFY(r->values.isEmpty());
}

void tst_Config::interpolation()
{
    const QString path = writeIni(QStringLiteral("interp"),
                                  "; comment\n# another\n[DEFAULT]\nroot = %(here)s/data\n\n"
                                  "[stratum]\n"
                                  "url = sqlite:///%(root)s/app.db\n"
                                  "file_template = %%(year)d_%%(month).2d_%%(rev)s  ; date first\n"
                                  "dev_url = \"postgresql://u:50%%@h/d ; not a comment\"\n"
                                  "version_table = v_%(version_table_schema)s\n"
                                  "version_table_schema = audit\n"
                                  "Exclude_Tables = temp_* , old_*\n"
                                  "include_schemas = public auth\n"
                                  "schema = schema/a.sql /abs/b.sql\n"
                                  "lock_timeout: 5\n");
    const QString here = QFileInfo(path).absolutePath();
    const Result<Config> r = Config::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->url, QStringLiteral("sqlite:///") + here + QStringLiteral("/data/app.db"));
    QCOMPARE(r->fileTemplate, QStringLiteral("%(year)d_%(month).2d_%(rev)s"));
    QCOMPARE(r->devUrl, QStringLiteral("postgresql://u:50%@h/d ; not a comment"));
    QCOMPARE(r->versionTable, QStringLiteral("v_audit"));
    QCOMPARE(r->versionTableSchema, QStringLiteral("audit"));
    QCOMPARE(r->excludeTables, (QStringList{QStringLiteral("temp_*"), QStringLiteral("old_*")}));
    QCOMPARE(r->includeSchemas, (QStringList{QStringLiteral("public"), QStringLiteral("auth")}));
    QCOMPARE(r->schemaGlobs, (QStringList{here + QStringLiteral("/schema/a.sql"), QStringLiteral("/abs/b.sql")}));
    QCOMPARE(r->lockTimeout, 5);
    QCOMPARE(r->values.value(QStringLiteral("root")), here + QStringLiteral("/data"));
}

void tst_Config::environment()
{
    qputenv("STRATUM_TEST_DB_PASSWORD", "pa%ss");
    qunsetenv("STRATUM_TEST_UNSET");
    const QString path = writeIni(QStringLiteral("env"),
                                  "[stratum]\nurl = postgresql://app:${STRATUM_TEST_DB_PASSWORD}@db/prod\n"
                                  "dev_url = ${STRATUM_TEST_UNSET}\n"
                                  "version_table_schema = ${ STRATUM_TEST_DB_PASSWORD }x\n");
    const Result<Config> r = Config::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    // The variable's value is taken literally: its '%' is not interpolated again.
    QCOMPARE(r->url, QStringLiteral("postgresql://app:pa%ss@db/prod"));
    QCOMPARE(r->devUrl, QString());
    QCOMPARE(r->versionTableSchema, QStringLiteral("pa%ssx"));
}

void tst_Config::urlPriority()
{
    const QString path = writeIni(QStringLiteral("priority"), "[stratum]\nurl = sqlite:///file.db\n");
    Result<Config> r = Config::load(path);
    QVERIFY(r.ok());
    QCOMPARE(r->url, QStringLiteral("sqlite:///file.db"));

    qputenv("STRATUM_URL", "postgresql://env/db");
    r = Config::load(path);
    QVERIFY(r.ok());
    QCOMPARE(r->url, QStringLiteral("postgresql://env/db"));

    r = Config::load(path, QStringLiteral("mysql://arg/db"));
    QVERIFY(r.ok());
    QCOMPARE(r->url, QStringLiteral("mysql://arg/db"));

    qunsetenv("STRATUM_URL");
    r = Config::load(path, QStringLiteral("mysql://arg/db"));
    QVERIFY(r.ok());
    QCOMPARE(r->url, QStringLiteral("mysql://arg/db"));
    // The file's value stays visible among the raw values.
    QCOMPARE(r->values.value(QStringLiteral("url")), QStringLiteral("sqlite:///file.db"));
}

void tst_Config::sqlalchemyUrlKey()
{
    Result<Config> r = Config::load(writeIni(QStringLiteral("sa"), "[stratum]\nsqlalchemy.url = sqlite://\n"));
    QVERIFY(r.ok());
    QCOMPARE(r->url, QStringLiteral("sqlite://"));

    r = Config::load(writeIni(QStringLiteral("sa2"),
                              "[stratum]\nsqlalchemy.url = sqlite:///a.db\nurl = sqlite:///b.db\n"));
    QVERIFY(r.ok());
    QCOMPARE(r->url, QStringLiteral("sqlite:///b.db"));
}

void tst_Config::alembicIni()
{
    // The start of the ini `alembic init` writes, logging sections included.
    const QString path = writeIni(QStringLiteral("alembic"), R"(# A generic, single database configuration.

[alembic]
# path to migration scripts
script_location = alembic

# template used to generate migration file names; The default value is %%(rev)s_%%(slug)s
# file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s

prepend_sys_path = .
# version_locations = %(here)s/bar:%(here)s/bat:alembic/versions
version_path_separator = os  # Use os.pathsep. Default configuration used for new projects.

sqlalchemy.url = driver://user:pass@localhost/dbname


[post_write_hooks]

[loggers]
keys = root,sqlalchemy,alembic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
)", QStringLiteral("alembic.ini"));
    const QString here = QFileInfo(path).absolutePath();
    const Result<Config> r = Config::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->scriptLocation, here + QStringLiteral("/alembic"));
    QCOMPARE(r->url, QStringLiteral("driver://user:pass@localhost/dbname"));
    QCOMPARE(r->values.value(QStringLiteral("version_path_separator")), QStringLiteral("os"));
    QCOMPARE(r->values.value(QStringLiteral("prepend_sys_path")), QStringLiteral("."));
    QVERIFY(!r->values.contains(QStringLiteral("format")));

    // [stratum] wins over [alembic] when a file has both.
    const Result<Config> both = Config::load(writeIni(
        QStringLiteral("both"), "[alembic]\nscript_location = a\n[stratum]\nscript_location = s\n"));
    QVERIFY(both.ok());
    QVERIFY(both->scriptLocation.endsWith(QStringLiteral("/both/s")));
}

void tst_Config::relativeAndAbsolutePaths()
{
    const QString path = writeIni(QStringLiteral("nested/project"),
                                  "[stratum]\nscript_location = ../shared/./migrations/\n");
    const Result<Config> r = Config::load(path);
    QVERIFY(r.ok());
    QCOMPARE(r->scriptLocation, m_dir.filePath(QStringLiteral("nested/shared/migrations")));

    const Result<Config> abs = Config::load(writeIni(QStringLiteral("abs"),
                                                     "[stratum]\nscript_location = /opt/app/migrations\n"));
    QVERIFY(abs.ok());
    QCOMPARE(abs->scriptLocation, QStringLiteral("/opt/app/migrations"));

    // Loading through a relative ini path still yields absolute folders.
    const QString saved = QDir::currentPath();
    QDir::setCurrent(m_dir.path());
    const Result<Config> rel = Config::load(QStringLiteral("nested/project/stratum.ini"));
    QDir::setCurrent(saved);
    QVERIFY(rel.ok());
    QCOMPARE(rel->here, m_dir.filePath(QStringLiteral("nested/project")));
    QCOMPARE(rel->scriptLocation, m_dir.filePath(QStringLiteral("nested/shared/migrations")));
}

void tst_Config::versionLocations_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("legacy: spaces and commas") << QByteArray("version_locations = a b,c, /abs/d\n")
                                               << QStringList{QStringLiteral("@/a"), QStringLiteral("@/b"),
                                                              QStringLiteral("@/c"), QStringLiteral("/abs/d")};
    QTest::newRow("os separator") << QByteArray("version_locations = %(here)s/x:y\nversion_path_separator = os\n")
                                  << QStringList{QStringLiteral("@/x"), QStringLiteral("@/y")};
    QTest::newRow("semicolon") << QByteArray("version_locations = \"x y;z\"\nversion_path_separator = ;\n")
                               << QStringList{QStringLiteral("@/x y"), QStringLiteral("@/z")};
    QTest::newRow("space") << QByteArray("version_locations = x,1 z\nversion_path_separator = space\n")
                           << QStringList{QStringLiteral("@/x,1"), QStringLiteral("@/z")};
    QTest::newRow("newline") << QByteArray("version_locations =\n    one\n    two\nversion_path_separator = newline\n")
                             << QStringList{QStringLiteral("@/one"), QStringLiteral("@/two")};
}

void tst_Config::versionLocations()
{
    QFETCH(QByteArray, lines);
    QFETCH(QStringList, expected);
    const QString path = writeIni(QStringLiteral("versions"), "[stratum]\n" + lines);
    const QString here = QFileInfo(path).absolutePath();
    const Result<Config> r = Config::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QStringList want;
    for (const QString &e : expected)
        want << (e.startsWith(QLatin1Char('@')) ? here + e.mid(1) : e);
    QCOMPARE(r->versionLocations, want);
    QCOMPARE(r->versionDirectories(), want);
}

void tst_Config::booleans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("value");
    QTest::addColumn<QString>("batch");

    QTest::newRow("true") << QStringLiteral("true") << true << QStringLiteral("true");
    QTest::newRow("Yes") << QStringLiteral("Yes") << true << QStringLiteral("true");
    QTest::newRow("on") << QStringLiteral("on") << true << QStringLiteral("true");
    QTest::newRow("1") << QStringLiteral("1") << true << QStringLiteral("true");
    QTest::newRow("FALSE") << QStringLiteral("FALSE") << false << QStringLiteral("false");
    QTest::newRow("no") << QStringLiteral("no") << false << QStringLiteral("false");
    QTest::newRow("off") << QStringLiteral("off") << false << QStringLiteral("false");
    QTest::newRow("0") << QStringLiteral("0") << false << QStringLiteral("false");
}

void tst_Config::booleans()
{
    QFETCH(QString, text);
    QFETCH(bool, value);
    QFETCH(QString, batch);
    const QByteArray v = text.toUtf8();
    const QString path = writeIni(QStringLiteral("bools"),
                                  "[stratum]\ntransaction_per_migration = " + v + "\ncompare_type = " + v
                                      + "\ncompare_server_default = " + v + "\nrender_as_batch = " + v + "\n");
    const Result<Config> r = Config::load(path);
    QVERIFY(r.ok());
    QCOMPARE(r->transactionPerMigration, value);
    QCOMPARE(r->compareType, value);
    QCOMPARE(r->compareServerDefault, value);
    QCOMPARE(r->renderAsBatch, batch);
}

void tst_Config::emptyTimezoneMeansLocal()
{
    Result<Config> r = Config::load(writeIni(QStringLiteral("tz"), "[stratum]\ntimezone =\n"));
    QVERIFY(r.ok());
    QCOMPARE(r->timezone, QString());
    r = Config::load(writeIni(QStringLiteral("tz"), "[stratum]\ntimezone = Europe/Berlin\n"));
    QVERIFY(r.ok());
    QCOMPARE(r->timezone, QStringLiteral("Europe/Berlin"));
    r = Config::load(writeIni(QStringLiteral("tz"), "[stratum]\ntimezone = utc\n"));
    QVERIFY(r.ok());
    QCOMPARE(r->timezone, QStringLiteral("utc"));
}

void tst_Config::continuationLines()
{
    const QString path = writeIni(QStringLiteral("cont"),
                                  "[stratum]\nexclude_tables = a_*\n   b_*   ; second\n\tc_*\n"
                                  "lock_timeout = 7\n\n   \n[other]\nx = 1\n");
    const Result<Config> r = Config::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->values.value(QStringLiteral("exclude_tables")), QStringLiteral("a_*\nb_*\nc_*"));
    QCOMPARE(r->excludeTables, (QStringList{QStringLiteral("a_*"), QStringLiteral("b_*"), QStringLiteral("c_*")}));
    QCOMPARE(r->lockTimeout, 7);
}

void tst_Config::xArguments()
{
    const QHash<QString, QString> x = {{QStringLiteral("tenant"), QStringLiteral("acme")}};
    const Result<Config> r = Config::load(writeIni(QStringLiteral("x"), "[stratum]\n"), {}, x);
    QVERIFY(r.ok());
    QCOMPARE(r->xArguments, x);
}

void tst_Config::errors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lock_timeout not a number")
        << QByteArray("[stratum]\nurl = sqlite://\nlock_timeout = soon   ; seconds\n") << 3 << 16
        << QStringLiteral("Invalid value \"soon\" for lock_timeout")
        << QStringLiteral("Expected a whole number of seconds");
    QTest::newRow("lock_timeout negative") << QByteArray("[stratum]\nlock_timeout=-5\n") << 2 << 14
                                           << QStringLiteral("\"-5\" for lock_timeout")
                                           << QStringLiteral("whole number");
    QTest::newRow("lock_timeout beyond 32-bit milliseconds") << QByteArray("[stratum]\nlock_timeout = 3000000\n") << 2 << 16
                                                             << QStringLiteral("\"3000000\" for lock_timeout")
                                                             << QStringLiteral("from 0 to 2147483");
    QTest::newRow("truncate_slug_length") << QByteArray("[stratum]\n  truncate_slug_length = 4.5\n")
                                          << 2 << 26 << QStringLiteral("truncate_slug_length")
                                          << QStringLiteral("Expected a whole number of characters");
    QTest::newRow("unknown boolean") << QByteArray("[stratum]\ncompare_type = maybe\n") << 2 << 16
                                     << QStringLiteral("Invalid value \"maybe\" for compare_type")
                                     << QStringLiteral("Expected true or false");
    QTest::newRow("transaction_per_migration") << QByteArray("\n\n[stratum]\ntransaction_per_migration = 2\n")
                                               << 4 << 29 << QStringLiteral("transaction_per_migration")
                                               << QStringLiteral("true or false");
    QTest::newRow("render_as_batch") << QByteArray("[stratum]\nrender_as_batch = sometimes\n") << 2 << 19
                                     << QStringLiteral("render_as_batch")
                                     << QStringLiteral("Expected auto, true or false");
    QTest::newRow("timezone") << QByteArray("[stratum]\ntimezone = Mars/Olympus\n") << 2 << 12
                              << QStringLiteral("\"Mars/Olympus\" for timezone")
                              << QStringLiteral("IANA time zone name");
    QTest::newRow("version_path_separator") << QByteArray("[stratum]\nversion_locations = a\nversion_path_separator = |\n")
                                            << 3 << 26 << QStringLiteral("version_path_separator")
                                            << QStringLiteral("Expected space, os, :, ; or newline");
    QTest::newRow("lone percent") << QByteArray("[stratum]\nurl = postgresql://u:50%off@h/d\n") << 2 << 24
                                  << QStringLiteral("A '%' in the value of `url` starts no %(name)s reference")
                                  << QStringLiteral("%% for a literal %");
    QTest::newRow("unknown reference") << QByteArray("[stratum]\nurl = sqlite:///%(there)s/x.db\n") << 2 << 17
                                       << QStringLiteral("refers to %(there)s, which is not set")
                                       << QStringLiteral("Expected %(here)s or a key");
    QTest::newRow("reference loop") << QByteArray("[stratum]\na = %(b)s\nb = %(a)s\n") << 2 << 5
                                    << QStringLiteral("refers to itself") << QStringLiteral("plain value");
    QTest::newRow("unclosed env") << QByteArray("[stratum]\nurl = ${DB_URL\n") << 2 << 7
                                  << QStringLiteral("unclosed ${") << QStringLiteral("Expected ${NAME}");
    QTest::newRow("no stratum section") << QByteArray("[other]\nurl = sqlite://\n") << 0 << 0
                                        << QStringLiteral("has no [stratum] section")
                                        << QStringLiteral("[alembic] section of an alembic.ini");
    QTest::newRow("key before any section") << QByteArray("; top\nurl = sqlite://\n[stratum]\n") << 2 << 1
                                            << QStringLiteral("before any section header")
                                            << QStringLiteral("Expected a section header");
    QTest::newRow("line without separator") << QByteArray("[stratum]\n  just words\n") << 2 << 3
                                            << QStringLiteral("neither a setting nor a section")
                                            << QStringLiteral("Expected `key = value`");
    QTest::newRow("unclosed section") << QByteArray("[stratum\nurl = x\n") << 1 << 1
                                      << QStringLiteral("section header is not closed")
                                      << QStringLiteral("Expected `[name]`");
    QTest::newRow("duplicate section") << QByteArray("[stratum]\n\n[stratum]\n") << 3 << 1
                                       << QStringLiteral("[stratum] appears twice")
                                       << QStringLiteral("the first is on line 1");
    QTest::newRow("duplicate key") << QByteArray("[stratum]\nurl = a\nURL = b\n") << 3 << 1
                                   << QStringLiteral("The key `url` appears twice in [stratum]")
                                   << QStringLiteral("the first is on line 2");
    QTest::newRow("empty key") << QByteArray("[stratum]\n = value\n") << 2 << 2
                               << QStringLiteral("has no name") << QStringLiteral("Expected `key = value`");
}

void tst_Config::errors()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(QString, expected);

    const QString path = writeIni(QStringLiteral("errors"), content);
    const Result<Config> r = Config::load(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, path);
    QCOMPARE(r.error().line, line);
    QCOMPARE(r.error().column, column);
    QCOMPARE(r.error().code, int(Error::Input));
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QVERIFY2(r.error().hint.contains(expected), qPrintable(r.error().hint));
}

void tst_Config::missingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("nowhere/stratum.ini"));
    const Result<Config> r = Config::load(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, path);
    QVERIFY(r.error().message.contains(path));
    QVERIFY(r.error().message.contains(QStringLiteral("does not exist")));
    QVERIFY(r.error().hint.contains(QStringLiteral("stratum init")));
}

void tst_Config::unreadableFile()
{
    const QString unreadable = writeIni(QStringLiteral("unreadable"), "[stratum]\n");
    QFile::setPermissions(unreadable, QFileDevice::Permissions());
    QFile probe(unreadable);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running with privileges that read any file");
    const Result<Config> denied = Config::load(unreadable);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().file, unreadable);
    QVERIFY(denied.error().message.contains(QStringLiteral("Cannot read the configuration file")));
    QVERIFY(denied.error().message.contains(unreadable));
}

void tst_Config::directoryPath()
{
    const Result<Config> r = Config::load(m_dir.path());
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("is a folder")));
    QCOMPARE(r.error().file, m_dir.path());
}

void tst_Config::emptyPath()
{
    const Result<Config> r = Config::load(QString());
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("No configuration file")));
}

QTEST_MAIN(tst_Config)
#include "tst_config.moc"
