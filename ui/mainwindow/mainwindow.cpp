// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"

#include "stratum/commands/commands.h"
#include "stratum/config/url.h"
#include "connections/connectionprofiles.h"
#include "connections/connectionsdialog.h"
#include "connections/passwordprompt.h"
#include "connections/passwordstore.h"
#include "stratum/dialect/dialect.h"
#include "diff/schemadiffview.h"
#include "editor/catalog.h"
#include "editor/revisioneditor.h"
#include "editor/sqleditor.h"
#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "mainwindow/background.h"
#include "mainwindow/collapsecontroller.h"
#include "mainwindow/databaseindicators.h"
#include "mainwindow/editortabs.h"
#include "mainwindow/diffcontroller.h"
#include "mainwindow/documentation.h"
#include "mainwindow/logview.h"
#include "mainwindow/mainactions.h"
#include "mainwindow/newprojectdialog.h"
#include "mainwindow/newrevisiondialog.h"
#include "mainwindow/projectsession.h"
#include "mainwindow/projectwatcher.h"
#include "mainwindow/revisiondetails.h"
#include "mainwindow/revisionlistmodel.h"
#include "mainwindow/shortcutsdialog.h"
#include "stratum/revision/revisionmap.h"
#include "runs/runsview.h"
#include "stratum/runtime/migrator.h"
#include "stratum/script/revisionscript.h"
#include "stratum/version.h"
#include "theme/theme.h"

#include <QAction>
#include <QThreadPool>
#include <QTimer>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Stratum {
namespace {

constexpr int maxRecentProjects = 8;
const char recentKey[] = "recentProjects";

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ProjectSession(this))
    , m_scene(new GraphScene(this))
    , m_view(new GraphView(m_scene))
    , m_listModel(new RevisionListModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_list(new QTreeView)
    , m_search(new QLineEdit)
    , m_details(new RevisionDetails)
    , m_tabs(new QTabWidget)
    , m_diffs(new DiffController(m_session, m_tabs, [this] { return commandContext(); }, this))
    , m_watcher(new ProjectWatcher(m_session, this))
    , m_editors(new EditorTabs(m_session, m_watcher, m_tabs, this))
    , m_collapse(new CollapseController(m_session, m_scene, this))
    , m_log(new LogView)
    , m_errorBar(new QFrame)
    , m_errorLabel(new QLabel)
    , m_errorOpen(new QPushButton)
    , m_indicators(new DatabaseIndicators(m_session, this))
    , m_connection(new QComboBox)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Stratum Studio"));
    m_scene->setPalette(palette());
    createActions();
    createLayout();

    connect(m_session, &ProjectSession::projectChanged, this, &MainWindow::projectChanged);
    connect(m_session, &ProjectSession::layoutChanged, this, [this] {
        showGraph();
        m_view->graphChanged();
    });
    connect(m_session, &ProjectSession::databaseChanged, this, &MainWindow::databaseChanged);
    // Changes made outside the studio: the graph reads the revisions again, open editors follow.
    connect(m_watcher, &ProjectWatcher::revisionsChanged, this, [this] {
        if (m_session->isOpen())
            m_session->reload();
    });
    connect(m_watcher, &ProjectWatcher::fileChanged, m_editors, &EditorTabs::fileChanged);
    connect(m_editors, &EditorTabs::logLine, this, &MainWindow::appendLog);
    connect(m_editors, &EditorTabs::error, this, &MainWindow::showError);
    connect(m_editors, &EditorTabs::dryRunFinished, this, &MainWindow::dryRunFinished);
    connect(m_editors, &EditorTabs::editorsChanged, this, &MainWindow::updateActions);
    connect(m_diffs, &DiffController::revisionCreated, this, [this](const QString &revision) {
        selectRevision(revision);
        openEditor(revision);
    });
    connect(m_scene, &GraphScene::revisionSelected, this, &MainWindow::revisionSelected);
    connect(m_scene, &GraphScene::revisionActivated, this, [this](const QString &id) {
        if (const GraphProblemNode *problem = m_scene->problem(id))
            openEditor(problem->file, problem->line);
        else if (!m_collapse->activate(id))
            openEditor(id);
    });
    connect(m_scene, &GraphScene::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_details, &RevisionDetails::revisionLinkActivated, this, &MainWindow::selectRevision);
    connect(m_details, &RevisionDetails::openInEditorRequested, this, [this](const QString &id) { openEditor(id); });
    connect(m_details, &RevisionDetails::openFileRequested, this,
            [this](const QString &file, int line) { openEditor(file, line); });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    rebuildRecentMenu();
    populateConnections();
    updateActions();
    projectChanged();
}

