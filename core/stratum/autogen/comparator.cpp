// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/comparator.h"

#include "stratum/dialect/dialect.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Stratum {

namespace {

using Kind = Operation::Kind;

// The order operations run in; each phase only depends on earlier ones.
enum Phase {
    // Views that change go first: one that reads a renamed column would name the old one when
    // it is created again in the downgrade, and SQLite refuses a rename under a view chain.
    DropViews,
    // Renames come next: everything after names the table and columns as they will be, and
    // SQLite's table rebuilds then start from the renamed table.
    RenameTables,
    RenameColumns,
    DropTriggers,
    DropForeignKeys,
    DropIndexes,
    DropConstraints,
    DropPrimaryKeys,
    DropColumns,
    DropEarlyRoutines,
    DropPartitions,
    DropTables,
    CreateSchemas,
    CreateExtensions,
    CreateTypes,
    AlterTypes,
    CreateTables,
    CreatePartitions,
    CreateLateRoutines,
    ColumnChanges,
    AddPrimaryKeys,
    AddConstraints,
    CreateIndexes,
    DropIndexesLate,
    AddForeignKeys,
    CreateTriggers,
    CreateViews,
    DropTypes,
    DropExtensions,
    DropSchemas,
    PhaseCount
};

struct Builder
{
    QList<Operation> phases[PhaseCount];
    void add(Phase phase, const Operation &op) { phases[phase].append(op); }
};

class Filter
{
public:
    explicit Filter(const CompareOptions &options) : m_options(options)
    {
        for (const QString &glob : options.excludeTables)
            m_excluded << QRegularExpression(QRegularExpression::wildcardToRegularExpression(
                glob, QRegularExpression::UnanchoredWildcardConversion), QRegularExpression::CaseInsensitiveOption);
        for (QRegularExpression &re : m_excluded)
            re.setPattern(QLatin1Char('^') + re.pattern() + QLatin1Char('$'));
    }

    bool schemaIncluded(const QString &schema) const
    {
        if (!schema.isEmpty() && !m_options.includeSchemas.contains(schema))
            return false;
        return name(schema.isEmpty() ? QString() : schema, QStringLiteral("schema"), {});
    }

    bool tableIncluded(const QString &schema, const QString &table) const
    {
        if (!schemaIncluded(schema))
            return false;
        if (schema.isEmpty() && m_options.ignoreTables.contains(table))
            return false;
        const QString qualified = displayName(schema, table);
        for (const QRegularExpression &re : m_excluded)
            if (re.match(table).hasMatch() || re.match(qualified).hasMatch())
                return false;
        return name(table, QStringLiteral("table"), {{QStringLiteral("schema_name"), schema}});
    }

    bool name(const QString &name, const QString &type, const QHash<QString, QString> &parents) const
    {
        if (!m_options.includeName || (type == QLatin1String("schema") && name.isEmpty()))
            return true;
        return m_options.includeName(name, type, parents);
    }

    bool partIncluded(const QString &type, const QString &name, const Table *db, const Table *desired) const
    {
        const Table *any = desired ? desired : db;
        if (!this->name(name, type, {{QStringLiteral("schema_name"), any->schema}, {QStringLiteral("table_name"), any->name}}))
            return false;
        return object(AutogenObject{type, any->schema, any->name, name, desired == nullptr, desired, db});
    }

    bool object(const AutogenObject &object) const
    {
        return !m_options.includeObject || m_options.includeObject(object);
    }

private:
    const CompareOptions &m_options;
    QList<QRegularExpression> m_excluded;
};

QString collapse(const QString &text)
{
    // Whitespace collapsed and keywords upper-cased outside string literals.
    QString out;
    out.reserve(text.size());
    bool inString = false;
    bool space = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('\''))
            inString = !inString;
        if (!inString && c.isSpace()) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += inString ? c : c.toUpper();
    }
    return out;
}

bool sameType(const Column &a, const Column &b, const Dialect &dialect)
{
    return a.type == b.type || dialect.canonicalType(a.type) == dialect.canonicalType(b.type);
}

// The column as the database will have it after the ALTER: the desired column, but with the
// database's spelling wherever the difference is not to be acted on.
Column alterTarget(const Column &db, const Column &desired, const Dialect &dialect, const CompareOptions &options,
                   bool &changed)
{
    Column target = desired;
    if (!options.compareType || sameType(db, desired, dialect))
        target.type = db.type;
    if (!options.compareServerDefault || normalisedDefault(db.defaultValue) == normalisedDefault(desired.defaultValue))
        target.defaultValue = db.defaultValue;
    if (target.generated == db.generated || collapse(target.generated) == collapse(db.generated))
        target.generated = db.generated;
    changed = !(target == db);
    return target;
}

template<typename T>
bool containsEqual(const QList<T> &list, const T &item)
{
    return list.contains(item);
}

// One statement and the one that undoes it, for changes no operation kind describes.
Operation sqlPair(const QString &schema, const QString &table, const QString &sql, const QString &reverseSql)
{
    Operation op;
    op.kind = Kind::ExecuteSql;
    op.schema = schema;
    op.table = table;
    op.sql = sql;
    op.reverseSql = reverseSql;
    return op;
}

// A comment as COMMENT ON takes it: a string, or NULL for none.
QString commentLiteral(const Dialect &dialect, const QString &comment)
{
    return comment.isEmpty() ? QStringLiteral("NULL") : dialect.quoteString(comment);
}

