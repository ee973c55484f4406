// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphscene.h"

#include "graph/graphlayout.h"
#include "stratum/revision/revisionmap.h"

#include <QApplication>
#include <QFontDatabase>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QFontMetricsF>
#include <QPen>

namespace Stratum {
namespace {

qreal laneX(int lane)
{
    return GraphScene::margin + lane * GraphScene::laneWidth;
}

qreal rowY(int row)
{
    return GraphScene::margin + row * GraphScene::rowHeight;
}

// The edge's line: out of the child's lane into its own just below the child, straight down,
// then into the parent's lane just above the parent.
QPainterPath edgePath(const GraphLayout &layout, const GraphLayout::Edge &edge)
{
    const GraphLayout::Node &child = layout.nodes()[edge.childRow];
    const GraphLayout::Node &parent = layout.nodes()[edge.parentRow];
    const QPointF start(laneX(child.lane), rowY(child.row));
    const QPointF end(laneX(parent.lane), rowY(parent.row));
    const qreal xl = laneX(edge.lane);
    const qreal h = GraphScene::rowHeight;
    QPainterPath path(start);
    if (edge.parentRow == edge.childRow + 1) {
        if (start.x() == end.x())
            path.lineTo(end);
        else
            path.cubicTo(QPointF(start.x(), start.y() + h / 2), QPointF(end.x(), end.y() - h / 2), end);
        return path;
    }
    if (xl != start.x())
        path.cubicTo(QPointF(start.x(), start.y() + h / 2), QPointF(xl, start.y() + h / 2),
                     QPointF(xl, start.y() + h));
    path.lineTo(QPointF(xl, end.y() - h));
    if (xl != end.x())
        path.cubicTo(QPointF(xl, end.y() - h / 2), QPointF(end.x(), end.y() - h / 2), end);
    else
        path.lineTo(end);
    return path;
}

// A Depends On link, drawn on demand: it leaves the child's dot, swings out into the gap right
// of the lanes and comes back to the dependency's dot, so it never runs along a lane.
QPainterPath dependencyPath(QPointF start, QPointF end, qreal gutter)
{
    QPainterPath path(start);
    const qreal reach = std::max(gutter, std::max(start.x(), end.x()) + GraphScene::laneWidth);
    path.cubicTo(QPointF(reach, start.y()), QPointF(reach, end.y()), end);
    return path;
}

// "Branch reporting, 3 revisions merged by 96ae41b7c035: Add sales reporting views …"
QString collapsedText(const CollapsedBranch &branch, const RevisionMap &map)
{
    const Revision *newest = map.revision(branch.revisions.first());
    const QString labels = newest ? newest->script.branchLabels.join(QLatin1String(", ")) : QString();
    QString text = GraphScene::tr("%n revision(s) merged by %1", "", int(branch.revisions.size()))
                       .arg(branch.merge.left(12));
    if (!labels.isEmpty())
        text = labels + QLatin1String(": ") + text;
    if (newest && !newest->doc.isEmpty())
        text += QStringLiteral(" — ") + newest->doc;
    return text;
}

QString shortDate(const QString &createDate)
{
    return createDate.left(16);
}

} // namespace

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_palette(QApplication::palette())
    , m_colours(Theme::graph(m_palette))
{
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        updateDependencyLinks();
        const QString id = selectedRevision();
        if (!id.isEmpty())
            Q_EMIT revisionSelected(id);
    });
}

GraphScene::~GraphScene()
{
    // The layout may already be gone (the session is destroyed first); items deleted by the
    // base class would report a selection change that reads it.
    m_layout = nullptr;
    blockSignals(true);
}

void GraphScene::setGraph(const GraphLayout &layout, const RevisionMap &map,
                          const QHash<QString, GraphProblemNode> &problems,
                          const QHash<QString, CollapsedBranch> &collapsed)
{
    const QString selected = selectedRevision();
    m_layout = &layout;
    m_map = &map;
    m_problems = problems;
    m_collapsed = collapsed;
    build();
    if (!selected.isEmpty() && m_items.contains(selected))
        selectRevision(selected);
}

void GraphScene::clearGraph()
{
    m_layout = nullptr;
    m_map = nullptr;
    m_problems.clear();
    m_collapsed.clear();
    build();
}

