// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/config/url.h"
#include "stratum/error.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>

namespace Stratum {

class Dialect;

/// Options for Connection::open().
struct ConnectOptions
{
    /// SQLite: how long a statement waits for another connection's lock (QSQLITE_BUSY_TIMEOUT).
    int busyTimeoutMs = 5000;
    /// PostgreSQL application_name (unless the URL sets one): how the server lists the session.
    QString applicationName = QStringLiteral("stratum");
    /// PostgreSQL / MySQL: seconds to wait for the server to answer the connection attempt.
    int connectTimeoutSeconds = 10;
    /// SQLite: `PRAGMA foreign_keys`. Off by default, as in SQLite itself and in Alembic:
    /// rebuilding a referenced table (SQLite's 12-step ALTER) must not fire ON DELETE actions,
    /// and the pragma cannot change inside the migration transaction.
    bool sqliteForeignKeys = false;
};

/// One QSqlDatabase connection owned by the current thread (QSql connections are per
/// thread). Opened from a DatabaseUrl under a unique connection name and removed again on
/// destruction; or wrapping a QSqlDatabase an application already has open (adopt()).
/// Messages only ever show the masked URL.
class Connection
{
public:
    /// Opens \a url. Unknown dialect / missing QSql driver / server down / bad credentials →
    /// Error::database naming the masked URL and the driver's message.
    static Result<std::unique_ptr<Connection>> open(const DatabaseUrl &url,
                                                    const ConnectOptions &options = {});
    /// Uses an already open \a database (e.g. an application's own SQLite file). The
    /// connection is neither closed nor removed on destruction.
    static Result<std::unique_ptr<Connection>> adopt(const QSqlDatabase &database);

    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase database() const;
    QString connectionName() const { return m_connectionName; }
    const Dialect &dialect() const { return *m_dialect; }
    const DatabaseUrl &url() const { return m_url; }
    /// The URL with the password replaced by `***`: use it in every message.
    QString maskedUrl() const;

    /// Runs one statement that returns no rows. Errors carry the database's message and, where
    /// the server tells it, the line and column inside \a sql (Error::line/column, no file).
    /// SQLite's `PRAGMA foreign_key_check` reports broken references as rows rather than
    /// failing; here rows from it are an error naming them, so that the check that ends a
    /// table rebuild stops the migration (and its transaction rolls back).
    Status execute(const QString &sql);
    /// Whether \a table exists (in \a schema, else the connection's default schema).
    Result<bool> tableExists(const QString &table, const QString &schema = {});
    /// Runs \a createSql unless \a table exists. Another process that creates it between the
    /// check and the CREATE is no error: the catalog is read again. \a what names the table in
    /// the error ("the audit table").
    Status createTableOnce(const QString &table, const QString &schema, const QString &createSql,
                           const QString &what);
    /// Runs one statement, returns the number of rows it changed.
    Result<int> executeCountingRows(const QString &sql);
    /// Runs \a statements (none returning rows) in order and returns the rows each changed;
    /// stops at the first that fails. They go to the server in one round trip where the
    /// connection takes several statements at once (PostgreSQL, MariaDB/MySQL), else one by
    /// one (SQLite). Outside a transaction PostgreSQL runs such a batch as
    /// one transaction; elsewhere each statement commits by itself.
    Result<QList<int>> executeBatch(const QStringList &statements);
    /// Whether executeBatch() sends its statements in one round trip.
    bool batchesStatements() const { return m_batches; }
    /// Runs a query and returns the first column of every row.
    Result<QVariantList> selectColumn(const QString &sql);
    /// Runs a query and returns the first column of the first row (invalid when no row).
    Result<QVariant> selectValue(const QString &sql);

    /// From now on (\a on) or no longer, keeps the server's WARNING and NOTICE messages for
    /// takeNotices() instead of letting the driver print them. PostgreSQL only; MariaDB's
    /// warnings are asked for by takeNotices() itself.
    void collectNotices(bool on);
    /// Sends \a sql (PostgreSQL: one or more statements; MySQL: one) and closes the connection
    /// without waiting for the outcome: the server runs it to the end on its own (PostgreSQL:
    /// unless client_connection_check_interval tells it to stop). False, and nothing sent,
    /// where that cannot be done (SQLite, the client library's function not found).
    bool sendAndClose(const QString &sql);
    /// The server's warnings and notices since the last call, one line each ("WARNING: …",
    /// MariaDB "Warning 1265: …"). MariaDB: those of the last statement (SHOW WARNINGS).
    QStringList takeNotices();
    /// Forgets what collectNotices() gathered so far (the notices of Stratum's own statements).
    void discardNotices() { m_notices.clear(); }

    /// The database's own message for the last failure, passwords masked.
    static QString driverMessage(const QString &text);

private:
    void addSqlState(Error &error);
    static void noticeReceived(void *connection, const char *message);

    QStringList m_notices;
    void *m_previousNoticeProcessor = nullptr;   // PostgreSQL: libpq's, put back by collectNotices(false)
    void *m_previousNoticeArgument = nullptr;
    bool m_collectingNotices = false;
    Connection() = default;

    QString m_connectionName;
    DatabaseUrl m_url;
    const Dialect *m_dialect = nullptr;
    bool m_owned = true;
    bool m_batches = false;
};

} // namespace Stratum
