// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/scrollsync.h"

#include "editor/qscintilla_p.h"

#include <QAbstractScrollArea>
#include <QScrollBar>

namespace Stratum {

ScrollSync::ScrollSync(QAbstractScrollArea *first, QAbstractScrollArea *second, QObject *parent)
    : QObject(parent)
{
    follow(first, second);
    follow(second, first);
}

void ScrollSync::follow(QAbstractScrollArea *from, QAbstractScrollArea *to)
{
    QScrollBar *vertical = to->verticalScrollBar();
    QScrollBar *horizontal = to->horizontalScrollBar();
    connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this, vertical](int value) { move(vertical, value); });
    connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            [this, horizontal](int value) { move(horizontal, value); });
    // Scintilla tells of its own scrolling once it has painted.
    if (auto *editor = qobject_cast<QsciScintillaBase *>(from)) {
        connect(editor, &QsciScintillaBase::SCN_UPDATEUI, this, [this, from, vertical, horizontal](int updated) {
            if (updated & QsciScintillaBase::SC_UPDATE_V_SCROLL)
                move(vertical, from->verticalScrollBar()->value());
            if (updated & QsciScintillaBase::SC_UPDATE_H_SCROLL)
                move(horizontal, from->horizontalScrollBar()->value());
        });
    }
}

void ScrollSync::move(QScrollBar *to, int value)
{
    // The other side's change comes back here while it moves: ignore it, or a bar whose range
    // is shorter would pull this one back.
    if (m_moving)
        return;
    m_moving = true;
    to->setValue(value);
    m_moving = false;
}

} // namespace Stratum