MainWindow::~MainWindow()
{
    // Readings in flight (catalog, diff, dry runs) use QSql on pooled threads: they end before
    // the window, and with it the application and its SQL drivers, goes.
    QThreadPool::globalInstance()->waitForDone();
}

void MainWindow::createActions()
{
    m_actions = std::make_unique<MainActions>(this);
    const MainActions &a = *m_actions;
    connect(a.newProject, &QAction::triggered, this, &MainWindow::newProjectDialog);
    connect(a.open, &QAction::triggered, this, &MainWindow::openProjectDialog);
    connect(a.reload, &QAction::triggered, this, [this] {
        if (m_session->isOpen())
            m_session->reload();
    });
    connect(a.save, &QAction::triggered, this, [this] {
        if (RevisionEditor *editor = currentEditor())
            editor->save();
    });
    connect(a.closeEditor, &QAction::triggered, this, [this] {
        const int index = m_tabs->currentIndex();
        if (index > 0)
            Q_EMIT m_tabs->tabCloseRequested(index);
    });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    connect(a.newRevision, &QAction::triggered, this, &MainWindow::newRevisionDialog);
    connect(a.merge, &QAction::triggered, this, &MainWindow::mergeDialog);
    connect(a.upgrade, &QAction::triggered, this, [this] { applyOperation(ApplyDialog::Operation::Upgrade); });
    connect(a.downgrade, &QAction::triggered, this, [this] { applyOperation(ApplyDialog::Operation::Downgrade); });
    connect(a.stamp, &QAction::triggered, this, [this] { applyOperation(ApplyDialog::Operation::Stamp); });
    connect(a.showSql, &QAction::triggered, this, &MainWindow::showSql);
    // As a double-click: a problem opens its file, a collapsed branch expands.
    connect(a.edit, &QAction::triggered, this, [this] {
        if (!selectedRevision().isEmpty())
            Q_EMIT m_scene->revisionActivated(selectedRevision());
    });
    m_view->addAction(a.edit);
    connect(a.compare, &QAction::triggered, this, [this] { compareSchemas(selectedRevision()); });

    connect(a.zoomIn, &QAction::triggered, m_view, &GraphView::zoomIn);
    connect(a.zoomOut, &QAction::triggered, m_view, &GraphView::zoomOut);
    connect(a.resetZoom, &QAction::triggered, m_view, &GraphView::resetZoom);
    connect(a.fit, &QAction::triggered, m_view, &GraphView::fit);
    connect(a.minimap, &QAction::toggled, m_view, &GraphView::setMinimapEnabled);
    connect(a.allDependencies, &QAction::toggled, m_scene, &GraphScene::setShowAllDependencies);
    connect(a.collapseAll, &QAction::triggered, m_collapse, &CollapseController::collapseAll);
    connect(a.expandAll, &QAction::triggered, m_collapse, &CollapseController::expandAll);
    connect(a.find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    connect(a.connections, &QAction::triggered, this, &MainWindow::editConnections);
    connect(a.refreshDatabase, &QAction::triggered, m_session, &ProjectSession::refreshDatabase);
    connect(a.compareDatabase, &QAction::triggered, this, [this] { compareSchemas(); });
    a.databaseMenu->addAction(m_diffs->compareAction());
    connect(m_diffs->compareAction(), &QAction::triggered, this, [this] { m_diffs->chooseAndCompare(selectedRevision()); });

    connect(a.documentation, &QAction::triggered, this, [this] {
        if (!Documentation::open())
            appendLog(tr("No documentation found: the README is neither installed nor in a checkout."));
    });
    connect(a.shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(a.about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Stratum Studio"),
                           tr("<b>Stratum Studio %1</b><p>Schema migrations for SQL databases: "
                              "the revision graph, its SQL, and the database's place in it.</p>")
                               .arg(QStringLiteral(STRATUM_VERSION)));
    });

    auto *connectionLabel = new QLabel(tr("&Connection:"));
    connectionLabel->setBuddy(m_connection);
    connectionLabel->setContentsMargins(6, 0, 4, 0);
    a.toolBar->addWidget(connectionLabel);
    m_connection->setObjectName(QStringLiteral("connectionChooser"));
    m_connection->setMinimumContentsLength(18);
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    a.toolBar->addWidget(m_connection);
    connect(m_connection, &QComboBox::activated, this, &MainWindow::connectionChosen);
}

