// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The schema diff as Meld shows one: the words that differ inside a changed line, filler
// shaded opposite added and removed lines, both panes scrolling together, Next and Previous
// Change, and the SQL a revision of the checked changes would hold. The schemas are two real
// SQLite databases, reflected and compared as the studio compares them.
#include "stratum/autogen/comparator.h"
#include "stratum/commands/commands.h"
#include "diff/diffnavigator.h"
#include "diff/diffpane.h"
#include "diff/inlinediff.h"
#include "diff/schemaddl.h"
#include "diff/schemadiffview.h"
#include "diff/sqlpreview.h"
#include "stratum/schema/schemareflector.h"
#include "theme/theme.h"

#include "../../support/testservers.h"

#include <QAction>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace Stratum;

namespace {

const QChar openMark(0x00ab);    // «
const QChar closeMark(0x00bb);   // »

// "VARCHAR(«100»)" → the text without the marks, and the marked runs in it.
std::pair<QString, QList<TextRange>> unmark(const QString &marked)
{
    QString text;
    QList<TextRange> ranges;
    for (const QChar c : marked) {
        if (c == openMark)
            ranges.append({int(text.size()), 0});
        else if (c == closeMark)
            ranges.last().length = int(text.size()) - ranges.last().start;
        else
            text += c;
    }
    return {text, ranges};
}

// The other way round: \a text with \a ranges marked.
QString mark(const QString &text, const QList<TextRange> &ranges)
{
    QString out = text;
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
        out.insert(it->start + it->length, closeMark);
        out.insert(it->start, openMark);
    }
    return out;
}

// A row of DiffRow for each letter: T title, l title on the left only, r on the right only,
// S same, C changed, R removed, A added.
QList<DiffRow> rowsFromCodes(const QString &codes)
{
    using Kind = DiffRow::Kind;
    QList<DiffRow> rows;
    for (const QChar code : codes) {
        switch (code.toLatin1()) {
        case 'T': rows.append({Kind::Title, QStringLiteral("-- t"), QStringLiteral("-- t"), {}}); break;
        case 'l': rows.append({Kind::Title, QStringLiteral("-- t"), QString(), {}}); break;
        case 'r': rows.append({Kind::Title, QString(), QStringLiteral("-- t"), {}}); break;
        case 'S': rows.append({Kind::Same, QStringLiteral("x"), QStringLiteral("x"), {}}); break;
        case 'C': rows.append({Kind::Changed, QStringLiteral("a"), QStringLiteral("b"), {}}); break;
        case 'R': rows.append({Kind::Removed, QStringLiteral("a"), QString(), {}}); break;
        case 'A': rows.append({Kind::Added, QString(), QStringLiteral("b"), {}}); break;
        }
    }
    return rows;
}

QString lineText(SqlEditor *editor, int line)
{
    return editor->text().split(QLatin1Char('\n')).value(line - 1);
}

// The 1-based line of \a editor that contains \a needle (0: none).
int lineWith(SqlEditor *editor, const QString &needle)
{
    const QStringList lines = editor->text().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return i + 1;
    return 0;
}

// Lines (1-based) where only \a side has no text and \a other has.
QList<int> oneSidedLines(SqlEditor *side, SqlEditor *other)
{
    const QStringList a = side->text().split(QLatin1Char('\n'));
    const QStringList b = other->text().split(QLatin1Char('\n'));
    QList<int> lines;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].isEmpty() && !b.value(i).isEmpty())
            lines << i + 1;
    return lines;
}

// The colours of the text area of \a line (1-based) in a picture of \a pane.
QSet<QRgb> lineColours(DiffPane *pane, int line)
{
    const QImage image = pane->grab().toImage();
    const long position = pane->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line - 1);
    const int y = int(pane->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, position));
    const int height = int(pane->SendScintilla(QsciScintillaBase::SCI_TEXTHEIGHT, line - 1));
    int x0 = 0;
    for (int margin = 0; margin < 5; ++margin)
        x0 += pane->marginWidth(margin);
    const qreal ratio = image.devicePixelRatio();
    QSet<QRgb> colours;
    for (int y1 = y + 1; y1 < y + height - 1; ++y1)
        for (int x = x0 + 4; x < x0 + 200; ++x)
            colours.insert(image.pixel(int(x * ratio), int(y1 * ratio)));
    return colours;
}

int linesOnScreen(SqlEditor *editor)
{
    return int(editor->SendScintilla(QsciScintillaBase::SCI_LINESONSCREEN));
}

} // namespace

