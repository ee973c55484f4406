// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `revision --autogenerate`, `check` and `diff`: reflect, compare, render (DESIGN.md §6).
#include "stratum/commands/autogenerate_p.h"
#include "stratum/commands/commands.h"
#include "stratum/commands/database.h"
#include "stratum/commands/project.h"

#include "stratum/autogen/operationrenderer.h"
#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/connection.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemareflector.h"
#include "stratum/script/revisionscript.h"

#include <QCryptographicHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <thread>

namespace Stratum::Commands {

namespace {

bool batchMode(const Config &config, const Dialect &dialect)
{
    const QString value = config.renderAsBatch.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("auto"))
        return dialect.name == QLatin1String("sqlite");
    return value == QLatin1String("true") || value == QLatin1String("1") || value == QLatin1String("yes")
           || value == QLatin1String("on");
}

Result<Schema> reflectUrl(const CommandContext &context, const DatabaseUrl &url)
{
    ConnectOptions connectOptions;
    connectOptions.busyTimeoutMs = int(qint64(context.config.lockTimeout) * 1000);
    Result<std::unique_ptr<Connection>> connection = Connection::open(url, connectOptions);
    if (!connection)
        return connection.error();
    ReflectOptions options;
    options.schemas = context.config.includeSchemas;
    return SchemaReflector::reflect(**connection, options);
}


Result<Schema> desiredSchema(const CommandContext &context, const DatabaseUrl &target)
{
    QStringList globs = context.config.schemaGlobs;
    if (globs.isEmpty())
        globs << QStringLiteral("schema/*.sql");
    Result<QStringList> files = DesiredSchema::files(globs, context.config.here);
    if (!files)
        return files.error();
    return DesiredSchema::load(*files, target, Internal::normaliseOptions(context));
}

SchemaComparison makeComparison(const CommandContext &context, const Schema &from, const Schema &to,
                                const Dialect &dialect)
{
    SchemaComparison comparison;
    comparison.dialect = dialect.name;
    comparison.from = from;
    comparison.to = to;
    comparison.upgrade = compareSchemas(from, to, dialect, Internal::compareOptions(context));
    comparison.downgrade = reverseOperations(comparison.upgrade);
    OperationRenderer::Options renderOptions;
    renderOptions.batch = batchMode(context.config, dialect);
    comparison.upgradeSql = OperationRenderer::render(comparison.upgrade, dialect, from, renderOptions);
    Schema after = from;
    for (const Operation &op : comparison.upgrade)
        applyOperation(after, op);
    comparison.downgradeSql = OperationRenderer::render(comparison.downgrade, dialect, after, renderOptions);
    return comparison;
}

QString operationCount(qsizetype n)
{
    return n == 1 ? QStringLiteral("1 operation") : QStringLiteral("%1 operations").arg(n);
}

// Runs \a first on a thread of its own and \a second on this one: the database is reflected
// while the dev database builds the desired schema. On servers both mostly wait for the
// server; on SQLite both run in the process and would wait for each other on SQLite's global
// memory-statistics mutex, which Connection switches off (before: 295 ms in parallel against
// 283 ms one after the other; after: 170 against 220 ms on 1,000 tables). QSql connections
// belong to the thread that opened them, so each side opens, uses and closes its own.
// \a first's error wins when both fail, as if run in order.
std::pair<Result<Schema>, Result<Schema>> bothSides(const std::function<Result<Schema>()> &first,
                                                     const std::function<Result<Schema>()> &second)
{
    Result<Schema> a = Error::input(QStringLiteral("Not reflected"));
    std::thread worker([&a, &first] { a = first(); });
    Result<Schema> b = second();
    worker.join();
    return {std::move(a), std::move(b)};
}

} // namespace

Result<SchemaComparison> compareDatabase(const CommandContext &context)
{
    Result<DatabaseUrl> url = Internal::configuredUrl(context);
    if (!url)
        return url.error();
    const Dialect *dialect = Dialect::find(url->dialect);
    if (!dialect)
        return Error::input(QStringLiteral("Unsupported database \"%1\" in %2.").arg(url->dialect, url->masked()));
    auto [database, desired] = bothSides([&] { return reflectUrl(context, *url); },
                                         [&] { return desiredSchema(context, *url); });
    if (!database)
        return database.error();
    if (!desired)
        return desired.error();
    return makeComparison(context, *database, *desired, *dialect);
}

Status check(const CommandContext &context)
{
    Result<SchemaComparison> comparison = compareDatabase(context);
    if (!comparison)
        return comparison.error();
    for (const Operation &op : comparison->upgrade)
        print(context, op.describe());
    return checkOutcome(context, *comparison);
}

