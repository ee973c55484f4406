// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// MySQL/MariaDB reflection: nine information_schema queries, whatever the number of tables,
// and one per sequence.
#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"
#include "stratum/schema/reflectors_p.h"
#include "stratum/schema/stringpool_p.h"

#include <QHash>
#include <QRegularExpression>

namespace Stratum::Internal {

namespace {

QString rule(const QVariant &value)
{
    const QString text = value.toString().toUpper();
    // InnoDB treats NO ACTION as RESTRICT and reports RESTRICT when none was given.
    return text == QLatin1String("RESTRICT") || text == QLatin1String("NO ACTION") ? QString() : text;
}

QString key(const QVariant &schema, const QVariant &table)
{
    return schema.toString() + QLatin1Char('\x1f') + table.toString();
}

} // namespace

Result<Schema> reflectMysql(Connection &connection, const ReflectOptions &options, int &counter)
{
    const QSqlDatabase db = connection.database();
    const Dialect &dialect = connection.dialect();
    Schema schema;

    QString defaultSchema = options.defaultSchema;
    if (defaultSchema.isEmpty()) {
        auto current = selectRows(db, QStringLiteral("SELECT DATABASE()"), counter);
        if (!current)
            return current.error();
        defaultSchema = current->value(0).value(0).toString();
        if (defaultSchema.isEmpty())
            return Error::input(QStringLiteral("The MySQL URL %1 names no database to compare").arg(connection.maskedUrl()));
    }
    QStringList literals{dialect.quoteString(defaultSchema)};
    for (const QString &extra : options.schemas)
        if (!extra.isEmpty() && extra != defaultSchema)
            literals << dialect.quoteString(extra);
    const QString inSchemas = QStringLiteral("IN (%1)").arg(literals.join(QLatin1String(", ")));
    const auto schemaOf = [&](const QVariant &name) {
        const QString text = name.toString();
        return text == defaultSchema ? QString() : text;
    };

    // Table options are kept where they differ from what a table gets by default, as column
    // collations are kept where they differ from their table's.
    auto tables = selectRows(db, QStringLiteral(
        "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE, t.TABLE_COMMENT, t.TABLE_COLLATION, t.ENGINE, "
        "t.CREATE_OPTIONS, s.DEFAULT_COLLATION_NAME, @@default_storage_engine FROM information_schema.TABLES t "
        "JOIN information_schema.SCHEMATA s ON s.SCHEMA_NAME = t.TABLE_SCHEMA WHERE t.TABLE_SCHEMA %1").arg(inSchemas), counter);
    if (!tables)
        return tables.error();
    QHash<QString, qsizetype> byName;
    QHash<QString, QString> tableCollation;
    static const QRegularExpression rowFormat(QStringLiteral("(?:^|\\s)row_format=(\\w+)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (const QVariantList &row : *tables) {
        if (row.at(2).toString() == QLatin1String("SEQUENCE")) {
            Sequence sequence;
            sequence.schema = schemaOf(row.at(0));
            sequence.name = row.at(1).toString();
            sequence.type.clear();
            schema.sequences.append(sequence);
            continue;
        }
        if (row.at(2).toString() != QLatin1String("BASE TABLE"))
            continue;
        Table table;
        table.schema = schemaOf(row.at(0));
        table.name = row.at(1).toString();
        table.comment = row.at(3).toString();
        QStringList tableOptions;
        if (row.at(5).toString() != row.at(8).toString())
            tableOptions << QStringLiteral("ENGINE=") + row.at(5).toString();
        if (const QRegularExpressionMatch format = rowFormat.match(row.at(6).toString()); format.hasMatch())
            tableOptions << QStringLiteral("ROW_FORMAT=") + format.captured(1).toUpper();
        table.options = tableOptions.join(QLatin1Char(' '));
        if (row.at(4).toString() != row.at(7).toString())
            table.collation = row.at(4).toString();
        const QString k = key(row.at(0), row.at(1));
        tableCollation.insert(k, row.at(4).toString());
        byName.insert(k, schema.tables.size());
        schema.tables.append(std::move(table));
    }

    // MariaDB keeps no catalog view of sequences: each is read as the one-row table it is.
    for (Sequence &sequence : schema.sequences) {
        auto values = selectRows(db, QStringLiteral(
            "SELECT start_value, minimum_value, maximum_value, increment, cycle_option FROM %1")
                                         .arg(dialect.qualifiedName(sequence.name, sequence.schema)), counter);
        if (!values)
            return values.error();
        if (values->isEmpty())
            continue;
        const QVariantList &v = values->first();
        sequence.start = v.at(0).toLongLong();
        sequence.minValue = v.at(1).toLongLong();
        sequence.maxValue = v.at(2).toLongLong();
        sequence.increment = v.at(3).toLongLong();
        sequence.cycle = v.at(4).toInt() != 0;
    }

    StringPool pool;
    const Status columns = forEachValues(db, QStringLiteral(
        "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
        "COLLATION_NAME, COLUMN_COMMENT, GENERATION_EXPRESSION FROM information_schema.COLUMNS "
        "WHERE TABLE_SCHEMA %1 ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION").arg(inSchemas), counter, [&](const QVariantList &row) {
        const QString k = key(row.at(0), row.at(1));
        const auto it = byName.constFind(k);
        if (it == byName.constEnd())
            return;
        Column column;
        column.name = pool(row.at(2).toString());
        column.type = pool(row.at(3).toString());
        column.nullable = row.at(4).toString() == QLatin1String("YES");
        column.defaultValue = row.at(5).isNull() ? QString() : pool(row.at(5).toString());
        if (column.defaultValue == QLatin1String("NULL"))
            column.defaultValue.clear();   // MariaDB's way of saying "no default" for nullable columns
        const QString extra = row.at(6).toString().toLower();
        column.invisible = extra.contains(QLatin1String("invisible"));
        if (extra.contains(QLatin1String("auto_increment")))
            column.identity = Column::Identity::AutoIncrement;
        const qsizetype onUpdate = extra.indexOf(QLatin1String("on update "));
        if (onUpdate >= 0)
            column.onUpdate = extra.mid(onUpdate + 10).trimmed();
        if (extra.contains(QLatin1String("generated"))) {
            column.generated = row.at(9).toString();
            column.generatedStored = extra.contains(QLatin1String("stored")) || extra.contains(QLatin1String("persistent"));
            column.defaultValue.clear();
        }
        const QString collation = row.at(7).toString();
        if (collation != tableCollation.value(k))
            column.collation = collation;
        column.comment = row.at(8).toString();
        schema.tables[*it].columns.append(std::move(column));
    });
    if (!columns)
        return columns.error();
    squeezeColumns(schema);

    QString currentIndex;
    Index *index = nullptr;
    const Status statistics = forEachValues(db, QStringLiteral(
        "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE "
        "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA %1 "
        "ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX").arg(inSchemas), counter, [&](const QVariantList &row) {
        const QString k = key(row.at(0), row.at(1));
        const auto it = byName.constFind(k);
        if (it == byName.constEnd())
            return;
        Table &table = schema.tables[*it];
        const QString name = row.at(2).toString();
        const QString column = row.at(4).toString();
        if (name == QLatin1String("PRIMARY")) {
            table.primaryKey.columns << column;
            index = nullptr;
            currentIndex.clear();
            return;
        }
        if (k + QLatin1Char('\x1f') + name != currentIndex) {
            currentIndex = k + QLatin1Char('\x1f') + name;
            Index created;
            created.name = name;
            created.unique = row.at(3).toInt() == 0;
            const QString type = row.at(7).toString();
            created.method = type == QLatin1String("BTREE") ? QString() : type;
            table.indexes.append(created);
            index = &table.indexes.last();
        }
        IndexColumn part;
        if (!row.at(5).isNull())
            part.expression = dialect.quoteIdentifier(column) + QLatin1Char('(') + row.at(5).toString() + QLatin1Char(')');
        else
            part.name = column;
        part.descending = row.at(6).toString() == QLatin1String("D");
        index->columns.append(part);
    });
    if (!statistics)
        return statistics.error();

    // The rules of each foreign key, joined here: the server joins two information_schema
    // tables by comparing every row with every other (20 s for 10,000 foreign keys).
    auto rules = selectRows(db, QStringLiteral(
        "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
        "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA %1").arg(inSchemas), counter);
    if (!rules)
        return rules.error();
    QHash<QString, std::pair<QString, QString>> rulesOf;
    for (const QVariantList &row : *rules)
        rulesOf.insert(key(row.at(0), row.at(1)) + QLatin1Char('\x1f') + row.at(2).toString(),
                       {rule(row.at(3)), rule(row.at(4))});
    QString currentFk;
    ForeignKey *fk = nullptr;
    const Status foreignKeys = forEachValues(db, QStringLiteral(
        "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, "
        "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
        "WHERE TABLE_SCHEMA %1 AND REFERENCED_TABLE_NAME IS NOT NULL "
        "ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION").arg(inSchemas), counter, [&](const QVariantList &row) {
        const QString k = key(row.at(0), row.at(1));
        const auto it = byName.constFind(k);
        if (it == byName.constEnd())
            return;
        Table &table = schema.tables[*it];
        if (k + QLatin1Char('\x1f') + row.at(2).toString() != currentFk) {
            currentFk = k + QLatin1Char('\x1f') + row.at(2).toString();
            const auto rulesIt = rulesOf.constFind(currentFk);
            if (rulesIt == rulesOf.constEnd()) {
                fk = nullptr;   // a key of no referential constraint (as the join found none)
                return;
            }
            ForeignKey created;
            created.name = row.at(2).toString();
            created.referredSchema = schemaOf(row.at(4));
            created.referredTable = row.at(5).toString();
            created.onUpdate = rulesIt->first;
            created.onDelete = rulesIt->second;
            table.foreignKeys.append(created);
            fk = &table.foreignKeys.last();
        }
        if (!fk)
            return;
        fk->columns << row.at(3).toString();
        fk->referredColumns << row.at(6).toString();
    });
    if (!foreignKeys)
        return foreignKeys.error();

    auto checks = selectRows(db, QStringLiteral(
        "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM information_schema.CHECK_CONSTRAINTS "
        "WHERE CONSTRAINT_SCHEMA %1").arg(inSchemas), counter);
    if (!checks)
        return checks.error();
    for (const QVariantList &row : *checks) {
        const auto it = byName.constFind(key(row.at(0), row.at(1)));
        if (it == byName.constEnd())
            continue;
        Table &table = schema.tables[*it];
        const QString expression = stripOuterParentheses(row.at(3).toString());
        // A check written on a column is named after it and goes with the column's definition.
        Column *column = row.at(4).toString() == QLatin1String("Column") ? table.column(row.at(2).toString()) : nullptr;
        if (column)
            column->check = expression;
        else
            table.checks.append(CheckConstraint{row.at(2).toString(), expression});
    }

    auto triggers = selectRows(db, QStringLiteral(
        "SELECT EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, "
        "ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA %1 "
        "ORDER BY EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, ACTION_ORDER").arg(inSchemas), counter);
    if (!triggers)
        return triggers.error();
    for (const QVariantList &row : *triggers) {
        const auto it = byName.constFind(key(row.at(0), row.at(1)));
        if (it == byName.constEnd())
            continue;
        Table &table = schema.tables[*it];
        const QString name = row.at(2).toString();
        table.triggers.append(Trigger{name, QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW %5")
                                                .arg(dialect.quoteIdentifierIfNeeded(name), row.at(3).toString(),
                                                     row.at(4).toString(), dialect.qualifiedName(table.name, table.schema),
                                                     row.at(5).toString())});
    }

    auto views = selectRows(db, QStringLiteral(
        "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA %1")
                                    .arg(inSchemas), counter);
    if (!views)
        return views.error();
    for (const QVariantList &row : *views) {
        View view;
        view.schema = schemaOf(row.at(0));
        view.name = row.at(1).toString();
        // MariaDB qualifies every name with the database; the default one reads as none, so
        // the definition is the same in a temporary dev database.
        view.definition = row.at(2).toString().replace(dialect.quoteIdentifier(row.at(0).toString()) + QLatin1Char('.'), QString());
        schema.views.append(view);
    }
    return schema;
}

} // namespace Stratum::Internal
