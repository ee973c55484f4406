// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apply/applydialog.h"
#include "apply/destructivestatements.h"
#include "stratum/autogen/scriptcolumns.h"
#include "stratum/commands/commands.h"
#include "connections/connectionprofiles.h"
#include "connections/connectionsdialog.h"
#include "mainwindow/projectsession.h"

#include "../../support/bookshop.h"
#include <QDirIterator>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Stratum;
using StratumTest::copyBookshop;

namespace {

// Runs \a statements on the SQLite file \a path; the first error, or empty.
QString runSql(const QString &path, const QStringList &statements)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                error = query.lastError().text() + QStringLiteral(": ") + statement;
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rows"));
    return error;
}

// The number of rows of each of \a tables, as "table=n ...".
QString rowCounts(const QString &path, const QStringList &tables)
{
    QStringList counts;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("counts"));
        db.setDatabaseName(path);
        db.open();
        for (const QString &table : tables) {
            QSqlQuery query(QStringLiteral("SELECT count(*) FROM ") + table, db);
            counts << QStringLiteral("%1=%2").arg(table, query.next() ? query.value(0).toString() : query.lastError().text());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("counts"));
    return counts.join(QLatin1Char(' '));
}

} // namespace

class tst_ApplyPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destructive_data();
    void destructive();
    void rebuildPreview_data();
    void rebuildPreview();
    void profilesNeverStorePasswords();
    void probeConnections();
};

