#pragma once

#include "script/revisionscript.h"

#include <QString>
#include <QStringList>

namespace Stratum {

/// A node of the revision graph (Alembic's revision.Revision + script.Script).
/// Filled by RevisionMap; the computed members are valid once the map is built.
class Revision
{
public:
    QString id;                      ///< Alembic `revision`
    QStringList downRevisions;       ///< versioned parents, as written in Revises
    QStringList dependencies;        ///< Depends On as written (revisions or labels)
    QStringList resolvedDependencies;///< Depends On resolved to revision ids
    QStringList branchLabels;        ///< own labels plus those inherited down the branch
    QStringList nextRevisions;       ///< children through Revises and Depends On (Alembic nextrev)
    QString doc;
    QString longDoc;
    QString path;
    RevisionScript script;           ///< header fields as read (sections only if loaded)

    bool isHead = false;             ///< no child through Revises (Alembic is_head)
    bool isRealHead = false;         ///< no child through Revises nor Depends On (_is_real_head)
    bool isBase = false;             ///< no Revises
    bool isRealBase = false;         ///< no Revises and no Depends On
    bool isBranchPoint = false;      ///< more than one child through Revises
    bool isMergePoint = false;       ///< more than one parent in Revises
};

} // namespace Stratum
