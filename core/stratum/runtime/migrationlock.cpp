// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/migrationlock.h"

#include "stratum/config/config.h"
#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtEndian>

namespace Stratum {

namespace {

// Poll interval for pg_try_advisory_lock: short enough to notice a release quickly, long
// enough not to hammer the server.
constexpr int kPollMs = 100;

bool isBusy(const QSqlError &error)
{
    // SQLITE_BUSY = 5, SQLITE_LOCKED = 6
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6")
           || error.databaseText().contains(QLatin1String("locked"));
}

// A client endpoint in columns \a column (address, or MariaDB's "host:port") and
// \a column + 1 (port, NULL for MariaDB).
ClientEndpoint endpointAt(const QSqlQuery &row, int column)
{
    if (row.value(column + 1).isNull())
        return ClientEndpoint::fromHostPort(row.value(column).toString());
    return ClientEndpoint{row.value(column).toString(), row.value(column + 1).toInt()};
}

} // namespace

MigrationLock::MigrationLock(Connection &connection, const QString &versionTable,
                             const QString &versionTableSchema, int timeoutSeconds)
    : m_connection(connection), m_table(versionTable), m_schema(versionTableSchema),
      m_timeoutSeconds(qBound(0, timeoutSeconds, Config::maximumLockTimeout))   // engines wait in 32-bit ms
{
}

MigrationLock::~MigrationLock()
{
    if (m_held)
        release();
}

qint64 MigrationLock::advisoryKey(const QString &versionTable, const QString &schema)
{
    const QByteArray digest = QCryptographicHash::hash(
        (QLatin1String("stratum:") + schema + QLatin1Char('.') + versionTable).toUtf8(),
        QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

QString MigrationLock::lockName(const QString &database, const QString &versionTable,
                                const QString &schema)
{
    const QString where = (schema.isEmpty() ? database : schema) + QLatin1Char('.') + versionTable;
    const QByteArray digest =
        QCryptographicHash::hash(where.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QLatin1String("stratum_") + QString::fromLatin1(digest.left(32));
}

Error MigrationLock::timeoutError(int seconds, const QString &maskedUrl)
{
    Error error = Error::database(
        QStringLiteral("Timed out after %1 s waiting for the migration lock on %2; another "
                       "stratum process is migrating this database.")
            .arg(seconds)
            .arg(maskedUrl));
    error.hint = QStringLiteral("Wait for it to finish, or raise lock_timeout in stratum.ini.");
    return error;
}

QString MigrationLock::postgresSession()
{
    return QStringLiteral(
        "concat_ws(', ', 'PostgreSQL session ' || a.pid, 'application ' || nullif(a.application_name, ''), "
        "'client ' || coalesce(host(a.client_addr), 'local socket'), "
        "'connected since ' || to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), "
        "'state ' || a.state || ' since ' || to_char(a.state_change, 'YYYY-MM-DD HH24:MI:SS TZ'), "
        "'statement: ' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 200))");
}

QString MigrationLock::mariadbSession()
{
    return QStringLiteral(
        "CONCAT_WS(', ', CONCAT('MariaDB connection ', p.ID), CONCAT('user ', p.USER), CONCAT('client ', p.HOST), "
        "CONCAT('command ', p.COMMAND, ' for ', p.TIME, ' s'), CONCAT('state ', NULLIF(p.STATE, '')), "
        "CONCAT('statement: ', LEFT(p.INFO, 200)))");
}

QString MigrationLock::holder()
{
    const std::optional<Holder> found = holderInfo();
    return found ? found->description : QString();
}

std::optional<MigrationLock::Holder> MigrationLock::holderInfo()
{
    const Dialect &dialect = m_connection.dialect();
    QString sql;
    QString ownSql;
    if (dialect.lockKind == Dialect::LockKind::AdvisoryLock) {
        // A bigint advisory key is kept as classid (high half) and objid (low half), objsubid 1.
        const quint64 key = quint64(advisoryKey(m_table, m_schema));
        sql = QStringLiteral("SELECT a.pid, host(a.client_addr), a.client_port, %1 FROM pg_locks l "
                             "JOIN pg_stat_activity a ON a.pid = l.pid "
                             "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %2 AND l.objid = %3 "
                             "AND l.objsubid = 1")
                  .arg(postgresSession())
                  .arg(key >> 32)
                  .arg(key & 0xFFFFFFFFu);
        ownSql = QStringLiteral("SELECT host(client_addr), client_port FROM pg_stat_activity "
                                "WHERE pid = pg_backend_pid()");
    } else if (dialect.lockKind == Dialect::LockKind::NamedLock) {
        const QString name = dialect.quoteString(lockName(m_connection.url().database, m_table, m_schema));
        sql = QStringLiteral("SELECT p.ID, p.HOST, NULL, %1 FROM information_schema.PROCESSLIST p "
                             "WHERE p.ID = IS_USED_LOCK(%2)")
                  .arg(mariadbSession(), name);
        ownSql = QStringLiteral("SELECT HOST, NULL FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()");
    } else {
        return std::nullopt;
    }
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql) || !query.next())
        return std::nullopt;
    Holder found;
    found.session = query.value(0).toString();
    found.description = query.value(3).toString();
    const ClientEndpoint holderEnd = endpointAt(query, 1);
    QSqlQuery own(m_connection.database());
    if (own.exec(ownSql) && own.next())
        found.client = checkClient(holderEnd, endpointAt(own, 0));
    return found;
}

void MigrationLock::breakOrphaned(bool enabled, std::function<void(const QString &)> say)
{
    m_breakOrphaned = enabled;
    m_say = std::move(say);
}

bool MigrationLock::breakIfOrphaned()
{
    if (!m_breakOrphaned)
        return false;
    const std::optional<Holder> found = holderInfo();
    if (!found || found->client.state != ClientCheck::Gone)
        return false;
    const bool postgres = m_connection.dialect().lockKind == Dialect::LockKind::AdvisoryLock;
    const QString sql = postgres ? QStringLiteral("SELECT pg_terminate_backend(%1)").arg(found->session.toLongLong())
                                 : QStringLiteral("KILL CONNECTION %1").arg(found->session.toLongLong());
    if (!m_connection.execute(sql))
        return false;
    if (m_say)
        m_say(QStringLiteral("Ended the orphaned Stratum session that held the migration lock (%1): %2.")
                  .arg(found->description, found->client.reason));
    return true;
}

Error MigrationLock::busy()
{
    Error error = timeoutError(m_timeoutSeconds, m_connection.maskedUrl());
    const std::optional<Holder> found = holderInfo();
    if (!found)
        return error;
    error.message += QStringLiteral(" The lock is held by %1.").arg(found->description);
    switch (found->client.state) {
    case ClientCheck::Gone:
        error.message += QStringLiteral(" It is an orphaned Stratum session: %1.").arg(found->client.reason);
        error.hint = QStringLiteral(
            "The process that took the lock was killed or lost its connection; the server ends the session "
            "when it notices, at the latest when its statement ends. Run again with --break-lock to end "
            "that session now (docs/reliability.md).");
        break;
    case ClientCheck::Alive:
        error.message += QStringLiteral(" Its client still runs: %1.").arg(found->client.reason);
        break;
    case ClientCheck::Unknown:
        if (!found->client.reason.isEmpty())
            error.message += QStringLiteral(" Stratum cannot tell from here whether its client still runs: %1.")
                                 .arg(found->client.reason);
        break;
    }
    return error;
}

Status MigrationLock::acquire()
{
    const Dialect &dialect = m_connection.dialect();
    switch (dialect.lockKind) {
    case Dialect::LockKind::BeginImmediate: {
        auto previous = m_connection.selectValue(QStringLiteral("PRAGMA busy_timeout"));
        if (!previous)
            return previous.error();
        m_previousBusyTimeoutMs = previous->toInt();
        if (auto set = m_connection.execute(
                QStringLiteral("PRAGMA busy_timeout = %1").arg(qint64(m_timeoutSeconds) * 1000));
            !set)
            return set;
        m_held = true;
        return {};
    }
    case Dialect::LockKind::AdvisoryLock: {
        const QString sql = QStringLiteral("SELECT pg_try_advisory_lock(%1)")
                                .arg(advisoryKey(m_table, m_schema));
        QDeadlineTimer deadline(qint64(m_timeoutSeconds) * 1000);
        bool checkedHolder = false;
        for (;;) {
            auto got = m_connection.selectValue(sql);
            if (!got)
                return got.error();
            if (got->toBool()) {
                m_held = true;
                return {};
            }
            if (!checkedHolder) {
                checkedHolder = true;
                if (breakIfOrphaned())
                    continue;
            }
            if (deadline.hasExpired())
                return busy();
            QThread::msleep(qMin<qint64>(kPollMs, qMax<qint64>(1, deadline.remainingTime())));
        }
    }
    case Dialect::LockKind::NamedLock: {
        const QString name = lockName(m_connection.url().database, m_table, m_schema);
        auto take = [&](int seconds) {
            return m_connection.selectValue(QStringLiteral("SELECT GET_LOCK(%1, %2)")
                                                .arg(m_connection.dialect().quoteString(name))
                                                .arg(seconds));
        };
        auto got = m_breakOrphaned ? take(0) : take(m_timeoutSeconds);
        if (got && got->toInt() == 0 && m_breakOrphaned) {
            breakIfOrphaned();
            got = take(m_timeoutSeconds);
        }
        if (!got)
            return got.error();
        if (got->isNull()) {
            return Error::database(QStringLiteral("Could not take the migration lock on %1.")
                                       .arg(m_connection.maskedUrl()));
        }
        if (got->toInt() != 1)
            return busy();
        m_held = true;
        return {};
    }
    }
    return {};
}

Status MigrationLock::release()
{
    if (!m_held)
        return {};
    m_held = false;
    const Dialect &dialect = m_connection.dialect();
    switch (dialect.lockKind) {
    case Dialect::LockKind::BeginImmediate:
        if (m_previousBusyTimeoutMs >= 0)
            return m_connection.execute(
                QStringLiteral("PRAGMA busy_timeout = %1").arg(m_previousBusyTimeoutMs));
        return {};
    case Dialect::LockKind::AdvisoryLock: {
        auto done = m_connection.selectValue(QStringLiteral("SELECT pg_advisory_unlock(%1)")
                                                 .arg(advisoryKey(m_table, m_schema)));
        if (!done)
            return done.error();
        return {};
    }
    case Dialect::LockKind::NamedLock: {
        const QString name = lockName(m_connection.url().database, m_table, m_schema);
        auto done = m_connection.selectValue(
            QStringLiteral("SELECT RELEASE_LOCK(%1)").arg(dialect.quoteString(name)));
        if (!done)
            return done.error();
        return {};
    }
    }
    return {};
}

Status MigrationLock::beginTransaction()
{
    QSqlQuery query(m_connection.database());
    if (query.exec(m_connection.dialect().beginTransaction))
        return {};
    if (isBusy(query.lastError()))
        return busy();
    return Error::database(QStringLiteral("Could not begin a transaction on %1: %2")
                               .arg(m_connection.maskedUrl(),
                                    Connection::driverMessage(query.lastError().text())));
}

} // namespace Stratum