void tst_ApplyPreview::destructive_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");   // "line:reason;…"
    QTest::addColumn<QString>("history");    // what ran before the script (for the columns of its tables)

    QTest::newRow("create is safe") << "CREATE TABLE t (id INTEGER);" << "" << QString();
    QTest::newRow("drop table") << "CREATE TABLE a (x INT);\nDROP TABLE books;" << "2:drops the table" << QString();
    QTest::newRow("drop index, view") << "DROP INDEX ix_a;\n\nDROP VIEW IF EXISTS v;"
                                      << "1:drops the index;3:drops the view" << QString();
    QTest::newRow("truncate") << "TRUNCATE orders;" << "1:empties a table" << QString();
    QTest::newRow("delete without where") << "DELETE FROM orders;" << "1:deletes every row (no WHERE)" << QString();
    QTest::newRow("delete with where") << "DELETE FROM orders WHERE id = 3;" << "" << QString();
    QTest::newRow("alter drop column") << "ALTER TABLE books DROP COLUMN stock;" << "1:drops a column" << QString();
    QTest::newRow("alter drop constraint") << "ALTER TABLE books\n  DROP CONSTRAINT ck;" << "1:drops a constraint" << QString();
    QTest::newRow("alter add is safe") << "ALTER TABLE books ADD COLUMN x INT;" << "" << QString();
    // The version table's own statements are bookkeeping, not data loss.
    QTest::newRow("version table") << "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a';\n"
                                      "DROP TABLE alembic_version;"
                                   << "" << QString();
    QTest::newRow("drop in a string is no drop") << "INSERT INTO t VALUES ('DROP TABLE x');" << "" << QString();
    QTest::newRow("comment before") << "-- Running downgrade\nDROP TABLE reviews;" << "2:drops the table" << QString();
    QTest::newRow("unsplittable script still scanned") << "DROP TABLE a;\nSELECT 'open" << "1:drops the table" << QString();

    // Table rebuilds (SQLite's 12 steps, Alembic's batch mode): the rows are copied into a new
    // table that takes the old one's name. Only columns the copy leaves out are lost.
    const QString x = QStringLiteral("CREATE TABLE x (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c TEXT);\n");
    const QString rebuild = QStringLiteral(
        "CREATE TABLE \"_stratum_tmp_x\" (id INTEGER PRIMARY KEY, a VARCHAR(10), b INTEGER, c TEXT);\n"
        "INSERT INTO \"_stratum_tmp_x\" (\"id\", \"a\", \"b\", \"c\") SELECT \"id\", \"a\", \"b\", \"c\" FROM \"x\";\n"
        "DROP TABLE \"x\";\n"
        "ALTER TABLE \"_stratum_tmp_x\" RENAME TO \"x\";\n"
        "CREATE INDEX ix_x_a ON \"x\" (\"a\");\n"
        "PRAGMA foreign_key_check(\"x\");");
    QTest::newRow("rebuild keeps every column") << x + rebuild << "" << QString();
    QTest::newRow("rebuild, columns from history") << rebuild << "" << x;
    QTest::newRow("rebuild drops a column")
        << x + QString(rebuild).replace(QLatin1String(", \"c\""), QString()).replace(QLatin1String(", c TEXT"), QString())
        << "4:drops column c" << QString();
    QTest::newRow("rebuild drops two columns")
        << QString(rebuild).replace(QLatin1String(", \"b\", \"c\""), QString()) << "3:drops column b;3:drops column c" << x;
    QTest::newRow("rebuild after the columns changed")
        << QString(rebuild).replace(QLatin1String("\"a\", \"b\""), QLatin1String("\"a2\", \"b\"")) << "3:drops column d"
        << x + QStringLiteral("ALTER TABLE x ADD COLUMN d INT;\nALTER TABLE x RENAME COLUMN a TO a2;");
    QTest::newRow("rebuild of a table the script does not know")
        << rebuild << "3:rebuilds the table; a column it does not copy loses its data" << QString();
    QTest::newRow("copy from another table")
        << x + QString(rebuild).replace(QLatin1String("FROM \"x\""), QLatin1String("FROM \"y\"")) << "4:drops the table" << QString();
    QTest::newRow("copy of some rows")
        << x + QString(rebuild).replace(QLatin1String("FROM \"x\";"), QLatin1String("FROM \"x\" WHERE b > 0;"))
        << "4:drops the table" << QString();
    QTest::newRow("no copy") << x + QStringLiteral("CREATE TABLE \"_stratum_tmp_x\" (id INTEGER);\nDROP TABLE x;\n"
                                                   "ALTER TABLE \"_stratum_tmp_x\" RENAME TO x;")
                             << "3:drops the table" << QString();
    QTest::newRow("copy renamed to another name")
        << x + QString(rebuild).replace(QLatin1String("RENAME TO \"x\""), QLatin1String("RENAME TO \"z\""))
        << "4:drops the table" << QString();
    QTest::newRow("rows written after the copy")
        << x + QString(rebuild).replace(QLatin1String("DROP TABLE \"x\";"), QLatin1String("INSERT INTO x (id) VALUES (9);\nDROP TABLE \"x\";"))
        << "5:drops the table" << QString();
    QTest::newRow("alembic batch")
        << "CREATE TABLE books (id INTEGER NOT NULL, title VARCHAR(200), price NUMERIC(10, 2), PRIMARY KEY (id));\n"
           "CREATE TABLE _alembic_tmp_books (id INTEGER NOT NULL, title VARCHAR(300), price NUMERIC(10, 2), PRIMARY KEY (id));\n"
           "INSERT INTO _alembic_tmp_books (id, title, price) SELECT books.id, CAST(books.title AS VARCHAR(300)) AS anon_1, "
           "books.price \nFROM books;\n"
           "DROP TABLE books;\n"
           "ALTER TABLE _alembic_tmp_books RENAME TO books;"
        << "" << QString();
    QTest::newRow("alembic batch drops a column")
        << "CREATE TABLE _alembic_tmp_books (id INTEGER NOT NULL, title VARCHAR(300), PRIMARY KEY (id));\n"
           "INSERT INTO _alembic_tmp_books (id, title) SELECT books.id, books.title FROM books;\n"
           "DROP TABLE books;\n"
           "ALTER TABLE _alembic_tmp_books RENAME TO books;"
        << "3:drops column price"
        << "CREATE TABLE books (id INTEGER NOT NULL, title VARCHAR(200), price NUMERIC(10, 2), PRIMARY KEY (id));";
    QTest::newRow("rebuild by hand, any names")
        << "CREATE TABLE books_v2 (id INTEGER PRIMARY KEY, title TEXT NOT NULL, price NUMERIC);\n"
           "INSERT INTO books_v2 SELECT * FROM books;\n"
           "DROP TABLE books;\n"
           "ALTER TABLE books_v2 RENAME TO books;"
        << "" << "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, price NUMERIC);";
    QTest::newRow("temporary name alone is no rebuild")
        << "DROP TABLE books;\nDROP TABLE _alembic_tmp_books;" << "1:drops the table;2:drops the table" << QString();

    // Views, indexes and triggers dropped and created again in the same script lose nothing.
    QTest::newRow("view and trigger created again")
        << "DROP VIEW book_sales;\nDROP TRIGGER trg_stock;\nDROP INDEX ix_a;\nSELECT 1;\n"
           "CREATE INDEX ix_a ON a (x);\nCREATE TRIGGER trg_stock AFTER INSERT ON a BEGIN SELECT 1; END;\n"
           "CREATE VIEW book_sales AS SELECT 1;"
        << "" << QString();
    QTest::newRow("view created before it is dropped")
        << "CREATE VIEW v AS SELECT 1;\nDROP VIEW v;" << "2:drops the view" << QString();
}

