// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/schema/schema.h"

#include <QList>
#include <QString>

namespace Stratum {

/// A column whose type is a PostgreSQL enum being changed (AlterEnum): its default must be
/// set again after the type is recreated.
struct EnumUsage
{
    QString schema;
    QString table;
    QString column;
    QString defaultBefore;
    QString defaultAfter;
    bool array = false;          ///< the column is an array of the type
    /// Indexes and checks of the table that read the column, unchanged by the revision: a
    /// recreated type takes them down and puts them back (their expressions name the type).
    QList<Index> indexes;
    QList<CheckConstraint> checks;

    bool operator==(const EnumUsage &) const = default;
};

/// One schema change, as a value (STYLE.md 2; Alembic's MigrateOperation). Every operation
/// knows its reverse(), so a downgrade is the reversed list of reversed operations.
struct Operation
{
    enum class Kind {
        CreateTable, DropTable,
        AddColumn, DropColumn, AlterColumn,
        CreateIndex, DropIndex,
        AddPrimaryKey, DropPrimaryKey,
        AddUnique, DropUnique,
        AddForeignKey, DropForeignKey,
        AddCheck, DropCheck,
        CreateTrigger, DropTrigger,
        AlterTableComment,
        AlterTableOptions,           ///< MySQL: ENGINE, ROW_FORMAT, default collation
        CreateView, DropView,
        CreateSequence, DropSequence, AlterSequence,
        CreateEnum, DropEnum, AlterEnum,
        CreateDomain, DropDomain,    ///< PostgreSQL; changes in place are ExecuteSql
        CreateSchema, DropSchema,    ///< PostgreSQL; the name is in `schema`
        CreateExtension, DropExtension,   ///< PostgreSQL; the name is in `extension`
        CreateRoutine, DropRoutine, ReplaceRoutine,   ///< PostgreSQL functions and procedures
        RenameTable,                 ///< `table` is the new name, `oldName` the one before
        RenameColumn,                ///< `fromColumn` → `column`: the same column, renamed
        ExecuteSql
    };

    Kind kind = Kind::ExecuteSql;
    QString schema;              ///< schema of the table (or view, sequence, enum)
    QString table;               ///< table name: every table-level kind

    Table tableDefinition;       ///< CreateTable / DropTable
    Column column;               ///< AddColumn / DropColumn; AlterColumn: the state after
    Column fromColumn;           ///< AlterColumn: the state before
    /// AddColumn / DropColumn: the column it follows in its table (empty and firstColumn
    /// false = at the end), so that a column dropped and added back returns to its place
    /// where the engine can place columns (MySQL AFTER, SQLite rebuild).
    QString afterColumn;
    bool firstColumn = false;
    Index index;
    PrimaryKey primaryKey;
    /// AddPrimaryKey: the key it replaces in the same statement (MySQL, where an
    /// AUTO_INCREMENT column must stay part of a key at every moment); empty = none.
    PrimaryKey fromPrimaryKey;
    UniqueConstraint unique;
    ForeignKey foreignKey;
    CheckConstraint check;
    Trigger trigger;
    QString comment;             ///< AlterTableComment: after
    QString fromComment;         ///< AlterTableComment: before
    QString options;             ///< AlterTableOptions: Table::options after
    QString fromOptions;         ///< AlterTableOptions: before
    QString collation;           ///< AlterTableOptions: Table::collation after
    QString fromCollation;       ///< AlterTableOptions: before
    /// AlterTableOptions: the character columns with a collation of their own, after and
    /// before; a new default collation converts every column, these are then set back.
    QList<Column> collated;
    QList<Column> fromCollated;
    /// DropIndex (MySQL): the index InnoDB made for a foreign key, which it drops by itself
    /// once an index created in the same revision covers the key: dropped only if still there.
    bool ifExists = false;
    QString oldName;             ///< RenameTable: the table's name before
    View view;
    Sequence sequence;           ///< Create/Drop; AlterSequence: after
    Sequence fromSequence;       ///< AlterSequence: before
    Enum enumType;               ///< Create/Drop; AlterEnum: after
    Enum fromEnum;               ///< AlterEnum: before
    QList<EnumUsage> enumUsages; ///< AlterEnum
    Domain domain;               ///< CreateDomain / DropDomain
    /// AlterEnum: the views reading its columns that the revision leaves as they are; a
    /// recreated type takes them down and puts them back.
    QList<View> views;
    Routine routine;             ///< Create/Drop; ReplaceRoutine: after
    Routine fromRoutine;         ///< ReplaceRoutine: before
    QString extension;           ///< CreateExtension / DropExtension
    QString sql;                 ///< ExecuteSql
    QString reverseSql;          ///< ExecuteSql: empty = irreversible

    /// The operation that undoes this one (Alembic MigrateOperation.reverse()).
    Operation reverse() const;
    /// Alembic's op name: "add_column", "create_table", "alter_column", …
    QString name() const;
    /// One line for `check` and the studio: "add_column books.isbn VARCHAR(13) NOT NULL".
    QString describe() const;
    /// True for kinds that lose data when run (drop table, drop column).
    bool isDestructive() const;

    bool operator==(const Operation &) const = default;

    static Operation createTable(const Table &table);
    static Operation dropTable(const Table &table);
    static Operation addColumn(const QString &schema, const QString &table, const Column &column);
    static Operation dropColumn(const QString &schema, const QString &table, const Column &column);
    static Operation alterColumn(const QString &schema, const QString &table, const Column &from, const Column &to);
    static Operation createIndex(const QString &schema, const QString &table, const Index &index);
    static Operation dropIndex(const QString &schema, const QString &table, const Index &index);
};

/// How PostgreSQL changes an enum's labels from \a from to \a to: labels only added
/// (ADD VALUE), labels replaced in their place (RENAME VALUE), or anything else (the type is
/// recreated and its columns converted through text).
enum class EnumChange { None, AddValues, RenameValues, Recreate };
EnumChange enumChange(const QStringList &from, const QStringList &to);

/// The downgrade of \a upgrade: each operation reversed, in reverse order.
QList<Operation> reverseOperations(const QList<Operation> &upgrade);

/// Applies \a operation to \a schema (what the database looks like after running it).
/// Used to follow a table through a list of operations (SQLite batch rebuilds) and by tests.
void applyOperation(Schema &schema, const Operation &operation);

/// Whether \a sql names \a name as a whole identifier (bare or quoted, any case): how views,
/// triggers and statements are found that read a table or column.
bool mentionsIdentifier(const QString &sql, const QString &name);

/// \a views ordered so that each comes after the views it reads (create in this order, drop
/// in the reverse one).
QList<View> creationOrder(QList<View> views);

/// The views of \a views that read any of \a names, directly or through other views, in
/// creation order.
QList<View> viewsReading(const QList<View> &views, const QStringList &names);

} // namespace Stratum
