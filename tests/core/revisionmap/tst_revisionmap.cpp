// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Expected values were produced by Alembic 1.8.1 (alembic.script.revision.RevisionMap and
// ScriptDirectory) on the same graphs, in the same load order. Most graphs and cases are those
// of Alembic's own tests/test_revision.py and tests/test_version_traversal.py.

#include "stratum/revision/revisionmap.h"

#include "../../support/revisiongraphs.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace Stratum;
using namespace Stratum::TestGraphs;

namespace {

QStringList ids(const QList<const Revision *> &revisions)
{
    QStringList out;
    for (const Revision *revision : revisions)
        out.append(revision->id);
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The revision error behind a command error: the hint when there is one.
QString detail(const Error &error)
{
    return error.hint.isEmpty() ? error.message : error.hint;
}

QString files(const QStringList &revisionIds)
{
    QStringList paths;
    for (const QString &id : revisionIds)
        paths.append(QStringLiteral("/v/%1.sql").arg(id));
    return (paths.size() == 1 ? QStringLiteral("; file: ") : QStringLiteral("; files: "))
           + paths.join(QLatin1String(", "));
}

} // namespace

class tst_RevisionMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_data();
    void build();
    void flags();
    void branchLabels_data();
    void branchLabels();
    void normalizedDependencies();
    void iterate_data();
    void iterate();
    void resolve_data();
    void resolve();
    void resolveOne_data();
    void resolveOne();
    void resolveRelative_data();
    void resolveRelative();
    void walk_data();
    void walk();
    void steps_data();
    void steps();
    void stamp_data();
    void stamp();
    void allCurrent_data();
    void allCurrent();
    void related_data();
    void related();
    void lineage_data();
    void lineage();
    void buildErrors_data();
    void buildErrors();
    void fileErrors_data();
    void fileErrors();
    void scale();
};

void tst_RevisionMap::build_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<QStringList>("bases");
    QTest::addColumn<QStringList>("realHeads");
    QTest::addColumn<QStringList>("realBases");
    QTest::newRow("simple") << "simple" << QStringList{"c"} << QStringList{"a"} << QStringList{"c"} << QStringList{"a"};
    QTest::newRow("twoHeads") << "twoHeads" << QStringList{"c1", "c2"} << QStringList{"a"} << QStringList{"c1", "c2"} << QStringList{"a"};
    QTest::newRow("twoBases") << "twoBases" << QStringList{"b", "d"} << QStringList{"a", "c"} << QStringList{"b", "d"} << QStringList{"a", "c"};
    QTest::newRow("diamond") << "diamond" << QStringList{"d"} << QStringList{"a"} << QStringList{"d"} << QStringList{"a"};
    QTest::newRow("labeled") << "labeled" << QStringList{"c", "f"} << QStringList{"a", "d"} << QStringList{"c", "f"} << QStringList{"a", "d"};
    QTest::newRow("longShort") << "longShort" << QStringList{"b2", "d11", "d12"} << QStringList{"a"} << QStringList{"b2", "d11", "d12"} << QStringList{"a"};
    QTest::newRow("multipleBranch") << "multipleBranch" << QStringList{"d1cb1", "d2cb1", "d3cb2", "d1d2cb2"} << QStringList{"a"} << QStringList{"d1cb1", "d2cb1", "d3cb2", "d1d2cb2"} << QStringList{"a"};
    QTest::newRow("effectiveHead") << "effectiveHead" << QStringList{"y2", "x2"} << QStringList{"y1", "x1"} << QStringList{"y2", "x2"} << QStringList{"y1", "x1"};
    QTest::newRow("branchTravelling") << "branchTravelling" << QStringList{"fe1b1", "merge"} << QStringList{"a1"} << QStringList{"fe1b1", "merge"} << QStringList{"a1"};
    QTest::newRow("multipleBase") << "multipleBase" << QStringList{"b1a", "b1b", "mergeb3d2"} << QStringList{"base1", "base2", "base3"} << QStringList{"b1a", "b1b", "mergeb3d2"} << QStringList{"base1", "base2", "base3"};
    QTest::newRow("crossDependencyOne") << "crossDependencyOne" << QStringList{"b1a", "b1b", "d2", "b3"} << QStringList{"base1", "base2", "base3"} << QStringList{"b1a", "b1b", "d2", "b3"} << QStringList{"base1", "base2", "base3"};
    QTest::newRow("crossDependencyTwo") << "crossDependencyTwo" << QStringList{"c1", "d2", "d3"} << QStringList{"base1", "base2", "base3"} << QStringList{"c1", "d2", "d3"} << QStringList{"base1", "base3"};
    QTest::newRow("crossDependencyThree") << "crossDependencyThree" << QStringList{"b1", "c3"} << QStringList{"base1", "c2"} << QStringList{"b1", "c3"} << QStringList{"base1"};
    QTest::newRow("normalizedDown") << "normalizedDown" << QStringList{"a3", "b5"} << QStringList{"a1", "b1"} << QStringList{"b5"} << QStringList{"a1", "b1"};
    QTest::newRow("dupeHead") << "dupeHead" << QStringList{"user"} << QStringList{"user_foo"} << QStringList{"user"} << QStringList{"user_foo"};
    QTest::newRow("overlapping") << "overlapping" << QStringList{"user_foo", "user"} << QStringList{"user_foo", "user"} << QStringList{"user"} << QStringList{"user_foo"};
    QTest::newRow("path") << "path" << QStringList{"3975fb1a0125"} << QStringList{"e6239818bb3a"} << QStringList{"3975fb1a0125"} << QStringList{"e6239818bb3a"};
    QTest::newRow("branched") << "branched" << QStringList{"d1d1", "d2d2"} << QStringList{"a0a0"} << QStringList{"d1d1", "d2d2"} << QStringList{"a0a0"};
    QTest::newRow("fromMergepoint") << "fromMergepoint" << QStringList{"d1", "d2"} << QStringList{"a1", "a2"} << QStringList{"d1", "d2"} << QStringList{"a1", "a2"};
    QTest::newRow("from3wayMergepoint") << "from3wayMergepoint" << QStringList{"d1", "d2", "d3"} << QStringList{"a1", "a2", "a3"} << QStringList{"d1", "d2", "d3"} << QStringList{"a1", "a2", "a3"};
    QTest::newRow("twinMerge") << "twinMerge" << QStringList{"d1", "d2"} << QStringList{"a"} << QStringList{"d1", "d2"} << QStringList{"a"};
    QTest::newRow("notQuiteTwinMerge") << "notQuiteTwinMerge" << QStringList{"d1", "d2"} << QStringList{"a"} << QStringList{"d1", "d2"} << QStringList{"a"};
    QTest::newRow("dependsOnBranchOne") << "dependsOnBranchOne" << QStringList{"c2", "f1"} << QStringList{"a1", "a2"} << QStringList{"c2", "f1"} << QStringList{"a1", "a2"};
    QTest::newRow("dependsOnBranchThree") << "dependsOnBranchThree" << QStringList{"b3", "a3"} << QStringList{"a1", "b1"} << QStringList{"b3", "a3"} << QStringList{"a1", "b1"};
    QTest::newRow("dependsOnOwnDownrev") << "dependsOnOwnDownrev" << QStringList{"a2"} << QStringList{"a1"} << QStringList{"a2"} << QStringList{"a1"};
    QTest::newRow("dependsOnBranchFour") << "dependsOnBranchFour" << QStringList{"a3", "b4"} << QStringList{"a1", "b1"} << QStringList{"b4"} << QStringList{"a1", "b1"};
    QTest::newRow("dependsOnBranchFive") << "dependsOnBranchFive" << QStringList{"bmerge"} << QStringList{"a1", "b1"} << QStringList{"bmerge"} << QStringList{"a1"};
    QTest::newRow("dependsOnLabel") << "dependsOnLabel" << QStringList{"c2", "f1"} << QStringList{"a1", "a2"} << QStringList{"c2", "f1"} << QStringList{"a1", "a2"};
    QTest::newRow("forest") << "forest" << QStringList{"b1", "b2"} << QStringList{"a1", "a2"} << QStringList{"b1", "b2"} << QStringList{"a1", "a2"};
    QTest::newRow("mergedPath") << "mergedPath" << QStringList{"ffff"} << QStringList{"aaaa"} << QStringList{"ffff"} << QStringList{"aaaa"};
    QTest::newRow("crossDependencies") << "crossDependencies" << QStringList{"d1d1", "d2d2"} << QStringList{"aaaa"} << QStringList{"d1d1", "d2d2"} << QStringList{"aaaa"};
    QTest::newRow("prefixes") << "prefixes" << QStringList{"feature_x"} << QStringList{"ae1027a6acf2"} << QStringList{"feature_x"} << QStringList{"ae1027a6acf2"};
    QTest::newRow("outOfOrder") << "outOfOrder" << QStringList{"d"} << QStringList{"a"} << QStringList{"d"} << QStringList{"a"};
    QTest::newRow("empty") << "empty" << QStringList{} << QStringList{} << QStringList{} << QStringList{};
}

void tst_RevisionMap::build()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, heads);
    QFETCH(QStringList, bases);
    QFETCH(QStringList, realHeads);
    QFETCH(QStringList, realBases);

    const RevisionMap map = load(graph);
    QCOMPARE(map.size(), graphs().value(graph).size());
    QCOMPARE(map.heads(), heads);
    QCOMPARE(map.bases(), bases);
    QCOMPARE(map.realHeads(), realHeads);
    QCOMPARE(map.realBases(), realBases);
    // Load order is kept.
    QStringList loaded;
    for (const QString &spec : graphs().value(graph))
        loaded.append(scriptFromSpec(spec).revision);
    QCOMPARE(ids(map.revisions()), loaded);
}

