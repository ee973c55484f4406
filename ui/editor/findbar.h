// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Stratum {

class SqlEditor;

/// Find and replace in a SqlEditor, as a bar under it (Qt Creator's): Ctrl+F in the editor
/// opens it with the selection as what to find; Enter / F3 find the next match, Shift+Enter /
/// Shift+F3 the previous one, both wrapping around; options for case, whole words and regular
/// expressions; every match marked in the editor; Escape closes it. Read-only editors get no
/// replace row. The bar installs its keys on the editor: put it in a layout under the editor.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(SqlEditor *editor, QWidget *parent = nullptr);

    SqlEditor *editor() const { return m_editor; }
    /// Shows the bar, takes a one-line selection as what to find, and focuses the find field.
    void open();
    /// Hides the bar and its marks and gives the focus back to the editor.
    void dismiss();

    /// Selects the next (previous) match after (before) the selection, wrapping around; false
    /// when there is none.
    bool findNext();
    bool findPrevious();
    /// Replaces the selected match (or, with none selected, selects the next match first and
    /// returns false).
    bool replace();
    /// Replaces the selected match and selects the next one.
    bool replaceAndFind();
    /// Replaces every match as one undo step; how many.
    int replaceAll();

    /// Matches of what is in the find field, and which of them is selected (1-based, 0: none).
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const;
    /// What the bar says about the search: "2 of 7", "No matches", an invalid pattern.
    QString statusText() const;

    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }
    /// The options, as checkable buttons (Aa, ab, .*).
    QToolButton *caseSensitiveButton() const { return m_caseSensitive; }
    QToolButton *wholeWordsButton() const { return m_wholeWords; }
    QToolButton *regularExpressionButton() const { return m_regularExpression; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool step(bool forward);
    struct Match
    {
        int start;   ///< document (UTF-8 byte) positions, as QScintilla counts
        int end;
        int character;   ///< where it starts in the QString of the text
    };

    bool runCommand(int command);
    void searchChanged();
    void documentChanged();
    QRegularExpression expression() const;
    /// Calls \a found with the document positions of each non-empty match of \a expression.
    void forEachMatch(const QRegularExpression &expression, const QString &text,
                      const std::function<void(int, int, const QRegularExpressionMatch &)> &found) const;
    void updateMatches();
    void updateStatus();
    void markMatches();
    void clearMarks();
    /// Leaves the selected match to the selection's colour, and marks the one before again.
    void markCurrent();
    void select(const Match &match);
    QString replacementFor(const QRegularExpressionMatch &match) const;
    void replaceMatch(const Match &match);

    SqlEditor *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QToolButton *m_caseSensitive;
    QToolButton *m_wholeWords;
    QToolButton *m_regularExpression;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QToolButton *m_replaceOne;
    QToolButton *m_replaceAndFind;
    QToolButton *m_replaceAll;
    QList<QWidget *> m_replaceRow;   ///< hidden under a read-only editor
    std::optional<std::pair<int, int>> m_unmarked;   ///< the selected match, shown as the selection only
    QList<Match> m_matches;
    QString m_patternError;
    QString m_statusOverride;   ///< what Replace All did, until the search changes
    int m_searchStart = 0;      ///< where typing in the find field searches from
    bool m_stale = true;        ///< the document changed since m_matches were found
    bool m_replacing = false;
};

} // namespace Stratum
