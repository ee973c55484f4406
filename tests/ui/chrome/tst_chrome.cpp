// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's everyday chrome, driven offscreen on a copy of examples/bookshop: icons, keyboard
// shortcuts and menu mnemonics, the Help menu, keys in the run dialogs, and the log.
#include "editor/editorshortcut.h"
#include "apply/applydialog.h"
#include "connections/connectionprofiles.h"
#include "connections/connectionsdialog.h"
#include "connections/passwordprompt.h"
#include "diff/schemadiffview.h"
#include "editor/sqleditor.h"
#include "graph/graphview.h"
#include "mainwindow/logview.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/newprojectdialog.h"
#include "mainwindow/newrevisiondialog.h"
#include "mainwindow/projectsession.h"
#include "mainwindow/shortcutsdialog.h"
#include "theme/icons.h"
#include "theme/theme.h"

#include "../studiofixture.h"
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDirIterator>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QToolBar>
#include <QWidgetAction>
#include <QtTest>

#include <cmath>
#include <functional>
#include <memory>

using namespace Stratum;
using StratumTest::copyBookshop;

namespace {

QStringList versionRows(const QString &databasePath)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT version_num FROM alembic_version"), db);
            while (query.next())
                rows << query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return rows;
}

// Where a shortcut can fire: the whole window, or the widget (with its children) it was
// added to. Widget-scoped actions shown only in menus fire only while the menu is open.
QList<QWidget *> shortcutScopes(QAction *action, QWidget *window)
{
    if (action->shortcutContext() == Qt::WindowShortcut || action->shortcutContext() == Qt::ApplicationShortcut)
        return {window};
    QList<QWidget *> scopes;
    for (QObject *object : action->associatedObjects()) {
        auto *widget = qobject_cast<QWidget *>(object);
        if (widget && !qobject_cast<QMenu *>(widget) && !qobject_cast<QMenuBar *>(widget)
            && !qobject_cast<QToolBar *>(widget))
            scopes << widget;
    }
    return scopes;
}

bool overlap(const QList<QWidget *> &a, const QList<QWidget *> &b)
{
    for (QWidget *x : a)
        for (QWidget *y : b)
            if (x == y || x->isAncestorOf(y) || y->isAncestorOf(x))
                return true;
    return false;
}

QString describe(const QAction *action)
{
    return QStringLiteral("\"%1\" (%2)").arg(action->text(), action->objectName());
}

struct Binding
{
    QAction *action;
    QKeySequence key;
};

QList<Binding> windowBindings(QWidget *window)
{
    QList<Binding> bindings;
    for (QAction *action : window->findChildren<QAction *>())
        for (const QKeySequence &key : action->shortcuts())
            if (!key.isEmpty())
                bindings.append({action, key});
    return bindings;
}

// The mnemonic letter of \a text ('&' before it), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

// QTest::qWaitForWindowActive() answers as soon as a window is exposed on the offscreen
// platform; the keys go to QApplication::activeWindow().
bool becomesActive(QWidget *window)
{
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; }, 5000);
}

// WCAG's contrast ratio of two colours, 1 (same) to 21 (black on white).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double x = luminance(a);
    const double y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// The colours of the pixels that \a icon draws solidly at \a size.
QList<QColor> solidPixels(const QIcon &icon, int size, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image = icon.pixmap(QSize(size, size), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32);
    QList<QColor> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) >= 200)
                colours << QColor::fromRgb(image.pixel(x, y));
    return colours;
}

// Equal up to the rounding of drawing with alpha.
bool sameColour(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3 && std::abs(a.blue() - b.blue()) <= 3;
}

// "&Upgrade to Here…" as the shortcuts list names it.
QString listed(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}

using DialogFactory = std::function<QDialog *(QWidget *parent)>;

} // namespace

Q_DECLARE_METATYPE(DialogFactory)

