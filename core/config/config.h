#pragma once

#include "error.h"

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
    QString renderAsBatch = QStringLiteral("auto");
    QStringList includeSchemas;
    QStringList excludeTables;
    int lockTimeout = 60;
    QHash<QString, QString> xArguments;  ///< -x key=value
    QHash<QString, QString> values;      ///< every key of [stratum] (or [alembic]) after expansion

    /// Reads \a iniPath. \a urlOverride (--url) wins over STRATUM_URL, which wins over the file.
    static Result<Config> load(const QString &iniPath, const QString &urlOverride = {},
                               const QHash<QString, QString> &xArguments = {});

    /// The folders revision files are read from (versionLocations or scriptLocation/versions).
    QStringList versionDirectories() const;
};

} // namespace Stratum
