// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/commands/commands.h"

#include "stratum/commands/database.h"
#include "stratum/commands/project.h"
#include "stratum/revision/revisionmap.h"

#include <QFileInfo>
#include <QProcess>

namespace Stratum::Commands {
namespace {

QList<Revision> copies(const QList<const Revision *> &revisions)
{
    QList<Revision> values;
    values.reserve(revisions.size());
    for (const Revision *revision : revisions)
        if (revision)
            values << *revision;
    return values;
}

} // namespace

Result<HeadsReport> headsReport(const CommandContext &context, bool resolveDependencies)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    const RevisionMap &map = project->map();
    QList<const Revision *> heads;
    if (resolveDependencies) {
        Result<QList<const Revision *>> resolved = map.resolve(QStringLiteral("heads"));
        if (!resolved)
            return resolved.error();
        heads = *resolved;
    } else {
        for (const QString &id : map.heads())
            heads << map.revision(id);
    }
    return HeadsReport{copies(heads)};
}

Status heads(const CommandContext &context, bool verbose, bool resolveDependencies)
{
    Result<HeadsReport> report = headsReport(context, resolveDependencies);
    if (!report)
        return report.error();
    RevisionFormat format;
    format.verbose = verbose;
    format.includeBranches = true;
    format.treeIndicators = false;
    for (const Revision &revision : std::as_const(report->heads))
        print(context, formatRevision(revision, format));
    return {};
}

Result<BranchesReport> branchesReport(const CommandContext &context)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    const RevisionMap &map = project->map();
    Result<QList<const Revision *>> revisions = map.walkRevisions();
    if (!revisions)
        return revisions.error();
    BranchesReport report;
    for (const Revision *revision : *revisions) {
        if (!revision->isBranchPoint)
            continue;
        BranchesReport::BranchPoint point{*revision, {}};
        for (const QString &next : revision->nextRevisions)
            if (const Revision *nextRevision = map.revision(next))
                point.branches << *nextRevision;
        report.branchPoints << point;
    }
    return report;
}