void tst_RevisionMap::flags()
{
    // b has no child through Revises but c depends on it: a head, yet not a real one.
    Result<RevisionMap> built = RevisionMap::build(
        scriptsFromSpecs({QStringLiteral("a"), QStringLiteral("b<a"), QStringLiteral("c dep=b"),
                          QStringLiteral("d<a"), QStringLiteral("m<c,d")}));
    QVERIFY(built);
    const RevisionMap &map = *built;
    const Revision *a = map.revision(QStringLiteral("a"));
    const Revision *b = map.revision(QStringLiteral("b"));
    const Revision *c = map.revision(QStringLiteral("c"));
    const Revision *m = map.revision(QStringLiteral("m"));
    QVERIFY(a && b && c && m);
    QVERIFY(!map.revision(QStringLiteral("zzzz")));
    QVERIFY(a->isBase && a->isRealBase && a->isBranchPoint && !a->isHead);
    QCOMPARE(a->nextRevisions, (QStringList{QStringLiteral("b"), QStringLiteral("d")}));
    QVERIFY(b->isHead && !b->isRealHead && !b->isBranchPoint && !b->isRealBranchPoint);
    QCOMPARE(b->allNextRevisions, QStringList{QStringLiteral("c")});
    QVERIFY(c->isBase && !c->isRealBase);
    QCOMPARE(c->resolvedDependencies, QStringList{QStringLiteral("b")});
    QCOMPARE(c->allDownRevisions(), QStringList{QStringLiteral("b")});
    QVERIFY(m->isMergePoint && m->isHead && m->isRealHead);
    QCOMPARE(map.heads(), (QStringList{QStringLiteral("b"), QStringLiteral("m")}));
    QCOMPARE(map.realHeads(), QStringList{QStringLiteral("m")});
    QCOMPARE(map.bases(), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    QCOMPARE(map.realBases(), QStringList{QStringLiteral("a")});
}

void tst_RevisionMap::branchLabels_data()
{
    // Alembic keeps labels in a set; compared here without order.
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("labeled") << "labeled" << QStringList{QStringLiteral("a=abranch"), QStringLiteral("b=abranch"), QStringLiteral("somelongername=abranch"), QStringLiteral("c=abranch"), QStringLiteral("d=ebranch"), QStringLiteral("e=ebranch"), QStringLiteral("someothername=ebranch"), QStringLiteral("f=ebranch")};
    QTest::newRow("effectiveHead") << "effectiveHead" << QStringList{QStringLiteral("y1=y"), QStringLiteral("x1=x"), QStringLiteral("y2=y"), QStringLiteral("x2=x")};
    QTest::newRow("crossDependencyOne") << "crossDependencyOne" << QStringList{QStringLiteral("base1=b_1"), QStringLiteral("a1a=b_1"), QStringLiteral("a1b=b_1"), QStringLiteral("b1a=b_1"), QStringLiteral("b1b=b_1"), QStringLiteral("base2=b_2"), QStringLiteral("a2=b_2"), QStringLiteral("b2=b_2"), QStringLiteral("c2=b_2"), QStringLiteral("d2=b_2"), QStringLiteral("base3=b_3"), QStringLiteral("a3=b_3"), QStringLiteral("b3=b_3")};
    QTest::newRow("crossDependencyTwo") << "crossDependencyTwo" << QStringList{QStringLiteral("base1=b_1"), QStringLiteral("a1=b_1"), QStringLiteral("b1=b_1"), QStringLiteral("c1=b_1"), QStringLiteral("base2=b_2"), QStringLiteral("a2=b_2"), QStringLiteral("b2=b_2"), QStringLiteral("c2=b_2"), QStringLiteral("d2=b_2"), QStringLiteral("base3=b_3"), QStringLiteral("a3=b_3"), QStringLiteral("b3=b_3"), QStringLiteral("c3=b_3"), QStringLiteral("d3=b_3")};
    QTest::newRow("branched") << "branched" << QStringList{QStringLiteral("c1c1=c1branch"), QStringLiteral("d1d1=c1branch"), QStringLiteral("c2c2=c2branch"), QStringLiteral("d2d2=c2branch")};
    QTest::newRow("dependsOnBranchOne") << "dependsOnBranchOne" << QStringList{QStringLiteral("a1=lib1"), QStringLiteral("b1=lib1"), QStringLiteral("c1=lib1"), QStringLiteral("d1=lib1"), QStringLiteral("e1=lib1"), QStringLiteral("f1=lib1")};
    QTest::newRow("dependsOnLabel") << "dependsOnLabel" << QStringList{QStringLiteral("a1=lib1"), QStringLiteral("b1=lib1"), QStringLiteral("c1=c1lib,lib1"), QStringLiteral("d1=c1lib,lib1"), QStringLiteral("e1=c1lib,lib1"), QStringLiteral("f1=c1lib,lib1")};
    QTest::newRow("mergedPath") << "mergedPath" << QStringList{QStringLiteral("c2c2=c2branch"), QStringLiteral("d2d2=c2branch"), QStringLiteral("eeee=c2branch"), QStringLiteral("ffff=c2branch")};
    QTest::newRow("crossDependencies") << "crossDependencies" << QStringList{QStringLiteral("c1c1=c1branch"), QStringLiteral("d1d1=c1branch"), QStringLiteral("c2c2=c2branch"), QStringLiteral("d2d2=c2branch")};
    QTest::newRow("prefixes") << "prefixes" << QStringList{QStringLiteral("ae1027a6acf2=feat"), QStringLiteral("ae10ffff0000=feat"), QStringLiteral("1975ea83b712=feat"), QStringLiteral("19a=feat"), QStringLiteral("feature_x=feat")};
}

void tst_RevisionMap::branchLabels()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, labels);

    const RevisionMap map = load(graph);
    QStringList actual;
    for (const Revision *revision : map.revisions()) {
        if (!revision->branchLabels.isEmpty())
            actual.append(revision->id + QLatin1Char('=')
                          + sorted(revision->branchLabels).join(QLatin1Char(',')));
    }
    QCOMPARE(actual, labels);
}

void tst_RevisionMap::normalizedDependencies()
{
    const RevisionMap map = load(QStringLiteral("normalizedDown"));
    const Revision *b4 = map.revision(QStringLiteral("b4"));
    QVERIFY(b4);
    QCOMPARE(b4->allDownRevisions(), (QStringList{QStringLiteral("b3"), QStringLiteral("a3")}));
    // a3 is left out: ancestor b2 already depends on it.
    QCOMPARE(b4->normalizedDownRevisions(), QStringList{QStringLiteral("b3")});
    QVERIFY(b4->normalizedDependencies.isEmpty());
    const Revision *b5 = map.revision(QStringLiteral("b5"));
    QCOMPARE(b5->allDownRevisions(), QStringList{QStringLiteral("b4")});
    QCOMPARE(b5->normalizedDownRevisions(), QStringList{QStringLiteral("b4")});
}

