// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/config/url.h"
#include "stratum/error.h"
#include "stratum/schema/schema.h"
#include "stratum/schema/schemacache.h"
#include "stratum/schema/schemareflector.h"
#include "stratum/script/sqllexer.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Stratum {

class Connection;

/// A statement of a desired schema (or of a replayed revision) and the file it comes from.
struct SourcedStatement
{
    SqlStatement statement;
    QString file;
};

/// A scratch database of the target's engine, for normalising DDL the way Atlas does it:
/// apply, then reflect (DESIGN.md §6). Whatever it creates is gone when it is destroyed,
/// also after a failure:
/// - SQLite: an in-memory database.
/// - PostgreSQL: a schema `stratum_dev_<random>` on `dev_url` or else on the target server;
///   statements run with that schema first on the search path. It is created inside a
///   transaction that is never committed (so nothing survives even a crash; on destruction
///   the connection closes and the server rolls it back), unless executeAll() gets a long
///   script (see there): then it is committed, dropped on destruction, and while it exists
///   its session holds an advisory lock named after it, so that a schema left by a process
///   that died is recognised (its lock is free) and dropped by the next open(). With
///   include_schemas and no `dev_url`, a database `stratum_dev_<random>` on the target server
///   instead (the desired schema's other schemas would collide with the target's own),
///   dropped on destruction.
/// - MySQL/MariaDB: a database `stratum_dev_<random>` on `dev_url` or the target server,
///   with the target database's character set and collation, dropped on destruction; its
///   session holds a user lock (GET_LOCK) of its name meanwhile, and open() drops such
///   databases whose lock is free.
class DevDatabase
{
public:
    /// Opens the dev database for \a target (the project's database). \a devUrl, when not
    /// empty, names the server to use instead. Connection failures are Error::database;
    /// a missing permission to create the scratch schema/database says so and what to do.
    static Result<std::unique_ptr<DevDatabase>> open(const DatabaseUrl &target, const QString &devUrl = {},
                                                     const QString &baseDir = {},
                                                     const QStringList &includeSchemas = {});
    ~DevDatabase();
    DevDatabase(const DevDatabase &) = delete;
    DevDatabase &operator=(const DevDatabase &) = delete;

    /// The scratch connection. After executeAll() spread a large schema over several SQLite
    /// databases (see there), it holds none of it until execute() runs the next statement.
    Connection &connection() { return *m_connection; }
    /// The scratch schema or database name (empty for SQLite).
    QString scratchName() const { return m_ownDatabase.isEmpty() ? m_scratch : m_ownDatabase; }
    /// Whether nothing but what executeAll() creates can be reflected here, in any schema:
    /// an in-memory SQLite database, or a PostgreSQL database of its own.
    bool isolated() const { return m_dialect == QLatin1String("sqlite") || !m_ownDatabase.isEmpty(); }

    /// Runs one statement of \a file. A failure is Error::input at the statement's file:line
    /// with the database's message (the DDL is what is wrong).
    Status execute(const SqlStatement &statement, const QString &file);
    /// Runs \a statements in order with the result of calling execute() on each, in fewer
    /// steps where the engine allows it:
    /// - PostgreSQL sends them in batches of many statements per round trip, each batch under
    ///   a savepoint; a batch that fails is rolled back to it and run again statement by
    ///   statement, so the error still names the statement's file and line. A long script
    ///   would cost the square of its length in one transaction (the server's bookkeeping of
    ///   the locks it holds grows with every object created): it commits the scratch schema
    ///   and runs in batches of their own transactions instead, on several sessions at once
    ///   where the statements allow it (Internal::DdlSchedule), the rest in order on this one.
    /// - MySQL: a long script runs on several sessions the same way (DDL commits anyway).
    /// - SQLite scans its whole schema table after every DDL statement, which makes a long
    ///   schema cost the square of its length. When the statements are only CREATE TABLE and
    ///   CREATE INDEX (whose outcome in SQLite depends on no other table: foreign keys are not
    ///   resolved before rows change) with distinct names, they are spread table by table over
    ///   several in-memory databases and reflect() joins them. Anything else, or any failure,
    ///   runs them all in one database as execute() would.
    /// - MySQL commits each DDL statement and spends its time on files, not round trips:
    ///   statement by statement (short scripts on this session alone).
    Status executeAll(const QList<SourcedStatement> &statements);
    /// Reads \a files (splitting each into statements) in order for executeAll().
    static Result<QList<SourcedStatement>> readFiles(const QStringList &files);
    /// Splits and runs every file in order (readFiles() and executeAll()).
    Status applyFiles(const QStringList &files);
    /// Reflects what has been created, named as if it were the target's default schema.
    Result<Schema> reflect(const QStringList &includeSchemas = {}, int *queryCount = nullptr);
    /// What decides, besides the DDL, how DDL normalises here (a SchemaCache key): the
    /// engine's version, and the settings and installed objects DDL reads (PostgreSQL's
    /// extensions and encoding, MySQL's sql_mode and character set).
    Result<QByteArray> fingerprint();

private:
    DevDatabase() = default;
    void drop();
    Status openOwnPostgresDatabase();
    /// \a sql as the dev database runs it (PostgreSQL: without CONCURRENTLY).
    QString devText(const QString &sql);
    Status executeOneByOne(const QList<SourcedStatement> &statements, qsizetype begin, qsizetype end);
    Status executeBatched(const QList<SourcedStatement> &statements);
    /// SQLite: true when the statements were spread over partitions; false to run them in one.
    Result<bool> executePartitioned(const QList<SourcedStatement> &statements);
    Status joinPartitions();
    /// MariaDB: each table with the indexes that follow it in one statement (mysqlindexfold_p.h).
    Status executeFolded(const QList<SourcedStatement> &statements);
    /// PostgreSQL: commits the scratch schema and runs \a statements in transactions of
    /// their own, on several sessions where they allow it.
    Status executeCommitted(const QList<SourcedStatement> &statements);
    /// Runs what Internal::DdlSchedule allows on several sessions, then the rest in order here.
    Status executeParallel(const QList<SourcedStatement> &statements);
    /// PostgreSQL, committed: batches of statements, each batch one transaction; a batch that
    /// fails runs again statement by statement for the error's place.
    Status executeInTransactions(const QList<SourcedStatement> &statements);
    /// Up to \a count statements from \a end on as one query; moves \a end past them.
    QString batchText(const QList<SourcedStatement> &statements, qsizetype count, qsizetype &end);
    /// Another session on the scratch schema or database, as m_connection is.
    Result<std::unique_ptr<Connection>> openSession() const;

