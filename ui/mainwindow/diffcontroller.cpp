#include "mainwindow/diffcontroller.h"

#include "diff/schemadiffview.h"
#include "mainwindow/background.h"
#include "mainwindow/projectsession.h"
#include "revision/revisionmap.h"
#include "script/revisionscript.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTabWidget>

namespace Stratum {

DiffController::DiffController(ProjectSession *session, QTabWidget *tabs,
                               std::function<CommandContext()> commandContext, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_tabs(tabs)
    , m_commandContext(std::move(commandContext))
{
    connect(m_session, &ProjectSession::databaseChanged, this, &DiffController::databaseChanged);
    connect(m_session, &ProjectSession::projectChanged, this, &DiffController::projectChanged);
    connect(&m_schemaWatcher, &QFileSystemWatcher::fileChanged, this,
            [this] { markStale(tr("a schema file changed on disk")); });
    connect(&m_schemaWatcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { markStale(tr("the schema folder changed on disk")); });
}

SchemaDiffView *DiffController::compare(const QString &revision)
{
    if (!m_session->project())
        return nullptr;
    if (!m_view) {
        m_view = new SchemaDiffView;
        connect(m_view, &SchemaDiffView::createRevisionRequested, this,
                [this](const QString &message, const QString &upgrade, const QString &downgrade) {
                    RevisionOptions options;
                    options.message = message;
                    options.upgradeSql = upgrade;
                    options.downgradeSql = downgrade;
                    Result<QString> path = Commands::revision(m_commandContext(), options);
                    if (!path) {
                        m_view->showError(path.error());
                        return;
                    }
                    Result<RevisionScript> written = readRevisionHeader(*path);
                    m_session->reload();
                    if (written)
                        Q_EMIT revisionCreated(written->revision);
                });
        connect(m_view, &SchemaDiffView::compareAgainRequested, this, [this] { compare(m_revision); });
    }
    // Closing a project takes the tab away; the view stays for the next one.
    if (m_tabs->indexOf(m_view) < 0)
        m_tabs->addTab(m_view, tr("Schema Diff"));
    m_tabs->setCurrentWidget(m_view);
    m_view->setFocus();   // Next Change (F8, Alt+Down) works at once

    m_revision = revision;
    m_shown = true;
    if (m_session->database().status == DatabaseState::Status::Known)
        m_heads = m_session->database().heads;
    else
        m_heads.reset();
    m_revisions = revisionsSignature();
    watchSchemaFiles();

    const Config &config = m_session->config();
    const QString right = tr("Desired schema (%1)").arg(config.schemaGlobs.join(QLatin1Char(' ')));
    const QString left = revision.isEmpty() ? tr("Database (%1)").arg(m_session->maskedUrl())
                                            : tr("Revision %1 (replayed on a dev database)").arg(revision);
    m_view->showBusy(revision.isEmpty() ? tr("Comparing the database with the schema files…")
                                        : tr("Replaying the history up to %1 and comparing…").arg(revision));
    CommandContext context;
    context.config = config;
    context.autogenerate.detectRenames = m_view->detectRenames();
    const QString renderAsBatch = config.renderAsBatch;
    const QStringList hidden = Commands::bookkeepingTables(config);
    QPointer<SchemaDiffView> view = m_view;
    inBackground(
        this,
        [context, revision]() -> Result<SchemaComparison> {
            return revision.isEmpty() ? Commands::compareDatabase(context)
                                      : Commands::compareSources(context, revision, QStringLiteral("schema"));
        },
        [this, view, left, right, revision, renderAsBatch, hidden](const Result<SchemaComparison> &comparison) {
            if (!view)
                return;
            if (!comparison) {
                view->showError(comparison.error());
                return;
            }
            view->setComparison(*comparison, left, right, revision.isEmpty(), renderAsBatch, hidden);
            if (const QString why = notAtHead(); revision.isEmpty() && !why.isEmpty())
                view->blockCreate(why);
        });
    return m_view;
}

QString DiffController::notAtHead() const
{
    // As `revision --autogenerate` insists: a revision goes on top of the heads, so the
    // database it is computed from must stand there.
    if (!m_heads)
        return tr("The database's current revision is not known yet: compare again once it is read.");
    QStringList heads = m_session->project() ? m_session->project()->map().heads() : QStringList();
    QStringList current = *m_heads;
    heads.sort();
    current.sort();
    if (heads == current)
        return {};
    return tr("The database is at %1, not at the head %2: a revision made from this comparison would repeat "
              "what the pending revisions do. Upgrade the database first (Upgrade to Here…), then compare again.")
        .arg(current.isEmpty() ? QStringLiteral("base") : current.join(QLatin1String(", ")),
             heads.join(QLatin1String(", ")));
}

void DiffController::databaseChanged()
{
    const DatabaseState &state = m_session->database();
    // Only the database's own side moves with it.
    if (!m_shown || !m_revision.isEmpty() || state.status != DatabaseState::Status::Known)
        return;
    if (!m_heads) {
        m_heads = state.heads;
        return;
    }
    if (state.heads != *m_heads) {
        markStale(tr("the database is now at %1").arg(state.heads.isEmpty() ? QStringLiteral("base")
                                                                             : state.heads.join(QLatin1String(", "))));
    }
}

void DiffController::projectChanged()
{
    if (m_shown && revisionsSignature() != m_revisions)
        markStale(tr("the revisions changed"));
}

void DiffController::markStale(const QString &why)
{
    if (m_view && m_shown)
        m_view->markStale(why);
}

void DiffController::watchSchemaFiles()
{
    if (!m_schemaWatcher.files().isEmpty())
        m_schemaWatcher.removePaths(m_schemaWatcher.files());
    if (!m_schemaWatcher.directories().isEmpty())
        m_schemaWatcher.removePaths(m_schemaWatcher.directories());
    QStringList paths;
    for (const QString &glob : m_session->config().schemaGlobs) {
        const QFileInfo pattern(glob);
        const QDir dir = pattern.absoluteDir();
        if (dir.exists())
            paths << dir.absolutePath();
        for (const QFileInfo &file : dir.entryInfoList({pattern.fileName()}, QDir::Files))
            paths << file.absoluteFilePath();
    }
    paths.removeDuplicates();
    if (!paths.isEmpty())
        m_schemaWatcher.addPaths(paths);
}

QStringList DiffController::revisionsSignature() const
{
    QStringList signature;
    if (!m_session->project())
        return signature;
    for (const Revision *revision : m_session->project()->map().revisions()) {
        const QFileInfo file(revision->path);
        signature << QStringLiteral("%1 %2 %3").arg(revision->id).arg(file.size()).arg(
            file.lastModified().toMSecsSinceEpoch());
    }
    signature.sort();
    return signature;
}

} // namespace Stratum
