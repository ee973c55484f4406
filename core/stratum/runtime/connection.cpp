// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/connection.h"

#include <sqlite3.h>

#include <mutex>

#include "stratum/dialect/dialect.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

#include <atomic>
#include <initializer_list>
#include <utility>

#include <dlfcn.h>
#include <sys/socket.h>

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

// 1-based line and column of \a offset (characters) in \a sql.
void placeAt(const QString &sql, qsizetype offset, Error &error)
{
    if (offset < 0 || offset > sql.size())
        return;
    const QStringView before = QStringView(sql).left(offset);
    error.line = int(before.count(QLatin1Char('\n'))) + 1;
    error.column = int(offset - (before.lastIndexOf(QLatin1Char('\n')) + 1)) + 1;
}

// Finds \a window (a part of line \a line of \a sql, tabs shown as spaces) and places the
// error \a column characters into it; only the line when it is not found.
void placeInLine(const QString &sql, int line, const QString &window, qsizetype column, Error &error)
{
    const QStringList lines = sql.split(QLatin1Char('\n'));
    if (line < 1 || line > lines.size())
        return;
    error.line = line;
    QString text = lines.at(line - 1);
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    const qsizetype at = window.isEmpty() ? -1 : text.indexOf(window);
    if (at >= 0 && column >= 0 && at + column <= text.size())
        error.column = int(at + column) + 1;
}

// Where in \a sql the server says the error is, as line and column of the statement:
// PostgreSQL's position (libpq shows it as "LINE n: …" and a caret below), MariaDB's
// "near '…' at line n", SQLite's sqlite3_error_offset().
void locateError(const QSqlError &failure, const QString &sql, const QString &dialect,
                 const QSqlDatabase &database, Error &error)
{
    if (dialect == QLatin1String("postgresql")) {
        static const QRegularExpression context(QStringLiteral("\n(LINE (\\d+): )([^\n]*)\n( *)\\^"));
        const QRegularExpressionMatch m = context.match(failure.databaseText());
        if (!m.hasMatch())
            return;
        QString window = m.captured(3);
        qsizetype column = m.captured(4).size() - m.captured(1).size();
        if (window.startsWith(QLatin1String("..."))) {   // a long line, shown around the position
            window = window.mid(3);
            column -= 3;
        }
        if (window.endsWith(QLatin1String("...")))
            window.chop(3);
        placeInLine(sql, m.captured(2).toInt(), window, column, error);
    } else if (dialect == QLatin1String("mysql")) {
        static const QRegularExpression near(QStringLiteral("near '(.*)' at line (\\d+)$"),
                                             QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch m = near.match(failure.databaseText().trimmed());
        if (m.hasMatch())
            placeInLine(sql, m.captured(2).toInt(), m.captured(1).section(QLatin1Char('\n'), 0, 0).left(40), 0, error);
    } else if (dialect == QLatin1String("sqlite")) {
        const QVariant handle = database.driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return;
        sqlite3 *db = *static_cast<sqlite3 *const *>(handle.data());
        const int offset = db ? sqlite3_error_offset(db) : -1;   // bytes of the UTF-8 text
        if (offset >= 0)
            placeAt(sql, QString::fromUtf8(sql.toUtf8().left(offset)).size(), error);
    }
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
    // libpq's simple queries take several statements; QMYSQL always connects with
    // CLIENT_MULTI_STATEMENTS (as the mariadb client does). QSQLITE runs only the first.
    connection->m_batches = dialect->name != QLatin1String("sqlite");

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
            // skipping") straight to stderr; core never prints, so keep them server-side
            // (a migration run collects them: collectNotices()).
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
    connection->m_batches = dialect->name != QLatin1String("sqlite");
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
    collectNotices(false);
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

namespace {

// Functions of the client libraries, found in the process (the QSql plugins link them) so that
// Stratum does not link them itself. Their signatures have not changed for decades.
void *clientFunction(std::initializer_list<const char *> libraries, const char *name)
{
    void *symbol = dlsym(RTLD_DEFAULT, name);
    for (const char *library : libraries) {
        if (symbol)
            break;
        // Plugins are loaded RTLD_LOCAL: ask the library already loaded.
        if (void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD))
            symbol = dlsym(handle, name);
    }
    return symbol;
}

void *libpqFunction(const char *name)
{
    return clientFunction({"libpq.so.5"}, name);
}

using NoticeProcessor = void (*)(void *, const char *);
using SetNoticeProcessor = NoticeProcessor (*)(void *, NoticeProcessor, void *);
using SendQuery = int (*)(void *, const char *);
using MysqlSendQuery = int (*)(void *, const char *, unsigned long);
using MysqlGetSocket = int (*)(void *);

SetNoticeProcessor setNoticeProcessor()
{
    static const auto function = reinterpret_cast<SetNoticeProcessor>(libpqFunction("PQsetNoticeProcessor"));
    return function;
}

// The driver's connection handle when its type is one of \a typeNames, else null.
void *driverHandle(const QSqlDatabase &database, std::initializer_list<const char *> typeNames)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid())
        return nullptr;
    for (const char *typeName : typeNames) {
        if (qstrcmp(handle.typeName(), typeName) == 0)
            return *static_cast<void *const *>(handle.data());
    }
    return nullptr;
}

