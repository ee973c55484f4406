// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Script.log_entry, Script._head_only / cmd_format and MigrationStep.short_log / str() of
// Alembic 1.8.1 on the same revisions. Alembic prints branch labels and "Branches into" from
// Python sets, in an order that changes from run to run; Stratum prints labels in the order
// they first appear in load order and children in load order, and so do the strings below.

#include "stratum/revision/revisionmap.h"

#include <QTest>

using namespace Stratum;

namespace {

// Revision spec ("id<down,down dep=a label=x,y") and the header comment of its file.
const QList<QPair<QString, QString>> &revisionFiles()
{
    static const QList<QPair<QString, QString>> files{
        {"ae1027a6acf2", "create account table\n\nRevision ID: ae1027a6acf2\nRevises:\nCreate Date: 2026-11-25 12:00:00.000000"},
        {"1975ea83b712<ae1027a6acf2", "add user table"},
        {"20f4dbe11e9<1975ea83b712", "add normalized names\n\nlong explanation\nacross lines\r\nand a CRLF"},
        {"91508cc5c2<20f4dbe11e9", "Add Index for normalized names"},
        {"41e9207fbe5<91508cc5c2", ""},
        {"1ce6d45d7ef<91508cc5c2 label=expand", "expand"},
        {"57b1053998d<41e9207fbe5,1ce6d45d7ef", "merge 41e9207fbe5 and 1ce6d45d7ef"},
        {"a1b2c3d4e5f6<57b1053998d label=expand2,contract dep=1ce6d45d7ef", "depends on another branch\n\n\n\nafter blank lines"},
        {"bbbb00000001 dep=expand2", "reporting"},
        {"cccc00000001<bbbb00000001", "padded doc"},
    };
    return files;
}

RevisionMap load()
{
    QList<RevisionScript> scripts;
    for (const auto &[spec, longDoc] : revisionFiles()) {
        const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        RevisionScript script;
        const QStringList head = parts.first().split(QLatin1Char('<'));
        script.revision = head.first();
        if (head.size() > 1)
            script.downRevisions = head.at(1).split(QLatin1Char(','));
        for (const QString &part : parts.mid(1)) {
            const QStringList values = part.section(QLatin1Char('='), 1).split(QLatin1Char(','));
            if (part.startsWith(QLatin1String("dep=")))
                script.dependsOn = values;
            else if (part.startsWith(QLatin1String("label=")))
                script.branchLabels = values;
        }
        script.path = QStringLiteral("/v/%1.sql").arg(script.revision);
        // Leave doc to the map: the first paragraph of the header comment, as in Alembic.
        script.longDoc = longDoc;
        scripts.append(script);
    }
    Result<RevisionMap> map = RevisionMap::build(scripts);
    if (!map)
        qFatal("format graph does not build: %s", qPrintable(map.error().message));
    return std::move(*map);
}

} // namespace

class tst_RevisionFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFlag_data();
    void everyFlag();
    void commands_data();
    void commands();
    void revisionSteps_data();
    void revisionSteps();
    void stampSteps_data();
    void stampSteps();
    void docFromScript();

private:
    RevisionMap m_map;
};

void tst_RevisionFormat::initTestCase()
{
    m_map = load();
}

