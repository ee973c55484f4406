// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/revision/revisionmap.h"

// Alembic's HeadMaintainer.update_to_step with the should_* decisions of RevisionStep and
// StampStep (runtime/migration.py). Alembic keeps the heads in a set; here they keep their
// order, and where Alembic picks from a set (which branch of a merge is UPDATEd and which are
// DELETEd when other heads are present) the order of the revision's parents decides.

namespace Stratum {
namespace {

class VersionTable
{
public:
    explicit VersionTable(QStringList heads) : m_heads(std::move(heads)) {}

    Status insert(const QString &version)
    {
        if (m_heads.contains(version))
            return present(version);
        m_heads.append(version);
        m_changes.append({VersionChange::Insert, {}, version});
        return {};
    }
    Status remove(const QString &version)
    {
        if (!m_heads.contains(version))
            return absent(version);
        m_heads.removeAll(version);
        m_changes.append({VersionChange::Delete, version, {}});
        return {};
    }
    Status update(const QString &from, const QString &to)
    {
        if (m_heads.contains(to))
            return present(to);
        const qsizetype at = m_heads.indexOf(from);
        if (at < 0)
            return absent(from);
        m_heads[at] = to;
        m_changes.append({VersionChange::Update, from, to});
        return {};
    }

    const QStringList &heads() const { return m_heads; }
    const QList<VersionChange> &changes() const { return m_changes; }

private:
    static Error present(const QString &version)
    {
        return Error::input(
            QStringLiteral("Version %1 is already present in the version table").arg(version));
    }
    static Error absent(const QString &version)
    {
        return Error::input(
            QStringLiteral("Version %1 is not present in the version table").arg(version));
    }

    QStringList m_heads;
    QList<VersionChange> m_changes;
};

QStringList intersection(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &item : a) {
        if (b.contains(item) && !out.contains(item))
            out.append(item);
    }
    return out;
}

QStringList difference(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &item : a) {
        if (!b.contains(item) && !out.contains(item))
            out.append(item);
    }
    return out;
}

// The ids of \a heads and everything below them, dependencies included.
Result<QStringList> ancestorIds(const RevisionMap &map, const QStringList &heads)
{
    Result<QList<const Revision *>> ancestors = map.ancestors(heads, true);
    if (!ancestors)
        return ancestors.error();
    QStringList ids;
    ids.reserve(ancestors->size());
    for (const Revision *revision : *ancestors)
        ids.append(revision->id);
    return ids;
}

// What a downgrade of \a revision leaves behind: its parents, less those still implied by
// the other heads (RevisionStep._unmerge_to_revisions).
Result<QStringList> unmergeTo(const RevisionMap &map, const Revision &revision,
                              const QStringList &heads, const QStringList &toRevisions)
{
    const QStringList others = difference(heads, {revision.id});
    if (others.isEmpty())
        return toRevisions;
    Result<QStringList> implied = ancestorIds(map, others);
    if (!implied)
        return implied.error();
    return difference(toRevisions, *implied);
}

