// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: the tokens of one SQL statement and a cursor over them, for reading what a
// statement does to tables (ScriptColumns, findTableRebuilds) without a database.

#include "stratum/schema/ddltokens_p.h"

#include <QString>

#include <initializer_list>

namespace Stratum::Internal {

class StatementReader
{
public:
    explicit StatementReader(const QString &statement);
    StatementReader(const StatementReader &) = delete;   // the tokens point into m_text
    StatementReader &operator=(const StatementReader &) = delete;

    const QList<DdlToken> &tokens() const { return m_tokens; }
    qsizetype position() const { return m_at; }
    void setPosition(qsizetype at) { m_at = at; }
    bool atEnd() const { return m_at >= m_tokens.size(); }
    /// Whether the token at \a offset from the cursor is \a keyword.
    bool peek(const char *keyword, qsizetype offset = 0) const;
    bool peekSymbol(char c) const;
    /// Moves past the next token when it is \a keyword.
    bool accept(const char *keyword);
    /// Moves past \a keywords when they all come next, in order.
    bool acceptAll(std::initializer_list<const char *> keywords);
    bool acceptSymbol(char c);
    /// Reads a name, perhaps schema-qualified, and gives its last part unquoted; empty (and
    /// nothing read) when no name comes next.
    QString name();
    /// Moves past the parenthesised group that opens at the cursor.
    void skipGroup();

private:
    QString m_text;
    QList<DdlToken> m_tokens;
    qsizetype m_at = 0;
};

/// How tables are told apart in a script: by name without schema, whatever the case.
QString tableKey(const QString &name);

} // namespace Stratum::Internal
