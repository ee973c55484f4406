// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's Runs view and the "changed since applied" marks, driven offscreen in a real main
// window on a copy of examples/bookshop: the rows of stratum_history after runs, an applied
// revision edited on disk marked in the view, the details, the list and the graph, and a row
// that selects its revision.
#include "apply/applydialog.h"
#include "graph/graphscene.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/projectsession.h"
#include "mainwindow/revisiondetails.h"
#include "mainwindow/revisionlistmodel.h"
#include "runs/runsmodel.h"
#include "runs/runsview.h"
#include "stratum/runtime/migrator.h"
#include "stratum/version.h"
#include "theme/theme.h"

#include "../studiofixture.h"
#include <QAction>
#include <QDirIterator>
#include <QDockWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace Stratum;
using StratumTest::copyBookshop;

namespace {

const QString authors = QStringLiteral("3f1c9a7e2b40");   // base
const QString books = QStringLiteral("a84e2d51c0f9");     // builds on authors

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Written as editors save: a new file renamed over the old one.
bool saveFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit();
}

QString versionFile(const QString &project, const QString &id)
{
    const QStringList names = QDir(project + QStringLiteral("/migrations/versions")).entryList({id + QStringLiteral("_*.sql")});
    return names.isEmpty() ? QString() : project + QStringLiteral("/migrations/versions/") + names.first();
}

// "revision direction" of each row, newest first.
QStringList rowsOf(const QAbstractItemModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row)
        rows << model->index(row, 0).data(RunsModel::RevisionIdRole).toString() + QLatin1Char(' ')
                    + model->index(row, 0).data(RunsModel::DirectionRole).toString();
    return rows;
}

int rowOf(const QAbstractItemModel *model, const QString &revision, const QString &direction)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(RunsModel::RevisionIdRole).toString() == revision
            && model->index(row, 0).data(RunsModel::DirectionRole).toString() == direction)
            return row;
    return -1;
}

QString listState(MainWindow *window, const QString &id)
{
    const QAbstractItemModel *list = window->revisionList()->model();
    for (int row = 0; row < list->rowCount(); ++row)
        if (list->index(row, 0).data(RevisionListModel::RevisionIdRole).toString() == id)
            return list->index(row, RevisionListModel::StateColumn).data().toString();
    return {};
}

} // namespace

class tst_Runs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateSaysWhy_data();
    void emptyStateSaysWhy();
    void rowsFollowRuns_data();
    void rowsFollowRuns();
    void changedSinceAppliedIsMarked();
    void downgradeAddsRow();
    void activatingRowSelectsRevision();

private:
    bool run(ApplyDialog::Operation operation, const QString &target);
    RunsView *runsView() const { return m_window->findChild<RunsView *>(); }
    QAction *showRunsAction() const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_project;
};

bool tst_Runs::run(ApplyDialog::Operation operation, const QString &target)
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
    // The session reads the database again after a run.
    QTest::qWait(0);
    return ok && m_window->waitUntilSettled();
}

QAction *tst_Runs::showRunsAction() const
{
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->text() == QLatin1String("&View"))
            for (QAction *action : menu->menu()->actions())
                if (action->text() == QLatin1String("&Runs"))
                    return action;
    return nullptr;
}

void tst_Runs::initTestCase()
{
    StratumTest::useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_runs"));
}

void tst_Runs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(QStringLiteral("bookshop"));
    m_window = StratumTest::openBookshopWindow(m_project);
    QVERIFY(m_window);
    QVERIFY(runsView());
}

void tst_Runs::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void tst_Runs::emptyStateSaysWhy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no database file yet") << QString() << QStringLiteral("No runs recorded yet: the database file does not exist yet.");
    QTest::newRow("server not reachable") << QStringLiteral("postgresql://nobody@127.0.0.1:1/none")
                                          << QStringLiteral("The database could not be read: ");
}

