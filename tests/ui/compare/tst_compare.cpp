// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Compare… : any two schemas (the database, the schema files, a revision, a head) in the
// studio's Schema Diff, driven through the real main window offscreen on a copy of
// examples/bookshop.
#include "apply/applydialog.h"
#include "diff/comparedialog.h"
#include "diff/compareside.h"
#include "diff/comparesidepicker.h"
#include "diff/schemadiffview.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/revisionitem.h"
#include "mainwindow/diffcontroller.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/projectsession.h"
#include "stratum/revision/revisionmap.h"

#include "../studiofixture.h"
#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDirIterator>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace Stratum;
using StratumTest::copyBookshop;

namespace {

QString versionFile(const QString &project, const QString &id)
{
    const QStringList names = QDir(project + QStringLiteral("/migrations/versions"))
                                  .entryList({id + QStringLiteral("_*.sql")});
    return names.isEmpty() ? QString() : project + QStringLiteral("/migrations/versions/") + names.first();
}

bool appendTo(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::Append))
        return false;
    return file.write(text) == text.size();
}

// "database", "schema", "rev:ID" or "head:ID", as the data tables name sides.
CompareSide side(const QString &spec)
{
    if (spec == QLatin1String("database"))
        return CompareSide::database();
    if (spec == QLatin1String("schema"))
        return CompareSide::schemaFiles();
    if (spec.startsWith(QLatin1String("head:")))
        return CompareSide::head(spec.mid(5));
    return CompareSide::ofRevision(spec.mid(4));
}

QString described(SchemaDiffView *view)
{
    QStringList out;
    for (const Operation &operation : view->checkedOperations())
        out << operation.describe();
    return out.join(QLatin1Char('\n'));
}

bool finished(SchemaDiffView *view)
{
    return view->statusText().contains(QLatin1String("change")) || view->statusText().contains(QLatin1String("No differences"))
           || view->statusText().contains(QLatin1String("rror"));
}

// STRATUM_UI_GRABS=DIR saves pictures of the dialog and the diff as the tests see them.
void grabFor(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("STRATUM_UI_GRABS");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

Q_DECLARE_METATYPE(Stratum::CompareSide)

class tst_Compare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void comparesTwoSources_data();
    void comparesTwoSources();
    void databaseAgainstBranchHead();
    void compareOffForTheSameSchema_data();
    void compareOffForTheSameSchema();
    void keyboardPicksAndCompares();
    void createOnlyFromTheDatabaseAtTheHeads_data();
    void createOnlyFromTheDatabaseAtTheHeads();
    void contextMenuOpensDialogWithTheRevision();
    void databaseMenuOpensDialog();
    void staleWhenASideMoves_data();
    void staleWhenASideMoves();
    void headFollowsItsBranch();

private:
    DiffController *diffs() const { return m_window->findChild<DiffController *>(); }
    // Picks \a left and \a right in the Compare dialog and clicks Compare; the diff when its
    // comparison has finished, null (with a warning) otherwise.
    SchemaDiffView *compareThroughDialog(const CompareSide &left, const CompareSide &right);
    bool runThroughDialog(ApplyDialog::Operation operation, const QString &target);
    // A second head on top of a84e2d51c0f9, labelled "archive", that adds archive_notes.
    QString addArchiveHead();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_project;
};

SchemaDiffView *tst_Compare::compareThroughDialog(const CompareSide &left, const CompareSide &right)
{
    CompareDialog *dialog = diffs()->chooseAndCompare({});
    if (!dialog) {
        qWarning("no dialog");
        return nullptr;
    }
    dialog->leftPicker()->setSide(left);
    dialog->rightPicker()->setSide(right);
    if (!dialog->compareButton()->isEnabled()) {
        qWarning("Compare is off: %s", qPrintable(dialog->problem()));
        return nullptr;
    }
    QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);
    SchemaDiffView *view = diffs()->view();
    if (!view || !QTest::qWaitFor([view] { return finished(view); }, 30000)) {
        qWarning("the comparison did not finish: %s", view ? qPrintable(view->statusText()) : "no view");
        return nullptr;
    }
    return view;
}

bool tst_Compare::runThroughDialog(ApplyDialog::Operation operation, const QString &target)
{
    ApplyDialog *dialog = m_window->prepareApply(operation, target);
    dialog->start();
    if (!QTest::qWaitFor([dialog] { return dialog->hasRun(); }, 30000)) {
        qWarning("the run did not finish: %s", qPrintable(dialog->problem()));
        return false;
    }
    const bool ok = dialog->succeeded();
    if (!ok)
        qWarning("the run failed: %s", qPrintable(dialog->runError()));
    dialog->close();
    return ok;
}

