// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the real studio widgets offscreen on a copy of examples/bookshop.
#include "apply/applydialog.h"
#include "stratum/commands/commands.h"
#include "diff/schemadiffview.h"
#include "editor/catalog.h"
#include "editor/revisioneditor.h"
#include "editor/sqleditor.h"
#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/minimap.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/newprojectdialog.h"
#include "mainwindow/newrevisiondialog.h"
#include "mainwindow/projectsession.h"
#include "mainwindow/revisiondetails.h"
#include "mainwindow/revisionlistmodel.h"
#include "stratum/revision/revisionmap.h"

#include "../studiofixture.h"
#include <QCheckBox>
#include <QComboBox>
#include <QAction>
#include <QTimer>
#include <QElapsedTimer>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace Stratum;
using StratumTest::copyBookshop;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

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

QString versionFile(const QString &project, const QString &id)
{
    const QStringList names = QDir(project + QStringLiteral("/migrations/versions"))
                                  .entryList({id + QStringLiteral("_*.sql")});
    return names.isEmpty() ? QString() : project + QStringLiteral("/migrations/versions/") + names.first();
}

// STRATUM_UI_GRABS=DIR saves pictures of dialogs and editors as the tests see them, to look at.
void grabFor(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("STRATUM_UI_GRABS");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class tst_Studio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensBookshopGraph();
    void clickingNodeShowsDetails();
    void searchListSharesSelection();
    void upgradeAndDowngradeThroughDialog();
    void cancelStopsBetweenRevisions();
    void newProjectThroughDialog();
    void editAndSaveRevision();
    void editingAnAppliedRevisionWarns();
    void outsideChangesAreNoticed();
    void headerNamesExistingRevisions();
    void editorMarksParseErrors();
    void dryRunMarksTheFailingStatement();
    void completionFromCatalog();
    void badRevisionFileShowsError();
    void interruptedRevisionIsSaid();
    void newRevisionAndMerge();
    void mergeDialogShowsEachBranch();
    void schemaDiffDetectsRenames();
    void schemaDiffMakesRevision();
    void rebuildFromDiffKeepsRows();
    void schemaDiffNeverStale();
    void compareAfterSwitchingProjects();
    void revisionOnlyFromADatabaseAtTheHead();
    void alembicProjectIsReadOnly();
    void keyboardWalksTheGraph();
    void graphTextInAlignedColumns();
    void dependsOnLinksOnDemand();
    void searchMarksTheGraph();
    void laneColoursStayWhenARevisionIsAdded();
    void minimapNeverCoversText();
    void malformedFilesAreErrorNodes();
    void mergedBranchesCollapse();
    void screenshotCommand();

private:
    // Runs \a operation to \a target through the apply dialog, as the menu does; false (with
    // the reason logged) when it does not succeed.
    bool runThroughDialog(ApplyDialog::Operation operation, const QString &target);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_project;
};

bool tst_Studio::runThroughDialog(ApplyDialog::Operation operation, const QString &target)
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

void tst_Studio::initTestCase()
{
    StratumTest::useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_studio"));
}

void tst_Studio::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(QStringLiteral("bookshop"));
    m_window = StratumTest::openBookshopWindow(m_project);
    QVERIFY(m_window);
}

void tst_Studio::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void tst_Studio::opensBookshopGraph()
{
    GraphScene *scene = m_window->graphScene();
    QCOMPARE(scene->revisionItems().size(), 10);
    QCOMPARE(scene->edgeCount(), 12);
    const GraphLayout *layout = scene->layout();
    QVERIFY(layout);
    QStringList edges;
    for (const GraphLayout::Edge &edge : layout->edges())
        edges << layout->nodes()[edge.childRow].id.left(4)
                     + (edge.kind == GraphLayout::EdgeKind::Parent ? QLatin1Char('>') : QLatin1Char('~'))
                     + layout->nodes()[edge.parentRow].id.left(4);
    edges.sort();
    QCOMPARE(edges.join(QLatin1Char(' ')),
             QStringLiteral("0b93>e9c4 0b93~c2a0 1d6f>a84e 5b27>a84e 7e5b>c2a0 7e5b>e9c4 96ae>0b93 "
                            "96ae>d57f a84e>3f1c c2a0>1d6f d57f>7e5b e9c4>5b27"));
    // No database file yet: everything is pending, and looking did not create the file.
    QCOMPARE(scene->stateOf(QStringLiteral("3f1c9a7e2b40")), RevisionItem::State::Pending);
    QVERIFY(!QFile::exists(m_project + QStringLiteral("/bookshop.db")));
    QVERIFY(m_window->statusText().contains(QLatin1String("SQLite")));
    QVERIFY(m_window->statusText().contains(QLatin1String("none (base)")));
    QVERIFY(m_window->errorText().isEmpty());
    // Badges: the head is a merge point; the label comes from its own file.
    RevisionItem *head = scene->item(QStringLiteral("96ae41b7c035"));
    QVERIFY(head);
    QStringList badges;
    for (const RevisionItem::Badge &badge : head->badges())
        badges << badge.text;
    QCOMPARE(badges, (QStringList{QStringLiteral("head"), QStringLiteral("merge point")}));
    QCOMPARE(scene->item(QStringLiteral("0b93d6e4f271"))->badges().last().text, QStringLiteral("reporting"));
    // No two revisions overlap.
    const QList<RevisionItem *> items = scene->revisionItems();
    for (int i = 0; i < items.size(); ++i)
        for (int j = i + 1; j < items.size(); ++j)
            QVERIFY(!items[i]->mapRectToScene(items[i]->boundingRect().adjusted(2, 2, -2, -2))
                         .intersects(items[j]->mapRectToScene(items[j]->boundingRect().adjusted(2, 2, -2, -2))));
}

void tst_Studio::clickingNodeShowsDetails()
{
    GraphView *view = m_window->graphView();
    RevisionItem *item = m_window->graphScene()->item(QStringLiteral("1d6f3b9a8e05"));
    QVERIFY(item);
    view->centerOn(item);
    // The list's view repaints its highlight from these signals: blocking them left the old
    // row highlighted on screen.
    QSignalSpy listSelection(m_window->revisionList()->selectionModel(), &QItemSelectionModel::selectionChanged);
    const QPoint at = view->mapFromScene(item->scenePos() + QPointF(60, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(m_window->details()->revision(), QStringLiteral("1d6f3b9a8e05"));
    const QString header = m_window->details()->headerText();
    QVERIFY2(header.contains(QLatin1String("Add reviews")), qPrintable(header));
    QVERIFY(header.contains(QLatin1String("a84e2d51c0f9")));   // parent
    QVERIFY(header.contains(QLatin1String("c2a07e5d4b18")));   // child
    QVERIFY(header.contains(QLatin1String("1d6f3b9a8e05_add_reviews.sql")));
    QVERIFY(m_window->details()->upgradeView()->text().contains(QLatin1String("CREATE TABLE reviews")));
    QVERIFY(m_window->details()->downgradeView()->text().contains(QLatin1String("DROP TABLE reviews")));
    // The list follows the graph, highlight included.
    QCOMPARE(m_window->revisionList()->currentIndex().data(Qt::UserRole + 1).toString(),
             QStringLiteral("1d6f3b9a8e05"));
    QVERIFY(listSelection.count() >= 1);
    const QModelIndexList selected = m_window->revisionList()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(Qt::UserRole + 1).toString(), QStringLiteral("1d6f3b9a8e05"));
}

void tst_Studio::searchListSharesSelection()
{
    QTest::keyClicks(m_window->searchField(), QStringLiteral("wishlist"));
    QTreeView *list = m_window->revisionList();
    QTRY_COMPARE(list->model()->rowCount(), 1);
    list->setCurrentIndex(list->model()->index(0, 0));
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("d57f0a3c9e68"));
    QCOMPARE(m_window->details()->revision(), QStringLiteral("d57f0a3c9e68"));
}

