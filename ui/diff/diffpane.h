// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/inlinediff.h"
#include "editor/sqleditor.h"

namespace Stratum {

/// One side of the schema diff: a read-only SqlEditor that, besides the line colours of
/// SqlEditor::markLine(), shades filler rows (where only the other side has lines) with a
/// hatching, highlights the words that differ inside a changed line, and marks the change that
/// Next/Previous Change moved to. Colours come from Theme::diff().
class DiffPane : public SqlEditor
{
    Q_OBJECT

public:
    /// The indicator that marks changed words.
    int textIndicator() const { return m_textIndicator; }
    explicit DiffPane(QWidget *parent = nullptr);

    /// Shades \a line (1-based): the other side has a line here, this side none.
    void markFiller(int line);
    QList<int> fillerLines() const;
    /// Highlights \a ranges of \a line (1-based); they count UTF-16 code units of its text.
    void highlightText(int line, const QList<TextRange> &ranges);
    /// The highlighted ranges of \a line (1-based), read back from the editor.
    QList<TextRange> highlightedText(int line) const;
    /// Marks lines \a first to \a last (1-based) as the current change, in place of the one
    /// marked before; 0 marks none.
    void markCurrentChange(int first, int last);
    QList<int> currentChangeLines() const;
    /// Clears the filler, the highlighted words and the current change.
    void clearDiff();
    /// Width in pixels of the longest line (the scroll width both panes share).
    int textWidth() const;

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyDiffColours();
    QList<int> linesWith(int marker) const;

    int m_fillerMarker = 5;
    int m_currentMarker = 6;
    int m_textIndicator = 10;   // SqlEditor holds 0 (errors) and 9 (find matches)
};

} // namespace Stratum