QString tst_Compare::addArchiveHead()
{
    Result<QString> created = m_window->createRevision(QStringLiteral("a84e2d51c0f9"), QStringLiteral("archive notes"),
                                                       {QStringLiteral("archive")});
    if (!created)
        return {};
    const QString path = versionFile(m_project, *created);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.replace(QLatin1String("-- migrate:upgrade\n"),
                 QLatin1String("-- migrate:upgrade\nCREATE TABLE archive_notes (id INTEGER PRIMARY KEY, note TEXT);\n"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(text.toUtf8());
    file.close();
    m_window->session()->reload();
    return *created;
}

void tst_Compare::initTestCase()
{
    StratumTest::useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_compare"));
}

void tst_Compare::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(QStringLiteral("bookshop"));
    m_window = StratumTest::openBookshopWindow(m_project);
    QVERIFY(m_window);
    QVERIFY(diffs());
}

void tst_Compare::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void tst_Compare::comparesTwoSources_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QString>("leftTitle");
    QTest::addColumn<QString>("rightTitle");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    // The first revision has authors only: every table added later is to be created.
    QTest::newRow("first revision vs schema files")
        << "rev:3f1c9a7e2b40" << "schema" << "Revision 3f1c9a7e2b40 (Create authors table)"
        << "Schema files (schema/*.sql)"
        << QStringList{"create_table books", "create_table customers", "create_table orders",
                       "create_table order_items", "create_table reviews", "create_table wishlist_items"}
        << QStringList{"create_table authors", "drop_"};
    QTest::newRow("revision vs revision")
        << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3" << "Revision a84e2d51c0f9 (Create books table)"
        << "Revision 5b27e0c8d1a3 (Add customers and orders)"
        << QStringList{"create_table customers", "create_table orders"}
        << QStringList{"reviews", "create_table books", "order_items", "drop_"};
    QTest::newRow("later revision vs earlier")
        << "rev:5b27e0c8d1a3" << "rev:a84e2d51c0f9" << "Revision 5b27e0c8d1a3 (Add customers and orders)"
        << "Revision a84e2d51c0f9 (Create books table)"
        << QStringList{"drop_table customers", "drop_table orders"}
        << QStringList{"create_table"};
    // The merge inherits the label of the branch it merges.
    QTest::newRow("head vs schema files")
        << "head:96ae41b7c035" << "schema" << "Head reporting (96ae41b7c035)" << "Schema files (schema/*.sql)"
        << QStringList{} << QStringList{"create_", "drop_"};
    QTest::newRow("schema files vs revision")
        << "schema" << "rev:1d6f3b9a8e05" << "Schema files (schema/*.sql)" << "Revision 1d6f3b9a8e05 (Add reviews)"
        << QStringList{"drop_table customers", "drop_table wishlist_items"} << QStringList{"create_table"};
}

void tst_Compare::comparesTwoSources()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(QString, leftTitle);
    QFETCH(QString, rightTitle);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    SchemaDiffView *view = compareThroughDialog(side(left), side(right));
    QVERIFY(view);
    QVERIFY2(!view->statusText().contains(QLatin1String("rror")), qPrintable(view->statusText()));
    QCOMPARE(view->leftTitle(), leftTitle);
    QCOMPARE(view->rightTitle(), rightTitle);
    const QString operations = described(view);
    for (const QString &operation : present)
        QVERIFY2(operations.contains(operation), qPrintable(operation + QStringLiteral(" not in:\n") + operations));
    for (const QString &operation : absent)
        QVERIFY2(!operations.contains(operation), qPrintable(operation + QStringLiteral(" in:\n") + operations));
    if (present.isEmpty())
        QVERIFY2(view->statusText().contains(QLatin1String("No differences")), qPrintable(view->statusText()));
    QTabWidget *tabs = m_window->findChild<QTabWidget *>();
    QCOMPARE(tabs->currentWidget(), view);
}