void tst_Studio::upgradeAndDowngradeThroughDialog()
{
    const QString target = QStringLiteral("7e5b8c2f1a96");
    ApplyDialog *dialog = m_window->prepareApply(ApplyDialog::Operation::Upgrade, target);
    dialog->open();
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    QCOMPARE(dialog->plannedSteps(), 7);
    QVERIFY(dialog->previewText().contains(QLatin1String("-- Running upgrade  -> 3f1c9a7e2b40")));
    QVERIFY(dialog->previewText().contains(QLatin1String("CREATE TRIGGER trg_order_items_take_stock")));
    QVERIFY(dialog->destructiveStatements().isEmpty());
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->runError()));
    QVERIFY(dialog->logText().contains(QLatin1String("Running upgrade e9c4a1f07d62, c2a07e5d4b18 -> 7e5b8c2f1a96")));
    grabFor(dialog, QStringLiteral("upgrade-done"));
    dialog->close();

    // The database moved, and the graph shows it.
    QCOMPARE(versionRows(m_project + QStringLiteral("/bookshop.db")), QStringList{target});
    QTRY_COMPARE(m_window->session()->database().heads, QStringList{target});
    QTRY_COMPARE(m_window->graphScene()->item(target)->state(), RevisionItem::State::Current);
    QCOMPARE(m_window->graphScene()->item(QStringLiteral("1d6f3b9a8e05"))->state(), RevisionItem::State::Applied);
    QCOMPARE(m_window->graphScene()->item(QStringLiteral("96ae41b7c035"))->state(), RevisionItem::State::Pending);
    QVERIFY(m_window->statusText().contains(target));

    // Downgrading drops tables: the preview flags the statements before anything runs.
    dialog = m_window->prepareApply(ApplyDialog::Operation::Downgrade, QStringLiteral("a84e2d51c0f9"));
    dialog->open();
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    QVERIFY(!dialog->destructiveStatements().isEmpty());
    bool dropsReviews = false;
    for (const DestructiveStatement &statement : dialog->destructiveStatements())
        dropsReviews = dropsReviews || statement.statement == QLatin1String("DROP TABLE reviews");
    QVERIFY(dropsReviews);
    const SqlEditor *preview = dialog->findChild<SqlEditor *>(QStringLiteral("applyPreview"));
    QVERIFY(preview);
    QCOMPARE(preview->warningLines().size(), dialog->destructiveStatements().size());
    grabFor(dialog, QStringLiteral("downgrade-preview"));
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->runError()));
    dialog->close();
    QCOMPARE(versionRows(m_project + QStringLiteral("/bookshop.db")), QStringList{QStringLiteral("a84e2d51c0f9")});
    QTRY_COMPARE(m_window->graphScene()->item(QStringLiteral("a84e2d51c0f9"))->state(), RevisionItem::State::Current);

    // Stamp moves the version table only.
    dialog = m_window->prepareApply(ApplyDialog::Operation::Stamp, QStringLiteral("96ae41b7c035"));
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
    QVERIFY(dialog->succeeded());
    dialog->close();
    QCOMPARE(versionRows(m_project + QStringLiteral("/bookshop.db")), QStringList{QStringLiteral("96ae41b7c035")});
}

void tst_Studio::cancelStopsBetweenRevisions()
{
    ApplyDialog *dialog = m_window->prepareApply(ApplyDialog::Operation::Upgrade, QStringLiteral("96ae41b7c035"));
    QCOMPARE(dialog->plannedSteps(), 10);
    // Asked before the first revision ends: the run stops at the next boundary between revisions.
    dialog->start();
    dialog->requestCancel();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->runError()));
    QVERIFY2(dialog->logText().contains(QLatin1String("Cancelled after")), qPrintable(dialog->logText()));
    // The bar shows what completed, not 100 %.
    auto *progress = dialog->findChild<QProgressBar *>();
    QVERIFY(progress);
    QVERIFY(progress->value() < progress->maximum());
    QVERIFY2(progress->text().contains(QLatin1String("cancelled")), qPrintable(progress->text()));
    dialog->close();
    const QStringList rows = versionRows(m_project + QStringLiteral("/bookshop.db"));
    QVERIFY(!rows.contains(QLatin1String("96ae41b7c035")));
    // Whatever completed is recorded, and the graph agrees with the database.
    QTRY_COMPARE(m_window->session()->database().heads, rows);
}

void tst_Studio::newProjectThroughDialog()
{
    const QString folder = m_dir->filePath(QStringLiteral("fresh"));
    NewProjectDialog dialog(m_window.get());
    dialog.findChild<QLineEdit *>(QStringLiteral("directoryField"))->setText(folder);
    auto *dialect = dialog.findChild<QComboBox *>(QStringLiteral("dialectField"));
    dialect->setCurrentIndex(dialect->findData(QStringLiteral("postgresql")));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("urlField"))->text(),
             QStringLiteral("postgresql://fresh@localhost:5432/fresh"));
    // A password in the URL is refused in place.
    dialog.findChild<QLineEdit *>(QStringLiteral("urlField"))->setText(QStringLiteral("postgresql://fresh:pw@127.0.0.1:1/fresh"));
    QVERIFY(!dialog.createProject().ok());
    QVERIFY(!QFileInfo::exists(folder));
    dialog.findChild<QLineEdit *>(QStringLiteral("urlField"))->setText(QStringLiteral("postgresql://fresh@127.0.0.1:1/fresh"));
    QVERIFY(dialog.createProject().ok());
    QVERIFY(readFile(folder + QStringLiteral("/stratum.ini")).contains(QLatin1String("\nurl = postgresql://fresh@127.0.0.1:1/fresh\n")));

    // Opening it: no revisions yet, and a server that is not there is reported, not waited on.
    QVERIFY(m_window->openProject(folder));
    QVERIFY(m_window->waitUntilSettled(20000));
    QCOMPARE(m_window->graphScene()->revisionItems().size(), 0);
    QVERIFY(m_window->statusText().contains(QLatin1String("PostgreSQL")));
    QVERIFY(m_window->statusText().contains(QLatin1String("postgresql://fresh@127.0.0.1:1/fresh")));
    QCOMPARE(m_window->session()->database().status, DatabaseState::Status::Failed);

    // The first revision of the new project.
    Result<QString> created = m_window->createRevision(QStringLiteral("head"), QStringLiteral("create users"));
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
    QCOMPARE(m_window->graphScene()->revisionItems().size(), 1);
}

// Changing a revision the database has applied says that its checksum will no longer match
// what ran; a pending revision edits without a warning.
void tst_Studio::editingAnAppliedRevisionWarns()
{
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("a84e2d51c0f9")));
    QTRY_COMPARE(m_window->session()->database().heads, QStringList{QStringLiteral("a84e2d51c0f9")});
    QVERIFY(m_window->waitUntilSettled());

    RevisionEditor *applied = m_window->openEditor(QStringLiteral("3f1c9a7e2b40"));
    QVERIFY(applied);
    QVERIFY(applied->appliedWarning().isEmpty());   // nothing changed yet
    applied->editor()->append(QStringLiteral("\n-- a late note\n"));
    QTRY_VERIFY(applied->appliedWarning().contains(QLatin1String("checksum")));

    RevisionEditor *pending = m_window->openEditor(QStringLiteral("1d6f3b9a8e05"));
    QVERIFY(pending);
    pending->editor()->append(QStringLiteral("\n-- still pending\n"));
    QVERIFY(pending->isModified());
    QVERIFY(pending->appliedWarning().isEmpty());
    // Both are closed without saving.
    applied->editor()->undo();
    pending->editor()->undo();
}

