// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/commands/commands.h"
#include "diff/diffpane.h"
#include "diff/schemaddl.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace Stratum {

class DiffNavigator;
class ScrollSync;
class SqlPreview;

/// Two schemas side by side, as Meld shows two files: DDL aligned object by object with added,
/// removed and changed lines coloured, the words that differ inside a changed line highlighted,
/// filler shaded where only the other side has lines, both panes scrolling together, and Next
/// and Previous Change (Alt+Down / Alt+Up, F8 / Shift+F8). Beside them the tree of changes
/// (autogenerate's operations) with check boxes, and the upgrade and downgrade SQL of the checked
/// ones, which become a new revision.
class SchemaDiffView : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaDiffView(QWidget *parent = nullptr);

    /// Shows \a comparison; \a canCreateRevision when its left side is the database, so that
    /// the operations apply on top of the current head.
    /// \a hiddenTables (the version table, the audit log) are left out of the DDL, as the
    /// comparison leaves them out.
    void setComparison(const SchemaComparison &comparison, const QString &leftTitle,
                       const QString &rightTitle, bool canCreateRevision, const QString &renderAsBatch,
                       const QStringList &hiddenTables = {});
    void showBusy(const QString &text);
    void showError(const Error &error);
    /// What is shown no longer holds (\a why: "the database is now at …"): said above the
    /// diff, and no revision can be made from it until it is compared again.
    void markStale(const QString &why);
    /// No revision can be made from what is shown, because \a why (said under the status).
    void blockCreate(const QString &why);
    bool isStale() const { return m_stale; }
    QPushButton *compareAgainButton() const { return m_compareAgain; }

    QTreeWidget *changes() const { return m_changes; }
    DiffPane *leftView() const { return m_left; }
    DiffPane *rightView() const { return m_right; }
    DiffNavigator *navigator() const { return m_navigator; }
    /// "3 changes", or "change 2 of 3" once Next or Previous Change moved.
    QString changeCountText() const;
    QAction *nextChangeAction() const { return m_nextChange; }
    QAction *previousChangeAction() const { return m_previousChange; }
    /// The upgrade and downgrade SQL of the checked operations, kept up to date.
    SqlPreview *preview() const { return m_preview; }
    QString statusText() const;
    /// The names of the two sides shown above the panes.
    QString leftTitle() const;
    QString rightTitle() const;
    /// The operations whose boxes are checked, in run order.
    QList<Operation> checkedOperations() const;
    /// Upgrade and downgrade section bodies for the checked operations.
    std::pair<QString, QString> checkedSql() const;
    QLineEdit *messageField() const { return m_message; }
    /// Whether a dropped and an added table or column that match are shown as a rename.
    bool detectRenames() const;
    QCheckBox *renamesBox() const { return m_renames; }
    QPushButton *createButton() const { return m_create; }

Q_SIGNALS:
    /// The user asked for a revision of the checked changes.
    void createRevisionRequested(const QString &message, const QString &upgradeSql,
                                 const QString &downgradeSql);
    /// The rename check box changed, or Compare Again was clicked: compare again with
    /// detectRenames().
    void compareAgainRequested();

private:
    void updateCreate();
    void updatePreview();
    void updateNavigation();
    void scrollToObject(const QString &object);
    void showRows(const QList<DiffRow> &rows);
    QWidget *navigationBar();

    SchemaComparison m_comparison;
    bool m_batch = false;
    bool m_canCreate = false;
    bool m_stale = false;
    QString m_blocked;   ///< why no revision can be made (blockCreate)
    QList<int> m_objectRows;
    QStringList m_objectTitles;
    QLabel *m_status;
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    QTreeWidget *m_changes;
    DiffPane *m_left;
    DiffPane *m_right;
    ScrollSync *m_scrollSync;
    DiffNavigator *m_navigator;
    QAction *m_nextChange;
    QAction *m_previousChange;
    QLabel *m_changeCount;
    SqlPreview *m_preview;
    QTimer *m_previewTimer;   ///< one update for the many itemChanged of a checked group
    QLineEdit *m_message;
    QPushButton *m_create;
    QCheckBox *m_renames;
    QPushButton *m_compareAgain;
};

} // namespace Stratum
