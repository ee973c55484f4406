// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace Stratum {

/// The main window's actions, each with its text and mnemonic, icon, shortcut and object name,
/// in the menus and the tool bar. Like a form class made by uic it only builds: the window
/// connects what the actions do and decides when they are enabled.
///
/// Shortcuts: the platform's standard keys where there is one (Open, Save, Close, Quit, New,
/// Refresh, Find, Zoom In/Out, Help Contents); Ctrl+Shift+Up/Down upgrade and downgrade to the
/// selected revision, Ctrl+Shift+S stamps it, Ctrl+Shift+M merges, Ctrl+Shift+C compares the
/// database with the schema files, Shift+F5 reads the database again, Ctrl+9 fits the graph,
/// Ctrl+? lists them all. None takes a key the graph or the SQL editor handles itself.
struct MainActions
{
    // The texts kept the window's translation context when they moved here from it.
    Q_DECLARE_TR_FUNCTIONS(Stratum::MainWindow)

public:
    explicit MainActions(QMainWindow *window);

    QMenu *fileMenu;
    QMenu *recentMenu;
    QMenu *revisionMenu;
    QMenu *viewMenu;
    QMenu *databaseMenu;
    QMenu *helpMenu;
    QToolBar *toolBar;

    QAction *newProject;
    QAction *open;
    QAction *reload;
    QAction *save;
    QAction *closeEditor;
    QAction *quit;

    QAction *newRevision;
    QAction *merge;
    QAction *upgrade;
    QAction *downgrade;
    QAction *stamp;
    QAction *showSql;
    QAction *edit;
    QAction *compare;

    QAction *zoomIn;
    QAction *zoomOut;
    QAction *resetZoom;
    QAction *fit;
    QAction *minimap;
    QAction *allDependencies;
    QAction *collapseAll;
    QAction *expandAll;
    QAction *find;

    QAction *connections;
    QAction *refreshDatabase;
    QAction *compareDatabase;

    QAction *documentation;
    QAction *shortcuts;
    QAction *about;

private:
    void createFileMenu(QMainWindow *window);
    void createRevisionMenu(QMainWindow *window);
    void createViewMenu(QMainWindow *window);
    void createDatabaseMenu(QMainWindow *window);
    void createHelpMenu(QMainWindow *window);
    void createToolBar(QMainWindow *window);
};

} // namespace Stratum
