// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/inlinediff.h"

#include <vector>

namespace Stratum {
namespace {

// Beyond this many token pairs a line is compared by its common start and end only: the
// table of the longest common subsequence grows with the product.
constexpr qsizetype maxCells = 250'000;

struct Token
{
    int start = 0;
    int length = 0;
    QStringView text;
};

enum class CharClass { Word, Space, Other };

CharClass classOf(char32_t c)
{
    if (c == U'_' || QChar::isLetterOrNumber(c) || QChar::isMark(c))
        return CharClass::Word;
    if (QChar::isSpace(c))
        return CharClass::Space;
    return CharClass::Other;
}

QList<Token> tokenize(const QString &line)
{
    QList<Token> tokens;
    CharClass previous = CharClass::Other;
    for (int at = 0; at < line.size();) {
        char32_t c = line[at].unicode();
        int width = 1;
        if (QChar::isHighSurrogate(c) && at + 1 < line.size() && line[at + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(line[at], line[at + 1]);
            width = 2;
        }
        const CharClass kind = classOf(c);
        // Words and whitespace run on; every other character is a token of its own.
        if (!tokens.isEmpty() && kind == previous && kind != CharClass::Other)
            tokens.last().length += width;
        else
            tokens.append({at, width, {}});
        previous = kind;
        at += width;
    }
    for (Token &token : tokens)
        token.text = QStringView(line).mid(token.start, token.length);
    return tokens;
}

// Marks the tokens of \a a and \a b that belong to a longest common subsequence.
void matchTokens(const QList<Token> &a, const QList<Token> &b, std::vector<bool> &sameA, std::vector<bool> &sameB)
{
    qsizetype begin = 0;
    qsizetype endA = a.size();
    qsizetype endB = b.size();
    for (; begin < endA && begin < endB && a[begin].text == b[begin].text; ++begin)
        sameA[begin] = sameB[begin] = true;
    for (; endA > begin && endB > begin && a[endA - 1].text == b[endB - 1].text; --endA, --endB)
        sameA[endA - 1] = sameB[endB - 1] = true;
    const qsizetype n = endA - begin;
    const qsizetype m = endB - begin;
    if (n == 0 || m == 0 || n * m > maxCells)
        return;
    // lcs[i][j]: the longest common subsequence of a[begin+i..endA) and b[begin+j..endB).
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a[begin + i].text == b[begin + j].text ? lcs[i + 1][j + 1] + 1
                                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    for (qsizetype i = 0, j = 0; i < n && j < m;) {
        if (a[begin + i].text == b[begin + j].text) {
            sameA[begin + i] = sameB[begin + j] = true;
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
}

bool isBlank(QStringView text)
{
    for (const QChar c : text)
        if (!c.isSpace())
            return false;
    return true;
}

// The runs of unmatched tokens of \a line, without whitespace at their ends, and joined where
// only whitespace separates them.
QList<TextRange> differingRuns(const QString &line, const QList<Token> &tokens, const std::vector<bool> &same)
{
    QList<TextRange> runs;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (same[i])
            continue;
        if (i > 0 && !same[i - 1])
            runs.last().length += tokens[i].length;
        else
            runs.append({tokens[i].start, tokens[i].length});
    }
    for (TextRange &run : runs) {
        if (isBlank(QStringView(line).mid(run.start, run.length)))
            continue;
        while (line[run.start].isSpace()) {
            ++run.start;
            --run.length;
        }
        while (line[run.start + run.length - 1].isSpace())
            --run.length;
    }
    QList<TextRange> joined;
    for (const TextRange &run : std::as_const(runs)) {
        if (!joined.isEmpty()) {
            TextRange &last = joined.last();
            const int gap = last.start + last.length;
            if (isBlank(QStringView(line).mid(gap, run.start - gap))) {
                last.length = run.start + run.length - last.start;
                continue;
            }
        }
        joined.append(run);
    }
    return joined;
}

} // namespace

QStringList inlineTokens(const QString &line)
{
    QStringList out;
    for (const Token &token : tokenize(line))
        out << token.text.toString();
    return out;
}

InlineDiff inlineDiff(const QString &left, const QString &right)
{
    const QList<Token> a = tokenize(left);
    const QList<Token> b = tokenize(right);
    std::vector<bool> sameA(a.size(), false);
    std::vector<bool> sameB(b.size(), false);
    matchTokens(a, b, sameA, sameB);
    return {differingRuns(left, a, sameA), differingRuns(right, b, sameB)};
}

} // namespace Stratum
