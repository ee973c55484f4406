#pragma once

// Internal: `revision --autogenerate`, called from Commands::revision().

#include "commands/commands.h"

namespace Stratum::Commands::Internal {

Result<QString> autogenerateRevision(const CommandContext &context, const RevisionOptions &options);

} // namespace Stratum::Commands::Internal
