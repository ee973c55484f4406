#include "schema/devdatabase.h"

#include "dialect/dialect.h"
#include "runtime/connection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace Stratum {

namespace {

QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 16);
}

} // namespace

Result<std::unique_ptr<DevDatabase>> DevDatabase::open(const DatabaseUrl &target, const QString &devUrl,
                                                       const QString &baseDir)
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
    Result<std::unique_ptr<Connection>> connection = Connection::open(url);
    if (!connection)
        return connection.error();
    dev->m_connection = std::move(*connection);
    Connection &c = *dev->m_connection;
    const Dialect &dialect = c.dialect();

    if (url.dialect == QLatin1String("sqlite")) {
        // One transaction: SQLite commits each DDL statement on its own otherwise.
        if (Status begin = c.execute(QStringLiteral("BEGIN")); !begin)
            return begin.error();
        dev->m_inTransaction = true;
    } else if (url.dialect == QLatin1String("postgresql")) {
        dev->m_scratch = QStringLiteral("stratum_dev_") + randomSuffix();
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
        if (Status path = c.execute(QStringLiteral("SET LOCAL search_path TO ") + name); !path)
            return path.error();
    } else if (url.dialect == QLatin1String("mysql")) {
        dev->m_scratch = QStringLiteral("stratum_dev_") + randomSuffix();
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
    }
    return dev;
}

DevDatabase::~DevDatabase()
{
    drop();
}

void DevDatabase::drop()
{
    if (!m_connection)
        return;
    if (m_dialect != QLatin1String("mysql") && m_inTransaction) {
        m_connection->execute(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
    } else if (m_dialect == QLatin1String("mysql") && !m_scratch.isEmpty()) {
        m_connection->execute(QStringLiteral("DROP DATABASE IF EXISTS ") + m_connection->dialect().quoteIdentifier(m_scratch));
        m_scratch.clear();
    }
    m_connection.reset();
}

Status DevDatabase::execute(const SqlStatement &statement, const QString &file)
{
    Status status = m_connection->execute(statement.text);
    if (status)
        return status;
    return Error::input(status.error().message, file, statement.line, statement.column,
                        QStringLiteral("The statement does not run on the %1 dev database.")
                            .arg(m_connection->dialect().name));
}

Status DevDatabase::applyFiles(const QStringList &files)
{
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::input(QStringLiteral("Could not read the schema file: %1").arg(file.errorString()), path);
        Result<QList<SqlStatement>> statements = splitSqlStatements(QString::fromUtf8(file.readAll()), path);
        if (!statements)
            return statements.error();
        for (const SqlStatement &statement : *statements)
            if (Status ran = execute(statement, path); !ran)
                return ran;
    }
    return {};
}

Result<Schema> DevDatabase::reflect(const QStringList &includeSchemas, int *queryCount)
{
    ReflectOptions options;
    options.defaultSchema = m_scratch;
    options.schemas = includeSchemas;
    return SchemaReflector::reflect(*m_connection, options, queryCount);
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

Result<Schema> DesiredSchema::load(const QStringList &files, const DatabaseUrl &target, const QString &devUrl,
                                   const QStringList &includeSchemas, const QString &baseDir)
{
    Result<std::unique_ptr<DevDatabase>> dev = DevDatabase::open(target, devUrl, baseDir);
    if (!dev)
        return dev.error();
    if (Status applied = (*dev)->applyFiles(files); !applied)
        return applied.error();
    return (*dev)->reflect(includeSchemas);
}

} // namespace Stratum
