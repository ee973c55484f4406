// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "stratum/schema/schema.h"

#include <QString>
#include <QStringList>

namespace Stratum {

class Connection;

/// What to read.
struct ReflectOptions
{
    /// The schema (PostgreSQL) or database (MySQL) whose objects are reflected with an empty
    /// Table::schema; empty = the connection's current one. SQLite: always "main".
    QString defaultSchema;
    /// Further schemas to read (`include_schemas`); their objects keep their schema name.
    QStringList schemas;
};

/// Reads a live database into the dialect-neutral model with a fixed number of catalog
/// queries, however many tables there are (DESIGN.md §6):
/// - SQLite: sqlite_schema joined with pragma_table_xinfo, pragma_index_list/index_xinfo and
///   pragma_foreign_key_list as table-valued functions (4 queries); what the pragmas do not
///   tell (constraint names, CHECKs, collations, AUTOINCREMENT) is read from the stored DDL.
/// - PostgreSQL: pg_catalog (7 queries, plus 2 to set and read the search path).
/// - MySQL/MariaDB: information_schema (7 queries).
/// Values are the engine's own spelling (format_type, pg_get_expr, COLUMN_TYPE …), so a
/// schema and its copy made from the same DDL compare equal.
class SchemaReflector
{
public:
    /// Reflects \a connection. \a queryCount, when given, receives the number of queries run.
    static Result<Schema> reflect(Connection &connection, const ReflectOptions &options = {},
                                  int *queryCount = nullptr);
};

} // namespace Stratum
