// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/findbar.h"

#include "editor/editorshortcut.h"
#include "editor/sqleditor.h"
#include "theme/theme.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Stratum {
namespace {

const QList<EditorCommand> findCommands = {EditorCommand::Find, EditorCommand::FindNext,
                                           EditorCommand::FindPrevious, EditorCommand::CloseBar};

// "Find next (F3)": the key as editorShortcuts() has it.
QString withKey(const QString &text, EditorCommand command)
{
    for (const EditorShortcut &shortcut : editorShortcuts())
        if (shortcut.command == command && shortcut.scope == EditorShortcut::Scope::Editor)
            return QStringLiteral("%1 (%2)").arg(text, shortcut.keys.toString(QKeySequence::NativeText));
    return text;
}

// \0…\9 are the match and its groups, \n and \t a new line and a tab, \\ a backslash.
QString expandReplacement(const QString &replacement, const QRegularExpressionMatch &match)
{
    QString result;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement[i];
        if (c != QLatin1Char('\\') || i + 1 == replacement.size()) {
            result += c;
            continue;
        }
        const QChar next = replacement[++i];
        if (next.isDigit())
            result += match.captured(next.digitValue());
        else if (next == QLatin1Char('n'))
            result += QLatin1Char('\n');
        else if (next == QLatin1Char('t'))
            result += QLatin1Char('\t');
        else if (next == QLatin1Char('\\'))
            result += QLatin1Char('\\');
        else
            result += QString(c) + next;
    }
    return result;
}

QToolButton *toolButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(name);
    button->setAutoRaise(true);
    // Clicking keeps the focus in the field, where Enter finds on.
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

