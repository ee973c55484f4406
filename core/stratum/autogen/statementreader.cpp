// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/statementreader_p.h"

namespace Stratum::Internal {

StatementReader::StatementReader(const QString &statement)
    : m_text(statement)
    , m_tokens(tokenizeDdl(m_text))
{
}

bool StatementReader::peek(const char *keyword, qsizetype offset) const
{
    return m_at + offset < m_tokens.size() && m_tokens.at(m_at + offset).is(keyword);
}

bool StatementReader::peekSymbol(char c) const
{
    return !atEnd() && m_tokens.at(m_at).isSymbol(c);
}

bool StatementReader::accept(const char *keyword)
{
    if (!peek(keyword))
        return false;
    ++m_at;
    return true;
}

bool StatementReader::acceptAll(std::initializer_list<const char *> keywords)
{
    qsizetype offset = 0;
    for (const char *keyword : keywords)
        if (!peek(keyword, offset++))
            return false;
    m_at += offset;
    return true;
}

bool StatementReader::acceptSymbol(char c)
{
    if (!peekSymbol(c))
        return false;
    ++m_at;
    return true;
}

QString StatementReader::name()
{
    QString last;
    while (!atEnd()) {
        const DdlToken &token = m_tokens.at(m_at);
        if (token.kind != DdlToken::Word && token.kind != DdlToken::QuotedName)
            break;
        last = token.identifier();
        ++m_at;
        if (!peekSymbol('.'))
            break;
        ++m_at;
    }
    return last;
}

void StatementReader::skipGroup()
{
    if (peekSymbol('('))
        m_at = matchingParenthesis(m_tokens, m_at) + 1;
}

QString tableKey(const QString &name)
{
    return name.toLower();
}

} // namespace Stratum::Internal
