// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `stratum lint`: risky changes in pending revisions, found by replaying them (DESIGN.md §9).
// Like Atlas's lint, the rules read what a revision changes in the reflected schema, not its
// SQL text, so they hold however the statement is spelled; the SQL only gives the line.
#include "stratum/commands/autogenerate_p.h"
#include "stratum/commands/commands.h"
#include "stratum/commands/database.h"
#include "stratum/commands/project.h"

#include "stratum/autogen/tablerebuild.h"
#include "stratum/autogen/typechange.h"
#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/connection.h"
#include "stratum/script/revisionscript.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace Stratum::Commands {

namespace {

using Kind = Operation::Kind;

// The line of the statement that makes a change: the first that names \a object after one of
// \a keywords, else the first that names it, else the section's marker.
int lineOf(const QList<SqlStatement> &statements, const ScriptSection &section, const QString &object,
           const QStringList &keywords)
{
    for (const QString &keyword : keywords)
        for (const SqlStatement &statement : statements)
            if (statement.text.simplified().toUpper().contains(keyword) && mentionsIdentifier(statement.text, object))
                return statement.line;
    for (const SqlStatement &statement : statements)
        if (mentionsIdentifier(statement.text, object))
            return statement.line;
    return section.markerLine;
}

// `-- lint:ignore SL101, SL402` anywhere in the file.
QSet<QString> ignoredCodes(const QString &text)
{
    QSet<QString> codes;
    static const QRegularExpression directive(QStringLiteral("--\\s*lint:ignore\\s+([A-Za-z0-9_, ]+)"));
    for (auto it = directive.globalMatch(text); it.hasNext();)
        for (const QString &code : it.next().captured(1).split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts))
            codes.insert(code.toUpper());
    return codes;
}

// The columns of \a schema's tables, for following a revision's statements.
ScriptColumns columnsOf(const Schema &schema)
{
    ScriptColumns columns;
    for (const Table &table : schema.tables) {
        QStringList names;
        for (const Column &column : table.columns)
            names << column.name;
        columns.setColumns(table.name, names);
    }
    return columns;
}

struct RevisionLint
{
    const Dialect &dialect;
    const Schema &before;
    const RevisionScript &script;
    const QList<SqlStatement> &statements;
    QList<TableRebuild> rebuilds;
    QList<LintFinding> findings;

    void add(const QString &code, const QString &title, const QString &object, const QStringList &keywords,
             const QString &message, const QString &suggestion, int line = 0)
    {
        findings.append(LintFinding{code, title, script.revision, script.path,
                                    line > 0 ? line : lineOf(statements, script.upgrade, object, keywords), message,
                                    suggestion});
    }

    // A column a table rebuild leaves out of its copy is lost at the rebuild's DROP TABLE.
    int rebuildLine(const Operation &op) const
    {
        for (const TableRebuild &rebuild : rebuilds)
            if (rebuild.table.compare(op.table, Qt::CaseInsensitive) == 0 && rebuild.lostColumns
                && rebuild.lostColumns->contains(op.column.name, Qt::CaseInsensitive))
                return statements.at(rebuild.drop).line;
        return 0;
    }