void tst_Runs::emptyStateSaysWhy()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    if (!url.isEmpty()) {
        const QString ini = m_project + QStringLiteral("/stratum.ini");
        QVERIFY(saveFile(ini, readFile(ini).replace(QStringLiteral("url = sqlite:///%(here)s/bookshop.db"),
                                                    QStringLiteral("url = ") + url)));
        QVERIFY(m_window->openProject(m_project));
        QVERIFY(m_window->waitUntilSettled(20000));
    }
    RunsView *view = runsView();
    QVERIFY2(view->emptyText().startsWith(expected), qPrintable(view->emptyText()));
    QVERIFY(view->table()->isHidden());
    QCOMPARE(view->model()->rowCount(), 0);
}

void tst_Runs::rowsFollowRuns_data()
{
    QTest::addColumn<QStringList>("runs");       // "operation target", in order
    QTest::addColumn<QStringList>("expected");   // "revision direction", newest first
    QTest::newRow("upgrade") << QStringList{QStringLiteral("upgrade ") + books}
                             << QStringList{books + QStringLiteral(" upgrade"), authors + QStringLiteral(" upgrade")};
    QTest::newRow("upgrade, downgrade")
        << QStringList{QStringLiteral("upgrade ") + books, QStringLiteral("downgrade ") + authors}
        << QStringList{books + QStringLiteral(" downgrade"), books + QStringLiteral(" upgrade"),
                       authors + QStringLiteral(" upgrade")};
    QTest::newRow("stamp") << QStringList{QStringLiteral("stamp ") + books}
                           << QStringList{books + QStringLiteral(" stamp")};
}

void tst_Runs::rowsFollowRuns()
{
    QFETCH(QStringList, runs);
    QFETCH(QStringList, expected);
    const QDateTime before = QDateTime::currentDateTime().addSecs(-60);
    for (const QString &step : std::as_const(runs)) {
        const QString operation = step.section(QLatin1Char(' '), 0, 0);
        const QString target = step.section(QLatin1Char(' '), 1);
        QVERIFY(run(operation == QLatin1String("upgrade")     ? ApplyDialog::Operation::Upgrade
                    : operation == QLatin1String("downgrade") ? ApplyDialog::Operation::Downgrade
                                                              : ApplyDialog::Operation::Stamp,
                    target));
    }
    RunsView *view = runsView();
    const RunsModel *model = view->model();
    QTRY_COMPARE(rowsOf(model), expected);
    QVERIFY(view->emptyText().isEmpty());
    QVERIFY(!view->table()->isHidden());
    QVERIFY2(view->summaryText().startsWith(QStringLiteral("Runs recorded in stratum_history: %1").arg(expected.size())),
             qPrintable(view->summaryText()));
    QVERIFY(!view->summaryText().contains(QChar(0x26a0)));

    const auto cell = [model](int column) { return model->index(0, column).data().toString(); };
    QCOMPARE(cell(RunsModel::WhoColumn), currentOsUser());
    QCOMPARE(cell(RunsModel::RevisionColumn), expected.first().section(QLatin1Char(' '), 0, 0));
    QCOMPARE(cell(RunsModel::MessageColumn), QStringLiteral("Create books table"));
    QCOMPARE(cell(RunsModel::DirectionColumn), expected.first().section(QLatin1Char(' '), 1));
    QCOMPARE(cell(RunsModel::ToolColumn), QStringLiteral(STRATUM_VERSION));
    QCOMPARE(cell(RunsModel::ChecksumColumn).size(), 10);
    QVERIFY(model->index(0, RunsModel::ChecksumColumn).data(Qt::ToolTipRole).toString().contains(cell(RunsModel::ChecksumColumn)));
    // Local time shown, the full UTC time as tooltip.
    const QDateTime when = QDateTime::fromString(cell(RunsModel::WhenColumn), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(when >= before && when <= QDateTime::currentDateTime().addSecs(60), qPrintable(cell(RunsModel::WhenColumn)));
    const QString utc = model->index(0, RunsModel::WhenColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} UTC$")).match(utc).hasMatch(),
             qPrintable(utc));
    const bool stamp = expected.first().endsWith(QLatin1String("stamp"));
    QVERIFY2(stamp ? cell(RunsModel::DurationColumn) == QStringLiteral("—")
                   : cell(RunsModel::DurationColumn).endsWith(QLatin1String(" ms")),
             qPrintable(cell(RunsModel::DurationColumn)));
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row, 0).data(RunsModel::ChangedRole).toString().isEmpty());
}

