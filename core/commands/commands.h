#pragma once

#include "config/config.h"
#include "error.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Stratum {

struct MigrationStep;

/// Where a command's output goes. The CLI writes `print` to stdout and `info` to stderr;
/// the studio shows them in its log.
struct CommandOutput
{
    std::function<void(const QString &)> print;   ///< one line of the command's result
    std::function<void(const QString &)> info;    ///< progress and log lines
    /// Each statement as it runs: (step index, step count, step, statement, file:line).
    std::function<void(int, int, const MigrationStep &, const QString &, const QString &)> statement;
};

/// What every command gets: the configuration, the output sinks and a cancel flag.
struct CommandContext
{
    Config config;
    CommandOutput output;
    const std::atomic_bool *cancel = nullptr;
};

struct RevisionOptions
{
    QString message;
    QString head = QStringLiteral("head");
    bool splice = false;
    QStringList branchLabels;
    QStringList dependsOn;
    QString revId;
    QString versionPath;
    bool sql = false;
};

/// The commands of DESIGN.md §7, one function each, shared by the CLI and the studio
/// (Alembic's command.py). Output goes through the context; errors come back as values.
namespace Commands {

/// Writes a project skeleton from a built-in template (generic, multidb, embedded).
Status init(const QString &directory, const QString &templateName, const CommandOutput &output);
/// Creates a revision file; returns its path.
Result<QString> revision(const CommandContext &context, const RevisionOptions &options);
/// Creates a merge revision of \a revisions; returns its path.
Result<QString> merge(const CommandContext &context, const QStringList &revisions,
                      const QString &message, const QStringList &branchLabels, const QString &revId);
Status upgrade(const CommandContext &context, const QString &revision, bool sql);
Status downgrade(const CommandContext &context, const QString &revision, bool sql);
Status stamp(const CommandContext &context, const QStringList &revisions, bool sql, bool purge);
Status current(const CommandContext &context, bool verbose);
Status history(const CommandContext &context, const QString &range, bool verbose,
               bool indicateCurrent);
Status heads(const CommandContext &context, bool verbose, bool resolveDependencies);
Status branches(const CommandContext &context, bool verbose);
Status show(const CommandContext &context, const QString &revision);
/// Opens the revision file(s) in $VISUAL / $EDITOR.
Status edit(const CommandContext &context, const QString &revision);
Status ensureVersion(const CommandContext &context, bool sql);

} // namespace Commands
} // namespace Stratum
