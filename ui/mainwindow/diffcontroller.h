// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/commands/commands.h"
#include "diff/compareside.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class QAction;
class QTabWidget;

namespace Stratum {

class CompareDialog;
class ProjectSession;
class SchemaDiffView;

/// The Schema Diff tab: compares two schemas (CompareSide: the database, the schema files, a
/// revision or a head, replayed on a dev database) on a worker thread, turns the checked changes
/// into a revision, and never shows a comparison that no longer holds. When the database moves
/// (a run, a stamp, another connection), the revisions change (a new or edited revision, a
/// reload) or a schema file changes on disk, a diff with that side is marked out of date and its
/// Create button is disabled until it is compared again: a revision made from it would repeat
/// what is already done. Revisions are made only from a diff whose left side is the database
/// at the heads.
class DiffController : public QObject
{
    Q_OBJECT

public:
    /// \a commandContext gives the context new revisions are written with (its output is the log).
    DiffController(ProjectSession *session, QTabWidget *tabs, std::function<CommandContext()> commandContext,
                   QObject *parent = nullptr);

    /// Shows the tab (adding it again if it was closed) and compares \a revision (empty: the
    /// database) with the schema files.
    SchemaDiffView *compare(const QString &revision = {});
    /// Shows the tab and compares \a left with \a right.
    SchemaDiffView *compare(const CompareSide &left, const CompareSide &right);
    SchemaDiffView *view() const { return m_view; }
    /// Opens the Compare dialog (not blocking) with \a revision (empty: the database) on the
    /// left and the schema files on the right; Compare in it compares the two picked.
    CompareDialog *chooseAndCompare(const QString &revision);
    CompareDialog *dialog() const;
    /// Database → Compare… (Ctrl+Shift+D), enabled while a project that can be replayed is open;
    /// whoever puts it in a menu connects it to chooseAndCompare().
    QAction *compareAction() const { return m_compareAction; }

Q_SIGNALS:
    /// A revision was written from the checked changes.
    void revisionCreated(const QString &revision);

private:
    void databaseChanged();
    void projectChanged();
    void markStale(const QString &why);
    void showView();
    /// Why no revision can be made from the shown comparison (empty: it can).
    QString whyNoRevision() const;
    /// Why no revision can be made from a comparison with the database (empty: it can).
    QString notAtHead() const;
    /// The diff's title of \a side: its CompareSide::title, with the URL or the schema globs.
    QString title(const CompareSide &side) const;
    /// A head that is no longer one stands for the head it grew into, when there is one;
    /// otherwise for the revision it is.
    CompareSide followHead(const CompareSide &side) const;
    bool involves(CompareSide::Kind kind) const;
    bool involvesRevisions() const;
    void watchSchemaFiles();
    /// Watches the files of the revision sides and of all they build on.
    void watchRevisionFiles();
    /// The revision files as they are now (ids, sizes, times): what a comparison was made with.
    QStringList revisionsSignature() const;

    ProjectSession *m_session;
    QTabWidget *m_tabs;
    std::function<CommandContext()> m_commandContext;
    QPointer<SchemaDiffView> m_view;
    QPointer<CompareDialog> m_dialog;
    QAction *m_compareAction;
    QFileSystemWatcher m_schemaWatcher;
    QFileSystemWatcher m_revisionWatcher;
    CompareSide m_left = CompareSide::database();   ///< the shown comparison's sides
    CompareSide m_right = CompareSide::schemaFiles();
    bool m_shown = false;        ///< a comparison is on screen (or on its way)
    int m_generation = 0;        ///< counts comparisons: only the latest one's result is shown
    /// The database's heads when it was compared; unset while the session was still reading
    /// them (the next reading fills it in).
    std::optional<QStringList> m_heads;
    QStringList m_revisions;     ///< revisionsSignature() when it was compared
};

} // namespace Stratum
