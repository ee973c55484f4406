// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the revision editor's find bar, go-to-line bar and editing keys offscreen, on a copy
// of a bookshop revision.
#include "editor/editorshortcut.h"
#include "editor/findbar.h"
#include "editor/gotolinebar.h"
#include "editor/revisioneditor.h"
#include "editor/sqleditor.h"
#include "mainwindow/mainwindow.h"
#include "theme/theme.h"

#include "../../support/bookshop.h"
#include <Qsci/qscicommandset.h>

#include <QDialog>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace Stratum;
using StratumTest::copyBookshop;

namespace {

const QString booksRevision = QStringLiteral("a84e2d51c0f9_create_books.sql");

QString bookshopFile(const QString &name)
{
    return QStringLiteral(STRATUM_SOURCE_DIR "/examples/bookshop/migrations/versions/") + name;
}

// (line, index) of the cursor, and the selection as anchor line, index, caret line, index.
QList<int> cursorOf(const SqlEditor *editor)
{
    int line = 0, index = 0;
    editor->getCursorPosition(&line, &index);
    return {line, index};
}

QList<int> selectionOf(SqlEditor *editor)
{
    const int anchor = int(editor->SendScintilla(QsciScintilla::SCI_GETANCHOR));
    const int caret = int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    int anchorLine = 0, anchorIndex = 0, caretLine = 0, caretIndex = 0;
    editor->lineIndexFromPosition(anchor, &anchorLine, &anchorIndex);
    editor->lineIndexFromPosition(caret, &caretLine, &caretIndex);
    return {anchorLine, anchorIndex, caretLine, caretIndex};
}

void select(SqlEditor *editor, const QList<int> &selection)
{
    editor->setSelection(selection[0], selection[1], selection[2], selection[3]);
}

QString lineText(SqlEditor *editor, int line)
{
    QString text = editor->text(line);
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

// Every (line, index) where \a word starts, case-insensitively.
QList<QList<int>> occurrences(SqlEditor *editor, const QString &word)
{
    QList<QList<int>> found;
    for (int line = 0; line < editor->lines(); ++line) {
        const QString text = lineText(editor, line);
        for (int at = int(text.indexOf(word, 0, Qt::CaseInsensitive)); at >= 0;
             at = int(text.indexOf(word, at + 1, Qt::CaseInsensitive)))
            found.append({line, at});
    }
    return found;
}

bool indicatorAt(SqlEditor *editor, int position)
{
    return editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, editor->findIndicator(), position) != 0;
}

QColor indicatorColour(SqlEditor *editor)
{
    const long bgr = editor->SendScintilla(QsciScintilla::SCI_INDICGETFORE, editor->findIndicator());
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

QToolButton *button(QWidget *bar, const char *name)
{
    return bar->findChild<QToolButton *>(QLatin1String(name));
}

} // namespace

class tst_Editor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shortcutsAreTheEditorsOwn();
    void findCountsMatches_data();
    void findCountsMatches();
    void findTakesTheSelection();
    void findNextAndPreviousWrap_data();
    void findNextAndPreviousWrap();
    void matchesAreMarkedInThemeColours();
    void escapeReturnsToTheEditor();
    void replaceAndFind();
    void replaceAllIsOneUndoStep_data();
    void replaceAllIsOneUndoStep();
    void readOnlyEditorFindsButDoesNotEdit_data();
    void readOnlyEditorFindsButDoesNotEdit();
    void goToLine_data();
    void goToLine();
    void toggleComment_data();
    void toggleComment();
    void editingKeys_data();
    void editingKeys();
    void completionOnCtrlSpace();
    void ctrlFInTheStudioFindsInTheEditor();

private:
    SqlEditor *sql() const { return m_editor->editor(); }
    FindBar *findBar() const { return m_editor->findBar(); }
    /// Ctrl+F in the editor, then \a text typed into the find field.
    bool openFind(const QString &text);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RevisionEditor> m_editor;
    QString m_original;
};

void tst_Editor::initTestCase()
{
    // The studio test below keeps its recent projects in a throw-away place.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StratumTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_editor"));
}

void tst_Editor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(booksRevision);
    QVERIFY(QFile::copy(bookshopFile(booksRevision), path));
    m_editor = std::make_unique<RevisionEditor>();
    QVERIFY(m_editor->openFile(path).ok());
    m_original = m_editor->text();
    QVERIFY(m_original.contains(QLatin1String("CREATE TABLE books (")));
    m_editor->resize(1000, 800);
    m_editor->show();
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    sql()->setFocus();
    QTRY_VERIFY(sql()->hasFocus());
}

