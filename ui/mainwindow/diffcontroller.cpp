// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/diffcontroller.h"

#include "diff/comparedialog.h"
#include "diff/schemadiffview.h"
#include "mainwindow/background.h"
#include "mainwindow/projectsession.h"
#include "stratum/revision/revisionmap.h"
#include "stratum/script/revisionscript.h"

#include <QAction>
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
    , m_compareAction(new QAction(tr("Co&mpare…"), this))
{
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_compareAction->setToolTip(tr("Compare two schemas: the database, the schema files, a revision or a head"));
    m_compareAction->setEnabled(false);
    connect(m_session, &ProjectSession::databaseChanged, this, &DiffController::databaseChanged);
    connect(m_session, &ProjectSession::projectChanged, this, &DiffController::projectChanged);
    connect(&m_schemaWatcher, &QFileSystemWatcher::fileChanged, this, [this] {
        if (involves(CompareSide::Kind::SchemaFiles))
            markStale(tr("a schema file changed on disk"));
    });
    connect(&m_schemaWatcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (involves(CompareSide::Kind::SchemaFiles))
            markStale(tr("the schema folder changed on disk"));
    });
    // Edited in place, a revision file changes no folder: the session does not reload, but
    // the schema a revision side replays is different.
    connect(&m_revisionWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        if (involvesRevisions())
            markStale(tr("%1 changed on disk").arg(QFileInfo(path).fileName()));
    });
}

SchemaDiffView *DiffController::compare(const QString &revision)
{
    return compare(revision.isEmpty() ? CompareSide::database() : CompareSide::ofRevision(revision),
                   CompareSide::schemaFiles());
}

CompareDialog *DiffController::chooseAndCompare(const QString &revision)
{
    if (!m_session->project())
        return nullptr;
    if (m_dialog)
        m_dialog->close();
    const CompareSide left = revision.isEmpty() ? CompareSide::database() : CompareSide::ofRevision(revision);
    // The dialog copies what it lists: a reload while it is open leaves it working.
    auto *dialog = new CompareDialog(m_session->project()->map(), left, CompareSide::schemaFiles(), m_tabs->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { compare(dialog->left(), dialog->right()); });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

CompareDialog *DiffController::dialog() const
{
    return m_dialog;
}

void DiffController::showView()
{
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
        connect(m_view, &SchemaDiffView::compareAgainRequested, this, [this] { compare(m_left, m_right); });
    }
    // Closing a project takes the tab away; the view stays for the next one.
    if (m_tabs->indexOf(m_view) < 0)
        m_tabs->addTab(m_view, tr("Schema Diff"));
    m_tabs->setCurrentWidget(m_view);
    m_view->setFocus();   // Next Change (F8, Alt+Down) works at once
}

SchemaDiffView *DiffController::compare(const CompareSide &left, const CompareSide &right)
{
    if (!m_session->project())
        return nullptr;
    showView();

    m_left = followHead(left);
    m_right = followHead(right);
    m_shown = true;
    const int generation = ++m_generation;
    if (involves(CompareSide::Kind::Database) && m_session->database().status == DatabaseState::Status::Known)
        m_heads = m_session->database().heads;
    else
        m_heads.reset();
    m_revisions = revisionsSignature();
    watchSchemaFiles();
    watchRevisionFiles();

    const QString leftTitle = title(m_left);
    const QString rightTitle = title(m_right);
    m_view->showBusy(tr("Comparing %1 with %2…").arg(leftTitle, rightTitle));
    CommandContext context;
    context.config = m_session->config();
    context.autogenerate.detectRenames = m_view->detectRenames();
    const QString renderAsBatch = context.config.renderAsBatch;
    const QStringList hidden = Commands::bookkeepingTables(context.config);
    const QString a = m_left.source();
    const QString b = m_right.source();
    const bool fromDatabase = m_left.kind == CompareSide::Kind::Database;
    const bool databaseWithFiles = fromDatabase && m_right.kind == CompareSide::Kind::SchemaFiles;
    QPointer<SchemaDiffView> view = m_view;
    inBackground(
        this,
        [context, a, b, databaseWithFiles]() -> Result<SchemaComparison> {
            return databaseWithFiles ? Commands::compareDatabase(context) : Commands::compareSources(context, a, b);
        },
        [this, view, generation, leftTitle, rightTitle, fromDatabase, renderAsBatch,
         hidden](const Result<SchemaComparison> &comparison) {
            // A comparison asked for since replaces this one.
            if (!view || generation != m_generation)
                return;
            if (!comparison) {
                view->showError(comparison.error());
                return;
            }
            view->setComparison(*comparison, leftTitle, rightTitle, fromDatabase, renderAsBatch, hidden);
            if (const QString why = whyNoRevision(); !why.isEmpty())
                view->blockCreate(why);
        });
    return m_view;
}