// The database (at the reporting head) beside the other head, "archive": the head is listed with
// its label, its schema is replayed, and no revision is made from a database behind a head.
void tst_Compare::databaseAgainstBranchHead()
{
    const QString archive = addArchiveHead();
    QVERIFY(!archive.isEmpty());
    QTRY_COMPARE(m_window->session()->project()->map().heads().size(), 2);
    QVERIFY(m_window->waitUntilSettled());
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("96ae41b7c035")));
    QTRY_COMPARE(m_window->session()->database().heads, QStringList{QStringLiteral("96ae41b7c035")});
    QVERIFY(m_window->waitUntilSettled());

    CompareDialog *dialog = diffs()->chooseAndCompare({});
    QVERIFY(dialog);
    QCOMPARE(dialog->left(), CompareSide::database());
    QComboBox *heads = dialog->rightPicker()->headBox();
    QStringList listed;
    for (int i = 0; i < heads->count(); ++i)
        listed << heads->itemText(i);
    QVERIFY2(listed.join(QLatin1Char('\n')).contains(QStringLiteral("archive — %1  archive notes").arg(archive)),
             qPrintable(listed.join(QLatin1Char('\n'))));
    QVERIFY2(listed.join(QLatin1Char('\n')).contains(QStringLiteral("reporting — 96ae41b7c035  Merge reporting into main")),
             qPrintable(listed.join(QLatin1Char('\n'))));
    QTest::mouseClick(dialog->rightPicker()->button(CompareSide::Kind::Head), Qt::LeftButton);
    heads->setCurrentIndex(heads->findData(archive));
    QCOMPARE(dialog->right(), CompareSide::head(archive));
    grabFor(dialog, QStringLiteral("compare-dialog-head"));
    QVERIFY(dialog->compareButton()->isEnabled());
    QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);

    SchemaDiffView *view = diffs()->view();
    QTRY_VERIFY_WITH_TIMEOUT(finished(view), 30000);
    QVERIFY(view->leftTitle().startsWith(QLatin1String("Database (sqlite:///")));
    QCOMPARE(view->rightTitle(), QStringLiteral("Head archive (%1)").arg(archive));
    const QString operations = described(view);
    QVERIFY2(operations.contains(QLatin1String("create_table archive_notes")), qPrintable(operations));
    QVERIFY2(operations.contains(QLatin1String("drop_table customers")), qPrintable(operations));
    grabFor(m_window.get(), QStringLiteral("compare-database-head"));
    // Two heads and the database at one of them: a revision would build on the wrong place.
    QVERIFY2(view->statusText().contains(QLatin1String("not at the head")), qPrintable(view->statusText()));
    view->messageField()->setText(QStringLiteral("would go astray"));
    QVERIFY(!view->createButton()->isEnabled());
}

void tst_Compare::compareOffForTheSameSchema_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("database twice") << "database" << "schema" << true;
    QTest::newRow("database, database") << "database" << "database" << false;
    QTest::newRow("schema files, schema files") << "schema" << "schema" << false;
    QTest::newRow("one revision twice") << "rev:a84e2d51c0f9" << "rev:a84e2d51c0f9" << false;
    QTest::newRow("a head and the revision it is") << "rev:96ae41b7c035" << "head:96ae41b7c035" << false;
    QTest::newRow("two revisions") << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3" << true;
    QTest::newRow("head and schema files") << "head:96ae41b7c035" << "schema" << true;
    QTest::newRow("schema files and database") << "schema" << "database" << true;
}

void tst_Compare::compareOffForTheSameSchema()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(bool, enabled);
    CompareDialog *dialog = diffs()->chooseAndCompare({});
    QVERIFY(dialog);
    dialog->leftPicker()->setSide(side(left));
    dialog->rightPicker()->setSide(side(right));
    QCOMPARE(dialog->left(), side(left));
    QCOMPARE(dialog->right(), side(right));
    QCOMPARE(dialog->compareButton()->isEnabled(), enabled);
    QCOMPARE(dialog->problem().isEmpty(), enabled);
    if (!enabled) {
        QVERIFY2(dialog->problem().contains(QLatin1String("same schema")), qPrintable(dialog->problem()));
        // Return does not get past it either.
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(!diffs()->view());
    }
    dialog->reject();
}

