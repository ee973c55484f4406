#include "apply/destructivestatements.h"

#include "script/sqllexer.h"

#include <QCoreApplication>
#include <QRegularExpression>

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

} // namespace

QList<DestructiveStatement> findDestructiveStatements(const QString &sql, const QStringList &ignoredTables)
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
    for (const SqlStatement &statement : *statements) {
        // Comments inside a statement stay in its text; they never hide a DROP at its start.
        const QString text = statement.text.simplified();
        const QString reason = reasonFor(text, ignoredTables);
        if (!reason.isEmpty())
            found.append({statement.line, text, reason});
    }
    return found;
}

} // namespace Stratum
