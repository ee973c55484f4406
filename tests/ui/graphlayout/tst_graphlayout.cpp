// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphlayout.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

using namespace Stratum;

namespace {

// "b:a" = b revises a; "m:b,c" = merge; "x:a>c" = x revises a and depends on c; "a:" = base.
QList<GraphNodeInput> parseSpec(const QString &spec)
{
    QList<GraphNodeInput> nodes;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        GraphNodeInput node;
        node.id = item.section(QLatin1Char(':'), 0, 0);
        const QString rest = item.section(QLatin1Char(':'), 1);
        const QString parents = rest.section(QLatin1Char('>'), 0, 0);
        const QString dependencies = rest.section(QLatin1Char('>'), 1);
        node.parents = parents.split(QLatin1Char(','), Qt::SkipEmptyParts);
        node.dependencies = dependencies.split(QLatin1Char(','), Qt::SkipEmptyParts);
        nodes.append(node);
    }
    return nodes;
}

QString rowsOf(const GraphLayout &layout)
{
    QStringList ids;
    for (const GraphLayout::Node &node : layout.nodes())
        ids << node.id;
    return ids.join(QLatin1Char(' '));
}

QString lanesOf(const GraphLayout &layout)
{
    QStringList lanes;
    for (const GraphLayout::Node &node : layout.nodes())
        lanes << node.id + QLatin1Char('=') + QString::number(node.lane);
    return lanes.join(QLatin1Char(' '));
}

// "child>parent" for Revises, "child~parent" for Depends On, in edge order.
QString edgesOf(const GraphLayout &layout)
{
    QStringList edges;
    for (const GraphLayout::Edge &edge : layout.edges())
        edges << layout.nodes()[edge.childRow].id
                     + (edge.kind == GraphLayout::EdgeKind::Parent ? QLatin1Char('>') : QLatin1Char('~'))
                     + layout.nodes()[edge.parentRow].id;
    return edges.join(QLatin1Char(' '));
}

// What the drawing relies on, for any layout: edges point down, no edge runs through a node it
// does not end at, no two edges share a lane on the same row, each node sits on one of the
// lanes that arrive at it, and rowWidth() covers everything on its row.
void checkInvariants(const GraphLayout &layout)
{
    const QList<GraphLayout::Node> &nodes = layout.nodes();
    QVector<QSet<int>> passing(nodes.size());
    for (int e = 0; e < layout.edges().size(); ++e) {
        const GraphLayout::Edge &edge = layout.edges()[e];
        QVERIFY2(edge.parentRow > edge.childRow, qPrintable(edgesOf(layout)));
        QVERIFY(nodes[edge.childRow].parentEdges.contains(e));
        QVERIFY(nodes[edge.parentRow].childEdges.contains(e));
        if (edge.kind == GraphLayout::EdgeKind::Dependency) {
            QCOMPARE(edge.lane, -1);   // drawn beside the lanes, holding none
            continue;
        }
        QVERIFY(edge.lane < layout.laneCount());
        QVERIFY(layout.rowWidth(edge.childRow) > edge.lane);
        QVERIFY(layout.rowWidth(edge.parentRow) > edge.lane);
        for (int row = edge.childRow + 1; row < edge.parentRow; ++row) {
            QVERIFY2(nodes[row].lane != edge.lane,
                     qPrintable(QStringLiteral("edge %1 runs through %2").arg(e).arg(nodes[row].id)));
            QVERIFY2(!passing[row].contains(edge.lane), "two edges share a lane");
            passing[row].insert(edge.lane);
            QVERIFY(layout.rowWidth(row) > edge.lane);
        }
    }
    for (const GraphLayout::Node &node : nodes) {
        QVERIFY(layout.rowWidth(node.row) > node.lane);
        if (!node.parentEdges.isEmpty()
            && layout.edges()[node.parentEdges.first()].kind == GraphLayout::EdgeKind::Parent)
            QCOMPARE(layout.edges()[node.parentEdges.first()].lane, node.lane);
        bool revised = false;
        bool arrives = false;
        for (int e : node.childEdges) {
            revised = revised || layout.edges()[e].kind == GraphLayout::EdgeKind::Parent;
            arrives = arrives || layout.edges()[e].lane == node.lane;
        }
        QVERIFY2(!revised || arrives, qPrintable(node.id));
        QVERIFY(node.branchRoot >= node.row);
    }
}

