// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The studio's checks on real SQLite, PostgreSQL and MariaDB dev databases. Commands::dryRun:
// a revision's upgrade and downgrade run after the revisions it builds on; a failing statement
// comes back at its line, a downgrade that does not undo the upgrade is named, and the
// project's database is never touched. Commands::mergePreview: each head's changes since what
// the heads share, and the objects both change.

#include "stratum/commands/commands.h"
#include "stratum/schema/schemareflector.h"

#include "../../support/revisionfiles.h"
#include "../../support/testservers.h"

#include <QDir>
#include <QFile>

using namespace Stratum;

using StratumTest::revisionText;
using StratumTest::writeFile;

class tst_DryRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dryRun_data() { StratumTest::addEngineRows(); }
    void dryRun();
    void mergePreview_data() { StratumTest::addEngineRows(); }
    void mergePreview();
};

void tst_DryRun::dryRun()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_dryrun")));
    const QString root = scratch.directory() + QStringLiteral("/project");
    writeFile(root + QStringLiteral("/stratum.ini"),
              QStringLiteral("[stratum]\nscript_location = migrations\nurl = %1\n").arg(scratch.urlString()));
    const QString versions = root + QStringLiteral("/migrations/versions/");
    writeFile(versions + QStringLiteral("aaaa00000001_authors.sql"),
              revisionText(QStringLiteral("aaaa00000001"), {},
                           QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);"),
                           QStringLiteral("DROP TABLE authors;")));
    const QString path = versions + QStringLiteral("bbbb00000002_country.sql");
    const QString good = revisionText(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"),
                                      QStringLiteral("ALTER TABLE authors ADD COLUMN country CHAR(2);\n"
                                                     "CREATE INDEX ix_authors_country ON authors (country);"),
                                      QStringLiteral("DROP INDEX ix_authors_country%1;\nALTER TABLE authors DROP COLUMN country;")
                                          .arg(engine == QLatin1String("mysql") ? QStringLiteral(" ON authors") : QString()));
    writeFile(path, good);
    auto config = Config::load(root + QStringLiteral("/stratum.ini"));
    STRATUM_VERIFY_OK(config);
    CommandContext context;
    context.config = *config;

    // As saved: upgrade and downgrade run, and the downgrade restores the schema.
    auto result = Commands::dryRun(context, path, good);
    STRATUM_VERIFY_OK(result);
    QVERIFY2(!result->failure, qPrintable(result->failure ? result->failure->toString() : QString()));
    QCOMPARE(result->replayed, 1);
    QVERIFY(result->downgraded);
    QVERIFY(result->notUndone.isEmpty());
    if (engine != QLatin1String("sqlite"))
        QVERIFY(!result->devDatabase.contains(scratch.url().password) || scratch.url().password.isEmpty());

    // Edited, not saved: the third line of the upgrade names a table that does not exist.
    QString broken = good;
    broken.replace(QLatin1String("CREATE INDEX ix_authors_country ON authors (country);"),
                   QLatin1String("CREATE INDEX ix_authors_country ON authors (country);\nALTER TABLE writers ADD COLUMN x INTEGER;"));
    result = Commands::dryRun(context, path, broken);
    STRATUM_VERIFY_OK(result);
    QVERIFY(result->failure);
    QCOMPARE(result->failure->file, path);
    QCOMPARE(result->failure->line, 10);
    QVERIFY(!result->downgraded);

    // A downgrade that forgets the column: what it leaves behind is named.
    QString forgetful = good;
    forgetful.remove(QLatin1String("\nALTER TABLE authors DROP COLUMN country;"));
    result = Commands::dryRun(context, path, forgetful);
    STRATUM_VERIFY_OK(result);
    QVERIFY2(!result->failure, qPrintable(result->failure ? result->failure->toString() : QString()));
    QVERIFY(result->downgraded);
    QCOMPARE(result->notUndone.size(), 1);
    QVERIFY2(result->notUndone.first().describe().contains(QLatin1String("authors.country")),
             qPrintable(result->notUndone.first().describe()));

    // SQLite cannot drop a column an index still names: the dry run says where, before any
    // database meets that downgrade.
    if (engine == QLatin1String("sqlite")) {
        QString reordered = good;
        reordered.replace(QLatin1String("DROP INDEX ix_authors_country;\nALTER TABLE authors DROP COLUMN country;"),
                          QLatin1String("ALTER TABLE authors DROP COLUMN country;\nDROP INDEX ix_authors_country;"));
        result = Commands::dryRun(context, path, reordered);
        STRATUM_VERIFY_OK(result);
        QVERIFY(result->failure);
        QCOMPARE(result->failure->line, 12);
        QVERIFY2(result->failure->message.contains(QLatin1String("country")), qPrintable(result->failure->message));
    }

    // The project's database saw none of it.
    auto target = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(target);
    QVERIFY(target->tables.isEmpty());
    QVERIFY(scratch.leftovers().isEmpty());
}

