// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/script/sqllexer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stratum {

/// The columns of each table as a run of SQL statements leaves them, read from the statements
/// alone, without a database: CREATE TABLE (its column list), ALTER TABLE … ADD / DROP /
/// RENAME / CHANGE COLUMN and RENAME TO, RENAME TABLE, DROP TABLE. Tables are told apart by
/// name without schema, whatever the case. A table the statements do not describe (never
/// created here, CREATE TABLE … AS, LIKE or INHERITS) has unknown columns.
class ScriptColumns
{
public:
    /// Starts \a table with \a columns (e.g. as reflected).
    void setColumns(const QString &table, const QStringList &columns);
    /// The columns of \a table, in order; nothing when they are not known.
    std::optional<QStringList> columns(const QString &table) const;

    /// Follows one statement.
    void apply(const QString &statement);
    void apply(const QList<SqlStatement> &statements);

private:
    QHash<QString, QStringList> m_tables;   ///< by tableKey(); absent = unknown
};

} // namespace Stratum