// Files changed outside the studio: an open editor without changes reloads; one with changes
// says so and its save refuses to overwrite the change on disk unless asked; a deleted file's
// tab says so; a revision file added on disk appears in the graph.
void tst_Studio::outsideChangesAreNoticed()
{
    const auto overwrite = [](const QString &path, const QString &text) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    };
    const QString id = QStringLiteral("1d6f3b9a8e05");
    const QString path = versionFile(m_project, id);
    RevisionEditor *editor = m_window->openEditor(id);
    QVERIFY(editor);

    overwrite(path, readFile(path) + QStringLiteral("\n-- from another editor\n"));
    QTRY_VERIFY_WITH_TIMEOUT(editor->text().contains(QLatin1String("-- from another editor")), 10000);
    QVERIFY(!editor->isModified());

    editor->editor()->append(QStringLiteral("\n-- mine\n"));
    overwrite(path, readFile(path) + QStringLiteral("\n-- theirs\n"));
    QTRY_VERIFY_WITH_TIMEOUT(editor->diskNotice().contains(QLatin1String("changed on disk")), 10000);
    QVERIFY(editor->text().contains(QLatin1String("-- mine")));   // nothing of mine was lost
    QVERIFY(!editor->save().ok());
    QVERIFY(readFile(path).contains(QLatin1String("-- theirs")));   // nor of theirs
    QVERIFY(editor->save(true).ok());
    QVERIFY(readFile(path).contains(QLatin1String("-- mine")));
    QVERIFY(editor->diskNotice().isEmpty());

    // A new revision file from outside appears in the graph.
    overwrite(m_project + QStringLiteral("/migrations/versions/eeee00000002_outside.sql"),
              QStringLiteral("-- From outside\n--\n-- Revision ID: eeee00000002\n-- Revises: 96ae41b7c035\n\n"
                             "-- migrate:upgrade\nSELECT 1;\n"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->graphScene()->item(QStringLiteral("eeee00000002")) != nullptr, 10000);

    QVERIFY(QFile::remove(path));
    QTRY_VERIFY_WITH_TIMEOUT(editor->diskNotice().contains(QLatin1String("deleted")), 10000);
}

// The header form names revisions of the project and makes no cycle, or the editor marks it
// and does not save (a wrong Revises breaks the whole history).
void tst_Studio::headerNamesExistingRevisions()
{
    const QString id = QStringLiteral("1d6f3b9a8e05");
    const QString path = versionFile(m_project, id);
    const QString before = readFile(path);
    RevisionEditor *editor = m_window->openEditor(id);
    QVERIFY(editor);
    const auto setRevises = [editor](const QString &value) {
        editor->revisesField()->selectAll();
        QTest::keyClicks(editor->revisesField(), value);
        editor->validate();
    };
    setRevises(QStringLiteral("doesnotexist"));
    QVERIFY2(editor->errorText().contains(QLatin1String("Revises names \"doesnotexist\", which is no revision")),
             qPrintable(editor->errorText()));
    QVERIFY(!editor->save().ok());
    QCOMPARE(readFile(path), before);

    setRevises(QStringLiteral("c2a07e5d4b18"));   // a child of 1d6f3b9a8e05
    QVERIFY2(editor->errorText().contains(QLatin1String("cycle")), qPrintable(editor->errorText()));
    QVERIFY(!editor->save().ok());
    QCOMPARE(readFile(path), before);

    setRevises(QStringLiteral("3f1c9a7e2b40"));
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    QVERIFY(editor->save().ok());
    QVERIFY(readFile(path).contains(QLatin1String("-- Revises: 3f1c9a7e2b40")));
}

void tst_Studio::editAndSaveRevision()
{
    const QString id = QStringLiteral("1d6f3b9a8e05");
    RevisionEditor *editor = m_window->openEditor(id);
    QVERIFY(editor);
    const QString path = versionFile(m_project, id);
    QCOMPARE(editor->path(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(editor->messageField()->text(), QStringLiteral("Add reviews"));

    // The form edits the header line; the SQL edits the body.
    editor->messageField()->selectAll();
    QTest::keyClicks(editor->messageField(), QStringLiteral("Add book reviews"));
    QVERIFY(editor->text().startsWith(QLatin1String("-- Add book reviews\n")));
    editor->editor()->append(QStringLiteral("\n-- reviewed in the studio\n"));
    QVERIFY(editor->isModified());
    QVERIFY(editor->save().ok());
    QVERIFY(!editor->isModified());

    const QString disk = readFile(path);
    QVERIFY(disk.startsWith(QLatin1String("-- Add book reviews\n")));
    QVERIFY(disk.contains(QLatin1String("-- reviewed in the studio")));
    // The graph was read again.
    QTRY_COMPARE(m_window->graphScene()->item(id)->message(), QStringLiteral("Add book reviews"));

    // Typing in the header updates the form.
    const int line = 3;   // "-- Revises: a84e2d51c0f9" is the fourth line
    QVERIFY(editor->editor()->text(line).startsWith(QLatin1String("-- Revises:")));
    editor->editor()->setSelection(line, 0, line, int(editor->editor()->text(line).size()) - 1);
    editor->editor()->replaceSelectedText(QStringLiteral("-- Revises: 3f1c9a7e2b40"));
    editor->validate();
    QCOMPARE(editor->revisesField()->text(), QStringLiteral("3f1c9a7e2b40"));
}

void tst_Studio::editorMarksParseErrors()
{
    RevisionEditor *editor = m_window->openEditor(QStringLiteral("1d6f3b9a8e05"));
    QVERIFY(editor);
    QString text = editor->text();
    const int at = text.indexOf(QLatin1String("-- migrate:downgrade"));
    QVERIFY(at > 0);
    // An unterminated string literal in the upgrade section, on a known line.
    text.insert(at, QStringLiteral("INSERT INTO reviews (body) VALUES ('unfinished);\n"));
    const int errorLine = int(text.left(at).count(QLatin1Char('\n'))) + 1;
    editor->setText(text);
    QVERIFY(editor->parseError().has_value());
    QCOMPARE(editor->parseError()->line, errorLine);
    QVERIFY(editor->editor()->errorLines().contains(errorLine));
    QVERIFY2(editor->errorText().contains(QStringLiteral(":%1:").arg(errorLine)), qPrintable(editor->errorText()));
    editor->goTo(errorLine);
    grabFor(m_window.get(), QStringLiteral("editor-error"));

    // A header without an id is marked on its line too.
    editor->setText(QStringLiteral("-- Broken\n--\n-- Revises: a84e2d51c0f9\n\n-- migrate:upgrade\nSELECT 1;\n"));
    QVERIFY(editor->parseError().has_value());
    QVERIFY(!editor->errorText().isEmpty());
}

void tst_Studio::dryRunMarksTheFailingStatement()
{
    // The project's database stands at the revision before; the dry run must leave it there.
    auto config = Config::load(m_project + QStringLiteral("/stratum.ini"));
    QVERIFY(config.ok());
    CommandContext context;
    context.config = *config;
    QVERIFY(Commands::upgrade(context, QStringLiteral("a84e2d51c0f9"), false).ok());
    const QString database = m_project + QStringLiteral("/bookshop.db");
    const QStringList before = versionRows(database);
    QCOMPARE(before, QStringList{QStringLiteral("a84e2d51c0f9")});
    RevisionEditor *editor = m_window->openEditor(QStringLiteral("1d6f3b9a8e05"));
    QVERIFY(editor);
    QSignalSpy finished(m_window.get(), &MainWindow::dryRunFinished);
    const auto dryRun = [&] {
        finished.clear();
        QTest::mouseClick(editor->dryRunButton(), Qt::LeftButton);
        return finished.wait(30000);
    };

    // As written: the reviews table is created and dropped again after authors and books.
    QVERIFY(dryRun());
    QVERIFY2(editor->dryRunText().contains(QLatin1String("passed")), qPrintable(editor->dryRunText()));
    QVERIFY(editor->errorText().isEmpty());
    QVERIFY(editor->editor()->errorLines().isEmpty());

    // Edited, not saved: an index on a column the table does not have.
    QString text = editor->text();
    const int at = text.indexOf(QLatin1String("\n-- migrate:downgrade"));
    text.insert(at, QStringLiteral("\nCREATE INDEX ix_reviews_stars ON reviews (stars);"));
    const int line = int(text.left(at).count(QLatin1Char('\n'))) + 2;
    editor->setText(text);
    QVERIFY(!editor->parseError());
    QVERIFY(dryRun());
    QVERIFY2(editor->editor()->errorLines().contains(line), qPrintable(editor->dryRunText()));
    QVERIFY2(editor->errorText().contains(QStringLiteral("line %1: no such column: stars").arg(line)),
             qPrintable(editor->errorText()));
    grabFor(m_window.get(), QStringLiteral("editor-dry-run"));

    // A downgrade that keeps the table is flagged on the downgrade marker.
    text = editor->text();
    text.remove(QStringLiteral("\nCREATE INDEX ix_reviews_stars ON reviews (stars);"));
    text.remove(QStringLiteral("DROP TABLE reviews;"));
    editor->setText(text);
    QVERIFY(dryRun());
    const int marker = int(text.left(text.indexOf(QLatin1String("-- migrate:downgrade"))).count(QLatin1Char('\n'))) + 1;
    QVERIFY2(editor->editor()->warningLines().contains(marker), qPrintable(editor->dryRunText()));
    QVERIFY2(editor->dryRunText().contains(QLatin1String("create_table reviews")), qPrintable(editor->dryRunText()));

    QCOMPARE(versionRows(database), before);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tables"));
        db.setDatabaseName(database);
        QVERIFY(db.open());
        QVERIFY(db.tables().contains(QStringLiteral("books")));
        QVERIFY(!db.tables().contains(QStringLiteral("reviews")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tables"));
    QVERIFY(editor->isModified());   // nothing was saved either
}

void tst_Studio::completionFromCatalog()
{
    ApplyDialog *dialog = m_window->prepareApply(ApplyDialog::Operation::Upgrade, QStringLiteral("e9c4a1f07d62"));
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), 30000);
    QVERIFY(dialog->succeeded());
    dialog->close();

    Result<Catalog> catalog = Catalog::read(m_window->session()->config());
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().toString()));
    QVERIFY(catalog->tables.contains(QLatin1String("order_items")));
    QVERIFY(catalog->columns.value(QStringLiteral("books")).contains(QLatin1String("stock")));

    // Editors get the names once the catalog has been read (off the GUI thread).
    RevisionEditor *editor = m_window->openEditor(QStringLiteral("c2a07e5d4b18"));
    QVERIFY(editor);
    QTRY_VERIFY(editor->editor()->completionWords().contains(QLatin1String("books.stock")));
    QStringList offered;
    editor->editor()->completion()->updateAutoCompletionList({QStringLiteral("books"), QStringLiteral("st")}, offered);
    QCOMPARE(offered, QStringList{QStringLiteral("stock")});
    offered.clear();
    editor->editor()->completion()->updateAutoCompletionList({QStringLiteral("order_i")}, offered);
    QCOMPARE(offered, (QStringList{QStringLiteral("order_id"), QStringLiteral("order_items")}));
}

