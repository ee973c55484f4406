// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/config/config.h"

#include <QObject>

#include <atomic>

namespace Stratum {

enum class MigrationOperation { Upgrade, Downgrade, Stamp };

/// Runs upgrade, downgrade or stamp through Commands on the thread it lives on. The database
/// connection is opened by the command on that thread (QSql connections belong to one thread).
class MigrationWorker : public QObject
{
    Q_OBJECT

public:
    MigrationWorker(const Config &config, MigrationOperation operation, const QString &target,
                    const std::atomic_bool *cancel);

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void logLine(const QString &line);
    /// A revision (step) began; \a started counts the steps begun so far.
    void stepStarted(int started, const QString &description);
    void statementRunning(int step, int steps, const QString &location);
    /// \a error is empty on success; \a cancelled when stopped between revisions.
    void finished(bool ok, const QString &error, const QString &file, int line, bool cancelled);

private:
    Config m_config;
    MigrationOperation m_operation;
    QString m_target;
    const std::atomic_bool *m_cancel;
};

} // namespace Stratum
