// Stratum::upgrade(db, ":/migrations"): an application migrating its own SQLite file from
// revisions compiled in as Qt resources.
#include "commands/embedded.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_Embedded : public QObject
{
    Q_OBJECT

private:
    static QStringList rows(const QSqlDatabase &db, const QString &sql)
    {
        QStringList values;
        QSqlQuery query(db);
        if (query.exec(sql))
            while (query.next())
                values << query.value(0).toString();
        return values;
    }

private Q_SLOTS:
    void upgradeFromResources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("app"));
            db.setDatabaseName(dir.filePath(QStringLiteral("app.db")));
            QVERIFY(db.open());

            QStringList started;
            const Stratum::Status status = Stratum::upgrade(
                db, QStringLiteral(":/migrations"), QStringLiteral("heads"),
                [&started](const Stratum::MigrationProgress &progress) {
                    if (progress.event == Stratum::MigrationProgress::Event::RevisionStarted)
                        started << progress.step->shortLog();
                });
            QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().toString()));
            QCOMPARE(started.size(), 10);
            QCOMPARE(started.constFirst(), QStringLiteral("upgrade  -> 3f1c9a7e2b40"));
            QCOMPARE(rows(db, QStringLiteral("SELECT version_num FROM alembic_version")),
                     QStringList{QStringLiteral("96ae41b7c035")});
            QVERIFY(rows(db, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table'"))
                        .contains(QStringLiteral("books")));
            QVERIFY(db.isOpen());   // the application's connection stays the application's

            // A second start finds nothing to do.
            started.clear();
            QVERIFY(Stratum::upgrade(db, QStringLiteral(":/migrations")).ok());
            QCOMPARE(rows(db, QStringLiteral("SELECT COUNT(*) FROM stratum_history WHERE direction = 'upgrade'")),
                     QStringList{QStringLiteral("10")});

            // An unknown target is an error value, and nothing changes.
            const Stratum::Status bad = Stratum::upgrade(db, QStringLiteral(":/migrations"), QStringLiteral("nope"));
            QVERIFY(!bad.ok());
            QVERIFY2(bad.error().message.contains(QLatin1String("nope")), qPrintable(bad.error().message));
            const Stratum::Status missing = Stratum::upgrade(db, QStringLiteral(":/no/such/folder"));
            QVERIFY(!missing.ok());
            QVERIFY2(missing.error().toString().contains(QLatin1String(":/no/such/folder")),
                     qPrintable(missing.error().toString()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("app"));
    }
};

QTEST_GUILESS_MAIN(tst_Embedded)
#include "tst_embedded.moc"
