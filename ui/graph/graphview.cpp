// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphview.h"

#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/minimap.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace Stratum {
namespace {
constexpr qreal minZoom = 0.05;
constexpr qreal maxZoom = 4.0;
constexpr qreal zoomStep = 1.2;
} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_minimap(new Minimap(this))
{
    setObjectName(QStringLiteral("graphView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Most of a long history is off screen: only what is visible is repainted.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setFocusPolicy(Qt::StrongFocus);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::setZoom(qreal factor)
{
    factor = std::clamp(factor, minZoom, maxZoom);
    setTransform(QTransform::fromScale(factor, factor));
    m_minimap->update();
}

void GraphView::zoomIn()
{
    setZoom(zoom() * zoomStep);
}

void GraphView::zoomOut()
{
    setZoom(zoom() / zoomStep);
}

void GraphView::resetZoom()
{
    setZoom(1.0);
}

void GraphView::fit()
{
    const QRectF rect = sceneRect();
    if (rect.isEmpty())
        return;
    const QSize available = viewport()->size();
    const qreal byWidth = available.width() / rect.width();
    const qreal byHeight = available.height() / rect.height();
    qreal factor = std::min(byWidth, byHeight);
    // A long history shrunk to the window would be unreadable dots: fit its width instead (as
    // far as text stays readable) and keep the selected revision, or the newest, in view.
    const bool tall = factor < 0.5;
    if (tall)
        factor = std::clamp(byWidth, 0.85, 1.0);
    setZoom(std::min(factor, 1.25));
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    const QString selected = m_scene->selectedRevision();
    if (tall && !selected.isEmpty())
        centerOn(mapToScene(viewport()->rect().center()).x(), m_scene->nodePosition(selected).y());
    else
        verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

void GraphView::centerOnRevision(const QString &id)
{
    if (!m_scene->item(id))
        return;
    const QPointF position = m_scene->nodePosition(id);
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    // The row's id and labels must show, and as many lanes as fit beside them: from the left
    // edge when lanes and the first columns fit, else with the text a little left of centre.
    const qreal textStart = m_scene->textColumnX();
    const qreal left = textStart + 260 <= visible.width() ? 0 : std::max<qreal>(0, textStart - visible.width() * 0.4);
    const qreal x = left + visible.width() / 2;
    const bool rowVisible = visible.adjusted(0, 40, 0, -40).contains(QPointF(visible.center().x(), position.y()));
    if (!rowVisible || std::abs(visible.left() - left) > 1)
        centerOn(QPointF(x, rowVisible ? visible.center().y() : position.y()));
}

void GraphView::setMinimapEnabled(bool enabled)
{
    m_minimapEnabled = enabled;
    placeMinimap();
}

void GraphView::graphChanged()
{
    m_minimap->invalidate();
    placeMinimap();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(zoomStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    const QString target = keyTarget(event);
    if (target.isEmpty()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        Q_EMIT m_scene->revisionActivated(target);
    else
        m_scene->selectRevision(target);
    event->accept();
}

// Up/Down walk the rows (newer, older) as in the list beside the graph, Home/End go to the
// first and last row, Alt+Down/Alt+Up to the parent (Revises) and the child, Ctrl+Down/Ctrl+Up
// to the next and previous head, and Return opens the selected revision. Empty: not ours.
QString GraphView::keyTarget(const QKeyEvent *event) const
{
    const GraphLayout *layout = m_scene->layout();
    if (!layout || layout->rowCount() == 0)
        return {};
    const QString selected = m_scene->selectedRevision();
    const int row = layout->rowOf(selected);
    const int last = layout->rowCount() - 1;
    const auto idAt = [layout](int r) { return layout->nodes()[r].id; };
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (modifiers == Qt::NoModifier) {
        switch (key) {
        case Qt::Key_Up: return idAt(row < 0 ? 0 : std::max(0, row - 1));
        case Qt::Key_Down: return idAt(row < 0 ? 0 : std::min(last, row + 1));
        case Qt::Key_Home: return idAt(0);
        case Qt::Key_End: return idAt(last);
        case Qt::Key_Return:
        case Qt::Key_Enter: return selected;
        }
        return {};
    }
    if (row < 0)
        return {};
    const GraphLayout::Node &node = layout->nodes()[row];
    if (modifiers == Qt::AltModifier && key == Qt::Key_Down && !node.parentEdges.isEmpty())
        return idAt(layout->edges()[node.parentEdges.first()].parentRow);
    if (modifiers == Qt::AltModifier && key == Qt::Key_Up && !node.childEdges.isEmpty()) {
        // The child nearest above: the one a reader came down from.
        int child = -1;
        for (int e : node.childEdges)
            child = std::max(child, layout->edges()[e].childRow);
        return idAt(child);
    }
    if (modifiers == Qt::ControlModifier && (key == Qt::Key_Down || key == Qt::Key_Up)) {
        const int step = key == Qt::Key_Down ? 1 : -1;
        for (int r = row + step; r >= 0 && r <= last; r += step)
            if (layout->nodes()[r].childEdges.isEmpty())
                return idAt(r);
    }
    return {};
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->update();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // Hand-drag leaves a closed-hand cursor over items; show the arrow again.
    viewport()->unsetCursor();
}

void GraphView::placeMinimap()
{
    const QRectF rect = sceneRect();
    const bool tall = rect.height() * zoom() > viewport()->height() * 2.5;
    const bool show = m_minimapEnabled && tall && m_scene->layout();
    constexpr int width = 96;
    constexpr int gap = 6;
    // The minimap has a strip of its own beside the view: it never covers text.
    const QMargins margins(0, 0, show ? width + 2 * gap : 0, 0);
    if (viewportMargins() != margins)
        setViewportMargins(margins);
    m_minimap->setVisible(show);
    if (!show)
        return;
    const QRect area = viewport()->geometry();
    m_minimap->setGeometry(area.right() + 1 + gap, area.top() + gap, width,
                           std::max(120, area.height() - 2 * gap));
    m_minimap->raise();
}

} // namespace Stratum
