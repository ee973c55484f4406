// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/config/config.h"
#include "stratum/error.h"

#include <QHash>
#include <QStringList>

namespace Stratum {

/// Table and column names of the connected database, for completion in the editor.
struct Catalog
{
    QStringList tables;
    QHash<QString, QStringList> columns;   ///< table → its columns

    /// Reads the catalog of \a config's database with one query (sqlite_schema with
    /// pragma_table_info; information_schema elsewhere). A SQLite file that does not exist is
    /// not created: its catalog is empty. Call it on the thread that may own the connection.
    static Result<Catalog> read(const Config &config);

    /// Tables, columns and `table.column`, sorted, for the completion list.
    QStringList completionWords() const;
};

} // namespace Stratum