void tst_RevisionFormat::everyFlag_data()
{
    // 64 one-line forms (bit 0 includeBranches, 1 includeDoc, 2 includeParents, 3 treeIndicators,
    // 4 headIndicators, 5 current), then the verbose form without and with current.
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("ae1027a6acf2") << "ae1027a6acf2" << QStringList{
        "ae1027a6acf2",
        "ae1027a6acf2",
        "ae1027a6acf2, create account table",
        "ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2, create account table",
        "ae1027a6acf2",
        "ae1027a6acf2",
        "ae1027a6acf2, create account table",
        "ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2, create account table",
        "ae1027a6acf2",
        "ae1027a6acf2",
        "ae1027a6acf2, create account table",
        "ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2, create account table",
        "ae1027a6acf2",
        "ae1027a6acf2",
        "ae1027a6acf2, create account table",
        "ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2, create account table",
        "ae1027a6acf2",
        "ae1027a6acf2",
        "ae1027a6acf2, create account table",
        "ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2",
        "<base> -> ae1027a6acf2, create account table",
        "<base> -> ae1027a6acf2, create account table",
        "ae1027a6acf2 (current)",
        "ae1027a6acf2 (current)",
        "ae1027a6acf2 (current), create account table",
        "ae1027a6acf2 (current), create account table",
        "<base> -> ae1027a6acf2 (current)",
        "<base> -> ae1027a6acf2 (current)",
        "<base> -> ae1027a6acf2 (current), create account table",
        "<base> -> ae1027a6acf2 (current), create account table",
        "ae1027a6acf2 (current)",
        "ae1027a6acf2 (current)",
        "ae1027a6acf2 (current), create account table",
        "ae1027a6acf2 (current), create account table",
        "<base> -> ae1027a6acf2 (current)",
        "<base> -> ae1027a6acf2 (current)",
        "<base> -> ae1027a6acf2 (current), create account table",
        "<base> -> ae1027a6acf2 (current), create account table",
        "ae1027a6acf2 (current)",
        "ae1027a6acf2 (current)",
        "ae1027a6acf2 (current), create account table",
        "ae1027a6acf2 (current), create account table",
        "<base> -> ae1027a6acf2 (current)",
        "<base> -> ae1027a6acf2 (current)",
        "<base> -> ae1027a6acf2 (current), create account table",
        "<base> -> ae1027a6acf2 (current), create account table",
        "Rev: ae1027a6acf2\nParent: <base>\nPath: /v/ae1027a6acf2.sql\n\n    create account table\n    \n    Revision ID: ae1027a6acf2\n    Revises:\n    Create Date: 2026-11-25 12:00:00.000000\n",
        "Rev: ae1027a6acf2 (current)\nParent: <base>\nPath: /v/ae1027a6acf2.sql\n\n    create account table\n    \n    Revision ID: ae1027a6acf2\n    Revises:\n    Create Date: 2026-11-25 12:00:00.000000\n"};
    QTest::newRow("1975ea83b712") << "1975ea83b712" << QStringList{
        "1975ea83b712",
        "1975ea83b712",
        "1975ea83b712, add user table",
        "1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "1975ea83b712",
        "1975ea83b712",
        "1975ea83b712, add user table",
        "1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "1975ea83b712",
        "1975ea83b712",
        "1975ea83b712, add user table",
        "1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "1975ea83b712",
        "1975ea83b712",
        "1975ea83b712, add user table",
        "1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "1975ea83b712",
        "1975ea83b712",
        "1975ea83b712, add user table",
        "1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "ae1027a6acf2 -> 1975ea83b712, add user table",
        "1975ea83b712 (current)",
        "1975ea83b712 (current)",
        "1975ea83b712 (current), add user table",
        "1975ea83b712 (current), add user table",
        "ae1027a6acf2 -> 1975ea83b712 (current)",
        "ae1027a6acf2 -> 1975ea83b712 (current)",
        "ae1027a6acf2 -> 1975ea83b712 (current), add user table",
        "ae1027a6acf2 -> 1975ea83b712 (current), add user table",
        "1975ea83b712 (current)",
        "1975ea83b712 (current)",
        "1975ea83b712 (current), add user table",
        "1975ea83b712 (current), add user table",
        "ae1027a6acf2 -> 1975ea83b712 (current)",
        "ae1027a6acf2 -> 1975ea83b712 (current)",
        "ae1027a6acf2 -> 1975ea83b712 (current), add user table",
        "ae1027a6acf2 -> 1975ea83b712 (current), add user table",
        "1975ea83b712 (current)",
        "1975ea83b712 (current)",
        "1975ea83b712 (current), add user table",
        "1975ea83b712 (current), add user table",
        "ae1027a6acf2 -> 1975ea83b712 (current)",
        "ae1027a6acf2 -> 1975ea83b712 (current)",
        "ae1027a6acf2 -> 1975ea83b712 (current), add user table",
        "ae1027a6acf2 -> 1975ea83b712 (current), add user table",
        "Rev: 1975ea83b712\nParent: ae1027a6acf2\nPath: /v/1975ea83b712.sql\n\n    add user table\n",
        "Rev: 1975ea83b712 (current)\nParent: ae1027a6acf2\nPath: /v/1975ea83b712.sql\n\n    add user table\n"};
    QTest::newRow("20f4dbe11e9") << "20f4dbe11e9" << QStringList{
        "20f4dbe11e9",
        "20f4dbe11e9",
        "20f4dbe11e9, add normalized names",
        "20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "20f4dbe11e9",
        "20f4dbe11e9",
        "20f4dbe11e9, add normalized names",
        "20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "20f4dbe11e9",
        "20f4dbe11e9",
        "20f4dbe11e9, add normalized names",
        "20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "20f4dbe11e9",
        "20f4dbe11e9",
        "20f4dbe11e9, add normalized names",
        "20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "20f4dbe11e9",
        "20f4dbe11e9",
        "20f4dbe11e9, add normalized names",
        "20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "1975ea83b712 -> 20f4dbe11e9, add normalized names",
        "20f4dbe11e9 (current)",
        "20f4dbe11e9 (current)",
        "20f4dbe11e9 (current), add normalized names",
        "20f4dbe11e9 (current), add normalized names",
        "1975ea83b712 -> 20f4dbe11e9 (current)",
        "1975ea83b712 -> 20f4dbe11e9 (current)",
        "1975ea83b712 -> 20f4dbe11e9 (current), add normalized names",
        "1975ea83b712 -> 20f4dbe11e9 (current), add normalized names",
        "20f4dbe11e9 (current)",
        "20f4dbe11e9 (current)",
        "20f4dbe11e9 (current), add normalized names",
        "20f4dbe11e9 (current), add normalized names",
        "1975ea83b712 -> 20f4dbe11e9 (current)",
        "1975ea83b712 -> 20f4dbe11e9 (current)",
        "1975ea83b712 -> 20f4dbe11e9 (current), add normalized names",
        "1975ea83b712 -> 20f4dbe11e9 (current), add normalized names",
        "20f4dbe11e9 (current)",
        "20f4dbe11e9 (current)",
        "20f4dbe11e9 (current), add normalized names",
        "20f4dbe11e9 (current), add normalized names",
        "1975ea83b712 -> 20f4dbe11e9 (current)",
        "1975ea83b712 -> 20f4dbe11e9 (current)",
        "1975ea83b712 -> 20f4dbe11e9 (current), add normalized names",
        "1975ea83b712 -> 20f4dbe11e9 (current), add normalized names",
        "Rev: 20f4dbe11e9\nParent: 1975ea83b712\nPath: /v/20f4dbe11e9.sql\n\n    add normalized names\n    \n    long explanation\n    across lines\n    and a CRLF\n",
        "Rev: 20f4dbe11e9 (current)\nParent: 1975ea83b712\nPath: /v/20f4dbe11e9.sql\n\n    add normalized names\n    \n    long explanation\n    across lines\n    and a CRLF\n"};
    QTest::newRow("91508cc5c2") << "91508cc5c2" << QStringList{
        "91508cc5c2",
        "91508cc5c2",
        "91508cc5c2, Add Index for normalized names",
        "91508cc5c2, Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2",
        "20f4dbe11e9 -> 91508cc5c2",
        "20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names",
        "91508cc5c2 (branchpoint)",
        "91508cc5c2 (branchpoint)",
        "91508cc5c2 (branchpoint), Add Index for normalized names",
        "91508cc5c2 (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint), Add Index for normalized names",
        "91508cc5c2",
        "91508cc5c2",
        "91508cc5c2, Add Index for normalized names",
        "91508cc5c2, Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2",
        "20f4dbe11e9 -> 91508cc5c2",
        "20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names",
        "91508cc5c2 (branchpoint)",
        "91508cc5c2 (branchpoint)",
        "91508cc5c2 (branchpoint), Add Index for normalized names",
        "91508cc5c2 (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (branchpoint), Add Index for normalized names",
        "91508cc5c2",
        "91508cc5c2",
        "91508cc5c2, Add Index for normalized names",
        "91508cc5c2, Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2",
        "20f4dbe11e9 -> 91508cc5c2",
        "20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names",
        "91508cc5c2 (current) (branchpoint)",
        "91508cc5c2 (current) (branchpoint)",
        "91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "91508cc5c2 (current)",
        "91508cc5c2 (current)",
        "91508cc5c2 (current), Add Index for normalized names",
        "91508cc5c2 (current), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (current)",
        "20f4dbe11e9 -> 91508cc5c2 (current)",
        "20f4dbe11e9 -> 91508cc5c2 (current), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (current), Add Index for normalized names",
        "91508cc5c2 (current) (branchpoint)",
        "91508cc5c2 (current) (branchpoint)",
        "91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint)",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "20f4dbe11e9 -> 91508cc5c2 (current) (branchpoint), Add Index for normalized names",
        "Rev: 91508cc5c2 (branchpoint)\nParent: 20f4dbe11e9\nBranches into: 41e9207fbe5, 1ce6d45d7ef\nPath: /v/91508cc5c2.sql\n\n    Add Index for normalized names\n",
        "Rev: 91508cc5c2 (branchpoint) (current)\nParent: 20f4dbe11e9\nBranches into: 41e9207fbe5, 1ce6d45d7ef\nPath: /v/91508cc5c2.sql\n\n    Add Index for normalized names\n"};
    QTest::newRow("41e9207fbe5") << "41e9207fbe5" << QStringList{
        "41e9207fbe5",
        "41e9207fbe5",
        "41e9207fbe5, ",
        "41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5, ",
        "41e9207fbe5",
        "41e9207fbe5",
        "41e9207fbe5, ",
        "41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5, ",
        "41e9207fbe5",
        "41e9207fbe5",
        "41e9207fbe5, ",
        "41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5, ",
        "41e9207fbe5",
        "41e9207fbe5",
        "41e9207fbe5, ",
        "41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5, ",
        "41e9207fbe5",
        "41e9207fbe5",
        "41e9207fbe5, ",
        "41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5",
        "91508cc5c2 -> 41e9207fbe5, ",
        "91508cc5c2 -> 41e9207fbe5, ",
        "41e9207fbe5 (current)",
        "41e9207fbe5 (current)",
        "41e9207fbe5 (current), ",
        "41e9207fbe5 (current), ",
        "91508cc5c2 -> 41e9207fbe5 (current)",
        "91508cc5c2 -> 41e9207fbe5 (current)",
        "91508cc5c2 -> 41e9207fbe5 (current), ",
        "91508cc5c2 -> 41e9207fbe5 (current), ",
        "41e9207fbe5 (current)",
        "41e9207fbe5 (current)",
        "41e9207fbe5 (current), ",
        "41e9207fbe5 (current), ",
        "91508cc5c2 -> 41e9207fbe5 (current)",
        "91508cc5c2 -> 41e9207fbe5 (current)",
        "91508cc5c2 -> 41e9207fbe5 (current), ",
        "91508cc5c2 -> 41e9207fbe5 (current), ",
        "41e9207fbe5 (current)",
        "41e9207fbe5 (current)",
        "41e9207fbe5 (current), ",
        "41e9207fbe5 (current), ",
        "91508cc5c2 -> 41e9207fbe5 (current)",
        "91508cc5c2 -> 41e9207fbe5 (current)",
        "91508cc5c2 -> 41e9207fbe5 (current), ",
        "91508cc5c2 -> 41e9207fbe5 (current), ",
        "Rev: 41e9207fbe5\nParent: 91508cc5c2\nPath: /v/41e9207fbe5.sql\n\n\n",
        "Rev: 41e9207fbe5 (current)\nParent: 91508cc5c2\nPath: /v/41e9207fbe5.sql\n\n\n"};
    QTest::newRow("1ce6d45d7ef") << "1ce6d45d7ef" << QStringList{
        "1ce6d45d7ef",
        "1ce6d45d7ef (expand)",
        "1ce6d45d7ef, expand",
        "1ce6d45d7ef (expand), expand",
        "91508cc5c2 -> 1ce6d45d7ef",
        "91508cc5c2 -> 1ce6d45d7ef (expand)",
        "91508cc5c2 -> 1ce6d45d7ef, expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand), expand",
        "1ce6d45d7ef",
        "1ce6d45d7ef (expand)",
        "1ce6d45d7ef, expand",
        "1ce6d45d7ef (expand), expand",
        "91508cc5c2 -> 1ce6d45d7ef",
        "91508cc5c2 -> 1ce6d45d7ef (expand)",
        "91508cc5c2 -> 1ce6d45d7ef, expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand), expand",
        "1ce6d45d7ef",
        "1ce6d45d7ef (expand)",
        "1ce6d45d7ef, expand",
        "1ce6d45d7ef (expand), expand",
        "91508cc5c2 -> 1ce6d45d7ef",
        "91508cc5c2 -> 1ce6d45d7ef (expand)",
        "91508cc5c2 -> 1ce6d45d7ef, expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand), expand",
        "1ce6d45d7ef",
        "1ce6d45d7ef (expand)",
        "1ce6d45d7ef, expand",
        "1ce6d45d7ef (expand), expand",
        "91508cc5c2 -> 1ce6d45d7ef",
        "91508cc5c2 -> 1ce6d45d7ef (expand)",
        "91508cc5c2 -> 1ce6d45d7ef, expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand), expand",
        "1ce6d45d7ef",
        "1ce6d45d7ef (expand)",
        "1ce6d45d7ef, expand",
        "1ce6d45d7ef (expand), expand",
        "91508cc5c2 -> 1ce6d45d7ef",
        "91508cc5c2 -> 1ce6d45d7ef (expand)",
        "91508cc5c2 -> 1ce6d45d7ef, expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand), expand",
        "1ce6d45d7ef (current)",
        "1ce6d45d7ef (expand) (current)",
        "1ce6d45d7ef (current), expand",
        "1ce6d45d7ef (expand) (current), expand",
        "91508cc5c2 -> 1ce6d45d7ef (current)",
        "91508cc5c2 -> 1ce6d45d7ef (expand) (current)",
        "91508cc5c2 -> 1ce6d45d7ef (current), expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand) (current), expand",
        "1ce6d45d7ef (current)",
        "1ce6d45d7ef (expand) (current)",
        "1ce6d45d7ef (current), expand",
        "1ce6d45d7ef (expand) (current), expand",
        "91508cc5c2 -> 1ce6d45d7ef (current)",
        "91508cc5c2 -> 1ce6d45d7ef (expand) (current)",
        "91508cc5c2 -> 1ce6d45d7ef (current), expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand) (current), expand",
        "1ce6d45d7ef (current)",
        "1ce6d45d7ef (expand) (current)",
        "1ce6d45d7ef (current), expand",
        "1ce6d45d7ef (expand) (current), expand",
        "91508cc5c2 -> 1ce6d45d7ef (current)",
        "91508cc5c2 -> 1ce6d45d7ef (expand) (current)",
        "91508cc5c2 -> 1ce6d45d7ef (current), expand",
        "91508cc5c2 -> 1ce6d45d7ef (expand) (current), expand",
        "Rev: 1ce6d45d7ef\nParent: 91508cc5c2\nBranch names: expand\nPath: /v/1ce6d45d7ef.sql\n\n    expand\n",
        "Rev: 1ce6d45d7ef (current)\nParent: 91508cc5c2\nBranch names: expand\nPath: /v/1ce6d45d7ef.sql\n\n    expand\n"};
    QTest::newRow("57b1053998d") << "57b1053998d" << QStringList{
        "57b1053998d",
        "57b1053998d (expand)",
        "57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (mergepoint)",
        "57b1053998d (expand) (mergepoint)",
        "57b1053998d (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d",
        "57b1053998d (expand)",
        "57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (mergepoint)",
        "57b1053998d (expand) (mergepoint)",
        "57b1053998d (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d",
        "57b1053998d (expand)",
        "57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (current) (mergepoint)",
        "57b1053998d (expand) (current) (mergepoint)",
        "57b1053998d (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand) (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (current) (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (current) (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (current)",
        "57b1053998d (expand) (current)",
        "57b1053998d (current), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand) (current), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (current)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (current)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (current), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (current), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (current) (mergepoint)",
        "57b1053998d (expand) (current) (mergepoint)",
        "57b1053998d (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "57b1053998d (expand) (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (current) (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (current) (mergepoint)",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (current) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef",
        "Rev: 57b1053998d (mergepoint)\nMerges: 41e9207fbe5, 1ce6d45d7ef\nBranch names: expand\nPath: /v/57b1053998d.sql\n\n    merge 41e9207fbe5 and 1ce6d45d7ef\n",
        "Rev: 57b1053998d (mergepoint) (current)\nMerges: 41e9207fbe5, 1ce6d45d7ef\nBranch names: expand\nPath: /v/57b1053998d.sql\n\n    merge 41e9207fbe5 and 1ce6d45d7ef\n"};
    QTest::newRow("a1b2c3d4e5f6") << "a1b2c3d4e5f6" << QStringList{
        "a1b2c3d4e5f6",
        "a1b2c3d4e5f6 (expand, expand2, contract)",
        "a1b2c3d4e5f6, depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6, depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract), depends on another branch",
        "a1b2c3d4e5f6 (effective head)",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head)",
        "a1b2c3d4e5f6 (effective head), depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch",
        "a1b2c3d4e5f6 (effective head)",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head)",
        "a1b2c3d4e5f6 (effective head), depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch",
        "a1b2c3d4e5f6 (effective head)",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head)",
        "a1b2c3d4e5f6 (effective head), depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch",
        "a1b2c3d4e5f6",
        "a1b2c3d4e5f6 (expand, expand2, contract)",
        "a1b2c3d4e5f6, depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6, depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract), depends on another branch",
        "a1b2c3d4e5f6 (effective head) (current)",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current)",
        "a1b2c3d4e5f6 (effective head) (current), depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head) (current)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head) (current), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current), depends on another branch",
        "a1b2c3d4e5f6 (effective head) (current)",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current)",
        "a1b2c3d4e5f6 (effective head) (current), depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head) (current)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head) (current), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current), depends on another branch",
        "a1b2c3d4e5f6 (effective head) (current)",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current)",
        "a1b2c3d4e5f6 (effective head) (current), depends on another branch",
        "a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head) (current)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current)",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (effective head) (current), depends on another branch",
        "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head) (current), depends on another branch",
        "Rev: a1b2c3d4e5f6 (head)\nParent: 57b1053998d\nAlso depends on: 1ce6d45d7ef\nBranch names: expand, expand2, contract\nPath: /v/a1b2c3d4e5f6.sql\n\n    depends on another branch\n    \n    \n    \n    after blank lines\n",
        "Rev: a1b2c3d4e5f6 (head) (current)\nParent: 57b1053998d\nAlso depends on: 1ce6d45d7ef\nBranch names: expand, expand2, contract\nPath: /v/a1b2c3d4e5f6.sql\n\n    depends on another branch\n    \n    \n    \n    after blank lines\n"};
    QTest::newRow("bbbb00000001") << "bbbb00000001" << QStringList{
        "bbbb00000001",
        "bbbb00000001",
        "bbbb00000001, reporting",
        "bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001, reporting",
        "bbbb00000001",
        "bbbb00000001",
        "bbbb00000001, reporting",
        "bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001, reporting",
        "bbbb00000001",
        "bbbb00000001",
        "bbbb00000001, reporting",
        "bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001, reporting",
        "bbbb00000001",
        "bbbb00000001",
        "bbbb00000001, reporting",
        "bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001, reporting",
        "bbbb00000001",
        "bbbb00000001",
        "bbbb00000001, reporting",
        "bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001",
        "<base> (expand2) -> bbbb00000001, reporting",
        "<base> (expand2) -> bbbb00000001, reporting",
        "bbbb00000001 (current)",
        "bbbb00000001 (current)",
        "bbbb00000001 (current), reporting",
        "bbbb00000001 (current), reporting",
        "<base> (expand2) -> bbbb00000001 (current)",
        "<base> (expand2) -> bbbb00000001 (current)",
        "<base> (expand2) -> bbbb00000001 (current), reporting",
        "<base> (expand2) -> bbbb00000001 (current), reporting",
        "bbbb00000001 (current)",
        "bbbb00000001 (current)",
        "bbbb00000001 (current), reporting",
        "bbbb00000001 (current), reporting",
        "<base> (expand2) -> bbbb00000001 (current)",
        "<base> (expand2) -> bbbb00000001 (current)",
        "<base> (expand2) -> bbbb00000001 (current), reporting",
        "<base> (expand2) -> bbbb00000001 (current), reporting",
        "bbbb00000001 (current)",
        "bbbb00000001 (current)",
        "bbbb00000001 (current), reporting",
        "bbbb00000001 (current), reporting",
        "<base> (expand2) -> bbbb00000001 (current)",
        "<base> (expand2) -> bbbb00000001 (current)",
        "<base> (expand2) -> bbbb00000001 (current), reporting",
        "<base> (expand2) -> bbbb00000001 (current), reporting",
        "Rev: bbbb00000001\nParent: <base>\nAlso depends on: expand2\nPath: /v/bbbb00000001.sql\n\n    reporting\n",
        "Rev: bbbb00000001 (current)\nParent: <base>\nAlso depends on: expand2\nPath: /v/bbbb00000001.sql\n\n    reporting\n"};
    QTest::newRow("cccc00000001") << "cccc00000001" << QStringList{
        "cccc00000001",
        "cccc00000001",
        "cccc00000001, padded doc",
        "cccc00000001, padded doc",
        "bbbb00000001 -> cccc00000001",
        "bbbb00000001 -> cccc00000001",
        "bbbb00000001 -> cccc00000001, padded doc",
        "bbbb00000001 -> cccc00000001, padded doc",
        "cccc00000001 (head)",
        "cccc00000001 (head)",
        "cccc00000001 (head), padded doc",
        "cccc00000001 (head), padded doc",
        "bbbb00000001 -> cccc00000001 (head)",
        "bbbb00000001 -> cccc00000001 (head)",
        "bbbb00000001 -> cccc00000001 (head), padded doc",
        "bbbb00000001 -> cccc00000001 (head), padded doc",
        "cccc00000001 (head)",
        "cccc00000001 (head)",
        "cccc00000001 (head), padded doc",
        "cccc00000001 (head), padded doc",
        "bbbb00000001 -> cccc00000001 (head)",
        "bbbb00000001 -> cccc00000001 (head)",
        "bbbb00000001 -> cccc00000001 (head), padded doc",
        "bbbb00000001 -> cccc00000001 (head), padded doc",
        "cccc00000001 (head)",
        "cccc00000001 (head)",
        "cccc00000001 (head), padded doc",
        "cccc00000001 (head), padded doc",
        "bbbb00000001 -> cccc00000001 (head)",
        "bbbb00000001 -> cccc00000001 (head)",
        "bbbb00000001 -> cccc00000001 (head), padded doc",
        "bbbb00000001 -> cccc00000001 (head), padded doc",
        "cccc00000001",
        "cccc00000001",
        "cccc00000001, padded doc",
        "cccc00000001, padded doc",
        "bbbb00000001 -> cccc00000001",
        "bbbb00000001 -> cccc00000001",
        "bbbb00000001 -> cccc00000001, padded doc",
        "bbbb00000001 -> cccc00000001, padded doc",
        "cccc00000001 (head) (current)",
        "cccc00000001 (head) (current)",
        "cccc00000001 (head) (current), padded doc",
        "cccc00000001 (head) (current), padded doc",
        "bbbb00000001 -> cccc00000001 (head) (current)",
        "bbbb00000001 -> cccc00000001 (head) (current)",
        "bbbb00000001 -> cccc00000001 (head) (current), padded doc",
        "bbbb00000001 -> cccc00000001 (head) (current), padded doc",
        "cccc00000001 (head) (current)",
        "cccc00000001 (head) (current)",
        "cccc00000001 (head) (current), padded doc",
        "cccc00000001 (head) (current), padded doc",
        "bbbb00000001 -> cccc00000001 (head) (current)",
        "bbbb00000001 -> cccc00000001 (head) (current)",
        "bbbb00000001 -> cccc00000001 (head) (current), padded doc",
        "bbbb00000001 -> cccc00000001 (head) (current), padded doc",
        "cccc00000001 (head) (current)",
        "cccc00000001 (head) (current)",
        "cccc00000001 (head) (current), padded doc",
        "cccc00000001 (head) (current), padded doc",
        "bbbb00000001 -> cccc00000001 (head) (current)",
        "bbbb00000001 -> cccc00000001 (head) (current)",
        "bbbb00000001 -> cccc00000001 (head) (current), padded doc",
        "bbbb00000001 -> cccc00000001 (head) (current), padded doc",
        "Rev: cccc00000001 (head)\nParent: bbbb00000001\nPath: /v/cccc00000001.sql\n\n    padded doc\n",
        "Rev: cccc00000001 (head) (current)\nParent: bbbb00000001\nPath: /v/cccc00000001.sql\n\n    padded doc\n"};
}