    void check(const Operation &op)
    {
        const QString table = displayName(op.schema, op.table);
        const bool existed = before.table(op.table, op.schema) != nullptr;
        switch (op.kind) {
        case Kind::DropTable:
            add(QStringLiteral("SL101"), QStringLiteral("drop table"), op.table, {QStringLiteral("DROP TABLE")},
                QStringLiteral("drops table %1 and its rows").arg(table),
                QStringLiteral("Keep the table until nothing reads it, or copy its rows elsewhere first"));
            break;
        case Kind::DropColumn:
            add(QStringLiteral("SL102"), QStringLiteral("drop column"), op.column.name, {QStringLiteral("DROP COLUMN"), QStringLiteral("DROP")},
                QStringLiteral("drops column %1.%2 and its values").arg(table, op.column.name),
                QStringLiteral("Stop reading and writing the column first; drop it in a later revision"),
                rebuildLine(op));
            break;
        case Kind::AddColumn:
            if (existed && !op.column.nullable && op.column.defaultValue.isEmpty() && op.column.generated.isEmpty()
                && op.column.identity == Column::Identity::None)
                add(QStringLiteral("SL201"), QStringLiteral("not null without default"), op.column.name,
                    {QStringLiteral("ADD")},
                    QStringLiteral("adds NOT NULL column %1.%2 without a default to a table that may have rows")
                        .arg(table, op.column.name),
                    QStringLiteral("Existing rows have no value for it: give it a DEFAULT, or add it nullable, fill "
                                   "it, then set NOT NULL"));
            break;
        case Kind::AlterColumn:
            if (op.fromColumn.nullable && !op.column.nullable && op.column.defaultValue.isEmpty())
                add(QStringLiteral("SL202"), QStringLiteral("not null on existing rows"), op.column.name,
                    {QStringLiteral("NOT NULL"), QStringLiteral("ALTER")},
                    QStringLiteral("makes %1.%2 NOT NULL").arg(table, op.column.name),
                    QStringLiteral("Rows where it is NULL make the migration fail: fill them first (UPDATE … WHERE "
                                   "%1 IS NULL)").arg(op.column.name));
            if (op.fromColumn.type == op.column.type)
                break;
            switch (classifyTypeChange(op.fromColumn.type, op.column.type, dialect)) {
            case TypeChange::Narrows:
                add(QStringLiteral("SL301"), QStringLiteral("type narrowing"), op.column.name,
                    {QStringLiteral("TYPE"), QStringLiteral("MODIFY"), QStringLiteral("ALTER")},
                    QStringLiteral("narrows %1.%2 from %3 to %4").arg(table, op.column.name, op.fromColumn.type, op.column.type),
                    QStringLiteral("Values that do not fit make the migration fail (MySQL may cut them): check the "
                                   "existing values first"));
                break;
            case TypeChange::Converts:
            case TypeChange::NoCast:
                add(QStringLiteral("SL302"), QStringLiteral("type conversion"), op.column.name,
                    {QStringLiteral("TYPE"), QStringLiteral("MODIFY"), QStringLiteral("ALTER")},
                    QStringLiteral("converts every value of %1.%2 from %3 to %4").arg(table, op.column.name, op.fromColumn.type, op.column.type),
                    QStringLiteral("A value that does not convert makes the migration fail (MySQL may store another "
                                   "value instead): check the existing values, or write the conversion (USING) by hand"));
                break;
            case TypeChange::Safe:
                break;
            }
            break;
        case Kind::CreateIndex:
            if (!existed)
                break;
            if (dialect.name == QLatin1String("postgresql")) {
                const int line = lineOf(statements, script.upgrade, op.index.name, {QStringLiteral("INDEX")});
                bool concurrently = false;
                for (const SqlStatement &statement : statements)
                    if (statement.line == line && statement.text.toUpper().contains(QLatin1String("CONCURRENTLY")))
                        concurrently = true;
                if (!concurrently)
                    add(QStringLiteral("SL401"), QStringLiteral("index without CONCURRENTLY"), op.index.name,
                        {QStringLiteral("INDEX")},
                        QStringLiteral("builds index %1 on %2, blocking writes to it meanwhile").arg(op.index.name, table),
                        QStringLiteral("Use CREATE INDEX CONCURRENTLY, in a revision whose upgrade section is marked "
                                       "transaction:false"));
            }
            if (op.index.unique)
                add(QStringLiteral("SL402"), QStringLiteral("unique on existing rows"), op.index.name,
                    {QStringLiteral("INDEX")},
                    QStringLiteral("adds unique index %1 to %2, which may already hold duplicates").arg(op.index.name, table),
                    QStringLiteral("Look for duplicates first (GROUP BY the columns HAVING count(*) > 1)"));
            break;
        case Kind::AddUnique:
            if (existed)
                add(QStringLiteral("SL402"), QStringLiteral("unique on existing rows"),
                    op.unique.name.isEmpty() ? op.table : op.unique.name, {QStringLiteral("UNIQUE")},
                    QStringLiteral("adds a unique constraint on %1 (%2), which may already hold duplicates")
                        .arg(table, op.unique.columns.join(QLatin1String(", "))),
                    QStringLiteral("Look for duplicates first (GROUP BY the columns HAVING count(*) > 1)"));
            break;
        default:
            break;
        }
    }
};

} // namespace

