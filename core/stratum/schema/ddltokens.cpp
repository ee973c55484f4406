// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/ddltokens_p.h"

namespace Stratum::Internal {

QString DdlToken::identifier() const
{
    if (kind != QuotedName)
        return text.toString();
    const QChar open = text.at(0);
    QString inner = text.mid(1, text.size() - 2).toString();
    if (open == QLatin1Char('['))
        return inner;
    const QString quote(open);
    return inner.replace(quote + quote, quote);
}

QList<DdlToken> tokenizeDdl(QStringView sql, qsizetype maxTokens)
{
    QList<DdlToken> tokens;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    const auto isWordChar = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
               || u == u'$' || u > 127;
    };
    while (i < n && (maxTokens < 0 || tokens.size() < maxTokens)) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
            const qsizetype close = sql.indexOf(QLatin1String("*/"), i + 2);
            i = close < 0 ? n : close + 2;
            continue;
        }
        DdlToken token;
        token.start = i;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            qsizetype j = i + 1;
            while (j < n) {
                if (sql.at(j) == close) {
                    if (close != QLatin1Char(']') && j + 1 < n && sql.at(j + 1) == close) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            token.end = qMin(j + 1, n);
            token.kind = c == QLatin1Char('\'') ? DdlToken::String : DdlToken::QuotedName;
        } else if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && sql.at(i + 1).isDigit())) {
            qsizetype j = i;
            while (j < n && (sql.at(j).isLetterOrNumber() || sql.at(j) == QLatin1Char('.')))
                ++j;
            token.end = j;
            token.kind = DdlToken::Number;
        } else if (isWordChar(c)) {
            qsizetype j = i;
            while (j < n && isWordChar(sql.at(j)))
                ++j;
            token.end = j;
            token.kind = DdlToken::Word;
        } else {
            token.end = i + 1;
            token.kind = DdlToken::Symbol;
        }
        token.text = sql.mid(token.start, token.end - token.start);
        tokens.append(token);
        i = token.end;
    }
    return tokens;
}

qsizetype matchingParenthesis(const QList<DdlToken> &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (tokens.at(i).isSymbol('('))
            ++depth;
        else if (tokens.at(i).isSymbol(')') && --depth == 0)
            return i;
    }
    return tokens.size();
}

QList<std::pair<qsizetype, qsizetype>> splitTopLevel(const QList<DdlToken> &tokens, qsizetype begin,
                                                     qsizetype end)
{
    QList<std::pair<qsizetype, qsizetype>> parts;
    int depth = 0;
    qsizetype start = begin;
    for (qsizetype i = begin; i < end; ++i) {
        const DdlToken &t = tokens.at(i);
        if (t.isSymbol('('))
            ++depth;
        else if (t.isSymbol(')'))
            --depth;
        else if (t.isSymbol(',') && depth == 0) {
            parts.append({start, i});
            start = i + 1;
        }
    }
    if (start < end)
        parts.append({start, end});
    return parts;
}

QString sourceText(const QString &sql, const QList<DdlToken> &tokens, qsizetype begin, qsizetype end)
{
    if (begin >= end || begin >= tokens.size())
        return {};
    const qsizetype from = tokens.at(begin).start;
    const qsizetype to = tokens.at(qMin(end, tokens.size()) - 1).end;
    return sql.mid(from, to - from).trimmed();
}

namespace {

// Reads a parenthesised list of column names starting at the '(' at i; returns the names and
// moves i past the ')'.
QStringList nameList(const QList<DdlToken> &tokens, qsizetype &i)
{
    QStringList names;
    if (i >= tokens.size() || !tokens.at(i).isSymbol('('))
        return names;
    const qsizetype close = matchingParenthesis(tokens, i);
    for (const auto &[b, e] : splitTopLevel(tokens, i + 1, close))
        if (b < e)
            names << tokens.at(b).identifier();
    i = close + 1;
    return names;
}

// DEFERRABLE INITIALLY DEFERRED / NOT DEFERRABLE after a REFERENCES clause, within [i, end).
void readDeferrable(const QList<DdlToken> &tokens, qsizetype i, qsizetype end, ParsedSqliteTable::Named &fk)
{
    for (; i < end; ++i) {
        if (tokens.at(i).is("DEFERRABLE") && !(i > 0 && tokens.at(i - 1).is("NOT"))) {
            fk.deferrable = true;
            if (i + 2 < end && tokens.at(i + 1).is("INITIALLY") && tokens.at(i + 2).is("DEFERRED"))
                fk.initiallyDeferred = true;
            return;
        }
        // The next column constraint starts a new clause.
        if (tokens.at(i).is("CONSTRAINT") || tokens.at(i).is("CHECK") || tokens.at(i).is("UNIQUE")
            || tokens.at(i).is("PRIMARY") || tokens.at(i).is("DEFAULT") || tokens.at(i).is("COLLATE")
            || tokens.at(i).is("REFERENCES"))
            return;
    }
}

bool isColumnConstraintStart(const DdlToken &t)
{
    static const char *const words[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
                                        "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"};
    for (const char *w : words)
        if (t.is(w))
            return true;
    return false;
}

} // namespace