void tst_RevisionMap::iterate_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("upper");
    QTest::addColumn<QString>("lower");
    QTest::addColumn<bool>("implicitBase");
    QTest::addColumn<bool>("inclusive");
    QTest::addColumn<bool>("selectForDowngrade");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("simple c,c:a ") << "simple" << "c,c" << "a" << false << false << false << QStringList{"c", "b"} << "";
    QTest::newRow("diamond d:a +inclusive") << "diamond" << "d" << "a" << false << true << false << QStringList{"d", "c", "b1", "b2", "a"} << "";
    QTest::newRow("empty head:base +inclusive") << "empty" << "head" << "base" << false << true << false << QStringList{} << "";
    QTest::newRow("labeled heads:ebranch@base +inclusive") << "labeled" << "heads" << "ebranch@base" << false << true << false << QStringList{"f", "someothername", "e", "d"} << "";
    QTest::newRow("labeled heads:abranch@base +inclusive") << "labeled" << "heads" << "abranch@base" << false << true << false << QStringList{"c", "somelongername", "b", "a"} << "";
    QTest::newRow("labeled ebranch@head:base +inclusive") << "labeled" << "ebranch@head" << "base" << false << true << false << QStringList{"f", "someothername", "e", "d"} << "";
    QTest::newRow("labeled abranch@head:base +inclusive") << "labeled" << "abranch@head" << "base" << false << true << false << QStringList{"c", "somelongername", "b", "a"} << "";
    QTest::newRow("labeled heads:ebranch@head +inclusive") << "labeled" << "heads" << "ebranch@head" << false << true << false << QStringList{"f"} << "";
    QTest::newRow("labeled heads:ebranch@d +inclusive") << "labeled" << "heads" << "ebranch@d" << false << true << false << QStringList{"f", "someothername", "e", "d"} << "";
    QTest::newRow("labeled heads:e@base +inclusive") << "labeled" << "heads" << "e@base" << false << true << false << QStringList{"f", "someothername", "e", "d"} << "";
    QTest::newRow("labeled heads:c@base +inclusive") << "labeled" << "heads" << "c@base" << false << true << false << QStringList{"c", "somelongername", "b", "a"} << "";
    QTest::newRow("labeled heads:ebranch@-2 +inclusive") << "labeled" << "heads" << "ebranch@-2" << false << true << false << QStringList{"f", "someothername", "e"} << "";
    QTest::newRow("labeled ebranch@+2:base +inclusive") << "labeled" << "ebranch@+2" << "base" << false << true << false << QStringList{"e", "d"} << "";
    QTest::newRow("longShort heads:base +inclusive") << "longShort" << "heads" << "base" << false << true << false << QStringList{"b2", "d11", "d12", "c1", "b1", "a"} << "";
    QTest::newRow("multipleBranch d1d2cb2:a +inclusive") << "multipleBranch" << "d1d2cb2" << "a" << false << true << false << QStringList{"d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a"} << "";
    QTest::newRow("multipleBranch d2cb2,d3cb2:a +inclusive") << "multipleBranch" << "d2cb2,d3cb2" << "a" << false << true << false << QStringList{"d2cb2", "d3cb2", "cb2", "b2", "a"} << "";
    QTest::newRow("multipleBranch d3cb2:a +inclusive") << "multipleBranch" << "d3cb2" << "a" << false << true << false << QStringList{"d3cb2", "cb2", "b2", "a"} << "";
    QTest::newRow("multipleBranch d3cb2:base +inclusive") << "multipleBranch" << "d3cb2" << "base" << false << true << false << QStringList{"d3cb2", "cb2", "b2", "a"} << "";
    QTest::newRow("multipleBranch d3cb2,cb1:base +inclusive") << "multipleBranch" << "d3cb2,cb1" << "base" << false << true << false << QStringList{"cb1", "b1", "d3cb2", "cb2", "b2", "a"} << "";
    QTest::newRow("multipleBranch d1cb1,d2cb2,d3cb2:b2 +inclusive") << "multipleBranch" << "d1cb1,d2cb2,d3cb2" << "b2" << false << true << false << QStringList{"d2cb2", "d3cb2", "cb2", "b2"} << "";
    QTest::newRow("multipleBranch b1:d1cb1 +inclusive") << "multipleBranch" << "b1" << "d1cb1" << false << true << false << QStringList{} << "Revision d1cb1 is not an ancestor of revision b1";
    QTest::newRow("multipleBranch d2cb2:b1 +inclusive") << "multipleBranch" << "d2cb2" << "b1" << false << true << false << QStringList{} << "Revision b1 is not an ancestor of revision d2cb2";
    // Several revisions read as a list, not as Python's ('b1', 'b2').
    QTest::newRow("multipleBranch b1,b2:d1cb1 +inclusive") << "multipleBranch" << "b1,b2" << "d1cb1" << false << true << false << QStringList{} << "Revision d1cb1 is not an ancestor of revision b1, b2";
    QTest::newRow("multipleBranch :d1cb1 +inclusive") << "multipleBranch" << "" << "d1cb1" << false << true << false << QStringList{} << "Revision d1cb1 is not an ancestor of revision base";
    QTest::newRow("effectiveHead x2,y2:x@-1 +down") << "effectiveHead" << "x2,y2" << "x@-1" << false << false << true << QStringList{"x2"} << "";
    QTest::newRow("effectiveHead x1,y2:x@-1 +down") << "effectiveHead" << "x1,y2" << "x@-1" << false << false << true << QStringList{"y2", "x1"} << "";
    QTest::newRow("effectiveHead y2:x@-1 +down") << "effectiveHead" << "y2" << "x@-1" << false << false << true << QStringList{"y2", "x1"} << "";
    QTest::newRow("branchTravelling merge:db1 implicit+inclusive") << "branchTravelling" << "merge" << "db1" << true << true << false << QStringList{"merge", "e2b1", "db1", "e2b2", "db2", "cb2", "b2"} << "";
    QTest::newRow("branchTravelling merge,fe1b1:a3 +inclusive") << "branchTravelling" << "merge,fe1b1" << "a3" << false << true << false << QStringList{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3"} << "";
    QTest::newRow("branchTravelling merge:a1 +inclusive") << "branchTravelling" << "merge" << "a1" << false << true << false << QStringList{"merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"} << "";
    QTest::newRow("branchTravelling merge:b1 +inclusive") << "branchTravelling" << "merge" << "b1" << false << true << false << QStringList{"merge", "e2b1", "db1", "cb1", "b1"} << "";
    QTest::newRow("branchTravelling merge:a2 +inclusive") << "branchTravelling" << "merge" << "a2" << false << true << false << QStringList{"merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2"} << "";
    QTest::newRow("branchTravelling merge,fe1b1:a1 +inclusive") << "branchTravelling" << "merge,fe1b1" << "a1" << false << true << false << QStringList{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"} << "";
    QTest::newRow("branchTravelling merge,fe1b1:cb1,cb2 +inclusive") << "branchTravelling" << "merge,fe1b1" << "cb1,cb2" << false << true << false << QStringList{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2"} << "";
    QTest::newRow("branchTravelling merge,fe1b1:cb1,cb2 ") << "branchTravelling" << "merge,fe1b1" << "cb1,cb2" << false << false << false << QStringList{"fe1b1", "e1b1", "merge", "e2b1", "db1", "e2b2", "db2"} << "";
    QTest::newRow("branchTravelling db1,b2,fe1b1: +inclusive") << "branchTravelling" << "db1,b2,fe1b1" << "" << false << true << false << QStringList{} << "Requested revision fe1b1 overlaps with other requested revisions db1";
    QTest::newRow("branchTravelling e2b1,b2,fe1b1: ") << "branchTravelling" << "e2b1,b2,fe1b1" << "" << false << false << false << QStringList{"b2", "fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1"} << "";
    QTest::newRow("branchTravelling fe1b1:base ") << "branchTravelling" << "fe1b1" << "base" << false << false << false << QStringList{"fe1b1", "e1b1", "db1", "cb1", "b1", "a3", "a2", "a1"} << "";
    QTest::newRow("multipleBase heads:base +inclusive") << "multipleBase" << "heads" << "base" << false << true << false << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2"} << "";
    QTest::newRow("multipleBase heads:base ") << "multipleBase" << "heads" << "base" << false << false << false << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2"} << "";
    QTest::newRow("multipleBase heads: +inclusive") << "multipleBase" << "heads" << "" << false << true << false << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2"} << "";
    QTest::newRow("multipleBase c2:a2,b2 +inclusive") << "multipleBase" << "c2" << "a2,b2" << false << true << false << QStringList{} << "Requested revision b2 overlaps with other requested revisions a2";
    QTest::newRow("multipleBase heads:c2 implicit") << "multipleBase" << "heads" << "c2" << true << false << false << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2"} << "";
    QTest::newRow("multipleBase heads:c2 ") << "multipleBase" << "heads" << "c2" << false << false << false << QStringList{"mergeb3d2", "d2"} << "";
    QTest::newRow("multipleBase heads:c2 implicit+inclusive") << "multipleBase" << "heads" << "c2" << true << true << false << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2"} << "";
    QTest::newRow("multipleBase b3:base3 +inclusive") << "multipleBase" << "b3" << "base3" << false << true << false << QStringList{"b3", "a3", "base3"} << "";
    QTest::newRow("multipleBase b3,b2:base3 implicit") << "multipleBase" << "b3,b2" << "base3" << true << false << false << QStringList{"b2", "a2", "base2", "b3", "a3"} << "";
    QTest::newRow("crossDependencyOne heads:base +inclusive") << "crossDependencyOne" << "heads" << "base" << false << true << false << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne heads:base +inclusive+down") << "crossDependencyOne" << "heads" << "base" << false << true << true << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne b2:d2 +inclusive") << "crossDependencyOne" << "b2" << "d2" << false << true << false << QStringList{} << "Revision d2 is not an ancestor of revision b2";
    QTest::newRow("crossDependencyOne b3:d2 +inclusive") << "crossDependencyOne" << "b3" << "d2" << false << true << false << QStringList{} << "Revision d2 is not an ancestor of revision b3";
    QTest::newRow("crossDependencyOne b_2@head:base +inclusive") << "crossDependencyOne" << "b_2@head" << "base" << false << true << false << QStringList{"d2", "c2", "b2", "a2", "base2", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne b_2@head:b_2@base +inclusive+down") << "crossDependencyOne" << "b_2@head" << "b_2@base" << false << true << true << QStringList{"d2", "c2", "b2", "a2", "base2"} << "";
    QTest::newRow("crossDependencyOne b_3@head:base +inclusive") << "crossDependencyOne" << "b_3@head" << "base" << false << true << false << QStringList{"b3", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne b_3@head:base +inclusive+down") << "crossDependencyOne" << "b_3@head" << "base" << false << true << true << QStringList{"b3", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne b1b@head:base +inclusive") << "crossDependencyOne" << "b1b@head" << "base" << false << true << false << QStringList{"b1b", "a1b", "base1", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne b1b@head:b1b@base +inclusive+down") << "crossDependencyOne" << "b1b@head" << "b1b@base" << false << true << true << QStringList{"b1b", "a1b", "base1"} << "";
    QTest::newRow("crossDependencyOne heads:b_2@base +inclusive") << "crossDependencyOne" << "heads" << "b_2@base" << false << true << false << QStringList{"d2", "c2", "b2", "a2", "base2", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne heads:b_2@base +inclusive+down") << "crossDependencyOne" << "heads" << "b_2@base" << false << true << true << QStringList{"d2", "c2", "b2", "a2", "base2"} << "";
    QTest::newRow("crossDependencyOne heads:b_3@base +inclusive") << "crossDependencyOne" << "heads" << "b_3@base" << false << true << false << QStringList{"b3", "a3", "base3"} << "";
    QTest::newRow("crossDependencyOne heads:b_3@base +inclusive+down") << "crossDependencyOne" << "heads" << "b_3@base" << false << true << true << QStringList{"b1b", "d2", "c2", "b3", "a3", "base3"} << "";
    QTest::newRow("crossDependencyTwo heads:base +inclusive") << "crossDependencyTwo" << "heads" << "base" << false << true << false << QStringList{"c1", "b1", "a1", "d2", "c2", "d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"} << "";
    QTest::newRow("crossDependencyTwo b_2@head:base +inclusive") << "crossDependencyTwo" << "b_2@head" << "base" << false << true << false << QStringList{"d2", "c2", "b2", "a2", "base2", "base1"} << "";
    QTest::newRow("crossDependencyTwo b_3@head:base +inclusive") << "crossDependencyTwo" << "b_3@head" << "base" << false << true << false << QStringList{"d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"} << "";
    QTest::newRow("crossDependencyTwo b_1@head:base +inclusive") << "crossDependencyTwo" << "b_1@head" << "base" << false << true << false << QStringList{"c1", "b1", "a1", "base1"} << "";
    QTest::newRow("crossDependencyTwo heads:b_1@base +inclusive") << "crossDependencyTwo" << "heads" << "b_1@base" << false << true << false << QStringList{"c1", "b1", "a1", "base1"} << "";
    QTest::newRow("crossDependencyTwo heads:b_2@base +inclusive") << "crossDependencyTwo" << "heads" << "b_2@base" << false << true << false << QStringList{"d2", "c2", "b2", "a2", "base2", "base1"} << "";
    QTest::newRow("crossDependencyTwo heads:b_3@base +inclusive") << "crossDependencyTwo" << "heads" << "b_3@base" << false << true << false << QStringList{"d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"} << "";
    QTest::newRow("crossDependencyThree heads:base +inclusive") << "crossDependencyThree" << "heads" << "base" << false << true << false << QStringList{"b1", "c3", "c2", "a1", "base1"} << "";
    QTest::newRow("normalizedDown b4:b1@base +inclusive+down") << "normalizedDown" << "b4" << "b1@base" << false << true << true << QStringList{"b4", "b3", "b2", "b1"} << "";
    QTest::newRow("normalizedDown heads:base +inclusive+down") << "normalizedDown" << "heads" << "base" << false << true << true << QStringList{"b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1"} << "";
    QTest::newRow("normalizedDown heads:a2 +inclusive+down") << "normalizedDown" << "heads" << "a2" << false << true << true << QStringList{"b5", "b4", "b3", "b2", "a3", "a2"} << "";
    QTest::newRow("normalizedDown heads:a2 implicit+inclusive+down") << "normalizedDown" << "heads" << "a2" << true << true << true << QStringList{"b5", "b4", "b3", "b2", "b1", "a3", "a2"} << "";
    QTest::newRow("normalizedDown b5:b1 implicit+inclusive") << "normalizedDown" << "b5" << "b1" << true << true << false << QStringList{"b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1"} << "";
    QTest::newRow("dupeHead heads: +inclusive") << "dupeHead" << "heads" << "" << false << true << false << QStringList{"user", "user_foo"} << "";
    QTest::newRow("overlapping heads: +inclusive") << "overlapping" << "heads" << "" << false << true << false << QStringList{"user", "user_foo"} << "";
    QTest::newRow("twoHeads head:base +inclusive") << "twoHeads" << "head" << "base" << false << true << false << QStringList{} << "Multiple heads are present for given argument 'head'; c1, c2";
    QTest::newRow("labeled heads:nosuch@base +inclusive") << "labeled" << "heads" << "nosuch@base" << false << true << false << QStringList{} << "No such revision or branch 'nosuch'";
    QTest::newRow("path head:base ") << "path" << "head" << "base" << false << false << false << QStringList{"3975fb1a0125", "1bbe33445780", "b7ea43dc85e4", "548bbb905360", "e6239818bb3a"} << "";
    QTest::newRow("outOfOrder heads:base +inclusive") << "outOfOrder" << "heads" << "base" << false << true << false << QStringList{"d", "c", "b", "a"} << "";
}

void tst_RevisionMap::iterate()
{
    QFETCH(QString, graph);
    QFETCH(QString, upper);
    QFETCH(QString, lower);
    QFETCH(bool, implicitBase);
    QFETCH(bool, inclusive);
    QFETCH(bool, selectForDowngrade);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const Result<QList<const Revision *>> order =
        map.iterateRevisions(upper, lower, implicitBase, inclusive, true, selectForDowngrade);
    if (!error.isEmpty()) {
        QVERIFY(!order);
        QCOMPARE(detail(order.error()), error);
        QCOMPARE(order.error().code, int(Error::Input));
        return;
    }
    QVERIFY2(order, qPrintable(order ? QString() : order.error().toString()));
    QCOMPARE(ids(*order), expected);
}

void tst_RevisionMap::resolve_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("hint");
    QTest::newRow("labeled ebranch@head") << "labeled" << "ebranch@head" << QStringList{"f"} << "" << "";
    QTest::newRow("labeled abranch@head") << "labeled" << "abranch@head" << QStringList{"c"} << "" << "";
    QTest::newRow("labeled abranch@base") << "labeled" << "abranch@base" << QStringList{} << "" << "";
    QTest::newRow("labeled ebranch@d") << "labeled" << "ebranch@d" << QStringList{"d"} << "" << "";
    QTest::newRow("labeled ebranch@ebranch") << "labeled" << "ebranch@ebranch" << QStringList{"e"} << "" << "";
    QTest::newRow("labeled abranch") << "labeled" << "abranch" << QStringList{"a"} << "" << "";
    QTest::newRow("labeled ebranch") << "labeled" << "ebranch" << QStringList{"e"} << "" << "";
    QTest::newRow("labeled ebranch@some") << "labeled" << "ebranch@some" << QStringList{"someothername"} << "" << "";
    QTest::newRow("labeled abranch@some") << "labeled" << "abranch@some" << QStringList{"somelongername"} << "" << "";
    QTest::newRow("labeled ebranch@sos") << "labeled" << "ebranch@sos" << QStringList{} << "Can't locate revision identified by 'sos'" << "No such revision or branch 'sos'; please ensure at least four characters are present for partial revision identifier matches";
    QTest::newRow("labeled abranch@heads") << "labeled" << "abranch@heads" << QStringList{"c"} << "" << "";
    QTest::newRow("labeled ebranch@b") << "labeled" << "ebranch@b" << QStringList{} << "Can't locate revision identified by 'b'" << "Revision b is not a member of branch 'ebranch'";
    QTest::newRow("labeled abranch@d") << "labeled" << "abranch@d" << QStringList{} << "Can't locate revision identified by 'd'" << "Revision d is not a member of branch 'abranch'";
    QTest::newRow("labeled e") << "labeled" << "e" << QStringList{"e"} << "" << "";
    QTest::newRow("labeled abranch@qprstuv") << "labeled" << "abranch@qprstuv" << QStringList{} << "Can't locate revision identified by 'qprstuv'" << "No such revision or branch 'qprstuv'";
    QTest::newRow("labeled abranch@qpr") << "labeled" << "abranch@qpr" << QStringList{} << "Can't locate revision identified by 'qpr'" << "No such revision or branch 'qpr'; please ensure at least four characters are present for partial revision identifier matches";
    QTest::newRow("labeled e@d") << "labeled" << "e@d" << QStringList{"d"} << "" << "";
    QTest::newRow("labeled someoth@d") << "labeled" << "someoth@d" << QStringList{"d"} << "" << "";
    QTest::newRow("labeled x@d") << "labeled" << "x@d" << QStringList{} << "Can't locate revision identified by 'x'" << "No such branch: 'x'";
    QTest::newRow("labeled heads") << "labeled" << "heads" << QStringList{"c", "f"} << "" << "";
    QTest::newRow("labeled head") << "labeled" << "head" << QStringList{} << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads" << "Multiple heads are present for given argument 'head'; c, f";
    QTest::newRow("labeled base") << "labeled" << "base" << QStringList{} << "" << "";
    QTest::newRow("labeled -1") << "labeled" << "-1" << QStringList{"somelongername", "someothername"} << "" << "";
    QTest::newRow("labeled ebranch@-1") << "labeled" << "ebranch@-1" << QStringList{"someothername"} << "" << "";
    QTest::newRow("labeled abranch@-3") << "labeled" << "abranch@-3" << QStringList{"a"} << "" << "";
    QTest::newRow("labeled f,c") << "labeled" << "f,c" << QStringList{"f", "c"} << "" << "";
    QTest::newRow("twoHeads head") << "twoHeads" << "head" << QStringList{} << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads" << "Multiple heads are present for given argument 'head'; c1, c2";
    QTest::newRow("twoHeads heads") << "twoHeads" << "heads" << QStringList{"c1", "c2"} << "" << "";
    QTest::newRow("twoHeads c1@head") << "twoHeads" << "c1@head" << QStringList{"c1"} << "" << "";
    QTest::newRow("twoHeads -1") << "twoHeads" << "-1" << QStringList{"b", "b"} << "" << "";
    QTest::newRow("prefixes ae10") << "prefixes" << "ae10" << QStringList{} << "Can't locate revision identified by 'ae10'" << "Multiple revisions start with 'ae10': 'ae1027a6acf2', 'ae10ffff0000'...";
    QTest::newRow("prefixes ae102") << "prefixes" << "ae102" << QStringList{"ae1027a6acf2"} << "" << "";
    QTest::newRow("prefixes 19a") << "prefixes" << "19a" << QStringList{"19a"} << "" << "";
    QTest::newRow("prefixes 1975") << "prefixes" << "1975" << QStringList{"1975ea83b712"} << "" << "";
    QTest::newRow("prefixes 197") << "prefixes" << "197" << QStringList{"1975ea83b712"} << "" << "";
    QTest::newRow("prefixes feat") << "prefixes" << "feat" << QStringList{"feature_x"} << "" << "";
    QTest::newRow("prefixes featu") << "prefixes" << "featu" << QStringList{"feature_x"} << "" << "";
    QTest::newRow("prefixes feat@head") << "prefixes" << "feat@head" << QStringList{"feature_x"} << "" << "";
    QTest::newRow("prefixes zzzz") << "prefixes" << "zzzz" << QStringList{} << "Can't locate revision identified by 'zzzz'" << "No such revision or branch 'zzzz'";
    QTest::newRow("effectiveHead heads") << "effectiveHead" << "heads" << QStringList{"y2", "x2"} << "" << "";
    QTest::newRow("effectiveHead x@heads") << "effectiveHead" << "x@heads" << QStringList{"x2"} << "" << "";
    QTest::newRow("effectiveHead y@head") << "effectiveHead" << "y@head" << QStringList{"y2"} << "" << "";
    QTest::newRow("empty head") << "empty" << "head" << QStringList{} << "" << "";
    QTest::newRow("empty heads") << "empty" << "heads" << QStringList{} << "" << "";
    QTest::newRow("empty base") << "empty" << "base" << QStringList{} << "" << "";
}

void tst_RevisionMap::resolve()
{
    QFETCH(QString, graph);
    QFETCH(QString, identifier);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);
    QFETCH(QString, hint);

    const RevisionMap map = load(graph);
    const Result<QList<const Revision *>> resolved = map.resolve(identifier);
    if (!error.isEmpty()) {
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().message, error);
        QCOMPARE(resolved.error().hint, hint);
        return;
    }
    QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().toString()));
    QCOMPARE(ids(*resolved), expected);
}

