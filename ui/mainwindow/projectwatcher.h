// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace Stratum {

class ProjectSession;

/// Notices what changes on disk outside the studio (another editor, `git checkout`): the
/// folders of revision files, and the files open in editors.
class ProjectWatcher : public QObject
{
    Q_OBJECT

public:
    explicit ProjectWatcher(ProjectSession *session, QObject *parent = nullptr);

    /// Watches \a path, a file open in an editor.
    void watchFile(const QString &path);

Q_SIGNALS:
    /// A revision file was added, removed or replaced (several changes in a burst: once).
    void revisionsChanged();
    /// \a path (watched with watchFile()) changed or was deleted.
    void fileChanged(const QString &path);

private:
    void watchFolders();

    ProjectSession *m_session;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;   // a checkout changes many files: one reload after they settle
};

} // namespace Stratum
