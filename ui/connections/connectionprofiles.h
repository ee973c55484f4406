// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/error.h"

#include <QList>
#include <QString>

class QSettings;

namespace Stratum {

/// A named database connection: a URL without its password.
struct ConnectionProfile
{
    QString name;
    QString url;   ///< never holds a password (stripped on save)
};

/// Named connection profiles kept in QSettings (group "connections"). Passwords are never
/// stored there, in any form: not in the URL's userinfo, not in a query parameter. They come
/// from the environment (STRATUM_PASSWORD_<NAME>), from the system keychain when the user asked
/// to remember one (PasswordStore), from MYSQL_PWD, or, for PostgreSQL, from libpq itself
/// (PGPASSWORD, PGPASSFILE or ~/.pgpass, whose permissions libpq checks); else the studio
/// prompts.
class ConnectionProfiles
{
public:
    /// The profiles; a stored URL that still holds a password (written by an older version)
    /// is rewritten without it.
    static QList<ConnectionProfile> load(QSettings &settings);
    static void save(QSettings &settings, const QList<ConnectionProfile> &profiles);

    /// \a url with any password removed (what save() keeps): the userinfo's password, whatever
    /// characters it holds, and the query parameters password, passwd, pwd and sslpassword in
    /// any case.
    static QString withoutPassword(const QString &url);
    /// The environment variable read first for \a profileName's password.
    static QString passwordVariable(const QString &profileName);
    /// The profile's URL with the password filled in from the environment or the keychain,
    /// ready to connect (never show it: show DatabaseUrl::masked()). Without one, PostgreSQL
    /// URLs stay without a password for libpq to find it.
    static Result<QString> resolvedUrl(const ConnectionProfile &profile);
    /// \a profile's URL with \a password (typed at the prompt).
    static Result<QString> urlWithPassword(const ConnectionProfile &profile, const QString &password);
    /// The server refused the credentials (PostgreSQL, MariaDB), so asking for a password helps.
    static bool isAuthenticationFailure(const Error &error);
};

} // namespace Stratum