void MainWindow::showShortcuts()
{
    // Not modal: it can stay open beside the window while the keys are tried.
    if (!m_shortcutsDialog) {
        m_shortcutsDialog = new ShortcutsDialog(menuBar(), this);
        m_shortcutsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
    m_shortcutsDialog->activateWindow();
}

void MainWindow::createLayout()
{
    // Left: the searchable list.
    m_search->setObjectName(QStringLiteral("revisionSearch"));
    m_search->setPlaceholderText(tr("Search revisions (id, message, label, state)"));
    m_search->setClearButtonEnabled(true);
    m_filter->setSourceModel(m_listModel);
    m_filter->setFilterRole(RevisionListModel::SearchTextRole);
    m_filter->setFilterKeyColumn(0);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        m_scene->setSearchMatches(text.isEmpty() ? QSet<QString>() : RevisionListModel::idsIn(m_filter));
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() > 0)
            selectRevision(m_filter->index(0, 0).data(RevisionListModel::RevisionIdRole).toString());
    });
    m_list->setObjectName(QStringLiteral("revisionList"));
    m_list->setModel(m_filter);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(RevisionListModel::IdColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(RevisionListModel::MessageColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(RevisionListModel::StateColumn, QHeaderView::ResizeToContents);
    m_list->setColumnHidden(RevisionListModel::LabelsColumn, true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && !m_syncingList)
                    selectRevision(current.data(RevisionListModel::RevisionIdRole).toString());
            });
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_list->indexAt(pos);
        if (index.isValid())
            showContextMenu(index.data(RevisionListModel::RevisionIdRole).toString(),
                            m_list->viewport()->mapToGlobal(pos));
    });
    connect(m_list, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        openEditor(index.data(RevisionListModel::RevisionIdRole).toString());
    });
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);

    // Centre: error bar, legend, graph; editors in further tabs.
    m_errorBar->setObjectName(QStringLiteral("errorBar"));
    m_errorBar->setFrameShape(QFrame::StyledPanel);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorOpen->setText(tr("Open File"));
    connect(m_errorOpen, &QPushButton::clicked, this, [this] {
        openEditor(m_shownError.file, m_shownError.line, m_shownError.column);
    });
    auto *errorLayout = new QHBoxLayout(m_errorBar);
    errorLayout->addWidget(m_errorLabel, 1);
    errorLayout->addWidget(m_errorOpen);
    m_errorBar->hide();

    auto *graphPage = new QWidget;
    auto *graphLayout = new QVBoxLayout(graphPage);
    graphLayout->setContentsMargins(0, 0, 0, 0);
    graphLayout->setSpacing(0);
    graphLayout->addWidget(m_errorBar);
    graphLayout->addWidget(m_indicators->legend());
    graphLayout->addWidget(m_view, 1);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(graphPage, tr("History"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *diff = qobject_cast<SchemaDiffView *>(m_tabs->widget(index))) {
            m_tabs->removeTab(index);
            diff->deleteLater();
            return;
        }
        auto *editor = qobject_cast<RevisionEditor *>(m_tabs->widget(index));
        if (!editor)
            return;
        if (editor->isModified()) {
            const auto answer = QMessageBox::question(
                this, tr("Unsaved changes"), tr("Save the changes to %1?").arg(QFileInfo(editor->path()).fileName()),
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
            if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !editor->save()))
                return;
        }
        m_tabs->removeTab(index);
        editor->deleteLater();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        // Two schemas side by side need the width the details pane takes.
        m_details->setVisible(!qobject_cast<SchemaDiffView *>(m_tabs->currentWidget()));
        updateActions();
    });

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({330, 640, 430});
    splitter->setChildrenCollapsible(false);
    left->setMinimumWidth(220);
    m_details->setMinimumWidth(300);
    setCentralWidget(splitter);

    m_log->setObjectName(QStringLiteral("log"));
    m_log->setMaximumBlockCount(10000);
    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_log);
    logDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {110}, Qt::Vertical);
    logDock->toggleViewAction()->setText(tr("&Log"));
    m_actions->viewMenu->addAction(logDock->toggleViewAction());
    auto *runs = new RunsView(m_session);   // stratum_history, in a tab beside the log
    connect(runs, &RunsView::revisionActivated, this, &MainWindow::selectRevision);
    QAction *showRuns = runs->addDockBeside(logDock);
    showRuns->setObjectName(QStringLiteral("runsAction"));
    m_actions->viewMenu->addAction(showRuns);

    m_indicators->addTo(statusBar());
    connect(m_indicators, &DatabaseIndicators::logLine, this, &MainWindow::appendLog);
}