class tst_DiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inlineTokens_data();
    void inlineTokens();
    void inlineDiff_data();
    void inlineDiff();
    void changeBlocks_data();
    void changeBlocks();
    void highlightsChangedWords_data();
    void highlightsChangedWords();
    void shadesFiller_data();
    void shadesFiller();
    void panesScrollTogether();
    void nextAndPreviousChange();
    void previewFollowsCheckBoxes();

private:
    std::unique_ptr<SchemaDiffView> showView(const QPalette &palette = Theme::lightPalette());

    SchemaComparison m_comparison;
};

void tst_DiffView::initTestCase()
{
    // Long enough to scroll both ways: 40 columns and a default wider than any window.
    QStringList ledger;
    for (int i = 1; i <= 40; ++i)
        ledger << QStringLiteral("c%1 INTEGER").arg(i);
    const QString ledgerTable = QStringLiteral("CREATE TABLE ledger (id INTEGER PRIMARY KEY, %1, note TEXT DEFAULT '%2')")
                                    .arg(ledger.join(QStringLiteral(", ")), QString(400, QLatin1Char('x')));
    const QStringList left = {
        QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                       "city TEXT DEFAULT 'Zürich-1')"),
        QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL)"),
        ledgerTable,
        QStringLiteral("CREATE TABLE old_stuff (id INTEGER PRIMARY KEY, label TEXT)"),
    };
    const QStringList right = {
        QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(150) NOT NULL, "
                       "city TEXT DEFAULT 'Zürich-2')"),
        QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, isbn TEXT)"),
        QStringLiteral("CREATE TABLE coupons (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL)"),
        ledgerTable,
    };
    StratumTest::Scratch from;
    StratumTest::Scratch to;
    QVERIFY(from.open(QStringLiteral("sqlite"), {}, QStringLiteral("from")));
    QVERIFY(to.open(QStringLiteral("sqlite"), {}, QStringLiteral("to")));
    STRATUM_VERIFY_OK(from.run(left));
    STRATUM_VERIFY_OK(to.run(right));
    auto fromSchema = SchemaReflector::reflect(from.connection());
    auto toSchema = SchemaReflector::reflect(to.connection());
    STRATUM_VERIFY_OK(fromSchema);
    STRATUM_VERIFY_OK(toSchema);
    m_comparison.dialect = QStringLiteral("sqlite");
    m_comparison.from = *fromSchema;
    m_comparison.to = *toSchema;
    m_comparison.upgrade = compareSchemas(*fromSchema, *toSchema, from.connection().dialect());
    m_comparison.downgrade = reverseOperations(m_comparison.upgrade);
    QVERIFY(m_comparison.upgrade.size() >= 3);
}

std::unique_ptr<SchemaDiffView> tst_DiffView::showView(const QPalette &palette)
{
    auto view = std::make_unique<SchemaDiffView>();
    view->setPalette(palette);
    view->resize(1100, 700);
    view->setComparison(m_comparison, QStringLiteral("from.db"), QStringLiteral("to.db"), true,
                        QStringLiteral("auto"));
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

void tst_DiffView::inlineTokens_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("type") << QStringLiteral("VARCHAR(100)")
                          << QStringList{QStringLiteral("VARCHAR"), QStringLiteral("("), QStringLiteral("100"), QStringLiteral(")")};
    QTest::newRow("spaces and underscores") << QStringLiteral("  a_b  c")
                                            << QStringList{QStringLiteral("  "), QStringLiteral("a_b"), QStringLiteral("  "), QStringLiteral("c")};
    QTest::newRow("letters of any script") << QStringLiteral("'Zürich-1'")
                                           << QStringList{QStringLiteral("'"), QStringLiteral("Zürich"), QStringLiteral("-"),
                                                          QStringLiteral("1"), QStringLiteral("'")};
    QTest::newRow("combining mark") << QStringLiteral("e\u0301t x")
                                    << QStringList{QStringLiteral("e\u0301t"), QStringLiteral(" "), QStringLiteral("x")};
    QTest::newRow("surrogate pair") << QStringLiteral("🚀x🐢")
                                    << QStringList{QStringLiteral("🚀"), QStringLiteral("x"), QStringLiteral("🐢")};
}

void tst_DiffView::inlineTokens()
{
    QFETCH(QString, line);
    QFETCH(QStringList, tokens);
    QCOMPARE(Stratum::inlineTokens(line), tokens);
    QCOMPARE(Stratum::inlineTokens(line).join(QString()), line);
}