const CollapsedBranch *GraphScene::collapsedBranch(const QString &id) const
{
    const auto found = m_collapsed.constFind(id);
    return found == m_collapsed.constEnd() ? nullptr : &*found;
}

const GraphProblemNode *GraphScene::problem(const QString &id) const
{
    const auto found = m_problems.constFind(id);
    return found == m_problems.constEnd() ? nullptr : &*found;
}

QColor GraphScene::nodeColour(int row) const
{
    const QList<QColor> &lanes = m_colours.lanes;
    if (!m_layout || row < 0 || row >= m_layout->rowCount())
        return lanes.first();
    const auto hashed = [this, &lanes](int branchRow) {
        return int(qHash(m_layout->nodes()[m_layout->nodes()[branchRow].branchRoot].id, 0) % size_t(lanes.size()));
    };
    const GraphLayout::Node &root = m_layout->nodes()[m_layout->nodes()[row].branchRoot];
    int colour = hashed(row);
    // A branch never takes the colour of the branch it leaves (both keys are stable, so this
    // stays put too).
    for (int e : root.parentEdges) {
        const GraphLayout::Edge &edge = m_layout->edges()[e];
        if (edge.kind == GraphLayout::EdgeKind::Parent) {
            if (hashed(edge.parentRow) == colour)
                colour = (colour + 1) % int(lanes.size());
            break;
        }
    }
    return lanes[colour];
}

QColor GraphScene::edgeColour(int edge) const
{
    const GraphLayout::Edge &e = m_layout->edges()[edge];
    if (e.kind == GraphLayout::EdgeKind::Dependency)
        return m_colours.dependency;
    // A first Revises line belongs to the child's branch (continuing it, or branching off);
    // a merge's other lines to the branches merged.
    const GraphLayout::Node &child = m_layout->nodes()[e.childRow];
    const bool first = !child.parentEdges.isEmpty() && &m_layout->edges()[child.parentEdges.first()] == &e;
    return nodeColour(first ? e.childRow : e.parentRow);
}

void GraphScene::setSearchMatches(const QSet<QString> &ids)
{
    m_searchMatches = ids;
    for (RevisionItem *item : std::as_const(m_itemList))
        item->setHighlighted(ids.contains(item->id()), m_colours.searchMatch);
}

void GraphScene::setShowAllDependencies(bool all)
{
    m_allDependencies = all;
    updateDependencyLinks();
}

void GraphScene::updateDependencyLinks()
{
    for (QGraphicsPathItem *item : std::as_const(m_dependencyItems))
        delete item;
    m_dependencyItems.clear();
    m_shownDependencies.clear();
    if (!m_layout)
        return;
    const int selectedRow = m_layout->rowOf(selectedRevision());
    const auto show = [&](const GraphLayout::Edge &edge) {
        return m_allDependencies || edge.childRow == selectedRow || edge.parentRow == selectedRow;
    };
    QPen pen(m_colours.dependency, 1.6);
    pen.setDashPattern({4, 3});
    pen.setCapStyle(Qt::RoundCap);
    for (const GraphLayout::Edge &edge : m_layout->edges()) {
        if (edge.kind != GraphLayout::EdgeKind::Dependency || !show(edge))
            continue;
        const GraphLayout::Node &child = m_layout->nodes()[edge.childRow];
        const GraphLayout::Node &parent = m_layout->nodes()[edge.parentRow];
        auto *item = new QGraphicsPathItem(dependencyPath(QPointF(laneX(child.lane), rowY(child.row)),
                                                          QPointF(laneX(parent.lane), rowY(parent.row)),
                                                          m_textX - laneWidth / 2));
        item->setPen(pen);
        item->setZValue(-1);
        addItem(item);
        m_dependencyItems << item;
        m_shownDependencies.append({child.id, parent.id});
    }
}

void GraphScene::setPalette(const QPalette &palette)
{
    m_palette = palette;
    m_colours = Theme::graph(palette);
    setBackgroundBrush(m_colours.background);
    styleItems();
    setSearchMatches(m_searchMatches);
    markChanged();
}

