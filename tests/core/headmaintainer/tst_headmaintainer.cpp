// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The version-table changes Alembic 1.8.1's HeadMaintainer makes for the same steps (computed
// with its RevisionStep / StampStep decisions on the same graphs), step by step.

#include "stratum/revision/revisionmap.h"

#include "../../support/revisiongraphs.h"

#include <QTest>

using namespace Stratum;
using namespace Stratum::TestGraphs;

namespace {

QString describe(const QList<VersionChange> &changes)
{
    QStringList parts;
    for (const VersionChange &change : changes) {
        switch (change.kind) {
        case VersionChange::Insert:
            parts.append(QStringLiteral("INSERT ") + change.to);
            break;
        case VersionChange::Delete:
            parts.append(QStringLiteral("DELETE ") + change.from);
            break;
        case VersionChange::Update:
            parts.append(QStringLiteral("UPDATE %1 %2").arg(change.from, change.to));
            break;
        }
    }
    return parts.join(QLatin1String("; "));
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Alembic's MigrationStep.upgrade_from_script / downgrade_from_script.
MigrationStep revisionStep(const RevisionMap &map, const QString &id, bool upgrade)
{
    const Revision *revision = map.revision(id);
    Q_ASSERT(revision);
    MigrationStep step;
    step.isUpgrade = upgrade;
    step.revision = revision;
    step.fromRevisions = upgrade ? revision->downRevisions : QStringList{id};
    step.toRevisions = upgrade ? QStringList{id} : revision->downRevisions;
    return step;
}

} // namespace

class tst_HeadMaintainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plans_data();
    void plans();
    void stepByStep_data();
    void stepByStep();
    void refusals();
    void headsKeepTheirPlace();
};

