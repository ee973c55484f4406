// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/schema/schema.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

class QCryptographicHash;

namespace Stratum {

/// Normalised schemas kept on disk, so that DDL that has not changed is not applied to a dev
/// database again (docs/decisions.md, Autogenerate). An entry is found by a SHA-256 key over
/// everything the normalisation read: the build of Stratum, the dev server (engine version,
/// database, user, extensions, settings that change how DDL reads) and the DDL itself. Only
/// successful normalisations are stored; a file that cannot be read or is of another format
/// is a miss. Writes are atomic and best effort: a cache that cannot be written is no error.
class SchemaCache
{
public:
    /// No cache: every lookup misses, nothing is written.
    SchemaCache() = default;
    /// Entries in \a folder (created when the first entry is stored).
    explicit SchemaCache(const QString &folder) : m_folder(folder) {}

    /// `STRATUM_CACHE_DIR`, else the user's cache folder + "/stratum/schemas".
    static QString defaultFolder();

    bool enabled() const { return !m_folder.isEmpty(); }
    QString folder() const { return m_folder; }

    /// The key for DDL whose digest is \a ddlDigest, normalised on the dev server described
    /// by \a serverFingerprint, reflected with \a includeSchemas.
    static QByteArray key(const QByteArray &serverFingerprint, const QByteArray &ddlDigest,
                          const QStringList &includeSchemas);

    /// Adds \a part to a digest of DDL, length first, so that moving bytes from one part to
    /// the next changes the digest.
    static void addToDigest(QCryptographicHash &digest, const QByteArray &part);

    std::optional<Schema> load(const QByteArray &key) const;
    /// Stores \a schema under \a key and keeps the newest kMaxEntries entries.
    void store(const QByteArray &key, const Schema &schema) const;

    static constexpr int kMaxEntries = 32;

    /// Normalised objects of one dev server, by a key over each object's DDL (the incremental
    /// normalisation, docs/decisions.md): \a server is the serverFingerprint of key().
    using Objects = QHash<QByteArray, Schema>;
    Objects loadObjects(const QByteArray &server) const;
    /// Stores \a objects as the whole set for \a server (what it held before is replaced).
    void storeObjects(const QByteArray &server, const Objects &objects) const;
    /// A digest of \a schema's every field: equal digests, equal schemas.
    static QByteArray digest(const Schema &schema);

private:
    QString path(const QByteArray &key) const;
    QString objectsPath(const QByteArray &server) const;
    bool makeFolder() const;

    QString m_folder;
};

} // namespace Stratum
