#pragma once

#include "error.h"
#include "revision/migrationstep.h"
#include "revision/revision.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Stratum {

/// The revision DAG with Alembic's semantics (alembic/script/revision.py and the
/// revision-walking parts of alembic/script/base.py). Errors carry Alembic's messages
/// (CommandError text) and, where a file is at fault, its path.
class RevisionMap
{
public:
    /// Builds the map. Duplicate ids, missing parents/dependencies, cycles → Error naming files.
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

    /// Alembic get_revisions(): full ids, unique prefixes, head, heads, base, label@head,
    /// label@base, label@rev, +N/-N, head-N, rev+N, label@+N, a comma list. `base` yields ().
    Result<QList<const Revision *>> resolve(const QString &identifier) const;
    /// Alembic get_revision(): exactly one revision or null for base; several → MultipleHeads error.
    Result<const Revision *> resolveOne(const QString &identifier) const;

    /// Alembic iterate_revisions(upper, lower, implicit_base, inclusive, assert_relative_length,
    /// select_for_downgrade). Yields from upper down to lower.
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

    /// RevisionMap._get_all_current(ids): the given heads plus all their ancestors.
    Result<QSet<QString>> allCurrent(const QStringList &heads) const;

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
    Result<QList<VersionChange>> updateToStep(const MigrationStep &step);
    QStringList heads() const;

private:
    const RevisionMap *m_map;
    QStringList m_heads;
};

} // namespace Stratum
