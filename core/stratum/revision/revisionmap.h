// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "stratum/revision/migrationstep.h"
#include "stratum/revision/revision.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Stratum {

/// The revision DAG with Alembic's semantics (alembic/script/revision.py and the
/// revision-walking parts of alembic/script/base.py).
///
/// Errors carry the text Alembic's CommandError shows as their message; where that text hides
/// the detail (e.g. "Can't locate revision identified by 'ab12'" for an ambiguous prefix), the
/// underlying revision error ("Multiple revisions start with 'ab12': ...") is the hint. Errors
/// about the files themselves (duplicates, missing parents, cycles) name the files involved.
///
/// Identifiers given as one string may be a comma-separated list, which stands for a tuple of
/// identifiers in Alembic (e.g. the current heads of a database).
class RevisionMap
{
public:
    /// Builds the map. Duplicate ids, missing parents/dependencies, cycles → Error naming files.
    /// The order of \a scripts (file-name order) decides the order of heads, bases and walks,
    /// as the order of loading does in Alembic.
    static Result<RevisionMap> build(const QList<RevisionScript> &scripts);

    RevisionMap();
    RevisionMap(RevisionMap &&) noexcept;
    RevisionMap &operator=(RevisionMap &&) noexcept;
    ~RevisionMap();

    int size() const;
    /// All revisions in load (file-name) order.
    QList<const Revision *> revisions() const;

    QStringList heads() const;       ///< Alembic RevisionMap.heads (order as Alembic)
    QStringList bases() const;       ///< Alembic RevisionMap.bases
    QStringList realHeads() const;   ///< Alembic _real_heads
    QStringList realBases() const;   ///< Alembic _real_bases

    /// Exact id lookup, no prefix or symbols; null when absent.
    const Revision *revision(const QString &id) const;

    /// Alembic get_revisions(): full ids, unique prefixes (4+ characters), branch labels, head,
    /// heads, base, label@head, label@heads, label@base, label@rev, -N and label@-N (down from
    /// the heads), a comma list. `base` yields (). Forms Alembic only knows as upgrade targets
    /// (head-N, rev+N, label@head-N, label@base+N) are accepted too, resolved as
    /// upgradeSteps() would resolve them from an empty database.
    Result<QList<const Revision *>> resolve(const QString &identifier) const;
    /// Alembic get_revision(): exactly one revision or null for base; several → MultipleHeads error.
    Result<const Revision *> resolveOne(const QString &identifier) const;

    /// Alembic iterate_revisions(upper, lower, implicit_base, inclusive, assert_relative_length,
    /// select_for_downgrade). Yields from upper down to lower. An empty string is Python's None.
    Result<QList<const Revision *>> iterateRevisions(const QString &upper, const QString &lower,
                                                     bool implicitBase = false,
                                                     bool inclusive = false,
                                                     bool assertRelativeLength = true,
                                                     bool selectForDowngrade = false) const;

    /// ScriptDirectory.walk_revisions(base, head): what `history` prints, newest first.
    Result<QList<const Revision *>> walkRevisions(const QString &base = QStringLiteral("base"),
                                                  const QString &head = QStringLiteral("heads")) const;

    /// ScriptDirectory._upgrade_revs(destination, current_rev): steps in run order.
    Result<QList<MigrationStep>> upgradeSteps(const QString &destination,
                                              const QStringList &currentHeads) const;
    /// ScriptDirectory._downgrade_revs(destination, current_rev): steps in run order.
    Result<QList<MigrationStep>> downgradeSteps(const QString &destination,
                                                const QStringList &currentHeads) const;
    /// ScriptDirectory._stamp_revs(revision, heads): stamp steps.
    Result<QList<MigrationStep>> stampSteps(const QStringList &destinations,
                                            const QStringList &currentHeads) const;

    /// RevisionMap._get_all_current(ids): of the given heads and all their ancestors, those
    /// without a descendant among them — what `current` prints for a version table.
    Result<QSet<QString>> allCurrent(const QStringList &heads) const;
    /// allCurrent() as revisions, in load order.
    Result<QList<const Revision *>> allCurrentRevisions(const QStringList &heads) const;

    /// The revisions named by \a identifiers (get_revisions) and all their ancestors, in
    /// walk order (Alembic _get_ancestor_nodes). With \a includeDependencies, Depends On counts.
    Result<QList<const Revision *>> ancestors(const QStringList &identifiers,
                                              bool includeDependencies = true) const;
    /// The revisions named by \a identifiers and all their descendants (_get_descendant_nodes).
    Result<QList<const Revision *>> descendants(const QStringList &identifiers,
                                                bool includeDependencies = true) const;
    /// Alembic filter_for_lineage(): those of \a ids on the same line (ancestor or descendant)
    /// as \a checkAgainst (a revision, label, label@head, heads, ...).
    Result<QStringList> filterForLineage(const QStringList &ids, const QString &checkAgainst,
                                         bool includeDependencies = false) const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

/// Alembic's Script.cmd_format / log_entry / _head_only, byte for byte.
struct RevisionFormat
{
    bool verbose = false;
    bool includeBranches = false;
    bool includeDoc = false;
    bool includeParents = false;
    bool treeIndicators = true;
    bool headIndicators = true;
    bool current = false;   ///< Alembic's _db_current_indicator for this revision
};
QString formatRevision(const Revision &revision, const RevisionFormat &format);

/// Keeps the set of heads in the version table while steps run (Alembic HeadMaintainer).
class HeadMaintainer
{
public:
    HeadMaintainer(const RevisionMap &map, const QStringList &heads);
    /// Applies \a step to the heads and returns the version-table rows to change, in order.
    /// On error the heads are left as they were.
    Result<QList<VersionChange>> updateToStep(const MigrationStep &step);
    QStringList heads() const;

private:
    const RevisionMap *m_map;
    QStringList m_heads;
};

} // namespace Stratum