Result<QList<LintFinding>> lintRevisions(const CommandContext &context, const QString &revision)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<DatabaseUrl> target = Internal::configuredUrl(context);
    if (!target)
        return target.error();
    const RevisionMap &map = project->map();

    // Which revisions: the one named, else those the database has not applied.
    QSet<QString> scope;
    if (!revision.isEmpty()) {
        Result<const Revision *> named = map.resolveOne(revision);
        if (!named)
            return named.error();
        if (!*named)
            return Error::input(QStringLiteral("lint needs a revision, not %1").arg(revision));
        scope.insert((*named)->id);
    } else {
        QStringList current;
        const bool missingFile = target->dialect == QLatin1String("sqlite") && !QFileInfo::exists(target->database);
        Result<QStringList> heads = missingFile ? Result<QStringList>(QStringList{}) : databaseHeads(context);
        if (heads)
            current = *heads;
        else if (context.output.info)
            context.output.info(QStringLiteral("The database cannot be read (%1); linting every revision.")
                                    .arg(heads.error().message));
        if (missingFile && context.output.info)
            context.output.info(QStringLiteral("The database file does not exist yet; linting every revision."));
        Result<QList<MigrationStep>> pending = map.upgradeSteps(QStringLiteral("heads"), current);
        if (!pending)
            return pending.error();
        for (const MigrationStep &step : *pending)
            if (step.revision)
                scope.insert(step.revision->id);
    }
    QList<LintFinding> findings;
    if (scope.isEmpty())
        return findings;

    Result<QList<MigrationStep>> steps = map.upgradeSteps(QStringLiteral("heads"), {});
    if (!steps)
        return steps.error();
    const Config &config = context.config;
    Result<std::unique_ptr<DevDatabase>> dev = Internal::openDevDatabase(context, *target);
    if (!dev)
        return dev.error();
    const Dialect &dialect = (*dev)->connection().dialect();
    CompareOptions options;
    options.includeSchemas = config.includeSchemas;
    for (const MigrationStep &step : *steps) {
        if (!step.revision)
            continue;
        Result<RevisionScript> script = readRevisionScript(step.revision->path);
        if (!script)
            return script.error();
        if (script->python)
            return Error::input(QStringLiteral("Revision %1 is an Alembic Python file; it cannot be replayed").arg(step.revision->id),
                                step.revision->path);
        Result<QList<SqlStatement>> statements = sectionStatements(script->upgrade, script->path);
        if (!statements)
            return statements.error();
        const bool linted = scope.contains(step.revision->id);
        Result<Schema> before = linted ? (*dev)->reflect(config.includeSchemas) : Result<Schema>(Schema{});
        if (!before)
            return before.error();
        for (const SqlStatement &statement : *statements)
            if (Status ran = (*dev)->execute(statement, script->path); !ran)
                return ran.error();   // a revision that does not even run: the error at its line
        if (!linted)
            continue;
        Result<Schema> after = (*dev)->reflect(config.includeSchemas);
        if (!after)
            return after.error();
        RevisionLint lint{dialect, *before, *script, *statements, findTableRebuilds(*statements, columnsOf(*before)), {}};
        for (const Operation &op : compareSchemas(*before, *after, dialect, options))
            lint.check(op);
        QFile file(script->path);
        const QSet<QString> ignored = file.open(QIODevice::ReadOnly) ? ignoredCodes(QString::fromUtf8(file.readAll()))
                                                                     : QSet<QString>{};
        std::stable_sort(lint.findings.begin(), lint.findings.end(),
                         [](const LintFinding &a, const LintFinding &b) { return a.line < b.line; });
        for (const LintFinding &finding : std::as_const(lint.findings))
            if (!ignored.contains(finding.code))
                findings.append(finding);
    }
    return findings;
}

Status lint(const CommandContext &context, const QString &revision)
{
    Result<QList<LintFinding>> findings = lintRevisions(context, revision);
    if (!findings)
        return findings.error();
    for (const LintFinding &f : std::as_const(*findings))
        print(context, QStringLiteral("%1:%2: %3 %4: %5. %6.")
                           .arg(f.file)
                           .arg(f.line)
                           .arg(f.code, f.title, f.message, f.suggestion));
    return lintOutcome(context, *findings);
}

Status lintOutcome(const CommandContext &context, const QList<LintFinding> &findings)
{
    if (findings.isEmpty()) {
        info(context, QStringLiteral("lint: nothing risky found."));
        return {};
    }
    QSet<QString> revisions;
    for (const LintFinding &f : findings)
        revisions.insert(f.revision);
    Error found = Error::input(QStringLiteral("lint: %1 finding(s) in %2 revision(s).").arg(findings.size()).arg(revisions.size()),
                               {}, 0, 0, QStringLiteral("Silence one on purpose with a `-- lint:ignore CODE` comment in the revision."));
    found.code = Error::Found;
    return found;
}

} // namespace Stratum::Commands
