#pragma once

#include "error.h"

#include <QList>
#include <QString>

namespace Stratum {

/// One SQL statement cut out of a script, with where it started in the file.
struct SqlStatement
{
    QString text;     ///< statement without the terminating `;`, trimmed
    int line = 0;     ///< 1-based line of the first non-blank character in the file
    int column = 0;   ///< 1-based column of that character
};

/// Splits SQL into statements: `;` outside quotes ('', "", ``), comments (--, /* */),
/// PostgreSQL dollar quotes ($$, $tag$), BEGIN … END bodies of triggers and routines;
/// `-- migrate:statement-begin` / `-- migrate:statement-end` force one statement.
/// \a firstLine is the file line on which \a sql starts; \a path only labels errors.
Result<QList<SqlStatement>> splitSqlStatements(const QString &sql, const QString &path = {},
                                               int firstLine = 1);

} // namespace Stratum
