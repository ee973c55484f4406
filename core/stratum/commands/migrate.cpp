// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// upgrade, downgrade, stamp, ensure_version: plans from the revision map, run by the Migrator
// online or rendered as a script offline (--sql).
#include "stratum/commands/commands.h"
#include "stratum/commands/database.h"
#include "stratum/commands/project.h"

#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/migrator.h"

namespace Stratum::Commands {
namespace {

QString stepLine(const MigrationStep &step)
{
    const QString text = step.describe();
    return QStringLiteral("Running ") + text;
}

MigratorOptions runOptions(const CommandContext &context)
{
    MigratorOptions options = MigratorOptions::fromConfig(context.config);
    options.cancel = context.cancel;
    options.breakLock = context.breakLock;
    options.log = [&context](const QString &line) { info(context, line); };
    options.progress = [&context](const MigrationProgress &progress) {
        if (progress.event == MigrationProgress::Event::RevisionStarted && progress.step) {
            info(context, stepLine(*progress.step));
            if (context.output.stepStarted)
                context.output.stepStarted(progress.stepIndex, progress.stepCount, *progress.step);
        }
        else if (progress.event == MigrationProgress::Event::Statement && context.output.statement
                 && progress.step)
            context.output.statement(progress.stepIndex, progress.stepCount, *progress.step,
                                     progress.statement, progress.location());
    };
    return options;
}

// Runs \a planner online, or prints the script it would run with --sql (from \a startingHeads).
Status execute(const CommandContext &context, const Project &project, const MigrationPlanner &planner,
               bool sql, const QStringList &startingHeads, bool purge = false)
{
    MigratorOptions options = runOptions(context);
    options.purge = purge;
    if (sql) {
        Result<DatabaseUrl> url = DatabaseUrl::parse(context.config.url, context.config.here);
        if (!url)
            return url.error();
        const Dialect *dialect = Dialect::find(url->dialect);
        if (!dialect)
            return Error::input(QStringLiteral("No dialect for '%1'").arg(url->dialect));
        info(context, QStringLiteral("Context impl %1.").arg(dialect->implName));
        info(context, QStringLiteral("Generating static SQL"));
        Result<QString> script = renderOfflineScript(*dialect, project.map(), startingHeads, planner, options);
        if (!script)
            return script.error();
        if (context.output.print) {
            QString text = *script;
            if (text.endsWith(QLatin1Char('\n')))
                text.chop(1);
            context.output.print(text);
        }
        return {};
    }
    Result<std::unique_ptr<Connection>> connection = openDatabase(context);
    if (!connection)
        return connection.error();
    const Dialect &dialect = (*connection)->dialect();
    info(context, QStringLiteral("Context impl %1.").arg(dialect.implName));
    info(context, QStringLiteral("Will assume %1 DDL.")
                      .arg(dialect.transactionalDdl ? QStringLiteral("transactional")
                                                    : QStringLiteral("non-transactional")));
    Migrator migrator(**connection, project.map(), options);
    Result<MigrationRun> run = migrator.run(planner);
    if (!run)
        return run.error();
    if (run->cancelled && context.output.cancelled)
        context.output.cancelled(run->completedSteps, int(run->steps.size()));
    if (run->cancelled)
        info(context, QStringLiteral("Cancelled after %1 of %2 revisions; the version table records "
                                     "what completed.")
                          .arg(run->completedSteps)
                          .arg(run->steps.size()));
    return {};
}

// Splits `a:b` for offline mode; a range without --sql is refused as in Alembic.
Status splitRange(const QString &revision, bool sql, QString &start, QString &destination)
{
    destination = revision;
    if (revision.contains(QLatin1Char(':'))) {
        if (!sql)
            return Error::input(QStringLiteral("Range revision not allowed"));
        start = revision.section(QLatin1Char(':'), 0, 0);
        destination = revision.section(QLatin1Char(':'), 1);
    }
    return {};
}

// Offline mode starts from the revision named by the `a` of `a:b` (none or base = empty).
// As in Alembic it must name exactly one revision: `heads` with several heads is refused.
Result<QStringList> startingHeads(const Project &project, const QString &start)
{
    if (start.isEmpty() || start == QLatin1String("base"))
        return QStringList{};
    Result<const Revision *> revision = project.map().resolveOne(start);
    if (!revision)
        return revision.error();
    return *revision ? QStringList{(*revision)->id} : QStringList{};
}

using StepsToward = Result<QList<MigrationStep>> (RevisionMap::*)(const QString &, const QStringList &) const;

// upgrade and downgrade: `REV` online, `a:b` offline; \a steps plans from the heads found.
Status migrate(const CommandContext &context, const QString &revision, bool sql, StepsToward steps,
               bool offlineNeedsStart)
{
    QString start;
    QString destination;
    if (Status range = splitRange(revision, sql, start, destination); !range)
        return range;
    if (sql && offlineNeedsStart && start.isNull())
        return Error::input(QStringLiteral("downgrade with --sql requires <fromrev>:<torev>"));
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<QStringList> from = startingHeads(*project, start);
    if (!from)
        return from.error();
    const RevisionMap &map = project->map();
    return execute(context, *project,
                   [&map, destination, steps](const QStringList &heads) { return (map.*steps)(destination, heads); },
                   sql, *from);
}

} // namespace

Status upgrade(const CommandContext &context, const QString &revision, bool sql)
{
    return migrate(context, revision, sql, &RevisionMap::upgradeSteps, false);
}

Status downgrade(const CommandContext &context, const QString &revision, bool sql)
{
    return migrate(context, revision, sql, &RevisionMap::downgradeSteps, true);
}

Status stamp(const CommandContext &context, const QStringList &revisions, bool sql, bool purge)
{
    QStringList destinations;
    QString start;
    for (const QString &revision : revisions) {
        QString target = revision;
        if (sql && revision.contains(QLatin1Char(':'))) {
            const QString from = revision.section(QLatin1Char(':'), 0, 0);
            if (!start.isNull() && start != from)
                return Error::input(QStringLiteral("Stamp operation with --sql only supports a single "
                                                   "starting revision at a time"));
            start = from;
            target = revision.section(QLatin1Char(':'), 1);
        }
        destinations << target;
    }
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<QStringList> from = startingHeads(*project, start);
    if (!from)
        return from.error();
    const RevisionMap &map = project->map();
    return execute(context, *project,
                   [&map, destinations](const QStringList &heads) { return map.stampSteps(destinations, heads); },
                   sql, *from, purge);
}

Result<QList<InterruptedRevision>> interruptions(const CommandContext &context)
{
    Result<std::unique_ptr<Connection>> connection = openDatabase(context);
    if (!connection)
        return connection.error();
    const RevisionMap noRevisions;
    Migrator reader(**connection, noRevisions, MigratorOptions::fromConfig(context.config));
    Result<QList<Interruption>> rows = reader.interruptions();
    if (!rows)
        return rows.error();
    QList<InterruptedRevision> texts;
    if (rows->isEmpty())
        return texts;
    // Only now the revision files: to say which statements ran.
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<QStringList> heads = reader.currentHeads();
    if (!heads)
        return heads.error();
    for (const Interruption &row : *rows)
        texts.append({row.revision, describeInterruption(row, project->map(), *heads).text});
    return texts;
}

Status repair(const CommandContext &context, const QString &revision,
              std::optional<RepairRequest::Action> action, int from)
{
    if (!action) {
        Result<QList<InterruptedRevision>> texts = interruptions(context);
        if (!texts)
            return texts.error();
        if (texts->isEmpty()) {
            print(context, QStringLiteral("Nothing was interrupted."));
            return {};
        }
        for (const InterruptedRevision &interrupted : *texts)
            print(context, interrupted.text);
        Error found = Error::input(texts->size() == 1 ? QStringLiteral("A revision was interrupted.")
                                                          : QStringLiteral("%1 revisions were interrupted.").arg(texts->size()));
        found.code = Error::Found;
        return found;
    }
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<std::unique_ptr<Connection>> connection = openDatabase(context);
    if (!connection)
        return connection.error();
    Migrator migrator(**connection, project->map(), runOptions(context));
    RepairRequest request;
    request.action = *action;
    request.revision = revision;
    request.from = from;
    Result<MigrationRun> run = migrator.repair(request);
    if (!run)
        return run.error();
    if (run->steps.isEmpty() && *action != RepairRequest::Action::MarkUndone) {
        print(context, QStringLiteral("Nothing was interrupted."));
        return {};
    }
    const QString heads = run->headsAfter.isEmpty() ? QStringLiteral("base")
                                                    : run->headsAfter.join(QLatin1String(", "));
    switch (*action) {
    case RepairRequest::Action::Continue:
        print(context, QStringLiteral("Completed %1; the version table is at %2.")
                           .arg(run->steps.first().describe(), heads));
        break;
    case RepairRequest::Action::MarkApplied:
        print(context, QStringLiteral("Recorded %1 as done without running it; the version table is at %2.")
                           .arg(run->steps.first().describe(), heads));
        break;
    case RepairRequest::Action::MarkUndone:
        print(context, QStringLiteral("Forgot the interruption; the version table stays at %1.").arg(heads));
        break;
    }
    return {};
}

Status ensureVersion(const CommandContext &context, bool sql)
{
    if (sql) {
        Result<DatabaseUrl> url = DatabaseUrl::parse(context.config.url, context.config.here);
        if (!url)
            return url.error();
        const Dialect *dialect = Dialect::find(url->dialect);
        if (!dialect)
            return Error::input(QStringLiteral("No dialect for '%1'").arg(url->dialect));
        if (context.output.print)
            context.output.print(dialect->versionTableDdl(context.config.versionTable,
                                                          context.config.versionTableSchema)
                                 + dialect->commandTerminator + QLatin1Char('\n'));
        return {};
    }
    Result<std::unique_ptr<Connection>> connection = openDatabase(context);
    if (!connection)
        return connection.error();
    const RevisionMap noRevisions;
    Migrator migrator(**connection, noRevisions, MigratorOptions::fromConfig(context.config));
    return migrator.ensureVersionTable();
}

} // namespace Stratum::Commands
