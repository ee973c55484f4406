// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace Stratum::Cli {

/// Parses argv the way `alembic` does, runs the command, prints, and returns the exit code.
int run(const QStringList &arguments);

} // namespace Stratum::Cli
