// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "sqllexer.h"

#include <QLatin1String>
#include <QStringView>

#include <initializer_list>

namespace Stratum {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

// PostgreSQL lets `$` continue an identifier (`a$b`); treating it as a word character keeps
// such names from being mistaken for the start of a dollar quote.
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

bool isDollarTagStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isDollarTagChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool equalsWord(QStringView word, const char *keyword)
{
    return word.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

bool isOneOf(QStringView word, std::initializer_list<const char *> keywords)
{
    for (const char *keyword : keywords) {
        if (equalsWord(word, keyword))
            return true;
    }
    return false;
}

// `-- migrate:NAME ...` → NAME, or an empty view when the comment is no marker.
QStringView markerName(QStringView commentBody)
{
    const QStringView text = commentBody.trimmed();
    static const QLatin1String prefix("migrate:");
    if (!text.startsWith(prefix))
        return {};
    QStringView rest = text.mid(prefix.size());
    qsizetype end = 0;
    while (end < rest.size() && !rest.at(end).isSpace())
        ++end;
    return rest.left(end);
}

class Lexer
{
public:
    Lexer(const QString &sql, const QString &path, int firstLine)
        : m_sql(sql), m_path(path), m_firstLine(firstLine)
    {
    }

    Result<QList<SqlStatement>> run();

private:
    // What the statement being read turned out to be: only CREATE TRIGGER/PROCEDURE/FUNCTION/EVENT
    // statements may hold `;` inside BEGIN … END.
    enum class Kind { Unknown, LookingForObject, Routine, Plain };

    struct Opener
    {
        int line;
        int column;
        QString word;
    };

    QChar at(qsizetype i) const { return i < m_sql.size() ? m_sql.at(i) : QChar(); }
    int lineAt() const { return m_firstLine + m_lineIndex; }
    int columnOf(qsizetype i) const { return int(i - m_lineStart) + 1; }
    // Moves the cursor to \a target, keeping line bookkeeping right across embedded newlines.
    void moveTo(qsizetype target)
    {
        for (qsizetype i = m_pos; i < target; ++i) {
            if (m_sql.at(i) == QLatin1Char('\n')) {
                ++m_lineIndex;
                m_lineStart = i + 1;
            }
        }
        m_pos = target;
    }
    qsizetype endOfLine(qsizetype from) const
    {
        const qsizetype eol = m_sql.indexOf(QLatin1Char('\n'), from);
        return eol < 0 ? m_sql.size() : eol;
    }

    Error unterminated(int line, int column, const QString &what, const QString &expected) const
    {
        return Error::input(QStringLiteral("Unterminated %1.").arg(what), m_path, line, column,
                            QStringLiteral("Expected %1.").arg(expected));
    }

    void markToken(qsizetype start, qsizetype end, int line, int column);
    void flush();
    Status word(qsizetype start, qsizetype end, int line, int column);
    QStringView peekWord(qsizetype from) const;
    Status forcedStatement(int markerLine, int markerColumn);

    const QString &m_sql;
    const QString &m_path;
    const int m_firstLine;

    qsizetype m_pos = 0;
    int m_lineIndex = 0;
    qsizetype m_lineStart = 0;

    QList<SqlStatement> m_statements;
    qsizetype m_stmtStart = -1;
    qsizetype m_stmtEnd = -1;
    int m_stmtLine = 0;
    int m_stmtColumn = 0;
    int m_tokenCount = 0;
    Kind m_kind = Kind::Unknown;
    QList<Opener> m_openers;
    bool m_endClosesCase = false;
};

void Lexer::markToken(qsizetype start, qsizetype end, int line, int column)
{
    if (m_stmtStart < 0) {
        m_stmtStart = start;
        m_stmtLine = line;
        m_stmtColumn = column;
    }
    m_stmtEnd = end;
    ++m_tokenCount;
    // A routine is recognised from the words right after CREATE; a parenthesis or a long run of
    // other tokens means the statement is something else (a table named `function`, say).
    if (m_kind == Kind::LookingForObject && m_tokenCount > 16)
        m_kind = Kind::Plain;
}

void Lexer::flush()
{
    if (m_stmtStart >= 0) {
        SqlStatement statement;
        statement.text = m_sql.mid(m_stmtStart, m_stmtEnd - m_stmtStart);
        statement.line = m_stmtLine;
        statement.column = m_stmtColumn;
        m_statements.append(statement);
    }
    m_stmtStart = -1;
    m_stmtEnd = -1;
    m_tokenCount = 0;
    m_kind = Kind::Unknown;
    m_openers.clear();
    m_endClosesCase = false;
}

QStringView Lexer::peekWord(qsizetype from) const
{
    qsizetype i = from;
    const qsizetype size = m_sql.size();
    while (i < size) {
        const QChar c = m_sql.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && at(i + 1) == QLatin1Char('-')) {
            i = endOfLine(i);
        } else if (c == QLatin1Char('/') && at(i + 1) == QLatin1Char('*')) {
            const qsizetype close = m_sql.indexOf(QLatin1String("*/"), i + 2);
            if (close < 0)
                return {};
            i = close + 2;
        } else {
            break;
        }
    }
    if (i >= size || !isWordStart(m_sql.at(i)))
        return {};
    qsizetype end = i + 1;
    while (end < size && isWordChar(m_sql.at(end)))
        ++end;
    return QStringView(m_sql).mid(i, end - i);
}

Status Lexer::word(qsizetype start, qsizetype end, int line, int column)
{
    const QStringView w = QStringView(m_sql).mid(start, end - start);
    const bool first = m_tokenCount == 0;
    markToken(start, end, line, column);

    if (first) {
        if (equalsWord(w, "CREATE")) {
            m_kind = Kind::LookingForObject;
        } else if (equalsWord(w, "DELIMITER")) {
            return Error::input(
                QStringLiteral("DELIMITER is a command of the mysql client, not SQL."), m_path,
                line, column,
                QStringLiteral("Expected SQL statements; wrap a routine or trigger body in "
                               "`-- migrate:statement-begin` / `-- migrate:statement-end` "
                               "instead of changing the delimiter."));
        } else {
            m_kind = Kind::Plain;
        }
        return {};
    }

    switch (m_kind) {
    case Kind::LookingForObject:
        if (isOneOf(w, {"TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "PACKAGE"}))
            m_kind = Kind::Routine;
        else if (isOneOf(w, {"TABLE", "INDEX", "VIEW", "UNIQUE", "SCHEMA", "SEQUENCE", "TYPE",
                             "DATABASE", "DOMAIN", "EXTENSION", "MATERIALIZED", "ROLE", "USER",
                             "VIRTUAL", "RULE", "POLICY", "COLLATION", "CAST", "SERVER"}))
            m_kind = Kind::Plain;
        break;
    case Kind::Routine:
        if (equalsWord(w, "BEGIN")) {
            m_openers.append({line, column, w.toString()});
        } else if (equalsWord(w, "CASE")) {
            // `END CASE` (MySQL's CASE statement) closes the CASE already counted; the CASE word
            // that follows END must not open another one.
            if (m_endClosesCase)
                m_endClosesCase = false;
            else
                m_openers.append({line, column, w.toString()});
        } else if (equalsWord(w, "END")) {
            const QStringView next = peekWord(end);
            // END IF / END LOOP / END WHILE / END REPEAT / END FOR close constructs that were
            // never counted (IF is also a function and part of IF EXISTS, so it cannot open).
            if (isOneOf(next, {"IF", "LOOP", "WHILE", "REPEAT", "FOR"}))
                break;
            if (equalsWord(next, "CASE"))
                m_endClosesCase = true;
            if (!m_openers.isEmpty())
                m_openers.removeLast();
        }
        break;
    case Kind::Unknown:
    case Kind::Plain:
        break;
    }
    return {};
}

Status Lexer::forcedStatement(int markerLine, int markerColumn)
{
    // The forced block is not lexed: it is the escape hatch for text this lexer cannot follow.
    const qsizetype size = m_sql.size();
    const qsizetype markerEnd = endOfLine(m_pos);
    const qsizetype blockStart = markerEnd < size ? markerEnd + 1 : size;
    qsizetype lineStart = blockStart;
    qsizetype endMarkerStart = -1;
    qsizetype endMarkerEnd = -1;
    while (lineStart < size) {
        const qsizetype eol = endOfLine(lineStart);
        const QStringView lineText = QStringView(m_sql).mid(lineStart, eol - lineStart).trimmed();
        if (lineText.startsWith(QLatin1String("--"))
            && markerName(lineText.mid(2)) == QLatin1String("statement-end")) {
            endMarkerStart = lineStart;
            endMarkerEnd = eol;
            break;
        }
        lineStart = eol + 1;
    }
    if (endMarkerStart < 0)
        return unterminated(markerLine, markerColumn,
                            QStringLiteral("`-- migrate:statement-begin` block"),
                            QStringLiteral("a `-- migrate:statement-end` line to close it"));

    moveTo(blockStart);
    qsizetype first = blockStart;
    while (first < endMarkerStart && m_sql.at(first).isSpace())
        ++first;
    qsizetype last = endMarkerStart;
    while (last > first && m_sql.at(last - 1).isSpace())
        --last;
    if (last > first && m_sql.at(last - 1) == QLatin1Char(';')) {
        --last;
        while (last > first && m_sql.at(last - 1).isSpace())
            --last;
    }
    if (last > first) {
        moveTo(first);
        SqlStatement statement;
        statement.text = m_sql.mid(first, last - first);
        statement.line = lineAt();
        statement.column = columnOf(first);
        m_statements.append(statement);
    }
    moveTo(endMarkerEnd);
    return {};
}

Result<QList<SqlStatement>> Lexer::run()
{
    const qsizetype size = m_sql.size();
    while (m_pos < size) {
        const QChar c = m_sql.at(m_pos);
        const qsizetype start = m_pos;
        const int line = lineAt();
        const int column = columnOf(start);

        if (c == QLatin1Char('\n')) {
            moveTo(m_pos + 1);
            continue;
        }
        if (c.isSpace()) {
            ++m_pos;
            continue;
        }

        if (c == QLatin1Char('-') && at(m_pos + 1) == QLatin1Char('-')) {
            const qsizetype eol = endOfLine(m_pos);
            const QStringView name = markerName(QStringView(m_sql).mid(m_pos + 2, eol - m_pos - 2));
            if (name == QLatin1String("statement-begin")) {
                // A statement left without `;` ends where the forced block begins.
                flush();
                if (Status s = forcedStatement(line, column); !s)
                    return s.error();
                continue;
            }
            if (name == QLatin1String("statement-end"))
                return Error::input(
                    QStringLiteral("`-- migrate:statement-end` without a matching "
                                   "`-- migrate:statement-begin`."),
                    m_path, line, column,
                    QStringLiteral("Expected `-- migrate:statement-begin` on an earlier line."));
            m_pos = eol;
            continue;
        }

        if (c == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('*')) {
            const qsizetype close = m_sql.indexOf(QLatin1String("*/"), m_pos + 2);
            if (close < 0)
                return unterminated(line, column, QStringLiteral("block comment"),
                                    QStringLiteral("`*/` to close the comment opened here"));
            moveTo(close + 2);
            continue;
        }

        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            // E'…' (PostgreSQL escape string) is the one form where a backslash escapes the quote.
            const bool backslashEscapes = c == QLatin1Char('\'') && m_stmtEnd == start
                && start > 0 && (m_sql.at(start - 1) == QLatin1Char('E')
                                 || m_sql.at(start - 1) == QLatin1Char('e'))
                && (start < 2 || !isWordChar(m_sql.at(start - 2)));
            qsizetype i = m_pos + 1;
            bool closed = false;
            while (i < size) {
                const QChar d = m_sql.at(i);
                if (backslashEscapes && d == QLatin1Char('\\')) {
                    i += 2;
                    continue;
                }
                if (d == c) {
                    if (at(i + 1) == c) {   // doubled quote: an escaped quote character
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                ++i;
            }
            if (!closed) {
                const QString what = c == QLatin1Char('\'') ? QStringLiteral("string literal")
                                                            : QStringLiteral("quoted identifier");
                return unterminated(line, column, what,
                                    QStringLiteral("a closing %1 for the %2 opened here")
                                        .arg(c)
                                        .arg(what));
            }
            moveTo(i);
            markToken(start, i, line, column);
            continue;
        }

        if (c == QLatin1Char('$')) {
            qsizetype i = m_pos + 1;
            if (i < size && isDollarTagStart(m_sql.at(i))) {
                ++i;
                while (i < size && isDollarTagChar(m_sql.at(i)))
                    ++i;
            }
            if (at(i) == QLatin1Char('$')) {
                const QString delimiter = m_sql.mid(m_pos, i + 1 - m_pos);
                const qsizetype close = m_sql.indexOf(delimiter, i + 1);
                if (close < 0)
                    return unterminated(line, column, QStringLiteral("dollar-quoted string"),
                                        QStringLiteral("a closing %1 for the %1 opened here")
                                            .arg(delimiter));
                const qsizetype end = close + delimiter.size();
                moveTo(end);
                markToken(start, end, line, column);
                continue;
            }
            // `$1` and friends: a parameter, not a quote.
            ++m_pos;
            markToken(start, m_pos, line, column);
            continue;
        }

        if (c == QLatin1Char(';')) {
            ++m_pos;
            if (m_kind == Kind::Routine && !m_openers.isEmpty())
                markToken(start, m_pos, line, column);
            else
                flush();
            continue;
        }

        if (isWordStart(c)) {
            qsizetype i = m_pos + 1;
            while (i < size && isWordChar(m_sql.at(i)))
                ++i;
            m_pos = i;
            if (Status s = word(start, i, line, column); !s)
                return s.error();
            continue;
        }

        if (c.isDigit()) {
            qsizetype i = m_pos + 1;
            while (i < size && (m_sql.at(i).isLetterOrNumber() || m_sql.at(i) == QLatin1Char('.')))
                ++i;
            m_pos = i;
            markToken(start, i, line, column);
            continue;
        }

        ++m_pos;
        if (c == QLatin1Char('(') && m_kind == Kind::LookingForObject)
            m_kind = Kind::Plain;
        markToken(start, m_pos, line, column);
    }

    if (m_kind == Kind::Routine && !m_openers.isEmpty()) {
        const Opener &open = m_openers.constFirst();
        return unterminated(open.line, open.column,
                            QStringLiteral("%1 block").arg(open.word.toUpper()),
                            QStringLiteral("END to close the %1 opened here")
                                .arg(open.word.toUpper()));
    }
    flush();
    return m_statements;
}

} // namespace

Result<QList<SqlStatement>> splitSqlStatements(const QString &sql, const QString &path,
                                               int firstLine)
{
    Lexer lexer(sql, path, firstLine);
    return lexer.run();
}

} // namespace Stratum
