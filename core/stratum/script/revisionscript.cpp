// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "revisionscript.h"

#include <QDir>
#include <QFile>
#include <QLatin1String>
#include <QRegularExpression>
#include <QStringView>

#include <QThread>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Stratum {

namespace {

const QLatin1String kMarkerPrefix("migrate:");

struct HeaderKey
{
    QLatin1String name;
    enum Field { Revision, Revises, CreateDate, BranchLabels, DependsOn } field;
};

const std::array<HeaderKey, 5> kHeaderKeys = {{
    {QLatin1String("Revision ID"), HeaderKey::Revision},
    {QLatin1String("Revises"), HeaderKey::Revises},
    {QLatin1String("Create Date"), HeaderKey::CreateDate},
    {QLatin1String("Branch Labels"), HeaderKey::BranchLabels},
    {QLatin1String("Depends On"), HeaderKey::DependsOn},
}};

// Alembic's version table holds ids in VARCHAR(32).
constexpr qsizetype kMaxRevisionIdLength = 32;

// Where \a offset of \a data is, as a line and column (bytes) for messages.
std::pair<int, int> lineAndColumn(const char *data, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i)
        if (data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, int(offset - lineStart) + 1};
}

// A revision file is UTF-8 text: a NUL byte, UTF-16 or bytes of another encoding (Latin-1)
// would reach the database as something else than what the file shows.
Status checkEncoding(const char *data, qsizetype size, const QString &path)
{
    const auto bytes = reinterpret_cast<const unsigned char *>(data);
    const auto fail = [&](qsizetype offset, const QString &what) {
        const auto [line, column] = lineAndColumn(data, offset);
        return Error::input(QStringLiteral("The revision file is not UTF-8 text: %1 at offset %2.").arg(what).arg(offset),
                            path, line, column,
                            QStringLiteral("Save the file as UTF-8 (without NUL bytes)."));
    };
    const auto hex = [](unsigned char c) {
        return QStringLiteral("byte 0x") + QString::number(c, 16).toUpper().rightJustified(2, QLatin1Char('0'));
    };
    if (size >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        return fail(0, QStringLiteral("it starts with a UTF-16 byte order mark"));
    for (qsizetype i = 0; i < size;) {
        const unsigned char c = bytes[i];
        if (c == 0)
            return fail(i, QStringLiteral("a NUL byte"));
        if (c < 0x80) {
            ++i;
            continue;
        }
        // Lead byte: how many continuation bytes, and the smallest code point it may start.
        int more = 0;
        char32_t minimum = 0;
        char32_t value = 0;
        if ((c & 0xE0) == 0xC0) {
            more = 1;
            minimum = 0x80;
            value = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            more = 2;
            minimum = 0x800;
            value = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            more = 3;
            minimum = 0x10000;
            value = c & 0x07;
        } else {
            return fail(i, hex(c));
        }
        if (i + more >= size)
            return fail(i, QStringLiteral("a character cut short"));
        for (int k = 1; k <= more; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return fail(i, hex(c));
            value = (value << 6) | (bytes[i + k] & 0x3F);
        }
        if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return fail(i, hex(c));
        i += more + 1;
    }
    return {};
}

// The text of a revision file, once it is known to be UTF-8.
Result<QString> revisionText(const QByteArray &data, const QString &path)
{
    if (Status ok = checkEncoding(data.constData(), data.size(), path); !ok)
        return ok.error();
    return QString::fromUtf8(data);
}

// `COPY … FROM STDIN` takes its rows from psql's input, which a revision does not have.
Status rejectCopyFromStdin(const QString &text, const QString &path)
{
    static const QRegularExpression copy(QStringLiteral("^[ \\t]*COPY\\b[^;]*\\bFROM\\s+STDIN\\b"),
                                         QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = copy.match(text);
    if (!match.hasMatch())
        return {};
    const int line = int(QStringView(text).left(match.capturedStart()).count(QLatin1Char('\n'))) + 1;
    return Error::input(QStringLiteral("COPY … FROM STDIN reads its rows from psql's input, which a revision does not have."),
                        path, line, 1,
                        QStringLiteral("Use INSERT statements, or COPY … FROM a file the database server can read."));
}

// A header line that is almost a key (`Revises aaaa0002` without its colon, `Revision-ID:`)
// would otherwise be message text, and the revision would quietly get a new base or head.
Status checkNearMissKey(QStringView rest, const QString &path, int line, int column)
{
    const auto squeeze = [](QStringView text) {
        QString out;
        for (const QChar c : text)
            if (c.isLetter())
                out += c.toLower();
        return out;
    };
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    for (const HeaderKey &key : kHeaderKeys) {
        const QString wanted = squeeze(QString(key.name));
        // `Revision-ID:`, `RevisionID:`, `revises :` spelled another way than the key.
        if (colon > 0 && squeeze(rest.left(colon)) == wanted && !rest.left(colon).trimmed().startsWith(key.name, Qt::CaseInsensitive))
            return Error::input(QStringLiteral("`%1:` is not a header key.").arg(rest.left(colon).trimmed().toString()), path, line,
                                column, QStringLiteral("Expected `%1:` (with a space, then a colon).").arg(key.name));
        if (colon > 0 && squeeze(rest.left(colon)) == wanted)
            continue;
        // `Revises aaaa0002`: the key, then one id-like word, and no colon.
        if (!rest.startsWith(key.name, Qt::CaseInsensitive))
            continue;
        const QStringView after = rest.mid(key.name.size());
        const QList<QStringView> words = after.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!after.startsWith(QLatin1Char(' ')) || words.size() != 1 || colon >= 0)
            continue;
        static const QRegularExpression id(QStringLiteral("^[0-9A-Za-z_]*[0-9_][0-9A-Za-z_]*$"));
        if (id.match(words.first()).hasMatch())
            return Error::input(QStringLiteral("The header line `%1` lacks the colon after `%2`.").arg(rest.toString(), key.name),
                                path, line, column + int(key.name.size()),
                                QStringLiteral("Expected `%1: %2`.").arg(key.name, words.first().toString()));
    }
    return {};
}

const QString kHeaderHint = QStringLiteral(
    "Expected a leading `--` comment block: the message, then `-- Revision ID: <id>`, "
    "`-- Revises: <ids>` and optionally `-- Create Date:`, `-- Branch Labels:`, `-- Depends On:`.");

QString absolutePath(const QString &path)
{
    // QDir::isAbsolutePath also treats ":/…" resource paths as absolute; the first test spares
    // the common case the QFileInfo it builds.
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

qsizetype leadingSpace(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    return i;
}

// For a line whose text (after indentation) starts with `--`: the marker name, if the comment is
// a `-- migrate:NAME` marker; otherwise an empty view. \a nameOffset receives where NAME starts.
QStringView markerOf(QStringView line, qsizetype *nameOffset = nullptr)
{
    const qsizetype indent = leadingSpace(line);
    if (!line.mid(indent).startsWith(QLatin1String("--")))
        return {};
    qsizetype i = indent + 2;
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    if (!line.mid(i).startsWith(kMarkerPrefix))
        return {};
    const qsizetype nameStart = i + kMarkerPrefix.size();
    qsizetype end = nameStart;
    while (end < line.size() && !line.at(end).isSpace())
        ++end;
    if (nameOffset)
        *nameOffset = i;
    // An empty name still is a marker (and an unknown one): report it as "migrate:".
    if (end == nameStart)
        return line.mid(i, kMarkerPrefix.size());
    return line.mid(nameStart, end - nameStart);
}

bool isMarkerLine(QStringView line)
{
    return !markerOf(line).isEmpty();
}

// Ids may be anything without separators (Alembic: `kilo`, `django_0001`), but not the
// characters the identifier syntax gives meaning to (`label@head`, `head-1`, `rev+2`).
Status checkRevisionId(QStringView id, const QString &path, int line, int column,
                       const QString &what)
{
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char('@')
            || c == QLatin1Char('-') || c == QLatin1Char('+')) {
            const QString shown = c.isSpace() ? QStringLiteral("a space") : QStringLiteral("'%1'").arg(c);
            return Error::input(QStringLiteral("The %1 '%2' contains %3.")
                                    .arg(what, id.toString(), shown),
                                path, line, column + int(i),
                                QStringLiteral("Expected a revision id without spaces, commas, "
                                               "'@', '-' or '+' (e.g. ae1027a6acf2)."));
        }
    }
    return {};
}