bool MainWindow::openProject(const QString &path)
{
    if (!closeEditors())
        return false;
    const QString ini = ProjectSession::configFileFor(path);
    QString urlOverride;
    if (!ini.isEmpty()) {
        QSettings settings;
        const QString profileName = settings.value(QStringLiteral("projects/%1/connection")
                                                       .arg(QString::fromLatin1(ini.toUtf8().toBase64()))).toString();
        for (const ConnectionProfile &profile : ConnectionProfiles::load(settings)) {
            if (profile.name != profileName)
                continue;
            if (Result<QString> url = ConnectionProfiles::resolvedUrl(profile))
                urlOverride = *url;
            else
                appendLog(tr("Connection %1: %2").arg(profileName, url.error().toString()));
        }
    }
    m_firstLayout = true;
    const Status status = m_session->open(path, urlOverride);
    if (m_session->isOpen()) {
        addRecentProject(m_session->projectDirectory());
        populateConnections();
        appendLog(tr("Opened %1").arg(m_session->configPath()));
    }
    return status.ok() || m_session->project().has_value();
}

bool MainWindow::waitUntilSettled(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const auto status = m_session->database().status;
        if (status != DatabaseState::Status::Reading)
            break;
    }
    // Let the layout settle (splitters, scroll bars) after the last change.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    return m_session->database().status != DatabaseState::Status::Reading;
}

void MainWindow::showGraph()
{
    const std::optional<Project> &project = m_session->project();
    m_scene->setGraph(m_session->layout(), project->map(), m_session->problemNodes(), m_session->collapsedNodes());
    m_listModel->setGraph(&m_session->layout(), &project->map(), m_session->problemNodes(),
                          m_session->collapsedNodes());
    if (!m_search->text().isEmpty())
        m_scene->setSearchMatches(RevisionListModel::idsIn(m_filter));
}

void MainWindow::projectChanged()
{
    const std::optional<Project> &project = m_session->project();
    if (project) {
        QElapsedTimer timer;
        timer.start();
        showGraph();
        appendLog(tr("Read %n revision(s) in %1 ms, laid out in %2 ms, drawn in %3 ms", "",
                     project->map().size())
                      .arg(m_session->loadMilliseconds())
                      .arg(m_session->layoutMilliseconds())
                      .arg(timer.elapsed()));
    } else {
        m_scene->clearGraph();
        m_listModel->setGraph(nullptr, nullptr);
        m_details->clear();
    }
    if (!m_session->isOpen())
        m_scene->setPlaceholder(tr("Open a project folder (File → Open Project…) or create one "
                                   "(File → New Project…)."));
    else if (project && project->map().size() == 0)
        m_scene->setPlaceholder(tr("No revisions yet. Revision → New Revision on Top… writes the first one."));
    else
        m_scene->setPlaceholder({});
    if (!project || project->map().size() == 0)
        m_view->resetZoom();
    m_view->graphChanged();
    if (m_session->loadError())
        showError(*m_session->loadError());
    else
        hideError();

    m_editors->projectChanged();
    if (project && m_firstLayout) {
        m_firstLayout = false;
        m_view->fit();
    }
    updateTitle();
    updateDetails();
    updateActions();
    databaseChanged();
}