void tst_DiffView::inlineDiff_data()
{
    // «» mark the runs that are to be highlighted.
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::newRow("identical") << QStringLiteral("    name VARCHAR(100) NOT NULL,")
                               << QStringLiteral("    name VARCHAR(100) NOT NULL,");
    QTest::newRow("number") << QStringLiteral("    name VARCHAR(«100») NOT NULL,")
                            << QStringLiteral("    name VARCHAR(«150») NOT NULL,");
    QTest::newRow("fully different") << QStringLiteral("«abc»") << QStringLiteral("«xyz»");
    QTest::newRow("words joined over spaces") << QStringLiteral("«foo bar»") << QStringLiteral("«baz qux»");
    QTest::newRow("insertion at start") << QStringLiteral("NOT NULL") << QStringLiteral("«id» NOT NULL");
    QTest::newRow("insertion at end") << QStringLiteral("    a INTEGER")
                                      << QStringLiteral("    a INTEGER «NOT NULL»");
    QTest::newRow("deletion in the middle") << QStringLiteral("a INTEGER «NOT NULL» DEFAULT 0")
                                            << QStringLiteral("a INTEGER DEFAULT 0");
    QTest::newRow("comma appended") << QStringLiteral("    title TEXT") << QStringLiteral("    title TEXT«,»");
    QTest::newRow("two places") << QStringLiteral("a «INTEGER» NOT NULL DEFAULT «0»")
                                << QStringLiteral("a «BIGINT» NOT NULL DEFAULT «1»");
    QTest::newRow("repeated words") << QStringLiteral("(a, «b», a)") << QStringLiteral("(a, «c», a)");
    QTest::newRow("letters beyond ascii before the change") << QStringLiteral("city DEFAULT 'Zürich-«1»'")
                                                           << QStringLiteral("city DEFAULT 'Zürich-«2»'");
    QTest::newRow("changed word beyond ascii") << QStringLiteral("DEFAULT '«Müller»'")
                                               << QStringLiteral("DEFAULT '«Möller»'");
    QTest::newRow("surrogate pairs") << QStringLiteral("-- «🚀» fast") << QStringLiteral("-- «🐢» fast");
    QTest::newRow("whitespace only") << QStringLiteral("a«  »b") << QStringLiteral("a« »b");
    QTest::newRow("empty left") << QString() << QStringLiteral("«abc»");
    QTest::newRow("empty right") << QStringLiteral("«abc»") << QString();
    QTest::newRow("case") << QStringLiteral("«varchar»(10)") << QStringLiteral("«VARCHAR»(10)");
}

void tst_DiffView::inlineDiff()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    const auto [leftText, leftRanges] = unmark(left);
    const auto [rightText, rightRanges] = unmark(right);
    const InlineDiff diff = Stratum::inlineDiff(leftText, rightText);
    QCOMPARE(mark(leftText, diff.left), left);
    QCOMPARE(mark(rightText, diff.right), right);
    QCOMPARE(diff.left, leftRanges);
    QCOMPARE(diff.right, rightRanges);
}

void tst_DiffView::changeBlocks_data()
{
    QTest::addColumn<QString>("codes");
    QTest::addColumn<QString>("blocks");
    QTest::newRow("nothing") << QString() << QString();
    QTest::newRow("all the same") << QStringLiteral("TSSS") << QString();
    QTest::newRow("one changed line") << QStringLiteral("TSCS") << QStringLiteral("2-2");
    QTest::newRow("changed, then added") << QStringLiteral("TCCAS") << QStringLiteral("1-3");
    QTest::newRow("added object") << QStringLiteral("STSSrAA") << QStringLiteral("4-6");
    QTest::newRow("removed object") << QStringLiteral("lRR") << QStringLiteral("0-2");
    QTest::newRow("two blocks") << QStringLiteral("TCSSlRR") << QStringLiteral("1-1 4-6");
    QTest::newRow("ends with a change") << QStringLiteral("TSRA") << QStringLiteral("2-3");
    QTest::newRow("alternating") << QStringLiteral("SCSC") << QStringLiteral("1-1 3-3");
}

void tst_DiffView::changeBlocks()
{
    QFETCH(QString, codes);
    QFETCH(QString, blocks);
    QStringList out;
    for (const ChangeBlock &block : Stratum::changeBlocks(rowsFromCodes(codes)))
        out << QStringLiteral("%1-%2").arg(block.first).arg(block.last);
    QCOMPARE(out.join(QLatin1Char(' ')), blocks);
}