void tst_Studio::badRevisionFileShowsError()
{
    const QString path = m_project + QStringLiteral("/migrations/versions/ffff00000000_broken.sql");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-- Broken\n--\n-- Revision ID: ffff00000000\n-- Revises: doesnotexist\n\n-- migrate:upgrade\nSELECT 1;\n");
    file.close();
    m_window->session()->reload();
    QTRY_VERIFY(!m_window->errorText().isEmpty());
    QVERIFY2(m_window->errorText().contains(QLatin1String("doesnotexist")), qPrintable(m_window->errorText()));
    // The graph stays, with the file and the revision it names as error nodes; the window keeps
    // working.
    QCOMPARE(m_window->graphScene()->revisionItems().size(), 12);
    m_window->selectRevision(QStringLiteral("3f1c9a7e2b40"));
    QCOMPARE(m_window->details()->revision(), QStringLiteral("3f1c9a7e2b40"));

    // A header the parser rejects names the file and line.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("-- Broken\n--\n-- Revision ID: has space\n\n-- migrate:upgrade\nSELECT 1;\n");
    file.close();
    m_window->session()->reload();
    QTRY_VERIFY(m_window->errorText().contains(QLatin1String("ffff00000000_broken.sql:")));

    // Fixing the file clears the error.
    QVERIFY(QFile::remove(path));
    m_window->session()->reload();
    QTRY_VERIFY(m_window->errorText().isEmpty());
}

// A revision stopped half-way (here a transaction:false section on SQLite whose second
// statement fails, run by the command line) is said beside the legend, in the log, and in the
// revision list's state column.
void tst_Studio::interruptedRevisionIsSaid()
{
    QFile file(m_project + QStringLiteral("/migrations/versions/eeee00000001_half.sql"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-- Half done\n--\n-- Revision ID: eeee00000001\n-- Revises: 96ae41b7c035\n\n"
               "-- migrate:upgrade transaction:false\nCREATE TABLE half (id INTEGER);\nINSERT INTO nope VALUES (1);\n\n"
               "-- migrate:downgrade\nDROP TABLE half;\n");
    file.close();
    QProcess cli;
    cli.setWorkingDirectory(m_project);
    cli.start(QStringLiteral(STRATUM_CLI), {QStringLiteral("upgrade"), QStringLiteral("head")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 3);
    m_window->session()->reload();
    QVERIFY(m_window->waitUntilSettled());
    auto *legend = m_window->findChild<QLabel *>(QStringLiteral("legend"));
    QVERIFY(legend);
    QTRY_VERIFY2(legend->text().contains(QLatin1String("Revision eeee00000001 (upgrade) was interrupted: 1 of its 2 statements completed")),
                 qPrintable(legend->text()));
    QVERIFY(legend->toolTip().contains(QLatin1String("stratum repair --continue")));
    auto *model = m_window->findChild<RevisionListModel *>();
    QVERIFY(model);
    const int row = model->rowOf(QStringLiteral("eeee00000001"));
    QVERIFY(row >= 0);
    QCOMPARE(model->data(model->index(row, RevisionListModel::StateColumn)).toString(), QStringLiteral("interrupted"));

    // Repaired from the command line: the studio says nothing more once it reads again.
    cli.start(QStringLiteral(STRATUM_CLI), {QStringLiteral("repair"), QStringLiteral("--mark-undone")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    m_window->session()->refreshDatabase();
    QVERIFY(m_window->waitUntilSettled());
    QTRY_VERIFY(!legend->text().contains(QLatin1String("interrupted")));
    QCOMPARE(model->data(model->index(row, RevisionListModel::StateColumn)).toString(), QStringLiteral("pending"));
}

void tst_Studio::newRevisionAndMerge()
{
    Result<QString> created = m_window->createRevision(QStringLiteral("96ae41b7c035"), QStringLiteral("add coupons"));
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
    QCOMPARE(m_window->graphScene()->revisionItems().size(), 11);
    QCOMPARE(m_window->selectedRevision(), *created);
    QCOMPARE(m_window->session()->project()->map().revision(*created)->downRevisions,
             QStringList{QStringLiteral("96ae41b7c035")});

    // On a revision that is not a head: a new branch starts there.
    Result<QString> branch = m_window->createRevision(QStringLiteral("a84e2d51c0f9"), QStringLiteral("hotfix"));
    QVERIFY2(branch.ok(), branch.ok() ? "" : qPrintable(branch.error().toString()));
    QStringList heads = m_window->session()->project()->map().heads();
    QCOMPARE(heads.size(), 2);

    Result<QString> merged = m_window->mergeRevisions(heads, QStringLiteral("merge hotfix"));
    QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().toString()));
    QCOMPARE(m_window->session()->project()->map().heads(), QStringList{*merged});
    QCOMPARE(m_window->graphScene()->revisionItems().size(), 13);
    QVERIFY(m_window->graphScene()->item(*merged)->badges().size() >= 2);
}

void tst_Studio::mergeDialogShowsEachBranch()
{
    // Two heads on top of the last merge: both change books.
    const auto branch = [this](const QString &message, const QString &sql) {
        Result<QString> created = m_window->createRevision(QStringLiteral("96ae41b7c035"), message);
        if (!created)
            return QString();
        const QString path = versionFile(m_project, *created);
        QString text = readFile(path);
        text.replace(QLatin1String("-- migrate:upgrade\n"), QStringLiteral("-- migrate:upgrade\n%1\n").arg(sql));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QString();
        file.write(text.toUtf8());
        return *created;
    };
    const QString isbn = branch(QStringLiteral("isbn"), QStringLiteral("ALTER TABLE books ADD COLUMN subtitle VARCHAR(200);"));
    const QString index = branch(QStringLiteral("title index"), QStringLiteral("CREATE INDEX ix_books_title2 ON books (title);\n"
                                                                               "CREATE TABLE coupons (code TEXT PRIMARY KEY);"));
    QVERIFY(!isbn.isEmpty() && !index.isEmpty());
    m_window->session()->reload();
    QTRY_COMPARE(m_window->session()->project()->map().heads().size(), 2);

    QAction *merge = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Merge With…"))
            merge = action;
    QVERIFY(merge);
    QTRY_VERIFY(merge->isEnabled());
    bool shown = false;
    QString preview;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<NewRevisionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        shown = true;
        QElapsedTimer waited;
        waited.start();
        while (!dialog->previewText().contains(QLatin1String("coupons")) && waited.elapsed() < 30000)
            QTest::qWait(50);
        preview = dialog->previewText();
        grabFor(dialog, QStringLiteral("merge-preview"));
        dialog->reject();
    });
    merge->trigger();
    QVERIFY(shown);
    QVERIFY2(preview.contains(QLatin1String("Since 96ae41b7c035:")), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("More than one branch changes: books")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("%1 — 1 change").arg(isbn)), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("%1 — 2 change").arg(index)), qPrintable(preview));
    QVERIFY(preview.contains(QLatin1String("add_column books.subtitle")));
    QVERIFY(preview.contains(QLatin1String("create_index ix_books_title2 on books")));
    QVERIFY(preview.contains(QLatin1String("create_table coupons")));
    QVERIFY(!preview.contains(QLatin1String("coupons, ")));   // only books is changed twice
}

