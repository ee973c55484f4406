// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/devdatabase.h"

#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"
#include "stratum/schema/ddlschedule_p.h"
#include "stratum/schema/mysqlindexfold_p.h"
#include "stratum/schema/ddltokens_p.h"
#include "stratum/schema/objectnormaliser_p.h"
#include "stratum/schema/parallelddl_p.h"
#include "stratum/schema/reflectors_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace Stratum {

namespace {

// 16 hex digits: scratch names of this form are the ones open() may sweep (earlier versions
// named MySQL scratch databases with fewer digits and held no lock on them).
QString randomSuffix()
{
    return QStringLiteral("%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

// The advisory lock a PostgreSQL scratch schema's session holds: (this class, hashtext(name)),
// apart from the migration lock's single bigint keys.
constexpr int kScratchLockClass = 0x53746476;
const QLatin1String kSweepable("^stratum_dev_[0-9a-f]{16}$");

// PostgreSQL batches: statements per round trip, and a bound on the text sent at once.
constexpr qsizetype kBatchStatements = 500;
constexpr qsizetype kBatchCharacters = 256 * 1024;
// SQLite partitions: about this many statements each, and only for schemas of at least two.
constexpr qsizetype kPartitionStatements = 100;
// PostgreSQL: scripts this long are run in committed transactions, on several sessions.
constexpr qsizetype kCommittedStatements = 600;
// MySQL: scripts this long are run on several sessions.
constexpr qsizetype kMysqlParallelStatements = 300;
// Sessions that build a long script (the dev connection included), and statements per
// transaction (PostgreSQL) or per turn of a session (MariaDB). PostgreSQL, 1,000 tables on 2
// cores, cold `check`, 10 runs each: 4 sessions of 100 statements 1.65 s ± 0.24, 3 of 100
// 1.51 s ± 0.10, 2 of 50 1.59 s ± 0.17, 3 of 50 1.42 s ± 0.06 (the transaction's lock
// bookkeeping grows with the square of what it holds).
constexpr int kBuildSessions = 4;
constexpr int kPostgresBuildSessions = 3;
constexpr qsizetype kCommittedBatch = 100;
constexpr qsizetype kPostgresCommittedBatch = 50;
// PostgreSQL: tables per DROP TABLE when a committed scratch schema goes (one transaction
// for all would again cost their square).
constexpr qsizetype kDropTables = 250;

// Drops a committed scratch schema in steps: its tables, newest first (those that reference
// others before these), a few hundred per transaction (one for all would again cost their
// square), then the schema with what is left. One statement, so that it can be sent and left
// to the server (a DO block may commit when it is not inside a transaction block).
QString dropPostgresSchemaSql(const Dialect &dialect, const QString &schema)
{
    return QStringLiteral(
               "DO $stratum$ DECLARE tables text; BEGIN LOOP "
               "SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO tables FROM ("
               "SELECT relnamespace, relname FROM pg_class WHERE relnamespace = %1::regnamespace AND relkind IN ('r', 'p') "
               "AND NOT relispartition ORDER BY oid DESC LIMIT %2) c JOIN pg_namespace n ON n.oid = c.relnamespace; "
               "EXIT WHEN tables IS NULL; EXECUTE 'DROP TABLE IF EXISTS ' || tables || ' CASCADE'; COMMIT; END LOOP; "
               "DROP SCHEMA %3 CASCADE; END $stratum$")
        .arg(dialect.quoteString(dialect.quoteIdentifier(schema)))
        .arg(kDropTables)
        .arg(dialect.quoteIdentifier(schema));
}

void dropPostgresSchema(Connection &connection, const QString &schema)
{
    connection.execute(QStringLiteral("SET synchronous_commit = off"));
    connection.execute(dropPostgresSchemaSql(connection.dialect(), schema));
}

// Scratch schemas whose session is gone (a process killed while it normalised): their
// advisory lock is free. Taking it keeps two processes from sweeping the same one.
void sweepPostgres(Connection &connection)
{
    const Dialect &dialect = connection.dialect();
    Result<QVariantList> stale = connection.selectColumn(
        QStringLiteral("SELECT nspname FROM (SELECT nspname FROM pg_namespace WHERE nspname ~ %1 OFFSET 0) s "
                       "WHERE pg_try_advisory_lock(%2, hashtext(nspname))")
            .arg(dialect.quoteString(kSweepable))
            .arg(kScratchLockClass));
    if (!stale)
        return;
    for (const QVariant &name : *stale) {
        dropPostgresSchema(connection, name.toString());
        connection.execute(QStringLiteral("SELECT pg_advisory_unlock(%1, hashtext(%2))")
                               .arg(kScratchLockClass)
                               .arg(dialect.quoteString(name.toString())));
    }
}

// The same for MySQL's scratch databases, whose session holds GET_LOCK(name).
void sweepMysql(Connection &connection)
{
    const Dialect &dialect = connection.dialect();
    Result<QVariantList> names = connection.selectColumn(
        QStringLiteral("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME REGEXP %1")
            .arg(dialect.quoteString(kSweepable)));
    if (!names)
        return;
    for (const QVariant &value : *names) {
        const QString name = dialect.quoteString(value.toString());
        Result<QVariant> locked = connection.selectValue(QStringLiteral("SELECT GET_LOCK(%1, 0)").arg(name));
        if (!locked || locked->toInt() != 1)
            continue;
        connection.execute(QStringLiteral("DROP DATABASE IF EXISTS ") + dialect.quoteIdentifier(value.toString()));
        connection.execute(QStringLiteral("DO RELEASE_LOCK(%1)").arg(name));
    }
}

// BEGIN, COMMIT … would end the dev transaction that keeps the scratch schema from surviving.
// Opens the transaction an in-memory SQLite dev database is built in. Each of its tables and
// indexes holds a page of its own, empty as they are: 10,000 tables with 2 indexes each took
// 131 MB in pages of the default 4 KiB, 29 MB in pages of 1 KiB, and about half that in the
// smallest, 512 bytes, in the same time. The page size has no part in what is reflected.
Status beginSqliteDev(Connection &connection)
{
    if (Status paged = connection.execute(QStringLiteral("PRAGMA page_size = 512")); !paged)
        return paged;
    // One transaction: SQLite commits each DDL statement on its own otherwise.
    return connection.execute(QStringLiteral("BEGIN"));
}

bool isTransactionControl(const QString &sql)
{
    const QList<Internal::DdlToken> tokens = Internal::tokenizeDdl(sql, 2);
    if (tokens.isEmpty())
        return false;
    const Internal::DdlToken &first = tokens.first();
    return first.is("BEGIN") || first.is("START") || first.is("COMMIT") || first.is("END")
           || first.is("ROLLBACK") || first.is("ABORT") || first.is("SAVEPOINT") || first.is("RELEASE")
           || (first.is("PREPARE") && tokens.size() > 1 && tokens.at(1).is("TRANSACTION"));
}

bool isName(const Internal::DdlToken &token)
{
    return token.kind == Internal::DdlToken::Word || token.kind == Internal::DdlToken::QuotedName;
}

// What a statement of a partitionable SQLite schema creates: a table, or an index of a table.
struct CreatedObject
{
    bool index = false;
    QString name;    // case-folded: SQLite compares names without regard to (ASCII) case
    QString table;   // indexes: the table, case-folded
};

// `CREATE TABLE [IF NOT EXISTS] name (` or `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON
// table (`, names unqualified; anything else (TEMP, AS SELECT, schema.name, views, triggers,
// ALTER, INSERT, PRAGMA …) is not.
std::optional<CreatedObject> plainCreate(const QString &sql)
{
    const QList<Internal::DdlToken> tokens = Internal::tokenizeDdl(sql, 12);
    qsizetype i = 0;
    const auto next = [&]() -> const Internal::DdlToken * { return i < tokens.size() ? &tokens.at(i++) : nullptr; };
    const Internal::DdlToken *t = next();
    if (!t || !t->is("CREATE"))
        return std::nullopt;
    CreatedObject created;
    t = next();
    if (t && t->is("UNIQUE")) {
        created.index = true;
        t = next();
        if (!t || !t->is("INDEX"))
            return std::nullopt;
    } else if (t && t->is("INDEX")) {
        created.index = true;
    } else if (!t || !t->is("TABLE")) {
        return std::nullopt;
    }
    if (i + 2 < tokens.size() && tokens.at(i).is("IF") && tokens.at(i + 1).is("NOT") && tokens.at(i + 2).is("EXISTS"))
        i += 3;
    t = next();
    if (!t || !isName(*t))
        return std::nullopt;
    created.name = t->identifier().toCaseFolded();
    if (created.index) {
        t = next();
        if (!t || !t->is("ON"))
            return std::nullopt;
        t = next();
        if (!t || !isName(*t))
            return std::nullopt;
        created.table = t->identifier().toCaseFolded();
    }
    t = next();
    if (!t || !t->isSymbol('('))
        return std::nullopt;
    return created;
}

} // namespace

Result<std::unique_ptr<DevDatabase>> DevDatabase::open(const DatabaseUrl &target, const QString &devUrl,
                                                       const QString &baseDir, const QStringList &includeSchemas)
{
    DatabaseUrl url = target;
    if (!devUrl.isEmpty()) {
        Result<DatabaseUrl> parsed = DatabaseUrl::parse(devUrl, baseDir);
        if (!parsed)
            return parsed.error();
        if (parsed->dialect != target.dialect)
            return Error::input(QStringLiteral("dev_url %1 is a %2 database, but the project's database is %3")
                                    .arg(parsed->masked(), parsed->dialect, target.dialect),
                                {}, 0, 0, QStringLiteral("The dev database must be of the same engine."));
        url = *parsed;
    }
    std::unique_ptr<DevDatabase> dev(new DevDatabase);
    dev->m_dialect = url.dialect;
    if (url.dialect == QLatin1String("sqlite")) {
        url.database = QStringLiteral(":memory:");
    }
    dev->m_url = url;
    Result<std::unique_ptr<Connection>> connection = Connection::open(url);
    if (!connection)
        return connection.error();
    dev->m_connection = std::move(*connection);
    Connection &c = *dev->m_connection;
    const Dialect &dialect = c.dialect();

    if (url.dialect == QLatin1String("sqlite")) {
        if (Status begin = beginSqliteDev(c); !begin)
            return begin.error();
        dev->m_inTransaction = true;
    } else if (url.dialect == QLatin1String("postgresql") && devUrl.isEmpty() && !includeSchemas.isEmpty()) {
        if (Status opened = dev->openOwnPostgresDatabase(); !opened)
            return opened.error();
    } else if (url.dialect == QLatin1String("postgresql")) {
        sweepPostgres(c);
        dev->m_scratch = QStringLiteral("stratum_dev_") + randomSuffix();
        dev->m_defaultSchema = dev->m_scratch;
        dev->m_sessionUrl = url;
        if (Status begin = c.execute(QStringLiteral("BEGIN")); !begin)
            return begin.error();
        dev->m_inTransaction = true;
        const QString name = dialect.quoteIdentifier(dev->m_scratch);
        if (Status created = c.execute(QStringLiteral("CREATE SCHEMA ") + name); !created)
            return Error{QStringLiteral("Could not create the temporary schema %1 on %2 to normalise the desired "
                                        "schema: %3")
                             .arg(dev->m_scratch, url.masked(), created.error().message),
                         {}, 0, 0,
                         QStringLiteral("Grant CREATE on the database to this user, or set dev_url to a database "
                                        "where it may create schemas."),
                         Error::Database};
        // The schemas of the database's extensions stay on the path: their types and functions
        // read as they do in the target. The lock is what tells sweepPostgres() the schema is
        // in use, should it ever be committed.
        Result<QVariant> path = c.selectValue(QStringLiteral(
            "SELECT set_config('search_path', %1 || coalesce(', ' || (SELECT string_agg(DISTINCT quote_ident(n.nspname), "
            "', ') FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname <> 'pg_catalog'), ''), "
            "false), pg_advisory_lock(%2, hashtext(%3))")
                                                  .arg(dialect.quoteString(name))
                                                  .arg(kScratchLockClass)
                                                  .arg(dialect.quoteString(dev->m_scratch)));
        if (!path)
            return path.error();
        dev->m_searchPath = path->toString();
    } else if (url.dialect == QLatin1String("mysql")) {
        sweepMysql(c);
        dev->m_scratch = QStringLiteral("stratum_dev_") + randomSuffix();
        if (Status locked = c.execute(QStringLiteral("DO GET_LOCK(%1, 0)").arg(dialect.quoteString(dev->m_scratch))); !locked)
            return locked.error();
        // Same character set and collation as the target, so column collations compare equal.
        QString options;
        Result<QVariantList> charset = c.selectColumn(
            QStringLiteral("SELECT CONCAT('CHARACTER SET ', DEFAULT_CHARACTER_SET_NAME, ' COLLATE ', "
                           "DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %1")
                .arg(dialect.quoteString(target.database)));
        if (charset && !charset->isEmpty())
            options = QLatin1Char(' ') + charset->first().toString();
        const QString name = dialect.quoteIdentifier(dev->m_scratch);
        if (Status created = c.execute(QStringLiteral("CREATE DATABASE ") + name + options); !created) {
            dev->m_scratch.clear();
            return Error{QStringLiteral("Could not create the temporary database stratum_dev_… on %1 to normalise "
                                        "the desired schema: %2")
                             .arg(url.masked(), created.error().message),
                         {}, 0, 0,
                         QStringLiteral("Grant CREATE and DROP on stratum_dev_% databases to this user, or set "
                                        "dev_url to a server where it may create databases."),
                         Error::Database};
        }
        if (Status use = c.execute(QStringLiteral("USE ") + name); !use)
            return use.error();
        dev->m_sessionUrl = url;
        dev->m_sessionUrl.database = dev->m_scratch;
    }
    return dev;
}

// include_schemas names schemas of the target database itself (`auth`, `billing`): a scratch
// schema cannot stand in for them, so the desired schema gets a database of its own on the
// target's server, with the target's default schema, dropped again by drop().
Status DevDatabase::openOwnPostgresDatabase()
{
    Connection &admin = *m_connection;
    const Dialect &dialect = admin.dialect();
    Result<QVariant> current = admin.selectValue(QStringLiteral("SELECT current_schema()"));
    if (!current)
        return current.error();
    m_defaultSchema = current->toString().isEmpty() ? QStringLiteral("public") : current->toString();
    const QString name = QStringLiteral("stratum_dev_") + randomSuffix();
    if (Status created = admin.execute(QStringLiteral("CREATE DATABASE ") + dialect.quoteIdentifier(name)); !created)
        return Error{QStringLiteral("Could not create the temporary database %1 on %2 to normalise the desired schema "
                                    "of include_schemas: %3")
                         .arg(name, m_url.masked(), created.error().message),
                     {}, 0, 0,
                     QStringLiteral("With include_schemas the desired schema needs a database of its own: grant "
                                    "CREATEDB to this user, or set dev_url to an empty database."),
                     Error::Database};
    m_ownDatabase = name;
    m_admin = std::move(m_connection);
    m_sessionUrl = m_url;
    m_sessionUrl.database = name;
    Result<std::unique_ptr<Connection>> connection = Connection::open(m_sessionUrl);
    if (!connection)
        return connection.error();
    m_connection = std::move(*connection);
    if (Status begin = m_connection->execute(QStringLiteral("BEGIN")); !begin)
        return begin;
    m_inTransaction = true;
    const QString schema = dialect.quoteIdentifier(m_defaultSchema);
    if (m_defaultSchema != QLatin1String("public"))
        if (Status created = m_connection->execute(QStringLiteral("CREATE SCHEMA ") + schema); !created)
            return created;
    m_searchPath = schema;
    return m_connection->execute(QStringLiteral("SET search_path TO ") + schema);
}

QString DevDatabase::devText(const QString &sql)
{
    if (m_dialect != QLatin1String("postgresql"))
        return sql;
    // Extensions are per database: the target may have one already, and the dev schema shares it.
    static const QRegularExpression extension(
        QStringLiteral("^(\\s*CREATE\\s+EXTENSION)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = extension.match(sql); match.hasMatch()) {
        QString name = match.captured(3);
        name = name.startsWith(QLatin1Char('"')) ? name.mid(1, name.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""))
                                                 : name.toLower();
        if (!m_extensions.contains(name))
            m_extensions << name;
        return match.captured(2).isEmpty() ? QString(sql).replace(extension, QStringLiteral("\\1 IF NOT EXISTS \\3")) : sql;
    }
    if (!sql.contains(QLatin1String("CONCURRENTLY"), Qt::CaseInsensitive))
        return sql;
    // CONCURRENTLY cannot run inside the dev transaction; for an empty table it changes nothing
    // of the result, so the dev database builds the index the plain way.
    static const QRegularExpression concurrently(
        QStringLiteral("^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX\\s+\\w+))\\s+CONCURRENTLY\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = sql;
    return text.replace(concurrently, QStringLiteral("\\1"));
}

DevDatabase::~DevDatabase()
{
    drop();
}

void DevDatabase::drop()
{
    m_partitions.clear();
    m_partitioned.clear();
    if (!m_connection)
        return;
    if (!m_ownDatabase.isEmpty()) {
        // Closing first; FORCE ends the server's side of it if it is still rolling back.
        m_connection.reset();
        m_inTransaction = false;
        if (m_admin)
            m_admin->execute(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                 .arg(m_admin->dialect().quoteIdentifier(m_ownDatabase)));
        m_ownDatabase.clear();
        m_admin.reset();
        return;
    }
    if (m_dialect == QLatin1String("postgresql") && m_committed) {
        // Like the rollback below, the server's work need not hold up the command: the
        // connection sends the drop (each step committed on its own) and goes. Should the
        // server not finish it, its session's lock is gone and the next open() sweeps it.
        if (!m_connection->sendAndClose(dropPostgresSchemaSql(m_connection->dialect(), m_scratch)))
            dropPostgresSchema(*m_connection, m_scratch);
        m_committed = false;
    } else if (m_dialect == QLatin1String("postgresql") && m_inTransaction) {
        // Closing the connection makes the server roll the transaction back on its own:
        // removing the files of a thousand tables need not hold up the command.
        m_inTransaction = false;
    } else if (m_dialect != QLatin1String("mysql") && m_inTransaction) {
        m_connection->execute(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
    } else if (m_dialect == QLatin1String("mysql") && !m_scratch.isEmpty()) {
        // Removing the files of many tables is left to the server (its session keeps the
        // user lock that tells sweepMysql() the database is in use until it is gone).
        const QString dropSql = QStringLiteral("DROP DATABASE IF EXISTS ") + m_connection->dialect().quoteIdentifier(m_scratch);
        if (!m_connection->sendAndClose(dropSql))
            m_connection->execute(dropSql);
        m_scratch.clear();
    }
    m_connection.reset();
}

Status DevDatabase::execute(const SqlStatement &statement, const QString &file)
{
    if (!m_partitioned.isEmpty())
        if (Status joined = joinPartitions(); !joined)
            return joined;
    if (m_dialect == QLatin1String("postgresql") && isTransactionControl(statement.text))
        return Error::input(QStringLiteral("Transaction control statements cannot run on the dev database"), file,
                            statement.line, statement.column,
                            QStringLiteral("The desired schema is applied inside one transaction that is rolled back "
                                           "afterwards; remove BEGIN, COMMIT, ROLLBACK and SAVEPOINT from it."));
    m_used = true;
    Status status = m_connection->execute(devText(statement.text));
    if (status)
        return status;
    return Error::input(status.error().message, file, statement.line, statement.column,
                        QStringLiteral("The statement does not run on the %1 dev database.")
                            .arg(m_connection->dialect().name));
}

Status DevDatabase::executeOneByOne(const QList<SourcedStatement> &statements, qsizetype begin, qsizetype end)
{
    for (qsizetype i = begin; i < end; ++i)
        if (Status ran = execute(statements.at(i).statement, statements.at(i).file); !ran)
            return ran;
    return {};
}

Status DevDatabase::executeAll(const QList<SourcedStatement> &statements)
{
    if (!m_partitioned.isEmpty())
        if (Status joined = joinPartitions(); !joined)
            return joined;
    if (m_dialect == QLatin1String("postgresql"))
        return statements.size() >= kCommittedStatements || m_committed ? executeCommitted(statements)
                                                                         : executeBatched(statements);
    if (m_dialect == QLatin1String("mysql") && statements.size() >= kMysqlParallelStatements)
        return executeParallel(statements);
    if (m_dialect == QLatin1String("mysql"))
        return executeFolded(statements);
    if (m_dialect == QLatin1String("sqlite")) {
        Result<bool> partitioned = executePartitioned(statements);
        if (!partitioned)
            return partitioned.error();
        if (*partitioned)
            return {};
    }
    return executeOneByOne(statements, 0, statements.size());
}

Status DevDatabase::executeFolded(const QList<SourcedStatement> &statements)
{
    QStringList texts;
    texts.reserve(statements.size());
    for (const SourcedStatement &s : statements)
        texts << s.statement.text;
    const Internal::FoldedStatements groups = Internal::foldMysqlIndexes(texts);
    for (qsizetype g = 0; g < groups.first.size(); ++g) {
        const qsizetype begin = groups.first.at(g);
        const qsizetype end = groups.end(g, statements.size());
        if (end - begin > 1) {
            m_used = true;
            if (m_connection->execute(groups.texts.at(g)))
                continue;
            // Nothing of a failed CREATE TABLE stays (MariaDB's DDL is atomic): its statements
            // one by one tell which of them fails, and where.
        }
        if (Status ran = executeOneByOne(statements, begin, end); !ran)
            return ran;
    }
    return {};
}

Status DevDatabase::executeBatched(const QList<SourcedStatement> &statements)
{
    for (const SourcedStatement &s : statements)
        if (isTransactionControl(s.statement.text))
            return execute(s.statement, s.file);   // the error, at its place

    // Several statements in one query string run one after the other, and the first that
    // fails aborts the transaction; QPSQL reports only the first statement's result, so
    // whether the batch went through is read from the RELEASE after it.
    const QString savepoint = QStringLiteral("stratum_batch");
    qsizetype begin = 0;
    while (begin < statements.size()) {
        qsizetype end = begin;
        const QString batch = batchText(statements, kBatchStatements, end);
        if (Status saved = m_connection->execute(QStringLiteral("SAVEPOINT ") + savepoint); !saved)
            return saved;
        const bool sent = m_connection->execute(batch).ok();
        if (!sent || !m_connection->execute(QStringLiteral("RELEASE SAVEPOINT ") + savepoint).ok()) {
            // Undo the batch and run it again one statement at a time to find the culprit.
            if (Status undone = m_connection->execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint); !undone)
                return undone;
            if (Status ran = executeOneByOne(statements, begin, end); !ran)
                return ran;
            if (Status released = m_connection->execute(QStringLiteral("RELEASE SAVEPOINT ") + savepoint); !released)
                return released;
        }
        begin = end;
    }
    return {};
}

Status DevDatabase::executeCommitted(const QList<SourcedStatement> &statements)
{
    for (const SourcedStatement &s : statements)
        if (isTransactionControl(s.statement.text))
            return execute(s.statement, s.file);   // the error, at its place
    if (m_inTransaction) {
        if (Status committed = m_connection->execute(QStringLiteral("COMMIT")); !committed)
            return committed;
        m_inTransaction = false;
        // Nothing is lost when the server loses the last commits in a crash: the schema is
        // thrown away in any case.
        if (Status set = m_connection->execute(QStringLiteral("SET synchronous_commit = off")); !set)
            return set;
    }
    m_committed = m_ownDatabase.isEmpty();
    m_used = true;
    return executeParallel(statements);
}

Status DevDatabase::executeParallel(const QList<SourcedStatement> &statements)
{
    QStringList texts;
    texts.reserve(statements.size());
    for (const SourcedStatement &s : statements)
        texts << devText(s.statement.text);
    // On MariaDB a table's indexes run inside its CREATE TABLE; a group that fails runs again
    // below as the statements it was made of.
    Internal::FoldedStatements groups;
    if (m_dialect == QLatin1String("mysql")) {
        groups = Internal::foldMysqlIndexes(texts);
    } else {
        groups.texts = texts;
        for (qsizetype i = 0; i < texts.size(); ++i)
            groups.first << i;
    }
    QList<bool> done(statements.size(), false);
    if (const std::optional<Internal::DdlSchedule> schedule = Internal::DdlSchedule::plan(groups.texts)) {
        Internal::ParallelDdlOptions options;
        const bool postgres = m_dialect == QLatin1String("postgresql");
        options.sessions = postgres ? kPostgresBuildSessions : kBuildSessions;
        options.batchStatements = postgres ? kPostgresCommittedBatch : kCommittedBatch;
        options.batchAsOneQuery = postgres;
        const QList<bool> ran = Internal::runParallelDdl(*schedule, groups.texts, *m_connection,
                                                         [this] { return openSession(); }, options);
        for (qsizetype g = 0; g < groups.first.size(); ++g)
            for (qsizetype i = groups.first.at(g); i < groups.end(g, statements.size()); ++i)
                done[i] = ran.at(g);
    }
    // What did not run (all of it where the script does not allow sessions side by side, or
    // after a failure), in the script's order: the first statement that fails is the one a
    // single session would have stopped at.
    QList<SourcedStatement> rest;
    for (qsizetype i = 0; i < statements.size(); ++i)
        if (!done.at(i))
            rest.append(statements.at(i));
    if (m_dialect == QLatin1String("postgresql"))
        return executeInTransactions(rest);
    return executeFolded(rest);
}

QString DevDatabase::batchText(const QList<SourcedStatement> &statements, qsizetype count, qsizetype &end)
{
    const qsizetype begin = end;
    QString batch;
    while (end < statements.size() && end - begin < count && batch.size() < kBatchCharacters) {
        // On a line of its own: the statement may end in a comment.
        batch += devText(statements.at(end).statement.text);
        batch += QLatin1String("\n;\n");
        ++end;
    }
    return batch;
}

Status DevDatabase::executeInTransactions(const QList<SourcedStatement> &statements)
{
    qsizetype begin = 0;
    while (begin < statements.size()) {
        qsizetype end = begin;
        const QString batch = batchText(statements, kPostgresCommittedBatch, end);
        if (!Internal::executeTransaction(*m_connection, batch))
            if (Status ran = executeOneByOne(statements, begin, end); !ran)
                return ran;
        begin = end;
    }
    return {};
}

Result<std::unique_ptr<Connection>> DevDatabase::openSession() const
{
    Result<std::unique_ptr<Connection>> connection = Connection::open(m_sessionUrl);
    if (!connection || m_dialect != QLatin1String("postgresql"))
        return connection;
    if (Status set = (*connection)->execute(QStringLiteral("SET synchronous_commit = off")); !set)
        return set.error();
    if (Status path = (*connection)->execute(QStringLiteral("SELECT set_config('search_path', %1, false)")
                                                  .arg((*connection)->dialect().quoteString(m_searchPath)));
        !path)
        return path.error();
    return connection;
}

Result<bool> DevDatabase::executePartitioned(const QList<SourcedStatement> &statements)
{
    // Only into an empty database: what ran before is in the main connection alone.
    if (m_used || statements.size() < 2 * kPartitionStatements)
        return false;
    // Which table each statement belongs to; every name (tables and indexes share SQLite's
    // namespace) once, and every index after its table.
    QList<qsizetype> owner(statements.size());
    QHash<QString, qsizetype> tables;   // case-folded name → ordinal
    QSet<QString> names;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const std::optional<CreatedObject> created = plainCreate(statements.at(i).statement.text);
        if (!created || names.contains(created->name))
            return false;
        names.insert(created->name);
        if (created->index) {
            const auto table = tables.constFind(created->table);
            if (table == tables.constEnd())
                return false;
            owner[i] = *table;
        } else {
            owner[i] = tables.size();
            tables.insert(created->name, owner[i]);
        }
    }
    const qsizetype count = (statements.size() + kPartitionStatements - 1) / kPartitionStatements;
    std::vector<std::unique_ptr<Connection>> partitions;
    for (qsizetype p = 0; p < count; ++p) {
        Result<std::unique_ptr<Connection>> opened = Connection::open(m_url);
        if (!opened)
            return opened.error();
        if (Status begun = beginSqliteDev(**opened); !begun)
            return begun.error();
        partitions.push_back(std::move(*opened));
    }
    for (qsizetype i = 0; i < statements.size(); ++i)
        if (!partitions.at(owner.at(i) % count)->execute(statements.at(i).statement.text))
            return false;   // one database tells which statement fails, and how
    m_partitions = std::move(partitions);
    m_partitioned = statements;
    return true;
}

Status DevDatabase::joinPartitions()
{
    const QList<SourcedStatement> statements = std::move(m_partitioned);
    m_partitions.clear();
    m_partitioned.clear();
    return executeOneByOne(statements, 0, statements.size());
}

Result<QList<SourcedStatement>> DevDatabase::readFiles(const QStringList &files)
{
    QList<SourcedStatement> out;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::input(QStringLiteral("Could not read the schema file: %1").arg(file.errorString()), path);
        Result<QList<SqlStatement>> statements = splitSqlStatements(QString::fromUtf8(file.readAll()), path);
        if (!statements)
            return statements.error();
        out.reserve(out.size() + statements->size());
        for (SqlStatement &statement : *statements)
            out.append(SourcedStatement{std::move(statement), path});
    }
    return out;
}

Status DevDatabase::applyFiles(const QStringList &files)
{
    Result<QList<SourcedStatement>> statements = readFiles(files);
    if (!statements)
        return statements.error();
    return executeAll(*statements);
}

Result<Schema> DevDatabase::reflect(const QStringList &includeSchemas, int *queryCount)
{
    ReflectOptions options;
    options.defaultSchema = m_defaultSchema;
    options.schemas = includeSchemas;
    // Partitions go once reflected (below); a second reflection finds them joined.
    if (m_partitions.empty() && !m_partitioned.isEmpty())
        if (Status joined = joinPartitions(); !joined)
            return joined.error();
    if (m_partitions.empty()) {
        Result<Schema> schema = SchemaReflector::reflect(*m_connection, options, queryCount);
        if (schema && m_dialect == QLatin1String("postgresql")) {
            schema->extensions = m_extensions;
            schema->extensions.sort();
        }
        return schema;
    }
    Schema joined;
    joined.dialect = m_connection->dialect().name;
    int total = 0;
    // Each partition is closed once reflected, so that its memory is free before the schema
    // it yields has all been read: 10,000 tables' partitions hold 40 MB.
    for (std::unique_ptr<Connection> &partition : m_partitions) {
        int count = 0;
        Result<Schema> part = SchemaReflector::reflect(*partition, options, &count);
        if (!part) {
            m_partitions.clear();
            return part.error();
        }
        partition.reset();
        total += count;
        joined.tables.append(std::move(part->tables));
        joined.views.append(std::move(part->views));
    }
    m_partitions.clear();
    // A foreign key may name a table of another partition.
    Internal::resolveImplicitReferences(joined);
    joined.sort();
    if (queryCount)
        *queryCount = total;
    return joined;
}

Result<QByteArray> DevDatabase::fingerprint()
{
    QString query;
    if (m_dialect == QLatin1String("sqlite")) {
        query = QStringLiteral("SELECT 'sqlite ' || sqlite_version()");
    } else if (m_dialect == QLatin1String("postgresql")) {
        query = QStringLiteral(
            "SELECT concat_ws(E'\\n', version(), current_setting('server_encoding'), "
            "(SELECT datcollate || ' ' || datctype FROM pg_database WHERE datname = current_database()), "
            "(SELECT string_agg(extname || ' ' || extversion, ',' ORDER BY extname) FROM pg_extension))");
    } else if (m_dialect == QLatin1String("mysql")) {
        // After USE of the scratch database, which has the target's character set.
        query = QStringLiteral(
            "SELECT CONCAT_WS('\\n', VERSION(), @@sql_mode, @@lower_case_table_names, @@character_set_database, "
            "@@collation_database, @@default_storage_engine, @@explicit_defaults_for_timestamp)");
    } else {
        return Error::input(QStringLiteral("No fingerprint for %1").arg(m_dialect));
    }
    Result<QVariant> value = m_connection->selectValue(query);
    if (!value)
        return value.error();
    return m_dialect.toUtf8() + '\n' + value->toString().toUtf8();
}

Result<QStringList> DesiredSchema::files(const QStringList &globs, const QString &baseDir)
{
    QStringList out;
    for (const QString &glob : globs) {
        const QString absolute = QDir::isAbsolutePath(glob) ? glob : QDir(baseDir).filePath(glob);
        const QFileInfo info(absolute);
        QDir folder = info.dir();
        const QStringList names = folder.entryList({info.fileName()}, QDir::Files, QDir::Name);
        for (const QString &name : names) {
            const QString path = folder.filePath(name);
            if (!out.contains(path))
                out << path;
        }
    }
    if (out.isEmpty())
        return Error::input(QStringLiteral("No desired schema files match '%1'").arg(globs.join(QLatin1Char(' '))),
                            {}, 0, 0,
                            QStringLiteral("Set 'schema' in stratum.ini to the DDL files autogenerate aims at "
                                           "(default schema/*.sql)."));
    return out;
}

Result<Schema> DesiredSchema::load(const QStringList &files, const DatabaseUrl &target,
                                   const NormaliseOptions &options)
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    if (options.cache.enabled()) {
        for (const QString &path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error::input(QStringLiteral("Could not read the schema file: %1").arg(file.errorString()), path);
            SchemaCache::addToDigest(digest, file.readAll());
        }
    }
    return normalise(target, options, digest.result(), [&files] { return DevDatabase::readFiles(files); }, true);
}

Result<Schema> DesiredSchema::normalise(const DatabaseUrl &target, const NormaliseOptions &options,
                                        const QByteArray &ddlDigest,
                                        const std::function<Result<QList<SourcedStatement>>()> &read)
{
    return normalise(target, options, ddlDigest, read, false);
}

Result<Schema> DesiredSchema::normalise(const DatabaseUrl &target, const NormaliseOptions &options,
                                        const QByteArray &ddlDigest,
                                        const std::function<Result<QList<SourcedStatement>>()> &read, bool byObject)
{
    NormaliseStats ignored;
    NormaliseStats &stats = options.stats ? *options.stats : ignored;
    stats = {};
    const auto openDev = [&] { return DevDatabase::open(target, options.devUrl, options.baseDir, options.includeSchemas); };
    Result<std::unique_ptr<DevDatabase>> dev = openDev();
    if (!dev)
        return dev.error();
    QByteArray key, fingerprint;
    if (options.cache.enabled() && (options.includeSchemas.isEmpty() || (*dev)->isolated())) {
        if (Result<QByteArray> print = (*dev)->fingerprint()) {
            fingerprint = *print;
            key = SchemaCache::key(fingerprint, ddlDigest, options.includeSchemas);
        }
    }
    if (!key.isEmpty()) {
        if (std::optional<Schema> cached = options.cache.load(key)) {
            if (options.info)
                options.info(QStringLiteral("DDL unchanged since its last normalisation: using the cached result "
                                            "(schema_cache = false turns this off)."));
            stats.wholeFromCache = true;
            return std::move(*cached);
        }
    }
    Result<QList<SourcedStatement>> statements = read();
    if (!statements)
        return statements.error();

    // Object by object, where the objects can be told apart (docs/decisions.md).
    std::optional<Internal::ObjectNormaliser> objects;
    if (byObject && !key.isEmpty() && options.includeSchemas.isEmpty())
        objects.emplace(*statements, options.cache, fingerprint, target.dialect);
    if (objects && objects->splittable()) {
        Result<std::optional<Schema>> joined = objects->run(**dev);
        stats = objects->stats;
        if (!joined)
            return joined.error();
        if (*joined) {
            options.cache.store(key, **joined);
            if (options.info)
                options.info(QStringLiteral("Normalised %1 of %2 objects again; the rest are as cached "
                                            "(schema_cache = false turns this off).")
                                 .arg(stats.objects - stats.reused).arg(stats.objects));
            return std::move(**joined);
        }
        if (stats.statementsApplied > 0) {
            dev = openDev();
            if (!dev)
                return dev.error();
        }
    } else if (objects) {
        stats = objects->stats;
    }
    if (Status applied = (*dev)->executeAll(*statements); !applied)
        return applied.error();
    stats.statementsApplied += statements->size();
    Result<Schema> schema = (*dev)->reflect(options.includeSchemas);
    ++stats.rounds;
    if (schema && !key.isEmpty()) {
        options.cache.store(key, *schema);
        if (objects)
            objects->record(*schema);
    }
    return schema;
}

} // namespace Stratum
