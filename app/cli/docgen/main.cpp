// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// stratum-docgen: writes the man pages and shell completions at build time.
//
//   stratum-docgen cli OUTDIR VERSION DATE
//       OUTDIR/stratum.1, stratum.bash, _stratum, stratum.fish from the option tables
//   stratum-docgen studio OPTIONS.json OUTFILE VERSION DATE
//       stratum-studio(1) from what `stratum-studio --dump-options` printed
#include "completions.h"
#include "manpage.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

namespace {

using namespace Stratum;

bool write(const QString &path, const QString &text)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0)
        return true;
    std::fprintf(stderr, "stratum-docgen: cannot write %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
    return false;
}

// The studio's --dump-options output: {"description", "arguments": [{"name", "description"}],
// "options": [{"names", "valueName", "description", "defaultValues"}]}; names without dashes.
std::optional<DocGen::StudioCommandLine> readStudioOptions(const QString &path)
{
    QFile file(path);
    QJsonParseError error;
    const QJsonDocument json = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error)
                                                              : QJsonDocument();
    if (!json.isObject()) {
        std::fprintf(stderr, "stratum-docgen: %s: expected the JSON object of stratum-studio --dump-options\n",
                     qPrintable(path));
        return std::nullopt;
    }
    DocGen::StudioCommandLine commandLine;
    const QJsonObject root = json.object();
    commandLine.description = root.value(QLatin1String("description")).toString();
    for (const QJsonValue &argument : root.value(QLatin1String("arguments")).toArray())
        commandLine.arguments.append({argument[QLatin1String("name")].toString(),
                                      argument[QLatin1String("description")].toString()});
    for (const QJsonValue &value : root.value(QLatin1String("options")).toArray()) {
        DocGen::StudioCommandLine::Option option;
        for (const QJsonValue &name : value[QLatin1String("names")].toArray())
            option.names << (name.toString().size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name.toString();
        option.valueName = value[QLatin1String("valueName")].toString();
        option.help = value[QLatin1String("description")].toString();
        option.defaultValue = value[QLatin1String("defaultValues")].toVariant().toStringList().join(QLatin1Char(' '));
        commandLine.options << option;
    }
    return commandLine;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 5 && args.at(1) == QLatin1String("cli")) {
        const QString dir = args.at(2) + QLatin1Char('/');
        const QList<Cli::CommandSpec> commands = Cli::commandSpecs();
        const QList<Cli::OptionSpec> globals = Cli::globalOptions();
        const bool written = write(dir + QStringLiteral("stratum.1"), DocGen::cliManPage(commands, globals, args.at(3), args.at(4)))
            && write(dir + QStringLiteral("stratum.bash"), DocGen::bashCompletion(commands, globals))
            && write(dir + QStringLiteral("_stratum"), DocGen::zshCompletion(commands, globals))
            && write(dir + QStringLiteral("stratum.fish"), DocGen::fishCompletion(commands, globals));
        return written ? 0 : 1;
    }
    if (args.size() == 6 && args.at(1) == QLatin1String("studio")) {
        const std::optional<DocGen::StudioCommandLine> commandLine = readStudioOptions(args.at(2));
        if (!commandLine)
            return 2;
        return write(args.at(3), DocGen::studioManPage(*commandLine, args.at(4), args.at(5))) ? 0 : 1;
    }
    std::fprintf(stderr, "usage: stratum-docgen cli OUTDIR VERSION DATE\n"
                         "       stratum-docgen studio OPTIONS.json OUTFILE VERSION DATE\n");
    return 2;
}
