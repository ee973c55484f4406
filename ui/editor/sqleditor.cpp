// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/sqleditor.h"

#include "editor/dialectsqllexer.h"
#include "theme/theme.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>

#include <QEvent>
#include <QKeyEvent>

#include <limits>

namespace Stratum {
namespace {

// The commands SqlEditor runs itself; the find and go-to-line bars take the others.
const QList<EditorCommand> editingCommands = {
    EditorCommand::ToggleComment,      EditorCommand::MoveLinesUp,       EditorCommand::MoveLinesDown,
    EditorCommand::CopyLinesUp,        EditorCommand::CopyLinesDown,     EditorCommand::DeleteLines,
    EditorCommand::InsertLineBelow,    EditorCommand::InsertLineAbove,   EditorCommand::Complete,
    EditorCommand::UppercaseSelection, EditorCommand::LowercaseSelection,
};

struct Place
{
    int line;
    int index;
};

Place place(const QsciScintilla *editor, int position)
{
    Place at{0, 0};
    editor->lineIndexFromPosition(position, &at.line, &at.index);
    return at;
}

int leadingWhitespace(const QString &line)
{
    int count = 0;
    while (count < line.size() && (line[count] == QLatin1Char(' ') || line[count] == QLatin1Char('\t')))
        ++count;
    return count;
}

} // namespace

CompletionApis::CompletionApis(QsciLexer *lexer)
    : QsciAbstractAPIs(lexer)
{
}

void CompletionApis::setWords(const QStringList &words)
{
    m_words = words;
}

void CompletionApis::updateAutoCompletionList(const QStringList &context, QStringList &list)
{
    if (context.isEmpty())
        return;
    const QString prefix = context.last();
    // After `orders.` the lexer hands over {"orders", "cu"}: offer that table's columns.
    const QString table = context.size() >= 2 ? context[context.size() - 2] + QLatin1Char('.') : QString();
    for (const QString &word : std::as_const(m_words)) {
        if (!table.isEmpty()) {
            if (word.startsWith(table, Qt::CaseInsensitive)
                && word.mid(table.size()).startsWith(prefix, Qt::CaseInsensitive))
                list << word.mid(table.size());
        } else if (!word.contains(QLatin1Char('.')) && word.startsWith(prefix, Qt::CaseInsensitive)) {
            list << word;
        }
    }
}

QStringList CompletionApis::callTips(const QStringList &, int, QsciScintilla::CallTipsStyle, QList<int> &)
{
    return {};
}

SqlEditor::SqlEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new DialectSqlLexer(this))
{
    setUtf8(true);
    setLexer(m_lexer);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 14);
    setMarginSensitivity(1, false);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setCaretLineVisible(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setAutoIndent(true);
    setTabWidth(4);
    setWrapMode(QsciScintilla::WrapNone);
    setEolMode(QsciScintilla::EolUnix);

    m_errorMarker = markerDefine(QsciScintilla::Circle, 0);
    m_warningMarker = markerDefine(QsciScintilla::RightTriangle, 1);
    setMarginMarkerMask(1, (1 << m_errorMarker) | (1 << m_warningMarker));
    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleIndicator, 8);
    m_addedMarker = markerDefine(QsciScintilla::Background, 2);
    m_removedMarker = markerDefine(QsciScintilla::Background, 3);
    m_changedMarker = markerDefine(QsciScintilla::Background, 4);
    m_findIndicator = indicatorDefine(QsciScintilla::StraightBoxIndicator, 9);
    setIndicatorDrawUnder(true, m_findIndicator);

    m_apis = new CompletionApis(m_lexer);
    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);

    releaseStandardKeys();
    applyTheme();
    updateMarginWidth();
    connect(this, &QsciScintilla::linesChanged, this, &SqlEditor::updateMarginWidth);
}

void SqlEditor::setDialect(const QString &dialect)
{
    m_lexer->setDialect(dialect);
    // The lexer reads its keyword sets when it is attached: attach it again.
    setLexer(m_lexer);
    applyTheme();
    recolor();
}

void SqlEditor::setCompletionWords(const QStringList &words)
{
    m_completionWords = words;
    m_apis->setWords(words);
}

void SqlEditor::markError(int line, int column, const QString &message)
{
    if (line <= 0)
        return;
    markerAdd(line - 1, m_errorMarker);
    m_messages.insert(line, message);
    const int length = lineLength(line - 1);
    const int from = column > 0 ? column - 1 : 0;
    const int to = column > 0 ? std::min(length, from + 1) : length;
    fillIndicatorRange(line - 1, from, line - 1, std::max(to, from + 1), m_errorIndicator);
    setToolTip(message);
}

