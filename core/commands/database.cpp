#include "commands/database.h"

#include "config/url.h"
#include "revision/revisionmap.h"
#include "runtime/migrator.h"

namespace Stratum::Commands {

Result<std::unique_ptr<Connection>> openDatabase(const CommandContext &context)
{
    if (context.config.url.isEmpty())
        return Error::input(QStringLiteral("No database URL is configured"), context.config.path, 0, 0,
                            QStringLiteral("Set 'url' in the [stratum] section, the STRATUM_URL "
                                           "environment variable, or pass --url."));
    Result<DatabaseUrl> url = DatabaseUrl::parse(context.config.url, context.config.here);
    if (!url)
        return url.error();
    ConnectOptions options;
    options.busyTimeoutMs = context.config.lockTimeout * 1000;
    return Connection::open(*url, options);
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
    return url ? url->masked() : maskPasswords(context.config.url);
}

} // namespace Stratum::Commands
