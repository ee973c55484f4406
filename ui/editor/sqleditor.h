// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/editorshortcut.h"
#include "editor/qscintilla_p.h"

#include <QStringList>

namespace Stratum {

class DialectSqlLexer;

/// Completion of table and column names: words starting with what was typed, and after
/// `table.` that table's columns. Answers synchronously (QsciAPIs prepares on a thread that
/// QScintilla 2.13 does not stop safely when the editor closes early).
class CompletionApis : public QsciAbstractAPIs
{
    Q_OBJECT

public:
    explicit CompletionApis(QsciLexer *lexer);
    void setWords(const QStringList &words);
    void updateAutoCompletionList(const QStringList &context, QStringList &list) override;
    QStringList callTips(const QStringList &context, int commas, QsciScintilla::CallTipsStyle style,
                         QList<int> &shifts) override;

private:
    QStringList m_words;
};

/// A QScintilla SQL editor: the dialect's highlighting, line numbers, folding, palette colours,
/// markers for errors and warnings, and completion of table and column names.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget *parent = nullptr);

    void setDialect(const QString &dialect);
    /// Words offered by completion (table and column names), on top of the SQL keywords.
    void setCompletionWords(const QStringList &words);
    QStringList completionWords() const { return m_completionWords; }
    CompletionApis *completion() const { return m_apis; }

    /// Marks \a line (1-based) as an error at \a column (1-based, 0 = whole line).
    void markError(int line, int column, const QString &message);
    /// Marks \a line (1-based) with a warning (destructive statement).
    void markWarning(int line, const QString &message);
    void clearMarks();
    enum class LineMark { Added, Removed, Changed };
    /// Colours the background of \a line (1-based), as a diff does.
    void markLine(int line, LineMark mark);
    QList<int> markedLines(LineMark mark) const;
    /// Lines (1-based) holding an error marker.
    QList<int> errorLines() const;
    QList<int> warningLines() const;
    /// Moves the cursor to \a line / \a column (1-based) and shows it.
    void goTo(int line, int column = 1);

    /// The indicator FindBar marks matches with (coloured from the palette).
    int findIndicator() const { return m_findIndicator; }

    // The editing commands of editorShortcuts(); each is one undo step and does nothing in a
    // read-only editor. "The lines" are those the selection touches, or the cursor's line.

    /// Comments the lines with `-- `, or uncomments them when all of them are comments.
    void toggleComment();
    /// Moves the lines one line up (\a delta -1) or down (+1), selection and all.
    void moveLines(int delta);
    /// Copies the lines above (\a delta -1) or below (+1) them; the cursor goes to the copy.
    void copyLines(int delta);
    void deleteLines();
    /// Opens a line below (\a delta +1) or above (-1) the cursor's, indented as it is.
    void insertLine(int delta);
    /// Upper- or lowercases the selection (without one, the word at the cursor).
    void changeCase(bool upper);
    /// Runs the editing command \a command; false when it is not one or the editor is read-only.
    bool runCommand(EditorCommand command);
    /// Replaces the document positions (UTF-8 bytes, as QScintilla counts) [start, end) with
    /// \a text.
    void replaceRange(int start, int end, const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void updateMarginWidth();
    void releaseStandardKeys();
    /// The first and last line the selection touches (a selection ending at the start of a
    /// line does not touch that line), or the cursor's line twice.
    std::pair<int, int> selectedLines() const;
    int lineStart(int line) const;
    int lineEnd(int line) const;   ///< before the line's end of line
    QString lineText(int line) const;   ///< without the end of line
    QString eol() const;

    DialectSqlLexer *m_lexer;
    CompletionApis *m_apis = nullptr;
    QStringList m_completionWords;
    QHash<int, QString> m_messages;
    int m_errorMarker = 0;
    int m_warningMarker = 1;
    int m_errorIndicator = 0;
    int m_addedMarker = 2;
    int m_removedMarker = 3;
    int m_changedMarker = 4;
    int m_findIndicator = 9;     // DiffPane adds 10 (changed words) and markers 5, 6
};

} // namespace Stratum
