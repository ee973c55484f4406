// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/commands/commands.h"

#include <QString>
#include <QStringList>

namespace Stratum::Cli::Github {

// `--format github`: findings as GitHub Actions workflow commands
// (`::error file=F,line=N,title=T::message`), which the pull request shows on the lines they
// name. Paths are relative to the repository root: GITHUB_WORKSPACE when set, else the
// nearest folder above the working directory that holds `.git`, else the working directory.

/// One workflow command; \a level is error, warning or notice. No file: no file and line.
QString annotation(const QString &level, const QString &file, int line, const QString &title,
                   const QString &message);

/// \a path as the annotation names it (see above).
QString annotationPath(const QString &path);

QStringList lint(const QList<Commands::LintFinding> &findings);
/// Each operation at the statement of the desired schema (\a schemaFiles) that creates its
/// table, where there is one.
QStringList check(const SchemaComparison &comparison, const QStringList &schemaFiles);
/// Failed checks as errors, skipped ones as notices.
QStringList verify(const VerifyReport &report);

} // namespace Stratum::Cli::Github
