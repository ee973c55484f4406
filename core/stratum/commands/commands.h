// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/autogen/comparator.h"
#include "stratum/autogen/operation.h"
#include "stratum/config/config.h"
#include "stratum/error.h"
#include "stratum/revision/revision.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/migrator.h"
#include "stratum/schema/schema.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Stratum {

struct MigrationStep;

/// Where a command's output goes. The CLI writes `print` to stdout and `info` to stderr;
/// the studio shows them in its log.
struct CommandOutput
{
    std::function<void(const QString &)> print;   ///< one line of the command's result
    std::function<void(const QString &)> info;    ///< progress and log lines
    /// Each statement as it runs: (step index, step count, step, statement, file:line).
    std::function<void(int, int, const MigrationStep &, const QString &, const QString &)> statement;
    /// A revision or stamp step begins: (step index, step count, step).
    std::function<void(int, int, const MigrationStep &)> stepStarted;
    /// The run stopped between revisions because the cancel flag was set:
    /// (completed steps, step count). What completed stays applied.
    std::function<void(int, int)> cancelled;
};

/// What `revision --autogenerate` is about to write; processRevisionDirectives may change it
/// (Alembic's process_revision_directives): edit the operations, the message or the id, or
/// clear the upgrade operations to write nothing.
struct RevisionDirectives
{
    QString message;
    QString revId;
    QList<Operation> upgradeOperations;
    QList<Operation> downgradeOperations;
};

/// The C++ hooks of autogenerate (Alembic's three env.py hooks); used by `revision
/// --autogenerate`, `check` and `diff`.
struct AutogenerateHooks
{
    IncludeNameHook includeName;
    IncludeObjectHook includeObject;
    std::function<void(RevisionDirectives &)> processRevisionDirectives;
    /// CompareOptions::detectRenames (`--detect-renames`, the studio's check box).
    bool detectRenames = false;
};

/// What every command gets: the configuration, the output sinks and a cancel flag.
struct CommandContext
{
    Config config;
    CommandOutput output;
    const std::atomic_bool *cancel = nullptr;
    AutogenerateHooks autogenerate;
    /// Commands that take the migration lock end an orphaned Stratum session holding it
    /// (`--break-lock`).
    bool breakLock = false;
};

/// A comparison of two schemas with its operations and their SQL (for `check`, `diff`,
/// `revision --autogenerate` and the studio's diff view).
struct SchemaComparison
{
    QString dialect;
    Schema from;                     ///< the database (or diff's A)
    Schema to;                       ///< the desired schema (or diff's B)
    QList<Operation> upgrade;        ///< turns `from` into `to`
    QList<Operation> downgrade;      ///< reverseOperations(upgrade)
    QStringList upgradeSql;          ///< rendered for the dialect (batch mode as configured)
    QStringList downgradeSql;
};

/// What a dry run of one revision found on a dev database (the studio's validation markers).
struct DryRunResult
{
    QString devDatabase;             ///< where it ran, for messages (passwords masked)
    int replayed = 0;                ///< statements of the revisions before it
    std::optional<Error> failure;    ///< the first of its statements that failed, at its line
    bool downgraded = false;         ///< its downgrade section ran too
    QList<Operation> notUndone;      ///< what the downgrade leaves unlike before the upgrade
};

/// What merging heads brings together (the studio's merge dialog): each head's changes since
/// the newest revisions they all build on, and the objects more than one of them changes.
struct MergePreview
{
    struct Branch
    {
        QString head;
        QList<Operation> changes;    ///< from the shared schema to the head's schema
    };
    QStringList shared;              ///< the newest revisions every head builds on (empty: base)
    QList<Branch> branches;          ///< one per head, in the order given
    QStringList overlap;             ///< objects ("schema.name" or "name") two or more change
};

struct RevisionOptions
{
    QString message;
    QString head = QStringLiteral("head");
    bool splice = false;
    QStringList branchLabels;
    QStringList dependsOn;
    QString revId;
    QString versionPath;
    bool sql = false;
    /// Compare the database with the desired schema and fill the sections (`--autogenerate`).
    bool autogenerate = false;
    /// With autogenerate: write a file even when nothing changed (`--allow-empty`).
    bool allowEmpty = false;
    /// SQL for the `-- migrate:upgrade` / `-- migrate:downgrade` sections (autogenerate and
    /// the studio fill these; plain `revision` leaves them empty).
    QString upgradeSql;
    QString downgradeSql;
};

/// A revision interrupted half-way on the configured database, in words (describeInterruption).
struct InterruptedRevision
{
    QString revision;
    QString text;
};

