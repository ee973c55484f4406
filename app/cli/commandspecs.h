// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Stratum::Cli {

// The command line as data: the parser, --help, the man page and the shell completions all read
// these tables, so none of them can drift from the others.

struct OptionSpec
{
    QStringList names;        // e.g. {"-m", "--message"}
    QString key;              // where the value lands
    bool takesValue = false;
    bool repeatable = false;
    QString help;
    QStringList choices;      // the values a valued option accepts; empty = any
};

struct CommandSpec
{
    QString name;
    QString help;
    QStringList positionals;  // names; a trailing '...' takes the rest
    int requiredPositionals = 0;
    QList<OptionSpec> options;
};

/// Every command, in the order --help lists them.
QList<CommandSpec> commandSpecs();

/// The options taken before COMMAND (-c, --url, -x, ...), -h and --version included.
QList<OptionSpec> globalOptions();

/// The exit codes and what each means, for --help, the man page and docs/cli.md.
QList<std::pair<int, QString>> exitCodes();

/// `stratum --help`.
QString usage(const QList<CommandSpec> &specs);

/// `stratum COMMAND --help`.
QString commandUsage(const CommandSpec &spec);

} // namespace Stratum::Cli