Status branches(const CommandContext &context, bool verbose)
{
    Result<BranchesReport> report = branchesReport(context);
    if (!report)
        return report.error();
    RevisionFormat point;
    point.verbose = verbose;
    point.includeBranches = true;
    RevisionFormat child;
    child.includeBranches = true;
    child.includeDoc = verbose;
    for (const BranchesReport::BranchPoint &branchPoint : std::as_const(report->branchPoints)) {
        QStringList lines;
        const QString indent(branchPoint.revision.id.size(), QLatin1Char(' '));
        for (const Revision &next : branchPoint.branches)
            lines << indent + QStringLiteral(" -> ") + formatRevision(next, child);
        print(context, formatRevision(branchPoint.revision, point) + QLatin1Char('\n')
                           + lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
    return {};
}

Result<HistoryReport> historyReport(const CommandContext &context, const QString &range, bool indicateCurrent)
{
    QString base;
    QString head;
    if (!range.isNull()) {
        const QStringList parts = range.trimmed().split(QLatin1Char(':'));
        if (parts.size() != 2)
            return Error::input(QStringLiteral("History range requires [start]:[end], [start]:, or :[end]"));
        base = parts.at(0);
        head = parts.at(1);
    }
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();

    // history -r a:b with `current` on either side needs the database's heads.
    HistoryReport report;
    if (indicateCurrent || base == QLatin1String("current") || head == QLatin1String("current")) {
        Result<QStringList> current = databaseHeads(context);
        if (!current)
            return current.error();
        report.current = *current;
        report.currentRead = true;
        const QString heads = current->join(QLatin1Char(','));
        if (head == QLatin1String("current"))
            head = heads;
        if (base == QLatin1String("current"))
            base = heads;
    }
    Result<QList<const Revision *>> revisions =
        project->map().walkRevisions(base.isEmpty() ? QStringLiteral("base") : base,
                                     head.isEmpty() ? QStringLiteral("heads") : head);
    if (!revisions)
        return revisions.error();
    report.revisions = copies(*revisions);
    return report;
}

Status history(const CommandContext &context, const QString &range, bool verbose, bool indicateCurrent)
{
    Result<HistoryReport> report = historyReport(context, range, indicateCurrent);
    if (!report)
        return report.error();
    RevisionFormat format;
    format.verbose = verbose;
    format.includeBranches = true;
    format.includeDoc = true;
    format.includeParents = true;
    for (const Revision &revision : std::as_const(report->revisions)) {
        format.current = indicateCurrent && report->current.contains(revision.id);
        print(context, formatRevision(revision, format));
    }
    return {};
}

Result<ShowReport> showReport(const CommandContext &context, const QString &revision)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    QString identifier = revision;
    if (revision == QLatin1String("current")) {
        Result<QStringList> current = databaseHeads(context);
        if (!current)
            return current.error();
        identifier = current->join(QLatin1Char(','));
    }
    Result<QList<const Revision *>> revisions = project->map().resolve(identifier);
    if (!revisions)
        return revisions.error();
    return ShowReport{copies(*revisions)};
}

Status show(const CommandContext &context, const QString &revision)
{
    Result<ShowReport> report = showReport(context, revision);
    if (!report)
        return report.error();
    RevisionFormat format;
    format.verbose = true;
    for (const Revision &found : std::as_const(report->revisions))
        print(context, formatRevision(found, format));
    return {};
}

Result<CurrentReport> currentReport(const CommandContext &context)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<QStringList> heads = databaseHeads(context);
    if (!heads)
        return heads.error();
    CurrentReport report;
    report.url = maskedUrl(context);
    report.versionTable = *heads;
    Result<QList<const Revision *>> currents = project->map().allCurrentRevisions(*heads);
    if (!currents)
        return currents.error();
    report.current = copies(*currents);
    Result<QList<InterruptedRevision>> interrupted = interruptions(context);
    if (!interrupted)
        return interrupted.error();
    report.interrupted = *interrupted;
    return report;
}

Status current(const CommandContext &context, bool verbose)
{
    Result<CurrentReport> report = currentReport(context);
    if (!report)
        return report.error();
    if (verbose)
        print(context, QStringLiteral("Current revision(s) for %1:").arg(report->url));
    RevisionFormat format;
    format.verbose = verbose;
    for (const Revision &revision : std::as_const(report->current))
        print(context, formatRevision(revision, format));
    // Alembic's lines stay on the output as they are; an interruption goes to the log.
    for (const InterruptedRevision &revision : std::as_const(report->interrupted))
        info(context, revision.text);
    return {};
}

Status edit(const CommandContext &context, const QString &revision)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    QString identifier = revision;
    if (revision == QLatin1String("current")) {
        Result<QStringList> current = databaseHeads(context);
        if (!current)
            return current.error();
        if (current->isEmpty())
            return Error::input(QStringLiteral("No current revisions"));
        identifier = current->join(QLatin1Char(','));
    }
    Result<QList<const Revision *>> revisions = project->map().resolve(identifier);
    if (!revisions)
        return revisions.error();
    if (revisions->isEmpty())
        return Error::input(QStringLiteral("No revision files indicated by symbol '%1'").arg(revision));
    QString editor = qEnvironmentVariable("VISUAL");
    if (editor.isEmpty())
        editor = qEnvironmentVariable("EDITOR");
    if (editor.isEmpty())
        editor = QStringLiteral("vi");
    for (const Revision *found : *revisions) {
        QStringList command = QProcess::splitCommand(editor);
        const QString program = command.takeFirst();
        command << found->path;
        if (QProcess::execute(program, command) < 0)
            return Error::input(QStringLiteral("Could not start the editor '%1'").arg(editor), {}, 0, 0,
                                QStringLiteral("Set VISUAL or EDITOR to an editor command."));
    }
    return {};
}

} // namespace Stratum::Commands
