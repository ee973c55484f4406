// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/shortcutsdialog.h"

#include "editor/editorshortcut.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Stratum {
namespace {

// "&Upgrade to Here…" as a list shows it: "Upgrade to Here".
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}

QString keysText(const QList<QKeySequence> &keys)
{
    return QKeySequence::listToString(keys, QKeySequence::NativeText).replace(QLatin1String("; "), QLatin1String(", "));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_filter->setObjectName(QStringLiteral("shortcutsFilter"));
    m_filter->setPlaceholderText(tr("Filter by action or key"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    m_tree->setObjectName(QStringLiteral("shortcutsList"));
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);   // nothing to act on: keys stay with the filter
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);

    for (QAction *menu : menus->actions())
        if (menu->menu())
            addSection(plainText(menu->text()), menu->menu()->actions());
    QList<QPair<QString, QString>> graph = rowsOf(graphKeys());
    graph.append({tr("Zoom"), tr("Ctrl+Wheel")});   // not a key: QKeySequence has no wheel
    addRows(tr("Revision graph"), graph);
    addSection(tr("Schema diff"), diffKeys());
    QList<Key> editor;
    for (const EditorShortcut &shortcut : editorShortcuts())
        editor.append({shortcut.action, shortcut.keys});
    addSection(tr("Revision editor"), editor);
    resize(540, 720);
}

void ShortcutsDialog::addSection(const QString &title, const QList<QAction *> &actions)
{
    QList<QPair<QString, QString>> rows;
    for (const QAction *action : actions)
        if (!action->isSeparator() && !action->shortcuts().isEmpty())
            rows.append({plainText(action->text()), keysText(action->shortcuts())});
    addRows(title, rows);
}

void ShortcutsDialog::addSection(const QString &title, const QList<Key> &keys)
{
    addRows(title, rowsOf(keys));
}

QList<QPair<QString, QString>> ShortcutsDialog::rowsOf(const QList<Key> &keys)
{
    // One row per action: "Next difference" with Alt+Down and F8 reads "Alt+Down, F8".
    QList<QPair<QString, QList<QKeySequence>>> grouped;
    for (const Key &key : keys) {
        auto same = std::find_if(grouped.begin(), grouped.end(), [&key](const auto &row) { return row.first == key.first; });
        if (same == grouped.end())
            grouped.append({key.first, {key.second}});
        else
            same->second.append(key.second);
    }
    QList<QPair<QString, QString>> rows;
    for (const auto &[action, sequences] : std::as_const(grouped))
        rows.append({action, keysText(sequences)});
    return rows;
}

void ShortcutsDialog::addRows(const QString &title, const QList<QPair<QString, QString>> &rows)
{
    if (rows.isEmpty())
        return;
    auto *section = new QTreeWidgetItem(m_tree, {title});
    QFont bold = section->font(0);
    bold.setBold(true);
    section->setFont(0, bold);
    section->setFirstColumnSpanned(true);
    for (const auto &[action, keys] : rows)
        new QTreeWidgetItem(section, {action, keys});
    section->setExpanded(true);
}

QList<ShortcutsDialog::Key> ShortcutsDialog::graphKeys()
{
    return {
        {tr("Newer revision (row above)"), QKeySequence(Qt::Key_Up)},
        {tr("Older revision (row below)"), QKeySequence(Qt::Key_Down)},
        {tr("First row"), QKeySequence(Qt::Key_Home)},
        {tr("Last row"), QKeySequence(Qt::Key_End)},
        {tr("Parent (the revision it revises)"), QKeySequence(Qt::ALT | Qt::Key_Down)},
        {tr("Child"), QKeySequence(Qt::ALT | Qt::Key_Up)},
        {tr("Next head"), QKeySequence(Qt::CTRL | Qt::Key_Down)},
        {tr("Previous head"), QKeySequence(Qt::CTRL | Qt::Key_Up)},
        {tr("Open the selected revision"), QKeySequence(Qt::Key_Return)},
    };
}

QList<ShortcutsDialog::Key> ShortcutsDialog::diffKeys()
{
    return {
        {tr("Next difference"), QKeySequence(Qt::ALT | Qt::Key_Down)},
        {tr("Next difference"), QKeySequence(Qt::Key_F8)},
        {tr("Previous difference"), QKeySequence(Qt::ALT | Qt::Key_Up)},
        {tr("Previous difference"), QKeySequence(Qt::SHIFT | Qt::Key_F8)},
    };
}

QList<ShortcutsDialog::Row> ShortcutsDialog::rows() const
{
    QList<Row> result;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *section = m_tree->topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j)
            if (!section->child(j)->isHidden())
                result.append({section->text(0), section->child(j)->text(0), section->child(j)->text(1)});
    }
    return result;
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *section = m_tree->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < section->childCount(); ++j) {
            QTreeWidgetItem *row = section->child(j);
            const bool shown = row->text(0).contains(text, Qt::CaseInsensitive)
                            || row->text(1).contains(text, Qt::CaseInsensitive);
            row->setHidden(!shown);
            any = any || shown;
        }
        section->setHidden(!any);
    }
}

} // namespace Stratum
