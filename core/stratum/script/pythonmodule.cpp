// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "pythonmodule_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringConverter>

#include <unicode/uchar.h>

namespace Stratum::Internal {

namespace {

struct PyToken
{
    enum Type { Name, String, Number, Op };
    Type type = Op;
    QString text;   // decoded value for strings
    int line = 0;
    int column = 0;
    bool bytes = false;     // b"…"
    bool formatted = false; // f"…"
};

struct PyLine
{
    QList<PyToken> tokens;
    int indent = 0;
};

void appendCodePoint(QString &to, char32_t c)
{
    // Not QString::fromUcs4: it drops a leading U+FEFF as a byte order mark.
    if (c < 0x10000) {
        to.append(QChar(char16_t(c)));
    } else {
        to.append(QChar(QChar::highSurrogate(c)));
        to.append(QChar(QChar::lowSurrogate(c)));
    }
}

bool isOp(const PyToken &token, QLatin1String op)
{
    return token.type == PyToken::Op && token.text == op;
}

bool isOp(const PyToken &token, char op)
{
    return token.type == PyToken::Op && token.text.size() == 1 && token.text.at(0) == QLatin1Char(op);
}

// +1 for an opening bracket, -1 for a closing one, 0 otherwise.
int bracket(const PyToken &token)
{
    if (token.type != PyToken::Op || token.text.size() != 1)
        return 0;
    const QChar c = token.text.at(0);
    return c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')   ? 1
           : c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}') ? -1
                                                                                     : 0;
}

bool isName(const PyToken &token, QLatin1String name)
{
    return token.type == PyToken::Name && token.text == name;
}

// --- Tokenizer ------------------------------------------------------------------------------

class Tokenizer
{
public:
    Tokenizer(const QString &text, const QString &path) : m_text(text), m_path(path) {}

    Result<QList<PyLine>> run();

private:
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text.at(i) : QChar(); }
    int column(qsizetype i) const { return int(i - m_lineStart) + 1; }
    void newline(qsizetype at)
    {
        ++m_line;
        m_lineStart = at + 1;
    }
    Result<QString> string(qsizetype quoteAt, bool raw, bool bytes);
    Status escape(QChar e, qsizetype &i, bool bytes, QString &value, int line, int column);
    void endLine()
    {
        if (!m_current.tokens.isEmpty())
            m_lines.append(m_current);
        m_current = PyLine();
    }

    const QString &m_text;
    const QString &m_path;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    int m_depth = 0;
    PyLine m_current;
    QList<PyLine> m_lines;
};

// One escape after a backslash; \a i points after \a e and moves past what the escape takes.
Status Tokenizer::escape(QChar e, qsizetype &i, bool bytes, QString &value, int line, int column)
{
    const auto bad = [&](const QString &what) {
        return Error::input(QStringLiteral("Invalid escape in a string literal: %1.").arg(what), m_path,
                            line, column, QStringLiteral("Expected an escape that Python accepts."));
    };
    switch (e.unicode()) {
    case '\n': newline(i - 1); return {};
    case '\\': case '\'': case '"': value.append(e); return {};
    case 'n': value.append(QLatin1Char('\n')); return {};
    case 't': value.append(QLatin1Char('\t')); return {};
    case 'r': value.append(QLatin1Char('\r')); return {};
    case 'a': value.append(QChar(7)); return {};
    case 'b': value.append(QChar(8)); return {};
    case 'f': value.append(QChar(12)); return {};
    case 'v': value.append(QChar(11)); return {};
    default: break;
    }
    if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
        uint code = uint(e.unicode() - '0');
        for (int k = 0; k < 2 && at(i) >= QLatin1Char('0') && at(i) <= QLatin1Char('7'); ++k)
            code = code * 8 + uint(m_text.at(i++).unicode() - '0');
        value.append(QChar(char16_t(code)));
        return {};
    }
    const bool text = !bytes;
    if (e == QLatin1Char('x') || (text && (e == QLatin1Char('u') || e == QLatin1Char('U')))) {
        const int digits = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
        const QString hex = m_text.mid(i, digits);
        bool ok = hex.size() == digits;
        for (const QChar c : hex)
            ok = ok && ((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')));
        const uint code = ok ? hex.toUInt(nullptr, 16) : 0;
        if (!ok || code > 0x10FFFF)
            return bad(QStringLiteral("\\%1 needs %2 hex digits").arg(e).arg(digits));
        appendCodePoint(value, char32_t(code));
        i += digits;
        return {};
    }
    if (text && e == QLatin1Char('N')) {
        // \N{NAME}: a character by its Unicode name or alias, matched as Python matches it.
        const qsizetype close = m_text.indexOf(QLatin1Char('}'), i);
        if (at(i) != QLatin1Char('{') || close < 0 || m_text.mid(i, close - i).contains(QLatin1Char('\n')))
            return bad(QStringLiteral("\\N needs a name in braces"));
        const QByteArray name = m_text.mid(i + 1, close - i - 1).toUpper().toLatin1();
        UErrorCode status = U_ZERO_ERROR;
        UChar32 ch = u_charFromName(U_UNICODE_CHAR_NAME, name.constData(), &status);
        if (U_FAILURE(status) || ch < 0) {
            status = U_ZERO_ERROR;
            ch = u_charFromName(U_CHAR_NAME_ALIAS, name.constData(), &status);
        }
        if (U_FAILURE(status) || ch < 0) {
            const std::optional<char32_t> alias = unicodeAlias(name);
            status = alias ? U_ZERO_ERROR : U_ILLEGAL_ARGUMENT_ERROR;
            ch = alias ? UChar32(*alias) : -1;
        }
        if (U_FAILURE(status) || ch < 0 || name.isEmpty())
            return bad(QStringLiteral("unknown Unicode character name \\N{%1}").arg(QString::fromLatin1(name)));
        appendCodePoint(value, char32_t(ch));
        i = close + 1;
        return {};
    }
    // Python keeps unknown escapes as written.
    value.append(QLatin1Char('\\'));
    value.append(e);
    return {};
}

Result<QString> Tokenizer::string(qsizetype quoteAt, bool raw, bool bytes)
{
    const QChar quote = m_text.at(quoteAt);
    const bool triple = at(quoteAt + 1) == quote && at(quoteAt + 2) == quote;
    const int startLine = m_line;
    const int startColumn = column(quoteAt);
    qsizetype i = quoteAt + (triple ? 3 : 1);
    QString value;
    const qsizetype size = m_text.size();
    for (;;) {
        if (i >= size || (!triple && m_text.at(i) == QLatin1Char('\n'))) {
            const QString closing = triple ? QString(3, quote) : QString(quote);
            return Error::input(QStringLiteral("Unterminated string literal."), m_path, startLine,
                                startColumn,
                                QStringLiteral("Expected a closing %1 for the string opened here.")
                                    .arg(closing));
        }
        const QChar c = m_text.at(i);
        if (c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote))) {
            m_pos = i + (triple ? 3 : 1);
            return value;
        }
        if (c == QLatin1Char('\n'))
            newline(i);
        if (c != QLatin1Char('\\')) {
            value.append(c);
            ++i;
            continue;
        }
        const QChar e = at(i + 1);
        if (raw) {
            // A raw string keeps its backslashes; one still keeps the next quote from closing it.
            value.append(c);
            if (i + 1 < size) {
                if (e == QLatin1Char('\n'))
                    newline(i + 1);
                value.append(e);
            }
            i += 2;
            continue;
        }
        const int escLine = m_line;
        const int escColumn = column(i);
        i += 2;
        if (Status s = escape(e, i, bytes, value, escLine, escColumn); !s)
            return s.error();
    }
}

