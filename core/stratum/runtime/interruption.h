// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class Connection;
class RevisionMap;
struct SqlStatement;

/// A revision step whose statements ran without a transaction (MySQL/MariaDB, or a
/// `transaction:false` section) and that did not finish: a row of `stratum_progress`.
struct Interruption
{
    QString revision;
    QString direction;        ///< "upgrade" or "downgrade"
    QString checksum;         ///< AuditLog::checksum of the section when it started
    /// statementsChecksum() of the statements that completed, to tell whether they are still
    /// the first statements of the file.
    QString doneChecksum;
    int statementsDone = 0;
    int statementCount = 0;
    QDateTime startedAt;      ///< UTC
    QString startedBy;
    /// The database's message when a statement failed; empty when the process stopped
    /// (killed, crashed, lost its connection) with a statement perhaps running.
    QString error;

    bool isUpgrade() const { return direction == QLatin1String("upgrade"); }
};

/// `stratum_progress`, beside the audit log: one row per revision in progress on a database
/// that cannot roll DDL back. The row is written before the first statement, advanced after
/// each statement that completes, and deleted together with the version-table change that
/// records the revision (docs/decisions.md, "Interrupted runs").
class ProgressTable
{
public:
    static constexpr const char *tableName = "stratum_progress";

    explicit ProgressTable(Connection &connection, const QString &schema = {});

    Result<bool> exists();
    /// Creates the table unless it exists.
    Status ensure();
    /// The interrupted steps, oldest first; empty when the table does not exist.
    Result<QList<Interruption>> rows();
    /// The step \a row begins (statementsDone = 0, or more when it continues).
    Status start(const Interruption &row);
    Status advance(const QString &revision, int statementsDone, const QString &doneChecksum);
    Status failed(const QString &revision, const QString &message);
    Status finish(const QString &revision);
    /// The statements finish() and advance() run, for a batch of statements
    /// (Connection::executeBatch, write()).
    QString finishSql(const QString &revision) const;
    QString advanceSql(const QString &revision, int statementsDone, const QString &doneChecksum) const;
    /// Runs \a statements of this table in one round trip.
    Status write(const QStringList &statements);

private:
    // "VERB table REST", with the values in REST as literals (Dialect::withLiterals).
    QString sql(const QString &verb, const QString &rest, const QVariantList &values) const;

    Connection &m_connection;
    QString m_schema;
};

/// A chained SHA-256 over the text of the first \a count statements.
QString statementsChecksum(const QList<SqlStatement> &statements, int count);

/// What an interruption means for the revision's file as it is now.
struct InterruptionReport
{
    QString file;                 ///< the revision file (empty when the revision is unknown)
    QList<SqlStatement> statements;
    /// The completed statements are still the first statements of the file.
    bool fileMatches = false;
    /// The statement numbers `repair --continue --from N` accepts (1-based): the first that
    /// did not complete, and the one after it when a killed run may have completed it.
    QList<int> continueFrom;
    /// Plain text for users: what ran, what did not, and the ways on.
    QString text;
};

/// Describes \a interruption with the revision's file read from \a map; \a heads is what the
/// version table holds.
InterruptionReport describeInterruption(const Interruption &interruption, const RevisionMap &map,
                                        const QStringList &heads);

} // namespace Stratum
