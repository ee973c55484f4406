#pragma once

// Internal: one reflector per engine, and the row reader they share.

#include "error.h"
#include "schema/schema.h"
#include "schema/schemareflector.h"

#include <QList>
#include <QSqlDatabase>
#include <QVariant>

namespace Stratum {
class Connection;
}

namespace Stratum::Internal {

/// Runs \a sql and returns every row; counts the query in \a counter.
Result<QList<QVariantList>> selectRows(const QSqlDatabase &db, const QString &sql, int &counter);

/// Strips one pair of parentheses enclosing the whole of \a text.
QString stripOuterParentheses(const QString &text);

Result<Schema> reflectSqlite(Connection &connection, const ReflectOptions &options, int &counter);
Result<Schema> reflectPostgres(Connection &connection, const ReflectOptions &options, int &counter);
Result<Schema> reflectMysql(Connection &connection, const ReflectOptions &options, int &counter);

} // namespace Stratum::Internal