namespace {

// The studio's dialogs other than the apply dialog, each with the names of its focusable
// widgets in the order Tab should visit them (the button box follows).
void addDialogRows()
{
    QTest::addColumn<DialogFactory>("factory");
    QTest::addColumn<QStringList>("tabOrder");
    QTest::newRow("new revision") << DialogFactory([](QWidget *parent) {
        return new NewRevisionDialog(NewRevisionDialog::Mode::Revision, {QStringLiteral("96ae41b7c035")},
                                     QStringLiteral("96ae41b7c035"), parent);
    }) << QStringList{"messageField", "headField", "labelsField"};
    QTest::newRow("merge") << DialogFactory([](QWidget *parent) {
        return new NewRevisionDialog(NewRevisionDialog::Mode::Merge,
                                     {QStringLiteral("96ae41b7c035"), QStringLiteral("c2a07e5d4b18")}, {}, parent);
    }) << QStringList{"messageField", "headsField", "mergePreview"};
    QTest::newRow("new project") << DialogFactory([](QWidget *parent) { return new NewProjectDialog(parent); })
                                 << QStringList{"directoryField", "browseButton", "templateField", "dialectField", "urlField"};
    QTest::newRow("connections") << DialogFactory([](QWidget *parent) {
        QSettings settings;
        ConnectionProfiles::save(settings, {{QStringLiteral("staging"), QStringLiteral("postgresql://app@localhost/app")}});
        return new ConnectionsDialog(parent);
    }) << QStringList{"profileList", "addButton", "removeButton", "nameField", "urlField", "testButton"};
#ifdef STRATUM_HAVE_QTKEYCHAIN
    const QStringList passwordOrder{"password", "remember"};
#else
    // Without a keychain the box is disabled (its tooltip says why) and takes no focus.
    const QStringList passwordOrder{"password"};
#endif
    QTest::newRow("password") << DialogFactory([](QWidget *parent) {
        return new PasswordPrompt(QStringLiteral("staging"), QStringLiteral("password authentication failed"), parent);
    }) << passwordOrder;
}

} // namespace

class tst_Chrome : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    /// Stands in for the desktop's file viewer (QDesktopServices::setUrlHandler).
    void openUrl(const QUrl &url) { m_opened << url; }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void toolBarActionsHaveIcons();
    void fallbackIconsReadOnBothPalettes_data();
    void fallbackIconsReadOnBothPalettes();
    void iconsFollowThePalette();

    void noShortcutConflicts();
    void windowShortcutsLeaveWidgetKeysAlone();
    void shortcutsReachTheirActions_data();
    void shortcutsReachTheirActions();
    void menuMnemonicsAreUnique();
    void shortcutsDialogListsEveryShortcut();
    void shortcutsDialogFilters();
    void diffKeysAreTheDiffsActions();
    void documentationOpensTheReadme();

    void applyDialogStartsOnThePreview();
    void applyDialogTabOrder();
    void applyDialogKeys_data();
    void applyDialogKeys();
    void dialogKeys_data();
    void dialogKeys();
    void dialogTabOrder_data() { addDialogRows(); }
    void dialogTabOrder();
    void dialogMnemonics_data() { addDialogRows(); }
    void dialogMnemonics();
    void showSqlClosesOnEscape();

    void logFollowsTheNewestLine_data();
    void logFollowsTheNewestLine();
    void runLinesAreLoggedAsTheyHappen();

private:
    QAction *action(const QString &objectName) const;
    ApplyDialog *openApply(ApplyDialog::Operation operation, const QString &target);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_project;
    QList<QUrl> m_opened;
    QPalette m_palette;
};

void tst_Chrome::initTestCase()
{
    StratumTest::useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_chrome"));
    m_palette = QApplication::palette();
}

void tst_Chrome::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(QStringLiteral("bookshop"));
    QVERIFY(copyBookshop(m_project));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1300, 800);
    m_window->show();
    QVERIFY(becomesActive(m_window.get()));
    QVERIFY(m_window->openProject(m_project));
    QVERIFY(m_window->waitUntilSettled());
}

void tst_Chrome::cleanup()
{
    QApplication::setPalette(m_palette);
    m_window.reset();
    m_dir.reset();
}

QAction *tst_Chrome::action(const QString &objectName) const
{
    return m_window->findChild<QAction *>(objectName);
}

ApplyDialog *tst_Chrome::openApply(ApplyDialog::Operation operation, const QString &target)
{
    ApplyDialog *dialog = m_window->prepareApply(operation, target);
    dialog->open();
    return becomesActive(dialog) ? dialog : nullptr;
}

