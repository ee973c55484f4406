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
    QStringList fromRevisions;           ///< versions before the step
    QStringList toRevisions;             ///< versions after the step

    /// "a, b -> c": Alembic's short_log, used in "-- Running upgrade a, b -> c".
    QString shortLog() const;
};

/// A change to the version table caused by one step.
struct VersionChange
{
    enum Kind { Insert, Delete, Update };
    Kind kind = Insert;
    QString from;   ///< Delete/Update: the row that goes
    QString to;     ///< Insert/Update: the row that comes
};

} // namespace Stratum
