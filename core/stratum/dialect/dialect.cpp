// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/dialect/dialect.h"

#include <memory>
#include <vector>

namespace Stratum {

namespace {

// SQLAlchemy's generic reserved words: every dialect quotes these.
const char *const kCommonReserved[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "between", "binary", "both", "case", "cast", "check", "collate", "column",
    "constraint", "create", "cross", "current_date", "current_role", "current_time",
    "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
    "else", "end", "except", "false", "for", "foreign", "freeze", "from", "full", "grant",
    "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
    "join", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "new",
    "not", "notnull", "null", "off", "offset", "old", "on", "only", "or", "order", "outer",
    "overlaps", "placing", "primary", "references", "right", "select", "session_user", "set",
    "similar", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique",
    "user", "using", "verbose", "when", "where"};

const char *const kSqliteReserved[] = {
    "abort", "action", "add", "after", "alter", "attach", "autoincrement", "before", "begin",
    "by", "cascade", "conflict", "database", "delete", "detach", "drop", "each", "escape",
    "exclusive", "exists", "explain", "fail", "glob", "if", "ignore", "immediate", "index",
    "indexed", "insert", "instead", "key", "match", "no", "of", "plan", "pragma", "query",
    "raise", "recursive", "regexp", "reindex", "release", "rename", "replace", "restrict", "row",
    "rollback", "savepoint", "temp", "temporary", "transaction", "trigger", "update", "vacuum",
    "values", "view", "virtual", "with", "without"};

const char *const kPostgresReserved[] = {
    "current_catalog", "current_schema", "fetch", "lateral", "returning", "variadic", "window",
    "with"};

const char *const kMysqlReserved[] = {
    "accessible", "add", "alter", "before", "bigint", "blob", "by", "call", "cascade", "change",
    "char", "character", "condition", "continue", "convert", "cursor", "database", "databases",
    "dec", "decimal", "declare", "delayed", "delete", "describe", "div", "double", "drop",
    "dual", "each", "elseif", "enclosed", "escaped", "exists", "exit", "explain", "fetch",
    "float", "force", "function", "generated", "get", "if", "ignore", "index", "infile",
    "insert", "int", "integer", "interval", "iterate", "key", "keys", "kill", "leave", "lines",
    "load", "lock", "long", "loop", "match", "mod", "modifies", "numeric", "optimize", "option",
    "out", "partition", "precision", "procedure", "purge", "range", "rank", "read", "reads",
    "real", "regexp", "release", "rename", "repeat", "replace", "require", "restrict", "return",
    "revoke", "rlike", "row", "rows", "schema", "schemas", "separator", "show", "signal",
    "smallint", "spatial", "sql", "ssl", "starting", "status", "stored", "straight_join",
    "terminated", "tinyint", "trigger", "undo", "unlock", "unsigned", "update", "usage", "use",
    "values", "varchar", "varying", "virtual", "while", "window", "with", "write", "xor",
    "zerofill"};

template<std::size_t N>
QStringList words(const char *const (&list)[N])
{
    QStringList out;
    out.reserve(int(N));
    for (const char *word : list)
        out.append(QString::fromLatin1(word));
    return out;
}

Dialect makeSqlite()
{
    Dialect d;
    d.name = QStringLiteral("sqlite");
    d.drivers = {QStringLiteral("QSQLITE")};
    d.implName = QStringLiteral("SQLiteImpl");
    // Alembic's SQLiteImpl says non-transactional, but SQLite rolls DDL back fine; Stratum
    // relies on that for all-or-nothing runs (DESIGN.md §5).
    d.transactionalDdl = true;
    d.lockKind = Dialect::LockKind::BeginImmediate;
    d.beginTransaction = QStringLiteral("BEGIN IMMEDIATE");
    d.autoIncrementPrimaryKey = QStringLiteral("INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT");
    d.timestampType = QStringLiteral("TIMESTAMP");
    d.defaultSchemaName = QStringLiteral("main");
    d.defaultSchemaExpression = QStringLiteral("'main'");
    // Attached databases are SQLite's schemas; each has its own sqlite_master.
    d.tableExistsQuery = QStringLiteral(
        "SELECT count(*) FROM %3.sqlite_master WHERE type = 'table' AND name = %1");
    d.reservedWords = words(kCommonReserved) + words(kSqliteReserved);
    // SQLite's ALTER TABLE adds, renames and (plainly) drops columns; everything else is the
    // 12-step rebuild.
    d.alter.alterColumn = false;
    d.alter.dropColumn = false;
    d.alter.addConstraint = false;
    d.alter.addColumnConstraints = false;
    d.supportsTriggerReflection = true;
    d.typeSynonyms = {{QStringLiteral("INT"), QStringLiteral("INTEGER")},
                      {QStringLiteral("INT4"), QStringLiteral("INTEGER")},
                      {QStringLiteral("INT8"), QStringLiteral("BIGINT")},
                      {QStringLiteral("INT2"), QStringLiteral("SMALLINT")},
                      {QStringLiteral("BOOL"), QStringLiteral("BOOLEAN")},
                      {QStringLiteral("CHARACTER VARYING"), QStringLiteral("VARCHAR")},
                      {QStringLiteral("CHAR VARYING"), QStringLiteral("VARCHAR")},
                      {QStringLiteral("CHARACTER"), QStringLiteral("CHAR")},
                      {QStringLiteral("DOUBLE PRECISION"), QStringLiteral("DOUBLE")},
                      {QStringLiteral("DEC"), QStringLiteral("DECIMAL")}};
    return d;
}

Dialect makePostgres()
{
    Dialect d;
    d.name = QStringLiteral("postgresql");
    d.drivers = {QStringLiteral("QPSQL")};
    d.implName = QStringLiteral("PostgresqlImpl");
    d.transactionalDdl = true;
    d.lockKind = Dialect::LockKind::AdvisoryLock;
    d.autoIncrementPrimaryKey = QStringLiteral("BIGSERIAL NOT NULL PRIMARY KEY");
    d.timestampType = QStringLiteral("TIMESTAMP");
    d.defaultSchemaName = QStringLiteral("public");
    // current_schema() is where an unqualified CREATE TABLE lands.
    d.defaultSchemaExpression = QStringLiteral("current_schema()");
    d.tableExistsQuery = QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                        "WHERE table_schema = %2 AND table_name = %1");
    d.reservedWords = words(kCommonReserved) + words(kPostgresReserved);
    d.supportsSchemas = true;
    d.supportsComments = true;
    d.supportsDeferrable = true;
    d.supportsEnums = true;
    d.supportsSequences = true;
    // format_type() spells types canonically; these cover hand-written text.
    d.typeSynonyms = {{QStringLiteral("INT"), QStringLiteral("INTEGER")},
                      {QStringLiteral("INT4"), QStringLiteral("INTEGER")},
                      {QStringLiteral("INT8"), QStringLiteral("BIGINT")},
                      {QStringLiteral("INT2"), QStringLiteral("SMALLINT")},
                      {QStringLiteral("BOOL"), QStringLiteral("BOOLEAN")},
                      {QStringLiteral("VARCHAR"), QStringLiteral("CHARACTER VARYING")},
                      {QStringLiteral("CHAR"), QStringLiteral("CHARACTER")},
                      {QStringLiteral("BPCHAR"), QStringLiteral("CHARACTER")},
                      {QStringLiteral("FLOAT8"), QStringLiteral("DOUBLE PRECISION")},
                      {QStringLiteral("FLOAT4"), QStringLiteral("REAL")},
                      {QStringLiteral("DECIMAL"), QStringLiteral("NUMERIC")},
                      {QStringLiteral("TIMESTAMP"), QStringLiteral("TIMESTAMP WITHOUT TIME ZONE")},
                      {QStringLiteral("TIMESTAMPTZ"), QStringLiteral("TIMESTAMP WITH TIME ZONE")},
                      {QStringLiteral("TIME"), QStringLiteral("TIME WITHOUT TIME ZONE")},
                      {QStringLiteral("TIMETZ"), QStringLiteral("TIME WITH TIME ZONE")}};
    return d;
}

Dialect makeMysql()
{
    Dialect d;
    d.name = QStringLiteral("mysql");
    d.drivers = {QStringLiteral("QMYSQL"), QStringLiteral("QMARIADB")};
    d.implName = QStringLiteral("MySQLImpl");
    d.transactionalDdl = false;
    d.identifierQuote = QLatin1Char('`');
    d.backslashEscapes = true;
    d.lockKind = Dialect::LockKind::NamedLock;
    d.autoIncrementPrimaryKey = QStringLiteral("BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
    d.timestampType = QStringLiteral("DATETIME(6)");
    d.defaultSchemaExpression = QStringLiteral("DATABASE()");
    d.tableExistsQuery = QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                        "WHERE table_schema = %2 AND table_name = %1");
    d.reservedWords = words(kCommonReserved) + words(kMysqlReserved);
    d.supportsComments = true;
    d.typeSynonyms = {{QStringLiteral("INTEGER"), QStringLiteral("INT")},
                      {QStringLiteral("INT4"), QStringLiteral("INT")},
                      {QStringLiteral("BOOL"), QStringLiteral("TINYINT")},
                      {QStringLiteral("BOOLEAN"), QStringLiteral("TINYINT")},
                      {QStringLiteral("CHARACTER VARYING"), QStringLiteral("VARCHAR")},
                      {QStringLiteral("CHARACTER"), QStringLiteral("CHAR")},
                      {QStringLiteral("DEC"), QStringLiteral("DECIMAL")},
                      {QStringLiteral("NUMERIC"), QStringLiteral("DECIMAL")},
                      {QStringLiteral("DOUBLE PRECISION"), QStringLiteral("DOUBLE")}};
    return d;
}

struct Registry
{
    // unique_ptr keeps the addresses handed out by find() stable while the list grows.
    std::vector<std::unique_ptr<Dialect>> dialects;