// PostgreSQL table properties: UNLOGGED, storage parameters, partition key and bound.
void comparePostgresTable(const Table &db, const Table &desired, const Dialect &dialect, Builder &out)
{
    const QString name = dialect.qualifiedName(desired.name, desired.schema);
    if (db.unlogged != desired.unlogged) {
        const QString set = QStringLiteral("ALTER TABLE %1 SET %2").arg(name);
        out.add(ColumnChanges, sqlPair(desired.schema, desired.name, set.arg(desired.unlogged ? QStringLiteral("UNLOGGED") : QStringLiteral("LOGGED")),
                                       set.arg(db.unlogged ? QStringLiteral("UNLOGGED") : QStringLiteral("LOGGED"))));
    }
    if (db.storage != desired.storage) {
        // SET what the other side has, RESET what it has not.
        const auto change = [&name](const QStringList &from, const QStringList &to) {
            QStringList set;
            QStringList reset;
            for (const QString &option : to)
                if (!from.contains(option))
                    set << option;
            for (const QString &option : from) {
                const QString key = option.section(QLatin1Char('='), 0, 0);
                bool kept = false;
                for (const QString &other : to)
                    kept = kept || other.section(QLatin1Char('='), 0, 0) == key;
                if (!kept)
                    reset << key;
            }
            QStringList parts;
            if (!set.isEmpty())
                parts << QStringLiteral("SET (%1)").arg(set.join(QLatin1String(", ")));
            if (!reset.isEmpty())
                parts << QStringLiteral("RESET (%1)").arg(reset.join(QLatin1String(", ")));
            return QStringLiteral("ALTER TABLE %1 %2").arg(name, parts.join(QLatin1String(", ")));
        };
        out.add(ColumnChanges, sqlPair(desired.schema, desired.name, change(db.storage, desired.storage), change(desired.storage, db.storage)));
    }
    if (db.partitionBy != desired.partitionBy) {
        // PostgreSQL cannot change a partition key, nor partition a table that is not, and
        // recreating the table would lose its rows.
        const auto key = [](const QString &k) { return k.isEmpty() ? QStringLiteral("none") : k; };
        const QString note = QStringLiteral("-- The partition key of %1 changes from %2 to %3: PostgreSQL cannot alter it. "
                                            "Create the new table, move the rows over and swap the names by hand.");
        out.add(ColumnChanges, sqlPair(desired.schema, desired.name, note.arg(name, key(db.partitionBy), key(desired.partitionBy)),
                                       note.arg(name, key(desired.partitionBy), key(db.partitionBy))));
    }
    if (db.partitionOf != desired.partitionOf || db.partitionBound != desired.partitionBound) {
        // Detached and attached again: the rows stay (ATTACH checks them against the bound).
        const auto detach = [&](const Table &t) {
            return QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2")
                .arg(dialect.qualifiedName(t.partitionOf, t.schema), name);
        };
        const auto attach = [&](const Table &t) {
            return QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 %3")
                .arg(dialect.qualifiedName(t.partitionOf, t.schema), name, t.partitionBound);
        };
        if (!db.partitionOf.isEmpty())
            out.add(DropConstraints, sqlPair(desired.schema, desired.name, detach(db), attach(db)));
        if (!desired.partitionOf.isEmpty())
            out.add(AddConstraints, sqlPair(desired.schema, desired.name, attach(desired), detach(desired)));
    }
}

// Whether \a index is the one InnoDB made for a foreign key of the same name, which it drops
// by itself when an index of \a desired that is new to \a db starts with the key's columns.
bool madeForForeignKey(const Index &index, const Table &desired, const Table &db)
{
    const auto starts = [](const Index &i, const QStringList &columns) {
        if (i.columns.size() < columns.size())
            return false;
        for (qsizetype k = 0; k < columns.size(); ++k)
            if (i.columns.at(k).name != columns.at(k))
                return false;
        return true;
    };
    for (const ForeignKey &fk : desired.foreignKeys) {
        if (fk.name != index.name || !starts(index, fk.columns))
            continue;
        for (const Index &other : desired.indexes)
            if (other.name != index.name && starts(other, fk.columns) && !db.index(other.name))
                return true;
    }
    return false;
}