void tst_Chrome::toolBarActionsHaveIcons()
{
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    int buttons = 0;
    for (QAction *entry : toolBar->actions()) {
        if (entry->isSeparator() || qobject_cast<QWidgetAction *>(entry))
            continue;
        ++buttons;
        QVERIFY2(!entry->icon().isNull(), qPrintable(describe(entry)));
        QVERIFY2(!solidPixels(entry->icon(), 16).isEmpty(), qPrintable(describe(entry)));
        // Without an icon theme (a bare desktop, Xvfb) the studio's own drawing shows.
        QVERIFY2(!Icons::bundled(entry->icon().name()).isNull(), qPrintable(entry->icon().name()));
    }
    QVERIFY(buttons >= 8);
}

void tst_Chrome::fallbackIconsReadOnBothPalettes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dark");
    const QStringList names = Icons::bundledNames();
    QVERIFY(names.size() >= 20);
    for (const QString &name : names) {
        QTest::addRow("%s, light", qPrintable(name)) << name << false;
        QTest::addRow("%s, dark", qPrintable(name)) << name << true;
    }
}

void tst_Chrome::fallbackIconsReadOnBothPalettes()
{
    QFETCH(QString, name);
    QFETCH(bool, dark);
    const QPalette palette = dark ? Theme::darkPalette() : Theme::lightPalette();
    QApplication::setPalette(palette);
    const QIcon icon = Icons::bundled(name);
    QVERIFY(!icon.isNull());
    for (int size : {16, 24}) {
        const QList<QColor> strokes = solidPixels(icon, size);
        QVERIFY2(strokes.size() >= size, qPrintable(QStringLiteral("%1 solid pixels at %2 px").arg(strokes.size()).arg(size)));
        for (const QColor &colour : strokes)
            QVERIFY2(contrast(colour, palette.color(QPalette::Window)) >= 4.5, qPrintable(colour.name()));
    }
    // In a selected row of a list: as the row's text.
    for (const QColor &colour : solidPixels(icon, 16, QIcon::Selected))
        QVERIFY2(sameColour(colour, palette.color(QPalette::HighlightedText)), qPrintable(colour.name()));
}

void tst_Chrome::iconsFollowThePalette()
{
    // The same icon, kept by a button, takes the new palette's colour when the palette changes.
    const QIcon icon = Icons::bundled(QStringLiteral("zoom-in"));
    QApplication::setPalette(Theme::lightPalette());
    const QColor onLight = solidPixels(icon, 16).value(0);
    QApplication::setPalette(Theme::darkPalette());
    const QColor onDark = solidPixels(icon, 16).value(0);
    QVERIFY2(sameColour(onLight, Theme::lightPalette().color(QPalette::WindowText)), qPrintable(onLight.name()));
    QVERIFY2(sameColour(onDark, Theme::darkPalette().color(QPalette::WindowText)), qPrintable(onDark.name()));
}

void tst_Chrome::noShortcutConflicts()
{
    // Every kind of tab open, so that the actions of editors and diffs are there too.
    QVERIFY(m_window->openEditor(QStringLiteral("7e5b8c2f1a96")));
    QVERIFY(m_window->compareSchemas());
    const QList<Binding> bindings = windowBindings(m_window.get());
    QVERIFY(bindings.size() > 10);
    QStringList conflicts;
    for (int i = 0; i < bindings.size(); ++i)
        for (int j = i + 1; j < bindings.size(); ++j) {
            const Binding &a = bindings[i];
            const Binding &b = bindings[j];
            if (a.action == b.action || a.key != b.key)
                continue;
            if (overlap(shortcutScopes(a.action, m_window.get()), shortcutScopes(b.action, m_window.get())))
                conflicts << QStringLiteral("%1: %2 and %3").arg(a.key.toString(), describe(a.action), describe(b.action));
        }
    QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts.join(QLatin1Char('\n'))));
}

