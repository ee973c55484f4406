// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChar>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Stratum {

/// What differs between database engines, as data (Alembic's `DefaultImpl` subclasses,
/// registered under their name in `_impls`). Look one up with Dialect::find(); register
/// further engines with Dialect::registerDialect().
///
/// Identifiers in rendered SQL follow SQLAlchemy's rule: quoted only when they need it
/// (upper case, a reserved word, an illegal character), so `alembic_version` stays bare
/// and the output matches what Alembic prints.
class Dialect
{
public:
    /// How the engine serialises migrators (DESIGN.md §5).
    enum class LockKind {
        BeginImmediate,   ///< SQLite: the outer `BEGIN IMMEDIATE` transaction is the lock
        AdvisoryLock,     ///< PostgreSQL: `pg_try_advisory_lock(key)`, polled
        NamedLock         ///< MySQL/MariaDB: `GET_LOCK(name, timeout)`
    };

    QString name;                 ///< "sqlite", "postgresql", "mysql"
    QStringList drivers;          ///< QSql drivers, first = the one used to connect
    QString implName;             ///< Alembic's impl class, for log lines ("SQLiteImpl")
    bool transactionalDdl = true; ///< DDL can be rolled back
    QChar identifierQuote = QLatin1Char('"');
    bool backslashEscapes = false;  ///< string literals treat `\` as an escape (MySQL default)
    LockKind lockKind = LockKind::BeginImmediate;
    QString commandTerminator = QStringLiteral(";");
    QString beginTransaction = QStringLiteral("BEGIN");  ///< what opens a migration transaction
    QString autoIncrementPrimaryKey;  ///< column definition of a surrogate key
    QString timestampType;            ///< column type of a UTC point in time
    QStringList reservedWords;        ///< lower case; words that force quoting
    QString defaultSchemaName;        ///< schema of unqualified names, as an identifier
    QString defaultSchemaExpression;  ///< SQL expression naming the current schema
    /// Counts tables named %1 (string literal) in schema %2 (string literal or
    /// defaultSchemaExpression) / %3 (identifier or defaultSchemaName).
    QString tableExistsQuery;

    /// What ALTER TABLE can do in place; anything else needs a table rebuild (SQLite's
    /// 12-step procedure, Alembic's batch mode).
    struct AlterCapabilities
    {
        bool alterColumn = true;        ///< change type, nullability, default of a column
        bool dropColumn = true;         ///< drop a column (SQLite ≥ 3.35 only for plain ones)
        bool addConstraint = true;      ///< ADD/DROP PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY
        bool addColumnConstraints = true; ///< ADD COLUMN with PRIMARY KEY/UNIQUE/expression default
    };
    AlterCapabilities alter;
    bool supportsSchemas = false;     ///< named schemas (PostgreSQL); MySQL's are databases
    bool supportsComments = false;    ///< COMMENT on tables and columns
    bool supportsDeferrable = false;  ///< DEFERRABLE foreign keys
    bool supportsEnums = false;       ///< CREATE TYPE … AS ENUM
    bool supportsSequences = false;   ///< CREATE SEQUENCE
    bool supportsTriggerReflection = false; ///< triggers are part of the reflected schema
    /// Upper-case type names (without arguments) that mean the same type, mapped onto the
    /// engine's own spelling: INT, INT4 → INTEGER; CHARACTER VARYING → VARCHAR.
    QHash<QString, QString> typeSynonyms;

    /// The QSql driver used to connect.
    QString driver() const { return drivers.value(0); }

    /// \a type in a canonical spelling for comparison: upper case, single spaces, no space
    /// before "(", arguments without spaces, the base name mapped through typeSynonyms.
    QString canonicalType(const QString &type) const;

    /// Always quotes, doubling embedded quote characters.
    QString quoteIdentifier(const QString &identifier) const;
    /// Quotes only where the engine needs it (SQLAlchemy's `quote_identifier` rule).
    QString quoteIdentifierIfNeeded(const QString &identifier) const;
    /// `schema.table`, each part quoted if needed; no schema → just the table.
    QString qualifiedName(const QString &table, const QString &schema = {}) const;
    /// A string literal: single quotes doubled (and backslashes doubled where they escape).
    /// The form Alembic prints in offline scripts.
    QString quoteString(const QString &value) const;
    /// A string literal that reads back as \a value whatever the session's settings, for
    /// statements Stratum runs itself: text with a backslash is written in a form that
    /// MariaDB's `NO_BACKSLASH_ESCAPES` and PostgreSQL's `standard_conforming_strings` do not
    /// change (MariaDB `_utf8mb4 X'…'`, PostgreSQL `E'…'`); other text as quoteString().
    QString stringLiteral(const QString &value) const;
    /// \a sql with each `?` replaced by the next of \a values as a literal: NULL, a number,
    /// or stringLiteral() of the text. The `?` placeholders must be the only ones in \a sql.
    QString withLiterals(const QString &sql, const QVariantList &values) const;

    /// Alembic's version table DDL, as Alembic prints it (no terminator).
    QString versionTableDdl(const QString &table, const QString &schema = {}) const;
    /// `INSERT INTO t (version_num) VALUES ('x')`, Alembic's form.
    /// With \a session, literals by stringLiteral() (statements Stratum runs itself).
    QString versionInsertSql(const QString &table, const QString &schema,
                             const QString &version, bool session = false) const;
    /// `DELETE FROM t WHERE t.version_num = 'x'`, Alembic's form.
    QString versionDeleteSql(const QString &table, const QString &schema,
                             const QString &version, bool session = false) const;
    /// `UPDATE t SET version_num='y' WHERE t.version_num = 'x'`, Alembic's form.
    QString versionUpdateSql(const QString &table, const QString &schema, const QString &from,
                             const QString &to, bool session = false) const;
    /// `DROP TABLE t`.
    QString dropTableSql(const QString &table, const QString &schema = {}) const;
    /// A query returning one row whose first column is non-zero when the table exists in
    /// \a schema, or in the current schema when \a schema is empty.
    QString tableExistsSql(const QString &table, const QString &schema = {}) const;

    /// Looks up a dialect by name ("sqlite", "postgresql", "mysql", "mariadb") or QSql
    /// driver ("QSQLITE", "QPSQL", "QMYSQL", "QMARIADB"); null when unknown.
    static const Dialect *find(const QString &nameOrDriver);
    /// All registered dialects, built-ins first.
    static QList<const Dialect *> all();
    /// Adds (or replaces, by name) a dialect. Not thread-safe against concurrent find();
    /// register at start-up.
    static void registerDialect(const Dialect &dialect);
};

} // namespace Stratum
