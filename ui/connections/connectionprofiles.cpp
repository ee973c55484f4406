#include "connections/connectionprofiles.h"

#include "config/url.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>

namespace Stratum {
namespace {

QStringList pgpassFields(const QString &line)
{
    QStringList fields;
    QString field;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            field += line[++i];
        } else if (c == QLatin1Char(':') && fields.size() < 4) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

QList<ConnectionProfile> ConnectionProfiles::load(QSettings &settings)
{
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(QStringLiteral("connections"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.url = withoutPassword(settings.value(QStringLiteral("url")).toString());
        if (!profile.name.isEmpty())
            profiles << profile;
    }
    settings.endArray();
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
    // scheme://user:password@host → scheme://user@host; a password= query item goes too.
    static const QRegularExpression userinfo(QStringLiteral("^([A-Za-z0-9+.-]+://[^:/@]*):[^@/]*@"));
    static const QRegularExpression query(QStringLiteral("([?&])password=[^&]*&?"));
    QString result = url.trimmed();
    result.replace(userinfo, QStringLiteral("\\1@"));
    result.replace(query, QStringLiteral("\\1"));
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

QString ConnectionProfiles::pgpassPassword(const QString &path, const QString &host, int port,
                                           const QString &database, const QString &user)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString portText = QString::number(port > 0 ? port : 5432);
    const QString hostText = host.isEmpty() ? QStringLiteral("localhost") : host;
    const auto matches = [](const QString &pattern, const QString &value) {
        return pattern == QLatin1String("*") || pattern == value;
    };
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = pgpassFields(line);
        if (fields.size() != 5)
            continue;
        if (matches(fields[0], hostText) && matches(fields[1], portText) && matches(fields[2], database)
            && matches(fields[3], user))
            return fields[4];
    }
    return {};
}

Result<QString> ConnectionProfiles::resolvedUrl(const ConnectionProfile &profile)
{
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(profile.url);
    if (!parsed)
        return parsed.error();
    DatabaseUrl url = *parsed;
    if (url.dialect == QLatin1String("sqlite"))
        return url.toString();
    QString password = qEnvironmentVariable(passwordVariable(profile.name).toLocal8Bit().constData());
    if (password.isEmpty())
        password = qEnvironmentVariable(url.dialect == QLatin1String("postgresql") ? "PGPASSWORD" : "MYSQL_PWD");
    if (password.isEmpty() && url.dialect == QLatin1String("postgresql")) {
        QString file = qEnvironmentVariable("PGPASSFILE");
        if (file.isEmpty())
            file = QDir::home().filePath(QStringLiteral(".pgpass"));
        password = pgpassPassword(file, url.host, url.port, url.database, url.user);
    }
    url.password = password;
    return url.toString();
}

} // namespace Stratum
