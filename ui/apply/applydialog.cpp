// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apply/applydialog.h"

#include "stratum/dialect/dialect.h"
#include "editor/findbar.h"
#include "editor/sqleditor.h"
#include "mainwindow/logview.h"
#include "mainwindow/projectsession.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/migrator.h"
#include "stratum/script/sqllexer.h"
#include "theme/theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace Stratum {

namespace {

// The tables' columns as the revisions the database applied (up to \a heads) left them, read
// from their offline SQL: what a table rebuilt by the script had before.
ScriptColumns appliedColumns(const Dialect &dialect, const RevisionMap &map, const QStringList &heads,
                             const MigratorOptions &options)
{
    ScriptColumns columns;
    if (heads.isEmpty())
        return columns;
    const QString target = heads.join(QLatin1Char(','));
    const MigrationPlanner fromBase = [&map, &target](const QStringList &) { return map.upgradeSteps(target, {}); };
    if (Result<QString> script = renderOfflineScript(dialect, map, {}, fromBase, options))
        if (Result<QList<SqlStatement>> statements = splitSqlStatements(*script))
            columns.apply(*statements);
    return columns;
}

} // namespace

ApplyDialog::ApplyDialog(const ProjectSession &session, Operation operation, const QString &revision,
                         QWidget *parent)
    : QDialog(parent)
    , m_config(session.config())
    , m_operation(operation)
    , m_revision(revision)
    , m_summary(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_preview(new SqlEditor(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_log(new LogView(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel run"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("applyDialog"));
    const QString title = operation == Operation::Upgrade   ? tr("Upgrade to %1")
                        : operation == Operation::Downgrade ? tr("Downgrade to %1")
                                                            : tr("Stamp %1");
    setWindowTitle(title.arg(revision));
    m_run->setText(operation == Operation::Upgrade   ? tr("Run upgrade")
                   : operation == Operation::Downgrade ? tr("Run downgrade")
                                                       : tr("Stamp"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("applySummary"));
    m_warning->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("applyWarning"));
    m_warning->setTextFormat(Qt::RichText);
    m_preview->setReadOnly(true);
    m_preview->setObjectName(QStringLiteral("applyPreview"));
    m_log->setObjectName(QStringLiteral("applyLog"));
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    m_progress->hide();
    m_status->hide();
    m_log->hide();
    m_cancel->hide();

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_run, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_cancel->hide();   // QDialogButtonBox shows what it is given; the run shows it
    m_cancel->setAutoDefault(false);   // Escape cancels; Return never does
    connect(m_run, &QPushButton::clicked, this, &ApplyDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ApplyDialog::requestCancel);
    connect(m_close, &QPushButton::clicked, this, &ApplyDialog::reject);
    connect(m_log, &LogView::lineAppended, this, &ApplyDialog::logLine);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_warning);
    layout->addWidget(m_preview, 3);
    layout->addWidget(new FindBar(m_preview, this));
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_log, 2);
    layout->addWidget(buttons);
    resize(820, 640);

    m_preview->setDialect(session.dialectName());
    buildPreview(session);
    updateKeyboard();
}

ApplyDialog::~ApplyDialog()
{
    if (m_thread) {
        m_cancelFlag = true;
        m_thread->quit();
        m_thread->wait();
    }
}

void ApplyDialog::buildPreview(const ProjectSession &session)
{
    const auto fail = [this](const QString &problem) {
        m_problem = problem;
        m_summary->setText(problem);
        m_warning->hide();
        m_preview->setText({});
        m_run->setEnabled(false);
    };
    if (!session.project()) {
        fail(tr("The project could not be read; fix the error shown in the main window first."));
        return;
    }
    if (session.database().status != DatabaseState::Status::Known) {
        fail(tr("The database's current revision is not known yet: %1")
                 .arg(session.database().error.toString()));
        return;
    }
    const Dialect *dialect = Dialect::find(session.dialectName());
    if (!dialect) {
        fail(tr("No dialect for the URL %1").arg(session.maskedUrl()));
        return;
    }
    const RevisionMap &map = session.project()->map();
    const QStringList heads = session.database().heads;
    const QString target = m_revision;
    const Operation operation = m_operation;
    const MigrationPlanner planner = [&map, target, operation](const QStringList &current)
        -> Result<QList<MigrationStep>> {
        switch (operation) {
        case Operation::Upgrade: return map.upgradeSteps(target, current);
        case Operation::Downgrade: return map.downgradeSteps(target, current);
        case Operation::Stamp: return map.stampSteps({target}, current);
        }
        return QList<MigrationStep>();
    };
    Result<QList<MigrationStep>> steps = planner(heads);
    if (!steps) {
        fail(steps.error().toString());
        return;
    }
    m_plannedSteps = int(steps->size());
    if (steps->isEmpty()) {
        fail(tr("Nothing to do: the database is already at %1.").arg(target));
        return;
    }
    const MigratorOptions options = MigratorOptions::fromConfig(m_config);
    Result<QString> script = renderOfflineScript(*dialect, map, heads, planner, options);
    if (!script) {
        fail(script.error().toString());
        return;
    }
    m_preview->setText(*script);

    const QString from = heads.isEmpty() ? tr("an empty version table") : heads.join(QLatin1String(", "));
    QString summary;
    if (m_operation == Operation::Stamp)
        summary = tr("Stamp %1 (now at %2) with %3: only the version table changes, no migration runs.")
                      .arg(session.maskedUrl(), from, target);
    else
        summary = tr("%n revision(s) will run against %1, now at %2. This is the SQL, as `%3 --sql` "
                     "prints it:", "", m_plannedSteps)
                      .arg(session.maskedUrl(), from,
                           m_operation == Operation::Upgrade ? QStringLiteral("stratum upgrade")
                                                             : QStringLiteral("stratum downgrade"));
    m_summary->setText(summary);

    m_destructive = findDestructiveStatements(*script, {m_config.versionTable}, [&] {
        return appliedColumns(*dialect, map, heads, options);
    });
    if (m_destructive.isEmpty()) {
        m_warning->hide();
    } else {
        QStringList items;
        for (const DestructiveStatement &statement : std::as_const(m_destructive)) {
            m_preview->markWarning(statement.line, statement.reason);
            if (items.size() < 6)
                items << tr("line %1: %2 — <code>%3</code>")
                             .arg(statement.line)
                             .arg(statement.reason.toHtmlEscaped(),
                                  statement.statement.left(70).toHtmlEscaped());
        }
        if (m_destructive.size() > items.size())
            items << tr("… and %n more", "", int(m_destructive.size() - items.size()));
        m_warning->setText(QStringLiteral("<div style=\"color:%1\"><b>%2</b><br>%3</div>")
                               .arg(Theme::warningText(palette()).name(),
                                    tr("⚠ %n destructive statement(s): data or objects will be lost.",
                                       "", int(m_destructive.size()))
                                        .toHtmlEscaped(),
                                    items.join(QLatin1String("<br>"))));
        m_warning->show();
    }
}

void ApplyDialog::updateKeyboard()
{
    // Return runs while there is something to run, and closes once it ran; Escape cancels
    // (reject()). The reader starts on the SQL: its keys scroll it, Tab leaves it.
    const bool runnable = m_problem.isEmpty() && !m_running && !m_finished;
    m_run->setDefault(runnable);
    m_close->setDefault(m_finished || !m_problem.isEmpty());
    setTabOrder(m_preview, m_log);
    setTabOrder(m_log, m_run);
    setTabOrder(m_run, m_cancel);
    setTabOrder(m_cancel, m_close);
    if (runnable)
        m_preview->setFocus();
    else if (m_running)
        m_log->setFocus();   // not Cancel: a second Return must not stop the run
    else
        m_close->setFocus();
}

QString ApplyDialog::previewText() const
{
    return m_preview->text();
}

QString ApplyDialog::logText() const
{
    return m_log->toPlainText();
}

void ApplyDialog::start()
{
    if (m_running || m_finished || !m_problem.isEmpty())
        return;
    m_running = true;
    m_cancelFlag = false;
    m_run->setEnabled(false);
    m_close->setEnabled(false);
    m_cancel->show();
    m_cancel->setEnabled(true);
    updateKeyboard();
    m_progress->setRange(0, std::max(1, m_plannedSteps));
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Starting…"));
    m_status->show();
    m_log->show();

    m_thread = new QThread(this);
    auto *worker = new MigrationWorker(m_config, m_operation, m_revision, &m_cancelFlag);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, worker, &MigrationWorker::run);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &MigrationWorker::logLine, m_log, [this](const QString &line) { m_log->appendLine(line); });
    connect(worker, &MigrationWorker::stepStarted, this, &ApplyDialog::stepStarted);
    connect(worker, &MigrationWorker::statementRunning, this,
            [this](int step, int steps, const QString &location) {
                m_progress->setMaximum(std::max(1, steps));
                m_status->setText(tr("Revision %1 of %2: %3").arg(step + 1).arg(steps).arg(location));
            });
    connect(worker, &MigrationWorker::finished, this, &ApplyDialog::runFinished);
    m_thread->start();
}

