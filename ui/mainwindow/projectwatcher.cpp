// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/projectwatcher.h"

#include "mainwindow/projectsession.h"

#include <QDir>
#include <QFileInfo>

namespace Stratum {

ProjectWatcher::ProjectWatcher(ProjectSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(250);
    connect(&m_settle, &QTimer::timeout, this, &ProjectWatcher::revisionsChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        // Saved by renaming a new file over it (QSaveFile, most editors): watch the new one.
        if (QFileInfo::exists(path) && !m_watcher.files().contains(path))
            m_watcher.addPath(path);
        Q_EMIT fileChanged(path);
    });
    connect(m_session, &ProjectSession::projectChanged, this, &ProjectWatcher::watchFolders);
}

void ProjectWatcher::watchFile(const QString &path)
{
    if (!m_watcher.files().contains(path))
        m_watcher.addPath(path);
}

void ProjectWatcher::watchFolders()
{
    if (m_session->configPath().isEmpty())
        return;
    QStringList folders;
    for (const QString &folder : m_session->config().versionDirectories())
        if (QFileInfo(folder).isDir())
            folders << QDir(folder).absolutePath();
    const QStringList watched = m_watcher.directories();
    for (const QString &folder : watched)
        if (!folders.contains(folder))
            m_watcher.removePath(folder);
    for (const QString &folder : folders)
        if (!watched.contains(folder))
            m_watcher.addPath(folder);
}

} // namespace Stratum