void tst_Editor::cleanup()
{
    m_editor.reset();
    m_dir.reset();
}

bool tst_Editor::openFind(const QString &text)
{
    QTest::keyClick(sql(), Qt::Key_F, Qt::ControlModifier);
    if (!findBar()->isVisible() || !QTest::qWaitFor([this] { return QApplication::focusWidget() == findBar()->findField(); }))
        return false;
    findBar()->findField()->selectAll();
    QTest::keyClicks(findBar()->findField(), text);
    return true;
}

void tst_Editor::shortcutsAreTheEditorsOwn()
{
    const QList<EditorShortcut> shortcuts = editorShortcuts();
    QVERIFY(shortcuts.size() >= 17);
    QSet<QString> keys;
    for (const EditorShortcut &shortcut : shortcuts) {
        QVERIFY(!shortcut.action.isEmpty());
        QCOMPARE(shortcut.keys.count(), 1);
        const QString key = shortcut.keys.toString() + QString::number(int(shortcut.scope));
        QVERIFY2(!keys.contains(key), qPrintable(shortcut.keys.toString()));
        keys.insert(key);
        // QScintilla's own key map (Ctrl+L cut the line, Ctrl+/ moved by word parts, Shift+Del
        // cut) no longer claims the editor's keys. Escape stays its Cancel (which closes the
        // completion list) when no bar is open; Return in the find bar is no editor key.
        if (shortcut.scope == EditorShortcut::Scope::FindBar || shortcut.command == EditorCommand::CloseBar)
            continue;
        QsciCommand *claimed = sql()->standardCommands()->boundTo(shortcut.keys[0].toCombined());
        QVERIFY2(!claimed, qPrintable(shortcut.keys.toString() + QLatin1String(": ")
                                      + (claimed ? claimed->description() : QString())));
    }
}

void tst_Editor::findCountsMatches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("status");

    QTest::newRow("plain") << "books" << false << false << false << 6 << "1 of 6";
    QTest::newRow("any case") << "BOOKS" << false << false << false << 6 << "1 of 6";
    QTest::newRow("case-sensitive") << "BOOKS" << true << false << false << 0 << "No matches";
    QTest::newRow("whole words") << "books" << false << true << false << 4 << "1 of 4";
    QTest::newRow("part of words only") << "author" << false << true << false << 0 << "No matches";
    QTest::newRow("substring") << "author" << false << false << false << 5 << "1 of 5";
    QTest::newRow("regex") << "ix_\\w+" << false << false << true << 2 << "1 of 2";
    QTest::newRow("regex optional group") << "INTEGER( NOT NULL)?" << true << false << true << 4 << "1 of 4";
    QTest::newRow("regex line start") << "^drop" << false << false << true << 2 << "1 of 2";
    QTest::newRow("regex whole words") << "NOT\\s+NULL" << true << true << true << 4 << "1 of 4";
    QTest::newRow("regex characters are plain text") << "ix_\\w+" << false << false << false << 0 << "No matches";
    QTest::newRow("invalid regex") << "(books" << false << false << true << 0 << "Invalid pattern";
}

void tst_Editor::findCountsMatches()
{
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(int, count);
    QFETCH(QString, status);

    QVERIFY(openFind(QString()));
    // Options set by clicking, as a user does.
    for (auto [option, wanted] : {std::pair{findBar()->caseSensitiveButton(), caseSensitive},
                                  std::pair{findBar()->wholeWordsButton(), wholeWords},
                                  std::pair{findBar()->regularExpressionButton(), regex}}) {
        if (option->isChecked() != wanted)
            QTest::mouseClick(option, Qt::LeftButton);
        QCOMPARE(option->isChecked(), wanted);
    }
    QCOMPARE(QApplication::focusWidget(), findBar()->findField());   // clicking an option keeps it there
    QTest::keyClicks(findBar()->findField(), pattern);
    QCOMPARE(findBar()->matchCount(), count);
    QVERIFY2(findBar()->statusText().startsWith(status), qPrintable(findBar()->statusText()));
    const QLabel *label = findBar()->findChild<QLabel *>(QStringLiteral("findStatus"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), findBar()->statusText());
    QCOMPARE(label->toolTip().contains(QLatin1String("missing")), status == QLatin1String("Invalid pattern"));
    if (count > 0) {
        QCOMPARE(findBar()->currentMatch(), 1);
        QVERIFY(sql()->hasSelectedText());
    }
}