Result<QList<PyLine>> Tokenizer::run()
{
    const qsizetype size = m_text.size();
    bool lineStart = true;
    while (m_pos < size) {
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('\n')) {
            newline(m_pos);
            ++m_pos;
            if (m_depth == 0) {
                endLine();
                lineStart = true;
            }
            continue;
        }
        if (c == QLatin1Char('\\') && at(m_pos + 1) == QLatin1Char('\n')) {
            newline(m_pos + 1);
            m_pos += 2;
            continue;
        }
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f')) {
            ++m_pos;
            continue;
        }
        if (c == QLatin1Char('#')) {
            while (m_pos < size && m_text.at(m_pos) != QLatin1Char('\n'))
                ++m_pos;
            continue;
        }

        PyToken token;
        token.line = m_line;
        token.column = column(m_pos);
        if (lineStart) {
            m_current.indent = token.column - 1;
            lineStart = false;
        }

        // A name, or a string literal with its optional prefix (r, u, b, f and their pairs).
        qsizetype wordEnd = m_pos;
        if (c.isLetter() || c == QLatin1Char('_')) {
            wordEnd = m_pos + 1;
            while (wordEnd < size && (m_text.at(wordEnd).isLetterOrNumber() || m_text.at(wordEnd) == QLatin1Char('_')))
                ++wordEnd;
        }
        const QString prefix = m_text.mid(m_pos, wordEnd - m_pos).toLower();
        static const QStringList prefixes = {
            QString(), QStringLiteral("r"), QStringLiteral("u"), QStringLiteral("b"), QStringLiteral("f"),
            QStringLiteral("br"), QStringLiteral("rb"), QStringLiteral("fr"), QStringLiteral("rf")};
        if ((at(wordEnd) == QLatin1Char('\'') || at(wordEnd) == QLatin1Char('"')) && prefixes.contains(prefix)) {
            token.bytes = prefix.contains(QLatin1Char('b'));
            token.formatted = prefix.contains(QLatin1Char('f'));
            Result<QString> value = string(wordEnd, prefix.contains(QLatin1Char('r')), token.bytes);
            if (!value)
                return value.error();
            token.type = PyToken::String;
            token.text = *value;
            m_current.tokens.append(token);
            continue;
        }
        if (wordEnd > m_pos) {
            token.type = PyToken::Name;
            token.text = m_text.mid(m_pos, wordEnd - m_pos);
            m_pos = wordEnd;
            m_current.tokens.append(token);
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && at(m_pos + 1).isDigit())) {
            qsizetype end = m_pos + 1;
            while (end < size && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == QLatin1Char('.')
                                  || m_text.at(end) == QLatin1Char('_')))
                ++end;
            token.type = PyToken::Number;
            token.text = m_text.mid(m_pos, end - m_pos);
            m_pos = end;
            m_current.tokens.append(token);
            continue;
        }

        token.type = PyToken::Op;
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
            ++m_depth;
        else if ((c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) && m_depth > 0)
            --m_depth;
        // `==`, `+=`, `:=`, `->` and friends must not read as a plain assignment or annotation.
        if ((at(m_pos + 1) == QLatin1Char('=') && QStringLiteral("=!<>+-*/%&|^@:").contains(c))
            || (c == QLatin1Char('-') && at(m_pos + 1) == QLatin1Char('>'))) {
            token.text = m_text.mid(m_pos, 2);
            m_pos += 2;
        } else {
            token.text = QString(c);
            ++m_pos;
        }
        m_current.tokens.append(token);
    }
    endLine();
    return m_lines;
}

// --- Statements -----------------------------------------------------------------------------

struct PyStatement
{
    QString keyword;            // compound statement (if, elif, else, try, def, …); empty: simple
    QList<PyToken> tokens;      // the simple statement, or the compound header without keyword and ':'
    QList<PyStatement> body;
    int line = 0;
};

QList<PyStatement> simpleStatements(const QList<PyToken> &tokens)
{
    QList<PyStatement> out;
    PyStatement current;
    int depth = 0;
    for (const PyToken &t : tokens) {
        depth += bracket(t);
        if (depth == 0 && isOp(t, ';')) {
            if (!current.tokens.isEmpty())
                out.append(current);
            current = PyStatement();
            continue;
        }
        if (current.tokens.isEmpty())
            current.line = t.line;
        current.tokens.append(t);
    }
    if (!current.tokens.isEmpty())
        out.append(current);
    return out;
}

qsizetype headerColon(const QList<PyToken> &tokens)
{
    int depth = 0;
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        const PyToken &t = tokens.at(k);
        if (const int b = bracket(t))
            depth += b;
        else if (depth == 0 && isName(t, QLatin1String("lambda")))
            return -1;   // too clever to read: the colons that follow are the lambda's
        else if (depth == 0 && isOp(t, ':'))
            return k;
    }
    return -1;
}