void tst_RevisionMap::resolveOne_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("expected");   // empty: base (no revision)
    QTest::addColumn<QString>("error");
    QTest::newRow("labeled ebranch@head") << "labeled" << "ebranch@head" << "f" << "";
    QTest::newRow("labeled abranch@head") << "labeled" << "abranch@head" << "c" << "";
    QTest::newRow("labeled abranch@base") << "labeled" << "abranch@base" << "" << "";
    QTest::newRow("labeled ebranch@d") << "labeled" << "ebranch@d" << "d" << "";
    QTest::newRow("labeled ebranch@ebranch") << "labeled" << "ebranch@ebranch" << "e" << "";
    QTest::newRow("labeled abranch") << "labeled" << "abranch" << "a" << "";
    QTest::newRow("labeled ebranch") << "labeled" << "ebranch" << "e" << "";
    QTest::newRow("labeled ebranch@some") << "labeled" << "ebranch@some" << "someothername" << "";
    QTest::newRow("labeled abranch@some") << "labeled" << "abranch@some" << "somelongername" << "";
    QTest::newRow("labeled ebranch@sos") << "labeled" << "ebranch@sos" << "" << "Can't locate revision identified by 'sos'";
    QTest::newRow("labeled abranch@heads") << "labeled" << "abranch@heads" << "c" << "";
    QTest::newRow("labeled ebranch@b") << "labeled" << "ebranch@b" << "" << "Can't locate revision identified by 'b'";
    QTest::newRow("labeled abranch@d") << "labeled" << "abranch@d" << "" << "Can't locate revision identified by 'd'";
    QTest::newRow("labeled e") << "labeled" << "e" << "e" << "";
    QTest::newRow("labeled abranch@qprstuv") << "labeled" << "abranch@qprstuv" << "" << "Can't locate revision identified by 'qprstuv'";
    QTest::newRow("labeled abranch@qpr") << "labeled" << "abranch@qpr" << "" << "Can't locate revision identified by 'qpr'";
    QTest::newRow("labeled e@d") << "labeled" << "e@d" << "d" << "";
    QTest::newRow("labeled someoth@d") << "labeled" << "someoth@d" << "d" << "";
    QTest::newRow("labeled x@d") << "labeled" << "x@d" << "" << "Can't locate revision identified by 'x'";
    QTest::newRow("labeled heads") << "labeled" << "heads" << "" << "Multiple head revisions are present for given argument 'heads'; please specify a specific target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("labeled head") << "labeled" << "head" << "" << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("labeled base") << "labeled" << "base" << "" << "";
    QTest::newRow("labeled -1") << "labeled" << "-1" << "" << "Can't locate revision identified by '-1'";
    QTest::newRow("labeled ebranch@-1") << "labeled" << "ebranch@-1" << "" << "Can't locate revision identified by '-1'";
    QTest::newRow("labeled abranch@-3") << "labeled" << "abranch@-3" << "" << "Can't locate revision identified by '-3'";
    QTest::newRow("labeled f,c") << "labeled" << "f,c" << "" << "Multiple head revisions are present for given argument 'f, c'; please specify a specific target revision, '<branchname>@f, c' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("twoHeads head") << "twoHeads" << "head" << "" << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("twoHeads heads") << "twoHeads" << "heads" << "" << "Multiple head revisions are present for given argument 'heads'; please specify a specific target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("twoHeads c1@head") << "twoHeads" << "c1@head" << "c1" << "";
    QTest::newRow("twoHeads -1") << "twoHeads" << "-1" << "" << "Can't locate revision identified by '-1'";
    QTest::newRow("prefixes ae10") << "prefixes" << "ae10" << "" << "Can't locate revision identified by 'ae10'";
    QTest::newRow("prefixes ae102") << "prefixes" << "ae102" << "ae1027a6acf2" << "";
    QTest::newRow("prefixes 19a") << "prefixes" << "19a" << "19a" << "";
    QTest::newRow("prefixes 1975") << "prefixes" << "1975" << "1975ea83b712" << "";
    QTest::newRow("prefixes 197") << "prefixes" << "197" << "1975ea83b712" << "";
    QTest::newRow("prefixes feat") << "prefixes" << "feat" << "feature_x" << "";
    QTest::newRow("prefixes featu") << "prefixes" << "featu" << "feature_x" << "";
    QTest::newRow("prefixes feat@head") << "prefixes" << "feat@head" << "feature_x" << "";
    QTest::newRow("prefixes zzzz") << "prefixes" << "zzzz" << "" << "Can't locate revision identified by 'zzzz'";
    QTest::newRow("effectiveHead heads") << "effectiveHead" << "heads" << "" << "Multiple head revisions are present for given argument 'heads'; please specify a specific target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("effectiveHead x@heads") << "effectiveHead" << "x@heads" << "x2" << "";
    QTest::newRow("effectiveHead y@head") << "effectiveHead" << "y@head" << "y2" << "";
    QTest::newRow("empty head") << "empty" << "head" << "" << "";
    QTest::newRow("empty heads") << "empty" << "heads" << "" << "";
    QTest::newRow("empty base") << "empty" << "base" << "" << "";
}

void tst_RevisionMap::resolveOne()
{
    QFETCH(QString, graph);
    QFETCH(QString, identifier);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const Result<const Revision *> resolved = map.resolveOne(identifier);
    if (!error.isEmpty()) {
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().message, error);
        return;
    }
    QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().toString()));
    QCOMPARE(*resolved ? (*resolved)->id : QString(), expected);
}

void tst_RevisionMap::resolveRelative_data()
{
    // Not in Alembic's get_revisions(): the upgrade-target forms, resolved from an empty database.
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("head-1") << "simple" << "head-1" << QStringList{"b"} << "";
    QTest::newRow("head-2") << "simple" << "head-2" << QStringList{"a"} << "";
    QTest::newRow("head-3 is base") << "simple" << "head-3" << QStringList{} << "";
    QTest::newRow("rev+1") << "simple" << "a+1" << QStringList{"b"} << "";
    QTest::newRow("prefix+2") << "path" << "e623+2" << QStringList{"b7ea43dc85e4"} << "";
    QTest::newRow("base+1") << "path" << "base+1" << QStringList{"e6239818bb3a"} << "";
    QTest::newRow("label@head-1") << "labeled" << "ebranch@head-1" << QStringList{"someothername"} << "";
    QTest::newRow("label@base+2") << "labeled" << "ebranch@base+2" << QStringList{"e"} << "";
    QTest::newRow("too far") << "simple" << "a+5" << QStringList{} << "Can't locate revision identified by 'a+5'";
    QTest::newRow("+1 needs a database") << "simple" << "+1" << QStringList{} << "Can't locate revision identified by '+1'";
}

