// SQLite reflection: four queries over sqlite_schema and its pragmas as table-valued
// functions, plus a parse of the stored DDL for what the pragmas leave out.
#include "runtime/connection.h"
#include "schema/ddltokens_p.h"
#include "schema/reflectors_p.h"

#include <QHash>

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

    auto objects = selectRows(db, QStringLiteral("SELECT m.type, m.name, m.tbl_name, m.sql FROM main.sqlite_master m "
                                                 "WHERE %1 AND m.sql IS NOT NULL ORDER BY m.name").arg(kUserObjects),
                              counter);
    if (!objects)
        return objects.error();

    QHash<QString, qsizetype> tableIndex;   // name → position in schema.tables
    QHash<QString, ParsedSqliteTable> parsedTables;
    QHash<QString, QString> indexSql;
    QList<QVariantList> triggers;
    for (const QVariantList &row : *objects) {
        const QString type = row.at(0).toString();
        const QString name = row.at(1).toString();
        if (type == QLatin1String("table")) {
            Table table;
            table.name = name;
            const QString sql = row.at(3).toString();
            if (sql.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive))
                continue;   // virtual tables (FTS …) are owned by their module
            ParsedSqliteTable parsed = parseSqliteCreateTable(sql);
            table.options = parsed.options;
            parsedTables.insert(name, std::move(parsed));
            tableIndex.insert(name, schema.tables.size());
            schema.tables.append(std::move(table));
        } else if (type == QLatin1String("view")) {
            View view;
            view.name = name;
            view.definition = row.at(3).toString().trimmed();
            schema.views.append(view);
        } else if (type == QLatin1String("index")) {
            indexSql.insert(name, row.at(3).toString());
        } else if (type == QLatin1String("trigger")) {
            triggers.append(row);
        }
    }
    for (const QVariantList &row : triggers) {
        const auto it = tableIndex.constFind(row.at(2).toString());
        if (it != tableIndex.constEnd())
            schema.tables[*it].triggers.append(Trigger{row.at(1).toString(), row.at(3).toString().trimmed()});
    }

    auto columns = selectRows(db, QStringLiteral(
        "SELECT m.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden "
        "FROM main.sqlite_master m JOIN pragma_table_xinfo(m.name, 'main') c "
        "WHERE m.type = 'table' AND %1 ORDER BY m.name, c.cid").arg(kUserObjects), counter);
    if (!columns)
        return columns.error();
    QHash<QString, QList<std::pair<int, QString>>> primaryKeys;
    for (const QVariantList &row : *columns) {
        const auto it = tableIndex.constFind(row.at(0).toString());
        if (it == tableIndex.constEnd())
            continue;
        Table &table = schema.tables[*it];
        const ParsedSqliteTable &parsed = parsedTables[table.name];
        Column column;
        column.name = row.at(1).toString();
        column.type = row.at(2).toString();
        column.nullable = row.at(3).toInt() == 0;
        column.defaultValue = row.at(4).isNull() ? QString() : row.at(4).toString();
        const int hidden = row.at(6).toInt();
        for (const ParsedSqliteTable::ColumnInfo &info : parsed.columns) {
            if (info.name.compare(column.name, Qt::CaseInsensitive) != 0)
                continue;
            column.collation = info.collation;
            if (info.autoincrement)
                column.identity = Column::Identity::AutoIncrement;
            if (hidden == 2 || hidden == 3) {
                column.generated = info.generated;
                column.generatedStored = hidden == 3;
            }
            break;
        }
        if (const int pk = row.at(5).toInt(); pk > 0)
            primaryKeys[table.name].append({pk, column.name});
        table.columns.append(std::move(column));
    }
    for (auto it = primaryKeys.begin(); it != primaryKeys.end(); ++it) {
        std::sort(it->begin(), it->end());
        Table &table = schema.tables[tableIndex.value(it.key())];
        for (const auto &[position, name] : *it)
            table.primaryKey.columns << name;
        table.primaryKey.name = parsedTables[table.name].primaryKeyName;
    }

    auto indexes = selectRows(db, QStringLiteral(
        "SELECT m.name, il.name, il.\"unique\", il.origin, ii.seqno, ii.cid, ii.name, ii.\"desc\" "
        "FROM main.sqlite_master m JOIN pragma_index_list(m.name, 'main') il "
        "JOIN pragma_index_xinfo(il.name, 'main') ii "
        "WHERE m.type = 'table' AND %1 AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno").arg(kUserObjects), counter);
    if (!indexes)
        return indexes.error();
    QString currentKey;
    Index *current = nullptr;
    UniqueConstraint *currentUnique = nullptr;
    ParsedSqliteIndex parsedIndex;
    for (const QVariantList &row : *indexes) {
        const auto it = tableIndex.constFind(row.at(0).toString());
        if (it == tableIndex.constEnd())
            continue;
        Table &table = schema.tables[*it];
        const QString indexName = row.at(1).toString();
        const QString origin = row.at(3).toString();
        const QString key = table.name + QLatin1Char('\x1f') + indexName;
        if (key != currentKey) {
            currentKey = key;
            current = nullptr;
            currentUnique = nullptr;
            if (origin == QLatin1String("c")) {
                Index index;
                index.name = indexName;
                index.unique = row.at(2).toInt() != 0;
                parsedIndex = parseSqliteCreateIndex(indexSql.value(indexName));
                index.where = parsedIndex.where;
                table.indexes.append(index);
                current = &table.indexes.last();
            } else if (origin == QLatin1String("u")) {
                table.uniqueConstraints.append(UniqueConstraint{});
                currentUnique = &table.uniqueConstraints.last();
            }
        }
        const int cid = row.at(5).toInt();
        if (current) {
            IndexColumn column;
            if (cid == -2)
                column.expression = stripOuterParentheses(parsedIndex.keys.value(row.at(4).toInt()));
            else
                column.name = cid == -1 ? QStringLiteral("rowid") : row.at(6).toString();
            column.descending = row.at(7).toInt() != 0;
            current->columns.append(column);
        } else if (currentUnique) {
            currentUnique->columns << row.at(6).toString();
        }
    }
    // Names of UNIQUE constraints live only in the table's DDL.
    for (Table &table : schema.tables) {
        const ParsedSqliteTable &parsed = parsedTables[table.name];
        for (UniqueConstraint &unique : table.uniqueConstraints)
            for (const ParsedSqliteTable::Named &named : parsed.uniques)
                if (sameColumns(named.columns, unique.columns)) {
                    unique.name = named.name;
                    break;
                }
        for (const ParsedSqliteTable::Named &check : parsed.checks)
            table.checks.append(CheckConstraint{check.name, check.expression});
    }

    auto foreignKeys = selectRows(db, QStringLiteral(
        "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
        "FROM main.sqlite_master m JOIN pragma_foreign_key_list(m.name, 'main') f "
        "WHERE m.type = 'table' AND %1 ORDER BY m.name, f.id, f.seq").arg(kUserObjects), counter);
    if (!foreignKeys)
        return foreignKeys.error();
    currentKey.clear();
    ForeignKey *fk = nullptr;
    QList<ForeignKey *> implicitTargets;
    for (const QVariantList &row : *foreignKeys) {
        const auto it = tableIndex.constFind(row.at(0).toString());
        if (it == tableIndex.constEnd())
            continue;
        Table &table = schema.tables[*it];
        const QString key = table.name + QLatin1Char('\x1f') + row.at(1).toString();
        if (key != currentKey) {
            currentKey = key;
            ForeignKey created;
            created.referredTable = row.at(2).toString();
            created.onUpdate = action(row.at(5));
            created.onDelete = action(row.at(6));
            table.foreignKeys.append(created);
            fk = &table.foreignKeys.last();
        }
        fk->columns << row.at(3).toString();
        if (!row.at(4).isNull())
            fk->referredColumns << row.at(4).toString();
    }
    for (Table &table : schema.tables) {
        const ParsedSqliteTable &parsed = parsedTables[table.name];
        for (ForeignKey &key : table.foreignKeys) {
            // REFERENCES t without columns means t's primary key.
            if (key.referredColumns.isEmpty()) {
                for (const Table &target : std::as_const(schema.tables))
                    if (target.name.compare(key.referredTable, Qt::CaseInsensitive) == 0)
                        key.referredColumns = target.primaryKey.columns;
            }
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
    return schema;
}

} // namespace Stratum::Internal
