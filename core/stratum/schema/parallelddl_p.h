// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: runs a DdlSchedule on several sessions at once.

#include "stratum/error.h"
#include "stratum/schema/ddlschedule_p.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace Stratum {
class Connection;
}

namespace Stratum::Internal {

struct ParallelDdlOptions
{
    int sessions = 4;                    ///< including \a own of run()
    qsizetype batchStatements = 100;     ///< statements a session takes at once
    qsizetype batchCharacters = 128 * 1024;
    /// PostgreSQL: a batch is one query, so one transaction: committed as a whole or not at all.
    /// Otherwise its statements run one by one (MariaDB commits each DDL statement anyway).
    bool batchAsOneQuery = false;
};

/// PostgreSQL: runs \a statements (several, separated by semicolons) as one transaction, all
/// or nothing. QPSQL reports only the first statement's outcome of a query with several: a
/// failure shows as the aborted transaction the next query finds.
Status executeTransaction(Connection &connection, const QString &statements);

/// Runs \a schedule's \a statements: on \a own (in this thread) and on sessions that
/// \a open makes (each in a thread of its own, where it is also closed). Stops taking work at
/// the first failure. Returns which statements ran; the caller runs the rest in order on one
/// session, which also gives the error (if any) of the first failing statement in the
/// script's order. A session that does not open only means fewer sessions.
QList<bool> runParallelDdl(const DdlSchedule &schedule, const QStringList &statements, Connection &own,
                           const std::function<Result<std::unique_ptr<Connection>>()> &open,
                           const ParallelDdlOptions &options);

} // namespace Stratum::Internal
