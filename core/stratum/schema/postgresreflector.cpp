// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// PostgreSQL reflection: nine pg_catalog queries (ten with include_schemas), whatever the
// number of tables. Expressions come from pg_get_expr and friends with search_path set to the
// default schema, so that they read the same in a temporary dev schema and in the real one, and
// in the form PostgreSQL reads them back as (postgresReadBack()), so that what a revision writes
// from them compares equal once it ran. Comments come from joins with pg_description:
// obj_description() and col_description() run a query per table and column.
#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"
#include "stratum/schema/postgresreadback_p.h"
#include "stratum/schema/reflectors_p.h"
#include "stratum/schema/stringpool_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Stratum::Internal {

namespace {

QStringList jsonStrings(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        out << item.toString();
    return out;
}

QString action(const QVariant &code)
{
    const QString c = code.toString();
    if (c == QLatin1String("r"))
        return QStringLiteral("RESTRICT");
    if (c == QLatin1String("c"))
        return QStringLiteral("CASCADE");
    if (c == QLatin1String("n"))
        return QStringLiteral("SET NULL");
    if (c == QLatin1String("d"))
        return QStringLiteral("SET DEFAULT");
    return {};
}

bool boolean(const QVariant &value)
{
    // QPSQL hands booleans over as bool, or as "t"/"f" text from expressions.
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString();
    return text == QLatin1String("t") || text == QLatin1String("true") || text == QLatin1String("1");
}

} // namespace

