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

// history -r a:b with `current` on either side needs the database's heads.
Status printHistory(const CommandContext &context, const RevisionMap &map, const QString &base,
                    const QString &head, bool verbose, const QSet<QString> *currents)
{
    Result<QList<const Revision *>> revisions =
        map.walkRevisions(base.isEmpty() ? QStringLiteral("base") : base,
                          head.isEmpty() ? QStringLiteral("heads") : head);
    if (!revisions)
        return revisions.error();
    RevisionFormat format;
    format.verbose = verbose;
    format.includeBranches = true;
    format.includeDoc = true;
    format.includeParents = true;
    for (const Revision *revision : *revisions) {
        format.current = currents && currents->contains(revision->id);
        print(context, formatRevision(*revision, format));
    }
    return {};
}

} // namespace

Status heads(const CommandContext &context, bool verbose, bool resolveDependencies)
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
    RevisionFormat format;
    format.verbose = verbose;
    format.includeBranches = true;
    format.treeIndicators = false;
    for (const Revision *revision : heads)
        print(context, formatRevision(*revision, format));
    return {};
}

Status branches(const CommandContext &context, bool verbose)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    const RevisionMap &map = project->map();
    Result<QList<const Revision *>> revisions = map.walkRevisions();
    if (!revisions)
        return revisions.error();
    RevisionFormat point;
    point.verbose = verbose;
    point.includeBranches = true;
    RevisionFormat child;
    child.includeBranches = true;
    child.includeDoc = verbose;
    for (const Revision *revision : *revisions) {
        if (!revision->isBranchPoint)
            continue;
        QStringList lines;
        const QString indent(revision->id.size(), QLatin1Char(' '));
        for (const QString &next : revision->nextRevisions)
            if (const Revision *nextRevision = map.revision(next))
                lines << indent + QStringLiteral(" -> ") + formatRevision(*nextRevision, child);
        print(context, formatRevision(*revision, point) + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))
                           + QLatin1Char('\n'));
    }
    return {};
}

Status history(const CommandContext &context, const QString &range, bool verbose, bool indicateCurrent)
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
    const RevisionMap &map = project->map();

    const bool needsDatabase = indicateCurrent || base == QLatin1String("current")
                               || head == QLatin1String("current");
    if (!needsDatabase)
        return printHistory(context, map, base, head, verbose, nullptr);

    Result<QStringList> current = databaseHeads(context);
    if (!current)
        return current.error();
    const QString heads = current->join(QLatin1Char(','));
    const QSet<QString> currents(current->cbegin(), current->cend());
    if (head == QLatin1String("current"))
        head = heads;
    if (base == QLatin1String("current"))
        base = heads;
    return printHistory(context, map, base, head, verbose, indicateCurrent ? &currents : nullptr);
}

Status show(const CommandContext &context, const QString &revision)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    const RevisionMap &map = project->map();
    QString identifier = revision;
    if (revision == QLatin1String("current")) {
        Result<QStringList> current = databaseHeads(context);
        if (!current)
            return current.error();
        identifier = current->join(QLatin1Char(','));
    }
    Result<QList<const Revision *>> revisions = map.resolve(identifier);
    if (!revisions)
        return revisions.error();
    RevisionFormat format;
    format.verbose = true;
    for (const Revision *found : *revisions)
        print(context, formatRevision(*found, format));
    return {};
}

Status current(const CommandContext &context, bool verbose)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<QStringList> heads = databaseHeads(context);
    if (!heads)
        return heads.error();
    if (verbose)
        print(context, QStringLiteral("Current revision(s) for %1:").arg(maskedUrl(context)));
    Result<QList<const Revision *>> currents = project->map().allCurrentRevisions(*heads);
    if (!currents)
        return currents.error();
    RevisionFormat format;
    format.verbose = verbose;
    for (const Revision *revision : *currents)
        print(context, formatRevision(*revision, format));
    // Alembic's lines stay on the output as they are; an interruption goes to the log.
    Result<QList<InterruptedRevision>> interrupted = interruptions(context);
    if (!interrupted)
        return interrupted.error();
    for (const InterruptedRevision &revision : *interrupted)
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