void MainWindow::databaseChanged()
{
    const DatabaseState &state = m_session->database();
    const bool known = state.status == DatabaseState::Status::Known;
    m_scene->setDatabaseState(known, state.heads, state.applied);
    m_listModel->setDatabaseState(known, state.heads, state.applied);
    m_editors->databaseChanged();
    QSet<QString> interrupted;
    for (const InterruptedRevision &revision : state.interruptions)
        interrupted.insert(revision.revision);
    m_listModel->setInterrupted(interrupted);
    m_listModel->setChangedSinceApplied(state.runs.changedSinceApplied);
    m_scene->setChangedSinceApplied(state.runs.changedSinceApplied);
    m_view->graphChanged();

    m_indicators->update();
    if (state.status == DatabaseState::Status::Failed && ConnectionProfiles::isAuthenticationFailure(state.error)
        && !m_connection->currentData().toString().isEmpty()
        && m_passwordAskedFor != m_connection->currentData().toString())
        QTimer::singleShot(0, this, &MainWindow::askPassword);

    if (known && m_session->project() && selectedRevision().isEmpty()) {
        // Start where the database stands (or at the first head).
        const QStringList start = !state.heads.isEmpty() ? state.heads : m_session->project()->map().heads();
        if (!start.isEmpty())
            selectRevision(start.first());
    } else if (!known && state.status == DatabaseState::Status::Failed && m_session->project()
               && selectedRevision().isEmpty() && !m_session->project()->map().heads().isEmpty()) {
        selectRevision(m_session->project()->map().heads().first());
    }

    if (known) {
        // Table and column names for completion, read off the GUI thread.
        inBackground(this, [config = m_session->config()] { return Catalog::read(config); },
                     [this](const Result<Catalog> &catalog) {
                         if (!catalog)
                             return;
                         m_editors->setCompletionWords(catalog->completionWords());
                     });
    }
    updateDetails();
    updateActions();
}

void MainWindow::selectRevision(const QString &revision)
{
    const QString id = revision.isEmpty() ? revision : m_collapse->reveal(revision);
    if (id.isEmpty() || !m_scene->item(id))
        return;
    m_scene->selectRevision(id);
}

QString MainWindow::selectedRevision() const
{
    return m_scene->selectedRevision();
}

void MainWindow::revisionSelected(const QString &id)
{
    m_view->centerOnRevision(id);
    const int row = m_listModel->rowOf(id);
    if (row >= 0) {
        const QModelIndex index = m_filter->mapFromSource(m_listModel->index(row, 0));
        if (index.isValid() && m_list->currentIndex().row() != index.row()) {
            // Not a QSignalBlocker: the view repaints its highlight from the selection model's
            // signals, and would keep showing the old row.
            m_syncingList = true;
            m_list->setCurrentIndex(index);
            m_syncingList = false;
            m_list->scrollTo(index);
        }
    }
    updateDetails();
    updateActions();
}

QString MainWindow::stateText(const QString &id) const
{
    switch (m_scene->stateOf(id)) {
    case RevisionItem::State::Current: return tr("current (in the version table)");
    case RevisionItem::State::Applied: return tr("applied");
    case RevisionItem::State::Pending: return tr("pending");
    case RevisionItem::State::Unknown: break;
    }
    return {};
}

void MainWindow::updateDetails()
{
    const QString id = selectedRevision();
    if (id.isEmpty() || !m_session->project()) {
        if (!m_details->revision().isEmpty() || !m_session->project())
            m_details->clear();
        return;
    }
    if (const GraphProblemNode *problem = m_scene->problem(id))
        m_details->showProblem(id, problem->title, problem->message, problem->file, problem->line);
    else if (const CollapsedBranch *branch = m_scene->collapsedBranch(id))
        m_details->showCollapsed(id, m_session->project()->map(), *branch);
    else
        m_details->showRevision(m_session->project()->map(), id, stateText(id), m_session->dialectName(),
                                &m_session->database().runs);
}

void MainWindow::updateActions()
{
    const bool open = m_session->project().has_value();
    const bool writable = open && !m_session->isReadOnly();
    const bool selected = open && !selectedRevision().isEmpty();
    const bool known = m_session->database().status == DatabaseState::Status::Known;
    m_actions->reload->setEnabled(m_session->isOpen());
    m_actions->newRevision->setEnabled(writable);
    m_actions->merge->setEnabled(writable && m_session->project()->map().heads().size() > 1);
    m_actions->upgrade->setEnabled(selected && known && !m_session->isReadOnly());
    m_actions->downgrade->setEnabled(selected && known && !m_session->isReadOnly());
    m_actions->stamp->setEnabled(selected && known && !m_session->isReadOnly());
    m_actions->showSql->setEnabled(selected && !m_session->isReadOnly());
    m_actions->edit->setEnabled(selected);
    m_actions->save->setEnabled(currentEditor() != nullptr);
    m_actions->closeEditor->setEnabled(currentEditor() != nullptr);
    m_actions->refreshDatabase->setEnabled(open);
    m_actions->compare->setEnabled(selected && !m_session->isReadOnly());
    m_actions->compareDatabase->setEnabled(open && !m_session->isReadOnly());
}

