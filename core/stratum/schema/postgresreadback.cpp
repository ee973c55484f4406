// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/postgresreadback_p.h"

#include <QRegularExpression>

namespace Stratum::Internal {

namespace {

// One past the quoted text (string or name) that opens at \a at.
qsizetype skipQuoted(const QString &text, qsizetype at)
{
    const QChar quote = text.at(at);
    qsizetype i = at + 1;
    while (i < text.size()) {
        if (text.at(i) == quote) {
            if (i + 1 < text.size() && text.at(i + 1) == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return text.size();
}

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') || c == QLatin1Char('"');
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('\'') || c == QLatin1Char('"');
}

// The index of the bracket or parenthesis closing the one at \a open, or -1.
qsizetype closing(const QString &text, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size();) {
        const QChar c = text.at(i);
        if (isQuote(c)) {
            i = skipQuoted(text, i);
            continue;
        }
        if (c == QLatin1Char('(') || c == QLatin1Char('['))
            ++depth;
        else if ((c == QLatin1Char(')') || c == QLatin1Char(']')) && --depth == 0)
            return i;
        ++i;
    }
    return -1;
}

// The elements of an ARRAY[] constructor's inside, split at top-level commas, each with the
// space that leads it (pretty output breaks lines before CASE).
QStringList elements(const QString &inside)
{
    QStringList out;
    qsizetype start = 0;
    int depth = 0;
    for (qsizetype i = 0; i < inside.size();) {
        const QChar c = inside.at(i);
        if (isQuote(c)) {
            i = skipQuoted(inside, i);
            continue;
        }
        if (c == QLatin1Char('(') || c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char(')') || c == QLatin1Char(']'))
            --depth;
        else if (c == QLatin1Char(',') && depth == 0) {
            out << inside.mid(start, i - start);
            start = i + 1;
        }
        ++i;
    }
    out << inside.mid(start);
    return out;
}

// Whether pretty output casts \a element without parentheses: a column, a constant, a call,
// CASE … END or a cast of one of these. Operators and other keywords need them.
bool isSimple(const QString &element)
{
    static const QRegularExpression caseEnd(QStringLiteral("^CASE\\s.*\\sEND$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    if (caseEnd.match(element).hasMatch())
        return true;
    for (qsizetype i = 0; i < element.size();) {
        const QChar c = element.at(i);
        if (isQuote(c)) {
            i = skipQuoted(element, i);
            continue;
        }
        if (c == QLatin1Char('(') || c == QLatin1Char('[')) {
            const qsizetype close = closing(element, i);
            if (close < 0)
                return false;
            i = close + 1;
            continue;
        }
        if (c == QLatin1Char(':') && element.mid(i, 2) == QLatin1String("::"))
            return true;   // the rest is the type
        if (!isNameCharacter(c) && c != QLatin1Char('.'))
            return false;
        ++i;
    }
    return true;
}

} // namespace

QString postgresReadBack(const QString &expression)
{
    if (!expression.contains(QLatin1String("ARRAY[")))
        return expression;
    // A type as format_type() prints it, an array type: words (or quoted names, dotted),
    // typmods, then [].
    static const QRegularExpression arrayCast(QStringLiteral(
        "^::((?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][\\w$]*)(?:\\.(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][\\w$]*))?"
        "(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?: [A-Za-z_][\\w$]*(?:\\(\\d+(?:,\\s*\\d+)?\\))?)*)\\[\\]"));
    static const QRegularExpression arrayKeyword(QStringLiteral("\\bARRAY\\["));

    QString out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < expression.size();) {
        const QChar c = expression.at(i);
        if (isQuote(c)) {
            i = skipQuoted(expression, i);
            continue;
        }
        const QRegularExpressionMatch keyword = arrayKeyword.match(expression, i, QRegularExpression::NormalMatch,
                                                                   QRegularExpression::AnchorAtOffsetMatchOption);
        if (!keyword.hasMatch()) {
            ++i;
            continue;
        }
        const qsizetype open = i + 5;
        const qsizetype close = closing(expression, open);
        if (close < 0)
            break;
        // Plain output: (ARRAY[…])::text[], each element cast as (element)::text.
        // (Not f(ARRAY[…])::text[], a cast of what f returns.)
        const bool plain = i > 0 && expression.at(i - 1) == QLatin1Char('(')
                           && (i < 2 || !isNameCharacter(expression.at(i - 2)))
                           && close + 1 < expression.size() && expression.at(close + 1) == QLatin1Char(')');
        const qsizetype castAt = plain ? close + 2 : close + 1;
        const QString inside = postgresReadBack(expression.mid(open + 1, close - open - 1));
        const QRegularExpressionMatch cast = arrayCast.match(QStringView(expression).mid(castAt));
        if (!cast.hasMatch() || inside.trimmed().isEmpty()) {
            out += QStringView(expression).mid(copied, open + 1 - copied);
            out += inside;
            copied = close;
            i = close;
            continue;
        }
        const QString type = cast.captured(1);
        QStringList casts = elements(inside);
        for (QString &element : casts) {
            qsizetype lead = 0;
            while (lead < element.size() && element.at(lead).isSpace())
                ++lead;
            const QString space = element.left(lead);
            const QString term = element.trimmed();
            element = space + (plain || !isSimple(term) ? QStringLiteral("(%1)::%2").arg(term, type)
                                                        : QStringLiteral("%1::%2").arg(term, type));
        }
        const qsizetype from = plain ? i - 1 : i;
        out += QStringView(expression).mid(copied, from - copied);
        out += QLatin1String("ARRAY[") + casts.join(QLatin1Char(',')) + QLatin1Char(']');
        copied = castAt + cast.capturedLength(0);
        i = copied;
    }
    out += QStringView(expression).mid(copied);
    return out;
}

} // namespace Stratum::Internal
