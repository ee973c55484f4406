// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreport.h"

#include "stratum/config/url.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Stratum::Cli::Json {
namespace {

QJsonArray strings(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QJsonArray revisions(const QList<Revision> &values)
{
    QJsonArray array;
    for (const Revision &value : values)
        array.append(revision(value));
    return array;
}

// A location that may be unknown: null rather than "" and 0.
QJsonValue fileOrNull(const QString &file)
{
    return file.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(file);
}

QJsonValue lineOrNull(int line)
{
    return line > 0 ? QJsonValue(line) : QJsonValue(QJsonValue::Null);
}

QString outcomeName(VerifyCheck::Outcome outcome)
{
    switch (outcome) {
    case VerifyCheck::Outcome::Pass:
        return QStringLiteral("pass");
    case VerifyCheck::Outcome::Fail:
        return QStringLiteral("fail");
    case VerifyCheck::Outcome::Skip:
        break;
    }
    return QStringLiteral("skip");
}

} // namespace

QJsonObject revision(const Revision &revision)
{
    return {
        {QStringLiteral("id"), revision.id},
        {QStringLiteral("message"), revision.doc},
        {QStringLiteral("down_revisions"), strings(revision.downRevisions)},
        {QStringLiteral("depends_on"), strings(revision.dependencies)},
        {QStringLiteral("branch_labels"), strings(revision.branchLabels)},
        {QStringLiteral("next_revisions"), strings(revision.nextRevisions)},
        {QStringLiteral("create_date"), revision.script.createDate},
        {QStringLiteral("path"), revision.path},
        {QStringLiteral("is_head"), revision.isHead},
        {QStringLiteral("is_base"), revision.isBase},
        {QStringLiteral("is_branch_point"), revision.isBranchPoint},
        {QStringLiteral("is_merge_point"), revision.isMergePoint},
    };
}

QJsonObject heads(const HeadsReport &report)
{
    return {{QStringLiteral("heads"), revisions(report.heads)}};
}

QJsonObject current(const CurrentReport &report)
{
    QJsonArray interrupted;
    for (const InterruptedRevision &revision : report.interrupted)
        interrupted.append(QJsonObject{{QStringLiteral("revision"), revision.revision},
                                       {QStringLiteral("message"), revision.text}});
    return {{QStringLiteral("url"), report.url},
            {QStringLiteral("version_table"), strings(report.versionTable)},
            {QStringLiteral("current"), revisions(report.current)},
            {QStringLiteral("interrupted"), interrupted}};
}

QJsonObject history(const HistoryReport &report)
{
    return {{QStringLiteral("revisions"), revisions(report.revisions)},
            {QStringLiteral("current"), report.currentRead ? QJsonValue(strings(report.current))
                                                           : QJsonValue(QJsonValue::Null)}};
}

QJsonObject branches(const BranchesReport &report)
{
    QJsonArray points;
    for (const BranchesReport::BranchPoint &point : report.branchPoints)
        points.append(QJsonObject{{QStringLiteral("revision"), revision(point.revision)},
                                  {QStringLiteral("branches"), revisions(point.branches)}});
    return {{QStringLiteral("branch_points"), points}};
}

QJsonObject show(const ShowReport &report)
{
    return {{QStringLiteral("revisions"), revisions(report.revisions)}};
}

QJsonObject comparison(const SchemaComparison &comparison, const QString &from, const QString &to)
{
    QJsonArray operations;
    for (const Operation &op : comparison.upgrade)
        operations.append(QJsonObject{{QStringLiteral("kind"), op.name()},
                                      {QStringLiteral("schema"), op.schema},
                                      {QStringLiteral("table"), op.table},
                                      {QStringLiteral("description"), op.describe()}});
    QJsonObject body{{QStringLiteral("differs"), !comparison.upgrade.isEmpty()},
                     {QStringLiteral("dialect"), comparison.dialect},
                     {QStringLiteral("operations"), operations},
                     {QStringLiteral("upgrade_sql"), strings(comparison.upgradeSql)},
                     {QStringLiteral("downgrade_sql"), strings(comparison.downgradeSql)}};
    if (!from.isEmpty() || !to.isEmpty()) {
        body.insert(QStringLiteral("from"), maskPasswords(from));
        body.insert(QStringLiteral("to"), maskPasswords(to));
    }
    return body;
}

QJsonObject lint(const QList<Commands::LintFinding> &findings)
{
    QJsonArray array;
    for (const Commands::LintFinding &finding : findings)
        array.append(QJsonObject{{QStringLiteral("code"), finding.code},
                                 {QStringLiteral("title"), finding.title},
                                 {QStringLiteral("revision"), finding.revision},
                                 {QStringLiteral("file"), finding.file},
                                 {QStringLiteral("line"), finding.line},
                                 {QStringLiteral("message"), finding.message},
                                 {QStringLiteral("suggestion"), finding.suggestion}});
    return {{QStringLiteral("findings"), array}};
}

QJsonObject verify(const VerifyReport &report)
{
    QJsonArray checks;
    for (const VerifyCheck &check : report.checks)
        checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                  {QStringLiteral("outcome"), outcomeName(check.outcome)},
                                  {QStringLiteral("detail"), check.detail},
                                  {QStringLiteral("file"), fileOrNull(check.file)},
                                  {QStringLiteral("line"), lineOrNull(check.line)}});
    return {{QStringLiteral("ok"), report.failed() == 0},
            {QStringLiteral("failed"), report.failed()},
            {QStringLiteral("checks"), checks}};
}

QByteArray document(const QString &command, const QJsonObject &body)
{
    QJsonObject object = body;
    object.insert(QStringLiteral("stratum_json"), version);
    object.insert(QStringLiteral("command"), command);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace Stratum::Cli::Json
