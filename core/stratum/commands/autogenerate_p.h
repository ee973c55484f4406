// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: `revision --autogenerate`, called from Commands::revision(), and the history
// replay that `diff` and the dry run share.

#include "stratum/commands/commands.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/script/revisionscript.h"

#include <optional>

class QCryptographicHash;

namespace Stratum {
class Project;
}

namespace Stratum::Commands::Internal {

Result<QString> autogenerateRevision(const CommandContext &context, const RevisionOptions &options);

/// What `check` compares: the ini's compare_type, compare_server_default, exclude_tables,
/// include_schemas, the version table left out, and the context's hooks.
CompareOptions compareOptions(const CommandContext &context);

/// The project's database URL (--url, STRATUM_URL or the ini); none configured is an error.
Result<DatabaseUrl> configuredUrl(const CommandContext &context);

/// A dev database for the project's database \a target: its dev_url and include_schemas.
Result<std::unique_ptr<DevDatabase>> openDevDatabase(const CommandContext &context, const DatabaseUrl &target);

/// How the project normalises DDL: its dev_url, include_schemas, schema cache; INFO lines to
/// the context's output.
NormaliseOptions normaliseOptions(const CommandContext &context);

/// The schema \a revisions produce together (empty: base), replayed on a dev database, or
/// taken from the schema cache when the same statements were replayed before.
Result<Schema> revisionSchema(const CommandContext &context, const DatabaseUrl &target, const QStringList &revisions);

/// Runs \a section's statements (of the file \a path) one by one on \a dev; the first that fails,
/// at its line, or nothing.
std::optional<Error> runSection(DevDatabase &dev, const ScriptSection &section, const QString &path);

/// The upgrade statements of \a revisions and of everything they need (ancestors and
/// dependencies, each once), in run order; their text also goes into \a digest when given.
/// An Alembic `.py` revision among them is an error: its Python cannot be replayed.
Result<QList<SourcedStatement>> historyStatements(const Project &project, const QStringList &revisions,
                                                  QCryptographicHash *digest = nullptr);

} // namespace Stratum::Commands::Internal