void tst_Chrome::windowShortcutsLeaveWidgetKeysAlone()
{
    // A window shortcut is looked up before the focused widget sees the key: it must not take
    // the graph's own keys, nor a key the SQL editor binds (the editor would win there, and the
    // same key would do two things depending on the focus). Zooming is the one shared meaning.
    QList<QKeySequence> taken = {
        QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_Home),
        QKeySequence(Qt::Key_End), QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::ALT | Qt::Key_Down),
        QKeySequence(Qt::CTRL | Qt::Key_Up), QKeySequence(Qt::CTRL | Qt::Key_Down),
    };
    SqlEditor editor;
    for (QsciCommand *command : editor.standardCommands()->commands())
        for (int key : {command->key(), command->alternateKey()})
            if (key != 0 && command->command() != QsciCommand::ZoomIn && command->command() != QsciCommand::ZoomOut)
                taken << QKeySequence(key);
    QStringList clashes;
    for (const Binding &binding : windowBindings(m_window.get()))
        if (shortcutScopes(binding.action, m_window.get()).contains(m_window.get()) && taken.contains(binding.key))
            clashes << QStringLiteral("%1 %2").arg(binding.key.toString(), describe(binding.action));
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void tst_Chrome::shortcutsReachTheirActions_data()
{
    QTest::addColumn<QString>("actionName");
    QTest::addColumn<QKeySequence>("key");
    QTest::newRow("upgrade") << "upgradeAction" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up);
    QTest::newRow("downgrade") << "downgradeAction" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down);
    QTest::newRow("stamp") << "stampAction" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    QTest::newRow("new revision") << "newRevisionAction" << QKeySequence(QKeySequence::New);
    QTest::newRow("merge") << "mergeAction" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    QTest::newRow("compare database") << "compareDatabaseAction" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    QTest::newRow("reload") << "reloadAction" << QKeySequence(QKeySequence::Refresh);
    QTest::newRow("read database") << "refreshDatabaseAction" << QKeySequence(Qt::SHIFT | Qt::Key_F5);
    QTest::newRow("fit graph") << "fitAction" << QKeySequence(Qt::CTRL | Qt::Key_9);
    QTest::newRow("zoom in") << "zoomInAction" << QKeySequence(QKeySequence::ZoomIn);
    QTest::newRow("zoom out") << "zoomOutAction" << QKeySequence(QKeySequence::ZoomOut);
    QTest::newRow("find") << "findAction" << QKeySequence(QKeySequence::Find);
    QTest::newRow("documentation") << "documentationAction" << QKeySequence(QKeySequence::HelpContents);
    QTest::newRow("keyboard shortcuts") << "shortcutsAction" << QKeySequence(Qt::CTRL | Qt::Key_Question);
}

void tst_Chrome::shortcutsReachTheirActions()
{
    QFETCH(QString, actionName);
    QFETCH(QKeySequence, key);
    QAction *target = action(actionName);
    QVERIFY2(target, qPrintable(actionName));
    QVERIFY2(target->shortcuts().contains(key),
             qPrintable(QKeySequence::listToString(target->shortcuts())));
    // The key, pressed in the graph, reaches the action (and not something else first).
    // The action's own behaviour is tested elsewhere: here it is disconnected.
    target->disconnect(SIGNAL(triggered(bool)));
    QSignalSpy triggered(target, &QAction::triggered);
    target->setEnabled(true);
    m_window->graphView()->setFocus();
    QTest::keyClick(m_window->graphView(), Qt::Key(key[0].key()), key[0].keyboardModifiers());
    QCOMPARE(triggered.count(), 1);
}