// A long history shaped like a team's: a trunk, short feature branches that split off and merge
// back (several open at once), long-lived labelled branches that stay heads, and Depends On
// links from feature branches to the trunk.
QList<GraphNodeInput> generateHistory(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<GraphNodeInput> nodes;
    nodes.reserve(count);
    QString trunk;
    QList<QString> openBranches;
    QList<QString> longLived;
    const auto add = [&nodes](const QStringList &parents, const QStringList &dependencies = {}) {
        GraphNodeInput node;
        node.id = QStringLiteral("r%1").arg(nodes.size(), 5, 10, QLatin1Char('0'));
        node.parents = parents;
        node.dependencies = dependencies;
        nodes.append(node);
        return node.id;
    };
    trunk = add({});
    while (nodes.size() < count) {
        const quint32 dice = random.bounded(100);
        if (dice < 40 || openBranches.isEmpty()) {
            trunk = add({trunk});
            if (random.bounded(8) == 0 && openBranches.size() < 6)
                openBranches.append(trunk);   // a feature branch splits off here
        } else if (dice < 75) {
            const int which = int(random.bounded(quint32(openBranches.size())));
            const QStringList dependencies = random.bounded(10) == 0 ? QStringList{trunk} : QStringList{};
            openBranches[which] = add({openBranches[which]}, dependencies);
        } else if (dice < 90) {
            const int which = int(random.bounded(quint32(openBranches.size())));
            if (openBranches[which] != trunk)
                trunk = add({trunk, openBranches[which]});
            openBranches.removeAt(which);
        } else if (dice < 92 && longLived.size() < 4) {
            longLived.append(add({trunk}));
        } else if (!longLived.isEmpty()) {
            const int which = int(random.bounded(quint32(longLived.size())));
            longLived[which] = add({longLived[which]});
        } else {
            trunk = add({trunk});
        }
    }
    return nodes;
}

} // namespace

class tst_GraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data();
    void layout();
    void dependenciesAreTheirOwnKind();
    void dependenciesTakeNoLanes();
    void mergedBranches_data();
    void mergedBranches();
    void collapseMergedBranches();
    void branchRootsStayWhenRevisionsAreAdded();
    void errors_data();
    void errors();
    void largeHistoryHoldsInvariants();
    void benchmarkTenThousand();
};

void tst_GraphLayout::layout_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("rows");
    QTest::addColumn<QString>("lanes");
    QTest::addColumn<QString>("edges");
    QTest::addColumn<int>("laneCount");

    QTest::newRow("empty") << "" << "" << "" << "" << 0;
    QTest::newRow("single base") << "a:" << "a" << "a=0" << "" << 1;
    QTest::newRow("chain") << "a: b:a c:b" << "c b a" << "c=0 b=0 a=0" << "c>b b>a" << 1;
    // Load order does not matter: children always sit above their parents.
    QTest::newRow("chain loaded backwards") << "c:b b:a a:" << "c b a" << "c=0 b=0 a=0" << "c>b b>a" << 1;
    // a is a branch point: two heads, the first in load order on top and in lane 0.
    QTest::newRow("branch point") << "a: b:a c:a" << "b c a" << "b=0 c=1 a=0" << "b>a c>a" << 2;
    // The merge's first parent continues its lane; the second branch opens lane 1.
    QTest::newRow("merge") << "a: b:a c:a m:b,c" << "m c b a" << "m=0 c=1 b=0 a=0"
                           << "m>b m>c c>a b>a" << 2;
    QTest::newRow("two bases merged") << "a: x: m:a,x" << "m x a" << "m=0 x=1 a=0" << "m>a m>x" << 2;
    // A branch that stays open beside the trunk keeps its own lane until it meets the trunk;
    // the second head walks down lane 1 past the first branch's rows.
    QTest::newRow("long branch beside trunk") << "a: b:a c:b f1:a f2:f1 d:c"
                                              << "f2 f1 d c b a" << "f2=0 f1=0 d=1 c=1 b=1 a=0"
                                              << "f2>f1 f1>a d>c c>b b>a" << 2;
    // The bookshop example's shape: two merges and a dependency across branches.
    QTest::newRow("bookshop")
        << "0b93:e9c4>c2a0 1d6f:a84e 3f1c: 5b27:a84e 7e5b:e9c4,c2a0 96ae:d57f,0b93 a84e:3f1c "
           "c2a0:1d6f d57f:7e5b e9c4:5b27"
        << "96ae 0b93 d57f 7e5b c2a0 1d6f e9c4 5b27 a84e 3f1c"
        << "96ae=0 0b93=1 d57f=0 7e5b=0 c2a0=2 1d6f=2 e9c4=0 5b27=0 a84e=0 3f1c=0"
        << "96ae>d57f 96ae>0b93 0b93>e9c4 0b93~c2a0 d57f>7e5b 7e5b>e9c4 7e5b>c2a0 c2a0>1d6f "
           "1d6f>a84e e9c4>5b27 5b27>a84e a84e>3f1c"
        << 3;
}

