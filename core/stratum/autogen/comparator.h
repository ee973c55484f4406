// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/autogen/operation.h"
#include "stratum/schema/schema.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Stratum {

class Dialect;

/// An object autogenerate is about to compare, as Alembic's include_object hook sees it.
struct AutogenObject
{
    QString type;            ///< "table", "column", "index", "unique_constraint",
                             ///< "foreign_key_constraint", "check_constraint", "trigger",
                             ///< "view", "sequence", "enum"
    QString schema;
    QString table;           ///< owning table (empty for tables, views, sequences, enums)
    QString name;
    bool reflected = false;  ///< only in the database (Alembic's `reflected`)
    const Table *desiredTable = nullptr;   ///< tables and their parts: the desired table, if any
    const Table *databaseTable = nullptr;  ///< … and the database's, if any (Alembic's compare_to)
};

/// Alembic's include_name(name, type_, parent_names): parent names hold "schema_name" and,
/// for parts of a table, "table_name".
using IncludeNameHook =
    std::function<bool(const QString &name, const QString &type, const QHash<QString, QString> &parentNames)>;
/// Alembic's include_object(object, name, type_, reflected, compare_to).
using IncludeObjectHook = std::function<bool(const AutogenObject &object)>;

/// What to compare (stratum.ini keys of DESIGN.md §2 and the C++ hooks).
struct CompareOptions
{
    bool compareType = true;
    bool compareServerDefault = true;
    /// Table names (globs, `*` and `?`; `schema.table` or `table`) left out on both sides.
    QStringList excludeTables;
    /// Schemas besides the default one that take part; objects of other schemas are ignored.
    QStringList includeSchemas;
    /// Tables never compared: the version table and the audit log.
    QStringList ignoreTables = {QStringLiteral("alembic_version"), QStringLiteral("stratum_history")};
    /// Applied to the names on both sides (Alembic applies it to reflected names only; a
    /// desired object filtered on one side only would be created again and again).
    IncludeNameHook includeName;
    IncludeObjectHook includeObject;
    /// A table dropped and one added with the same columns, or a column dropped and one added
    /// to the same table with the same definition, become a rename (DESIGN.md §9): the rows stay.
    bool detectRenames = false;
};

/// Compares the database's schema \a database with \a desired and returns the operations
/// that turn the first into the second, in an order that runs: views, foreign keys, indexes
/// and constraints go before what they depend on goes, tables come before their columns,
/// constraints, indexes and foreign keys, and views come last (Alembic compare.py, with
/// operations as values). \a dialect decides what is split out of CREATE TABLE (foreign keys
/// where ALTER can add them) and which types are synonyms.
QList<Operation> compareSchemas(const Schema &database, const Schema &desired, const Dialect &dialect,
                                const CompareOptions &options = {});

/// The default text of \a column in a form where spelling differences do not matter
/// (whitespace, keyword case, redundant parentheses).
QString normalisedDefault(const QString &defaultValue);

} // namespace Stratum
