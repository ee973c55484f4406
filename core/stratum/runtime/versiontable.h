// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "stratum/revision/migrationstep.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class Connection;

/// Alembic's version table: `version_num VARCHAR(32) NOT NULL` with primary key
/// `<table>_pkc`, one row per applied head. Databases migrated by Alembic interoperate.
class VersionTable
{
public:
    static constexpr const char *defaultName = "alembic_version";

    explicit VersionTable(Connection &connection,
                          const QString &table = QString::fromLatin1(defaultName),
                          const QString &schema = {});

    QString table() const { return m_table; }
    QString schema() const { return m_schema; }

    Result<bool> exists();
    /// Creates the table with Alembic's DDL.
    Status create();
    /// Creates the table unless it exists (Alembic `_ensure_version_table`).
    Status ensure();
    /// The applied heads, in the database's row order; empty when the table does not exist.
    Result<QStringList> heads();
    /// Deletes every row (`stamp --purge`).
    Status purge();
    /// Applies the changes in order. An UPDATE or DELETE that does not match exactly one
    /// row fails with Alembic's "Online migration expected to match one row …" message.
    Status apply(const QList<VersionChange> &changes);
    /// The statements that apply \a changes, one each, for a batch of statements
    /// (Connection::executeBatch) that must then pass checkRows().
    QStringList statements(const QList<VersionChange> &changes) const;
    /// Alembic's check of the rows each statement of statements(\a changes) changed.
    Status checkRows(const QList<VersionChange> &changes, const QList<int> &rows) const;

private:
    Connection &m_connection;
    QString m_table;
    QString m_schema;
};

} // namespace Stratum