void tst_GraphLayout::layout()
{
    QFETCH(QString, spec);
    QFETCH(QString, rows);
    QFETCH(QString, lanes);
    QFETCH(QString, edges);
    QFETCH(int, laneCount);

    Result<GraphLayout> result = GraphLayout::compute(parseSpec(spec));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(rowsOf(*result), rows);
    QCOMPARE(lanesOf(*result), lanes);
    QCOMPARE(edgesOf(*result), edges);
    QCOMPARE(result->laneCount(), laneCount);
    checkInvariants(*result);
}

void tst_GraphLayout::dependenciesAreTheirOwnKind()
{
    // x depends on c (another branch) and on its own parent b: the latter adds no second line.
    Result<GraphLayout> result = GraphLayout::compute(parseSpec(QStringLiteral("a: b:a c:a x:b>c,b")));
    QVERIFY(result.ok());
    QCOMPARE(edgesOf(*result), QStringLiteral("x>b x~c c>a b>a"));
    const GraphLayout::Edge &dependency = result->edges()[1];
    QCOMPARE(dependency.kind, GraphLayout::EdgeKind::Dependency);
    // The dependency holds no lane: c is a head of its own beside x's line.
    QCOMPARE(dependency.lane, -1);
    QCOMPARE(result->laneCount(), 2);
    // ... but it orders the rows: c sits below x, which needs it.
    QVERIFY(result->rowOf(QStringLiteral("c")) > result->rowOf(QStringLiteral("x")));
    checkInvariants(*result);

    // A revision reached by a dependency only still sits on a lane of its own.
    result = GraphLayout::compute(parseSpec(QStringLiteral("a: b:a>c c:a m:b")));
    QVERIFY(result.ok());
    const int c = result->rowOf(QStringLiteral("c"));
    const GraphLayout::Node &node = result->nodes()[c];
    QCOMPARE(node.childEdges.size(), 1);
    QCOMPARE(result->edges()[node.childEdges.first()].kind, GraphLayout::EdgeKind::Dependency);
    checkInvariants(*result);
}

// Many Depends On links across long branches, the shape that took dozens of lanes when each
// link held one: the lanes are those of the Revises lines alone.
void tst_GraphLayout::dependenciesTakeNoLanes()
{
    QList<GraphNodeInput> nodes = generateHistory(3000, 11);
    QList<GraphNodeInput> withoutDependencies = nodes;
    for (GraphNodeInput &node : withoutDependencies)
        node.dependencies.clear();
    int dependencies = 0;
    for (int i = 50; i < nodes.size(); i += 7) {
        nodes[i].dependencies << nodes[i - 40].id;
        ++dependencies;
    }
    Result<GraphLayout> with = GraphLayout::compute(nodes);
    Result<GraphLayout> without = GraphLayout::compute(withoutDependencies);
    QVERIFY(with.ok() && without.ok());
    checkInvariants(*with);
    QVERIFY(dependencies > 400);
    QVERIFY2(with->laneCount() <= without->laneCount() + 2,
             qPrintable(QStringLiteral("%1 lanes with Depends On, %2 without")
                            .arg(with->laneCount()).arg(without->laneCount())));
}

