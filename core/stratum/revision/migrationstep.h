// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace Stratum {

class Revision;

/// One step of an upgrade, downgrade or stamp, in the order Alembic runs them
/// (runtime/migration.py RevisionStep / StampStep).
struct MigrationStep
{
    bool isUpgrade = true;
    bool isStamp = false;
    const Revision *revision = nullptr;  ///< the revision run (null for stamp steps)
    QStringList fromRevisions;           ///< versions before the step (Alembic from_revisions_no_deps)
    QStringList toRevisions;             ///< versions after the step (Alembic to_revisions_no_deps)
    /// Stamp steps only: the step creates or deletes a branch (Alembic StampStep.branch_move).
    bool branchMove = false;

    /// "upgrade", "downgrade" or, for stamps, "stamp_revision" (Alembic MigrationStep.name).
    QString name() const;
    /// "upgrade a, b -> c": Alembic's short_log, used in "-- Running upgrade a, b -> c".
    QString shortLog() const;
    /// "upgrade a -> b, message": Alembic's str(step), the shortLog plus the revision's doc if any.
    QString describe() const;
};

/// A change to the version table caused by one step.
struct VersionChange
{
    enum Kind { Insert, Delete, Update };
    Kind kind = Insert;
    QString from;   ///< Delete/Update: the row that goes
    QString to;     ///< Insert/Update: the row that comes

    bool operator==(const VersionChange &other) const
    {
        return kind == other.kind && from == other.from && to == other.to;
    }
};

} // namespace Stratum
