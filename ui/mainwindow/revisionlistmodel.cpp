// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/revisionlistmodel.h"

#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "stratum/revision/revisionmap.h"
#include "theme/theme.h"

#include <QFont>
#include <QGuiApplication>

namespace Stratum {

RevisionListModel::RevisionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QSet<QString> RevisionListModel::idsIn(const QAbstractItemModel *model)
{
    QSet<QString> ids;
    const int rows = model->rowCount();
    ids.reserve(rows);
    for (int row = 0; row < rows; ++row)
        ids.insert(model->index(row, 0).data(RevisionIdRole).toString());
    return ids;
}

void RevisionListModel::setGraph(const GraphLayout *layout, const RevisionMap *map,
                                 const QHash<QString, GraphProblemNode> &problems,
                                 const QHash<QString, CollapsedBranch> &collapsed)
{
    beginResetModel();
    m_layout = layout;
    m_map = map;
    m_problems = problems;
    m_collapsed = collapsed;
    endResetModel();
}

void RevisionListModel::setDatabaseState(bool known, const QStringList &heads,
                                         const QSet<QString> &applied)
{
    m_known = known;
    m_heads = heads;
    m_applied = applied;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RevisionListModel::setInterrupted(const QSet<QString> &revisions)
{
    if (revisions == m_interrupted)
        return;
    m_interrupted = revisions;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

void RevisionListModel::setChangedSinceApplied(const QHash<QString, QString> &reasons)
{
    if (reasons == m_changed)
        return;
    m_changed = reasons;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int RevisionListModel::rowOf(const QString &id) const
{
    return m_layout ? m_layout->rowOf(id) : -1;
}

QString RevisionListModel::revisionAt(int row) const
{
    if (!m_layout || row < 0 || row >= m_layout->rowCount())
        return {};
    return m_layout->nodes()[row].id;
}

int RevisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_layout || !m_map ? 0 : m_layout->rowCount();
}

int RevisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RevisionListModel::stateText(const QString &id) const
{
    if (!m_known)
        return {};
    if (m_interrupted.contains(id))
        return tr("interrupted");
    const bool changed = m_changed.contains(id);
    if (m_heads.contains(id))
        return changed ? tr("current, changed since") : tr("current");
    if (m_applied.contains(id))
        return changed ? tr("applied, changed since") : tr("applied");
    return tr("pending");
}

QVariant RevisionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_map)
        return {};
    const QString id = revisionAt(index.row());
    const Revision *revision = m_map->revision(id);
    if (!revision)
        return problemData(id, index.column(), role);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return id;
        case MessageColumn: return revision->doc;
        case StateColumn: return stateText(id);
        case LabelsColumn: return revision->branchLabels.join(QLatin1String(", "));
        }
        break;
    case Qt::ToolTipRole:
        if (m_known && m_changed.contains(id))
            return QStringLiteral("%1\n%2\n%3\n\n%4").arg(id, revision->doc, revision->path,
                                                          tr("⚠ Changed since it was applied: %1").arg(m_changed.value(id)));
        return QStringLiteral("%1\n%2\n%3").arg(id, revision->doc, revision->path);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && m_known && m_changed.contains(id))
            return Theme::warningText(QGuiApplication::palette());
        break;
    case Qt::FontRole:
        if (m_known && m_heads.contains(id)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case RevisionIdRole:
        return id;
    case SearchTextRole:
        return QStringList{id, revision->doc, revision->branchLabels.join(QLatin1Char(' ')),
                           stateText(id)}
            .join(QLatin1Char(' '));
    }
    return {};
}

QVariant RevisionListModel::problemData(const QString &id, int column, int role) const
{
    const auto problem = m_problems.constFind(id);
    if (problem == m_problems.constEnd())
        return collapsedData(id, column, role);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn: return problem->title;
        case MessageColumn: return problem->message;
        case StateColumn: return tr("error");
        }
        break;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(problem->title, problem->message);
    case RevisionIdRole:
        return id;
    case SearchTextRole:
        return QStringList{problem->title, problem->message, tr("error")}.join(QLatin1Char(' '));
    }
    return {};
}

QVariant RevisionListModel::collapsedData(const QString &id, int column, int role) const
{
    const auto branch = m_collapsed.constFind(id);
    if (branch == m_collapsed.constEnd())
        return {};
    const QString title = QStringLiteral("⋯ %1").arg(branch->revisions.size());
    const QString text = tr("%n revision(s) merged by %1", "", int(branch->revisions.size())).arg(branch->merge.left(12));
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn: return title;
        case MessageColumn: return text;
        case StateColumn: return tr("collapsed");
        }
        break;
    case RevisionIdRole:
        return id;
    case SearchTextRole:
        return (QStringList{title, text, tr("collapsed")} + branch->revisions).join(QLatin1Char(' '));
    }
    return {};
}

QVariant RevisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Revision");
    case MessageColumn: return tr("Message");
    case StateColumn: return tr("State");
    case LabelsColumn: return tr("Labels");
    }
    return {};
}

} // namespace Stratum