void compareTable(const Table &db, const Table &desired, const Dialect &dialect, const CompareOptions &options,
                  const Filter &filter, Builder &out)
{
    const QString &schema = desired.schema;
    const QString &name = desired.name;
    const bool my = dialect.name == QLatin1String("mysql");

    if (my && (db.options != desired.options || db.collation != desired.collation)) {
        Operation op;
        op.kind = Kind::AlterTableOptions;
        op.schema = schema;
        op.table = name;
        op.options = desired.options;
        op.fromOptions = db.options;
        op.collation = desired.collation;
        op.fromCollation = db.collation;
        for (const Column &c : desired.columns)
            if (!c.collation.isEmpty())
                op.collated << c;
        for (const Column &c : db.columns)
            if (!c.collation.isEmpty())
                op.fromCollated << c;
        out.add(ColumnChanges, op);
    }

    if (dialect.name == QLatin1String("postgresql"))
        comparePostgresTable(db, desired, dialect, out);
    // A partition's columns are its parent's.
    const bool partition = !db.partitionOf.isEmpty() || !desired.partitionOf.isEmpty();

    for (qsizetype i = 0; i < desired.columns.size() && !partition; ++i) {
        const Column &column = desired.columns.at(i);
        if (!filter.partIncluded(QStringLiteral("column"), column.name, db.column(column.name) ? &db : nullptr, &desired))
            continue;
        const Column *existing = db.column(column.name);
        if (!existing) {
            Operation add = Operation::addColumn(schema, name, column);
            add.firstColumn = i == 0;
            add.afterColumn = i > 0 ? desired.columns.at(i - 1).name : QString();
            out.add(ColumnChanges, add);
            continue;
        }
        bool changed = false;
        const Column target = alterTarget(*existing, column, dialect, options, changed);
        if (changed) {
            Operation alter = Operation::alterColumn(schema, name, *existing, target);
            alter.firstColumn = i == 0;   // where a column that has to be added again goes
            alter.afterColumn = i > 0 ? desired.columns.at(i - 1).name : QString();
            out.add(ColumnChanges, alter);
        }
    }
    // Last column first: reversed, the columns come back in table order, each after the one
    // before it.
    for (qsizetype i = partition ? -1 : db.columns.size() - 1; i >= 0; --i) {
        const Column &column = db.columns.at(i);
        if (desired.column(column.name) || !filter.partIncluded(QStringLiteral("column"), column.name, &db, nullptr))
            continue;
        Operation drop = Operation::dropColumn(schema, name, column);
        drop.firstColumn = i == 0;
        drop.afterColumn = i > 0 ? db.columns.at(i - 1).name : QString();
        out.add(DropColumns, drop);
    }

    if (!(db.primaryKey == desired.primaryKey)) {
        Operation drop;
        drop.kind = Kind::DropPrimaryKey;
        drop.schema = schema;
        drop.table = name;
        drop.primaryKey = db.primaryKey;
        Operation add = drop;
        add.kind = Kind::AddPrimaryKey;
        add.primaryKey = desired.primaryKey;
        // MySQL wants an AUTO_INCREMENT column in a key at every moment: one statement.
        if (my && !db.primaryKey.isEmpty() && !desired.primaryKey.isEmpty())
            add.fromPrimaryKey = db.primaryKey;
        else if (!db.primaryKey.isEmpty())
            out.add(DropPrimaryKeys, drop);
        if (!desired.primaryKey.isEmpty())
            out.add(AddPrimaryKeys, add);
    }

    // Constraints: equal values are the same constraint; anything else is dropped and added.
    const auto constraints = [&](auto member, const QString &type, Kind addKind, Kind dropKind, Phase dropPhase,
                                 Phase addPhase, auto assign) {
        const auto &dbList = db.*member;
        const auto &desiredList = desired.*member;
        for (const auto &item : dbList)
            if (!containsEqual(desiredList, item) && filter.partIncluded(type, item.name, &db, nullptr)) {
                Operation op;
                op.kind = dropKind;
                op.schema = schema;
                op.table = name;
                assign(op, item);
                out.add(dropPhase, op);
            }
        for (const auto &item : desiredList)
            if (!containsEqual(dbList, item) && filter.partIncluded(type, item.name, nullptr, &desired)) {
                Operation op;
                op.kind = addKind;
                op.schema = schema;
                op.table = name;
                assign(op, item);
                out.add(addPhase, op);
            }
    };
    constraints(&Table::uniqueConstraints, QStringLiteral("unique_constraint"), Kind::AddUnique, Kind::DropUnique,
                DropConstraints, AddConstraints, [](Operation &op, const UniqueConstraint &u) { op.unique = u; });
    constraints(&Table::checks, QStringLiteral("check_constraint"), Kind::AddCheck, Kind::DropCheck, DropConstraints,
                AddConstraints, [](Operation &op, const CheckConstraint &c) { op.check = c; });
    constraints(&Table::foreignKeys, QStringLiteral("foreign_key_constraint"), Kind::AddForeignKey,
                Kind::DropForeignKey, DropForeignKeys, AddForeignKeys,
                [](Operation &op, const ForeignKey &f) { op.foreignKey = f; });

    // An index that differs only in its comment keeps its place: COMMENT ON INDEX.
    const auto onlyComment = [](const Index &a, const Index *b) {
        if (!b || a == *b)
            return false;
        Index same = *b;
        same.comment = a.comment;
        return same == a;
    };
    for (const Index &index : db.indexes) {
        const Index *wanted = desired.index(index.name);
        if (onlyComment(index, wanted) && filter.partIncluded(QStringLiteral("index"), index.name, &db, &desired)) {
            const QString sql = QStringLiteral("COMMENT ON INDEX %1 IS %2")
                                    .arg(dialect.qualifiedName(index.name, schema));
            out.add(ColumnChanges, sqlPair(schema, name, sql.arg(commentLiteral(dialect, wanted->comment)),
                                           sql.arg(commentLiteral(dialect, index.comment))));
            continue;
        }
        if ((!wanted || !(*wanted == index)) && filter.partIncluded(QStringLiteral("index"), index.name, &db, wanted ? &desired : nullptr)) {
            // An index that simply goes away goes after the new ones exist: MySQL refuses to
            // drop the index a foreign key uses until another one can take over. Indexes
            // replaced under the same name, or over a dropped column, go first.
            bool late = !wanted;
            for (const IndexColumn &c : index.columns)
                late = late && (c.name.isEmpty() || desired.column(c.name));
            Operation drop = Operation::dropIndex(schema, name, index);
            drop.ifExists = my && late && madeForForeignKey(index, desired, db);
            out.add(late ? DropIndexesLate : DropIndexes, drop);
        }
    }
    for (const Index &index : desired.indexes) {
        const Index *existing = db.index(index.name);
        if (existing && onlyComment(*existing, &index))
            continue;
        if ((!existing || !(*existing == index)) && filter.partIncluded(QStringLiteral("index"), index.name, existing ? &db : nullptr, &desired))
            out.add(CreateIndexes, Operation::createIndex(schema, name, index));
    }

    for (const Trigger &trigger : db.triggers) {
        bool same = false;
        for (const Trigger &t : desired.triggers)
            same = same || (t.name == trigger.name && collapse(t.sql) == collapse(trigger.sql));
        if (!same && filter.partIncluded(QStringLiteral("trigger"), trigger.name, &db, nullptr)) {
            Operation op;
            op.kind = Kind::DropTrigger;
            op.schema = schema;
            op.table = name;
            op.trigger = trigger;
            out.add(DropTriggers, op);
        }
    }
    for (const Trigger &trigger : desired.triggers) {
        bool same = false;
        for (const Trigger &t : db.triggers)
            same = same || (t.name == trigger.name && collapse(t.sql) == collapse(trigger.sql));
        if (!same && filter.partIncluded(QStringLiteral("trigger"), trigger.name, nullptr, &desired)) {
            Operation op;
            op.kind = Kind::CreateTrigger;
            op.schema = schema;
            op.table = name;
            op.trigger = trigger;
            out.add(CreateTriggers, op);
        }
    }

    if (db.comment != desired.comment && dialect.supportsComments) {
        Operation op;
        op.kind = Kind::AlterTableComment;
        op.schema = schema;
        op.table = name;
        op.comment = desired.comment;
        op.fromComment = db.comment;
        out.add(ColumnChanges, op);
    }
}

