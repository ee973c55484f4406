// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/collapsecontroller.h"

#include "graph/graphscene.h"
#include "mainwindow/projectsession.h"

#include <QMenu>

namespace Stratum {

CollapseController::CollapseController(ProjectSession *session, GraphScene *scene, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_scene(scene)
{
}

QList<QString> CollapseController::collapsibleMerges() const
{
    QList<QString> merges;
    if (!m_session->project())
        return merges;
    const QList<GraphNodeInput> input = GraphLayout::inputFrom(m_session->project()->map());
    for (const GraphNodeInput &node : input)
        if (node.parents.size() > 1 && !GraphLayout::mergedBranches(input, node.id).isEmpty())
            merges << node.id;
    return merges;
}

void CollapseController::addActions(QMenu *menu, const QString &id)
{
    if (const CollapsedBranch *branch = m_scene->collapsedBranch(id)) {
        menu->addSeparator();
        menu->addAction(tr("E&xpand Branch"), this, [this, id] { activate(id); });
        return;
    }
    if (!m_session->project() || m_session->collapsedMerges().contains(id))
        return;
    const QList<GraphNodeInput> input = GraphLayout::inputFrom(m_session->project()->map());
    if (GraphLayout::mergedBranches(input, id).isEmpty())
        return;
    menu->addSeparator();
    menu->addAction(tr("Co&llapse Merged Branch"), this, [this, id] {
        QSet<QString> merges = m_session->collapsedMerges();
        merges.insert(id);
        m_session->setCollapsedMerges(merges);
        m_scene->selectRevision(id);
    });
}

QString CollapseController::reveal(const QString &revision)
{
    const QString node = m_session->nodeOf(revision);
    if (node == revision)
        return revision;   // shown, perhaps as a collapsed node itself
    if (const CollapsedBranch *branch = m_scene->collapsedBranch(node)) {
        QSet<QString> merges = m_session->collapsedMerges();
        merges.remove(branch->merge);
        m_session->setCollapsedMerges(merges);
        return revision;
    }
    return node.isEmpty() ? revision : node;
}

bool CollapseController::activate(const QString &id)
{
    const CollapsedBranch *branch = m_scene->collapsedBranch(id);
    if (!branch)
        return false;
    const QString newest = branch->revisions.first();
    QSet<QString> merges = m_session->collapsedMerges();
    merges.remove(branch->merge);
    m_session->setCollapsedMerges(merges);
    m_scene->selectRevision(newest);
    return true;
}

void CollapseController::collapseAll()
{
    const QList<QString> merges = collapsibleMerges();
    const QString selected = m_scene->selectedRevision();
    m_session->setCollapsedMerges(QSet<QString>(merges.cbegin(), merges.cend()));
    m_scene->selectRevision(m_session->nodeOf(selected));
}

void CollapseController::expandAll()
{
    m_session->setCollapsedMerges({});
}

} // namespace Stratum