// A branch's colour is keyed on its first revision, which revisions added later (anywhere) do not
// move, even when they shift lanes.
void tst_GraphLayout::branchRootsStayWhenRevisionsAreAdded()
{
    const auto dated = [](const QString &spec, int from) {
        QList<GraphNodeInput> nodes = parseSpec(spec);
        for (int i = 0; i < nodes.size(); ++i)
            nodes[i].created = QString::number(from + i);
        return nodes;
    };
    const QList<GraphNodeInput> history = dated(QStringLiteral("a: b:a c:b f1:a f2:f1 m:c,f2 g1:m g2:m"), 100);
    Result<GraphLayout> before = GraphLayout::compute(history);
    // New revisions: one loaded first (as a file name sorting first would be) branching off the
    // trunk's middle, and more on top of the heads.
    Result<GraphLayout> after = GraphLayout::compute(dated(QStringLiteral("s:b"), 900) + history
                                                     + dated(QStringLiteral("g3:g1 g4:g3 h:g2"), 901));
    QVERIFY(before.ok() && after.ok());
    checkInvariants(*before);
    checkInvariants(*after);
    const auto rootOf = [](const GraphLayout &layout, const QString &id) {
        const GraphLayout::Node &node = layout.nodes()[layout.rowOf(id)];
        return layout.nodes()[node.branchRoot].id;
    };
    for (const GraphLayout::Node &node : before->nodes())
        QCOMPARE(rootOf(*after, node.id), rootOf(*before, node.id));
    QCOMPARE(rootOf(*after, QStringLiteral("g4")), rootOf(*after, QStringLiteral("g1")));
    QCOMPARE(rootOf(*after, QStringLiteral("c")), QStringLiteral("a"));
    QVERIFY(rootOf(*after, QStringLiteral("f2")) != QStringLiteral("a"));
}

void tst_GraphLayout::mergedBranches_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("merge");
    QTest::addColumn<QString>("branches");   // branches ';'-separated, revisions newest first

    QTest::newRow("feature branch") << "a: b:a f1:a f2:f1 m:b,f2" << "m" << "f2 f1";
    QTest::newRow("not a merge") << "a: b:a" << "b" << "";
    QTest::newRow("two branches merged") << "a: b:a f:a g1:a g2:g1 m:b,f,g2" << "m" << "f;g2 g1";
    // f1 is also revised by x: the branch stops above it (it is a branch point).
    QTest::newRow("branch point inside") << "a: b:a f1:a f2:f1 x:f1 m:b,f2" << "m" << "f2";
    // A merge inside the feature branch stays visible.
    QTest::newRow("merge inside") << "a: b:a f1:a g:a f2:f1,g f3:f2 m:b,f3" << "m" << "f3";
    QTest::newRow("two bases") << "a: x: y:x m:a,y" << "m" << "y x";
    QTest::newRow("second parent is a head too") << "a: b:a f:a m:b,f n:f" << "m" << "";
}

void tst_GraphLayout::mergedBranches()
{
    QFETCH(QString, spec);
    QFETCH(QString, merge);
    QFETCH(QString, branches);
    QStringList found;
    for (const QStringList &branch : GraphLayout::mergedBranches(parseSpec(spec), merge))
        found << branch.join(QLatin1Char(' '));
    QCOMPARE(found.join(QLatin1Char(';')), branches);
}