void tst_DiffView::highlightsChangedWords_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void tst_DiffView::highlightsChangedWords()
{
    QFETCH(bool, dark);
    const QPalette palette = dark ? Theme::darkPalette() : Theme::lightPalette();
    auto view = showView(palette);
    QVERIFY(view);
    DiffPane *left = view->leftView();
    DiffPane *right = view->rightView();

    const int name = lineWith(left, QStringLiteral("VARCHAR(100)"));
    QVERIFY(name > 0);
    QVERIFY(lineText(right, name).contains(QLatin1String("VARCHAR(150)")));
    QVERIFY2(mark(lineText(left, name), left->highlightedText(name)).contains(QStringLiteral("VARCHAR(«100»)")),
             qPrintable(mark(lineText(left, name), left->highlightedText(name))));
    QCOMPARE(right->highlightedText(name).size(), 1);
    QVERIFY(mark(lineText(right, name), right->highlightedText(name)).contains(QStringLiteral("VARCHAR(«150»)")));

    // UTF-8 in the editor, UTF-16 in QString: the run is still the digit.
    const int city = lineWith(left, QStringLiteral("Zürich-1"));
    QVERIFY(city > 0);
    QVERIFY2(mark(lineText(left, city), left->highlightedText(city)).contains(QStringLiteral("Zürich-«1»")),
             qPrintable(mark(lineText(left, city), left->highlightedText(city))));
    QVERIFY(mark(lineText(right, city), right->highlightedText(city)).contains(QStringLiteral("Zürich-«2»")));

    // Only changed lines carry highlighted words.
    for (int line = 1; line <= left->lines(); ++line) {
        if (!left->highlightedText(line).isEmpty() || !right->highlightedText(line).isEmpty())
            QVERIFY2(left->markedLines(SqlEditor::LineMark::Changed).contains(line), qPrintable(lineText(left, line)));
    }

    // Drawn in the theme's colour (Scintilla keeps colours as BGR).
    const QColor expected = Theme::diff(palette).changedText;
    const long bgr = left->SendScintilla(QsciScintillaBase::SCI_INDICGETFORE, left->textIndicator());
    QCOMPARE(QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff)).name(), expected.name());
    QVERIFY(Theme::diff(Theme::darkPalette()).changedText != Theme::diff(Theme::lightPalette()).changedText);
}

void tst_DiffView::shadesFiller_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void tst_DiffView::shadesFiller()
{
    QFETCH(bool, dark);
    auto view = showView(dark ? Theme::darkPalette() : Theme::lightPalette());
    QVERIFY(view);
    DiffPane *left = view->leftView();
    DiffPane *right = view->rightView();

    // Opposite the added table coupons (and the column isbn) the left side is filler, opposite
    // the dropped table old_stuff the right side.
    const QList<int> leftFiller = oneSidedLines(left, right);
    const QList<int> rightFiller = oneSidedLines(right, left);
    QVERIFY(leftFiller.contains(lineWith(right, QStringLiteral("CREATE TABLE coupons"))));
    QVERIFY(rightFiller.contains(lineWith(left, QStringLiteral("CREATE TABLE old_stuff"))));
    QCOMPARE(left->fillerLines(), leftFiller);
    QCOMPARE(right->fillerLines(), rightFiller);

    // The filler looks unlike an ordinary blank line (the one between two tables): hatched.
    const int filler = leftFiller.first();
    int blank = 0;
    for (int line = 1; line <= left->lines() && !blank; ++line)
        if (lineText(left, line).isEmpty() && lineText(right, line).isEmpty())
            blank = line;
    QVERIFY(blank > 0);
    left->setFirstVisibleLine(std::max(0, std::min(filler, blank) - 2));
    QVERIFY(std::abs(filler - blank) < 15);
    const QSet<QRgb> fillerColours = lineColours(left, filler);
    const QSet<QRgb> blankColours = lineColours(left, blank);
    QCOMPARE(blankColours.size(), 1);
    QVERIFY2(fillerColours.size() >= 2, "the filler is hatched");
    QVERIFY(!fillerColours.contains(*blankColours.cbegin()));
    // STRATUM_UI_GRABS=DIR saves the view to look at, as tst_studio does.
    const QString grabs = qEnvironmentVariable("STRATUM_UI_GRABS");
    if (!grabs.isEmpty())
        view->grab().save(QDir(grabs).filePath(QStringLiteral("diff-%1.png").arg(dark ? "dark" : "light")));
}

