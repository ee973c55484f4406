// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Database URLs with a password that has any characters, written the way users do (not
// percent-encoded). The oracle: the password never appears in anything Stratum shows of the
// URL: DatabaseUrl::masked(), maskUrlText(), maskPasswords() of the text, or a parse error.
#include "url.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

void mustHide(const QString &shown, const QString &password, const QString &url, const char *what)
{
    if (!shown.contains(password))
        return;
    std::fprintf(stderr, "password shown by %s\n  url: %s\n  password: %s\n  shown: %s\n", what,
                 qPrintable(url), qPrintable(password), qPrintable(shown));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Fields separated by NUL bytes: scheme selector, user, password, host, database, query.
    const QList<QByteArray> fields = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    auto field = [&](int i) { return i < fields.size() ? QString::fromUtf8(fields.at(i)) : QString(); };
    static const char *schemes[] = {"postgresql", "mysql", "mariadb+pymysql", "sqlite", "postgresql+psycopg2"};
    const QString scheme = QLatin1String(schemes[(fields.value(0).isEmpty() ? 0 : uchar(fields.at(0).at(0))) % 5]);
    const QString user = field(1);
    const QString password = field(2);
    QString url = scheme + QStringLiteral("://") + user + QLatin1Char(':') + password + QLatin1Char('@')
                  + field(3) + QLatin1Char('/') + field(4);
    if (!field(5).isEmpty())
        url += QLatin1Char('?') + field(5);

    // Judge only passwords that cannot be told from the rest of the URL. A line break ends an
    // ini value and a log line: no URL holds one.
    // A user ends at ':' or '/' (URL syntax, SQLAlchemy's pattern): one holding them is no user.
    if (url.contains(QLatin1Char('\n')) || user.contains(QLatin1Char(':')) || user.contains(QLatin1Char('/')))
        return 0;
    QString rest = url;
    rest.replace(rest.indexOf(QLatin1Char(':'), scheme.size() + 3 + user.size()), password.size() + 1, QString());
    // A password that begins or ends with a delimiter can match the delimiters Stratum writes
    // around what it shows ("***@[host"); such a match is no leak.
    static const QString delimiters = QStringLiteral("@:/?[]*");
    // A non-ASCII character found nowhere else in the URL keeps it from matching the words of
    // a message ("ase" in "database") or other parts of the URL next to the message's quotes.
    const bool distinct = std::any_of(password.cbegin(), password.cend(),
                                      [&rest](QChar c) { return c.unicode() > 0x7f && !rest.contains(c); });
    if (password.size() < 3 || !distinct || rest.contains(password) || delimiters.contains(password.front())
        || delimiters.contains(password.back()))
        return 0;

    mustHide(Stratum::maskPasswords(url), password, url, "maskPasswords");
    mustHide(Stratum::maskUrlText(url), password, url, "maskUrlText");
    auto parsed = Stratum::DatabaseUrl::parse(url);
    if (parsed)
        mustHide(parsed->masked(), password, url, "DatabaseUrl::masked");
    else
        mustHide(Stratum::maskPasswords(parsed.error().toString()), password, url, "the parse error");
    return 0;
}
