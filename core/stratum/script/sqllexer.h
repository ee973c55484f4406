// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"

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
///
/// Leading and trailing comments are not part of a statement's text; comments inside it stay.
/// A `;` inside a trigger or routine (CREATE [OR REPLACE] … TRIGGER/PROCEDURE/FUNCTION/EVENT)
/// ends the statement only outside BEGIN … END and CASE … END (END IF/LOOP/WHILE/REPEAT/FOR
/// close nothing counted). The lexer is dialect-neutral: '' escapes a quote (a backslash does
/// only in PostgreSQL's E'…'), `#` is no comment, and block comments do not nest. Text between
/// `-- migrate:statement-begin` and `-- migrate:statement-end` is taken as written (one trailing
/// `;` dropped); a statement left without `;` before statement-begin ends there.
/// Unterminated quotes, comments, dollar quotes, BEGIN blocks or statement-begin blocks, a stray
/// statement-end and the mysql client's DELIMITER are errors at the line and column where they open.
Result<QList<SqlStatement>> splitSqlStatements(const QString &sql, const QString &path = {},
                                               int firstLine = 1);

} // namespace Stratum
