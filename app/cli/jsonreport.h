// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/commands/commands.h"

#include <QByteArray>
#include <QJsonObject>

namespace Stratum::Cli::Json {

// `--json`: each command's report as one JSON object, rendered from the same values the text
// output is. The schema is docs/cli.md's; a change that removes or renames a field raises
// `version`.

inline constexpr int version = 1;

/// The revision object every command shares.
QJsonObject revision(const Revision &revision);

QJsonObject heads(const HeadsReport &report);
QJsonObject current(const CurrentReport &report);
QJsonObject history(const HistoryReport &report);
QJsonObject branches(const BranchesReport &report);
QJsonObject show(const ShowReport &report);
/// `check`, and `diff` with \a from and \a to (as given, passwords masked).
QJsonObject comparison(const SchemaComparison &comparison, const QString &from = {}, const QString &to = {});
QJsonObject lint(const QList<Commands::LintFinding> &findings);
QJsonObject verify(const VerifyReport &report);

/// The document: `{"stratum_json": version, "command": command, ...body}`, indented, with a
/// final newline.
QByteArray document(const QString &command, const QJsonObject &body);

} // namespace Stratum::Cli::Json
