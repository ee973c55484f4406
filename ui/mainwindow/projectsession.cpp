// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/projectsession.h"

#include "stratum/commands/database.h"
#include "stratum/config/url.h"
#include "stratum/revision/revisionmap.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace Stratum {
namespace {

HeadsReading readHeads(const Config &config, int generation)
{
    HeadsReading reading;
    reading.generation = generation;
    Result<DatabaseUrl> url = DatabaseUrl::parse(config.url, config.here);
    if (!url) {
        reading.error = url.error();
        return reading;
    }
    // Opening a SQLite file that is not there would create it: looking must not change anything.
    if (url->dialect == QLatin1String("sqlite") && url->database != QLatin1String(":memory:")
        && !url->database.isEmpty() && !QFileInfo::exists(url->database)) {
        reading.ok = true;
        reading.note = ProjectSession::tr("the database file does not exist yet");
        return reading;
    }
    CommandContext context;
    context.config = config;
    Result<QStringList> heads = Commands::databaseHeads(context);
    if (!heads) {
        reading.error = heads.error();
        return reading;
    }
    Result<QList<InterruptedRevision>> interrupted = Commands::interruptions(context);
    if (!interrupted) {
        reading.error = interrupted.error();
        return reading;
    }
    // The version table decides the graph's states; a history that cannot be read only
    // leaves the Runs view and the changed-since marks empty.
    if (Result<RunsReport> runs = Commands::runs(context))
        reading.runs = *runs;
    else
        reading.runsError = runs.error();
    reading.ok = true;
    reading.heads = *heads;
    reading.interruptions = *interrupted;
    return reading;
}

} // namespace

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<HeadsReading>(this))
{
    connect(m_watcher, &QFutureWatcher<HeadsReading>::finished, this,
            [this] { databaseRead(m_watcher->result()); });
}

ProjectSession::~ProjectSession()
{
    // A reading still in flight holds only copies; wait so that it does not outlive the program.
    m_watcher->waitForFinished();
}

QString ProjectSession::configFileFor(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return info.absoluteFilePath();
    if (!info.isDir())
        return {};
    const QDir dir(info.absoluteFilePath());
    for (const char *name : {"stratum.ini", "alembic.ini"})
        if (dir.exists(QLatin1String(name)))
            return dir.absoluteFilePath(QLatin1String(name));
    return {};
}

Status ProjectSession::open(const QString &path, const QString &urlOverride)
{
    const QString ini = configFileFor(path);
    if (ini.isEmpty()) {
        m_configPath.clear();
        m_project.reset();
        m_problemNodes.clear();
        m_collapsedMerges.clear();
        m_layout = GraphLayout();
        m_loadError = Error::input(tr("No stratum.ini or alembic.ini in %1").arg(path), path, 0, 0,
                                   tr("Open a project folder, or create one with File → New Project."));
        m_database = {};
        Q_EMIT projectChanged();
        Q_EMIT databaseChanged();
        return *m_loadError;
    }
    m_configPath = ini;
    m_urlOverride = urlOverride;
    m_project.reset();
    m_problemNodes.clear();
    m_collapsedMerges.clear();
    m_layout = GraphLayout();
    return reload();
}

void ProjectSession::setUrlOverride(const QString &url)
{
    // What was read from the other database says nothing about this one.
    if (url != m_urlOverride)
        m_database = {};
    m_urlOverride = url;
}

QString ProjectSession::projectDirectory() const
{
    return m_configPath.isEmpty() ? QString() : QFileInfo(m_configPath).absolutePath();
}

Status ProjectSession::reload()
{
    const Status status = load();
    Q_EMIT projectChanged();
    refreshDatabase();
    return status;
}

namespace {

QString fileAndLine(const Error &error)
{
    const QString name = QFileInfo(error.file).fileName();
    return error.line > 0 ? QStringLiteral("%1:%2").arg(name).arg(error.line) : name;
}

// Adds a node for each problem of a tolerant load: a file that could not be read stands alone,
// a repeated id sits on what it revises, and a missing revision below those that name it.
QHash<QString, GraphProblemNode> addProblemNodes(QList<GraphNodeInput> &input,
                                                 const QList<LoadProblem> &problems)
{
    QHash<QString, GraphProblemNode> nodes;
    QHash<QString, int> indexOf;
    for (int i = 0; i < input.size(); ++i)
        indexOf.insert(input[i].id, i);
    for (const LoadProblem &problem : problems) {
        const Error &error = problem.error;
        if (problem.kind == LoadProblem::Kind::Missing) {
            const QString id = QStringLiteral("!missing:") + problem.missing;
            if (!nodes.contains(id)) {
                nodes.insert(id, {problem.missing + QStringLiteral(" ?"),
                                  ProjectSession::tr("Missing revision, named in %1").arg(fileAndLine(error)),
                                  error.file, error.line});
                input.append(GraphNodeInput{id, {}, {}});
            }
            if (const auto child = indexOf.constFind(problem.revision); child != indexOf.constEnd()) {
                (problem.inDependsOn ? input[*child].dependencies : input[*child].parents).append(id);
            }
            continue;
        }
        const QString id = QLatin1Char('!') + error.file;
        if (nodes.contains(id))
            continue;
        GraphNodeInput node{id, {}, {}};
        for (const QString &parent : problem.downRevisions)
            if (indexOf.contains(parent))
                node.parents << parent;
        nodes.insert(id, {fileAndLine(error), error.message, error.file, error.line});
        input.append(node);
    }
    return nodes;
}

} // namespace

