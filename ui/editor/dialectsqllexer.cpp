// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/dialectsqllexer.h"

#ifdef STRATUM_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#endif

#include <QSet>
#include <QStringList>

namespace Stratum {
namespace {

// Words the generic SQL keyword set lacks; lower case, as the lexer compares them.
const char sqliteWords[] =
    "autoincrement pragma without rowid strict glob regexp vacuum reindex attach detach "
    "conflict abort fail ignore replace raise temp temporary virtual indexed notnull isnull "
    "integer real text blob numeric";
const char postgresqlWords[] =
    "serial bigserial smallserial jsonb json uuid bytea inet cidr tsvector timestamptz interval "
    "returning ilike concurrently materialized extension sequence owned generated identity "
    "language plpgsql security definer invoker immutable stable volatile deferrable deferred "
    "immediate initially inherits tablespace unlogged nulls distinct only enum domain";
const char mysqlWords[] =
    "auto_increment engine charset collate unsigned zerofill tinyint mediumint longtext "
    "mediumtext tinytext enum set json datetime after first modify change algorithm lock "
    "delimiter ignore replace straight_join sql_calc_found_rows definer invoker";

#ifdef STRATUM_HAVE_KSYNTAXHIGHLIGHTING
// KSyntaxHighlighting's dialect definitions know their keywords better than our lists.
QByteArray definitionWords(const QString &dialect)
{
    static KSyntaxHighlighting::Repository repository;
    const QString name = dialect == QLatin1String("postgresql") ? QStringLiteral("SQL (PostgreSQL)")
                       : dialect == QLatin1String("mysql")      ? QStringLiteral("SQL (MySQL)")
                       : dialect == QLatin1String("sqlite")     ? QStringLiteral("SQLite")
                                                                : QString();
    const KSyntaxHighlighting::Definition definition = repository.definitionForName(name);
    if (!definition.isValid())
        return {};
    QSet<QString> words;
    for (const QString &list : definition.keywordLists())
        for (const QString &word : definition.keywordList(list))
            if (!word.contains(QLatin1Char(' ')))
                words.insert(word.toLower());
    return QStringList(words.cbegin(), words.cend()).join(QLatin1Char(' ')).toUtf8();
}
#endif

} // namespace

DialectSqlLexer::DialectSqlLexer(QObject *parent)
    : QsciLexerSQL(parent)
{
    setFoldComments(true);
    setFoldCompact(false);
}

void DialectSqlLexer::setDialect(const QString &dialect)
{
    m_dialect = dialect;
    m_dialectWords.clear();
#ifdef STRATUM_HAVE_KSYNTAXHIGHLIGHTING
    m_dialectWords = definitionWords(dialect);
#endif
    if (m_dialectWords.isEmpty()) {
        if (dialect == QLatin1String("sqlite"))
            m_dialectWords = sqliteWords;
        else if (dialect == QLatin1String("postgresql"))
            m_dialectWords = postgresqlWords;
        else if (dialect == QLatin1String("mysql"))
            m_dialectWords = mysqlWords;
    }
    // MySQL: `#` comments, backslash escapes, `backquoted` identifiers.
    const bool mysql = dialect == QLatin1String("mysql");
    setHashComments(mysql);
    setBackslashEscapes(mysql);
    setQuotedIdentifiers(mysql);
}

const char *DialectSqlLexer::keywords(int set) const
{
    if (set == 5)
        return m_dialectWords.isEmpty() ? nullptr : m_dialectWords.constData();
    return QsciLexerSQL::keywords(set);
}

} // namespace Stratum
