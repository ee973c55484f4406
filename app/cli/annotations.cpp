// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "annotations.h"

#include "stratum/autogen/operation.h"
#include "stratum/script/sqllexer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Stratum::Cli::Github {
namespace {

// The escaping of GitHub's toolkit (@actions/core): a message keeps ':' and ',', property
// values may not.
QString escapeData(QString text)
{
    return text.replace(QLatin1Char('%'), QLatin1String("%25"))
        .replace(QLatin1Char('\r'), QLatin1String("%0D"))
        .replace(QLatin1Char('\n'), QLatin1String("%0A"));
}

QString escapeProperty(const QString &text)
{
    return escapeData(text).replace(QLatin1Char(':'), QLatin1String("%3A")).replace(QLatin1Char(','), QLatin1String("%2C"));
}

QString canonical(const QString &path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

QString repositoryRoot()
{
    const QString workspace = qEnvironmentVariable("GITHUB_WORKSPACE");
    if (!workspace.isEmpty())
        return canonical(workspace);
    for (QDir dir(canonical(QDir::currentPath()));; ) {
        if (QFileInfo::exists(dir.filePath(QStringLiteral(".git"))))
            return dir.path();
        if (!dir.cdUp())
            break;
    }
    return canonical(QDir::currentPath());
}

struct Location
{
    QString file;
    int line = 0;
};

// The first CREATE statement of \a files that names \a table.
Location creatingStatement(const QStringList &files, const QString &table)
{
    if (table.isEmpty())
        return {};
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Result<QList<SqlStatement>> statements = splitSqlStatements(QString::fromUtf8(file.readAll()), path);
        if (!statements)
            continue;
        for (const SqlStatement &statement : *statements)
            if (statement.text.startsWith(QLatin1String("CREATE"), Qt::CaseInsensitive)
                && mentionsIdentifier(statement.text, table))
                return {path, statement.line};
    }
    return {};
}

} // namespace

QString annotation(const QString &level, const QString &file, int line, const QString &title,
                   const QString &message)
{
    QStringList properties;
    if (!file.isEmpty()) {
        properties << QStringLiteral("file=") + escapeProperty(annotationPath(file));
        if (line > 0)
            properties << QStringLiteral("line=%1").arg(line);
    }
    properties << QStringLiteral("title=") + escapeProperty(title);
    return QStringLiteral("::%1 %2::%3").arg(level, properties.join(QLatin1Char(',')), escapeData(message));
}

QString annotationPath(const QString &path)
{
    const QString absolute = canonical(path);
    const QString relative = QDir(repositoryRoot()).relativeFilePath(absolute);
    return relative.startsWith(QLatin1String("../")) ? absolute : relative;
}

QStringList lint(const QList<Commands::LintFinding> &findings)
{
    QStringList lines;
    for (const Commands::LintFinding &f : findings)
        lines << annotation(QStringLiteral("error"), f.file, f.line, f.code,
                            QStringLiteral("%1: %2. %3.").arg(f.title, f.message, f.suggestion));
    return lines;
}

QStringList check(const SchemaComparison &comparison, const QStringList &schemaFiles)
{
    QStringList lines;
    for (const Operation &op : comparison.upgrade) {
        const Location where = creatingStatement(schemaFiles, op.table);
        lines << annotation(QStringLiteral("error"), where.file, where.line, QStringLiteral("stratum check"),
                            QStringLiteral("The database differs from the desired schema: %1").arg(op.describe()));
    }
    return lines;
}

QStringList verify(const VerifyReport &report)
{
    QStringList lines;
    for (const VerifyCheck &check : report.checks) {
        if (check.outcome == VerifyCheck::Outcome::Pass)
            continue;
        const bool failed = check.outcome == VerifyCheck::Outcome::Fail;
        lines << annotation(failed ? QStringLiteral("error") : QStringLiteral("notice"), check.file, check.line,
                            QStringLiteral("stratum verify: ") + check.name,
                            (failed ? QStringLiteral("FAIL: ") : QStringLiteral("SKIP: ")) + check.detail);
    }
    return lines;
}

} // namespace Stratum::Cli::Github