void tst_HeadMaintainer::plans_data()
{
    // Each plan as upgradeSteps / downgradeSteps / stampSteps make it, applied from `current`.
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("changes");   // per step, "; "-separated
    QTest::addColumn<QStringList>("heads");     // afterwards, sorted
    QTest::addColumn<QString>("error");         // from the first step that cannot apply
    QTest::newRow("path up 3975fb1a0125 from b7ea43dc85e4") << "path" << "up" << "3975fb1a0125" << QStringList{"b7ea43dc85e4"} << QStringList{"UPDATE b7ea43dc85e4 1bbe33445780", "UPDATE 1bbe33445780 3975fb1a0125"} << QStringList{"3975fb1a0125"} << "";
    QTest::newRow("path up b7ea43dc85e4 from ()") << "path" << "up" << "b7ea43dc85e4" << QStringList{} << QStringList{"INSERT e6239818bb3a", "UPDATE e6239818bb3a 548bbb905360", "UPDATE 548bbb905360 b7ea43dc85e4"} << QStringList{"b7ea43dc85e4"} << "";
    QTest::newRow("path down b7ea43dc85e4 from 3975fb1a0125") << "path" << "down" << "b7ea43dc85e4" << QStringList{"3975fb1a0125"} << QStringList{"UPDATE 3975fb1a0125 1bbe33445780", "UPDATE 1bbe33445780 b7ea43dc85e4"} << QStringList{"b7ea43dc85e4"} << "";
    QTest::newRow("path down base from b7ea43dc85e4") << "path" << "down" << "base" << QStringList{"b7ea43dc85e4"} << QStringList{"UPDATE b7ea43dc85e4 548bbb905360", "UPDATE 548bbb905360 e6239818bb3a", "DELETE e6239818bb3a"} << QStringList{} << "";
    QTest::newRow("path down -1 from b7ea43dc85e4") << "path" << "down" << "-1" << QStringList{"b7ea43dc85e4"} << QStringList{"UPDATE b7ea43dc85e4 548bbb905360"} << QStringList{"548bbb905360"} << "";
    QTest::newRow("branched up d1d1 from b0b0") << "branched" << "up" << "d1d1" << QStringList{"b0b0"} << QStringList{"UPDATE b0b0 c1c1", "UPDATE c1c1 d1d1"} << QStringList{"d1d1"} << "";
    QTest::newRow("branched up d1d1,d2d2 from a0a0") << "branched" << "up" << "d1d1,d2d2" << QStringList{"a0a0"} << QStringList{"UPDATE a0a0 b0b0", "UPDATE b0b0 c2c2", "UPDATE c2c2 d2d2", "INSERT c1c1", "UPDATE c1c1 d1d1"} << QStringList{"d1d1", "d2d2"} << "";
    QTest::newRow("branched down a0a0 from d1d1,d2d2") << "branched" << "down" << "a0a0" << QStringList{"d1d1", "d2d2"} << QStringList{"UPDATE d1d1 c1c1", "DELETE c1c1", "UPDATE d2d2 c2c2", "UPDATE c2c2 b0b0", "UPDATE b0b0 a0a0"} << QStringList{"a0a0"} << "";
    QTest::newRow("branched down base+2 from d2d2,d1d1") << "branched" << "down" << "base+2" << QStringList{"d2d2", "d1d1"} << QStringList{"UPDATE d1d1 c1c1", "DELETE c1c1", "UPDATE d2d2 c2c2", "UPDATE c2c2 b0b0"} << QStringList{"b0b0"} << "";
    QTest::newRow("branched down c2branch@base+2 from d2d2,d1d1") << "branched" << "down" << "c2branch@base+2" << QStringList{"d2d2", "d1d1"} << QStringList{"UPDATE d2d2 c2c2", "DELETE c2c2"} << QStringList{"d1d1"} << "";
    QTest::newRow("branched down c2c2 from d2d2,d1d1") << "branched" << "down" << "c2c2" << QStringList{"d2d2", "d1d1"} << QStringList{"UPDATE d2d2 c2c2"} << QStringList{"c2c2", "d1d1"} << "";
    QTest::newRow("branched down -1 from c2c2,d1d1") << "branched" << "down" << "-1" << QStringList{"c2c2", "d1d1"} << QStringList{"DELETE c2c2"} << QStringList{"d1d1"} << "";
    QTest::newRow("branched down c1branch@b0b0 from c1c1,d2d2") << "branched" << "down" << "c1branch@b0b0" << QStringList{"c1c1", "d2d2"} << QStringList{"DELETE c1c1"} << QStringList{"d2d2"} << "";
    QTest::newRow("branched up c2branch@+1 from c1c1") << "branched" << "up" << "c2branch@+1" << QStringList{"c1c1"} << QStringList{"INSERT c2c2"} << QStringList{"c1c1", "c2c2"} << "";
    QTest::newRow("branched up c2branch@+1 from c1c1,c2c2") << "branched" << "up" << "c2branch@+1" << QStringList{"c1c1", "c2c2"} << QStringList{"UPDATE c2c2 d2d2"} << QStringList{"c1c1", "d2d2"} << "";
    QTest::newRow("branched up base+1 from ()") << "branched" << "up" << "base+1" << QStringList{} << QStringList{"INSERT a0a0"} << QStringList{"a0a0"} << "";
    QTest::newRow("branched down -1 from a0a0") << "branched" << "down" << "-1" << QStringList{"a0a0"} << QStringList{"DELETE a0a0"} << QStringList{} << "";
    QTest::newRow("diamond up d from ()") << "diamond" << "up" << "d" << QStringList{} << QStringList{"INSERT a", "UPDATE a b2", "INSERT b1", "DELETE b1; UPDATE b2 c", "UPDATE c d"} << QStringList{"d"} << "";
    QTest::newRow("diamond down base from d") << "diamond" << "down" << "base" << QStringList{"d"} << QStringList{"UPDATE d c", "INSERT b1; UPDATE c b2", "DELETE b1", "UPDATE b2 a", "DELETE a"} << QStringList{} << "";
    QTest::newRow("diamond down a from c") << "diamond" << "down" << "a" << QStringList{"c"} << QStringList{"INSERT b1; UPDATE c b2", "DELETE b1", "UPDATE b2 a"} << QStringList{"a"} << "";
    QTest::newRow("diamond down b1 from d") << "diamond" << "down" << "b1" << QStringList{"d"} << QStringList{"UPDATE d c", "INSERT b1; UPDATE c b2"} << QStringList{"b1", "b2"} << "";
    QTest::newRow("diamond up c from b1") << "diamond" << "up" << "c" << QStringList{"b1"} << QStringList{"INSERT b2", "DELETE b1; UPDATE b2 c"} << QStringList{"c"} << "";
    QTest::newRow("diamond up c from b1,b2") << "diamond" << "up" << "c" << QStringList{"b1", "b2"} << QStringList{"DELETE b1; UPDATE b2 c"} << QStringList{"c"} << "";
    QTest::newRow("fromMergepoint up d1 from d2,b1") << "fromMergepoint" << "up" << "d1" << QStringList{"d2", "b1"} << QStringList{"UPDATE b1 c1", "UPDATE c1 d1"} << QStringList{"d1", "d2"} << "";
    QTest::newRow("fromMergepoint down b1 from d2,d1") << "fromMergepoint" << "down" << "b1" << QStringList{"d2", "d1"} << QStringList{"UPDATE d1 c1", "UPDATE c1 b1"} << QStringList{"b1", "d2"} << "";
    QTest::newRow("from3wayMergepoint up d1 from d3,d2,b1") << "from3wayMergepoint" << "up" << "d1" << QStringList{"d3", "d2", "b1"} << QStringList{"UPDATE b1 c1", "UPDATE c1 d1"} << QStringList{"d1", "d2", "d3"} << "";
    QTest::newRow("from3wayMergepoint down b1 from d3,d2,d1") << "from3wayMergepoint" << "down" << "b1" << QStringList{"d3", "d2", "d1"} << QStringList{"UPDATE d1 c1", "UPDATE c1 b1"} << QStringList{"b1", "d2", "d3"} << "";
    QTest::newRow("from3wayMergepoint up d1 from d3,b2,b1") << "from3wayMergepoint" << "up" << "d1" << QStringList{"d3", "b2", "b1"} << QStringList{"UPDATE b2 c2", "UPDATE b1 c1", "DELETE c1; UPDATE c2 d1"} << QStringList{"d1", "d3"} << "";  // Alembic: either c1 or c2 is deleted (set order)
    QTest::newRow("from3wayMergepoint up d2 from d3,d1") << "from3wayMergepoint" << "up" << "d2" << QStringList{"d3", "d1"} << QStringList{"INSERT d2"} << QStringList{"d1", "d2", "d3"} << "";
    QTest::newRow("mergedPath up ffff from bbbb") << "mergedPath" << "up" << "ffff" << QStringList{"bbbb"} << QStringList{"UPDATE bbbb c2c2", "UPDATE c2c2 d2d2", "INSERT c1c1", "UPDATE c1c1 d1d1", "DELETE d1d1; UPDATE d2d2 eeee", "UPDATE eeee ffff"} << QStringList{"ffff"} << "";
    QTest::newRow("mergedPath down bbbb from ffff") << "mergedPath" << "down" << "bbbb" << QStringList{"ffff"} << QStringList{"UPDATE ffff eeee", "INSERT d1d1; UPDATE eeee d2d2", "UPDATE d1d1 c1c1", "DELETE c1c1", "UPDATE d2d2 c2c2", "UPDATE c2c2 bbbb"} << QStringList{"bbbb"} << "";
    QTest::newRow("mergedPath down base from ffff") << "mergedPath" << "down" << "base" << QStringList{"ffff"} << QStringList{"UPDATE ffff eeee", "INSERT d1d1; UPDATE eeee d2d2", "UPDATE d1d1 c1c1", "DELETE c1c1", "UPDATE d2d2 c2c2", "UPDATE c2c2 bbbb", "UPDATE bbbb aaaa", "DELETE aaaa"} << QStringList{} << "";
    QTest::newRow("multipleBranch up heads from ()") << "multipleBranch" << "up" << "heads" << QStringList{} << QStringList{"INSERT a", "UPDATE a b2", "UPDATE b2 cb2", "UPDATE cb2 d2cb2", "INSERT d1cb2", "DELETE d1cb2; UPDATE d2cb2 d1d2cb2", "INSERT d3cb2", "INSERT b1", "UPDATE b1 cb1", "UPDATE cb1 d2cb1", "INSERT d1cb1"} << QStringList{"d1cb1", "d1d2cb2", "d2cb1", "d3cb2"} << "";
    QTest::newRow("multipleBranch down base from d1cb1,d2cb1,d3cb2,d1d2cb2") << "multipleBranch" << "down" << "base" << QStringList{"d1cb1", "d2cb1", "d3cb2", "d1d2cb2"} << QStringList{"DELETE d1cb1", "UPDATE d2cb1 cb1", "UPDATE cb1 b1", "DELETE b1", "DELETE d3cb2", "INSERT d1cb2; UPDATE d1d2cb2 d2cb2", "DELETE d1cb2", "UPDATE d2cb2 cb2", "UPDATE cb2 b2", "UPDATE b2 a", "DELETE a"} << QStringList{} << "";
    QTest::newRow("dependsOnBranchThree down b1 from a3,b2") << "dependsOnBranchThree" << "down" << "b1" << QStringList{"a3", "b2"} << QStringList{"DELETE b2"} << QStringList{"a3"} << "";
    QTest::newRow("dependsOnOwnDownrev up a2 from ()") << "dependsOnOwnDownrev" << "up" << "a2" << QStringList{} << QStringList{"INSERT a1", "UPDATE a1 a2"} << QStringList{"a2"} << "";
    QTest::newRow("dependsOnOwnDownrev down a1 from a2") << "dependsOnOwnDownrev" << "down" << "a1" << QStringList{"a2"} << QStringList{"UPDATE a2 a1"} << QStringList{"a1"} << "";
    QTest::newRow("dependsOnBranchFour down b3 from b4") << "dependsOnBranchFour" << "down" << "b3" << QStringList{"b4"} << QStringList{"UPDATE b4 b3"} << QStringList{"b3"} << "";
    QTest::newRow("dependsOnBranchFive up b1 from a1") << "dependsOnBranchFive" << "up" << "b1" << QStringList{"a1"} << QStringList{"UPDATE a1 b1"} << QStringList{"b1"} << "";
    QTest::newRow("dependsOnBranchFive up bmerge from b1") << "dependsOnBranchFive" << "up" << "bmerge" << QStringList{"b1"} << QStringList{"UPDATE b1 bmerge"} << QStringList{"bmerge"} << "";
    QTest::newRow("dependsOnBranchFive down a1 from bmerge") << "dependsOnBranchFive" << "down" << "a1" << QStringList{"bmerge"} << QStringList{"INSERT a1; UPDATE bmerge b1"} << QStringList{"a1", "b1"} << "";
    QTest::newRow("dependsOnBranchFive down b1 from bmerge") << "dependsOnBranchFive" << "down" << "b1" << QStringList{"bmerge"} << QStringList{"INSERT a1; UPDATE bmerge b1"} << QStringList{"a1", "b1"} << "";
    QTest::newRow("dependsOnLabel up c2 from a2") << "dependsOnLabel" << "up" << "c2" << QStringList{"a2"} << QStringList{"INSERT a1", "UPDATE a1 b1", "UPDATE b1 c1", "UPDATE a2 b2", "DELETE b2; UPDATE c1 c2"} << QStringList{"c2"} << "";
    QTest::newRow("dependsOnBranchOne down c1 from c2,d1") << "dependsOnBranchOne" << "down" << "c1" << QStringList{"c2", "d1"} << QStringList{"DELETE d1"} << QStringList{"c2"} << "";
    QTest::newRow("crossDependencies down c2branch@bbbb from d1d1,d2d2") << "crossDependencies" << "down" << "c2branch@bbbb" << QStringList{"d1d1", "d2d2"} << QStringList{"UPDATE d2d2 c2c2", "DELETE c2c2"} << QStringList{"d1d1"} << "";
    QTest::newRow("crossDependencies down c1branch@bbbb from d1d1,d2d2") << "crossDependencies" << "down" << "c1branch@bbbb" << QStringList{"d1d1", "d2d2"} << QStringList{"DELETE d1d1", "INSERT c2c2; UPDATE d2d2 c1c1", "DELETE c1c1"} << QStringList{"c2c2"} << "";
    QTest::newRow("crossDependencies up heads from ()") << "crossDependencies" << "up" << "heads" << QStringList{} << QStringList{"INSERT aaaa", "UPDATE aaaa bbbb", "UPDATE bbbb c1c1", "INSERT c2c2", "DELETE c2c2; UPDATE c1c1 d2d2", "INSERT d1d1"} << QStringList{"d1d1", "d2d2"} << "";
    QTest::newRow("effectiveHead up heads from ()") << "effectiveHead" << "up" << "heads" << QStringList{} << QStringList{"INSERT x1", "UPDATE x1 x2", "INSERT y1", "UPDATE y1 y2"} << QStringList{"x2", "y2"} << "";
    QTest::newRow("effectiveHead down x@-1 from x2,y2") << "effectiveHead" << "down" << "x@-1" << QStringList{"x2", "y2"} << QStringList{"DELETE x2"} << QStringList{"y2"} << "";
    QTest::newRow("effectiveHead down x@-1 from y2") << "effectiveHead" << "down" << "x@-1" << QStringList{"y2"} << QStringList{"INSERT y1; UPDATE y2 x1", "DELETE x1"} << QStringList{"y1"} << "";
    QTest::newRow("twinMerge up heads from a") << "twinMerge" << "up" << "heads" << QStringList{"a"} << QStringList{"UPDATE a b3", "INSERT b2", "INSERT b1", "DELETE b1; DELETE b2; UPDATE b3 c2", "UPDATE c2 d2", "INSERT c1", "UPDATE c1 d1"} << QStringList{"d1", "d2"} << "";
    QTest::newRow("notQuiteTwinMerge up heads from a") << "notQuiteTwinMerge" << "up" << "heads" << QStringList{"a"} << QStringList{"UPDATE a b2", "INSERT b3", "DELETE b2; UPDATE b3 c2", "UPDATE c2 d2", "INSERT b1", "UPDATE b1 c1", "UPDATE c1 d1"} << QStringList{"d1", "d2"} << "";
    QTest::newRow("twinMerge down a from d1,d2") << "twinMerge" << "down" << "a" << QStringList{"d1", "d2"} << QStringList{"UPDATE d1 c1", "DELETE c1", "UPDATE d2 c2", "INSERT b1; INSERT b2; UPDATE c2 b3", "DELETE b1", "DELETE b2", "UPDATE b3 a"} << QStringList{"a"} << "";
    QTest::newRow("notQuiteTwinMerge down a from d1,d2") << "notQuiteTwinMerge" << "down" << "a" << QStringList{"d1", "d2"} << QStringList{"UPDATE d1 c1", "UPDATE c1 b1", "DELETE b1", "UPDATE d2 c2", "INSERT b2; UPDATE c2 b3", "DELETE b3", "UPDATE b2 a"} << QStringList{"a"} << "";
    QTest::newRow("forest up heads from ()") << "forest" << "up" << "heads" << QStringList{} << QStringList{"INSERT a2", "UPDATE a2 b2", "INSERT a1", "UPDATE a1 b1"} << QStringList{"b1", "b2"} << "";
    QTest::newRow("forest down base from b1,b2") << "forest" << "down" << "base" << QStringList{"b1", "b2"} << QStringList{"UPDATE b1 a1", "DELETE a1", "UPDATE b2 a2", "DELETE a2"} << QStringList{} << "";
    QTest::newRow("forest down a2 from b1,b2") << "forest" << "down" << "a2" << QStringList{"b1", "b2"} << QStringList{"UPDATE b2 a2"} << QStringList{"a2", "b1"} << "";
    QTest::newRow("crossDependencyOne up heads from ()") << "crossDependencyOne" << "up" << "heads" << QStringList{} << QStringList{"INSERT base3", "UPDATE base3 a3", "UPDATE a3 b3", "INSERT base2", "UPDATE base2 a2", "UPDATE a2 b2", "UPDATE b2 c2", "UPDATE c2 d2", "INSERT base1", "UPDATE base1 a1b", "UPDATE a1b b1b", "INSERT a1a", "UPDATE a1a b1a"} << QStringList{"b1a", "b1b", "b3", "d2"} << "";
    QTest::newRow("crossDependencyOne down b_3@base from b1a,b1b,d2,b3") << "crossDependencyOne" << "down" << "b_3@base" << QStringList{"b1a", "b1b", "d2", "b3"} << QStringList{"UPDATE b1b a1b", "UPDATE d2 c2", "UPDATE c2 b2", "UPDATE b3 a3", "UPDATE a3 base3", "DELETE base3"} << QStringList{"a1b", "b1a", "b2"} << "";
    QTest::newRow("crossDependencyTwo up heads from ()") << "crossDependencyTwo" << "up" << "heads" << QStringList{} << QStringList{"INSERT base1", "UPDATE base1 base2", "UPDATE base2 a2", "UPDATE a2 b2", "INSERT base3", "UPDATE base3 a3", "UPDATE a3 b3", "DELETE b3; UPDATE b2 c3", "UPDATE c3 d3", "INSERT c2", "UPDATE c2 d2", "INSERT a1", "UPDATE a1 b1", "UPDATE b1 c1"} << QStringList{"c1", "d2", "d3"} << "";
    QTest::newRow("crossDependencyTwo down base from c1,d2,d3") << "crossDependencyTwo" << "down" << "base" << QStringList{"c1", "d2", "d3"} << QStringList{"UPDATE c1 b1", "UPDATE b1 a1", "DELETE a1", "UPDATE d2 c2", "DELETE c2", "UPDATE d3 c3", "INSERT b3; UPDATE c3 b2", "UPDATE b3 a3", "UPDATE a3 base3", "DELETE base3", "UPDATE b2 a2", "UPDATE a2 base2", "UPDATE base2 base1", "DELETE base1"} << QStringList{} << "";
    QTest::newRow("path stamp base from 1bbe33445780") << "path" << "stamp" << "base" << QStringList{"1bbe33445780"} << QStringList{"DELETE 1bbe33445780"} << QStringList{} << "";
    QTest::newRow("path stamp b7ea43dc85e4 from 3975fb1a0125") << "path" << "stamp" << "b7ea43dc85e4" << QStringList{"3975fb1a0125"} << QStringList{"UPDATE 3975fb1a0125 b7ea43dc85e4"} << QStringList{"b7ea43dc85e4"} << "";
    QTest::newRow("path stamp 3975fb1a0125 from 548bbb905360") << "path" << "stamp" << "3975fb1a0125" << QStringList{"548bbb905360"} << QStringList{"UPDATE 548bbb905360 3975fb1a0125"} << QStringList{"3975fb1a0125"} << "";
    QTest::newRow("path stamp 1bbe33445780 from ()") << "path" << "stamp" << "1bbe33445780" << QStringList{} << QStringList{"INSERT 1bbe33445780"} << QStringList{"1bbe33445780"} << "";
    QTest::newRow("branched stamp b0b0 from d1d1,c2c2") << "branched" << "stamp" << "b0b0" << QStringList{"d1d1", "c2c2"} << QStringList{"DELETE d1d1; UPDATE c2c2 b0b0"} << QStringList{"b0b0"} << "";
    QTest::newRow("branched stamp c1branch@base from d1d1,c2c2") << "branched" << "stamp" << "c1branch@base" << QStringList{"d1d1", "c2c2"} << QStringList{"DELETE d1d1"} << QStringList{"c2c2"} << "";
    QTest::newRow("branched stamp c2branch@head from d1d1,c2c2") << "branched" << "stamp" << "c2branch@head" << QStringList{"d1d1", "c2c2"} << QStringList{"UPDATE c2c2 d2d2"} << QStringList{"d1d1", "d2d2"} << "";
    QTest::newRow("dependsOnBranchOne stamp b1 from e1,c2") << "dependsOnBranchOne" << "stamp" << "b1" << QStringList{"e1", "c2"} << QStringList{"DELETE e1; UPDATE c2 b1"} << QStringList{"b1"} << "";
    QTest::newRow("forest stamp heads from ()") << "forest" << "stamp" << "heads" << QStringList{} << QStringList{"INSERT b1", "INSERT b2"} << QStringList{"b1", "b2"} << "";
    QTest::newRow("forest stamp heads from b1,b2") << "forest" << "stamp" << "heads" << QStringList{"b1", "b2"} << QStringList{} << QStringList{"b1", "b2"} << "";
    QTest::newRow("forest stamp b1 from a2") << "forest" << "stamp" << "b1" << QStringList{"a2"} << QStringList{"INSERT b1"} << QStringList{"a2", "b1"} << "";
    QTest::newRow("mergedPath stamp c2c2 from eeee") << "mergedPath" << "stamp" << "c2c2" << QStringList{"eeee"} << QStringList{"UPDATE eeee c2c2"} << QStringList{"c2c2"} << "";
    QTest::newRow("mergedPath stamp aaaa from eeee") << "mergedPath" << "stamp" << "aaaa" << QStringList{"eeee"} << QStringList{"UPDATE eeee aaaa"} << QStringList{"aaaa"} << "";
    QTest::newRow("mergedPath stamp eeee from c2c2") << "mergedPath" << "stamp" << "eeee" << QStringList{"c2c2"} << QStringList{"UPDATE c2c2 eeee"} << QStringList{"eeee"} << "";
    QTest::newRow("mergedPath stamp c2branch@head from d1d1,c2c2") << "mergedPath" << "stamp" << "c2branch@head" << QStringList{"d1d1", "c2c2"} << QStringList{"DELETE d1d1; UPDATE c2c2 ffff"} << QStringList{"ffff"} << "";
    QTest::newRow("mergedPath stamp eeee from d1d1,c2c2") << "mergedPath" << "stamp" << "eeee" << QStringList{"d1d1", "c2c2"} << QStringList{"DELETE d1d1; UPDATE c2c2 eeee"} << QStringList{"eeee"} << "";
    QTest::newRow("mergedPath stamp eeee from bbbb") << "mergedPath" << "stamp" << "eeee" << QStringList{"bbbb"} << QStringList{"UPDATE bbbb eeee"} << QStringList{"eeee"} << "";
    QTest::newRow("twoHeads stamp c1,c2 from a") << "twoHeads" << "stamp" << "c1,c2" << QStringList{"a"} << QStringList{"UPDATE a c1", "INSERT c2"} << QStringList{"c1", "c2"} << "";
    QTest::newRow("twoHeads stamp () from c1,c2") << "twoHeads" << "stamp" << "" << QStringList{"c1", "c2"} << QStringList{"DELETE c1", "DELETE c2"} << QStringList{} << "";
    QTest::newRow("twoHeads stamp base from c1,c2") << "twoHeads" << "stamp" << "base" << QStringList{"c1", "c2"} << QStringList{"DELETE c1", "DELETE c2"} << QStringList{} << "";
    QTest::newRow("diamond stamp b1,b2 from d") << "diamond" << "stamp" << "b1,b2" << QStringList{"d"} << QStringList{"UPDATE d b1"} << QStringList{"b1"} << "Version d is not present in the version table";
    QTest::newRow("diamond stamp c from b1,b2") << "diamond" << "stamp" << "c" << QStringList{"b1", "b2"} << QStringList{"DELETE b1; UPDATE b2 c"} << QStringList{"c"} << "";
}