void tst_Studio::schemaDiffDetectsRenames()
{
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("heads")));
    QTRY_COMPARE(m_window->session()->database().heads, QStringList{QStringLiteral("96ae41b7c035")});

    // reviews.reviewer becomes reviewer_name in the schema files.
    const QString path = m_project + QStringLiteral("/schema/reviews.sql");
    QString text = readFile(path);
    QVERIFY(text.contains(QLatin1String("    reviewer VARCHAR(100) NOT NULL,")));
    text.replace(QLatin1String("    reviewer VARCHAR(100) NOT NULL,"), QLatin1String("    reviewer_name VARCHAR(100) NOT NULL,"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    const auto described = [](SchemaDiffView *view) {
        QStringList out;
        for (const Operation &operation : view->checkedOperations())
            out << operation.describe();
        return out.join(QLatin1Char('\n'));
    };
    SchemaDiffView *view = m_window->compareSchemas();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(described(view).contains(QLatin1String("drop_column reviews.reviewer")), 30000);
    QVERIFY(!view->detectRenames());
    view->renamesBox()->click();
    QTRY_VERIFY_WITH_TIMEOUT(described(view).contains(QLatin1String("rename_column reviews.reviewer -> reviewer_name")), 30000);
    QVERIFY2(!described(view).contains(QLatin1String("drop_column")), qPrintable(described(view)));
    QVERIFY(view->checkedSql().first.contains(QLatin1String("ALTER TABLE reviews RENAME COLUMN reviewer TO reviewer_name")));
}

void tst_Studio::schemaDiffMakesRevision()
{
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("heads")));
    QTRY_COMPARE(m_window->session()->database().heads, QStringList{QStringLiteral("96ae41b7c035")});

    // The desired schema gains a table: the diff shows it, and its operation becomes a revision.
    QFile schema(m_project + QStringLiteral("/schema/sales.sql"));
    QVERIFY(schema.open(QIODevice::Append));
    schema.write("\nCREATE TABLE coupons (\n    id INTEGER PRIMARY KEY,\n    code VARCHAR(20) NOT NULL\n);\n");
    schema.close();

    SchemaDiffView *view = m_window->compareSchemas();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("change")), 30000);
    QVERIFY2(!view->statusText().contains(QLatin1String("Error")), qPrintable(view->statusText()));
    QStringList described;
    for (const Operation &operation : view->checkedOperations())
        described << operation.describe();
    QVERIFY2(described.join(QLatin1Char('\n')).contains(QLatin1String("coupons")), qPrintable(described.join(QLatin1Char('\n'))));
    QVERIFY(view->rightView()->text().contains(QLatin1String("CREATE TABLE coupons")));
    QVERIFY(!view->leftView()->text().contains(QLatin1String("CREATE TABLE coupons")));
    QVERIFY(!view->rightView()->markedLines(SqlEditor::LineMark::Added).isEmpty());
    // Both sides hold the same number of rows: the DDL is aligned object by object.
    QCOMPARE(view->leftView()->lines(), view->rightView()->lines());
    grabFor(m_window.get(), QStringLiteral("schema-diff"));
    // Compare leaves the focus in the diff: F8 goes to its first change at once.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(view->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QVERIFY2(view->changeCountText().startsWith(QLatin1String("difference 1 of")), qPrintable(view->changeCountText()));
    QVERIFY(!view->rightView()->currentChangeLines().isEmpty());

    // Only the coupons table goes into the revision.
    for (int g = 0; g < view->changes()->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = view->changes()->topLevelItem(g);
        group->setCheckState(0, group->text(0) == QLatin1String("table coupons") ? Qt::Checked : Qt::Unchecked);
    }
    QVERIFY(!view->createButton()->isEnabled());   // no message yet
    view->messageField()->setText(QStringLiteral("add coupons"));
    QVERIFY(view->createButton()->isEnabled());
    QTest::mouseClick(view->createButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->graphScene()->revisionItems().size(), 11);
    RevisionEditor *editor = m_window->currentEditor();
    QVERIFY(editor);
    const QString text = readFile(editor->path());
    QVERIFY2(text.contains(QLatin1String("CREATE TABLE coupons")), qPrintable(text));
    QVERIFY(text.indexOf(QLatin1String("DROP TABLE coupons")) > text.indexOf(QLatin1String("-- migrate:downgrade")));
    QCOMPARE(m_window->session()->project()->map().revision(m_window->selectedRevision())->downRevisions,
             QStringList{QStringLiteral("96ae41b7c035")});

    // A revision's schema beside the files: shown, but no revision is made from it.
    view = m_window->compareSchemas(QStringLiteral("a84e2d51c0f9"));
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("change")), 30000);
    view->messageField()->setText(QStringLiteral("x"));
    QVERIFY(!view->createButton()->isEnabled());
}

// The diff never offers what is already done: after a revision is made from it, after an
// upgrade, after a schema file changes on disk, it says it is out of date and Create is off
// until it is compared again (the flow that used to write a duplicate revision).
void tst_Studio::schemaDiffNeverStale()
{
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("heads")));
    QFile schema(m_project + QStringLiteral("/schema/sales.sql"));
    QVERIFY(schema.open(QIODevice::Append));
    schema.write("\nCREATE TABLE coupons (id INTEGER PRIMARY KEY);\n");
    schema.close();

    SchemaDiffView *view = m_window->compareSchemas();
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("1 change")), 30000);
    view->messageField()->setText(QStringLiteral("add coupons"));
    QVERIFY(view->createButton()->isEnabled());
    QTest::mouseClick(view->createButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->graphScene()->revisionItems().size(), 11);
    // The new revision is not applied yet, but the diff was made before it existed.
    QTRY_VERIFY(view->isStale());
    QVERIFY2(view->statusText().contains(QLatin1String("Out of date: the revisions changed")), qPrintable(view->statusText()));
    QVERIFY(!view->createButton()->isEnabled());

    // Upgrade: the database moved; compared again, nothing is left to do.
    QVERIFY(m_window->waitUntilSettled());
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("heads")));
    QVERIFY(view->isStale());
    QTest::mouseClick(view->compareAgainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("No differences")), 30000);
    QVERIFY(!view->isStale());

    // A run alone marks a database comparison out of date too.
    QVERIFY(m_window->waitUntilSettled());
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Downgrade, QStringLiteral("-1")));
    QTRY_VERIFY2(view->statusText().contains(QLatin1String("Out of date: the database is now at 96ae41b7c035")),
                 qPrintable(view->statusText()));

    // A schema file changed on disk (another editor): out of date as well.
    QTest::mouseClick(view->compareAgainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("1 change")), 30000);
    QVERIFY(schema.open(QIODevice::Append));
    schema.write("\nCREATE TABLE vouchers (id INTEGER PRIMARY KEY);\n");
    schema.close();
    QTRY_VERIFY_WITH_TIMEOUT(view->isStale(), 10000);
    QVERIFY2(view->statusText().contains(QLatin1String("schema")), qPrintable(view->statusText()));
}

