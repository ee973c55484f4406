// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// What the database has done: stratum_history, and the applied revisions changed since.
#include "stratum/commands/autogenerate_p.h"
#include "stratum/commands/commands.h"
#include "stratum/commands/database.h"
#include "stratum/commands/project.h"

#include "stratum/config/url.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/script/revisionscript.h"

#include <QFileInfo>

namespace Stratum::Commands {

namespace {

bool isApplying(const QString &direction)
{
    return direction == QLatin1String("upgrade") || direction == QLatin1String("stamp");
}

QHash<QString, AuditRecord> lastApplied(const QList<AuditRecord> &runs)
{
    QHash<QString, AuditRecord> applied;
    for (const AuditRecord &run : runs) {
        if (isApplying(run.direction))
            applied.insert(run.revision, run);
        else
            applied.remove(run.revision);
    }
    return applied;
}

// Why \a run's revision no longer matches what was applied; empty when it does.
QString changeSince(const AuditRecord &run, const RevisionMap &map)
{
    const Revision *revision = map.revision(run.revision);
    if (!revision)
        return QStringLiteral("%1 was applied but is no longer in the project").arg(run.revision);
    Result<RevisionScript> script = readRevisionScript(revision->path);
    if (!script) {
        QString where = script.error().file;
        if (script.error().line > 0)
            where += QLatin1Char(':') + QString::number(script.error().line);
        return where + QStringLiteral(": ") + script.error().message;
    }
    // A stamp of a revision without an upgrade section recorded no checksum: nothing to compare.
    if (run.checksum.isEmpty() || AuditLog::checksum(script->upgrade.body) == run.checksum)
        return {};
    return QStringLiteral("%1's upgrade section changed after it was applied").arg(QFileInfo(revision->path).fileName());
}

} // namespace

Result<RunsReport> runs(const CommandContext &context)
{
    RunsReport report;
    Result<DatabaseUrl> url = Internal::configuredUrl(context);
    if (!url)
        return url.error();
    // Opening an SQLite file that is not there would create it: looking must not change anything.
    if (url->dialect == QLatin1String("sqlite") && url->database != QLatin1String(":memory:")
        && !url->database.isEmpty() && !QFileInfo::exists(url->database)) {
        report.note = QStringLiteral("the database file does not exist yet");
        return report;
    }
    Result<std::unique_ptr<Connection>> connection = openDatabase(context);
    if (!connection)
        return connection.error();
    Result<QList<AuditRecord>> rows = AuditLog(**connection, context.config.versionTableSchema).records();
    if (!rows)
        return rows.error();
    report.runs = *rows;
    report.lastApplied = lastApplied(report.runs);
    if (report.lastApplied.isEmpty())
        return report;
    // Only now the revision files: a database without runs needs none of them.
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    for (const AuditRecord &run : std::as_const(report.lastApplied)) {
        const QString change = changeSince(run, project->map());
        if (!change.isEmpty())
            report.changedSinceApplied.insert(run.revision, change);
    }
    return report;
}

} // namespace Stratum::Commands