void tst_HeadMaintainer::plans()
{
    QFETCH(QString, graph);
    QFETCH(QString, kind);
    QFETCH(QString, destination);
    QFETCH(QStringList, current);
    QFETCH(QStringList, changes);
    QFETCH(QStringList, heads);
    QFETCH(QString, error);

    const RevisionMap map = load(graph);
    Result<QList<MigrationStep>> steps = kind == QLatin1String("up")
        ? map.upgradeSteps(destination, current)
        : kind == QLatin1String("down")
            ? map.downgradeSteps(destination, current)
            : map.stampSteps(destination.split(QLatin1Char(','), Qt::SkipEmptyParts), current);
    QVERIFY2(steps, qPrintable(steps ? QString() : steps.error().toString()));

    HeadMaintainer maintainer(map, current);
    QStringList actual;
    for (const MigrationStep &step : *steps) {
        const QStringList before = maintainer.heads();
        const Result<QList<VersionChange>> applied = maintainer.updateToStep(step);
        if (!applied) {
            QCOMPARE(applied.error().message, error);
            QCOMPARE(maintainer.heads(), before);   // nothing half-applied
            break;
        }
        actual.append(describe(*applied));
    }
    QCOMPARE(actual, changes);
    QCOMPARE(sorted(maintainer.heads()), heads);
}

