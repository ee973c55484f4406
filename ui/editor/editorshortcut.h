// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <optional>

class QKeyEvent;

namespace Stratum {

/// What a key of the SQL editor does.
enum class EditorCommand {
    Find,
    FindNext,
    FindPrevious,
    CloseBar,
    GoToLine,
    ToggleComment,
    MoveLinesUp,
    MoveLinesDown,
    CopyLinesUp,
    CopyLinesDown,
    DeleteLines,
    InsertLineBelow,
    InsertLineAbove,
    Complete,
    UppercaseSelection,
    LowercaseSelection,
};

/// One key of the SQL editor (SqlEditor, FindBar, GoToLineBar). editorShortcuts() is the one
/// list of them: the editor binds its keys from it, and a list of shortcuts shows it.
struct EditorShortcut
{
    Q_DECLARE_TR_FUNCTIONS(EditorShortcut)

public:
    enum class Scope {
        Editor,    ///< in the SQL editor (the find keys also in the find bar)
        FindBar,   ///< in the find bar's fields only
    };

    EditorCommand command;
    QString action;      ///< what it does, translated, as a list of shortcuts shows it
    QKeySequence keys;
    Scope scope = Scope::Editor;
    bool edits = false;  ///< changes the text: does nothing in read-only editors
};

/// The SQL editor's own keys (on top of QScintilla's standard ones, from which these were
/// taken away where they clashed).
QList<EditorShortcut> editorShortcuts();

/// The command \a event presses among \a commands: keys of Scope::FindBar count only when
/// \a inFindBar.
std::optional<EditorCommand> editorCommandFor(const QKeyEvent *event, const QList<EditorCommand> &commands,
                                              bool inFindBar = false);

} // namespace Stratum
