// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editorshortcut.h"

#include <QKeyEvent>

namespace Stratum {

QList<EditorShortcut> editorShortcuts()
{
    using Scope = EditorShortcut::Scope;
    // Qt Creator's keys, so that hands used to it need not learn new ones.
    return {
        {EditorCommand::Find, EditorShortcut::tr("Find and replace"), QKeySequence(Qt::CTRL | Qt::Key_F)},
        {EditorCommand::FindNext, EditorShortcut::tr("Find next"), QKeySequence(Qt::Key_F3)},
        {EditorCommand::FindPrevious, EditorShortcut::tr("Find previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3)},
        {EditorCommand::FindNext, EditorShortcut::tr("Find next (in the find bar)"), QKeySequence(Qt::Key_Return), Scope::FindBar},
        {EditorCommand::FindPrevious, EditorShortcut::tr("Find previous (in the find bar)"),
         QKeySequence(Qt::SHIFT | Qt::Key_Return), Scope::FindBar},
        {EditorCommand::CloseBar, EditorShortcut::tr("Close the find or go-to-line bar"), QKeySequence(Qt::Key_Escape)},
        {EditorCommand::GoToLine, EditorShortcut::tr("Go to line (line or line:column)"), QKeySequence(Qt::CTRL | Qt::Key_L)},
        {EditorCommand::ToggleComment, EditorShortcut::tr("Comment or uncomment the lines"),
         QKeySequence(Qt::CTRL | Qt::Key_Slash), Scope::Editor, true},
        {EditorCommand::MoveLinesUp, EditorShortcut::tr("Move the lines up"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up),
         Scope::Editor, true},
        {EditorCommand::MoveLinesDown, EditorShortcut::tr("Move the lines down"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), Scope::Editor, true},
        {EditorCommand::CopyLinesUp, EditorShortcut::tr("Copy the lines up"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Up),
         Scope::Editor, true},
        {EditorCommand::CopyLinesDown, EditorShortcut::tr("Copy the lines down"),
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Down), Scope::Editor, true},
        {EditorCommand::DeleteLines, EditorShortcut::tr("Delete the lines"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
         Scope::Editor, true},
        {EditorCommand::InsertLineBelow, EditorShortcut::tr("Insert a line below"), QKeySequence(Qt::CTRL | Qt::Key_Return),
         Scope::Editor, true},
        {EditorCommand::InsertLineAbove, EditorShortcut::tr("Insert a line above"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), Scope::Editor, true},
        {EditorCommand::Complete, EditorShortcut::tr("Complete table and column names"), QKeySequence(Qt::CTRL | Qt::Key_Space),
         Scope::Editor, true},
        {EditorCommand::UppercaseSelection, EditorShortcut::tr("Uppercase the selection"),
         QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_U), Scope::Editor, true},
        {EditorCommand::LowercaseSelection, EditorShortcut::tr("Lowercase the selection"), QKeySequence(Qt::ALT | Qt::Key_U),
         Scope::Editor, true},
    };
}

std::optional<EditorCommand> editorCommandFor(const QKeyEvent *event, const QList<EditorCommand> &commands,
                                              bool inFindBar)
{
    // The keypad's Enter is Return, and its keys carry a modifier no shortcut names.
    const int key = event->key() == Qt::Key_Enter ? int(Qt::Key_Return) : event->key();
    const QKeySequence pressed(QKeyCombination(event->modifiers() & ~Qt::KeypadModifier, Qt::Key(key)));
    for (const EditorShortcut &shortcut : editorShortcuts()) {
        if (shortcut.scope == EditorShortcut::Scope::FindBar && !inFindBar)
            continue;
        if (shortcut.keys == pressed && commands.contains(shortcut.command))
            return shortcut.command;
    }
    return std::nullopt;
}

} // namespace Stratum
