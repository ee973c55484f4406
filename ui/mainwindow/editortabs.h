// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/error.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QTabWidget;
class QWidget;

namespace Stratum {

class ProjectSession;
class ProjectWatcher;
class RevisionEditor;

/// The revision editors in the window's tabs (the first tab, the graph, is not theirs): one
/// tab per file, opened at a line, told the project's dialect, the completion words, whether
/// the database applied their revision and when their file changed on disk; closed asking
/// about unsaved changes; Dry Run on a worker thread.
class EditorTabs : public QObject
{
    Q_OBJECT

public:
    /// \a dialogParent parents the questions about unsaved changes.
    EditorTabs(ProjectSession *session, ProjectWatcher *watcher, QTabWidget *tabs, QWidget *dialogParent);

    /// Opens \a revisionOrPath (an id, or a path) in a tab, or brings its tab forward; at
    /// \a line when given. Null when it is no file, or cannot be read (error() says why).
    RevisionEditor *open(const QString &revisionOrPath, int line = 0, int column = 0);
    RevisionEditor *current() const;
    QList<RevisionEditor *> editors() const;
    /// Closes every editor, asking about unsaved changes; false when the user cancelled.
    bool closeAll();
    /// Runs \a editor's text on a dev database (Commands::dryRun) and marks the result in it.
    void dryRun(RevisionEditor *editor);
    /// After the project or the database changed: dialect, applied revisions.
    void projectChanged();
    void databaseChanged();
    void setCompletionWords(const QStringList &words);
    /// The file \a path changed on disk: its editor follows.
    void fileChanged(const QString &path);

Q_SIGNALS:
    void logLine(const QString &line);
    void error(const Error &error);
    void dryRunFinished(RevisionEditor *editor);
    /// An editor was opened, closed, saved or changed its modified state.
    void editorsChanged();

private:
    ProjectSession *m_session;
    ProjectWatcher *m_watcher;
    QTabWidget *m_tabs;
    QWidget *m_dialogParent;
    QStringList m_completionWords;
};

} // namespace Stratum
