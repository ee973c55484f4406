// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "url.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace Stratum {

namespace {

const QString kUrlHint = QStringLiteral(
    "Expected dialect[+driver]://user:password@host:port/database (postgresql, mysql, mariadb) "
    "or sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (in memory).");

bool isSecretKey(QStringView key)
{
    return key.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0
        || key.compare(QLatin1String("passwd"), Qt::CaseInsensitive) == 0
        || key.compare(QLatin1String("pwd"), Qt::CaseInsensitive) == 0
        || key.compare(QLatin1String("sslpassword"), Qt::CaseInsensitive) == 0;
}

QString maskQuery(const QString &query)
{
    QStringList parts = query.split(QLatin1Char('&'));
    for (QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0 && isSecretKey(QStringView(part).left(eq)) && eq + 1 < part.size())
            part = part.left(eq + 1) + QStringLiteral("***");
    }
    return parts.join(QLatin1Char('&'));
}

// Everything but unreserved characters is encoded: more than SQLAlchemy's [:@/], and parse()
// decodes it back to the same text.
QString quoteCredential(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString unquote(QStringView text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

QString render(const DatabaseUrl &url, bool mask)
{
    QString text = (url.scheme.isEmpty() ? url.dialect : url.scheme) + QStringLiteral("://");
    if (url.dialect == QLatin1String("sqlite")) {
        if (url.database != QLatin1String(":memory:") && !url.database.isEmpty())
            text += QLatin1Char('/') + url.database;
    } else {
        if (!url.user.isEmpty() || !url.password.isEmpty()) {
            text += quoteCredential(url.user);
            if (!url.password.isEmpty())
                text += QLatin1Char(':') + (mask ? QStringLiteral("***") : quoteCredential(url.password));
            text += QLatin1Char('@');
        }
        // No host has an '@': one here is the rest of a password that held an unencoded '@'
        // (the password runs to the first '@', as in SQLAlchemy). Masked, it stays hidden.
        QString host = url.host;
        if (mask && host.contains(QLatin1Char('@')))
            host = QStringLiteral("***") + host.mid(host.lastIndexOf(QLatin1Char('@')));
        if (host.contains(QLatin1Char(':')))
            text += QLatin1Char('[') + host + QLatin1Char(']');
        else
            text += host;
        if (url.port >= 0)
            text += QLatin1Char(':') + QString::number(url.port);
        if (!url.database.isEmpty())
            text += QLatin1Char('/') + url.database;
    }
    if (!url.query.isEmpty())
        text += QLatin1Char('?') + (mask ? maskQuery(url.query) : url.query);
    return text;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &url, const QString &baseDir)
{
    const QString text = url.trimmed();
    const auto bad = [&](const QString &problem) {
        return Error::input(QStringLiteral("The database URL \"%1\" %2.")
                                .arg(maskUrlText(text), problem),
                            {}, 0, 0, kUrlHint);
    };
    if (text.isEmpty())
        return Error::input(QStringLiteral("No database URL is configured."), {}, 0, 0,
                            QStringLiteral("Expected `url = …` (or `sqlalchemy.url`) in the ini "
                                           "file, the STRATUM_URL environment variable or --url."));

    const qsizetype sep = text.indexOf(QLatin1String("://"));
    if (sep <= 0)
        return bad(QStringLiteral("has no dialect:// prefix"));
    DatabaseUrl result;
    result.scheme = text.left(sep);
    for (QChar c : result.scheme) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('+'))
            return bad(QStringLiteral("has an invalid dialect name \"%1\"").arg(result.scheme));
    }
    // "postgresql+psycopg2": the driver part names a Python DB-API module; Qt picks its own.
    const QString name = result.scheme.section(QLatin1Char('+'), 0, 0).toLower();
    if (name == QLatin1String("sqlite")) {
        result.dialect = QStringLiteral("sqlite");
        result.driver = QStringLiteral("QSQLITE");
    } else if (name == QLatin1String("postgresql") || name == QLatin1String("postgres")) {
        result.dialect = QStringLiteral("postgresql");
        result.driver = QStringLiteral("QPSQL");
    } else if (name == QLatin1String("mysql") || name == QLatin1String("mariadb")) {
        result.dialect = QStringLiteral("mysql");
        result.driver = QStringLiteral("QMYSQL");
    } else {
        return bad(QStringLiteral("names the unsupported database \"%1\" (supported: sqlite, "
                                  "postgresql, mysql, mariadb)")
                       .arg(name));
    }

    // The parts follow SQLAlchemy's URL pattern: user up to ':' or '/', then the password, then
    // host, port, database, query. The password may hold unencoded '/', '?' and '@': it runs to
    // the last '@' (SQLAlchemy stops at the first '@' and takes the rest of the password for
    // the host, a URL that cannot work). An '@' in the query of a URL with a password is
    // written %40 (docs/decisions.md).
    const QStringView rest = QStringView(text).mid(sep + 3);
    qsizetype pos = 0;
    qsizetype run = 0;
    while (run < rest.size() && rest.at(run) != QLatin1Char(':') && rest.at(run) != QLatin1Char('/'))
        ++run;
    bool hasUserInfo = false;
    if (run < rest.size() && rest.at(run) == QLatin1Char(':')) {
        const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
        if (at > run) {
            result.user = unquote(rest.left(run));
            result.password = unquote(rest.mid(run + 1, at - run - 1));
            pos = at + 1;
            hasUserInfo = true;
        }
    }
    if (!hasUserInfo) {
        const qsizetype at = rest.left(run).lastIndexOf(QLatin1Char('@'));
        if (at >= 0) {
            result.user = unquote(rest.left(at));
            pos = at + 1;
            hasUserInfo = true;
        }
    }

    if (pos < rest.size() && rest.at(pos) == QLatin1Char('[')) {
        qsizetype close = pos + 1;
        while (close < rest.size() && rest.at(close) != QLatin1Char(']')
               && rest.at(close) != QLatin1Char('/') && rest.at(close) != QLatin1Char('?'))
            ++close;
        if (close >= rest.size() || rest.at(close) != QLatin1Char(']') || close == pos + 1)
            return bad(QStringLiteral("has an IPv6 host without its closing ']'"));
        result.host = rest.mid(pos + 1, close - pos - 1).toString();
        pos = close + 1;
    } else {
        const qsizetype start = pos;
        while (pos < rest.size() && rest.at(pos) != QLatin1Char(':') && rest.at(pos) != QLatin1Char('/')
               && rest.at(pos) != QLatin1Char('?'))
            ++pos;
        result.host = rest.mid(start, pos - start).toString();
    }
    if (pos < rest.size() && rest.at(pos) == QLatin1Char(':')) {
        const qsizetype start = ++pos;
        while (pos < rest.size() && rest.at(pos) != QLatin1Char('/') && rest.at(pos) != QLatin1Char('?'))
            ++pos;
        const QStringView port = rest.mid(start, pos - start);
        if (!port.isEmpty()) {
            bool ok = false;
            const int number = port.toInt(&ok);
            if (!ok || number < 1 || number > 65535 || !port.at(0).isDigit())
                return bad(QStringLiteral("has the port \"%1\", not a number from 1 to 65535")
                               .arg(port.toString()));
            result.port = number;
        }
    }
    if (pos < rest.size() && rest.at(pos) == QLatin1Char('/')) {
        const qsizetype start = ++pos;
        while (pos < rest.size() && rest.at(pos) != QLatin1Char('?'))
            ++pos;
        result.database = rest.mid(start, pos - start).toString();
    }
    if (pos < rest.size() && rest.at(pos) == QLatin1Char('?'))
        result.query = rest.mid(pos + 1).toString();

    if (result.dialect == QLatin1String("sqlite")) {
        if (hasUserInfo || !result.host.isEmpty() || result.port >= 0)
            return bad(QStringLiteral("names a user or host, but SQLite takes a file path "
                                      "after three slashes"));
        if (result.database.isEmpty() || result.database == QLatin1String(":memory:")) {
            result.database = QStringLiteral(":memory:");
        } else if (!QDir::isAbsolutePath(result.database) && !baseDir.isEmpty()) {
            // Relative SQLite paths resolve against the ini file's folder, not the cwd.
            result.database = QDir::cleanPath(QDir(baseDir).absoluteFilePath(result.database));
        }
    }
    return result;
}

