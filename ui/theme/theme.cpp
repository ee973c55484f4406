// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme/theme.h"

#include "editor/qscintilla_p.h"


#ifdef STRATUM_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#endif

#include <QFontDatabase>

namespace Stratum {
namespace {

struct StyleColours
{
    int style;
    QColor light;
    QColor dark;
    bool bold = false;
    bool italic = false;
};

// QScintilla's SQL styles, coloured for a light and a dark background (the fallback when KF6
// SyntaxHighlighting is not there). Dark colours keep at least 4.5:1 contrast on #1e1f22.
const StyleColours fallbackStyles[] = {
    {QsciLexerSQL::Comment, QColor(0x6a737d), QColor(0x8b949e), false, true},
    {QsciLexerSQL::CommentLine, QColor(0x6a737d), QColor(0x8b949e), false, true},
    {QsciLexerSQL::CommentDoc, QColor(0x6a737d), QColor(0x8b949e), false, true},
    {QsciLexerSQL::CommentLineHash, QColor(0x6a737d), QColor(0x8b949e), false, true},
    {QsciLexerSQL::Number, QColor(0x005cc5), QColor(0x79c0ff)},
    {QsciLexerSQL::Keyword, QColor(0xa626a4), QColor(0xff7b72), true},
    {QsciLexerSQL::KeywordSet5, QColor(0x8250df), QColor(0xd2a8ff), true},
    {QsciLexerSQL::DoubleQuotedString, QColor(0x0a3069), QColor(0xa5d6ff)},
    {QsciLexerSQL::SingleQuotedString, QColor(0x116329), QColor(0x7ee787)},
    {QsciLexerSQL::Operator, QColor(0x24292f), QColor(0xc9d1d9)},
    {QsciLexerSQL::Identifier, QColor(0x24292f), QColor(0xc9d1d9)},
    {QsciLexerSQL::QuotedIdentifier, QColor(0x953800), QColor(0xffa657)},
    {QsciLexerSQL::Default, QColor(0x24292f), QColor(0xc9d1d9)},
};

QFont editorFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    return font;
}

#ifdef STRATUM_HAVE_KSYNTAXHIGHLIGHTING
// KSyntaxHighlighting's text styles onto QScintilla's SQL lexer, in one table (STYLE.md 8).
struct KfMapping
{
    int style;
    KSyntaxHighlighting::Theme::TextStyle textStyle;
};
const KfMapping kfStyles[] = {
    {QsciLexerSQL::Default, KSyntaxHighlighting::Theme::Normal},
    {QsciLexerSQL::Identifier, KSyntaxHighlighting::Theme::Normal},
    {QsciLexerSQL::Operator, KSyntaxHighlighting::Theme::Operator},
    {QsciLexerSQL::Comment, KSyntaxHighlighting::Theme::Comment},
    {QsciLexerSQL::CommentLine, KSyntaxHighlighting::Theme::Comment},
    {QsciLexerSQL::CommentDoc, KSyntaxHighlighting::Theme::Documentation},
    {QsciLexerSQL::CommentLineHash, KSyntaxHighlighting::Theme::Comment},
    {QsciLexerSQL::Number, KSyntaxHighlighting::Theme::DecVal},
    {QsciLexerSQL::Keyword, KSyntaxHighlighting::Theme::Keyword},
    {QsciLexerSQL::KeywordSet5, KSyntaxHighlighting::Theme::DataType},
    {QsciLexerSQL::DoubleQuotedString, KSyntaxHighlighting::Theme::String},
    {QsciLexerSQL::SingleQuotedString, KSyntaxHighlighting::Theme::String},
    {QsciLexerSQL::QuotedIdentifier, KSyntaxHighlighting::Theme::Variable},
};

KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}
#endif

} // namespace

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor Theme::errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
}

QColor Theme::warningText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
}

QColor Theme::findMatch(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xe3, 0xb3, 0x41, 96) : QColor(0xff, 0xc8, 0x00, 110);
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x46));
    p.setColor(QPalette::Mid, QColor(0x33, 0x35, 0x38));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xbc, 0x8c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x82));
    return p;
}

QPalette Theme::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf8));
    p.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf6));
    p.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x84, 0x88));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe1));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x1d, 0x64, 0xb8));
    return p;
}

