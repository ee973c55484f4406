// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: the tokens of one SQL statement and a cursor over them, for reading what a
// statement does without a database (ScriptColumns, findTableRebuilds, splitIntoUnits).

#include "stratum/schema/ddltokens_p.h"

#include <QString>
#include <QStringList>

#include <initializer_list>

namespace Stratum::Internal {

class StatementReader
{
public:
    /// Reads the first \a maxTokens tokens of \a statement (all with -1).
    explicit StatementReader(const QString &statement, qsizetype maxTokens = -1);
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
    /// The same, every part: {"schema", "table", "column"}.
    QStringList nameParts();
    /// Moves past the next token that is \a keyword, anywhere further on; false at the end.
    bool seek(const char *keyword);
    void skip(qsizetype tokens = 1) { m_at += tokens; }
    /// Whether \a first followed by \a second is anywhere among the tokens.
    bool contains(const char *first, const char *second = nullptr) const;
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
