// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/diffpane.h"

#include "theme/theme.h"

#include <QEvent>
#include <QPainter>

namespace Stratum {
namespace {

// QString offsets are UTF-16 code units, Scintilla's positions UTF-8 bytes.
int utf8Length(QStringView text)
{
    return int(text.toUtf8().size());
}

} // namespace

DiffPane::DiffPane(QWidget *parent)
    : SqlEditor(parent)
{
    setReadOnly(true);
    setCaretLineVisible(false);
    setFolding(QsciScintilla::NoFoldStyle);
    m_fillerMarker = markerDefine(QsciScintilla::Background, m_fillerMarker);
    m_currentMarker = markerDefine(QsciScintilla::LeftRectangle, m_currentMarker);
    setMarginMarkerMask(1, marginMarkerMask(1) | (1 << m_currentMarker));
    m_textIndicator = indicatorDefine(QsciScintilla::FullBoxIndicator, m_textIndicator);
    // Under the text, so that the words stay as legible as the rest of the line.
    setIndicatorDrawUnder(true, m_textIndicator);
    applyDiffColours();
}

void DiffPane::markFiller(int line)
{
    if (line > 0)
        markerAdd(line - 1, m_fillerMarker);
}

QList<int> DiffPane::fillerLines() const
{
    return linesWith(m_fillerMarker);
}

void DiffPane::highlightText(int line, const QList<TextRange> &ranges)
{
    if (line <= 0 || ranges.isEmpty())
        return;
    const QString text = this->text(line - 1);
    const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, line - 1);
    SendScintilla(SCI_SETINDICATORCURRENT, m_textIndicator);
    for (const TextRange &range : ranges) {
        const int from = utf8Length(QStringView(text).left(range.start));
        const int length = utf8Length(QStringView(text).mid(range.start, range.length));
        SendScintilla(SCI_INDICATORFILLRANGE, lineStart + from, length);
    }
}

QList<TextRange> DiffPane::highlightedText(int line) const
{
    QList<TextRange> ranges;
    if (line <= 0 || line > lines())
        return ranges;
    const QByteArray bytes = text(line - 1).toUtf8();
    const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, line - 1);
    const long lineEnd = SendScintilla(SCI_GETLINEENDPOSITION, line - 1);
    const auto offset = [&](long position) {
        return int(QString::fromUtf8(bytes.left(position - lineStart)).size());
    };
    for (long position = lineStart; position < lineEnd;) {
        const long end = std::min(lineEnd, long(SendScintilla(SCI_INDICATOREND, m_textIndicator, position)));
        if (SendScintilla(SCI_INDICATORVALUEAT, m_textIndicator, position))
            ranges.append({offset(position), offset(end) - offset(position)});
        if (end <= position)
            break;
        position = end;
    }
    return ranges;
}

void DiffPane::markCurrentChange(int first, int last)
{
    markerDeleteAll(m_currentMarker);
    for (int line = first; first > 0 && line <= last; ++line)
        markerAdd(line - 1, m_currentMarker);
}

QList<int> DiffPane::currentChangeLines() const
{
    return linesWith(m_currentMarker);
}

void DiffPane::clearDiff()
{
    markerDeleteAll(m_fillerMarker);
    markerDeleteAll(m_currentMarker);
    SendScintilla(SCI_SETINDICATORCURRENT, m_textIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
}

int DiffPane::textWidth() const
{
    int widest = 0;
    for (int line = 0; line < lines(); ++line) {
        const QByteArray bytes = text(line).toUtf8();
        widest = std::max(widest, int(SendScintilla(SCI_TEXTWIDTH, STYLE_DEFAULT, bytes.constData())));
    }
    return widest;
}

void DiffPane::changeEvent(QEvent *event)
{
    SqlEditor::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyDiffColours();
}

// Scintilla shades whole lines only in one colour: the hatching over the filler is drawn here,
// after Scintilla has painted the text area.
void DiffPane::paintEvent(QPaintEvent *event)
{
    SqlEditor::paintEvent(event);
    const int first = firstVisibleLine();
    const int count = int(SendScintilla(SCI_LINESONSCREEN)) + 1;
    int textLeft = 0;
    for (int margin = 0; margin < int(SendScintilla(SCI_GETMARGINS)); ++margin)
        textLeft += marginWidth(margin);
    const int lineHeight = int(SendScintilla(SCI_TEXTHEIGHT, 0));
    QPainter painter(viewport());
    const Theme::Diff colours = Theme::diff(palette());
    painter.setPen(Qt::NoPen);
    painter.setBrush(QBrush(colours.fillerHatch, Qt::BDiagPattern));
    painter.setClipRect(QRect(textLeft, 0, viewport()->width() - textLeft, viewport()->height()));
    // The pattern is anchored to the document, so that it moves with the text when scrolled.
    const int xOffset = int(SendScintilla(SCI_GETXOFFSET));
    painter.setBrushOrigin(textLeft - xOffset, -first * lineHeight);
    for (int line = first; line < std::min(first + count, lines()); ++line) {
        if (!(markersAtLine(line) & (1u << m_fillerMarker)))
            continue;
        const long position = SendScintilla(SCI_POSITIONFROMLINE, line);
        const int y = int(SendScintilla(SCI_POINTYFROMPOSITION, 0UL, position));
        painter.drawRect(QRect(textLeft, y, viewport()->width() - textLeft, lineHeight));
    }
}

void DiffPane::applyDiffColours()
{
    const Theme::Diff colours = Theme::diff(palette());
    setMarkerBackgroundColor(colours.filler, m_fillerMarker);
    setMarkerBackgroundColor(colours.currentChange, m_currentMarker);
    setMarkerForegroundColor(colours.currentChange, m_currentMarker);
    setIndicatorForegroundColor(colours.changedText, m_textIndicator);
    setIndicatorOutlineColor(colours.changedText, m_textIndicator);
}

QList<int> DiffPane::linesWith(int marker) const
{
    QList<int> result;
    for (int line = markerFindNext(0, 1 << marker); line >= 0; line = markerFindNext(line + 1, 1 << marker))
        result << line + 1;
    return result;
}

} // namespace Stratum