Result<Schema> reflectPostgres(Connection &connection, const ReflectOptions &options, int &counter)
{
    const QSqlDatabase db = connection.database();
    const Dialect &dialect = connection.dialect();
    Schema schema;

    auto setting = selectRows(db, QStringLiteral(
        "SELECT current_schema(), current_setting('search_path'), "
        "(SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension WHERE extname <> 'plpgsql'), "
        "(SELECT string_agg(DISTINCT n.nspname, ',') FROM pg_extension e "
        "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname <> 'pg_catalog'), "
        "current_setting('jit', true)"), counter);
    if (!setting)
        return setting.error();
    const QString currentSchema = setting->value(0).value(0).toString();
    const QString oldSearchPath = setting->value(0).value(1).toString();
    const QVariant oldJit = setting->value(0).value(4);
    const QString defaultSchema = options.defaultSchema.isEmpty() ? currentSchema : options.defaultSchema;
    schema.extensions = setting->value(0).value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    // Types and functions of extensions read unqualified wherever the extension lives.
    QStringList path{dialect.quoteIdentifier(defaultSchema)};
    for (const QString &name : setting->value(0).value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (name != defaultSchema)
            path << dialect.quoteIdentifier(name);
    QStringList names{defaultSchema};
    for (const QString &extra : options.schemas)
        if (!extra.isEmpty() && !names.contains(extra))
            names << extra;
    QStringList literals;
    for (const QString &name : names)
        literals << dialect.quoteString(name);
    const QString inSchemas = QStringLiteral("IN (%1)").arg(literals.join(QLatin1String(", ")));
    const auto schemaOf = [&](const QVariant &name) {
        const QString text = name.toString();
        return text == defaultSchema ? QString() : text;
    };

    // Expressions name objects of the default schema without qualification only while it is
    // the first schema on the search path (followed only by those of extensions). JIT is off
    // meanwhile: the catalog queries' estimates (thousands of rows per generate_series) pass
    // its threshold, and compiling them took a second of the 1.1 s the index query cost at
    // 1,000 tables, where it runs in 0.1 s without.
    const QString jitOff = oldJit.isNull() ? QString() : QStringLiteral(", set_config('jit', 'off', false)");
    auto setPath = selectRows(db, QStringLiteral("SELECT set_config('search_path', %1, false)%2")
                                      .arg(dialect.quoteString(path.join(QLatin1String(", "))), jitOff), counter);
    if (!setPath)
        return setPath.error();
    struct Restore
    {
        QSqlDatabase db;
        QString path;
        QVariant jit;
        const Dialect &dialect;
        ~Restore()
        {
            int ignored = 0;
            const QString jitBack = jit.isNull()
                ? QString()
                : QStringLiteral(", set_config('jit', %1, false)").arg(dialect.quoteString(jit.toString()));
            selectRows(db, QStringLiteral("SELECT set_config('search_path', %1, false)%2")
                               .arg(dialect.quoteString(path), jitBack), ignored);
        }
    } restore{db, oldSearchPath, oldJit, dialect};

    auto tables = selectRows(db, QStringLiteral(
        "SELECT c.oid, n.nspname, c.relname, ds.description, "
        "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
        "CASE WHEN c.relispartition THEN (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
        "  WHERE i.inhrelid = c.oid) END, "
        "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, "
        "c.relpersistence = 'u', array_to_json(c.reloptions)::text "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass "
        "AND ds.objsubid = 0 "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname %1").arg(inSchemas), counter);
    if (!tables)
        return tables.error();
    QHash<qint64, qsizetype> byOid;
    for (const QVariantList &row : *tables) {
        Table table;
        table.schema = schemaOf(row.at(1));
        table.name = row.at(2).toString();
        table.comment = row.at(3).toString();
        table.partitionBy = row.at(4).toString();
        table.partitionOf = row.at(5).toString();
        table.partitionBound = row.at(6).toString();
        table.unlogged = boolean(row.at(7));
        table.storage = jsonStrings(row.at(8));
        table.storage.sort();
        byOid.insert(row.at(0).toLongLong(), schema.tables.size());
        schema.tables.append(std::move(table));
    }

    StringPool pool;
    const Status columns = forEachValues(db, QStringLiteral(
        "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
        "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, "
        "ds.description, "
        "EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid "
        "        WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass "
        "        AND dep.refobjid = a.attrelid "
        "        AND dep.refobjsubid = a.attnum AND dep.deptype = 'a' AND s.relkind = 'S'), "
        "CASE WHEN a.attidentity <> '' THEN (SELECT s.seqstart || ' ' || s.seqincrement FROM pg_depend dep "
        "  JOIN pg_sequence s ON s.seqrelid = dep.objid WHERE dep.classid = 'pg_class'::regclass "
        "  AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid "
        "  AND dep.refobjsubid = a.attnum AND dep.deptype = 'i') END "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
        "LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass "
        "AND ds.objsubid = a.attnum "
        "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') "
        "AND NOT c.relispartition AND n.nspname %1 ORDER BY a.attrelid, a.attnum").arg(inSchemas), counter, [&](const QVariantList &row) {
        const auto it = byOid.constFind(row.at(0).toLongLong());
        if (it == byOid.constEnd())
            return;
        Column column;
        column.name = pool(row.at(1).toString());
        column.type = pool(row.at(2).toString());
        column.nullable = !boolean(row.at(3));
        const QString expression = postgresReadBack(row.at(4).toString());
        const QString identity = row.at(5).toString();
        const QString generated = row.at(6).toString();
        if (generated == QLatin1String("s")) {
            column.generated = expression;
            column.generatedStored = true;
        } else {
            column.defaultValue = pool(expression);
        }
        if (identity == QLatin1String("a"))
            column.identity = Column::Identity::Always;
        else if (identity == QLatin1String("d"))
            column.identity = Column::Identity::ByDefault;
        else if (boolean(row.at(9)) && expression.startsWith(QLatin1String("nextval(")))
            column.identity = Column::Identity::AutoIncrement;
        if (const QString options = row.at(10).toString(); !options.isEmpty()) {
            column.identityStart = options.section(QLatin1Char(' '), 0, 0).toLongLong();
            column.identityIncrement = options.section(QLatin1Char(' '), 1, 1).toLongLong();
        }
        column.collation = row.at(7).toString();
        column.comment = row.at(8).toString();
        schema.tables[*it].columns.append(std::move(column));
    });
    if (!columns)
        return columns.error();
    squeezeColumns(schema);

    const Status constraints = forEachValues(db, QStringLiteral(
        "SELECT co.conrelid, co.conname, co.contype, "
        "array_to_json(ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY k(num, ord) "
        "  JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.num ORDER BY k.ord))::text, "
        "fn.nspname, fc.relname, "
        "array_to_json(ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY k(num, ord) "
        "  JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.num ORDER BY k.ord))::text, "
        "co.confupdtype, co.confdeltype, co.condeferrable, co.condeferred, "
        "CASE WHEN co.contype = 'c' THEN pg_get_expr(co.conbin, co.conrelid, true) END, "
        "co.confmatchtype = 'f', NOT co.convalidated, co.connoinherit, "
        // indnullsnotdistinct is new in PostgreSQL 15: read through the row as JSON so that
        // the query runs on older servers too.
        "co.contype = 'u' AND coalesce((SELECT (to_jsonb(x) ->> 'indnullsnotdistinct')::boolean FROM pg_index x "
        "  WHERE x.indexrelid = co.conindid), false) "
        "FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_class fc ON fc.oid = co.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
        // What a partition inherits is its parent's.
        "WHERE co.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p') AND n.nspname %1 "
        "AND co.conparentid = 0 AND (co.contype <> 'c' OR co.conislocal) "
        "ORDER BY co.conrelid, co.conname").arg(inSchemas), counter, [&](const QVariantList &row) {
        const auto it = byOid.constFind(row.at(0).toLongLong());
        if (it == byOid.constEnd())
            return;
        Table &table = schema.tables[*it];
        const QString name = row.at(1).toString();
        const QString type = row.at(2).toString();
        const QStringList keyColumns = jsonStrings(row.at(3));
        if (type == QLatin1String("p")) {
            table.primaryKey = PrimaryKey{name, keyColumns};
        } else if (type == QLatin1String("u")) {
            UniqueConstraint unique{name, keyColumns};
            unique.nullsNotDistinct = boolean(row.at(15));
            unique.deferrable = boolean(row.at(9));
            unique.initiallyDeferred = boolean(row.at(10));
            table.uniqueConstraints.append(unique);
        } else if (type == QLatin1String("c")) {
            CheckConstraint check{name, postgresReadBack(stripOuterParentheses(row.at(11).toString()))};
            check.notValid = boolean(row.at(13));
            check.noInherit = boolean(row.at(14));
            table.checks.append(check);
        } else {
            ForeignKey fk;
            fk.name = name;
            fk.columns = keyColumns;
            fk.referredSchema = schemaOf(row.at(4));
            fk.referredTable = row.at(5).toString();
            fk.referredColumns = jsonStrings(row.at(6));
            fk.onUpdate = action(row.at(7));
            fk.onDelete = action(row.at(8));
            fk.deferrable = boolean(row.at(9));
            fk.initiallyDeferred = boolean(row.at(10));
            fk.matchFull = boolean(row.at(12));
            fk.notValid = boolean(row.at(13));
            table.foreignKeys.append(fk);
        }
    });
    if (!constraints)
        return constraints.error();

    auto views = selectRows(db, QStringLiteral(
        "SELECT n.nspname, c.relname, pg_get_viewdef(c.oid, true), c.relkind = 'm', c.oid, "
        "obj_description(c.oid, 'pg_class') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('v', 'm') AND n.nspname %1").arg(inSchemas), counter);
    if (!views)
        return views.error();
    QHash<qint64, qsizetype> viewByOid;
    for (const QVariantList &row : *views) {
        View view;
        view.schema = schemaOf(row.at(0));
        view.name = row.at(1).toString();
        view.definition = postgresReadBack(row.at(2).toString().trimmed());
        if (view.definition.endsWith(QLatin1Char(';')))
            view.definition.chop(1);
        view.materialized = boolean(row.at(3));
        view.comment = row.at(5).toString();
        viewByOid.insert(row.at(4).toLongLong(), schema.views.size());
        schema.views.append(view);
    }

    const Status indexes = forEachValues(db, QStringLiteral(
        "SELECT i.indrelid, ic.relname, i.indisunique, am.amname, "
        "json_agg(json_build_array(a.attname, "
        "  CASE WHEN i.indkey[k.k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.k, true) END, "
        "  (i.indoption[k.k - 1] & 1) = 1, (i.indoption[k.k - 1] & 2) = 2, "
        "  CASE WHEN NOT opc.opcdefault THEN CASE WHEN pg_opclass_is_visible(opc.oid) THEN quote_ident(opc.opcname) "
        "    ELSE quote_ident(opcn.nspname) || '.' || quote_ident(opc.opcname) END END) ORDER BY k.k)::text, "
        "pg_get_expr(i.indpred, i.indrelid, true), "
        "array_to_json(ARRAY(SELECT ia.attname FROM generate_series(i.indnkeyatts + 1, i.indnatts) g(g) "
        "  JOIN pg_attribute ia ON ia.attrelid = i.indrelid AND ia.attnum = i.indkey[g.g - 1] ORDER BY g.g))::text, "
        "coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false), "
        "ds.description "
        "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam "
        "LEFT JOIN pg_description ds ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_class'::regclass "
        "AND ds.objsubid = 0 "
        "CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(k) "
        "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.k - 1] "
        "LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.k - 1] "
        "LEFT JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace "
        "WHERE n.nspname %1 AND c.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition AND i.indexrelid NOT IN ("
        "  SELECT conindid FROM pg_constraint WHERE contype IN ('p', 'u', 'x')) "
        "GROUP BY i.indrelid, i.indexrelid, ic.relname, i.indisunique, am.amname, i.indpred, ds.description "
        "ORDER BY i.indrelid, ic.relname").arg(inSchemas), counter, [&](const QVariantList &row) {
        const auto it = byOid.constFind(row.at(0).toLongLong());
        const auto view = viewByOid.constFind(row.at(0).toLongLong());
        if (it == byOid.constEnd() && view == viewByOid.constEnd())
            return;
        Index index;
        index.name = row.at(1).toString();
        index.unique = boolean(row.at(2));
        const QString method = row.at(3).toString();
        index.method = method == QLatin1String("btree") ? QString() : method;
        const QJsonArray keys = QJsonDocument::fromJson(row.at(4).toString().toUtf8()).array();
        for (const QJsonValue &key : keys) {
            const QJsonArray parts = key.toArray();
            IndexColumn column;
            if (parts.at(0).isString())
                column.name = parts.at(0).toString();
            else
                column.expression = postgresReadBack(parts.at(1).toString());
            column.descending = parts.at(2).toBool();
            // Ascending keys sort nulls last, descending ones first, unless told otherwise.
            const bool nullsFirst = parts.at(3).toBool();
            if (nullsFirst != column.descending)
                column.nulls = nullsFirst ? QStringLiteral("NULLS FIRST") : QStringLiteral("NULLS LAST");
            column.opclass = parts.at(4).toString();
            index.columns.append(column);
        }
        index.where = postgresReadBack(row.at(5).toString());
        index.include = jsonStrings(row.at(6));
        index.nullsNotDistinct = boolean(row.at(7));
        index.comment = row.at(8).toString();
        (it != byOid.constEnd() ? schema.tables[*it].indexes : schema.views[*view].indexes).append(index);
    });
    if (!indexes)
        return indexes.error();

    auto sequences = selectRows(db, QStringLiteral(
        "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, "
        "s.seqmin, s.seqmax, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname %1 AND NOT EXISTS ("
        "  SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
        "  AND d.deptype IN ('a', 'i'))").arg(inSchemas), counter);
    if (!sequences)
        return sequences.error();
    for (const QVariantList &row : *sequences) {
        Sequence sequence;
        sequence.schema = schemaOf(row.at(0));
        sequence.name = row.at(1).toString();
        sequence.type = row.at(2).toString();
        sequence.start = row.at(3).toLongLong();
        sequence.increment = row.at(4).toLongLong();
        sequence.minValue = row.at(5).toLongLong();
        sequence.maxValue = row.at(6).toLongLong();
        sequence.cycle = boolean(row.at(7));
        schema.sequences.append(sequence);
    }

    // Enums and domains.
    auto types = selectRows(db, QStringLiteral(
        "SELECT n.nspname, t.typname, t.typtype, array_to_json(ARRAY(SELECT e.enumlabel FROM pg_enum e "
        "WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder))::text, "
        "format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, "
        "array_to_json(ARRAY(SELECT json_build_array(c.conname, pg_get_constraintdef(c.oid, true)) FROM pg_constraint c "
        "  WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname))::text "
        "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
        "WHERE t.typtype IN ('e', 'd') AND n.nspname %1").arg(inSchemas), counter);
    if (!types)
        return types.error();
    for (const QVariantList &row : *types) {
        if (row.at(2).toString() == QLatin1String("e")) {
            schema.enums.append(Enum{schemaOf(row.at(0)), row.at(1).toString(), jsonStrings(row.at(3))});
            continue;
        }
        Domain domain{schemaOf(row.at(0)), row.at(1).toString(), row.at(4).toString(), boolean(row.at(5)),
                      postgresReadBack(row.at(6).toString()), {}};
        for (const QJsonValue &check : QJsonDocument::fromJson(row.at(7).toString().toUtf8()).array()) {
            QString expression = check.toArray().at(1).toString();
            if (expression.startsWith(QLatin1String("CHECK ")))
                expression = stripOuterParentheses(expression.mid(6));
            domain.checks.append(CheckConstraint{check.toArray().at(0).toString(), postgresReadBack(expression)});
        }
        schema.domains.append(domain);
    }

    auto triggers = selectRows(db, QStringLiteral(
        "SELECT t.tgrelid, t.tgname, pg_get_triggerdef(t.oid, true) FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname %1 "
        "ORDER BY t.tgrelid, t.tgname").arg(inSchemas), counter);
    if (!triggers)
        return triggers.error();
    for (const QVariantList &row : *triggers) {
        const auto it = byOid.constFind(row.at(0).toLongLong());
        if (it != byOid.constEnd())
            schema.tables[*it].triggers.append(Trigger{row.at(1).toString(), postgresReadBack(row.at(2).toString())});
    }

    // Functions and procedures of the schemas, not those an extension brought. The definition
    // names a routine of the default schema without its schema, as the user wrote it.
    auto routines = selectRows(db, QStringLiteral(
        "SELECT n.nspname, p.proname, oidvectortypes(p.proargtypes), p.prokind = 'p', "
        "pg_get_functiondef(p.oid), quote_ident(n.nspname) || '.' FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND n.nspname %1 "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid "
        "AND d.deptype = 'e')").arg(inSchemas), counter);
    if (!routines)
        return routines.error();
    for (const QVariantList &row : *routines) {
        Routine routine;
        routine.schema = schemaOf(row.at(0));
        routine.name = row.at(1).toString();
        routine.arguments = row.at(2).toString();
        routine.procedure = boolean(row.at(3));
        routine.definition = row.at(4).toString().trimmed();
        if (routine.schema.isEmpty()) {
            const QString qualifier = row.at(5).toString();
            const qsizetype at = routine.definition.indexOf(qualifier);
            const qsizetype lineEnd = routine.definition.indexOf(QLatin1Char('\n'));
            if (at > 0 && (lineEnd < 0 || at < lineEnd))
                routine.definition.remove(at, qualifier.size());
        }
        schema.routines.append(routine);
    }

    if (names.size() > 1) {   // include_schemas: which of them exist
        auto existing = selectRows(db, QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname %1 AND nspname <> %2")
                                           .arg(inSchemas, dialect.quoteString(defaultSchema)), counter);
        if (!existing)
            return existing.error();
        for (const QVariantList &row : *existing)
            schema.schemas << row.at(0).toString();
    }
    return schema;
}

} // namespace Stratum::Internal
