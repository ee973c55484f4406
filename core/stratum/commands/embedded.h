// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "stratum/runtime/migrator.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace Stratum {

/// Migrates an application's own database at start-up (DESIGN.md §9, "Embedding").
///
/// \a scriptLocation is the folder that holds `versions/*.sql`, on disk or in Qt resources
/// (`:/migrations`, laid out as `script_location = migrations` is on disk). \a database must be
/// open; it stays open and owned by the caller. Runs in the calling thread (the thread that
/// opened \a database). Version table, audit log, lock and transactions are those of the
/// `stratum` command line, so the same database can also be migrated with it.
///
/// \code
/// const Stratum::Status status = Stratum::upgrade(db, QStringLiteral(":/migrations"));
/// if (!status)
///     qCritical().noquote() << status.error().toString();
/// \endcode
Status upgrade(const QSqlDatabase &database, const QString &scriptLocation,
               const QString &target = QStringLiteral("heads"),
               const std::function<void(const MigrationProgress &)> &progress = {});

} // namespace Stratum