// "a, b" / "a b" → {a, b}; ids hold neither commas nor spaces, so both separate.
// \a offsets receives where each item starts in \a value.
QStringList splitList(QStringView value, QList<qsizetype> *offsets = nullptr)
{
    QStringList items;
    qsizetype i = 0;
    while (i < value.size()) {
        while (i < value.size() && (value.at(i).isSpace() || value.at(i) == QLatin1Char(',')))
            ++i;
        const qsizetype start = i;
        while (i < value.size() && !value.at(i).isSpace() && value.at(i) != QLatin1Char(','))
            ++i;
        if (i > start) {
            items.append(value.mid(start, i - start).toString());
            if (offsets)
                offsets->append(start);
        }
    }
    return items;
}

QString firstParagraph(const QString &longDoc)
{
    const qsizetype cut = longDoc.indexOf(QLatin1String("\n\n"));
    return cut < 0 ? longDoc : longDoc.left(cut);
}

struct LineCursor
{
    QStringView text;
    qsizetype pos = 0;
    int number = 0;       // 1-based number of the line last returned
    qsizetype start = 0;  // offset of the line last returned

    // The next line without its terminator (and without a trailing \r).
    bool next(QStringView *line)
    {
        if (pos >= text.size())
            return false;
        start = pos;
        qsizetype eol = text.indexOf(QLatin1Char('\n'), pos);
        if (eol < 0)
            eol = text.size();
        qsizetype end = eol;
        if (end > start && text.at(end - 1) == QLatin1Char('\r'))
            --end;
        *line = text.mid(start, end - start);
        pos = eol + 1;
        ++number;
        return true;
    }
    void rewind()   // makes the last returned line the next one again
    {
        pos = start;
        --number;
    }
};

Status parseSectionMarker(QStringView line, qsizetype nameEnd, ScriptSection *section,
                          const QString &markerText, const QString &path, int lineNumber)
{
    qsizetype i = nameEnd;
    while (i < line.size()) {
        while (i < line.size() && line.at(i).isSpace())
            ++i;
        if (i >= line.size())
            break;
        const qsizetype start = i;
        while (i < line.size() && !line.at(i).isSpace())
            ++i;
        const QStringView option = line.mid(start, i - start);
        if (option.compare(QLatin1String("transaction:false"), Qt::CaseInsensitive) == 0) {
            section->transactional = false;
        } else if (option.compare(QLatin1String("transaction:true"), Qt::CaseInsensitive) == 0) {
            section->transactional = true;
        } else {
            return Error::input(QStringLiteral("Unknown option '%1' on the `%2` marker.")
                                    .arg(option.toString(), markerText),
                                path, lineNumber, int(start) + 1,
                                QStringLiteral("Expected `transaction:false`, "
                                               "`transaction:true` or nothing."));
        }
    }
    return {};
}

} // namespace