// Typing part of a message picks the revision; Tab walks from the left side to the right side
// and to Compare; Return compares.
void tst_Compare::keyboardPicksAndCompares()
{
    CompareDialog *dialog = diffs()->chooseAndCompare({});
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->left(), CompareSide::database());
    QCOMPARE(dialog->right(), CompareSide::schemaFiles());

    QLineEdit *typed = dialog->leftPicker()->revisionBox()->lineEdit();
    typed->setFocus();
    typed->selectAll();
    QTest::keyClicks(typed, QStringLiteral("Add"));   // six messages start so
    QCOMPARE(dialog->left(), CompareSide::ofRevision({}));
    QVERIFY(!dialog->compareButton()->isEnabled());
    QVERIFY2(dialog->problem().startsWith(QStringLiteral("Left: “Add” matches 6 revision")), qPrintable(dialog->problem()));
    typed->selectAll();
    QTest::keyClicks(typed, QStringLiteral("zzz"));
    QCOMPARE(dialog->problem(), QStringLiteral("Left: no revision matches “zzz”."));
    typed->selectAll();
    QTest::keyClicks(typed, QStringLiteral("customers and"));
    QCOMPARE(dialog->left(), CompareSide::ofRevision(QStringLiteral("5b27e0c8d1a3")));
    QVERIFY(dialog->compareButton()->isEnabled());

    // Each button has an Alt key of its own.
    QStringList keys;
    for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        const qsizetype amp = button->text().indexOf(QLatin1Char('&'));
        if (amp >= 0)
            keys << button->text().mid(amp + 1, 1).toLower();
    }
    QVERIFY(keys.size() >= 10);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTest::keyClick(dialog, Qt::Key_B, Qt::AltModifier);
    QTRY_COMPARE(dialog->right(), CompareSide::database());   // after the button's animated click
    QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier);
    QTRY_COMPARE(dialog->right(), CompareSide::schemaFiles());

    // Tab goes on to the right side and to Compare.
    dialog->leftPicker()->button(CompareSide::Kind::Database)->setFocus();
    QSet<QWidget *> visited;
    for (int i = 0; i < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget();
    }
    QVERIFY(visited.contains(dialog->leftPicker()->revisionBox()) || visited.contains(typed));
    // Tab enters a group of radio buttons once; the arrow keys move inside it.
    QVERIFY(std::any_of(visited.begin(), visited.end(), [dialog](QWidget *widget) {
        return qobject_cast<QRadioButton *>(widget) && widget->parentWidget() == dialog->rightPicker();
    }));
    QVERIFY(visited.contains(dialog->rightPicker()->revisionBox()));
    QVERIFY(visited.contains(dialog->rightPicker()->headBox()));
    QVERIFY(visited.contains(dialog->compareButton()));
    QCOMPARE(dialog->left(), CompareSide::ofRevision(QStringLiteral("5b27e0c8d1a3")));   // Tab changed nothing

    typed->setFocus();
    QTest::keyClick(typed, Qt::Key_Return);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    SchemaDiffView *view = diffs()->view();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(finished(view), 30000);
    QCOMPARE(view->leftTitle(), QStringLiteral("Revision 5b27e0c8d1a3 (Add customers and orders)"));
    QCOMPARE(view->rightTitle(), QStringLiteral("Schema files (schema/*.sql)"));
    QVERIFY(described(view).contains(QLatin1String("create_table reviews")));
}

void tst_Compare::createOnlyFromTheDatabaseAtTheHeads_data()
{
    QTest::addColumn<QString>("upgradeTo");
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QString>("reason");   // empty: Create is on

    const QString notTheDatabase = QStringLiteral("Revisions are made only from a comparison whose left side is the "
                                                  "database at the heads (a revision goes on top of them); here the "
                                                  "left side is ");
    QTest::newRow("revision on the left") << "heads" << "rev:a84e2d51c0f9" << "schema"
                                          << notTheDatabase + "Revision a84e2d51c0f9 (Create books table)";
    QTest::newRow("schema files on the left") << "heads" << "schema" << "rev:a84e2d51c0f9"
                                              << notTheDatabase + "Schema files";
    QTest::newRow("head on the left") << "heads" << "head:96ae41b7c035" << "rev:a84e2d51c0f9"
                                      << notTheDatabase + "Head reporting (96ae41b7c035)";
    QTest::newRow("database behind the heads") << "a84e2d51c0f9" << "database" << "rev:5b27e0c8d1a3"
                                               << "The database is at a84e2d51c0f9, not at the head 96ae41b7c035";
    QTest::newRow("database at the heads") << "heads" << "database" << "rev:5b27e0c8d1a3" << "";
}

