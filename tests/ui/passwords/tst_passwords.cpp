// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Passwords of the studio's connection profiles: never in the settings, in any form; from the
// environment, libpq's password file (its permissions checked by libpq), a prompt, or the
// system keychain (a real Secret Service: gnome-keyring in a D-Bus session of the test's own).
#include "../../support/testservers.h"

#include "connections/connectionprofiles.h"
#include "connections/passwordprompt.h"
#include "connections/passwordstore.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/projectsession.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Stratum;

class tst_Passwords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutPassword_data();
    void withoutPassword();
    void storedPasswordsAreRewritten();
    void keychainRoundTrip();
    void pgpassThroughLibpq();
    void promptAndRemember();

private:
    QTemporaryDir m_settingsDir;
    bool keychainExpected() const { return qEnvironmentVariableIsSet("STRATUM_TEST_KEYRING"); }
};

void tst_Passwords::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StratumTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_passwords"));
    // libpq must not find a password of the user running the tests.
    qputenv("PGPASSFILE", QFile::encodeName(m_settingsDir.filePath(QStringLiteral("no-pgpass"))));
    qunsetenv("PGPASSWORD");
}

void tst_Passwords::withoutPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("postgresql") << "postgresql://app:s3cret@db:5432/prod" << "postgresql://app@db:5432/prod";
    QTest::newRow("slash in password") << "postgresql://app:Slash/Secret2@db/prod" << "postgresql://app@db/prod";
    QTest::newRow("@ and : in password") << "mysql://app:a@b:c@db/prod" << "mysql://app@db/prod";
    QTest::newRow("no password") << "mysql://app@db/prod" << "mysql://app@db/prod";
    QTest::newRow("query password") << "postgresql://app@db/prod?password=x&sslmode=require"
                                    << "postgresql://app@db/prod?sslmode=require";
    QTest::newRow("query, any case") << "postgresql://app@db/prod?sslmode=require&PassWord=x&SSLPASSWORD=y&passwd=z"
                                     << "postgresql://app@db/prod?sslmode=require";
    QTest::newRow("sqlite") << "sqlite:////tmp/a.db" << "sqlite:////tmp/a.db";
}

void tst_Passwords::withoutPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionProfiles::withoutPassword(url), expected);
}

// A profile written with a password (by hand, or an older version) loses it on the next load.
void tst_Passwords::storedPasswordsAreRewritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.beginWriteArray(QStringLiteral("connections"), 1);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("name"), QStringLiteral("prod"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("postgresql://app:Slash/Secret2@db/prod?sslpassword=Key9"));
        settings.endArray();
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        const QList<ConnectionProfile> loaded = ConnectionProfiles::load(settings);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().url, QStringLiteral("postgresql://app@db/prod"));
    }
    QFile raw(path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    QVERIFY2(!text.contains("Secret2") && !text.contains("Slash") && !text.contains("Key9"), text.constData());
}

void tst_Passwords::keychainRoundTrip()
{
    if (!PasswordStore::available() || !keychainExpected()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("the keychain test runs under dbus-run-session with gnome-keyring (tst_passwords_keyring)");
        QSKIP("no Secret Service: run as tst_passwords_keyring (dbus-run-session with gnome-keyring-daemon)");
    }
    const QString profile = QStringLiteral("keychain-round-trip");
    STRATUM_VERIFY_OK(PasswordStore::write(profile, QStringLiteral("p@ss w/ord")));
    Result<QString> read = PasswordStore::read(profile);
    STRATUM_VERIFY_OK(read);
    QCOMPARE(*read, QStringLiteral("p@ss w/ord"));
    Result<QString> url = ConnectionProfiles::resolvedUrl({profile, QStringLiteral("postgresql://app@db/prod")});
    STRATUM_VERIFY_OK(url);
    auto parsed = DatabaseUrl::parse(*url);
    STRATUM_VERIFY_OK(parsed);
    QCOMPARE(parsed->password, QStringLiteral("p@ss w/ord"));
    STRATUM_VERIFY_OK(PasswordStore::remove(profile));
    read = PasswordStore::read(profile);
    STRATUM_VERIFY_OK(read);
    QVERIFY(read->isEmpty());
}

