#include "runtime/connection.h"

#include <sqlite3.h>

#include <mutex>

#include "dialect/dialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

#include <atomic>

namespace Stratum {

namespace {

std::atomic<quint64> g_connectionCounter{0};

// What the server said, on one line: PostgreSQL's message with its DETAIL and HINT and the
// SQLSTATE, MariaDB's message with its error number.
QString errorText(const QSqlError &error, const QString &dialect = {})
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    const QString code = error.nativeErrorCode();
    if (dialect == QLatin1String("postgresql")) {
        // libpq: "ERROR:  message\nDETAIL:  …\nHINT:  …\nLINE 1: …\n      ^"
        QString message;
        QStringList extra;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QString t = line.trimmed();
            const auto after = [&t](qsizetype n) { return t.mid(n).trimmed(); };
            if (message.isEmpty() && (t.startsWith(QLatin1String("ERROR:")) || t.startsWith(QLatin1String("FATAL:"))))
                message = after(6);
            else if (t.startsWith(QLatin1String("DETAIL:")))
                extra << QStringLiteral("Detail: ") + after(7);
            else if (t.startsWith(QLatin1String("HINT:")))
                extra << QStringLiteral("Hint: ") + after(5);
        }
        if (!message.isEmpty()) {
            for (const QString &part : std::as_const(extra))
                message += (message.endsWith(QLatin1Char('.')) ? QStringLiteral(" ") : QStringLiteral(". ")) + part;
            if (!code.isEmpty())
                message += QStringLiteral(" (SQLSTATE %1)").arg(code);
            return Connection::driverMessage(message);
        }
    }
    // libpq prefixes "ERROR:  " and appends LINE/caret context; the first line is the message.
    if (text.startsWith(QLatin1String("ERROR:")))
        text = text.mid(6).trimmed();
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    if (newline > 0)
        text = text.left(newline).trimmed();
    if (dialect == QLatin1String("mysql") && !code.isEmpty())
        text += QStringLiteral(" (MariaDB error %1)").arg(code);
    return Connection::driverMessage(text);
}

QString packageForDriver(const QString &driver)
{
    if (driver == QLatin1String("QSQLITE"))
        return QStringLiteral("libqt6sql6-sqlite");
    if (driver == QLatin1String("QPSQL"))
        return QStringLiteral("libqt6sql6-psql");
    return QStringLiteral("libqt6sql6-mysql");
}

// libpq takes the URL query verbatim (sslmode=require&application_name=x); QMYSQL only
// knows its own options, so just the socket is carried over there.
QString connectOptionsFor(const DatabaseUrl &url, const Dialect &dialect,
                          const ConnectOptions &options)
{
    QStringList parts;
    const QUrlQuery query(url.query);
    if (dialect.name == QLatin1String("sqlite")) {
        parts << QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    } else if (dialect.name == QLatin1String("postgresql")) {
        bool hasTimeout = false;
        bool hasName = false;
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            parts << item.first + QLatin1Char('=') + item.second;
            hasTimeout = hasTimeout || item.first == QLatin1String("connect_timeout");
            hasName = hasName || item.first == QLatin1String("application_name");
        }
        if (!hasTimeout && options.connectTimeoutSeconds > 0)
            parts << QStringLiteral("connect_timeout=%1").arg(options.connectTimeoutSeconds);
        // pg_stat_activity then says which sessions are Stratum's.
        if (!hasName && !options.applicationName.isEmpty())
            parts << QStringLiteral("application_name=") + options.applicationName;
    } else {
        if (options.connectTimeoutSeconds > 0)
            parts << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1")
                         .arg(options.connectTimeoutSeconds);
        const QString socket = query.queryItemValue(QStringLiteral("unix_socket"),
                                                    QUrl::FullyDecoded);
        if (!socket.isEmpty())
            parts << QStringLiteral("UNIX_SOCKET=") + socket;
    }
    return parts.join(QLatin1Char(';'));
}

// `PRAGMA [schema.]foreign_key_check[(table)]`, in any case and spacing.
bool isForeignKeyCheck(const QString &sql)
{
    const QStringView text = QStringView(sql).trimmed();
    if (!text.startsWith(QLatin1String("PRAGMA"), Qt::CaseInsensitive))
        return false;
    const qsizetype name = text.indexOf(QLatin1String("foreign_key_check"), 6, Qt::CaseInsensitive);
    if (name < 0)
        return false;
    for (QChar c : text.mid(6, name - 6))   // only spaces and a schema name before it
        if (!c.isSpace() && !c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('.')
            && c != QLatin1Char('"') && c != QLatin1Char('`') && c != QLatin1Char('[') && c != QLatin1Char(']'))
            return false;
    return true;
}

// The rows of foreign_key_check (table, rowid, parent, fkid) as an error.
Status foreignKeyViolations(QSqlQuery &query)
{
    QStringList shown;
    int count = 0;
    while (query.next()) {
        if (++count > 5)
            continue;
        const QVariant rowid = query.value(1);
        shown << QStringLiteral("%1 row %2 refers to a missing row of %3")
                     .arg(query.value(0).toString(),
                          rowid.isNull() ? QStringLiteral("(without rowid)") : rowid.toString(),
                          query.value(2).toString());
    }
    if (count == 0)
        return {};
    QString text = shown.join(QLatin1String("; "));
    if (count > shown.size())
        text += QStringLiteral("; and %1 more").arg(count - shown.size());
    return Error::database(QStringLiteral("PRAGMA foreign_key_check found %1 broken foreign key %2: %3")
                               .arg(count)
                               .arg(count == 1 ? QStringLiteral("reference") : QStringLiteral("references"), text));
}

} // namespace