/// What the configured database has done (`stratum_history`) and which applied revisions
/// changed since (the studio's Runs view, `verify`).
struct RunsReport
{
    QList<AuditRecord> runs;                       ///< every row, oldest first
    /// For each revision applied and not undone since: its latest "upgrade" or "stamp" row
    /// (a later "downgrade" or "unstamp" row of it takes it out).
    QHash<QString, AuditRecord> lastApplied;
    /// The revisions of lastApplied whose upgrade section no longer has the checksum applied
    /// (or whose file is gone or unreadable) → why, in a sentence naming the file.
    QHash<QString, QString> changedSinceApplied;
    QString note;                                  ///< why there are no runs, when not obvious
};

/// The reading commands' results as values: the CLI renders text (Alembic's format) and JSON
/// (`--json`) from them, the studio reads them. Revisions are copies, valid after the project
/// that held them is gone.

/// `heads`.
struct HeadsReport
{
    QList<Revision> heads;
};

/// `current`: what the configured database's version table says.
struct CurrentReport
{
    QString url;                                  ///< the configured URL, password masked
    QStringList versionTable;                     ///< the rows of the version table
    QList<Revision> current;                      ///< what Alembic's `current` prints, load order
    QList<InterruptedRevision> interrupted;       ///< revisions stopped half-way (MySQL)
};

/// `history [-r RANGE] [-i]`.
struct HistoryReport
{
    QList<Revision> revisions;                    ///< newest first, as printed
    /// The database's heads, when the range or -i needed them (else empty and not read).
    QStringList current;
    bool currentRead = false;
};

/// `branches`: each branch point with the revisions it branches into.
struct BranchesReport
{
    struct BranchPoint
    {
        Revision revision;
        QList<Revision> branches;
    };
    QList<BranchPoint> branchPoints;
};

/// `show REV`.
struct ShowReport
{
    QList<Revision> revisions;
};

/// One check of `verify`.
struct VerifyCheck
{
    enum class Outcome { Pass, Fail, Skip };
    Outcome outcome = Outcome::Skip;
    QString name;                                 ///< e.g. "single head"
    QString detail;
    QString file;                                 ///< where a failure points, when it does
    int line = 0;
};

/// `verify`: the checks in the order they ran.
struct VerifyReport
{
    QList<VerifyCheck> checks;
    int failed() const;
};

