// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

class QsciLexerSQL;
class QsciScintilla;

namespace Stratum {

/// The studio's colours, derived from the application palette (light or dark).
class Theme
{
public:
    /// Colours of the revision graph.
    struct Graph
    {
        QList<QColor> lanes;     ///< one per lane, cycled
        QColor background;
        QColor text;
        QColor dimText;          ///< pending revisions' messages
        QColor applied;          ///< fill of applied revisions
        QColor current;          ///< ring and badge of the revisions in the version table
        QColor pending;          ///< outline of pending revisions
        QColor dependency;       ///< Depends On lines
        QColor selection;
        QColor badgeHead;
        QColor badgeBase;
        QColor badgeLabel;
        QColor badgePoint;       ///< branch and merge points
        QColor badgeText;
        QColor searchMatch;      ///< behind the rows that match the search
    };

    /// Colours of the schema diff's two panes.
    struct Diff
    {
        QColor added;            ///< background of a line only the right side has
        QColor removed;          ///< background of a line only the left side has
        QColor changed;          ///< background of a line that differs on both sides
        QColor changedText;      ///< the words that differ inside a changed line
        QColor filler;           ///< background opposite added or removed lines
        QColor fillerHatch;      ///< the hatching over it
        QColor currentChange;    ///< margin bar of the change Next/Previous moved to
    };

    /// True when \a palette has light text on a dark window.
    static bool isDark(const QPalette &palette);
    /// Text colour of errors and of warnings ("out of date", "changed on disk") on \a palette.
    static QColor errorText(const QPalette &palette);
    static QColor warningText(const QPalette &palette);
    /// Fill of the editor's find matches on \a palette, translucent (its alpha is the fill's)
    /// so that the text and the selected match show through.
    static QColor findMatch(const QPalette &palette);
    /// The built-in dark and light palettes (`stratum-studio --dark` / `--light`, with Fusion);
    /// without either flag the studio follows the platform's palette.
    static QPalette darkPalette();
    static QPalette lightPalette();

    static Graph graph(const QPalette &palette);
    static Diff diff(const QPalette &palette);

    /// Colours \a editor's margins, caret line and selection, and \a lexer's styles, for
    /// \a palette: KF6 SyntaxHighlighting's theme for the palette when built with it, otherwise
    /// the built-in light or dark table.
    static void applyToEditor(QsciScintilla *editor, QsciLexerSQL *lexer, const QPalette &palette);
};

} // namespace Stratum
