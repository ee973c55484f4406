// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "revisionscript.h"

#include "pythonmodule_p.h"

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

// --- Alembic `.py` revisions ----------------------------------------------------------------

namespace {

const QString kPythonValueHint = QStringLiteral(
    "Expected a string, None or a tuple of strings: literals, module-level names assigned those, "
    "or constants imported from the project's own modules.");

// The id of a legacy file named `<hex>.py` that declares no `revision` (Alembic's rule).
std::optional<QString> legacyRevisionId(const QString &path)
{
    static const QRegularExpression legacy(QStringLiteral("^([a-f0-9]+)\\.py$"));
    const QRegularExpressionMatch m = legacy.match(path.mid(path.lastIndexOf(QLatin1Char('/')) + 1));
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1);
}

// \a name's value as Alembic's util.to_tuple sees it (None and "" give nothing).
Result<QStringList> pythonList(const Internal::PyModule &module, Internal::PyImportResolver &resolver,
                               const QString &name, const QString &path)
{
    if (!module.names.contains(name))
        return QStringList();   // Alembic: getattr(module, name, None)
    const auto at = module.assignedAt.value(name);
    const Internal::PyValue value = resolver.resolve(module.names.value(name));
    const auto fail = [&](const QString &why) {
        return Error::input(QStringLiteral("Cannot read `%1` without running Python: %2.").arg(name, why), path,
                            at.first, at.second, kPythonValueHint);
    };
    using Internal::PyValue;
    if (value.kind == PyValue::Unknown)
        return fail(value.why);
    if (value.kind == PyValue::None)
        return QStringList();
    if (value.kind == PyValue::Str)
        return value.text.isEmpty() ? QStringList() : QStringList{value.text};
    if (value.kind != PyValue::Tuple && value.kind != PyValue::List && value.kind != PyValue::Set)
        return fail(QStringLiteral("it is not a string, None or a tuple"));
    QStringList items;
    for (const PyValue &item : value.items) {
        if (item.kind == PyValue::Unknown)
            return fail(item.why);
        if (item.kind != PyValue::Str)
            return fail(QStringLiteral("an item of it is not a string"));
        items << item.text;
    }
    return items;
}

} // namespace

Result<RevisionScript> parsePythonRevision(const QString &text, const QString &path)
{
    Internal::PyImportResolver resolver(absolutePath(path));
    Result<Internal::PyModule> module = Internal::evaluatePythonModule(text, path, &resolver);
    if (!module)
        return module.error();

    RevisionScript script;
    script.path = absolutePath(path);
    script.python = true;
    if (module->hasDocstring) {
        script.longDoc = Internal::pythonStrip(module->docstring);
        script.doc = firstParagraph(script.longDoc);
    }

    if (!module->names.contains(QStringLiteral("revision"))) {
        const std::optional<QString> legacy = legacyRevisionId(path);
        if (!legacy)
            return Error::input(QStringLiteral("Could not determine revision id from filename %1.")
                                    .arg(path.mid(path.lastIndexOf(QLatin1Char('/')) + 1)),
                                path, 0, 0, QStringLiteral("Expected a module-level `revision = '<id>'`."));
        script.revision = *legacy;
    } else {
        const auto at = module->assignedAt.value(QStringLiteral("revision"));
        const Internal::PyValue revision = resolver.resolve(module->names.value(QStringLiteral("revision")));
        if (revision.kind == Internal::PyValue::Unknown)
            return Error::input(QStringLiteral("Cannot read `revision` without running Python: %1.").arg(revision.why),
                                path, at.first, at.second, kPythonValueHint);
        // Errors in a literal point into it; a value from elsewhere points at the assignment.
        const bool here = revision.line > 0;
        const int line = here ? revision.line : at.first;
        const int column = here ? revision.column : at.second;
        if (revision.kind != Internal::PyValue::Str || revision.text.isEmpty())
            return Error::input(QStringLiteral("`revision` is not a revision id."), path, line, column,
                                QStringLiteral("Expected `revision = '<id>'` with a non-empty string."));
        script.revision = revision.text;
        if (Status s = checkRevisionId(script.revision, path, line, here ? column + 1 : column, QStringLiteral("revision id"));
            !s)
            return s.error();
    }

    if (!module->names.contains(QStringLiteral("down_revision")))
        return Error::input(QStringLiteral("The revision file does not set `down_revision`."), path, 0, 0,
                            QStringLiteral("Expected a module-level `down_revision = '<id>'`, "
                                           "`None` for a base, or a tuple for a merge."));
    struct Field
    {
        const char *name;
        QStringList *into;
    };
    for (const Field &field : {Field{"down_revision", &script.downRevisions}, Field{"branch_labels", &script.branchLabels},
                               Field{"depends_on", &script.dependsOn}}) {
        Result<QStringList> items = pythonList(*module, resolver, QString::fromLatin1(field.name), path);
        if (!items)
            return items.error();
        *field.into = *items;
    }

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
    Result<QString> text = Internal::decodePythonSource(file.readAll(), path);
    if (!text)
        return text.error();
    return parsePythonRevision(*text, path);
}

} // namespace Stratum
