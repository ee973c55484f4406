// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace Stratum {

class GraphScene;
class Minimap;

/// The graph's view: zoom (Ctrl+wheel, Ctrl +/-), pan (drag the background, scroll bars,
/// Page Up/Down), fit, the keyboard (Up/Down, Home/End, Alt+Down/Up to parent and child,
/// Ctrl+Down/Up to the next and previous head, Return to open), and a minimap in a strip of its
/// own once the history is taller than the window.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    GraphScene *graphScene() const { return m_scene; }
    Minimap *minimap() const { return m_minimap; }
    qreal zoom() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Whole graph in view; very long histories fit their width and start at the top instead,
    /// because shrunk to the window 10,000 rows would be unreadable dots.
    void fit();
    void centerOnRevision(const QString &id);
    void setMinimapEnabled(bool enabled);
    /// Call after the scene was rebuilt.
    void graphChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void setZoom(qreal factor);
    void placeMinimap();
    QString keyTarget(const QKeyEvent *event) const;

    GraphScene *m_scene;
    Minimap *m_minimap;
    bool m_minimapEnabled = true;
};

} // namespace Stratum
