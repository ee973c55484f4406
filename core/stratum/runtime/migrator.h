// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "stratum/revision/migrationstep.h"
#include "stratum/runtime/interruption.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Stratum {

class Connection;
class Dialect;
class RevisionMap;
struct Config;

/// What the progress callback hears while a plan runs.
struct MigrationProgress
{
    enum class Event {
        RevisionStarted,   ///< a step begins (revision or stamp)
        Statement,         ///< a statement is about to run
        RevisionFinished   ///< a step is done and recorded in the version table
    };
    Event event = Event::RevisionStarted;
    int stepIndex = 0;                   ///< 0-based
    int stepCount = 0;
    const MigrationStep *step = nullptr;
    QString statement;                   ///< Statement only: the SQL text
    QString file;                        ///< the revision file (empty for stamp steps)
    int line = 0;                        ///< Statement only: 1-based file line
    /// "file:line" of the statement (or the file alone).
    QString location() const;
};

/// How a plan runs (stratum.ini keys of DESIGN.md §2 plus the caller's hooks).
struct MigratorOptions
{
    QString versionTable = QStringLiteral("alembic_version");
    QString versionTableSchema;
    /// One transaction per revision instead of one for the whole run (SQLite, PostgreSQL).
    bool transactionPerMigration = false;
    /// Seconds to wait for the migration lock.
    int lockTimeoutSeconds = 60;
    /// Delete every version row before running (`stamp --purge`); the planner then sees no
    /// current heads. Refused in offline mode, as in Alembic.
    bool purge = false;
    std::function<void(const MigrationProgress &)> progress;
    /// Lines worth telling the user that are neither progress nor errors (a broken lock,
    /// the server's warnings and notices).
    std::function<void(const QString &)> log;
    /// End the session holding the migration lock when it is an orphaned Stratum session
    /// (MigrationLock::breakOrphaned; `--break-lock`).
    bool breakLock = false;
    /// Checked between revisions; when set, the run stops after the revision in progress and
    /// keeps what completed (MigrationRun::cancelled).
    const std::atomic_bool *cancel = nullptr;
    QString appliedBy;     ///< audit `applied_by`; empty = the OS user
    QString toolVersion;   ///< audit `tool_version`; empty = this build's version

    /// Version table, schema, transaction_per_migration and lock_timeout from \a config.
    static MigratorOptions fromConfig(const Config &config);
};

/// Makes the plan from the heads found under the lock (so a process that waited for the lock
/// finds nothing left to do). Typically wraps RevisionMap::upgradeSteps / downgradeSteps /
/// stampSteps.
using MigrationPlanner =
    std::function<Result<QList<MigrationStep>>(const QStringList &currentHeads)>;

/// What a run did.
struct MigrationRun
{
    QStringList headsBefore;
    QStringList headsAfter;
    QList<MigrationStep> steps;   ///< the plan
    int completedSteps = 0;
    bool cancelled = false;
};

/// What `stratum repair` does with an interrupted revision (see Interruption).
struct RepairRequest
{
    enum class Action {
        Continue,      ///< run the statements that did not complete, then record the step
        MarkApplied,   ///< record the step as done (the user completed it by hand)
        MarkUndone     ///< forget the interruption (the user undid what ran by hand)
    };
    Action action = Action::Continue;
    QString revision;   ///< which interrupted revision; empty = the only one
    int from = 0;       ///< Continue: 1-based statement to start at; 0 = the first not completed
};

/// Runs migration plans against a live database (Alembic's MigrationContext.run_migrations):
/// takes the migration lock, reads the current heads, asks the planner for the steps, checks
/// every step can run (files, sections, statements) before running any, then runs each
/// revision's statements, updates the version table through HeadMaintainer and writes the
/// audit row.
///
/// Transactions (DESIGN.md §5):
/// - SQLite and PostgreSQL run everything in one transaction (or one per revision with
///   transactionPerMigration); a failure rolls back.
/// - A section marked `transaction:false` commits what ran before it, runs outside any
///   transaction, then a new transaction opens for its version-table update and the rest
///   (Alembic's autocommit_block). A failure inside such a section cannot be rolled back.
/// - MySQL/MariaDB commit DDL implicitly: each revision is applied and stamped in turn.
/// - SQLite has no session lock: `BEGIN IMMEDIATE` is the lock. Whenever a new transaction
///   opens during a run (per-migration mode, after a `transaction:false` section) the version
///   table is read again and must still hold what this run left there; otherwise the run
///   stops with an error, because another process migrated in between.
class Migrator
{
public:
    Migrator(Connection &connection, const RevisionMap &map, const MigratorOptions &options = {});

    /// Locks, plans with \a planner, runs. Errors: Error::database (exit 3) for failures in
    /// the database, naming revision and file:line; Error::input for plans that cannot run
    /// (irreversible downgrade, unreadable file), before anything ran.
    Result<MigrationRun> run(const MigrationPlanner &planner);

    /// Finishes or forgets an interrupted revision under the migration lock. With nothing
    /// interrupted the run is empty.
    Result<MigrationRun> repair(const RepairRequest &request);

    /// The heads in the version table (empty when it does not exist). Takes no lock.
    Result<QStringList> currentHeads();
    /// The revisions whose statements ran without a transaction and did not finish (MySQL,
    /// `transaction:false` sections). Takes no lock.
    Result<QList<Interruption>> interruptions();
    /// Creates the version table unless it exists (`ensure_version`).
    Status ensureVersionTable();

private:
    Connection &m_connection;
    const RevisionMap &m_map;
    MigratorOptions m_options;
};

/// Offline mode (`upgrade --sql`): the script a run would execute, without a connection,
/// laid out as Alembic prints it: `BEGIN;` / `COMMIT;` where the dialect has transactional DDL
/// (per revision with transactionPerMigration), the version table's CREATE TABLE while no
/// head is recorded, `-- Running <MigrationStep::shortLog()>` per step, each statement and
/// version-table change followed by ";" and a blank line, and `DROP TABLE` of the version
/// table when the run ends at base. \a startingHeads (the `a` of an `a:b` range) are what the
/// planner receives. The audit table is not written in offline scripts.
Result<QString> renderOfflineScript(const Dialect &dialect, const RevisionMap &map,
                                    const QStringList &startingHeads,
                                    const MigrationPlanner &planner,
                                    const MigratorOptions &options = {});

/// The OS user name (USER, USERNAME or LOGNAME), for the audit log.
QString currentOsUser();

} // namespace Stratum