void tst_DiffView::panesScrollTogether()
{
    auto view = showView();
    QVERIFY(view);
    view->resize(800, 400);
    QTRY_VERIFY(view->leftView()->verticalScrollBar()->maximum() > 20);
    QScrollBar *leftV = view->leftView()->verticalScrollBar();
    QScrollBar *rightV = view->rightView()->verticalScrollBar();
    QScrollBar *leftH = view->leftView()->horizontalScrollBar();
    QScrollBar *rightH = view->rightView()->horizontalScrollBar();

    QSignalSpy leftMoves(leftV, &QScrollBar::valueChanged);
    QSignalSpy rightMoves(rightV, &QScrollBar::valueChanged);
    leftV->setValue(12);
    QCOMPARE(rightV->value(), 12);
    QCOMPARE(view->rightView()->firstVisibleLine(), 12);
    QCOMPARE(leftMoves.size(), 1);    // no echo back
    QCOMPARE(rightMoves.size(), 1);
    rightV->setValue(5);
    QCOMPARE(leftV->value(), 5);
    QCOMPARE(view->leftView()->firstVisibleLine(), 5);
    // Scintilla moves its own bars with their signals blocked (setFirstVisibleLine, keys) and
    // says so once it has painted.
    view->rightView()->setFirstVisibleLine(9);
    QTRY_COMPARE(view->leftView()->firstVisibleLine(), 9);
    view->leftView()->setFocus();
    QTest::keyClick(view->leftView(), Qt::Key_PageDown);
    QTest::keyClick(view->leftView(), Qt::Key_PageDown);
    QTRY_VERIFY(view->leftView()->firstVisibleLine() > 9);
    QTRY_COMPARE(view->rightView()->firstVisibleLine(), view->leftView()->firstVisibleLine());

    // Sideways too, over the same width: the long default is as far on both sides.
    QVERIFY(leftH->maximum() > 300);
    QCOMPARE(view->leftView()->scrollWidth(), view->rightView()->scrollWidth());
    QVERIFY(view->leftView()->textWidth() > 2000);   // more than Scintilla's default
    QCOMPARE(view->leftView()->scrollWidth(), std::max(view->leftView()->textWidth(), view->rightView()->textWidth()));
    rightH->setValue(300);
    QCOMPARE(leftH->value(), 300);
    leftH->setValue(40);
    QCOMPARE(rightH->value(), 40);
    QCOMPARE(int(view->rightView()->SendScintilla(QsciScintillaBase::SCI_GETXOFFSET)), 40);
}

void tst_DiffView::nextAndPreviousChange()
{
    auto view = showView();
    QVERIFY(view);
    view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(view.get()));
    DiffPane *left = view->leftView();
    DiffPane *right = view->rightView();
    DiffNavigator *navigator = view->navigator();
    const QList<ChangeBlock> blocks = navigator->blocks();
    // authors (two changed lines), books (isbn), coupons, old_stuff.
    QCOMPARE(blocks.size(), 4);
    QVERIFY2(view->changeCountText().startsWith(QLatin1String("4 difference")), qPrintable(view->changeCountText()));
    QVERIFY(left->currentChangeLines().isEmpty());

    const auto at = [&](int index) {
        const ChangeBlock block = blocks[index];
        QList<int> lines;
        for (int row = block.first; row <= block.last; ++row)
            lines << row + 1;
        return left->currentChangeLines() == lines && right->currentChangeLines() == lines
            && left->firstVisibleLine() <= block.first
            && block.first < left->firstVisibleLine() + linesOnScreen(left)
            && right->firstVisibleLine() == left->firstVisibleLine()
            && view->changeCountText() == QStringLiteral("difference %1 of 4").arg(index + 1);
    };

    left->setFocus();
    QTest::keyClick(left, Qt::Key_Down, Qt::AltModifier);
    QVERIFY2(at(0), qPrintable(view->changeCountText()));
    QTest::keyClick(left, Qt::Key_F8);
    QVERIFY2(at(1), qPrintable(view->changeCountText()));
    view->changes()->setFocus();
    QTest::keyClick(view->changes(), Qt::Key_F8);
    QVERIFY2(at(2), qPrintable(view->changeCountText()));
    right->setFocus();
    QTest::keyClick(right, Qt::Key_Down, Qt::AltModifier);
    QVERIFY2(at(3), qPrintable(view->changeCountText()));
    QVERIFY(!view->nextChangeAction()->isEnabled());
    QTest::keyClick(right, Qt::Key_F8);   // the last one stays
    QVERIFY(at(3));
    QTest::keyClick(right, Qt::Key_F8, Qt::ShiftModifier);
    QVERIFY2(at(2), qPrintable(view->changeCountText()));
    view->changes()->setFocus();
    QTest::keyClick(view->changes(), Qt::Key_Up, Qt::AltModifier);
    QVERIFY2(at(1), qPrintable(view->changeCountText()));

    // The buttons do the same.
    auto *previous = view->findChild<QToolButton *>(QStringLiteral("diffPreviousChange"));
    auto *next = view->findChild<QToolButton *>(QStringLiteral("diffNextChange"));
    QVERIFY(previous && next);
    QTest::mouseClick(previous, Qt::LeftButton);
    QVERIFY(at(0));
    QVERIFY(!previous->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(at(1));

    // A new comparison starts from the top again.
    view->setComparison(m_comparison, QStringLiteral("from.db"), QStringLiteral("to.db"), true, QStringLiteral("auto"));
    QVERIFY(view->changeCountText().startsWith(QLatin1String("4 difference")));
    QVERIFY(left->currentChangeLines().isEmpty());
}

