// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: one reflector per engine, and the row reader they share.

#include "stratum/error.h"
#include "stratum/schema/schema.h"
#include "stratum/schema/schemareflector.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace Stratum {
class Connection;
}

namespace Stratum::Internal {

/// Frees what the tables' column lists hold beyond their columns: read one row at a time, each
/// list grew by steps and kept the room of the last step (10,000 tables: about 14 MB).
inline void squeezeColumns(Schema &schema)
{
    for (Table &table : schema.tables)
        table.columns.squeeze();
}

/// Runs \a sql and returns every row; counts the query in \a counter.
Result<QList<QVariantList>> selectRows(const QSqlDatabase &db, const QString &sql, int &counter);

/// The error of a failed catalog query.
Error catalogError(const QSqlQuery &query);

/// Runs \a sql and calls \a row(query) for each row as it is read, without copying the rows
/// into a list first (the large catalog queries); counts the query in \a counter.
template<typename RowFunction>
Status forEachRow(const QSqlDatabase &db, const QString &sql, int &counter, RowFunction &&row)
{
    ++counter;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return catalogError(query);
    while (query.next())
        row(query);
    return {};
}

/// Like forEachRow(), with the row's values: one row at a time, so that the catalog of a large
/// schema is never held whole, next to the schema made from it.
template<typename RowFunction>
Status forEachValues(const QSqlDatabase &db, const QString &sql, int &counter, RowFunction &&row)
{
    int columns = -1;
    QVariantList values;
    return forEachRow(db, sql, counter, [&](const QSqlQuery &query) {
        if (columns < 0)
            columns = query.record().count();
        values.clear();
        for (int i = 0; i < columns; ++i)
            values.append(query.value(i));
        row(std::as_const(values));
    });
}

/// Strips one pair of parentheses enclosing the whole of \a text.
QString stripOuterParentheses(const QString &text);

/// Fills the columns of SQLite foreign keys written `REFERENCES t` without columns: t's
/// primary key (run again after merging schemas reflected from several databases).
void resolveImplicitReferences(Schema &schema);

Result<Schema> reflectSqlite(Connection &connection, const ReflectOptions &options, int &counter);
Result<Schema> reflectPostgres(Connection &connection, const ReflectOptions &options, int &counter);
Result<Schema> reflectMysql(Connection &connection, const ReflectOptions &options, int &counter);

} // namespace Stratum::Internal
