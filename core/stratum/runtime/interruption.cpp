// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/interruption.h"

#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/connection.h"
#include "stratum/script/revisionscript.h"
#include "stratum/script/sqllexer.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Stratum {

namespace {

QString abbreviated(const QString &statement)
{
    QString text = statement.simplified();
    if (text.size() > 100)
        text = text.left(97) + QLatin1String("...");
    return text;
}

// "statement 3" or "statements 3-5"
QString statements(int first, int last)
{
    return first == last ? QStringLiteral("statement %1").arg(first)
                         : QStringLiteral("statements %1-%2").arg(first).arg(last);
}

} // namespace

ProgressTable::ProgressTable(Connection &connection, const QString &schema)
    : m_connection(connection), m_schema(schema)
{
}

Result<bool> ProgressTable::exists()
{
    return m_connection.tableExists(QString::fromLatin1(tableName), m_schema);
}

Status ProgressTable::ensure()
{
    const Dialect &dialect = m_connection.dialect();
    const QString table = QString::fromLatin1(tableName);
    return m_connection.createTableOnce(
        table, m_schema,
        QLatin1String("CREATE TABLE ") + dialect.qualifiedName(table, m_schema)
            + QLatin1String(" (\n    revision VARCHAR(255) NOT NULL PRIMARY KEY"
                            ",\n    direction VARCHAR(16) NOT NULL"
                            ",\n    checksum VARCHAR(64) NOT NULL"
                            ",\n    done_checksum VARCHAR(64)"
                            ",\n    statements_done INTEGER NOT NULL"
                            ",\n    statement_count INTEGER NOT NULL"
                            ",\n    started_at ")
            + dialect.timestampType
            + QLatin1String(" NOT NULL"
                            ",\n    started_by VARCHAR(255)"
                            ",\n    error TEXT\n)"),
        QStringLiteral("the progress table"));
}

Result<QList<Interruption>> ProgressTable::rows()
{
    auto present = exists();
    if (!present)
        return present.error();
    QList<Interruption> out;
    if (!*present)
        return out;
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String("SELECT revision, direction, checksum, done_checksum, "
                                  "statements_done, statement_count, started_at, started_by, error FROM ")
                    + m_connection.dialect().qualifiedName(QString::fromLatin1(tableName), m_schema)
                    + QLatin1String(" ORDER BY started_at"))) {
        return Error::database(QStringLiteral("Could not read %1 on %2: %3")
                                   .arg(QString::fromLatin1(tableName), m_connection.maskedUrl(),
                                        Connection::driverMessage(query.lastError().text())));
    }
    while (query.next()) {
        Interruption row;
        row.revision = query.value(0).toString();
        row.direction = query.value(1).toString();
        row.checksum = query.value(2).toString();
        row.doneChecksum = query.value(3).toString();
        row.statementsDone = query.value(4).toInt();
        row.statementCount = query.value(5).toInt();
        row.startedAt = utcFromColumn(query.value(6));
        row.startedBy = query.value(7).toString();
        row.error = query.value(8).toString();
        out.append(row);
    }
    return out;
}

Status ProgressTable::write(const QStringList &statements)
{
    if (auto done = m_connection.executeBatch(statements); !done) {
        return Error::database(QStringLiteral("Could not write to %1 on %2: %3")
                                   .arg(QString::fromLatin1(tableName), m_connection.maskedUrl(),
                                        done.error().message));
    }
    return {};
}

QString ProgressTable::sql(const QString &verb, const QString &rest, const QVariantList &values) const
{
    const Dialect &dialect = m_connection.dialect();
    // The name goes in after the literals: a quoted name may hold a `?`.
    return verb + QLatin1Char(' ') + dialect.qualifiedName(QString::fromLatin1(tableName), m_schema)
           + QLatin1Char(' ') + dialect.withLiterals(rest, values);
}

Status ProgressTable::start(const Interruption &row)
{
    // The row of an earlier attempt goes first; both in one round trip.
    return write({finishSql(row.revision),
                  sql(QStringLiteral("INSERT INTO"), QStringLiteral("(revision, direction, checksum, done_checksum, "
                                     "statements_done, statement_count, started_at, started_by, error) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)"),
                      {row.revision, row.direction, row.checksum, row.doneChecksum, row.statementsDone,
                       row.statementCount, utcColumnText(QDateTime::currentDateTimeUtc()), row.startedBy})});
}

Status ProgressTable::advance(const QString &revision, int statementsDone, const QString &doneChecksum)
{
    return write({advanceSql(revision, statementsDone, doneChecksum)});
}

QString ProgressTable::advanceSql(const QString &revision, int statementsDone, const QString &doneChecksum) const
{
    return sql(QStringLiteral("UPDATE"),
               QStringLiteral("SET statements_done = ?, done_checksum = ?, error = NULL WHERE revision = ?"),
               {statementsDone, doneChecksum, revision});
}