void tst_Chrome::menuMnemonicsAreUnique()
{
    QStringList problems;
    QSet<QChar> menuLetters;
    QList<QMenu *> menus;
    for (QAction *top : m_window->menuBar()->actions()) {
        const QChar letter = mnemonic(top->text());
        if (letter.isNull() || menuLetters.contains(letter))
            problems << QStringLiteral("menu bar: %1").arg(top->text());
        menuLetters.insert(letter);
        if (top->menu())
            menus << top->menu();
    }
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        Q_EMIT menu->aboutToShow();   // menus that fill themselves when opened
        QSet<QChar> letters;
        for (QAction *entry : menu->actions()) {
            if (entry->isSeparator() || !entry->isVisible())
                continue;
            const QChar letter = mnemonic(entry->text());
            if (letter.isNull() || letters.contains(letter))
                problems << QStringLiteral("%1: %2").arg(menu->title(), entry->text());
            letters.insert(letter);
            if (entry->menu())
                menus << entry->menu();
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Chrome::shortcutsDialogListsEveryShortcut()
{
    QAction *shortcuts = action(QStringLiteral("shortcutsAction"));
    QVERIFY(shortcuts);
    shortcuts->trigger();
    auto *dialog = m_window->findChild<ShortcutsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QList<ShortcutsDialog::Row> rows = dialog->rows();
    const auto shown = [&rows](const QString &action, const QKeySequence &key) {
        for (const ShortcutsDialog::Row &row : rows)
            if (row.action == action && row.keys.split(QLatin1String(", ")).contains(key.toString(QKeySequence::NativeText)))
                return true;
        return false;
    };
    int checked = 0;
    for (QAction *entry : m_window->findChildren<QAction *>())
        for (const QKeySequence &key : entry->shortcuts()) {
            QVERIFY2(shown(listed(entry->text()), key), qPrintable(QStringLiteral("%1 %2").arg(describe(entry), key.toString())));
            ++checked;
        }
    QVERIFY(checked >= 20);
    for (const ShortcutsDialog::Key &key : ShortcutsDialog::graphKeys())
        QVERIFY2(shown(key.first, key.second), qPrintable(key.first));
    QVERIFY(shown(QStringLiteral("Next difference"), QKeySequence(Qt::Key_F8)));
    // The editor's keys come from the list the editor binds them from.
    for (const EditorShortcut &shortcut : editorShortcuts())
        QVERIFY2(shown(shortcut.action, shortcut.keys), qPrintable(shortcut.action));
    QVERIFY(shown(QStringLiteral("Previous difference"), QKeySequence(Qt::ALT | Qt::Key_Up)));
    // Asked again, the open list comes forward rather than a second one.
    shortcuts->trigger();
    QCOMPARE(m_window->findChildren<ShortcutsDialog *>().size(), 1);
}

void tst_Chrome::shortcutsDialogFilters()
{
    ShortcutsDialog dialog(m_window->menuBar());
    const int all = int(dialog.rows().size());
    QTest::keyClicks(dialog.filterField(), QStringLiteral("grade"));
    const QList<ShortcutsDialog::Row> rows = dialog.rows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).action, QStringLiteral("Upgrade to Here"));
    QCOMPARE(rows.at(1).action, QStringLiteral("Downgrade to Here"));
    dialog.filterField()->clear();
    QCOMPARE(dialog.rows().size(), all);
}

void tst_Chrome::diffKeysAreTheDiffsActions()
{
    // The diff's keys are listed from diffKeys(): they must be the keys its actions have.
    SchemaDiffView view;
    QList<ShortcutsDialog::Key> actual;
    for (QAction *entry : view.actions())
        for (const QKeySequence &key : entry->shortcuts())
            actual.append({listed(entry->text()).toLower(), key});
    QList<ShortcutsDialog::Key> listedKeys;
    for (const ShortcutsDialog::Key &key : ShortcutsDialog::diffKeys())
        listedKeys.append({key.first.toLower(), key.second});
    QCOMPARE(listedKeys, actual);
}

void tst_Chrome::documentationOpensTheReadme()
{
    QAction *documentation = action(QStringLiteral("documentationAction"));
    QVERIFY(documentation);
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
    documentation->trigger();
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(m_opened.size(), 1);
    const QFileInfo readme(m_opened.first().toLocalFile());
    QCOMPARE(readme.fileName(), QStringLiteral("README.md"));
    QVERIFY(readme.isFile());
    QVERIFY(readme.dir().exists(QStringLiteral("docs/file-formats.md")));   // where its links lead
    m_opened.clear();
}

void tst_Chrome::applyDialogStartsOnThePreview()
{
    ApplyDialog *dialog = openApply(ApplyDialog::Operation::Upgrade, QStringLiteral("7e5b8c2f1a96"));
    QVERIFY(dialog);
    // The reader starts on the SQL (the keys scroll it), Return runs, Escape cancels.
    QCOMPARE(QApplication::focusWidget(), dialog->findChild<SqlEditor *>(QStringLiteral("applyPreview")));
    QVERIFY(dialog->runButton()->isDefault());
    dialog->close();
}

