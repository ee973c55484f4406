// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/commands/database.h"

#include "stratum/commands/autogenerate_p.h"
#include "stratum/config/url.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/interruption.h"
#include "stratum/runtime/migrator.h"

namespace Stratum::Commands {

Result<std::unique_ptr<Connection>> openDatabase(const CommandContext &context)
{
    Result<DatabaseUrl> url = Internal::configuredUrl(context);
    if (!url)
        return url.error();
    ConnectOptions options;
    options.busyTimeoutMs = int(qint64(context.config.lockTimeout) * 1000);
    return Connection::open(*url, options);
}

QStringList bookkeepingTables(const Config &config)
{
    return {config.versionTable.isEmpty() ? QStringLiteral("alembic_version") : config.versionTable,
            QString::fromLatin1(AuditLog::tableName), QString::fromLatin1(ProgressTable::tableName)};
}

void print(const CommandContext &context, const QString &line)
{
    if (context.output.print)
        context.output.print(line);
}

void info(const CommandContext &context, const QString &line)
{
    if (context.output.info)
        context.output.info(line);
}

Result<QStringList> databaseHeads(const CommandContext &context)
{
    Result<std::unique_ptr<Connection>> connection = openDatabase(context);
    if (!connection)
        return connection.error();
    const RevisionMap noRevisions;
    Migrator migrator(**connection, noRevisions, MigratorOptions::fromConfig(context.config));
    return migrator.currentHeads();
}

QString maskedUrl(const CommandContext &context)
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(context.config.url, context.config.here);
    return url ? url->masked() : maskUrlText(context.config.url);
}

} // namespace Stratum::Commands