Status checkOutcome(const CommandContext &context, const SchemaComparison &comparison)
{
    if (comparison.upgrade.isEmpty()) {
        info(context, QStringLiteral("No new upgrade operations detected."));
        return {};
    }
    Error found = Error::input(QStringLiteral("New upgrade operations detected: %1.").arg(operationCount(comparison.upgrade.size())),
                               {}, 0, 0,
                               QStringLiteral("Run `stratum revision --autogenerate -m MESSAGE` to write them into a revision."));
    found.code = Error::Found;
    return found;
}

Result<Schema> diffSource(const CommandContext &context, const QString &source)
{
    if (source.contains(QLatin1String("://"))) {
        Result<DatabaseUrl> url = DatabaseUrl::parse(source, context.config.here);
        if (!url)
            return url.error();
        return reflectUrl(context, *url);
    }
    Result<DatabaseUrl> target = Internal::configuredUrl(context);
    if (!target)
        return target.error();
    if (source == QLatin1String("schema"))
        return desiredSchema(context, *target);
    if (source == QLatin1String("database") || source == QLatin1String("current"))
        return reflectUrl(context, *target);
    return Internal::revisionSchema(context, *target,
                                    source == QLatin1String("base") ? QStringList{} : QStringList{source});
}

Result<SchemaComparison> compareSources(const CommandContext &context, const QString &a, const QString &b)
{
    auto [from, to] = bothSides([&] { return diffSource(context, a); },
                                [&] { return diffSource(context, b); });
    if (!from)
        return from.error();
    if (!to)
        return to.error();
    if (from->dialect != to->dialect)
        return Error::input(QStringLiteral("Cannot compare a %1 schema with a %2 schema").arg(from->dialect, to->dialect),
                            {}, 0, 0, QStringLiteral("Both sides of diff must be the same database engine."));
    const Dialect *dialect = Dialect::find(from->dialect);
    if (!dialect)
        return Error::input(QStringLiteral("Unsupported database \"%1\"").arg(from->dialect));
    return makeComparison(context, *from, *to, *dialect);
}

Status diff(const CommandContext &context, const QString &a, const QString &b)
{
    Result<SchemaComparison> comparison = compareSources(context, a, b);
    if (!comparison)
        return comparison.error();
    if (!comparison->upgrade.isEmpty()) {
        print(context, QStringLiteral("-- %1 from %2 to %3:")
                           .arg(operationCount(comparison->upgrade.size()), maskPasswords(a), maskPasswords(b)));
        for (const Operation &op : comparison->upgrade)
            print(context, QStringLiteral("--   ") + op.describe());
        print(context, QString());
        QString body = OperationRenderer::scriptBody(comparison->upgradeSql);
        if (body.endsWith(QLatin1Char('\n')))
            body.chop(1);
        print(context, body);
    }
    return diffOutcome(context, *comparison, a, b);
}

Status diffOutcome(const CommandContext &context, const SchemaComparison &comparison, const QString &a,
                   const QString &b)
{
    const QString left = maskPasswords(a);
    const QString right = maskPasswords(b);
    if (comparison.upgrade.isEmpty()) {
        info(context, QStringLiteral("No differences between %1 and %2.").arg(left, right));
        return {};
    }
    // Like `check` (and diff(1)): exit 1 when the two sides differ.
    Error found = Error::input(QStringLiteral("%1 and %2 differ: %3.")
                                   .arg(left, right, operationCount(comparison.upgrade.size())));
    found.code = Error::Found;
    return found;
}

namespace Internal {

CompareOptions compareOptions(const CommandContext &context)
{
    CompareOptions options;
    options.compareType = context.config.compareType;
    options.compareServerDefault = context.config.compareServerDefault;
    options.excludeTables = context.config.excludeTables;
    options.includeSchemas = context.config.includeSchemas;
    options.ignoreTables = bookkeepingTables(context.config);
    options.includeName = context.autogenerate.includeName;
    options.includeObject = context.autogenerate.includeObject;
    options.detectRenames = context.autogenerate.detectRenames;
    return options;
}

Result<DatabaseUrl> configuredUrl(const CommandContext &context)
{
    if (context.config.url.isEmpty())
        return Error::input(QStringLiteral("No database URL is configured"), context.config.path, 0, 0,
                            QStringLiteral("Set 'url' in the [stratum] section, the STRATUM_URL "
                                           "environment variable, or pass --url."));
    return DatabaseUrl::parse(context.config.url, context.config.here);
}

Result<std::unique_ptr<DevDatabase>> openDevDatabase(const CommandContext &context, const DatabaseUrl &target)
{
    return DevDatabase::open(target, context.config.devUrl, context.config.here, context.config.includeSchemas);
}

NormaliseOptions normaliseOptions(const CommandContext &context)
{
    NormaliseOptions options;
    options.devUrl = context.config.devUrl;
    options.includeSchemas = context.config.includeSchemas;
    options.baseDir = context.config.here;
    if (context.config.schemaCache)
        options.cache = SchemaCache(SchemaCache::defaultFolder());
    options.info = [&context](const QString &line) { info(context, line); };
    return options;
}

Result<Schema> revisionSchema(const CommandContext &context, const DatabaseUrl &target, const QStringList &revisions)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    Result<QList<SourcedStatement>> history = historyStatements(*project, revisions, &digest);
    if (!history)
        return history.error();
    return DesiredSchema::normalise(target, normaliseOptions(context), digest.result(),
                                    [&history]() -> Result<QList<SourcedStatement>> { return *history; });
}

