#pragma once

#include "commands/commands.h"
#include "error.h"
#include "runtime/connection.h"

#include <memory>

namespace Stratum::Commands {

/// Opens the configured database (URL from --url, STRATUM_URL or the ini).
Result<std::unique_ptr<Connection>> openDatabase(const CommandContext &context);
/// The heads recorded in the database's version table.
Result<QStringList> databaseHeads(const CommandContext &context);
/// The configured URL with its password masked (or the raw text masked when it does not parse).
QString maskedUrl(const CommandContext &context);

} // namespace Stratum::Commands