Status ProjectSession::load()
{
    Result<Config> config = Config::load(m_configPath, m_urlOverride);
    if (!config) {
        m_loadError = config.error();
        return config.error();
    }
    m_config = *config;
    QElapsedTimer timer;
    timer.start();
    Result<Project> project = Project::load(m_config);
    QList<LoadProblem> problems;
    if (!project) {
        // Show what can be shown: the good files, and each bad one where it belongs.
        Result<Project> partial = Project::load(m_config, &problems);
        if (partial)
            m_loadError = problems.isEmpty() ? project.error() : problems.first().error;
        else
            m_loadError = project.error();
        project = std::move(partial);
    } else {
        m_loadError.reset();
    }
    m_loadMs = timer.restart();
    if (!project) {
        // Keep showing the last good graph beside the error: the user is mid-edit.
        return *m_loadError;
    }
    m_readOnly = false;
    for (const Revision *revision : project->map().revisions())
        m_readOnly = m_readOnly || revision->script.python;
    m_layoutInput = GraphLayout::inputFrom(project->map());
    m_problemNodes = addProblemNodes(m_layoutInput, problems);
    m_project = std::move(*project);
    layOut();
    m_layoutMs = timer.elapsed();
    if (m_loadError)
        return *m_loadError;
    return {};
}

void ProjectSession::layOut()
{
    m_collapsedNodes.clear();
    Result<GraphLayout> layout = GraphLayout::compute(
        m_collapsedMerges.isEmpty() ? m_layoutInput
                                    : GraphLayout::collapse(m_layoutInput, m_collapsedMerges, &m_collapsedNodes));
    m_layout = layout ? *layout : GraphLayout::fromRevisionMap(m_project->map());
}

void ProjectSession::setCollapsedMerges(const QSet<QString> &merges)
{
    if (merges == m_collapsedMerges)
        return;
    m_collapsedMerges = merges;
    if (!m_project)
        return;
    layOut();
    Q_EMIT layoutChanged();
}

QString ProjectSession::nodeOf(const QString &revision) const
{
    if (m_layout.rowOf(revision) >= 0)
        return revision;
    for (auto it = m_collapsedNodes.cbegin(); it != m_collapsedNodes.cend(); ++it)
        if (it->revisions.contains(revision))
            return it.key();
    return {};
}

void ProjectSession::refreshDatabase()
{
    if (m_configPath.isEmpty() || m_config.url.isEmpty()) {
        m_database = {};
        if (!m_configPath.isEmpty()) {
            m_database.status = DatabaseState::Status::Failed;
            m_database.error = Error::input(tr("No database URL is configured"), m_configPath);
        }
        Q_EMIT databaseChanged();
        return;
    }
    m_database.status = DatabaseState::Status::Reading;
    const int generation = ++m_generation;
    m_watcher->setFuture(QtConcurrent::run(readHeads, m_config, generation));
    Q_EMIT databaseChanged();
}

void ProjectSession::databaseRead(const HeadsReading &reading)
{
    if (reading.generation != m_generation)
        return;   // an older reading, overtaken by a reload
    DatabaseState state;
    if (!reading.ok) {
        state.status = DatabaseState::Status::Failed;
        state.error = reading.error;
        m_database = state;
        Q_EMIT databaseChanged();
        return;
    }
    state.status = DatabaseState::Status::Known;
    state.heads = reading.heads;
    state.note = reading.note;
    state.interruptions = reading.interruptions;
    state.runs = reading.runs;
    state.runsError = reading.runsError;
    if (m_project && !reading.heads.isEmpty()) {
        Result<QList<const Revision *>> below = m_project->map().ancestors(reading.heads, true);
        if (below) {
            for (const Revision *revision : *below)
                state.applied.insert(revision->id);
        } else {
            // The database names a revision the files do not have (or an ambiguous one).
            state.error = below.error();
            state.note = below.error().message;
        }
    }
    m_database = state;
    Q_EMIT databaseChanged();
}

QString ProjectSession::headerProblem(const QString &id, const QStringList &revises,
                                      const QStringList &dependsOn) const
{
    if (!m_project)
        return {};
    const RevisionMap &map = m_project->map();
    QSet<QString> above;   // what builds on this revision: naming one of them makes a cycle
    if (map.revision(id)) {
        if (Result<QList<const Revision *>> descendants = map.descendants({id}))
            for (const Revision *revision : *descendants)
                above.insert(revision->id);
    }
    const auto check = [&](const QString &key, const QString &name) -> QString {
        if (name == id)
            return tr("%1 names this revision itself.").arg(key);
        Result<QList<const Revision *>> found = map.resolve(name);
        if (!found || found->isEmpty())
            return tr("%1 names \"%2\", which is no revision of this project.").arg(key, name);
        for (const Revision *revision : *found)
            if (above.contains(revision->id))
                return tr("%1 names %2, which builds on %3: that would make a cycle.").arg(key, revision->id, id);
        return {};
    };
    for (const QString &name : revises)
        if (QString problem = check(QStringLiteral("Revises"), name); !problem.isEmpty())
            return problem;
    for (const QString &name : dependsOn)
        if (QString problem = check(QStringLiteral("Depends On"), name); !problem.isEmpty())
            return problem;
    return {};
}

QString ProjectSession::dialectName() const
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(m_config.url, m_config.here);
    return url ? url->dialect : QString();
}

QString ProjectSession::maskedUrl() const
{
    if (m_config.url.isEmpty())
        return {};
    Result<DatabaseUrl> url = DatabaseUrl::parse(m_config.url, m_config.here);
    return url ? url->masked() : maskUrlText(m_config.url);
}

} // namespace Stratum