    Registry()
    {
        dialects.push_back(std::make_unique<Dialect>(makeSqlite()));
        dialects.push_back(std::make_unique<Dialect>(makePostgres()));
        dialects.push_back(std::make_unique<Dialect>(makeMysql()));
    }
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

bool isLegalCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
           || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
           || c == QLatin1Char('$');
}

} // namespace

QString Dialect::canonicalType(const QString &type) const
{
    QString text = type.simplified().toUpper();
    QString arguments;
    QString suffix;
    const qsizetype open = text.indexOf(QLatin1Char('('));
    if (open >= 0) {
        const qsizetype close = text.indexOf(QLatin1Char(')'), open);
        arguments = text.mid(open, close < 0 ? -1 : close - open + 1);
        arguments.remove(QLatin1Char(' '));
        if (close >= 0)
            suffix = text.mid(close + 1).trimmed();
        text = text.left(open).trimmed();
    }
    // Integer display widths (MySQL int(11)) are not part of the type.
    static const QStringList integerNames = {QStringLiteral("INT"), QStringLiteral("INTEGER"),
                                             QStringLiteral("BIGINT"), QStringLiteral("SMALLINT"),
                                             QStringLiteral("MEDIUMINT")};
    const auto mapped = typeSynonyms.constFind(text);
    if (mapped != typeSynonyms.constEnd() && suffix.isEmpty())
        text = *mapped;
    if (integerNames.contains(text))
        arguments.clear();
    QString out = text + arguments;
    // PostgreSQL writes the precision of time types before the zone: timestamp(3) without …
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    if (!arguments.isEmpty() && space > 0 && text.startsWith(QLatin1String("TIME")))
        out = text.left(space) + arguments + text.mid(space);
    if (!suffix.isEmpty())
        out += QLatin1Char(' ') + suffix;
    return out;
}