Result<QList<SourcedStatement>> historyStatements(const Project &project, const QStringList &revisions,
                                                  QCryptographicHash *digest)
{
    QList<SourcedStatement> history;
    QSet<const Revision *> replayed;
    for (const QString &revision : revisions) {
        Result<QList<MigrationStep>> steps = project.map().upgradeSteps(revision, {});
        if (!steps)
            return steps.error();
        for (const MigrationStep &step : *steps) {
            if (!step.revision || replayed.contains(step.revision))
                continue;   // a merge's branches share their ancestors
            replayed.insert(step.revision);
            Result<RevisionScript> script = readRevisionScript(step.revision->path);
            if (!script)
                return script.error();
            if (script->python)
                return Error::input(QStringLiteral("Revision %1 is an Alembic Python file; its schema cannot be "
                                                   "replayed").arg(step.revision->id),
                                    step.revision->path);
            Result<QList<SqlStatement>> statements = sectionStatements(script->upgrade, script->path);
            if (!statements)
                return statements.error();
            for (const SqlStatement &statement : *statements) {
                if (digest)
                    SchemaCache::addToDigest(*digest, statement.text.toUtf8());
                history.append(SourcedStatement{statement, script->path});
            }
        }
    }
    return history;
}

Result<QString> autogenerateRevision(const CommandContext &context, const RevisionOptions &options)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    // As Alembic: the new revision goes on top of the database's revision, so the database
    // must be at the head the revision is based on.
    const QString head = options.head.isEmpty() ? QStringLiteral("head") : options.head;
    Result<QList<const Revision *>> base = project->map().resolve(head);
    if (!base)
        return base.error();
    QStringList expected;
    for (const Revision *revision : *base)
        if (revision)
            expected << revision->id;
    Result<QStringList> current = databaseHeads(context);
    if (!current)
        return current.error();
    QStringList actual = *current;
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    if (expected != actual)
        return Error::input(QStringLiteral("Target database is not up to date."), {}, 0, 0,
                            QStringLiteral("Run `stratum upgrade %1` first (the database is at %2).")
                                .arg(head, actual.isEmpty() ? QStringLiteral("base") : actual.join(QLatin1String(", "))));

    Result<SchemaComparison> comparison = compareDatabase(context);
    if (!comparison)
        return comparison.error();
    RevisionDirectives directives;
    directives.message = options.message;
    directives.revId = options.revId;
    directives.upgradeOperations = comparison->upgrade;
    directives.downgradeOperations = comparison->downgrade;
    if (context.autogenerate.processRevisionDirectives)
        context.autogenerate.processRevisionDirectives(directives);

    for (const Operation &op : directives.upgradeOperations)
        info(context, QStringLiteral("Detected ") + op.describe());
    if (directives.upgradeOperations.isEmpty() && !options.allowEmpty) {
        info(context, QStringLiteral("No changes in schema detected; no revision file written (use --allow-empty "
                                     "to write one anyway)."));
        return QString();
    }

    const Dialect *dialect = Dialect::find(comparison->dialect);
    OperationRenderer::Options renderOptions;
    renderOptions.batch = batchMode(context.config, *dialect);
    RevisionOptions filled = options;
    filled.autogenerate = false;
    filled.message = directives.message;
    filled.revId = directives.revId;
    filled.upgradeSql = OperationRenderer::scriptBody(
        OperationRenderer::render(directives.upgradeOperations, *dialect, comparison->from, renderOptions));
    Schema after = comparison->from;
    for (const Operation &op : directives.upgradeOperations)
        applyOperation(after, op);
    filled.downgradeSql = OperationRenderer::scriptBody(
        OperationRenderer::render(directives.downgradeOperations, *dialect, after, renderOptions));
    return revision(context, filled);
}

} // namespace Internal

} // namespace Stratum::Commands
