// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apply/destructivestatements.h"

#include "stratum/autogen/tablerebuild.h"
#include "stratum/script/sqllexer.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace Stratum {
namespace {

QString reasonFor(const QString &statement, const QStringList &ignoredTables)
{
    static const QRegularExpression drop(
        QStringLiteral("^DROP\\s+(TABLE|VIEW|MATERIALIZED\\s+VIEW|INDEX|SCHEMA|DATABASE|SEQUENCE|"
                       "TYPE|TRIGGER|FUNCTION|PROCEDURE|DOMAIN|EXTENSION)\\b(\\s+IF\\s+EXISTS)?\\s*"
                       "([\\w.\"`\\[\\]]+)?"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression truncate(QStringLiteral("^TRUNCATE\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression deleteFrom(QStringLiteral("^DELETE\\s+FROM\\s+([\\w.\"`\\[\\]]+)"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression where(QStringLiteral("\\bWHERE\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression alterDrop(QStringLiteral("^ALTER\\s+TABLE\\b.*\\bDROP\\b\\s*(\\w+)?"),
                                              QRegularExpression::CaseInsensitiveOption
                                                  | QRegularExpression::DotMatchesEverythingOption);

    const auto ignored = [&ignoredTables](QString name) {
        name.remove(QLatin1Char('"')).remove(QLatin1Char('`')).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        const QString table = name.section(QLatin1Char('.'), -1);
        return ignoredTables.contains(table, Qt::CaseInsensitive);
    };

    if (const QRegularExpressionMatch m = drop.match(statement); m.hasMatch()) {
        const QString kind = m.captured(1).toUpper().simplified();
        if (kind == QLatin1String("TABLE") && ignored(m.captured(3)))
            return {};
        return QCoreApplication::translate("Stratum::DestructiveStatements", "drops the %1")
            .arg(kind.toLower());
    }
    if (truncate.match(statement).hasMatch())
        return QCoreApplication::translate("Stratum::DestructiveStatements", "empties a table");
    if (const QRegularExpressionMatch m = deleteFrom.match(statement); m.hasMatch()) {
        if (where.match(statement).hasMatch() || ignored(m.captured(1)))
            return {};
        return QCoreApplication::translate("Stratum::DestructiveStatements",
                                           "deletes every row (no WHERE)");
    }
    if (const QRegularExpressionMatch m = alterDrop.match(statement); m.hasMatch()) {
        const QString what = m.captured(1).toUpper();
        if (what == QLatin1String("CONSTRAINT"))
            return QCoreApplication::translate("Stratum::DestructiveStatements", "drops a constraint");
        return QCoreApplication::translate("Stratum::DestructiveStatements", "drops a column");
    }
    return {};
}

// A name as written, without quotes or schema, for comparing.
QString bareName(QString name)
{
    name.remove(QLatin1Char('"')).remove(QLatin1Char('`')).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    return name.section(QLatin1Char('.'), -1).toLower();
}

// Whether statements[at] drops a view, index or trigger that a later statement creates again.
bool createdAgain(const QList<SqlStatement> &statements, qsizetype at)
{
    static const QRegularExpression drop(
        QStringLiteral("^DROP\\s+(VIEW|MATERIALIZED\\s+VIEW|INDEX|TRIGGER)\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?"
                       "([\\w.\"`\\[\\]]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression create(
        QStringLiteral("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMP\\s+|TEMPORARY\\s+)?(?:UNIQUE\\s+)?(?:CONSTRAINT\\s+)?"
                       "(VIEW|MATERIALIZED\\s+VIEW|INDEX|TRIGGER)\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                       "([\\w.\"`\\[\\]]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch dropped = drop.match(statements.at(at).text.simplified());
    if (!dropped.hasMatch())
        return false;
    const QString kind = dropped.captured(1).simplified().toUpper();
    const QString name = bareName(dropped.captured(2));
    for (qsizetype i = at + 1; i < statements.size(); ++i) {
        const QRegularExpressionMatch created = create.match(statements.at(i).text.simplified());
        if (created.hasMatch() && created.captured(1).simplified().toUpper() == kind
            && bareName(created.captured(2)) == name)
            return true;
    }
    return false;
}

// The rebuilds of the script, with the columns of the tables it does not create itself taken
// from \a columnsBefore when they are needed.
QList<TableRebuild> rebuildsOf(const QList<SqlStatement> &statements,
                               const std::function<ScriptColumns()> &columnsBefore)
{
    QList<TableRebuild> rebuilds = findTableRebuilds(statements);
    const bool unknown = std::any_of(rebuilds.cbegin(), rebuilds.cend(),
                                     [](const TableRebuild &rebuild) { return !rebuild.lostColumns; });
    if (unknown && columnsBefore)
        rebuilds = findTableRebuilds(statements, columnsBefore());
    return rebuilds;
}

// What the DROP TABLE of \a rebuild loses: the columns the copy leaves out.
QList<DestructiveStatement> rebuildLosses(const SqlStatement &drop, const TableRebuild &rebuild)
{
    const QString text = drop.text.simplified();
    if (!rebuild.lostColumns)
        return {{drop.line, text,
                 QCoreApplication::translate("Stratum::DestructiveStatements",
                                             "rebuilds the table; a column it does not copy loses its data")}};
    QList<DestructiveStatement> losses;
    for (const QString &column : *rebuild.lostColumns)
        losses.append({drop.line, text,
                       QCoreApplication::translate("Stratum::DestructiveStatements", "drops column %1").arg(column)});
    return losses;
}

} // namespace

QList<DestructiveStatement> findDestructiveStatements(const QString &sql, const QStringList &ignoredTables,
                                                      const std::function<ScriptColumns()> &columnsBefore)
{
    QList<DestructiveStatement> found;
    Result<QList<SqlStatement>> statements = splitSqlStatements(sql);
    if (!statements) {
        const QStringList lines = sql.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString text = lines[i].trimmed();
            const QString reason = reasonFor(text, ignoredTables);
            if (!reason.isEmpty())
                found.append({i + 1, text, reason});
        }
        return found;
    }
    const QList<TableRebuild> rebuilds = rebuildsOf(*statements, columnsBefore);
    for (qsizetype i = 0; i < statements->size(); ++i) {
        const SqlStatement &statement = statements->at(i);
        const auto rebuild = std::find_if(rebuilds.cbegin(), rebuilds.cend(),
                                          [i](const TableRebuild &r) { return r.drop == i; });
        if (rebuild != rebuilds.cend()) {
            found.append(rebuildLosses(statement, *rebuild));
            continue;
        }
        if (createdAgain(*statements, i))
            continue;
        // Comments inside a statement stay in its text; they never hide a DROP at its start.
        const QString text = statement.text.simplified();
        const QString reason = reasonFor(text, ignoredTables);
        if (!reason.isEmpty())
            found.append({statement.line, text, reason});
    }
    return found;
}

} // namespace Stratum