void tst_Chrome::applyDialogTabOrder()
{
    ApplyDialog *dialog = openApply(ApplyDialog::Operation::Upgrade, QStringLiteral("7e5b8c2f1a96"));
    QVERIFY(dialog);
    auto *preview = dialog->findChild<SqlEditor *>(QStringLiteral("applyPreview"));
    preview->setFocus(Qt::OtherFocusReason);
    const QString before = preview->text();
    const QStringList forward = {QStringLiteral("runButton"), QStringLiteral("closeButton"),
                                 QStringLiteral("applyPreview"), QStringLiteral("runButton")};
    for (const QString &expected : forward) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), expected);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("applyPreview"));
    QCOMPARE(preview->text(), before);   // no tab character went into the SQL
    QVERIFY(!dialog->hasRun());
    dialog->close();
}

void tst_Chrome::applyDialogKeys_data()
{
    QTest::addColumn<bool>("alreadyThere");
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("runs");
    QTest::addColumn<bool>("closes");
    QTest::newRow("Return runs") << false << int(Qt::Key_Return) << true << false;
    QTest::newRow("Enter runs") << false << int(Qt::Key_Enter) << true << false;
    QTest::newRow("Escape cancels") << false << int(Qt::Key_Escape) << false << true;
    QTest::newRow("nothing to run: Return closes") << true << int(Qt::Key_Return) << false << true;
    QTest::newRow("nothing to run: Escape closes") << true << int(Qt::Key_Escape) << false << true;
}

void tst_Chrome::applyDialogKeys()
{
    QFETCH(bool, alreadyThere);
    QFETCH(int, key);
    QFETCH(bool, runs);
    QFETCH(bool, closes);
    const QString target = QStringLiteral("7e5b8c2f1a96");
    if (alreadyThere) {
        ApplyDialog *first = m_window->prepareApply(ApplyDialog::Operation::Upgrade, target);
        first->start();
        QTRY_VERIFY_WITH_TIMEOUT(first->hasRun(), 30000);
        first->close();
        QTRY_COMPARE(m_window->session()->database().heads, QStringList{target});
    }
    const QStringList rowsBefore = versionRows(m_project + QStringLiteral("/bookshop.db"));
    QPointer<ApplyDialog> dialog = openApply(ApplyDialog::Operation::Upgrade, target);
    QVERIFY(dialog);
    QCOMPARE(dialog->problem().isEmpty(), !alreadyThere);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key));
    if (runs) {
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
        QVERIFY2(dialog->succeeded(), qPrintable(dialog->runError()));
        QCOMPARE(versionRows(m_project + QStringLiteral("/bookshop.db")), QStringList{target});
        // Once run, Close is the default: Return closes.
        QVERIFY(dialog->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        return;
    }
    QCOMPARE(!dialog || !dialog->isVisible(), closes);
    QCOMPARE(versionRows(m_project + QStringLiteral("/bookshop.db")), rowsBefore);
}