void tst_RevisionMap::resolveRelative()
{
    QFETCH(QString, graph);
    QFETCH(QString, identifier);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const Result<QList<const Revision *>> resolved = map.resolve(identifier);
    if (!error.isEmpty()) {
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().message, error);
        return;
    }
    QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().toString()));
    QCOMPARE(ids(*resolved), expected);
}

void tst_RevisionMap::walk_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("head");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("simple base:heads") << "simple" << "base" << "heads" << QStringList{"c", "b", "a"} << "";
    QTest::newRow("simple b:a") << "simple" << "b" << "a" << QStringList{} << "Requested range b:a does not refer to ancestor/descendant revisions along the same branch";
    QTest::newRow("simple -1:heads") << "simple" << "-1" << "heads" << QStringList{"c", "b"} << "";
    QTest::newRow("simple a:b") << "simple" << "a" << "b" << QStringList{"b", "a"} << "";
    QTest::newRow("twoHeads base:head") << "twoHeads" << "base" << "head" << QStringList{} << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("twoHeads base:heads") << "twoHeads" << "base" << "heads" << QStringList{"c1", "c2", "b", "a"} << "";
    QTest::newRow("twoHeads b:c1") << "twoHeads" << "b" << "c1" << QStringList{"c1", "b"} << "";
    QTest::newRow("labeled ebranch@base:heads") << "labeled" << "ebranch@base" << "heads" << QStringList{"f", "someothername", "e", "d"} << "";
    QTest::newRow("labeled base:abranch@head") << "labeled" << "base" << "abranch@head" << QStringList{"c", "somelongername", "b", "a"} << "";
    QTest::newRow("labeled zzzz:heads") << "labeled" << "zzzz" << "heads" << QStringList{} << "Can't locate revision identified by 'zzzz'";
    QTest::newRow("mergedPath base:heads") << "mergedPath" << "base" << "heads" << QStringList{"ffff", "eeee", "d1d1", "c1c1", "d2d2", "c2c2", "bbbb", "aaaa"} << "";
    QTest::newRow("mergedPath c2c2:ffff") << "mergedPath" << "c2c2" << "ffff" << QStringList{"ffff", "eeee", "d2d2", "c2c2"} << "";
    QTest::newRow("mergedPath c2branch@base:heads") << "mergedPath" << "c2branch@base" << "heads" << QStringList{"ffff", "eeee", "d1d1", "c1c1", "d2d2", "c2c2", "bbbb", "aaaa"} << "";
    QTest::newRow("crossDependencyOne base:heads") << "crossDependencyOne" << "base" << "heads" << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3"} << "";
    QTest::newRow("multipleBase base:heads") << "multipleBase" << "base" << "heads" << QStringList{"b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2"} << "";
    QTest::newRow("empty base:heads") << "empty" << "base" << "heads" << QStringList{} << "";
    QTest::newRow("branchTravelling a3:heads") << "branchTravelling" << "a3" << "heads" << QStringList{"fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3"} << "";
    QTest::newRow("outOfOrder base:heads") << "outOfOrder" << "base" << "heads" << QStringList{"d", "c", "b", "a"} << "";
}

void tst_RevisionMap::walk()
{
    QFETCH(QString, graph);
    QFETCH(QString, base);
    QFETCH(QString, head);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const Result<QList<const Revision *>> order = map.walkRevisions(base, head);
    if (!error.isEmpty()) {
        QVERIFY(!order);
        QCOMPARE(order.error().message, error);
        return;
    }
    QVERIFY2(order, qPrintable(order ? QString() : order.error().toString()));
    QCOMPARE(ids(*order), expected);
}

