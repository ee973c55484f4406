// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/ddlschedule_p.h"

#include "stratum/schema/ddltokens_p.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Stratum::Internal {

namespace {

// Both engines derive implicit names from the table's name, cut to no less than about 26
// characters when the whole would be longer than the 63 (PostgreSQL) or 64 (MariaDB) allowed.
constexpr qsizetype kImplicitPrefix = 24;

// Names are compared by their hashes: two names with the same hash only order two statements
// that need not be, and 30,000 statements' names as strings would take a hundred megabytes.
constexpr size_t kExactSeed = 0;
constexpr size_t kPrefixSeed = 1;

struct Statement
{
    enum Kind { Table, Index, Barrier, Session };
    Kind kind = Barrier;
    QString table;          // Table, Index: the table's name, case-folded
    QStringList claims;     // names it gives objects, case-folded
    QList<size_t> lookups;  // what to look the claims up by: each name in it (claims too),
                            // its beginnings up to each '_', its first kImplicitPrefix characters
};

bool isNameToken(const DdlToken &token)
{
    return token.kind == DdlToken::Word || token.kind == DdlToken::QuotedName;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// An unqualified name at \a i (not followed by '.'), case-folded, and moves past it.
std::optional<QString> plainName(const QList<DdlToken> &tokens, qsizetype &i)
{
    if (i >= tokens.size() || !isNameToken(tokens.at(i)))
        return std::nullopt;
    if (i + 1 < tokens.size() && tokens.at(i + 1).isSymbol('.'))
        return std::nullopt;
    return tokens.at(i++).identifier().toCaseFolded();
}

bool skipIfNotExists(const QList<DdlToken> &tokens, qsizetype &i)
{
    if (i + 2 < tokens.size() && tokens.at(i).is("IF") && tokens.at(i + 1).is("NOT") && tokens.at(i + 2).is("EXISTS")) {
        i += 3;
        return true;
    }
    return false;
}

// CREATE TABLE [IF NOT EXISTS] t ( …
bool readCreateTable(const QList<DdlToken> &tokens, Statement &s)
{
    qsizetype i = 2;
    skipIfNotExists(tokens, i);
    const std::optional<QString> name = plainName(tokens, i);
    if (!name || i >= tokens.size() || !tokens.at(i).isSymbol('('))
        return false;
    s.kind = Statement::Table;
    s.table = *name;
    s.claims << *name;
    return true;
}

// CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] [USING m] ON [ONLY] t …
bool readCreateIndex(const QList<DdlToken> &tokens, Statement &s)
{
    qsizetype i = 1;
    if (i < tokens.size() && (tokens.at(i).is("UNIQUE") || tokens.at(i).is("FULLTEXT") || tokens.at(i).is("SPATIAL")))
        ++i;
    if (i >= tokens.size() || !tokens.at(i).is("INDEX"))
        return false;
    ++i;
    if (i < tokens.size() && tokens.at(i).is("CONCURRENTLY"))
        ++i;
    const bool ifNotExists = skipIfNotExists(tokens, i);
    if (i < tokens.size() && !tokens.at(i).is("ON")) {
        const std::optional<QString> name = plainName(tokens, i);
        if (!name)
            return false;
        s.claims << *name;
    } else if (ifNotExists) {
        return false;
    }
    if (i + 1 < tokens.size() && tokens.at(i).is("USING"))
        i += 2;
    if (i >= tokens.size() || !tokens.at(i).is("ON"))
        return false;
    ++i;
    if (i < tokens.size() && tokens.at(i).is("ONLY"))
        ++i;
    const std::optional<QString> table = plainName(tokens, i);
    if (!table)
        return false;
    s.kind = Statement::Index;
    s.table = *table;
    return true;
}

void addLookups(QList<size_t> &lookups, const QString &name)
{
    lookups << qHash(name, kExactSeed);
    for (qsizetype at = name.indexOf(QLatin1Char('_'), 1); at > 0; at = name.indexOf(QLatin1Char('_'), at + 1))
        lookups << qHash(QStringView(name).left(at), kExactSeed);
    if (name.size() >= kImplicitPrefix)
        lookups << qHash(QStringView(name).left(kImplicitPrefix), kPrefixSeed);
}

Statement classify(const QString &sql)
{
    Statement s;
    const QList<DdlToken> tokens = tokenizeDdl(sql);
    if (tokens.isEmpty())
        return Statement{Statement::Session, {}, {}, {}};   // e.g. MariaDB's /*!40101 SET … */
    const DdlToken &first = tokens.first();
    if (first.is("CREATE")) {
        for (qsizetype i = 1; i < qMin<qsizetype>(tokens.size(), 5); ++i)
            if (tokens.at(i).is("TEMP") || tokens.at(i).is("TEMPORARY"))
                s.kind = Statement::Session;
        if (s.kind != Statement::Session && tokens.size() > 2) {
            if (!(tokens.at(1).is("TABLE") && readCreateTable(tokens, s)))
                readCreateIndex(tokens, s);
        }
    } else if (first.is("ALTER")) {
        if (tokens.size() > 1
            && (tokens.at(1).is("SYSTEM") || tokens.at(1).is("SESSION") || tokens.at(1).is("DATABASE")
                || tokens.at(1).is("ROLE") || tokens.at(1).is("USER")))
            s.kind = Statement::Session;
    } else if (!(first.is("COMMENT") || first.is("DROP") || first.is("GRANT") || first.is("REVOKE")
                 || first.is("INSERT") || first.is("UPDATE") || first.is("DELETE") || first.is("TRUNCATE"))) {
        s.kind = Statement::Session;
    }
    if (s.kind == Statement::Session || s.kind == Statement::Barrier)
        return s;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const DdlToken &token = tokens.at(i);
        if (isNameToken(token)) {
            addLookups(s.lookups, token.identifier().toCaseFolded());
            if (token.is("CONSTRAINT") && i + 1 < tokens.size() && isNameToken(tokens.at(i + 1)))
                s.claims << tokens.at(i + 1).identifier().toCaseFolded();
        } else if (token.kind == DdlToken::String) {
            // 'seq_name'::regclass, nextval('t_id_seq'): names in strings count too.
            const QStringView text = token.text;
            qsizetype start = -1;
            for (qsizetype c = 0; c <= text.size(); ++c) {
                const bool word = c < text.size() && isWordCharacter(text.at(c));
                if (word && start < 0)
                    start = c;
                else if (!word && start >= 0) {
                    addLookups(s.lookups, text.mid(start, c - start).toString().toCaseFolded());
                    start = -1;
                }
            }
        }
    }
    for (const QString &claim : std::as_const(s.claims))
        addLookups(s.lookups, claim);
    std::sort(s.lookups.begin(), s.lookups.end());
    s.lookups.erase(std::unique(s.lookups.begin(), s.lookups.end()), s.lookups.end());
    return s;
}

// The units of statements [begin, end) of one stretch between barriers, and their order.
class Segment
{
public:
    Segment(const QList<Statement> &statements, qsizetype begin, qsizetype end)
        : m_statements(statements), m_begin(begin), m_end(end)
    {
    }

