#pragma once

#include "commands/commands.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class QTabWidget;

namespace Stratum {

class ProjectSession;
class SchemaDiffView;

/// The Schema Diff tab: compares the database (or a revision, replayed on a dev database) with
/// the schema files on a worker thread, turns the checked changes into a revision, and never
/// shows a comparison that no longer holds. When the database moves (a run, a stamp, another
/// connection), the revisions change (a new or edited revision, a reload) or a schema file
/// changes on disk, the diff is marked out of date and its Create button is disabled until it
/// is compared again: a revision made from it would repeat what is already done.
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
    SchemaDiffView *view() const { return m_view; }

Q_SIGNALS:
    /// A revision was written from the checked changes.
    void revisionCreated(const QString &revision);

private:
    void databaseChanged();
    void projectChanged();
    void markStale(const QString &why);
    /// Why no revision can be made from a comparison with the database (empty: it can).
    QString notAtHead() const;
    void watchSchemaFiles();
    /// The revision files as they are now (ids, sizes, times): what a comparison was made with.
    QStringList revisionsSignature() const;

    ProjectSession *m_session;
    QTabWidget *m_tabs;
    std::function<CommandContext()> m_commandContext;
    QPointer<SchemaDiffView> m_view;
    QFileSystemWatcher m_schemaWatcher;
    QString m_revision;          ///< what the shown comparison's left side is (empty: the database)
    bool m_shown = false;        ///< a comparison is on screen (or on its way)
    /// The database's heads when it was compared; unset while the session was still reading
    /// them (the next reading fills it in).
    std::optional<QStringList> m_heads;
    QStringList m_revisions;     ///< revisionsSignature() when it was compared
};

} // namespace Stratum