QString compoundKeyword(const QList<PyToken> &tokens)
{
    static const QStringList keywords = {
        QStringLiteral("if"), QStringLiteral("elif"), QStringLiteral("else"), QStringLiteral("try"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("def"),
        QStringLiteral("class"), QStringLiteral("with"), QStringLiteral("for"), QStringLiteral("while")};
    const PyToken &first = tokens.constFirst();
    if (first.type != PyToken::Name)
        return {};
    if (first.text == QLatin1String("async") && tokens.size() > 1)
        return keywords.contains(tokens.at(1).text) ? tokens.at(1).text : QString();
    if (keywords.contains(first.text))
        return first.text;
    // `match` is a keyword only at the head of a block: `match x:` but not `match = 1`.
    if (first.text == QLatin1String("match") && tokens.size() > 2 && isOp(tokens.constLast(), ':')
        && tokens.at(1).type != PyToken::Op)
        return first.text;
    return {};
}

QList<PyStatement> buildBlock(const QList<PyLine> &lines, qsizetype &i, int indent)
{
    QList<PyStatement> out;
    while (i < lines.size()) {
        const PyLine &line = lines.at(i);
        if (line.indent < indent)
            break;
        ++i;
        if (line.indent > indent)
            continue;   // indented with nothing to belong to: Python would not compile it
        const QString keyword = compoundKeyword(line.tokens);
        const qsizetype colon = keyword.isEmpty() ? -1 : headerColon(line.tokens);
        if (colon < 0) {
            out.append(simpleStatements(line.tokens));
            continue;
        }
        PyStatement statement;
        statement.keyword = keyword;
        statement.line = line.tokens.constFirst().line;
        const qsizetype headerStart = line.tokens.constFirst().text == QLatin1String("async") ? 2 : 1;
        statement.tokens = line.tokens.mid(headerStart, colon - headerStart);
        if (colon + 1 < line.tokens.size())
            statement.body = simpleStatements(line.tokens.mid(colon + 1));
        else if (i < lines.size() && lines.at(i).indent > indent)
            statement.body = buildBlock(lines, i, lines.at(i).indent);
        out.append(statement);
    }
    return out;
}

// --- Values ---------------------------------------------------------------------------------

std::optional<bool> truth(const PyValue &v)
{
    switch (v.kind) {
    case PyValue::None: return false;
    case PyValue::Bool:
    case PyValue::Int: return v.number != 0;
    case PyValue::Str:
    case PyValue::Bytes: return !v.text.isEmpty();
    case PyValue::Tuple:
    case PyValue::List:
    case PyValue::Set: return !v.items.isEmpty();
    case PyValue::Module: return true;
    default: return std::nullopt;
    }
}

std::optional<bool> equal(const PyValue &a, const PyValue &b)
{
    const auto numeric = [](const PyValue &v) { return v.kind == PyValue::Int || v.kind == PyValue::Bool; };
    if (a.kind == PyValue::Unknown || b.kind == PyValue::Unknown || a.kind == PyValue::Import
        || b.kind == PyValue::Import)
        return std::nullopt;
    if (numeric(a) && numeric(b))
        return a.number == b.number;
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case PyValue::None: return true;
    case PyValue::Str:
    case PyValue::Bytes:
    case PyValue::Module: return a.text == b.text;
    case PyValue::Tuple:
    case PyValue::List:
    case PyValue::Set: {
        if (a.items.size() != b.items.size())
            return false;
        for (qsizetype k = 0; k < a.items.size(); ++k) {
            const std::optional<bool> same = equal(a.items.at(k), b.items.at(k));
            if (!same || !*same)
                return same;
        }
        return true;
    }
    default: return std::nullopt;
    }
}

PyValue makeBool(bool b)
{
    PyValue v;
    v.kind = PyValue::Bool;
    v.number = b ? 1 : 0;
    return v;
}

bool isSequence(const PyValue &v)
{
    return v.kind == PyValue::Tuple || v.kind == PyValue::List || v.kind == PyValue::Set;
}

// --- Module evaluation ----------------------------------------------------------------------

class Runner;

class ExpressionReader
{
public:
    ExpressionReader(Runner &runner, const QList<PyToken> &tokens, qsizetype begin, qsizetype end)
        : m_runner(runner), m_t(tokens), m_pos(begin), m_end(end)
    {
    }

    // The whole range as one expression (a bare `a, b` is a tuple); Unknown when any is left over.
    PyValue all()
    {
        PyValue v = list(true);
        if (m_pos < m_end)
            return failure(m_t.at(m_pos));
        return v;
    }

private:
    bool more() const { return m_pos < m_end; }
    const PyToken &peek() const { return m_t.at(m_pos); }
    bool atOp(char op) const { return more() && isOp(peek(), op); }
    bool atName(QLatin1String name) const { return more() && isName(peek(), name); }
    PyValue failure(const PyToken &at)
    {
        m_pos = m_end;
        return PyValue::unknown(QStringLiteral("the expression is more than Stratum reads (at `%1`)").arg(at.text),
                                at.line, at.column);
    }
    PyValue failureAtEnd()
    {
        const PyToken &last = m_t.at(m_end - 1);
        return failure(last);
    }
    bool endsList() const
    {
        if (!more())
            return true;
        const PyToken &t = peek();
        return isOp(t, ')') || isOp(t, ']') || isOp(t, '}') || isOp(t, '=') || isOp(t, ':');
    }

    PyValue list(bool bareTuple);
    PyValue ternary();
    PyValue boolean(bool conjunction);
    PyValue notTest();
    PyValue comparison();
    PyValue sum();
    PyValue product();
    PyValue unary();
    PyValue primary();
    PyValue atom();
    PyValue display(char close, PyValue::Kind kind);

    Runner &m_runner;
    const QList<PyToken> &m_t;
    qsizetype m_pos;
    qsizetype m_end;
};

class Runner
{
public:
    Runner(const QString &package, PyImportResolver *resolver)
        : m_package(package), m_resolver(resolver)
    {
    }

    void run(const QList<PyStatement> &block);
    PyValue lookup(const PyToken &name) const;
    PyValue attribute(const PyValue &of, const PyToken &name);
    PyValue resolved(const PyValue &v) { return m_resolver ? m_resolver->resolve(v) : v; }

    PyModule module;

private:
    void simple(const PyStatement &statement);
    void importNames(const QList<PyToken> &tokens);
    void importFrom(const QList<PyToken> &tokens);
    void assign(const QList<PyToken> &target, const PyValue &value);
    void unknownAssigned(const QList<PyStatement> &block, const QString &why, int line);
    QString absoluteModule(const QList<PyToken> &tokens, qsizetype &k, bool *relativeOutside);

    QString m_package;   // the package a relative import starts from; empty: none (a revision file)
    PyImportResolver *m_resolver;
    QStringList m_starImports;   // `from M import *` that could not be expanded
};

PyValue ExpressionReader::list(bool bareTuple)
{
    const int line = more() ? peek().line : 0;
    const int column = more() ? peek().column : 0;
    PyValue first = ternary();
    if (!atOp(',') || !bareTuple)
        return first;
    PyValue tuple;
    tuple.kind = PyValue::Tuple;
    tuple.line = line;
    tuple.column = column;
    tuple.items << first;
    while (atOp(',')) {
        ++m_pos;
        if (endsList())
            break;
        tuple.items << ternary();
    }
    return tuple;
}

PyValue ExpressionReader::ternary()
{
    if (atName(QLatin1String("lambda")))
        return failure(peek());
    PyValue value = boolean(false);
    if (!atName(QLatin1String("if")))
        return value;
    ++m_pos;
    const PyValue condition = m_runner.resolved(boolean(false));
    if (!atName(QLatin1String("else")))
        return failure(more() ? peek() : m_t.at(m_end - 1));
    ++m_pos;
    const PyValue other = ternary();
    const std::optional<bool> t = truth(condition);
    if (!t)
        return PyValue::unknown(condition.why, condition.line, condition.column);
    return *t ? value : other;
}

// `a or b`, `a and b`: Python's short-circuit values (the operand that decided).
PyValue ExpressionReader::boolean(bool conjunction)
{
    const QLatin1String word = conjunction ? QLatin1String("and") : QLatin1String("or");
    PyValue value = conjunction ? notTest() : boolean(true);
    while (atName(word)) {
        ++m_pos;
        const PyValue right = conjunction ? notTest() : boolean(true);
        const PyValue left = m_runner.resolved(value);
        const std::optional<bool> t = truth(left);
        value = !t || *t != conjunction ? left : right;
    }
    return value;
}