Result<RevisionScript> parseRevisionScript(const QString &text, const QString &path, bool headerOnly)
{
    RevisionScript script;
    script.path = absolutePath(path);

    LineCursor cursor;
    cursor.text = QStringView(text);
    if (cursor.text.startsWith(QChar(0xFEFF)))
        cursor.pos = 1;

    // Header: the first block of `--` lines (blank lines before it are allowed).
    QString docText;   // the header lines without their `-- ` prefix
    bool anyDocLine = false;
    int headerFirstLine = 0;
    int headerEndLine = 0;     // first line after the header block
    std::array<int, 5> keyLines{};
    QStringView line;
    bool more = false;
    while ((more = cursor.next(&line))) {
        const qsizetype indent = leadingSpace(line);
        if (indent == line.size() && !anyDocLine)
            continue;
        if (!line.mid(indent).startsWith(QLatin1String("--")) || isMarkerLine(line))
            break;
        if (headerFirstLine == 0)
            headerFirstLine = cursor.number;

        qsizetype contentStart = indent + 2;
        if (contentStart < line.size() && line.at(contentStart) == QLatin1Char(' '))
            ++contentStart;
        const QStringView content = line.mid(contentStart);
        if (anyDocLine)
            docText += QLatin1Char('\n');
        docText += content;
        anyDocLine = true;

        const qsizetype keyStart = contentStart + leadingSpace(content);
        const QStringView rest = line.mid(keyStart);
        if (Status s = checkNearMissKey(rest, path, cursor.number, int(keyStart) + 1); !s)
            return s.error();
        for (const HeaderKey &key : kHeaderKeys) {
            // First letter before the full comparison: most header lines are message text.
            if (rest.isEmpty() || rest.front().toLower() != QChar(key.name.front()).toLower()
                || !rest.startsWith(key.name, Qt::CaseInsensitive))
                continue;
            qsizetype colon = key.name.size();
            while (colon < rest.size() && rest.at(colon) == QLatin1Char(' '))
                ++colon;
            if (colon >= rest.size() || rest.at(colon) != QLatin1Char(':'))
                continue;
            const qsizetype valueOffset =
                keyStart + colon + 1 + leadingSpace(rest.mid(colon + 1));
            const QStringView value = line.mid(valueOffset).trimmed();
            const int valueColumn = int(valueOffset) + 1;

            int &seen = keyLines[size_t(key.field)];
            if (seen != 0)
                return Error::input(QStringLiteral("The header names `%1:` twice.").arg(key.name),
                                    path, cursor.number, int(keyStart) + 1,
                                    QStringLiteral("Expected one `%1:` line; the first is on line %2.")
                                        .arg(key.name)
                                        .arg(seen));
            seen = cursor.number;

            switch (key.field) {
            case HeaderKey::Revision:
                if (value.isEmpty())
                    return Error::input(QStringLiteral("The `Revision ID:` line has no id."), path,
                                        cursor.number, valueColumn,
                                        QStringLiteral("Expected a revision id after "
                                                       "`Revision ID:` (e.g. ae1027a6acf2)."));
                if (Status s = checkRevisionId(value, path, cursor.number, valueColumn,
                                               QStringLiteral("revision id"));
                    !s)
                    return s.error();
                if (value.size() > kMaxRevisionIdLength)
                    return Error::input(QStringLiteral("The revision id '%1' is %2 characters long; the version table holds %3.")
                                            .arg(value.toString())
                                            .arg(value.size())
                                            .arg(kMaxRevisionIdLength),
                                        path, cursor.number, valueColumn,
                                        QStringLiteral("Expected a revision id of at most %1 characters (e.g. ae1027a6acf2).")
                                            .arg(kMaxRevisionIdLength));
                script.revision = value.toString();
                break;
            case HeaderKey::Revises: {
                QList<qsizetype> offsets;
                const QStringList items = splitList(value, &offsets);
                for (qsizetype k = 0; k < items.size(); ++k) {
                    if (Status s = checkRevisionId(items.at(k), path, cursor.number,
                                                   valueColumn + int(offsets.at(k)),
                                                   QStringLiteral("down revision"));
                        !s)
                        return s.error();
                }
                script.downRevisions = items;
                break;
            }
            case HeaderKey::DependsOn:
                // May name branch labels, which Alembic does not restrict like ids.
                script.dependsOn = splitList(value);
                break;
            case HeaderKey::BranchLabels:
                script.branchLabels = splitList(value);
                break;
            case HeaderKey::CreateDate:
                script.createDate = value.toString();
                break;
            }
            break;
        }
    }
    headerEndLine = more ? cursor.number : cursor.number + 1;

    if (!anyDocLine) {
        return Error::input(QStringLiteral("The revision file has no header."), path,
                            more ? cursor.number : 1, 1, kHeaderHint);
    }
    if (script.revision.isEmpty()) {
        return Error::input(QStringLiteral("The header has no `Revision ID:` line."), path,
                            headerFirstLine, 1,
                            QStringLiteral("Expected `-- Revision ID: <id>` in the leading "
                                           "comment block (one block, no blank lines inside)."));
    }

    script.longDoc = QStringView(docText).trimmed().toString();   // exact size: docText grew line by line
    script.doc = firstParagraph(script.longDoc);
    if (headerOnly)
        return script;

    // Sections. The line that ended the header is read again: it may be a marker.
    if (more)
        cursor.rewind();
    ScriptSection *open = nullptr;
    qsizetype bodyStart = 0;
    bool inBlockComment = false;
    const auto closeSection = [&](qsizetype end) {
        if (open)
            open->body = text.mid(bodyStart, end - bodyStart);
    };

    while (cursor.next(&line)) {
        qsizetype markerAt = 0;
        const QStringView name = markerOf(line, &markerAt);
        if (!name.isEmpty()) {
            const QString markerText = QStringLiteral("-- migrate:%1").arg(name);
            const int markerColumn = int(leadingSpace(line)) + 1;
            const bool isUpgrade = name == QLatin1String("upgrade");
            if (isUpgrade || name == QLatin1String("downgrade")) {
                ScriptSection *section = isUpgrade ? &script.upgrade : &script.downgrade;
                if (section->present)
                    return Error::input(QStringLiteral("The file has a second `%1` section.")
                                            .arg(markerText),
                                        path, cursor.number, markerColumn,
                                        QStringLiteral("Expected one `%1` section; the first "
                                                       "opens on line %2.")
                                            .arg(markerText)
                                            .arg(section->markerLine));
                closeSection(cursor.start);
                section->present = true;
                section->markerLine = cursor.number;
                section->bodyLine = cursor.number + 1;
                if (Status s = parseSectionMarker(line, markerAt + kMarkerPrefix.size() + name.size(),
                                                  section, markerText, path, cursor.number);
                    !s)
                    return s.error();
                open = section;
                bodyStart = cursor.pos < text.size() ? cursor.pos : text.size();
                continue;
            }
            if (name == QLatin1String("statement-begin") || name == QLatin1String("statement-end")) {
                if (!open)
                    return Error::input(QStringLiteral("`%1` comes before the first section.")
                                            .arg(markerText),
                                        path, cursor.number, markerColumn,
                                        QStringLiteral("Expected `-- migrate:upgrade` or "
                                                       "`-- migrate:downgrade` before it."));
                continue;
            }
            return Error::input(QStringLiteral("Unknown marker `-- %1`.")
                                    .arg(line.mid(markerAt).trimmed().toString()),
                                path, cursor.number, markerColumn,
                                QStringLiteral("Expected `-- migrate:upgrade`, "
                                               "`-- migrate:downgrade`, "
                                               "`-- migrate:statement-begin` or "
                                               "`-- migrate:statement-end`."));
        }
        if (open)
            continue;

        // Between the header and the first section only comments and blank lines may stand.
        const qsizetype indent = leadingSpace(line);
        QStringView rest = line.mid(indent);
        if (inBlockComment) {
            const qsizetype close = rest.indexOf(QLatin1String("*/"));
            if (close < 0)
                continue;
            inBlockComment = false;
            rest = rest.mid(close + 2).trimmed();
            if (rest.isEmpty() || rest.startsWith(QLatin1String("--")))
                continue;
        } else if (rest.isEmpty() || rest.startsWith(QLatin1String("--"))) {
            continue;
        } else if (rest.startsWith(QLatin1String("/*"))) {
            const qsizetype close = rest.indexOf(QLatin1String("*/"), 2);
            if (close < 0) {
                inBlockComment = true;
                continue;
            }
            const QStringView after = rest.mid(close + 2).trimmed();
            if (after.isEmpty() || after.startsWith(QLatin1String("--")))
                continue;
        }
        return Error::input(QStringLiteral("SQL stands before the first section marker."), path,
                            cursor.number, int(indent) + 1,
                            QStringLiteral("Expected `-- migrate:upgrade` before any SQL; only "
                                           "comments may stand between the header and the "
                                           "first section."));
    }
    closeSection(text.size());

    if (!script.upgrade.present)
        return Error::input(QStringLiteral("The revision file has no `-- migrate:upgrade` section."),
                            path, headerEndLine, 1,
                            QStringLiteral("Expected a `-- migrate:upgrade` line after the header, "
                                           "followed by the upgrade SQL."));
    script.sectionsLoaded = true;
    return script;
}