QString DiffController::whyNoRevision() const
{
    if (m_left.kind == CompareSide::Kind::Database)
        return notAtHead();
    return tr("Revisions are made only from a comparison whose left side is the database at the heads (a "
              "revision goes on top of them); here the left side is %1.")
        .arg(m_left.title(m_session->project() ? &m_session->project()->map() : nullptr));
}

QString DiffController::title(const CompareSide &side) const
{
    const QString name = side.title(m_session->project() ? &m_session->project()->map() : nullptr);
    switch (side.kind) {
    case CompareSide::Kind::Database:
        return QStringLiteral("%1 (%2)").arg(name, m_session->maskedUrl());
    case CompareSide::Kind::SchemaFiles: {
        // As written in the ini, relative to the project: the full paths crowd the title.
        QStringList globs;
        const QDir project(m_session->projectDirectory());
        for (const QString &glob : m_session->config().schemaGlobs)
            globs << QDir::toNativeSeparators(project.relativeFilePath(glob));
        return QStringLiteral("%1 (%2)").arg(name, globs.join(QLatin1Char(' ')));
    }
    case CompareSide::Kind::Revision:
    case CompareSide::Kind::Head:
        break;
    }
    return name;
}

CompareSide DiffController::followHead(const CompareSide &side) const
{
    if (side.kind != CompareSide::Kind::Head || !m_session->project())
        return side;
    const RevisionMap &map = m_session->project()->map();
    const Revision *revision = map.revision(side.revision);
    if (!revision || revision->isHead)
        return side;
    QStringList grown;
    if (Result<QList<const Revision *>> descendants = map.descendants({side.revision}, false))
        for (const Revision *descendant : *descendants)
            if (descendant && descendant->isHead)
                grown << descendant->id;
    return grown.size() == 1 ? CompareSide::head(grown.first()) : CompareSide::ofRevision(side.revision);
}

bool DiffController::involves(CompareSide::Kind kind) const
{
    return m_shown && (m_left.kind == kind || m_right.kind == kind);
}

bool DiffController::involvesRevisions() const
{
    return m_shown && (m_left.isRevision() || m_right.isRevision());
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
    // Only a comparison with the database moves with it.
    if (!involves(CompareSide::Kind::Database) || state.status != DatabaseState::Status::Known)
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
    m_compareAction->setEnabled(m_session->project() && !m_session->isReadOnly());
    // A revision's schema is its files'; whether a revision can be made from the database
    // depends on the heads.
    const bool dependsOnRevisions = involvesRevisions() || (m_shown && m_left.kind == CompareSide::Kind::Database);
    if (dependsOnRevisions && revisionsSignature() != m_revisions)
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

void DiffController::watchRevisionFiles()
{
    if (!m_revisionWatcher.files().isEmpty())
        m_revisionWatcher.removePaths(m_revisionWatcher.files());
    QStringList ids;
    for (const CompareSide &side : {m_left, m_right})
        if (side.isRevision())
            ids << side.revision;
    if (ids.isEmpty() || !m_session->project())
        return;
    // What the replay runs: the revisions and everything they build on, Depends On included.
    Result<QList<const Revision *>> replayed = m_session->project()->map().ancestors(ids, true);
    if (!replayed)
        return;
    QStringList paths;
    for (const Revision *revision : *replayed)
        if (revision && QFileInfo::exists(revision->path))
            paths << revision->path;
    if (!paths.isEmpty())
        m_revisionWatcher.addPaths(paths);
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