FindBar::FindBar(SqlEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_caseSensitive(toolButton(QStringLiteral("Aa"), QStringLiteral("caseSensitiveButton"), this))
    , m_wholeWords(toolButton(QStringLiteral("ab"), QStringLiteral("wholeWordsButton"), this))
    , m_regularExpression(toolButton(QStringLiteral(".*"), QStringLiteral("regularExpressionButton"), this))
    , m_status(new QLabel(this))
    , m_previous(toolButton(QString(), QStringLiteral("findPreviousButton"), this))
    , m_next(toolButton(QString(), QStringLiteral("findNextButton"), this))
    , m_close(toolButton(QString(), QStringLiteral("closeFindButton"), this))
    , m_replaceOne(toolButton(tr("Replace"), QStringLiteral("replaceButton"), this))
    , m_replaceAndFind(toolButton(tr("Replace && Find"), QStringLiteral("replaceAndFindButton"), this))
    , m_replaceAll(toolButton(tr("Replace All"), QStringLiteral("replaceAllButton"), this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setClearButtonEnabled(true);
    m_find->setMinimumWidth(m_find->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setToolTip(tr("With a regular expression, \\1 … \\9 are its groups and \\0 the whole match."));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("Invalid pattern")) + 8);
    m_caseSensitive->setToolTip(tr("Case sensitive"));
    m_wholeWords->setToolTip(tr("Whole words only"));
    m_regularExpression->setToolTip(tr("Regular expression"));
    for (QToolButton *option : {m_caseSensitive, m_wholeWords, m_regularExpression}) {
        option->setCheckable(true);
        option->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(withKey(tr("Find previous"), EditorCommand::FindPrevious));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(withKey(tr("Find next"), EditorCommand::FindNext));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(withKey(tr("Close"), EditorCommand::CloseBar));
    m_replaceAll->setToolTip(tr("Replace every match, as one step to undo"));

    auto *findLabel = new QLabel(tr("Find:"), this);
    findLabel->setBuddy(m_find);
    auto *replaceLabel = new QLabel(tr("Replace with:"), this);
    replaceLabel->setBuddy(m_replace);
    m_replaceRow = {replaceLabel, m_replace, m_replaceOne, m_replaceAndFind, m_replaceAll};

    // Both fields in one column, as wide as each other.
    auto *findTools = new QHBoxLayout;
    findTools->addWidget(m_status);
    findTools->addWidget(m_previous);
    findTools->addWidget(m_next);
    findTools->addSpacing(6);
    findTools->addWidget(m_caseSensitive);
    findTools->addWidget(m_wholeWords);
    findTools->addWidget(m_regularExpression);
    findTools->addStretch(1);
    findTools->addWidget(m_close);
    auto *replaceTools = new QHBoxLayout;
    replaceTools->addWidget(m_replaceOne);
    replaceTools->addWidget(m_replaceAndFind);
    replaceTools->addWidget(m_replaceAll);
    replaceTools->addStretch(1);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setVerticalSpacing(2);
    layout->addWidget(findLabel, 0, 0);
    layout->addWidget(m_find, 0, 1);
    layout->addLayout(findTools, 0, 2);
    layout->addWidget(replaceLabel, 1, 0);
    layout->addWidget(m_replace, 1, 1);
    layout->addLayout(replaceTools, 1, 2);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(2, 2);

    connect(m_find, &QLineEdit::textChanged, this, &FindBar::searchChanged);
    for (QToolButton *option : {m_caseSensitive, m_wholeWords, m_regularExpression})
        connect(option, &QToolButton::toggled, this, &FindBar::searchChanged);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &FindBar::dismiss);
    connect(m_replaceOne, &QToolButton::clicked, this, &FindBar::replace);
    connect(m_replaceAndFind, &QToolButton::clicked, this, &FindBar::replaceAndFind);
    connect(m_replaceAll, &QToolButton::clicked, this, &FindBar::replaceAll);
    connect(m_editor, &QsciScintilla::textChanged, this, &FindBar::documentChanged);
    connect(m_editor, &QsciScintilla::selectionChanged, this, [this] {
        if (!isVisible())
            return;
        markCurrent();
        updateStatus();
    });
    m_editor->installEventFilter(this);
    hide();
}

void FindBar::open()
{
    const QString selected = m_editor->selectedText();
    m_searchStart = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
    for (QWidget *widget : std::as_const(m_replaceRow))
        widget->setVisible(!m_editor->isReadOnly());
    show();
    if (!selected.isEmpty() && !selected.contains(QLatin1Char('\n')) && selected != m_find->text()) {
        m_find->setText(selected);   // searches from the selection: it is the current match
    } else {
        m_stale = true;
        updateMatches();
        markMatches();
        updateStatus();
    }
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void FindBar::dismiss()
{
    hide();
    clearMarks();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FindBar::findNext()
{
    return step(true);
}

bool FindBar::findPrevious()
{
    return step(false);
}

// The match after the selection (\a forward) or before it, wrapping around at either end.
bool FindBar::step(bool forward)
{
    m_statusOverride.clear();
    if (m_stale)
        updateMatches();
    if (m_matches.isEmpty()) {
        updateStatus();
        return false;
    }
    const int from = int(m_editor->SendScintilla(forward ? QsciScintilla::SCI_GETSELECTIONEND
                                                         : QsciScintilla::SCI_GETSELECTIONSTART));
    auto next = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                 [](const Match &match, int position) { return match.start < position; });
    if (forward)
        select(next == m_matches.cend() ? m_matches.first() : *next);
    else
        select(next == m_matches.cbegin() ? m_matches.last() : *(next - 1));
    updateStatus();
    return true;
}

bool FindBar::replace()
{
    if (m_editor->isReadOnly())
        return false;
    if (m_stale)
        updateMatches();
    const int current = currentMatch();
    if (current == 0) {
        findNext();
        return false;
    }
    replaceMatch(m_matches[current - 1]);
    return true;
}

bool FindBar::replaceAndFind()
{
    if (!replace())
        return false;
    findNext();
    return true;
}

int FindBar::replaceAll()
{
    const QRegularExpression expression = this->expression();
    if (m_editor->isReadOnly() || m_find->text().isEmpty() || !expression.isValid())
        return 0;
    const QString text = m_editor->text();
    struct Edit
    {
        int start;
        int end;
        QString text;
    };
    QList<Edit> edits;
    forEachMatch(expression, text, [&](int start, int end, const QRegularExpressionMatch &match) {
        edits.append({start, end, replacementFor(match)});
    });
    m_replacing = true;
    m_editor->beginUndoAction();
    // From the end, so that the positions before each edit stay as they were found.
    for (auto edit = edits.crbegin(); edit != edits.crend(); ++edit)
        m_editor->replaceRange(edit->start, edit->end, edit->text);
    m_editor->endUndoAction();
    m_replacing = false;
    m_stale = true;
    updateMatches();
    markMatches();
    m_statusOverride = edits.isEmpty() ? QString() : tr("%n replaced", "", int(edits.size()));
    updateStatus();
    return int(edits.size());
}

int FindBar::currentMatch() const
{
    const int start = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
    const int end = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONEND));
    const auto found = std::lower_bound(m_matches.cbegin(), m_matches.cend(), start,
                                        [](const Match &match, int position) { return match.start < position; });
    if (found == m_matches.cend() || found->start != start || found->end != end)
        return 0;
    return int(found - m_matches.cbegin()) + 1;
}