void tst_HeadMaintainer::stepByStep_data()
{
    QTest::addColumn<QString>("graph");
    QTest::addColumn<QStringList>("start");
    QTest::addColumn<QStringList>("steps");     // "up id" / "down id"
    QTest::addColumn<QStringList>("changes");
    QTest::addColumn<QStringList>("heads");     // after each step, sorted, comma-separated

    // Alembic's TwinMergeTest (#297): two merge points from the same three branches.
    QTest::newRow("twin merge") << "twinMerge" << QStringList{"a"}
        << QStringList{"up b3", "up b1", "up b2", "up c2", "up d2", "up c1", "up d1"}
        << QStringList{"UPDATE a b3", "INSERT b1", "INSERT b2", "DELETE b1; DELETE b2; UPDATE b3 c2",
                       "UPDATE c2 d2", "INSERT c1", "UPDATE c1 d1"}
        << QStringList{"b3", "b1,b3", "b1,b2,b3", "c2", "d2", "c1,d2", "d1,d2"};
    QTest::newRow("not quite twin merge") << "notQuiteTwinMerge" << QStringList{"a"}
        << QStringList{"up b2", "up b3", "up c2", "up d2", "up b1", "up c1", "up d1"}
        << QStringList{"UPDATE a b2", "INSERT b3", "DELETE b2; UPDATE b3 c2", "UPDATE c2 d2",
                       "INSERT b1", "UPDATE b1 c1", "UPDATE c1 d1"}
        << QStringList{"b2", "b2,b3", "c2", "d2", "b1,d2", "c1,d2", "d1,d2"};
    // Downgrading to a revision another head depends on deletes the row.
    QTest::newRow("down to a dependency") << "dependsOnBranchOne" << QStringList{"c2", "d1"}
        << QStringList{"down d1"} << QStringList{"DELETE d1"} << QStringList{"c2"};
    // Merge, unmerge, then unwind both branches.
    QTest::newRow("merge and unmerge") << "diamond" << QStringList{"b1", "b2"}
        << QStringList{"up c", "down c", "down b2", "down b1"}
        << QStringList{"DELETE b1; UPDATE b2 c", "INSERT b1; UPDATE c b2", "DELETE b2", "UPDATE b1 a"}
        << QStringList{"c", "b1,b2", "b1", "a"};
}

