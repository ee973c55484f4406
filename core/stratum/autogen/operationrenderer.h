// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/autogen/operation.h"
#include "stratum/error.h"
#include "stratum/schema/schema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class Dialect;

/// Turns operations into SQL statements for one dialect (Alembic's DDL impls).
///
/// With batch mode (Alembic's render_as_batch; on for SQLite by default), every table that an
/// operation changes in a way SQLite's ALTER TABLE cannot is rebuilt once with SQLite's
/// documented 12-step procedure: create the new table, copy the rows, drop the old one,
/// rename, recreate its indexes and triggers (and the views and other triggers that name
/// it), then `PRAGMA foreign_key_check` of it and of the tables whose foreign keys refer to
/// it, which makes the migration fail when it reports a row (Connection::execute()).
/// Everything runs inside the migration's transaction.
class OperationRenderer
{
public:
    struct Options
    {
        bool batch = false;      ///< rebuild tables where ALTER cannot do the change
    };

    /// The statements (without terminators) that run \a operations on a database whose
    /// schema is \a before (needed to rebuild tables in batch mode).
    static QStringList render(const QList<Operation> &operations, const Dialect &dialect, const Schema &before,
                              const Options &options);
    static QStringList render(const QList<Operation> &operations, const Dialect &dialect, const Schema &before)
    {
        return render(operations, dialect, before, Options{});
    }

    /// `CREATE TABLE …` for \a table: columns, primary key, unique and check constraints, and
    /// foreign keys that are part of the definition.
    static QString createTableSql(const Table &table, const Dialect &dialect);
    /// \a statements as the body of a revision section: each followed by ";" and a blank line.
    static QString scriptBody(const QStringList &statements);
};

} // namespace Stratum