void tst_RevisionFormat::everyFlag()
{
    QFETCH(QString, revision);
    QFETCH(QStringList, expected);

    const Revision *rev = m_map.revision(revision);
    QVERIFY(rev);
    QCOMPARE(expected.size(), 66);
    for (int bits = 0; bits < 64; ++bits) {
        RevisionFormat format;
        format.includeBranches = bits & 1;
        format.includeDoc = bits & 2;
        format.includeParents = bits & 4;
        format.treeIndicators = bits & 8;
        format.headIndicators = bits & 16;
        format.current = bits & 32;
        // Flags that do not apply in verbose mode must not matter there either.
        QCOMPARE(formatRevision(*rev, format), expected.at(bits));
        format.verbose = true;
        QCOMPARE(formatRevision(*rev, format), expected.at(bits & 32 ? 65 : 64));
    }
}

void tst_RevisionFormat::commands_data()
{
    // cmd_format as `history`, `heads` and `current` call it.
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ae1027a6acf2 history") << "ae1027a6acf2" << "history" << "<base> -> ae1027a6acf2, create account table";
    QTest::newRow("ae1027a6acf2 heads") << "ae1027a6acf2" << "heads" << "ae1027a6acf2";
    QTest::newRow("ae1027a6acf2 current") << "ae1027a6acf2" << "current" << "ae1027a6acf2";
    QTest::newRow("1975ea83b712 history") << "1975ea83b712" << "history" << "ae1027a6acf2 -> 1975ea83b712, add user table";
    QTest::newRow("1975ea83b712 heads") << "1975ea83b712" << "heads" << "1975ea83b712";
    QTest::newRow("1975ea83b712 current") << "1975ea83b712" << "current" << "1975ea83b712";
    QTest::newRow("20f4dbe11e9 history") << "20f4dbe11e9" << "history" << "1975ea83b712 -> 20f4dbe11e9, add normalized names";
    QTest::newRow("20f4dbe11e9 heads") << "20f4dbe11e9" << "heads" << "20f4dbe11e9";
    QTest::newRow("20f4dbe11e9 current") << "20f4dbe11e9" << "current" << "20f4dbe11e9";
    QTest::newRow("91508cc5c2 history") << "91508cc5c2" << "history" << "20f4dbe11e9 -> 91508cc5c2 (branchpoint), Add Index for normalized names";
    QTest::newRow("91508cc5c2 heads") << "91508cc5c2" << "heads" << "91508cc5c2";
    QTest::newRow("91508cc5c2 current") << "91508cc5c2" << "current" << "91508cc5c2 (branchpoint)";
    QTest::newRow("41e9207fbe5 history") << "41e9207fbe5" << "history" << "91508cc5c2 -> 41e9207fbe5, ";
    QTest::newRow("41e9207fbe5 heads") << "41e9207fbe5" << "heads" << "41e9207fbe5";
    QTest::newRow("41e9207fbe5 current") << "41e9207fbe5" << "current" << "41e9207fbe5";
    QTest::newRow("1ce6d45d7ef history") << "1ce6d45d7ef" << "history" << "91508cc5c2 -> 1ce6d45d7ef (expand), expand";
    QTest::newRow("1ce6d45d7ef heads") << "1ce6d45d7ef" << "heads" << "1ce6d45d7ef (expand)";
    QTest::newRow("1ce6d45d7ef current") << "1ce6d45d7ef" << "current" << "1ce6d45d7ef";
    QTest::newRow("57b1053998d history") << "57b1053998d" << "history" << "41e9207fbe5, 1ce6d45d7ef -> 57b1053998d (expand) (mergepoint), merge 41e9207fbe5 and 1ce6d45d7ef";
    QTest::newRow("57b1053998d heads") << "57b1053998d" << "heads" << "57b1053998d (expand)";
    QTest::newRow("57b1053998d current") << "57b1053998d" << "current" << "57b1053998d (mergepoint)";
    QTest::newRow("a1b2c3d4e5f6 history") << "a1b2c3d4e5f6" << "history" << "57b1053998d (1ce6d45d7ef) -> a1b2c3d4e5f6 (expand, expand2, contract) (effective head), depends on another branch";
    QTest::newRow("a1b2c3d4e5f6 heads") << "a1b2c3d4e5f6" << "heads" << "a1b2c3d4e5f6 (expand, expand2, contract) (effective head)";
    QTest::newRow("a1b2c3d4e5f6 current") << "a1b2c3d4e5f6" << "current" << "a1b2c3d4e5f6 (effective head)";
    QTest::newRow("bbbb00000001 history") << "bbbb00000001" << "history" << "<base> (expand2) -> bbbb00000001, reporting";
    QTest::newRow("bbbb00000001 heads") << "bbbb00000001" << "heads" << "bbbb00000001";
    QTest::newRow("bbbb00000001 current") << "bbbb00000001" << "current" << "bbbb00000001";
    QTest::newRow("cccc00000001 history") << "cccc00000001" << "history" << "bbbb00000001 -> cccc00000001 (head), padded doc";
    QTest::newRow("cccc00000001 heads") << "cccc00000001" << "heads" << "cccc00000001 (head)";
    QTest::newRow("cccc00000001 current") << "cccc00000001" << "current" << "cccc00000001 (head)";
}

