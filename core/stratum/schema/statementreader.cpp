// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/statementreader_p.h"

namespace Stratum::Internal {

StatementReader::StatementReader(const QString &statement, qsizetype maxTokens)
    : m_text(statement)
    , m_tokens(tokenizeDdl(m_text, maxTokens))
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
    const QStringList parts = nameParts();
    return parts.isEmpty() ? QString() : parts.last();
}

QStringList StatementReader::nameParts()
{
    QStringList parts;
    while (!atEnd()) {
        const DdlToken &token = m_tokens.at(m_at);
        if (token.kind != DdlToken::Word && token.kind != DdlToken::QuotedName)
            break;
        parts << token.identifier();
        ++m_at;
        if (!peekSymbol('.'))
            break;
        ++m_at;
    }
    return parts;
}

bool StatementReader::seek(const char *keyword)
{
    while (!atEnd())
        if (m_tokens.at(m_at++).is(keyword))
            return true;
    return false;
}

bool StatementReader::contains(const char *first, const char *second) const
{
    for (qsizetype i = 0; i < m_tokens.size(); ++i)
        if (m_tokens.at(i).is(first) && (!second || (i + 1 < m_tokens.size() && m_tokens.at(i + 1).is(second))))
            return true;
    return false;
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