void tst_RevisionMap::steps_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("expected");   // shortLog() of each step, in run order
    QTest::addColumn<QString>("error");
    QTest::newRow("path up 3975fb1a0125 from b7ea43dc85e4") << "path" << "up" << "3975fb1a0125" << QStringList{"b7ea43dc85e4"} << QStringList{"upgrade b7ea43dc85e4 -> 1bbe33445780", "upgrade 1bbe33445780 -> 3975fb1a0125"} << "";
    QTest::newRow("path up b7ea43dc85e4 from ()") << "path" << "up" << "b7ea43dc85e4" << QStringList{} << QStringList{"upgrade  -> e6239818bb3a", "upgrade e6239818bb3a -> 548bbb905360", "upgrade 548bbb905360 -> b7ea43dc85e4"} << "";
    QTest::newRow("path up +2 from e6239818bb3a") << "path" << "up" << "+2" << QStringList{"e6239818bb3a"} << QStringList{"upgrade e6239818bb3a -> 548bbb905360", "upgrade 548bbb905360 -> b7ea43dc85e4"} << "";
    QTest::newRow("path up +1 from e6239818bb3a") << "path" << "up" << "+1" << QStringList{"e6239818bb3a"} << QStringList{"upgrade e6239818bb3a -> 548bbb905360"} << "";
    QTest::newRow("path up +3 from 548bbb905360") << "path" << "up" << "+3" << QStringList{"548bbb905360"} << QStringList{"upgrade 548bbb905360 -> b7ea43dc85e4", "upgrade b7ea43dc85e4 -> 1bbe33445780", "upgrade 1bbe33445780 -> 3975fb1a0125"} << "";
    QTest::newRow("path up 548bbb905360+2 from e6239818bb3a") << "path" << "up" << "548bbb905360+2" << QStringList{"e6239818bb3a"} << QStringList{"upgrade e6239818bb3a -> 548bbb905360", "upgrade 548bbb905360 -> b7ea43dc85e4", "upgrade b7ea43dc85e4 -> 1bbe33445780"} << "";
    QTest::newRow("path up 1bbe33445780-2 from e6239818bb3a") << "path" << "up" << "1bbe33445780-2" << QStringList{"e6239818bb3a"} << QStringList{"upgrade e6239818bb3a -> 548bbb905360"} << "";
    QTest::newRow("path up -2 from 548bbb905360") << "path" << "up" << "-2" << QStringList{"548bbb905360"} << QStringList{} << "Relative revision -2 didn't produce 2 migrations";
    QTest::newRow("path up +5 from 548bbb905360") << "path" << "up" << "+5" << QStringList{"548bbb905360"} << QStringList{} << "Relative revision +5 didn't produce 5 migrations";
    QTest::newRow("path down b7ea43dc85e4 from 3975fb1a0125") << "path" << "down" << "b7ea43dc85e4" << QStringList{"3975fb1a0125"} << QStringList{"downgrade 3975fb1a0125 -> 1bbe33445780", "downgrade 1bbe33445780 -> b7ea43dc85e4"} << "";
    QTest::newRow("path down base from b7ea43dc85e4") << "path" << "down" << "base" << QStringList{"b7ea43dc85e4"} << QStringList{"downgrade b7ea43dc85e4 -> 548bbb905360", "downgrade 548bbb905360 -> e6239818bb3a", "downgrade e6239818bb3a -> "} << "";
    QTest::newRow("path down -1 from b7ea43dc85e4") << "path" << "down" << "-1" << QStringList{"b7ea43dc85e4"} << QStringList{"downgrade b7ea43dc85e4 -> 548bbb905360"} << "";
    QTest::newRow("path down -3 from 3975fb1a0125") << "path" << "down" << "-3" << QStringList{"3975fb1a0125"} << QStringList{"downgrade 3975fb1a0125 -> 1bbe33445780", "downgrade 1bbe33445780 -> b7ea43dc85e4", "downgrade b7ea43dc85e4 -> 548bbb905360"} << "";
    QTest::newRow("path down e6239818bb3a+2 from 1bbe33445780") << "path" << "down" << "e6239818bb3a+2" << QStringList{"1bbe33445780"} << QStringList{"downgrade 1bbe33445780 -> b7ea43dc85e4"} << "";
    QTest::newRow("path down b7ea43dc85e4-2 from 1bbe33445780") << "path" << "down" << "b7ea43dc85e4-2" << QStringList{"1bbe33445780"} << QStringList{"downgrade 1bbe33445780 -> b7ea43dc85e4", "downgrade b7ea43dc85e4 -> 548bbb905360", "downgrade 548bbb905360 -> e6239818bb3a"} << "";
    QTest::newRow("path down -5 from 548bbb905360") << "path" << "down" << "-5" << QStringList{"548bbb905360"} << QStringList{} << "Relative revision -5 didn't produce 5 migrations";
    QTest::newRow("path down +2 from 548bbb905360") << "path" << "down" << "+2" << QStringList{"548bbb905360"} << QStringList{} << "Relative revision +2 didn't produce 2 migrations";
    QTest::newRow("path down 548 from ()") << "path" << "down" << "548" << QStringList{} << QStringList{} << "Destination 548 is not a valid downgrade target from current head(s)";
    QTest::newRow("path down b7ea from 548bbb905360") << "path" << "down" << "b7ea" << QStringList{"548bbb905360"} << QStringList{} << "Destination b7ea is not a valid downgrade target from current head(s)";
    QTest::newRow("path down base from ()") << "path" << "down" << "base" << QStringList{} << QStringList{} << "";
    QTest::newRow("path down e6239818bb3a from e6239818bb3a") << "path" << "down" << "e6239818bb3a" << QStringList{"e6239818bb3a"} << QStringList{} << "";
    QTest::newRow("path down 3975fb1a0125 from 3975fb1a0125") << "path" << "down" << "3975fb1a0125" << QStringList{"3975fb1a0125"} << QStringList{} << "";
    QTest::newRow("path up heads from zzzz") << "path" << "up" << "heads" << QStringList{"zzzz"} << QStringList{} << "Can't locate revision identified by 'zzzz'";
    QTest::newRow("path up 1bbe from 3975fb1a0125") << "path" << "up" << "1bbe" << QStringList{"3975fb1a0125"} << QStringList{} << "";
    QTest::newRow("branched up d1d1 from b0b0") << "branched" << "up" << "d1d1" << QStringList{"b0b0"} << QStringList{"upgrade b0b0 -> c1c1", "upgrade c1c1 -> d1d1"} << "";
    QTest::newRow("branched up d1d1,d2d2 from a0a0") << "branched" << "up" << "d1d1,d2d2" << QStringList{"a0a0"} << QStringList{"upgrade a0a0 -> b0b0", "upgrade b0b0 -> c2c2", "upgrade c2c2 -> d2d2", "upgrade b0b0 -> c1c1", "upgrade c1c1 -> d1d1"} << "";
    QTest::newRow("branched down a0a0 from d1d1,d2d2") << "branched" << "down" << "a0a0" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d1d1 -> c1c1", "downgrade c1c1 -> b0b0", "downgrade d2d2 -> c2c2", "downgrade c2c2 -> b0b0", "downgrade b0b0 -> a0a0"} << "";
    QTest::newRow("branched up c2branch@head-1 from b0b0") << "branched" << "up" << "c2branch@head-1" << QStringList{"b0b0"} << QStringList{"upgrade b0b0 -> c2c2"} << "";
    QTest::newRow("branched down base+2 from d2d2,d1d1") << "branched" << "down" << "base+2" << QStringList{"d2d2", "d1d1"} << QStringList{"downgrade d1d1 -> c1c1", "downgrade c1c1 -> b0b0", "downgrade d2d2 -> c2c2", "downgrade c2c2 -> b0b0"} << "";
    QTest::newRow("branched down c2branch@base+2 from d2d2,d1d1") << "branched" << "down" << "c2branch@base+2" << QStringList{"d2d2", "d1d1"} << QStringList{"downgrade d2d2 -> c2c2", "downgrade c2c2 -> b0b0"} << "";
    QTest::newRow("branched down c2c2 from d2d2,d1d1") << "branched" << "down" << "c2c2" << QStringList{"d2d2", "d1d1"} << QStringList{"downgrade d2d2 -> c2c2"} << "";
    QTest::newRow("branched down c2branch@base+3 from d2d2,d1d1") << "branched" << "down" << "c2branch@base+3" << QStringList{"d2d2", "d1d1"} << QStringList{"downgrade d2d2 -> c2c2"} << "";
    QTest::newRow("branched down -1 from d2d2,d1d1") << "branched" << "down" << "-1" << QStringList{"d2d2", "d1d1"} << QStringList{"downgrade d2d2 -> c2c2"} << "";
    QTest::newRow("branched down -1 from c2c2,d1d1") << "branched" << "down" << "-1" << QStringList{"c2c2", "d1d1"} << QStringList{"downgrade c2c2 -> b0b0"} << "";
    QTest::newRow("branched down -1 from d1d1,d2d2") << "branched" << "down" << "-1" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d1d1 -> c1c1"} << "";
    QTest::newRow("branched down -1 from c1c1,d2d2") << "branched" << "down" << "-1" << QStringList{"c1c1", "d2d2"} << QStringList{"downgrade c1c1 -> b0b0"} << "";
    QTest::newRow("branched down c1branch@-1 from d1d1,d2d2") << "branched" << "down" << "c1branch@-1" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d1d1 -> c1c1"} << "";
    QTest::newRow("branched down d2d2-1 from d2d2,c1c1") << "branched" << "down" << "d2d2-1" << QStringList{"d2d2", "c1c1"} << QStringList{"downgrade d2d2 -> c2c2"} << "";
    QTest::newRow("branched down d2d2-1 from c1c1,d2d2") << "branched" << "down" << "d2d2-1" << QStringList{"c1c1", "d2d2"} << QStringList{"downgrade d2d2 -> c2c2"} << "";
    QTest::newRow("branched down c1branch@b0b0 from c1c1,d2d2") << "branched" << "down" << "c1branch@b0b0" << QStringList{"c1c1", "d2d2"} << QStringList{"downgrade c1c1 -> b0b0"} << "";
    QTest::newRow("branched down c2branch@b0b0 from c1c1,d2d2") << "branched" << "down" << "c2branch@b0b0" << QStringList{"c1c1", "d2d2"} << QStringList{"downgrade d2d2 -> c2c2", "downgrade c2c2 -> b0b0"} << "";
    QTest::newRow("branched down c2c2@b0b0 from d1d1,d2d2") << "branched" << "down" << "c2c2@b0b0" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d2d2 -> c2c2", "downgrade c2c2 -> b0b0"} << "";
    QTest::newRow("branched down d1d1@b0b0 from d1d1,d2d2") << "branched" << "down" << "d1d1@b0b0" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d1d1 -> c1c1", "downgrade c1c1 -> b0b0"} << "";
    QTest::newRow("branched down c1branch@head-1 from d1d1,d2d2") << "branched" << "down" << "c1branch@head-1" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d1d1 -> c1c1"} << "";
    QTest::newRow("branched up c2branch@+1 from c1c1") << "branched" << "up" << "c2branch@+1" << QStringList{"c1c1"} << QStringList{"upgrade b0b0 -> c2c2"} << "";
    QTest::newRow("branched up c2branch@+1 from c1c1,c2c2") << "branched" << "up" << "c2branch@+1" << QStringList{"c1c1", "c2c2"} << QStringList{"upgrade c2c2 -> d2d2"} << "";
    QTest::newRow("branched up +1 from c1c1,c2c2") << "branched" << "up" << "+1" << QStringList{"c1c1", "c2c2"} << QStringList{} << "Ambiguous upgrade from multiple current revisions";
    QTest::newRow("branched up base+1 from ()") << "branched" << "up" << "base+1" << QStringList{} << QStringList{"upgrade  -> a0a0"} << "";
    QTest::newRow("branched up +1 from ()") << "branched" << "up" << "+1" << QStringList{} << QStringList{"upgrade  -> a0a0"} << "";
    QTest::newRow("branched down -1 from a0a0") << "branched" << "down" << "-1" << QStringList{"a0a0"} << QStringList{"downgrade a0a0 -> "} << "";
    QTest::newRow("branched down -1 from ()") << "branched" << "down" << "-1" << QStringList{} << QStringList{} << "Relative revision -1 didn't produce 1 migrations";
    QTest::newRow("branched down c2c2 from d1d1,c2c2") << "branched" << "down" << "c2c2" << QStringList{"d1d1", "c2c2"} << QStringList{} << "";
    QTest::newRow("branched down d1d1 from d1d1,c2c2") << "branched" << "down" << "d1d1" << QStringList{"d1d1", "c2c2"} << QStringList{} << "";
    QTest::newRow("branched up head from ()") << "branched" << "up" << "head" << QStringList{} << QStringList{} << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("branched up heads from ()") << "branched" << "up" << "heads" << QStringList{} << QStringList{"upgrade  -> a0a0", "upgrade a0a0 -> b0b0", "upgrade b0b0 -> c2c2", "upgrade c2c2 -> d2d2", "upgrade b0b0 -> c1c1", "upgrade c1c1 -> d1d1"} << "";
    QTest::newRow("fromMergepoint up d1 from d2,b1") << "fromMergepoint" << "up" << "d1" << QStringList{"d2", "b1"} << QStringList{"upgrade b1 -> c1", "upgrade c1, c2 -> d1"} << "";
    QTest::newRow("fromMergepoint down b1 from d2,d1") << "fromMergepoint" << "down" << "b1" << QStringList{"d2", "d1"} << QStringList{"downgrade d1 -> c1, c2", "downgrade c1 -> b1"} << "";
    QTest::newRow("from3wayMergepoint up d1 from d3,d2,b1") << "from3wayMergepoint" << "up" << "d1" << QStringList{"d3", "d2", "b1"} << QStringList{"upgrade b1 -> c1", "upgrade c1, c2, c3 -> d1"} << "";
    QTest::newRow("from3wayMergepoint down b1 from d3,d2,d1") << "from3wayMergepoint" << "down" << "b1" << QStringList{"d3", "d2", "d1"} << QStringList{"downgrade d1 -> c1, c2, c3", "downgrade c1 -> b1"} << "";
    QTest::newRow("from3wayMergepoint up d1 from d3,b2,b1") << "from3wayMergepoint" << "up" << "d1" << QStringList{"d3", "b2", "b1"} << QStringList{"upgrade b2 -> c2", "upgrade b1 -> c1", "upgrade c1, c2, c3 -> d1"} << "";
    QTest::newRow("from3wayMergepoint up d2 from d3,d1") << "from3wayMergepoint" << "up" << "d2" << QStringList{"d3", "d1"} << QStringList{"upgrade c2 -> d2"} << "";
    QTest::newRow("dependsOnBranchThree down b1 from a3,b2") << "dependsOnBranchThree" << "down" << "b1" << QStringList{"a3", "b2"} << QStringList{"downgrade b2 -> b1"} << "";
    QTest::newRow("dependsOnOwnDownrev up a2 from ()") << "dependsOnOwnDownrev" << "up" << "a2" << QStringList{} << QStringList{"upgrade  -> a1", "upgrade a1 -> a2"} << "";
    QTest::newRow("dependsOnOwnDownrev down a1 from a2") << "dependsOnOwnDownrev" << "down" << "a1" << QStringList{"a2"} << QStringList{"downgrade a2 -> a1"} << "";
    QTest::newRow("dependsOnBranchFour down b3 from b4") << "dependsOnBranchFour" << "down" << "b3" << QStringList{"b4"} << QStringList{"downgrade b4 -> b3"} << "";
    QTest::newRow("dependsOnBranchFive up b1 from a1") << "dependsOnBranchFive" << "up" << "b1" << QStringList{"a1"} << QStringList{"upgrade  -> b1"} << "";
    QTest::newRow("dependsOnBranchFive up bmerge from b1") << "dependsOnBranchFive" << "up" << "bmerge" << QStringList{"b1"} << QStringList{"upgrade a1, b1 -> bmerge"} << "";
    QTest::newRow("dependsOnBranchFive down a1 from bmerge") << "dependsOnBranchFive" << "down" << "a1" << QStringList{"bmerge"} << QStringList{"downgrade bmerge -> a1, b1"} << "";
    QTest::newRow("dependsOnBranchFive down b1 from bmerge") << "dependsOnBranchFive" << "down" << "b1" << QStringList{"bmerge"} << QStringList{"downgrade bmerge -> a1, b1"} << "";
    QTest::newRow("dependsOnLabel up c2 from a2") << "dependsOnLabel" << "up" << "c2" << QStringList{"a2"} << QStringList{"upgrade  -> a1", "upgrade a1 -> b1", "upgrade b1 -> c1", "upgrade a2 -> b2", "upgrade b2 -> c2"} << "";
    QTest::newRow("forest up heads from ()") << "forest" << "up" << "heads" << QStringList{} << QStringList{"upgrade  -> a2", "upgrade a2 -> b2", "upgrade  -> a1", "upgrade a1 -> b1"} << "";
    QTest::newRow("mergedPath up ffff from bbbb") << "mergedPath" << "up" << "ffff" << QStringList{"bbbb"} << QStringList{"upgrade bbbb -> c2c2", "upgrade c2c2 -> d2d2", "upgrade bbbb -> c1c1", "upgrade c1c1 -> d1d1", "upgrade d1d1, d2d2 -> eeee", "upgrade eeee -> ffff"} << "";
    QTest::newRow("mergedPath down bbbb from ffff") << "mergedPath" << "down" << "bbbb" << QStringList{"ffff"} << QStringList{"downgrade ffff -> eeee", "downgrade eeee -> d1d1, d2d2", "downgrade d1d1 -> c1c1", "downgrade c1c1 -> bbbb", "downgrade d2d2 -> c2c2", "downgrade c2c2 -> bbbb"} << "";
    QTest::newRow("crossDependencies down c2branch@bbbb from d1d1,d2d2") << "crossDependencies" << "down" << "c2branch@bbbb" << QStringList{"d1d1", "d2d2"} << QStringList{"downgrade d2d2 -> c2c2", "downgrade c2c2 -> bbbb"} << "";
    QTest::newRow("effectiveHead up heads from ()") << "effectiveHead" << "up" << "heads" << QStringList{} << QStringList{"upgrade  -> x1", "upgrade x1 -> x2", "upgrade  -> y1", "upgrade y1 -> y2"} << "";
    QTest::newRow("effectiveHead down x@-1 from x2,y2") << "effectiveHead" << "down" << "x@-1" << QStringList{"x2", "y2"} << QStringList{"downgrade x2 -> x1"} << "";
    QTest::newRow("effectiveHead down x@-1 from y2") << "effectiveHead" << "down" << "x@-1" << QStringList{"y2"} << QStringList{"downgrade y2 -> y1", "downgrade x1 -> "} << "";
    QTest::newRow("twoHeads up head from ()") << "twoHeads" << "up" << "head" << QStringList{} << QStringList{} << "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";
    QTest::newRow("twoHeads down base from c1,c2") << "twoHeads" << "down" << "base" << QStringList{"c1", "c2"} << QStringList{"downgrade c1 -> b", "downgrade c2 -> b", "downgrade b -> a", "downgrade a -> "} << "";
    QTest::newRow("twoHeads up c1@head from ()") << "twoHeads" << "up" << "c1@head" << QStringList{} << QStringList{"upgrade  -> a", "upgrade a -> b", "upgrade b -> c1"} << "";
    QTest::newRow("crossDependencyOne up b_2@head from ()") << "crossDependencyOne" << "up" << "b_2@head" << QStringList{} << QStringList{"upgrade  -> base3", "upgrade base3 -> a3", "upgrade  -> base2", "upgrade base2 -> a2", "upgrade a2 -> b2", "upgrade b2 -> c2", "upgrade c2 -> d2"} << "";
    QTest::newRow("crossDependencyOne down b_3@base from b1a,b1b,d2,b3") << "crossDependencyOne" << "down" << "b_3@base" << QStringList{"b1a", "b1b", "d2", "b3"} << QStringList{"downgrade b1b -> a1b", "downgrade d2 -> c2", "downgrade c2 -> b2", "downgrade b3 -> a3", "downgrade a3 -> base3", "downgrade base3 -> "} << "";
}