void tst_Chrome::dialogKeys_data()
{
    QTest::addColumn<DialogFactory>("factory");
    QTest::addColumn<QString>("focus");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("result");   // Accepted, Rejected, or -1: still open

    const DialogFactory newRevision = [](QWidget *parent) {
        return new NewRevisionDialog(NewRevisionDialog::Mode::Revision, {QStringLiteral("96ae41b7c035")},
                                     QStringLiteral("96ae41b7c035"), parent);
    };
    const DialogFactory merge = [](QWidget *parent) {
        return new NewRevisionDialog(NewRevisionDialog::Mode::Merge,
                                     {QStringLiteral("96ae41b7c035"), QStringLiteral("c2a07e5d4b18")}, {}, parent);
    };
    const DialogFactory newProject = [](QWidget *parent) { return new NewProjectDialog(parent); };
    const DialogFactory password = [](QWidget *parent) {
        return new PasswordPrompt(QStringLiteral("staging"), QStringLiteral("password authentication failed"), parent);
    };
    QTest::newRow("new revision: Return creates") << newRevision << "messageField" << "add reviews"
                                                  << int(Qt::Key_Return) << int(QDialog::Accepted);
    QTest::newRow("new revision: Return needs a message") << newRevision << "messageField" << ""
                                                          << int(Qt::Key_Return) << -1;
    QTest::newRow("new revision: Escape") << newRevision << "messageField" << "x" << int(Qt::Key_Escape)
                                          << int(QDialog::Rejected);
    QTest::newRow("merge: Return creates") << merge << "messageField" << "" << int(Qt::Key_Return)
                                           << int(QDialog::Accepted);
    QTest::newRow("new project: Return creates") << newProject << "directoryField" << "@DIR@/fresh"
                                                 << int(Qt::Key_Return) << int(QDialog::Accepted);
    QTest::newRow("new project: Escape") << newProject << "directoryField" << "" << int(Qt::Key_Escape)
                                         << int(QDialog::Rejected);
    QTest::newRow("password: Return") << password << "password" << "secret" << int(Qt::Key_Return)
                                      << int(QDialog::Accepted);
    QTest::newRow("password: Escape") << password << "password" << "" << int(Qt::Key_Escape)
                                      << int(QDialog::Rejected);
}

void tst_Chrome::dialogKeys()
{
    QFETCH(DialogFactory, factory);
    QFETCH(QString, focus);
    QFETCH(QString, typed);
    QFETCH(int, key);
    QFETCH(int, result);
    std::unique_ptr<QDialog> dialog(factory(m_window.get()));
    QSignalSpy finished(dialog.get(), &QDialog::finished);
    dialog->open();
    QVERIFY(becomesActive(dialog.get()));
    QWidget *focused = QApplication::focusWidget();
    QVERIFY(focused);
    QCOMPARE(focused->objectName(), focus);
    typed.replace(QLatin1String("@DIR@"), m_dir->path());
    QTest::keyClicks(focused, typed);
    QTest::keyClick(focused, Qt::Key(key));
    if (result < 0) {
        QVERIFY(dialog->isVisible());
        QCOMPARE(finished.count(), 0);
        return;
    }
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), result);
    if (focus == QLatin1String("directoryField") && result == QDialog::Accepted)
        QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("fresh/stratum.ini"))));
}

void tst_Chrome::dialogTabOrder()
{
    QFETCH(DialogFactory, factory);
    QFETCH(QStringList, tabOrder);
    std::unique_ptr<QDialog> dialog(factory(m_window.get()));
    dialog->open();
    QVERIFY(becomesActive(dialog.get()));
    if (auto *field = qobject_cast<QLineEdit *>(QApplication::focusWidget()))
        QTest::keyClicks(field, QStringLiteral("x"));   // enables the OK button where it needs text
    QWidget *first = QApplication::focusWidget();
    QStringList visited;
    QList<QWidget *> buttons;
    QWidget *focused = first;
    do {
        if (qobject_cast<QDialogButtonBox *>(focused->parentWidget()))
            buttons << focused;
        else
            visited << focused->objectName();
        QTest::keyClick(focused, Qt::Key_Tab);
        focused = QApplication::focusWidget();
    } while (focused != first && visited.size() + buttons.size() < 30);
    QCOMPARE(visited, tabOrder);
    QVERIFY(!buttons.isEmpty());   // the OK and Cancel buttons come last
}

