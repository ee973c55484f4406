// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QStatusBar;

namespace Stratum {

class ProjectSession;

/// Where the database stands, said in two places: the legend above the graph (the states'
/// colours, and a warning when the database is unavailable or a revision was interrupted) and
/// the status bar (dialect, masked URL, current revisions).
class DatabaseIndicators : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseIndicators(ProjectSession *session, QObject *parent = nullptr);

    /// The legend, for the window to place above the graph.
    QLabel *legend() const { return m_legend; }
    /// Adds the dialect, URL and current-revision labels to \a bar.
    void addTo(QStatusBar *bar);
    /// Shows the session's database state, in the colours of the legend's palette.
    void update();
    /// Dialect, URL and current revisions as the status bar shows them, joined by " | ".
    QString statusText() const;

Q_SIGNALS:
    /// A line for the log: the database's error, or an interruption (each said once).
    void logLine(const QString &line);

private:
    void updateStatusBar();
    void updateLegend();

    ProjectSession *m_session;
    QLabel *m_legend;
    QLabel *m_dialect;
    QLabel *m_url;
    QLabel *m_current;
    QString m_interruptionsLogged;   ///< the interruption texts last written to the log
};

} // namespace Stratum
