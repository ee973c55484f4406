#include "editor/findbar.h"

#include "editor/editorshortcut.h"
#include "editor/sqleditor.h"
#include "theme/theme.h"

#include <QCheckBox>
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
    , m_caseSensitive(new QCheckBox(tr("Case sensitive"), this))
    , m_wholeWords(new QCheckBox(tr("Whole words"), this))
    , m_regularExpression(new QCheckBox(tr("Regular expression"), this))
    , m_status(new QLabel(this))
    , m_previous(toolButton(QString(), QStringLiteral("findPreviousButton"), this))
    , m_next(toolButton(QString(), QStringLiteral("findNextButton"), this))
    , m_close(toolButton(QString(), QStringLiteral("closeFindButton"), this))
    , m_replaceOne(toolButton(tr("Replace"), QStringLiteral("replaceButton"), this))
    , m_replaceAndFind(toolButton(tr("Replace && Find"), QStringLiteral("replaceAndFindButton"), this))
    , m_replaceAll(toolButton(tr("Replace All"), QStringLiteral("replaceAllButton"), this))
    , m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replace->setToolTip(tr("With a regular expression, \\1 … \\9 are its groups and \\0 the whole match."));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("No matches")) + 8);
    for (QCheckBox *box : {m_caseSensitive, m_wholeWords, m_regularExpression})
        box->setFocusPolicy(Qt::TabFocus);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(withKey(tr("Find previous"), EditorCommand::FindPrevious));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(withKey(tr("Find next"), EditorCommand::FindNext));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(withKey(tr("Close"), EditorCommand::CloseBar));
    m_replaceAll->setToolTip(tr("Replace every match, as one step to undo"));

    auto *findLabel = new QLabel(tr("Find:"), this);
    auto *replaceLabel = new QLabel(tr("Replace with:"), m_replaceRow);
    const int labelWidth = std::max(findLabel->sizeHint().width(), replaceLabel->sizeHint().width());
    findLabel->setMinimumWidth(labelWidth);
    replaceLabel->setMinimumWidth(labelWidth);
    findLabel->setBuddy(m_find);
    replaceLabel->setBuddy(m_replace);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_status);
    findRow->addWidget(m_previous);
    findRow->addWidget(m_next);
    findRow->addSpacing(8);
    findRow->addWidget(m_caseSensitive);
    findRow->addWidget(m_wholeWords);
    findRow->addWidget(m_regularExpression);
    findRow->addWidget(m_close);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(replaceLabel);
    m_replace->setParent(m_replaceRow);
    replaceRow->addWidget(m_replace, 1);
    for (QToolButton *button : {m_replaceOne, m_replaceAndFind, m_replaceAll}) {
        button->setParent(m_replaceRow);
        replaceRow->addWidget(button);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_find, &QLineEdit::textChanged, this, &FindBar::searchChanged);
    for (QCheckBox *box : {m_caseSensitive, m_wholeWords, m_regularExpression})
        connect(box, &QCheckBox::toggled, this, &FindBar::searchChanged);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &FindBar::dismiss);
    connect(m_replaceOne, &QToolButton::clicked, this, &FindBar::replace);
    connect(m_replaceAndFind, &QToolButton::clicked, this, &FindBar::replaceAndFind);
    connect(m_replaceAll, &QToolButton::clicked, this, &FindBar::replaceAll);
    connect(m_editor, &QsciScintilla::textChanged, this, &FindBar::documentChanged);
    connect(m_editor, &QsciScintilla::selectionChanged, this, [this] {
        if (isVisible())
            updateStatus();
    });
    m_editor->installEventFilter(this);
    hide();
}

void FindBar::open()
{
    const QString selected = m_editor->selectedText();
    m_searchStart = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
    m_replaceRow->setVisible(!m_editor->isReadOnly());
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
    m_statusOverride.clear();
    if (m_stale)
        updateMatches();
    if (m_matches.isEmpty()) {
        updateStatus();
        return false;
    }
    const int from = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONEND));
    auto next = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                 [](const Match &match, int position) { return match.start < position; });
    select(next == m_matches.cend() ? m_matches.first() : *next);   // past the last: wraps around
    updateStatus();
    return true;
}

bool FindBar::findPrevious()
{
    m_statusOverride.clear();
    if (m_stale)
        updateMatches();
    if (m_matches.isEmpty()) {
        updateStatus();
        return false;
    }
    const int from = int(m_editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
    auto next = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                 [](const Match &match, int position) { return match.start < position; });
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
        text = tr("Invalid: %1").arg(m_patternError);
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
}

void FindBar::clearMarks()
{
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, m_editor->findIndicator());
    m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0UL, m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
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
