// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connections/connectionprofiles.h"

#include "stratum/config/url.h"
#include "connections/passwordstore.h"

#include <QRegularExpression>
#include <QSettings>

namespace Stratum {
QList<ConnectionProfile> ConnectionProfiles::load(QSettings &settings)
{
    QList<ConnectionProfile> profiles;
    bool rewrite = false;
    const int count = settings.beginReadArray(QStringLiteral("connections"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = settings.value(QStringLiteral("name")).toString();
        const QString stored = settings.value(QStringLiteral("url")).toString();
        profile.url = withoutPassword(stored);
        if (profile.url != stored)
            rewrite = true;
        if (!profile.name.isEmpty())
            profiles << profile;
    }
    settings.endArray();
    if (rewrite)
        save(settings, profiles);
    return profiles;
}

void ConnectionProfiles::save(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    settings.remove(QStringLiteral("connections"));
    settings.beginWriteArray(QStringLiteral("connections"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), profiles[i].name);
        settings.setValue(QStringLiteral("url"), withoutPassword(profiles[i].url));
    }
    settings.endArray();
}

QString ConnectionProfiles::withoutPassword(const QString &url)
{
    // scheme://user:password@host → scheme://user@host. The user runs to ':' or '/', the
    // password to the last '@' (DatabaseUrl's rule), so '/', ':', '@' in it all go with it.
    QString result = url.trimmed();
    const qsizetype sep = result.indexOf(QLatin1String("://"));
    if (sep > 0) {
        qsizetype userEnd = sep + 3;
        while (userEnd < result.size() && result.at(userEnd) != QLatin1Char(':') && result.at(userEnd) != QLatin1Char('/'))
            ++userEnd;
        const qsizetype at = result.lastIndexOf(QLatin1Char('@'));
        if (userEnd < result.size() && result.at(userEnd) == QLatin1Char(':') && at > userEnd)
            result.remove(userEnd, at - userEnd);
    }
    static const QRegularExpression query(QStringLiteral("([?&])(?:password|passwd|pwd|sslpassword)=[^&]*&?"),
                                          QRegularExpression::CaseInsensitiveOption);
    for (QString before; before != result;) {
        before = result;
        result.replace(query, QStringLiteral("\\1"));
    }
    if (result.endsWith(QLatin1Char('?')) || result.endsWith(QLatin1Char('&')))
        result.chop(1);
    return result;
}

QString ConnectionProfiles::passwordVariable(const QString &profileName)
{
    QString name = profileName.toUpper();
    name.replace(QRegularExpression(QStringLiteral("[^A-Z0-9]")), QStringLiteral("_"));
    return QStringLiteral("STRATUM_PASSWORD_") + name;
}

Result<QString> ConnectionProfiles::resolvedUrl(const ConnectionProfile &profile)
{
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(profile.url);
    if (!parsed)
        return parsed.error();
    if (parsed->dialect == QLatin1String("sqlite"))
        return parsed->toString();
    QString password = qEnvironmentVariable(passwordVariable(profile.name).toLocal8Bit().constData());
    if (password.isEmpty()) {
        // A keychain that cannot be reached (no Secret Service running) remembers nothing.
        if (Result<QString> remembered = PasswordStore::read(profile.name))
            password = *remembered;
    }
    if (password.isEmpty() && parsed->dialect == QLatin1String("mysql"))
        password = qEnvironmentVariable("MYSQL_PWD");
    // PostgreSQL without one: libpq reads PGPASSWORD and the password file itself.
    return urlWithPassword(profile, password);
}

Result<QString> ConnectionProfiles::urlWithPassword(const ConnectionProfile &profile, const QString &password)
{
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(profile.url);
    if (!parsed)
        return parsed.error();
    DatabaseUrl url = *parsed;
    url.password = password;
    return url.toString();
}

bool ConnectionProfiles::isAuthenticationFailure(const Error &error)
{
    for (const char *said : {"password authentication failed", "no password supplied", "fe_sendauth",
                             "Access denied for user"}) {
        if (error.message.contains(QLatin1String(said), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Stratum
