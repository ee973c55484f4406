// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: a small tokenizer for the DDL text SQLite keeps in sqlite_schema, enough to read
// what its pragmas do not tell (constraint names, CHECK expressions, collations,
// AUTOINCREMENT, DEFERRABLE, index expressions and WHERE clauses).

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Stratum::Internal {

struct DdlToken
{
    enum Kind { Word, QuotedName, String, Number, Symbol };
    Kind kind = Word;
    QStringView text;   ///< as written; points into the tokenized string, which must outlive it
    qsizetype start = 0;
    qsizetype end = 0;  ///< one past the last character

    bool is(const char *keyword) const
    {
        const QLatin1String word(keyword);
        return kind == Word && text.size() == word.size() && text.compare(word, Qt::CaseInsensitive) == 0;
    }
    bool isSymbol(char c) const { return kind == Symbol && text.size() == 1 && text.at(0) == QLatin1Char(c); }
    /// The identifier this token names: quotes removed and doubled quotes undone.
    QString identifier() const;
};

/// Tokens of \a sql; comments and whitespace are dropped. With \a maxTokens >= 0, stops
/// after that many.
QList<DdlToken> tokenizeDdl(QStringView sql, qsizetype maxTokens = -1);

/// Index of the token closing the parenthesis opened at \a open (or tokens.size()).
qsizetype matchingParenthesis(const QList<DdlToken> &tokens, qsizetype open);

/// Splits tokens [begin, end) at top-level commas into ranges.
QList<std::pair<qsizetype, qsizetype>> splitTopLevel(const QList<DdlToken> &tokens, qsizetype begin,
                                                     qsizetype end);

/// The source text spanned by tokens [begin, end).
QString sourceText(const QString &sql, const QList<DdlToken> &tokens, qsizetype begin, qsizetype end);

/// What SQLite's table DDL says beyond its pragmas.
struct ParsedSqliteTable
{
    struct ColumnInfo
    {
        QString name;
        QString collation;
        bool autoincrement = false;
        QString generated;
        bool generatedStored = false;
    };
    struct Named
    {
        QString name;
        QStringList columns;
        QString expression;     ///< checks
        bool deferrable = false;
        bool initiallyDeferred = false;
        QString referredTable;  ///< foreign keys
    };
    QList<ColumnInfo> columns;
    QString primaryKeyName;
    QList<Named> uniques;
    QList<Named> checks;
    QList<Named> foreignKeys;
    QString options;            ///< after the closing parenthesis: WITHOUT ROWID, STRICT
};

ParsedSqliteTable parseSqliteCreateTable(const QString &sql);

/// The key expressions (as written) and WHERE clause of a CREATE INDEX statement.
struct ParsedSqliteIndex
{
    QStringList keys;           ///< each key's text without ASC/DESC/COLLATE
    QString where;
};

ParsedSqliteIndex parseSqliteCreateIndex(const QString &sql);

} // namespace Stratum::Internal
