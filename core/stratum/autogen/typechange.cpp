// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/typechange.h"

#include "stratum/dialect/dialect.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <utility>

namespace Stratum {

namespace {

// "VARCHAR(40)" → {"VARCHAR", {40}}.
std::pair<QString, QList<int>> splitType(const QString &canonical)
{
    const qsizetype open = canonical.indexOf(QLatin1Char('('));
    if (open < 0)
        return {canonical, {}};
    QList<int> arguments;
    for (const QString &part : canonical.mid(open + 1).chopped(1).split(QLatin1Char(',')))
        arguments << part.trimmed().toInt();
    return {canonical.left(open).trimmed(), arguments};
}

int integerRank(const QString &name)
{
    static const QHash<QString, int> ranks{{QStringLiteral("TINYINT"), 1},  {QStringLiteral("SMALLINT"), 2},
                                           {QStringLiteral("MEDIUMINT"), 3}, {QStringLiteral("INTEGER"), 4},
                                           {QStringLiteral("INT"), 4},       {QStringLiteral("BIGINT"), 8}};
    return ranks.value(name, 0);
}

bool isText(const QString &name)
{
    return name == QLatin1String("TEXT") || name == QLatin1String("CLOB") || name == QLatin1String("LONGTEXT")
           || name == QLatin1String("MEDIUMTEXT");
}

bool isCharacter(const QString &name)
{
    return name.contains(QLatin1String("CHAR"));
}

// Families whose members convert into each other with a cast of the engine's own.
enum class Family { Integer, Exact, Float, Text, Boolean, DateTime, Interval, Json, Other };

Family family(const QString &name)
{
    if (integerRank(name))
        return Family::Integer;
    if (name == QLatin1String("NUMERIC") || name == QLatin1String("DECIMAL"))
        return Family::Exact;
    if (name == QLatin1String("REAL") || name == QLatin1String("FLOAT") || name.startsWith(QLatin1String("DOUBLE")))
        return Family::Float;
    if (isText(name) || isCharacter(name))
        return Family::Text;
    if (name == QLatin1String("BOOLEAN") || name == QLatin1String("BOOL"))
        return Family::Boolean;
    if (name == QLatin1String("DATE") || name.startsWith(QLatin1String("TIMESTAMP")) || name.startsWith(QLatin1String("TIME"))
        || name == QLatin1String("DATETIME"))
        return Family::DateTime;
    if (name.startsWith(QLatin1String("INTERVAL")))
        return Family::Interval;
    if (name == QLatin1String("JSON") || name == QLatin1String("JSONB"))
        return Family::Json;
    return Family::Other;
}

bool numeric(Family f)
{
    return f == Family::Integer || f == Family::Exact || f == Family::Float;
}

// Whether a column of type \a to holds fewer values than one of type \a from.
bool narrows(const QString &fromName, const QList<int> &fromArgs, const QString &toName, const QList<int> &toArgs)
{
    if (integerRank(fromName) && integerRank(toName))
        return integerRank(toName) < integerRank(fromName);
    if ((isText(fromName) || (isCharacter(fromName) && fromArgs.isEmpty())) && isCharacter(toName) && !toArgs.isEmpty())
        return true;
    if (isCharacter(fromName) && isCharacter(toName) && !fromArgs.isEmpty() && !toArgs.isEmpty())
        return toArgs.first() < fromArgs.first();
    if (fromName == toName && !fromArgs.isEmpty() && !toArgs.isEmpty())   // NUMERIC(10,2) → NUMERIC(8,2)
        for (qsizetype i = 0; i < std::min(fromArgs.size(), toArgs.size()); ++i)
            if (toArgs.at(i) < fromArgs.at(i))
                return true;
    return fromName.startsWith(QLatin1String("DOUBLE")) && (toName == QLatin1String("REAL") || toName == QLatin1String("FLOAT"));
}

} // namespace

TypeChange classifyTypeChange(const QString &from, const QString &to, const Dialect &dialect)
{
    const QString fromCanonical = dialect.canonicalType(from);
    const QString toCanonical = dialect.canonicalType(to);
    if (fromCanonical == toCanonical)
        return TypeChange::Safe;
    const auto [fromName, fromArgs] = splitType(fromCanonical);
    const auto [toName, toArgs] = splitType(toCanonical);
    if (narrows(fromName, fromArgs, toName, toArgs))
        return TypeChange::Narrows;
    const Family a = family(fromName);
    const Family b = family(toName);
    if (b == Family::Text)
        return TypeChange::Safe;   // every value has a text form, and it fits (narrowing aside)
    if (a == b && a != Family::Other && a != Family::DateTime)
        return TypeChange::Safe;
    if (fromName == QLatin1String("DATE") && (toName.startsWith(QLatin1String("TIMESTAMP")) || toName == QLatin1String("DATETIME")))
        return TypeChange::Safe;   // a day becomes its midnight
    if (numeric(a) && numeric(b))
        return a == Family::Integer || (a == Family::Exact && b == Family::Float) ? TypeChange::Safe : TypeChange::Converts;
    if (a == Family::Text || dialect.name != QLatin1String("postgresql"))
        return TypeChange::Converts;   // parsed from text; MySQL converts anything, as best it can
    // PostgreSQL's casts between families: date and time types, integer and boolean, json.
    if (a == b || (a == Family::Integer && b == Family::Boolean) || (a == Family::Boolean && b == Family::Integer))
        return TypeChange::Converts;
    return TypeChange::NoCast;
}

QString typeChangeNote(const QString &table, const QString &column, const QString &from, const QString &to,
                       const Dialect &dialect)
{
    const QString what = QStringLiteral("%1.%2 from %3 to %4").arg(table, column, from, to);
    switch (classifyTypeChange(from, to, dialect)) {
    case TypeChange::Safe:
        return {};
    case TypeChange::Narrows:
        return QStringLiteral("-- Check first: this narrows %1. A value that does not fit makes it fail%2.")
            .arg(what, dialect.name == QLatin1String("mysql") ? QStringLiteral(" (or, without strict mode, cut short)") : QString());
    case TypeChange::Converts:
        return QStringLiteral("-- Check first: this converts every value of %1. One that does not convert makes it "
                              "fail; rewrite the conversion by hand if need be.").arg(what);
    case TypeChange::NoCast:
        return QStringLiteral("-- PostgreSQL has no cast for %1: write the USING expression by hand, or this "
                              "statement fails.").arg(what);
    }
    return {};
}

} // namespace Stratum
