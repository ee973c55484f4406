// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/autogen/scriptcolumns.h"
#include "stratum/script/sqllexer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stratum {

/// A table a script rebuilds under its own name: a new table is created, the old table's rows
/// are copied into it (`INSERT INTO new … SELECT … FROM old`, nothing filtered), the old table
/// is dropped and the new one renamed to the old name. SQLite's 12-step ALTER (autogenerate's
/// batch mode) and Alembic's batch mode write this; it is recognised by that sequence of
/// statements, whatever the new table is called.
struct TableRebuild
{
    QString table;           ///< the rebuilt table, as its DROP TABLE names it (unquoted)
    QString copy;            ///< the new table, renamed to \a table
    qsizetype create = -1;   ///< indexes into the statements: CREATE TABLE copy,
    qsizetype insert = -1;   ///< the INSERT … SELECT that copies the rows,
    qsizetype drop = -1;     ///< DROP TABLE table,
    qsizetype rename = -1;   ///< and the rename of copy to table
    /// The old table's columns the copy does not read: their values are lost. Nothing when
    /// the old table's columns are not known.
    std::optional<QStringList> lostColumns;
};

/// The rebuilds in \a statements, in the order of their DROP TABLE. \a before has the columns
/// of the tables as they were before the statements ran; the statements' own CREATE and
/// ALTER TABLE are followed on top of it.
QList<TableRebuild> findTableRebuilds(const QList<SqlStatement> &statements, const ScriptColumns &before = {});

} // namespace Stratum