    std::unique_ptr<Connection> m_connection;
    QString m_scratch;
    QString m_defaultSchema;        ///< PostgreSQL: what reflect() names the default schema
    QString m_ownDatabase;          ///< PostgreSQL: the database of its own, if one was made
    std::unique_ptr<Connection> m_admin;   ///< PostgreSQL: the target connection, to drop it
    QString m_dialect;
    /// PostgreSQL: the extensions the desired schema creates. They are what it has: the dev
    /// schema shares the database's extensions, whatever the schema files say.
    QStringList m_extensions;
    bool m_inTransaction = false;
    bool m_committed = false;       ///< PostgreSQL: the scratch schema is committed, to be dropped
    QString m_searchPath;           ///< PostgreSQL: the search_path of the scratch session(s)
    DatabaseUrl m_sessionUrl;       ///< where openSession() connects
    bool m_used = false;            ///< a statement ran in m_connection
    DatabaseUrl m_url;
    /// SQLite: in-memory databases holding the schema executeAll() spread over them, and
    /// the statements, to run them in m_connection when more statements follow.
    std::vector<std::unique_ptr<Connection>> m_partitions;
    QList<SourcedStatement> m_partitioned;
};

/// What a normalisation of the desired schema did (for messages and tests).
struct NormaliseStats
{
    bool wholeFromCache = false;   ///< the whole result came from the cache
    bool byObject = false;         ///< normalised object by object (DesiredSchema::load)
    QString whyWhole;              ///< otherwise, why the schema was applied whole
    qsizetype objects = 0;         ///< units of the schema (see the incremental normalisation)
    qsizetype reused = 0;          ///< of them, taken from the cache
    qsizetype statementsApplied = 0;   ///< statements run on the dev database
    int rounds = 0;                ///< times the dev database was reflected
};

/// Where and how DDL is normalised.
struct NormaliseOptions
{
    QString devUrl;                ///< the dev server; empty = the target's (see DevDatabase)
    QStringList includeSchemas;
    QString baseDir;               ///< for a relative SQLite dev_url
    /// Normalised schemas kept from earlier runs; none by default. With includeSchemas only
    /// used where the dev database is isolated(): elsewhere its other schemas are part of the
    /// result.
    SchemaCache cache;
    /// Told (one line) when the schema comes from the cache.
    std::function<void(const QString &)> info;
    /// Filled in, when set.
    NormaliseStats *stats = nullptr;
};

/// The desired schema of a project: `schema/*.sql` (\a globs relative to \a baseDir).
struct DesiredSchema
{
    /// The files the globs name, each glob's matches sorted by name; none is an Error::input.
    static Result<QStringList> files(const QStringList &globs, const QString &baseDir);
    /// Applies \a files on a DevDatabase for \a target and reflects the result, or takes
    /// it from the cache when the files and the dev server are as they were then.
    static Result<Schema> load(const QStringList &files, const DatabaseUrl &target,
                               const NormaliseOptions &options = {});
    /// The same for any DDL: \a read gives the statements, \a ddlDigest stands for them
    /// (equal digests, equal statements). \a read is not called when the cache has the result.
    static Result<Schema> normalise(const DatabaseUrl &target, const NormaliseOptions &options,
                                    const QByteArray &ddlDigest,
                                    const std::function<Result<QList<SourcedStatement>>()> &read);

private:
    /// normalise(), object by object when \a byObject (and the cache is on).
    static Result<Schema> normalise(const DatabaseUrl &target, const NormaliseOptions &options,
                                    const QByteArray &ddlDigest,
                                    const std::function<Result<QList<SourcedStatement>>()> &read, bool byObject);
};

} // namespace Stratum
