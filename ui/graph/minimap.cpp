// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/minimap.h"

#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"

#include <QMouseEvent>
#include <QPainter>

namespace Stratum {

Minimap::Minimap(GraphView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("minimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move through the history"));
    hide();
}

void Minimap::invalidate()
{
    m_dirty = true;
    update();
}

QRectF Minimap::contentRect() const
{
    return QRectF(rect()).adjusted(4, 4, -4, -4);
}

void Minimap::render()
{
    m_dirty = false;
    m_image = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(devicePixelRatioF());
    const GraphScene *scene = m_view->graphScene();
    const Theme::Graph &colours = scene->colours();
    QColor background = colours.background;
    background.setAlpha(235);
    m_image.fill(Qt::transparent);
    QPainter painter(&m_image);
    painter.setPen(QPen(colours.pending, 1));
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    const GraphLayout *layout = scene->layout();
    if (!layout || layout->rowCount() == 0)
        return;
    const QRectF area = contentRect();
    const qreal dy = area.height() / std::max(1, layout->rowCount());
    const qreal dx = std::min<qreal>(10, area.width() / std::max(1, layout->laneCount()));
    const auto x = [&](int lane) { return area.left() + (lane + 0.5) * dx; };
    const auto y = [&](int row) { return area.top() + (row + 0.5) * dy; };
    for (int e = 0; e < int(layout->edges().size()); ++e) {
        const GraphLayout::Edge &edge = layout->edges()[e];
        if (edge.kind == GraphLayout::EdgeKind::Dependency)
            continue;   // holds no lane
        painter.setPen(QPen(scene->edgeColour(e), 1));
        painter.drawLine(QPointF(x(edge.lane), y(edge.childRow)), QPointF(x(edge.lane), y(edge.parentRow)));
    }
    painter.setPen(Qt::NoPen);
    const qreal dot = std::clamp(dy, 1.0, 3.0);
    for (const GraphLayout::Node &node : layout->nodes()) {
        const RevisionItem::State state = scene->stateOf(node.id);
        const QColor colour = state == RevisionItem::State::Current   ? colours.current
                            : state == RevisionItem::State::Applied   ? colours.applied
                                                                      : colours.pending;
        painter.setBrush(colour);
        const qreal size = state == RevisionItem::State::Current ? std::max(dot, 4.0) : dot;
        painter.drawRect(QRectF(x(node.lane) - size / 2, y(node.row) - size / 2, size, size));
    }
}

void Minimap::paintEvent(QPaintEvent *)
{
    if (m_dirty || m_image.size() != size() * devicePixelRatioF())
        render();
    QPainter painter(this);
    painter.drawImage(0, 0, m_image);
    // The part of the history the view shows.
    const QRectF scene = m_view->sceneRect();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    if (scene.height() <= 0)
        return;
    const QRectF area = contentRect();
    const qreal top = area.top() + (visible.top() - scene.top()) / scene.height() * area.height();
    const qreal height = std::max<qreal>(4, visible.height() / scene.height() * area.height());
    QColor frame = palette().color(QPalette::Highlight);
    painter.setPen(QPen(frame, 1.5));
    frame.setAlpha(50);
    painter.setBrush(frame);
    painter.drawRect(QRectF(area.left() - 2, top, area.width() + 4, height));
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    moveViewTo(event->position());
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

void Minimap::resizeEvent(QResizeEvent *)
{
    m_dirty = true;
}

void Minimap::moveViewTo(const QPointF &position)
{
    const QRectF scene = m_view->sceneRect();
    const QRectF area = contentRect();
    const qreal fraction = std::clamp((position.y() - area.top()) / area.height(), 0.0, 1.0);
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    m_view->centerOn(QPointF(visible.center().x(), scene.top() + fraction * scene.height()));
    update();
}

} // namespace Stratum