PyValue ExpressionReader::notTest()
{
    if (!atName(QLatin1String("not")))
        return comparison();
    ++m_pos;
    const PyValue value = m_runner.resolved(notTest());
    const std::optional<bool> t = truth(value);
    return t ? makeBool(!*t) : value;
}

PyValue ExpressionReader::comparison()
{
    PyValue left = sum();
    for (;;) {
        if (!more())
            return left;
        const PyToken &t = peek();
        QString op;
        if (t.type == PyToken::Op
            && (t.text == QLatin1String("==") || t.text == QLatin1String("!=") || t.text == QLatin1String("<")
                || t.text == QLatin1String(">") || t.text == QLatin1String("<=") || t.text == QLatin1String(">="))) {
            op = t.text;
            ++m_pos;
        } else if (isName(t, QLatin1String("in"))) {
            op = QStringLiteral("in");
            ++m_pos;
        } else if (isName(t, QLatin1String("not")) && m_pos + 1 < m_end && isName(m_t.at(m_pos + 1), QLatin1String("in"))) {
            op = QStringLiteral("not in");
            m_pos += 2;
        } else if (isName(t, QLatin1String("is"))) {
            ++m_pos;
            op = QStringLiteral("is");
            if (atName(QLatin1String("not"))) {
                ++m_pos;
                op = QStringLiteral("is not");
            }
        } else {
            return left;
        }
        const PyValue a = m_runner.resolved(left);
        const PyValue b = m_runner.resolved(sum());
        if (a.kind == PyValue::Unknown)
            continue;   // stays the first unknown operand
        if (b.kind == PyValue::Unknown) {
            left = b;
            continue;
        }
        std::optional<bool> result;
        if (op == QLatin1String("==") || op == QLatin1String("is"))
            result = equal(a, b);
        else if (op == QLatin1String("!=") || op == QLatin1String("is not")) {
            result = equal(a, b);
            if (result)
                result = !*result;
        }
        else if (op == QLatin1String("in") || op == QLatin1String("not in")) {
            if (b.kind == PyValue::Str && a.kind == PyValue::Str)
                result = b.text.contains(a.text);
            else if (isSequence(b)) {
                result = false;
                for (const PyValue &item : b.items) {
                    const std::optional<bool> e = equal(a, item);
                    if (!e) {
                        result.reset();
                        break;
                    }
                    if (*e)
                        result = true;
                }
            }
            if (result && op == QLatin1String("not in"))
                result = !*result;
        } else if (a.kind == PyValue::Int && b.kind == PyValue::Int) {
            result = op == QLatin1String("<") ? a.number < b.number
                     : op == QLatin1String(">") ? a.number > b.number
                     : op == QLatin1String("<=") ? a.number <= b.number
                                                 : a.number >= b.number;
        }
        left = result ? makeBool(*result)
                      : PyValue::unknown(QStringLiteral("a comparison Stratum cannot decide"), t.line, t.column);
    }
}

PyValue ExpressionReader::sum()
{
    PyValue left = product();
    while (atOp('+') || atOp('-')) {
        const PyToken op = peek();
        ++m_pos;
        const PyValue a = m_runner.resolved(left);
        const PyValue b = m_runner.resolved(product());
        if (a.kind == PyValue::Unknown)
            continue;
        if (b.kind == PyValue::Unknown) {
            left = b;
            continue;
        }
        PyValue out = a;
        if (isOp(op, '+') && a.kind == b.kind && (a.kind == PyValue::Str || a.kind == PyValue::Bytes))
            out.text = a.text + b.text;
        else if (isOp(op, '+') && a.kind == b.kind && (a.kind == PyValue::Tuple || a.kind == PyValue::List))
            out.items = a.items + b.items;
        else if (a.kind == PyValue::Int && b.kind == PyValue::Int)
            out.number = isOp(op, '+') ? a.number + b.number : a.number - b.number;
        else
            out = PyValue::unknown(QStringLiteral("an operation Stratum does not evaluate"), op.line, op.column);
        left = out;
    }
    return left;
}

PyValue ExpressionReader::product()
{
    PyValue left = unary();
    while (atOp('*') || atOp('%') || atOp('/') || atOp('@')) {
        const PyToken op = peek();
        ++m_pos;
        if (atOp('/') || atOp('*'))
            ++m_pos;   // `//`, `**`
        unary();
        left = PyValue::unknown(QStringLiteral("an operation Stratum does not evaluate"), op.line, op.column);
    }
    return left;
}

PyValue ExpressionReader::unary()
{
    if (atOp('-') || atOp('+') || atOp('~')) {
        const PyToken op = peek();
        ++m_pos;
        PyValue v = m_runner.resolved(unary());
        if (v.kind == PyValue::Int && !isOp(op, '~')) {
            v.number = isOp(op, '-') ? -v.number : v.number;
            return v;
        }
        return v.kind == PyValue::Unknown ? v
                                          : PyValue::unknown(QStringLiteral("an operation Stratum does not evaluate"),
                                                             op.line, op.column);
    }
    return primary();
}

PyValue ExpressionReader::primary()
{
    PyValue value = atom();
    for (;;) {
        if (atOp('.') && m_pos + 1 < m_end && m_t.at(m_pos + 1).type == PyToken::Name) {
            value = m_runner.attribute(value, m_t.at(m_pos + 1));
            m_pos += 2;
        } else if (atOp('(')) {
            const PyToken open = peek();
            int depth = 0;
            do {
                depth += bracket(peek());
                ++m_pos;
            } while (more() && depth > 0);
            value = PyValue::unknown(QStringLiteral("it is the result of a call"), open.line, open.column);
        } else if (atOp('[')) {
            const PyToken open = peek();
            ++m_pos;
            const PyValue index = m_runner.resolved(list(true));
            if (!atOp(']'))
                return failure(more() ? peek() : open);
            ++m_pos;
            const PyValue of = m_runner.resolved(value);
            if ((of.kind == PyValue::Tuple || of.kind == PyValue::List) && index.kind == PyValue::Int) {
                const qint64 k = index.number < 0 ? of.items.size() + index.number : index.number;
                value = k >= 0 && k < of.items.size()
                            ? of.items.at(k)
                            : PyValue::unknown(QStringLiteral("the index is out of range"), open.line, open.column);
            } else {
                value = of.kind == PyValue::Unknown ? of
                        : index.kind == PyValue::Unknown
                            ? index
                            : PyValue::unknown(QStringLiteral("a subscript Stratum does not evaluate"), open.line, open.column);
            }
        } else {
            return value;
        }
    }
}