QString FindBar::statusText() const
{
    return m_status->text();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor || (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress))
        return QWidget::eventFilter(watched, event);
    const std::optional<EditorCommand> command = editorCommandFor(static_cast<QKeyEvent *>(event), findCommands);
    // Escape closes the bar only when it is open and no completion list is (Escape closes that).
    if (!command || (*command == EditorCommand::CloseBar && (!isVisible() || m_editor->isListActive())))
        return QWidget::eventFilter(watched, event);
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        if (*command == EditorCommand::Find)
            open();
        else if (*command != EditorCommand::CloseBar && m_find->text().isEmpty())
            open();   // F3 with nothing to find yet asks what
        else
            runCommand(int(*command));
    }
    return true;
}

bool FindBar::event(QEvent *event)
{
    // Keys its fields leave over, before window shortcuts (Ctrl+F finding revisions) take them.
    if (event->type() == QEvent::ShortcutOverride
        && editorCommandFor(static_cast<QKeyEvent *>(event), findCommands, true)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    const std::optional<EditorCommand> command = editorCommandFor(event, findCommands, true);
    if (!command) {
        QWidget::keyPressEvent(event);
        return;
    }
    runCommand(int(*command));
    event->accept();
}

void FindBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateStatus();
}

bool FindBar::runCommand(int command)
{
    switch (EditorCommand(command)) {
    case EditorCommand::Find:
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
        return true;
    case EditorCommand::FindNext:
        return findNext();
    case EditorCommand::FindPrevious:
        return findPrevious();
    case EditorCommand::CloseBar:
        dismiss();
        return true;
    default:
        return false;
    }
}

void FindBar::searchChanged()
{
    m_statusOverride.clear();
    m_stale = true;
    updateMatches();
    markMatches();
    // As you type: the first match from where the search began, wrapping around.
    if (!m_matches.isEmpty()) {
        auto next = std::lower_bound(m_matches.cbegin(), m_matches.cend(), m_searchStart,
                                     [](const Match &match, int position) { return match.start < position; });
        select(next == m_matches.cend() ? m_matches.first() : *next);
    } else if (!m_find->text().isEmpty()) {
        m_editor->SendScintilla(QsciScintilla::SCI_SETEMPTYSELECTION, static_cast<unsigned long>(m_searchStart));
    }
    updateStatus();
}

void FindBar::documentChanged()
{
    m_stale = true;
    if (m_replacing || !isVisible())
        return;
    m_statusOverride.clear();
    updateMatches();
    markMatches();
    updateStatus();
}

QRegularExpression FindBar::expression() const
{
    QString pattern = m_regularExpression->isChecked() ? m_find->text() : QRegularExpression::escape(m_find->text());
    // Not \b: a pattern may begin or end with a character that is not part of a word.
    if (m_wholeWords->isChecked())
        pattern = QStringLiteral("(?<!\\w)(?:%1)(?!\\w)").arg(pattern);
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption
                                               | QRegularExpression::MultilineOption;
    if (!m_caseSensitive->isChecked())
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(pattern, options);
}