void tst_Runs::changedSinceAppliedIsMarked()
{
    QVERIFY(run(ApplyDialog::Operation::Upgrade, books));
    RunsView *view = runsView();
    const RunsModel *model = view->model();
    QTRY_COMPARE(model->rowCount(), 2);
    GraphScene *scene = m_window->graphScene();
    QVERIFY(scene->item(authors)->changedSinceApplied().isEmpty());
    QCOMPARE(listState(m_window.get(), authors), QStringLiteral("applied"));

    // When and by whom, in the details.
    m_window->selectRevision(authors);
    QString header = m_window->details()->headerText();
    const QRegularExpression applied(QStringLiteral("Applied\\s*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} by %1, \\d+ ms")
                                         .arg(QRegularExpression::escape(currentOsUser())));
    QVERIFY2(applied.match(header).hasMatch(), qPrintable(header));
    QVERIFY(!header.contains(QLatin1String("Changed since")));

    // The applied base revision's upgrade edited on disk, as another editor saves it.
    const QString path = versionFile(m_project, authors);
    const QString original = readFile(path);
    QVERIFY(saveFile(path, QString(original).replace(QLatin1String("-- migrate:downgrade"),
                                                     QLatin1String("CREATE INDEX ix_late ON authors (name);\n\n-- migrate:downgrade"))));

    const int authorsRow = rowOf(model, authors, QStringLiteral("upgrade"));
    const int booksRow = rowOf(model, books, QStringLiteral("upgrade"));
    QVERIFY(authorsRow >= 0 && booksRow >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(!model->index(rowOf(model, authors, QStringLiteral("upgrade")), 0)
                                  .data(RunsModel::ChangedRole).toString().isEmpty(), 10000);
    QVERIFY(m_window->waitUntilSettled());
    const QModelIndex marked = model->index(rowOf(model, authors, QStringLiteral("upgrade")), RunsModel::RevisionColumn);
    QVERIFY2(marked.data(RunsModel::ChangedRole).toString().contains(QLatin1String("3f1c9a7e2b40_create_authors.sql's upgrade section changed")),
             qPrintable(marked.data(RunsModel::ChangedRole).toString()));
    QVERIFY(!marked.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(marked.data(Qt::ForegroundRole).value<QColor>(), Theme::warningText(view->palette()));
    QVERIFY(marked.data(Qt::ToolTipRole).toString().contains(QLatin1String("Changed since it was applied")));
    const QModelIndex unmarked = model->index(rowOf(model, books, QStringLiteral("upgrade")), RunsModel::RevisionColumn);
    QVERIFY(unmarked.data(RunsModel::ChangedRole).toString().isEmpty());
    QVERIFY(unmarked.data(Qt::DecorationRole).isNull());
    QVERIFY(!unmarked.data(Qt::ForegroundRole).isValid());
    QVERIFY2(view->summaryText().contains(QStringLiteral("⚠ Applied revisions whose file changed since: 1")),
             qPrintable(view->summaryText()));

    // The warning colour follows the palette.
    view->setPalette(Theme::darkPalette());
    QCOMPARE(marked.data(Qt::ForegroundRole).value<QColor>(), Theme::warningText(Theme::darkPalette()));
    view->setPalette(QPalette());

    // The details, the list and the graph say it too.
    m_window->selectRevision(books);
    m_window->selectRevision(authors);
    header = m_window->details()->headerText();
    QVERIFY2(header.contains(QLatin1String("Changed since it was applied (checksum mismatch)")), qPrintable(header));
    QVERIFY2(applied.match(header).hasMatch(), qPrintable(header));
    QCOMPARE(listState(m_window.get(), authors), QStringLiteral("applied, changed since"));
    QCOMPARE(listState(m_window.get(), books), QStringLiteral("current"));
    QVERIFY(scene->item(authors)->changedSinceApplied().contains(QLatin1String("changed after it was applied")));
    QVERIFY(scene->item(authors)->toolTip().contains(QLatin1String("Changed since it was applied")));
    QVERIFY(scene->item(books)->changedSinceApplied().isEmpty());
    m_window->selectRevision(books);
    QVERIFY(!m_window->details()->headerText().contains(QLatin1String("Changed since")));

    // Put back as it was: every mark goes.
    QVERIFY(saveFile(path, original));
    QTRY_VERIFY_WITH_TIMEOUT(scene->item(authors)->changedSinceApplied().isEmpty(), 10000);
    QVERIFY(m_window->waitUntilSettled());
    QCOMPARE(listState(m_window.get(), authors), QStringLiteral("applied"));
    QVERIFY(model->index(rowOf(model, authors, QStringLiteral("upgrade")), 0).data(RunsModel::ChangedRole).toString().isEmpty());
    QVERIFY(!scene->item(authors)->toolTip().contains(QLatin1String("Changed since")));
}

void tst_Runs::downgradeAddsRow()
{
    QVERIFY(run(ApplyDialog::Operation::Upgrade, books));
    const RunsModel *model = runsView()->model();
    QTRY_COMPARE(model->rowCount(), 2);
    QVERIFY(run(ApplyDialog::Operation::Downgrade, authors));
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 0).data(RunsModel::RevisionIdRole).toString(), books);
    QCOMPARE(model->index(0, 0).data(RunsModel::DirectionRole).toString(), QStringLiteral("downgrade"));
    QCOMPARE(model->index(0, RunsModel::DirectionColumn).data().toString(), QStringLiteral("downgrade"));
    // No longer applied: the details say nothing of when it was.
    m_window->selectRevision(books);
    QVERIFY2(!m_window->details()->headerText().contains(QLatin1String("Applied")),
             qPrintable(m_window->details()->headerText()));
}