void tst_Editor::findTakesTheSelection()
{
    const QList<QList<int>> books = occurrences(sql(), QStringLiteral("books"));
    QCOMPARE(books.size(), 6);
    // The second "books" (CREATE TABLE books) selected: it is what is looked for, match 2.
    select(sql(), {books[1][0], books[1][1], books[1][0], books[1][1] + 5});
    QTest::keyClick(sql(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(findBar()->findField()->text(), QStringLiteral("books"));
    QCOMPARE(findBar()->findField()->selectedText(), QStringLiteral("books"));
    QCOMPARE(findBar()->statusText(), QStringLiteral("2 of 6"));

    // A selection of several lines is not something to find: the field keeps what it had.
    sql()->setFocus();
    select(sql(), {10, 0, 12, 3});
    QTest::keyClick(sql(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(findBar()->findField()->text(), QStringLiteral("books"));
}

void tst_Editor::findNextAndPreviousWrap_data()
{
    QTest::addColumn<QList<int>>("keys");   // key, modifiers, key, modifiers…
    QTest::addColumn<bool>("inEditor");     // pressed in the editor rather than the find field
    QTest::addColumn<int>("match");         // 1-based, of the six "books"

    const int shift = int(Qt::ShiftModifier);
    QTest::newRow("enter") << QList<int>{Qt::Key_Return, 0} << false << 2;
    QTest::newRow("enter twice") << QList<int>{Qt::Key_Return, 0, Qt::Key_Return, 0} << false << 3;
    QTest::newRow("keypad enter") << QList<int>{Qt::Key_Enter, int(Qt::KeypadModifier)} << false << 2;
    QTest::newRow("f3") << QList<int>{Qt::Key_F3, 0} << false << 2;
    QTest::newRow("shift+enter wraps") << QList<int>{Qt::Key_Return, shift} << false << 6;
    QTest::newRow("shift+f3 wraps") << QList<int>{Qt::Key_F3, shift} << false << 6;
    QTest::newRow("there and back")
        << QList<int>{Qt::Key_Return, 0, Qt::Key_F3, 0, Qt::Key_Return, shift, Qt::Key_F3, shift} << false << 1;
    QTest::newRow("six times wraps to the first") << QList<int>{Qt::Key_F3, 0, Qt::Key_F3, 0, Qt::Key_F3, 0,
                                                                Qt::Key_F3, 0, Qt::Key_F3, 0, Qt::Key_F3, 0}
                                                  << false << 1;
    QTest::newRow("f3 in the editor") << QList<int>{Qt::Key_F3, 0, Qt::Key_F3, 0} << true << 3;
    QTest::newRow("shift+f3 in the editor") << QList<int>{Qt::Key_F3, shift} << true << 6;
}

void tst_Editor::findNextAndPreviousWrap()
{
    QFETCH(QList<int>, keys);
    QFETCH(bool, inEditor);
    QFETCH(int, match);

    QVERIFY(openFind(QStringLiteral("books")));
    QCOMPARE(findBar()->statusText(), QStringLiteral("1 of 6"));
    QWidget *target = findBar()->findField();
    if (inEditor) {
        sql()->setFocus();
        target = sql();
    }
    for (int i = 0; i < keys.size(); i += 2)
        QTest::keyClick(target, Qt::Key(keys[i]), Qt::KeyboardModifiers(keys[i + 1]));
    const QList<int> expected = occurrences(sql(), QStringLiteral("books"))[match - 1];
    QCOMPARE(selectionOf(sql()), (QList<int>{expected[0], expected[1], expected[0], expected[1] + 5}));
    QCOMPARE(findBar()->statusText(), QStringLiteral("%1 of 6").arg(match));
    QCOMPARE(sql()->text(), m_original);   // Enter in the find field never reaches the text
}

void tst_Editor::matchesAreMarkedInThemeColours()
{
    m_editor->setPalette(Theme::lightPalette());
    QVERIFY(openFind(QStringLiteral("books")));
    const QList<QList<int>> books = occurrences(sql(), QStringLiteral("books"));
    // Every match but the selected one, which shows in the selection's colour alone.
    const auto marked = [this, &books](int selected) {
        for (int i = 0; i < books.size(); ++i) {
            const int position = sql()->positionFromLineIndex(books[i][0], books[i][1]);
            if (indicatorAt(sql(), position) != (i != selected) || indicatorAt(sql(), position + 4) != (i != selected)
                || indicatorAt(sql(), position + 5) || indicatorAt(sql(), position - 1))
                return false;
        }
        return true;
    };
    QVERIFY(marked(0));
    QTest::keyClick(findBar()->findField(), Qt::Key_Return);
    QVERIFY(marked(1));
    QVERIFY(!indicatorAt(sql(), 0));
    const QColor light = indicatorColour(sql());
    QCOMPARE(light.rgb(), Theme::findMatch(Theme::lightPalette()).rgb());

    m_editor->setPalette(Theme::darkPalette());
    const QColor dark = indicatorColour(sql());
    QCOMPARE(dark.rgb(), Theme::findMatch(Theme::darkPalette()).rgb());
    QVERIFY(dark != light);

    // A change to the text marks again; closing the bar takes the marks away.
    sql()->setFocus();
    sql()->SendScintilla(QsciScintilla::SCI_DOCUMENTSTART);
    QTest::keyClicks(sql(), QStringLiteral("books "));
    QCOMPARE(findBar()->matchCount(), 7);
    QVERIFY(indicatorAt(sql(), 0));
    QTest::keyClick(sql(), Qt::Key_Escape);
    QVERIFY(!findBar()->isVisible());
    const int length = sql()->length();
    for (int position = 0; position < length; ++position)
        QVERIFY(!indicatorAt(sql(), position));
}

void tst_Editor::escapeReturnsToTheEditor()
{
    QVERIFY(openFind(QStringLiteral("books")));
    QTest::keyClick(findBar()->findField(), Qt::Key_Escape);
    QVERIFY(!findBar()->isVisible());
    QTRY_VERIFY(sql()->hasFocus());
    QVERIFY(m_editor->isVisible());

    // From the replace field, and from the editor while the bar is open.
    QVERIFY(openFind(QStringLiteral("books")));
    findBar()->replaceField()->setFocus();
    QTest::keyClick(findBar()->replaceField(), Qt::Key_Escape);
    QVERIFY(!findBar()->isVisible());
    QTRY_VERIFY(sql()->hasFocus());
    QVERIFY(openFind(QStringLiteral("books")));
    sql()->setFocus();
    QTest::keyClick(sql(), Qt::Key_Escape);
    QVERIFY(!findBar()->isVisible());
    QVERIFY(sql()->hasFocus());

    // Go to line too.
    QTest::keyClick(sql(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_editor->goToLineBar()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), m_editor->goToLineBar()->field());
    QTest::keyClick(m_editor->goToLineBar()->field(), Qt::Key_Escape);
    QVERIFY(!m_editor->goToLineBar()->isVisible());
    QTRY_VERIFY(sql()->hasFocus());
    QCOMPARE(sql()->text(), m_original);
}

void tst_Editor::replaceAndFind()
{
    QVERIFY(openFind(QStringLiteral("books")));
    QCOMPARE(findBar()->statusText(), QStringLiteral("1 of 6"));
    QVERIFY(findBar()->replaceField()->isVisible());
    QVERIFY(button(findBar(), "replaceAllButton")->isVisible());
    findBar()->replaceField()->setFocus();
    QTest::keyClicks(findBar()->replaceField(), QStringLiteral("volumes"));

    QTest::mouseClick(button(findBar(), "replaceAndFindButton"), Qt::LeftButton);
    QCOMPARE(lineText(sql(), 0), QStringLiteral("-- Create volumes table"));
    QCOMPARE(findBar()->statusText(), QStringLiteral("1 of 5"));
    QCOMPARE(sql()->selectedText(), QStringLiteral("books"));
    QCOMPARE(cursorOf(sql())[0], 9);

    // Replace replaces the selected match and stays.
    QTest::mouseClick(button(findBar(), "replaceButton"), Qt::LeftButton);
    QCOMPARE(lineText(sql(), 9), QStringLiteral("CREATE TABLE volumes ("));
    QCOMPARE(findBar()->matchCount(), 4);
    QCOMPARE(cursorOf(sql()), (QList<int>{9, 20}));

    // Pressed with no match selected, Replace only finds the next one.
    QTest::mouseClick(button(findBar(), "replaceButton"), Qt::LeftButton);
    QCOMPARE(findBar()->matchCount(), 4);
    QCOMPARE(findBar()->statusText(), QStringLiteral("1 of 4"));
    QCOMPARE(cursorOf(sql())[0], 17);
}

void tst_Editor::replaceAllIsOneUndoStep_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<int>("replaced");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("text");

    QTest::newRow("plain") << "INTEGER" << false << false << "BIGINT" << 4 << 11
                           << "    author_id BIGINT NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,";
    QTest::newRow("whole words") << "books" << true << false << "volumes" << 4 << 17
                                 << "CREATE INDEX ix_books_author_id ON volumes (author_id);";
    QTest::newRow("regex captures") << "ix_(\\w+)_author_id" << false << true << "idx_\\1_by_author" << 2 << 17
                                    << "CREATE INDEX idx_books_by_author ON books (author_id);";
    QTest::newRow("regex whole match") << "VARCHAR\\((\\d+)\\)" << false << true << "TEXT /* \\0 */" << 2 << 12
                                       << "    title TEXT /* VARCHAR(300) */ NOT NULL,";
    QTest::newRow("replacement longer than the match") << "id" << true << false << "identifier" << 3 << 10
                                                        << "    identifier INTEGER PRIMARY KEY,";
}

void tst_Editor::replaceAllIsOneUndoStep()
{
    QFETCH(QString, pattern);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(QString, replacement);
    QFETCH(int, replaced);
    QFETCH(int, line);
    QFETCH(QString, text);

    QVERIFY(openFind(QString()));
    findBar()->wholeWordsButton()->setChecked(wholeWords);
    findBar()->regularExpressionButton()->setChecked(regex);
    QTest::keyClicks(findBar()->findField(), pattern);
    QCOMPARE(findBar()->matchCount(), replaced);
    findBar()->replaceField()->setFocus();
    QTest::keyClicks(findBar()->replaceField(), replacement);
    QTest::mouseClick(button(findBar(), "replaceAllButton"), Qt::LeftButton);
    QCOMPARE(lineText(sql(), line), text);
    QVERIFY2(findBar()->statusText().startsWith(QString::number(replaced)), qPrintable(findBar()->statusText()));

    sql()->setFocus();
    QTest::keyClick(sql(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(sql()->text(), m_original);
    QVERIFY(!sql()->isUndoAvailable());
}

void tst_Editor::readOnlyEditorFindsButDoesNotEdit_data()
{
    QTest::addColumn<QKeySequence>("keys");
    // Every editing key of the list, and plain typing.
    for (const EditorShortcut &shortcut : editorShortcuts())
        if (shortcut.edits)
            QTest::newRow(qPrintable(shortcut.keys.toString())) << shortcut.keys;
    QTest::newRow("typing") << QKeySequence(Qt::Key_X);
    QTest::newRow("return") << QKeySequence(Qt::Key_Return);
}

void tst_Editor::readOnlyEditorFindsButDoesNotEdit()
{
    QFETCH(QKeySequence, keys);

    // As the apply dialog has it: a dialog, whose Enter and Escape the bar must not let through.
    QDialog window;
    auto *view = new SqlEditor(&window);
    auto *bar = new FindBar(view, &window);
    auto *ok = new QPushButton(QStringLiteral("OK"), &window);
    ok->setDefault(true);
    connect(ok, &QPushButton::clicked, &window, &QDialog::accept);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(view, 1);
    layout->addWidget(bar);
    layout->addWidget(ok);
    view->setText(m_original);
    view->setReadOnly(true);
    window.resize(800, 600);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    view->setSelection(10, 4, 11, 8);

    QTest::keyClick(view, keys[0].key(), keys[0].keyboardModifiers());
    QCOMPARE(view->text(), m_original);
    if (keys == QKeySequence(Qt::Key_Return)) {
        // Read-only text is a field of the dialog: Return is the default button's, as in any.
        QCOMPARE(window.result(), int(QDialog::Accepted));
        return;
    }

    view->setFocus();
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(!bar->replaceField()->isVisible());
    QVERIFY(!button(bar, "replaceAllButton")->isVisible());
    bar->findField()->selectAll();
    QTest::keyClicks(bar->findField(), QStringLiteral("integer"));
    QCOMPARE(bar->matchCount(), 4);
    QTest::keyClick(bar->findField(), Qt::Key_Return);
    QCOMPARE(bar->statusText(), QStringLiteral("2 of 4"));
    QCOMPARE(bar->replaceAll(), 0);
    QCOMPARE(view->text(), m_original);
    QTest::keyClick(bar->findField(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(window.isVisible());
    QCOMPARE(window.result(), 0);
}

void tst_Editor::goToLine_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QList<int>>("cursor");   // empty: refused
    QTest::addColumn<QString>("message");

    QTest::newRow("line") << "12" << QList<int>{11, 0} << "";
    QTest::newRow("line and column") << "12:5" << QList<int>{11, 4} << "";
    QTest::newRow("spaces") << " 18 : 3 " << QList<int>{17, 2} << "";
    QTest::newRow("last line") << "23" << QList<int>{22, 0} << "";
    QTest::newRow("after the end of a line") << "3:29" << QList<int>{2, 28} << "";
    QTest::newRow("past the last line") << "24" << QList<int>{} << "23";
    QTest::newRow("line zero") << "0" << QList<int>{} << "1";
    QTest::newRow("past the end of the line") << "3:30" << QList<int>{} << "29";
    QTest::newRow("column zero") << "3:0" << QList<int>{} << "1";
    QTest::newRow("not a number") << "abc" << QList<int>{} << "line";
    QTest::newRow("empty") << "" << QList<int>{} << "line";
    QTest::newRow("three parts") << "1:2:3" << QList<int>{} << "line";
}

void tst_Editor::goToLine()
{
    QFETCH(QString, input);
    QFETCH(QList<int>, cursor);
    QFETCH(QString, message);

    sql()->setCursorPosition(5, 3);
    QTest::keyClick(sql(), Qt::Key_L, Qt::ControlModifier);
    GoToLineBar *bar = m_editor->goToLineBar();
    QVERIFY(bar->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), bar->field());
    QCOMPARE(bar->field()->text(), QStringLiteral("6"));   // where the cursor is
    bar->field()->selectAll();
    QTest::keyClicks(bar->field(), input);
    if (input.isEmpty())
        bar->field()->clear();
    QTest::keyClick(bar->field(), Qt::Key_Return);

    if (cursor.isEmpty()) {
        QCOMPARE(cursorOf(sql()), (QList<int>{5, 3}));   // nothing moved
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->message().contains(message), qPrintable(bar->message()));
        const QLabel *label = bar->findChild<QLabel *>(QStringLiteral("goToLineMessage"));
        QVERIFY(label && label->isVisible());
        QCOMPARE(label->text(), bar->message());
    } else {
        QCOMPARE(cursorOf(sql()), cursor);
        QVERIFY(!bar->isVisible());
        QTRY_VERIFY(sql()->hasFocus());
        QVERIFY(bar->message().isEmpty());
    }
    QCOMPARE(sql()->text(), m_original);
}

void tst_Editor::toggleComment_data()
{
    QTest::addColumn<QList<int>>("before");      // anchor line, index, caret line, index
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QStringList>("lines");      // from firstLine on, after Ctrl+/
    QTest::addColumn<QList<int>>("after");
    QTest::addColumn<bool>("reverts");           // a second Ctrl+/ gives the original back

    QTest::newRow("cursor line") << QList<int>{10, 8, 10, 8} << 10
                                 << QStringList{"    -- id INTEGER PRIMARY KEY,", "    author_id INTEGER NOT NULL "
                                                                                   "REFERENCES authors (id) ON DELETE "
                                                                                   "RESTRICT,"}
                                 << QList<int>{10, 11, 10, 11} << true;
    QTest::newRow("selected lines") << QList<int>{10, 0, 12, 10} << 10
                                    << QStringList{"    -- id INTEGER PRIMARY KEY,",
                                                   "    -- author_id INTEGER NOT NULL REFERENCES authors (id) ON "
                                                   "DELETE RESTRICT,",
                                                   "    -- title VARCHAR(300) NOT NULL,",
                                                   "    isbn VARCHAR(13) NOT NULL UNIQUE,"}
                                    << QList<int>{10, 0, 12, 13} << true;
    QTest::newRow("selection ending at a line start") << QList<int>{12, 0, 14, 0} << 12
                                                      << QStringList{"    -- title VARCHAR(300) NOT NULL,",
                                                                     "    -- isbn VARCHAR(13) NOT NULL UNIQUE,",
                                                                     "    price_cents INTEGER NOT NULL CHECK "
                                                                     "(price_cents >= 0),"}
                                                      << QList<int>{12, 0, 14, 0} << true;
    QTest::newRow("upward selection") << QList<int>{13, 6, 12, 6} << 12
                                      << QStringList{"    -- title VARCHAR(300) NOT NULL,",
                                                     "    -- isbn VARCHAR(13) NOT NULL UNIQUE,"}
                                      << QList<int>{13, 9, 12, 9} << true;
    QTest::newRow("least indentation") << QList<int>{15, 0, 16, 2} << 15
                                       << QStringList{"--     published_year INTEGER", "-- );"}
                                       << QList<int>{15, 0, 16, 5} << true;
    QTest::newRow("all comments: uncomment") << QList<int>{0, 0, 1, 2} << 0
                                             << QStringList{"Create books table", "", "-- Revision ID: a84e2d51c0f9"}
                                             << QList<int>{0, 0, 1, 0} << false;
    QTest::newRow("some comments: comment") << QList<int>{8, 0, 9, 3} << 8
                                            << QStringList{"-- -- migrate:upgrade", "-- CREATE TABLE books ("}
                                            << QList<int>{8, 0, 9, 6} << true;
    QTest::newRow("blank lines stay blank") << QList<int>{16, 0, 19, 4} << 16
                                            << QStringList{"-- );",
                                                           "-- CREATE INDEX ix_books_author_id ON books (author_id);",
                                                           "", "-- -- migrate:downgrade"}
                                            << QList<int>{16, 0, 19, 7} << true;
}

void tst_Editor::toggleComment()
{
    QFETCH(QList<int>, before);
    QFETCH(int, firstLine);
    QFETCH(QStringList, lines);
    QFETCH(QList<int>, after);
    QFETCH(bool, reverts);

    select(sql(), before);
    QTest::keyClick(sql(), Qt::Key_Slash, Qt::ControlModifier);
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(lineText(sql(), firstLine + i), lines[i]);
    QCOMPARE(selectionOf(sql()), after);
    QCOMPARE(sql()->lines(), 23);
    if (reverts) {
        QTest::keyClick(sql(), Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(sql()->text(), m_original);
        QCOMPARE(selectionOf(sql()), before);
        QTest::keyClick(sql(), Qt::Key_Z, Qt::ControlModifier);
    }
    QTest::keyClick(sql(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(sql()->text(), m_original);
    QVERIFY(!sql()->isUndoAvailable());
}

void tst_Editor::editingKeys_data()
{
    QTest::addColumn<QKeySequence>("keys");
    QTest::addColumn<QList<int>>("before");   // anchor line, index, caret line, index
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QStringList>("lines");   // from firstLine on, after the keys
    QTest::addColumn<QList<int>>("after");
    QTest::addColumn<int>("lineCount");

    const QString id = QStringLiteral("    id INTEGER PRIMARY KEY,");
    const QString author = QStringLiteral("    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,");
    const QString title = QStringLiteral("    title VARCHAR(300) NOT NULL,");
    const QString isbn = QStringLiteral("    isbn VARCHAR(13) NOT NULL UNIQUE,");
    const QKeySequence moveUp(Qt::CTRL | Qt::SHIFT | Qt::Key_Up);
    const QKeySequence moveDown(Qt::CTRL | Qt::SHIFT | Qt::Key_Down);

    QTest::newRow("move line up") << moveUp << QList<int>{11, 6, 11, 6} << 10 << QStringList{author, id, title}
                                  << QList<int>{10, 6, 10, 6} << 23;
    QTest::newRow("move lines down") << moveDown << QList<int>{10, 2, 11, 5} << 10
                                     << QStringList{title, id, author, isbn} << QList<int>{11, 2, 12, 5} << 23;
    QTest::newRow("move the first line up: nothing") << moveUp << QList<int>{0, 3, 0, 3} << 0
                                                     << QStringList{"-- Create books table", "--"}
                                                     << QList<int>{0, 3, 0, 3} << 23;
    QTest::newRow("move the last line down: nothing")
        << moveDown << QList<int>{22, 0, 22, 0} << 21 << QStringList{"DROP TABLE books;", ""}
        << QList<int>{22, 0, 22, 0} << 23;
    QTest::newRow("copy line down") << QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Down) << QList<int>{10, 4, 10, 4}
                                    << 10 << QStringList{id, id, author} << QList<int>{11, 4, 11, 4} << 24;
    QTest::newRow("copy lines up") << QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Up) << QList<int>{10, 4, 11, 8}
                                   << 10 << QStringList{id, author, id, author, title} << QList<int>{10, 4, 11, 8}
                                   << 25;
    QTest::newRow("delete line") << QKeySequence(Qt::SHIFT | Qt::Key_Delete) << QList<int>{10, 6, 10, 6} << 9
                                 << QStringList{"CREATE TABLE books (", author, title} << QList<int>{10, 6, 10, 6}
                                 << 22;
    QTest::newRow("delete lines") << QKeySequence(Qt::SHIFT | Qt::Key_Delete) << QList<int>{10, 0, 12, 3} << 10
                                  << QStringList{isbn} << QList<int>{10, 3, 10, 3} << 20;
    QTest::newRow("insert line below") << QKeySequence(Qt::CTRL | Qt::Key_Return) << QList<int>{10, 6, 10, 6}
                                       << 10 << QStringList{id, "    ", author} << QList<int>{11, 4, 11, 4} << 24;
    QTest::newRow("insert line above") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)
                                       << QList<int>{10, 6, 10, 6} << 9
                                       << QStringList{"CREATE TABLE books (", "    ", id}
                                       << QList<int>{10, 4, 10, 4} << 24;
    QTest::newRow("uppercase") << QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_U) << QList<int>{12, 4, 12, 9} << 12
                               << QStringList{"    TITLE VARCHAR(300) NOT NULL,"} << QList<int>{12, 4, 12, 9} << 23;
    QTest::newRow("lowercase") << QKeySequence(Qt::ALT | Qt::Key_U) << QList<int>{10, 14, 10, 7} << 10
                               << QStringList{"    id integer PRIMARY KEY,"} << QList<int>{10, 14, 10, 7} << 23;
    QTest::newRow("uppercase the word at the cursor")
        << QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_U) << QList<int>{12, 6, 12, 6} << 12
        << QStringList{"    TITLE VARCHAR(300) NOT NULL,"} << QList<int>{12, 6, 12, 6} << 23;
}

void tst_Editor::editingKeys()
{
    QFETCH(QKeySequence, keys);
    QFETCH(QList<int>, before);
    QFETCH(int, firstLine);
    QFETCH(QStringList, lines);
    QFETCH(QList<int>, after);
    QFETCH(int, lineCount);

    select(sql(), before);
    QTest::keyClick(sql(), keys[0].key(), keys[0].keyboardModifiers());
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(lineText(sql(), firstLine + i), lines[i]);
    QCOMPARE(selectionOf(sql()), after);
    QCOMPARE(sql()->lines(), lineCount);

    QTest::keyClick(sql(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(sql()->text(), m_original);
    QVERIFY(!sql()->isUndoAvailable());
}

void tst_Editor::completionOnCtrlSpace()
{
    m_editor->setCompletionWords({QStringLiteral("publishers"), QStringLiteral("publishers.name")});
    sql()->setCursorPosition(18, 0);
    QTest::keyClick(sql(), Qt::Key_P);   // one letter: completion does not open by itself
    QVERIFY(!sql()->isListActive());
    QTest::keyClick(sql(), Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(sql()->isListActive());
    // Escape closes the list, not a bar.
    QTest::keyClick(sql(), Qt::Key_Escape);
    QVERIFY(!sql()->isListActive());
    QCOMPARE(lineText(sql(), 18), QStringLiteral("p"));
}

void tst_Editor::ctrlFInTheStudioFindsInTheEditor()
{
    // The main window's Ctrl+F finds revisions; in an editor the editor's find bar wins.
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("bookshop"));
    QVERIFY(copyBookshop(project));
    MainWindow window;
    window.resize(1300, 800);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openProject(project));
    QVERIFY(window.waitUntilSettled());
    RevisionEditor *editor = window.openEditor(QStringLiteral("a84e2d51c0f9"));
    QVERIFY(editor);
    editor->editor()->setFocus();
    QTRY_VERIFY(editor->editor()->hasFocus());

    QTest::keyClick(editor->editor(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(editor->findBar()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), editor->findBar()->findField());
    QTest::keyClicks(editor->findBar()->findField(), QStringLiteral("books"));
    QCOMPARE(editor->findBar()->statusText(), QStringLiteral("1 of 6"));
    // Again in the find field: it stays there, its text selected.
    QTest::keyClick(editor->findBar()->findField(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), editor->findBar()->findField());
    QCOMPARE(editor->findBar()->findField()->selectedText(), QStringLiteral("books"));
    QVERIFY(!window.searchField()->hasFocus());

    // Ctrl+L goes to a line of the editor.
    editor->editor()->setFocus();
    QTest::keyClick(editor->editor(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(editor->goToLineBar()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), editor->goToLineBar()->field());
    QTest::keyClicks(editor->goToLineBar()->field(), QStringLiteral("20"));
    QTest::keyClick(editor->goToLineBar()->field(), Qt::Key_Return);
    QCOMPARE(cursorOf(editor->editor()), (QList<int>{19, 0}));
    QTRY_VERIFY(editor->editor()->hasFocus());
}

QTEST_MAIN(tst_Editor)
#include "tst_editor.moc"