void FindBar::forEachMatch(const QRegularExpression &expression, const QString &text,
                           const std::function<void(int, int, const QRegularExpressionMatch &)> &found) const
{
    // QScintilla counts UTF-8 bytes; QString counts UTF-16 units.
    qsizetype character = 0;
    int byte = 0;
    QRegularExpressionMatchIterator it = expression.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() == 0)
            continue;   // `^` or `x*` match nothing anywhere: nothing to show or replace
        byte += int(QStringView(text).mid(character, match.capturedStart() - character).toUtf8().size());
        character = match.capturedStart();
        found(byte, byte + int(match.capturedView().toUtf8().size()), match);
    }
}

void FindBar::updateMatches()
{
    m_matches.clear();
    m_patternError.clear();
    m_stale = false;
    if (m_find->text().isEmpty())
        return;
    const QRegularExpression expression = this->expression();
    if (!expression.isValid()) {
        m_patternError = expression.errorString();
        return;
    }
    forEachMatch(expression, m_editor->text(),
                 [this](int start, int end, const QRegularExpressionMatch &match) {
                     m_matches.append({start, end, int(match.capturedStart())});
                 });
}

void FindBar::updateStatus()
{
    QString text;
    bool problem = false;
    if (!m_statusOverride.isEmpty()) {
        text = m_statusOverride;
    } else if (m_find->text().isEmpty()) {
        text.clear();
    } else if (!m_patternError.isEmpty()) {
        text = tr("Invalid pattern");   // short: the bar has little room; the reason is in the tooltip
        problem = true;
    } else if (m_matches.isEmpty()) {
        text = tr("No matches");
        problem = true;
    } else if (const int current = currentMatch()) {
        text = tr("%1 of %2").arg(current).arg(m_matches.size());
    } else {
        text = tr("%n match(es)", "", int(m_matches.size()));
    }
    m_status->setText(text);
    m_status->setToolTip(m_patternError.isEmpty() ? QString() : tr("Invalid regular expression: %1").arg(m_patternError));
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, problem ? Theme::errorText(this->palette())
                                                   : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void FindBar::markMatches()
{
    clearMarks();
    if (!isVisible())
        return;
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, m_editor->findIndicator());
    for (const Match &match : std::as_const(m_matches))
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(match.start),
                                long(match.end - match.start));
    markCurrent();
}

void FindBar::clearMarks()
{
    m_unmarked.reset();
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, m_editor->findIndicator());
    m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0UL, m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
}

void FindBar::markCurrent()
{
    // The selection is drawn over the mark: mixed with it, its colour was neither.
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, m_editor->findIndicator());
    if (m_unmarked) {
        const auto [start, end] = *m_unmarked;
        m_unmarked.reset();
        const bool stillAMatch = std::any_of(m_matches.cbegin(), m_matches.cend(), [start = start, end = end](const Match &match) {
            return match.start == start && match.end == end;
        });
        if (stillAMatch)
            m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start), long(end - start));
    }
    if (const int current = currentMatch()) {
        const Match &match = m_matches[current - 1];
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, static_cast<unsigned long>(match.start),
                                long(match.end - match.start));
        m_unmarked = std::pair(match.start, match.end);
    }
}

void FindBar::select(const Match &match)
{
    m_editor->ensureLineVisible(int(m_editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, match.start)));
    m_editor->SendScintilla(QsciScintilla::SCI_SETSEL, static_cast<unsigned long>(match.start), long(match.end));
}

QString FindBar::replacementFor(const QRegularExpressionMatch &match) const
{
    return m_regularExpression->isChecked() ? expandReplacement(m_replace->text(), match) : m_replace->text();
}

void FindBar::replaceMatch(const Match &match)
{
    // The match again, with its groups, where it was found.
    const QRegularExpressionMatch found = expression().match(m_editor->text(), match.character, QRegularExpression::NormalMatch,
                                                             QRegularExpression::AnchorAtOffsetMatchOption);
    const QString replacement = replacementFor(found);
    m_replacing = true;
    m_editor->beginUndoAction();
    m_editor->replaceRange(match.start, match.end, replacement);
    m_editor->endUndoAction();
    m_replacing = false;
    const int caret = match.start + int(replacement.toUtf8().size());
    m_editor->SendScintilla(QsciScintilla::SCI_SETEMPTYSELECTION, static_cast<unsigned long>(caret));
    m_stale = true;
    updateMatches();
    markMatches();
    updateStatus();
}

} // namespace Stratum
