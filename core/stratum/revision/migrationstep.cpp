// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/revision/migrationstep.h"

#include "stratum/revision/revision.h"

namespace Stratum {

QString MigrationStep::name() const
{
    // Alembic names a step after its migration function; stamps run `stamp_revision`.
    if (isStamp)
        return QStringLiteral("stamp_revision");
    return isUpgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

QString MigrationStep::shortLog() const
{
    // A base has no parents, which leaves two spaces: "upgrade  -> ae10".
    return name() + QLatin1Char(' ') + fromRevisions.join(QLatin1String(", "))
           + QLatin1String(" -> ") + toRevisions.join(QLatin1String(", "));
}

QString MigrationStep::describe() const
{
    if (!isStamp && revision && !revision->doc.isEmpty())
        return shortLog() + QLatin1String(", ") + revision->doc;
    return shortLog();
}

} // namespace Stratum