// Creating or dropping a whole table: the table itself, then (as separate operations, so that
// the reverse runs in the right order too) its indexes, triggers and, where ALTER can add
// them, its foreign keys.
void wholeTable(const Table &table, bool create, const Dialect &dialect, Builder &out)
{
    Table core = table;
    core.indexes.clear();
    core.triggers.clear();
    const bool separateForeignKeys = dialect.alter.addConstraint;
    if (separateForeignKeys)
        core.foreignKeys.clear();
    // NOT VALID exists only in ALTER TABLE … ADD CONSTRAINT.
    QList<CheckConstraint> notValid;
    for (qsizetype i = core.checks.size() - 1; i >= 0; --i)
        if (core.checks.at(i).notValid)
            notValid.prepend(core.checks.takeAt(i));
    for (const CheckConstraint &check : notValid) {
        Operation op;
        op.kind = create ? Kind::AddCheck : Kind::DropCheck;
        op.schema = table.schema;
        op.table = table.name;
        op.check = check;
        out.add(create ? AddConstraints : DropConstraints, op);
    }
    // Partitions come after their parent and go before it.
    const bool partition = !table.partitionOf.isEmpty();
    out.add(create ? (partition ? CreatePartitions : CreateTables) : (partition ? DropPartitions : DropTables),
            create ? Operation::createTable(core) : Operation::dropTable(core));
    for (const Index &index : table.indexes)
        out.add(create ? CreateIndexes : DropIndexes,
                create ? Operation::createIndex(table.schema, table.name, index)
                       : Operation::dropIndex(table.schema, table.name, index));
    for (const Trigger &trigger : table.triggers) {
        Operation op;
        op.kind = create ? Kind::CreateTrigger : Kind::DropTrigger;
        op.schema = table.schema;
        op.table = table.name;
        op.trigger = trigger;
        out.add(create ? CreateTriggers : DropTriggers, op);
    }
    if (separateForeignKeys)
        for (const ForeignKey &fk : table.foreignKeys) {
            Operation op;
            op.kind = create ? Kind::AddForeignKey : Kind::DropForeignKey;
            op.schema = table.schema;
            op.table = table.name;
            op.foreignKey = fk;
            out.add(create ? AddForeignKeys : DropForeignKeys, op);
        }
}

} // namespace

QString normalisedDefault(const QString &defaultValue)
{
    QString text = defaultValue.trimmed();
    while (text.startsWith(QLatin1Char('(')) && text.endsWith(QLatin1Char(')'))) {
        int depth = 0;
        bool whole = true;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('('))
                ++depth;
            else if (text.at(i) == QLatin1Char(')') && --depth == 0 && i != text.size() - 1)
                whole = false;
        }
        if (!whole)
            break;
        text = text.mid(1, text.size() - 2).trimmed();
    }
    return collapse(text);
}

// PostgreSQL keeps a renamed table's constraint names (`notes_pkey`), while the desired table
// has its own (`memos_pkey`): constraints alike but for the name are renamed in place
// (ALTER TABLE … RENAME CONSTRAINT, which renames a key's index too) instead of dropped and
// added again, which foreign keys pointing at a primary key would refuse anyway.
void renameConstraints(Table &renamed, const Table &desired, const Dialect &dialect, Builder &out)
{
    if (dialect.name != QLatin1String("postgresql"))
        return;
    const QString table = dialect.qualifiedName(desired.name, desired.schema);
    const auto rename = [&](QString &name, const QString &wanted) {
        if (name.isEmpty() || wanted.isEmpty() || name == wanted)
            return;
        const QString sql = QStringLiteral("ALTER TABLE %1 RENAME CONSTRAINT %2 TO %3").arg(table);
        out.add(RenameColumns, sqlPair(desired.schema, desired.name,
                                       sql.arg(dialect.quoteIdentifierIfNeeded(name), dialect.quoteIdentifierIfNeeded(wanted)),
                                       sql.arg(dialect.quoteIdentifierIfNeeded(wanted), dialect.quoteIdentifierIfNeeded(name))));
        name = wanted;
    };
    if (renamed.primaryKey.columns == desired.primaryKey.columns)
        rename(renamed.primaryKey.name, desired.primaryKey.name);
    for (UniqueConstraint &unique : renamed.uniqueConstraints)
        for (const UniqueConstraint &wanted : desired.uniqueConstraints)
            if (wanted.columns == unique.columns)
                rename(unique.name, wanted.name);
    for (ForeignKey &key : renamed.foreignKeys)
        for (const ForeignKey &wanted : desired.foreignKeys) {
            ForeignKey same = key;
            same.name = wanted.name;
            if (same == wanted)
                rename(key.name, wanted.name);
        }
    for (CheckConstraint &check : renamed.checks)
        for (const CheckConstraint &wanted : desired.checks)
            if (wanted.expression == check.expression)
                rename(check.name, wanted.name);
}

