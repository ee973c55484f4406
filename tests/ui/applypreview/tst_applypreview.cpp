#include "apply/destructivestatements.h"
#include "connections/connectionprofiles.h"
#include "connections/connectionsdialog.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Stratum;

class tst_ApplyPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destructive_data();
    void destructive();
    void profilesNeverStorePasswords();
    void probeConnections();
};

void tst_ApplyPreview::destructive_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");   // "line:reason;…"

    QTest::newRow("create is safe") << "CREATE TABLE t (id INTEGER);" << "";
    QTest::newRow("drop table") << "CREATE TABLE a (x INT);\nDROP TABLE books;" << "2:drops the table";
    QTest::newRow("drop index, view") << "DROP INDEX ix_a;\n\nDROP VIEW IF EXISTS v;"
                                      << "1:drops the index;3:drops the view";
    QTest::newRow("truncate") << "TRUNCATE orders;" << "1:empties a table";
    QTest::newRow("delete without where") << "DELETE FROM orders;" << "1:deletes every row (no WHERE)";
    QTest::newRow("delete with where") << "DELETE FROM orders WHERE id = 3;" << "";
    QTest::newRow("alter drop column") << "ALTER TABLE books DROP COLUMN stock;" << "1:drops a column";
    QTest::newRow("alter drop constraint") << "ALTER TABLE books\n  DROP CONSTRAINT ck;" << "1:drops a constraint";
    QTest::newRow("alter add is safe") << "ALTER TABLE books ADD COLUMN x INT;" << "";
    // The version table's own statements are bookkeeping, not data loss.
    QTest::newRow("version table") << "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a';\n"
                                      "DROP TABLE alembic_version;"
                                   << "";
    QTest::newRow("drop in a string is no drop") << "INSERT INTO t VALUES ('DROP TABLE x');" << "";
    QTest::newRow("comment before") << "-- Running downgrade\nDROP TABLE reviews;" << "2:drops the table";
    QTest::newRow("unsplittable script still scanned") << "DROP TABLE a;\nSELECT 'open" << "1:drops the table";
}

void tst_ApplyPreview::destructive()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QStringList found;
    for (const DestructiveStatement &statement : findDestructiveStatements(sql, {QStringLiteral("alembic_version")}))
        found << QStringLiteral("%1:%2").arg(statement.line).arg(statement.reason);
    QCOMPARE(found.join(QLatin1Char(';')), expected);
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