void tst_HeadMaintainer::stepByStep()
{
    QFETCH(QString, graph);
    QFETCH(QStringList, start);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, changes);
    QFETCH(QStringList, heads);

    const RevisionMap map = load(graph);
    HeadMaintainer maintainer(map, start);
    for (int i = 0; i < steps.size(); ++i) {
        const QStringList words = steps.at(i).split(QLatin1Char(' '));
        const bool upgrade = words.at(0) == QLatin1String("up");
        const Result<QList<VersionChange>> applied =
            maintainer.updateToStep(revisionStep(map, words.at(1), upgrade));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
        QCOMPARE(describe(*applied), changes.at(i));
        QCOMPARE(sorted(maintainer.heads()).join(QLatin1Char(',')), heads.at(i));
    }
}

void tst_HeadMaintainer::refusals()
{
    // Where Alembic's HeadMaintainer fails (an assertion, a KeyError, or the database's row
    // count), Stratum reports an error and leaves the heads alone.
    const RevisionMap map = load(QStringLiteral("simple"));

    HeadMaintainer applied(map, {QStringLiteral("a")});
    Result<QList<VersionChange>> again =
        applied.updateToStep(revisionStep(map, QStringLiteral("a"), true));
    QVERIFY(!again);
    QCOMPARE(again.error().message,
             QStringLiteral("Version a is already present in the version table"));
    QCOMPARE(applied.heads(), QStringList{QStringLiteral("a")});

    Result<QList<VersionChange>> missing =
        applied.updateToStep(revisionStep(map, QStringLiteral("c"), false));
    QVERIFY(!missing);
    QCOMPARE(missing.error().message, QStringLiteral("Version c is not present in the version table"));
    QCOMPARE(applied.heads(), QStringList{QStringLiteral("a")});

    MigrationStep stamp;
    stamp.isStamp = true;
    stamp.isUpgrade = false;
    stamp.branchMove = true;
    Result<QList<VersionChange>> empty = applied.updateToStep(stamp);
    QVERIFY(!empty);
    QCOMPARE(empty.error().message,
             QStringLiteral("Stamp step expects exactly one revision, got none"));

    HeadMaintainer none(map, {});
    Result<QList<VersionChange>> noRevision = none.updateToStep(MigrationStep());
    QVERIFY(!noRevision);
}

