// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace Stratum {

class SqlEditor;

/// Go to line: Ctrl+L in a SqlEditor opens a small field under it that takes `line` or
/// `line:column` (1-based). A place outside the document is said and nothing moves; Enter on a
/// valid one moves the cursor there and closes the bar, Escape closes it.
class GoToLineBar : public QWidget
{
    Q_OBJECT

public:
    explicit GoToLineBar(SqlEditor *editor, QWidget *parent = nullptr);

    /// Shows the bar with the cursor's line and focuses the field.
    void open();
    /// Hides the bar and gives the focus back to the editor.
    void dismiss();
    /// Moves to what the field says; false (with the reason shown) when it is not a place in
    /// the document.
    bool go();

    QLineEdit *field() const { return m_field; }
    /// Why the last go() did not move (empty after one that did).
    QString message() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    /// The problem with \a text as a place, empty when it is one (then \a line, \a column).
    QString check(const QString &text, int *line, int *column) const;

    SqlEditor *m_editor;
    QLineEdit *m_field;
    QLabel *m_message;
};

} // namespace Stratum