Status applyRevisionStep(VersionTable &table, const RevisionMap &map, const MigrationStep &step)
{
    if (!step.revision)
        return Error::input(QStringLiteral("Migration step has no revision"));
    const Revision &revision = *step.revision;
    const QStringList heads = table.heads();
    const QStringList downs = revision.normalizedDownRevisions();
    const QStringList fromRevisions = step.isUpgrade ? downs : QStringList{revision.id};
    const QStringList toRevisions = step.isUpgrade ? QStringList{revision.id} : downs;

    // Delete a branch: downgrading a base, or a revision whose parents stay implied.
    if (!step.isUpgrade && heads.contains(revision.id)) {
        bool deleteBranch = downs.isEmpty();
        if (!deleteBranch) {
            Result<QStringList> remaining = unmergeTo(map, revision, heads, toRevisions);
            if (!remaining)
                return remaining.error();
            deleteBranch = remaining->isEmpty();
        }
        if (deleteBranch)
            return table.remove(revision.id);
    }

    // Create a branch: upgrading a base, or a revision none of whose parents is a head.
    if (step.isUpgrade && (downs.isEmpty() || intersection(heads, downs).isEmpty()))
        return table.insert(revision.id);

    // Merge: several parents are heads; all but one row go, the last becomes the merge.
    if (step.isUpgrade && downs.size() > 1 && intersection(heads, downs).size() > 1) {
        QStringList merged = fromRevisions;
        const QStringList others = difference(heads, fromRevisions);
        if (!others.isEmpty()) {
            Result<QStringList> implied = ancestorIds(map, others);
            if (!implied)
                return implied.error();
            merged = difference(fromRevisions, *implied);
        }
        if (merged.isEmpty())
            return Error::input(
                QStringLiteral("Can't merge into %1: no parent is a head").arg(revision.id));
        for (qsizetype i = 0; i + 1 < merged.size(); ++i) {
            if (Status removed = table.remove(merged.at(i)); !removed)
                return removed;
        }
        return table.update(merged.last(), toRevisions.first());
    }

    // Unmerge: the merge row becomes one parent, the other parents come back as rows.
    if (!step.isUpgrade && heads.contains(revision.id) && downs.size() > 1) {
        Result<QStringList> remaining = unmergeTo(map, revision, heads, toRevisions);
        if (!remaining)
            return remaining.error();
        for (qsizetype i = 0; i + 1 < remaining->size(); ++i) {
            if (Status inserted = table.insert(remaining->at(i)); !inserted)
                return inserted;
        }
        return table.update(fromRevisions.first(), remaining->last());
    }

    // A plain move along the line.
    QString down;
    if (downs.size() == 1) {
        down = downs.first();
    } else {
        const QStringList present = intersection(heads, downs);
        if (present.size() != 1)
            return Error::input(
                QStringLiteral("Can't do an UPDATE because downrevision is ambiguous"));
        down = present.first();
    }
    return step.isUpgrade ? table.update(down, revision.id) : table.update(revision.id, down);
}

Status applyStampStep(VersionTable &table, const MigrationStep &step)
{
    const QStringList heads = table.heads();
    const QStringList &from = step.fromRevisions;
    const QStringList &to = step.toRevisions;
    auto single = [](const QStringList &list) -> Result<QString> {
        if (list.size() != 1)
            return Error::input(QStringLiteral("Stamp step expects exactly one revision, got %1")
                                    .arg(list.isEmpty() ? QStringLiteral("none")
                                                        : list.join(QLatin1String(", "))));
        return list.first();
    };

    if (!step.isUpgrade && step.branchMove) {
        Result<QString> version = single(from);
        if (!version)
            return version.error();
        return table.remove(*version);
    }
    if (step.isUpgrade && (step.branchMove || !difference(from, heads).isEmpty())
        && !difference(to, heads).isEmpty()) {
        Result<QString> version = single(to);
        if (!version)
            return version.error();
        return table.insert(*version);
    }
    if (from.size() > 1) {
        if (to.isEmpty())
            return Error::input(QStringLiteral("Stamp step has no destination"));
        for (qsizetype i = 0; i + 1 < from.size(); ++i) {
            if (Status removed = table.remove(from.at(i)); !removed)
                return removed;
        }
        return table.update(from.last(), to.first());
    }
    if (to.size() > 1) {
        if (from.isEmpty())
            return Error::input(QStringLiteral("Stamp step has no origin"));
        for (qsizetype i = 0; i + 1 < to.size(); ++i) {
            if (Status inserted = table.insert(to.at(i)); !inserted)
                return inserted;
        }
        return table.update(from.first(), to.last());
    }
    Result<QString> origin = single(from);
    if (!origin)
        return origin.error();
    Result<QString> destination = single(to);
    if (!destination)
        return destination.error();
    return table.update(*origin, *destination);
}

} // namespace

HeadMaintainer::HeadMaintainer(const RevisionMap &map, const QStringList &heads)
    : m_map(&map)
{
    for (const QString &head : heads) {
        if (!m_heads.contains(head))
            m_heads.append(head);
    }
}

Result<QList<VersionChange>> HeadMaintainer::updateToStep(const MigrationStep &step)
{
    VersionTable table(m_heads);
    const Status applied = step.isStamp ? applyStampStep(table, step)
                                        : applyRevisionStep(table, *m_map, step);
    if (!applied)
        return applied.error();
    m_heads = table.heads();
    return table.changes();
}

QStringList HeadMaintainer::heads() const
{
    return m_heads;
}

} // namespace Stratum
