// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/mysqlindexfold_p.h"

#include "stratum/schema/ddltokens_p.h"

#include <optional>

namespace Stratum::Internal {

namespace {

bool isName(const DdlToken &token)
{
    return token.kind == DdlToken::Word || token.kind == DdlToken::QuotedName;
}

// What the tokenizer reads differently from MariaDB: backslash escapes in strings, `#`
// comments and the executable `/*! … */` comments.
bool readsPlainly(const QString &sql)
{
    return !sql.contains(QLatin1Char('\\')) && !sql.contains(QLatin1Char('#')) && !sql.contains(QLatin1String("/*!"));
}

// A possibly qualified name from tokens[at]; \a at moves past it.
std::optional<QStringList> qualifiedName(const QList<DdlToken> &tokens, qsizetype &at)
{
    if (at >= tokens.size() || !isName(tokens.at(at)))
        return std::nullopt;
    QStringList parts{tokens.at(at).identifier()};
    ++at;
    while (at + 1 < tokens.size() && tokens.at(at).isSymbol('.') && isName(tokens.at(at + 1))) {
        parts << tokens.at(at + 1).identifier();
        at += 2;
    }
    return parts;
}

struct FoldableTable
{
    QStringList name;
    qsizetype closing = 0;   ///< where the column list's closing parenthesis is in the text
};

std::optional<FoldableTable> foldableTable(const QString &sql)
{
    if (!readsPlainly(sql))
        return std::nullopt;
    const QList<DdlToken> tokens = tokenizeDdl(sql);
    if (tokens.size() < 4 || !tokens.at(0).is("CREATE") || !tokens.at(1).is("TABLE"))
        return std::nullopt;
    qsizetype at = 2;
    if (at + 2 < tokens.size() && tokens.at(at).is("IF") && tokens.at(at + 1).is("NOT") && tokens.at(at + 2).is("EXISTS"))
        at += 3;
    std::optional<QStringList> name = qualifiedName(tokens, at);
    if (!name || at + 1 >= tokens.size() || !tokens.at(at).isSymbol('(') || tokens.at(at + 1).is("LIKE"))
        return std::nullopt;
    const qsizetype close = matchingParenthesis(tokens, at);
    if (close >= tokens.size())
        return std::nullopt;
    for (qsizetype i = close + 1; i < tokens.size(); ++i)
        if (tokens.at(i).is("SELECT"))
            return std::nullopt;
    return FoldableTable{*name, tokens.at(close).start};
}

struct FoldableIndex
{
    QStringList table;
    QString definition;   ///< as written inside CREATE TABLE
};

std::optional<FoldableIndex> foldableIndex(const QString &sql)
{
    if (!readsPlainly(sql))
        return std::nullopt;
    const QList<DdlToken> tokens = tokenizeDdl(sql);
    if (tokens.size() < 7 || !tokens.at(0).is("CREATE"))
        return std::nullopt;
    qsizetype at = 1;
    QString kind;
    if (tokens.at(at).is("UNIQUE") || tokens.at(at).is("FULLTEXT") || tokens.at(at).is("SPATIAL"))
        kind = tokens.at(at++).text.toString().toUpper() + QLatin1Char(' ');
    if (!tokens.at(at).is("INDEX") || at + 2 >= tokens.size() || !isName(tokens.at(at + 1)) || tokens.at(at + 1).is("IF")
        || !tokens.at(at + 2).is("ON"))
        return std::nullopt;
    const QString name = tokens.at(at + 1).text.toString();
    at += 3;
    std::optional<QStringList> table = qualifiedName(tokens, at);
    if (!table || at >= tokens.size() || !tokens.at(at).isSymbol('('))
        return std::nullopt;
    const qsizetype close = matchingParenthesis(tokens, at);
    if (close != tokens.size() - 1)   // options, ALGORITHM or LOCK after the keys
        return std::nullopt;
    return FoldableIndex{*table, kind + QStringLiteral("INDEX ") + name + QLatin1Char(' ') + sourceText(sql, tokens, at, close + 1)};
}

} // namespace

FoldedStatements foldMysqlIndexes(const QStringList &texts)
{
    FoldedStatements folded;
    folded.texts.reserve(texts.size());
    folded.first.reserve(texts.size());
    std::optional<FoldableTable> open;   // the last group, while indexes may join it
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString &text = texts.at(i);
        if (open) {
            if (const std::optional<FoldableIndex> index = foldableIndex(text); index && index->table == open->name) {
                const QString insert = QStringLiteral(",\n    ") + index->definition + QLatin1Char('\n');
                folded.texts.last().insert(open->closing, insert);
                open->closing += insert.size();
                continue;
            }
        }
        open = foldableTable(text);
        folded.texts << text;
        folded.first << i;
    }
    return folded;
}

} // namespace Stratum::Internal