void SqlEditor::markWarning(int line, const QString &message)
{
    if (line <= 0)
        return;
    markerAdd(line - 1, m_warningMarker);
    m_messages.insert(line, message);
}

void SqlEditor::markLine(int line, LineMark mark)
{
    if (line <= 0)
        return;
    markerAdd(line - 1, mark == LineMark::Added     ? m_addedMarker
                        : mark == LineMark::Removed ? m_removedMarker
                                                    : m_changedMarker);
}

QList<int> SqlEditor::markedLines(LineMark mark) const
{
    const int marker = mark == LineMark::Added ? m_addedMarker : mark == LineMark::Removed ? m_removedMarker : m_changedMarker;
    QList<int> result;
    for (int line = markerFindNext(0, 1 << marker); line >= 0; line = markerFindNext(line + 1, 1 << marker))
        result << line + 1;
    return result;
}

void SqlEditor::clearMarks()
{
    markerDeleteAll(m_addedMarker);
    markerDeleteAll(m_removedMarker);
    markerDeleteAll(m_changedMarker);
    markerDeleteAll(m_errorMarker);
    markerDeleteAll(m_warningMarker);
    clearIndicatorRange(0, 0, std::max(0, lines() - 1), lineLength(std::max(0, lines() - 1)),
                        m_errorIndicator);
    m_messages.clear();
    setToolTip({});
}

QList<int> SqlEditor::errorLines() const
{
    QList<int> result;
    for (int line = markerFindNext(0, 1 << m_errorMarker); line >= 0;
         line = markerFindNext(line + 1, 1 << m_errorMarker))
        result << line + 1;
    return result;
}

QList<int> SqlEditor::warningLines() const
{
    QList<int> result;
    for (int line = markerFindNext(0, 1 << m_warningMarker); line >= 0;
         line = markerFindNext(line + 1, 1 << m_warningMarker))
        result << line + 1;
    return result;
}

void SqlEditor::goTo(int line, int column)
{
    setCursorPosition(std::max(0, line - 1), std::max(0, column - 1));
    ensureLineVisible(std::max(0, line - 1));
    setFocus();
}