void tst_DryRun::mergePreview()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    StratumTest::Scratch scratch;
    QVERIFY(scratch.open(engine, url, QStringLiteral("stratum_mergeview")));
    const QString root = scratch.directory() + QStringLiteral("/project");
    writeFile(root + QStringLiteral("/stratum.ini"),
              QStringLiteral("[stratum]\nscript_location = migrations\nurl = %1\n").arg(scratch.urlString()));
    const QString versions = root + QStringLiteral("/migrations/versions/");
    writeFile(versions + QStringLiteral("aaaa00000001_authors.sql"),
              revisionText(QStringLiteral("aaaa00000001"), {},
                           QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);"),
                           QStringLiteral("DROP TABLE authors;")));
    writeFile(versions + QStringLiteral("bbbb00000002_country.sql"),
              revisionText(QStringLiteral("bbbb00000002"), QStringLiteral("aaaa00000001"),
                           QStringLiteral("ALTER TABLE authors ADD COLUMN country CHAR(2);"),
                           QStringLiteral("ALTER TABLE authors DROP COLUMN country;")));
    writeFile(versions + QStringLiteral("cccc00000003_books.sql"),
              revisionText(QStringLiteral("cccc00000003"), QStringLiteral("aaaa00000001"),
                           QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200));\n"
                                          "ALTER TABLE authors ADD COLUMN born INTEGER;"),
                           QStringLiteral("ALTER TABLE authors DROP COLUMN born;\nDROP TABLE books;")));
    auto config = Config::load(root + QStringLiteral("/stratum.ini"));
    STRATUM_VERIFY_OK(config);
    CommandContext context;
    context.config = *config;

    auto preview = Commands::mergePreview(context, {QStringLiteral("bbbb00000002"), QStringLiteral("cccc00000003")});
    STRATUM_VERIFY_OK(preview);
    QCOMPARE(preview->shared, QStringList{QStringLiteral("aaaa00000001")});
    QCOMPARE(preview->branches.size(), 2);
    const auto described = [](const QList<Operation> &ops) {
        QStringList out;
        for (const Operation &op : ops)
            out << op.describe().section(QLatin1Char(' '), 0, 1);
        out.sort();
        return out;
    };
    QCOMPARE(preview->branches.at(0).head, QStringLiteral("bbbb00000002"));
    QCOMPARE(described(preview->branches.at(0).changes), QStringList{QStringLiteral("add_column authors.country")});
    QCOMPARE(described(preview->branches.at(1).changes),
             (QStringList{QStringLiteral("add_column authors.born"), QStringLiteral("create_table books")}));
    QCOMPARE(preview->overlap, QStringList{QStringLiteral("authors")});
    QVERIFY(scratch.leftovers().isEmpty());
    auto target = SchemaReflector::reflect(scratch.connection());
    STRATUM_VERIFY_OK(target);
    QVERIFY(target->tables.isEmpty());
}

QTEST_MAIN(tst_DryRun)
#include "tst_dryrun.moc"
