// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/commands/commands.h"
#include "stratum/commands/project.h"
#include "stratum/config/config.h"
#include "stratum/error.h"
#include "graph/graphlayout.h"
#include "graph/graphscene.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Stratum {

/// The version table as read on a worker thread.
struct HeadsReading
{
    bool ok = false;
    QStringList heads;
    QString note;
    QList<InterruptedRevision> interruptions;   ///< Commands::interruptions()
    RunsReport runs;                            ///< Commands::runs()
    std::optional<Error> runsError;             ///< stratum_history could not be read
    Error error;
    int generation = 0;
};

/// What the studio knows about the project's database.
struct DatabaseState
{
    enum class Status { Unknown, Reading, Known, Failed };
    Status status = Status::Unknown;
    QStringList heads;        ///< rows of the version table
    QSet<QString> applied;    ///< the heads and everything below them
    QString note;             ///< e.g. "the database file does not exist yet"
    /// Revisions interrupted half-way (Commands::interruptions).
    QList<InterruptedRevision> interruptions;
    /// stratum_history and the applied revisions changed since (Commands::runs).
    RunsReport runs;
    std::optional<Error> runsError;   ///< why runs is empty when stratum_history could not be read
    Error error;              ///< when Failed
};

/// One open project: its configuration, the revision map, the graph layout and the database's
/// version table. The map is read synchronously (headers only, fast); the database is read on
/// a worker thread, because a server that does not answer must not freeze the window.
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    /// Finds the configuration of \a path: a stratum.ini or alembic.ini file, or a folder holding
    /// one. Empty when there is none.
    static QString configFileFor(const QString &path);

    /// Opens \a path (folder or ini). \a urlOverride replaces the configured URL (a connection
    /// profile, password already filled in); it is never shown unmasked.
    Status open(const QString &path, const QString &urlOverride = {});
    /// Reads the revision files again (after an edit, a new revision, a run) and the database.
    Status reload();
    /// Reads the version table again.
    void refreshDatabase();
    void setUrlOverride(const QString &url);

    bool isOpen() const { return !m_configPath.isEmpty(); }
    QString configPath() const { return m_configPath; }
    QString projectDirectory() const;
    /// The last successful load; empty before one.
    const std::optional<Project> &project() const { return m_project; }
    const Config &config() const { return m_config; }
    const GraphLayout &layout() const { return m_layout; }
    /// Why the last load failed (revision file with line), if it did. When only some files are
    /// wrong, the rest is loaded and the first problem is said here.
    const std::optional<Error> &loadError() const { return m_loadError; }
    /// The files the last load left out or repaired, as nodes of the layout (node id → problem):
    /// the graph shows them where they belong instead of an empty or outdated graph.
    const QHash<QString, GraphProblemNode> &problemNodes() const { return m_problemNodes; }
    /// Collapses the feature branches merged by each of \a merges into one node each (or
    /// expands them again when left out), and lays the graph out again: layoutChanged().
    void setCollapsedMerges(const QSet<QString> &merges);
    QSet<QString> collapsedMerges() const { return m_collapsedMerges; }
    /// The nodes that stand for collapsed branches (node id → branch).
    const QHash<QString, CollapsedBranch> &collapsedNodes() const { return m_collapsedNodes; }
    /// The node that shows \a revision: itself, or the collapsed branch that holds it.
    QString nodeOf(const QString &revision) const;
    const DatabaseState &database() const { return m_database; }
    /// Alembic projects (.py revisions) are shown read-only.
    bool isReadOnly() const { return m_readOnly; }

    /// How long the last successful load took to read the files and to lay out the graph.
    qint64 loadMilliseconds() const { return m_loadMs; }
    qint64 layoutMilliseconds() const { return m_layoutMs; }

    /// Dialect name of the configured URL ("sqlite", …), empty when it does not parse.
    QString dialectName() const;
    /// What is wrong with a revision header that names \a revises and \a dependsOn, for the
    /// revision \a id, in the project as read: a name that is no revision (or label), or one
    /// that builds on \a id (a cycle). Empty when nothing is.
    QString headerProblem(const QString &id, const QStringList &revises, const QStringList &dependsOn) const;
    /// The URL with the password masked.
    QString maskedUrl() const;

Q_SIGNALS:
    /// The map and layout changed (or a load failed: see loadError()).
    void projectChanged();
    /// Only the layout changed (branches collapsed or expanded): same revisions, same database.
    void layoutChanged();
    void databaseChanged();

private:
    Status load();
    void layOut();
    void databaseRead(const HeadsReading &reading);

    QString m_configPath;
    QString m_urlOverride;
    Config m_config;
    std::optional<Project> m_project;
    std::optional<Error> m_loadError;
    QHash<QString, GraphProblemNode> m_problemNodes;
    QSet<QString> m_collapsedMerges;
    QHash<QString, CollapsedBranch> m_collapsedNodes;
    QList<GraphNodeInput> m_layoutInput;   ///< the revisions and problem nodes, before collapsing
    GraphLayout m_layout;
    DatabaseState m_database;
    bool m_readOnly = false;
    QFutureWatcher<HeadsReading> *m_watcher = nullptr;
    int m_generation = 0;
    qint64 m_loadMs = 0;
    qint64 m_layoutMs = 0;
};

} // namespace Stratum
