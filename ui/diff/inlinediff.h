// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

/// A run of characters inside one line. \a start and \a length count UTF-16 code units, as
/// QString indexes do.
struct TextRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

/// What differs inside one line that changed: the runs of the left line that the right line
/// does not have, and the other way round.
struct InlineDiff
{
    QList<TextRange> left;
    QList<TextRange> right;
};

/// Splits \a line into tokens: runs of letters, digits and underscores (of any script), runs of
/// whitespace, and every other character on its own (a surrogate pair stays whole). The tokens
/// joined give \a line back.
QStringList inlineTokens(const QString &line);

/// Compares \a left with \a right token by token (longest common subsequence) and returns the
/// runs that differ on each side, as Meld highlights inside a changed line:
/// `VARCHAR(100)` → `VARCHAR(150)` gives `100` on the left and `150` on the right. A run does
/// not start or end with whitespace unless it is whitespace only, and runs with only whitespace
/// between them are one run (`foo bar` → `baz qux` is one run on each side).
InlineDiff inlineDiff(const QString &left, const QString &right);

} // namespace Stratum