PyValue ExpressionReader::display(char close, PyValue::Kind kind)
{
    const PyToken open = peek();
    ++m_pos;
    PyValue value;
    value.kind = kind;
    value.line = open.line;
    value.column = open.column;
    bool sawComma = false;
    while (more() && !isOp(peek(), close)) {
        if (atOp('*'))
            return failure(peek());
        value.items << ternary();
        if (atName(QLatin1String("for")) || atOp(':'))
            return failure(peek());   // comprehensions and dicts
        if (atOp(',')) {
            sawComma = true;
            ++m_pos;
        } else if (more() && !isOp(peek(), close)) {
            return failure(peek());
        }
    }
    if (!more())
        return failureAtEnd();
    ++m_pos;
    // (x) is x itself; {} is an empty dict.
    if (close == ')' && !sawComma && value.items.size() == 1)
        return value.items.constFirst();
    if (close == '}' && value.items.isEmpty())
        return PyValue::unknown(QStringLiteral("it is a dict"), open.line, open.column);
    return value;
}

PyValue ExpressionReader::atom()
{
    if (!more())
        return failureAtEnd();
    const PyToken &t = peek();
    if (t.type == PyToken::String) {
        PyValue value;
        value.kind = t.bytes ? PyValue::Bytes : PyValue::Str;
        value.line = t.line;
        value.column = t.column;
        bool formatted = false;
        while (more() && peek().type == PyToken::String) {
            formatted = formatted || peek().formatted;
            value.text += peek().text;
            ++m_pos;
        }
        if (formatted && value.text.contains(QLatin1Char('{')))
            return PyValue::unknown(QStringLiteral("it is an f-string with replacement fields"), t.line, t.column);
        return value;
    }
    if (t.type == PyToken::Number) {
        ++m_pos;
        QString digits = t.text;
        digits.remove(QLatin1Char('_'));
        bool ok = false;
        const qint64 n = digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? digits.mid(2).toLongLong(&ok, 16)
                         : digits.startsWith(QLatin1String("0o"), Qt::CaseInsensitive) ? digits.mid(2).toLongLong(&ok, 8)
                         : digits.startsWith(QLatin1String("0b"), Qt::CaseInsensitive) ? digits.mid(2).toLongLong(&ok, 2)
                                                                                       : digits.toLongLong(&ok, 10);
        if (!ok)
            return PyValue::unknown(QStringLiteral("it is a number Stratum does not read"), t.line, t.column);
        PyValue value;
        value.kind = PyValue::Int;
        value.number = n;
        value.line = t.line;
        value.column = t.column;
        return value;
    }
    if (t.type == PyToken::Name) {
        ++m_pos;
        if (t.text == QLatin1String("None") || t.text == QLatin1String("True") || t.text == QLatin1String("False")) {
            PyValue v = makeBool(t.text == QLatin1String("True"));
            if (t.text == QLatin1String("None"))
                v.kind = PyValue::None;
            v.line = t.line;
            v.column = t.column;
            return v;
        }
        return m_runner.lookup(t);
    }
    if (isOp(t, '('))
        return display(')', PyValue::Tuple);
    if (isOp(t, '['))
        return display(']', PyValue::List);
    if (isOp(t, '{'))
        return display('}', PyValue::Set);
    return failure(t);
}

PyValue Runner::lookup(const PyToken &name) const
{
    if (auto found = module.names.constFind(name.text); found != module.names.constEnd())
        return *found;
    if (!m_starImports.isEmpty())
        return PyValue::unknown(QStringLiteral("`%1` may come from `from %2 import *`, which Stratum cannot follow")
                                    .arg(name.text, m_starImports.constFirst()),
                                name.line, name.column);
    return PyValue::unknown(QStringLiteral("`%1` is not defined at module level").arg(name.text), name.line,
                            name.column);
}

PyValue Runner::attribute(const PyValue &of, const PyToken &name)
{
    PyValue base = of.kind == PyValue::Import ? resolved(of) : of;
    if (base.kind == PyValue::Module) {
        PyValue imported;
        imported.kind = PyValue::Import;
        imported.text = base.text;
        imported.name = name.text;
        imported.line = name.line;
        imported.column = name.column;
        return m_resolver ? resolved(imported) : imported;
    }
    if (base.kind == PyValue::Unknown)
        return base;
    return PyValue::unknown(QStringLiteral("`.%1` is an attribute Stratum does not evaluate").arg(name.text),
                            name.line, name.column);
}

// The module a `from` or `import` names, from \a k on; relative names start from m_package.
QString Runner::absoluteModule(const QList<PyToken> &tokens, qsizetype &k, bool *relativeOutside)
{
    int dots = 0;
    while (k < tokens.size() && (isOp(tokens.at(k), '.') || tokens.at(k).text == QLatin1String("..."))) {
        dots += int(tokens.at(k).text.size());
        ++k;
    }
    QStringList parts;
    while (k < tokens.size() && tokens.at(k).type == PyToken::Name && !isName(tokens.at(k), QLatin1String("import"))
           && !isName(tokens.at(k), QLatin1String("as"))) {
        parts << tokens.at(k).text;
        ++k;
        if (k < tokens.size() && isOp(tokens.at(k), '.'))
            ++k;
        else
            break;
    }
    *relativeOutside = false;
    if (dots == 0)
        return parts.join(QLatin1Char('.'));
    QStringList base = m_package.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (base.isEmpty() || dots - 1 >= base.size()) {
        *relativeOutside = true;
        return {};
    }
    base = base.mid(0, base.size() - (dots - 1));
    return (base + parts).join(QLatin1Char('.'));
}

void Runner::importNames(const QList<PyToken> &tokens)
{
    // import a.b.c [as m], d
    qsizetype k = 1;
    while (k < tokens.size()) {
        bool outside = false;
        const QString dotted = absoluteModule(tokens, k, &outside);
        PyValue value;
        value.kind = PyValue::Module;
        value.line = tokens.constFirst().line;
        QString bound = dotted.section(QLatin1Char('.'), 0, 0);
        value.text = bound;
        if (k + 1 < tokens.size() && isName(tokens.at(k), QLatin1String("as"))) {
            bound = tokens.at(k + 1).text;
            value.text = dotted;
            k += 2;
        }
        if (!bound.isEmpty())
            module.names.insert(bound, value);
        while (k < tokens.size() && !isOp(tokens.at(k), ','))
            ++k;
        ++k;
    }
}

void Runner::importFrom(const QList<PyToken> &tokens)
{
    // from [.]a.b import c [as d], e | (c, e) | *
    qsizetype k = 1;
    bool outside = false;
    const QString from = absoluteModule(tokens, k, &outside);
    if (k >= tokens.size() || !isName(tokens.at(k), QLatin1String("import")))
        return;
    ++k;
    const int line = tokens.constFirst().line;
    for (; k < tokens.size(); ++k) {
        const PyToken &t = tokens.at(k);
        if (isOp(t, '*')) {
            // Every public name of the module, each resolved when used.
            const std::optional<QStringList> names = outside || !m_resolver ? std::nullopt : m_resolver->names(from);
            if (!names) {
                m_starImports << from;
                continue;
            }
            for (const QString &name : *names) {
                PyValue value;
                value.kind = PyValue::Import;
                value.text = from;
                value.name = name;
                value.line = line;
                module.names.insert(name, value);
            }
            continue;
        }
        if (t.type != PyToken::Name)
            continue;
        QString bound = t.text;
        PyValue value;
        if (outside) {
            value = PyValue::unknown(QStringLiteral("a relative import: Alembic loads a revision file outside any package"),
                                     t.line, t.column);
        } else {
            value.kind = PyValue::Import;
            value.text = from;
            value.name = t.text;
            value.line = line;
            value.column = t.column;
        }
        if (k + 2 < tokens.size() && isName(tokens.at(k + 1), QLatin1String("as"))) {
            bound = tokens.at(k + 2).text;
            k += 2;
        }
        module.names.insert(bound, value);
    }
}