void tst_RevisionMap::steps()
{
    QFETCH(QString, graph);
    QFETCH(QString, direction);
    QFETCH(QString, destination);
    QFETCH(QStringList, current);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const bool upgrade = direction == QLatin1String("up");
    const Result<QList<MigrationStep>> steps =
        upgrade ? map.upgradeSteps(destination, current) : map.downgradeSteps(destination, current);
    if (!error.isEmpty()) {
        QVERIFY(!steps);
        QCOMPARE(steps.error().message, error);
        return;
    }
    QVERIFY2(steps, qPrintable(steps ? QString() : steps.error().toString()));
    QStringList logs;
    for (const MigrationStep &step : *steps) {
        QCOMPARE(step.isUpgrade, upgrade);
        QVERIFY(!step.isStamp);
        QVERIFY(step.revision);
        QCOMPARE(step.revision, map.revision(step.revision->id));
        logs.append(step.shortLog());
    }
    QCOMPARE(logs, expected);
}

void tst_RevisionMap::stamp_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("destinations");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("expected");   // shortLog(), " (branch)" for branch moves
    QTest::addColumn<QString>("error");
    QTest::newRow("path stamp base from 1bbe33445780") << "path" << QStringList{"base"} << QStringList{"1bbe33445780"} << QStringList{"stamp_revision 1bbe33445780 ->  (branch)"} << "";
    QTest::newRow("branched stamp b0b0 from d1d1,c2c2") << "branched" << QStringList{"b0b0"} << QStringList{"d1d1", "c2c2"} << QStringList{"stamp_revision d1d1, c2c2 -> b0b0"} << "";
    QTest::newRow("branched stamp c1branch@base from d1d1,c2c2") << "branched" << QStringList{"c1branch@base"} << QStringList{"d1d1", "c2c2"} << QStringList{"stamp_revision d1d1 ->  (branch)"} << "";
    QTest::newRow("branched stamp c2branch@head from d1d1,c2c2") << "branched" << QStringList{"c2branch@head"} << QStringList{"d1d1", "c2c2"} << QStringList{"stamp_revision c2c2 -> d2d2"} << "";
    QTest::newRow("dependsOnBranchOne stamp b1 from e1,c2") << "dependsOnBranchOne" << QStringList{"b1"} << QStringList{"e1", "c2"} << QStringList{"stamp_revision e1, c2 -> b1"} << "";
    QTest::newRow("forest stamp heads from ()") << "forest" << QStringList{"heads"} << QStringList{} << QStringList{"stamp_revision  -> b1 (branch)", "stamp_revision  -> b2 (branch)"} << "";
    QTest::newRow("forest stamp heads from b1,b2") << "forest" << QStringList{"heads"} << QStringList{"b1", "b2"} << QStringList{} << "";
    QTest::newRow("mergedPath stamp c2c2 from eeee") << "mergedPath" << QStringList{"c2c2"} << QStringList{"eeee"} << QStringList{"stamp_revision eeee -> c2c2"} << "";
    QTest::newRow("mergedPath stamp aaaa from eeee") << "mergedPath" << QStringList{"aaaa"} << QStringList{"eeee"} << QStringList{"stamp_revision eeee -> aaaa"} << "";
    QTest::newRow("mergedPath stamp eeee from c2c2") << "mergedPath" << QStringList{"eeee"} << QStringList{"c2c2"} << QStringList{"stamp_revision c2c2 -> eeee"} << "";
    QTest::newRow("mergedPath stamp c2branch@head from d1d1,c2c2") << "mergedPath" << QStringList{"c2branch@head"} << QStringList{"d1d1", "c2c2"} << QStringList{"stamp_revision d1d1, c2c2 -> ffff"} << "";
    QTest::newRow("mergedPath stamp eeee from d1d1,c2c2") << "mergedPath" << QStringList{"eeee"} << QStringList{"d1d1", "c2c2"} << QStringList{"stamp_revision d1d1, c2c2 -> eeee"} << "";
    QTest::newRow("mergedPath stamp eeee from bbbb") << "mergedPath" << QStringList{"eeee"} << QStringList{"bbbb"} << QStringList{"stamp_revision bbbb -> eeee"} << "";
    QTest::newRow("twoHeads stamp head from ()") << "twoHeads" << QStringList{"head"} << QStringList{} << QStringList{} << "Multiple heads are present; please specify a single target revision";
    QTest::newRow("twoHeads stamp c1,c2 from a") << "twoHeads" << QStringList{"c1", "c2"} << QStringList{"a"} << QStringList{"stamp_revision a -> c1", "stamp_revision a -> c2"} << "";
    QTest::newRow("twoHeads stamp () from c1,c2") << "twoHeads" << QStringList{} << QStringList{"c1", "c2"} << QStringList{"stamp_revision c1 ->  (branch)", "stamp_revision c2 ->  (branch)"} << "";
    QTest::newRow("simple stamp zzzz from ()") << "simple" << QStringList{"zzzz"} << QStringList{} << QStringList{} << "Can't locate revision identified by 'zzzz'";
    QTest::newRow("forest stamp b1 from a2") << "forest" << QStringList{"b1"} << QStringList{"a2"} << QStringList{"stamp_revision  -> b1 (branch)"} << "";
}

void tst_RevisionMap::stamp()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, destinations);
    QFETCH(QStringList, current);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const Result<QList<MigrationStep>> steps = map.stampSteps(destinations, current);
    if (!error.isEmpty()) {
        QVERIFY(!steps);
        QCOMPARE(steps.error().message, error);
        return;
    }
    QVERIFY2(steps, qPrintable(steps ? QString() : steps.error().toString()));
    QStringList logs;
    for (const MigrationStep &step : *steps) {
        QVERIFY(step.isStamp);
        QVERIFY(!step.revision);
        logs.append(step.shortLog() + (step.branchMove ? QStringLiteral(" (branch)") : QString()));
    }
    QCOMPARE(logs, expected);
}

void tst_RevisionMap::allCurrent_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("effectiveHead y2") << "effectiveHead" << QStringList{"y2"} << QStringList{"x1", "y2"};
    QTest::newRow("effectiveHead x1,y2") << "effectiveHead" << QStringList{"x1", "y2"} << QStringList{"x1", "y2"};
    QTest::newRow("effectiveHead x2,y2") << "effectiveHead" << QStringList{"x2", "y2"} << QStringList{"x2", "y2"};
    QTest::newRow("branched d1d1,c2c2") << "branched" << QStringList{"d1d1", "c2c2"} << QStringList{"c2c2", "d1d1"};
    QTest::newRow("crossDependencyOne b1b,d2") << "crossDependencyOne" << QStringList{"b1b", "d2"} << QStringList{"a3", "b1b", "d2"};
    QTest::newRow("simple ()") << "simple" << QStringList{} << QStringList{};
    QTest::newRow("dependsOnBranchOne c2") << "dependsOnBranchOne" << QStringList{"c2"} << QStringList{"c1", "c2"};
    QTest::newRow("mergedPath eeee") << "mergedPath" << QStringList{"eeee"} << QStringList{"eeee"};
}

void tst_RevisionMap::allCurrent()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, heads);
    QFETCH(QStringList, expected);

    const RevisionMap map = load(graph);
    const Result<QSet<QString>> current = map.allCurrent(heads);
    QVERIFY(current);
    QCOMPARE(sorted(QStringList(current->cbegin(), current->cend())), expected);

    // The ordered variant lists the same revisions in load order.
    const Result<QList<const Revision *>> ordered = map.allCurrentRevisions(heads);
    QVERIFY(ordered);
    QCOMPARE(sorted(ids(*ordered)), expected);
    QStringList loadOrder = ids(map.revisions());
    QStringList inLoadOrder;
    for (const QString &id : loadOrder) {
        if (expected.contains(id))
            inLoadOrder.append(id);
    }
    QCOMPARE(ids(*ordered), inLoadOrder);
}

void tst_RevisionMap::related_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("identifiers");
    QTest::addColumn<bool>("includeDependencies");
    QTest::addColumn<QStringList>("ancestors");
    QTest::addColumn<QStringList>("descendants");
    QTest::newRow("branchTravelling merge with dependencies") << "branchTravelling" << QStringList{"merge"} << true << QStringList{"a1", "a2", "a3", "b1", "b2", "cb1", "cb2", "db1", "db2", "e2b1", "e2b2", "merge"} << QStringList{"merge"};
    QTest::newRow("branchTravelling db1") << "branchTravelling" << QStringList{"db1"} << false << QStringList{"a1", "a2", "a3", "b1", "cb1", "db1"} << QStringList{"db1", "e1b1", "e2b1", "fe1b1", "merge"};
    QTest::newRow("crossDependencyOne c2 with dependencies") << "crossDependencyOne" << QStringList{"c2"} << true << QStringList{"a2", "a3", "b2", "base2", "base3", "c2"} << QStringList{"c2", "d2"};
    QTest::newRow("crossDependencyOne c2") << "crossDependencyOne" << QStringList{"c2"} << false << QStringList{"a2", "b2", "base2", "c2"} << QStringList{"c2", "d2"};
    QTest::newRow("crossDependencyOne a3 with dependencies") << "crossDependencyOne" << QStringList{"a3"} << true << QStringList{"a3", "base3"} << QStringList{"a3", "b1b", "b3", "c2", "d2"};
    QTest::newRow("dependsOnBranchOne c1 with dependencies") << "dependsOnBranchOne" << QStringList{"c1"} << true << QStringList{"a1", "b1", "c1"} << QStringList{"c1", "c2", "d1", "e1", "f1"};
}

void tst_RevisionMap::related()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, identifiers);
    QFETCH(bool, includeDependencies);
    QFETCH(QStringList, ancestors);
    QFETCH(QStringList, descendants);

    const RevisionMap map = load(graph);
    const Result<QList<const Revision *>> up = map.ancestors(identifiers, includeDependencies);
    QVERIFY(up);
    QCOMPARE(sorted(ids(*up)), ancestors);
    const Result<QList<const Revision *>> down = map.descendants(identifiers, includeDependencies);
    QVERIFY(down);
    QCOMPARE(sorted(ids(*down)), descendants);
}