// What CREATE OR REPLACE cannot change: the first line of pg_get_functiondef (name, parameter
// names and defaults) and the RETURNS line.
QString routineSignature(const QString &definition)
{
    const QStringList lines = definition.split(QLatin1Char('\n'));
    QString signature = lines.value(0).trimmed();
    for (const QString &line : lines)
        if (line.trimmed().startsWith(QLatin1String("RETURNS ")))
            signature += QLatin1Char('\n') + line.trimmed();
    return signature;
}

bool sameQuery(const View &a, const View &b)
{
    return a.definition == b.definition && a.materialized == b.materialized;
}

// What uses an enum whose labels change: its columns (plain and arrays, with their defaults),
// and the indexes, checks and views that read them and that the revision leaves alone, so
// that a recreation of the type can take them down and put them back.
void enumDependents(Operation &op, const Schema &database, const Schema &desired, const Dialect &dialect)
{
    const Enum &e = op.enumType;
    const QString typeName = e.schema.isEmpty() ? e.name : displayName(e.schema, e.name);
    const QStringList spellings{typeName, dialect.quoteIdentifierIfNeeded(typeName)};
    QStringList tables;
    for (const Table &t : desired.tables) {
        const Table *before = database.table(t.name, t.schema);
        if (!before)
            continue;
        QList<Index> indexesTaken;
        QList<CheckConstraint> checksTaken;
        for (const Column &c : t.columns) {
            const Column *old = before->column(c.name);
            if (!old)
                continue;
            const bool plain = spellings.contains(old->type);
            const bool array = old->type.endsWith(QLatin1String("[]")) && spellings.contains(old->type.chopped(2));
            if (!plain && !array)
                continue;
            EnumUsage usage{t.schema, t.name, c.name, old->defaultValue, old->defaultValue, array};
            for (const Index &index : before->indexes) {
                bool reads = mentionsIdentifier(index.where, c.name);
                for (const IndexColumn &key : index.columns)
                    reads = reads || key.name == c.name || mentionsIdentifier(key.expression, c.name);
                const Index *kept = t.index(index.name);
                if (reads && kept && *kept == index && !indexesTaken.contains(index)) {
                    usage.indexes << index;
                    indexesTaken << index;
                }
            }
            for (const CheckConstraint &check : before->checks)
                if (mentionsIdentifier(check.expression, c.name) && t.checks.contains(check) && !checksTaken.contains(check)) {
                    usage.checks << check;
                    checksTaken << check;
                }
            op.enumUsages.append(usage);
            tables << t.name;
        }
    }
    for (const View &view : viewsReading(database.views, tables))
        if (const View *kept = desired.view(view.name, view.schema); kept && sameQuery(*kept, view))
            op.views << view;
}

// Domains (PostgreSQL): created with the types, before the tables; a changed default, NOT NULL
// or check is altered in place. PostgreSQL cannot change a domain's base type.
void compareDomains(const Schema &database, const Schema &desired, const Dialect &dialect, const Filter &filter, Builder &out)
{
    for (const Domain &d : desired.domains) {
        if (!filter.schemaIncluded(d.schema) || !filter.object({QStringLiteral("domain"), d.schema, {}, d.name, false}))
            continue;
        const Domain *existing = database.domain(d.name, d.schema);
        if (!existing) {
            Operation op;
            op.kind = Kind::CreateDomain;
            op.schema = d.schema;
            op.domain = d;
            out.add(CreateTypes, op);
            continue;
        }
        if (*existing == d)
            continue;
        const QString name = QStringLiteral("ALTER DOMAIN ") + dialect.qualifiedName(d.name, d.schema);
        const auto alter = [&](const QString &sql, const QString &reverseSql) {
            out.add(AlterTypes, sqlPair(d.schema, {}, sql, reverseSql));
        };
        if (existing->type != d.type) {
            const QString note = QStringLiteral("-- The domain %1 changes its type from %2 to %3: PostgreSQL cannot alter "
                                                "it. Create a new domain, move the columns over and drop the old one by hand.");
            alter(note.arg(d.name, existing->type, d.type), note.arg(d.name, d.type, existing->type));
        }
        const auto defaultSql = [&name](const QString &value) {
            return value.isEmpty() ? name + QStringLiteral(" DROP DEFAULT") : name + QStringLiteral(" SET DEFAULT ") + value;
        };
        if (existing->defaultValue != d.defaultValue)
            alter(defaultSql(d.defaultValue), defaultSql(existing->defaultValue));
        const auto notNullSql = [&name](bool notNull) {
            return name + (notNull ? QStringLiteral(" SET NOT NULL") : QStringLiteral(" DROP NOT NULL"));
        };
        if (existing->notNull != d.notNull)
            alter(notNullSql(d.notNull), notNullSql(existing->notNull));
        const auto add = [&](const CheckConstraint &c) {
            return name + QStringLiteral(" ADD CONSTRAINT %1 CHECK (%2)").arg(dialect.quoteIdentifierIfNeeded(c.name), c.expression);
        };
        const auto drop = [&](const CheckConstraint &c) {
            return name + QStringLiteral(" DROP CONSTRAINT ") + dialect.quoteIdentifierIfNeeded(c.name);
        };
        for (const CheckConstraint &c : existing->checks)
            if (!d.checks.contains(c))
                alter(drop(c), add(c));
        for (const CheckConstraint &c : d.checks)
            if (!existing->checks.contains(c))
                alter(add(c), drop(c));
    }
    for (const Domain &d : database.domains)
        if (!desired.domain(d.name, d.schema) && filter.schemaIncluded(d.schema)
            && filter.object({QStringLiteral("domain"), d.schema, {}, d.name, true})) {
            Operation op;
            op.kind = Kind::DropDomain;
            op.schema = d.schema;
            op.domain = d;
            out.add(DropTypes, op);
        }
}

