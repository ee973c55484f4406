// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractScrollArea;
class QScrollBar;

namespace Stratum {

/// Keeps two scroll areas at the same vertical and horizontal position: moving either moves
/// the other, and the echo of that move does not come back. QScintilla editors are followed
/// also when they scroll themselves (keys, setFirstVisibleLine()), which moves their scroll
/// bars with the bars' signals blocked.
class ScrollSync : public QObject
{
    Q_OBJECT

public:
    ScrollSync(QAbstractScrollArea *first, QAbstractScrollArea *second, QObject *parent = nullptr);

private:
    void follow(QAbstractScrollArea *from, QAbstractScrollArea *to);
    void move(QScrollBar *to, int value);

    bool m_moving = false;
};

} // namespace Stratum