    // Appends the segment's units to \a units, each after \a barrier (if >= 0).
    void plan(QList<DdlSchedule::Unit> &units, qsizetype barrier)
    {
        QHash<QString, qsizetype> byTable;   // table → local unit
        m_unitOf.resize(m_end - m_begin);
        for (qsizetype i = m_begin; i < m_end; ++i) {
            const QString &table = m_statements.at(i).table;
            auto it = byTable.constFind(table);
            if (it == byTable.constEnd()) {
                it = byTable.insert(table, m_local.size());
                m_local.append(DdlSchedule::Unit{});
            }
            m_local[*it].statements << i;
            m_unitOf[i - m_begin] = *it;
        }
        findEdges();
        if (!acyclic()) {
            DdlSchedule::Unit all;
            for (qsizetype i = m_begin; i < m_end; ++i)
                all.statements << i;
            m_local = {all};
            m_edges.clear();
        }
        const qsizetype base = units.size();
        for (qsizetype u = 0; u < m_local.size(); ++u) {
            DdlSchedule::Unit unit = m_local.at(u);
            if (barrier >= 0)
                unit.after << barrier;
            for (const qsizetype from : m_edges.value(u))
                unit.after << base + from;
            units.append(unit);
        }
    }

private:
    void claim(const QString &name, qsizetype statement)
    {
        m_claims[qHash(name, kExactSeed)] << statement;
        if (name.size() > kImplicitPrefix)
            m_claims[qHash(QStringView(name).left(kImplicitPrefix), kPrefixSeed)] << statement;
    }