bool SqlEditor::event(QEvent *event)
{
    // Window shortcuts must not take the editor's keys while it has the focus.
    if (event->type() == QEvent::ShortcutOverride && !isReadOnly()
        && editorCommandFor(static_cast<QKeyEvent *>(event), editingCommands)) {
        event->accept();
        return true;
    }
    return QsciScintilla::event(event);
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    // Read-only SQL sits in dialogs (the apply preview, Show SQL): there Return and Escape
    // belong to the dialog, its default button and Cancel, as in any read-only field.
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    const bool dialogKey = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
                        || event->key() == Qt::Key_Escape;
    if (isReadOnly() && plain && dialogKey) {
        event->ignore();
        return;
    }
    if (const std::optional<EditorCommand> command = editorCommandFor(event, editingCommands)) {
        // Read-only: the key does nothing, as QScintilla's own editing keys do.
        runCommand(*command);
        event->accept();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

bool SqlEditor::runCommand(EditorCommand command)
{
    if (isReadOnly())
        return false;
    switch (command) {
    case EditorCommand::ToggleComment:
        toggleComment();
        return true;
    case EditorCommand::MoveLinesUp:
    case EditorCommand::MoveLinesDown:
        moveLines(command == EditorCommand::MoveLinesUp ? -1 : 1);
        return true;
    case EditorCommand::CopyLinesUp:
    case EditorCommand::CopyLinesDown:
        copyLines(command == EditorCommand::CopyLinesUp ? -1 : 1);
        return true;
    case EditorCommand::DeleteLines:
        deleteLines();
        return true;
    case EditorCommand::InsertLineBelow:
    case EditorCommand::InsertLineAbove:
        insertLine(command == EditorCommand::InsertLineAbove ? -1 : 1);
        return true;
    case EditorCommand::Complete:
        autoCompleteFromAll();
        return true;
    case EditorCommand::UppercaseSelection:
    case EditorCommand::LowercaseSelection:
        changeCase(command == EditorCommand::UppercaseSelection);
        return true;
    default:
        return false;
    }
}

void SqlEditor::toggleComment()
{
    if (isReadOnly())
        return;
    const auto [first, last] = selectedLines();
    QList<int> targets;
    for (int line = first; line <= last; ++line)
        if (!lineText(line).trimmed().isEmpty())
            targets << line;
    // Blank lines are left alone, unless there is nothing else.
    if (targets.isEmpty())
        for (int line = first; line <= last; ++line)
            targets << line;
    bool allComments = true;
    int column = std::numeric_limits<int>::max();
    for (int line : std::as_const(targets)) {
        const QString text = lineText(line);
        const int indent = leadingWhitespace(text);
        allComments = allComments && QStringView(text).mid(indent).startsWith(QLatin1String("--"));
        column = std::min(column, indent);
    }
    allComments = allComments && !lineText(targets.first()).trimmed().isEmpty();

    // Each line's edit: at which column, how many characters in (> 0) or out (< 0).
    QHash<int, std::pair<int, int>> edits;
    for (int line : std::as_const(targets)) {
        if (allComments) {
            const QString text = lineText(line);
            const int at = leadingWhitespace(text);
            const bool space = text.size() > at + 2 && text[at + 2] == QLatin1Char(' ');
            edits.insert(line, {at, -(space ? 3 : 2)});
        } else {
            edits.insert(line, {column, 3});
        }
    }
    const Place anchor = place(this, int(SendScintilla(SCI_GETANCHOR)));
    const Place caret = place(this, int(SendScintilla(SCI_GETCURRENTPOS)));
    const bool anchorFirst = std::pair(anchor.line, anchor.index) < std::pair(caret.line, caret.index);
    beginUndoAction();
    for (auto it = targets.crbegin(); it != targets.crend(); ++it) {
        const auto [at, delta] = edits.value(*it);
        const int position = lineStart(*it) + at;   // indentation is ASCII: bytes are characters
        replaceRange(position, position + std::max(0, -delta), delta > 0 ? QStringLiteral("-- ") : QString());
    }
    endUndoAction();
    // The selection keeps its text, and takes in the new `-- ` where it starts at it.
    const auto moved = [&edits](Place at, bool selectionStart) {
        if (!edits.contains(at.line))
            return at;
        const auto [column, delta] = edits.value(at.line);
        if (delta > 0 && (at.index > column || (at.index == column && !selectionStart)))
            at.index += delta;
        else if (delta < 0 && at.index > column)
            at.index = std::max(column, at.index + delta);
        return at;
    };
    const bool selection = anchor.line != caret.line || anchor.index != caret.index;
    const Place newAnchor = moved(anchor, selection && anchorFirst);
    const Place newCaret = moved(caret, selection && !anchorFirst);
    setSelection(newAnchor.line, newAnchor.index, newCaret.line, newCaret.index);
}

void SqlEditor::moveLines(int delta)
{
    if (isReadOnly())
        return;
    const auto [first, last] = selectedLines();
    if ((delta < 0 && first == 0) || (delta > 0 && last + 1 >= lines()))
        return;
    const int top = delta < 0 ? first - 1 : first;
    const int bottom = delta < 0 ? last : last + 1;
    QStringList block;
    for (int line = top; line <= bottom; ++line)
        block << lineText(line);
    // The line next to the block goes to its other side.
    if (delta < 0)
        block.move(0, int(block.size()) - 1);
    else
        block.move(int(block.size()) - 1, 0);
    const Place anchor = place(this, int(SendScintilla(SCI_GETANCHOR)));
    const Place caret = place(this, int(SendScintilla(SCI_GETCURRENTPOS)));
    beginUndoAction();
    replaceRange(lineStart(top), lineEnd(bottom), block.join(eol()));
    endUndoAction();
    setSelection(anchor.line + delta, anchor.index, caret.line + delta, caret.index);
}

void SqlEditor::copyLines(int delta)
{
    if (isReadOnly())
        return;
    const auto [first, last] = selectedLines();
    const QString block = text(lineStart(first), lineEnd(last));
    const Place anchor = place(this, int(SendScintilla(SCI_GETANCHOR)));
    const Place caret = place(this, int(SendScintilla(SCI_GETCURRENTPOS)));
    beginUndoAction();
    if (delta > 0)
        replaceRange(lineEnd(last), lineEnd(last), eol() + block);
    else
        replaceRange(lineStart(first), lineStart(first), block + eol());
    endUndoAction();
    // On the copy: below, or in the original's place above it.
    const int shift = delta > 0 ? last - first + 1 : 0;
    setSelection(anchor.line + shift, anchor.index, caret.line + shift, caret.index);
}

void SqlEditor::deleteLines()
{
    if (isReadOnly())
        return;
    const auto [first, last] = selectedLines();
    const Place caret = place(this, int(SendScintilla(SCI_GETCURRENTPOS)));
    int start = lineStart(first);
    int end = last + 1 < lines() ? lineStart(last + 1) : lineEnd(last);
    if (last + 1 >= lines() && first > 0)
        start = lineEnd(first - 1);   // the last line: the end of line before it goes
    beginUndoAction();
    replaceRange(start, end, QString());
    endUndoAction();
    const int line = std::min(first, lines() - 1);
    const int length = int(SendScintilla(SCI_COUNTCHARACTERS, lineStart(line), lineEnd(line)));
    setCursorPosition(line, std::min(caret.index, length));
}

void SqlEditor::insertLine(int delta)
{
    if (isReadOnly())
        return;
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    const QString current = lineText(line);
    const QString indent = current.left(leadingWhitespace(current));
    beginUndoAction();
    if (delta > 0)
        replaceRange(lineEnd(line), lineEnd(line), eol() + indent);
    else
        replaceRange(lineStart(line), lineStart(line), indent + eol());
    endUndoAction();
    setCursorPosition(delta > 0 ? line + 1 : line, int(indent.size()));
}

void SqlEditor::changeCase(bool upper)
{
    if (isReadOnly())
        return;
    const unsigned int message = upper ? SCI_UPPERCASE : SCI_LOWERCASE;
    if (hasSelectedText()) {
        SendScintilla(message);   // one undo step, and it keeps the selection
        return;
    }
    const long caret = SendScintilla(SCI_GETCURRENTPOS);
    const long start = SendScintilla(SCI_WORDSTARTPOSITION, caret, 1L);
    const long end = SendScintilla(SCI_WORDENDPOSITION, caret, 1L);
    if (start == end)
        return;
    SendScintilla(SCI_SETSEL, start, end);
    SendScintilla(message);
    SendScintilla(SCI_SETEMPTYSELECTION, std::min(caret, long(SendScintilla(SCI_GETLENGTH))));
}

void SqlEditor::replaceRange(int start, int end, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    SendScintilla(SCI_SETTARGETRANGE, static_cast<unsigned long>(start), long(end));
    SendScintilla(SCI_REPLACETARGET, static_cast<unsigned long>(bytes.size()), bytes.constData());
}

std::pair<int, int> SqlEditor::selectedLines() const
{
    const long start = SendScintilla(SCI_GETSELECTIONSTART);
    const long end = SendScintilla(SCI_GETSELECTIONEND);
    const int first = int(SendScintilla(SCI_LINEFROMPOSITION, start));
    int last = int(SendScintilla(SCI_LINEFROMPOSITION, end));
    if (last > first && end == lineStart(last))
        --last;
    return {first, last};
}

int SqlEditor::lineStart(int line) const
{
    return int(SendScintilla(SCI_POSITIONFROMLINE, line));
}

int SqlEditor::lineEnd(int line) const
{
    return int(SendScintilla(SCI_GETLINEENDPOSITION, line));
}

QString SqlEditor::lineText(int line) const
{
    return text(lineStart(line), lineEnd(line));
}

QString SqlEditor::eol() const
{
    switch (eolMode()) {
    case EolWindows:
        return QStringLiteral("\r\n");
    case EolMac:
        return QStringLiteral("\r");
    default:
        return QStringLiteral("\n");
    }
}

void SqlEditor::releaseStandardKeys()
{
    // QScintilla binds Ctrl+L (cut line), Ctrl+/ (word part left) and Shift+Del (cut): the
    // editor's shortcuts take those keys. Escape stays its Cancel, which closes completion.
    for (const EditorShortcut &shortcut : editorShortcuts()) {
        if (shortcut.scope != EditorShortcut::Scope::Editor || shortcut.command == EditorCommand::CloseBar)
            continue;
        const int key = shortcut.keys[0].toCombined();
        for (QsciCommand *command : standardCommands()->commands()) {
            if (command->key() == key)
                command->setKey(0);
            if (command->alternateKey() == key)
                command->setAlternateKey(0);
        }
    }
}

void SqlEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void SqlEditor::applyTheme()
{
    Theme::applyToEditor(this, m_lexer, palette());
    const bool dark = Theme::isDark(palette());
    setMarkerBackgroundColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xcf, 0x22, 0x2e), m_errorMarker);
    setMarkerForegroundColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xcf, 0x22, 0x2e), m_errorMarker);
    setMarkerBackgroundColor(dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0xbf, 0x87, 0x00), m_warningMarker);
    setMarkerForegroundColor(dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0xbf, 0x87, 0x00), m_warningMarker);
    setIndicatorForegroundColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xcf, 0x22, 0x2e), m_errorIndicator);
    const Theme::Diff diff = Theme::diff(palette());
    setMarkerBackgroundColor(diff.added, m_addedMarker);
    setMarkerBackgroundColor(diff.removed, m_removedMarker);
    setMarkerBackgroundColor(diff.changed, m_changedMarker);
    const QColor match = Theme::findMatch(palette());
    setIndicatorForegroundColor(match, m_findIndicator);
    QColor outline = match;   // QScintilla takes only the alpha of an outline
    outline.setAlpha(std::min(255, match.alpha() * 2));
    setIndicatorOutlineColor(outline, m_findIndicator);
}

void SqlEditor::updateMarginWidth()
{
    setMarginWidth(0, QString::number(std::max(100, lines() * 10)));
}

} // namespace Stratum