QString Connection::driverMessage(const QString &text)
{
    return maskPasswords(text);
}

Result<std::unique_ptr<Connection>> Connection::open(const DatabaseUrl &url,
                                                     const ConnectOptions &options)
{
    const Dialect *dialect = Dialect::find(url.dialect);
    if (!dialect)
        dialect = Dialect::find(url.driver);
    if (!dialect) {
        return Error::input(QStringLiteral("Unsupported database \"%1\" in %2.")
                                .arg(url.dialect, url.masked()));
    }
    // mariadb:// may name QMARIADB; otherwise the dialect's own driver.
    QString driver = url.driver.isEmpty() ? dialect->driver() : url.driver;
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        if (driver == QLatin1String("QMARIADB") && QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")))
            driver = QStringLiteral("QMYSQL");
        else
            return Error::database(
                QStringLiteral("The Qt SQL driver %1 needed for %2 is not installed (Debian package %3).")
                    .arg(driver, url.masked(), packageForDriver(driver)));
    }

    std::unique_ptr<Connection> connection(new Connection);
    connection->m_url = url;
    connection->m_dialect = dialect;
    connection->m_connectionName =
        QStringLiteral("stratum-%1").arg(g_connectionCounter.fetch_add(1));

    if (dialect->name == QLatin1String("sqlite")) {
        // SQLite counts every allocation under one global mutex unless told not to (before its
        // first use; later it refuses, harmlessly). Stratum reads no memory statistics, and
        // without them two connections on two threads no longer wait for each other: `check`
        // reflects the database while it builds the desired schema (docs/decisions.md).
        static std::once_flag once;
        std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    }
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection->m_connectionName);
        db.setDatabaseName(url.database);
        if (!url.host.isEmpty())
            db.setHostName(url.host);
        if (url.port > 0)
            db.setPort(url.port);
        if (!url.user.isEmpty())
            db.setUserName(url.user);
        if (!url.password.isEmpty())
            db.setPassword(url.password);
        db.setConnectOptions(connectOptionsFor(url, *dialect, options));
        if (!db.open()) {
            failure = errorText(db.lastError());
        } else if (dialect->name == QLatin1String("sqlite")) {
            QSqlQuery pragma(db);
            if (!pragma.exec(QStringLiteral("PRAGMA foreign_keys = %1")
                                 .arg(options.sqliteForeignKeys ? 1 : 0)))
                failure = errorText(pragma.lastError());
        } else if (dialect->name == QLatin1String("postgresql")) {
            // libpq's default notice processor writes NOTICEs ("table … does not exist,
            // skipping") straight to stderr; core never prints, so keep them server-side.
            QSqlQuery set(db);
            if (!set.exec(QStringLiteral("SET client_min_messages = warning")))
                failure = errorText(set.lastError());
        }
    }
    if (!failure.isEmpty()) {
        // The destructor closes and removes the half-made connection.
        return Error::database(
            QStringLiteral("Could not connect to %1: %2").arg(url.masked(), failure));
    }
    return connection;
}

Result<std::unique_ptr<Connection>> Connection::adopt(const QSqlDatabase &database)
{
    const Dialect *dialect = Dialect::find(database.driverName());
    if (!dialect) {
        return Error::input(QStringLiteral("Unsupported Qt SQL driver %1: Stratum knows QSQLITE, "
                                           "QPSQL, QMYSQL and QMARIADB.")
                                .arg(database.driverName()));
    }
    if (!database.isOpen()) {
        return Error::database(
            QStringLiteral("The database connection \"%1\" is not open.").arg(database.connectionName()));
    }
    std::unique_ptr<Connection> connection(new Connection);
    connection->m_owned = false;
    connection->m_dialect = dialect;
    connection->m_connectionName = database.connectionName();
    // No password: the URL of an adopted connection only ever labels messages.
    connection->m_url.dialect = dialect->name;
    connection->m_url.driver = database.driverName();
    connection->m_url.host = database.hostName();
    connection->m_url.port = database.port();
    connection->m_url.user = database.userName();
    connection->m_url.database = database.databaseName();
    return connection;
}

Connection::~Connection()
{
    if (!m_owned || m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Connection::maskedUrl() const
{
    return m_url.masked();
}

Status Connection::execute(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return Error::database(errorText(query.lastError(), m_dialect->name));
    if (m_dialect->name == QLatin1String("sqlite") && query.isSelect() && isForeignKeyCheck(sql))
        return foreignKeyViolations(query);
    return {};
}

Result<int> Connection::executeCountingRows(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return Error::database(errorText(query.lastError(), m_dialect->name));
    return query.numRowsAffected();
}

Result<QVariantList> Connection::selectColumn(const QString &sql)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return Error::database(errorText(query.lastError(), m_dialect->name));
    QVariantList values;
    while (query.next())
        values.append(query.value(0));
    if (query.lastError().isValid())
        return Error::database(errorText(query.lastError(), m_dialect->name));
    return values;
}

Result<QVariant> Connection::selectValue(const QString &sql)
{
    auto values = selectColumn(sql);
    if (!values)
        return values.error();
    return values->isEmpty() ? QVariant() : values->first();
}

} // namespace Stratum