namespace {

// Returns the byte offset where the header block ends in \a data (the start of the first line
// that is not part of it), or -1 when \a data stops inside the header and more must be read.
qsizetype headerEnd(const char *data, qsizetype size, bool atEnd)
{
    qsizetype pos = 0;
    if (size >= 3 && uchar(data[0]) == 0xEF && uchar(data[1]) == 0xBB && uchar(data[2]) == 0xBF)
        pos = 3;
    bool inHeader = false;
    while (pos < size) {
        const char *nl = static_cast<const char *>(memchr(data + pos, '\n', size_t(size - pos)));
        if (!nl && !atEnd)
            return -1;   // an incomplete line might still turn out to be a marker
        const qsizetype eol = nl ? nl - data : size;
        qsizetype i = pos;
        while (i < eol && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'))
            ++i;
        // Without a header yet, the offending line is kept so that the error can point at it.
        const qsizetype stop = inHeader ? pos : (nl ? eol + 1 : size);
        if (i == eol) {
            if (inHeader)
                return pos;
        } else {
            if (eol - i < 2 || data[i] != '-' || data[i + 1] != '-')
                return stop;
            qsizetype j = i + 2;
            while (j < eol && (data[j] == ' ' || data[j] == '\t'))
                ++j;
            if (eol - j >= 8 && memcmp(data + j, "migrate:", 8) == 0)
                return stop;
            inHeader = true;
        }
        pos = eol + 1;
    }
    return size;
}

Status openFile(const QString &path, QFile &file)
{
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::input(QStringLiteral("Cannot read the revision file: %1.")
                                .arg(file.errorString()),
                            path, 0, 0, QStringLiteral("Expected a readable file."));
    }
    return {};
}

// Reads from \a read (a callable filling a buffer, returning bytes read or -1) until the header
// block is complete, then parses it. \a failure describes a failed read.
template<typename Read, typename Failure>
Result<RevisionScript> readHeaderWith(const QString &path, Read read, Failure failure)
{
    // Headers are a few hundred bytes: one small read nearly always holds the whole block.
    char stackBuffer[4096];
    QByteArray heap;
    char *data = stackBuffer;
    qsizetype capacity = sizeof stackBuffer;
    qsizetype size = 0;
    qsizetype end = -1;
    for (;;) {
        const qint64 got = read(data + size, capacity - size);
        if (got < 0)
            return Error::input(QStringLiteral("Cannot read the revision file: %1.").arg(failure()),
                                path, 0, 0, QStringLiteral("Expected a readable file."));
        const bool atEnd = got == 0;
        size += got;
        end = headerEnd(data, size, atEnd);
        if (end >= 0 || atEnd)
            break;
        if (size < capacity)
            continue;
        if (data == stackBuffer) {
            heap = QByteArray(stackBuffer, size);
            heap.resize(capacity * 2);
        } else {
            heap.resize(capacity * 2);
        }
        data = heap.data();
        capacity *= 2;
    }
    if (end < 0)
        end = size;
    if (Status ok = checkEncoding(data, end, path); !ok)
        return ok.error();
    return parseRevisionScript(QString::fromUtf8(data, end), path, true);
}

} // namespace

