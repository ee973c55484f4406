// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apply/migrationworker.h"

#include "stratum/commands/commands.h"
#include "stratum/revision/migrationstep.h"

namespace Stratum {

MigrationWorker::MigrationWorker(const Config &config, MigrationOperation operation,
                                 const QString &target, const std::atomic_bool *cancel)
    : m_config(config)
    , m_operation(operation)
    , m_target(target)
    , m_cancel(cancel)
{
}

void MigrationWorker::run()
{
    bool cancelled = false;
    CommandContext context;
    context.config = m_config;
    context.cancel = m_cancel;
    context.output.print = [this](const QString &line) { Q_EMIT logLine(line); };
    context.output.info = [this](const QString &line) { Q_EMIT logLine(line); };
    context.output.stepStarted = [this](int step, int, const MigrationStep &migrationStep) {
        Q_EMIT stepStarted(step + 1, migrationStep.describe());
    };
    context.output.cancelled = [&cancelled](int, int) { cancelled = true; };
    context.output.statement = [this](int step, int steps, const MigrationStep &, const QString &,
                                      const QString &location) {
        Q_EMIT statementRunning(step, steps, location);
    };

    Status status;
    switch (m_operation) {
    case MigrationOperation::Upgrade:
        status = Commands::upgrade(context, m_target, false);
        break;
    case MigrationOperation::Downgrade:
        status = Commands::downgrade(context, m_target, false);
        break;
    case MigrationOperation::Stamp:
        status = Commands::stamp(context, {m_target}, false, false);
        break;
    }
    if (status)
        Q_EMIT finished(true, {}, {}, 0, cancelled);
    else
        Q_EMIT finished(false, status.error().toString(), status.error().file, status.error().line, false);
}

} // namespace Stratum
