// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/auditlog.h"

#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace Stratum {

QString utcColumnText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
}

QDateTime utcFromColumn(const QVariant &value)
{
    QDateTime time;
    if (value.metaType().id() == QMetaType::QString) {
        // SQLite keeps the text we wrote; other engines may answer with a space separator.
        QString text = value.toString();
        text.replace(QLatin1Char(' '), QLatin1Char('T'));
        time = QDateTime::fromString(text, Qt::ISODateWithMs);
    } else {
        time = value.toDateTime();
    }
    // The column holds UTC wall time without a zone; say so instead of converting.
    time.setTimeZone(QTimeZone::utc());
    return time;
}

AuditLog::AuditLog(Connection &connection, const QString &schema)
    : m_connection(connection), m_schema(schema)
{
}

QString AuditLog::checksum(const QString &sectionText)
{
    QString normalised = sectionText;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return QString::fromLatin1(
        QCryptographicHash::hash(normalised.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<bool> AuditLog::exists()
{
    return m_connection.tableExists(QString::fromLatin1(tableName), m_schema);
}

Status AuditLog::ensure()
{
    const Dialect &dialect = m_connection.dialect();
    const QString table = QString::fromLatin1(tableName);
    return m_connection.createTableOnce(
        table, m_schema,
        QLatin1String("CREATE TABLE ") + dialect.qualifiedName(table, m_schema)
            + QLatin1String(" (\n    id ") + dialect.autoIncrementPrimaryKey
            + QLatin1String(",\n    revision VARCHAR(255) NOT NULL"
                            ",\n    direction VARCHAR(16) NOT NULL"
                            ",\n    checksum VARCHAR(64)"
                            ",\n    applied_at ")
            + dialect.timestampType
            + QLatin1String(" NOT NULL"
                            ",\n    duration_ms BIGINT NOT NULL"
                            ",\n    applied_by VARCHAR(255)"
                            ",\n    tool_version VARCHAR(64)\n)"),
        QStringLiteral("the audit table"));
}

QStringList AuditLog::insertSql(const QList<AuditRecord> &records) const
{
    // Rows per INSERT: SQLite before 3.8.8 allowed no more than 500 in a VALUES list.
    constexpr qsizetype rowsPerStatement = 500;
    const Dialect &dialect = m_connection.dialect();
    const QString head = QLatin1String("INSERT INTO ")
                         + dialect.qualifiedName(QString::fromLatin1(tableName), m_schema)
                         + QLatin1String(" (revision, direction, checksum, applied_at, duration_ms, "
                                         "applied_by, tool_version) VALUES ");
    QStringList statements;
    for (qsizetype first = 0; first < records.size(); first += rowsPerStatement) {
        QStringList rows;
        for (const AuditRecord &record : records.mid(first, rowsPerStatement)) {
            const QDateTime at = record.appliedAt.isValid() ? record.appliedAt
                                                            : QDateTime::currentDateTimeUtc();
            rows << dialect.withLiterals(
                QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"),
                {record.revision, record.direction,
                 record.checksum.isEmpty() ? QVariant() : QVariant(record.checksum),
                 utcColumnText(at), record.durationMs, record.appliedBy, record.toolVersion});
        }
        statements << head + rows.join(QLatin1String(", "));
    }
    return statements;
}

Status AuditLog::record(const AuditRecord &record)
{
    // A literal statement is one round trip; a prepared one is three on PostgreSQL's QPSQL
    // (PREPARE, EXECUTE, DEALLOCATE) and two on MariaDB.
    if (auto done = m_connection.execute(insertSql({record}).constFirst()); !done) {
        return Error::database(QStringLiteral("Could not write to %1: %2")
                                   .arg(QString::fromLatin1(tableName), done.error().message));
    }
    return {};
}

Result<QList<AuditRecord>> AuditLog::records()
{
    auto present = exists();
    if (!present)
        return present.error();
    QList<AuditRecord> out;
    if (!*present)
        return out;
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String("SELECT id, revision, direction, checksum, applied_at, "
                                  "duration_ms, applied_by, tool_version FROM ")
                    + m_connection.dialect().qualifiedName(QString::fromLatin1(tableName), m_schema)
                    + QLatin1String(" ORDER BY id"))) {
        return Error::database(Connection::driverMessage(query.lastError().text()));
    }
    while (query.next()) {
        AuditRecord r;
        r.id = query.value(0).toLongLong();
        r.revision = query.value(1).toString();
        r.direction = query.value(2).toString();
        r.checksum = query.value(3).toString();
        r.appliedAt = utcFromColumn(query.value(4));
        r.durationMs = query.value(5).toLongLong();
        r.appliedBy = query.value(6).toString();
        r.toolVersion = query.value(7).toString();
        out.append(r);
    }
    return out;
}

Result<QHash<QString, QString>> AuditLog::lastChecksums()
{
    auto rows = records();
    if (!rows)
        return rows.error();
    QHash<QString, QString> checksums;
    for (const AuditRecord &row : *rows) {
        if (row.direction == QLatin1String("upgrade") || row.direction == QLatin1String("stamp"))
            checksums.insert(row.revision, row.checksum);
    }
    return checksums;
}

} // namespace Stratum
