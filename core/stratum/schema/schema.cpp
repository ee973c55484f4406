// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/schema.h"

#include <algorithm>

namespace Stratum {

namespace {

template<typename T>
auto findNamed(QList<T> &list, const QString &name, const QString &schema) -> T *
{
    for (T &item : list)
        if (item.name == name && item.schema == schema)
            return &item;
    return nullptr;
}

template<typename T>
void sortBySchemaAndName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) {
        return a.schema != b.schema ? a.schema < b.schema : a.name < b.name;
    });
}

QString joined(const QStringList &list)
{
    return list.join(QLatin1String(", "));
}

QString indexColumns(const QList<IndexColumn> &columns);

QString indexLine(const Index &i)
{
    return QStringLiteral("  %1index %2 (%3)%4%5%6%7%8")
        .arg(i.unique ? QStringLiteral("unique ") : QString(), i.name, indexColumns(i.columns),
             i.include.isEmpty() ? QString() : QStringLiteral(" INCLUDE (%1)").arg(joined(i.include)),
             i.nullsNotDistinct ? QStringLiteral(" NULLS NOT DISTINCT") : QString(),
             i.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + i.where,
             i.method.isEmpty() ? QString() : QStringLiteral(" USING ") + i.method,
             i.comment.isEmpty() ? QString() : QStringLiteral(" comment '%1'").arg(i.comment));
}

QString indexColumns(const QList<IndexColumn> &columns)
{
    QStringList parts;
    for (const IndexColumn &column : columns)
        parts << (column.name.isEmpty() ? QLatin1Char('(') + column.expression + QLatin1Char(')')
                                        : column.name)
                         + (column.opclass.isEmpty() ? QString() : QLatin1Char(' ') + column.opclass)
                         + (column.descending ? QStringLiteral(" DESC") : QString())
                         + (column.nulls.isEmpty() ? QString() : QLatin1Char(' ') + column.nulls);
    return joined(parts);
}

} // namespace