void tst_DiffView::previewFollowsCheckBoxes()
{
    auto view = showView();
    QVERIFY(view);
    SqlPreview *preview = view->preview();
    QVERIFY(preview->isVisible());
    QCOMPARE(preview->tabText(0), QStringLiteral("Upgrade"));
    QCOMPARE(preview->tabText(1), QStringLiteral("Downgrade"));
    QVERIFY(!preview->isEmptyShown());
    QVERIFY(preview->upgradeView()->text().contains(QLatin1String("CREATE TABLE coupons")));
    QVERIFY(preview->downgradeView()->text().contains(QLatin1String("DROP TABLE coupons")));
    QCOMPARE(preview->upgradeView()->text(), view->checkedSql().first);
    QCOMPARE(preview->downgradeView()->text(), view->checkedSql().second);

    // Unchecking the table coupons takes it out of both.
    QTreeWidgetItem *coupons = nullptr;
    for (int g = 0; g < view->changes()->topLevelItemCount(); ++g)
        if (view->changes()->topLevelItem(g)->text(0) == QLatin1String("table coupons"))
            coupons = view->changes()->topLevelItem(g);
    QVERIFY(coupons);
    coupons->setCheckState(0, Qt::Unchecked);
    QTRY_VERIFY(!preview->upgradeView()->text().contains(QLatin1String("coupons")));
    QVERIFY(!preview->downgradeView()->text().contains(QLatin1String("coupons")));
    QVERIFY(preview->upgradeView()->text().contains(QLatin1String("old_stuff")));
    QCOMPARE(preview->upgradeView()->text(), view->checkedSql().first);
    QCOMPARE(preview->downgradeView()->text(), view->checkedSql().second);

    // Nothing checked: a sentence says so.
    for (int g = 0; g < view->changes()->topLevelItemCount(); ++g)
        view->changes()->topLevelItem(g)->setCheckState(0, Qt::Unchecked);
    QTRY_VERIFY(preview->isEmptyShown());
    QVERIFY(!preview->upgradeView()->isVisible());
    auto *sentence = preview->currentWidget()->findChild<QLabel *>(QStringLiteral("sqlPreviewEmpty"));
    QVERIFY(sentence && sentence->isVisible());
    QCOMPARE(sentence->text(), preview->emptyText());
    QVERIFY(!preview->emptyText().isEmpty());
    if (const QString grabs = qEnvironmentVariable("STRATUM_UI_GRABS"); !grabs.isEmpty())
        view->grab().save(QDir(grabs).filePath(QStringLiteral("diff-nothing-checked.png")));

    coupons->setCheckState(0, Qt::Checked);
    QTRY_VERIFY(!preview->isEmptyShown());
    QVERIFY(preview->upgradeView()->isVisible());
    QVERIFY(preview->upgradeView()->text().contains(QLatin1String("CREATE TABLE coupons")));
    QVERIFY(!preview->upgradeView()->text().contains(QLatin1String("old_stuff")));
}

QTEST_MAIN(tst_DiffView)
#include "tst_diffview.moc"