    void order(qsizetype a, qsizetype b)
    {
        const qsizetype ua = m_unitOf.at(a - m_begin);
        const qsizetype ub = m_unitOf.at(b - m_begin);
        if (ua == ub)
            return;
        // The one that comes first in the script runs first.
        if (a < b)
            m_edges[ub].insert(ua);
        else
            m_edges[ua].insert(ub);
    }

    void findEdges()
    {
        for (qsizetype i = m_begin; i < m_end; ++i)
            for (const QString &name : m_statements.at(i).claims)
                claim(name, i);
        for (qsizetype i = m_begin; i < m_end; ++i) {
            for (const size_t lookup : m_statements.at(i).lookups) {
                const auto it = m_claims.constFind(lookup);
                if (it != m_claims.constEnd())
                    for (const qsizetype other : *it)
                        order(other, i);
            }
        }
    }

    bool acyclic() const
    {
        QList<int> waiting(m_local.size(), 0);
        QHash<qsizetype, QList<qsizetype>> next;
        for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
            waiting[it.key()] = int(it.value().size());
            for (const qsizetype from : it.value())
                next[from] << it.key();
        }
        QList<qsizetype> ready;
        for (qsizetype u = 0; u < m_local.size(); ++u)
            if (waiting.at(u) == 0)
                ready << u;
        qsizetype seen = 0;
        while (!ready.isEmpty()) {
            const qsizetype u = ready.takeLast();
            ++seen;
            for (const qsizetype v : next.value(u))
                if (--waiting[v] == 0)
                    ready << v;
        }
        return seen == m_local.size();
    }

    const QList<Statement> &m_statements;
    qsizetype m_begin;
    qsizetype m_end;
    QList<DdlSchedule::Unit> m_local;
    QList<qsizetype> m_unitOf;
    QHash<size_t, QList<qsizetype>> m_claims;   // name hash → statements that claim it
    QHash<qsizetype, QSet<qsizetype>> m_edges;   // unit → units it waits for
};

} // namespace

std::optional<DdlSchedule> DdlSchedule::plan(const QStringList &statements)
{
    QList<Statement> classified;
    classified.reserve(statements.size());
    for (const QString &sql : statements) {
        classified.append(classify(sql));
        if (classified.last().kind == Statement::Session)
            return std::nullopt;
    }
    DdlSchedule schedule;
    qsizetype barrier = -1;
    qsizetype begin = 0;
    const auto closeSegment = [&](qsizetype end) {
        if (begin < end)
            Segment(classified, begin, end).plan(schedule.units, barrier);
    };
    for (qsizetype i = 0; i < classified.size(); ++i) {
        if (classified.at(i).kind != Statement::Barrier)
            continue;
        const qsizetype first = schedule.units.size();
        closeSegment(i);
        Unit unit{{i}, {}};
        if (first == schedule.units.size() && barrier >= 0)
            unit.after << barrier;
        for (qsizetype u = first; u < schedule.units.size(); ++u)
            unit.after << u;
        barrier = schedule.units.size();
        schedule.units.append(unit);
        begin = i + 1;
    }
    closeSegment(classified.size());
    return schedule;
}

} // namespace Stratum::Internal
