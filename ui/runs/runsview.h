// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QDockWidget;
class QLabel;
class QTableView;

namespace Stratum {

class ProjectSession;
class RunsModel;

/// What the database has done: the rows of `stratum_history`, newest first, with the revisions
/// whose file changed since they were applied marked. Follows the session's readings of the
/// database (ProjectSession::databaseChanged), which read the history on a worker thread.
class RunsView : public QWidget
{
    Q_OBJECT

public:
    explicit RunsView(ProjectSession *session, QWidget *parent = nullptr);

    /// Puts the view into a "Runs" dock tabbed behind \a log, in \a log's main window; returns
    /// the action that shows and raises it (for the View menu).
    QAction *addDockBeside(QDockWidget *log);

    QTableView *table() const { return m_table; }
    RunsModel *model() const { return m_model; }
    /// Why there is no table to show ("No runs recorded yet", the error); empty while it shows.
    QString emptyText() const;
    /// The line above the table: how many runs, how many applied revisions changed since.
    QString summaryText() const;

Q_SIGNALS:
    /// A row was double-clicked or Return pressed on it: select \a id in the main window.
    void revisionActivated(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void showEmpty(const QString &text);
    void showTable();

    ProjectSession *m_session;
    RunsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_empty;
};

} // namespace Stratum
