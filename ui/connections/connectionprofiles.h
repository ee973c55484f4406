#pragma once

#include "error.h"

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
/// stored: they come from the environment (STRATUM_PASSWORD_<NAME>, then PGPASSWORD or
/// MYSQL_PWD) or, for PostgreSQL, from the pgpass file (PGPASSFILE or ~/.pgpass).
class ConnectionProfiles
{
public:
    static QList<ConnectionProfile> load(QSettings &settings);
    static void save(QSettings &settings, const QList<ConnectionProfile> &profiles);

    /// \a url with any password removed (what save() keeps).
    static QString withoutPassword(const QString &url);
    /// The environment variable read first for \a profileName's password.
    static QString passwordVariable(const QString &profileName);
    /// The profile's URL with the password filled in from the environment or pgpass, ready to
    /// connect (never show it: show DatabaseUrl::masked()).
    static Result<QString> resolvedUrl(const ConnectionProfile &profile);
    /// Looks up \a host, \a port, \a database, \a user in the pgpass file at \a path
    /// (`host:port:database:username:password`, `*` matches anything, `\` escapes).
    static QString pgpassPassword(const QString &path, const QString &host, int port,
                                  const QString &database, const QString &user);
};

} // namespace Stratum
