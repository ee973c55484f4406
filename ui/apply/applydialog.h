// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apply/destructivestatements.h"
#include "apply/migrationworker.h"
#include "stratum/error.h"

#include <QDialog>
#include <QTime>

#include <atomic>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;

namespace Stratum {

class LogView;
class ProjectSession;
class SqlEditor;

/// Upgrade, downgrade or stamp to one revision: first the SQL that will run (offline render)
/// with destructive statements flagged, then the run on a worker thread with progress, log and
/// cancel between revisions.
class ApplyDialog : public QDialog
{
    Q_OBJECT

public:
    using Operation = MigrationOperation;

    ApplyDialog(const ProjectSession &session, Operation operation, const QString &revision,
                QWidget *parent = nullptr);
    ~ApplyDialog() override;

    /// The offline script shown (empty when the plan failed).
    QString previewText() const;
    QList<DestructiveStatement> destructiveStatements() const { return m_destructive; }
    /// Why there is nothing to run (plan error, nothing to do), empty otherwise.
    QString problem() const { return m_problem; }
    int plannedSteps() const { return m_plannedSteps; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    bool isRunning() const { return m_running; }
    bool hasRun() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    QString runError() const { return m_error; }
    QString logText() const;

    /// Starts the run (what the Run button does).
    void start();
    /// Asks the run to stop after the revision in progress.
    void requestCancel();

Q_SIGNALS:
    /// The run ended; the project's graph should be refreshed.
    void migrationFinished(bool ok);
    /// The run logged \a line at \a at (as it happens, for the window's log).
    void logLine(const QString &line, const QTime &at);

protected:
    void reject() override;

private:
    void buildPreview(const ProjectSession &session);
    /// Tab order, the default button and the first focus for what the dialog shows now.
    void updateKeyboard();
    void stepStarted(int started, const QString &description);
    void runFinished(bool ok, const QString &error, const QString &file, int line, bool cancelled);

    Config m_config;
    Operation m_operation;
    QString m_revision;
    QString m_problem;
    int m_plannedSteps = 0;
    QList<DestructiveStatement> m_destructive;
    std::atomic_bool m_cancelFlag{false};
    QThread *m_thread = nullptr;
    bool m_running = false;
    bool m_finished = false;
    int m_started = 0;   ///< the 1-based step last started
    bool m_succeeded = false;
    QString m_error;

    QLabel *m_summary;
    QLabel *m_warning;
    SqlEditor *m_preview;
    QProgressBar *m_progress;
    QLabel *m_status;
    LogView *m_log;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace Stratum
