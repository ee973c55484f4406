// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Stratum {

class RevisionMap;

/// One side of a schema comparison in the studio: the configured database, the schema files,
/// a revision or a head (the schema the history up to it builds, replayed on a dev database).
class CompareSide
{
    Q_DECLARE_TR_FUNCTIONS(CompareSide)

public:
    enum class Kind { Database, SchemaFiles, Revision, Head };

    static CompareSide database() { return {Kind::Database, {}}; }
    static CompareSide schemaFiles() { return {Kind::SchemaFiles, {}}; }
    static CompareSide ofRevision(const QString &id) { return {Kind::Revision, id}; }
    static CompareSide head(const QString &id) { return {Kind::Head, id}; }

    Kind kind = Kind::SchemaFiles;
    QString revision;   ///< Revision and Head: the revision's full id

    /// What Commands::diffSource takes for it.
    QString source() const;
    /// A revision or a head needs its id.
    bool isValid() const;
    bool isRevision() const { return kind == Kind::Revision || kind == Kind::Head; }
    /// Both stand for one schema: the same kind, or a head and the revision it is.
    bool sameSchemaAs(const CompareSide &other) const;
    /// How the diff names it: "Database", "Schema files", "Revision a84e2d51c0f9 (Create books
    /// table)", "Head reporting (0b93d6e4f271)"; \a map gives messages and branch labels.
    QString title(const RevisionMap *map) const;

    bool operator==(const CompareSide &other) const = default;
};

} // namespace Stratum