// A key that foreign keys reference cannot be dropped while they do (PostgreSQL: "other
// objects depend on it"; InnoDB: "needed in a foreign key constraint"), even when the same
// columns stay unique under another name: such foreign keys are dropped before the keys
// change and added again after.
void keepReferencesOverKeyChanges(const Schema &database, const Schema &desired, const Dialect &dialect, Builder &out)
{
    if (!dialect.alter.addConstraint)
        return;   // SQLite: foreign keys name their parent, they hold on to no index
    struct Key
    {
        QString schema;
        QString table;
        QStringList columns;
    };
    QList<Key> dropped;
    const auto sorted = [](QStringList columns) {
        columns.sort();
        return columns;
    };
    for (const Phase phase : {DropPrimaryKeys, DropConstraints, DropIndexes, DropIndexesLate, AddPrimaryKeys})
        for (const Operation &op : out.phases[phase]) {
            if (op.kind == Kind::DropPrimaryKey)
                dropped << Key{op.schema, op.table, sorted(op.primaryKey.columns)};
            else if (op.kind == Kind::AddPrimaryKey && !op.fromPrimaryKey.isEmpty())
                dropped << Key{op.schema, op.table, sorted(op.fromPrimaryKey.columns)};
            else if (op.kind == Kind::DropUnique)
                dropped << Key{op.schema, op.table, sorted(op.unique.columns)};
            else if (op.kind == Kind::DropIndex && op.index.unique) {
                QStringList columns;
                for (const IndexColumn &c : op.index.columns)
                    columns << c.name;
                dropped << Key{op.schema, op.table, sorted(columns)};
            }
        }
    if (dropped.isEmpty())
        return;
    const auto alreadyDropped = [&out](const QString &schema, const QString &table, const ForeignKey &fk) {
        for (const Operation &op : out.phases[DropForeignKeys])
            if (op.kind == Kind::DropForeignKey && op.schema == schema && op.table == table && op.foreignKey == fk)
                return true;
        return false;
    };
    for (const Table &table : database.tables) {
        const Table *kept = desired.table(table.name, table.schema);
        if (!kept)
            continue;   // dropped with its table
        for (const ForeignKey &fk : table.foreignKeys) {
            if (!kept->foreignKeys.contains(fk) || alreadyDropped(table.schema, table.name, fk))
                continue;
            const QString referredSchema = fk.referredSchema;
            const bool references = std::any_of(dropped.cbegin(), dropped.cend(), [&](const Key &key) {
                return key.schema == referredSchema && key.table == fk.referredTable && key.columns == sorted(fk.referredColumns);
            });
            if (!references)
                continue;
            Operation drop;
            drop.kind = Kind::DropForeignKey;
            drop.schema = table.schema;
            drop.table = table.name;
            drop.foreignKey = fk;
            out.add(DropForeignKeys, drop);
            Operation add = drop;
            add.kind = Kind::AddForeignKey;
            out.add(AddForeignKeys, add);
        }
    }
}