QString Dialect::quoteIdentifier(const QString &identifier) const
{
    const QString q(identifierQuote);
    QString escaped = identifier;
    escaped.replace(q, q + q);
    return q + escaped + q;
}

QString Dialect::quoteIdentifierIfNeeded(const QString &identifier) const
{
    bool needs = identifier.isEmpty() || identifier.toLower() != identifier
                 || identifier.at(0).isDigit() || identifier.at(0) == QLatin1Char('$')
                 || reservedWords.contains(identifier);
    for (qsizetype i = 0; !needs && i < identifier.size(); ++i)
        needs = !isLegalCharacter(identifier.at(i));
    return needs ? quoteIdentifier(identifier) : identifier;
}

QString Dialect::qualifiedName(const QString &table, const QString &schema) const
{
    if (schema.isEmpty())
        return quoteIdentifierIfNeeded(table);
    return quoteIdentifierIfNeeded(schema) + QLatin1Char('.') + quoteIdentifierIfNeeded(table);
}

QString Dialect::quoteString(const QString &value) const
{
    QString escaped = value;
    if (backslashEscapes)
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString Dialect::stringLiteral(const QString &value) const
{
    if (!value.contains(QLatin1Char('\\')))
        return quoteString(value);
    if (name == QLatin1String("mysql")) {
        // A hex literal has no escapes; the introducer makes it text (a literal like '…',
        // converted to the column's character set).
        return QLatin1String("_utf8mb4 X'") + QString::fromLatin1(value.toUtf8().toHex().toUpper())
               + QLatin1Char('\'');
    }
    if (name == QLatin1String("postgresql")) {
        QString escaped = value;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        escaped.replace(QLatin1Char('\''), QLatin1String("''"));
        return QLatin1String("E'") + escaped + QLatin1Char('\'');
    }
    return quoteString(value);
}

QString Dialect::versionTableDdl(const QString &table, const QString &schema) const
{
    // Byte for byte what SQLAlchemy compiles for Alembic's version table, trailing space
    // after the column included.
    return QLatin1String("CREATE TABLE ") + qualifiedName(table, schema)
           + QLatin1String(" (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT ")
           + quoteIdentifierIfNeeded(table + QLatin1String("_pkc"))
           + QLatin1String(" PRIMARY KEY (version_num)\n)");
}

QString Dialect::withLiterals(const QString &sql, const QVariantList &values) const
{
    QString out;
    qsizetype next = 0;
    for (const QChar c : sql) {
        if (c != QLatin1Char('?') || next >= values.size()) {
            out += c;
            continue;
        }
        const QVariant &value = values.at(next++);
        switch (value.metaType().id()) {
        case QMetaType::UnknownType:
            out += QLatin1String("NULL");
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
            out += QString::number(value.toLongLong());
            break;
        default:
            out += value.isNull() ? QStringLiteral("NULL") : stringLiteral(value.toString());
        }
    }
    return out;
}

QString Dialect::versionInsertSql(const QString &table, const QString &schema,
                                  const QString &version, bool session) const
{
    return QLatin1String("INSERT INTO ") + qualifiedName(table, schema)
           + QLatin1String(" (version_num) VALUES (")
           + (session ? stringLiteral(version) : quoteString(version)) + QLatin1Char(')');
}

QString Dialect::versionDeleteSql(const QString &table, const QString &schema,
                                  const QString &version, bool session) const
{
    const QString name = qualifiedName(table, schema);
    return QLatin1String("DELETE FROM ") + name + QLatin1String(" WHERE ") + name
           + QLatin1String(".version_num = ")
           + (session ? stringLiteral(version) : quoteString(version));
}

QString Dialect::versionUpdateSql(const QString &table, const QString &schema,
                                  const QString &from, const QString &to, bool session) const
{
    const QString name = qualifiedName(table, schema);
    return QLatin1String("UPDATE ") + name + QLatin1String(" SET version_num=")
           + (session ? stringLiteral(to) : quoteString(to)) + QLatin1String(" WHERE ") + name
           + QLatin1String(".version_num = ") + (session ? stringLiteral(from) : quoteString(from));
}

QString Dialect::dropTableSql(const QString &table, const QString &schema) const
{
    return QLatin1String("DROP TABLE ") + qualifiedName(table, schema);
}

QString Dialect::tableExistsSql(const QString &table, const QString &schema) const
{
    const QString schemaLiteral = schema.isEmpty() ? defaultSchemaExpression : quoteString(schema);
    const QString schemaIdentifier =
        quoteIdentifierIfNeeded(schema.isEmpty() ? defaultSchemaName : schema);
    // One pass over the template: a substituted value may itself contain "%2".
    const QString values[] = {quoteString(table), schemaLiteral, schemaIdentifier};
    QString sql;
    for (qsizetype i = 0; i < tableExistsQuery.size(); ++i) {
        const QChar c = tableExistsQuery.at(i);
        if (c == QLatin1Char('%') && i + 1 < tableExistsQuery.size()) {
            const int n = tableExistsQuery.at(i + 1).digitValue();
            if (n >= 1 && n <= 3) {
                sql += values[n - 1];
                ++i;
                continue;
            }
        }
        sql += c;
    }
    return sql;
}

const Dialect *Dialect::find(const QString &nameOrDriver)
{
    QString key = nameOrDriver.toLower();
    if (key == QLatin1String("mariadb"))
        key = QStringLiteral("mysql");
    else if (key == QLatin1String("postgres"))
        key = QStringLiteral("postgresql");
    for (const auto &dialect : registry().dialects) {
        if (dialect->name == key)
            return dialect.get();
        for (const QString &driver : dialect->drivers) {
            if (driver.compare(nameOrDriver, Qt::CaseInsensitive) == 0)
                return dialect.get();
        }
    }
    return nullptr;
}

QList<const Dialect *> Dialect::all()
{
    QList<const Dialect *> out;
    for (const auto &dialect : registry().dialects)
        out.append(dialect.get());
    return out;
}

void Dialect::registerDialect(const Dialect &dialect)
{
    for (auto &existing : registry().dialects) {
        if (existing->name == dialect.name) {
            *existing = dialect;
            return;
        }
    }
    registry().dialects.push_back(std::make_unique<Dialect>(dialect));
}

} // namespace Stratum
