#pragma once

// Seeded random schema pairs for the fixed-point test: a schema A and a mutation B of it,
// written as DDL for one engine. Only changes every engine can make on empty tables.

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace StratumTest {

struct RandomColumn
{
    QString name;
    int family = 0;     // index into the engine's type families
    int variant = 0;    // type within the family
    bool nullable = true;
    int defaultChoice = -1;   // -1 = none
};

struct RandomIndex
{
    QString name;
    QStringList columns;
    bool unique = false;
};

struct RandomForeignKey
{
    QString name;
    QString column;
    QString target;
    bool cascade = false;
};

struct RandomTable
{
    QString name;
    QList<RandomColumn> columns;
    QList<RandomIndex> indexes;
    QList<RandomForeignKey> foreignKeys;
    QStringList checks;   // columns with CHECK (c >= 0)
};

class RandomSchema
{
public:
    struct Family
    {
        QStringList types;
        QStringList defaults;
        bool indexable = true;
        bool checkable = false;
    };

    explicit RandomSchema(const QString &engine) : m_engine(engine)
    {
        const bool pg = engine == QLatin1String("postgresql");
        const bool my = engine == QLatin1String("mysql");
        const auto s = [](const char *t) { return QString::fromLatin1(t); };
        if (pg) {
            m_families = {{{s("integer"), s("bigint"), s("int4")}, {s("0"), s("1"), s("-3")}, true, true},
                          {{s("varchar(20)"), s("character varying(40)")}, {s("'a'"), s("'x y'"), s("''")}, true, false},
                          {{s("text")}, {s("'t'"), s("'it''s'")}, true, false},
                          {{s("numeric(10,2)"), s("numeric(12,2)")}, {s("0"), s("1.5")}, true, true},
                          {{s("boolean"), s("bool")}, {s("false"), s("true")}, true, false},
                          {{s("timestamp"), s("timestamptz")}, {s("now()"), s("CURRENT_TIMESTAMP")}, true, false}};
        } else if (my) {
            m_families = {{{s("int"), s("bigint"), s("integer")}, {s("0"), s("1"), s("-3")}, true, true},
                          {{s("varchar(20)"), s("varchar(40)")}, {s("'a'"), s("'x y'"), s("''")}, true, false},
                          {{s("varchar(100)")}, {s("'t'"), s("'it''s'")}, true, false},
                          {{s("decimal(10,2)"), s("decimal(12,2)")}, {s("0"), s("1.5")}, true, true},
                          {{s("boolean"), s("tinyint(1)")}, {s("0"), s("1")}, true, false},
                          {{s("datetime"), s("timestamp")}, {s("CURRENT_TIMESTAMP")}, true, false}};
        } else {
            m_families = {{{s("INTEGER"), s("BIGINT"), s("INT")}, {s("0"), s("1"), s("-3")}, true, true},
                          {{s("VARCHAR(20)"), s("VARCHAR(40)")}, {s("'a'"), s("'x y'"), s("''")}, true, false},
                          {{s("TEXT")}, {s("'t'"), s("'it''s'")}, true, false},
                          {{s("NUMERIC(10,2)"), s("NUMERIC(12,2)")}, {s("0"), s("1.5")}, true, true},
                          {{s("BOOLEAN")}, {s("0"), s("1")}, true, false},
                          {{s("TIMESTAMP")}, {s("CURRENT_TIMESTAMP")}, true, false}};
        }
    }

    QList<RandomTable> generate(quint32 seed, int tableCount)
    {
        QRandomGenerator rng(seed);
        QList<RandomTable> tables;
        for (int t = 0; t < tableCount; ++t)
            tables << newTable(rng, QStringLiteral("t%1").arg(t), tables);
        return tables;
    }

    QList<RandomTable> mutate(QList<RandomTable> tables, quint32 seed)
    {
        QRandomGenerator rng(seed);
        // Drop a table nobody references.
        if (tables.size() > 2 && rng.bounded(3) == 0) {
            const int victim = rng.bounded(int(tables.size()));
            bool referenced = false;
            for (const RandomTable &t : tables)
                for (const RandomForeignKey &fk : t.foreignKeys)
                    referenced = referenced || fk.target == tables.at(victim).name;
            if (!referenced)
                tables.removeAt(victim);
        }
        for (RandomTable &table : tables) {
            for (RandomColumn &c : table.columns) {
                if (c.name.startsWith(QLatin1String("ref_")))
                    continue;
                switch (rng.bounded(6)) {
                case 0:
                    c.variant = rng.bounded(int(m_families.at(c.family).types.size()));
                    break;
                case 1:
                    c.nullable = !c.nullable;
                    if (!c.nullable && c.defaultChoice < 0)
                        c.defaultChoice = 0;
                    break;
                case 2:
                    c.defaultChoice = rng.bounded(int(m_families.at(c.family).defaults.size()) + 1) - 1;
                    if (!c.nullable && c.defaultChoice < 0)
                        c.defaultChoice = 0;
                    break;
                default:
                    break;
                }
            }
            // Drop a plain column (with whatever uses it), add one.
            if (rng.bounded(3) == 0 && table.columns.size() > 2) {
                const int i = 1 + rng.bounded(int(table.columns.size()) - 1);
                const QString name = table.columns.at(i).name;
                if (!name.startsWith(QLatin1String("ref_"))) {
                    table.columns.removeAt(i);
                    table.indexes.removeIf([&](const RandomIndex &x) { return x.columns.contains(name); });
                    table.checks.removeAll(name);
                }
            }
            if (rng.bounded(3) == 0)
                table.columns << newColumn(rng, QStringLiteral("n%1").arg(m_counter++));
            if (rng.bounded(3) == 0 && !table.indexes.isEmpty())
                table.indexes.removeAt(rng.bounded(int(table.indexes.size())));
            if (rng.bounded(3) == 0)
                addIndex(rng, table);
            if (rng.bounded(4) == 0 && !table.foreignKeys.isEmpty()) {
                table.foreignKeys.first().cascade = !table.foreignKeys.first().cascade;
            }
            if (rng.bounded(4) == 0 && !table.checks.isEmpty())
                table.checks.removeLast();
            else if (rng.bounded(4) == 0)
                addCheck(rng, table);
        }
        if (rng.bounded(2) == 0)
            tables << newTable(rng, QStringLiteral("t%1").arg(100 + m_counter++), tables);
        return tables;
    }

    QString ddl(const QList<RandomTable> &tables) const
    {
        QString out;
        for (const RandomTable &t : tables) {
            QStringList parts;
            parts << QStringLiteral("id %1 PRIMARY KEY").arg(m_families.at(0).types.at(0));
            for (const RandomColumn &c : t.columns) {
                const Family &f = m_families.at(c.family);
                QString text = c.name + QLatin1Char(' ') + f.types.at(qMin(c.variant, int(f.types.size()) - 1));
                if (!c.nullable)
                    text += QStringLiteral(" NOT NULL");
                if (c.defaultChoice >= 0)
                    text += QStringLiteral(" DEFAULT ") + f.defaults.at(qMin(c.defaultChoice, int(f.defaults.size()) - 1));
                parts << text;
            }
            for (const QString &c : t.checks)
                parts << QStringLiteral("CONSTRAINT ck_%1_%2 CHECK (%2 >= 0)").arg(t.name, c);
            for (const RandomForeignKey &fk : t.foreignKeys)
                parts << QStringLiteral("CONSTRAINT %1 FOREIGN KEY (%2) REFERENCES %3 (id)%4")
                             .arg(fk.name, fk.column, fk.target, fk.cascade ? QStringLiteral(" ON DELETE CASCADE") : QString());
            out += QStringLiteral("CREATE TABLE %1 (\n    %2\n);\n").arg(t.name, parts.join(QStringLiteral(",\n    ")));
            for (const RandomIndex &i : t.indexes)
                out += QStringLiteral("CREATE %1INDEX %2 ON %3 (%4);\n")
                           .arg(i.unique ? QStringLiteral("UNIQUE ") : QString(), i.name, t.name, i.columns.join(QLatin1String(", ")));
        }
        return out;
    }

private:
    RandomColumn newColumn(QRandomGenerator &rng, const QString &name)
    {
        RandomColumn c;
        c.name = name;
        c.family = rng.bounded(int(m_families.size()));
        c.variant = rng.bounded(int(m_families.at(c.family).types.size()));
        c.nullable = rng.bounded(2) == 0;
        c.defaultChoice = rng.bounded(int(m_families.at(c.family).defaults.size()) + 1) - 1;
        if (!c.nullable && c.defaultChoice < 0)
            c.defaultChoice = 0;
        return c;
    }

    void addIndex(QRandomGenerator &rng, RandomTable &table)
    {
        QStringList candidates;
        for (const RandomColumn &c : table.columns)
            if (m_families.at(c.family).indexable && !c.name.startsWith(QLatin1String("ref_")))
                candidates << c.name;
        if (candidates.isEmpty())
            return;
        RandomIndex index;
        index.name = QStringLiteral("ix_%1_%2").arg(table.name).arg(m_counter++);
        index.columns << candidates.at(rng.bounded(int(candidates.size())));
        if (candidates.size() > 1 && rng.bounded(2) == 0) {
            const QString second = candidates.at(rng.bounded(int(candidates.size())));
            if (!index.columns.contains(second))
                index.columns << second;
        }
        index.unique = rng.bounded(3) == 0;
        table.indexes << index;
    }

    void addCheck(QRandomGenerator &rng, RandomTable &table)
    {
        for (const RandomColumn &c : table.columns)
            if (m_families.at(c.family).checkable && !table.checks.contains(c.name) && !c.name.startsWith(QLatin1String("ref_"))
                && rng.bounded(2) == 0) {
                table.checks << c.name;
                return;
            }
    }

    RandomTable newTable(QRandomGenerator &rng, const QString &name, const QList<RandomTable> &existing)
    {
        RandomTable t;
        t.name = name;
        const int columns = 2 + rng.bounded(5);
        for (int i = 0; i < columns; ++i)
            t.columns << newColumn(rng, QStringLiteral("c%1").arg(i));
        if (!existing.isEmpty() && rng.bounded(3) != 0) {
            RandomForeignKey fk;
            fk.target = existing.at(rng.bounded(int(existing.size()))).name;
            fk.column = QStringLiteral("ref_") + fk.target;
            fk.name = QStringLiteral("fk_%1_%2").arg(name, fk.target);
            fk.cascade = rng.bounded(2) == 0;
            RandomColumn c;
            c.name = fk.column;
            c.family = 0;
            c.variant = 0;
            t.columns << c;
            t.foreignKeys << fk;
        }
        if (rng.bounded(2) == 0)
            addIndex(rng, t);
        if (rng.bounded(3) == 0)
            addCheck(rng, t);
        return t;
    }

    QString m_engine;
    QList<Family> m_families;
    int m_counter = 0;
};

} // namespace StratumTest