QString DatabaseUrl::masked() const
{
    return render(*this, true);
}

QString DatabaseUrl::toString() const
{
    return render(*this, false);
}

QString maskUrlText(const QString &url)
{
    QString masked = url;
    const qsizetype sep = masked.indexOf(QLatin1String("://"));
    if (sep >= 0) {
        const qsizetype start = sep + 3;
        qsizetype userEnd = start;
        // The user runs to ':' or '/', as in SQLAlchemy: it may hold an '@' (user@server).
        while (userEnd < masked.size() && masked.at(userEnd) != QLatin1Char(':') && masked.at(userEnd) != QLatin1Char('/'))
            ++userEnd;
        const qsizetype at = masked.lastIndexOf(QLatin1Char('@'));
        if (userEnd < masked.size() && masked.at(userEnd) == QLatin1Char(':') && at > userEnd)
            masked.replace(userEnd + 1, at - userEnd - 1, QStringLiteral("***"));
    }
    static const QRegularExpression queryPassword(QStringLiteral(R"(([?&](?:password|passwd|pwd|sslpassword)=)[^&]+)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    return masked.replace(queryPassword, QStringLiteral("\\1***"));
}

QString maskPasswords(const QString &text)
{
    // A password runs to the last '@' of its line before the next URL: it may hold '@', '/',
    // ':' and white space. Text between it and that '@' is masked too: the safe side.
    static const QRegularExpression credentials(
        QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^:/\n]*:)((?:(?![ \t][A-Za-z][A-Za-z0-9+.\-]*://)[^\n])+)@)"));
    static const QRegularExpression queryPassword(
        QStringLiteral(R"(([?&](?:password|passwd|pwd|sslpassword)=)[^&\s]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString masked = text;
    masked.replace(credentials, QStringLiteral("\\1***@"));
    masked.replace(queryPassword, QStringLiteral("\\1***"));
    return masked;
}

} // namespace Stratum
