// The studio's dry run of a revision on a dev database (DESIGN.md §8: validation markers).
#include "commands/autogenerate_p.h"
#include "commands/commands.h"
#include "commands/project.h"

#include "dialect/dialect.h"
#include "runtime/connection.h"
#include "script/revisionscript.h"

namespace Stratum::Commands {

namespace {

// Runs \a section's statements one by one; the first failure, at its line, or nothing.
Result<std::optional<Error>> runSection(DevDatabase &dev, const ScriptSection &section, const QString &path)
{
    Result<QList<SqlStatement>> statements = sectionStatements(section, path);
    if (!statements)
        return std::optional<Error>(statements.error());
    for (const SqlStatement &statement : *statements)
        if (Status ran = dev.execute(statement, path); !ran)
            return std::optional<Error>(ran.error());
    return std::optional<Error>();
}

} // namespace

Result<DryRunResult> dryRun(const CommandContext &context, const QString &path, const QString &text)
{
    Result<RevisionScript> script = parseRevisionScript(text, path, false);
    if (!script)
        return script.error();
    if (context.config.url.isEmpty())
        return Error::input(QStringLiteral("No database URL is configured"), context.config.path, 0, 0,
                            QStringLiteral("The dry run needs the engine (and server) of the project's database."));
    Result<DatabaseUrl> target = DatabaseUrl::parse(context.config.url, context.config.here);
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

    Result<std::unique_ptr<DevDatabase>> dev = DevDatabase::open(*target, context.config.devUrl, context.config.here,
                                                                 context.config.includeSchemas);
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

    Result<std::optional<Error>> upgrade = runSection(**dev, script->upgrade, path);
    if (!upgrade)
        return upgrade.error();
    if (*upgrade) {
        result.failure = **upgrade;
        return result;
    }
    if (!script->downgrade.present)
        return result;
    Result<std::optional<Error>> downgrade = runSection(**dev, script->downgrade, path);
    if (!downgrade)
        return downgrade.error();
    result.downgraded = true;
    if (*downgrade) {
        result.failure = **downgrade;
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

} // namespace Stratum::Commands