void tst_RevisionFormat::commands()
{
    QFETCH(QString, revision);
    QFETCH(QString, command);
    QFETCH(QString, expected);

    const Revision *rev = m_map.revision(revision);
    QVERIFY(rev);
    RevisionFormat format;   // defaults are cmd_format's: tree and head indicators on
    if (command == QLatin1String("history")) {
        format.includeBranches = true;
        format.includeDoc = true;
        format.includeParents = true;
    } else if (command == QLatin1String("heads")) {
        format.includeBranches = true;
        format.treeIndicators = false;
    }
    QCOMPARE(formatRevision(*rev, format), expected);
}

void tst_RevisionFormat::revisionSteps_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QString>("shortLog");
    QTest::addColumn<QString>("describe");
    QTest::newRow("upgrade ae1027a6acf2") << "ae1027a6acf2" << true << "upgrade  -> ae1027a6acf2" << "upgrade  -> ae1027a6acf2, create account table";
    QTest::newRow("downgrade ae1027a6acf2") << "ae1027a6acf2" << false << "downgrade ae1027a6acf2 -> " << "downgrade ae1027a6acf2 -> , create account table";
    QTest::newRow("upgrade 1975ea83b712") << "1975ea83b712" << true << "upgrade ae1027a6acf2 -> 1975ea83b712" << "upgrade ae1027a6acf2 -> 1975ea83b712, add user table";
    QTest::newRow("downgrade 1975ea83b712") << "1975ea83b712" << false << "downgrade 1975ea83b712 -> ae1027a6acf2" << "downgrade 1975ea83b712 -> ae1027a6acf2, add user table";
    QTest::newRow("upgrade 20f4dbe11e9") << "20f4dbe11e9" << true << "upgrade 1975ea83b712 -> 20f4dbe11e9" << "upgrade 1975ea83b712 -> 20f4dbe11e9, add normalized names";
    QTest::newRow("downgrade 20f4dbe11e9") << "20f4dbe11e9" << false << "downgrade 20f4dbe11e9 -> 1975ea83b712" << "downgrade 20f4dbe11e9 -> 1975ea83b712, add normalized names";
    QTest::newRow("upgrade 91508cc5c2") << "91508cc5c2" << true << "upgrade 20f4dbe11e9 -> 91508cc5c2" << "upgrade 20f4dbe11e9 -> 91508cc5c2, Add Index for normalized names";
    QTest::newRow("downgrade 91508cc5c2") << "91508cc5c2" << false << "downgrade 91508cc5c2 -> 20f4dbe11e9" << "downgrade 91508cc5c2 -> 20f4dbe11e9, Add Index for normalized names";
    QTest::newRow("upgrade 41e9207fbe5") << "41e9207fbe5" << true << "upgrade 91508cc5c2 -> 41e9207fbe5" << "upgrade 91508cc5c2 -> 41e9207fbe5";
    QTest::newRow("downgrade 41e9207fbe5") << "41e9207fbe5" << false << "downgrade 41e9207fbe5 -> 91508cc5c2" << "downgrade 41e9207fbe5 -> 91508cc5c2";
    QTest::newRow("upgrade 1ce6d45d7ef") << "1ce6d45d7ef" << true << "upgrade 91508cc5c2 -> 1ce6d45d7ef" << "upgrade 91508cc5c2 -> 1ce6d45d7ef, expand";
    QTest::newRow("downgrade 1ce6d45d7ef") << "1ce6d45d7ef" << false << "downgrade 1ce6d45d7ef -> 91508cc5c2" << "downgrade 1ce6d45d7ef -> 91508cc5c2, expand";
    QTest::newRow("upgrade 57b1053998d") << "57b1053998d" << true << "upgrade 41e9207fbe5, 1ce6d45d7ef -> 57b1053998d" << "upgrade 41e9207fbe5, 1ce6d45d7ef -> 57b1053998d, merge 41e9207fbe5 and 1ce6d45d7ef";
    QTest::newRow("downgrade 57b1053998d") << "57b1053998d" << false << "downgrade 57b1053998d -> 41e9207fbe5, 1ce6d45d7ef" << "downgrade 57b1053998d -> 41e9207fbe5, 1ce6d45d7ef, merge 41e9207fbe5 and 1ce6d45d7ef";
    QTest::newRow("upgrade a1b2c3d4e5f6") << "a1b2c3d4e5f6" << true << "upgrade 57b1053998d -> a1b2c3d4e5f6" << "upgrade 57b1053998d -> a1b2c3d4e5f6, depends on another branch";
    QTest::newRow("downgrade a1b2c3d4e5f6") << "a1b2c3d4e5f6" << false << "downgrade a1b2c3d4e5f6 -> 57b1053998d" << "downgrade a1b2c3d4e5f6 -> 57b1053998d, depends on another branch";
    QTest::newRow("upgrade bbbb00000001") << "bbbb00000001" << true << "upgrade  -> bbbb00000001" << "upgrade  -> bbbb00000001, reporting";
    QTest::newRow("downgrade bbbb00000001") << "bbbb00000001" << false << "downgrade bbbb00000001 -> " << "downgrade bbbb00000001 -> , reporting";
    QTest::newRow("upgrade cccc00000001") << "cccc00000001" << true << "upgrade bbbb00000001 -> cccc00000001" << "upgrade bbbb00000001 -> cccc00000001, padded doc";
    QTest::newRow("downgrade cccc00000001") << "cccc00000001" << false << "downgrade cccc00000001 -> bbbb00000001" << "downgrade cccc00000001 -> bbbb00000001, padded doc";
}

