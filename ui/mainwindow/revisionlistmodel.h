// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace Stratum {

class GraphLayout;
class RevisionMap;
struct GraphProblemNode;
struct CollapsedBranch;

/// The revisions in graph order (newest first) for the searchable list beside the graph.
class RevisionListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, MessageColumn, StateColumn, LabelsColumn, ColumnCount };
    enum Role { RevisionIdRole = Qt::UserRole + 1, SearchTextRole };

    explicit RevisionListModel(QObject *parent = nullptr);

    /// \a problems: nodes of the layout that are problems with the files (ProjectSession).
    /// The revision ids of the rows \a model (a filter over this model) shows.
    static QSet<QString> idsIn(const QAbstractItemModel *model);
    void setGraph(const GraphLayout *layout, const RevisionMap *map,
                  const QHash<QString, GraphProblemNode> &problems = {},
                  const QHash<QString, CollapsedBranch> &collapsed = {});
    void setDatabaseState(bool known, const QStringList &heads, const QSet<QString> &applied);
    /// Revisions stopped half-way (stratum_progress): their state reads "interrupted".
    void setInterrupted(const QSet<QString> &revisions);
    /// Applied revisions whose file changed since (revision → why, RunsReport): their state
    /// reads "applied, changed since", in the warning colour.
    void setChangedSinceApplied(const QHash<QString, QString> &reasons);
    /// Row of \a id, -1 when absent.
    int rowOf(const QString &id) const;
    QString revisionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString stateText(const QString &id) const;
    QVariant problemData(const QString &id, int column, int role) const;
    QVariant collapsedData(const QString &id, int column, int role) const;

    const GraphLayout *m_layout = nullptr;
    const RevisionMap *m_map = nullptr;
    QHash<QString, GraphProblemNode> m_problems;
    QHash<QString, CollapsedBranch> m_collapsed;
    bool m_known = false;
    QStringList m_heads;
    QSet<QString> m_applied;
    QSet<QString> m_interrupted;
    QHash<QString, QString> m_changed;
};

} // namespace Stratum
