// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/versiontable.h"

#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"

namespace Stratum {

VersionTable::VersionTable(Connection &connection, const QString &table, const QString &schema)
    : m_connection(connection), m_table(table), m_schema(schema)
{
}

Result<bool> VersionTable::exists()
{
    return m_connection.tableExists(m_table, m_schema);
}

Status VersionTable::create()
{
    auto done = m_connection.execute(m_connection.dialect().versionTableDdl(m_table, m_schema));
    if (!done) {
        return Error::database(QStringLiteral("Could not create the version table %1 on %2: %3")
                                   .arg(m_connection.dialect().qualifiedName(m_table, m_schema),
                                        m_connection.maskedUrl(), done.error().message));
    }
    return {};
}

Status VersionTable::ensure()
{
    return m_connection.createTableOnce(m_table, m_schema,
                                        m_connection.dialect().versionTableDdl(m_table, m_schema),
                                        QStringLiteral("the version table"));
}

Result<QStringList> VersionTable::heads()
{
    auto present = exists();
    if (!present)
        return present.error();
    if (!*present)
        return QStringList();
    auto rows = m_connection.selectColumn(
        QLatin1String("SELECT version_num FROM ")
        + m_connection.dialect().qualifiedName(m_table, m_schema));
    if (!rows) {
        return Error::database(QStringLiteral("Could not read the version table %1 on %2: %3")
                                   .arg(m_connection.dialect().qualifiedName(m_table, m_schema),
                                        m_connection.maskedUrl(), rows.error().message));
    }
    QStringList heads;
    for (const QVariant &row : *rows)
        heads.append(row.toString());
    return heads;
}

Status VersionTable::purge()
{
    return m_connection.execute(QLatin1String("DELETE FROM ")
                                + m_connection.dialect().qualifiedName(m_table, m_schema));
}

Status VersionTable::apply(const QList<VersionChange> &changes)
{
    // One at a time: outside a transaction a change must not run after one that failed.
    for (const VersionChange &change : changes) {
        auto rows = m_connection.executeBatch(statements({change}));
        if (!rows)
            return rows.error();
        if (auto checked = checkRows({change}, *rows); !checked)
            return checked;
    }
    return {};
}

QStringList VersionTable::statements(const QList<VersionChange> &changes) const
{
    const Dialect &dialect = m_connection.dialect();
    QStringList sql;
    for (const VersionChange &change : changes) {
        switch (change.kind) {
        case VersionChange::Insert:
            sql << dialect.versionInsertSql(m_table, m_schema, change.to, true);
            break;
        case VersionChange::Delete:
            sql << dialect.versionDeleteSql(m_table, m_schema, change.from, true);
            break;
        case VersionChange::Update:
            sql << dialect.versionUpdateSql(m_table, m_schema, change.from, change.to, true);
            break;
        }
    }
    return sql;
}

Status VersionTable::checkRows(const QList<VersionChange> &changes, const QList<int> &rows) const
{
    for (qsizetype i = 0; i < changes.size() && i < rows.size(); ++i) {
        const VersionChange &change = changes.at(i);
        if (change.kind == VersionChange::Insert || rows.at(i) == 1)
            continue;
        if (change.kind == VersionChange::Delete) {
            return Error::database(QStringLiteral("Online migration expected to match one row "
                                                  "when deleting '%1' in '%2'; %3 found")
                                       .arg(change.from, m_table)
                                       .arg(rows.at(i)));
        }
        return Error::database(QStringLiteral("Online migration expected to match one row "
                                              "when updating '%1' to '%2' in '%3'; %4 found")
                                   .arg(change.from, change.to, m_table)
                                   .arg(rows.at(i)));
    }
    return {};
}

} // namespace Stratum