void GraphScene::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    const bool show = !text.isEmpty() && m_itemList.isEmpty();
    if (!show) {
        delete m_placeholderItem;
        m_placeholderItem = nullptr;
        return;
    }
    if (!m_placeholderItem) {
        m_placeholderItem = new QGraphicsSimpleTextItem;
        addItem(m_placeholderItem);
    }
    m_placeholderItem->setText(text);
    m_placeholderItem->setBrush(m_colours.dimText);
    m_placeholderItem->setPos(margin, margin);
    setSceneRect(m_placeholderItem->sceneBoundingRect().adjusted(-margin, -margin, margin, margin));
}

void GraphScene::build()
{
    const QSignalBlocker blocker(this);
    clear();
    m_items.clear();
    m_itemList.clear();
    m_edgeItems.clear();
    m_dependencyItems.clear();
    m_shownDependencies.clear();
    m_edgeCount = 0;
    m_placeholderItem = nullptr;
    setBackgroundBrush(m_colours.background);
    if (!m_layout || !m_map || m_layout->rowCount() == 0) {
        setSceneRect(QRectF(0, 0, 400, 200));
        setPlaceholder(m_placeholder);
        return;
    }

    // No BSP index: building one for 20,000 items costs more at start than scanning them costs
    // per paint (a bounding-rectangle test each), and the items never move.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    const GraphLayout &layout = *m_layout;
    for (int e = 0; e < int(layout.edges().size()); ++e) {
        const GraphLayout::Edge &edge = layout.edges()[e];
        if (edge.kind == GraphLayout::EdgeKind::Dependency)
            continue;   // drawn on demand (updateDependencyLinks)
        auto *item = new QGraphicsPathItem(edgePath(layout, edge));
        item->setZValue(-2);
        item->setData(0, e);
        addItem(item);
        m_edgeItems << item;
    }
    m_edgeCount = int(layout.edges().size());

    // One column start for every row: text never moves sideways from row to row.
    m_textX = laneX(std::max(1, layout.laneCount()) - 1) + laneWidth + 4;
    m_itemList.reserve(layout.rowCount());
    qreal right = 0;
    for (const GraphLayout::Node &node : layout.nodes()) {
        const Revision *revision = m_map->revision(node.id);
        const GraphProblemNode *problem = revision ? nullptr : this->problem(node.id);
        const CollapsedBranch *branch = revision || problem ? nullptr : collapsedBranch(node.id);
        auto *item = new RevisionItem(node.id,
                                      revision  ? revision->doc
                                      : problem ? problem->message
                                      : branch  ? collapsedText(*branch, *m_map)
                                                : QString(),
                                      revision ? shortDate(revision->script.createDate) : QString(),
                                      m_textX - laneX(node.lane));
        if (problem)
            item->setProblem(problem->title, Theme::errorText(m_palette));
        if (branch)
            item->setCollapsed(QStringLiteral("⋯ %1").arg(branch->revisions.size()));
        item->setPos(laneX(node.lane), rowY(node.row));
        item->setData(0, node.row);
        addItem(item);
        m_items.insert(node.id, item);
        m_itemList << item;
    }
    styleItems();
    for (RevisionItem *item : std::as_const(m_itemList))
        right = std::max(right, item->mapRectToScene(item->boundingRect()).right());
    setSceneRect(QRectF(0, 0, right + margin, rowY(layout.rowCount() - 1) + margin));
    setDatabaseState(m_known, m_heads, m_applied);
    setSearchMatches(m_searchMatches);
    updateDependencyLinks();
    markChanged();
}

