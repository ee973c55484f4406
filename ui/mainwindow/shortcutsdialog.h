// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QPair>

class QAction;
class QLineEdit;
class QMenuBar;
class QTreeWidget;

namespace Stratum {

/// Help → Keyboard Shortcuts: every shortcut of the studio, in sections. The main window's are
/// read from its menus when the dialog opens, so the list cannot drift from what the keys do;
/// the graph's and the diff's keys are handled in their widgets and listed from graphKeys() and
/// diffKeys(). A filter field narrows the list.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    /// What a key does, and the key.
    using Key = QPair<QString, QKeySequence>;
    /// One row as shown: its section, what it does, and the keys in the platform's notation.
    struct Row
    {
        QString section;
        QString action;
        QString keys;
    };

    /// The shortcuts of \a menus' actions (a section per menu), then the graph's and the diff's.
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    /// A section of \a actions that have a shortcut (their text without mnemonic and ellipsis).
    void addSection(const QString &title, const QList<QAction *> &actions);
    /// A section of \a keys, e.g. a widget's own key handling.
    void addSection(const QString &title, const QList<Key> &keys);

    /// What the graph does with keys (GraphView::keyPressEvent; Ctrl+Wheel zooms).
    static QList<Key> graphKeys();
    /// What the schema diff does with keys (SchemaDiffView's Next and Previous Change).
    static QList<Key> diffKeys();

    /// The rows shown, filtered or not, in order.
    QList<Row> rows() const;
    QLineEdit *filterField() const { return m_filter; }

private:
    static QList<QPair<QString, QString>> rowsOf(const QList<Key> &keys);
    void addRows(const QString &title, const QList<QPair<QString, QString>> &rows);
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace Stratum
