// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The SQL lexer on any text: never crashes, never loops, and what it returns lies inside the
// input (each statement's line and column point into it).
#include "sqllexer.h"

#include <QString>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString sql = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto statements = Stratum::splitSqlStatements(sql, QStringLiteral("fuzz.sql"));
    if (!statements)
        return 0;
    const qsizetype lines = sql.count(QLatin1Char('\n')) + 1;
    for (const Stratum::SqlStatement &statement : *statements) {
        if (statement.line < 1 || statement.line > lines || statement.column < 1)
            std::abort();
        if (statement.text.size() > sql.size())
            std::abort();
    }
    return 0;
}
