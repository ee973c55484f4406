// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/diffnavigator.h"

#include "diff/diffpane.h"

namespace Stratum {
namespace {

// Rows shown above the block moved to, so that it is seen in its context.
constexpr int contextRows = 3;

} // namespace

DiffNavigator::DiffNavigator(DiffPane *left, DiffPane *right, QObject *parent)
    : QObject(parent)
    , m_left(left)
    , m_right(right)
{
}

void DiffNavigator::setBlocks(const QList<ChangeBlock> &blocks)
{
    m_blocks = blocks;
    m_current = -1;
    m_left->markCurrentChange(0, 0);
    m_right->markCurrentChange(0, 0);
    Q_EMIT changed();
}

bool DiffNavigator::hasNext() const
{
    return m_current + 1 < m_blocks.size();
}

bool DiffNavigator::hasPrevious() const
{
    return m_current > 0;
}

QString DiffNavigator::text() const
{
    if (m_blocks.isEmpty())
        return tr("No differences");
    if (m_current < 0)
        return tr("%n difference(s)", "", int(m_blocks.size()));
    return tr("difference %1 of %2").arg(m_current + 1).arg(m_blocks.size());
}

void DiffNavigator::next()
{
    if (hasNext())
        go(m_current + 1);
}

void DiffNavigator::previous()
{
    if (hasPrevious())
        go(m_current - 1);
}

void DiffNavigator::go(int index)
{
    m_current = index;
    const ChangeBlock block = m_blocks[index];
    for (DiffPane *pane : {m_left, m_right}) {
        pane->markCurrentChange(block.first + 1, block.last + 1);
        pane->setCursorPosition(block.first, 0);
        pane->setFirstVisibleLine(std::max(0, block.first - contextRows));
    }
    Q_EMIT changed();
}

} // namespace Stratum