void Runner::assign(const QList<PyToken> &target, const PyValue &value)
{
    // name | a, b | (a, b) | [a, b]; attributes and subscripts bind nothing at module level.
    QList<PyToken> names;
    qsizetype begin = 0;
    qsizetype end = target.size();
    if (end >= 2 && ((isOp(target.constFirst(), '(') && isOp(target.constLast(), ')'))
                     || (isOp(target.constFirst(), '[') && isOp(target.constLast(), ']')))) {
        ++begin;
        --end;
    }
    bool plain = true;
    for (qsizetype k = begin; k < end; ++k) {
        const PyToken &t = target.at(k);
        if (t.type == PyToken::Name && (k + 1 == end || isOp(target.at(k + 1), ',')))
            names << t;
        else if (!isOp(t, ','))
            plain = false;
    }
    if (!plain)
        return;
    const bool unpack = names.size() > 1 || (end > begin && isOp(target.at(end - 1), ','))
                        || begin > 0;
    if (!unpack) {
        if (!names.isEmpty()) {
            PyValue v = value;
            if (v.line == 0) {
                v.line = names.constFirst().line;
                v.column = names.constFirst().column;
            }
            module.names.insert(names.constFirst().text, v);
            module.assignedAt.insert(names.constFirst().text, {names.constFirst().line, names.constFirst().column});
        }
        return;
    }
    const PyValue from = resolved(value);
    for (qsizetype k = 0; k < names.size(); ++k) {
        PyValue item = isSequence(from) && from.items.size() == names.size()
                           ? from.items.at(k)
                           : from.kind == PyValue::Unknown
                               ? from
                               : PyValue::unknown(QStringLiteral("an unpacking Stratum cannot follow"), names.at(k).line,
                                                  names.at(k).column);
        if (item.line == 0) {
            item.line = names.at(k).line;
            item.column = names.at(k).column;
        }
        module.names.insert(names.at(k).text, item);
        module.assignedAt.insert(names.at(k).text, {names.at(k).line, names.at(k).column});
    }
}

// Every name a block could assign: after a branch Stratum cannot decide, each is unknown.
void Runner::unknownAssigned(const QList<PyStatement> &block, const QString &why, int line)
{
    for (const PyStatement &statement : block) {
        if (!statement.keyword.isEmpty()) {
            if (statement.keyword == QLatin1String("def") || statement.keyword == QLatin1String("class")) {
                if (!statement.tokens.isEmpty())
                    module.names.insert(statement.tokens.constFirst().text, PyValue::unknown(why, line));
                continue;
            }
            unknownAssigned(statement.body, why, line);
            continue;
        }
        const QList<PyToken> &t = statement.tokens;
        int depth = 0;
        qsizetype start = 0;
        for (qsizetype k = 0; k < t.size(); ++k) {
            if (const int b = bracket(t.at(k)))
                depth += b;
            else if (depth == 0 && (isOp(t.at(k), '=') || (t.at(k).type == PyToken::Op && t.at(k).text.endsWith(QLatin1Char('='))
                                                           && t.at(k).text.size() == 2 && t.at(k).text != QLatin1String("==")))) {
                for (qsizetype j = start; j < k; ++j)
                    if (t.at(j).type == PyToken::Name) {
                        module.names.insert(t.at(j).text, PyValue::unknown(why, line));
                        module.assignedAt.insert(t.at(j).text, {t.at(j).line, t.at(j).column});
                    }
                start = k + 1;
            }
        }
        if (!t.isEmpty() && (isName(t.constFirst(), QLatin1String("import")) || isName(t.constFirst(), QLatin1String("from"))))
            for (const PyToken &name : t)
                if (name.type == PyToken::Name)
                    module.names.insert(name.text, PyValue::unknown(why, line));
    }
}

void Runner::simple(const PyStatement &statement)
{
    const QList<PyToken> &t = statement.tokens;
    if (t.isEmpty())
        return;
    if (isName(t.constFirst(), QLatin1String("import"))) {
        importNames(t);
        return;
    }
    if (isName(t.constFirst(), QLatin1String("from"))) {
        importFrom(t);
        return;
    }
    if (isName(t.constFirst(), QLatin1String("del"))) {
        for (const PyToken &name : t)
            if (name.type == PyToken::Name)
                module.names.remove(name.text);
        return;
    }
    // Split at the `=` signs outside brackets: targets = targets = value.
    QList<qsizetype> equals;
    qsizetype augmented = -1;
    qsizetype annotation = -1;
    int depth = 0;
    for (qsizetype k = 0; k < t.size(); ++k) {
        const PyToken &token = t.at(k);
        if (const int b = bracket(token))
            depth += b;
        else if (depth == 0 && isOp(token, '='))
            equals << k;
        else if (depth == 0 && annotation < 0 && equals.isEmpty() && isOp(token, ':'))
            annotation = k;
        else if (depth == 0 && token.type == PyToken::Op && token.text.size() == 2 && token.text.endsWith(QLatin1Char('='))
                 && token.text != QLatin1String("==") && token.text != QLatin1String("!=")
                 && token.text != QLatin1String("<=") && token.text != QLatin1String(">=")
                 && token.text != QLatin1String(":=") && augmented < 0 && equals.isEmpty())
            augmented = k;
    }
    if (augmented > 0) {
        // name += value (only + is followed; anything else makes the name unknown).
        const QList<PyToken> target = t.mid(0, augmented);
        const PyToken &op = t.at(augmented);
        if (target.size() != 1 || target.constFirst().type != PyToken::Name)
            return;
        QList<PyToken> expression = {target.constFirst(), op};
        expression.last().text = op.text.left(1);
        expression += t.mid(augmented + 1);
        assign(target, ExpressionReader(*this, expression, 0, expression.size()).all());
        return;
    }
    if (equals.isEmpty())
        return;   // an expression statement, or an annotation without a value
    const qsizetype valueStart = equals.constLast() + 1;
    const PyValue value = valueStart < t.size()
                              ? ExpressionReader(*this, t, valueStart, t.size()).all()
                              : PyValue::unknown(QStringLiteral("the assignment has no value"), t.constLast().line,
                                                 t.constLast().column);
    qsizetype start = 0;
    for (const qsizetype eq : std::as_const(equals)) {
        const qsizetype targetEnd = (start == 0 && annotation > 0 && annotation < eq) ? annotation : eq;
        assign(t.mid(start, targetEnd - start), value);
        start = eq + 1;
    }
}