void tst_Compare::createOnlyFromTheDatabaseAtTheHeads()
{
    QFETCH(QString, upgradeTo);
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(QString, reason);
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, upgradeTo));
    QTRY_VERIFY(!m_window->session()->database().heads.isEmpty());
    QVERIFY(m_window->waitUntilSettled());

    SchemaDiffView *view = compareThroughDialog(side(left), side(right));
    QVERIFY(view);
    QVERIFY2(view->statusText().contains(QLatin1String("change")), qPrintable(view->statusText()));
    view->messageField()->setText(QStringLiteral("from the diff"));
    if (reason.isEmpty()) {
        QVERIFY2(view->createButton()->isEnabled(), qPrintable(view->statusText()));
        return;
    }
    QVERIFY(!view->createButton()->isEnabled());
    QVERIFY2(view->statusText().contains(reason), qPrintable(view->statusText()));
    QVERIFY2(view->createButton()->toolTip().contains(reason), qPrintable(view->createButton()->toolTip()));
}

// Right-clicking a node offers Compare Schema with…, which opens the dialog with that revision
// on the left and the schema files on the right.
void tst_Compare::contextMenuOpensDialogWithTheRevision()
{
    GraphView *graph = m_window->graphView();
    RevisionItem *item = m_window->graphScene()->item(QStringLiteral("1d6f3b9a8e05"));
    QVERIFY(item);
    graph->centerOn(item);
    const QPoint at = graph->mapFromScene(item->scenePos() + QPointF(60, 0));
    QStringList offered;
    bool triggered = false;
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *action : menu->actions()) {
            offered << action->text();
            if (action->text() == QStringLiteral("Compare Schema &with…") && action->isEnabled()) {
                action->trigger();
                triggered = true;
            }
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, graph->viewport()->mapToGlobal(at));
    QApplication::sendEvent(graph->viewport(), &event);
    QVERIFY2(triggered, qPrintable(offered.join(QLatin1String(" | "))));

    CompareDialog *dialog = diffs()->dialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->left(), CompareSide::ofRevision(QStringLiteral("1d6f3b9a8e05")));
    QCOMPARE(dialog->right(), CompareSide::schemaFiles());
    QVERIFY(dialog->leftPicker()->revisionBox()->currentText().contains(QLatin1String("Add reviews")));
    grabFor(dialog, QStringLiteral("compare-dialog"));
    QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);
    SchemaDiffView *view = diffs()->view();
    QTRY_VERIFY_WITH_TIMEOUT(finished(view), 30000);
    QCOMPARE(view->leftTitle(), QStringLiteral("Revision 1d6f3b9a8e05 (Add reviews)"));
    grabFor(m_window.get(), QStringLiteral("compare-diff"));
}

// Database → Compare… (Ctrl+Shift+D, taken by nothing else) opens the dialog with the selected
// revision on the left.
void tst_Compare::databaseMenuOpensDialog()
{
    QAction *compare = diffs()->compareAction();
    QVERIFY(compare->isEnabled());
    QCOMPARE(compare->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action != compare)
            QVERIFY2(!action->shortcuts().contains(compare->shortcut()), qPrintable(action->text()));
    QMenu *databaseMenu = nullptr;
    for (QMenu *menu : m_window->findChildren<QMenu *>())
        if (menu->title() == QStringLiteral("&Database"))
            databaseMenu = menu;
    QVERIFY(databaseMenu);
    QVERIFY(databaseMenu->actions().contains(compare));

    m_window->selectRevision(QStringLiteral("a84e2d51c0f9"));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(diffs()->dialog() && diffs()->dialog()->isVisible());
    QCOMPARE(diffs()->dialog()->left(), CompareSide::ofRevision(QStringLiteral("a84e2d51c0f9")));
    QCOMPARE(diffs()->dialog()->right(), CompareSide::schemaFiles());
    diffs()->dialog()->reject();
}