// PostgreSQL profiles leave the password to libpq, which reads the password file only when
// nobody else can read it.
void tst_Passwords::pgpassThroughLibpq()
{
    QString server;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", server);
    auto url = DatabaseUrl::parse(server);
    STRATUM_VERIFY_OK(url);
    const ConnectionProfile profile{QStringLiteral("pgpass-test"),
                                    ConnectionProfiles::withoutPassword(url->toString())};
    Result<QString> resolved = ConnectionProfiles::resolvedUrl(profile);
    STRATUM_VERIFY_OK(resolved);
    QVERIFY(DatabaseUrl::parse(*resolved)->password.isEmpty());

    QTemporaryDir dir;
    const QString pgpass = dir.filePath(QStringLiteral("pgpass"));
    QFile file(pgpass);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("%1:%2:*:%3:%4\n").arg(url->host).arg(url->port).arg(url->user, url->password).toUtf8());
    file.close();
    const QByteArray before = qgetenv("PGPASSFILE");
    qputenv("PGPASSFILE", QFile::encodeName(pgpass));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    auto connected = Connection::open(*DatabaseUrl::parse(*resolved));
    QVERIFY2(connected.ok(), connected.ok() ? "" : qPrintable(connected.error().toString()));
    connected->reset();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    auto refused = Connection::open(*DatabaseUrl::parse(*resolved));
    qputenv("PGPASSFILE", before);
    QVERIFY(!refused.ok());
    QVERIFY2(ConnectionProfiles::isAuthenticationFailure(refused.error()), qPrintable(refused.error().toString()));
    QVERIFY(!refused.error().toString().contains(url->password));
}

// The server refuses a profile without a password: the studio asks, connects with what was
// typed, and remembers it in the keychain when asked to, never in its settings.
void tst_Passwords::promptAndRemember()
{
    QString server;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", server);
    if (!keychainExpected()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("the prompt test runs under dbus-run-session with gnome-keyring (tst_passwords_keyring)");
        QSKIP("no Secret Service: run as tst_passwords_keyring (dbus-run-session with gnome-keyring-daemon)");
    }
    auto url = DatabaseUrl::parse(server);
    STRATUM_VERIFY_OK(url);
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("migrations/versions")));
    QFile ini(dir.filePath(QStringLiteral("stratum.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[stratum]\nscript_location = migrations\nurl = sqlite:///%(here)s/app.db\n");
    ini.close();
    const QString profile = QStringLiteral("pgprod");
    PasswordStore::remove(profile);
    {
        QSettings settings;
        ConnectionProfiles::save(settings, {{profile, ConnectionProfiles::withoutPassword(url->toString())}});
    }

    MainWindow window;
    window.show();
    QVERIFY(window.openProject(dir.path()));
    QVERIFY(window.waitUntilSettled());
    bool prompted = false;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto *prompt = qobject_cast<PasswordPrompt *>(QApplication::activeModalWidget());
        if (!prompt)
            return;
        prompted = true;
        QTest::keyClicks(prompt->findChild<QLineEdit *>(QStringLiteral("password")), url->password);
        prompt->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(true);
        prompt->accept();
    });
    answer.start(50);
    auto *chooser = window.findChild<QComboBox *>(QStringLiteral("connectionChooser"));
    QVERIFY(chooser);
    const int index = chooser->findData(profile);
    QVERIFY(index > 0);
    chooser->setCurrentIndex(index);
    Q_EMIT chooser->activated(index);   // what a click on the item does
    QTRY_VERIFY_WITH_TIMEOUT(prompted, 20000);
    QVERIFY(window.waitUntilSettled());
    auto *session = window.findChild<ProjectSession *>();
    QVERIFY(session);
    QTRY_VERIFY_WITH_TIMEOUT(session->database().status == DatabaseState::Status::Known, 20000);
    Result<QString> remembered = PasswordStore::read(profile);
    STRATUM_VERIFY_OK(remembered);
    QCOMPARE(*remembered, url->password);
    QSettings settings;
    settings.sync();
    QFile raw(settings.fileName());
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(!raw.readAll().contains(url->password.toUtf8()));
    PasswordStore::remove(profile);
}

QTEST_MAIN(tst_Passwords)
#include "tst_passwords.moc"
