// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"
#include "annotations.h"
#include "commandspecs.h"
#include "jsonreport.h"

#include "stratum/commands/commands.h"
#include "stratum/commands/project.h"
#include "stratum/config/url.h"
#include "stratum/revision/migrationstep.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/version.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <cstdio>
#include <unistd.h>

namespace Stratum::Cli {
namespace {

struct Parsed
{
    QHash<QString, QStringList> values;  // option key → values; flags hold "1"
    QStringList positionals;
    bool has(const QString &key) const { return values.contains(key); }
    QString value(const QString &key, const QString &fallback = {}) const
    {
        return values.contains(key) ? values.value(key).constLast() : fallback;
    }
};

void writeTo(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void writeTo(FILE *stream, const QString &text)
{
    writeTo(stream, text.toUtf8());
}

int usageError(const QString &usageText, const QString &message)
{
    writeTo(stderr, usageText.section(QLatin1Char('\n'), 0, 0) + QLatin1Char('\n'));
    writeTo(stderr, QStringLiteral("stratum: error: %1\n").arg(message));
    return Error::Input;
}

bool looksLikeNegativeNumber(const QString &arg)
{
    static const QRegularExpression number(QStringLiteral("^-\\d+$"));
    return number.match(arg).hasMatch();
}

// Parses the options and positionals of one command; returns an error message or empty.
QString parseCommand(const CommandSpec &spec, const QStringList &args, Parsed &parsed)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--")) {
            parsed.positionals += args.mid(i + 1);
            break;
        }
        if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")
            || looksLikeNegativeNumber(arg)) {
            parsed.positionals << arg;
            continue;
        }
        QString name = arg;
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            inlineValue = arg.section(QLatin1Char('='), 1);
            hasInline = true;
        } else if (!arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            name = arg.left(2);       // -mMessage
            inlineValue = arg.mid(2);
            hasInline = true;
        }
        const OptionSpec *option = nullptr;
        for (const OptionSpec &candidate : spec.options)
            if (candidate.names.contains(name))
                option = &candidate;
        if (!option)
            return QStringLiteral("unrecognized arguments: %1").arg(arg);
        if (!option->takesValue) {
            if (hasInline && arg.startsWith(QLatin1String("--")))
                return QStringLiteral("argument %1: ignored explicit argument '%2'").arg(name, inlineValue);
            if (hasInline)
                return QStringLiteral("unrecognized arguments: %1").arg(arg);
            parsed.values[option->key] << QStringLiteral("1");
            continue;
        }
        if (!hasInline) {
            if (i + 1 >= args.size())
                return QStringLiteral("argument %1: expected one argument")
                    .arg(option->names.join(QLatin1Char('/')));
            inlineValue = args.at(++i);
        }
        if (!option->choices.isEmpty() && !option->choices.contains(inlineValue))
            return QStringLiteral("argument %1: invalid choice: '%2' (choose from '%3')")
                .arg(option->names.join(QLatin1Char('/')), inlineValue, option->choices.join(QLatin1String("', '")));
        parsed.values[option->key] << inlineValue;
    }
    const bool variadic = !spec.positionals.isEmpty() && spec.positionals.constLast().endsWith(QLatin1String("..."));
    if (parsed.positionals.size() < spec.requiredPositionals) {
        QStringList missing = spec.positionals.mid(parsed.positionals.size());
        return QStringLiteral("the following arguments are required: %1").arg(missing.join(QLatin1String(", ")));
    }
    if (!variadic && parsed.positionals.size() > spec.positionals.size())
        return QStringLiteral("unrecognized arguments: %1")
            .arg(parsed.positionals.mid(spec.positionals.size()).join(QLatin1Char(' ')));
    return {};
}

