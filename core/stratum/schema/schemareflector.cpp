// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/schemareflector.h"

#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"
#include "stratum/schema/reflectors_p.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Stratum {

namespace Internal {

Error catalogError(const QSqlQuery &query)
{
    QString text = query.lastError().databaseText().trimmed();
    if (text.isEmpty())
        text = query.lastError().driverText().trimmed();
    return Error::database(QStringLiteral("Reading the database catalog failed: %1")
                               .arg(Connection::driverMessage(text.section(QLatin1Char('\n'), 0, 0))));
}

Result<QList<QVariantList>> selectRows(const QSqlDatabase &db, const QString &sql, int &counter)
{
    ++counter;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return catalogError(query);
    QList<QVariantList> rows;
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(query.value(i));
        rows.append(std::move(row));
    }
    return rows;
}

QString stripOuterParentheses(const QString &text)
{
    QString s = text.trimmed();
    while (s.startsWith(QLatin1Char('(')) && s.endsWith(QLatin1Char(')'))) {
        // Only when the first '(' closes at the very end: "(a) AND (b)" keeps its parentheses.
        int depth = 0;
        bool inString = false;
        bool enclosesAll = true;
        for (qsizetype i = 0; i < s.size(); ++i) {
            const QChar c = s.at(i);
            if (c == QLatin1Char('\''))
                inString = !inString;
            if (inString)
                continue;
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')') && --depth == 0 && i != s.size() - 1) {
                enclosesAll = false;
                break;
            }
        }
        if (!enclosesAll)
            break;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    return s;
}

} // namespace Internal

Result<Schema> SchemaReflector::reflect(Connection &connection, const ReflectOptions &options,
                                        int *queryCount)
{
    int counter = 0;
    Result<Schema> schema = Error::input(QStringLiteral("Unsupported dialect"));
    const QString &name = connection.dialect().name;
    if (name == QLatin1String("sqlite"))
        schema = Internal::reflectSqlite(connection, options, counter);
    else if (name == QLatin1String("postgresql"))
        schema = Internal::reflectPostgres(connection, options, counter);
    else if (name == QLatin1String("mysql"))
        schema = Internal::reflectMysql(connection, options, counter);
    else
        schema = Error::input(QStringLiteral("Reflection does not support the %1 dialect").arg(name));
    if (queryCount)
        *queryCount = counter;
    if (schema) {
        schema->dialect = name;
        schema->sort();
    }
    return schema;
}

} // namespace Stratum
