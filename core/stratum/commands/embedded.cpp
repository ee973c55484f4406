// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/commands/embedded.h"

#include "stratum/commands/project.h"
#include "stratum/config/config.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/connection.h"

namespace Stratum {

Status upgrade(const QSqlDatabase &database, const QString &scriptLocation, const QString &target,
               const std::function<void(const MigrationProgress &)> &progress)
{
    Config config;
    config.scriptLocation = scriptLocation;
    Result<Project> project = Project::load(config);
    if (!project)
        return project.error();
    Result<std::unique_ptr<Connection>> connection = Connection::adopt(database);
    if (!connection)
        return connection.error();

    MigratorOptions options = MigratorOptions::fromConfig(config);
    options.progress = progress;
    const RevisionMap &map = project->map();
    Migrator migrator(**connection, map, options);
    Result<MigrationRun> run = migrator.run(
        [&map, &target](const QStringList &heads) { return map.upgradeSteps(target, heads); });
    if (!run)
        return run.error();
    return {};
}

} // namespace Stratum
