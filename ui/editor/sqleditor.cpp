#include "editor/sqleditor.h"

#include "editor/dialectsqllexer.h"
#include "theme/theme.h"



#include <QEvent>
#include <QKeyEvent>

namespace Stratum {

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

    m_apis = new CompletionApis(m_lexer);
    setAutoCompletionSource(QsciScintilla::AcsAll);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);

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

void SqlEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
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
    QsciScintilla::keyPressEvent(event);
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
}

void SqlEditor::updateMarginWidth()
{
    setMarginWidth(0, QString::number(std::max(100, lines() * 10)));
}

} // namespace Stratum
