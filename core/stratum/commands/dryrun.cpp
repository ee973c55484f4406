// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The studio's checks on a dev database (DESIGN.md §8): the dry run of a revision (validation
// markers) and the preview of a merge (each branch's net changes).
#include "stratum/commands/autogenerate_p.h"
#include "stratum/commands/commands.h"
#include "stratum/commands/project.h"

#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/script/revisionscript.h"

#include <QSet>

namespace Stratum::Commands {

namespace {

// The object an operation changes, as the merge preview names it.
QString changedObject(const Operation &op)
{
    if (!op.table.isEmpty())
        return displayName(op.schema, op.table);
    if (!op.view.name.isEmpty())
        return displayName(op.view.schema, op.view.name);
    if (!op.enumType.name.isEmpty())
        return displayName(op.enumType.schema, op.enumType.name);
    if (!op.sequence.name.isEmpty())
        return displayName(op.sequence.schema, op.sequence.name);
    return op.schema;
}

} // namespace

Result<DryRunResult> dryRun(const CommandContext &context, const QString &path, const QString &text)
{
    Result<RevisionScript> script = parseRevisionScript(text, path, false);
    if (!script)
        return script.error();
    Result<DatabaseUrl> target = Internal::configuredUrl(context);
    if (!target)
        return target.error();
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    // What the revision builds on: its parents as the edited header names them, and what it
    // depends on, with their ancestors.
    QStringList before = script->downRevisions;
    before += script->dependsOn;
    Result<QList<SourcedStatement>> history = Internal::historyStatements(*project, before);
    if (!history)
        return history.error();

    Result<std::unique_ptr<DevDatabase>> dev = Internal::openDevDatabase(context, *target);
    if (!dev)
        return dev.error();
    DryRunResult result;
    result.devDatabase = target->dialect == QLatin1String("sqlite") ? QStringLiteral("in-memory SQLite")
                                                                    : (*dev)->connection().url().masked();
    result.replayed = int(history->size());
    if (Status replayed = (*dev)->executeAll(*history); !replayed)
        return replayed.error();
    Result<Schema> start = (*dev)->reflect(context.config.includeSchemas);
    if (!start)
        return start.error();

    if (std::optional<Error> failed = Internal::runSection(**dev, script->upgrade, path)) {
        result.failure = *failed;
        return result;
    }
    if (!script->downgrade.present)
        return result;
    result.downgraded = true;
    if (std::optional<Error> failed = Internal::runSection(**dev, script->downgrade, path)) {
        result.failure = *failed;
        return result;
    }
    Result<Schema> end = (*dev)->reflect(context.config.includeSchemas);
    if (!end)
        return end.error();
    CompareOptions options;
    options.includeSchemas = context.config.includeSchemas;
    result.notUndone = compareSchemas(*start, *end, (*dev)->connection().dialect(), options);
    return result;
}

Result<MergePreview> mergePreview(const CommandContext &context, const QStringList &heads)
{
    Result<DatabaseUrl> target = Internal::configuredUrl(context);
    if (!target)
        return target.error();
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    const RevisionMap &map = project->map();
    // What every head builds on: the revisions upgradeSteps() runs for each, intersected.
    std::optional<QSet<QString>> shared;
    for (const QString &head : heads) {
        Result<QList<MigrationStep>> steps = map.upgradeSteps(head, {});
        if (!steps)
            return steps.error();
        QSet<QString> ancestry;
        for (const MigrationStep &step : *steps)
            if (step.revision)
                ancestry.insert(step.revision->id);
        shared = shared ? shared->intersect(ancestry) : ancestry;
    }
    MergePreview preview;
    // The newest of them: those no other shared revision builds on.
    QSet<QString> inner;
    for (const QString &id : shared.value_or(QSet<QString>{}))
        if (const Revision *revision = map.revision(id))
            for (const QString &parent : revision->downRevisions + revision->resolvedDependencies)
                inner.insert(parent);
    for (const QString &id : shared.value_or(QSet<QString>{}))
        if (!inner.contains(id))
            preview.shared << id;
    preview.shared.sort();

    Result<Schema> base = Internal::revisionSchema(context, *target, preview.shared);
    if (!base)
        return base.error();
    const Dialect *dialect = Dialect::find(target->dialect);
    if (!dialect)
        return Error::input(QStringLiteral("Unsupported database \"%1\"").arg(target->dialect));
    CompareOptions options;
    options.includeSchemas = context.config.includeSchemas;
    QHash<QString, int> touched;   // object → branches that change it
    for (const QString &head : heads) {
        Result<Schema> schema = Internal::revisionSchema(context, *target, {head});
        if (!schema)
            return schema.error();
        MergePreview::Branch branch{head, compareSchemas(*base, *schema, *dialect, options)};
        QSet<QString> objects;
        for (const Operation &op : branch.changes)
            objects.insert(changedObject(op));
        for (const QString &object : objects)
            ++touched[object];
        preview.branches.append(branch);
    }
    for (auto it = touched.cbegin(); it != touched.cend(); ++it)
        if (it.value() > 1)
            preview.overlap << it.key();
    preview.overlap.sort();
    return preview;
}

namespace Internal {

std::optional<Error> runSection(DevDatabase &dev, const ScriptSection &section, const QString &path)
{
    Result<QList<SqlStatement>> statements = sectionStatements(section, path);
    if (!statements)
        return statements.error();
    for (const SqlStatement &statement : *statements)
        if (Status ran = dev.execute(statement, path); !ran)
            return ran.error();
    return std::nullopt;
}

} // namespace Internal

} // namespace Stratum::Commands
