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
    if (factor < 0.5)
        factor = 1.0;   // long history: readable, from the top left; the minimap shows the rest
    setZoom(std::min(factor, 1.25));
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

void GraphView::centerOnRevision(const QString &id)
{
    if (!m_scene->item(id))
        return;
    const QPointF position = m_scene->nodePosition(id);
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    // Keep the left edge (lanes) in view; only scroll vertically unless the node is off to the side.
    if (!visible.adjusted(0, 40, 0, -40).contains(position))
        centerOn(QPointF(visible.contains(QPointF(position.x(), visible.center().y()))
                             ? visible.center().x()
                             : position.x(),
                         position.y()));
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
    const GraphLayout *layout = m_scene->layout();
    const int step = event->key() == Qt::Key_Up ? -1 : event->key() == Qt::Key_Down ? 1 : 0;
    if (step == 0 || !layout || layout->rowCount() == 0 || event->modifiers() != Qt::NoModifier) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    // Up and Down walk the rows (newer, older), as in the list beside the graph.
    const int row = layout->rowOf(m_scene->selectedRevision());
    const int next = row < 0 ? 0 : std::clamp(row + step, 0, layout->rowCount() - 1);
    m_scene->selectRevision(layout->nodes()[next].id);
    event->accept();
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
    m_minimap->setVisible(show);
    if (!show)
        return;
    const int width = 96;
    const int height = std::max(120, viewport()->height() - 16);
    m_minimap->setGeometry(viewport()->x() + viewport()->width() - width - 8, viewport()->y() + 8,
                           width, height);
    m_minimap->raise();
}

} // namespace Stratum
