// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/config/config.h"
#include "stratum/error.h"
#include "stratum/revision/revisionmap.h"

#include <QString>

namespace Stratum {

/// A revision file that a tolerant load (Project::load with problems) left out or repaired.
struct LoadProblem
{
    enum class Kind {
        Unreadable,    ///< the file could not be read or parsed: it is left out
        Duplicate,     ///< its id is also another file's: the later file in name order is left out
        Missing        ///< it names a revision no file defines: the name is dropped from it
    };
    Kind kind = Kind::Unreadable;
    Error error;               ///< file, line and what is wrong
    QString revision;          ///< the id the file declares (empty when unreadable)
    QStringList downRevisions; ///< Duplicate: what the left-out file revises
    QString missing;           ///< Missing: the revision named that does not exist
    bool inDependsOn = false;  ///< Missing: named in Depends On rather than in Revises
};

/// A project's revision files loaded into a RevisionMap (Alembic's ScriptDirectory).
/// Only headers are read; sections are read when a revision runs.
class Project
{
public:
    /// Reads every `*.sql` (and Alembic `*.py`) file of the version folders in file-name order.
    /// Any bad file is an error. With \a problems (the studio, which shows what it can), files
    /// that cannot be read and later duplicates of an id are left out and references to
    /// revisions that do not exist are dropped, each said in \a problems; an error remains only
    /// when the rest still does not form a history (a cycle, a label used twice).
    static Result<Project> load(const Config &config, QList<LoadProblem> *problems = nullptr);

    const Config &config() const { return m_config; }
    const RevisionMap &map() const { return m_map; }

private:
    Config m_config;
    RevisionMap m_map;
};

} // namespace Stratum
