// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apply/applydialog.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;

namespace Stratum {

class CollapseController;
class DatabaseIndicators;
class DiffController;
class EditorTabs;
class ProjectWatcher;
class GraphScene;
class GraphView;
class LogView;
struct MainActions;
class ProjectSession;
class RevisionDetails;
class RevisionEditor;
class RevisionListModel;
class SchemaDiffView;
class ShortcutsDialog;
struct CommandContext;

/// The studio's window: the revision graph beside a searchable list and the details of the
/// selected revision; editors in tabs; a log; dialect, URL and current revisions in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a project folder (or its ini). Problems are shown in the window; false when the
    /// project could not be read at all.
    bool openProject(const QString &path);
    /// Waits (processing events) until the graph is laid out and the database has answered, or
    /// \a timeoutMs passed. True when settled.
    bool waitUntilSettled(int timeoutMs = 10000);

    ProjectSession *session() const { return m_session; }
    GraphScene *graphScene() const { return m_scene; }
    GraphView *graphView() const { return m_view; }
    QTreeView *revisionList() const { return m_list; }
    QLineEdit *searchField() const { return m_search; }
    RevisionDetails *details() const { return m_details; }
    LogView *log() const { return m_log; }
    /// The error shown above the graph (empty when none).
    QString errorText() const;
    QString statusText() const;

    void selectRevision(const QString &id);
    QString selectedRevision() const;
    /// Opens \a revision's file (an id, or a path) in an editor tab, at \a line if given.
    RevisionEditor *openEditor(const QString &revisionOrPath, int line = 0, int column = 0);
    RevisionEditor *currentEditor() const;
    /// The apply dialog for \a operation to \a revision, not yet shown (the menu opens it).
    ApplyDialog *prepareApply(ApplyDialog::Operation operation, const QString &revision);
    /// Creates a revision on top of \a head (Commands::revision); returns its id or an error.
    Result<QString> createRevision(const QString &head, const QString &message,
                                   const QStringList &branchLabels = {});
    /// Opens the schema diff tab and compares, on a worker thread, the database (\a revision
    /// empty) or the schema \a revision produces with the desired schema files.
    SchemaDiffView *compareSchemas(const QString &revision = {});
    /// Merges \a heads (Commands::merge); returns the merge revision's id or an error.
    Result<QString> mergeRevisions(const QStringList &heads, const QString &message);
    /// Runs \a editor's text on a dev database (Commands::dryRun, on a worker thread) and
    /// marks the result in it; dryRunFinished() follows.
    void dryRun(RevisionEditor *editor);

Q_SIGNALS:
    void dryRunFinished(RevisionEditor *editor);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createLayout();
    void projectChanged();
    /// Hands the session's layout to the graph and the list.
    void showGraph();
    void databaseChanged();
    void revisionSelected(const QString &id);
    void showContextMenu(const QString &id, const QPoint &screenPos);
    void updateActions();
    void updateDetails();
    void updateTitle();
    void addRecentProject(const QString &path);
    void rebuildRecentMenu();
    void showError(const Error &error);
    void hideError();
    void appendLog(const QString &line);
    CommandContext commandContext();
    QString stateText(const QString &id) const;
    bool closeEditors();

    void showShortcuts();
    void openProjectDialog();
    void newProjectDialog();
    void newRevisionDialog();
    void mergeDialog();
    void applyOperation(ApplyDialog::Operation operation);
    void showSql();
    void editConnections();
    void connectionChosen(int index);
    /// The server refused the chosen profile's credentials: ask for the password once.
    void askPassword();
    void populateConnections();

    ProjectSession *m_session;
    GraphScene *m_scene;
    GraphView *m_view;
    RevisionListModel *m_listModel;
    QSortFilterProxyModel *m_filter;
    QTreeView *m_list;
    QLineEdit *m_search;
    RevisionDetails *m_details;
    QTabWidget *m_tabs;
    DiffController *m_diffs;
    ProjectWatcher *m_watcher;
    EditorTabs *m_editors;
    CollapseController *m_collapse;
    LogView *m_log;
    QFrame *m_errorBar;
    QLabel *m_errorLabel;
    QPushButton *m_errorOpen;
    Error m_shownError;
    DatabaseIndicators *m_indicators;
    QComboBox *m_connection;
    bool m_firstLayout = true;

    std::unique_ptr<MainActions> m_actions;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
    bool m_syncingList = false;      ///< the list follows the graph's selection
    QString m_passwordAskedFor;      ///< the profile whose password was last asked for
};

} // namespace Stratum
