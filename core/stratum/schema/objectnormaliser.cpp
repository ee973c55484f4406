// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/objectnormaliser_p.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <algorithm>

namespace Stratum::Internal {

namespace {

// Entries kept beyond those a run used: the forms of objects on other branches.
constexpr qsizetype kSpareEntries = 256;

enum class NameKind { Relation, Index, Constraint };

struct NamedObject
{
    QString name;   // case-folded
    NameKind kind;
};

QList<NamedObject> namesOf(const Schema &fragment)
{
    QList<NamedObject> out;
    const auto add = [&out](const QString &name, NameKind kind) {
        if (!name.isEmpty())
            out << NamedObject{name.toCaseFolded(), kind};
    };
    for (const Table &t : fragment.tables) {
        add(t.name, NameKind::Relation);
        for (const Index &i : t.indexes)
            add(i.name, NameKind::Index);
        add(t.primaryKey.name, NameKind::Index);
        for (const UniqueConstraint &u : t.uniqueConstraints)
            add(u.name, NameKind::Index);
        for (const ForeignKey &f : t.foreignKeys)
            add(f.name, NameKind::Constraint);
        for (const CheckConstraint &c : t.checks)
            add(c.name, NameKind::Constraint);
    }
    for (const View &v : fragment.views) {
        add(v.name, NameKind::Relation);
        for (const Index &i : v.indexes)
            add(i.name, NameKind::Index);
    }
    for (const Sequence &s : fragment.sequences)
        add(s.name, NameKind::Relation);
    for (const Enum &e : fragment.enums)
        add(e.name, NameKind::Relation);
    for (const Domain &d : fragment.domains)
        add(d.name, NameKind::Relation);
    return out;
}

// Whether two objects of these kinds may not share a name in one database (schema).
bool sharedNamespace(const QString &dialect, NameKind a, NameKind b)
{
    if (dialect == QLatin1String("postgresql"))
        return a != NameKind::Constraint || b != NameKind::Constraint;   // FK and CHECK names are per table
    if (dialect == QLatin1String("sqlite"))
        return a != NameKind::Constraint && b != NameKind::Constraint;   // tables, views, indexes
    return (a == NameKind::Relation && b == NameKind::Relation)          // MySQL: indexes per table
           || (a == NameKind::Constraint && b == NameKind::Constraint);  // foreign keys per database
}

QString withoutNumber(const QString &name)
{
    qsizetype end = name.size();
    while (end > 0 && name.at(end - 1).isDigit())
        --end;
    return end < name.size() && end > 0 ? name.left(end) : QString();
}

// Calls \a f with each of a schema's lists of objects, as a member pointer, while it returns true.
template<typename F>
bool forEachObjectList(F &&f)
{
    return f(&Schema::tables) && f(&Schema::views) && f(&Schema::sequences) && f(&Schema::enums)
           && f(&Schema::domains) && f(&Schema::routines);
}

} // namespace

ObjectNormaliser::ObjectNormaliser(const QList<SourcedStatement> &statements, const SchemaCache &cache,
                                   const QByteArray &serverFingerprint, const QString &dialect)
    : m_statements(statements), m_cache(cache), m_server(serverFingerprint), m_dialect(dialect),
      m_units(splitIntoUnits(statements))
{
    if (!m_units) {
        stats.whyWhole = QStringLiteral("a statement changes objects it does not create, or names one created further down");
        return;
    }
    for (qsizetype u = 0; u < m_units->units.size(); ++u)
        for (const QString &name : m_units->units.at(u).names)
            m_unitOfName.insert(name, u);
    for (qsizetype i : std::as_const(m_units->prelude))
        m_preludeText += m_statements.at(i).statement.text.toUtf8() + '\n';
    m_keys.resize(m_units->units.size());
    m_signatures.resize(m_units->units.size());
    m_fragments.resize(m_units->units.size());
    stats.objects = m_units->units.size();
}

QByteArray ObjectNormaliser::preludeKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    SchemaCache::addToDigest(hash, "prelude");
    SchemaCache::addToDigest(hash, m_server);
    SchemaCache::addToDigest(hash, m_preludeText);
    return hash.result();
}