void tst_RevisionFormat::revisionSteps()
{
    QFETCH(QString, revision);
    QFETCH(bool, upgrade);
    QFETCH(QString, shortLog);
    QFETCH(QString, describe);

    const Result<QList<MigrationStep>> steps = upgrade
        ? m_map.upgradeSteps(revision, {})
        : m_map.downgradeSteps(QStringLiteral("base"), {revision});
    QVERIFY(steps);
    const MigrationStep *step = nullptr;
    for (const MigrationStep &candidate : *steps) {
        if (candidate.revision && candidate.revision->id == revision)
            step = &candidate;
    }
    QVERIFY(step);
    QCOMPARE(step->name(), upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"));
    QCOMPARE(step->shortLog(), shortLog);
    QCOMPARE(step->describe(), describe);
}

void tst_RevisionFormat::stampSteps_data()
{
    QTest::addColumn<QStringList>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<bool>("branchMove");
    QTest::addColumn<QString>("shortLog");
    QTest::addColumn<QString>("describe");
    QTest::newRow("stamp_revision  -> ae1027a6acf2") << QStringList{} << QStringList{"ae1027a6acf2"} << true << true << "stamp_revision  -> ae1027a6acf2" << "stamp_revision  -> ae1027a6acf2";
    QTest::newRow("stamp_revision 57b1053998d -> 41e9207fbe5, 1ce6d45d7ef") << QStringList{"57b1053998d"} << QStringList{"41e9207fbe5", "1ce6d45d7ef"} << false << false << "stamp_revision 57b1053998d -> 41e9207fbe5, 1ce6d45d7ef" << "stamp_revision 57b1053998d -> 41e9207fbe5, 1ce6d45d7ef";
    QTest::newRow("stamp_revision 41e9207fbe5, 1ce6d45d7ef -> 57b1053998d") << QStringList{"41e9207fbe5", "1ce6d45d7ef"} << QStringList{"57b1053998d"} << true << false << "stamp_revision 41e9207fbe5, 1ce6d45d7ef -> 57b1053998d" << "stamp_revision 41e9207fbe5, 1ce6d45d7ef -> 57b1053998d";
    QTest::newRow("stamp_revision cccc00000001 -> ") << QStringList{"cccc00000001"} << QStringList{} << false << true << "stamp_revision cccc00000001 -> " << "stamp_revision cccc00000001 -> ";
}

void tst_RevisionFormat::stampSteps()
{
    QFETCH(QStringList, from);
    QFETCH(QStringList, to);
    QFETCH(bool, upgrade);
    QFETCH(bool, branchMove);
    QFETCH(QString, shortLog);
    QFETCH(QString, describe);

    MigrationStep step;
    step.isStamp = true;
    step.isUpgrade = upgrade;
    step.branchMove = branchMove;
    step.fromRevisions = from;
    step.toRevisions = to;
    QCOMPARE(step.name(), QStringLiteral("stamp_revision"));
    QCOMPARE(step.shortLog(), shortLog);
    QCOMPARE(step.describe(), describe);
}

void tst_RevisionFormat::docFromScript()
{
    // A doc the reader already set wins; otherwise the first paragraph of the header comment.
    RevisionScript script;
    script.revision = QStringLiteral("ae10");
    script.longDoc = QStringLiteral("Add user table\n\nmore");
    script.path = QStringLiteral("/v/ae10.sql");
    Result<RevisionMap> derived = RevisionMap::build({script});
    QVERIFY(derived);
    QCOMPARE(derived->revision(QStringLiteral("ae10"))->doc, QStringLiteral("Add user table"));
    script.doc = QStringLiteral("Given");
    Result<RevisionMap> given = RevisionMap::build({script});
    QVERIFY(given);
    QCOMPARE(given->revision(QStringLiteral("ae10"))->doc, QStringLiteral("Given"));
    RevisionFormat format;
    format.includeDoc = true;
    QCOMPARE(formatRevision(*given->revision(QStringLiteral("ae10")), format),
             QStringLiteral("ae10 (head), Given"));
}

QTEST_MAIN(tst_RevisionFormat)
#include "tst_revisionformat.moc"