// As `revision --autogenerate` insists, a revision is made only from a database at the heads
// it builds on: from one behind them, its changes would repeat the pending revisions.
void tst_Studio::revisionOnlyFromADatabaseAtTheHead()
{
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("a84e2d51c0f9")));
    QTRY_COMPARE(m_window->session()->database().heads, QStringList{QStringLiteral("a84e2d51c0f9")});
    QVERIFY(m_window->waitUntilSettled());

    SchemaDiffView *view = m_window->compareSchemas();
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("change")), 30000);
    QVERIFY2(view->statusText().contains(QLatin1String("The database is at a84e2d51c0f9, not at the head 96ae41b7c035")),
             qPrintable(view->statusText()));
    view->messageField()->setText(QStringLiteral("would repeat"));
    QVERIFY(!view->createButton()->isEnabled());

    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("heads")));
    QVERIFY(m_window->waitUntilSettled());
    QTest::mouseClick(view->compareAgainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("No differences")), 30000);
    QVERIFY(!view->statusText().contains(QLatin1String("not at the head")));
}

// Database → Compare after opening another project shows the diff tab again.
void tst_Studio::compareAfterSwitchingProjects()
{
    SchemaDiffView *view = m_window->compareSchemas();
    QTRY_VERIFY_WITH_TIMEOUT(!view->statusText().contains(QLatin1String("Comparing")), 30000);
    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(copyBookshop(other));
    QVERIFY(m_window->openProject(other));
    QVERIFY(m_window->waitUntilSettled());
    QTabWidget *tabs = m_window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->indexOf(view), -1);   // closing the project took the tab away
    view = m_window->compareSchemas();
    QVERIFY(view);
    QVERIFY(tabs->indexOf(view) >= 0);
    QCOMPARE(tabs->currentWidget(), view);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("change")), 30000);
}

// A revision made in the schema diff that rebuilds books, which reviews refer to with ON
// DELETE CASCADE, applied through the dialog: every review is still there, both ways.
void tst_Studio::rebuildFromDiffKeepsRows()
{
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, QStringLiteral("heads")));
    const QString database = m_project + QStringLiteral("/bookshop.db");
    const auto counts = [&database] {
        QString text;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
            db.setDatabaseName(database);
            if (db.open()) {
                QSqlQuery query(QStringLiteral("SELECT (SELECT count(*) FROM books) || '/' || (SELECT count(*) FROM reviews)"), db);
                text = query.next() ? query.value(0).toString() : query.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rows"));
        return text;
    };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(database);
        QVERIFY(db.open());
        QSqlQuery fill(db);
        QVERIFY(fill.exec(QStringLiteral("INSERT INTO authors (id, name) VALUES (1, 'Le Guin')")));
        QVERIFY(fill.exec(QStringLiteral("INSERT INTO books (id, author_id, title, isbn, price_cents) VALUES "
                                         "(1, 1, 'Earthsea', '9780553383041', 900)")));
        QVERIFY(fill.exec(QStringLiteral("INSERT INTO reviews (book_id, reviewer, rating) VALUES (1, 'a', 5), (1, 'b', 4)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    QCOMPARE(counts(), QStringLiteral("1/2"));

    // SQLite cannot make a column nullable in place: books is rebuilt.
    const QString catalog = m_project + QStringLiteral("/schema/catalog.sql");
    QFile file(catalog);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.replace(QLatin1String("title VARCHAR(300) NOT NULL"), QLatin1String("title VARCHAR(300)"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    // The run's reading of the database ends first: the diff makes a revision only from a database
    // known to stand at the head.
    QVERIFY(m_window->waitUntilSettled());
    SchemaDiffView *view = m_window->compareSchemas();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QLatin1String("change")), 30000);
    view->messageField()->setText(QStringLiteral("nullable title"));
    QTest::mouseClick(view->createButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->graphScene()->revisionItems().size(), 11, 30000);
    const QString revision = m_window->selectedRevision();
    QVERIFY2(readFile(m_window->currentEditor()->path()).contains(QLatin1String("DROP TABLE books")),
             qPrintable(readFile(m_window->currentEditor()->path())));

    QVERIFY(m_window->waitUntilSettled());
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Upgrade, revision));
    QCOMPARE(versionRows(database), QStringList{revision});
    QCOMPARE(counts(), QStringLiteral("1/2"));

    QVERIFY(m_window->waitUntilSettled());
    QVERIFY(runThroughDialog(ApplyDialog::Operation::Downgrade, QStringLiteral("96ae41b7c035")));
    QCOMPARE(versionRows(database), QStringList{QStringLiteral("96ae41b7c035")});
    QCOMPARE(counts(), QStringLiteral("1/2"));
}

void tst_Studio::alembicProjectIsReadOnly()
{
    const QString folder = m_dir->filePath(QStringLiteral("alembicproject"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/alembic/versions")));
    const auto write = [](const QString &path, const QByteArray &text) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    QVERIFY(write(folder + QStringLiteral("/alembic.ini"),
                  "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite:///%(here)s/a.db\n"));
    QVERIFY(write(folder + QStringLiteral("/alembic/versions/aaa111_first.py"),
                  "\"\"\"first\n\nRevision ID: aaa111\n\"\"\"\nrevision = 'aaa111'\ndown_revision = None\n"
                  "branch_labels = None\ndepends_on = None\n"));
    QVERIFY(write(folder + QStringLiteral("/alembic/versions/bbb222_second.py"),
                  "\"\"\"second\n\nRevision ID: bbb222\n\"\"\"\nrevision = 'bbb222'\ndown_revision = 'aaa111'\n"
                  "branch_labels = None\ndepends_on = None\n"));
    QVERIFY(m_window->openProject(folder));
    QVERIFY(m_window->waitUntilSettled());
    QVERIFY2(m_window->errorText().isEmpty(), qPrintable(m_window->errorText()));
    QCOMPARE(m_window->graphScene()->revisionItems().size(), 2);
    QVERIFY(m_window->session()->isReadOnly());
    QVERIFY(m_window->windowTitle().contains(QLatin1String("read-only")));
    RevisionEditor *editor = m_window->openEditor(QStringLiteral("bbb222"));
    QVERIFY(editor);
    QVERIFY(editor->editor()->isReadOnly());
}

void tst_Studio::keyboardWalksTheGraph()
{
    GraphView *view = m_window->graphView();
    m_window->selectRevision(QStringLiteral("96ae41b7c035"));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("0b93d6e4f271"));
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("0b93d6e4f271"));
    QCOMPARE(m_window->details()->revision(), QStringLiteral("0b93d6e4f271"));
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("3f1c9a7e2b40"));
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("96ae41b7c035"));
    // Alt+Down follows Revises (the first one), Alt+Up goes back to the nearest child.
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("d57f0a3c9e68"));
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("7e5b8c2f1a96"));
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("d57f0a3c9e68"));
    // Ctrl+Down / Ctrl+Up: the next and previous head. The bookshop has one: nothing moves.
    QTest::keyClick(view, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("96ae41b7c035"));
    QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("96ae41b7c035"));
    // Return opens the selected revision in an editor.
    m_window->selectRevision(QStringLiteral("a84e2d51c0f9"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(m_window->currentEditor());
    QCOMPARE(m_window->currentEditor()->path(), versionFile(m_project, QStringLiteral("a84e2d51c0f9")));

    // Zoom keeps within bounds and fit brings the whole bookshop back.
    for (int i = 0; i < 30; ++i)
        view->zoomOut();
    QVERIFY(view->zoom() >= 0.05);
    view->fit();
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.adjusted(-1, -1, 1, 1).contains(view->sceneRect()));
}

// Ids, labels, messages and dates sit in columns that start at one x for every row, right of
// all lanes, the way Fork and Sublime Merge show history.
void tst_Studio::graphTextInAlignedColumns()
{
    GraphScene *scene = m_window->graphScene();
    const qreal x = scene->textColumnX();
    const qreal rightmostLane = GraphScene::margin + (scene->layout()->laneCount() - 1) * GraphScene::laneWidth;
    QVERIFY(x > rightmostLane + RevisionItem::radius);
    for (RevisionItem *item : scene->revisionItems()) {
        QCOMPARE(item->textX(), x);
        QVERIFY2(!item->date().isEmpty(), qPrintable(item->id()));
    }
    QCOMPARE(scene->item(QStringLiteral("96ae41b7c035"))->date(), QStringLiteral("2025-04-15 09:00"));
    // Selecting keeps the lanes in view when they fit beside the first columns; in a narrow
    // view the id column still shows.
    GraphView *view = m_window->graphView();
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
    m_window->selectRevision(QStringLiteral("3f1c9a7e2b40"));
    QCOMPARE(view->horizontalScrollBar()->value(), view->horizontalScrollBar()->minimum());
    view->setFixedWidth(int(x) + 120);
    QTRY_VERIFY(view->viewport()->width() < x + 200);
    m_window->selectRevision(QStringLiteral("96ae41b7c035"));
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY2(visible.left() < x && visible.right() > x + 60,
             qPrintable(QStringLiteral("%1..%2, text at %3").arg(visible.left()).arg(visible.right()).arg(x)));
    view->setMinimumWidth(0);
    view->setMaximumWidth(QWIDGETSIZE_MAX);
}

