// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Revision graphs for the graph tests, written as "id<down,down dep=a,b label=x,y" specs: most
// are the graphs of Alembic's own tests/test_revision.py and tests/test_version_traversal.py.
// Header-only; include it with #include "../../support/revisiongraphs.h".

#include "stratum/revision/revisionmap.h"

#include <QHash>
#include <QStringList>

namespace Stratum::TestGraphs {

// "id<down,down dep=a,b label=x,y": one revision file at /v/<id>.sql.
inline RevisionScript scriptFromSpec(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RevisionScript script;
    const QStringList head = parts.first().split(QLatin1Char('<'));
    script.revision = head.first();
    if (head.size() > 1)
        script.downRevisions = head.at(1).split(QLatin1Char(','));
    for (const QString &part : parts.mid(1)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        const QStringList values = part.section(QLatin1Char('='), 1).split(QLatin1Char(','));
        if (key == QLatin1String("dep"))
            script.dependsOn = values;
        else if (key == QLatin1String("label"))
            script.branchLabels = values;
    }
    script.path = QStringLiteral("/v/%1.sql").arg(script.revision);
    script.doc = QStringLiteral("doc of %1").arg(script.revision);
    script.longDoc = script.doc;
    return script;
}

inline QList<RevisionScript> scriptsFromSpecs(const QStringList &specs)
{
    QList<RevisionScript> scripts;
    for (const QString &spec : specs)
        scripts.append(scriptFromSpec(spec));
    return scripts;
}

inline const QHash<QString, QStringList> &graphs()
{
    static const QHash<QString, QStringList> all{
        {"simple", QStringList{"a", "b<a", "c<b"}},
        {"twoHeads", QStringList{"a", "b<a", "c1<b", "c2<b"}},
        {"twoBases", QStringList{"a", "b<a", "c", "d<c"}},
        {"diamond", QStringList{"a", "b1<a", "b2<a", "c<b1,b2", "d<c"}},
        {"labeled", QStringList{"a label=abranch", "b<a", "somelongername<b", "c<somelongername", "d", "e<d label=ebranch", "someothername<e", "f<someothername"}},
        {"longShort", QStringList{"a", "b1<a", "b2<a", "c1<b1", "d11<c1", "d12<c1"}},
        {"multipleBranch", QStringList{"a", "b1<a", "b2<a", "cb1<b1", "cb2<b2", "d1cb1<cb1", "d2cb1<cb1", "d1cb2<cb2", "d2cb2<cb2", "d3cb2<cb2", "d1d2cb2<d1cb2,d2cb2"}},
        {"effectiveHead", QStringList{"y1 label=y", "x1 label=x", "y2<y1 dep=x1", "x2<x1"}},
        {"branchTravelling", QStringList{"a1", "a2<a1", "a3<a2", "b1<a3", "b2<a3", "cb1<b1", "cb2<b2", "db1<cb1", "db2<cb2", "e1b1<db1", "fe1b1<e1b1", "e2b1<db1", "e2b2<db2", "merge<e2b1,e2b2"}},
        {"multipleBase", QStringList{"base1", "base2", "base3", "a1a<base1", "a1b<base1", "a2<base2", "a3<base3", "b1a<a1a", "b1b<a1b", "b2<a2", "b3<a3", "c2<b2", "d2<c2", "mergeb3d2<b3,d2"}},
        {"crossDependencyOne", QStringList{"base1 label=b_1", "a1a<base1", "a1b<base1", "b1a<a1a", "b1b<a1b dep=a3", "base2 label=b_2", "a2<base2", "b2<a2", "c2<b2 dep=a3", "d2<c2", "base3 label=b_3", "a3<base3", "b3<a3"}},
        {"crossDependencyTwo", QStringList{"base1 label=b_1", "a1<base1", "b1<a1", "c1<b1", "base2 dep=b_1 label=b_2", "a2<base2", "b2<a2", "c2<b2", "d2<c2", "base3 label=b_3", "a3<base3", "b3<a3", "c3<b3 dep=b2", "d3<c3"}},
        {"crossDependencyThree", QStringList{"base1", "a1<base1", "b1<a1", "c2 dep=a1", "c3<c2"}},
        {"normalizedDown", QStringList{"a1", "a2<a1", "a3<a2", "b1", "b2<b1 dep=a3", "b3<b2", "b4<b3 dep=a3", "b5<b4 dep=b4"}},
        {"dupeHead", QStringList{"user_foo", "user<user_foo dep=user_foo"}},
        {"overlapping", QStringList{"user_foo", "user dep=user_foo"}},
        {"path", QStringList{"e6239818bb3a", "548bbb905360<e6239818bb3a", "b7ea43dc85e4<548bbb905360", "1bbe33445780<b7ea43dc85e4", "3975fb1a0125<1bbe33445780"}},
        {"branched", QStringList{"a0a0", "b0b0<a0a0", "c1c1<b0b0 label=c1branch", "d1d1<c1c1", "c2c2<b0b0 label=c2branch", "d2d2<c2c2"}},
        {"fromMergepoint", QStringList{"a1", "b1<a1", "c1<b1", "a2", "b2<a2", "c2<b2", "d1<c1,c2", "d2<c2"}},
        {"from3wayMergepoint", QStringList{"a1", "b1<a1", "c1<b1", "a2", "b2<a2", "c2<b2", "a3", "b3<a3", "c3<b3", "d1<c1,c2,c3", "d2<c2", "d3<c3"}},
        {"twinMerge", QStringList{"a", "b1<a", "b2<a", "b3<a", "c1<b1,b2,b3", "c2<b1,b2,b3", "d1<c1", "d2<c2"}},
        {"notQuiteTwinMerge", QStringList{"a", "b1<a", "b2<a", "b3<a", "c1<b1,b2", "c2<b2,b3", "d1<c1", "d2<c2"}},
        {"dependsOnBranchOne", QStringList{"a1 label=lib1", "b1<a1", "c1<b1", "a2", "b2<a2", "c2<b2 dep=c1", "d1<c1", "e1<d1", "f1<e1"}},
        {"dependsOnBranchThree", QStringList{"a1", "a2<a1", "b1", "b2<b1 dep=a2", "b3<b2", "a3<a2 dep=b1"}},
        {"dependsOnOwnDownrev", QStringList{"a1", "a2<a1 dep=a1"}},
        {"dependsOnBranchFour", QStringList{"a1", "a2<a1", "a3<a2", "b1", "b2<b1 dep=a3", "b3<b2", "b4<b3 dep=a3"}},
        {"dependsOnBranchFive", QStringList{"a1", "b1 dep=a1", "bmerge<a1,b1"}},
        {"dependsOnLabel", QStringList{"a1 label=lib1", "b1<a1", "c1<b1 label=c1lib", "a2", "b2<a2", "c2<b2 dep=c1lib", "d1<c1", "e1<d1", "f1<e1"}},
        {"forest", QStringList{"a1", "b1<a1", "a2", "b2<a2"}},
        {"mergedPath", QStringList{"aaaa", "bbbb<aaaa", "c1c1<bbbb", "d1d1<c1c1", "c2c2<bbbb label=c2branch", "d2d2<c2c2", "eeee<d1d1,d2d2", "ffff<eeee"}},
        {"crossDependencies", QStringList{"aaaa", "bbbb<aaaa", "c1c1<bbbb label=c1branch", "d1d1<c1c1", "c2c2<bbbb label=c2branch", "d2d2<c2c2 dep=c1c1"}},
        {"prefixes", QStringList{"ae1027a6acf2", "ae10ffff0000<ae1027a6acf2", "1975ea83b712<ae10ffff0000", "19a<1975ea83b712", "feature_x<19a label=feat"}},
        {"outOfOrder", QStringList{"d<c", "b<a", "c<b", "a"}},
        {"empty", QStringList{}},
    };
    return all;
}

inline RevisionMap load(const QString &graph)
{
    Q_ASSERT(graphs().contains(graph));
    Result<RevisionMap> map = RevisionMap::build(scriptsFromSpecs(graphs().value(graph)));
    if (!map)
        qFatal("graph %s does not build: %s", qPrintable(graph), qPrintable(map.error().message));
    return std::move(*map);
}

} // namespace Stratum::TestGraphs
