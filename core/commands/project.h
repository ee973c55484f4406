#pragma once

#include "config/config.h"
#include "error.h"
#include "revision/revisionmap.h"

#include <QString>

namespace Stratum {

/// A project's revision files loaded into a RevisionMap (Alembic's ScriptDirectory).
/// Only headers are read; sections are read when a revision runs.
class Project
{
public:
    /// Reads every `*.sql` (and Alembic `*.py`) file of the version folders in file-name order.
    static Result<Project> load(const Config &config);

    const Config &config() const { return m_config; }
    const RevisionMap &map() const { return m_map; }

private:
    Config m_config;
    RevisionMap m_map;
};

} // namespace Stratum
