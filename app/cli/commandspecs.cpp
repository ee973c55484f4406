// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "commandspecs.h"

namespace Stratum::Cli {
namespace {

OptionSpec flag(const QStringList &names, const QString &key, const QString &help)
{
    return OptionSpec{names, key, false, false, help};
}

OptionSpec valued(const QStringList &names, const QString &key, const QString &help,
                  bool repeatable = false)
{
    return OptionSpec{names, key, true, repeatable, help};
}

const OptionSpec verbose = flag({QStringLiteral("-v"), QStringLiteral("--verbose")},
                                QStringLiteral("verbose"), QStringLiteral("Use more verbose output"));
const OptionSpec sql = flag({QStringLiteral("--sql")}, QStringLiteral("sql"),
                            QStringLiteral("Don't emit SQL to database - dump to standard output instead"));
const OptionSpec renames = flag({QStringLiteral("--detect-renames")}, QStringLiteral("detect-renames"),
                                QStringLiteral("Offer a dropped and an added table or column that match as a rename"));
const OptionSpec breakLock = flag({QStringLiteral("--break-lock")}, QStringLiteral("break-lock"),
                                  QStringLiteral("End an orphaned Stratum session (its client is gone) that holds the migration lock"));
const OptionSpec json = flag({QStringLiteral("--json")}, QStringLiteral("json"),
                             QStringLiteral("Print the result as one JSON document (schema: docs/cli.md)"));
const OptionSpec format = OptionSpec{{QStringLiteral("--format")}, QStringLiteral("format"), true, false,
                                     QStringLiteral("text (default) or github: GitHub Actions annotations"),
                                     {QStringLiteral("text"), QStringLiteral("github")}};
const OptionSpec tag = valued({QStringLiteral("--tag")}, QStringLiteral("tag"),
                              QStringLiteral("Arbitrary 'tag' name (accepted for Alembic compatibility)"));

// What stands for an option's value in usage lines: {a,b} for a choice, as argparse writes it.
QString metavar(const OptionSpec &option)
{
    if (!option.choices.isEmpty())
        return QLatin1Char('{') + option.choices.join(QLatin1Char(',')) + QLatin1Char('}');
    return option.key.toUpper();
}

} // namespace

QList<CommandSpec> commandSpecs()
{
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    return {
        {s("init"), s("Initialize a new project folder."), {s("directory")}, 1,
         {valued({s("-t"), s("--template")}, s("template"),
                 s("Project template to use: generic, multidb or embedded (default generic)"))}},
        {s("revision"), s("Create a new revision file."), {}, 0,
         {valued({s("-m"), s("--message")}, s("message"), s("Message string to use with 'revision'")),
          flag({s("--autogenerate")}, s("autogenerate"),
               s("Populate revision script with candidate migration operations")),
          flag({s("--allow-empty")}, s("allow-empty"),
               s("With --autogenerate, write a revision even when nothing changed")),
          renames,
          sql,
          valued({s("--head")}, s("head"), s("Specify head revision or <branchname>@head to base new revision on.")),
          flag({s("--splice")}, s("splice"), s("Allow a non-head revision as the 'head' to splice onto")),
          valued({s("--branch-label")}, s("branch-label"), s("Specify a branch label to apply to the new revision"), true),
          valued({s("--version-path")}, s("version-path"), s("Specify specific path from config for version file")),
          valued({s("--rev-id")}, s("rev-id"), s("Specify a hardcoded revision id instead of generating one")),
          valued({s("--depends-on")}, s("depends-on"), s("Specify one or more revision identifiers which this revision should depend on."), true)}},
        {s("merge"), s("Merge two revisions together. Creates a new revision file."), {s("revisions...")}, 1,
         {valued({s("-m"), s("--message")}, s("message"), s("Message string to use with 'merge'")),
          valued({s("--branch-label")}, s("branch-label"), s("Specify a branch label to apply to the new revision"), true),
          valued({s("--rev-id")}, s("rev-id"), s("Specify a hardcoded revision id instead of generating one"))}},
        {s("upgrade"), s("Upgrade to a later version."), {s("revision")}, 1, {sql, tag, breakLock}},
        {s("downgrade"), s("Revert to a previous version."), {s("revision")}, 1, {sql, tag, breakLock}},
        {s("stamp"), s("'stamp' the revision table with the given revision; don't run any migrations."),
         {s("revisions...")}, 1,
         {sql, tag, breakLock, flag({s("--purge")}, s("purge"), s("Unconditionally erase the version table before stamping"))}},
        {s("current"), s("Display the current revision for a database."), {}, 0, {verbose, json}},
        {s("repair"), s("Show or resolve a revision interrupted on a database without transactional DDL."),
         {s("revision")}, 0,
         {flag({s("--continue")}, s("continue"), s("Run the statements that did not complete, then record the revision")),
          valued({s("--from")}, s("from"), s("With --continue: the statement number to start at")),
          flag({s("--mark-applied")}, s("mark-applied"), s("Record the revision as done after completing it by hand")),
          flag({s("--mark-undone")}, s("mark-undone"), s("Forget the interruption after undoing what ran by hand")),
          breakLock}},
        {s("history"), s("List changeset scripts in chronological order."), {}, 0,
         {valued({s("-r"), s("--rev-range")}, s("rev-range"), s("Specify a revision range; format is [start]:[end]")),
          verbose,
          flag({s("-i"), s("--indicate-current")}, s("indicate-current"), s("Indicate the current revision")),
          json}},
        {s("heads"), s("Show current available heads in the script directory."), {}, 0,
         {verbose, flag({s("--resolve-dependencies")}, s("resolve-dependencies"),
                        s("Treat dependency versions as down revisions")),
          json}},
        {s("branches"), s("Show current branch points."), {}, 0, {verbose, json}},
        {s("show"), s("Show the revision(s) denoted by the given symbol."), {s("rev")}, 1, {json}},
        {s("edit"), s("Edit revision script(s) using $EDITOR."), {s("rev")}, 1, {}},
        {s("ensure_version"), s("Create the version table if it doesn't exist already."), {}, 0, {sql}},
        {s("check"), s("Check if revision command with autogenerate has pending upgrade ops."), {}, 0,
         {renames, json, format}},
        {s("diff"), s("Show the SQL between two schemas: database URLs, 'schema', 'database' or revisions."),
         {s("a"), s("b")}, 2, {renames, json}},
        {s("verify"), s("Check the revisions on a dev database: single head, upgrade, up/down, schema files, checksums."),
         {}, 0, {json, format}},
        {s("lint"), s("Report risky changes in pending revisions, or in the one named: drops, NOT NULL, narrowing, locking indexes."),
         {s("revision")}, 0, {json, format}},
    };
}

QList<OptionSpec> globalOptions()
{
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    return {
        flag({s("-h"), s("--help")}, s("help"), s("show this help message and exit")),
        flag({s("--version")}, s("version"), s("show program's version number and exit")),
        flag({s("-q"), s("--quiet")}, s("quiet"),
             s("Print only errors and the data asked for: no INFO lines, no progress")),
        valued({s("-c"), s("--config")}, s("config"),
               s("Alternate config file; defaults to value of STRATUM_CONFIG\n"
                 "environment variable, or \"stratum.ini\" (\"alembic.ini\" when\n"
                 "only that exists)")),
        valued({s("--url")}, s("url"), s("Database URL; overrides STRATUM_URL and the config file")),
        valued({s("-x")}, s("x"), s("Additional arguments consumed by custom scripts, e.g. -x key=value"), true),
        valued({s("-n"), s("--name")}, s("name"), s("Name of section in .ini file to use for Stratum config")),
        flag({s("--raiseerr")}, s("raiseerr"), s("Accepted for Alembic compatibility")),
    };
}

QList<std::pair<int, QString>> exitCodes()
{
    return {{0, QStringLiteral("success")},
            {1, QStringLiteral("a check found something (check, diff, lint, verify, repair)")},
            {2, QStringLiteral("usage or input error: arguments, configuration, revision files")},
            {3, QStringLiteral("database error: connection, lock, a statement the server refused")}};
}

QString usage(const QList<CommandSpec> &specs)
{
    QString text = QStringLiteral(
        "usage: stratum [-h] [--version] [-q] [-c CONFIG] [--url URL] [-x X] COMMAND ...\n\n"
        "Schema migrations for SQL databases: revision files in a DAG, upgrade and downgrade.\n\n"
        "commands:\n");
    for (const CommandSpec &spec : specs)
        text += QStringLiteral("  %1%2\n").arg(spec.name.leftJustified(16), spec.help);
    text += QStringLiteral("\noptions:\n");
    const QString indent(24, QLatin1Char(' '));
    for (const OptionSpec &option : globalOptions()) {
        QStringList names;
        for (const QString &name : option.names)
            names << (option.takesValue ? name + QLatin1Char(' ') + option.key.toUpper() : name);
        const QString joined = QStringLiteral("  ") + names.join(QLatin1String(", "));
        const QString help = option.help.split(QLatin1Char('\n')).join(QLatin1Char('\n') + indent);
        text += joined.size() <= 22 ? joined.leftJustified(24) + help + QLatin1Char('\n')
                                   : joined + QLatin1Char('\n') + indent + help + QLatin1Char('\n');
    }
    text += QStringLiteral("\nexit codes:\n");
    for (const auto &[code, meaning] : exitCodes())
        text += QStringLiteral("  %1  %2\n").arg(code).arg(meaning);
    return text;
}

QString commandUsage(const CommandSpec &spec)
{
    QString line = QStringLiteral("usage: stratum %1 [-h]").arg(spec.name);
    for (const OptionSpec &option : spec.options)
        line += option.takesValue
                    ? QStringLiteral(" [%1 %2]").arg(option.names.constFirst(), metavar(option))
                    : QStringLiteral(" [%1]").arg(option.names.constFirst());
    for (int i = 0; i < spec.positionals.size(); ++i)
        line += i < spec.requiredPositionals ? QLatin1Char(' ') + spec.positionals.at(i)
                                             : QStringLiteral(" [%1]").arg(spec.positionals.at(i));
    QString text = line + QStringLiteral("\n\n") + spec.help + QStringLiteral("\n");
    if (!spec.options.isEmpty())
        text += QStringLiteral("\noptions:\n");
    for (const OptionSpec &option : spec.options) {
        QString names = option.names.join(QLatin1String(", "));
        if (option.takesValue)
            names += QLatin1Char(' ') + metavar(option);
        text += QStringLiteral("  %1 %2\n").arg(names.leftJustified(26), option.help);
    }
    return text;
}


} // namespace Stratum::Cli
