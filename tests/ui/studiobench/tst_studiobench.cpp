// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Scrolling a long history: the time to repaint the graph at positions spread over the project
// named by STRATUM_BENCH_PROJECT (bench.sh points it at the generated 10,000 revisions).
#include "graph/graphlayout.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "mainwindow/mainwindow.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QtTest>

using namespace Stratum;

class tst_StudioBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scrollLongHistory();
};

void tst_StudioBench::scrollLongHistory()
{
    const QString project = qEnvironmentVariable("STRATUM_BENCH_PROJECT");
    if (project.isEmpty())
        QSKIP("STRATUM_BENCH_PROJECT is not set (tests/ui/studiobench/bench.sh sets it)");
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(project));
    window.waitUntilSettled(60000);
    GraphView *view = window.graphView();
    QScrollBar *bar = view->verticalScrollBar();
    const int positions = 50;
    QElapsedTimer timer;
    qint64 worst = 0;
    timer.start();
    for (int i = 0; i < positions; ++i) {
        QElapsedTimer one;
        one.start();
        bar->setValue(bar->maximum() * i / (positions - 1));
        view->viewport()->repaint();
        worst = std::max(worst, one.elapsed());
    }
    const qint64 total = timer.elapsed();
    // Small steps, as a wheel scrolls.
    timer.restart();
    const int steps = 100;
    for (int i = 0; i < steps; ++i) {
        bar->setValue(bar->value() - 120);
        view->viewport()->repaint();
    }
    std::printf("scroll jump: %.1f ms per repaint (worst %lld ms), wheel step: %.1f ms per repaint\n",
                double(total) / positions, static_cast<long long>(worst), double(timer.elapsed()) / steps);

    // Selecting: a click in the list or a search result jumps anywhere (details, list, Depends
    // On links and scrolling follow); Down walks row by row.
    const GraphLayout *layout = view->graphScene()->layout();
    QVERIFY(layout && layout->rowCount() > 0);
    qint64 worstSelect = 0;
    timer.restart();
    for (int i = 0; i < positions; ++i) {
        QElapsedTimer one;
        one.start();
        window.selectRevision(layout->nodes()[(layout->rowCount() - 1) * i / (positions - 1)].id);
        QCoreApplication::processEvents();
        view->viewport()->repaint();
        worstSelect = std::max(worstSelect, one.elapsed());
    }
    const qint64 selectTotal = timer.elapsed();
    view->setFocus();
    timer.restart();
    for (int i = 0; i < steps; ++i) {
        QTest::keyClick(view, Qt::Key_Down);
        view->viewport()->repaint();
    }
    std::printf("select jump: %.1f ms (worst %lld ms), down key: %.1f ms\n", double(selectTotal) / positions,
                static_cast<long long>(worstSelect), double(timer.elapsed()) / steps);
}

QTEST_MAIN(tst_StudioBench)
#include "tst_studiobench.moc"