void tst_ApplyPreview::destructive()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(QString, history);
    const auto before = [&history] {
        ScriptColumns columns;
        if (Result<QList<SqlStatement>> statements = splitSqlStatements(history))
            columns.apply(*statements);
        return columns;
    };
    QStringList found;
    for (const DestructiveStatement &statement : findDestructiveStatements(sql, {QStringLiteral("alembic_version")}, before))
        found << QStringLiteral("%1:%2").arg(statement.line).arg(statement.reason);
    QCOMPARE(found.join(QLatin1Char(';')), expected);
}

// The bookshop at its head with rows; a schema change SQLite's ALTER cannot make, autogenerated
// into a table rebuild; the apply preview does not call the rebuild a dropped table, and the
// rows are all there after the upgrade.
void tst_ApplyPreview::rebuildPreview_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");   // "reason;…" of the preview's warnings

    QTest::newRow("type change") << "title VARCHAR(300) NOT NULL," << "title VARCHAR(400) NOT NULL," << "";
    QTest::newRow("check added") << "stock INTEGER NOT NULL DEFAULT 0" << "stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)"
                                 << "";
    QTest::newRow("type change and a column dropped")
        << "title VARCHAR(300) NOT NULL,\n    isbn VARCHAR(13) NOT NULL UNIQUE,\n    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),\n    published_year INTEGER,"
        << "title VARCHAR(400) NOT NULL,\n    isbn VARCHAR(13) NOT NULL UNIQUE,\n    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),"
        << "drops column published_year";
}

