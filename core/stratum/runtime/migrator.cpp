// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/migrator.h"

#include "stratum/config/config.h"
#include "stratum/dialect/dialect.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/runtime/auditlog.h"
#include "stratum/runtime/connection.h"
#include "stratum/runtime/interruption.h"
#include "stratum/runtime/migrationlock.h"
#include "stratum/runtime/versiontable.h"
#include "stratum/script/revisionscript.h"
#include "stratum/script/sqllexer.h"
#include "stratum/version.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>
#include <utility>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace Stratum {

namespace {

/// A step with everything it needs loaded and checked, so that nothing runs before every
/// step is known to be runnable.
struct PreparedStep
{
    const MigrationStep *step = nullptr;
    QString revisionId;
    QString file;
    bool transactional = true;
    QList<SqlStatement> statements;
    QString checksum;
    /// Stamp steps: (revision, direction, checksum) rows for the audit log.
    QList<AuditRecord> stampRows;
};

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? QStringLiteral("base") : heads.join(QLatin1String(", "));
}

QString directionName(const MigrationStep &step)
{
    return step.isUpgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

Result<RevisionScript> loadScript(const Revision &revision)
{
    if (revision.script.sectionsLoaded)
        return revision.script;
    return readRevisionScript(revision.path.isEmpty() ? revision.script.path : revision.path);
}

Result<QList<PreparedStep>> prepareSteps(const RevisionMap &map, const QList<MigrationStep> &steps,
                                         bool withStampChecksums)
{
    // Alembic's Python revisions cannot run here: name all of them at once, before anything runs.
    QStringList python;
    QString firstPython;
    for (const MigrationStep &step : steps) {
        if (step.isStamp || !step.revision || !step.revision->script.python)
            continue;
        const QString path = step.revision->path.isEmpty() ? step.revision->script.path : step.revision->path;
        python << QStringLiteral("%1 (%2)").arg(step.revision->id, QFileInfo(path).fileName());
        if (firstPython.isEmpty())
            firstPython = path;
    }
    if (!python.isEmpty())
        return Error::input(QStringLiteral("This run needs %1 Alembic Python revision(s), which Stratum reads but "
                                           "cannot render or run: %2.")
                                .arg(python.size())
                                .arg(python.join(QLatin1String(", "))),
                            firstPython, 0, 0,
                            QStringLiteral("Nothing was run. Convert the project with `stratum -c alembic.ini "
                                           "convert-alembic DIR`: it writes each revision as a .sql file with the "
                                           "same id, from Alembic's own offline SQL (see docs/from-alembic.md)."));

    QList<PreparedStep> prepared;
    prepared.reserve(steps.size());
    for (const MigrationStep &step : steps) {
        PreparedStep p;
        p.step = &step;
        if (step.isStamp) {
            if (!withStampChecksums) {
                prepared.append(p);
                continue;
            }
            // A stamp records what the files hold now, so `verify` can tell later edits.
            for (const QString &id : step.toRevisions) {
                AuditRecord row;
                row.revision = id;
                row.direction = QStringLiteral("stamp");
                if (const Revision *revision = map.revision(id)) {
                    auto script = loadScript(*revision);
                    if (script && script->upgrade.present)
                        row.checksum = AuditLog::checksum(script->upgrade.body);
                }
                p.stampRows.append(row);
            }
            if (step.toRevisions.isEmpty()) {
                for (const QString &id : step.fromRevisions) {
                    AuditRecord row;
                    row.revision = id;
                    row.direction = QStringLiteral("unstamp");
                    p.stampRows.append(row);
                }
            }
            prepared.append(p);
            continue;
        }

        if (!step.revision)
            return Error::input(QStringLiteral("A %1 step names no revision.").arg(directionName(step)));
        const Revision &revision = *step.revision;
        p.revisionId = revision.id;
        auto script = loadScript(revision);
        if (!script)
            return script.error();
        p.file = script->path.isEmpty() ? revision.path : script->path;
        if (script->python) {
            return Error::input(
                QStringLiteral("Revision %1 is an Alembic Python file; Stratum reads it but cannot "
                               "run it.")
                    .arg(revision.id),
                p.file, 0, 0, QStringLiteral("Nothing was run."));
        }
        const ScriptSection &section = step.isUpgrade ? script->upgrade : script->downgrade;
        if (!section.present && !step.isUpgrade) {
            return Error::input(
                QStringLiteral("Revision %1 has no downgrade section: it cannot be downgraded.")
                    .arg(revision.id),
                p.file, 0, 0,
                QStringLiteral("Nothing was run. Add a \"-- migrate:downgrade\" section, or move "
                               "the version table past it with \"stratum stamp\"."));
        }
        // A missing upgrade section is an empty upgrade (a merge revision written by hand).
        p.transactional = !section.present || section.transactional;
        p.checksum = AuditLog::checksum(section.body);
        auto statements = sectionStatements(section, p.file);
        if (!statements)
            return statements.error();
        p.statements = *statements;
        prepared.append(p);
    }
    return prepared;
}

// The server's position inside \a statement (Connection::execute) as file line and column.
void placeInFile(const Error &server, const SqlStatement &statement, Error &error)
{
    if (server.line <= 0)
        return;
    error.line = statement.line + server.line - 1;
    if (server.column <= 0)
        error.column = server.line == 1 ? statement.column : 0;
    else
        error.column = server.line == 1 ? statement.column + server.column - 1 : server.column;
}

QString abbreviated(const QString &statement)
{
    QString text = statement.simplified();
    if (text.size() > 200)
        text = text.left(197) + QLatin1String("...");
    return text;
}

/// The state of one online run; a failure anywhere turns into an Error that says what
/// happened to the database.
class Run
{
public:
    Run(Connection &connection, const RevisionMap &map, const MigratorOptions &options)
        : m_connection(connection), m_dialect(connection.dialect()), m_map(map),
          m_options(options),
          m_versions(connection, options.versionTable, options.versionTableSchema),
          m_audit(connection, options.versionTableSchema),
          m_progress(connection, options.versionTableSchema),
          m_lock(connection, options.versionTable, options.versionTableSchema,
                 options.lockTimeoutSeconds)
    {
        m_appliedBy = options.appliedBy.isEmpty() ? currentOsUser() : options.appliedBy;
        m_lock.breakOrphaned(options.breakLock, options.log);
        m_toolVersion = options.toolVersion.isEmpty() ? QStringLiteral(STRATUM_VERSION)
                                                      : options.toolVersion;
    }

    Result<MigrationRun> execute(const MigrationPlanner &planner)
    {
        return locked([&] { return executeLocked(planner); });
    }

    Result<MigrationRun> repair(const RepairRequest &request)
    {
        return locked([&] { return repairLocked(request); });
    }

private:
    template<typename Body>
    Result<MigrationRun> locked(const Body &body)
    {
        if (auto off = suspendForeignKeys(); !off)
            return off.error();
        m_connection.collectNotices(true);
        auto result = [&]() -> Result<MigrationRun> {
            if (auto locked = m_lock.acquire(); !locked)
                return locked.error();
            if (auto bounded = boundLockWaits(); !bounded) {
                m_lock.release();
                return bounded.error();
            }
            auto run = body();
            if (m_inTransaction)
                rollback();
            restoreLockWaits();
            auto released = m_lock.release();
            if (run && !released)
                return released.error();
            return run;
        }();
        restoreForeignKeys();
        m_connection.collectNotices(false);
        return result;
    }

    bool transactional() const { return m_dialect.transactionalDdl; }

    // lock_timeout also bounds how long the revisions' own statements wait for a table lock
    // (an application transaction that has read the table), not only the migration lock:
    // PostgreSQL lock_timeout, MariaDB lock_wait_timeout and innodb_lock_wait_timeout. SQLite
    // waits the busy timeout the migration lock set. The session's values come back after.
    Status boundLockWaits()
    {
        const qint64 seconds = qBound(1, m_options.lockTimeoutSeconds, Config::maximumLockTimeout);
        QString read;
        QString set;
        if (m_dialect.name == QLatin1String("postgresql")) {
            read = QStringLiteral("SELECT pg_backend_pid() || ' ' || current_setting('lock_timeout')");
            set = QStringLiteral("SET lock_timeout = %1").arg(seconds * 1000);
        } else if (m_dialect.name == QLatin1String("mysql")) {
            read = QStringLiteral("SELECT CONCAT(CONNECTION_ID(), ' ', @@SESSION.lock_wait_timeout, ' ', "
                                  "@@SESSION.innodb_lock_wait_timeout)");
            set = QStringLiteral("SET SESSION lock_wait_timeout = %1, innodb_lock_wait_timeout = %1").arg(seconds);
        } else {
            return {};
        }
        auto before = m_connection.selectValue(read);
        if (!before)
            return before.error();
        const QStringList parts = before->toString().split(QLatin1Char(' '));
        m_sessionId = parts.value(0);
        if (m_dialect.name == QLatin1String("postgresql"))
            m_restoreLockWaits = QStringLiteral("SET lock_timeout = %1").arg(m_dialect.quoteString(parts.value(1)));
        else
            m_restoreLockWaits = QStringLiteral("SET SESSION lock_wait_timeout = %1, innodb_lock_wait_timeout = %2")
                                     .arg(parts.value(1), parts.value(2));
        return m_connection.execute(set);
    }

    void restoreLockWaits()
    {
        if (!m_restoreLockWaits.isEmpty())
            m_connection.execute(m_restoreLockWaits);
        m_restoreLockWaits.clear();
    }

    // After a statement gave up waiting for a lock: the other sessions that hold locks on
    // the tables it names (PostgreSQL), or that have a transaction open (MariaDB), asked on a
    // connection of their own (the migration's transaction is aborted).
    QString blockers(const SqlStatement &statement)
    {
        auto watcher = Connection::open(m_connection.url());
        if (!watcher)
            return {};
        QString sql;
        if (m_dialect.name == QLatin1String("postgresql")) {
            QStringList names;
            static const QRegularExpression word(QStringLiteral("[A-Za-z_][A-Za-z0-9_$]*"));
            for (auto it = word.globalMatch(statement.text); it.hasNext();)
                names << m_dialect.quoteString(it.next().captured(0).toLower());
            names.removeDuplicates();
            if (names.isEmpty())
                return {};
            sql = QStringLiteral("SELECT string_agg(DISTINCT %1, '; ') FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                 "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.granted AND c.relname IN (%2) "
                                 "AND a.pid <> %3 AND a.pid <> pg_backend_pid()")
                      .arg(MigrationLock::postgresSession(), names.join(QLatin1String(", ")), m_sessionId.toInt() > 0 ? m_sessionId : QStringLiteral("0"));
        } else if (m_dialect.name == QLatin1String("mysql")) {
            sql = QStringLiteral("SELECT GROUP_CONCAT(%1 SEPARATOR '; ') FROM information_schema.INNODB_TRX t "
                                 "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
                                 "WHERE p.ID <> %2 AND p.ID <> CONNECTION_ID()")
                      .arg(MigrationLock::mariadbSession(), m_sessionId.toInt() > 0 ? m_sessionId : QStringLiteral("0"));
        } else {
            return {};
        }
        auto found = (*watcher)->selectValue(sql);
        return found ? found->toString() : QString();
    }

    static bool isLockTimeout(const Error &error)
    {
        const QString &m = error.message;
        return m.contains(QLatin1String("lock timeout"), Qt::CaseInsensitive)
               || m.contains(QLatin1String("Lock wait timeout exceeded"), Qt::CaseInsensitive);
    }

    // SQLite with `PRAGMA foreign_keys = ON` (what applications usually set on the connection
    // they hand to Stratum::upgrade()): DROP TABLE in a table rebuild would delete the rows
    // of other tables through their ON DELETE actions. Enforcement is off while Stratum
    // migrates (the pragma is a no-op inside a transaction, so it is switched before each
    // BEGIN) and every commit is preceded by a foreign key check instead; the pragma is
    // restored at the end (docs/decisions.md).
    Status suspendForeignKeys()
    {
        if (m_dialect.name != QLatin1String("sqlite"))
            return {};
        auto on = m_connection.selectValue(QStringLiteral("PRAGMA foreign_keys"));
        if (!on)
            return on.error();
        if (on->toInt() == 0)
            return {};
        if (auto off = m_connection.execute(QStringLiteral("PRAGMA foreign_keys = OFF")); !off)
            return off;
        auto still = m_connection.selectValue(QStringLiteral("PRAGMA foreign_keys"));
        if (!still)
            return still.error();
        if (still->toInt() != 0) {
            Error error = Error::input(
                QStringLiteral("Cannot migrate %1: the connection enforces foreign keys (PRAGMA "
                               "foreign_keys = ON) inside an open transaction, where SQLite cannot "
                               "switch that off.")
                    .arg(m_connection.maskedUrl()));
            error.hint = QStringLiteral(
                "Nothing was run. A table rebuild with foreign keys enforced would delete the rows "
                "that refer to the rebuilt table (ON DELETE CASCADE). Commit or roll back the open "
                "transaction first; Stratum turns enforcement off while it migrates, checks every "
                "foreign key before it commits, and turns it back on.");
            return error;
        }
        m_foreignKeysSuspended = true;
        return {};
    }

    void restoreForeignKeys()
    {
        if (m_foreignKeysSuspended && !m_inTransaction)
            m_connection.execute(QStringLiteral("PRAGMA foreign_keys = ON"));
    }

    Status begin()
    {
        // A transaction:false section may have switched enforcement on again (PRAGMA
        // foreign_keys = ON in a revision): off again before the next transaction.
        if (m_foreignKeysSuspended || m_commits > 0) {
            if (auto off = suspendForeignKeys(); !off)
                return off;
        }
        if (auto begun = m_lock.beginTransaction(); !begun)
            return begun;
        m_inTransaction = true;
        return {};
    }

    Status commit()
    {
        if (m_heads && m_pendingSteps > 0) {
            if (auto written = writeBookkeeping(); !written)
                return written;
        }
        if (m_foreignKeysSuspended) {
            // What enforcement would have refused fails the run here, and rolls it back.
            if (auto checked = m_connection.execute(QStringLiteral("PRAGMA foreign_key_check")); !checked)
                return Error::database(QStringLiteral("Could not commit on %1: %2")
                                           .arg(m_connection.maskedUrl(), checked.error().message));
        }
        m_inTransaction = false;
        if (auto done = m_connection.execute(QStringLiteral("COMMIT")); !done) {
            m_connection.execute(QStringLiteral("ROLLBACK"));
            return Error::database(QStringLiteral("Could not commit on %1: %2")
                                       .arg(m_connection.maskedUrl(), done.error().message));
        }
        m_committedHeads = m_heads ? m_heads->heads() : m_committedHeads;
        ++m_commits;
        return {};
    }

    bool rollback()
    {
        m_inTransaction = false;
        m_pendingChanges.clear();
        m_pendingProgress.clear();
        m_pendingAudit.clear();
        m_pendingFirst.clear();
        m_beginInBatch = false;
        m_pendingSteps = 0;
        m_writtenHeads = m_committedHeads;
        return m_connection.execute(QStringLiteral("ROLLBACK")).ok();
    }

    // SQLite only: a new BEGIN IMMEDIATE during the run re-takes the lock; in between another
    // process may have migrated, so the version table must still be where this run left it.
    Status beginAgainAndCheck()
    {
        if (auto begun = begin(); !begun)
            return begun;
        if (m_dialect.lockKind != Dialect::LockKind::BeginImmediate)
            return {};
        auto found = m_versions.heads();
        if (!found)
            return found.error();
        const QStringList expected = m_heads->heads();
        if (QSet<QString>(found->begin(), found->end())
            != QSet<QString>(expected.begin(), expected.end())) {
            Error error = Error::database(
                QStringLiteral("The version table of %1 changed while this run was between "
                               "transactions (expected %2, found %3); another process migrated "
                               "this database.")
                    .arg(m_connection.maskedUrl(), headsText(expected), headsText(*found)));
            error.hint = QStringLiteral("This run stopped; what it committed stays applied. Run "
                                        "\"stratum current\" and start again.");
            return error;
        }
        return {};
    }

    void report(MigrationProgress::Event event, int index, const PreparedStep &p,
                const SqlStatement *statement = nullptr)
    {
        if (!m_options.progress)
            return;
        MigrationProgress progress;
        progress.event = event;
        progress.stepIndex = index;
        progress.stepCount = int(m_prepared.size());
        progress.step = p.step;
        progress.file = p.file;
        if (statement) {
            progress.statement = statement->text;
            progress.line = statement->line;
        }
        m_options.progress(progress);
    }

    // Says what a failure left behind; called with the database state already settled.
    QString stateAfterFailure(bool rolledBack, bool outsideTransaction,
                              const PreparedStep *p) const
    {
        if (!transactional()) {
            QString text = m_dialect.name == QLatin1String("mysql")
                               ? QStringLiteral("MySQL commits DDL implicitly: ")
                               : QStringLiteral("This database commits DDL implicitly: ");
            if (p && !p->revisionId.isEmpty())
                text += QStringLiteral("statements of %1 before this one stay applied; ").arg(p->revisionId);
            return text + QStringLiteral("the version table stays at the last completed revision: %1.")
                              .arg(headsText(m_committedHeads));
        }
        if (outsideTransaction) {
            return QStringLiteral("This section runs outside a transaction (transaction:false): its "
                                  "statements before this one stay applied; the version table is "
                                  "at %1.")
                .arg(headsText(m_committedHeads));
        }
        if (!rolledBack) {
            return QStringLiteral("The rollback failed too; check the database. The version table "
                                  "was last committed at %1.")
                .arg(headsText(m_committedHeads));
        }
        if (m_commits == 0) {
            return QStringLiteral("The transaction was rolled back: the schema and the version "
                                  "table are as they were before the run.");
        }
        return QStringLiteral("The transaction was rolled back to the last commit: the version "
                              "table is at %1.")
            .arg(headsText(m_committedHeads));
    }

    Error fail(Error error, const PreparedStep *p)
    {
        const bool rolledBack = m_inTransaction ? rollback() : true;
        const QString state = stateAfterFailure(rolledBack, m_outsideTransaction, p);
        error.hint = error.hint.isEmpty() ? state : error.hint + QLatin1Char('\n') + state;
        return error;
    }

    // For errors before anything ran: undo the transaction, say nothing about the database.
    Error abort(const Error &error)
    {
        if (m_inTransaction)
            rollback();
        return error;
    }

    Result<MigrationRun> executeLocked(const MigrationPlanner &planner)
    {
        MigrationRun run;
        if (transactional()) {
            if (auto begun = begin(); !begun)
                return begun.error();
        }

        if (!m_options.purge) {
            auto heads = m_versions.heads();
            if (!heads)
                return abort(heads.error());
            run.headsBefore = *heads;
        } else {
            auto heads = m_versions.heads();
            if (heads)
                run.headsBefore = *heads;
        }
        m_committedHeads = run.headsBefore;
        m_writtenHeads = run.headsBefore;

        // A revision left half-done on a database without transactional DDL blocks every run
        // until it is repaired; `stamp --purge` resets the bookkeeping instead.
        auto interrupted = m_progress.rows();
        if (!interrupted)
            return abort(interrupted.error());
        if (!interrupted->isEmpty() && !m_options.purge)
            return abort(interruptedError(interrupted->first(), run.headsBefore));

        const QStringList planningHeads = m_options.purge ? QStringList() : run.headsBefore;
        auto planned = planner(planningHeads);
        if (!planned)
            return abort(planned.error());
        // m_prepared points into m_steps, which stays untouched until the run ends.
        m_steps = *planned;
        run.steps = m_steps;

        auto prepared = prepareSteps(m_map, m_steps, true);
        if (!prepared)
            return abort(prepared.error());
        m_prepared = *prepared;

        // Alembic creates the version table whenever no head is recorded, even for an empty plan.
        if (m_options.purge || planningHeads.isEmpty()) {
            if (auto ensured = m_versions.ensure(); !ensured)
                return fail(ensured.error(), nullptr);
        }
        if (m_options.purge) {
            if (auto purged = m_versions.purge(); !purged)
                return fail(purged.error(), nullptr);
            for (const Interruption &row : *interrupted) {
                if (auto cleared = m_progress.finish(row.revision); !cleared)
                    return fail(cleared.error(), nullptr);
            }
            m_committedHeads.clear();
            m_writtenHeads.clear();
        }
        if (!m_prepared.isEmpty()) {
            if (auto ensured = m_audit.ensure(); !ensured)
                return fail(ensured.error(), nullptr);
        }
        if (std::any_of(m_prepared.cbegin(), m_prepared.cend(),
                        [this](const PreparedStep &p) { return tracked(p); })) {
            if (auto ensured = m_progress.ensure(); !ensured)
                return fail(ensured.error(), nullptr);
        }

        m_heads.emplace(m_map, planningHeads);
        for (int i = 0; i < m_prepared.size(); ++i) {
            if (m_options.cancel && m_options.cancel->load()) {
                run.cancelled = true;
                break;
            }
            if (auto done = runStep(i); !done)
                return done.error();
            ++run.completedSteps;
        }
        if (m_inTransaction) {
            if (auto done = commit(); !done)
                return fail(done.error(), nullptr);
        }
        run.headsAfter = m_heads->heads();
        return run;
    }

    Result<MigrationRun> repairLocked(const RepairRequest &request)
    {
        MigrationRun run;
        if (transactional()) {
            if (auto begun = begin(); !begun)
                return begun.error();
        }
        auto heads = m_versions.heads();
        if (!heads)
            return abort(heads.error());
        run.headsBefore = *heads;
        run.headsAfter = *heads;
        m_committedHeads = *heads;
        m_writtenHeads = *heads;
        auto rows = m_progress.rows();
        if (!rows)
            return abort(rows.error());
        QList<Interruption> matching;
        for (const Interruption &row : *rows) {
            if (request.revision.isEmpty() || row.revision.startsWith(request.revision))
                matching.append(row);
        }
        if (matching.isEmpty()) {
            if (m_inTransaction)
                rollback();
            return run;   // nothing interrupted: nothing to do
        }
        if (matching.size() > 1) {
            QStringList ids;
            for (const Interruption &row : matching)
                ids << row.revision;
            return abort(Error::input(QStringLiteral("Several revisions were interrupted (%1): name one.")
                                          .arg(ids.join(QLatin1String(", ")))));
        }
        const Interruption row = matching.first();
        if (request.action == RepairRequest::Action::MarkUndone) {
            if (auto forgotten = m_progress.finish(row.revision); !forgotten)
                return fail(forgotten.error(), nullptr);
            if (m_inTransaction) {
                if (auto done = commit(); !done)
                    return fail(done.error(), nullptr);
            }
            return run;
        }

        const Revision *revision = m_map.revision(row.revision);
        if (!revision) {
            return abort(Error::input(QStringLiteral("Revision %1 was interrupted but is not in the project "
                                                     "any more; only --mark-undone can forget it.")
                                          .arg(row.revision)));
        }
        MigrationStep step;
        step.isUpgrade = row.isUpgrade();
        step.revision = revision;
        step.fromRevisions = step.isUpgrade ? revision->downRevisions : QStringList{revision->id};
        step.toRevisions = step.isUpgrade ? QStringList{revision->id} : revision->downRevisions;
        m_steps = {step};
        run.steps = m_steps;
        auto prepared = prepareSteps(m_map, m_steps, true);
        if (!prepared)
            return abort(prepared.error());
        m_prepared = *prepared;
        m_heads.emplace(m_map, *heads);

        if (request.action == RepairRequest::Action::Continue) {
            const InterruptionReport report = describeInterruption(row, m_map, *heads);
            const int from = request.from > 0 ? request.from : row.statementsDone + 1;
            if (!report.continueFrom.contains(from)) {
                Error error = Error::input(
                    report.continueFrom.isEmpty()
                        ? QStringLiteral("Cannot continue revision %1: its file no longer starts with the "
                                         "statements that ran.").arg(row.revision)
                        : QStringLiteral("Cannot continue revision %1 from statement %2: %3 of its "
                                         "statements completed, so it goes on from statement %4.")
                              .arg(row.revision)
                              .arg(from)
                              .arg(row.statementsDone)
                              .arg(report.continueFrom.first()),
                    report.file);
                error.hint = QStringLiteral("Nothing was run.\n") + report.text;
                return abort(error);
            }
            if (auto done = runStep(0, from - 1); !done)
                return done.error();
        } else {
            // Marked applied by hand: the version table moves, the audit log says it was
            // stamped, nothing runs.
            auto changes = m_heads->updateToStep(step);
            if (!changes)
                return abort(changes.error());
            if (!m_inTransaction) {
                if (auto begun = begin(); !begun)
                    return begun.error();
            }
            if (auto applied = m_versions.apply(*changes); !applied)
                return fail(applied.error(), nullptr);
            m_writtenHeads = m_heads->heads();
            AuditRecord audit;
            audit.revision = row.revision;
            audit.direction = step.isUpgrade ? QStringLiteral("stamp") : QStringLiteral("unstamp");
            audit.checksum = step.isUpgrade ? m_prepared.first().checksum : QString();
            audit.appliedAt = QDateTime::currentDateTimeUtc();
            audit.appliedBy = m_appliedBy;
            audit.toolVersion = m_toolVersion;
            if (auto written = m_audit.record(audit); !written)
                return fail(written.error(), nullptr);
            if (auto finished = m_progress.finish(row.revision); !finished)
                return fail(finished.error(), nullptr);
        }
        if (m_inTransaction) {
            if (auto done = commit(); !done)
                return fail(done.error(), nullptr);
        }
        run.completedSteps = 1;
        run.headsAfter = m_heads->heads();
        return run;
    }

    // The server's warnings and notices of a statement, once each, at the statement's line.
    void reportNotices(const PreparedStep &p, const SqlStatement &statement)
    {
        const QStringList notices = m_connection.takeNotices();
        if (!m_options.log)
            return;
        for (const QString &notice : notices)
            m_options.log(QStringLiteral("%1:%2: %3").arg(p.file).arg(statement.line).arg(notice));
    }

    // Statements that run without a transaction are recorded one by one in stratum_progress,
    // so that a run that stops half-way can say what ran and go on from there.
    bool tracked(const PreparedStep &p) const
    {
        return !p.step->isStamp && !p.statements.isEmpty()
               && (!transactional() || !p.transactional);
    }

    Error interruptedError(const Interruption &row, const QStringList &heads) const
    {
        const InterruptionReport report = describeInterruption(row, m_map, heads);
        Error error = Error::database(QStringLiteral("Cannot run: ") + report.text);
        error.hint = QStringLiteral("Nothing was run. \"stratum repair\" shows this again.");
        return error;
    }

    // The end of the progress row (\a track), the version table and the audit rows of a step
    // that ran. Inside the transaction of a database with transactional DDL they wait for the
    // commit (writeBookkeeping()): nobody else sees the version table before it, a failure
    // rolls everything back alike, and a run of many revisions then writes them with a few
    // statements instead of two per revision. Elsewhere they are written now.
    Status record(const PreparedStep &p, bool track, qint64 elapsed)
    {
        const MigrationStep &step = *p.step;
        auto changes = m_heads->updateToStep(step);
        if (!changes)
            return changes.error();
        m_pendingChanges << *changes;
        ++m_pendingSteps;
        if (track)
            m_pendingProgress << m_progress.finishSql(p.revisionId);
        QList<AuditRecord> rows = p.stampRows;
        if (!step.isStamp) {
            AuditRecord row;
            row.revision = p.revisionId;
            row.direction = directionName(step);
            row.checksum = p.checksum;
            rows.append(row);
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (AuditRecord &row : rows) {
            row.appliedAt = now;
            row.durationMs = step.isStamp ? 0 : elapsed;
            row.appliedBy = m_appliedBy;
            row.toolVersion = m_toolVersion;
            m_pendingAudit << row;
        }
        if (transactional() && m_inTransaction)
            return {};
        return writeBookkeeping();
    }

    // The version table from the heads it holds to those of the run so far: one UPDATE per
    // head replaced, then DELETEs and INSERTs; each UPDATE and DELETE must match one row.
    static QList<VersionChange> netChanges(const QStringList &from, const QStringList &to)
    {
        QStringList gone;
        QStringList added;
        for (const QString &head : from)
            if (!to.contains(head))
                gone << head;
        for (const QString &head : to)
            if (!from.contains(head))
                added << head;
        QList<VersionChange> changes;
        while (!gone.isEmpty() && !added.isEmpty())
            changes.append({VersionChange::Update, gone.takeFirst(), added.takeFirst()});
        for (const QString &head : std::as_const(gone))
            changes.append({VersionChange::Delete, head, {}});
        for (const QString &head : std::as_const(added))
            changes.append({VersionChange::Insert, {}, head});
        return changes;
    }

    // Writes what record() keeps: in a transaction in one round trip (the version table's
    // row counts are checked before the commit), outside one statement after statement,
    // stopping at the first that fails.
    Status writeBookkeeping()
    {
        const QList<VersionChange> changes =
            m_pendingSteps == 1 ? m_pendingChanges : netChanges(m_writtenHeads, m_heads->heads());
        QStringList progress = std::exchange(m_pendingProgress, {});
        const QStringList first = std::exchange(m_pendingFirst, {});
        const QList<AuditRecord> audit = std::exchange(m_pendingAudit, {});
        m_pendingChanges.clear();
        m_pendingSteps = 0;
        m_writtenHeads = m_heads->heads();
        if (!m_inTransaction) {
            for (const QString &finish : first + progress) {
                if (auto done = m_connection.execute(finish); !done)
                    return done;
            }
            if (auto applied = m_versions.apply(changes); !applied)
                return applied;
            for (const AuditRecord &row : audit) {
                if (auto written = m_audit.record(row); !written)
                    return written;
            }
            return {};
        }
        if (std::exchange(m_beginInBatch, false))
            progress.prepend(m_dialect.beginTransaction);
        progress = first + progress;
        const QStringList versions = m_versions.statements(changes);
        const QStringList batch = progress + versions + m_audit.insertSql(audit);
        if (batch.isEmpty())
            return {};
        auto done = m_connection.executeBatch(batch);
        if (!done)
            return done.error();
        return m_versions.checkRows(changes, done->mid(progress.size(), versions.size()));
    }

    // \a first > 0: the step continues an interrupted run from that statement (0-based).
    Status runStep(int index, int first = 0)
    {
        const PreparedStep &p = m_prepared.at(index);
        const MigrationStep &step = *p.step;
        if (transactional() && !m_inTransaction) {
            if (auto begun = beginAgainAndCheck(); !begun)
                return fail(begun.error(), &p);
        }
        report(MigrationProgress::Event::RevisionStarted, index, p);
        QElapsedTimer timer;
        timer.start();

        const bool outside = transactional() && !p.transactional && !p.statements.isEmpty();
        if (outside) {
            if (auto done = commit(); !done)
                return fail(done.error(), &p);
            m_outsideTransaction = true;
        }
        const bool track = tracked(p);
        if (track && first == 0) {
            Interruption row;
            row.revision = p.revisionId;
            row.direction = directionName(step);
            row.checksum = p.checksum;
            row.doneChecksum = statementsChecksum(p.statements, 0);
            row.statementCount = int(p.statements.size());
            row.startedBy = m_appliedBy;
            if (auto started = m_progress.start(row); !started)
                return fail(started.error(), &p);
        }
        for (int i = first; i < p.statements.size(); ++i) {
            const SqlStatement &statement = p.statements.at(i);
            report(MigrationProgress::Event::Statement, index, p, &statement);
            m_connection.discardNotices();
            auto done = m_connection.execute(statement.text);
            if (done)
                reportNotices(p, statement);
            if (done && track) {
                const QString advance = m_progress.advanceSql(p.revisionId, i + 1,
                                                              statementsChecksum(p.statements, i + 1));
                // After the last statement the bookkeeping follows at once: the advance goes
                // first in its round trip, committed before its transaction begins.
                if (i + 1 == p.statements.size() && !transactional())
                    m_pendingFirst << advance;
                else if (auto advanced = m_progress.write({advance}); !advanced)
                    return fail(advanced.error(), &p);
            }
            if (!done) {
                // A first statement that failed changed nothing: the revision did not start.
                const bool nothingRan = i == 0;
                if (track && nothingRan)
                    m_progress.finish(p.revisionId);
                else if (track)
                    m_progress.failed(p.revisionId, done.error().message);
                Error error = Error::database(QStringLiteral("%1 of revision %2 failed: %3")
                                                  .arg(step.isUpgrade ? QStringLiteral("Upgrade")
                                                                      : QStringLiteral("Downgrade"),
                                                       p.revisionId, done.error().message),
                                              p.file, statement.line);
                error.column = statement.column;
                placeInFile(done.error(), statement, error);
                error.hint = QStringLiteral("Statement: ") + abbreviated(statement.text);
                if (isLockTimeout(done.error())) {
                    const QString who = blockers(statement);
                    error.message += QStringLiteral(" It waited %1 s (lock_timeout) for a lock%2.")
                                         .arg(m_options.lockTimeoutSeconds)
                                         .arg(who.isEmpty() ? QString() : QStringLiteral(" held by ") + who);
                    error.hint = QStringLiteral("End the session that holds the lock (or wait for it), then run "
                                                "again. Statement: ") + abbreviated(statement.text);
                }
                if (track && !nothingRan)
                    error.hint += QStringLiteral("\nThe run is recorded as interrupted: \"stratum repair\" "
                                                 "says what ran and the ways on.");
                return fail(error, &p);
            }
        }
        const qint64 elapsed = timer.elapsed();
        if (outside) {
            m_outsideTransaction = false;
            if (auto begun = beginAgainAndCheck(); !begun)
                return fail(begun.error(), &p);
        }
        // Without transactional DDL the version table, the audit row and the end of the
        // progress row still change together: they are rows of transactional tables.
        if (track && !transactional()) {
            // BEGIN goes with the bookkeeping (writeBookkeeping()).
            m_inTransaction = true;
            m_beginInBatch = true;
        }
        if (auto recorded = record(p, track, elapsed); !recorded)
            return fail(recorded.error(), &p);

        if (!transactional()) {
            if (m_inTransaction) {
                if (auto done = commit(); !done)
                    return fail(done.error(), &p);
            }
            m_committedHeads = m_heads->heads();
        } else if (m_options.transactionPerMigration) {
            if (auto done = commit(); !done)
                return fail(done.error(), &p);
        }
        report(MigrationProgress::Event::RevisionFinished, index, p);
        return {};
    }

    Connection &m_connection;
    const Dialect &m_dialect;
    const RevisionMap &m_map;
    const MigratorOptions &m_options;
    VersionTable m_versions;
    AuditLog m_audit;
    ProgressTable m_progress;
    MigrationLock m_lock;
    QString m_appliedBy;
    QString m_toolVersion;

    QList<PreparedStep> m_prepared;
    std::optional<HeadMaintainer> m_heads;
    QStringList m_committedHeads;
    QStringList m_writtenHeads;           // what the version table holds in the open transaction
    // Bookkeeping of the steps since writeBookkeeping() last ran (see record()).
    QList<VersionChange> m_pendingChanges;
    QStringList m_pendingProgress;
    QList<AuditRecord> m_pendingAudit;
    int m_pendingSteps = 0;
    // MariaDB: the last statement's progress, written before the bookkeeping's transaction,
    // and the BEGIN of that transaction, both sent with the bookkeeping.
    QStringList m_pendingFirst;
    bool m_beginInBatch = false;
    QList<MigrationStep> m_steps;
    bool m_inTransaction = false;
    bool m_outsideTransaction = false;   // running a transaction:false section
    bool m_foreignKeysSuspended = false;  // SQLite: PRAGMA foreign_keys switched off by this run
    QString m_sessionId;                  // PostgreSQL pid / MariaDB connection id of the run
    QString m_restoreLockWaits;           // puts the session's lock waits back
    int m_commits = 0;
};

// The terminator goes on its own line when the statement ends in a line comment.
QString terminated(const QString &statement, const Dialect &dialect)
{
    const qsizetype lastLine = statement.lastIndexOf(QLatin1Char('\n')) + 1;
    if (statement.indexOf(QLatin1String("--"), lastLine) >= 0)
        return statement + QLatin1Char('\n') + dialect.commandTerminator;
    return statement + dialect.commandTerminator;
}

} // namespace

QString MigrationProgress::location() const
{
    if (line > 0)
        return file + QLatin1Char(':') + QString::number(line);
    return file;
}

MigratorOptions MigratorOptions::fromConfig(const Config &config)
{
    MigratorOptions options;
    options.versionTable = config.versionTable;
    options.versionTableSchema = config.versionTableSchema;
    options.transactionPerMigration = config.transactionPerMigration;
    options.lockTimeoutSeconds = config.lockTimeout;
    return options;
}

Migrator::Migrator(Connection &connection, const RevisionMap &map, const MigratorOptions &options)
    : m_connection(connection), m_map(map), m_options(options)
{
}

Result<MigrationRun> Migrator::run(const MigrationPlanner &planner)
{
    Run run(m_connection, m_map, m_options);
    return run.execute(planner);
}

Result<MigrationRun> Migrator::repair(const RepairRequest &request)
{
    Run run(m_connection, m_map, m_options);
    return run.repair(request);
}

Result<QList<Interruption>> Migrator::interruptions()
{
    ProgressTable progress(m_connection, m_options.versionTableSchema);
    return progress.rows();
}

Result<QStringList> Migrator::currentHeads()
{
    VersionTable versions(m_connection, m_options.versionTable, m_options.versionTableSchema);
    return versions.heads();
}

Status Migrator::ensureVersionTable()
{
    VersionTable versions(m_connection, m_options.versionTable, m_options.versionTableSchema);
    return versions.ensure();
}

Result<QString> renderOfflineScript(const Dialect &dialect, const RevisionMap &map,
                                    const QStringList &startingHeads,
                                    const MigrationPlanner &planner, const MigratorOptions &options)
{
    if (options.purge)
        return Error::input(QStringLiteral("Can't use --purge with --sql mode"));
    auto planned = planner(startingHeads);
    if (!planned)
        return planned.error();
    const QList<MigrationStep> steps = *planned;
    auto prepared = prepareSteps(map, steps, false);
    if (!prepared)
        return prepared.error();

    const QString &table = options.versionTable;
    const QString &schema = options.versionTableSchema;
    const QString &end = dialect.commandTerminator;
    const bool transactional = dialect.transactionalDdl;
    const bool perMigration = options.transactionPerMigration;

    QString out;
    auto put = [&out](const QString &text) { out += text + QLatin1String("\n\n"); };
    const QString begin = QStringLiteral("BEGIN") + end;
    const QString commit = QStringLiteral("COMMIT") + end;

    if (transactional && !perMigration)
        put(begin);
    HeadMaintainer heads(map, startingHeads);
    for (const PreparedStep &p : *prepared) {
        if (transactional && perMigration)
            put(begin);
        if (heads.heads().isEmpty())
            put(dialect.versionTableDdl(table, schema) + end);
        put(QLatin1String("-- Running ") + p.step->shortLog());
        const bool outside = transactional && !p.transactional && !p.statements.isEmpty();
        if (outside)
            put(commit);
        for (const SqlStatement &statement : p.statements)
            put(terminated(statement.text, dialect));
        if (outside)
            put(begin);
        auto changes = heads.updateToStep(*p.step);
        if (!changes)
            return changes.error();
        for (const VersionChange &change : *changes) {
            switch (change.kind) {
            case VersionChange::Insert:
                put(dialect.versionInsertSql(table, schema, change.to) + end);
                break;
            case VersionChange::Delete:
                put(dialect.versionDeleteSql(table, schema, change.from) + end);
                break;
            case VersionChange::Update:
                put(dialect.versionUpdateSql(table, schema, change.from, change.to) + end);
                break;
            }
        }
        if (transactional && perMigration)
            put(commit);
    }
    // Alembic drops the version table when an offline run ends at base.
    if (!prepared->isEmpty() && heads.heads().isEmpty())
        put(dialect.dropTableSql(table, schema) + end);
    if (transactional && !perMigration)
        put(commit);
    return out;
}

QString currentOsUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
#ifdef Q_OS_UNIX
    // A service or container started without a login: the account database knows the user.
    struct passwd entry;
    struct passwd *found = nullptr;
    char buffer[4096];
    if (getpwuid_r(geteuid(), &entry, buffer, sizeof buffer, &found) == 0 && found && found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(geteuid());
#else
    return {};
#endif
}

} // namespace Stratum