void tst_Compare::staleWhenASideMoves_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QString>("change");   // upgrade, schema file, revision file ID, revision saved over ID
    QTest::addColumn<bool>("stale");

    QTest::newRow("database vs schema files, upgrade") << "database" << "schema" << "upgrade" << true;
    QTest::newRow("database vs head, upgrade") << "database" << "head:96ae41b7c035" << "upgrade" << true;
    QTest::newRow("revision vs database, upgrade") << "rev:5b27e0c8d1a3" << "database" << "upgrade" << true;
    QTest::newRow("revision vs revision, upgrade") << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3" << "upgrade" << false;
    QTest::newRow("revision vs schema files, upgrade") << "rev:a84e2d51c0f9" << "schema" << "upgrade" << false;
    QTest::newRow("database vs schema files, schema file") << "database" << "schema" << "schema file" << true;
    QTest::newRow("revision vs schema files, schema file") << "rev:a84e2d51c0f9" << "schema" << "schema file" << true;
    QTest::newRow("revision vs revision, schema file") << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3" << "schema file" << false;
    // a84e2d51c0f9 is replayed for both; d57f0a3c9e68 only for the head.
    QTest::newRow("revision vs revision, its revision file") << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3"
                                                             << "revision file a84e2d51c0f9" << true;
    QTest::newRow("revision vs revision, another revision file") << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3"
                                                                 << "revision file d57f0a3c9e68" << false;
    QTest::newRow("schema files vs head, revision file") << "schema" << "head:96ae41b7c035"
                                                         << "revision file d57f0a3c9e68" << true;
    QTest::newRow("schema files vs database, revision file") << "schema" << "database"
                                                             << "revision file a84e2d51c0f9" << false;
    // Another editor saves by renaming a new file over the old one: the session reloads.
    QTest::newRow("revision vs revision, revision saved over") << "rev:a84e2d51c0f9" << "rev:5b27e0c8d1a3"
                                                               << "revision saved over a84e2d51c0f9" << true;
}

void tst_Compare::staleWhenASideMoves()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(QString, change);
    QFETCH(bool, stale);

    SchemaDiffView *view = compareThroughDialog(side(left), side(right));
    QVERIFY(view);
    QVERIFY(!view->isStale());
    QVERIFY(m_window->waitUntilSettled());

    if (change == QLatin1String("upgrade")) {
        QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("a84e2d51c0f9")));
        QTRY_COMPARE(m_window->session()->database().heads, QStringList{QStringLiteral("a84e2d51c0f9")});
        QVERIFY(m_window->waitUntilSettled());
    } else if (change == QLatin1String("schema file")) {
        QVERIFY(appendTo(m_project + QStringLiteral("/schema/sales.sql"),
                         "\nCREATE TABLE vouchers (id INTEGER PRIMARY KEY);\n"));
        QTest::qWait(1500);   // the file watcher's notice
    } else if (change.startsWith(QLatin1String("revision file "))) {
        QVERIFY(appendTo(versionFile(m_project, change.section(QLatin1Char(' '), -1)), "\n-- a note\n"));
        QTest::qWait(1500);   // the file watcher's notice
    } else {
        QSignalSpy reloaded(m_window->session(), &ProjectSession::projectChanged);
        const QString path = versionFile(m_project, change.section(QLatin1Char(' '), -1));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QSaveFile saved(path);
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write(file.readAll() + "\n-- a note\n");
        QVERIFY(saved.commit());
        QVERIFY(reloaded.wait(10000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(view->isStale(), stale, 5000);
    if (!stale) {
        QTest::qWait(300);
        QVERIFY2(!view->isStale(), qPrintable(view->statusText()));
        return;
    }
    QVERIFY2(view->statusText().contains(QLatin1String("Out of date")), qPrintable(view->statusText()));
    QVERIFY(!view->createButton()->isEnabled());
    // Compare Again compares the same two sides.
    const QString leftTitle = view->leftTitle();
    QTest::mouseClick(view->compareAgainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished(view) && !view->isStale(), 30000);
    QCOMPARE(view->leftTitle(), leftTitle);
}

// A head compared, then a revision on top of it: compared again, the side is the new head.
void tst_Compare::headFollowsItsBranch()
{
    SchemaDiffView *view = compareThroughDialog(CompareSide::schemaFiles(), CompareSide::head(QStringLiteral("96ae41b7c035")));
    QVERIFY(view);
    QCOMPARE(view->rightTitle(), QStringLiteral("Head reporting (96ae41b7c035)"));
    Result<QString> created = m_window->createRevision(QStringLiteral("96ae41b7c035"), QStringLiteral("on top"));
    QVERIFY(created);
    QTRY_VERIFY_WITH_TIMEOUT(view->isStale(), 10000);
    QVERIFY(m_window->waitUntilSettled());
    QTest::mouseClick(view->compareAgainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished(view) && !view->isStale(), 30000);
    QCOMPARE(view->rightTitle(), QStringLiteral("Head reporting (%1)").arg(*created));
}

QTEST_MAIN(tst_Compare)
#include "tst_compare.moc"
