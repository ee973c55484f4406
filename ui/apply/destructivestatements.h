#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

/// A statement of a migration script that loses data or objects.
struct DestructiveStatement
{
    int line = 0;          ///< 1-based line in the script
    QString statement;     ///< the statement, whitespace collapsed
    QString reason;        ///< e.g. "drops a table"
};

/// The DROP, TRUNCATE, DELETE-without-WHERE and ALTER … DROP statements of \a sql (an offline
/// script). Statements about \a ignoredTables (the version table) are left out. A script the
/// lexer cannot split is scanned line by line instead, so a warning is never lost.
QList<DestructiveStatement> findDestructiveStatements(const QString &sql,
                                                      const QStringList &ignoredTables = {});

} // namespace Stratum