QList<Operation> compareSchemas(const Schema &database, const Schema &desired, const Dialect &dialect,
                                const CompareOptions &options)
{
    Builder out;
    const Filter filter(options);

    // Schemas (PostgreSQL's include_schemas): made before anything in them, dropped after.
    for (const QString &name : desired.schemas)
        if (!database.schemas.contains(name) && filter.schemaIncluded(name)) {
            Operation op;
            op.kind = Kind::CreateSchema;
            op.schema = name;
            out.add(CreateSchemas, op);
        }
    for (const QString &name : database.schemas)
        if (!desired.schemas.contains(name) && filter.schemaIncluded(name)) {
            Operation op;
            op.kind = Kind::DropSchema;
            op.schema = name;
            out.add(DropSchemas, op);
        }

    // Extensions (PostgreSQL): before the types, tables and indexes that use them. Schema
    // files that create none leave the database's alone: an administrator's extensions
    // (pg_stat_statements, …) are not the project's to drop.
    if (!desired.extensions.isEmpty()) {
        for (const QString &name : desired.extensions)
            if (!database.extensions.contains(name)) {
                Operation op;
                op.kind = Kind::CreateExtension;
                op.extension = name;
                out.add(CreateExtensions, op);
            }
        for (const QString &name : database.extensions)
            if (!desired.extensions.contains(name)) {
                Operation op;
                op.kind = Kind::DropExtension;
                op.extension = name;
                out.add(DropExtensions, op);
            }
    }

    // Enums and sequences (PostgreSQL).
    for (const Enum &e : desired.enums) {
        if (!filter.schemaIncluded(e.schema) || !filter.object({QStringLiteral("enum"), e.schema, {}, e.name, false}))
            continue;
        const Enum *existing = database.enumType(e.name, e.schema);
        Operation op;
        op.schema = e.schema;
        op.enumType = e;
        if (!existing) {
            op.kind = Kind::CreateEnum;
            out.add(CreateTypes, op);
        } else if (!(*existing == e)) {
            op.kind = Kind::AlterEnum;
            op.fromEnum = *existing;
            enumDependents(op, database, desired, dialect);
            out.add(AlterTypes, op);
        }
    }
    compareDomains(database, desired, dialect, filter, out);
    for (const Enum &e : database.enums)
        if (!desired.enumType(e.name, e.schema) && filter.schemaIncluded(e.schema)
            && filter.object({QStringLiteral("enum"), e.schema, {}, e.name, true})) {
            Operation op;
            op.kind = Kind::DropEnum;
            op.schema = e.schema;
            op.enumType = e;
            out.add(DropTypes, op);
        }
    for (const Sequence &s : desired.sequences) {
        if (!filter.schemaIncluded(s.schema) || !filter.object({QStringLiteral("sequence"), s.schema, {}, s.name, false}))
            continue;
        const Sequence *existing = database.sequence(s.name, s.schema);
        Operation op;
        op.schema = s.schema;
        op.sequence = s;
        if (!existing) {
            op.kind = Kind::CreateSequence;
            out.add(CreateTypes, op);
        } else if (!(*existing == s)) {
            op.kind = Kind::AlterSequence;
            op.fromSequence = *existing;
            out.add(AlterTypes, op);
        }
    }
    for (const Sequence &s : database.sequences)
        if (!desired.sequence(s.name, s.schema) && filter.schemaIncluded(s.schema)
            && filter.object({QStringLiteral("sequence"), s.schema, {}, s.name, true})) {
            Operation op;
            op.kind = Kind::DropSequence;
            op.schema = s.schema;
            op.sequence = s;
            out.add(DropTypes, op);
        }

    // Tables, found by (schema, name) through a hash: Schema::table() searches the list.
    const auto byName = [](const Schema &schema) {
        QHash<std::pair<QString, QString>, const Table *> tables;
        tables.reserve(schema.tables.size());
        for (const Table &table : schema.tables)
            if (!tables.contains({table.schema, table.name}))   // the first, as Schema::table()
                tables.insert({table.schema, table.name}, &table);
        return tables;
    };
    const QHash<std::pair<QString, QString>, const Table *> databaseTables = byName(database);
    const QHash<std::pair<QString, QString>, const Table *> desiredTables = byName(desired);
    // Functions and procedures (PostgreSQL), known by name and argument types: created before
    // the tables (defaults, checks and triggers call them), dropped after. A LANGUAGE sql body
    // is checked against the tables it reads when it is created: one that reads a table new in
    // this revision comes after the tables.
    QStringList newTables;
    for (const Table &t : desired.tables)
        if (!databaseTables.contains({t.schema, t.name}))
            newTables << t.name;
    QStringList goneTables;
    for (const Table &t : database.tables)
        if (!desiredTables.contains({t.schema, t.name}))
            goneTables << t.name;
    const auto readsAny = [](const Routine &r, const QStringList &tables) {
        static const QRegularExpression sql(QStringLiteral("^\\s*LANGUAGE sql\\s*$"),
                                            QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
        return sql.match(r.definition).hasMatch() && std::any_of(tables.cbegin(), tables.cend(), [&r](const QString &table) {
                   return mentionsIdentifier(r.definition, table);
               });
    };
    for (const Routine &r : desired.routines) {
        if (!filter.schemaIncluded(r.schema) || !filter.object({QStringLiteral("routine"), r.schema, {}, r.name, false}))
            continue;
        const Routine *existing = database.routine(r.name, r.arguments, r.schema);
        Operation op;
        op.schema = r.schema;
        op.routine = r;
        if (!existing) {
            op.kind = Kind::CreateRoutine;
            out.add(readsAny(r, newTables) ? CreateLateRoutines : CreateTypes, op);
        } else if (routineSignature(existing->definition) != routineSignature(r.definition)) {
            // CREATE OR REPLACE keeps the return type and the parameters' names and defaults.
            Operation drop = op;
            drop.kind = Kind::DropRoutine;
            drop.routine = *existing;
            out.add(AlterTypes, drop);
            op.kind = Kind::CreateRoutine;
            out.add(AlterTypes, op);
        } else if (!(*existing == r)) {
            op.kind = Kind::ReplaceRoutine;
            op.fromRoutine = *existing;
            out.add(AlterTypes, op);
        }
    }
    for (const Routine &r : database.routines)
        if (!desired.routine(r.name, r.arguments, r.schema) && filter.schemaIncluded(r.schema)
            && filter.object({QStringLiteral("routine"), r.schema, {}, r.name, true})) {
            Operation op;
            op.kind = Kind::DropRoutine;
            op.schema = r.schema;
            op.routine = r;
            // Before a table it reads goes, so that the downgrade creates it after the table.
            out.add(readsAny(r, goneTables) ? DropEarlyRoutines : DropTypes, op);
        }

    // Renamed tables: a new one whose columns are exactly those of one that goes away.
    QHash<const Table *, const Table *> renamedFrom;   // desired table → database table
    QSet<const Table *> renamedAway;
    if (options.detectRenames)
        for (const Table &table : desired.tables) {
            if (databaseTables.contains({table.schema, table.name}) || !filter.tableIncluded(table.schema, table.name))
                continue;
            for (const Table &old : database.tables)
                if (old.schema == table.schema && old.columns == table.columns && !renamedAway.contains(&old)
                    && !desiredTables.contains({old.schema, old.name}) && filter.tableIncluded(old.schema, old.name)) {
                    renamedFrom.insert(&table, &old);
                    renamedAway.insert(&old);
                    break;
                }
        }
    for (const Table &table : desired.tables) {
        if (!filter.tableIncluded(table.schema, table.name))
            continue;
        const Table *existing = databaseTables.value({table.schema, table.name});
        if (!filter.object({QStringLiteral("table"), table.schema, {}, table.name, false, &table, existing}))
            continue;
        if (const Table *old = renamedFrom.value(&table)) {
            Operation rename;
            rename.kind = Kind::RenameTable;
            rename.schema = table.schema;
            rename.table = table.name;
            rename.oldName = old->name;
            out.add(RenameTables, rename);
            Table renamed = *old;
            renamed.name = table.name;
            renameConstraints(renamed, table, dialect, out);
            compareTable(renamed, table, dialect, options, filter, out);
        } else if (!existing) {
            wholeTable(table, true, dialect, out);
        } else {
            compareTable(*existing, table, dialect, options, filter, out);
        }
    }
    for (const Table &table : database.tables) {
        if (desiredTables.contains({table.schema, table.name}) || renamedAway.contains(&table)
            || !filter.tableIncluded(table.schema, table.name)
            || !filter.object({QStringLiteral("table"), table.schema, {}, table.name, true, nullptr, &table}))
            continue;
        wholeTable(table, false, dialect, out);
    }
    // Renamed columns: a column dropped and one added to the same table, alike but for the name.
    if (options.detectRenames) {
        QList<Operation> &drops = out.phases[DropColumns];
        QList<Operation> &changes = out.phases[ColumnChanges];
        for (qsizetype a = 0; a < changes.size(); ++a) {
            if (changes.at(a).kind != Kind::AddColumn)
                continue;
            for (qsizetype d = 0; d < drops.size(); ++d) {
                const Operation &drop = drops.at(d);
                Column same = drop.column;
                same.name = changes.at(a).column.name;
                if (drop.kind != Kind::DropColumn || drop.schema != changes.at(a).schema
                    || drop.table != changes.at(a).table || !(same == changes.at(a).column))
                    continue;
                Operation rename = changes.at(a);
                rename.kind = Kind::RenameColumn;
                rename.fromColumn = drop.column;
                rename.afterColumn.clear();
                rename.firstColumn = false;
                out.add(RenameColumns, rename);
                drops.removeAt(d);
                changes.removeAt(a--);
                break;
            }
        }
    }

    keepReferencesOverKeyChanges(database, desired, dialect, out);

    // Views: changed ones are dropped before the tables change and created after (with their
    // indexes and comment). A view whose query stays has its indexes and comment changed in place.
    QList<View> dropViews;
    QList<View> createViews;
    QStringList dropped;
    for (const View &view : database.views) {
        const View *wanted = desired.view(view.name, view.schema);
        if ((!wanted || !sameQuery(*wanted, view)) && filter.schemaIncluded(view.schema)
            && filter.object({QStringLiteral("view"), view.schema, {}, view.name, wanted == nullptr})) {
            dropViews << view;
            dropped << view.name;
        }
    }
    for (const View &view : desired.views) {
        const View *existing = database.view(view.name, view.schema);
        if (!filter.schemaIncluded(view.schema) || !filter.object({QStringLiteral("view"), view.schema, {}, view.name, false}))
            continue;
        if (!existing || !sameQuery(*existing, view)) {
            createViews << view;
            continue;
        }
        if (existing->comment != view.comment) {
            const QString sql = QStringLiteral("COMMENT ON %1VIEW %2 IS %3")
                                    .arg(view.materialized ? QStringLiteral("MATERIALIZED ") : QString(),
                                         dialect.qualifiedName(view.name, view.schema));
            out.add(CreateViews, sqlPair(view.schema, {}, sql.arg(commentLiteral(dialect, view.comment)),
                                         sql.arg(commentLiteral(dialect, existing->comment))));
        }
        for (const Index &index : existing->indexes)
            if (!view.indexes.contains(index))
                out.add(DropIndexes, Operation::dropIndex(view.schema, view.name, index));
        for (const Index &index : view.indexes)
            if (!existing->indexes.contains(index))
                out.add(CreateIndexes, Operation::createIndex(view.schema, view.name, index));
    }

    // Engines refuse to change or drop a column a view reads (PostgreSQL: "cannot alter type
    // of a column used by a view"), and to drop a view another view reads: the views that read
    // such a table or view, directly or through other views, are recreated around the change.
    QStringList touched = dropped;
    for (const Operation &op : out.phases[ColumnChanges])
        if (op.kind == Kind::AlterColumn && (op.fromColumn.type != op.column.type || op.fromColumn.collation != op.column.collation))
            touched << op.table;
    for (const Operation &op : out.phases[DropColumns])
        touched << op.table;
    for (const View &view : viewsReading(database.views, touched)) {
        const View *wanted = desired.view(view.name, view.schema);
        if (dropped.contains(view.name) || !wanted || !filter.schemaIncluded(view.schema))
            continue;   // already dropped (and created) above
        dropViews << view;
        dropped << view.name;
        createViews << *wanted;
    }
    dropViews = creationOrder(dropViews);
    for (auto it = dropViews.crbegin(); it != dropViews.crend(); ++it) {
        Operation op;
        op.kind = Kind::DropView;
        op.schema = it->schema;
        op.view = *it;
        out.add(DropViews, op);
    }
    for (const View &view : creationOrder(createViews)) {
        Operation op;
        op.kind = Kind::CreateView;
        op.schema = view.schema;
        op.view = view;
        out.add(CreateViews, op);
    }
    // Views the revision drops and creates itself are not an enum's to put back.
    for (Operation &op : out.phases[AlterTypes])
        if (op.kind == Kind::AlterEnum)
            op.views.removeIf([&dropped](const View &v) { return dropped.contains(v.name); });

    QList<Operation> operations;
    for (const QList<Operation> &phase : out.phases)
        operations += phase;
    return operations;
}

} // namespace Stratum
