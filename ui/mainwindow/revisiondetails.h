// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;

namespace Stratum {

class Revision;
class RevisionMap;
class SqlEditor;
struct CollapsedBranch;
struct AuditRecord;
struct RunsReport;

/// The selected revision: message, id, file, state, when and by whom it was applied, parents,
/// children, dependencies and labels, and the SQL of both sections (read from the file when
/// shown). A revision whose file changed since it was applied gets a warning line.
class RevisionDetails : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionDetails(QWidget *parent = nullptr);

    /// Shows \a id of \a map; \a state is "applied", "current", "pending" or empty. \a runs
    /// (the database's stratum_history, when read) says when it was applied and whether its
    /// file changed since.
    void showRevision(const RevisionMap &map, const QString &id, const QString &state,
                      const QString &dialect, const RunsReport *runs = nullptr);
    /// Shows a node of the graph that is a problem with the files (\a id is the node's id).
    void showProblem(const QString &id, const QString &title, const QString &message,
                     const QString &file, int line);
    /// Shows a node that stands for the collapsed \a branch of \a map, with links to its revisions.
    void showCollapsed(const QString &id, const RevisionMap &map, const CollapsedBranch &branch);
    void clear();
    QString revision() const { return m_revision; }
    SqlEditor *upgradeView() const { return m_upgrade; }
    SqlEditor *downgradeView() const { return m_downgrade; }
    /// The header text shown (for tests and accessibility).
    QString headerText() const;

Q_SIGNALS:
    void revisionLinkActivated(const QString &id);
    void openInEditorRequested(const QString &id);
    void openFileRequested(const QString &file, int line);

private:
    QString links(const QStringList &ids) const;
    static QString appliedText(const AuditRecord &run);

    QString m_revision;
    QString m_problemFile;
    int m_problemLine = 0;
    QLabel *m_title;
    QLabel *m_fields;
    QTabWidget *m_tabs;
    SqlEditor *m_upgrade;
    SqlEditor *m_downgrade;
};

} // namespace Stratum
