// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "manpage.h"
#include "roff.h"

namespace Stratum::DocGen {
namespace {

QString cliOption(const Cli::OptionSpec &option)
{
    QString value;   // as in --help: {a,b} for a choice
    if (option.takesValue)
        value = option.choices.isEmpty() ? option.key.toUpper()
                                         : QLatin1Char('{') + option.choices.join(QLatin1Char(',')) + QLatin1Char('}');
    return Roff::option(option.names, value, option.help);
}

// The synopsis line of `stratum COMMAND --help`, without its "usage: ".
QString synopsis(const Cli::CommandSpec &spec)
{
    const QString line = Cli::commandUsage(spec).section(QLatin1Char('\n'), 0, 0);
    return line.mid(line.indexOf(QLatin1Char(' ')) + 1);
}

} // namespace

QString cliManPage(const QList<Cli::CommandSpec> &commands, const QList<Cli::OptionSpec> &globals,
                   const QString &version, const QString &date)
{
    QString page = Roff::header(QStringLiteral("stratum"), version, date);
    page += QStringLiteral(".nh\n.ad l\n");
    page += Roff::section(QStringLiteral("Name"))
        + QStringLiteral("stratum \\- schema migrations for SQL databases\n");
    page += Roff::section(QStringLiteral("Synopsis"))
        + QStringLiteral(".B stratum\n[\\fIoptions\\fR] \\fIcommand\\fR [\\fIcommand options\\fR] [\\fIarguments\\fR]\n");
    page += Roff::section(QStringLiteral("Description"));
    page += Roff::paragraph(QStringLiteral(
        "stratum keeps the schema of a SQL database in versioned revision files: plain .sql files "
        "whose headers name the revisions they build on, forming a graph with branches and merges. "
        "It upgrades and downgrades SQLite, PostgreSQL and MySQL/MariaDB databases along that "
        "graph, writes offline SQL scripts, and compares a database with the desired schema to "
        "write new revisions. Its commands and their output are those of Alembic."));
    page += Roff::paragraph(QStringLiteral(
        "A revision is named by its id or any unique prefix of it, by a branch label, or by "
        "head, heads, base, label@head, -1 and the other forms Alembic accepts."));
    page += Roff::section(QStringLiteral("Options"));
    for (const Cli::OptionSpec &option : globals)
        page += cliOption(option);
    page += Roff::section(QStringLiteral("Commands"));
    for (const Cli::CommandSpec &spec : commands) {
        page += QStringLiteral(".SS %1\n").arg(Roff::text(spec.name));
        page += QStringLiteral(".B %1\n").arg(Roff::text(synopsis(spec)));
        page += Roff::paragraph(spec.help);
        for (const Cli::OptionSpec &option : spec.options)
            page += cliOption(option);
    }
    page += Roff::section(QStringLiteral("Environment"));
    page += Roff::item(QStringLiteral("STRATUM_CONFIG"),
                       QStringLiteral("The configuration file to read when -c is not given."));
    page += Roff::item(QStringLiteral("STRATUM_URL"),
                       QStringLiteral("The database URL; overrides the configuration file, --url overrides it."));
    page += Roff::item(QStringLiteral("VISUAL, EDITOR"),
                       QStringLiteral("The editor the edit command starts."));
    page += Roff::item(QStringLiteral("STRATUM_CACHE_DIR"),
                       QStringLiteral("Where reflected schemas of dev databases are cached "
                                      "(default: ~/.cache/stratum/schemas)."));
    page += Roff::section(QStringLiteral("Exit status"));
    for (const auto &[code, meaning] : Cli::exitCodes())
        page += Roff::item(QString::number(code), meaning);
    page += Roff::section(QStringLiteral("See also"));
    page += QStringLiteral(".BR stratum\\-studio (1)\n");
    return page;
}

QString studioManPage(const StudioCommandLine &commandLine, const QString &version, const QString &date)
{
    QString page = Roff::header(QStringLiteral("stratum-studio"), version, date);
    page += QStringLiteral(".nh\n.ad l\n");
    page += Roff::section(QStringLiteral("Name"))
        + QStringLiteral("stratum\\-studio \\- desktop studio for SQL schema migrations\n");
    page += Roff::section(QStringLiteral("Synopsis")) + QStringLiteral(".B stratum\\-studio\n[\\fIoptions\\fR]");
    for (const auto &[name, help] : commandLine.arguments)
        page += QStringLiteral(" [\\fI%1\\fR]").arg(Roff::text(name));
    page += QLatin1Char('\n');
    page += Roff::section(QStringLiteral("Description"));
    page += Roff::paragraph(commandLine.description);
    page += Roff::paragraph(QStringLiteral(
        "The studio shows the revision graph of a Stratum (or Alembic) project with its heads, "
        "branch labels, merges and where the database stands, edits revision files, compares "
        "schemas side by side, and upgrades, downgrades or stamps with a preview of the SQL. "
        "The same projects work with stratum(1) on the command line."));
    if (!commandLine.arguments.isEmpty()) {
        page += Roff::section(QStringLiteral("Arguments"));
        for (const auto &[name, help] : commandLine.arguments)
            page += Roff::option({name}, {}, help);
    }
    page += Roff::section(QStringLiteral("Options"));
    for (const StudioCommandLine::Option &option : commandLine.options) {
        QString help = option.help;
        if (!option.defaultValue.isEmpty())
            help += QStringLiteral(" (default: %1)").arg(option.defaultValue);
        page += Roff::option(option.names, option.valueName, help);
    }
    page += Roff::paragraph(QStringLiteral(
        "The options every Qt application takes (-platform, -style, -reverse and others) apply "
        "as well; --help-all lists them."));
    page += Roff::section(QStringLiteral("See also"));
    page += QStringLiteral(".BR stratum (1)\n");
    return page;
}

} // namespace Stratum::DocGen