void GraphScene::styleItems()
{
    if (!m_map)
        return;
    QFont font = QApplication::font();
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setPointSizeF(font.pointSizeF());
    idFont.setBold(true);
    RevisionItem::Columns columns;
    const QFontMetricsF idMetrics(idFont);
    const QFontMetricsF metrics(font);
    columns.id = idMetrics.horizontalAdvance(QLatin1Char('0')) * 12;
    columns.message = metrics.averageCharWidth() * 56;
    columns.date = metrics.horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 8;
    for (QGraphicsPathItem *edge : std::as_const(m_edgeItems)) {
        QPen pen(edgeColour(edge->data(0).toInt()), 2.0);
        pen.setCapStyle(Qt::RoundCap);
        edge->setPen(pen);
    }
    for (RevisionItem *item : std::as_const(m_itemList)) {
        item->setLaneColour(nodeColour(item->data(0).toInt()));
        item->setStyle(font, idFont, m_colours.text, m_colours.dimText, m_colours.current,
                       m_colours.background, m_colours.selection, m_colours.badgeText, columns);
        if (item->isProblem())
            item->setProblem(problem(item->id())->title, Theme::errorText(m_palette));
        const Revision *revision = m_map->revision(item->id());
        if (!revision) {
            item->setBadges({});
            continue;
        }
        QList<RevisionItem::Badge> badges;
        if (m_known && m_heads.contains(revision->id))
            badges << RevisionItem::Badge{tr("current"), Theme::isDark(m_palette) ? QColor(0x23, 0x86, 0x36) : m_colours.current};
        if (revision->isHead)
            badges << RevisionItem::Badge{tr("head"), m_colours.badgeHead};
        if (revision->isBase)
            badges << RevisionItem::Badge{tr("base"), m_colours.badgeBase};
        if (revision->isMergePoint)
            badges << RevisionItem::Badge{tr("merge point"), m_colours.badgePoint};
        if (revision->isBranchPoint)
            badges << RevisionItem::Badge{tr("branch point"), m_colours.badgePoint};
        for (const QString &label : revision->script.branchLabels)
            badges << RevisionItem::Badge{label, m_colours.badgeLabel};
        item->setBadges(badges);
    }
}

void GraphScene::setDatabaseState(bool known, const QStringList &heads, const QSet<QString> &applied)
{
    const bool badgesChange = known != m_known || heads != m_heads;
    m_known = known;
    m_heads = heads;
    m_applied = applied;
    for (RevisionItem *item : std::as_const(m_itemList))
        item->setState(stateOf(item->id()));
    if (badgesChange)
        styleItems();
}

void GraphScene::setChangedSinceApplied(const QHash<QString, QString> &reasons)
{
    m_changed = reasons;
    markChanged();
}

void GraphScene::markChanged()
{
    const QColor colour = Theme::warningText(m_palette);
    for (RevisionItem *item : std::as_const(m_itemList))
        item->setChangedSinceApplied(m_changed.value(item->id()), colour);
}

RevisionItem::State GraphScene::stateOf(const QString &id) const
{
    if (!m_known)
        return RevisionItem::State::Unknown;
    if (const CollapsedBranch *branch = collapsedBranch(id)) {
        // A collapsed branch is as far as its revisions: where the database stands if it
        // stands inside, applied once all are.
        bool all = true;
        for (const QString &revision : branch->revisions) {
            if (m_heads.contains(revision))
                return RevisionItem::State::Current;
            all = all && m_applied.contains(revision);
        }
        return all ? RevisionItem::State::Applied : RevisionItem::State::Pending;
    }
    if (m_heads.contains(id))
        return RevisionItem::State::Current;
    return m_applied.contains(id) ? RevisionItem::State::Applied : RevisionItem::State::Pending;
}

void GraphScene::selectRevision(const QString &id)
{
    RevisionItem *item = m_items.value(id);
    if (!item || (item->isSelected() && selectedItems().size() == 1))
        return;
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        item->setSelected(true);
    }
    updateDependencyLinks();
    Q_EMIT revisionSelected(id);
}

QString GraphScene::selectedRevision() const
{
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected)
        if (item->type() == RevisionItem::Type)
            return static_cast<RevisionItem *>(item)->id();
    return {};
}

QPointF GraphScene::nodePosition(const QString &id) const
{
    RevisionItem *item = m_items.value(id);
    return item ? item->pos() : QPointF();
}

RevisionItem *GraphScene::revisionAt(const QPointF &position) const
{
    for (QGraphicsItem *item : items(position))
        if (item->type() == RevisionItem::Type)
            return static_cast<RevisionItem *>(item);
    return nullptr;
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (RevisionItem *item = revisionAt(event->scenePos())) {
        Q_EMIT revisionActivated(item->id());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (RevisionItem *item = revisionAt(event->scenePos())) {
        selectRevision(item->id());
        Q_EMIT contextMenuRequested(item->id(), event->screenPos());
        event->accept();
        return;
    }
    QGraphicsScene::contextMenuEvent(event);
}

} // namespace Stratum