// A unit's statements alone: whether they were normalised before, whatever their dependencies.
QByteArray ObjectNormaliser::textKeyOf(qsizetype unit) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    SchemaCache::addToDigest(hash, "text");
    SchemaCache::addToDigest(hash, m_server);
    SchemaCache::addToDigest(hash, m_preludeText);
    for (qsizetype i : m_units->units.at(unit).statements)
        SchemaCache::addToDigest(hash, m_statements.at(i).statement.text.toUtf8());
    return "text:" + hash.result();
}

QByteArray ObjectNormaliser::keyOf(qsizetype unit)
{
    if (!m_keys.at(unit).isEmpty())
        return m_keys.at(unit);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    SchemaCache::addToDigest(hash, "unit");
    SchemaCache::addToDigest(hash, m_server);
    SchemaCache::addToDigest(hash, m_preludeText);
    const SchemaUnit &u = m_units->units.at(unit);
    for (qsizetype i : u.statements)
        SchemaCache::addToDigest(hash, m_statements.at(i).statement.text.toUtf8());
    SchemaCache::addToDigest(hash, "after");
    for (qsizetype d : u.dependencies)
        SchemaCache::addToDigest(hash, signatureOf(d));
    m_keys[unit] = hash.result();
    return m_keys.at(unit);
}

// What a unit's dependants see of it: a plain table is all in its reflected form; for
// anything else (a view's columns, a domain's base type …) its DDL and what that reads.
QByteArray ObjectNormaliser::signatureOf(qsizetype unit)
{
    if (!m_units->units.at(unit).plainTable)
        return "key:" + keyOf(unit);
    QByteArray &signature = m_signatures[unit];
    if (signature.isEmpty())
        signature = "form:" + SchemaCache::digest(*m_fragments.at(unit));
    return signature;
}

bool ObjectNormaliser::split(const Schema &reflected, Fragments &into) const
{
    return forEachObjectList([&](auto member) {
        for (const auto &object : reflected.*member) {
            const qsizetype unit = m_unitOfName.value(object.name.toCaseFolded(), -1);
            if (unit < 0)
                return false;
            if (!into[unit])
                into[unit] = Schema{};
            ((*into[unit]).*member) << object;
        }
        return true;
    });
}

ObjectNormaliser::NameIndex ObjectNormaliser::indexNames(const Fragments &fragments)
{
    NameIndex index;
    for (qsizetype u = 0; u < fragments.size(); ++u)
        if (fragments.at(u))
            for (const NamedObject &object : namesOf(*fragments.at(u)))
                index[object.name] << std::pair{u, int(object.kind)};
    return index;
}

bool ObjectNormaliser::names(qsizetype unit, const QString &name) const
{
    for (qsizetype i : m_units->units.at(unit).statements)
        if (m_statements.at(i).statement.text.contains(name, Qt::CaseInsensitive))
            return true;
    return false;
}

// Whether \a fragment of \a unit holds no name the engine chose by adding a number to the
// name of another unit's object: built beside other units, it might be named otherwise.
bool ObjectNormaliser::clean(qsizetype unit, const Schema &fragment, const NameIndex &index) const
{
    if (m_dialect != QLatin1String("postgresql"))
        return true;
    for (const NamedObject &object : namesOf(fragment)) {
        const QString base = withoutNumber(object.name);
        if (base.isEmpty() || names(unit, object.name))
            continue;
        const auto holders = index.value(base);
        if (std::any_of(holders.begin(), holders.end(), [unit](const auto &h) { return h.first != unit; }))
            return false;
    }
    return true;
}