void tst_HeadMaintainer::headsKeepTheirPlace()
{
    // Duplicates collapse as in Alembic's set; an UPDATE keeps the row's place, an INSERT appends.
    const RevisionMap map = load(QStringLiteral("twoHeads"));
    HeadMaintainer maintainer(map, {QStringLiteral("c1"), QStringLiteral("c1")});
    QCOMPARE(maintainer.heads(), QStringList{QStringLiteral("c1")});
    Result<QList<MigrationStep>> down =
        map.downgradeSteps(QStringLiteral("b"), {QStringLiteral("c1")});
    QVERIFY(down);
    QVERIFY(maintainer.updateToStep(down->first()));
    QCOMPARE(maintainer.heads(), QStringList{QStringLiteral("b")});
    Result<QList<MigrationStep>> up = map.upgradeSteps(QStringLiteral("heads"), {QStringLiteral("b")});
    QVERIFY(up);
    QCOMPARE(up->size(), 2);
    for (const MigrationStep &step : *up)
        QVERIFY(maintainer.updateToStep(step));
    QCOMPARE(maintainer.heads(), (QStringList{QStringLiteral("c2"), QStringLiteral("c1")}));
}

QTEST_MAIN(tst_HeadMaintainer)
#include "tst_headmaintainer.moc"