void ApplyDialog::stepStarted(int started, const QString &description)
{
    m_started = started;
    m_progress->setValue(std::max(0, started - 1));
    m_status->setText(description);
}

void ApplyDialog::requestCancel()
{
    if (!m_running)
        return;
    m_cancelFlag = true;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling after the revision in progress…"));
}

void ApplyDialog::runFinished(bool ok, const QString &error, const QString &, int, bool cancelled)
{
    m_running = false;
    m_finished = true;
    m_succeeded = ok;
    m_error = error;
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        m_thread->deleteLater();
        m_thread = nullptr;
    }
    m_cancel->hide();
    m_close->setEnabled(true);
    updateKeyboard();
    if (ok && cancelled) {
        // The revision in progress when Cancel was asked completed; none after it ran.
        m_progress->setValue(m_started);
        m_progress->setFormat(tr("%1 of %2 revisions, cancelled").arg(m_started).arg(m_progress->maximum()));
        m_status->setText(tr("Cancelled: the revisions that completed stay applied."));
    } else if (ok) {
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("Done."));
    } else {
        m_status->setText(tr("Failed: the log names the statement and the database's message."));
        m_log->appendLine(error);
    }
    Q_EMIT migrationFinished(ok);
}

void ApplyDialog::reject()
{
    if (m_running) {
        requestCancel();
        return;   // closes once the run has stopped between revisions
    }
    QDialog::reject();
}

} // namespace Stratum
