#pragma once

#include "config/url.h"
#include "error.h"
#include "schema/schema.h"
#include "schema/schemareflector.h"
#include "script/sqllexer.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Stratum {

class Connection;

/// A scratch database of the target's engine, for normalising DDL the way Atlas does it:
/// apply, then reflect (DESIGN.md §6). Whatever it creates is gone when it is destroyed,
/// also after a failure:
/// - SQLite: an in-memory database.
/// - PostgreSQL: a schema `stratum_dev_<random>` on `dev_url` or else on the target server,
///   created inside a transaction that is always rolled back (so nothing survives even a
///   crash); statements run with that schema first on the search path.
/// - MySQL/MariaDB: a database `stratum_dev_<random>` on `dev_url` or the target server,
///   with the target database's character set and collation, dropped on destruction.
class DevDatabase
{
public:
    /// Opens the dev database for \a target (the project's database). \a devUrl, when not
    /// empty, names the server to use instead. Connection failures are Error::database;
    /// a missing permission to create the scratch schema/database says so and what to do.
    static Result<std::unique_ptr<DevDatabase>> open(const DatabaseUrl &target, const QString &devUrl = {},
                                                     const QString &baseDir = {});
    ~DevDatabase();
    DevDatabase(const DevDatabase &) = delete;
    DevDatabase &operator=(const DevDatabase &) = delete;

    Connection &connection() { return *m_connection; }
    /// The scratch schema or database name (empty for SQLite).
    QString scratchName() const { return m_scratch; }

    /// Runs one statement of \a file. A failure is Error::input at the statement's file:line
    /// with the database's message (the DDL is what is wrong).
    Status execute(const SqlStatement &statement, const QString &file);
    /// Splits and runs every file in order.
    Status applyFiles(const QStringList &files);
    /// Reflects what has been created, named as if it were the target's default schema.
    Result<Schema> reflect(const QStringList &includeSchemas = {}, int *queryCount = nullptr);

private:
    DevDatabase() = default;
    void drop();

    std::unique_ptr<Connection> m_connection;
    QString m_scratch;
    QString m_dialect;
    bool m_inTransaction = false;
};

/// The desired schema of a project: `schema/*.sql` (\a globs relative to \a baseDir).
struct DesiredSchema
{
    /// The files the globs name, each glob's matches sorted by name; none is an Error::input.
    static Result<QStringList> files(const QStringList &globs, const QString &baseDir);
    /// Applies \a files on a DevDatabase for \a target and reflects the result.
    static Result<Schema> load(const QStringList &files, const DatabaseUrl &target, const QString &devUrl = {},
                               const QStringList &includeSchemas = {}, const QString &baseDir = {});
};

} // namespace Stratum