void tst_GraphLayout::collapseMergedBranches()
{
    // Two merges; x depends on f1 (inside the first branch), f2 depends on b.
    const QList<GraphNodeInput> nodes =
        parseSpec(QStringLiteral("a: b:a f1:a f2:f1>b m:b,f2 g1:m g2:m n:g1,g2 x:n>f1"));
    QHash<QString, CollapsedBranch> collapsed;
    const QList<GraphNodeInput> input = GraphLayout::collapse(nodes, {QStringLiteral("m")}, &collapsed);
    QCOMPARE(collapsed.size(), 1);
    const QString summary = collapsed.keys().first();
    QCOMPARE(collapsed.value(summary).merge, QStringLiteral("m"));
    QCOMPARE(collapsed.value(summary).revisions, (QStringList{QStringLiteral("f2"), QStringLiteral("f1")}));
    Result<GraphLayout> layout = GraphLayout::compute(input);
    QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().toString()));
    checkInvariants(*layout);
    QCOMPARE(layout->rowCount(), 8);   // nine revisions, two of them in one node
    QCOMPARE(layout->rowOf(QStringLiteral("f1")), -1);
    QCOMPARE(layout->rowOf(QStringLiteral("f2")), -1);
    // m revises b and the summary; the summary revises a and depends on b; x's link moved to it.
    QCOMPARE(edgesOf(*layout).split(QLatin1Char(' ')).filter(summary).size(), 4);
    QVERIFY(edgesOf(*layout).contains(QStringLiteral("m>") + summary));
    QVERIFY(edgesOf(*layout).contains(summary + QStringLiteral(">a")));
    QVERIFY(edgesOf(*layout).contains(summary + QStringLiteral("~b")));
    QVERIFY(edgesOf(*layout).contains(QStringLiteral("x~") + summary));
    // Nothing to collapse, nothing changes.
    QHash<QString, CollapsedBranch> none;
    QCOMPARE(GraphLayout::collapse(nodes, {QStringLiteral("b")}, &none).size(), nodes.size());
    QVERIFY(none.isEmpty());
    // Both merges, on the 2,000-revision history: fewer rows, invariants hold.
    const QList<GraphNodeInput> large = generateHistory(2000, 3);
    QSet<QString> merges;
    for (const GraphNodeInput &node : large)
        if (node.parents.size() > 1)
            merges << node.id;
    QVERIFY(merges.size() > 20);
    QHash<QString, CollapsedBranch> many;
    Result<GraphLayout> collapsedLayout = GraphLayout::compute(GraphLayout::collapse(large, merges, &many));
    QVERIFY(collapsedLayout.ok());
    checkInvariants(*collapsedLayout);
    int hidden = 0;
    for (const CollapsedBranch &branch : std::as_const(many))
        hidden += int(branch.revisions.size());
    QCOMPARE(collapsedLayout->rowCount(), 2000 - hidden + int(many.size()));
    QVERIFY(collapsedLayout->rowCount() < 1800);
}

void tst_GraphLayout::errors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing parent") << "a: b:zz" << "Revision b refers to zz, which is not in the graph";
    QTest::newRow("missing dependency") << "a: b:a>zz" << "Revision b refers to zz, which is not in the graph";
    QTest::newRow("duplicate") << "a: a:" << "Revision a appears more than once";
    QTest::newRow("cycle with a root") << "a: b:a,c c:b" << "Cycle in the revision graph at";
    QTest::newRow("cycle without a root") << "a:b b:a" << "Cycle in the revision graph at";
}

void tst_GraphLayout::errors()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    Result<GraphLayout> result = GraphLayout::compute(parseSpec(spec));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.startsWith(message), qPrintable(result.error().message));
}

void tst_GraphLayout::largeHistoryHoldsInvariants()
{
    const QList<GraphNodeInput> nodes = generateHistory(2000, 7);
    Result<GraphLayout> result = GraphLayout::compute(nodes);
    QVERIFY(result.ok());
    QCOMPARE(result->rowCount(), 2000);
    checkInvariants(*result);
    // Branches merge back, so the graph stays narrow however long the history grows.
    QVERIFY2(result->laneCount() <= 16, qPrintable(QString::number(result->laneCount())));
}

void tst_GraphLayout::benchmarkTenThousand()
{
    // Measured, not asserted (target: under 200 ms); `-tickcounter` or `-iterations` for more.
    const QList<GraphNodeInput> nodes = generateHistory(10000, 1);
    QElapsedTimer timer;
    timer.start();
    Result<GraphLayout> once = GraphLayout::compute(nodes);
    qInfo("layout of %d revisions: %lld ms, %d lanes", int(nodes.size()), timer.elapsed(),
          once.ok() ? once->laneCount() : -1);
    QVERIFY(once.ok());
    QBENCHMARK {
        Result<GraphLayout> layout = GraphLayout::compute(nodes);
        QVERIFY(layout.ok());
    }
}

QTEST_GUILESS_MAIN(tst_GraphLayout)
#include "tst_graphlayout.moc"
