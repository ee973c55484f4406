// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/catalog.h"

#include "stratum/commands/database.h"
#include "stratum/config/url.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Stratum {

Result<Catalog> Catalog::read(const Config &config)
{
    Catalog catalog;
    Result<DatabaseUrl> url = DatabaseUrl::parse(config.url, config.here);
    if (!url)
        return url.error();
    if (url->dialect == QLatin1String("sqlite") && url->database != QLatin1String(":memory:")
        && !QFileInfo::exists(url->database))
        return catalog;
    CommandContext context;
    context.config = config;
    Result<std::unique_ptr<Connection>> connection = Commands::openDatabase(context);
    if (!connection)
        return connection.error();
    QString sql;
    if (url->dialect == QLatin1String("sqlite"))
        sql = QStringLiteral("SELECT m.name, p.name FROM sqlite_schema AS m "
                             "JOIN pragma_table_info(m.name) AS p "
                             "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                             "ORDER BY m.name, p.cid");
    else if (url->dialect == QLatin1String("postgresql"))
        sql = QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position");
    else
        sql = QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position");
    QSqlQuery query((*connection)->database());
    if (!query.exec(sql))
        return Error::database(Connection::driverMessage(query.lastError().text()));
    while (query.next()) {
        const QString table = query.value(0).toString();
        if (!catalog.columns.contains(table))
            catalog.tables << table;
        catalog.columns[table] << query.value(1).toString();
    }
    return catalog;
}

QStringList Catalog::completionWords() const
{
    QStringList words = tables;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        for (const QString &column : it.value()) {
            words << column;
            words << it.key() + QLatin1Char('.') + column;
        }
    words.removeDuplicates();
    words.sort(Qt::CaseInsensitive);
    return words;
}

} // namespace Stratum