Theme::Graph Theme::graph(const QPalette &palette)
{
    Graph g;
    const bool dark = isDark(palette);
    g.background = palette.color(QPalette::Base);
    g.text = palette.color(QPalette::Text);
    g.selection = palette.color(QPalette::Highlight);
    if (dark) {
        // No green among the lanes: green means "current".
        g.lanes = {QColor(0x58, 0xa6, 0xff), QColor(0xd2, 0x99, 0x22), QColor(0xf7, 0x78, 0xba),
                   QColor(0x39, 0xc5, 0xcf), QColor(0xff, 0x7b, 0x72), QColor(0xbc, 0x8c, 0xff)};
        g.dimText = QColor(0xa0, 0xa4, 0xaa);
        g.applied = QColor(0x3f, 0xb9, 0x50);
        g.current = QColor(0x56, 0xd3, 0x64);
        g.pending = QColor(0x9d, 0xa1, 0xa8);
        g.dependency = QColor(0xd2, 0xa8, 0xff);
        g.badgeHead = QColor(0x1f, 0x6f, 0xeb);
        g.badgeBase = QColor(0x6e, 0x76, 0x81);
        g.badgeLabel = QColor(0x9e, 0x6a, 0x03);
        g.badgePoint = QColor(0x8a, 0x4b, 0xd6);
        g.badgeText = Qt::white;
        g.searchMatch = QColor(0x6e, 0x56, 0x00);
    } else {
        g.lanes = {QColor(0x1f, 0x6f, 0xeb), QColor(0xbf, 0x87, 0x00), QColor(0xbf, 0x39, 0x89),
                   QColor(0x1b, 0x7c, 0x83), QColor(0xcf, 0x22, 0x2e), QColor(0x82, 0x50, 0xdf)};
        g.dimText = QColor(0x5f, 0x66, 0x6d);
        g.applied = QColor(0x1a, 0x7f, 0x37);
        g.current = QColor(0x1a, 0x7f, 0x37);
        g.pending = QColor(0x8c, 0x95, 0x9f);
        g.dependency = QColor(0x82, 0x50, 0xdf);
        g.badgeHead = QColor(0x09, 0x69, 0xda);
        g.badgeBase = QColor(0x57, 0x60, 0x6a);
        g.badgeLabel = QColor(0x9a, 0x67, 0x00);
        g.badgePoint = QColor(0x82, 0x50, 0xdf);
        g.badgeText = Qt::white;
        g.searchMatch = QColor(0xff, 0xe5, 0x8f);
    }
    return g;
}

Theme::Diff Theme::diff(const QPalette &palette)
{
    Diff d;
    d.currentChange = palette.color(QPalette::Highlight);
    // Line backgrounds tinted enough to see and light enough to keep the highlighting readable;
    // the changed words a deeper shade of the changed line, as Meld does.
    if (isDark(palette)) {
        d.added = QColor(0x1f, 0x3d, 0x26);
        d.removed = QColor(0x4a, 0x22, 0x22);
        d.changed = QColor(0x3d, 0x35, 0x16);
        d.changedText = QColor(0x6e, 0x5a, 0x14);
        d.filler = QColor(0x2a, 0x2c, 0x30);
        d.fillerHatch = QColor(0x3e, 0x41, 0x46);
    } else {
        d.added = QColor(0xda, 0xfb, 0xe1);
        d.removed = QColor(0xff, 0xeb, 0xe9);
        d.changed = QColor(0xff, 0xf8, 0xc5);
        d.changedText = QColor(0xf2, 0xcc, 0x60);
        d.filler = QColor(0xf0, 0xf1, 0xf3);
        d.fillerHatch = QColor(0xd4, 0xd7, 0xdb);
    }
    return d;
}

void Theme::applyToEditor(QsciScintilla *editor, QsciLexerSQL *lexer, const QPalette &palette)
{
    const bool dark = isDark(palette);
    const QFont font = editorFont();
    QColor paper = palette.color(QPalette::Base);
    QColor ink = palette.color(QPalette::Text);
    QColor marginPaper = dark ? paper.lighter(115) : palette.color(QPalette::Window);
    QColor marginInk = dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
    QColor caretLine = dark ? paper.lighter(125) : QColor(0xf3, 0xf6, 0xfa);
    QColor selection = palette.color(QPalette::Highlight);

    lexer->setDefaultFont(font);
    lexer->setFont(font, -1);
    lexer->setDefaultPaper(paper);
    lexer->setPaper(paper, -1);
    lexer->setDefaultColor(ink);

    bool themed = false;
#ifdef STRATUM_HAVE_KSYNTAXHIGHLIGHTING
    const KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette);
    if (theme.isValid()) {
        themed = true;
        paper = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
        ink = QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal));
        marginPaper = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::IconBorder));
        marginInk = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::LineNumbers));
        caretLine = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::CurrentLine));
        selection = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::TextSelection));
        lexer->setDefaultPaper(paper);
        lexer->setPaper(paper, -1);
        lexer->setDefaultColor(ink);
        for (const KfMapping &mapping : kfStyles) {
            lexer->setColor(QColor::fromRgba(theme.textColor(mapping.textStyle)), mapping.style);
            QFont styled = font;
            styled.setBold(theme.isBold(mapping.textStyle));
            styled.setItalic(theme.isItalic(mapping.textStyle));
            lexer->setFont(styled, mapping.style);
        }
    }
#endif
    if (!themed) {
        for (const StyleColours &style : fallbackStyles) {
            lexer->setColor(dark ? style.dark : style.light, style.style);
            QFont styled = font;
            styled.setBold(style.bold);
            styled.setItalic(style.italic);
            lexer->setFont(styled, style.style);
        }
    }

    editor->setPaper(paper);
    editor->setColor(ink);
    editor->setMarginsBackgroundColor(marginPaper);
    editor->setMarginsForegroundColor(marginInk);
    editor->setMarginsFont(font);
    editor->setFoldMarginColors(marginPaper, marginPaper);
    editor->setCaretForegroundColor(ink);
    editor->setCaretLineBackgroundColor(caretLine);
    editor->setSelectionBackgroundColor(selection);
    editor->setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    editor->setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x5f, 0x3a) : QColor(0xd4, 0xf0, 0xd4));
    editor->setMatchedBraceForegroundColor(ink);
}

} // namespace Stratum