void *postgresHandle(const QSqlDatabase &database)
{
    return driverHandle(database, {"PGconn*", "pg_conn*"});
}

} // namespace

bool Connection::sendAndClose(const QString &sql)
{
    const QByteArray text = sql.toUtf8();
    bool sent = false;
    if (m_dialect->name == QLatin1String("postgresql")) {
        static const auto send = reinterpret_cast<SendQuery>(libpqFunction("PQsendQuery"));
        void *connection = postgresHandle(database());
        sent = send && connection && send(connection, text.constData());
    } else if (m_dialect->name == QLatin1String("mysql")) {
        // Qt 6.4's QMYSQL names its handle st_mysql*, not MYSQL*.
        static const auto send = reinterpret_cast<MysqlSendQuery>(
            clientFunction({"libmariadb.so.3", "libmysqlclient.so.21"}, "mysql_send_query"));
        void *connection = driverHandle(database(), {"MYSQL*", "st_mysql*"});
        sent = send && connection && send(connection, text.constData(), static_cast<unsigned long>(text.size())) == 0;
        // mysql_close() reads the answer before it goes: with the socket closed for reading it
        // finds none and goes at once (dropping 10,000 tables' scratch database took 17.6 s of
        // a 28 s `check`). The server runs the query, then reads that the client has gone.
        static const auto socketOf = reinterpret_cast<MysqlGetSocket>(
            clientFunction({"libmariadb.so.3", "libmysqlclient.so.21"}, "mysql_get_socket"));
        if (sent && socketOf)
            if (const int fd = socketOf(connection); fd >= 0)
                ::shutdown(fd, SHUT_RD);
    }
    // The server reads that the client has gone only once it has run the query.
    if (sent)
        database().close();
    return sent;
}

void Connection::noticeReceived(void *connection, const char *message)
{
    // "WARNING:  text\n" → "WARNING: text"
    QString text = QString::fromUtf8(message).trimmed();
    text.replace(QRegularExpression(QStringLiteral("^([A-Z]+):\\s+")), QStringLiteral("\\1: "));
    static_cast<Connection *>(connection)->m_notices << driverMessage(text);
}

void Connection::collectNotices(bool on)
{
    // An adopted connection keeps the notice processor its application may have set.
    if (on == m_collectingNotices || !m_owned || m_dialect->name != QLatin1String("postgresql"))
        return;
    void *conn = postgresHandle(database());
    SetNoticeProcessor set = setNoticeProcessor();
    if (!conn || !set)
        return;
    // Outside runs the server keeps NOTICEs to itself (client_min_messages = warning, set
    // when the connection opens); a run hears them, to show them at their statement.
    if (on) {
        m_previousNoticeProcessor = reinterpret_cast<void *>(set(conn, &Connection::noticeReceived, this));
        // The processor's argument cannot be read back; libpq's default one ignores it.
        m_previousNoticeArgument = nullptr;
        QSqlQuery(database()).exec(QStringLiteral("SET client_min_messages = notice"));
    } else {
        QSqlQuery(database()).exec(QStringLiteral("SET client_min_messages = warning"));
        set(conn, reinterpret_cast<NoticeProcessor>(m_previousNoticeProcessor), m_previousNoticeArgument);
    }
    m_collectingNotices = on;
    m_notices.clear();
}

namespace {

// libmariadb's mysql_warning_count(): the warnings of the last statement, from its answer,
// without asking the server; null when the QMYSQL plugin links another client library.
using WarningCount = unsigned int (*)(void *);

WarningCount warningCount()
{
    static const auto function =
        reinterpret_cast<WarningCount>(clientFunction({"libmariadb.so.3", "libmysqlclient.so.21"}, "mysql_warning_count"));
    return function;
}

} // namespace

