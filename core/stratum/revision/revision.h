// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/script/revisionscript.h"

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
    /// Resolved dependencies minus those an ancestor already depends on
    /// (Alembic _normalized_resolved_dependencies), in the order written.
    QStringList normalizedDependencies;
    QStringList branchLabels;        ///< own labels (as written) plus those inherited down the branch
    QStringList nextRevisions;       ///< children through Revises only (Alembic nextrev), load order
    QStringList allNextRevisions;    ///< children through Revises or Depends On (Alembic _all_nextrev)
    QString doc;                     ///< first paragraph of longDoc (Alembic Script.doc)
    QString longDoc;
    QString path;
    RevisionScript script;           ///< header fields as read (sections only if loaded)

    bool isHead = false;             ///< no child through Revises (Alembic is_head)
    bool isRealHead = false;         ///< no child through Revises nor Depends On (_is_real_head)
    bool isBase = false;             ///< no Revises
    bool isRealBase = false;         ///< no Revises and no Depends On
    bool isBranchPoint = false;      ///< more than one child through Revises
    bool isRealBranchPoint = false;  ///< more than one child through Revises or Depends On
    bool isMergePoint = false;       ///< more than one parent in Revises

    /// Revises plus resolved Depends On, without repeats (Alembic _all_down_revisions).
    QStringList allDownRevisions() const;
    /// Revises plus normalized Depends On, without repeats (Alembic _normalized_down_revisions):
    /// what must be applied right before this revision.
    QStringList normalizedDownRevisions() const;
};

} // namespace Stratum