void MainWindow::updateTitle()
{
    if (!m_session->isOpen()) {
        setWindowTitle(tr("Stratum Studio"));
        return;
    }
    QString title = QFileInfo(m_session->projectDirectory()).fileName();
    if (m_session->project())
        title += tr(" — %n revision(s)", "", m_session->project()->map().size());
    if (m_session->isReadOnly())
        title += tr(" (Alembic project, read-only)");
    setWindowTitle(tr("%1 — Stratum Studio").arg(title));
}

void MainWindow::showError(const Error &error)
{
    m_shownError = error;
    QString where;
    if (!error.file.isEmpty()) {
        where = error.file;
        if (error.line > 0)
            where += QLatin1Char(':') + QString::number(error.line);
        if (error.column > 0)
            where += QLatin1Char(':') + QString::number(error.column);
    }
    QString html = QStringLiteral("<b>%1</b>").arg(error.message.toHtmlEscaped());
    if (!where.isEmpty())
        html += QStringLiteral("<br><code>%1</code>").arg(where.toHtmlEscaped());
    if (!error.hint.isEmpty())
        html += QStringLiteral("<br>%1").arg(error.hint.toHtmlEscaped());
    const int problems = int(m_session->problemNodes().size());
    if (problems > 0)
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("%n problem(s) with the revision files, marked in red in the graph. Nothing runs "
                            "until they are fixed.", "", problems).toHtmlEscaped());
    else if (m_session->project())
        html += QStringLiteral("<br><i>%1</i>").arg(tr("The graph shows the files as they were last read.").toHtmlEscaped());
    m_errorLabel->setText(html);
    const bool dark = Theme::isDark(palette());
    m_errorBar->setStyleSheet(dark ? QStringLiteral("QFrame#errorBar { background: #4a1f1f; color: #ffd7d5; }")
                                   : QStringLiteral("QFrame#errorBar { background: #ffebe9; color: #82071e; }"));
    m_errorOpen->setVisible(QFileInfo(error.file).isFile());
    m_errorBar->show();
    appendLog(tr("Error: %1").arg(error.toString()));
}

void MainWindow::hideError()
{
    m_shownError = {};
    m_errorBar->hide();
    m_errorLabel->clear();
}

QString MainWindow::errorText() const
{
    if (m_errorBar->isHidden())
        return {};
    QString text = m_shownError.toString();
    return text;
}

QString MainWindow::statusText() const
{
    return m_indicators->statusText();
}

void MainWindow::appendLog(const QString &line)
{
    m_log->appendLine(line);
}

void MainWindow::showContextMenu(const QString &id, const QPoint &screenPos)
{
    selectRevision(id);
    QMenu menu(this);
    menu.addAction(m_actions->upgrade);
    menu.addAction(m_actions->downgrade);
    menu.addAction(m_actions->stamp);
    menu.addSeparator();
    menu.addAction(m_actions->showSql);
    menu.addAction(m_actions->newRevision);
    menu.addAction(m_actions->merge);
    menu.addAction(m_actions->compare);
    menu.addAction(tr("Compare Schema &with…"), this, [this, id] { m_diffs->chooseAndCompare(id); })
        ->setEnabled(m_diffs->compareAction()->isEnabled());
    menu.addSeparator();
    menu.addAction(m_actions->edit);
    m_collapse->addActions(&menu, id);
    menu.exec(screenPos);
}

RevisionEditor *MainWindow::currentEditor() const
{
    return m_editors->current();
}

RevisionEditor *MainWindow::openEditor(const QString &revisionOrPath, int line, int column)
{
    return m_editors->open(revisionOrPath, line, column);
}

void MainWindow::dryRun(RevisionEditor *editor)
{
    m_editors->dryRun(editor);
}

