// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "commandspecs.h"

namespace Stratum::DocGen {

/// The command line of stratum-studio as its --dump-options prints it (JSON, see docgen's main).
struct StudioCommandLine
{
    struct Option
    {
        QStringList names;       // with their dashes: "-h", "--help"
        QString valueName;
        QString help;
        QString defaultValue;
    };
    QString description;
    QList<Option> options;
    QList<std::pair<QString, QString>> arguments;   // name, help
};

/// stratum(1): the global options, then every command with its synopsis and options, as --help
/// shows them.
QString cliManPage(const QList<Cli::CommandSpec> &commands, const QList<Cli::OptionSpec> &globals,
                   const QString &version, const QString &date);

/// stratum-studio(1).
QString studioManPage(const StudioCommandLine &commandLine, const QString &version, const QString &date);

} // namespace Stratum::DocGen
