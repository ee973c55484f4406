// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class Connection;

/// A UTC time as Stratum's tables store it (wall time without a zone).
QString utcColumnText(const QDateTime &time);
/// A time read back from such a column, in UTC.
QDateTime utcFromColumn(const QVariant &value);

/// One row of `stratum_history`.
struct AuditRecord
{
    qint64 id = 0;            ///< assigned by the database
    QString revision;
    QString direction;        ///< "upgrade", "downgrade", "stamp" or "unstamp" (stamp to base)
    QString checksum;         ///< SHA-256 hex of the section run; empty for unstamp rows
    QDateTime appliedAt;      ///< UTC
    qint64 durationMs = 0;
    QString appliedBy;
    QString toolVersion;
};

/// Stratum's audit log beside the version table (DESIGN.md §5): a row per revision step run
/// and per revision stamped. Alembic ignores the table; `verify` compares its checksums.
class AuditLog
{
public:
    static constexpr const char *tableName = "stratum_history";

    /// The table lives in \a schema, the version table's schema.
    explicit AuditLog(Connection &connection, const QString &schema = {});

    Result<bool> exists();
    /// Creates the table unless it exists.
    Status ensure();
    Status record(const AuditRecord &record);
    /// INSERT statements of \a records, in order, several rows each, with the values as
    /// literals (Dialect::stringLiteral): they can go to the server with other statements in
    /// one round trip (Connection::executeBatch). record() runs one of them.
    QStringList insertSql(const QList<AuditRecord> &records) const;
    /// All rows, oldest first; empty when the table does not exist.
    Result<QList<AuditRecord>> records();
    /// For each revision, the checksum of its latest "upgrade" or "stamp" row (what was
    /// applied, or what the file held when it was stamped). Empty when the table is absent.
    Result<QHash<QString, QString>> lastChecksums();

    /// SHA-256 hex of \a sectionText with line endings normalised to `\n`.
    static QString checksum(const QString &sectionText);

private:
    Connection &m_connection;
    QString m_schema;
};

} // namespace Stratum