void tst_RevisionMap::lineage_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QString>("checkAgainst");
    QTest::addColumn<bool>("includeDependencies");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("labeled f heads") << "labeled" << QStringList{"f"} << "heads" << false << QStringList{"f"} << "";
    QTest::newRow("labeled a,b,c,d,e,f ebranch") << "labeled" << QStringList{"a", "b", "c", "d", "e", "f"} << "ebranch" << false << QStringList{"d", "e", "f"} << "";
    QTest::newRow("labeled a,b,c,d,e,f abranch@head") << "labeled" << QStringList{"a", "b", "c", "d", "e", "f"} << "abranch@head" << false << QStringList{"a", "b", "c"} << "";
    QTest::newRow("labeled f,c base") << "labeled" << QStringList{"f", "c"} << "base" << false << QStringList{"f", "c"} << "";
    QTest::newRow("branched d1d1,c2c2,a0a0 c1branch@head") << "branched" << QStringList{"d1d1", "c2c2", "a0a0"} << "c1branch@head" << false << QStringList{"d1d1", "a0a0"} << "";
    QTest::newRow("crossDependencies d2d2,c1c1,d1d1 c1c1") << "crossDependencies" << QStringList{"d2d2", "c1c1", "d1d1"} << "c1c1" << false << QStringList{"c1c1", "d1d1"} << "";
    QTest::newRow("crossDependencies d2d2,c1c1,d1d1 c1c1 with dependencies") << "crossDependencies" << QStringList{"d2d2", "c1c1", "d1d1"} << "c1c1" << true << QStringList{"d2d2", "c1c1", "d1d1"} << "";
    QTest::newRow("twoHeads c1,c2 head") << "twoHeads" << QStringList{"c1", "c2"} << "head" << false << QStringList{} << "Multiple heads are present for given argument 'head'; c1, c2";
}

void tst_RevisionMap::lineage()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, targets);
    QFETCH(QString, checkAgainst);
    QFETCH(bool, includeDependencies);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    const Result<QStringList> filtered =
        map.filterForLineage(targets, checkAgainst, includeDependencies);
    if (!error.isEmpty()) {
        QVERIFY(!filtered);
        QCOMPARE(detail(filtered.error()), error);
        return;
    }
    QVERIFY(filtered);
    QCOMPARE(*filtered, expected);
}

void tst_RevisionMap::buildErrors_data()
{
    // Alembic's sentence, then the files involved.
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("files");
    QTest::newRow("self-loop") << QStringList{"a<a"} << "Self-loop is detected in revisions (a)" << QStringList{"a"};
    QTest::newRow("self-loop at base of chain") << QStringList{"a<a", "b<a", "c<b"} << "Self-loop is detected in revisions (a)" << QStringList{"a"};
    QTest::newRow("self-loop in merge") << QStringList{"a", "b1<a", "b2<a", "c<b1,b2,c"} << "Self-loop is detected in revisions (c)" << QStringList{"c"};
    QTest::newRow("dependency self-loop") << QStringList{"a dep=a"} << "Dependency self-loop is detected in revisions (a)" << QStringList{"a"};
    QTest::newRow("dependency self-loop at head") << QStringList{"a", "b<a", "c<b dep=c"} << "Dependency self-loop is detected in revisions (c)" << QStringList{"c"};
    QTest::newRow("cycle") << QStringList{"a<c", "b<a", "c<b"} << "Cycle is detected in revisions (a, b, c)" << QStringList{"a", "b", "c"};
    QTest::newRow("cycle beside a line") << QStringList{"a<c", "b<a", "c<b", "d", "e<d"} << "Cycle is detected in revisions (a, b, c)" << QStringList{"a", "b", "c"};
    QTest::newRow("cycle below a line") << QStringList{"a<c", "b<a", "c<b", "d<c", "e<d"} << "Cycle is detected in revisions (a, b, c, d, e)" << QStringList{"a", "b", "c", "d", "e"};
    QTest::newRow("cycle above a base") << QStringList{"a", "b<a", "c<b,e", "d<c", "e<d"} << "Cycle is detected in revisions (a, b, c, d, e)" << QStringList{"a", "b", "c", "d", "e"};
    QTest::newRow("dependency cycle") << QStringList{"a dep=c", "b<a", "c<b"} << "Dependency cycle is detected in revisions (a, b, c)" << QStringList{"a", "b", "c"};
    QTest::newRow("dependency cycle beside a line") << QStringList{"a dep=c", "b<a", "c<b", "d", "e<d"} << "Dependency cycle is detected in revisions (a, b, c)" << QStringList{"a", "b", "c"};
    QTest::newRow("dependency cycle above a base") << QStringList{"a", "b<a", "c<b dep=e", "d<c", "e<d"} << "Dependency cycle is detected in revisions (a, b, c, d, e)" << QStringList{"a", "b", "c", "d", "e"};
    QTest::newRow("duplicate label") << QStringList{"a", "b<a", "c<b label=xy1", "d", "e<d label=xy1", "f<e"} << "Branch name 'xy1' in revision e already used by revision c" << QStringList{"e", "c"};
    QTest::newRow("label same as a revision") << QStringList{"a", "b<a label=a"} << "Branch name 'a' in revision b already used by revision a" << QStringList{"b", "a"};
    QTest::newRow("illegal characters") << QStringList{"a-b@c"} << "Character(s) '-, @' not allowed in revision identifier 'a-b@c'" << QStringList{"a-b@c"};
}

void tst_RevisionMap::buildErrors()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, error);
    QFETCH(QStringList, files);

    const Result<RevisionMap> map = RevisionMap::build(scriptsFromSpecs(specs));
    QVERIFY(!map);
    QCOMPARE(map.error().message, error + ::files(files));
    QCOMPARE(map.error().code, int(Error::Input));
}

void tst_RevisionMap::fileErrors_data()
{
    // Where Alembic only warns, or fails with a KeyError: Stratum stops with a message.
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("error");

    QTest::newRow("duplicate id") << QStringList{"a", "b<a", "a"}
        << "Revision a is present more than once; files: /v/a.sql";
    QTest::newRow("missing parent") << QStringList{"a", "b<zzzz"}
        << "Revision zzzz referenced from b is not present; file: /v/b.sql";
    QTest::newRow("missing dependency") << QStringList{"a", "b<a dep=nolabel"}
        << "Revision nolabel referenced from b is not present; file: /v/b.sql";
    QTest::newRow("Revises names a label") << QStringList{"a label=lib", "b<lib"}
        << "Revision lib referenced from b is not present; file: /v/b.sql";
    QTest::newRow("depends on its own label") << QStringList{"a", "b<a dep=lib label=lib"}
        << "Dependency self-loop is detected in revisions (b); file: /v/b.sql";
    QTest::newRow("label used twice by one revision") << QStringList{"a label=x,x"}
        << "Branch name 'x' in revision a already used by revision a; file: /v/a.sql";
    QTest::newRow("no head") << QStringList{"a<b", "b<a"}
        << "Cycle is detected in revisions (a, b); files: /v/a.sql, /v/b.sql";
}

void tst_RevisionMap::fileErrors()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, error);

    QList<RevisionScript> scripts = scriptsFromSpecs(specs);
    // The duplicate comes from another file.
    if (QTest::currentDataTag() == QByteArray("duplicate id")) {
        scripts.last().path = QStringLiteral("/v/a_again.sql");
        error = QStringLiteral(
            "Revision a is present more than once; files: /v/a.sql, /v/a_again.sql");
    }
    const Result<RevisionMap> map = RevisionMap::build(scripts);
    QVERIFY(!map);
    QCOMPARE(map.error().message, error);
}

void tst_RevisionMap::scale()
{
    // 10,000 revisions, loaded in file-name order (not history order): a line, then a history
    // that branches and merges every 50 revisions. No recursion may run this deep.
    const int count = 10000;
    auto id = [](int i) {
        return QStringLiteral("%1").arg(uint(i) * 2654435761u ^ 0x5a5a5a5u, 12, 16, QLatin1Char('0'));
    };
    QList<RevisionScript> line;
    for (int i = 0; i < count; ++i) {
        RevisionScript script;
        script.revision = id(i);
        if (i > 0)
            script.downRevisions = {id(i - 1)};
        script.path = QStringLiteral("/v/%1.sql").arg(script.revision);
        line.append(script);
    }
    std::sort(line.begin(), line.end(),
              [](const RevisionScript &a, const RevisionScript &b) { return a.path < b.path; });

    QElapsedTimer timer;
    timer.start();
    Result<RevisionMap> built = RevisionMap::build(line);
    QVERIFY(built);
    QCOMPARE(built->heads(), QStringList{id(count - 1)});
    const qint64 buildMs = timer.elapsed();
    QCOMPARE(built->bases(), QStringList{id(0)});

    timer.restart();
    Result<QList<const Revision *>> history = built->walkRevisions();
    QVERIFY(history);
    qint64 walkMs = timer.elapsed();
    QCOMPARE(history->size(), count);
    QCOMPARE(history->first()->id, id(count - 1));
    QCOMPARE(history->last()->id, id(0));

    Result<QList<MigrationStep>> up = built->upgradeSteps(QStringLiteral("heads"), {});
    QVERIFY(up);
    QCOMPARE(up->size(), count);
    HeadMaintainer heads(*built, {});
    for (const MigrationStep &step : *up)
        QVERIFY(heads.updateToStep(step));
    QCOMPARE(heads.heads(), QStringList{id(count - 1)});
    Result<QList<MigrationStep>> down = built->downgradeSteps(QStringLiteral("base"), {id(count - 1)});
    QVERIFY(down);
    QCOMPARE(down->size(), count);
    Result<QSet<QString>> current = built->allCurrent({id(count - 1)});
    QVERIFY(current);
    QCOMPARE(current->size(), 1);
    Result<QList<const Revision *>> relative = built->resolve(QStringLiteral("head-9999"));
    QVERIFY(relative);
    QCOMPARE(ids(*relative), QStringList{id(0)});
    qInfo("10,000-revision line: build()+heads() %lld ms, walkRevisions() %lld ms", buildMs, walkMs);

    QList<RevisionScript> branchy;
    QString previous;
    for (int i = 0; i < count;) {
        RevisionScript script;
        script.revision = id(i++);
        if (!previous.isEmpty())
            script.downRevisions = {previous};
        branchy.append(script);
        previous = script.revision;
        if (i % 50 == 0 && i + 12 < count) {
            QString left = previous;
            QString right = previous;
            for (int k = 0; k < 5; ++k) {
                RevisionScript l;
                l.revision = id(i++);
                l.downRevisions = {left};
                branchy.append(l);
                left = l.revision;
                RevisionScript r;
                r.revision = id(i++);
                r.downRevisions = {right};
                if (k == 2)
                    r.dependsOn = {left};
                branchy.append(r);
                right = r.revision;
            }
            RevisionScript merge;
            merge.revision = id(i++);
            merge.downRevisions = {left, right};
            branchy.append(merge);
            previous = merge.revision;
        }
    }
    std::sort(branchy.begin(), branchy.end(), [](const RevisionScript &a, const RevisionScript &b) {
        return a.revision < b.revision;
    });
    timer.restart();
    built = RevisionMap::build(branchy);
    QVERIFY(built);
    QCOMPARE(built->heads().size(), 1);
    timer.restart();
    history = built->walkRevisions();
    QVERIFY(history);
    walkMs = timer.elapsed();
    QCOMPARE(history->size(), branchy.size());
    // Newest first: every revision comes before everything it builds on.
    QHash<QString, int> position;
    for (int i = 0; i < history->size(); ++i)
        position.insert(history->at(i)->id, i);
    for (const Revision *revision : *history) {
        for (const QString &down : revision->normalizedDownRevisions())
            QVERIFY(position.value(down) > position.value(revision->id));
    }
    qInfo("10,000 revisions with 196 merges: walkRevisions() %lld ms", walkMs);
}

QTEST_MAIN(tst_RevisionMap)
#include "tst_revisionmap.moc"
