// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/operationrenderer.h"

#include "stratum/autogen/typechange.h"
#include "stratum/dialect/dialect.h"

#include <QRegularExpression>
#include <QSet>

namespace Stratum {

namespace {

using Kind = Operation::Kind;

class Sql
{
public:
    explicit Sql(const Dialect &dialect)
        : d(dialect),
          pg(dialect.name == QLatin1String("postgresql")),
          my(dialect.name == QLatin1String("mysql")),
          lite(dialect.name == QLatin1String("sqlite"))
    {
    }

    const Dialect &d;
    const bool pg;
    const bool my;
    const bool lite;

    QString q(const QString &name) const { return d.quoteIdentifierIfNeeded(name); }
    QString table(const QString &schema, const QString &name) const { return d.qualifiedName(name, schema); }
    QString names(const QStringList &list) const
    {
        QStringList quoted;
        for (const QString &n : list)
            quoted << q(n);
        return QLatin1Char('(') + quoted.join(QLatin1String(", ")) + QLatin1Char(')');
    }

    static bool isSingleLiteral(const QString &text)
    {
        static const QRegularExpression number(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
        static const QRegularExpression keyword(
            QStringLiteral("^(NULL|TRUE|FALSE|CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME)$"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression blob(QStringLiteral("^[xX]'[0-9a-fA-F]*'$"));
        if (number.match(text).hasMatch() || keyword.match(text).hasMatch() || blob.match(text).hasMatch())
            return true;
        if (text.size() >= 2 && text.startsWith(QLatin1Char('\'')) && text.endsWith(QLatin1Char('\''))) {
            // One literal: every inner quote is doubled.
            for (qsizetype i = 1; i < text.size() - 1; ++i)
                if (text.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < text.size() - 1 && text.at(i + 1) == QLatin1Char('\''))
                        ++i;
                    else
                        return false;
                }
            return true;
        }
        return false;
    }

    QString defaultClause(const QString &value) const
    {
        if (value.isEmpty())
            return {};
        if (pg)
            return QStringLiteral(" DEFAULT ") + value;
        static const QRegularExpression mysqlFunction(QStringLiteral("^current_timestamp(\\(\\d*\\))?$"),
                                                      QRegularExpression::CaseInsensitiveOption);
        if (isSingleLiteral(value) || (my && mysqlFunction.match(value).hasMatch()))
            return QStringLiteral(" DEFAULT ") + value;
        return QStringLiteral(" DEFAULT (") + value + QLatin1Char(')');
    }

    QString columnDefinition(const Column &c, bool inlinePrimaryKey = false) const
    {
        QString type = c.type;
        bool serial = false;
        if (pg && c.identity == Column::Identity::AutoIncrement) {
            const QString lower = c.type.toLower();
            if (lower == QLatin1String("integer"))
                type = QStringLiteral("serial");
            else if (lower == QLatin1String("bigint"))
                type = QStringLiteral("bigserial");
            else if (lower == QLatin1String("smallint"))
                type = QStringLiteral("smallserial");
            serial = type != c.type;
        }
        QString text = q(c.name);
        if (!type.isEmpty())
            text += QLatin1Char(' ') + type;
        if (!c.collation.isEmpty())
            text += QStringLiteral(" COLLATE ") + (pg ? d.quoteIdentifier(c.collation) : q(c.collation));
        if (!c.generated.isEmpty())
            text += QStringLiteral(" GENERATED ALWAYS AS (%1)%2")
                        .arg(c.generated, c.generatedStored ? QStringLiteral(" STORED") : (pg ? QString() : QStringLiteral(" VIRTUAL")));
        if (pg && isIdentity(c))
            text += identityClause(c);
        if (!(my && !c.generated.isEmpty())) {
            if (!c.nullable)
                text += QStringLiteral(" NOT NULL");
            else if (my)
                text += QStringLiteral(" NULL");
        }
        if (!serial && c.generated.isEmpty())
            text += defaultClause(c.defaultValue);
        if (my && !c.onUpdate.isEmpty())
            text += QStringLiteral(" ON UPDATE ") + c.onUpdate;
        if (my && c.identity == Column::Identity::AutoIncrement)
            text += QStringLiteral(" AUTO_INCREMENT");
        if (lite && inlinePrimaryKey)
            text += QStringLiteral(" PRIMARY KEY AUTOINCREMENT");
        if (my && c.invisible)
            text += QStringLiteral(" INVISIBLE");
        if (my && !c.comment.isEmpty())
            text += QStringLiteral(" COMMENT ") + d.quoteString(c.comment);
        if (my && !c.check.isEmpty())
            text += QStringLiteral(" CHECK (") + c.check + QLatin1Char(')');
        return text;
    }

    static bool isIdentity(const Column &c)
    {
        return c.identity == Column::Identity::Always || c.identity == Column::Identity::ByDefault;
    }

    static QString identityClause(const Column &c)
    {
        QString text = c.identity == Column::Identity::Always ? QStringLiteral(" GENERATED ALWAYS AS IDENTITY")
                                                              : QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
        if (c.identityIncrement != 0 && (c.identityStart != 1 || c.identityIncrement != 1))
            text += QStringLiteral(" (START WITH %1 INCREMENT BY %2)").arg(c.identityStart).arg(c.identityIncrement);
        return text;
    }

    // The sequence a serial column's default draws from: nextval('books_id_seq'::regclass).
    static QString serialSequence(const QString &defaultValue)
    {
        static const QRegularExpression nextval(QStringLiteral("^nextval\\('((?:[^']|'')+)'::regclass\\)$"));
        const QRegularExpressionMatch match = nextval.match(defaultValue.trimmed());
        return match.hasMatch() ? match.captured(1).replace(QLatin1String("''"), QLatin1String("'")) : QString();
    }

    QString constraintName(const QString &name) const
    {
        return name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' ');
    }

    QString foreignKeyClause(const ForeignKey &fk) const
    {
        QString text = constraintName(fk.name) + QStringLiteral("FOREIGN KEY ") + names(fk.columns)
                       + QStringLiteral(" REFERENCES ") + table(fk.referredSchema, fk.referredTable) + QLatin1Char(' ')
                       + names(fk.referredColumns);
        if (fk.matchFull)
            text += QStringLiteral(" MATCH FULL");
        if (!fk.onDelete.isEmpty())
            text += QStringLiteral(" ON DELETE ") + fk.onDelete;
        if (!fk.onUpdate.isEmpty())
            text += QStringLiteral(" ON UPDATE ") + fk.onUpdate;
        text += deferrable(fk.deferrable, fk.initiallyDeferred);
        if (fk.notValid)
            text += QStringLiteral(" NOT VALID");
        return text;
    }

    static QString deferrable(bool deferrable, bool initiallyDeferred)
    {
        if (!deferrable)
            return {};
        return initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED") : QStringLiteral(" DEFERRABLE");
    }

    QString checkClause(const CheckConstraint &check) const
    {
        return constraintName(check.name) + QStringLiteral("CHECK (") + check.expression + QLatin1Char(')')
               + (check.noInherit ? QStringLiteral(" NO INHERIT") : QString())
               + (check.notValid ? QStringLiteral(" NOT VALID") : QString());
    }

    QString uniqueClause(const UniqueConstraint &u) const
    {
        return constraintName(u.name) + QStringLiteral("UNIQUE ")
               + (u.nullsNotDistinct ? QStringLiteral("NULLS NOT DISTINCT ") : QString()) + names(u.columns)
               + deferrable(u.deferrable, u.initiallyDeferred);
    }

    QString createTable(const Table &t, const QString &nameOverride = {}) const
    {
        QStringList parts;
        const bool inlinePk = lite && t.primaryKey.columns.size() == 1
                              && t.column(t.primaryKey.columns.first())
                              && t.column(t.primaryKey.columns.first())->identity == Column::Identity::AutoIncrement;
        for (const Column &c : t.columns)
            parts << columnDefinition(c, inlinePk && c.name == t.primaryKey.columns.first());
        if (!t.primaryKey.isEmpty() && !inlinePk)
            parts << constraintName(my ? QString() : t.primaryKey.name) + QStringLiteral("PRIMARY KEY ")
                         + names(t.primaryKey.columns);
        for (const UniqueConstraint &u : t.uniqueConstraints)
            parts << uniqueClause(u);
        for (const CheckConstraint &c : t.checks)
            parts << checkClause(c);
        for (const ForeignKey &fk : t.foreignKeys)
            parts << foreignKeyClause(fk);
        const QString name = nameOverride.isEmpty() ? table(t.schema, t.name) : nameOverride;
        const QString create = t.unlogged ? QStringLiteral("CREATE UNLOGGED TABLE ") : QStringLiteral("CREATE TABLE ");
        const QString with = t.storage.isEmpty() ? QString() : QStringLiteral(" WITH (%1)").arg(t.storage.join(QLatin1String(", ")));
        if (!t.partitionOf.isEmpty())
            return create + name + QStringLiteral(" PARTITION OF ") + table(t.schema, t.partitionOf) + QLatin1Char(' ')
                   + t.partitionBound + with;
        QString text = create + name + QStringLiteral(" (\n    ") + parts.join(QLatin1String(",\n    ")) + QStringLiteral("\n)");
        if (!t.partitionBy.isEmpty())
            text += QStringLiteral(" PARTITION BY ") + t.partitionBy;
        text += with;
        if (!t.options.isEmpty())
            text += QLatin1Char(' ') + t.options;
        if (my && !t.collation.isEmpty())
            text += QStringLiteral(" COLLATE=") + t.collation;
        if (my && !t.comment.isEmpty())
            text += QStringLiteral(" COMMENT=") + d.quoteString(t.comment);
        return text;
    }

    QStringList pgComments(const Table &t) const
    {
        QStringList out;
        if (!pg)
            return out;
        if (!t.comment.isEmpty())
            out << QStringLiteral("COMMENT ON TABLE %1 IS %2").arg(table(t.schema, t.name), d.quoteString(t.comment));
        for (const Column &c : t.columns)
            if (!c.comment.isEmpty())
                out << columnComment(t.schema, t.name, c);
        return out;
    }

    QString columnComment(const QString &schema, const QString &tableName, const Column &c) const
    {
        return QStringLiteral("COMMENT ON COLUMN %1.%2 IS %3")
            .arg(table(schema, tableName), q(c.name), c.comment.isEmpty() ? QStringLiteral("NULL") : d.quoteString(c.comment));
    }

    QString createIndex(const QString &schema, const QString &tableName, const Index &index) const
    {
        QStringList keys;
        for (const IndexColumn &c : index.columns) {
            QString key = c.name.isEmpty() ? (my ? c.expression : QLatin1Char('(') + c.expression + QLatin1Char(')'))
                                           : q(c.name);
            if (!c.opclass.isEmpty())
                key += QLatin1Char(' ') + c.opclass;
            if (c.descending)
                key += QStringLiteral(" DESC");
            if (!c.nulls.isEmpty())
                key += QLatin1Char(' ') + c.nulls;
            keys << key;
        }
        QString kind = index.unique ? QStringLiteral("UNIQUE ") : QString();
        QString usingClause;
        if (my && (index.method == QLatin1String("FULLTEXT") || index.method == QLatin1String("SPATIAL")))
            kind = index.method + QLatin1Char(' ');
        else if (!index.method.isEmpty())
            usingClause = QStringLiteral(" USING ") + index.method;
        // PostgreSQL indexes live in their table's schema: the index name stays unqualified.
        QString text = QStringLiteral("CREATE %1INDEX %2 ON %3%4 (%5)")
                           .arg(kind, q(index.name), table(schema, tableName), pg ? usingClause : QString(),
                                keys.join(QLatin1String(", ")));
        if (my)
            text += usingClause;
        if (!index.include.isEmpty())
            text += QStringLiteral(" INCLUDE ") + names(index.include);
        if (index.nullsNotDistinct)
            text += QStringLiteral(" NULLS NOT DISTINCT");
        if (!index.where.isEmpty())
            text += QStringLiteral(" WHERE ") + index.where;
        return text;
    }

    QString dropIndex(const QString &schema, const QString &tableName, const Index &index) const
    {
        if (my)
            return QStringLiteral("DROP INDEX %1 ON %2").arg(q(index.name), table(schema, tableName));
        return QStringLiteral("DROP INDEX ") + table(schema, index.name);
    }

    QString createView(const View &view) const
    {
        if (lite)
            return view.definition;
        return QStringLiteral("CREATE %1VIEW %2 AS %3")
            .arg(view.materialized ? QStringLiteral("MATERIALIZED ") : QString(), table(view.schema, view.name),
                 view.definition);
    }

    QString dropView(const View &view) const
    {
        return QStringLiteral("DROP %1VIEW %2")
            .arg(view.materialized ? QStringLiteral("MATERIALIZED ") : QString(), table(view.schema, view.name));
    }

    QString dropTrigger(const QString &schema, const QString &tableName, const Trigger &trigger) const
    {
        if (pg)
            return QStringLiteral("DROP TRIGGER %1 ON %2").arg(q(trigger.name), table(schema, tableName));
        return QStringLiteral("DROP TRIGGER ") + table(schema, trigger.name);
    }

    QString sequenceOptions(const Sequence &s) const
    {
        QString text = (s.type.isEmpty() ? QString() : QStringLiteral(" AS ") + s.type)
                       + QStringLiteral(" INCREMENT BY %1 MINVALUE %2").arg(s.increment).arg(s.minValue);
        if (s.maxValue != 0)
            text += QStringLiteral(" MAXVALUE %1").arg(s.maxValue);
        text += QStringLiteral(" START WITH %1").arg(s.start);
        text += s.cycle ? QStringLiteral(" CYCLE") : (my ? QStringLiteral(" NOCYCLE") : QStringLiteral(" NO CYCLE"));
        return text;
    }

    QString enumLabels(const Enum &e) const
    {
        QStringList labels;
        for (const QString &label : e.labels)
            labels << d.quoteString(label);
        return QLatin1Char('(') + labels.join(QLatin1String(", ")) + QLatin1Char(')');
    }

    QStringList alterColumn(const Operation &op) const
    {
        const QString t = QStringLiteral("ALTER TABLE ") + table(op.schema, op.table);
        const Column &from = op.fromColumn;
        const Column &to = op.column;
        // A type change that may fail or cannot run says so above its statement.
        const QString note = from.type == to.type ? QString() : typeChangeNote(displayName(op.schema, op.table), to.name, from.type, to.type, d);
        const QString noted = note.isEmpty() ? QString() : note + QLatin1Char('\n');
        if (my && from.generated == to.generated && from.generatedStored == to.generatedStored)
            return {noted + t + QStringLiteral(" MODIFY COLUMN ") + columnDefinition(to)};
        QStringList out;
        const QString column = QStringLiteral(" ALTER COLUMN ") + q(to.name);
        if (from.generated != to.generated || from.generatedStored != to.generatedStored) {
            // No engine alters a generated expression in place.
            out << t + QStringLiteral(" DROP COLUMN ") + q(from.name);
            out << t + QStringLiteral(" ADD COLUMN ") + columnDefinition(to) + position(op);
            return out;
        }
        // PostgreSQL numbering: serial (a sequence the default draws from), identity, or none.
        // What the column had goes first, so that a new sequence can take the old one's name
        // (no books_id_seq1); what it gets comes last, set to go on after the rows there are.
        Column current = from;
        const bool fromSerial = pg && from.identity == Column::Identity::AutoIncrement;
        const bool toSerial = pg && to.identity == Column::Identity::AutoIncrement;
        if (fromSerial && !toSerial) {
            out << t + column + QStringLiteral(" DROP DEFAULT");
            if (const QString sequence = serialSequence(from.defaultValue); !sequence.isEmpty())
                out << QStringLiteral("DROP SEQUENCE ") + sequence;
            current.defaultValue.clear();
            current.identity = Column::Identity::None;
        }
        if (pg && isIdentity(from) && !isIdentity(to)) {
            out << t + column + QStringLiteral(" DROP IDENTITY");
            current.identity = Column::Identity::None;
        }

        const bool retype = from.type != to.type || from.collation != to.collation;
        bool defaultCleared = false;
        if (retype) {
            if (!current.defaultValue.isEmpty()) {
                out << t + column + QStringLiteral(" DROP DEFAULT");
                defaultCleared = true;
            }
            QString type = to.type;
            if (!to.collation.isEmpty())
                type += QStringLiteral(" COLLATE ") + d.quoteIdentifier(to.collation);
            out << noted + t + column + QStringLiteral(" TYPE ") + type
                       + (pg ? QStringLiteral(" USING %1::%2").arg(q(to.name), to.type) : QString());
        }
        if (from.nullable != to.nullable)
            out << t + column + (to.nullable ? QStringLiteral(" DROP NOT NULL") : QStringLiteral(" SET NOT NULL"));
        const QString rows = QStringLiteral(" FROM %1 HAVING max(%2) IS NOT NULL").arg(table(op.schema, op.table), q(to.name));
        if (toSerial && !fromSerial) {
            const QString sequence = serialSequence(to.defaultValue);
            if (!sequence.isEmpty()) {
                out << QStringLiteral("CREATE SEQUENCE %1 AS %2 OWNED BY %3.%4")
                           .arg(sequence, to.type, table(op.schema, op.table), q(to.name));
                out << QStringLiteral("SELECT setval(%1, GREATEST(max(%2), 1))")
                               .arg(d.quoteString(sequence), q(to.name)) + rows;
            }
        }
        if (!isIdentity(to)
            && (current.defaultValue != to.defaultValue || (defaultCleared && !to.defaultValue.isEmpty()))) {
            if (to.defaultValue.isEmpty()) {
                if (!defaultCleared && !current.defaultValue.isEmpty())
                    out << t + column + QStringLiteral(" DROP DEFAULT");
            } else {
                out << t + column + QStringLiteral(" SET DEFAULT ") + to.defaultValue;
            }
        }
        if (pg && isIdentity(to)) {
            if (!isIdentity(current)) {
                out << t + column + QStringLiteral(" ADD") + identityClause(to);
                const qint64 start = to.identityIncrement != 0 ? to.identityStart : 1;
                const qint64 increment = to.identityIncrement != 0 ? to.identityIncrement : 1;
                if (increment > 0)
                    out << QStringLiteral("SELECT setval(pg_get_serial_sequence(%1, %2), GREATEST(max(%3) + %4, %5), false)")
                                   .arg(d.quoteString(table(op.schema, op.table)), d.quoteString(to.name), q(to.name))
                                   .arg(increment)
                                   .arg(start)
                               + rows;
            } else {
                if (from.identity != to.identity)
                    out << t + column + QStringLiteral(" SET GENERATED ")
                               + (to.identity == Column::Identity::Always ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT"));
                QString options;
                if (to.identityStart != from.identityStart && to.identityIncrement != 0)
                    options += QStringLiteral(" SET START WITH %1").arg(to.identityStart);
                if (to.identityIncrement != from.identityIncrement && to.identityIncrement != 0)
                    options += QStringLiteral(" SET INCREMENT BY %1").arg(to.identityIncrement);
                if (!options.isEmpty())
                    out << t + column + options;
            }
        }
        if (pg && from.comment != to.comment)
            out << columnComment(op.schema, op.table, to);
        return out;
    }

    QStringList alterEnum(const Operation &op) const
    {
        const QString name = table(op.enumType.schema, op.enumType.name);
        const QStringList &from = op.fromEnum.labels;
        const QStringList &to = op.enumType.labels;
        QStringList out;
        switch (enumChange(from, to)) {
        case EnumChange::None:
            return out;
        case EnumChange::AddValues:
            // Each new label goes before the next label that is there already, or after the
            // one before it.
            for (qsizetype i = 0; i < to.size(); ++i) {
                if (from.contains(to.at(i)))
                    continue;
                QString place;
                for (qsizetype j = i + 1; j < to.size() && place.isEmpty(); ++j)
                    if (from.contains(to.at(j)))
                        place = QStringLiteral(" BEFORE ") + d.quoteString(to.at(j));
                if (place.isEmpty() && i > 0)
                    place = QStringLiteral(" AFTER ") + d.quoteString(to.at(i - 1));
                out << QStringLiteral("ALTER TYPE %1 ADD VALUE %2%3").arg(name, d.quoteString(to.at(i)), place);
            }
            return out;
        case EnumChange::RenameValues:
            for (qsizetype i = 0; i < to.size(); ++i)
                if (from.at(i) != to.at(i))
                    out << QStringLiteral("ALTER TYPE %1 RENAME VALUE %2 TO %3").arg(name, d.quoteString(from.at(i)), d.quoteString(to.at(i)));
            return out;
        case EnumChange::Recreate:
            break;
        }
        // Labels cannot be removed or reordered in place: recreate the type and move the
        // columns over through text, with what reads them taken down first and put back after.
        const QList<View> views = creationOrder(op.views);
        for (auto it = views.crbegin(); it != views.crend(); ++it)
            out << dropView(*it);
        for (const EnumUsage &usage : op.enumUsages) {
            for (const Index &index : usage.indexes)
                out << dropIndex(usage.schema, usage.table, index);
            for (const CheckConstraint &check : usage.checks)
                out << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(table(usage.schema, usage.table), q(check.name));
        }
        const QString old = table(op.enumType.schema, op.enumType.name + QStringLiteral("_old"));
        out << QStringLiteral("ALTER TYPE %1 RENAME TO %2").arg(name, q(op.enumType.name + QStringLiteral("_old")))
            << QStringLiteral("CREATE TYPE %1 AS ENUM %2").arg(name, enumLabels(op.enumType));
        for (const EnumUsage &usage : op.enumUsages) {
            const QString ut = QStringLiteral("ALTER TABLE ") + table(usage.schema, usage.table)
                               + QStringLiteral(" ALTER COLUMN ") + q(usage.column);
            if (!usage.defaultBefore.isEmpty())
                out << ut + QStringLiteral(" DROP DEFAULT");
            const QString brackets = usage.array ? QStringLiteral("[]") : QString();
            out << ut + QStringLiteral(" TYPE %1%3 USING %2::text%3::%1%3").arg(name, q(usage.column), brackets);
            if (!usage.defaultAfter.isEmpty())
                out << ut + QStringLiteral(" SET DEFAULT ") + usage.defaultAfter;
        }
        out << QStringLiteral("DROP TYPE ") + old;
        for (const EnumUsage &usage : op.enumUsages) {
            for (const CheckConstraint &check : usage.checks)
                out << QStringLiteral("ALTER TABLE %1 ADD ").arg(table(usage.schema, usage.table)) + checkClause(check);
            for (const Index &index : usage.indexes)
                out << createIndex(usage.schema, usage.table, index);
        }
        for (const View &view : views)
            out << createViewWithParts(view);
        return out;
    }

    QStringList createViewWithParts(const View &view) const
    {
        QStringList out{createView(view)};
        for (const Index &index : view.indexes)
            out << createIndex(view.schema, view.name, index);
        if (pg && !view.comment.isEmpty())
            out << QStringLiteral("COMMENT ON %1VIEW %2 IS %3")
                       .arg(view.materialized ? QStringLiteral("MATERIALIZED ") : QString(), table(view.schema, view.name),
                            d.quoteString(view.comment));
        return out;
    }

    // Where MySQL places an added column: FIRST or AFTER its neighbour (others append).
    QString position(const Operation &op) const
    {
        if (my && op.firstColumn)
            return QStringLiteral(" FIRST");
        if (my && !op.afterColumn.isEmpty())
            return QStringLiteral(" AFTER ") + q(op.afterColumn);
        return {};
    }

    // One operation in the engine's own ALTER syntax.
    QStringList native(const Operation &op) const
    {
        const QString t = table(op.schema, op.table);
        const QString alter = QStringLiteral("ALTER TABLE ") + t;
        switch (op.kind) {
        case Kind::CreateTable:
            return QStringList{createTable(op.tableDefinition)} + pgComments(op.tableDefinition);
        case Kind::DropTable:
            return {QStringLiteral("DROP TABLE ") + t};
        case Kind::AddColumn: {
            QStringList out{alter + QStringLiteral(" ADD COLUMN ") + columnDefinition(op.column) + position(op)};
            if (pg && !op.column.comment.isEmpty())
                out << columnComment(op.schema, op.table, op.column);
            return out;
        }
        case Kind::DropColumn:
            return {alter + QStringLiteral(" DROP COLUMN ") + q(op.column.name)};
        case Kind::AlterColumn:
            return alterColumn(op);
        case Kind::CreateIndex: {
            QStringList out{createIndex(op.schema, op.table, op.index)};
            if (pg && !op.index.comment.isEmpty())
                out << QStringLiteral("COMMENT ON INDEX %1 IS %2")
                           .arg(table(op.schema, op.index.name), d.quoteString(op.index.comment));
            return out;
        }
        case Kind::DropIndex:
            if (my && op.ifExists)
                return {QStringLiteral("DROP INDEX IF EXISTS %1 ON %2").arg(q(op.index.name), t)};
            return {dropIndex(op.schema, op.table, op.index)};
        case Kind::AddPrimaryKey:
            return {alter + (op.fromPrimaryKey.isEmpty() ? QString() : QStringLiteral(" DROP PRIMARY KEY,"))
                    + QStringLiteral(" ADD ") + constraintName(my ? QString() : op.primaryKey.name)
                    + QStringLiteral("PRIMARY KEY ") + names(op.primaryKey.columns)};
        case Kind::DropPrimaryKey:
            if (my || op.primaryKey.name.isEmpty())
                return {alter + QStringLiteral(" DROP PRIMARY KEY")};
            return {alter + QStringLiteral(" DROP CONSTRAINT ") + q(op.primaryKey.name)};
        case Kind::AddUnique:
            return {alter + QStringLiteral(" ADD ") + uniqueClause(op.unique)};
        case Kind::DropUnique:
            if (my)
                return {QStringLiteral("DROP INDEX %1 ON %2").arg(q(op.unique.name), t)};
            return {alter + QStringLiteral(" DROP CONSTRAINT ") + q(op.unique.name)};
        case Kind::AddForeignKey:
            return {alter + QStringLiteral(" ADD ") + foreignKeyClause(op.foreignKey)};
        case Kind::DropForeignKey:
            return {alter + (my ? QStringLiteral(" DROP FOREIGN KEY ") : QStringLiteral(" DROP CONSTRAINT "))
                    + q(op.foreignKey.name)};
        case Kind::AddCheck:
            return {alter + QStringLiteral(" ADD ") + checkClause(op.check)};
        case Kind::DropCheck:
            return {alter + QStringLiteral(" DROP CONSTRAINT ") + q(op.check.name)};
        case Kind::CreateTrigger:
            return {op.trigger.sql};
        case Kind::DropTrigger:
            return {dropTrigger(op.schema, op.table, op.trigger)};
        case Kind::AlterTableComment:
            if (pg)
                return {QStringLiteral("COMMENT ON TABLE %1 IS %2")
                            .arg(t, op.comment.isEmpty() ? QStringLiteral("NULL") : d.quoteString(op.comment))};
            if (my)
                return {alter + QStringLiteral(" COMMENT = ") + d.quoteString(op.comment)};
            return {};
        case Kind::AlterTableOptions: {
            // What is no longer set goes back to the server's default.
            QStringList parts;
            const auto value = [](const QString &options, const QString &key) {
                for (const QString &option : options.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    if (option.startsWith(key + QLatin1Char('=')))
                        return option;
                return QString();
            };
            if (const QString engine = value(op.options, QStringLiteral("ENGINE")); engine != value(op.fromOptions, QStringLiteral("ENGINE")))
                parts << (engine.isEmpty() ? QStringLiteral("ENGINE=InnoDB") : engine);   // every server's default since 5.5
            if (const QString format = value(op.options, QStringLiteral("ROW_FORMAT")); format != value(op.fromOptions, QStringLiteral("ROW_FORMAT")))
                parts << (format.isEmpty() ? QStringLiteral("ROW_FORMAT=DEFAULT") : format);
            QStringList out;
            if (!parts.isEmpty())
                out << alter + QLatin1Char(' ') + parts.join(QStringLiteral(", "));
            if (op.collation != op.fromCollation) {
                // The columns follow their table's new collation; those with one of their own
                // get it back.
                const QString charset = op.collation.section(QLatin1Char('_'), 0, 0);
                out << alter + (op.collation.isEmpty() ? QStringLiteral(" CONVERT TO CHARACTER SET DEFAULT")
                                                       : QStringLiteral(" CONVERT TO CHARACTER SET %1 COLLATE %2")
                                                             .arg(charset, op.collation));
                for (const Column &c : op.collated)
                    out << alter + QStringLiteral(" MODIFY COLUMN ") + columnDefinition(c);
            }
            return out;
        }
        case Kind::CreateView:
            return createViewWithParts(op.view);
        case Kind::DropView:
            return {dropView(op.view)};
        case Kind::CreateSequence:
            return {QStringLiteral("CREATE SEQUENCE ") + table(op.sequence.schema, op.sequence.name) + sequenceOptions(op.sequence)};
        case Kind::DropSequence:
            return {QStringLiteral("DROP SEQUENCE ") + table(op.sequence.schema, op.sequence.name)};
        case Kind::AlterSequence:
            return {QStringLiteral("ALTER SEQUENCE ") + table(op.sequence.schema, op.sequence.name) + sequenceOptions(op.sequence)};
        case Kind::CreateEnum:
            return {QStringLiteral("CREATE TYPE %1 AS ENUM %2").arg(table(op.enumType.schema, op.enumType.name), enumLabels(op.enumType))};
        case Kind::DropEnum:
            return {QStringLiteral("DROP TYPE ") + table(op.enumType.schema, op.enumType.name)};
        case Kind::AlterEnum:
            return alterEnum(op);
        case Kind::RenameTable:
            return {QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(table(op.schema, op.oldName), q(op.table))};
        case Kind::RenameColumn:
            return {alter + QStringLiteral(" RENAME COLUMN %1 TO %2").arg(q(op.fromColumn.name), q(op.column.name))};
        case Kind::CreateRoutine:
        case Kind::ReplaceRoutine:
            return {op.routine.definition};
        case Kind::DropRoutine:
            return {QStringLiteral("DROP %1 %2(%3)")
                        .arg(op.routine.procedure ? QStringLiteral("PROCEDURE") : QStringLiteral("FUNCTION"),
                             table(op.routine.schema, op.routine.name), op.routine.arguments)};
        case Kind::CreateSchema:
            return {QStringLiteral("CREATE SCHEMA ") + q(op.schema)};
        case Kind::DropSchema:
            return {QStringLiteral("DROP SCHEMA ") + q(op.schema)};
        case Kind::CreateDomain: {
            QString text = QStringLiteral("CREATE DOMAIN %1 AS %2").arg(table(op.domain.schema, op.domain.name), op.domain.type);
            if (!op.domain.defaultValue.isEmpty())
                text += QStringLiteral(" DEFAULT ") + op.domain.defaultValue;
            if (op.domain.notNull)
                text += QStringLiteral(" NOT NULL");
            for (const CheckConstraint &check : op.domain.checks)
                text += QLatin1Char(' ') + checkClause(check);
            return {text};
        }
        case Kind::DropDomain:
            return {QStringLiteral("DROP DOMAIN ") + table(op.domain.schema, op.domain.name)};
        case Kind::CreateExtension:
            return {QStringLiteral("CREATE EXTENSION ") + q(op.extension)};
        case Kind::DropExtension:
            return {QStringLiteral("DROP EXTENSION ") + q(op.extension)};
        case Kind::ExecuteSql:
            return op.sql.isEmpty() ? QStringList{} : QStringList{op.sql};
        }
        return {};
    }
};

bool isTableLevel(Kind kind)
{
    switch (kind) {
    case Kind::AddColumn:
    case Kind::DropColumn:
    case Kind::AlterColumn:
    case Kind::CreateIndex:
    case Kind::DropIndex:
    case Kind::AddPrimaryKey:
    case Kind::DropPrimaryKey:
    case Kind::AddUnique:
    case Kind::DropUnique:
    case Kind::AddForeignKey:
    case Kind::DropForeignKey:
    case Kind::AddCheck:
    case Kind::DropCheck:
    case Kind::CreateTrigger:
    case Kind::DropTrigger:
    case Kind::AlterTableComment:
    case Kind::AlterTableOptions:
        return true;
    default:
        return false;
    }
}

// Whether SQLite's ALTER TABLE ADD COLUMN takes the column as it is.
bool addableColumn(const Column &c, const Table *finalTable)
{
    if (finalTable && finalTable->primaryKey.columns.contains(c.name))
        return false;
    if (c.generatedStored || c.identity != Column::Identity::None)
        return false;
    if (!c.defaultValue.isEmpty()) {
        static const QRegularExpression current(QStringLiteral("^CURRENT_(TIME|DATE|TIMESTAMP)$"),
                                                QRegularExpression::CaseInsensitiveOption);
        if (!Sql::isSingleLiteral(c.defaultValue) || current.match(c.defaultValue).hasMatch())
            return false;
    } else if (!c.nullable) {
        return false;
    }
    return true;
}

// Whether SQLite's ALTER TABLE DROP COLUMN (3.35 and later) takes \a name out of \a table:
// nothing else in \a schema may name the column (https://sqlite.org/lang_altertable.html).
bool droppableColumn(const Table &table, const QString &name, const Schema &schema)
{
    if (table.primaryKey.columns.contains(name))
        return false;
    for (const UniqueConstraint &u : table.uniqueConstraints)
        if (u.columns.contains(name))
            return false;
    for (const Index &index : table.indexes) {
        if (mentionsIdentifier(index.where, name))
            return false;
        for (const IndexColumn &key : index.columns)
            if (key.name == name || mentionsIdentifier(key.expression, name))
                return false;
    }
    for (const CheckConstraint &check : table.checks)
        if (mentionsIdentifier(check.expression, name))
            return false;
    for (const ForeignKey &fk : table.foreignKeys)
        if (fk.columns.contains(name))
            return false;
    for (const Column &c : table.columns)
        if (c.name != name && mentionsIdentifier(c.generated, name))
            return false;
    for (const Trigger &trigger : table.triggers)
        if (mentionsIdentifier(trigger.sql, name))
            return false;
    for (const Table &other : schema.tables)   // another table's key or trigger naming it
        for (const ForeignKey &fk : other.foreignKeys)
            if (fk.referredTable == table.name && fk.referredColumns.contains(name))
                return false;
    for (const View &view : schema.views)
        if (mentionsIdentifier(view.definition, table.name) && mentionsIdentifier(view.definition, name))
            return false;
    return true;
}

bool needsRebuild(const Operation &op, const Dialect &dialect, const Table *finalTable)
{
    switch (op.kind) {
    case Kind::AlterColumn:
        return !dialect.alter.alterColumn;
    case Kind::DropColumn:
        return !dialect.alter.dropColumn;
    case Kind::AddColumn:
        return !dialect.alter.addColumnConstraints && !addableColumn(op.column, finalTable);
    case Kind::AddPrimaryKey:
    case Kind::DropPrimaryKey:
    case Kind::AddUnique:
    case Kind::DropUnique:
    case Kind::AddForeignKey:
    case Kind::DropForeignKey:
    case Kind::AddCheck:
    case Kind::DropCheck:
        return !dialect.alter.addConstraint;
    default:
        return false;
    }
}

QString tableKey(const QString &schema, const QString &name)
{
    return schema + QLatin1Char('\x1f') + name;
}

// SQLite's 12-step table rebuild (https://sqlite.org/lang_altertable.html#otheralter).
QStringList rebuild(const Sql &sql, const Table &from, const Table &to, const Schema &state)
{
    QStringList out;
    const QString temporary = sql.q(QStringLiteral("_stratum_tmp_") + to.name);
    const QString name = sql.table(to.schema, to.name);

    // Views and other tables' triggers that name the table would break the rename: they go
    // first and come back at the end, unchanged.
    // (Views on those views too: SQLite checks every view at the rename.)
    const QList<View> views = viewsReading(state.views, {to.name});
    QList<std::pair<const Table *, Trigger>> triggers;
    for (const Table &other : state.tables)
        if (other.name != from.name)
            for (const Trigger &trigger : other.triggers)
                if (mentionsIdentifier(trigger.sql, to.name))
                    triggers.append({&other, trigger});
    for (auto view = views.crbegin(); view != views.crend(); ++view)
        out << sql.dropView(*view);
    for (const auto &[table, trigger] : triggers)
        out << sql.dropTrigger(table->schema, table->name, trigger);

    Table definition = to;
    out << sql.createTable(definition, temporary);
    QStringList copied;
    for (const Column &column : to.columns) {
        const Column *old = from.column(column.name);
        if (old && old->generated.isEmpty() && column.generated.isEmpty())
            copied << sql.q(column.name);
    }
    if (!copied.isEmpty())
        out << QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3")
                   .arg(temporary, copied.join(QLatin1String(", ")), name);
    out << QStringLiteral("DROP TABLE ") + name;
    out << QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(temporary, sql.q(to.name));
    for (const Index &index : to.indexes)
        out << sql.createIndex(to.schema, to.name, index);
    for (const Trigger &trigger : to.triggers)
        out << trigger.sql;
    for (const auto &[table, trigger] : triggers)
        out << trigger.sql;
    for (const View &view : views)
        out << sql.createView(view);
    // The rebuilt table's own foreign keys, and those of the tables that refer to it. The
    // runtime fails the migration when the check reports rows (Connection::execute()).
    out << QStringLiteral("PRAGMA foreign_key_check(%1)").arg(sql.q(to.name));
    for (const Table &other : state.tables)
        if (other.name.compare(to.name, Qt::CaseInsensitive) != 0 && other.schema == to.schema)
            for (const ForeignKey &key : other.foreignKeys)
                if (key.referredTable.compare(to.name, Qt::CaseInsensitive) == 0) {
                    out << QStringLiteral("PRAGMA foreign_key_check(%1)").arg(sql.q(other.name));
                    break;
                }
    return out;
}

} // namespace

QStringList OperationRenderer::render(const QList<Operation> &operations, const Dialect &dialect, const Schema &before,
                                      const Options &options)
{
    const Sql sql(dialect);
    QStringList out;
    const bool batch = options.batch && !(dialect.alter.alterColumn && dialect.alter.addConstraint
                                          && dialect.alter.dropColumn && dialect.alter.addColumnConstraints);
    if (!batch) {
        for (const Operation &op : operations)
            out += sql.native(op);
        return out;
    }

    Schema finalState = before;
    for (const Operation &op : operations)
        applyOperation(finalState, op);
    QSet<QString> rebuildTables;
    Schema simulated = before;
    for (const Operation &op : operations) {
        bool rebuild = isTableLevel(op.kind) && needsRebuild(op, dialect, finalState.table(op.table, op.schema));
        // A column nothing else names goes with DROP COLUMN, without a rebuild.
        if (op.kind == Kind::DropColumn && rebuild && dialect.name == QLatin1String("sqlite"))
            if (const Table *current = simulated.table(op.table, op.schema))
                rebuild = !droppableColumn(*current, op.column.name, simulated);
        // ADD COLUMN only appends: a column that belongs elsewhere needs the rebuild.
        if (op.kind == Kind::AddColumn && !rebuild) {
            const Table *current = simulated.table(op.table, op.schema);
            const bool atEnd = current
                               && ((op.afterColumn.isEmpty() && !op.firstColumn)
                                   || (op.firstColumn && current->columns.isEmpty())
                                   || (!current->columns.isEmpty() && current->columns.constLast().name == op.afterColumn));
            rebuild = !atEnd;
        }
        if (rebuild)
            rebuildTables.insert(tableKey(op.schema, op.table));
        applyOperation(simulated, op);
    }

    Schema state = before;
    QSet<QString> rebuilt;
    for (const Operation &op : operations) {
        const QString key = tableKey(op.schema, op.table);
        if (isTableLevel(op.kind) && rebuildTables.contains(key)) {
            if (!rebuilt.contains(key)) {
                rebuilt.insert(key);
                const Table *from = state.table(op.table, op.schema);
                const Table *to = finalState.table(op.table, op.schema);
                if (from && to) {
                    out += rebuild(sql, *from, *to, state);
                    *state.table(op.table, op.schema) = *to;
                }
            }
            continue;
        }
        out += sql.native(op);
        applyOperation(state, op);
    }
    return out;
}

QString OperationRenderer::createTableSql(const Table &table, const Dialect &dialect)
{
    return Sql(dialect).createTable(table);
}

QString OperationRenderer::scriptBody(const QStringList &statements)
{
    QString body;
    for (const QString &statement : statements) {
        // A note to the reader (a change to make by hand) is a comment, not a statement.
        bool note = true;
        for (const QString &line : statement.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            note = note && line.trimmed().startsWith(QLatin1String("--"));
        body += statement + (note ? QStringLiteral("\n\n") : QStringLiteral(";\n\n"));
    }
    return body;
}

} // namespace Stratum
