// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QMenu;

namespace Stratum {

class GraphScene;
class ProjectSession;

/// Collapsing merged feature branches of the graph into one node each, and expanding them:
/// from a merge's or a collapsed node's context menu, from the View menu for all merges at
/// once, by activating a collapsed node, and whenever a hidden revision is asked for.
class CollapseController : public QObject
{
    Q_OBJECT

public:
    CollapseController(ProjectSession *session, GraphScene *scene, QObject *parent = nullptr);

    /// Adds Collapse / Expand for the node \a id to \a menu when it applies.
    void addActions(QMenu *menu, const QString &id);
    /// The node showing \a revision, expanding the branch that hides it first.
    QString reveal(const QString &revision);
    /// Expands \a id when it is a collapsed node; false when it is not one.
    bool activate(const QString &id);

public Q_SLOTS:
    void collapseAll();
    void expandAll();

private:
    /// The merges of the project whose merged branches can collapse.
    QList<QString> collapsibleMerges() const;

    ProjectSession *m_session;
    GraphScene *m_scene;
};

} // namespace Stratum