void tst_Runs::activatingRowSelectsRevision()
{
    QVERIFY(run(ApplyDialog::Operation::Upgrade, books));
    RunsView *view = runsView();
    QTRY_COMPARE(view->model()->rowCount(), 2);

    // Tabbed behind the log; the View menu brings it forward.
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("runsDock"));
    QVERIFY(dock);
    QAction *show = showRunsAction();
    QVERIFY(show);
    show->trigger();
    QTRY_VERIFY(view->isVisible());
    QTRY_VERIFY2(dock->height() >= m_window->height() / 4, qPrintable(QString::number(dock->height())));
    show->trigger();   // again: stays shown
    QTRY_VERIFY(view->isVisible());

    QTableView *table = view->table();
    m_window->selectRevision(books);
    const QModelIndex authorsRow = view->model()->index(rowOf(view->model(), authors, QStringLiteral("upgrade")),
                                                        RunsModel::MessageColumn);
    QSignalSpy activated(view, &RunsView::revisionActivated);
    const QPoint at = table->visualRect(authorsRow).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(m_window->selectedRevision(), authors);
    QCOMPARE(m_window->details()->revision(), authors);

    // Return on the current row.
    table->setFocus();
    table->setCurrentIndex(view->model()->index(rowOf(view->model(), books, QStringLiteral("upgrade")), 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(m_window->selectedRevision(), books);
}

QTEST_MAIN(tst_Runs)
#include "tst_runs.moc"