namespace {

#ifdef Q_OS_UNIX
// Reads the header from an open descriptor with plain system calls: on 10,000 revisions they
// cost about half of what QFile's open and buffering do.
Result<RevisionScript> readHeaderFromDescriptor(int fd, const QString &path)
{
    Result<RevisionScript> result = readHeaderWith(
        path,
        [fd](char *buffer, qsizetype size) -> qint64 {
            ssize_t got;
            do {
                got = ::read(fd, buffer, size_t(size));
            } while (got < 0 && errno == EINTR);
            return got;
        },
        [] { return QString::fromLocal8Bit(strerror(errno)); });
    ::close(fd);
    return result;
}

Error unreadable(const QString &path)
{
    return Error::input(QStringLiteral("Cannot read the revision file: %1.")
                            .arg(QString::fromLocal8Bit(strerror(errno))),
                        path, 0, 0, QStringLiteral("Expected a readable file."));
}
#endif

} // namespace

Result<RevisionScript> readRevisionHeader(const QString &path)
{
    if (path.endsWith(QLatin1String(".py")))
        return readPythonRevision(path);

#ifdef Q_OS_UNIX
    // Qt resource paths (":/…") need QFile.
    if (!path.startsWith(QLatin1Char(':'))) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return unreadable(path);
        return readHeaderFromDescriptor(fd, path);
    }
#endif

    QFile file(path);
    if (Status opened = openFile(path, file); !opened)
        return opened.error();
    return readHeaderWith(
        path, [&file](char *buffer, qsizetype size) { return file.read(buffer, size); },
        [&file] { return file.errorString(); });
}

