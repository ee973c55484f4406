// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>

namespace Stratum {

class GraphView;

/// An overview of the whole graph drawn straight from the layout (a dot per revision, a line
/// per lane), with the visible part framed; click or drag to move there.
class Minimap : public QWidget
{
    Q_OBJECT

public:
    explicit Minimap(GraphView *view);

    /// Redraws the overview (after the scene or the database state changed).
    void invalidate();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QRectF contentRect() const;
    void moveViewTo(const QPointF &position);

    GraphView *m_view;
    QImage m_image;
    bool m_dirty = true;
};

} // namespace Stratum
