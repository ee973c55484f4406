// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Stratum {

/// stratum.ini (DESIGN.md §2), with `%(here)s` and `${ENV}` expanded and overrides applied.
struct Config
{
    QString path;                  ///< the ini file (empty when none was read)
    QString here;                  ///< folder of the ini file
    QString scriptLocation;        ///< absolute
    QStringList versionLocations;  ///< absolute; empty = scriptLocation/versions
    QString url;                   ///< raw, unmasked; never print
    QStringList schemaGlobs;
    QString devUrl;
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s");
    int truncateSlugLength = 40;
    QString timezone = QStringLiteral("UTC");
    QString versionTable = QStringLiteral("alembic_version");
    QString versionTableSchema;
    bool transactionPerMigration = false;
    bool compareType = true;
    bool compareServerDefault = true;
    bool schemaCache = true;       ///< keep normalised desired schemas (SchemaCache)
    QString renderAsBatch = QStringLiteral("auto");
    QStringList includeSchemas;
    QStringList excludeTables;
    int lockTimeout = 60;
    /// The longest lock_timeout in seconds: engines take waits in milliseconds as a 32-bit number.
    static constexpr int maximumLockTimeout = 2147483;
    QHash<QString, QString> xArguments;  ///< -x key=value
    QHash<QString, QString> values;      ///< every key of [stratum] (or [alembic]) after expansion

    /// Reads \a iniPath. \a urlOverride (--url) wins over STRATUM_URL, which wins over the file.
    /// The section is [stratum], else [alembic] (so an alembic.ini loads); [DEFAULT] applies too.
    /// Keys are case-insensitive, `=` or `:` separate, `;`/`#` start full-line comments and, after
    /// whitespace, inline ones; indented lines continue a value. `%(here)s`, `%(key)s`, `%%` and
    /// `${ENV}` (unset: empty) are expanded. Relative script_location, version_locations and
    /// schema globs resolve against the ini's folder. An empty `timezone =` means local time.
    /// A missing file, a syntax error or a bad value is an Error naming the file (and line).
    /// \a sectionName (`-n NAME`, Alembic's --name) reads [NAME] instead; it must exist.
    static Result<Config> load(const QString &iniPath, const QString &urlOverride = {},
                               const QHash<QString, QString> &xArguments = {},
                               const QString &sectionName = {});

    /// The folders revision files are read from (versionLocations or scriptLocation/versions).
    QStringList versionDirectories() const;
};

} // namespace Stratum