ParsedSqliteTable parseSqliteCreateTable(const QString &sql)
{
    ParsedSqliteTable parsed;
    const QList<DdlToken> tokens = tokenizeDdl(sql);
    qsizetype open = 0;
    while (open < tokens.size() && !tokens.at(open).isSymbol('('))
        ++open;
    if (open >= tokens.size())
        return parsed;  // CREATE TABLE … AS SELECT: nothing more to learn
    const qsizetype close = matchingParenthesis(tokens, open);
    parsed.options = sourceText(sql, tokens, close + 1, tokens.size());
    if (parsed.options.endsWith(QLatin1Char(';')))
        parsed.options.chop(1);

    for (const auto &[begin, end] : splitTopLevel(tokens, open + 1, close)) {
        if (begin >= end)
            continue;
        qsizetype i = begin;
        QString constraintName;
        const DdlToken &first = tokens.at(i);
        const bool tableConstraint = first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("UNIQUE")
                                     || first.is("CHECK") || first.is("FOREIGN");
        if (tableConstraint) {
            if (first.is("CONSTRAINT") && i + 1 < end) {
                constraintName = tokens.at(i + 1).identifier();
                i += 2;
            }
            if (i >= end)
                continue;
            const DdlToken &kind = tokens.at(i);
            if (kind.is("PRIMARY")) {
                parsed.primaryKeyName = constraintName;
            } else if (kind.is("UNIQUE")) {
                ++i;
                ParsedSqliteTable::Named unique;
                unique.name = constraintName;
                unique.columns = nameList(tokens, i);
                parsed.uniques << unique;
            } else if (kind.is("CHECK")) {
                ++i;
                const qsizetype paren = matchingParenthesis(tokens, i);
                ParsedSqliteTable::Named check;
                check.name = constraintName;
                check.expression = sourceText(sql, tokens, i + 1, paren);
                parsed.checks << check;
            } else if (kind.is("FOREIGN")) {
                i += 2;  // FOREIGN KEY
                ParsedSqliteTable::Named fk;
                fk.name = constraintName;
                fk.columns = nameList(tokens, i);
                if (i < end && tokens.at(i).is("REFERENCES") && i + 1 < end)
                    fk.referredTable = tokens.at(i + 1).identifier();
                readDeferrable(tokens, i, end, fk);
                parsed.foreignKeys << fk;
            }
            continue;
        }

        ParsedSqliteTable::ColumnInfo column;
        column.name = first.identifier();
        for (i = begin + 1; i < end; ++i) {
            const DdlToken &t = tokens.at(i);
            if (t.is("CONSTRAINT") && i + 1 < end) {
                constraintName = tokens.at(++i).identifier();
                continue;
            }
            if (t.is("COLLATE") && i + 1 < end) {
                column.collation = tokens.at(++i).identifier();
            } else if (t.is("AUTOINCREMENT")) {
                column.autoincrement = true;
            } else if (t.is("PRIMARY")) {
                parsed.primaryKeyName = constraintName;
            } else if (t.is("UNIQUE")) {
                ParsedSqliteTable::Named unique;
                unique.name = constraintName;
                unique.columns = {column.name};
                parsed.uniques << unique;
            } else if (t.is("CHECK") && i + 1 < end && tokens.at(i + 1).isSymbol('(')) {
                const qsizetype paren = matchingParenthesis(tokens, i + 1);
                ParsedSqliteTable::Named check;
                check.name = constraintName;
                check.expression = sourceText(sql, tokens, i + 2, paren);
                parsed.checks << check;
                i = paren;
            } else if (t.is("DEFAULT") && i + 1 < end && tokens.at(i + 1).isSymbol('(')) {
                i = matchingParenthesis(tokens, i + 1);
            } else if (t.is("REFERENCES") && i + 1 < end) {
                ParsedSqliteTable::Named fk;
                fk.name = constraintName;
                fk.columns = {column.name};
                fk.referredTable = tokens.at(i + 1).identifier();
                readDeferrable(tokens, i + 2, end, fk);
                parsed.foreignKeys << fk;
            } else if (t.is("AS") && i + 1 < end && tokens.at(i + 1).isSymbol('(')) {
                const qsizetype paren = matchingParenthesis(tokens, i + 1);
                column.generated = sourceText(sql, tokens, i + 2, paren);
                column.generatedStored = paren + 1 < end && tokens.at(paren + 1).is("STORED");
                i = paren;
            } else if (!isColumnConstraintStart(t)) {
                continue;
            }
            if (!t.is("CONSTRAINT"))
                constraintName.clear();
        }
        parsed.columns << column;
    }
    return parsed;
}

ParsedSqliteIndex parseSqliteCreateIndex(const QString &sql)
{
    ParsedSqliteIndex parsed;
    const QList<DdlToken> tokens = tokenizeDdl(sql);
    qsizetype open = 0;
    while (open < tokens.size() && !tokens.at(open).isSymbol('('))
        ++open;
    if (open >= tokens.size())
        return parsed;
    const qsizetype close = matchingParenthesis(tokens, open);
    for (auto [begin, end] : splitTopLevel(tokens, open + 1, close)) {
        // Drop trailing ASC/DESC and COLLATE x: pragma_index_xinfo reports those.
        if (end > begin && (tokens.at(end - 1).is("ASC") || tokens.at(end - 1).is("DESC")))
            --end;
        if (end - begin > 2 && tokens.at(end - 2).is("COLLATE"))
            end -= 2;
        parsed.keys << sourceText(sql, tokens, begin, end);
    }
    for (qsizetype i = close + 1; i < tokens.size(); ++i)
        if (tokens.at(i).is("WHERE")) {
            qsizetype end = tokens.size();
            if (end > i + 1 && tokens.at(end - 1).isSymbol(';'))
                --end;
            parsed.where = sourceText(sql, tokens, i + 1, end);
            break;
        }
    return parsed;
}

} // namespace Stratum::Internal