Result<QList<RevisionScript>> readRevisionHeaders(const QString &directory,
                                                  const QStringList &fileNames,
                                                  QList<Error> *failures)
{
    const QString prefix = directory.endsWith(QLatin1Char('/')) ? directory
                                                                : directory + QLatin1Char('/');
    const qsizetype count = fileNames.size();
#ifdef Q_OS_UNIX
    // Opening by name relative to the folder spares the kernel walking the whole path again
    // for every file.
    const int dirFd = prefix.startsWith(QLatin1Char(':'))
                          ? -1
                          : ::open(QFile::encodeName(directory).constData(),
                                   O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
    const auto readOne = [&](qsizetype i) -> Result<RevisionScript> {
        const QString &name = fileNames.at(i);
        QString path;
        path.reserve(prefix.size() + name.size());
        path.append(prefix).append(name);
#ifdef Q_OS_UNIX
        if (dirFd >= 0 && !name.endsWith(QLatin1String(".py"))) {
            const int fd = ::openat(dirFd, QFile::encodeName(name).constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return unreadable(path);
            return readHeaderFromDescriptor(fd, path);
        }
#endif
        return readRevisionHeader(path);
    };

    // The files are independent: large histories are read on all cores.
    const int threads = count < 512 ? 1 : std::clamp(QThread::idealThreadCount(), 1, 8);
    std::vector<std::optional<Result<RevisionScript>>> results(static_cast<size_t>(count));
    const auto readRange = [&](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i)
            results[size_t(i)].emplace(readOne(i));
    };
    const qsizetype chunk = (count + threads - 1) / std::max(threads, 1);
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(readRange, std::min(count, t * chunk), std::min(count, (t + 1) * chunk));
    readRange(0, std::min(count, chunk));
    for (std::thread &worker : workers)
        worker.join();
#ifdef Q_OS_UNIX
    if (dirFd >= 0)
        ::close(dirFd);
#endif

    QList<RevisionScript> scripts;
    scripts.reserve(count);
    for (std::optional<Result<RevisionScript>> &result : results) {
        if (!*result && failures) {
            failures->append(result->error());
            continue;
        }
        if (!*result)
            return result->error();   // the first bad file in file-name order
        scripts.append(std::move(**result));
    }
    return scripts;
}

Result<RevisionScript> readRevisionScript(const QString &path)
{
    if (path.endsWith(QLatin1String(".py")))
        return readPythonRevision(path);
    QFile file(path);
    if (Status opened = openFile(path, file); !opened)
        return opened.error();
    Result<QString> text = revisionText(file.readAll(), path);
    if (!text)
        return text.error();
    if (Status copy = rejectCopyFromStdin(*text, path); !copy)
        return copy.error();
    return parseRevisionScript(*text, path, false);
}

Result<QList<SqlStatement>> sectionStatements(const ScriptSection &section, const QString &path)
{
    if (!section.present)
        return QList<SqlStatement>();
    return splitSqlStatements(section.body, path, section.bodyLine);
}

// --- Alembic `.py` revisions: a small tokenizer, enough for module-level literals ---------------

namespace {

struct PyToken
{
    enum Type { Name, String, Number, Op };
    Type type = Op;
    QString text;   // decoded value for strings
    int line = 0;
    int column = 0;
};

struct PyLine
{
    QList<PyToken> tokens;
    bool indented = false;
};

class PythonTokenizer
{
public:
    PythonTokenizer(const QString &text, const QString &path) : m_text(text), m_path(path) {}

    Result<QList<PyLine>> run();

private:
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text.at(i) : QChar(); }
    int column(qsizetype i) const { return int(i - m_lineStart) + 1; }
    void newline(qsizetype at)
    {
        ++m_line;
        m_lineStart = at + 1;
    }
    Result<QString> string(qsizetype quoteAt, bool raw);
    void endLine()
    {
        if (!m_current.tokens.isEmpty())
            m_lines.append(m_current);
        m_current = PyLine();
    }

    const QString &m_text;
    const QString &m_path;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    int m_depth = 0;
    PyLine m_current;
    QList<PyLine> m_lines;
};

Result<QString> PythonTokenizer::string(qsizetype quoteAt, bool raw)
{
    const QChar quote = m_text.at(quoteAt);
    const bool triple = at(quoteAt + 1) == quote && at(quoteAt + 2) == quote;
    const int startLine = m_line;
    const int startColumn = column(quoteAt);
    qsizetype i = quoteAt + (triple ? 3 : 1);
    QString value;
    const qsizetype size = m_text.size();
    for (;;) {
        if (i >= size || (!triple && m_text.at(i) == QLatin1Char('\n'))) {
            const QString closing = triple ? QString(3, quote) : QString(quote);
            return Error::input(QStringLiteral("Unterminated string literal."), m_path, startLine,
                                startColumn,
                                QStringLiteral("Expected a closing %1 for the string opened here.")
                                    .arg(closing));
        }
        const QChar c = m_text.at(i);
        if (c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote))) {
            m_pos = i + (triple ? 3 : 1);
            return value;
        }
        if (c == QLatin1Char('\n'))
            newline(i);
        if (c != QLatin1Char('\\')) {
            value.append(c);
            ++i;
            continue;
        }
        const QChar e = at(i + 1);
        if (raw) {
            // A raw string keeps its backslashes; one still keeps the next quote from closing it.
            value.append(c);
            if (i + 1 < size) {
                if (e == QLatin1Char('\n'))
                    newline(i + 1);
                value.append(e);
            }
            i += 2;
            continue;
        }
        i += 2;
        // A backslash before the line end joins the lines; the others are Python's escapes.
        switch (e.unicode()) {
        case '\n':
            newline(i - 1);
            break;
        case '\\':
        case '\'':
        case '"':
            value.append(e);
            break;
        case 'n':
            value.append(QLatin1Char('\n'));
            break;
        case 't':
            value.append(QLatin1Char('\t'));
            break;
        case 'r':
            value.append(QLatin1Char('\r'));
            break;
        case 'a':
            value.append(QChar(7));
            break;
        case 'b':
            value.append(QChar(8));
            break;
        case 'f':
            value.append(QChar(12));
            break;
        case 'v':
            value.append(QChar(11));
            break;
        case 'x':
        case 'u':
        case 'U': {
            const int digits = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
            bool ok = false;
            const uint code = m_text.mid(i, digits).toUInt(&ok, 16);
            if (ok && i + digits <= size) {
                const char32_t ch = code;
                value.append(QString::fromUcs4(&ch, 1));
                i += digits;
            } else {
                value.append(QLatin1Char('\\'));
                value.append(e);
            }
            break;
        }
        default:
            if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                uint code = uint(e.unicode() - '0');
                for (int k = 0; k < 2 && at(i) >= QLatin1Char('0') && at(i) <= QLatin1Char('7'); ++k)
                    code = code * 8 + uint(m_text.at(i++).unicode() - '0');
                value.append(QChar(char16_t(code)));
            } else {
                // Python keeps unknown escapes (and \N{…}) as written.
                value.append(QLatin1Char('\\'));
                if (i - 1 < size)
                    value.append(e);
            }
        }
    }
}

