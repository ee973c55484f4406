// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/commands/commands.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPalette>

namespace Stratum {

class RevisionMap;

/// The rows of `stratum_history`, newest first, for the Runs view. Rows that applied a
/// revision whose file changed since (RunsReport::changedSinceApplied) carry a warning icon
/// and colour, with the reason as tooltip.
class RunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        WhenColumn,
        WhoColumn,
        DirectionColumn,
        RevisionColumn,
        MessageColumn,
        DurationColumn,
        ChecksumColumn,
        ToolColumn,
        ColumnCount
    };
    enum Role {
        RevisionIdRole = Qt::UserRole + 1,   ///< the full revision id
        DirectionRole,                        ///< "upgrade", "downgrade", "stamp" or "unstamp"
        ChangedRole,                          ///< why the file changed since this row applied it
    };

    explicit RunsModel(QObject *parent = nullptr);

    /// Shows \a report; the messages of its revisions are taken from \a map (may be null).
    void setReport(const RunsReport &report, const RevisionMap *map);
    /// The palette the warning colour is picked for.
    void setPalette(const QPalette &palette);
    /// The row record at \a row (newest first).
    const AuditRecord &runAt(int row) const { return m_runs.at(row); }

    /// "120 ms", "3.4 s", "2 min 5 s".
    static QString durationText(qint64 milliseconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString changeOf(const AuditRecord &run) const;
    QVariant display(const AuditRecord &run, int column) const;
    QVariant toolTip(const AuditRecord &run, int column) const;

    QList<AuditRecord> m_runs;                 // newest first
    QHash<QString, QString> m_messages;        // revision → message
    QHash<QString, QString> m_changed;         // revision → why
    QHash<QString, qint64> m_applyingRow;      // revision → id of the row that applied it
    QPalette m_palette;
};

} // namespace Stratum
