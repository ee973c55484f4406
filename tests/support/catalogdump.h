// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the engine's own catalog says about a database's default schema, one line per fact,
// sorted: the ground truth that round-trip tests compare, independent of Stratum's reflection.
// PostgreSQL: its deparsers (pg_get_indexdef, pg_get_constraintdef, pg_get_triggerdef, …);
// MySQL/MariaDB: SHOW CREATE of every table, view and trigger. Column order is left out:
// PostgreSQL cannot put a column back in its place.

#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>

namespace StratumTest {

/// On failure, one line that starts with "error: " (catalogOk() tells).
inline QStringList catalogDump(Stratum::Connection &connection)
{
    const QString engine = connection.dialect().name;
    QStringList lines;
    if (engine == QLatin1String("postgresql")) {
        const QString sql = QStringLiteral(
            "WITH rel AS (SELECT c.* FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace) "
            "SELECT 'column ' || r.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) "
            "  || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END "
            "  || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
            "  || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END "
            "  || CASE a.attgenerated WHEN 's' THEN ' stored' ELSE '' END "
            "  || coalesce(' collate ' || nullif(co.collname, 'default'), '') "
            "  || coalesce(' comment ' || col_description(r.oid, a.attnum), '') "
            "FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid LEFT JOIN pg_attrdef d ON d.adrelid = r.oid "
            "AND d.adnum = a.attnum LEFT JOIN pg_collation co ON co.oid = a.attcollation "
            "WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p', 'v', 'm', 'f') "
            "UNION ALL SELECT 'relation ' || r.relname || ' ' || r.relkind::text || r.relpersistence::text "
            "  || coalesce(' options ' || nullif(array_to_string(ARRAY(SELECT unnest(r.reloptions) ORDER BY 1), ','), ''), '') "
            "  || coalesce(' partition of ' || (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
            "     WHERE i.inhrelid = r.oid) || ' ' || pg_get_expr(r.relpartbound, r.oid), '') "
            "  || CASE WHEN r.relkind = 'p' THEN ' partition by ' || pg_get_partkeydef(r.oid) ELSE '' END "
            "  || coalesce(' comment ' || obj_description(r.oid, 'pg_class'), '') "
            "FROM rel r WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I') "
            "UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN rel r ON r.oid = i.indexrelid "
            "UNION ALL SELECT 'constraint ' || coalesce(r.relname, t.typname) || ' ' || co.conname || ' ' "
            "  || pg_get_constraintdef(co.oid) FROM pg_constraint co LEFT JOIN rel r ON r.oid = co.conrelid "
            "  LEFT JOIN pg_type t ON t.oid = co.contypid "
            "  WHERE co.connamespace = current_schema()::regnamespace "
            "UNION ALL SELECT 'view ' || r.relname || ' ' || pg_get_viewdef(r.oid) FROM rel r WHERE r.relkind IN ('v', 'm') "
            "UNION ALL SELECT 'trigger ' || pg_get_triggerdef(tg.oid) FROM pg_trigger tg JOIN rel r ON r.oid = tg.tgrelid "
            "  WHERE NOT tg.tgisinternal "
            "UNION ALL SELECT 'routine ' || pg_get_functiondef(p.oid) FROM pg_proc p "
            "  WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind IN ('f', 'p') "
            "  AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.objid = p.oid AND dp.deptype = 'e') "
            "UNION ALL SELECT 'type ' || t.typname || ' ' || t.typtype::text || ' ' || coalesce(format_type(t.typbasetype, t.typtypmod), '') "
            "  || coalesce(' enum ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e "
            "     WHERE e.enumtypid = t.oid), '') || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END "
            "  || coalesce(' default ' || t.typdefault, '') FROM pg_type t "
            "  WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd') "
            "UNION ALL SELECT 'sequence ' || r.relname || ' ' || format_type(s.seqtypid, NULL) || ' ' || s.seqstart || ' ' "
            "  || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcycle "
            "  || coalesce(' owned by ' || (SELECT o.relname || '.' || oa.attname || ' ' || dp.deptype::text FROM pg_depend dp "
            "     JOIN pg_class o ON o.oid = dp.refobjid JOIN pg_attribute oa ON oa.attrelid = dp.refobjid "
            "     AND oa.attnum = dp.refobjsubid WHERE dp.objid = r.oid AND dp.classid = 'pg_class'::regclass "
            "     AND dp.refclassid = 'pg_class'::regclass AND dp.deptype IN ('a', 'i')), '') "
            "FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid "
            "UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql' "
            "UNION ALL SELECT 'comment ' || coalesce(r.relname, '') || ' ' || ds.description FROM pg_description ds "
            "  JOIN rel r ON r.oid = ds.objoid AND ds.classoid = 'pg_class'::regclass WHERE r.relkind IN ('i', 'I') "
            "ORDER BY 1");
        auto values = connection.selectColumn(sql);
        if (!values)
            return {QStringLiteral("error: ") + values.error().message};
        for (const QVariant &v : *values)
            lines << v.toString();
        return lines;
    }
    if (engine == QLatin1String("mysql")) {
        auto objects = connection.selectColumn(QStringLiteral(
            "SELECT CONCAT(TABLE_TYPE, '\\t', TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
            "UNION ALL SELECT CONCAT('TRIGGER\\t', TRIGGER_NAME) FROM information_schema.TRIGGERS "
            "WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1"));
        if (!objects)
            return {QStringLiteral("error: ") + objects.error().message};
        static const QRegularExpression autoIncrement(QStringLiteral(" AUTO_INCREMENT=\\d+"));
        for (const QVariant &object : *objects) {
            const QString kind = object.toString().section(QLatin1Char('\t'), 0, 0);
            const QString name = object.toString().section(QLatin1Char('\t'), 1);
            const QString what = kind == QLatin1String("VIEW") ? QStringLiteral("VIEW")
                                 : kind == QLatin1String("TRIGGER") ? QStringLiteral("TRIGGER")
                                 : kind == QLatin1String("SEQUENCE") ? QStringLiteral("SEQUENCE")
                                                                     : QStringLiteral("TABLE");
            QSqlQuery query(connection.database());
            if (!query.exec(QStringLiteral("SHOW CREATE %1 %2").arg(what, connection.dialect().quoteIdentifier(name)))
                || !query.next()) {
                lines << QStringLiteral("error: SHOW CREATE %1 %2").arg(what, name);
                continue;
            }
            QString text = query.value(what == QLatin1String("TRIGGER") ? 2 : 1).toString();
            text.replace(autoIncrement, QString());
            if (what == QLatin1String("TRIGGER")) {
                // The engine keeps the body as written but not the space before it.
                lines << what + QLatin1Char(' ') + name + QLatin1String(": ") + text.simplified();
                continue;
            }
            // Column order aside: one line per line of the definition, sorted.
            QStringList parts = text.split(QLatin1Char('\n'));
            for (QString &part : parts)
                part = part.trimmed().remove(QRegularExpression(QStringLiteral(",$")));
            parts.sort();
            lines << what + QLatin1Char(' ') + name + QLatin1String(": ") + parts.join(QLatin1String(" | "));
        }
        return lines;
    }
    return {};
}

inline bool catalogOk(const QStringList &dump)
{
    for (const QString &line : dump)
        if (line.startsWith(QLatin1String("error: ")))
            return false;
    return true;
}

} // namespace StratumTest
