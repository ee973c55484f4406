// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/revision/revisionmap.h"

// Script.log_entry, Script._head_only and Script.cmd_format of Alembic's script/base.py.

namespace Stratum {
namespace {

QString formatAsComma(const QStringList &values)
{
    return values.join(QLatin1String(", "));
}

QString formatDownRevision(const Revision &revision)
{
    if (revision.downRevisions.isEmpty())
        return QStringLiteral("<base>");
    return formatAsComma(revision.downRevisions);
}

bool isLineBreak(QChar c)
{
    // The line boundaries of Python's str.splitlines().
    switch (c.unicode()) {
    case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x1c: case 0x1d: case 0x1e:
    case 0x85: case 0x2028: case 0x2029:
        return true;
    default:
        return false;
    }
}

QStringList pythonSplitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isLineBreak(c))
            continue;
        lines.append(text.mid(start, i - start));
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}

QString logEntry(const Revision &revision, bool current)
{
    QString entry = QLatin1String("Rev: ") + revision.id;
    if (revision.isHead)
        entry += QLatin1String(" (head)");
    if (revision.isBranchPoint)
        entry += QLatin1String(" (branchpoint)");
    if (revision.isMergePoint)
        entry += QLatin1String(" (mergepoint)");
    if (current)
        entry += QLatin1String(" (current)");
    entry += QLatin1Char('\n');

    entry += (revision.isMergePoint ? QLatin1String("Merges: ") : QLatin1String("Parent: "))
             + formatDownRevision(revision) + QLatin1Char('\n');
    if (!revision.dependencies.isEmpty())
        entry += QLatin1String("Also depends on: ") + formatAsComma(revision.dependencies)
                 + QLatin1Char('\n');
    if (revision.isBranchPoint)
        entry += QLatin1String("Branches into: ") + formatAsComma(revision.nextRevisions)
                 + QLatin1Char('\n');
    if (!revision.branchLabels.isEmpty())
        entry += QLatin1String("Branch names: ") + formatAsComma(revision.branchLabels)
                 + QLatin1Char('\n');
    entry += QLatin1String("Path: ") + revision.path + QLatin1Char('\n');

    QStringList paragraphs;
    for (const QString &line : pythonSplitLines(revision.longDoc))
        paragraphs.append(QLatin1String("    ") + line);
    entry += QLatin1Char('\n') + paragraphs.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return entry;
}

QString headOnly(const Revision &revision, const RevisionFormat &format)
{
    QString text = revision.id;
    if (format.includeParents) {
        if (!revision.dependencies.isEmpty()) {
            text = formatDownRevision(revision) + QLatin1String(" (")
                   + formatAsComma(revision.dependencies) + QLatin1String(") -> ") + text;
        } else {
            text = formatDownRevision(revision) + QLatin1String(" -> ") + text;
        }
    }
    if (format.includeBranches && !revision.branchLabels.isEmpty())
        text += QLatin1String(" (") + formatAsComma(revision.branchLabels) + QLatin1Char(')');
    if (format.headIndicators || format.treeIndicators) {
        if (revision.isRealHead)
            text += QLatin1String(" (head)");
        if (revision.isHead && !revision.isRealHead)
            text += QLatin1String(" (effective head)");
        if (format.current)
            text += QLatin1String(" (current)");
    }
    if (format.treeIndicators) {
        if (revision.isBranchPoint)
            text += QLatin1String(" (branchpoint)");
        if (revision.isMergePoint)
            text += QLatin1String(" (mergepoint)");
    }
    if (format.includeDoc)
        text += QLatin1String(", ") + revision.doc;
    return text;
}

} // namespace

QString formatRevision(const Revision &revision, const RevisionFormat &format)
{
    if (format.verbose)
        return logEntry(revision, format.current);
    return headOnly(revision, format);
}

} // namespace Stratum