// Depends On links hold no lane: the selected revision's are drawn (both ways), or all of them
// from View → All Depends On Links.
void tst_Studio::dependsOnLinksOnDemand()
{
    GraphScene *scene = m_window->graphScene();
    const std::pair<QString, QString> link{QStringLiteral("0b93d6e4f271"), QStringLiteral("c2a07e5d4b18")};
    m_window->selectRevision(QStringLiteral("3f1c9a7e2b40"));
    QVERIFY(scene->shownDependencies().isEmpty());
    m_window->selectRevision(QStringLiteral("0b93d6e4f271"));
    QCOMPARE(scene->shownDependencies(), (QList<std::pair<QString, QString>>{link}));
    m_window->selectRevision(QStringLiteral("c2a07e5d4b18"));
    QCOMPARE(scene->shownDependencies(), (QList<std::pair<QString, QString>>{link}));
    m_window->selectRevision(QStringLiteral("3f1c9a7e2b40"));
    QVERIFY(scene->shownDependencies().isEmpty());
    auto *all = m_window->findChild<QAction *>(QStringLiteral("allDependenciesAction"));
    QVERIFY(all);
    all->trigger();
    QCOMPARE(scene->shownDependencies(), (QList<std::pair<QString, QString>>{link}));
    all->trigger();
    QVERIFY(scene->shownDependencies().isEmpty());
}

void tst_Studio::searchMarksTheGraph()
{
    GraphScene *scene = m_window->graphScene();
    QTest::keyClicks(m_window->searchField(), QStringLiteral("merge"));
    QTRY_COMPARE(scene->searchMatches(),
                 (QSet<QString>{QStringLiteral("96ae41b7c035"), QStringLiteral("7e5b8c2f1a96")}));
    QVERIFY(scene->item(QStringLiteral("96ae41b7c035"))->isHighlighted());
    QVERIFY(!scene->item(QStringLiteral("3f1c9a7e2b40"))->isHighlighted());
    m_window->searchField()->clear();
    QVERIFY(scene->searchMatches().isEmpty());
    QVERIFY(!scene->item(QStringLiteral("96ae41b7c035"))->isHighlighted());
}

// A lane's colour belongs to its branch, not to its position: a new head on top changes none.
void tst_Studio::laneColoursStayWhenARevisionIsAdded()
{
    GraphScene *scene = m_window->graphScene();
    QHash<QString, QColor> before;
    for (RevisionItem *item : scene->revisionItems())
        before.insert(item->id(), scene->nodeColour(scene->layout()->rowOf(item->id())));
    QVERIFY(m_window->createRevision(QStringLiteral("d57f0a3c9e68"), QStringLiteral("Side branch")).ok());
    QVERIFY(m_window->createRevision(QStringLiteral("96ae41b7c035"), QStringLiteral("On top")).ok());
    QTRY_COMPARE(scene->revisionItems().size(), 12);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(scene->nodeColour(scene->layout()->rowOf(it.key())), it.value());
    // A branch differs in colour from the branch it leaves: thirty one-revision branches off
    // the trunk (with six colours, a plain hash would give several the trunk's).
    for (int i = 0; i < 30; ++i) {
        QFile file(m_project + QStringLiteral("/migrations/versions/b%1_side.sql").arg(i, 11, 10, QLatin1Char('0')));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("-- Side %1\n--\n-- Revision ID: b%2\n-- Revises: 5b27e0c8d1a3\n\n-- migrate:upgrade\nSELECT 1;\n")
                       .arg(i).arg(i, 11, 10, QLatin1Char('0')).toUtf8());
    }
    m_window->session()->reload();
    QTRY_COMPARE(scene->revisionItems().size(), 42);
    const GraphLayout *layout = scene->layout();
    int branches = 0;
    for (const GraphLayout::Node &node : layout->nodes()) {
        if (node.branchRoot != node.row || node.parentEdges.isEmpty())
            continue;
        const GraphLayout::Edge &first = layout->edges()[node.parentEdges.first()];
        if (first.kind != GraphLayout::EdgeKind::Parent)
            continue;
        ++branches;
        QVERIFY2(scene->nodeColour(node.row) != scene->nodeColour(first.parentRow), qPrintable(node.id));
    }
    QVERIFY(branches >= 30);
}

void tst_Studio::minimapNeverCoversText()
{
    // A long history: a chain of 150 revisions on top of the bookshop's head.
    QString parent = QStringLiteral("96ae41b7c035");
    for (int i = 0; i < 150; ++i) {
        const QString id = QStringLiteral("c%1").arg(i, 11, 10, QLatin1Char('0'));
        QFile file(m_project + QStringLiteral("/migrations/versions/%1_step.sql").arg(id));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("-- Step %1\n--\n-- Revision ID: %2\n-- Revises: %3\n\n-- migrate:upgrade\nSELECT 1;\n")
                       .arg(i).arg(id, parent).toUtf8());
        parent = id;
    }
    m_window->session()->reload();
    QVERIFY(m_window->waitUntilSettled());
    GraphView *view = m_window->graphView();
    QTRY_VERIFY(view->minimap()->isVisible());
    const QRect viewport = view->viewport()->geometry();
    QVERIFY2(!view->minimap()->geometry().intersects(viewport),
             qPrintable(QStringLiteral("minimap %1,%2 %3x%4 over the viewport")
                            .arg(view->minimap()->x()).arg(view->minimap()->y())
                            .arg(view->minimap()->width()).arg(view->minimap()->height())));
    // Selecting a revision far down brings its id and labels into view.
    m_window->selectRevision(QStringLiteral("3f1c9a7e2b40"));
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(QPointF(view->graphScene()->textColumnX() + 40, view->graphScene()->nodePosition(QStringLiteral("3f1c9a7e2b40")).y())));
}

