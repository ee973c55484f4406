// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/error.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class RevisionMap;

/// One node handed to GraphLayout::compute().
struct GraphNodeInput
{
    QString id;
    /// Versioned parents (Revises). The first one continues the node's lane.
    QStringList parents;
    /// Depends On, resolved to node ids; laid out like parents but kept apart as their own edge kind.
    QStringList dependencies;
    /// Sorts older first (the Create Date); empty sorts by input order. Decides which child
    /// continues a parent's branch (Node::branchRoot).
    QString created;
};

/// A merged feature branch drawn as one node (GraphLayout::collapse).
struct CollapsedBranch
{
    QString merge;          ///< the merge revision the branch was merged by
    QStringList revisions;  ///< the revisions the node stands for, newest first
};

/// Lane layout of a revision DAG, computed without widgets (the model behind the studio's graph).
///
/// Rows run from the newest revisions (row 0, the heads) down to the bases: every node sits below
/// all of its children, so each edge points downwards. Within that order branches stay together
/// (a depth-first walk from the heads). Lanes are x positions: a node takes the lane of an edge
/// that expects it, and every edge keeps a lane of its own between its two rows, so no edge runs
/// through a node it does not end at. Lanes freed by an edge are reused by later edges.
class GraphLayout
{
public:
    enum class EdgeKind {
        Parent,      ///< Revises: the versioned history
        Dependency   ///< Depends On: an ordering constraint between branches
    };

    struct Node
    {
        QString id;
        int row = 0;                 ///< also this node's index in nodes()
        int lane = 0;
        QList<int> parentEdges;      ///< indices into edges() whose child is this node
        QList<int> childEdges;       ///< indices into edges() whose parent is this node
        /// The row of the first revision of this node's branch: follow the first Revises edge down
        /// while the node is the oldest child continuing its parent. Revisions added later (newer)
        /// never change it, so a colour keyed on it stays put.
        int branchRoot = 0;
    };

    /// An edge from a child (upper row) to a parent or dependency (lower row). A Revises edge
    /// runs straight down in \c lane between the two rows; it bends out of the child's lane just
    /// below the child and into the parent's lane just above the parent. A Depends On edge holds
    /// no lane (\c lane is -1): dozens of them would each take one for their whole length, so
    /// they are drawn on demand beside the lanes instead.
    struct Edge
    {
        int childRow = 0;
        int parentRow = 0;
        int lane = 0;
        EdgeKind kind = EdgeKind::Parent;
    };

    /// Lays out \a nodes. Depends On orders rows (a dependency sits below the revisions that
    /// need it) but holds no lane. A parent or dependency that is not among the nodes, or a cycle, is an
    /// error naming the revision.
    static Result<GraphLayout> compute(const QList<GraphNodeInput> &nodes);
    /// The input for a project's map: Revises as parents, the resolved Depends On that are not
    /// already parents as dependencies, in load order.
    static QList<GraphNodeInput> inputFrom(const RevisionMap &map);
    /// The feature branches \a merge merged: for each parent after the first, the revisions
    /// only that branch holds (newest first), following Revises down while each revision has
    /// that one child and is no merge itself; stops above the branch point. Empty lists are
    /// left out.
    static QList<QStringList> mergedBranches(const QList<GraphNodeInput> &nodes, const QString &merge);
    /// \a nodes with the merged branches of each of \a merges replaced by one node each (id in
    /// \a collapsed): it revises what the branch's oldest revision revised, the merge revises it,
    /// and Depends On links into or out of the branch are moved onto it.
    static QList<GraphNodeInput> collapse(const QList<GraphNodeInput> &nodes, const QSet<QString> &merges,
                                          QHash<QString, CollapsedBranch> *collapsed);
    /// compute(inputFrom(map)); a map that was built successfully always lays out.
    static GraphLayout fromRevisionMap(const RevisionMap &map);

    int rowCount() const { return int(m_nodes.size()); }
    /// The widest row: lanes the graph needs in all.
    int laneCount() const { return m_laneCount; }
    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Edge> &edges() const { return m_edges; }
    /// Row of the node \a id, -1 when absent.
    int rowOf(const QString &id) const { return m_rowOf.value(id, -1); }
    /// Lanes in use at \a row by its node and by the edges that pass, start or end there:
    /// where text beside that row's node may begin without covering a line.
    int rowWidth(int row) const { return m_rowWidth.value(row); }

private:
    QList<Node> m_nodes;
    QList<Edge> m_edges;
    QHash<QString, int> m_rowOf;
    QList<int> m_rowWidth;
    int m_laneCount = 0;
};

} // namespace Stratum