void Runner::run(const QList<PyStatement> &block)
{
    for (qsizetype k = 0; k < block.size(); ++k) {
        const PyStatement &statement = block.at(k);
        const QString &keyword = statement.keyword;
        if (keyword.isEmpty()) {
            simple(statement);
            continue;
        }
        if (keyword == QLatin1String("def") || keyword == QLatin1String("class")) {
            if (!statement.tokens.isEmpty())
                module.names.insert(statement.tokens.constFirst().text,
                                    PyValue::unknown(QStringLiteral("`%1` is a %2")
                                                         .arg(statement.tokens.constFirst().text,
                                                              keyword == QLatin1String("def") ? QStringLiteral("function")
                                                                                              : QStringLiteral("class")),
                                                     statement.line));
            continue;
        }
        if (keyword == QLatin1String("if")) {
            // The chain if / elif … / else runs the first branch whose condition holds.
            qsizetype last = k;
            while (last + 1 < block.size() && (block.at(last + 1).keyword == QLatin1String("elif")
                                                || block.at(last + 1).keyword == QLatin1String("else"))) {
                ++last;
                if (block.at(last).keyword == QLatin1String("else"))
                    break;
            }
            bool decided = false;
            for (qsizetype b = k; b <= last && !decided; ++b) {
                const PyStatement &branch = block.at(b);
                if (branch.keyword == QLatin1String("else")) {
                    run(branch.body);
                    decided = true;
                    break;
                }
                const PyValue condition = resolved(ExpressionReader(*this, branch.tokens, 0, branch.tokens.size()).all());
                const std::optional<bool> holds = truth(condition);
                if (!holds) {
                    const QString why = QStringLiteral("it is assigned under a condition Stratum cannot decide (line %1: %2)")
                                            .arg(branch.line)
                                            .arg(condition.why);
                    for (qsizetype rest = b; rest <= last; ++rest)
                        unknownAssigned(block.at(rest).body, why, branch.line);
                    decided = true;
                    break;
                }
                if (*holds) {
                    run(branch.body);
                    decided = true;
                }
            }
            k = last;
            continue;
        }
        if (keyword == QLatin1String("try") || keyword == QLatin1String("with") || keyword == QLatin1String("else")
            || keyword == QLatin1String("finally")) {
            // A try body is taken to succeed: its handlers do not run, its else and finally do.
            run(statement.body);
            continue;
        }
        if (keyword == QLatin1String("except") || keyword == QLatin1String("elif"))
            continue;
        // for, while, match: what they assign depends on running them.
        unknownAssigned(statement.body,
                        QStringLiteral("it is assigned inside a `%1` block (line %2)").arg(keyword).arg(statement.line),
                        statement.line);
    }
}

// The module's docstring: a first statement made of string literals only (not bytes, not f-strings).
void readDocstring(const QList<PyStatement> &block, PyModule &module)
{
    if (block.isEmpty() || !block.constFirst().keyword.isEmpty())
        return;
    QList<PyToken> tokens = block.constFirst().tokens;
    while (tokens.size() >= 2 && isOp(tokens.constFirst(), '(') && isOp(tokens.constLast(), ')')) {
        tokens.removeFirst();
        tokens.removeLast();
    }
    if (tokens.isEmpty())
        return;
    QString doc;
    for (const PyToken &token : std::as_const(tokens)) {
        if (token.type != PyToken::String || token.bytes || token.formatted)
            return;
        doc += token.text;
    }
    module.hasDocstring = true;
    module.docstring = doc;
}

Result<PyModule> runModule(const QString &text, const QString &path, const QString &moduleName,
                           const QString &package, PyImportResolver *resolver)
{
    // Python reads source with universal newlines.
    QString source = text;
    source.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    source.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    Tokenizer tokenizer(source, path);
    Result<QList<PyLine>> lines = tokenizer.run();
    if (!lines)
        return lines.error();
    qsizetype i = 0;
    const int indent = lines->isEmpty() ? 0 : lines->constFirst().indent;
    const QList<PyStatement> block = buildBlock(*lines, i, indent);
    Runner runner(package, resolver);
    // __name__ as the module sees it: Alembic loads a revision under its file name with every
    // non-word character replaced by `_`; a project module under its dotted name.
    PyValue name;
    name.kind = PyValue::Str;
    name.text = moduleName;
    runner.module.names.insert(QStringLiteral("__name__"), name);
    readDocstring(block, runner.module);
    runner.run(block);
    return runner.module;
}

} // namespace

Result<PyModule> evaluatePythonModule(const QString &text, const QString &path, PyImportResolver *resolver)
{
    static const QRegularExpression nonWord(QStringLiteral("\\W"), QRegularExpression::UseUnicodePropertiesOption);
    const QString moduleId = QFileInfo(path).fileName().replace(nonWord, QStringLiteral("_"));
    return runModule(text, path, moduleId, {}, resolver);
}

Result<QString> decodePythonSource(const QByteArray &data, const QString &path)
{
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0)
        return Error::input(QStringLiteral("The revision file holds a NUL byte at offset %1.").arg(nul), path,
                            int(data.left(nul).count('\n')) + 1, 0,
                            QStringLiteral("Python source cannot contain NUL bytes; save the file as UTF-8 text."));
    QByteArray bytes = data;
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    // PEP 263: line 1, or line 2 when line 1 is only a comment or blank.
    static const QRegularExpression coding(QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"));
    static const QRegularExpression blankOrComment(QStringLiteral("^[ \\t\\f]*(#.*)?$"));
    const QList<QByteArray> head = bytes.left(1024).split('\n');
    QString encoding = QStringLiteral("utf-8");
    int codingLine = 0;
    for (int k = 0; k < qMin<qsizetype>(2, head.size()); ++k) {
        const QString line = QString::fromLatin1(head.at(k));
        if (const QRegularExpressionMatch m = coding.match(line); m.hasMatch()) {
            encoding = m.captured(1).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
            codingLine = k + 1;
            break;
        }
        if (!blankOrComment.match(line).hasMatch())
            break;
    }
    static const QStringList utf8 = {QStringLiteral("utf-8"), QStringLiteral("utf8"), QStringLiteral("u8"),
                                     QStringLiteral("utf"), QStringLiteral("cp65001")};
    static const QStringList latin1 = {QStringLiteral("latin-1"), QStringLiteral("latin1"), QStringLiteral("iso-8859-1"),
                                       QStringLiteral("iso8859-1"), QStringLiteral("8859"), QStringLiteral("cp819"),
                                       QStringLiteral("latin"), QStringLiteral("l1"), QStringLiteral("iso-latin-1"),
                                       QStringLiteral("iso-ir-100"), QStringLiteral("ibm819"), QStringLiteral("csisolatin1")};
    static const QStringList ascii = {QStringLiteral("ascii"), QStringLiteral("us-ascii"), QStringLiteral("646"),
                                      QStringLiteral("us")};
    // Python's tokenizer reads "utf-8-…", "latin-1-…" and "iso-8859-1-…" as those codings.
    const auto family = [&](const QStringList &names) {
        for (const QString &name : names)
            if (encoding == name || encoding.startsWith(name + QLatin1Char('-')))
                return true;
        return false;
    };
    const auto badByte = [&](qsizetype at, const QString &what) {
        int line = 1;
        for (qsizetype k = 0; k < at; ++k)
            line += bytes.at(k) == '\n';
        return Error::input(QStringLiteral("The revision file is not %1 text (byte 0x%2).")
                                .arg(what, QString::number(uchar(bytes.at(at)), 16).toUpper()),
                            path, line, 0,
                            QStringLiteral("Expected the file in the coding its first lines declare (UTF-8 when none)."));
    };
    if (family(utf8)) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder(bytes);
        if (decoder.hasError()) {
            const qsizetype bad = text.indexOf(QChar::ReplacementCharacter);
            return badByte(qMax<qsizetype>(0, QString(text.left(bad)).toUtf8().size()), QStringLiteral("UTF-8"));
        }
        return text;
    }
    if (bom)
        return Error::input(QStringLiteral("The revision file starts with a UTF-8 byte order mark but declares coding %1.")
                                .arg(encoding),
                            path, codingLine, 0, QStringLiteral("Expected one coding: remove the mark or the coding line."));
    if (family(latin1))
        return QString::fromLatin1(bytes);
    if (family(ascii)) {
        for (qsizetype k = 0; k < bytes.size(); ++k)
            if (uchar(bytes.at(k)) >= 0x80)
                return badByte(k, QStringLiteral("ASCII"));
        return QString::fromLatin1(bytes);
    }
    return Error::input(QStringLiteral("The revision file declares coding %1, which Stratum does not read.").arg(encoding),
                        path, codingLine, 0,
                        QStringLiteral("Expected UTF-8, Latin-1 or ASCII; save the file as UTF-8."));
}