Result<QList<PyLine>> PythonTokenizer::run()
{
    const qsizetype size = m_text.size();
    bool lineStart = true;
    while (m_pos < size) {
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('\n')) {
            newline(m_pos);
            ++m_pos;
            if (m_depth == 0) {
                endLine();
                lineStart = true;
            }
            continue;
        }
        if (c == QLatin1Char('\\') && (at(m_pos + 1) == QLatin1Char('\n')
                                       || (at(m_pos + 1) == QLatin1Char('\r')
                                           && at(m_pos + 2) == QLatin1Char('\n')))) {
            m_pos += at(m_pos + 1) == QLatin1Char('\n') ? 1 : 2;
            newline(m_pos);
            ++m_pos;
            continue;
        }
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')
            || c == QLatin1Char('\f')) {
            ++m_pos;
            continue;
        }
        if (c == QLatin1Char('#')) {
            while (m_pos < size && m_text.at(m_pos) != QLatin1Char('\n'))
                ++m_pos;
            continue;
        }

        PyToken token;
        token.line = m_line;
        token.column = column(m_pos);
        if (lineStart) {
            m_current.indented = token.column > 1;
            lineStart = false;
        }

        if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype end = m_pos + 1;
            while (end < size && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == QLatin1Char('_')))
                ++end;
            const QString word = m_text.mid(m_pos, end - m_pos);
            const QChar next = at(end);
            if ((next == QLatin1Char('\'') || next == QLatin1Char('"')) && word.size() <= 2) {
                const QString prefix = word.toLower();
                static const QStringList prefixes = {
                    QStringLiteral("r"), QStringLiteral("u"), QStringLiteral("b"), QStringLiteral("f"),
                    QStringLiteral("br"), QStringLiteral("rb"), QStringLiteral("fr"), QStringLiteral("rf")};
                if (prefixes.contains(prefix)) {
                    Result<QString> value = string(end, prefix.contains(QLatin1Char('r')));
                    if (!value)
                        return value.error();
                    token.type = PyToken::String;
                    token.text = *value;
                    m_current.tokens.append(token);
                    continue;
                }
            }
            token.type = PyToken::Name;
            token.text = word;
            m_pos = end;
            m_current.tokens.append(token);
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            Result<QString> value = string(m_pos, false);
            if (!value)
                return value.error();
            token.type = PyToken::String;
            token.text = *value;
            m_current.tokens.append(token);
            continue;
        }
        if (c.isDigit()) {
            qsizetype end = m_pos + 1;
            while (end < size && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == QLatin1Char('.')
                                  || m_text.at(end) == QLatin1Char('_')))
                ++end;
            token.type = PyToken::Number;
            token.text = m_text.mid(m_pos, end - m_pos);
            m_pos = end;
            m_current.tokens.append(token);
            continue;
        }

        token.type = PyToken::Op;
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
            ++m_depth;
        else if ((c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) && m_depth > 0)
            --m_depth;
        // `==`, `+=`, `:=` and friends must not read as a plain assignment.
        if (at(m_pos + 1) == QLatin1Char('=') && QStringLiteral("=!<>+-*/%&|^@:").contains(c)) {
            token.text = m_text.mid(m_pos, 2);
            m_pos += 2;
        } else {
            token.text = QString(c);
            ++m_pos;
        }
        m_current.tokens.append(token);
    }
    endLine();
    return m_lines;
}

struct PyValue
{
    enum Kind { Missing, None, String, List } kind = Missing;
    QStringList items;
    int line = 0;
    int column = 0;
};

bool isOp(const PyToken &token, char op)
{
    return token.type == PyToken::Op && token.text.size() == 1 && token.text.at(0) == QLatin1Char(op);
}

Result<PyValue> pythonValue(const QList<PyToken> &tokens, qsizetype i, const QString &name,
                            const QString &path)
{
    PyValue value;
    const PyToken &first = tokens.at(i);
    value.line = first.line;
    value.column = first.column;
    const auto unsupported = [&](const PyToken &at) {
        return Error::input(QStringLiteral("Cannot read the value of `%1`.").arg(name), path,
                            at.line, at.column,
                            QStringLiteral("Expected a string literal, None or a tuple of "
                                           "strings (read-only support reads literals only)."));
    };
    // Adjacent literals concatenate, as in Python.
    const auto readString = [&](qsizetype *j) {
        QString text;
        while (*j < tokens.size() && tokens.at(*j).type == PyToken::String)
            text += tokens.at((*j)++).text;
        return text;
    };

    if (first.type == PyToken::Name && first.text == QLatin1String("None")) {
        if (i + 1 != tokens.size())
            return unsupported(tokens.at(i + 1));
        value.kind = PyValue::None;
        return value;
    }
    if (first.type == PyToken::String) {
        qsizetype j = i;
        const QString text = readString(&j);
        if (j != tokens.size())
            return unsupported(tokens.at(j));
        value.kind = PyValue::String;
        value.items << text;
        return value;
    }
    if (isOp(first, '(') || isOp(first, '[') || isOp(first, '{')) {
        const char close = isOp(first, '(') ? ')' : isOp(first, '[') ? ']' : '}';
        qsizetype j = i + 1;
        bool sawComma = false;
        while (j < tokens.size() && !isOp(tokens.at(j), close)) {
            if (tokens.at(j).type != PyToken::String)
                return unsupported(tokens.at(j));
            value.items << readString(&j);
            if (j < tokens.size() && isOp(tokens.at(j), ',')) {
                sawComma = true;
                ++j;
            } else if (j < tokens.size() && !isOp(tokens.at(j), close)) {
                return unsupported(tokens.at(j));
            }
        }
        if (j >= tokens.size())
            return unsupported(first);
        if (j + 1 != tokens.size())
            return unsupported(tokens.at(j + 1));
        // ('a') is just a parenthesised string.
        value.kind = (close == ')' && !sawComma && value.items.size() == 1) ? PyValue::String
                                                                             : PyValue::List;
        return value;
    }
    return unsupported(first);
}

QStringList pythonList(const PyValue &value)
{
    if (value.kind == PyValue::String && value.items.constFirst().isEmpty())
        return {};
    return value.items;
}

} // namespace

