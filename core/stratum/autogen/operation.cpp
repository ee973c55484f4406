// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/operation.h"

#include <QRegularExpression>

#include <algorithm>

namespace Stratum {

namespace {

using Kind = Operation::Kind;

Kind reverseKind(Kind kind)
{
    switch (kind) {
    case Kind::CreateTable: return Kind::DropTable;
    case Kind::DropTable: return Kind::CreateTable;
    case Kind::AddColumn: return Kind::DropColumn;
    case Kind::DropColumn: return Kind::AddColumn;
    case Kind::CreateIndex: return Kind::DropIndex;
    case Kind::DropIndex: return Kind::CreateIndex;
    case Kind::AddPrimaryKey: return Kind::DropPrimaryKey;
    case Kind::DropPrimaryKey: return Kind::AddPrimaryKey;
    case Kind::AddUnique: return Kind::DropUnique;
    case Kind::DropUnique: return Kind::AddUnique;
    case Kind::AddForeignKey: return Kind::DropForeignKey;
    case Kind::DropForeignKey: return Kind::AddForeignKey;
    case Kind::AddCheck: return Kind::DropCheck;
    case Kind::DropCheck: return Kind::AddCheck;
    case Kind::CreateTrigger: return Kind::DropTrigger;
    case Kind::DropTrigger: return Kind::CreateTrigger;
    case Kind::CreateView: return Kind::DropView;
    case Kind::DropView: return Kind::CreateView;
    case Kind::CreateSequence: return Kind::DropSequence;
    case Kind::DropSequence: return Kind::CreateSequence;
    case Kind::CreateEnum: return Kind::DropEnum;
    case Kind::DropEnum: return Kind::CreateEnum;
    case Kind::CreateDomain: return Kind::DropDomain;
    case Kind::DropDomain: return Kind::CreateDomain;
    case Kind::CreateRoutine: return Kind::DropRoutine;
    case Kind::DropRoutine: return Kind::CreateRoutine;
    case Kind::CreateSchema: return Kind::DropSchema;
    case Kind::DropSchema: return Kind::CreateSchema;
    case Kind::CreateExtension: return Kind::DropExtension;
    case Kind::DropExtension: return Kind::CreateExtension;
    default: return kind;
    }
}

QString columnSummary(const Column &c)
{
    QString text = c.type;
    if (!c.nullable)
        text += QStringLiteral(" NOT NULL");
    if (!c.defaultValue.isEmpty())
        text += QStringLiteral(" DEFAULT ") + c.defaultValue;
    return text.trimmed();
}

QString list(const QStringList &names)
{
    return QLatin1Char('(') + names.join(QLatin1String(", ")) + QLatin1Char(')');
}

template<typename T, typename Pred>
void removeWhere(QList<T> &items, Pred pred)
{
    items.erase(std::remove_if(items.begin(), items.end(), pred), items.end());
}

} // namespace

Operation Operation::createTable(const Table &table)
{
    Operation op;
    op.kind = Kind::CreateTable;
    op.schema = table.schema;
    op.table = table.name;
    op.tableDefinition = table;
    return op;
}

Operation Operation::dropTable(const Table &table)
{
    Operation op = createTable(table);
    op.kind = Kind::DropTable;
    return op;
}

Operation Operation::addColumn(const QString &schema, const QString &table, const Column &column)
{
    Operation op;
    op.kind = Kind::AddColumn;
    op.schema = schema;
    op.table = table;
    op.column = column;
    return op;
}

Operation Operation::dropColumn(const QString &schema, const QString &table, const Column &column)
{
    Operation op = addColumn(schema, table, column);
    op.kind = Kind::DropColumn;
    return op;
}

Operation Operation::alterColumn(const QString &schema, const QString &table, const Column &from, const Column &to)
{
    Operation op = addColumn(schema, table, to);
    op.kind = Kind::AlterColumn;
    op.fromColumn = from;
    return op;
}

Operation Operation::createIndex(const QString &schema, const QString &table, const Index &index)
{
    Operation op;
    op.kind = Kind::CreateIndex;
    op.schema = schema;
    op.table = table;
    op.index = index;
    return op;
}

Operation Operation::dropIndex(const QString &schema, const QString &table, const Index &index)
{
    Operation op = createIndex(schema, table, index);
    op.kind = Kind::DropIndex;
    return op;
}

Operation Operation::reverse() const
{
    Operation op = *this;
    op.kind = reverseKind(kind);
    switch (kind) {
    case Kind::AlterColumn:
    case Kind::RenameColumn:
        std::swap(op.column, op.fromColumn);
        break;
    case Kind::RenameTable:
        std::swap(op.table, op.oldName);
        break;
    case Kind::AlterTableComment:
        std::swap(op.comment, op.fromComment);
        break;
    case Kind::AlterTableOptions:
        std::swap(op.options, op.fromOptions);
        std::swap(op.collation, op.fromCollation);
        std::swap(op.collated, op.fromCollated);
        break;
    case Kind::AddPrimaryKey:
        if (!fromPrimaryKey.isEmpty()) {
            op.kind = Kind::AddPrimaryKey;
            std::swap(op.primaryKey, op.fromPrimaryKey);
        }
        break;
    case Kind::AlterSequence:
        std::swap(op.sequence, op.fromSequence);
        break;
    case Kind::ReplaceRoutine:
        std::swap(op.routine, op.fromRoutine);
        break;
    case Kind::AlterEnum:
        std::swap(op.enumType, op.fromEnum);
        for (EnumUsage &usage : op.enumUsages)
            std::swap(usage.defaultBefore, usage.defaultAfter);
        break;
    case Kind::ExecuteSql:
        std::swap(op.sql, op.reverseSql);
        break;
    default:
        break;
    }
    return op;
}

QString Operation::name() const
{
    switch (kind) {
    case Kind::CreateTable: return QStringLiteral("create_table");
    case Kind::DropTable: return QStringLiteral("drop_table");
    case Kind::AddColumn: return QStringLiteral("add_column");
    case Kind::DropColumn: return QStringLiteral("drop_column");
    case Kind::AlterColumn: return QStringLiteral("alter_column");
    case Kind::CreateIndex: return QStringLiteral("create_index");
    case Kind::DropIndex: return QStringLiteral("drop_index");
    case Kind::AddPrimaryKey: return QStringLiteral("create_primary_key");
    case Kind::DropPrimaryKey: return QStringLiteral("drop_primary_key");
    case Kind::AddUnique: return QStringLiteral("add_constraint");
    case Kind::DropUnique: return QStringLiteral("drop_constraint");
    case Kind::AddForeignKey: return QStringLiteral("add_fk");
    case Kind::DropForeignKey: return QStringLiteral("drop_fk");
    case Kind::AddCheck: return QStringLiteral("add_check");
    case Kind::DropCheck: return QStringLiteral("drop_check");
    case Kind::CreateTrigger: return QStringLiteral("create_trigger");
    case Kind::DropTrigger: return QStringLiteral("drop_trigger");
    case Kind::AlterTableComment: return QStringLiteral("alter_table_comment");
    case Kind::AlterTableOptions: return QStringLiteral("alter_table_options");
    case Kind::CreateView: return QStringLiteral("create_view");
    case Kind::DropView: return QStringLiteral("drop_view");
    case Kind::CreateRoutine: return routine.procedure ? QStringLiteral("create_procedure") : QStringLiteral("create_function");
    case Kind::DropRoutine: return routine.procedure ? QStringLiteral("drop_procedure") : QStringLiteral("drop_function");
    case Kind::ReplaceRoutine: return routine.procedure ? QStringLiteral("replace_procedure") : QStringLiteral("replace_function");
    case Kind::CreateSequence: return QStringLiteral("create_sequence");
    case Kind::DropSequence: return QStringLiteral("drop_sequence");
    case Kind::AlterSequence: return QStringLiteral("alter_sequence");
    case Kind::CreateEnum: return QStringLiteral("create_enum");
    case Kind::DropEnum: return QStringLiteral("drop_enum");
    case Kind::AlterEnum: return QStringLiteral("alter_enum");
    case Kind::RenameTable: return QStringLiteral("rename_table");
    case Kind::RenameColumn: return QStringLiteral("rename_column");
    case Kind::CreateSchema: return QStringLiteral("create_schema");
    case Kind::DropSchema: return QStringLiteral("drop_schema");
    case Kind::CreateExtension: return QStringLiteral("create_extension");
    case Kind::CreateDomain: return QStringLiteral("create_domain");
    case Kind::DropDomain: return QStringLiteral("drop_domain");
    case Kind::DropExtension: return QStringLiteral("drop_extension");
    case Kind::ExecuteSql: return QStringLiteral("execute");
    }
    return {};
}

QString Operation::describe() const
{
    const QString target = displayName(schema, table);
    switch (kind) {
    case Kind::CreateTable:
    case Kind::DropTable:
        return name() + QLatin1Char(' ') + target;
    case Kind::AddColumn:
    case Kind::DropColumn:
        return QStringLiteral("%1 %2.%3 %4").arg(name(), target, column.name, columnSummary(column));
    case Kind::AlterColumn: {
        QStringList changes;
        if (fromColumn.type != column.type)
            changes << QStringLiteral("type %1 -> %2").arg(fromColumn.type, column.type);
        if (fromColumn.nullable != column.nullable)
            changes << (column.nullable ? QStringLiteral("nullable") : QStringLiteral("not null"));
        if (fromColumn.defaultValue != column.defaultValue)
            changes << QStringLiteral("default %1 -> %2")
                           .arg(fromColumn.defaultValue.isEmpty() ? QStringLiteral("none") : fromColumn.defaultValue,
                                column.defaultValue.isEmpty() ? QStringLiteral("none") : column.defaultValue);
        if (fromColumn.comment != column.comment)
            changes << QStringLiteral("comment");
        if (fromColumn.collation != column.collation)
            changes << QStringLiteral("collation %1 -> %2").arg(fromColumn.collation, column.collation);
        if (fromColumn.identity != column.identity)
            changes << QStringLiteral("identity");
        if (fromColumn.generated != column.generated || fromColumn.generatedStored != column.generatedStored)
            changes << QStringLiteral("generated expression");
        if (fromColumn.onUpdate != column.onUpdate)
            changes << QStringLiteral("on update");
        if (fromColumn.invisible != column.invisible)
            changes << (column.invisible ? QStringLiteral("invisible") : QStringLiteral("visible"));
        if (fromColumn.check != column.check)
            changes << QStringLiteral("check %1 -> %2").arg(fromColumn.check.isEmpty() ? QStringLiteral("none") : fromColumn.check,
                                                           column.check.isEmpty() ? QStringLiteral("none") : column.check);
        if (fromColumn.identityStart != column.identityStart || fromColumn.identityIncrement != column.identityIncrement)
            changes << QStringLiteral("identity start %1 increment %2").arg(column.identityStart).arg(column.identityIncrement);
        return QStringLiteral("%1 %2.%3: %4").arg(name(), target, column.name, changes.join(QLatin1String(", ")));
    }
    case Kind::CreateIndex:
    case Kind::DropIndex: {
        QStringList keys;
        for (const IndexColumn &c : index.columns)
            keys << (c.name.isEmpty() ? c.expression : c.name);
        return QStringLiteral("%1 %2%3 on %4 %5")
            .arg(name(), index.unique ? QStringLiteral("unique ") : QString(), index.name, target, list(keys));
    }
    case Kind::AddPrimaryKey:
    case Kind::DropPrimaryKey:
        return QStringLiteral("%1 %2 %3").arg(name(), target, list(primaryKey.columns))
               + (fromPrimaryKey.isEmpty() ? QString() : QStringLiteral(" replacing ") + list(fromPrimaryKey.columns));
    case Kind::AddUnique:
    case Kind::DropUnique:
        return QStringLiteral("%1 unique %2on %3 %4")
            .arg(name(), unique.name.isEmpty() ? QString() : unique.name + QLatin1Char(' '), target, list(unique.columns));
    case Kind::AddForeignKey:
    case Kind::DropForeignKey:
        return QStringLiteral("%1 %2on %3 %4 -> %5 %6")
            .arg(name(), foreignKey.name.isEmpty() ? QString() : foreignKey.name + QLatin1Char(' '), target,
                 list(foreignKey.columns), displayName(foreignKey.referredSchema, foreignKey.referredTable),
                 list(foreignKey.referredColumns));
    case Kind::AddCheck:
    case Kind::DropCheck:
        return QStringLiteral("%1 %2on %3 (%4)")
            .arg(name(), check.name.isEmpty() ? QString() : check.name + QLatin1Char(' '), target, check.expression);
    case Kind::CreateTrigger:
    case Kind::DropTrigger:
        return QStringLiteral("%1 %2 on %3").arg(name(), trigger.name, target);
    case Kind::AlterTableComment:
        return QStringLiteral("%1 %2").arg(name(), target);
    case Kind::AlterTableOptions:
    {
        const auto text = [](const QString &options, const QString &collation) {
            const QString joined = QStringList{options, collation.isEmpty() ? QString() : QStringLiteral("COLLATE=") + collation}
                                       .join(QLatin1Char(' ')).trimmed();
            return joined.isEmpty() ? QStringLiteral("defaults") : joined;
        };
        return QStringLiteral("%1 %2: %3 -> %4").arg(name(), target, text(fromOptions, fromCollation), text(options, collation));
    }
    case Kind::CreateView:
    case Kind::DropView: {
        QStringList indexes;
        for (const Index &index : view.indexes)
            indexes << index.name;
        return QStringLiteral("%1 %2").arg(name(), displayName(view.schema, view.name))
               + (indexes.isEmpty() ? QString() : QStringLiteral(" with indexes ") + list(indexes));
    }
    case Kind::CreateSequence:
    case Kind::DropSequence:
    case Kind::AlterSequence:
        return QStringLiteral("%1 %2").arg(name(), displayName(sequence.schema, sequence.name));
    case Kind::CreateEnum:
    case Kind::DropEnum:
        return QStringLiteral("%1 %2 %3").arg(name(), displayName(enumType.schema, enumType.name),
                                              list(enumType.labels));
    case Kind::AlterEnum:
        return QStringLiteral("%1 %2 %3 -> %4").arg(name(), displayName(enumType.schema, enumType.name),
                                                    list(fromEnum.labels), list(enumType.labels));
    case Kind::CreateSchema:
    case Kind::DropSchema:
        return QStringLiteral("%1 %2").arg(name(), schema);
    case Kind::CreateExtension:
    case Kind::DropExtension:
        return QStringLiteral("%1 %2").arg(name(), extension);
    case Kind::CreateDomain:
    case Kind::DropDomain:
        return QStringLiteral("%1 %2 %3").arg(name(), displayName(domain.schema, domain.name), domain.type);
    case Kind::CreateRoutine:
    case Kind::DropRoutine:
    case Kind::ReplaceRoutine:
        return QStringLiteral("%1 %2(%3)").arg(name(), displayName(routine.schema, routine.name), routine.arguments);
    case Kind::RenameTable:
        return QStringLiteral("%1 %2 -> %3").arg(name(), displayName(schema, oldName), table);
    case Kind::RenameColumn:
        return QStringLiteral("%1 %2.%3 -> %4").arg(name(), target, fromColumn.name, column.name);
    case Kind::ExecuteSql:
        return QStringLiteral("execute %1").arg(sql.simplified());
    }
    return name();
}

bool Operation::isDestructive() const
{
    return kind == Kind::DropTable || kind == Kind::DropColumn || kind == Kind::DropExtension;
}

EnumChange enumChange(const QStringList &from, const QStringList &to)
{
    if (from == to)
        return EnumChange::None;
    if (to.size() > from.size()) {
        qsizetype next = 0;   // from must be a subsequence of to
        for (const QString &label : to)
            if (next < from.size() && label == from.at(next))
                ++next;
        if (next == from.size())
            return EnumChange::AddValues;
    }
    if (to.size() == from.size()) {
        bool renames = true;
        for (qsizetype i = 0; i < to.size() && renames; ++i)
            if (to.at(i) != from.at(i))
                renames = !from.contains(to.at(i)) && !to.contains(from.at(i));
        if (renames)
            return EnumChange::RenameValues;
    }
    return EnumChange::Recreate;
}

QList<Operation> reverseOperations(const QList<Operation> &upgrade)
{
    QList<Operation> out;
    out.reserve(upgrade.size());
    for (auto it = upgrade.crbegin(); it != upgrade.crend(); ++it)
        out.append(it->reverse());
    return out;
}

void applyOperation(Schema &schema, const Operation &op)
{
    Table *table = schema.table(op.table, op.schema);
    switch (op.kind) {
    case Kind::CreateTable:
        if (!table)
            schema.tables.append(op.tableDefinition);
        break;
    case Kind::DropTable:
        removeWhere(schema.tables, [&](const Table &t) { return t.name == op.table && t.schema == op.schema; });
        break;
    case Kind::CreateView:
        schema.views.append(op.view);
        break;
    case Kind::DropView:
        removeWhere(schema.views, [&](const View &v) { return v.name == op.view.name && v.schema == op.view.schema; });
        break;
    case Kind::CreateSequence:
        schema.sequences.append(op.sequence);
        break;
    case Kind::DropSequence:
        removeWhere(schema.sequences, [&](const Sequence &s) { return s.name == op.sequence.name && s.schema == op.sequence.schema; });
        break;
    case Kind::AlterSequence:
        for (Sequence &s : schema.sequences)
            if (s.name == op.sequence.name && s.schema == op.sequence.schema)
                s = op.sequence;
        break;
    case Kind::CreateEnum:
        schema.enums.append(op.enumType);
        break;
    case Kind::CreateRoutine:
        schema.routines.append(op.routine);
        break;
    case Kind::DropRoutine:
        removeWhere(schema.routines, [&](const Routine &r) {
            return r.name == op.routine.name && r.arguments == op.routine.arguments && r.schema == op.routine.schema;
        });
        break;
    case Kind::ReplaceRoutine:
        for (Routine &r : schema.routines)
            if (r.name == op.routine.name && r.arguments == op.routine.arguments && r.schema == op.routine.schema)
                r = op.routine;
        break;
    case Kind::DropEnum:
        removeWhere(schema.enums, [&](const Enum &e) { return e.name == op.enumType.name && e.schema == op.enumType.schema; });
        break;
    case Kind::AlterEnum:
        for (Enum &e : schema.enums)
            if (e.name == op.enumType.name && e.schema == op.enumType.schema)
                e = op.enumType;
        for (const EnumUsage &usage : op.enumUsages)
            if (Table *t = schema.table(usage.table, usage.schema))
                if (Column *c = t->column(usage.column))
                    c->defaultValue = usage.defaultAfter;
        break;
    case Kind::RenameTable:
        if (Table *renamed = schema.table(op.oldName, op.schema))
            renamed->name = op.table;
        break;
    case Kind::CreateSchema:
        if (!schema.schemas.contains(op.schema)) {
            schema.schemas.append(op.schema);
            schema.schemas.sort();
        }
        break;
    case Kind::DropSchema:
        schema.schemas.removeAll(op.schema);
        break;
    case Kind::CreateExtension:
        if (!schema.extensions.contains(op.extension)) {
            schema.extensions.append(op.extension);
            schema.extensions.sort();
        }
        break;
    case Kind::DropExtension:
        schema.extensions.removeAll(op.extension);
        break;
    case Kind::CreateDomain:
        schema.domains.append(op.domain);
        break;
    case Kind::DropDomain:
        removeWhere(schema.domains, [&](const Domain &d) { return d.name == op.domain.name && d.schema == op.domain.schema; });
        break;
    case Kind::ExecuteSql:
        break;
    default:
        if (!table) {
            // Indexes of a materialized view.
            for (View &view : schema.views)
                if (view.name == op.table && view.schema == op.schema) {
                    if (op.kind == Kind::CreateIndex)
                        view.indexes.append(op.index);
                    else if (op.kind == Kind::DropIndex)
                        removeWhere(view.indexes, [&](const Index &i) { return i.name == op.index.name; });
                }
            break;
        }
        switch (op.kind) {
        case Kind::RenameColumn:
            if (Column *renamed = table->column(op.fromColumn.name))
                renamed->name = op.column.name;
            break;
        case Kind::AddColumn: {
            qsizetype at = table->columns.size();
            if (op.firstColumn)
                at = 0;
            for (qsizetype i = 0; i < table->columns.size() && !op.afterColumn.isEmpty(); ++i)
                if (table->columns.at(i).name == op.afterColumn)
                    at = i + 1;
            table->columns.insert(at, op.column);
            break;
        }
        case Kind::DropColumn:
            removeWhere(table->columns, [&](const Column &c) { return c.name == op.column.name; });
            break;
        case Kind::AlterColumn:
            if (Column *c = table->column(op.fromColumn.name))
                *c = op.column;
            break;
        case Kind::CreateIndex:
            table->indexes.append(op.index);
            break;
        case Kind::DropIndex:
            removeWhere(table->indexes, [&](const Index &i) { return i.name == op.index.name; });
            break;
        case Kind::AddPrimaryKey:
            table->primaryKey = op.primaryKey;
            break;
        case Kind::DropPrimaryKey:
            table->primaryKey = PrimaryKey{};
            break;
        case Kind::AddUnique:
            table->uniqueConstraints.append(op.unique);
            break;
        case Kind::DropUnique:
            table->uniqueConstraints.removeOne(op.unique);
            break;
        case Kind::AddForeignKey:
            table->foreignKeys.append(op.foreignKey);
            break;
        case Kind::DropForeignKey:
            table->foreignKeys.removeOne(op.foreignKey);
            break;
        case Kind::AddCheck:
            table->checks.append(op.check);
            break;
        case Kind::DropCheck:
            table->checks.removeOne(op.check);
            break;
        case Kind::CreateTrigger:
            table->triggers.append(op.trigger);
            break;
        case Kind::DropTrigger:
            removeWhere(table->triggers, [&](const Trigger &t) { return t.name == op.trigger.name; });
            break;
        case Kind::AlterTableComment:
            table->comment = op.comment;
            break;
        case Kind::AlterTableOptions:
            table->options = op.options;
            table->collation = op.collation;
            break;
        default:
            break;
        }
    }
}

bool mentionsIdentifier(const QString &sql, const QString &name)
{
    const QRegularExpression word(QStringLiteral("(^|[^A-Za-z0-9_$])[\"`\\[]?%1[\"`\\]]?($|[^A-Za-z0-9_$])")
                                      .arg(QRegularExpression::escape(name)),
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(sql).hasMatch();
}

QList<View> creationOrder(QList<View> views)
{
    // Repeatedly take the first view that reads none of the views still waiting; a cycle
    // (impossible on a real engine) keeps the remaining order.
    QList<View> ordered;
    ordered.reserve(views.size());
    while (!views.isEmpty()) {
        qsizetype next = 0;
        for (qsizetype i = 0; i < views.size(); ++i) {
            bool readsWaiting = false;
            for (qsizetype j = 0; j < views.size() && !readsWaiting; ++j)
                readsWaiting = j != i && mentionsIdentifier(views.at(i).definition, views.at(j).name);
            if (!readsWaiting) {
                next = i;
                break;
            }
        }
        ordered.append(views.takeAt(next));
    }
    return ordered;
}

QList<View> viewsReading(const QList<View> &views, const QStringList &names)
{
    QList<View> found;
    QStringList reached = names;
    for (bool grew = true; grew;) {
        grew = false;
        for (const View &view : views) {
            if (reached.contains(view.name))
                continue;
            for (const QString &name : std::as_const(reached))
                if (mentionsIdentifier(view.definition, name)) {
                    found.append(view);
                    reached.append(view.name);
                    grew = true;
                    break;
                }
        }
    }
    return creationOrder(found);
}

} // namespace Stratum