bool ObjectNormaliser::namesAreSafe(const Fragments &fragments) const
{
    const NameIndex index = indexNames(fragments);
    const bool postgres = m_dialect == QLatin1String("postgresql");
    for (auto it = index.cbegin(); it != index.cend(); ++it) {
        const auto &list = it.value();
        for (qsizetype a = 0; a < list.size(); ++a)
            for (qsizetype b = a + 1; b < list.size(); ++b) {
                const auto &[unitA, kindA] = list.at(a);
                const auto &[unitB, kindB] = list.at(b);
                if (unitA == unitB)
                    continue;
                if (sharedNamespace(m_dialect, NameKind(kindA), NameKind(kindB)))
                    return false;
                // A name PostgreSQL chose avoids every constraint name of the schema.
                if (postgres && !(names(unitA, it.key()) && names(unitB, it.key())))
                    return false;
            }
    }
    for (qsizetype u = 0; u < fragments.size(); ++u)
        if (!clean(u, *fragments.at(u), index))
            return false;
    return true;
}

Schema ObjectNormaliser::join(const Fragments &fragments, const Schema &prelude) const
{
    Schema joined;
    joined.dialect = m_dialect;
    joined.schemas = prelude.schemas;
    joined.extensions = prelude.extensions;
    for (const std::optional<Schema> &f : fragments)
        forEachObjectList([&](auto member) {
            (joined.*member).append((*f).*member);
            return true;
        });
    joined.sort();
    return joined;
}

Result<std::optional<Schema>> ObjectNormaliser::run(DevDatabase &dev)
{
    if (!m_units)
        return std::optional<Schema>{};
    stats.byObject = true;
    const qsizetype count = m_units->units.size();
    if (count == 0) {
        stats.whyWhole = QStringLiteral("the schema creates no objects");
        return std::optional<Schema>{};
    }
    m_stored = m_cache.loadObjects(m_server);
    const QByteArray preludeId = preludeKey();
    std::optional<Schema> prelude;
    if (auto found = m_stored.constFind(preludeId); found != m_stored.constEnd()) {
        prelude = *found;
        m_used.insert(preludeId, *found);
    }
    // A unit whose statements are new or changed is normalised again; with more than half of
    // them so, one build of the whole schema is faster than building them apart.
    qsizetype changed = 0;
    for (qsizetype u = 0; u < count; ++u) {
        const QByteArray textKey = textKeyOf(u);
        if (!m_stored.contains(textKey))
            ++changed;
        m_used.insert(textKey, Schema{});
    }
    if (2 * changed > count) {
        stats.whyWhole = QStringLiteral("more than half of the objects are new or changed");
        return std::optional<Schema>{};
    }
    m_changed = changed > 0;
    QList<bool> applied(count, false);
    bool preludeApplied = false;
    for (;;) {
        QList<qsizetype> frontier;
        for (qsizetype u = 0; u < count; ++u) {
            if (m_fragments.at(u))
                continue;
            const QList<qsizetype> &deps = m_units->units.at(u).dependencies;
            if (std::any_of(deps.begin(), deps.end(), [this](qsizetype d) { return !m_fragments.at(d); }))
                continue;   // the next round, once they are known
            const QByteArray key = keyOf(u);
            if (auto found = m_stored.constFind(key); found != m_stored.constEnd()) {
                m_fragments[u] = *found;
                m_used.insert(key, *found);
                ++stats.reused;
            } else {
                frontier << u;
            }
        }
        if (frontier.isEmpty() && (prelude || preludeApplied))
            break;

        // The units to normalise, with what they depend on, in the order of the files.
        QList<bool> wanted(count, false);
        for (qsizetype u : std::as_const(frontier))
            wanted[u] = true;
        for (qsizetype u = count - 1; u >= 0; --u)
            if (wanted.at(u))
                for (qsizetype d : m_units->units.at(u).dependencies)
                    wanted[d] = true;
        QList<qsizetype> indexes;
        if (!preludeApplied)
            indexes = m_units->prelude;
        for (qsizetype u = 0; u < count; ++u)
            if (wanted.at(u) && !applied.at(u))
                indexes.append(m_units->units.at(u).statements);
        std::sort(indexes.begin(), indexes.end());
        QList<SourcedStatement> batch;
        batch.reserve(indexes.size());
        for (qsizetype i : std::as_const(indexes))
            batch << m_statements.at(i);
        if (!dev.executeAll(batch)) {
            stats.whyWhole = QStringLiteral("a statement failed on its own");
            return std::optional<Schema>{};
        }
        stats.statementsApplied += batch.size();
        for (qsizetype u = 0; u < count; ++u)
            applied[u] = applied.at(u) || wanted.at(u);
        preludeApplied = true;

        Result<Schema> reflected = dev.reflect();
        if (!reflected)
            return reflected.error();
        ++stats.rounds;
        Fragments now(count);
        if (!split(*reflected, now)) {
            stats.whyWhole = QStringLiteral("the dev database holds an object no statement names");
            return std::optional<Schema>{};
        }
        for (qsizetype u = 0; u < count; ++u) {
            if (!applied.at(u))
                continue;
            if (!now.at(u))
                now[u] = Schema{};
            if (m_fragments.at(u) && *m_fragments.at(u) != *now.at(u)) {
                stats.whyWhole = QStringLiteral("an object reads differently from its cached form");
                return std::optional<Schema>{};
            }
        }
        const NameIndex nowNames = indexNames(now);
        for (qsizetype u : std::as_const(frontier)) {
            m_fragments[u] = now.at(u);
            if (clean(u, *now.at(u), nowNames)) {
                m_used.insert(keyOf(u), *now.at(u));
                m_changed = true;
            }
        }
        Schema reflectedPrelude;
        reflectedPrelude.schemas = reflected->schemas;
        reflectedPrelude.extensions = reflected->extensions;
        if (prelude && *prelude != reflectedPrelude) {
            stats.whyWhole = QStringLiteral("the prelude reads differently from its cached form");
            return std::optional<Schema>{};
        }
        if (!prelude) {
            prelude = reflectedPrelude;
            m_used.insert(preludeId, reflectedPrelude);
            m_changed = true;
        }
    }
    if (!namesAreSafe(m_fragments)) {
        stats.whyWhole = QStringLiteral("objects of different statements share a name, or one has an engine-chosen name");
        return std::optional<Schema>{};
    }
    save();
    return std::optional<Schema>{join(m_fragments, *prelude)};
}