QString defaultConfigPath()
{
    const QString fromEnv = qEnvironmentVariable("STRATUM_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (!QFileInfo::exists(QStringLiteral("stratum.ini")) && QFileInfo::exists(QStringLiteral("alembic.ini")))
        return QStringLiteral("alembic.ini");
    return QStringLiteral("stratum.ini");
}

int report(const Status &status)
{
    if (status)
        return 0;
    const Error &error = status.error();
    QString text = maskPasswords(error.toString());
    if (error.file.isEmpty())
        text = QStringLiteral("stratum: ") + text;
    writeTo(stderr, text + QLatin1Char('\n'));
    return error.code;
}

// -q leaves errors and the data asked for: no INFO lines, no progress.
CommandOutput terminalOutput(bool quiet)
{
    const bool tty = isatty(fileno(stderr));
    CommandOutput output;
    // stdio buffers: line by line on a terminal, in blocks into a pipe (10,000 history lines
    // would otherwise be 10,000 writes). stdout is flushed at exit.
    output.print = [](const QString &line) { writeTo(stdout, line + QLatin1Char('\n')); };
    if (quiet)
        return output;
    output.info = [tty](const QString &line) {
        if (tty)
            writeTo(stderr, QStringLiteral("\r\033[K"));
        writeTo(stderr, QStringLiteral("INFO  ") + line + QLatin1Char('\n'));
    };
    if (tty) {
        // One self-overwriting progress line; plain pipes get only the INFO lines.
        output.statement = [](int index, int count, const MigrationStep &, const QString &statement,
                              const QString &where) {
            QString first = statement.section(QLatin1Char('\n'), 0, 0).simplified();
            if (first.size() > 60)
                first = first.left(57) + QStringLiteral("...");
            writeTo(stderr, QStringLiteral("\r\033[K[%1/%2] %3  %4").arg(index + 1).arg(count).arg(where, first));
        };
    }
    return output;
}

// `stratum [-c CONFIG] [-n NAME] __revisions`, for the shell completions: the revision ids and
// branch labels of the project, one a line. Only the revision headers are read, and nothing is
// said on stderr: a completion must not print into the line being edited.
int printRevisionWords(const QString &configPath, const QString &sectionName)
{
    Result<Config> config = Config::load(configPath.isEmpty() ? defaultConfigPath() : configPath, {}, {},
                                         sectionName);
    if (!config)
        return Error::Input;
    QList<LoadProblem> problems;   // a broken file leaves the others completable
    Result<Project> project = Project::load(*config, &problems);
    if (!project)
        return Error::Input;
    QStringList ids;
    QStringList labels;
    for (const Revision *revision : project->map().revisions()) {
        ids << revision->id;
        labels << revision->branchLabels;
    }
    labels.removeDuplicates();
    writeTo(stdout, (ids + labels).join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return 0;
}

// repair [REV] [--continue [--from N] | --mark-applied | --mark-undone]
int runRepair(const CommandContext &context, const CommandSpec &spec, const Parsed &parsed)
{
    std::optional<RepairRequest::Action> action;
    int chosen = 0;
    const std::pair<const char *, RepairRequest::Action> actions[] = {
        {"continue", RepairRequest::Action::Continue},
        {"mark-applied", RepairRequest::Action::MarkApplied},
        {"mark-undone", RepairRequest::Action::MarkUndone}};
    for (const auto &[key, value] : actions) {
        if (parsed.has(QString::fromLatin1(key))) {
            action = value;
            ++chosen;
        }
    }
    if (chosen > 1)
        return usageError(commandUsage(spec), QStringLiteral("choose one of --continue, --mark-applied, --mark-undone"));
    int from = 0;
    if (parsed.has(QStringLiteral("from"))) {
        bool ok = false;
        from = parsed.value(QStringLiteral("from")).toInt(&ok);
        if (!ok || from < 1)
            return usageError(commandUsage(spec), QStringLiteral("argument --from: expected a statement number (1, 2, ...)"));
        if (action != RepairRequest::Action::Continue)
            return usageError(commandUsage(spec), QStringLiteral("argument --from: only with --continue"));
    }
    return report(Commands::repair(context, parsed.positionals.value(0), action, from));
}

QStringList schemaFiles(const Config &config)
{
    const QStringList globs = config.schemaGlobs.isEmpty() ? QStringList{QStringLiteral("schema/*.sql")} : config.schemaGlobs;
    Result<QStringList> files = DesiredSchema::files(globs, config.here);
    return files ? *files : QStringList{};
}

template<typename T, typename Render>
int printJson(const QString &command, const Result<T> &result, Render render)
{
    if (!result)
        return report(result.error());
    writeTo(stdout, Json::document(command, render(*result)));
    return 0;
}

// check, lint and verify: the document or the annotations, then the text output's outcome.
template<typename T, typename ToJson, typename ToAnnotations, typename Outcome>
int printFindings(const QString &command, bool json, const Result<T> &result, ToJson toJson,
                  ToAnnotations toAnnotations, Outcome outcome)
{
    if (!result)
        return report(result.error());
    if (json) {
        writeTo(stdout, Json::document(command, toJson(*result)));
    } else {
        for (const QString &line : toAnnotations(*result))
            writeTo(stdout, line + QLatin1Char('\n'));
    }
    return report(outcome(*result));
}

// --json and --format github: rendered from the report the text output renders from. The
// outcome (exit 1 for findings, the summary on stderr) is the text output's.
int runStructured(const CommandContext &context, const QString &command, const Parsed &parsed)
{
    const bool json = parsed.has(QStringLiteral("json"));
    const QString first = parsed.positionals.value(0);
    if (command == QLatin1String("heads"))
        return printJson(command, Commands::headsReport(context, parsed.has(QStringLiteral("resolve-dependencies"))), Json::heads);
    if (command == QLatin1String("current"))
        return printJson(command, Commands::currentReport(context), Json::current);
    if (command == QLatin1String("history"))
        return printJson(command,
                         Commands::historyReport(context, parsed.value(QStringLiteral("rev-range")),
                                                 parsed.has(QStringLiteral("indicate-current"))),
                         Json::history);
    if (command == QLatin1String("branches"))
        return printJson(command, Commands::branchesReport(context), Json::branches);
    if (command == QLatin1String("show"))
        return printJson(command, Commands::showReport(context, first), Json::show);
    if (command == QLatin1String("diff")) {   // no annotations: --json only
        const QString second = parsed.positionals.value(1);
        return printFindings(command, true, Commands::compareSources(context, first, second),
                             [&](const SchemaComparison &c) { return Json::comparison(c, first, second); },
                             [](const SchemaComparison &) { return QStringList{}; },
                             [&](const SchemaComparison &c) { return Commands::diffOutcome(context, c, first, second); });
    }
    if (command == QLatin1String("check"))
        return printFindings(command, json, Commands::compareDatabase(context),
                             [](const SchemaComparison &c) { return Json::comparison(c); },
                             [&](const SchemaComparison &c) { return Github::check(c, schemaFiles(context.config)); },
                             [&](const SchemaComparison &c) { return Commands::checkOutcome(context, c); });
    if (command == QLatin1String("lint"))
        return printFindings(command, json, Commands::lintRevisions(context, first), Json::lint, Github::lint,
                             [&](const QList<Commands::LintFinding> &f) { return Commands::lintOutcome(context, f); });
    if (command == QLatin1String("verify"))
        return printFindings(command, json, Commands::verifyReport(context), Json::verify, Github::verify,
                             [&](const VerifyReport &r) { return Commands::verifyOutcome(context, r); });
    return report(Error::input(QStringLiteral("%1 has no structured output").arg(command)));
}

} // namespace

int run(const QStringList &arguments)
{
    const QList<CommandSpec> specs = commandSpecs();
    const QString mainUsage = usage(specs);

    QString configPath;
    QString url;
    QString sectionName;
    QHash<QString, QString> xArguments;
    bool quiet = false;
    int i = 1;
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const auto next = [&](QString &into) {
            if (i + 1 >= arguments.size())
                return false;
            into = arguments.at(++i);
            return true;
        };
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            writeTo(stdout, mainUsage);
            return 0;
        }
        if (arg == QLatin1String("--version")) {
            writeTo(stdout, QStringLiteral("stratum %1\n").arg(QStringLiteral(STRATUM_VERSION)));
            return 0;
        }
        if (arg == QLatin1String("--raiseerr"))
            continue;
        if (arg == QLatin1String("-q") || arg == QLatin1String("--quiet")) {
            quiet = true;
            continue;
        }
        QString value;
        if (arg == QLatin1String("-c") || arg == QLatin1String("--config")) {
            if (!next(configPath))
                return usageError(mainUsage, QStringLiteral("argument -c/--config: expected one argument"));
        } else if (arg.startsWith(QLatin1String("--config="))) {
            configPath = arg.mid(9);
        } else if (arg == QLatin1String("--url")) {
            if (!next(url))
                return usageError(mainUsage, QStringLiteral("argument --url: expected one argument"));
        } else if (arg.startsWith(QLatin1String("--url="))) {
            url = arg.mid(6);
        } else if (arg == QLatin1String("-n") || arg == QLatin1String("--name")) {
            if (!next(sectionName))
                return usageError(mainUsage, QStringLiteral("argument -n/--name: expected one argument"));
        } else if (arg == QLatin1String("-x")) {
            if (!next(value))
                return usageError(mainUsage, QStringLiteral("argument -x: expected one argument"));
            xArguments.insert(value.section(QLatin1Char('='), 0, 0), value.section(QLatin1Char('='), 1));
        } else if (arg.startsWith(QLatin1Char('-'))) {
            return usageError(mainUsage, QStringLiteral("unrecognized arguments: %1").arg(arg));
        } else {
            break;
        }
    }
    if (i >= arguments.size())
        return usageError(mainUsage, QStringLiteral("the following arguments are required: COMMAND"));

    const QString command = arguments.at(i);
    if (command == QLatin1String("__revisions"))   // hidden: for the shell completions
        return printRevisionWords(configPath, sectionName);
    const CommandSpec *spec = nullptr;
    for (const CommandSpec &candidate : specs)
        if (candidate.name == command)
            spec = &candidate;
    if (!spec) {
        QStringList names;
        for (const CommandSpec &candidate : specs)
            names << QLatin1Char('\'') + candidate.name + QLatin1Char('\'');
        return usageError(mainUsage, QStringLiteral("argument COMMAND: invalid choice: '%1' (choose from %2)")
                                         .arg(command, names.join(QLatin1String(", "))));
    }
    const QStringList rest = arguments.mid(i + 1);
    if (rest.contains(QLatin1String("-h")) || rest.contains(QLatin1String("--help"))) {
        writeTo(stdout, commandUsage(*spec));
        return 0;
    }
    Parsed parsed;
    const QString parseError = parseCommand(*spec, rest, parsed);
    if (!parseError.isEmpty())
        return usageError(commandUsage(*spec), parseError);

    const bool structured = parsed.has(QStringLiteral("json"))
                            || parsed.value(QStringLiteral("format")) == QLatin1String("github");
    if (parsed.has(QStringLiteral("json")) && parsed.has(QStringLiteral("format")))
        return usageError(commandUsage(*spec), QStringLiteral("argument --format: not allowed with argument --json"));

    CommandOutput output = terminalOutput(quiet);
    // What init, revision and merge print says what they did, not data asked for.
    if (quiet && (command == QLatin1String("init") || command == QLatin1String("revision")
                  || command == QLatin1String("merge")))
        output.print = nullptr;
    if (command == QLatin1String("init"))
        return report(Commands::init(parsed.positionals.value(0),
                                     parsed.value(QStringLiteral("template"), QStringLiteral("generic")), output));

    if (configPath.isEmpty())
        configPath = defaultConfigPath();
    Result<Config> config = Config::load(configPath, url, xArguments, sectionName);
    if (!config)
        return report(config.error());
    CommandContext context{*config, output, nullptr};
    context.autogenerate.detectRenames = parsed.has(QStringLiteral("detect-renames"));
    context.breakLock = parsed.has(QStringLiteral("break-lock"));

    if (structured)
        return runStructured(context, command, parsed);

    const bool verboseFlag = parsed.has(QStringLiteral("verbose"));
    const bool sqlFlag = parsed.has(QStringLiteral("sql"));
    const QString first = parsed.positionals.value(0);

    if (command == QLatin1String("revision")) {
        RevisionOptions options;
        options.autogenerate = parsed.has(QStringLiteral("autogenerate"));
        options.allowEmpty = parsed.has(QStringLiteral("allow-empty"));
        options.message = parsed.value(QStringLiteral("message"));
        options.head = parsed.value(QStringLiteral("head"), QStringLiteral("head"));
        options.splice = parsed.has(QStringLiteral("splice"));
        options.branchLabels = parsed.values.value(QStringLiteral("branch-label"));
        options.dependsOn = parsed.values.value(QStringLiteral("depends-on"));
        options.revId = parsed.value(QStringLiteral("rev-id"));
        options.versionPath = parsed.value(QStringLiteral("version-path"));
        options.sql = sqlFlag;
        Result<QString> made = Commands::revision(context, options);
        return report(made ? Status() : Status(made.error()));
    }
    if (command == QLatin1String("merge")) {
        Result<QString> made = Commands::merge(context, parsed.positionals,
                                               parsed.value(QStringLiteral("message")),
                                               parsed.values.value(QStringLiteral("branch-label")),
                                               parsed.value(QStringLiteral("rev-id")));
        return report(made ? Status() : Status(made.error()));
    }
    if (command == QLatin1String("upgrade"))
        return report(Commands::upgrade(context, first, sqlFlag));
    if (command == QLatin1String("downgrade"))
        return report(Commands::downgrade(context, first, sqlFlag));
    if (command == QLatin1String("stamp"))
        return report(Commands::stamp(context, parsed.positionals, sqlFlag, parsed.has(QStringLiteral("purge"))));
    if (command == QLatin1String("current"))
        return report(Commands::current(context, verboseFlag));
    if (command == QLatin1String("repair"))
        return runRepair(context, *spec, parsed);
    if (command == QLatin1String("history"))
        return report(Commands::history(context, parsed.value(QStringLiteral("rev-range")), verboseFlag,
                                        parsed.has(QStringLiteral("indicate-current"))));
    if (command == QLatin1String("heads"))
        return report(Commands::heads(context, verboseFlag, parsed.has(QStringLiteral("resolve-dependencies"))));
    if (command == QLatin1String("branches"))
        return report(Commands::branches(context, verboseFlag));
    if (command == QLatin1String("show"))
        return report(Commands::show(context, first));
    if (command == QLatin1String("edit"))
        return report(Commands::edit(context, first));
    if (command == QLatin1String("ensure_version"))
        return report(Commands::ensureVersion(context, sqlFlag));
    if (command == QLatin1String("check"))
        return report(Commands::check(context));
    if (command == QLatin1String("verify"))
        return report(Commands::verify(context));
    if (command == QLatin1String("lint"))
        return report(Commands::lint(context, first));
    if (command == QLatin1String("convert-alembic"))
        return report(Commands::convertAlembic(context, {first, parsed.value(QStringLiteral("python"), QStringLiteral("python3"))}));
    if (command == QLatin1String("diff"))
        return report(Commands::diff(context, parsed.positionals.value(0), parsed.positionals.value(1)));
    return usageError(mainUsage, QStringLiteral("unknown command %1").arg(command));
}

} // namespace Stratum::Cli