QStringList Connection::takeNotices()
{
    bool warned = true;
    if (m_dialect->name == QLatin1String("mysql")) {
        // SHOW WARNINGS is a round trip per statement; only when the statement had some.
        void *mysql = driverHandle(database(), {"MYSQL*", "st_mysql*"});
        if (WarningCount count = warningCount(); mysql && count)
            warned = count(mysql) > 0;
    }
    if (m_dialect->name == QLatin1String("mysql") && warned) {
        QSqlQuery query(database());
        if (query.exec(QStringLiteral("SHOW WARNINGS"))) {
            while (query.next()) {
                if (query.value(0).toString() != QLatin1String("Error"))
                    m_notices << driverMessage(QStringLiteral("%1 %2: %3").arg(query.value(0).toString(),
                                                                               query.value(1).toString(),
                                                                               query.value(2).toString()));
            }
        }
    }
    return std::exchange(m_notices, {});
}

// MariaDB's SQLSTATE of the statement that just failed, from its diagnostics area.
void Connection::addSqlState(Error &error)
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("GET DIAGNOSTICS CONDITION 1 @stratum_sqlstate = RETURNED_SQLSTATE"))
        || !query.exec(QStringLiteral("SELECT @stratum_sqlstate")) || !query.next())
        return;
    const QString state = query.value(0).toString();
    if (state.isEmpty())
        return;
    static const QRegularExpression number(QStringLiteral("\\(MariaDB error (\\d+)\\)$"));
    if (error.message.contains(number))
        error.message.replace(number, QStringLiteral("(MariaDB error \\1, SQLSTATE %1)").arg(state));
    else
        error.message += QStringLiteral(" (SQLSTATE %1)").arg(state);
}

QString Connection::maskedUrl() const
{
    return m_url.masked();
}

Status Connection::execute(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql)) {
        Error error = Error::database(errorText(query.lastError(), m_dialect->name));
        locateError(query.lastError(), sql, m_dialect->name, database(), error);
        if (m_dialect->name == QLatin1String("mysql"))
            addSqlState(error);
        return error;
    }
    if (m_dialect->name == QLatin1String("sqlite") && query.isSelect() && isForeignKeyCheck(sql))
        return foreignKeyViolations(query);
    return {};
}

Result<bool> Connection::tableExists(const QString &table, const QString &schema)
{
    auto value = selectValue(m_dialect->tableExistsSql(table, schema));
    if (!value)
        return value.error();
    return value->toLongLong() > 0;
}

Status Connection::createTableOnce(const QString &table, const QString &schema, const QString &createSql,
                                   const QString &what)
{
    auto present = tableExists(table, schema);
    if (!present)
        return present.error();
    if (*present)
        return {};
    auto done = execute(createSql);
    if (!done) {
        if (auto now = tableExists(table, schema); now && *now)
            return {};
        return Error::database(QStringLiteral("Could not create %1 %2 on %3: %4")
                                   .arg(what, m_dialect->qualifiedName(table, schema), maskedUrl(),
                                        done.error().message));
    }
    return {};
}

Result<int> Connection::executeCountingRows(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return Error::database(errorText(query.lastError(), m_dialect->name));
    return query.numRowsAffected();
}

Result<QList<int>> Connection::executeBatch(const QStringList &statements)
{
    QList<int> rows;
    if (!m_batches || statements.size() < 2) {
        for (const QString &sql : statements) {
            auto changed = executeCountingRows(sql);
            if (!changed)
                return changed.error();
            rows.append(*changed);
        }
        return rows;
    }
    QSqlQuery query(database());
    const bool sent = query.exec(statements.join(QLatin1String(";\n")));
    if (sent)
        rows.append(query.numRowsAffected());
    // Each further statement's result, or the error that ended the batch.
    while (sent && rows.size() < statements.size() && query.nextResult())
        rows.append(query.numRowsAffected());
    if (rows.size() < statements.size()) {
        Error error = Error::database(errorText(query.lastError(), m_dialect->name));
        if (m_dialect->name == QLatin1String("mysql"))
            addSqlState(error);
        if (!query.lastError().isValid())
            error.message = QStringLiteral("The server answered %1 of %2 statements.")
                                .arg(rows.size()).arg(statements.size());
        return error;
    }
    return rows;
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
