// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/schemaddl.h"

#include <QObject>

namespace Stratum {

class DiffPane;

/// Next and Previous Change over the change blocks of a diff's two panes, as in Meld: both
/// panes scroll to the block and mark it, and text() counts the changes ("3 changes",
/// "change 2 of 3").
class DiffNavigator : public QObject
{
    Q_OBJECT

public:
    DiffNavigator(DiffPane *left, DiffPane *right, QObject *parent = nullptr);

    /// The blocks of the rows shown now; none is current.
    void setBlocks(const QList<ChangeBlock> &blocks);
    QList<ChangeBlock> blocks() const { return m_blocks; }
    /// Index of the block moved to, -1 before the first move.
    int current() const { return m_current; }
    bool hasNext() const;
    bool hasPrevious() const;
    QString text() const;

    void next();
    void previous();

Q_SIGNALS:
    /// The blocks or the current block changed.
    void changed();

private:
    void go(int index);

    DiffPane *m_left;
    DiffPane *m_right;
    QList<ChangeBlock> m_blocks;
    int m_current = -1;
};

} // namespace Stratum