/// The commands of DESIGN.md §7, one function each, shared by the CLI and the studio
/// (Alembic's command.py). Output goes through the context; errors come back as values.
namespace Commands {

/// Writes a project skeleton from a built-in template (generic, multidb, embedded).
Status init(const QString &directory, const QString &templateName, const CommandOutput &output);
/// Creates a revision file; returns its path. With options.autogenerate the sections hold the
/// operations that turn the database into the desired schema; when there are none (and not
/// options.allowEmpty) no file is written and the path is empty.
Result<QString> revision(const CommandContext &context, const RevisionOptions &options);
/// Compares the configured database with the desired schema (`schema/*.sql` normalised on a
/// dev database).
Result<SchemaComparison> compareDatabase(const CommandContext &context);
/// `check`: prints the operations autogenerate would write. Nothing to do → ok;
/// differences → an Error with code Error::Found (exit 1).
Status check(const CommandContext &context);
/// What `check` concludes from \a comparison: no operations → ok (said on the info output);
/// operations → an Error with code Error::Found. Prints nothing else.
Status checkOutcome(const CommandContext &context, const SchemaComparison &comparison);
/// The schema a diff source stands for: a database URL, `schema` (the desired schema files),
/// `database` / `current` (the configured database), or a revision (its schema, built by
/// replaying the history up to it on a dev database).
Result<Schema> diffSource(const CommandContext &context, const QString &source);
/// `diff A B`: the operations and SQL that turn A's schema into B's.
Result<SchemaComparison> compareSources(const CommandContext &context, const QString &a, const QString &b);
/// Prints compareSources(a, b): the operations as comments, then the upgrade SQL. Like `check`,
/// returns an Error with code Error::Found (exit 1) when the two sides differ.
Status diff(const CommandContext &context, const QString &a, const QString &b);
/// What `diff` concludes: the sides are equal (info) or differ (Error::Found).
Status diffOutcome(const CommandContext &context, const SchemaComparison &comparison, const QString &a,
                   const QString &b);
/// Runs the revision \a text (the file \a path, perhaps edited and not saved) on a dev database
/// of the project's engine: the upgrades of the revisions it builds on, then its upgrade, then
/// its downgrade, and compares the schema before its upgrade with the one after its downgrade.
/// The project's database is not touched. A failing statement of this revision is a result
/// (DryRunResult::failure); a failure before it (connection, an ancestor) is an error.
Result<DryRunResult> dryRun(const CommandContext &context, const QString &path, const QString &text);
/// Replays the history up to each of \a heads and up to what they share on dev databases
/// (through the schema cache) and compares: see MergePreview.
Result<MergePreview> mergePreview(const CommandContext &context, const QStringList &heads);
/// `stratum_history` of the configured database and the applied revisions changed since
/// (RunsReport). No table, or an SQLite file that does not exist yet (it is not created), is
/// an empty report; a database that cannot be read is an error.
Result<RunsReport> runs(const CommandContext &context);
/// `verify`: pytest-alembic's battery (DESIGN.md §9), one line each on the output: a single
/// head; every revision from base to the heads upgrades on a dev database, its downgrade
/// restores the schema before it and it upgrades again; the upgraded schema equals
/// `schema/*.sql`; the revisions the database applied are unchanged since (checksums in
/// stratum_history). A failed check → Error::Found (exit 1); a check that cannot run is skipped
/// with its reason.
Status verify(const CommandContext &context);
/// verify()'s checks as values; \a checked sees each as soon as it is done.
Result<VerifyReport> verifyReport(const CommandContext &context,
                                  const std::function<void(const VerifyCheck &)> &checked = {});
/// What `verify` concludes: no failed check (info) or Error::Found.
Status verifyOutcome(const CommandContext &context, const VerifyReport &report);
/// One risky change `lint` found in a revision's upgrade.
struct LintFinding
{
    QString code;          ///< e.g. "SL101"
    QString title;         ///< e.g. "drop table"
    QString revision;
    QString file;
    int line = 0;          ///< the statement that makes the change (or the section marker)
    QString message;       ///< what the statement does to existing data
    QString suggestion;    ///< what to do instead
};
/// `lint [REVISION]`: replays the revisions on a dev database and reports the risky changes of
/// the pending ones (not yet applied to the database; every revision when the database cannot
/// be read), or of \a revision alone (DESIGN.md §9). Each finding is printed as
/// `file:line: CODE title: message. suggestion`; findings → Error::Found (exit 1). A revision
/// silences a code with a `-- lint:ignore CODE` comment.
Result<QList<LintFinding>> lintRevisions(const CommandContext &context, const QString &revision = {});
Status lint(const CommandContext &context, const QString &revision = {});
/// What `lint` concludes: nothing found (info) or Error::Found.
Status lintOutcome(const CommandContext &context, const QList<LintFinding> &findings);
/// Creates a merge revision of \a revisions; returns its path.
Result<QString> merge(const CommandContext &context, const QStringList &revisions,
                      const QString &message, const QStringList &branchLabels, const QString &revId);
Status upgrade(const CommandContext &context, const QString &revision, bool sql);
Status downgrade(const CommandContext &context, const QString &revision, bool sql);
Status stamp(const CommandContext &context, const QStringList &revisions, bool sql, bool purge);
/// `current`: the heads; an interrupted revision (Interruption) is said on the info output.
Status current(const CommandContext &context, bool verbose);
Result<CurrentReport> currentReport(const CommandContext &context);
/// `repair`: without \a action, prints what was interrupted (Error::Found, exit 1, when
/// something was; "Nothing was interrupted" otherwise); with one, carries it out.
Status repair(const CommandContext &context, const QString &revision,
              std::optional<RepairRequest::Action> action, int from = 0);
/// The tables Stratum keeps in the database beside the application's schema: the version
/// table, the audit log and the progress table. Autogenerate and the diff view leave them out.
QStringList bookkeepingTables(const Config &config);
/// The interrupted revisions of the configured database (empty when none), for `current`,
/// `repair` and the studio.
Result<QList<InterruptedRevision>> interruptions(const CommandContext &context);
Status history(const CommandContext &context, const QString &range, bool verbose,
               bool indicateCurrent);
Result<HistoryReport> historyReport(const CommandContext &context, const QString &range, bool indicateCurrent);
Status heads(const CommandContext &context, bool verbose, bool resolveDependencies);
Result<HeadsReport> headsReport(const CommandContext &context, bool resolveDependencies);
Status branches(const CommandContext &context, bool verbose);
Result<BranchesReport> branchesReport(const CommandContext &context);
Status show(const CommandContext &context, const QString &revision);
Result<ShowReport> showReport(const CommandContext &context, const QString &revision);
/// Opens the revision file(s) in $VISUAL / $EDITOR.
Status edit(const CommandContext &context, const QString &revision);
Status ensureVersion(const CommandContext &context, bool sql);

} // namespace Commands
} // namespace Stratum