Result<RevisionScript> parsePythonRevision(const QString &source, const QString &path)
{
    // Python reads source with universal newlines: a docstring never holds a \r.
    QString text = source;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    PythonTokenizer tokenizer(text, path);
    Result<QList<PyLine>> lines = tokenizer.run();
    if (!lines)
        return lines.error();

    RevisionScript script;
    script.path = absolutePath(path);
    script.python = true;

    static const QStringList names = {QStringLiteral("revision"), QStringLiteral("down_revision"),
                                      QStringLiteral("branch_labels"), QStringLiteral("depends_on")};
    std::array<PyValue, 4> values;
    bool first = true;
    for (const PyLine &line : std::as_const(*lines)) {
        const QList<PyToken> &tokens = line.tokens;
        // The module docstring: a first statement made only of string literals.
        if (first) {
            first = false;
            bool allStrings = true;
            QString doc;
            for (const PyToken &token : tokens) {
                allStrings = allStrings && token.type == PyToken::String;
                doc += token.text;
            }
            if (allStrings) {
                script.longDoc = doc.trimmed();
                script.doc = firstParagraph(script.longDoc);
                continue;
            }
        }
        if (line.indented || tokens.size() < 3 || tokens.at(0).type != PyToken::Name)
            continue;
        const qsizetype which = names.indexOf(tokens.at(0).text);
        if (which < 0)
            continue;
        // `name = value` or `name: Annotation[...] = value`: the first `=` outside brackets.
        qsizetype eq = -1;
        int depth = 0;
        for (qsizetype k = 1; k < tokens.size(); ++k) {
            const PyToken &t = tokens.at(k);
            if (isOp(t, '(') || isOp(t, '[') || isOp(t, '{'))
                ++depth;
            else if (isOp(t, ')') || isOp(t, ']') || isOp(t, '}'))
                --depth;
            else if (depth == 0 && isOp(t, '=')) {
                eq = k;
                break;
            }
        }
        if (eq < 0 || (eq > 1 && !isOp(tokens.at(1), ':')))
            continue;   // not an assignment to the name itself
        if (eq + 1 >= tokens.size())
            return Error::input(QStringLiteral("`%1` has no value.").arg(names.at(which)), path,
                                tokens.at(eq).line, tokens.at(eq).column + 1,
                                QStringLiteral("Expected a string literal, None or a tuple of strings."));
        Result<PyValue> value = pythonValue(tokens, eq + 1, names.at(which), path);
        if (!value)
            return value.error();
        values[size_t(which)] = *value;
    }

    const PyValue &revision = values[0];
    if (revision.kind == PyValue::Missing) {
        // Alembic's legacy rule: a file named `<hex>.py` without `revision` takes its id from the name.
        const QString fileName = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
        const QString stem = fileName.chopped(3);
        bool hex = fileName.endsWith(QLatin1String(".py")) && !stem.isEmpty();
        for (QChar c : stem)
            hex = hex && ((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                          || (c >= QLatin1Char('a') && c <= QLatin1Char('f')));
        if (!hex)
            return Error::input(QStringLiteral("Could not determine revision id from filename %1.")
                                    .arg(fileName),
                                path, 0, 0,
                                QStringLiteral("Expected a module-level `revision = '<id>'`."));
        script.revision = stem;
    } else if (revision.kind != PyValue::String || revision.items.constFirst().isEmpty()) {
        return Error::input(QStringLiteral("`revision` is not a revision id."), path,
                            revision.line, revision.column,
                            QStringLiteral("Expected `revision = '<id>'` with a non-empty string."));
    } else {
        script.revision = revision.items.constFirst();
        if (Status s = checkRevisionId(script.revision, path, revision.line, revision.column + 1,
                                       QStringLiteral("revision id"));
            !s)
            return s.error();
    }

    const PyValue &down = values[1];
    if (down.kind == PyValue::Missing)
        return Error::input(QStringLiteral("The revision file does not set `down_revision`."), path,
                            0, 0,
                            QStringLiteral("Expected a module-level `down_revision = '<id>'`, "
                                           "`None` for a base, or a tuple for a merge."));
    script.downRevisions = pythonList(down);
    script.branchLabels = pythonList(values[2]);
    script.dependsOn = pythonList(values[3]);

    // Alembic keeps no create date of its own; its docstring template carries one.
    for (QStringView docLine : QStringView(script.longDoc).split(QLatin1Char('\n'))) {
        const QStringView trimmed = docLine.trimmed();
        if (trimmed.startsWith(QLatin1String("Create Date:"), Qt::CaseInsensitive)) {
            script.createDate = trimmed.mid(12).trimmed().toString();
            break;
        }
    }
    return script;
}

Result<RevisionScript> readPythonRevision(const QString &path)
{
    QFile file(path);
    if (Status opened = openFile(path, file); !opened)
        return opened.error();
    const QByteArray data = file.readAll();
    // PEP 263: a coding line in the first two lines says how the file is written.
    static const QRegularExpression coding(QStringLiteral("^[ \\t]*#.*coding[:=][ \\t]*(latin-1|iso-8859-1|latin1)\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QList<QByteArray> head = data.left(400).split('\n');
    for (qsizetype i = 0; i < qMin<qsizetype>(2, head.size()); ++i)
        if (coding.match(QString::fromLatin1(head.at(i))).hasMatch() && !data.contains('\0'))
            return parsePythonRevision(QString::fromLatin1(data), path);
    Result<QString> text = revisionText(data, path);
    if (!text)
        return text.error();
    return parsePythonRevision(*text, path);
}

} // namespace Stratum
