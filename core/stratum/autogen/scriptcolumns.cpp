// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/scriptcolumns.h"

#include "stratum/schema/statementreader_p.h"

namespace Stratum {

namespace {

using Internal::DdlToken;
using Internal::StatementReader;
using Internal::tableKey;

// What opens a table constraint (or a MySQL index) instead of a column, in CREATE TABLE and
// after ADD / DROP in ALTER TABLE.
bool isConstraint(const DdlToken &token)
{
    if (token.kind != DdlToken::Word)
        return false;
    for (const char *keyword : {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "KEY", "INDEX",
                                "FULLTEXT", "SPATIAL", "PERIOD", "PARTITION"})
        if (token.is(keyword))
            return true;
    return false;
}

qsizetype indexOf(const QStringList &columns, const QString &name)
{
    for (qsizetype i = 0; i < columns.size(); ++i)
        if (columns.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

} // namespace

void ScriptColumns::setColumns(const QString &table, const QStringList &columns)
{
    m_tables.insert(tableKey(table), columns);
}

std::optional<QStringList> ScriptColumns::columns(const QString &table) const
{
    const auto it = m_tables.constFind(tableKey(table));
    if (it == m_tables.constEnd())
        return std::nullopt;
    return *it;
}

void ScriptColumns::apply(const QList<SqlStatement> &statements)
{
    for (const SqlStatement &statement : statements)
        apply(statement.text);
}

void ScriptColumns::apply(const QString &statement)
{
    StatementReader r(statement);
    const QList<DdlToken> &tokens = r.tokens();
    const auto moveTable = [this](const QString &from, const QString &to) {
        const auto it = m_tables.constFind(tableKey(from));
        if (it == m_tables.constEnd()) {
            m_tables.remove(tableKey(to));
            return;
        }
        const QStringList columns = *it;
        m_tables.remove(tableKey(from));
        m_tables.insert(tableKey(to), columns);
    };

    if (r.accept("CREATE")) {
        while (r.accept("TEMP") || r.accept("TEMPORARY") || r.accept("GLOBAL") || r.accept("LOCAL")
               || r.accept("UNLOGGED")) {
        }
        if (!r.accept("TABLE"))
            return;
        const bool ifNotExists = r.acceptAll({"IF", "NOT", "EXISTS"});
        const QString table = r.name();
        if (table.isEmpty() || (ifNotExists && m_tables.contains(tableKey(table))))
            return;
        m_tables.remove(tableKey(table));
        if (!r.peekSymbol('('))
            return;   // AS SELECT, PARTITION OF: not told here
        const qsizetype open = r.position();
        const qsizetype close = Internal::matchingParenthesis(tokens, open);
        QStringList columns;
        for (const auto &[begin, end] : Internal::splitTopLevel(tokens, open + 1, close)) {
            if (begin >= end || isConstraint(tokens.at(begin)))
                continue;
            if (tokens.at(begin).is("LIKE"))
                return;
            columns << tokens.at(begin).identifier();
        }
        for (qsizetype i = close + 1; i < tokens.size(); ++i)
            if (tokens.at(i).is("INHERITS"))
                return;
        m_tables.insert(tableKey(table), columns);
        return;
    }

    if (r.acceptAll({"DROP", "TABLE"})) {
        r.acceptAll({"IF", "EXISTS"});
        do {
            const QString table = r.name();
            if (table.isEmpty())
                return;
            m_tables.remove(tableKey(table));
        } while (r.acceptSymbol(','));
        return;
    }

    if (r.acceptAll({"RENAME", "TABLE"})) {   // MySQL: RENAME TABLE a TO b, c TO d
        do {
            const QString from = r.name();
            if (from.isEmpty() || !r.accept("TO"))
                return;
            moveTable(from, r.name());
        } while (r.acceptSymbol(','));
        return;
    }

    if (!r.acceptAll({"ALTER", "TABLE"}))
        return;
    r.acceptAll({"IF", "EXISTS"});
    r.accept("ONLY");
    QString table = r.name();
    if (table.isEmpty())
        return;
    for (const auto &[begin, end] : Internal::splitTopLevel(tokens, r.position(), tokens.size())) {
        const auto is = [&tokens, end = end](qsizetype i, const char *keyword) {
            return i < end && tokens.at(i).is(keyword);
        };
        const auto isName = [&tokens, end = end](qsizetype i) {
            return i < end && (tokens.at(i).kind == DdlToken::Word || tokens.at(i).kind == DdlToken::QuotedName);
        };
        qsizetype i = begin;
        const auto columns = m_tables.find(tableKey(table));
        if (is(i, "RENAME") && (is(i + 1, "TO") || is(i + 1, "AS"))) {
            r.setPosition(i + 2);
            const QString to = r.name();
            moveTable(table, to);
            table = to;
            continue;
        }
        if (columns == m_tables.end())
            continue;
        if (is(i, "ADD")) {
            ++i;
            if (i < end && isConstraint(tokens.at(i)))
                continue;
            if (is(i, "COLUMN"))
                ++i;
            if (is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS"))
                i += 3;
            if (!isName(i)) {   // MySQL's ADD (a INT, b INT)
                m_tables.erase(columns);
                continue;
            }
            if (indexOf(*columns, tokens.at(i).identifier()) < 0)
                columns->append(tokens.at(i).identifier());
        } else if (is(i, "DROP")) {
            ++i;
            if (i < end && (isConstraint(tokens.at(i)) || tokens.at(i).is("DEFAULT")))
                continue;
            if (is(i, "COLUMN"))
                ++i;
            if (is(i, "IF") && is(i + 1, "EXISTS"))
                i += 2;
            const qsizetype at = isName(i) ? indexOf(*columns, tokens.at(i).identifier()) : -1;
            if (at >= 0)
                columns->removeAt(at);
        } else if (is(i, "RENAME") || is(i, "CHANGE")) {
            const bool change = is(i, "CHANGE");
            ++i;
            if (is(i, "CONSTRAINT") || is(i, "INDEX") || is(i, "KEY"))
                continue;
            if (is(i, "COLUMN"))
                ++i;
            if (!isName(i))
                continue;
            const qsizetype to = change ? i + 1 : (is(i + 1, "TO") ? i + 2 : -1);
            if (to < 0 || !isName(to)) {   // MySQL: RENAME new_name
                if (!change) {
                    moveTable(table, tokens.at(i).identifier());
                    table = tokens.at(i).identifier();
                }
                continue;
            }
            const qsizetype at = indexOf(*columns, tokens.at(i).identifier());
            if (at >= 0)
                (*columns)[at] = tokens.at(to).identifier();
        }
    }
}

} // namespace Stratum
