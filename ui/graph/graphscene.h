// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphlayout.h"
#include "graph/revisionitem.h"
#include "theme/theme.h"

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QSet>

namespace Stratum {

class GraphLayout;
class RevisionMap;

/// A node of the graph that is not a revision but a problem with the files: a file that could
/// not be read, a second file with an id, or a revision that a file names and none defines.
struct GraphProblemNode
{
    QString title;     ///< shown in the id column: file:line, or the missing id
    QString message;   ///< what is wrong
    QString file;      ///< the file to open, if any
    int line = 0;
};

/// Draws a GraphLayout: one RevisionItem per revision, one path per Revises edge, and the Depends
/// On links (dashed) of the selected revision, or of all when asked. Text sits in columns that
/// start right of the widest lane, the same for every row. Positions come from the layout's rows
/// and lanes; nothing here decides where things go.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal rowHeight = 34;
    static constexpr qreal laneWidth = 18;
    static constexpr qreal margin = 24;

    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    /// Rebuilds the items for \a layout of \a map (both must outlive the next setGraph/clearGraph).
    /// Nodes of the layout that are not in the map are drawn from \a problems.
    /// Nodes that stand for collapsed branches are drawn from \a collapsed.
    void setGraph(const GraphLayout &layout, const RevisionMap &map,
                  const QHash<QString, GraphProblemNode> &problems = {},
                  const QHash<QString, CollapsedBranch> &collapsed = {});
    void clearGraph();
    /// Applied / current / pending: \a known false draws every revision as unknown.
    void setDatabaseState(bool known, const QStringList &heads, const QSet<QString> &applied);
    /// Marks the revisions whose file changed since the database applied them (revision → why).
    void setChangedSinceApplied(const QHash<QString, QString> &reasons);
    void setPalette(const QPalette &palette);
    /// A hint drawn where the graph would be, while there is none (empty text: no hint).
    void setPlaceholder(const QString &text);

    void selectRevision(const QString &id);
    QString selectedRevision() const;
    RevisionItem *item(const QString &id) const { return m_items.value(id); }
    QList<RevisionItem *> revisionItems() const { return m_itemList; }
    int edgeCount() const { return m_edgeCount; }
    /// Marks the revisions matching the list's search (an empty set marks none).
    void setSearchMatches(const QSet<QString> &ids);
    QSet<QString> searchMatches() const { return m_searchMatches; }
    /// Depends On links: those of the selected revision (both ways), or all of them.
    void setShowAllDependencies(bool all);
    bool showsAllDependencies() const { return m_allDependencies; }
    /// The Depends On links drawn now, as (child, dependency) ids.
    QList<std::pair<QString, QString>> shownDependencies() const { return m_shownDependencies; }
    /// Scene x where the text columns begin (right of the widest lane).
    qreal textColumnX() const { return m_textX; }
    /// The problem drawn at \a id, if that node is one.
    const GraphProblemNode *problem(const QString &id) const;
    /// The collapsed branch drawn at \a id, if that node is one.
    const CollapsedBranch *collapsedBranch(const QString &id) const;
    /// The colour of \a row's lane run (stable when revisions are added on top) and of an edge.
    QColor nodeColour(int row) const;
    QColor edgeColour(int edge) const;
    /// Scene position of the node of \a id.
    QPointF nodePosition(const QString &id) const;
    const GraphLayout *layout() const { return m_layout; }
    const Theme::Graph &colours() const { return m_colours; }
    RevisionItem::State stateOf(const QString &id) const;

Q_SIGNALS:
    void revisionSelected(const QString &id);
    void revisionActivated(const QString &id);
    void contextMenuRequested(const QString &id, const QPoint &screenPos);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void build();
    void styleItems();
    void updateDependencyLinks();
    void markChanged();
    RevisionItem *revisionAt(const QPointF &position) const;

    const GraphLayout *m_layout = nullptr;
    const RevisionMap *m_map = nullptr;
    QPalette m_palette;
    Theme::Graph m_colours;
    QHash<QString, RevisionItem *> m_items;
    QList<RevisionItem *> m_itemList;
    QList<QGraphicsPathItem *> m_edgeItems;
    QList<QGraphicsPathItem *> m_dependencyItems;
    QList<std::pair<QString, QString>> m_shownDependencies;
    bool m_allDependencies = false;
    QSet<QString> m_searchMatches;
    QHash<QString, GraphProblemNode> m_problems;
    QHash<QString, CollapsedBranch> m_collapsed;
    qreal m_textX = 0;
    int m_edgeCount = 0;
    QString m_placeholder;
    QGraphicsSimpleTextItem *m_placeholderItem = nullptr;
    bool m_known = false;
    QStringList m_heads;
    QSet<QString> m_applied;
    QHash<QString, QString> m_changed;
};

} // namespace Stratum
