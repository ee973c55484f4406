#pragma once

// Internal: `revision --autogenerate`, called from Commands::revision(), and the history
// replay that `diff` and the dry run share.

#include "commands/commands.h"
#include "schema/devdatabase.h"

class QCryptographicHash;

namespace Stratum {
class Project;
}

namespace Stratum::Commands::Internal {

Result<QString> autogenerateRevision(const CommandContext &context, const RevisionOptions &options);

/// The upgrade statements of \a revisions and of everything they need (ancestors and
/// dependencies, each once), in run order; their text also goes into \a digest when given.
/// An Alembic `.py` revision among them is an error: its Python cannot be replayed.
Result<QList<SourcedStatement>> historyStatements(const Project &project, const QStringList &revisions,
                                                  QCryptographicHash *digest = nullptr);

} // namespace Stratum::Commands::Internal