const Column *Table::column(const QString &name) const
{
    for (const Column &c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

Column *Table::column(const QString &name)
{
    for (Column &c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

const Index *Table::index(const QString &name) const
{
    for (const Index &i : indexes)
        if (i.name == name)
            return &i;
    return nullptr;
}

const Table *Schema::table(const QString &name, const QString &schema) const
{
    return findNamed(const_cast<QList<Table> &>(tables), name, schema);
}

Table *Schema::table(const QString &name, const QString &schema)
{
    return findNamed(tables, name, schema);
}

const View *Schema::view(const QString &name, const QString &schema) const
{
    return findNamed(const_cast<QList<View> &>(views), name, schema);
}

const Enum *Schema::enumType(const QString &name, const QString &schema) const
{
    return findNamed(const_cast<QList<Enum> &>(enums), name, schema);
}

const Domain *Schema::domain(const QString &name, const QString &schema) const
{
    return findNamed(const_cast<QList<Domain> &>(domains), name, schema);
}

const Sequence *Schema::sequence(const QString &name, const QString &schema) const
{
    return findNamed(const_cast<QList<Sequence> &>(sequences), name, schema);
}

const Routine *Schema::routine(const QString &name, const QString &arguments, const QString &schema) const
{
    for (const Routine &r : routines)
        if (r.name == name && r.arguments == arguments && r.schema == schema)
            return &r;
    return nullptr;
}

void Schema::sort()
{
    std::sort(routines.begin(), routines.end(), [](const Routine &a, const Routine &b) {
        return std::tie(a.schema, a.name, a.arguments) < std::tie(b.schema, b.name, b.arguments);
    });
    sortBySchemaAndName(tables);
    sortBySchemaAndName(views);
    sortBySchemaAndName(sequences);
    sortBySchemaAndName(enums);
    sortBySchemaAndName(domains);
    schemas.sort();
    extensions.sort();
    for (View &view : views)
        std::sort(view.indexes.begin(), view.indexes.end(), [](const Index &a, const Index &b) { return a.name < b.name; });
    for (Table &table : tables) {
        std::sort(table.indexes.begin(), table.indexes.end(),
                  [](const Index &a, const Index &b) { return a.name < b.name; });
        std::sort(table.uniqueConstraints.begin(), table.uniqueConstraints.end(),
                  [](const UniqueConstraint &a, const UniqueConstraint &b) {
                      return a.name != b.name ? a.name < b.name : a.columns < b.columns;
                  });
        std::sort(table.foreignKeys.begin(), table.foreignKeys.end(),
                  [](const ForeignKey &a, const ForeignKey &b) {
                      if (a.name != b.name)
                          return a.name < b.name;
                      if (a.columns != b.columns)
                          return a.columns < b.columns;
                      return a.referredTable < b.referredTable;
                  });
        std::sort(table.checks.begin(), table.checks.end(),
                  [](const CheckConstraint &a, const CheckConstraint &b) {
                      return a.name != b.name ? a.name < b.name : a.expression < b.expression;
                  });
        std::sort(table.triggers.begin(), table.triggers.end(),
                  [](const Trigger &a, const Trigger &b) { return a.name < b.name; });
    }
}

QString displayName(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
}

QString describeSchema(const Schema &schema)
{
    QStringList lines;
    for (const QString &name : schema.schemas)
        lines << QStringLiteral("schema %1").arg(name);
    for (const QString &name : schema.extensions)
        lines << QStringLiteral("extension %1").arg(name);
    for (const Domain &d : schema.domains) {
        QString line = QStringLiteral("domain %1 %2").arg(displayName(d.schema, d.name), d.type);
        if (!d.defaultValue.isEmpty())
            line += QStringLiteral(" DEFAULT ") + d.defaultValue;
        if (d.notNull)
            line += QStringLiteral(" NOT NULL");
        for (const CheckConstraint &c : d.checks)
            line += QStringLiteral(" CONSTRAINT %1 CHECK (%2)").arg(c.name, c.expression);
        lines << line;
    }
    for (const Enum &e : schema.enums)
        lines << QStringLiteral("enum %1 (%2)").arg(displayName(e.schema, e.name), joined(e.labels));
    for (const Sequence &s : schema.sequences)
        lines << QStringLiteral("sequence %1 %2 start %3 increment %4")
                     .arg(displayName(s.schema, s.name), s.type)
                     .arg(s.start)
                     .arg(s.increment);
    for (const Table &table : schema.tables) {
        lines << QStringLiteral("table %1%2%3%4").arg(displayName(table.schema, table.name),
                                                      table.comment.isEmpty()
                                                          ? QString()
                                                          : QStringLiteral(" comment '%1'").arg(table.comment),
                                                      table.options.isEmpty() ? QString() : QLatin1Char(' ') + table.options,
                                                      table.collation.isEmpty() ? QString()
                                                                                : QStringLiteral(" COLLATE=") + table.collation)
                 + (table.unlogged ? QStringLiteral(" unlogged") : QString())
                 + (table.storage.isEmpty() ? QString() : QStringLiteral(" with (%1)").arg(joined(table.storage)))
                 + (table.partitionBy.isEmpty() ? QString() : QStringLiteral(" partition by ") + table.partitionBy)
                 + (table.partitionOf.isEmpty() ? QString()
                                                : QStringLiteral(" partition of %1 %2").arg(table.partitionOf, table.partitionBound));
        for (const Column &c : table.columns) {
            QString line = QStringLiteral("  column %1 %2%3").arg(c.name, c.type,
                                                                 c.nullable ? QString() : QStringLiteral(" NOT NULL"));
            if (!c.defaultValue.isEmpty())
                line += QStringLiteral(" DEFAULT ") + c.defaultValue;
            if (c.identity != Column::Identity::None)
                line += QStringLiteral(" identity %1").arg(int(c.identity))
                        + (c.identityIncrement != 0
                               ? QStringLiteral(" start %1 increment %2").arg(c.identityStart).arg(c.identityIncrement)
                               : QString());
            if (!c.collation.isEmpty())
                line += QStringLiteral(" COLLATE ") + c.collation;
            if (!c.generated.isEmpty())
                line += QStringLiteral(" AS (%1)%2").arg(c.generated, c.generatedStored ? QStringLiteral(" STORED") : QString());
            if (!c.onUpdate.isEmpty())
                line += QStringLiteral(" ON UPDATE ") + c.onUpdate;
            if (c.invisible)
                line += QStringLiteral(" INVISIBLE");
            if (!c.check.isEmpty())
                line += QStringLiteral(" CHECK (%1)").arg(c.check);
            if (!c.comment.isEmpty())
                line += QStringLiteral(" comment '%1'").arg(c.comment);
            lines << line;
        }
        if (!table.primaryKey.isEmpty())
            lines << QStringLiteral("  primary key %1 (%2)").arg(table.primaryKey.name, joined(table.primaryKey.columns));
        for (const UniqueConstraint &u : table.uniqueConstraints)
            lines << QStringLiteral("  unique %1 (%2)%3%4")
                         .arg(u.name, joined(u.columns), u.nullsNotDistinct ? QStringLiteral(" nulls not distinct") : QString(),
                              u.deferrable ? (u.initiallyDeferred ? QStringLiteral(" deferred") : QStringLiteral(" deferrable"))
                                           : QString());
        for (const Index &i : table.indexes)
            lines << indexLine(i);
        for (const ForeignKey &f : table.foreignKeys)
            lines << QStringLiteral("  foreign key %1 (%2) -> %3 (%4) delete %5 update %6%7")
                         .arg(f.name, joined(f.columns), displayName(f.referredSchema, f.referredTable),
                              joined(f.referredColumns), f.onDelete, f.onUpdate,
                              f.deferrable ? (f.initiallyDeferred ? QStringLiteral(" deferred") : QStringLiteral(" deferrable"))
                                           : QString())
                  + (f.matchFull ? QStringLiteral(" match full") : QString())
                  + (f.notValid ? QStringLiteral(" not valid") : QString());
        for (const CheckConstraint &c : table.checks)
            lines << QStringLiteral("  check %1 (%2)").arg(c.name, c.expression)
                         + (c.noInherit ? QStringLiteral(" no inherit") : QString())
                         + (c.notValid ? QStringLiteral(" not valid") : QString());
        for (const Trigger &t : table.triggers)
            lines << QStringLiteral("  trigger %1: %2").arg(t.name, t.sql.simplified());
    }
    for (const Routine &r : schema.routines)
        lines << QStringLiteral("%1 %2(%3): %4")
                     .arg(r.procedure ? QStringLiteral("procedure") : QStringLiteral("function"),
                          displayName(r.schema, r.name), r.arguments, r.definition.simplified());
    for (const View &v : schema.views) {
        lines << QStringLiteral("%1view %2: %3%4")
                     .arg(v.materialized ? QStringLiteral("materialized ") : QString(), displayName(v.schema, v.name),
                          v.definition.simplified(), v.comment.isEmpty() ? QString() : QStringLiteral(" comment '%1'").arg(v.comment));
        for (const Index &i : v.indexes)
            lines << indexLine(i);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Stratum