Status ProgressTable::failed(const QString &revision, const QString &message)
{
    return write({sql(QStringLiteral("UPDATE"), QStringLiteral("SET error = ? WHERE revision = ?"), {message, revision})});
}

Status ProgressTable::finish(const QString &revision)
{
    return write({finishSql(revision)});
}

QString ProgressTable::finishSql(const QString &revision) const
{
    return sql(QStringLiteral("DELETE FROM"), QStringLiteral("WHERE revision = ?"), {revision});
}

QString statementsChecksum(const QList<SqlStatement> &statements, int count)
{
    QByteArray chained;
    for (int i = 0; i < count && i < statements.size(); ++i) {
        chained = QCryptographicHash::hash(chained + statements.at(i).text.toUtf8(),
                                           QCryptographicHash::Sha256);
    }
    return QString::fromLatin1(chained.toHex());
}

InterruptionReport describeInterruption(const Interruption &interruption, const RevisionMap &map,
                                        const QStringList &heads)
{
    InterruptionReport report;
    const QString &id = interruption.revision;
    const int done = interruption.statementsDone;
    const int count = interruption.statementCount;
    const QString direction = interruption.direction;
    QString text = QStringLiteral("Revision %1 (%2) was interrupted: %3 of its %4 statements completed "
                                  "(started %5 UTC by %6).\n")
                       .arg(id, direction)
                       .arg(done)
                       .arg(count)
                       .arg(interruption.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                            interruption.startedBy.isEmpty() ? QStringLiteral("an unknown user")
                                                             : interruption.startedBy);

    // The statements as the file holds them now.
    const Revision *revision = map.revision(id);
    if (revision) {
        report.file = revision->path.isEmpty() ? revision->script.path : revision->path;
        if (auto script = readRevisionScript(report.file)) {
            const ScriptSection &section = interruption.isUpgrade() ? script->upgrade : script->downgrade;
            if (auto statements = sectionStatements(section, report.file))
                report.statements = *statements;
        }
        report.fileMatches = report.statements.size() >= done
                             && statementsChecksum(report.statements, done) == interruption.doneChecksum;
    }
    auto at = [&](int number) {   // 1-based statement number → "file:line  SQL"
        const SqlStatement &s = report.statements.at(number - 1);
        return QStringLiteral("%1:%2  %3").arg(report.file).arg(s.line).arg(abbreviated(s.text));
    };
    const bool pending = done < count;
    if (report.fileMatches) {
        if (done > 0)
            text += QStringLiteral("  last completed:       statement %1, %2\n").arg(done).arg(at(done));
        if (pending && done < report.statements.size())
            text += QStringLiteral("  first not completed:  statement %1, %2\n").arg(done + 1).arg(at(done + 1));
    } else if (!revision) {
        text += QStringLiteral("  The revision is not in the project any more; its statements cannot be shown.\n");
    } else {
        text += QStringLiteral("  %1 changed since: its first %2 statements are not the ones that ran.\n")
                    .arg(report.file)
                    .arg(done);
    }
    const bool mayHaveRun = interruption.error.isEmpty() && pending;
    if (!interruption.error.isEmpty()) {
        text += QStringLiteral("  Statement %1 failed: %2\n").arg(done + 1).arg(interruption.error);
    } else if (pending) {
        text += QStringLiteral("  The process stopped without finishing (killed, crashed or lost its connection). "
                               "Statement %1 may have completed: the server runs a statement to its end even "
                               "when the client is gone.\n")
                    .arg(done + 1);
    }
    text += QStringLiteral("The version table is at %1; the %2 of %3 is not recorded.\n")
                .arg(heads.isEmpty() ? QStringLiteral("base") : heads.join(QLatin1String(", ")),
                     direction, id);

    const bool canContinue = report.fileMatches && report.statements.size() == count;
    if (canContinue) {
        report.continueFrom << done + 1;
        if (mayHaveRun)
            report.continueFrom << done + 2;
    } else if (report.fileMatches) {
        text += QStringLiteral("The file now has %1 statements where it had %2: --continue is refused.\n")
                    .arg(report.statements.size())
                    .arg(count);
    }
    text += QStringLiteral("Ways on (each takes the migration lock):\n");
    if (canContinue && pending) {
        text += QStringLiteral("  stratum repair --continue            runs %1 and records the %2\n")
                    .arg(statements(done + 1, count), direction);
        if (mayHaveRun && done + 2 <= count)
            text += QStringLiteral("  stratum repair --continue --from %1   the same from statement %1, when %2 did complete\n")
                        .arg(done + 2)
                        .arg(done + 1);
    }
    text += QStringLiteral("  stratum repair --mark-applied        records the %1 of %2, after you completed it by hand\n")
                .arg(direction, id);
    text += QStringLiteral("  stratum repair --mark-undone         forgets the interruption, after you undid %1 by hand")
                .arg(done == 0 ? QStringLiteral("what ran") : statements(1, done));
    report.text = text;
    return report;
}

} // namespace Stratum
