// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTabWidget>

class QLabel;
class QStackedWidget;

namespace Stratum {

class SqlEditor;

/// The SQL a revision would hold, its upgrade and its downgrade, in two tabs of read-only
/// editors; a sentence in their place when there is none (nothing is checked).
class SqlPreview : public QTabWidget
{
    Q_OBJECT

public:
    explicit SqlPreview(QWidget *parent = nullptr);

    void setDialect(const QString &dialect);
    /// Shows \a upgrade and \a downgrade, keeping where each editor was scrolled to.
    void setSql(const QString &upgrade, const QString &downgrade);
    SqlEditor *upgradeView() const { return m_upgrade; }
    SqlEditor *downgradeView() const { return m_downgrade; }
    /// Whether the sentence shows in place of the SQL.
    bool isEmptyShown() const;
    QString emptyText() const;

private:
    QStackedWidget *addPage(SqlEditor *editor, const QString &title);
    static void show(QStackedWidget *page, SqlEditor *editor, const QString &sql);

    SqlEditor *m_upgrade;
    SqlEditor *m_downgrade;
    QStackedWidget *m_upgradePage;
    QStackedWidget *m_downgradePage;
};

} // namespace Stratum
