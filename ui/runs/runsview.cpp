// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/runsview.h"

#include "mainwindow/projectsession.h"
#include "runs/runsmodel.h"
#include "theme/theme.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Stratum {

RunsView::RunsView(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RunsModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("runsView"));
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(RunsModel::MessageColumn, QHeaderView::Stretch);
    // activated: a double-click, or Return on the current row.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT revisionActivated(index.data(RunsModel::RevisionIdRole).toString());
    });

    m_summary->setObjectName(QStringLiteral("runsSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setContentsMargins(6, 2, 6, 2);
    m_empty->setObjectName(QStringLiteral("runsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);

    connect(m_session, &ProjectSession::databaseChanged, this, &RunsView::refresh);
    refresh();
}

QAction *RunsView::addDockBeside(QDockWidget *log)
{
    auto *window = qobject_cast<QMainWindow *>(log->parentWidget());
    auto *dock = new QDockWidget(tr("Runs"), window);
    dock->setObjectName(QStringLiteral("runsDock"));
    dock->setWidget(this);
    dock->setFeatures(log->features());
    window->tabifyDockWidget(log, dock);
    log->raise();
    // Not the dock's toggle action: behind the log the dock counts as open, and toggling it
    // would close it instead of showing it.
    auto *show = new QAction(tr("&Runs"), dock);
    show->setToolTip(tr("What the database has done: stratum_history, newest first"));
    connect(show, &QAction::triggered, dock, [dock] {
        dock->show();
        dock->raise();
    });
    // The log's strip shows a few lines; a history wants more of the window when it comes forward.
    connect(dock, &QDockWidget::visibilityChanged, window, [window, dock](bool visible) {
        if (visible && dock->height() < window->height() / 4)
            window->resizeDocks({dock}, {window->height() / 3}, Qt::Vertical);
    });
    return show;
}

QString RunsView::emptyText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

QString RunsView::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

void RunsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        refresh();
    }
    QWidget::changeEvent(event);
}

void RunsView::refresh()
{
    const DatabaseState &state = m_session->database();
    if (!m_session->isOpen()) {
        m_model->setReport({}, nullptr);
        showEmpty(tr("No project is open."));
        return;
    }
    switch (state.status) {
    case DatabaseState::Status::Unknown:
        m_model->setReport({}, nullptr);
        showEmpty(tr("The database has not been read yet."));
        return;
    case DatabaseState::Status::Reading:
        // Keep the rows of the last reading while the next one runs: no flicker after each run.
        if (m_model->rowCount() == 0)
            showEmpty(tr("Reading stratum_history…"));
        return;
    case DatabaseState::Status::Failed:
        m_model->setReport({}, nullptr);
        showEmpty(tr("The database could not be read: %1").arg(state.error.message));
        return;
    case DatabaseState::Status::Known:
        break;
    }
    if (state.runsError) {
        m_model->setReport({}, nullptr);
        showEmpty(tr("stratum_history could not be read: %1").arg(state.runsError->message));
        return;
    }
    m_model->setReport(state.runs, m_session->project() ? &m_session->project()->map() : nullptr);
    if (state.runs.runs.isEmpty()) {
        const QString text = state.note.isEmpty() ? tr("No runs recorded yet.")
                                                  : tr("No runs recorded yet: %1.").arg(state.note);
        showEmpty(text + QLatin1Char('\n')
                  + tr("Stratum records every upgrade, downgrade and stamp it runs in stratum_history."));
        return;
    }
    showTable();
}

void RunsView::showEmpty(const QString &text)
{
    m_empty->setText(text);
    m_empty->show();
    m_table->hide();
    m_summary->hide();
}

void RunsView::showTable()
{
    const RunsReport &runs = m_session->database().runs;
    QString summary = tr("Runs recorded in stratum_history: %1").arg(runs.runs.size()).toHtmlEscaped();
    if (!runs.changedSinceApplied.isEmpty())
        summary += QStringLiteral(" &nbsp;·&nbsp; <span style=\"color:%1\">%2</span>")
                       .arg(Theme::warningText(palette()).name(),
                            tr("⚠ Applied revisions whose file changed since: %1")
                                .arg(runs.changedSinceApplied.size())
                                .toHtmlEscaped());
    m_summary->setText(QStringLiteral("<small>%1</small>").arg(summary));
    m_summary->show();
    m_empty->hide();
    m_table->show();
    m_table->resizeColumnsToContents();
}

} // namespace Stratum