bool MainWindow::closeEditors()
{
    if (!m_editors->closeAll())
        return false;
    // The other tabs (the schema diff) belong to the project that is closing too.
    while (m_tabs->count() > 1)
        m_tabs->removeTab(1);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!closeEditors()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_scene->setPalette(palette());
        m_view->graphChanged();
        databaseChanged();
    }
}

CommandContext MainWindow::commandContext()
{
    CommandContext context;
    context.config = m_session->config();
    context.output.print = [this](const QString &line) { appendLog(line); };
    context.output.info = [this](const QString &line) { appendLog(line); };
    return context;
}

void MainWindow::addRecentProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(recentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentProjects)
        recent.removeLast();
    settings.setValue(QLatin1String(recentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_actions->recentMenu->clear();
    QSettings settings;
    const QStringList recent = settings.value(QLatin1String(recentKey)).toStringList();
    int number = 0;
    for (const QString &path : recent) {
        // Numbered for the keyboard: Alt+F, R, 1 opens the last project.
        QString text = path;
        text.replace(QLatin1Char('&'), QLatin1String("&&"));
        if (++number <= 9)
            text = QStringLiteral("&%1 %2").arg(number).arg(text);
        QAction *action = m_actions->recentMenu->addAction(text, this, [this, path] { openProject(path); });
        action->setEnabled(QFileInfo(path).isDir());
    }
    if (recent.isEmpty())
        m_actions->recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        m_actions->recentMenu->addSeparator();
        m_actions->recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(QLatin1String(recentKey));
            rebuildRecentMenu();
        });
    }
}

void MainWindow::openProjectDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open project folder"),
                                                          m_session->projectDirectory());
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::newProjectDialog()
{
    NewProjectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openProject(dialog.directory());
}

Result<QString> MainWindow::createRevision(const QString &head, const QString &message,
                                           const QStringList &branchLabels)
{
    if (!m_session->project())
        return Error::input(tr("No project is open"));
    const Revision *base = m_session->project()->map().revision(head);
    RevisionOptions options;
    options.message = message;
    options.head = head.isEmpty() ? QStringLiteral("head") : head;
    // A revision that is not a head gets a new branch on top (Alembic's --splice).
    options.splice = base && !base->isHead;
    options.branchLabels = branchLabels;
    Result<QString> path = Commands::revision(commandContext(), options);
    if (!path)
        return path.error();
    Result<RevisionScript> written = readRevisionHeader(*path);
    m_session->reload();
    if (written) {
        selectRevision(written->revision);
        return written->revision;
    }
    return written.error();
}

Result<QString> MainWindow::mergeRevisions(const QStringList &heads, const QString &message)
{
    if (!m_session->project())
        return Error::input(tr("No project is open"));
    Result<QString> path = Commands::merge(commandContext(), heads, message, {}, {});
    if (!path)
        return path.error();
    Result<RevisionScript> written = readRevisionHeader(*path);
    m_session->reload();
    if (written) {
        selectRevision(written->revision);
        return written->revision;
    }
    return written.error();
}

SchemaDiffView *MainWindow::compareSchemas(const QString &revision)
{
    return m_diffs->compare(revision);
}

void MainWindow::newRevisionDialog()
{
    if (!m_session->project())
        return;
    NewRevisionDialog dialog(NewRevisionDialog::Mode::Revision, m_session->project()->map().heads(),
                             selectedRevision(), this);
    while (dialog.exec() == QDialog::Accepted) {
        Result<QString> created = createRevision(dialog.head(), dialog.message(), dialog.branchLabels());
        if (created) {
            openEditor(*created);
            return;
        }
        dialog.showError(created.error().toString());
    }
}

void MainWindow::mergeDialog()
{
    if (!m_session->project())
        return;
    NewRevisionDialog dialog(NewRevisionDialog::Mode::Merge, m_session->project()->map().heads(),
                             selectedRevision(), this);
    QPointer<NewRevisionDialog> target = &dialog;
    connect(&dialog, &NewRevisionDialog::headsChanged, this, [this, target](const QStringList &heads) {
        CommandContext context;
        context.config = m_session->config();
        inBackground(this, [context, heads] { return Commands::mergePreview(context, heads); },
                     [target, heads](const Result<MergePreview> &preview) {
                         if (target)
                             target->showPreview(heads, preview);
                     });
    });
    dialog.requestPreview();
    while (dialog.exec() == QDialog::Accepted) {
        Result<QString> created = mergeRevisions(dialog.mergeHeads(), dialog.message());
        if (created)
            return;
        dialog.showError(created.error().toString());
    }
}

