// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainactions.h"

#include "theme/icons.h"

#include <QAction>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace Stratum {
namespace {

QAction *addAction(QMenu *menu, const char *objectName, const QString &text, const QString &icon = {},
                   const QList<QKeySequence> &shortcuts = {})
{
    QAction *action = menu->addAction(text);
    action->setObjectName(QLatin1String(objectName));
    if (!icon.isEmpty())
        action->setIcon(Icons::get(icon));
    action->setShortcuts(shortcuts);
    return action;
}

} // namespace

MainActions::MainActions(QMainWindow *window)
{
    createFileMenu(window);
    createRevisionMenu(window);
    createViewMenu(window);
    createDatabaseMenu(window);
    createHelpMenu(window);
    createToolBar(window);
}

void MainActions::createFileMenu(QMainWindow *window)
{
    fileMenu = window->menuBar()->addMenu(tr("&File"));
    newProject = addAction(fileMenu, "newProjectAction", tr("&New Project…"), QStringLiteral("folder-new"),
                           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)});
    open = addAction(fileMenu, "openAction", tr("&Open Project…"), QStringLiteral("document-open"),
                     QKeySequence::keyBindings(QKeySequence::Open));
    recentMenu = fileMenu->addMenu(Icons::get(QStringLiteral("document-open-recent")), tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    reload = addAction(fileMenu, "reloadAction", tr("Re&load"), QStringLiteral("view-refresh"),
                       QKeySequence::keyBindings(QKeySequence::Refresh));
    reload->setToolTip(tr("Read the revision files again"));
    fileMenu->addSeparator();
    save = addAction(fileMenu, "saveAction", tr("&Save Revision"), QStringLiteral("document-save"),
                     QKeySequence::keyBindings(QKeySequence::Save));
    closeEditor = addAction(fileMenu, "closeEditorAction", tr("&Close Editor"), QStringLiteral("window-close"),
                            QKeySequence::keyBindings(QKeySequence::Close));
    fileMenu->addSeparator();
    quit = addAction(fileMenu, "quitAction", tr("&Quit"), QStringLiteral("application-exit"),
                     QKeySequence::keyBindings(QKeySequence::Quit));
}

void MainActions::createRevisionMenu(QMainWindow *window)
{
    revisionMenu = window->menuBar()->addMenu(tr("&Revision"));
    newRevision = addAction(revisionMenu, "newRevisionAction", tr("&New Revision on Top…"),
                            QStringLiteral("document-new"), QKeySequence::keyBindings(QKeySequence::New));
    merge = addAction(revisionMenu, "mergeAction", tr("&Merge With…"), QStringLiteral("vcs-merge"),
                      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)});
    revisionMenu->addSeparator();
    // Up and down as the graph draws it: newer revisions are above. Ctrl+Up/Down without Shift
    // walk the graph's heads, Alt+Up/Down its parents and children.
    upgrade = addAction(revisionMenu, "upgradeAction", tr("&Upgrade to Here…"), QStringLiteral("go-up"),
                        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up)});
    downgrade = addAction(revisionMenu, "downgradeAction", tr("&Downgrade to Here…"), QStringLiteral("go-down"),
                          {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down)});
    stamp = addAction(revisionMenu, "stampAction", tr("S&tamp…"), QStringLiteral("stamp"),
                      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    stamp->setToolTip(tr("Write this revision into the version table without running anything"));
    revisionMenu->addSeparator();
    showSql = addAction(revisionMenu, "showSqlAction", tr("Show &SQL"));
    edit = addAction(revisionMenu, "editAction", tr("&Open in Editor"), QStringLiteral("document-edit"),
                     {QKeySequence(Qt::Key_Return)});
    // Return opens only where a revision is selected: in the graph (the window adds it there).
    edit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    compare = addAction(revisionMenu, "compareAction", tr("&Compare with Schema Files"), QStringLiteral("vcs-diff"));
    compare->setToolTip(tr("The schema this revision produces (replayed on a dev database) "
                           "beside the desired schema files"));
}