void tst_Chrome::dialogMnemonics()
{
    QFETCH(DialogFactory, factory);
    std::unique_ptr<QDialog> dialog(factory(m_window.get()));
    dialog->show();
    QStringList problems;
    QSet<QChar> letters;
    const auto check = [&](const QString &text, bool required) {
        const QChar letter = mnemonic(text);
        if (letter.isNull() ? required : letters.contains(letter))
            problems << text;
        letters.insert(letter);
    };
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->buddy())
            check(label->text(), true);
        else if (!mnemonic(label->text()).isNull())
            problems << QStringLiteral("%1 (no buddy to go to)").arg(label->text());
    }
    for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
        if (button->isVisible() && !button->text().isEmpty())   // OK and Cancel: Return and Escape
            check(button->text(), !qobject_cast<QDialogButtonBox *>(button->parentWidget()));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Chrome::showSqlClosesOnEscape()
{
    // Show SQL is modal: the keys go in once it is up, and it is closed in any case.
    QString focused;
    bool closedByEscape = false;
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || QApplication::activeWindow() != dialog)
            return;
        poll->stop();
        focused = QApplication::focusWidget()->objectName();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        closedByEscape = !dialog->isVisible();
        dialog->reject();
    });
    poll->start(20);
    QAction *showSql = action(QStringLiteral("showSqlAction"));
    QVERIFY(showSql);
    showSql->trigger();
    delete poll;
    QCOMPARE(focused, QStringLiteral("showSqlView"));
    QVERIFY(closedByEscape);
}

void tst_Chrome::logFollowsTheNewestLine_data()
{
    QTest::addColumn<bool>("closed");
    QTest::addColumn<bool>("scrolledUp");
    QTest::newRow("in view") << false << false;
    QTest::newRow("panel closed meanwhile") << true << false;
    QTest::newRow("scrolled up to read") << false << true;
}

void tst_Chrome::logFollowsTheNewestLine()
{
    QFETCH(bool, closed);
    QFETCH(bool, scrolledUp);
    QAction *reload = action(QStringLiteral("reloadAction"));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("logDock"));
    QVERIFY(reload && dock);
    QPlainTextEdit *log = m_window->log();
    QScrollBar *bar = log->verticalScrollBar();
    for (int i = 0; i < 200; ++i)
        log->appendPlainText(QStringLiteral("line %1").arg(i));
    QTRY_VERIFY(bar->maximum() > 50);
    QCOMPARE(bar->value(), bar->maximum());
    if (scrolledUp)
        bar->setValue(bar->maximum() / 2);
    const int readingAt = bar->value();
    if (closed)
        dock->toggleViewAction()->trigger();
    QTRY_COMPARE(log->isVisible(), !closed);
    for (int i = 0; i < 100; ++i)
        log->appendPlainText(QStringLiteral("more %1").arg(i));
    reload->trigger();   // the window's own lines
    QVERIFY(log->toPlainText().endsWith(QLatin1String("ms")));
    if (closed)
        dock->toggleViewAction()->trigger();
    QTRY_VERIFY(log->isVisible());
    if (scrolledUp) {
        QTest::qWait(20);
        QCOMPARE(bar->value(), readingAt);
    } else {
        QTRY_COMPARE(bar->value(), bar->maximum());
    }
}

void tst_Chrome::runLinesAreLoggedAsTheyHappen()
{
    ApplyDialog *dialog = openApply(ApplyDialog::Operation::Upgrade, QStringLiteral("7e5b8c2f1a96"));
    QVERIFY(dialog);
    const qsizetype before = m_window->log()->toPlainText().split(QLatin1Char('\n')).size();
    const QTime started = QTime::currentTime().addSecs(-1);   // stamps have whole seconds
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
    const QTime finished = QTime::currentTime();
    // In the window's log while the dialog is still open, each line stamped with its time.
    const QStringList lines = m_window->log()->toPlainText().split(QLatin1Char('\n')).mid(before);
    const QRegularExpression stamped(QStringLiteral("^(\\d\\d:\\d\\d:\\d\\d) "));
    QStringList runLines;
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = stamped.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        const QTime at = QTime::fromString(match.captured(1), QStringLiteral("HH:mm:ss"));
        if (started <= finished)   // not across midnight
            QVERIFY2(at >= started && at <= finished, qPrintable(line));
        if (line.contains(QLatin1String("Running upgrade")))
            runLines << line;
    }
    QCOMPARE(runLines.size(), 7);
    QVERIFY(dialog->logText().contains(QLatin1String("Running upgrade e9c4a1f07d62, c2a07e5d4b18 -> 7e5b8c2f1a96")));
    dialog->close();
    // Closing the dialog does not log the run a second time.
    QCOMPARE(m_window->log()->toPlainText().count(QLatin1String("Running upgrade")), 7);
}

QTEST_MAIN(tst_Chrome)
#include "tst_chrome.moc"