// --- Imports --------------------------------------------------------------------------------

PyImportResolver::PyImportResolver(const QString &path)
{
    QDir dir = QFileInfo(path).absoluteDir();
    for (;;) {
        m_roots << dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
}

PyImportResolver::~PyImportResolver() = default;

std::optional<PyImportResolver::Located> PyImportResolver::locate(const QString &module) const
{
    if (module.isEmpty())
        return std::nullopt;
    const QString relative = QString(module).replace(QLatin1Char('.'), QLatin1Char('/'));
    const QString top = module.section(QLatin1Char('.'), 0, 0);
    for (const QString &root : m_roots) {
        if (!QFileInfo(root + QLatin1Char('/') + top).isDir() && !QFileInfo(root + QLatin1Char('/') + top + QLatin1String(".py")).isFile())
            continue;
        const QString base = root + QLatin1Char('/') + relative;
        if (QFileInfo(base).isDir()) {
            const QString init = base + QLatin1String("/__init__.py");
            return Located{QFileInfo(init).isFile() ? init : QString(), base};
        }
        if (QFileInfo(base + QLatin1String(".py")).isFile())
            return Located{base + QLatin1String(".py"), QString()};
    }
    return std::nullopt;
}

const Result<PyModule> *PyImportResolver::load(const QString &module, const Located &where)
{
    if (where.file.isEmpty() || m_loading.contains(module))
        return nullptr;
    auto cached = m_modules.value(module);
    if (!cached) {
        m_loading << module;
        QFile file(where.file);
        Result<QString> text = file.open(QIODevice::ReadOnly)
                                   ? decodePythonSource(file.readAll(), where.file)
                                   : Result<QString>(Error::input(file.errorString(), where.file));
        const QString package = where.folder.isEmpty() ? module.section(QLatin1Char('.'), 0, -2) : module;
        cached = std::make_shared<Result<PyModule>>(text ? runModule(*text, where.file, module, package, this)
                                                         : Result<PyModule>(text.error()));
        m_loading.removeAll(module);
        m_modules.insert(module, cached);
    }
    return cached.get();
}

std::optional<QStringList> PyImportResolver::names(const QString &module)
{
    const std::optional<Located> where = locate(module);
    const Result<PyModule> *loaded = where ? load(module, *where) : nullptr;
    if (!loaded || !*loaded)
        return std::nullopt;
    QStringList out;
    for (auto it = (*loaded)->names.constBegin(); it != (*loaded)->names.constEnd(); ++it)
        if (!it.key().startsWith(QLatin1Char('_')))
            out << it.key();
    return out;
}

PyValue PyImportResolver::attribute(const QString &module, const QString &name, int depth)
{
    // typing.TYPE_CHECKING is False whenever a module runs.
    if (module == QLatin1String("typing") && name == QLatin1String("TYPE_CHECKING")) {
        PyValue v;
        v.kind = PyValue::Bool;
        return v;
    }
    const std::optional<Located> where = locate(module);
    if (!where)
        return PyValue::unknown(QStringLiteral("module `%1` is not in the project's source tree").arg(module));
    if (!where->file.isEmpty()) {
        const Result<PyModule> *loaded = load(module, *where);
        if (!loaded)
            return PyValue::unknown(QStringLiteral("module `%1` imports itself in a cycle").arg(module));
        if (!*loaded)
            return PyValue::unknown(QStringLiteral("module `%1` cannot be read: %2").arg(module, loaded->error().toString()));
        if (const auto found = (*loaded)->names.constFind(name); found != (*loaded)->names.constEnd())
            return resolveAt(*found, depth + 1);
    }
    if (!where->folder.isEmpty() && locate(module + QLatin1Char('.') + name)) {
        PyValue v;
        v.kind = PyValue::Module;
        v.text = module + QLatin1Char('.') + name;
        return v;
    }
    return PyValue::unknown(QStringLiteral("module `%1` (%2) defines no `%3`")
                                .arg(module, where->file.isEmpty() ? where->folder : where->file, name));
}

PyValue PyImportResolver::resolveAt(const PyValue &value, int depth)
{
    if (depth > 32)
        return PyValue::unknown(QStringLiteral("imports nest too deeply"), value.line, value.column);
    if (value.kind == PyValue::Import) {
        PyValue v = attribute(value.text, value.name, depth);
        if (v.kind == PyValue::Unknown && v.line == 0) {
            v.line = value.line;
            v.column = value.column;
        }
        return v;
    }
    if (isSequence(value)) {
        PyValue v = value;
        for (PyValue &item : v.items)
            item = resolveAt(item, depth + 1);
        return v;
    }
    return value;
}

PyValue PyImportResolver::resolve(const PyValue &value)
{
    return resolveAt(value, 0);
}

QString pythonStrip(const QString &text)
{
    const auto space = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x20) || u == 0x85 || u == 0xA0 || u == 0x1680
               || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F
               || u == 0x3000;
    };
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && space(text.at(begin)))
        ++begin;
    while (end > begin && space(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

} // namespace Stratum::Internal
