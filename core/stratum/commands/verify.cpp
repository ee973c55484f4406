// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `stratum verify`: pytest-alembic's checks, built in (DESIGN.md §9).
#include "stratum/commands/autogenerate_p.h"
#include "stratum/commands/commands.h"
#include "stratum/commands/database.h"
#include "stratum/commands/project.h"

#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/connection.h"
#include "stratum/script/revisionscript.h"

#include <QFileInfo>

#include <algorithm>

namespace Stratum {

int VerifyReport::failed() const
{
    return int(std::count_if(checks.cbegin(), checks.cend(),
                             [](const VerifyCheck &check) { return check.outcome == VerifyCheck::Outcome::Fail; }));
}

namespace Commands {

namespace {

using Outcome = VerifyCheck::Outcome;

struct Checks
{
    const CommandContext &context;
    const std::function<void(const VerifyCheck &)> &checked;
    VerifyReport report;

    void add(Outcome outcome, const QString &check, const QString &detail, const Error *cause = nullptr)
    {
        VerifyCheck done{outcome, check, detail, {}, 0};
        if (cause) {
            done.file = cause->file;
            done.line = cause->line;
        }
        report.checks << done;
        if (checked)
            checked(done);
    }
};

QString where(const Error &error)
{
    QString text = error.file;
    if (error.line > 0)
        text += QLatin1Char(':') + QString::number(error.line);
    return text + QStringLiteral(": ") + error.message;
}

QString described(const QList<Operation> &ops)
{
    QStringList parts;
    for (const Operation &op : ops)
        parts << op.describe();
    return parts.join(QLatin1String("; "));
}

// Up, down, up again for every revision from base to the heads, on one dev database; reports
// the upgrade check, then the up/down check, and returns the upgraded schema (none when it
// stopped).
std::optional<Schema> upAndDown(Checks &checks, const Project &project, const DatabaseUrl &target)
{
    struct Line
    {
        Outcome outcome = Outcome::Skip;
        QString detail;
        std::optional<Error> cause;
        const Error *where() const { return cause ? &*cause : nullptr; }
    } upgrade, down;
    QStringList irreversible;
    QStringList leftovers;
    const auto finish = [&](std::optional<Schema> result) {
        if (down.detail.isEmpty() && !leftovers.isEmpty())
            down = {Outcome::Fail, leftovers.join(QLatin1String("; "))};
        if (down.detail.isEmpty())
            down = {Outcome::Skip, QStringLiteral("the upgrade did not complete")};
        if (!irreversible.isEmpty())
            down.detail += QStringLiteral(" (%1 without a downgrade section: %2)")
                               .arg(irreversible.size())
                               .arg(irreversible.join(QLatin1String(", ")));
        checks.add(upgrade.outcome, QStringLiteral("upgrade base -> heads"), upgrade.detail, upgrade.where());
        checks.add(down.outcome, QStringLiteral("up/down consistency"), down.detail, down.where());
        return result;
    };
    const auto stopped = [&](Outcome outcome, const QString &detail, std::optional<Error> cause = {}) {
        upgrade = {outcome, detail, std::move(cause)};
        return finish(std::nullopt);
    };

    Result<QList<MigrationStep>> steps = project.map().upgradeSteps(QStringLiteral("heads"), {});
    if (!steps)
        return stopped(Outcome::Fail, steps.error().message);
    const Config &config = checks.context.config;
    Result<std::unique_ptr<DevDatabase>> dev = Internal::openDevDatabase(checks.context, target);
    if (!dev)
        return stopped(Outcome::Skip, QStringLiteral("no dev database: ") + dev.error().message);
    const Dialect &dialect = (*dev)->connection().dialect();
    CompareOptions options;
    options.includeSchemas = config.includeSchemas;
    Result<Schema> before = (*dev)->reflect(config.includeSchemas);
    if (!before)
        return stopped(Outcome::Skip, before.error().message);
    int revisions = 0;
    for (const MigrationStep &step : *steps) {
        if (!step.revision)
            continue;
        const QString id = step.revision->id;
        Result<RevisionScript> script = readRevisionScript(step.revision->path);
        if (!script)
            return stopped(Outcome::Fail, where(script.error()), script.error());
        if (script->python)
            return stopped(Outcome::Skip, QStringLiteral("%1 is an Alembic Python revision, which cannot be replayed")
                                              .arg(script->path));
        if (std::optional<Error> failed = Internal::runSection(**dev, script->upgrade, script->path))
            return stopped(Outcome::Fail, where(*failed), failed);
        ++revisions;
        Result<Schema> after = (*dev)->reflect(config.includeSchemas);
        if (!after)
            return stopped(Outcome::Skip, after.error().message);
        if (!script->downgrade.present) {
            irreversible << id;
            before = std::move(after);
            continue;
        }
        if (std::optional<Error> failed = Internal::runSection(**dev, script->downgrade, script->path)) {
            down = {Outcome::Fail, QStringLiteral("the downgrade of %1 fails at %2").arg(id, where(*failed)), failed};
            return stopped(Outcome::Skip, QStringLiteral("stopped at %1").arg(id));
        }
        Result<Schema> undone = (*dev)->reflect(config.includeSchemas);
        if (!undone)
            return stopped(Outcome::Skip, undone.error().message);
        const QList<Operation> left = compareSchemas(*before, *undone, dialect, options);
        if (!left.isEmpty())
            leftovers << QStringLiteral("%1 (%2) does not undo %3").arg(id, QFileInfo(script->path).fileName(), described(left));
        if (std::optional<Error> failed = Internal::runSection(**dev, script->upgrade, script->path)) {
            leftovers << QStringLiteral("upgrading %1 again after its downgrade fails at %2").arg(id, where(*failed));
            return stopped(Outcome::Skip, QStringLiteral("stopped at %1").arg(id));
        }
        before = std::move(after);
    }
    upgrade = {Outcome::Pass, QStringLiteral("%1 revision(s) on %2")
                                  .arg(revisions)
                                  .arg(target.dialect == QLatin1String("sqlite") ? QStringLiteral("in-memory SQLite")
                                                                                : (*dev)->connection().url().masked())};
    if (leftovers.isEmpty())
        down = {Outcome::Pass, QStringLiteral("each downgrade restores the schema before its upgrade")};
    return finish(*before);
}

void compareWithDesired(Checks &checks, const Schema &upgraded, const DatabaseUrl &target)
{
    const QString check = QStringLiteral("upgraded schema = schema files");
    const Config &config = checks.context.config;
    QStringList globs = config.schemaGlobs;
    if (globs.isEmpty())
        globs << QStringLiteral("schema/*.sql");
    Result<QStringList> files = DesiredSchema::files(globs, config.here);
    if (!files) {
        checks.add(Outcome::Skip, check, QStringLiteral("no desired schema (%1)").arg(globs.join(QLatin1Char(' '))));
        return;
    }
    Result<Schema> desired = DesiredSchema::load(*files, target, Internal::normaliseOptions(checks.context));
    if (!desired) {
        checks.add(Outcome::Fail, check, where(desired.error()), &desired.error());
        return;
    }
    const QList<Operation> ops = compareSchemas(upgraded, *desired, *Dialect::find(target.dialect),
                                                Internal::compareOptions(checks.context));
    if (ops.isEmpty())
        checks.add(Outcome::Pass, check, QStringLiteral("autogenerate finds nothing"));
    else
        checks.add(Outcome::Fail, check, QStringLiteral("autogenerate would write %1").arg(described(ops)));
}

void compareChecksums(Checks &checks)
{
    const QString check = QStringLiteral("applied revisions unchanged");
    Result<RunsReport> report = runs(checks.context);
    if (!report) {
        checks.add(Outcome::Skip, check, QStringLiteral("database not reachable: ") + report.error().message);
        return;
    }
    if (report->lastApplied.isEmpty()) {
        checks.add(Outcome::Skip, check,
                      !report->note.isEmpty() ? report->note
                                              : QStringLiteral("no revision applied by Stratum yet (stratum_history is empty or absent)"));
        return;
    }
    QStringList ids = report->changedSinceApplied.keys();
    ids.sort();
    QStringList changed;
    for (const QString &id : std::as_const(ids))
        changed << report->changedSinceApplied.value(id);
    if (changed.isEmpty())
        checks.add(Outcome::Pass, check, QStringLiteral("%1 revision(s) match their checksums").arg(report->lastApplied.size()));
    else
        checks.add(Outcome::Fail, check, changed.join(QLatin1String("; ")));
}

} // namespace

Result<VerifyReport> verifyReport(const CommandContext &context, const std::function<void(const VerifyCheck &)> &checked)
{
    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    Result<DatabaseUrl> target = Internal::configuredUrl(context);
    if (!target)
        return target.error();

    Checks checks{context, checked, {}};
    const QStringList heads = project->map().heads();
    if (heads.size() <= 1)
        checks.add(Outcome::Pass, QStringLiteral("single head"), heads.isEmpty() ? QStringLiteral("no revisions") : heads.first());
    else
        checks.add(Outcome::Fail, QStringLiteral("single head"),
                   QStringLiteral("%1 heads: %2 (join them with `stratum merge heads`)")
                       .arg(heads.size())
                       .arg(heads.join(QLatin1String(", "))));
    if (std::optional<Schema> upgraded = upAndDown(checks, *project, *target))
        compareWithDesired(checks, *upgraded, *target);
    else
        checks.add(Outcome::Skip, QStringLiteral("upgraded schema = schema files"), QStringLiteral("the upgrade did not complete"));
    compareChecksums(checks);
    return checks.report;
}

Status verify(const CommandContext &context)
{
    Result<VerifyReport> report = verifyReport(context, [&context](const VerifyCheck &check) {
        const char *word = check.outcome == Outcome::Pass ? "PASS" : check.outcome == Outcome::Fail ? "FAIL" : "SKIP";
        print(context, QStringLiteral("%1  %2: %3").arg(QLatin1String(word), check.name, check.detail));
    });
    if (!report)
        return report.error();
    return verifyOutcome(context, *report);
}

Status verifyOutcome(const CommandContext &context, const VerifyReport &report)
{
    const int failed = report.failed();
    if (failed == 0) {
        info(context, QStringLiteral("verify: no check failed (%1 run).").arg(report.checks.size()));
        return {};
    }
    Error error = Error::input(QStringLiteral("verify: %1 of %2 checks failed.").arg(failed).arg(report.checks.size()));
    error.code = Error::Found;
    return error;
}

} // namespace Commands
} // namespace Stratum
