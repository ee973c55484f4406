// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/commands/commands.h"
#include "stratum/error.h"
#include "stratum/runtime/connection.h"

#include <memory>

namespace Stratum::Commands {

/// A line of the command's result (CommandOutput::print), when someone listens.
void print(const CommandContext &context, const QString &line);
/// A progress or log line (CommandOutput::info), when someone listens.
void info(const CommandContext &context, const QString &line);

/// Opens the configured database (URL from --url, STRATUM_URL or the ini).
Result<std::unique_ptr<Connection>> openDatabase(const CommandContext &context);
/// The heads recorded in the database's version table.
Result<QStringList> databaseHeads(const CommandContext &context);
/// The configured URL with its password masked (or the raw text masked when it does not parse).
QString maskedUrl(const CommandContext &context);

} // namespace Stratum::Commands
