// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/compareside.h"

#include "stratum/revision/revisionmap.h"

namespace Stratum {

QString CompareSide::source() const
{
    switch (kind) {
    case Kind::Database:
        return QStringLiteral("database");
    case Kind::SchemaFiles:
        return QStringLiteral("schema");
    case Kind::Revision:
    case Kind::Head:
        break;
    }
    // The full id, not a label@head form: a label several heads inherit names no single head.
    return revision;
}

bool CompareSide::isValid() const
{
    return !isRevision() || !revision.isEmpty();
}

bool CompareSide::sameSchemaAs(const CompareSide &other) const
{
    if (isRevision() && other.isRevision())
        return revision == other.revision;
    return kind == other.kind;
}

QString CompareSide::title(const RevisionMap *map) const
{
    const Revision *found = map && isRevision() ? map->revision(revision) : nullptr;
    switch (kind) {
    case Kind::Database:
        return tr("Database");
    case Kind::SchemaFiles:
        return tr("Schema files");
    case Kind::Revision:
        return found && !found->doc.isEmpty() ? tr("Revision %1 (%2)").arg(revision, found->doc)
                                              : tr("Revision %1").arg(revision);
    case Kind::Head:
        break;
    }
    if (found && !found->branchLabels.isEmpty())
        return tr("Head %1 (%2)").arg(found->branchLabels.join(QLatin1String(", ")), revision);
    return tr("Head %1").arg(revision);
}

} // namespace Stratum
