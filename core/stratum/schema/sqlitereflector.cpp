// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// SQLite reflection: four queries over sqlite_schema and its pragmas as table-valued
// functions, plus a parse of the stored DDL for what the pragmas leave out.
#include "stratum/runtime/connection.h"
#include "stratum/schema/ddltokens_p.h"
#include "stratum/schema/reflectors_p.h"
#include "stratum/schema/stringpool_p.h"

#include <QHash>

#include <algorithm>

namespace Stratum::Internal {

namespace {

const QString kUserObjects = QStringLiteral("m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");

QString action(const QVariant &value)
{
    const QString text = value.toString().toUpper();
    return text == QLatin1String("NO ACTION") ? QString() : text;
}

bool sameColumns(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).compare(b.at(i), Qt::CaseInsensitive) != 0)
            return false;
    return true;
}

} // namespace

Result<Schema> reflectSqlite(Connection &connection, const ReflectOptions &, int &counter)
{
    const QSqlDatabase db = connection.database();
    Schema schema;

    // No ORDER BY in these queries: each row carries its position (cid, seqno, seq) and is put
    // there, so the sorter passes SQLite would otherwise run over every column of every table
    // are not needed. Schema::sort() orders the rest.
    QHash<QString, qsizetype> tableIndex;   // name → position in schema.tables
    QHash<qint64, qsizetype> tableRowid;    // sqlite_master rowid → position: the later queries
                                            // name tables by rowid, not by a string per row
    QList<ParsedSqliteTable> parsedTables;  // parallel to schema.tables
    QHash<QString, QString> indexSql;
    QList<std::pair<QString, Trigger>> triggers;
    Status read = forEachRow(db, QStringLiteral("SELECT m.type, m.name, m.tbl_name, m.sql, m.rowid FROM main.sqlite_master m "
                                                "WHERE %1 AND m.sql IS NOT NULL").arg(kUserObjects),
                             counter, [&](const QSqlQuery &row) {
        const QString type = row.value(0).toString();
        const QString name = row.value(1).toString();
        if (type == QLatin1String("table")) {
            const QString sql = row.value(3).toString();
            if (sql.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive))
                return;   // virtual tables (FTS …) are owned by their module
            Table table;
            table.name = name;
            ParsedSqliteTable parsed = parseSqliteCreateTable(sql);
            table.options = parsed.options;
            tableIndex.insert(name, schema.tables.size());
            tableRowid.insert(row.value(4).toLongLong(), schema.tables.size());
            parsedTables.append(std::move(parsed));
            schema.tables.append(std::move(table));
        } else if (type == QLatin1String("view")) {
            View view;
            view.name = name;
            view.definition = row.value(3).toString().trimmed();
            schema.views.append(view);
        } else if (type == QLatin1String("index")) {
            indexSql.insert(name, row.value(3).toString());
        } else if (type == QLatin1String("trigger")) {
            triggers.append({row.value(2).toString(), Trigger{name, row.value(3).toString().trimmed()}});
        }
    });
    if (!read)
        return read.error();
    for (const auto &[tableName, trigger] : std::as_const(triggers)) {
        const auto it = tableIndex.constFind(tableName);
        if (it != tableIndex.constEnd())
            schema.tables[*it].triggers.append(trigger);
    }

    QList<QList<std::pair<int, QString>>> primaryKeys(schema.tables.size());
    StringPool pool;
    read = forEachRow(db, QStringLiteral(
        "SELECT m.rowid, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden "
        "FROM main.sqlite_master m JOIN pragma_table_xinfo(m.name, 'main') c "
        "WHERE m.type = 'table' AND %1").arg(kUserObjects), counter, [&](const QSqlQuery &row) {
        const auto it = tableRowid.constFind(row.value(0).toLongLong());
        if (it == tableRowid.constEnd())
            return;
        Table &table = schema.tables[*it];
        const ParsedSqliteTable &parsed = parsedTables.at(*it);
        const qsizetype cid = row.value(1).toInt();
        if (cid < 0)
            return;
        if (table.columns.isEmpty())
            table.columns.reserve(parsed.columns.size());   // all at once, not a growth step per column
        if (table.columns.size() <= cid)
            table.columns.resize(cid + 1);
        Column &column = table.columns[cid];
        column.name = pool(row.value(2).toString());
        column.type = pool(row.value(3).toString());
        column.nullable = row.value(4).toInt() == 0;
        const QVariant defaultValue = row.value(5);
        column.defaultValue = defaultValue.isNull() ? QString() : pool(defaultValue.toString());
        const int hidden = row.value(7).toInt();
        // The DDL lists the columns in cid order; search only when that does not hold.
        const ParsedSqliteTable::ColumnInfo *info = nullptr;
        if (cid < parsed.columns.size() && parsed.columns.at(cid).name.compare(column.name, Qt::CaseInsensitive) == 0)
            info = &parsed.columns.at(cid);
        for (qsizetype i = 0; !info && i < parsed.columns.size(); ++i)
            if (parsed.columns.at(i).name.compare(column.name, Qt::CaseInsensitive) == 0)
                info = &parsed.columns.at(i);
        if (info) {
            column.collation = info->collation;
            if (info->autoincrement)
                column.identity = Column::Identity::AutoIncrement;
            if (hidden == 2 || hidden == 3) {
                column.generated = info->generated;
                column.generatedStored = hidden == 3;
            }
        }
        if (const int pk = row.value(6).toInt(); pk > 0)
            primaryKeys[*it].append({pk, column.name});
    });
    if (!read)
        return read.error();
    for (qsizetype t = 0; t < schema.tables.size(); ++t) {
        QList<std::pair<int, QString>> &keys = primaryKeys[t];
        if (keys.isEmpty())
            continue;
        std::sort(keys.begin(), keys.end());
        Table &table = schema.tables[t];
        for (const auto &[position, name] : std::as_const(keys))
            table.primaryKey.columns << name;
        table.primaryKey.name = parsedTables.at(t).primaryKeyName;
    }

    // Index keys and foreign key columns go by (table, index name) and (table, id) to their
    // place; the rows of one index may come in any order.
    struct IndexPlace
    {
        bool unique = false;     // a UNIQUE constraint, not a CREATE INDEX
        qsizetype position = -1; // in table.indexes or table.uniqueConstraints
        ParsedSqliteIndex parsed;
    };
    QHash<std::pair<qsizetype, QString>, IndexPlace> indexPlaces;
    read = forEachRow(db, QStringLiteral(
        "SELECT m.rowid, il.name, il.\"unique\", il.origin, ii.seqno, ii.cid, ii.name, ii.\"desc\" "
        "FROM main.sqlite_master m JOIN pragma_index_list(m.name, 'main') il "
        "JOIN pragma_index_xinfo(il.name, 'main') ii "
        "WHERE m.type = 'table' AND %1 AND ii.key = 1").arg(kUserObjects), counter, [&](const QSqlQuery &row) {
        const auto it = tableRowid.constFind(row.value(0).toLongLong());
        if (it == tableRowid.constEnd())
            return;
        Table &table = schema.tables[*it];
        const QString indexName = row.value(1).toString();
        const QString origin = row.value(3).toString();
        const bool createdIndex = origin == QLatin1String("c");
        if (!createdIndex && origin != QLatin1String("u"))
            return;   // the primary key's own index
        auto place = indexPlaces.find({*it, indexName});
        if (place == indexPlaces.end()) {
            IndexPlace created;
            created.unique = !createdIndex;
            if (createdIndex) {
                Index index;
                index.name = indexName;
                index.unique = row.value(2).toInt() != 0;
                created.parsed = parseSqliteCreateIndex(indexSql.value(indexName));
                index.where = created.parsed.where;
                created.position = table.indexes.size();
                table.indexes.append(index);
            } else {
                created.position = table.uniqueConstraints.size();
                table.uniqueConstraints.append(UniqueConstraint{});
            }
            place = indexPlaces.insert({*it, indexName}, std::move(created));
        }
        const qsizetype seqno = row.value(4).toInt();
        if (seqno < 0)
            return;
        const int cid = row.value(5).toInt();
        if (!place->unique) {
            QList<IndexColumn> &columns = table.indexes[place->position].columns;
            if (columns.size() <= seqno)
                columns.resize(seqno + 1);
            IndexColumn &column = columns[seqno];
            if (cid == -2)
                column.expression = stripOuterParentheses(place->parsed.keys.value(seqno));
            else
                column.name = cid == -1 ? QStringLiteral("rowid") : row.value(6).toString();
            column.descending = row.value(7).toInt() != 0;
        } else {
            QStringList &columns = table.uniqueConstraints[place->position].columns;
            if (columns.size() <= seqno)
                columns.resize(seqno + 1);
            columns[seqno] = row.value(6).toString();
        }
    });
    if (!read)
        return read.error();
    // Names of UNIQUE constraints live only in the table's DDL.
    for (qsizetype t = 0; t < schema.tables.size(); ++t) {
        Table &table = schema.tables[t];
        const ParsedSqliteTable &parsed = parsedTables.at(t);
        for (UniqueConstraint &unique : table.uniqueConstraints)
            for (const ParsedSqliteTable::Named &named : parsed.uniques)
                if (sameColumns(named.columns, unique.columns)) {
                    unique.name = named.name;
                    break;
                }
        for (const ParsedSqliteTable::Named &check : parsed.checks)
            table.checks.append(CheckConstraint{check.name, check.expression});
    }

    // Per table: (id, key) in the order pragma_foreign_key_list numbers them.
    QList<QList<std::pair<int, ForeignKey>>> keys(schema.tables.size());
    QHash<std::pair<qsizetype, int>, qsizetype> keyPlaces;   // (table, id) → position in keys[table]
    read = forEachRow(db, QStringLiteral(
        "SELECT m.rowid, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
        "FROM main.sqlite_master m JOIN pragma_foreign_key_list(m.name, 'main') f "
        // Each pragma call compiles a statement; only a table whose DDL says REFERENCES has a
        // foreign key (LIKE ignores ASCII case).
        "WHERE m.type = 'table' AND m.sql LIKE '%REFERENCES%' AND %1").arg(kUserObjects), counter,
        [&](const QSqlQuery &row) {
        const auto it = tableRowid.constFind(row.value(0).toLongLong());
        if (it == tableRowid.constEnd())
            return;
        const int id = row.value(1).toInt();
        auto place = keyPlaces.find({*it, id});
        if (place == keyPlaces.end()) {
            ForeignKey created;
            created.referredTable = row.value(3).toString();
            created.onUpdate = action(row.value(6));
            created.onDelete = action(row.value(7));
            place = keyPlaces.insert({*it, id}, keys[*it].size());
            keys[*it].append({id, created});
        }
        ForeignKey &fk = keys[*it][*place].second;
        const qsizetype seq = row.value(2).toInt();
        if (seq < 0)
            return;
        if (fk.columns.size() <= seq)
            fk.columns.resize(seq + 1);
        fk.columns[seq] = row.value(4).toString();
        if (const QVariant to = row.value(5); !to.isNull()) {
            if (fk.referredColumns.size() <= seq)
                fk.referredColumns.resize(seq + 1);
            fk.referredColumns[seq] = to.toString();
        }
    });
    if (!read)
        return read.error();
    for (qsizetype t = 0; t < schema.tables.size(); ++t) {
        QList<std::pair<int, ForeignKey>> &tableKeys = keys[t];
        std::sort(tableKeys.begin(), tableKeys.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &[id, key] : tableKeys)
            schema.tables[t].foreignKeys.append(std::move(key));
    }
    for (qsizetype t = 0; t < schema.tables.size(); ++t) {
        const ParsedSqliteTable &parsed = parsedTables.at(t);
        for (ForeignKey &key : schema.tables[t].foreignKeys) {
            for (const ParsedSqliteTable::Named &named : parsed.foreignKeys)
                if (sameColumns(named.columns, key.columns)
                    && named.referredTable.compare(key.referredTable, Qt::CaseInsensitive) == 0) {
                    key.name = named.name;
                    key.deferrable = named.deferrable;
                    key.initiallyDeferred = named.initiallyDeferred;
                    break;
                }
        }
    }
    resolveImplicitReferences(schema);
    return schema;
}

void resolveImplicitReferences(Schema &schema)
{
    // REFERENCES t without columns means t's primary key. SQLite matches names without
    // regard to ASCII case; a hash keeps this linear in the number of foreign keys.
    QHash<QString, const Table *> byName;
    for (const Table &table : std::as_const(schema.tables))
        byName.insert(table.name.toCaseFolded(), &table);
    for (Table &table : schema.tables)
        for (ForeignKey &key : table.foreignKeys)
            if (key.referredColumns.isEmpty())
                if (const Table *target = byName.value(key.referredTable.toCaseFolded()))
                    key.referredColumns = target->primaryKey.columns;
}

} // namespace Stratum::Internal
