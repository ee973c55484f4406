#pragma once

#include <QStringList>

namespace Stratum::Cli {

/// Parses argv the way `alembic` does, runs the command, prints, and returns the exit code.
int run(const QStringList &arguments);

} // namespace Stratum::Cli