void tst_ApplyPreview::rebuildPreview()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(copyBookshop(dir.path()));
    auto config = Config::load(dir.filePath(QStringLiteral("stratum.ini")));
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
    CommandContext context;
    context.config = *config;
    const Status upgraded = Commands::upgrade(context, QStringLiteral("head"), false);
    QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error().toString()));
    const QString database = dir.filePath(QStringLiteral("bookshop.db"));
    const QString inserted = runSql(database, {
        QStringLiteral("INSERT INTO authors (id, name, born_year) VALUES (1, 'Ursula K. Le Guin', 1929), (2, 'Italo Calvino', 1923)"),
        QStringLiteral("INSERT INTO books (id, author_id, title, isbn, price_cents, published_year, stock) VALUES "
                       "(1, 1, 'The Dispossessed', '9780061054884', 1599, 1974, 10), "
                       "(2, 2, 'Invisible Cities', '9780156453806', 1399, 1972, 5)"),
        QStringLiteral("INSERT INTO customers (id, email, full_name) VALUES (1, 'a@example.org', 'Ada')"),
        QStringLiteral("INSERT INTO orders (id, customer_id, status) VALUES (1, 1, 'paid')"),
        QStringLiteral("INSERT INTO order_items (order_id, book_id, quantity, unit_price_cents) VALUES (1, 2, 2, 1399)"),
        QStringLiteral("INSERT INTO reviews (id, book_id, reviewer, rating, approved) VALUES (1, 1, 'Ada', 5, 1)"),
        QStringLiteral("INSERT INTO wishlist_items (customer_id, book_id) VALUES (1, 1)")});
    QVERIFY2(inserted.isEmpty(), qPrintable(inserted));
    const QStringList tables{QStringLiteral("authors"), QStringLiteral("books"), QStringLiteral("order_items"),
                             QStringLiteral("reviews"), QStringLiteral("wishlist_items")};
    const QString rowsBefore = rowCounts(database, tables);

    const QString schemaFile = dir.filePath(QStringLiteral("schema/catalog.sql"));
    QFile file(schemaFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString schema = QString::fromUtf8(file.readAll());
    file.close();
    QVERIFY(schema.contains(from));
    schema.replace(from, to);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(schema.toUtf8());
    file.close();
    RevisionOptions options;
    options.message = QStringLiteral("rebuild books");
    options.autogenerate = true;
    const Result<QString> revision = Commands::revision(context, options);
    QVERIFY2(revision.ok(), revision.ok() ? "" : qPrintable(revision.error().toString()));

    ProjectSession session;
    QVERIFY(session.open(dir.path()).ok());
    QTRY_COMPARE(session.database().status, DatabaseState::Status::Known);
    ApplyDialog dialog(session, ApplyDialog::Operation::Upgrade, QStringLiteral("head"));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    // It is a rebuild, with the views and the trigger that read books dropped and created again.
    const QString preview = dialog.previewText();
    QVERIFY2(preview.contains(QLatin1String("INSERT INTO _stratum_tmp_books ")), qPrintable(preview));
    QVERIFY(preview.contains(QLatin1String("\nDROP TABLE books;")));
    QVERIFY(preview.contains(QLatin1String("DROP VIEW book_sales;")));
    QStringList found;
    for (const DestructiveStatement &statement : dialog.destructiveStatements()) {
        found << statement.reason;
        QCOMPARE(statement.statement, QStringLiteral("DROP TABLE books"));
        QCOMPARE(preview.split(QLatin1Char('\n')).value(statement.line - 1), QStringLiteral("DROP TABLE books;"));
    }
    QCOMPARE(found.join(QLatin1Char(';')), expected);

    dialog.start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasRun(), 30000);
    QVERIFY2(dialog.succeeded(), qPrintable(dialog.runError()));
    QCOMPARE(rowCounts(database, tables), rowsBefore);
    const Status checked = Commands::check(context);
    QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().toString()));
}

void tst_ApplyPreview::profilesNeverStorePasswords()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ConnectionProfiles::save(settings, {{QStringLiteral("prod"), QStringLiteral("postgresql://app:s3cret@db/prod")}});
    settings.sync();
    QFile raw(dir.filePath(QStringLiteral("s.ini")));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(!raw.readAll().contains("s3cret"));
    const QList<ConnectionProfile> loaded = ConnectionProfiles::load(settings);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().url, QStringLiteral("postgresql://app@db/prod"));
    qputenv("STRATUM_PASSWORD_PROD", "fromenv");
    Result<QString> resolved = ConnectionProfiles::resolvedUrl(loaded.first());
    QVERIFY(resolved.ok());
    QVERIFY(resolved->contains(QLatin1String(":fromenv@")));
    qunsetenv("STRATUM_PASSWORD_PROD");
}

void tst_ApplyPreview::probeConnections()
{
    QTemporaryDir dir;
    // The test-connection button's check: empty on success, the database's message otherwise,
    // and never a password.
    QCOMPARE(ConnectionsDialog::probe(QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("p.db"))), QString());
    const QString refused = ConnectionsDialog::probe(QStringLiteral("postgresql://app:s3cret@127.0.0.1:1/app"));
    QVERIFY(!refused.isEmpty());
    QVERIFY2(!refused.contains(QLatin1String("s3cret")), qPrintable(refused));
    QVERIFY(!ConnectionsDialog::probe(QStringLiteral("nosuch://x")).isEmpty());
}

QTEST_MAIN(tst_ApplyPreview)
#include "tst_applypreview.moc"
