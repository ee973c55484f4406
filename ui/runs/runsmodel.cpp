// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/runsmodel.h"

#include "stratum/revision/revisionmap.h"
#include "theme/theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QStyle>

#include <algorithm>

namespace Stratum {
namespace {

constexpr int shortChecksum = 10;

QString shortId(const QString &id)
{
    return id.size() > 12 ? id.left(11) + QChar(0x2026) : id;
}

} // namespace

RunsModel::RunsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_palette(QApplication::palette())
{
}

void RunsModel::setReport(const RunsReport &report, const RevisionMap *map)
{
    beginResetModel();
    m_runs = report.runs;
    std::reverse(m_runs.begin(), m_runs.end());
    m_messages.clear();
    if (map) {
        for (const AuditRecord &run : std::as_const(m_runs))
            if (const Revision *revision = map->revision(run.revision))
                m_messages.insert(run.revision, revision->doc);
    }
    m_changed = report.changedSinceApplied;
    m_applyingRow.clear();
    for (auto it = report.lastApplied.cbegin(); it != report.lastApplied.cend(); ++it)
        m_applyingRow.insert(it.key(), it->id);
    endResetModel();
}

void RunsModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

QString RunsModel::durationText(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds);
    if (milliseconds < 60 * 1000)
        return tr("%1 s").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
    const qint64 seconds = milliseconds / 1000;
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// Only the row whose checksum was compared is marked: earlier upgrades of the revision were
// undone, and downgrade rows hold the downgrade section's checksum.
QString RunsModel::changeOf(const AuditRecord &run) const
{
    return m_applyingRow.value(run.revision, -1) == run.id ? m_changed.value(run.revision) : QString();
}

QVariant RunsModel::display(const AuditRecord &run, int column) const
{
    switch (column) {
    case WhenColumn:
        return run.appliedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case WhoColumn:
        return run.appliedBy;
    case DirectionColumn:
        if (run.direction == QLatin1String("upgrade"))
            return tr("upgrade");
        if (run.direction == QLatin1String("downgrade"))
            return tr("downgrade");
        if (run.direction == QLatin1String("stamp"))
            return tr("stamp");
        if (run.direction == QLatin1String("unstamp"))
            return tr("unstamp");
        return run.direction;
    case RevisionColumn:
        return shortId(run.revision);
    case MessageColumn:
        return m_messages.contains(run.revision) ? m_messages.value(run.revision) : tr("(not in the project)");
    case DurationColumn:
        // Stamps run nothing: a duration would only say how fast the version table moved.
        return run.direction == QLatin1String("upgrade") || run.direction == QLatin1String("downgrade")
                   ? durationText(run.durationMs) : QStringLiteral("—");
    case ChecksumColumn:
        return run.checksum.left(shortChecksum);
    case ToolColumn:
        return run.toolVersion;
    }
    return {};
}

QVariant RunsModel::toolTip(const AuditRecord &run, int column) const
{
    const QString change = changeOf(run);
    QString text;
    switch (column) {
    case WhenColumn:
        text = run.appliedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
        break;
    case RevisionColumn:
    case MessageColumn:
        text = m_messages.contains(run.revision) ? run.revision + QLatin1Char('\n') + m_messages.value(run.revision)
                                                 : run.revision;
        break;
    case ChecksumColumn:
        text = run.checksum.isEmpty() ? tr("No checksum: nothing was run") : tr("SHA-256 %1").arg(run.checksum);
        break;
    case DurationColumn:
        if (run.durationMs >= 1000)
            text = tr("%1 ms").arg(run.durationMs);
        break;
    default:
        break;
    }
    if (change.isEmpty())
        return text.isEmpty() ? QVariant() : QVariant(text);
    const QString warning = tr("⚠ Changed since it was applied: %1").arg(change);
    return text.isEmpty() ? warning : text + QStringLiteral("\n\n") + warning;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const AuditRecord &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(run, index.column());
    case Qt::ToolTipRole:
        return toolTip(run, index.column());
    case Qt::DecorationRole:
        if (index.column() == RevisionColumn && !changeOf(run).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        break;
    case Qt::ForegroundRole:
        if (!changeOf(run).isEmpty())
            return Theme::warningText(m_palette);
        break;
    case Qt::FontRole:
        if (index.column() == RevisionColumn || index.column() == ChecksumColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RevisionIdRole:
        return run.revision;
    case DirectionRole:
        return run.direction;
    case ChangedRole:
        return changeOf(run);
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn: return tr("When");
    case WhoColumn: return tr("Who");
    case DirectionColumn: return tr("Direction");
    case RevisionColumn: return tr("Revision");
    case MessageColumn: return tr("Message");
    case DurationColumn: return tr("Duration");
    case ChecksumColumn: return tr("Checksum");
    case ToolColumn: return tr("Tool");
    }
    return {};
}

} // namespace Stratum
