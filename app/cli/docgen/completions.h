// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "commandspecs.h"

namespace Stratum::DocGen {

// Shell completions for stratum, written from the option tables. Revision ids and branch labels
// are asked at completion time from `stratum [-c CONFIG] [-n NAME] __revisions`, which prints
// those of the project the command line names.

/// For bash-completion: usr/share/bash-completion/completions/stratum.
QString bashCompletion(const QList<Cli::CommandSpec> &commands, const QList<Cli::OptionSpec> &globals);

/// For zsh's compsys: usr/share/zsh/vendor-completions/_stratum.
QString zshCompletion(const QList<Cli::CommandSpec> &commands, const QList<Cli::OptionSpec> &globals);

/// For fish: usr/share/fish/vendor_completions.d/stratum.fish.
QString fishCompletion(const QList<Cli::CommandSpec> &commands, const QList<Cli::OptionSpec> &globals);

} // namespace Stratum::DocGen
