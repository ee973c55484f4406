// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/schemaunits_p.h"

#include "stratum/schema/statementreader_p.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <set>

namespace Stratum::Internal {

namespace {

// What one statement does, as far as grouping goes.
struct Classified
{
    enum Kind { Prelude, Object, Unsupported };
    Kind kind = Unsupported;
    QString owner;       ///< case-folded name of the object the statement builds or changes
    bool creates = false;
    bool plainTable = false;   ///< CREATE TABLE name (…) without PARTITION, INHERITS, LIKE or AS
    QString index;       ///< CREATE INDEX: the index's name, for COMMENT ON / ALTER INDEX
    QString joins;       ///< an object the statement ties to the owner (OWNED BY, ATTACH PARTITION)
};

using Reader = StatementReader;

// The case-folded name at the reader, its last part.
QString folded(Reader &r)
{
    return r.name().toCaseFolded();
}

// The name after the pair \a first \a second, anywhere: ATTACH PARTITION x.
QString nameAfter(Reader &r, const char *first, const char *second)
{
    for (r.setPosition(0); !r.atEnd(); r.skip())
        if (r.peek(first) && r.peek(second, 1)) {
            r.skip(2);
            return folded(r);
        }
    return {};
}

Classified unsupported() { return {}; }

Classified object(const QString &owner, bool creates = false)
{
    Classified c;
    c.kind = owner.isEmpty() ? Classified::Unsupported : Classified::Object;
    c.owner = owner;
    c.creates = creates;
    return c;
}

// A rename or a move to another schema changes which name stands for what.
bool renamesObject(const Reader &r)
{
    return r.contains("RENAME", "TO") || r.contains("SET", "SCHEMA") || r.contains("DETACH");
}

Classified classifyCreate(Reader &r, const QString &sql)
{
    r.acceptAll({"OR", "REPLACE"});
    // MySQL's view and routine clauses before the kind.
    for (int guard = 0; guard < 4; ++guard) {
        if (r.accept("DEFINER")) {
            r.skip();   // =
            while (!r.atEnd() && !r.peek("TRIGGER") && !r.peek("VIEW") && !r.peek("FUNCTION") && !r.peek("PROCEDURE")
                   && !r.peek("SQL") && !r.peek("EVENT"))
                r.skip();
        } else if (r.accept("ALGORITHM")) {
            r.skip(2);
        } else if (r.acceptAll({"SQL", "SECURITY"})) {
            r.skip();
        }
    }
    if (r.peek("TEMP") || r.peek("TEMPORARY") || r.peek("GLOBAL") || r.peek("LOCAL") || r.peek("VIRTUAL"))
        return unsupported();
    const bool unlogged = r.accept("UNLOGGED");
    if (r.accept("TABLE")) {
        r.acceptAll({"IF", "NOT", "EXISTS"});
        Classified c = object(folded(r), true);
        static const QRegularExpression derived(QStringLiteral("\\b(PARTITION\\s+(OF|BY)|INHERITS|LIKE|AS\\s+SELECT|AS\\s+\\()"),
                                                QRegularExpression::CaseInsensitiveOption);
        c.plainTable = !unlogged && !derived.match(sql).hasMatch();
        return c;
    }
    if (unlogged)
        return unsupported();
    if (r.accept("RECURSIVE") || r.peek("VIEW") || r.peek("MATERIALIZED")) {
        r.accept("MATERIALIZED");
        if (!r.accept("VIEW"))
            return unsupported();
        r.acceptAll({"IF", "NOT", "EXISTS"});
        return object(folded(r), true);
    }
    if (r.accept("SEQUENCE") || r.accept("TYPE") || r.accept("DOMAIN") || r.accept("FUNCTION") || r.accept("PROCEDURE")) {
        r.acceptAll({"IF", "NOT", "EXISTS"});
        Classified c = object(folded(r), true);
        if (r.contains("OWNED", "BY")) {
            // OWNED BY table.column: the table's reflection reads the sequence as its own.
            r.seek("OWNED");
            r.skip();   // BY
            const QStringList column = r.nameParts();
            if (column.size() < 2)
                return unsupported();
            c.joins = column.at(column.size() - 2).toCaseFolded();
        }
        return c;
    }
    r.accept("UNIQUE") || r.accept("FULLTEXT") || r.accept("SPATIAL");
    if (r.accept("INDEX")) {
        r.accept("CONCURRENTLY");
        r.acceptAll({"IF", "NOT", "EXISTS"});
        QString index;
        if (!r.peek("ON"))
            index = folded(r);
        if (!r.seek("ON"))
            return unsupported();
        r.accept("ONLY");
        Classified c = object(folded(r));
        c.index = index;
        return c;
    }
    r.accept("CONSTRAINT");
    if (r.accept("TRIGGER")) {
        r.acceptAll({"IF", "NOT", "EXISTS"});
        if (r.name().isEmpty() || !r.seek("ON"))
            return unsupported();
        return object(folded(r));
    }
    if (r.peek("SCHEMA") || r.peek("EXTENSION")) {
        Classified c;
        c.kind = Classified::Prelude;
        return c;
    }
    return unsupported();
}

Classified classifyAlter(Reader &r, const QHash<QString, QString> &indexOwners)
{
    if (renamesObject(r))
        return unsupported();
    if (r.accept("TABLE")) {
        r.acceptAll({"IF", "EXISTS"});
        r.accept("ONLY");
        Classified c = object(folded(r));
        c.joins = nameAfter(r, "ATTACH", "PARTITION");
        return c;
    }
    if (r.accept("INDEX")) {
        r.acceptAll({"IF", "EXISTS"});
        return object(indexOwners.value(folded(r)));
    }
    r.accept("MATERIALIZED");
    if (r.accept("VIEW") || r.accept("SEQUENCE") || r.accept("TYPE") || r.accept("DOMAIN") || r.accept("FUNCTION")
        || r.accept("PROCEDURE")) {
        r.acceptAll({"IF", "EXISTS"});
        if (r.contains("OWNED", "BY"))
            return unsupported();   // ALTER SEQUENCE … OWNED BY: kept whole
        return object(folded(r));
    }
    return unsupported();
}

Classified classifyComment(Reader &r, const QHash<QString, QString> &indexOwners)
{
    if (!r.accept("ON"))
        return unsupported();
    if (r.accept("COLUMN")) {
        const QStringList parts = r.nameParts();
        return parts.size() < 2 ? unsupported() : object(parts.at(parts.size() - 2).toCaseFolded());
    }
    if (r.accept("INDEX"))
        return object(indexOwners.value(folded(r)));
    if (r.accept("CONSTRAINT") || r.accept("TRIGGER") || r.accept("POLICY") || r.accept("RULE")) {
        if (r.name().isEmpty() || !r.accept("ON"))
            return unsupported();
        r.accept("DOMAIN");
        return object(folded(r));
    }
    if (r.peek("SCHEMA") || r.peek("EXTENSION")) {
        Classified c;
        c.kind = Classified::Prelude;
        return c;
    }
    r.accept("MATERIALIZED");
    if (r.accept("TABLE") || r.accept("VIEW") || r.accept("SEQUENCE") || r.accept("TYPE") || r.accept("DOMAIN")
        || r.accept("FUNCTION") || r.accept("PROCEDURE"))
        return object(folded(r));
    return unsupported();
}

Classified classify(const QString &sql, const QHash<QString, QString> &indexOwners)
{
    // What decides the kind and the owner is at the start, except for ALTER (RENAME … TO,
    // OWNED BY, ATTACH PARTITION anywhere) and CREATE TRIGGER (ON after the events).
    static const QRegularExpression whole(QStringLiteral("^\\s*(ALTER|CREATE\\s+(OR\\s+REPLACE\\s+)?(CONSTRAINT\\s+)?TRIGGER|CREATE\\s+DEFINER)\\b|\\bOWNED\\s+BY\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    Reader r(sql, whole.match(sql).hasMatch() ? -1 : 24);
    if (r.accept("CREATE"))
        return classifyCreate(r, sql);
    if (r.accept("ALTER"))
        return classifyAlter(r, indexOwners);
    if (r.accept("COMMENT"))
        return classifyComment(r, indexOwners);
    if (r.peek("SET")) {
        Classified c;
        c.kind = Classified::Prelude;
        return c;
    }
    return unsupported();
}

// Union-find over unit numbers.
struct Groups
{
    QList<qsizetype> parent;
    qsizetype add()
    {
        parent << parent.size();
        return parent.size() - 1;
    }
    qsizetype find(qsizetype x)
    {
        while (parent.at(x) != x)
            x = parent[x] = parent.at(parent.at(x));
        return x;
    }
    void unite(qsizetype a, qsizetype b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);   // the earlier one stays the root
    }
};

} // namespace

QSet<QString> mentionedNames(const QString &sql)
{
    QSet<QString> out;
    const qsizetype size = sql.size();
    const auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$'); };
    for (qsizetype i = 0; i < size;) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('`')) {
            // A quoted name; a doubled quote stands for one.
            QString name;
            qsizetype j = i + 1;
            for (; j < size; ++j) {
                if (sql.at(j) == c) {
                    if (j + 1 < size && sql.at(j + 1) == c) {
                        name += c;
                        ++j;
                        continue;
                    }
                    break;
                }
                name += sql.at(j);
            }
            if (!name.isEmpty())
                out.insert(name.toCaseFolded());
            i = j + 1;
        } else if (isWord(c)) {
            qsizetype j = i + 1;
            while (j < size && isWord(sql.at(j)))
                ++j;
            out.insert(sql.mid(i, j - i).toCaseFolded());
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

std::optional<SchemaUnits> splitIntoUnits(const QList<SourcedStatement> &statements)
{
    SchemaUnits out;
    Groups groups;
    QHash<QString, qsizetype> unitOfName;     // case-folded name → its first unit number
    QHash<QString, qsizetype> createdAt;      // name → statement that first creates it
    QHash<QString, QString> indexOwners;      // index name → its table
    QList<qsizetype> ownerOf(statements.size(), -1);
    QList<bool> plain;                        // per unit number: its CREATE is a plain table
    QList<Classified> classified;
    classified.reserve(statements.size());

    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Classified c = classify(statements.at(i).statement.text, indexOwners);
        classified << c;
        if (c.kind == Classified::Unsupported)
            return std::nullopt;
        if (c.kind == Classified::Prelude) {
            if (!createdAt.isEmpty())
                return std::nullopt;   // run in file order only: it may change what came before
            out.prelude << i;
            continue;
        }
        if (!unitOfName.contains(c.owner)) {
            if (!c.creates)
                return std::nullopt;   // changes what the schema does not create (or not yet)
            unitOfName.insert(c.owner, groups.add());
            createdAt.insert(c.owner, i);
            plain << c.plainTable;
        } else if (c.creates) {
            plain[unitOfName.value(c.owner)] = false;   // created twice: overloads, IF NOT EXISTS …
        }
        ownerOf[i] = unitOfName.value(c.owner);
        if (!c.index.isEmpty())
            indexOwners.insert(c.index, c.owner);
        if (!c.joins.isEmpty()) {
            if (!unitOfName.contains(c.joins))
                return std::nullopt;
            groups.unite(ownerOf[i], unitOfName.value(c.joins));
            plain[ownerOf[i]] = plain[unitOfName.value(c.joins)] = false;
        }
    }

    // Dependencies: the units whose names a statement mentions, each created before it.
    QList<QSet<qsizetype>> edges(plain.size());
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (ownerOf.at(i) < 0)
            continue;
        for (const QString &name : mentionedNames(statements.at(i).statement.text)) {
            qsizetype target = unitOfName.value(name, -1);
            if (target < 0 && indexOwners.contains(name))
                target = unitOfName.value(indexOwners.value(name), -1);
            if (target < 0 || target == ownerOf.at(i))
                continue;
            if (createdAt.value(name, createdAt.value(indexOwners.value(name))) > i)
                return std::nullopt;   // named before it exists: the full normalisation says what happens
            edges[ownerOf.at(i)].insert(target);
        }
    }

