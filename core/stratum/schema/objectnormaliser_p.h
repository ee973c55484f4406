// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: the incremental normalisation (docs/decisions.md, Incremental normalisation).

#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemaunits_p.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace Stratum::Internal {

/// Normalises a desired schema object by object: each unit of splitIntoUnits() is found in
/// the cache by a key over its statements, the prelude, and what it can see of the units it
/// depends on (a plain table's reflected form, anything else's own key). Only the units
/// that miss go to the dev database, with the units they depend on; the result is the
/// cached and the reflected objects joined. What could come out differently from applying
/// the whole schema at once makes it be applied at once instead:
/// - a statement splitIntoUnits() cannot place;
/// - more than half of the units new or changed (one build of everything is faster then);
/// - a statement failing (the whole schema says where, as it always has);
/// - an object the dev database reflects that no unit names;
/// - a unit the dev database reflects differently from its cached form;
/// - two units with the same name where the engine keeps one namespace, or an object whose
///   engine-chosen name (not in its statements) ends in a number and is another unit's name
///   with a number added: the engine picked it to avoid a name some other object holds.
class ObjectNormaliser
{
public:
    ObjectNormaliser(const QList<SourcedStatement> &statements, const SchemaCache &cache,
                     const QByteArray &serverFingerprint, const QString &dialect);

    /// Whether the schema splits into units at all.
    bool splittable() const { return m_units.has_value(); }

    /// The normalised schema from the cache and \a dev, or nothing when it is to be normalised
    /// whole (then \a dev may hold part of it: use another). Errors are the connection's.
    Result<std::optional<Schema>> run(DevDatabase &dev);
    /// Keeps the units of \a whole, a whole normalisation of the same statements, for later runs.
    void record(const Schema &whole);

    NormaliseStats stats;

private:
    using Fragments = QList<std::optional<Schema>>;
    /// Splits \a reflected into the units' objects; false when an object belongs to none.
    bool split(const Schema &reflected, Fragments &into) const;
    /// The key of \a unit, all of whose dependencies have their fragments.
    QByteArray keyOf(qsizetype unit);
    QByteArray textKeyOf(qsizetype unit) const;
    QByteArray signatureOf(qsizetype unit);
    QByteArray preludeKey() const;
    /// Case-folded name → the units holding it, and as what.
    using NameIndex = QHash<QString, QList<std::pair<qsizetype, int>>>;
    static NameIndex indexNames(const Fragments &fragments);
    /// Whether a statement of \a unit has \a name in it.
    bool names(qsizetype unit, const QString &name) const;
    bool namesAreSafe(const Fragments &fragments) const;
    bool clean(qsizetype unit, const Schema &fragment, const NameIndex &index) const;
    Schema join(const Fragments &fragments, const Schema &prelude) const;
    void save();

    const QList<SourcedStatement> &m_statements;
    SchemaCache m_cache;
    QByteArray m_server;
    QString m_dialect;
    std::optional<SchemaUnits> m_units;
    QHash<QString, qsizetype> m_unitOfName;
    QByteArray m_preludeText;
    SchemaCache::Objects m_stored;
    SchemaCache::Objects m_used;     ///< entries this run read or made
    bool m_changed = false;
    QList<QByteArray> m_keys;        ///< per unit, once known
    QList<QByteArray> m_signatures;  ///< per plain table, once known
    Fragments m_fragments;           ///< per unit, once known
};

} // namespace Stratum::Internal