ApplyDialog *MainWindow::prepareApply(ApplyDialog::Operation operation, const QString &revision)
{
    auto *dialog = new ApplyDialog(*m_session, operation, revision, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ApplyDialog::migrationFinished, this, [this](bool ok) {
        appendLog(ok ? tr("Run finished") : tr("Run failed"));
        m_session->reload();
    });
    connect(dialog, &ApplyDialog::logLine, m_log, &LogView::appendLine);
    return dialog;
}

void MainWindow::applyOperation(ApplyDialog::Operation operation)
{
    const QString id = selectedRevision();
    if (id.isEmpty())
        return;
    ApplyDialog *dialog = prepareApply(operation, id);
    dialog->open();
}

void MainWindow::showSql()
{
    const QString id = selectedRevision();
    if (id.isEmpty() || !m_session->project())
        return;
    const RevisionMap &map = m_session->project()->map();
    const Revision *revision = map.revision(id);
    const Dialect *dialect = Dialect::find(m_session->dialectName());
    if (!revision || !dialect)
        return;
    // `stratum upgrade --sql <parents>:<id>`: this revision's own SQL, as it would run.
    const QStringList from = revision->downRevisions;
    Result<QString> script = renderOfflineScript(
        *dialect, map, from,
        [&map, id](const QStringList &heads) { return map.upgradeSteps(id, heads); },
        MigratorOptions::fromConfig(m_session->config()));
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("showSqlDialog"));
    dialog.setWindowTitle(tr("SQL of %1").arg(id));
    auto *view = new SqlEditor(&dialog);
    view->setObjectName(QStringLiteral("showSqlView"));
    view->setDialect(m_session->dialectName());
    view->setReadOnly(true);
    view->setText(script ? *script : QStringLiteral("-- ") + script.error().toString());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog.resize(760, 560);
    view->setFocus();
    dialog.exec();
}

void MainWindow::populateConnections()
{
    QSettings settings;
    const QString key = QStringLiteral("projects/%1/connection")
                            .arg(QString::fromLatin1(m_session->configPath().toUtf8().toBase64()));
    const QString chosen = settings.value(key).toString();
    m_connection->clear();
    m_connection->addItem(tr("Project URL (stratum.ini)"), QString());
    for (const ConnectionProfile &profile : ConnectionProfiles::load(settings))
        m_connection->addItem(profile.name, profile.name);
    const int index = m_connection->findData(chosen);
    m_connection->setCurrentIndex(index >= 0 ? index : 0);
    m_connection->setEnabled(m_session->isOpen());
}

void MainWindow::connectionChosen(int index)
{
    if (!m_session->isOpen())
        return;
    const QString name = m_connection->itemData(index).toString();
    QSettings settings;
    settings.setValue(QStringLiteral("projects/%1/connection")
                          .arg(QString::fromLatin1(m_session->configPath().toUtf8().toBase64())),
                      name);
    QString url;
    for (const ConnectionProfile &profile : ConnectionProfiles::load(settings))
        if (profile.name == name) {
            Result<QString> resolved = ConnectionProfiles::resolvedUrl(profile);
            if (!resolved) {
                showError(resolved.error());
                return;
            }
            url = *resolved;
        }
    m_passwordAskedFor.clear();
    m_session->setUrlOverride(url);
    m_session->reload();
}

void MainWindow::askPassword()
{
    const QString name = m_connection->currentData().toString();
    m_passwordAskedFor = name;
    QSettings settings;
    for (const ConnectionProfile &profile : ConnectionProfiles::load(settings)) {
        if (profile.name != name)
            continue;
        PasswordPrompt prompt(name, maskPasswords(m_session->database().error.message), this);
        if (prompt.exec() != QDialog::Accepted)
            return;
        Result<QString> url = ConnectionProfiles::urlWithPassword(profile, prompt.password());
        if (!url) {
            showError(url.error());
            return;
        }
        if (prompt.remember()) {
            if (Status kept = PasswordStore::write(name, prompt.password()); !kept)
                appendLog(kept.error().message);
        }
        m_session->setUrlOverride(*url);
        m_session->reload();
    }
}

void MainWindow::editConnections()
{
    ConnectionsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        populateConnections();
}

} // namespace Stratum
