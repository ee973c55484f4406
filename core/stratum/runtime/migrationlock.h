// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "stratum/runtime/clientprobe.h"

#include <QString>

#include <functional>
#include <optional>

namespace Stratum {

class Connection;

/// One migrator at a time per database (DESIGN.md §5).
///
/// PostgreSQL: a session advisory lock on a key derived from the version table's name,
/// taken with `pg_try_advisory_lock` polled until the timeout. MySQL/MariaDB: `GET_LOCK` on
/// a name derived from database and version table (MySQL lock names are server-wide).
/// SQLite has no session lock: there the lock is the migration transaction itself,
/// `BEGIN IMMEDIATE`, which the Migrator opens through beginTransaction(); acquire() only
/// sets the busy timeout to the lock timeout so that BEGIN IMMEDIATE waits that long.
class MigrationLock
{
public:
    MigrationLock(Connection &connection, const QString &versionTable,
                  const QString &versionTableSchema, int timeoutSeconds);
    /// Releases the lock if still held.
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    /// The session holding the lock, when the engine says (PostgreSQL, MariaDB).
    struct Holder
    {
        QString session;       ///< PostgreSQL pid / MariaDB connection id
        QString description;   ///< postgresSession() / mariadbSession()
        ClientCheck client;    ///< whether its client process still runs
    };

    /// With \a enabled, a lock held by a Stratum session whose client is gone (ClientCheck::Gone)
    /// is broken: that session is terminated, \a say hears which, and the lock is taken.
    void breakOrphaned(bool enabled, std::function<void(const QString &)> say);

    /// Waits up to the timeout; then Error::database with timeoutMessage().
    Status acquire();
    Status release();
    bool held() const { return m_held; }

    /// Opens a migration transaction with the dialect's statement. SQLite: `BEGIN IMMEDIATE`,
    /// waiting up to the busy timeout set by acquire(); a busy database → timeoutError().
    Status beginTransaction();

    /// PostgreSQL advisory lock key for a version table.
    static qint64 advisoryKey(const QString &versionTable, const QString &schema);
    /// MySQL GET_LOCK name (at most 64 characters) for a version table in \a database.
    static QString lockName(const QString &database, const QString &versionTable,
                            const QString &schema);
    /// "Timed out after N s waiting for the migration lock on URL; another stratum process
    /// is migrating this database."
    static Error timeoutError(int seconds, const QString &maskedUrl);
    /// Who holds the lock, as the server tells it: PostgreSQL's pg_stat_activity row of the
    /// session holding the advisory lock, MariaDB's processlist row of the connection holding
    /// the named lock; empty where the engine does not say (SQLite).
    QString holder();
    std::optional<Holder> holderInfo();
    /// SQL expressions that describe a session of pg_stat_activity `a` / MariaDB's
    /// PROCESSLIST `p` in one line, for messages about who holds what.
    static QString postgresSession();
    static QString mariadbSession();

private:
    /// timeoutError() with the holder, and whether it is orphaned, added.
    Error busy();
    /// Terminates the holder when breakOrphaned() is on and its client is gone; true when it did.
    bool breakIfOrphaned();

    Connection &m_connection;
    QString m_table;
    QString m_schema;
    int m_timeoutSeconds;
    bool m_held = false;
    int m_previousBusyTimeoutMs = -1;
    bool m_breakOrphaned = false;
    std::function<void(const QString &)> m_say;
};

} // namespace Stratum