void MainActions::createViewMenu(QMainWindow *window)
{
    viewMenu = window->menuBar()->addMenu(tr("&View"));
    zoomIn = addAction(viewMenu, "zoomInAction", tr("Zoom &In"), QStringLiteral("zoom-in"),
                       QKeySequence::keyBindings(QKeySequence::ZoomIn));
    zoomOut = addAction(viewMenu, "zoomOutAction", tr("Zoom &Out"), QStringLiteral("zoom-out"),
                        QKeySequence::keyBindings(QKeySequence::ZoomOut));
    resetZoom = addAction(viewMenu, "resetZoomAction", tr("&Actual Size"), QStringLiteral("zoom-original"),
                          {QKeySequence(Qt::CTRL | Qt::Key_0)});
    fit = addAction(viewMenu, "fitAction", tr("&Fit Graph"), QStringLiteral("zoom-fit-best"),
                    {QKeySequence(Qt::CTRL | Qt::Key_9)});
    // Icons only in the tool bar: the magnifiers say it.
    for (QAction *action : {zoomIn, zoomOut, fit})
        action->setPriority(QAction::LowPriority);
    minimap = addAction(viewMenu, "minimapAction", tr("&Minimap"));
    minimap->setCheckable(true);
    minimap->setChecked(true);
    allDependencies = addAction(viewMenu, "allDependenciesAction", tr("All &Depends On Links"));
    allDependencies->setCheckable(true);
    allDependencies->setToolTip(tr("Draw every Depends On link, not only those of the selected revision"));
    collapseAll = addAction(viewMenu, "collapseAllAction", tr("&Collapse Merged Branches"));
    expandAll = addAction(viewMenu, "expandAllAction", tr("E&xpand All Branches"));
    find = addAction(viewMenu, "findAction", tr("&Search Revisions"), QStringLiteral("edit-find"),
                     QKeySequence::keyBindings(QKeySequence::Find));
    viewMenu->addSeparator();   // the window adds the Log and Runs panels below
}

void MainActions::createDatabaseMenu(QMainWindow *window)
{
    databaseMenu = window->menuBar()->addMenu(tr("&Database"));
    connections = addAction(databaseMenu, "connectionsAction", tr("&Connections…"),
                            QStringLiteral("network-server-database"));
    refreshDatabase = addAction(databaseMenu, "refreshDatabaseAction", tr("&Read Current Revision"), {},
                                {QKeySequence(Qt::SHIFT | Qt::Key_F5)});
    compareDatabase = addAction(databaseMenu, "compareDatabaseAction", tr("Compare Database with &Schema Files"),
                                QStringLiteral("vcs-diff"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
}

void MainActions::createHelpMenu(QMainWindow *window)
{
    helpMenu = window->menuBar()->addMenu(tr("&Help"));
    documentation = addAction(helpMenu, "documentationAction", tr("&Documentation"), QStringLiteral("help-contents"),
                              QKeySequence::keyBindings(QKeySequence::HelpContents));
    shortcuts = addAction(helpMenu, "shortcutsAction", tr("&Keyboard Shortcuts"),
                          QStringLiteral("preferences-desktop-keyboard-shortcuts"),
                          {QKeySequence(Qt::CTRL | Qt::Key_Question)});
    helpMenu->addSeparator();
    about = addAction(helpMenu, "aboutAction", tr("&About Stratum Studio"), QStringLiteral("help-about"));
}

void MainActions::createToolBar(QMainWindow *window)
{
    toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));
    open->setIconText(tr("Open"));
    newRevision->setIconText(tr("New Revision"));
    upgrade->setIconText(tr("Upgrade"));
    downgrade->setIconText(tr("Downgrade"));
    const QList<QAction *> shown = {open, reload, nullptr, newRevision, upgrade, downgrade, nullptr, fit, zoomIn, zoomOut};
    for (QAction *action : shown) {
        if (!action) {
            toolBar->addSeparator();
            continue;
        }
        toolBar->addAction(action);
        // A tool button shows no menu: its tip names the key.
        if (!action->shortcut().isEmpty())
            action->setToolTip(tr("%1 (%2)").arg(action->toolTip(),
                                                 action->shortcut().toString(QKeySequence::NativeText)));
    }
    toolBar->addSeparator();
}

} // namespace Stratum
