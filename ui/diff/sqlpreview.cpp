// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/sqlpreview.h"

#include "editor/sqleditor.h"

#include <QLabel>
#include <QStackedWidget>

namespace Stratum {

SqlPreview::SqlPreview(QWidget *parent)
    : QTabWidget(parent)
    , m_upgrade(new SqlEditor(this))
    , m_downgrade(new SqlEditor(this))
    , m_upgradePage(addPage(m_upgrade, tr("Upgrade")))
    , m_downgradePage(addPage(m_downgrade, tr("Downgrade")))
{
    m_upgrade->setObjectName(QStringLiteral("sqlPreviewUpgrade"));
    m_downgrade->setObjectName(QStringLiteral("sqlPreviewDowngrade"));
    setDocumentMode(true);
    setSql({}, {});
}

QStackedWidget *SqlPreview::addPage(SqlEditor *editor, const QString &title)
{
    editor->setReadOnly(true);
    editor->setCaretLineVisible(false);
    editor->setFolding(QsciScintilla::NoFoldStyle);
    // As wide as the longest statement seen, not Scintilla's fixed 2000 pixels.
    editor->setScrollWidth(1);
    editor->setScrollWidthTracking(true);
    auto *page = new QStackedWidget(this);
    auto *empty = new QLabel(emptyText(), page);
    empty->setObjectName(QStringLiteral("sqlPreviewEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false);   // drawn as placeholder text
    page->addWidget(empty);
    page->addWidget(editor);
    addTab(page, title);
    return page;
}

void SqlPreview::setDialect(const QString &dialect)
{
    m_upgrade->setDialect(dialect);
    m_downgrade->setDialect(dialect);
}

void SqlPreview::setSql(const QString &upgrade, const QString &downgrade)
{
    show(m_upgradePage, m_upgrade, upgrade);
    show(m_downgradePage, m_downgrade, downgrade);
}

void SqlPreview::show(QStackedWidget *page, SqlEditor *editor, const QString &sql)
{
    // Unchecking one change keeps the place the reader was looking at.
    const int first = editor->firstVisibleLine();
    editor->setText(sql);
    editor->setFirstVisibleLine(first);
    page->setCurrentIndex(sql.trimmed().isEmpty() ? 0 : 1);
}

bool SqlPreview::isEmptyShown() const
{
    return m_upgradePage->currentIndex() == 0 && m_downgradePage->currentIndex() == 0;
}

QString SqlPreview::emptyText() const
{
    return tr("No change is checked: check the changes the new revision is to make to see its SQL here.");
}

} // namespace Stratum
