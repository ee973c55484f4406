// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: which statements of a long DDL script may run at the same time, on several
// sessions of a dev database where each session's work is committed (and so seen by the
// others) before what depends on it starts.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stratum::Internal {

/// The statements of a script in units: a unit's statements run in order on one session, a
/// unit starts once the units in its `after` list are done. Any order that honours `after`
/// gives what running the script in order gives:
/// - `CREATE TABLE t (…)` and `CREATE [UNIQUE] INDEX … ON t (…)` with unqualified names
///   form one unit per table (in order, so implicit names come out as in the script).
/// - Two statements of different units that could see each other are ordered as in the
///   script: one names (anywhere, even in a string) what the other creates, or a name that
///   starts with the other's table name and `_` (PostgreSQL and MariaDB derive implicit
///   names of indexes, constraints, sequences from it, truncated after 24 characters or more).
/// - Every other statement is a unit of its own that waits for all before it and that all
///   after it wait for.
/// - Where units of tables would have to wait for each other both ways, all statements
///   between two such barriers become one unit.
struct DdlSchedule
{
    struct Unit
    {
        QList<qsizetype> statements;   ///< indexes into the script, ascending
        QList<qsizetype> after;        ///< indexes of units
    };
    QList<Unit> units;

    /// The schedule of \a statements; none when one of them could change the session
    /// (SET, USE, SELECT, DO, temporary objects, anything not plainly DDL or DML), which the
    /// other sessions would not see.
    static std::optional<DdlSchedule> plan(const QStringList &statements);
};

} // namespace Stratum::Internal
