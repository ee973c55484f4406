// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/autogen/scriptcolumns.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Stratum {

/// A statement of a migration script that loses data or objects.
struct DestructiveStatement
{
    int line = 0;          ///< 1-based line in the script
    QString statement;     ///< the statement, whitespace collapsed
    QString reason;        ///< e.g. "drops a table"
};

/// The DROP, TRUNCATE, DELETE-without-WHERE and ALTER … DROP statements of \a sql (an offline
/// script). Statements about \a ignoredTables (the version table) are left out. A script the
/// lexer cannot split is scanned line by line instead, so a warning is never lost.
///
/// What the script puts back is no loss: the DROP TABLE of a table rebuilt under its own name
/// (findTableRebuilds()) is reported only for the columns its copy leaves out ("drops column
/// c", one each), and a view, index or trigger dropped and created again by the script is not
/// reported. \a columnsBefore gives the tables' columns before the script runs (e.g. from the
/// revisions the database applied); it is called only when a rebuilt table's columns are not
/// known from the script itself, and without it such a rebuild is reported as one that may
/// lose columns.
QList<DestructiveStatement> findDestructiveStatements(const QString &sql, const QStringList &ignoredTables = {},
                                                      const std::function<ScriptColumns()> &columnsBefore = {});

} // namespace Stratum