    // Units that name each other in a cycle are one unit.
    const qsizetype n = plain.size();
    QList<qsizetype> index(n, -1), low(n, 0);
    QList<bool> onStack(n, false);
    QList<qsizetype> stack;
    qsizetype counter = 0;
    std::function<void(qsizetype)> connect = [&](qsizetype v) {
        index[v] = low[v] = counter++;
        stack << v;
        onStack[v] = true;
        for (qsizetype w : std::as_const(edges[v])) {
            if (index.at(w) < 0) {
                connect(w);
                low[v] = std::min(low.at(v), low.at(w));
            } else if (onStack.at(w)) {
                low[v] = std::min(low.at(v), index.at(w));
            }
        }
        if (low.at(v) == index.at(v)) {
            qsizetype w = -1;
            do {
                w = stack.takeLast();
                onStack[w] = false;
                if (w != v) {
                    groups.unite(v, w);
                    plain[v] = plain[w] = false;
                }
            } while (w != v);
        }
    };
    for (qsizetype v = 0; v < n; ++v)
        if (index.at(v) < 0)
            connect(v);

    // One unit per group, in an order where each comes after what it depends on (among the
    // ready ones, the one whose first statement comes first).
    QHash<qsizetype, QList<qsizetype>> statementsOfGroup;
    QList<qsizetype> groupOrder;   // groups by first statement
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (ownerOf.at(i) < 0)
            continue;
        const qsizetype group = groups.find(ownerOf.at(i));
        if (!statementsOfGroup.contains(group))
            groupOrder << group;
        statementsOfGroup[group] << i;
    }
    QHash<qsizetype, QSet<qsizetype>> needs;     // group → groups it depends on
    QHash<qsizetype, QList<qsizetype>> neededBy;
    for (qsizetype v = 0; v < n; ++v) {
        const qsizetype from = groups.find(v);
        for (qsizetype w : std::as_const(edges[v])) {
            const qsizetype to = groups.find(w);
            if (to != from && !needs[from].contains(to)) {
                needs[from].insert(to);
                neededBy[to] << from;
            }
        }
    }
    QHash<qsizetype, qsizetype> unitOfGroup;
    QHash<qsizetype, qsizetype> waiting;
    std::set<std::pair<qsizetype, qsizetype>> ready;   // (rank = place of the first statement, group)
    QHash<qsizetype, qsizetype> rank;
    for (qsizetype g = 0; g < groupOrder.size(); ++g) {
        rank.insert(groupOrder.at(g), g);
        waiting.insert(groupOrder.at(g), needs.value(groupOrder.at(g)).size());
        if (waiting.value(groupOrder.at(g)) == 0)
            ready.insert({g, groupOrder.at(g)});
    }
    while (!ready.empty()) {
        const qsizetype group = ready.begin()->second;
        ready.erase(ready.begin());
        unitOfGroup.insert(group, out.units.size());
        SchemaUnit unit;
        unit.statements = statementsOfGroup.value(group);
        out.units << unit;
        for (qsizetype next : neededBy.value(group))
            if (--waiting[next] == 0)
                ready.insert({rank.value(next), next});
    }
    if (out.units.size() != groupOrder.size())
        return std::nullopt;   // a cycle left: cannot happen after the merge above
    for (auto it = unitOfName.cbegin(); it != unitOfName.cend(); ++it)
        out.units[unitOfGroup.value(groups.find(it.value()))].names.insert(it.key());
    for (auto it = needs.cbegin(); it != needs.cend(); ++it)
        for (qsizetype to : it.value())
            out.units[unitOfGroup.value(it.key())].dependencies << unitOfGroup.value(to);
    for (qsizetype u = 0; u < out.units.size(); ++u) {
        SchemaUnit &unit = out.units[u];
        std::sort(unit.dependencies.begin(), unit.dependencies.end());
        const qsizetype first = ownerOf.at(unit.statements.first());
        unit.plainTable = unit.names.size() == 1 && plain.at(first)
                          && std::all_of(unit.dependencies.begin(), unit.dependencies.end(),
                                         [&out](qsizetype d) { return out.units.at(d).plainTable; });
    }
    return out;
}

} // namespace Stratum::Internal
