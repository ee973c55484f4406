// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"

#include <QString>

namespace Stratum {

/// A database URL in SQLAlchemy's form, mapped onto a QSql driver.
struct DatabaseUrl
{
    QString dialect;    ///< "sqlite", "postgresql", "mysql" (mariadb:// maps to mysql)
    QString driver;     ///< QSql driver: QSQLITE, QPSQL, QMYSQL
    QString user;
    QString password;
    QString host;
    int port = -1;
    QString database;   ///< file path for SQLite (":memory:" for sqlite://), else database name
    QString query;      ///< the part after '?', kept verbatim
    QString scheme;     ///< as written, e.g. "postgresql+psycopg2" (kept for display)

    /// Parses `sqlite:///rel.db`, `sqlite:////abs.db`, `sqlite://`, `postgresql+drv://u:p@h:5432/db`,
    /// `mysql://…`, `mariadb://…`. \a baseDir resolves relative SQLite paths.
    static Result<DatabaseUrl> parse(const QString &url, const QString &baseDir = {});

    /// The URL with the password (and any password= query item) replaced by `***`: the only
    /// form ever printed or logged. SQLite paths appear resolved (absolute).
    QString masked() const;
    /// The URL as given back (password included): never print it.
    QString toString() const;
};

/// Replaces any password inside URL-like text with `***` (for messages that quote a URL).
QString maskPasswords(const QString &text);

/// \a url, one URL as the user wrote it (it may not parse), with its password masked
/// whatever characters the password has: everything from the user's ':' to the last '@',
/// and password query parameters up to the next '&'.
QString maskUrlText(const QString &url);

} // namespace Stratum