// A file that does not parse, a second file with an existing id and a Revises naming nothing
// are nodes of their own, marked as errors with file and line; the rest of the graph stays.
void tst_Studio::malformedFilesAreErrorNodes()
{
    const QString versions = m_project + QStringLiteral("/migrations/versions/");
    const auto write = [](const QString &path, const QByteArray &text) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(versions + QStringLiteral("zz01_broken.sql"),
          "-- Broken\n--\n-- Revision ID: has space\n\n-- migrate:upgrade\nSELECT 1;\n");
    write(versions + QStringLiteral("zz02_twice.sql"),
          "-- Twice\n--\n-- Revision ID: 96ae41b7c035\n-- Revises: d57f0a3c9e68\n\n-- migrate:upgrade\nSELECT 1;\n");
    write(versions + QStringLiteral("zz03_orphan.sql"),
          "-- Orphan\n--\n-- Revision ID: eeee00000003\n-- Revises: 96ae41b7c035 doesnotexist\n\n-- migrate:upgrade\nSELECT 1;\n");
    m_window->session()->reload();
    QVERIFY(m_window->waitUntilSettled());
    GraphScene *scene = m_window->graphScene();
    QVERIFY(!m_window->errorText().isEmpty());
    const QString bar = m_window->findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
    QVERIFY2(bar.contains(QLatin1String("3 problem")), qPrintable(bar));
    // Ten revisions, the one revising a missing id, and three error nodes.
    QCOMPARE(scene->revisionItems().size(), 14);
    QStringList problems;
    for (RevisionItem *item : scene->revisionItems())
        if (item->isProblem())
            problems << scene->problem(item->id())->title + QLatin1Char('|') + item->message();
    problems.sort();
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems[0].startsWith(QLatin1String("doesnotexist ?|Missing revision, named in zz03_orphan.sql:4")),
             qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(problems[1].startsWith(QLatin1String("zz01_broken.sql:3|")), qPrintable(problems[1]));
    QVERIFY2(problems[2].startsWith(QLatin1String("zz02_twice.sql:3|Revision 96ae41b7c035 is also defined in")),
             qPrintable(problems[2]));
    // The orphan hangs below its real parent and above the missing node.
    const GraphLayout *layout = scene->layout();
    QVERIFY(layout->rowOf(QStringLiteral("!missing:doesnotexist")) > layout->rowOf(QStringLiteral("eeee00000003")));
    // The list says "error"; the details name the file; activating opens it at the line.
    const QString broken = QLatin1Char('!') + QFileInfo(versions + QStringLiteral("zz01_broken.sql")).absoluteFilePath();
    QVERIFY(scene->problem(broken));
    m_window->selectRevision(broken);
    QVERIFY(m_window->details()->headerText().contains(QLatin1String("zz01_broken.sql")));
    bool listed = false;
    for (int row = 0; row < m_window->revisionList()->model()->rowCount(); ++row) {
        const QModelIndex index = m_window->revisionList()->model()->index(row, 0);
        if (index.data(RevisionListModel::RevisionIdRole).toString() == broken)
            listed = m_window->revisionList()->model()->index(row, RevisionListModel::StateColumn).data().toString() == QLatin1String("error");
    }
    QVERIFY(listed);
    Q_EMIT scene->revisionActivated(broken);
    QVERIFY(m_window->currentEditor());
    QCOMPARE(QFileInfo(m_window->currentEditor()->path()).fileName(), QStringLiteral("zz01_broken.sql"));
    QCOMPARE(m_window->currentEditor()->editor()->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION,
                 m_window->currentEditor()->editor()->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)) + 1, 3);

    // Fixed files: a normal graph again.
    for (const QString &name : {QStringLiteral("zz01_broken.sql"), QStringLiteral("zz02_twice.sql"), QStringLiteral("zz03_orphan.sql")})
        QVERIFY(QFile::remove(versions + name));
    m_window->session()->reload();
    QVERIFY(m_window->waitUntilSettled());
    QTRY_VERIFY(m_window->errorText().isEmpty());
    QCOMPARE(scene->revisionItems().size(), 10);
}

// The bookshop's two merges each merged a feature branch: View → Collapse Merged Branches draws
// each as one node; asking for a hidden revision, or activating the node, expands it again.
void tst_Studio::mergedBranchesCollapse()
{
    GraphScene *scene = m_window->graphScene();
    m_window->selectRevision(QStringLiteral("3f1c9a7e2b40"));
    auto *collapseAll = m_window->findChild<QAction *>(QStringLiteral("collapseAllAction"));
    auto *expandAll = m_window->findChild<QAction *>(QStringLiteral("expandAllAction"));
    QVERIFY(collapseAll && expandAll);
    collapseAll->trigger();
    // 0b93d6e4f271 (reporting) and c2a07e5d4b18 + 1d6f3b9a8e05 (reviews) are each one node now.
    QCOMPARE(scene->revisionItems().size(), 9);
    QCOMPARE(m_window->revisionList()->model()->rowCount(), 9);
    QVERIFY(!scene->item(QStringLiteral("c2a07e5d4b18")));
    QString reviews;
    QString reporting;
    for (RevisionItem *item : scene->revisionItems()) {
        if (!item->isCollapsed())
            continue;
        const CollapsedBranch *branch = scene->collapsedBranch(item->id());
        QVERIFY(branch);
        (branch->merge == QLatin1String("7e5b8c2f1a96") ? reviews : reporting) = item->id();
    }
    QCOMPARE(scene->collapsedBranch(reviews)->revisions,
             (QStringList{QStringLiteral("c2a07e5d4b18"), QStringLiteral("1d6f3b9a8e05")}));
    QCOMPARE(scene->collapsedBranch(reporting)->revisions, QStringList{QStringLiteral("0b93d6e4f271")});
    const QString summary = scene->item(reporting)->message();
    QVERIFY2(summary.startsWith(QLatin1String("reporting: 1 revision")) && summary.contains(QLatin1String("merged by 96ae41b7c035"))
                 && summary.endsWith(QLatin1String("Add sales reporting views")),
             qPrintable(summary));
    // A collapsed node is as far as its revisions.
    const QSet<QString> applied{QStringLiteral("7e5b8c2f1a96"), QStringLiteral("c2a07e5d4b18"), QStringLiteral("1d6f3b9a8e05"),
                                QStringLiteral("e9c4a1f07d62"), QStringLiteral("5b27e0c8d1a3"), QStringLiteral("a84e2d51c0f9"),
                                QStringLiteral("3f1c9a7e2b40")};
    scene->setDatabaseState(true, {QStringLiteral("7e5b8c2f1a96")}, applied);
    QCOMPARE(scene->stateOf(reviews), RevisionItem::State::Applied);
    QCOMPARE(scene->stateOf(reporting), RevisionItem::State::Pending);
    scene->setDatabaseState(true, {QStringLiteral("1d6f3b9a8e05")}, {QStringLiteral("1d6f3b9a8e05")});
    QCOMPARE(scene->stateOf(reviews), RevisionItem::State::Current);
    scene->setDatabaseState(false, {}, {});
    // The selection stayed; the Depends On link now joins the two collapsed nodes.
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("3f1c9a7e2b40"));
    m_window->selectRevision(reporting);
    QCOMPARE(scene->shownDependencies(), (QList<std::pair<QString, QString>>{{reporting, reviews}}));
    QVERIFY(m_window->details()->headerText().contains(QLatin1String("0b93d6e4f271")));
    // The list still finds a hidden revision: its collapsed node.
    QTest::keyClicks(m_window->searchField(), QStringLiteral("1d6f3b"));
    QCOMPARE(m_window->revisionList()->model()->rowCount(), 1);
    m_window->searchField()->clear();

    // Asking for a hidden revision expands its branch only.
    m_window->selectRevision(QStringLiteral("1d6f3b9a8e05"));
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("1d6f3b9a8e05"));
    QCOMPARE(scene->revisionItems().size(), 10);   // nine revisions and the reporting node
    QVERIFY(scene->item(reporting) && scene->item(reporting)->isCollapsed());
    // Return on a collapsed node expands it and selects its newest revision.
    m_window->selectRevision(reporting);
    m_window->graphView()->setFocus();
    QTest::keyClick(m_window->graphView(), Qt::Key_Return);
    QCOMPARE(m_window->selectedRevision(), QStringLiteral("0b93d6e4f271"));
    QCOMPARE(scene->revisionItems().size(), 10);
    QVERIFY(!scene->collapsedBranch(reporting));
    collapseAll->trigger();
    expandAll->trigger();
    QCOMPARE(scene->revisionItems().size(), 10);
    QCOMPARE(scene->edgeCount(), 12);
}

void tst_Studio::screenshotCommand()
{
    const QString png = m_dir->filePath(QStringLiteral("shot.png"));
    QProcess studio;
    studio.setProcessChannelMode(QProcess::ForwardedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settingsDir.path());
    studio.setProcessEnvironment(environment);
    studio.start(QStringLiteral(STRATUM_STUDIO),
                 {QStringLiteral("--screenshot"), png, m_project, QStringLiteral("--size"), QStringLiteral("1200x760")});
    QVERIFY(studio.waitForFinished(60000));
    QCOMPARE(studio.exitCode(), 0);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1200, 760));
    // Not a blank window: many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 20);

    // --show brings a view forward for the picture; a view it does not know is an input error.
    for (const QString &show : {QStringLiteral("diff"), QStringLiteral("editor"), QStringLiteral("runs"),
                                QStringLiteral("nonsense")}) {
        const QString shot = m_dir->filePath(show + QStringLiteral(".png"));
        studio.start(QStringLiteral(STRATUM_STUDIO), {QStringLiteral("--screenshot"), shot, m_project,
                                                      QStringLiteral("--show"), show});
        QVERIFY(studio.waitForFinished(60000));
        QCOMPARE(studio.exitCode(), show == QLatin1String("nonsense") ? 2 : 0);
        QCOMPARE(QFileInfo::exists(shot), show != QLatin1String("nonsense"));
    }
    QVERIFY(QImage(m_dir->filePath(QStringLiteral("diff.png"))) != QImage(png));
}

QTEST_MAIN(tst_Studio)
#include "tst_studio.moc"
