// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the tests that run on all three engines: the server URLs that packaging/dev test
// exports, and a scratch namespace (SQLite file, PostgreSQL schema, MySQL database) per test.
// Header-only; include it with #include "../../support/testservers.h".

#include "stratum/config/url.h"
#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

// QSKIP/QFAIL return from the test function, so this has to be a macro. Under CI a missing
// server is a failure, never a silent skip.
#define STRATUM_REQUIRE_SERVER(variable, url)                                                    \
    do {                                                                                         \
        url = qEnvironmentVariable(variable);                                                    \
        if (url.isEmpty()) {                                                                     \
            if (qEnvironmentVariableIsSet("CI"))                                                 \
                QFAIL(variable " is not set; under CI a missing server is a failure.");         \
            QSKIP(variable " is not set: no server to test against.");                          \
        }                                                                                        \
    } while (false)

// Evaluates its argument once: it is often the call under test.
#define STRATUM_VERIFY_OK(expression)                                                        \
    do {                                                                                     \
        const auto &result_ = (expression);                                                  \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().toString()));  \
    } while (false)

// Picks the server URL of \a engine ("sqlite", "postgresql", "mysql"); SQLite needs none.
#define STRATUM_REQUIRE_ENGINE(engine, url)                                                      \
    do {                                                                                         \
        if (engine == QLatin1String("postgresql"))                                               \
            STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", url);                                  \
        else if (engine == QLatin1String("mysql"))                                               \
            STRATUM_REQUIRE_SERVER("STRATUM_TEST_MYSQL_URL", url);                               \
    } while (false)

namespace StratumTest {

inline void addEngineRows()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
    QTest::newRow("mysql") << QStringLiteral("mysql");
}

/// A fresh, empty place to create tables in: an SQLite file, a PostgreSQL database or a
/// MySQL database of its own (dropped again by the destructor).
class Scratch
{
public:
    /// \a serverUrl is the engine's server URL (empty for SQLite); \a name labels the scratch.
    bool open(const QString &engine, const QString &serverUrl, const QString &name)
    {
        m_engine = engine;
        m_name = name;
        if (engine == QLatin1String("sqlite")) {
            m_url.dialect = QStringLiteral("sqlite");
            m_url.driver = QStringLiteral("QSQLITE");
            m_url.database = m_dir.filePath(name + QStringLiteral(".db"));
        } else {
            auto parsed = Stratum::DatabaseUrl::parse(serverUrl);
            if (!parsed) {
                qWarning("%s", qPrintable(parsed.error().toString()));
                return false;
            }
            auto admin = Stratum::Connection::open(*parsed);
            if (!admin) {
                qWarning("%s", qPrintable(admin.error().toString()));
                return false;
            }
            m_admin = std::move(*admin);
            m_adminUrl = *parsed;
            dropScratch();
            if (!m_admin->execute(QStringLiteral("CREATE DATABASE ") + m_name).ok())
                return false;
            m_url = *parsed;
            m_url.database = m_name;
        }
        auto connection = Stratum::Connection::open(m_url);
        if (!connection) {
            qWarning("%s", qPrintable(connection.error().toString()));
            return false;
        }
        m_connection = std::move(*connection);
        return true;
    }

    ~Scratch()
    {
        m_connection.reset();
        if (m_admin)
            dropScratch();
    }

    Stratum::Connection &connection() { return *m_connection; }
    const Stratum::DatabaseUrl &url() const { return m_url; }
    QString urlString() const { return m_url.toString(); }
    const Stratum::DatabaseUrl &serverUrl() const { return m_adminUrl; }
    Stratum::Connection *admin() { return m_admin.get(); }
    QString directory() const { return m_dir.path(); }

    /// Runs each statement; the first failure is returned with the statement.
    Stratum::Status run(const QStringList &statements)
    {
        for (const QString &statement : statements) {
            Stratum::Status status = m_connection->execute(statement);
            if (!status)
                return Stratum::Error::database(status.error().message + QStringLiteral("\nStatement: ") + statement);
        }
        return {};
    }

    /// Scratch schemas/databases a DevDatabase left on the server (should be none).
    QStringList leftovers()
    {
        if (!m_admin)
            return {};
        // PostgreSQL: scratch schemas in the scratch database, databases of their own anywhere.
        const QString sql = m_engine == QLatin1String("postgresql")
                                ? QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'stratum\\_dev\\_%' "
                                                 "UNION ALL SELECT datname FROM pg_database WHERE datname LIKE 'stratum\\_dev\\_%'")
                                : QStringLiteral("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                                                 "WHERE SCHEMA_NAME LIKE 'stratum\\_dev\\_%'");
        // Another test binary may be normalising on the same server right now: its dev
        // database is gone within moments, a leftover stays.
        QStringList out;
        for (int attempt = 0; attempt < 20; ++attempt) {
            out.clear();
            auto values = (m_connection ? m_connection.get() : m_admin.get())->selectColumn(sql);
            if (values)
                for (const QVariant &v : *values)
                    out << v.toString();
            if (out.isEmpty())
                break;
            QThread::msleep(250);
        }
        return out;
    }

private:
    void dropScratch()
    {
        if (m_engine == QLatin1String("postgresql"))
            m_admin->execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
        else
            m_admin->execute(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name));
    }

    QString m_engine;
    QString m_name;
    QTemporaryDir m_dir;
    Stratum::DatabaseUrl m_url;
    Stratum::DatabaseUrl m_adminUrl;
    std::unique_ptr<Stratum::Connection> m_admin;
    std::unique_ptr<Stratum::Connection> m_connection;
};

/// Rows "engine/down" and "engine/credentials" for tests of a server that cannot be used.
inline void addUnreachableRows()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<bool>("wrongPassword");
    for (const char *engine : {"postgresql", "mysql"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1/down").arg(QLatin1String(engine))))
            << QString::fromLatin1(engine) << false;
        QTest::newRow(qPrintable(QStringLiteral("%1/credentials").arg(QLatin1String(engine))))
            << QString::fromLatin1(engine) << true;
    }
}

/// \a url made unusable: a wrong \a password, or a port on loopback where nothing listens.
inline Stratum::DatabaseUrl unreachableUrl(Stratum::DatabaseUrl url, bool wrongPassword,
                                           const QString &password)
{
    if (wrongPassword) {
        url.password = password;
    } else {
        url.host = QStringLiteral("127.0.0.1");
        url.port = 1;   // nothing listens there
    }
    return url;
}

} // namespace StratumTest