void ObjectNormaliser::record(const Schema &whole)
{
    if (!m_units || !m_cache.enabled())
        return;
    if (m_stored.isEmpty())
        m_stored = m_cache.loadObjects(m_server);
    Fragments fragments(m_units->units.size());
    if (!split(whole, fragments))
        return;
    m_used.clear();
    for (qsizetype u = 0; u < fragments.size(); ++u) {
        if (!fragments.at(u))
            fragments[u] = Schema{};
        m_fragments[u] = fragments.at(u);
        m_keys[u].clear();
        m_signatures[u].clear();
    }
    const NameIndex wholeNames = indexNames(fragments);
    for (qsizetype u = 0; u < fragments.size(); ++u) {
        m_used.insert(textKeyOf(u), Schema{});
        if (clean(u, *fragments.at(u), wholeNames))
            m_used.insert(keyOf(u), *fragments.at(u));
    }
    Schema prelude;
    prelude.schemas = whole.schemas;
    prelude.extensions = whole.extensions;
    m_used.insert(preludeKey(), prelude);
    m_changed = true;
    save();
}

void ObjectNormaliser::save()
{
    if (!m_changed)
        return;
    SchemaCache::Objects kept = m_used;
    qsizetype spare = std::max<qsizetype>(kSpareEntries, m_used.size());
    for (auto it = m_stored.cbegin(); it != m_stored.cend() && spare > 0; ++it)
        if (!kept.contains(it.key())) {
            kept.insert(it.key(), it.value());
            --spare;
        }
    m_cache.storeObjects(m_server, kept);
}

} // namespace Stratum::Internal
