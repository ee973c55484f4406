// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "revisiontemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QTimeZone>

#include <chrono>

namespace Stratum {

namespace {

const QStringList kPlaceholders = {
    QStringLiteral("message"),     QStringLiteral("up_revision"),   QStringLiteral("down_revision"),
    QStringLiteral("create_date"), QStringLiteral("branch_labels"), QStringLiteral("depends_on"),
};

QString placeholderList()
{
    QStringList names;
    for (const QString &name : kPlaceholders)
        names << QStringLiteral("${%1}").arg(name);
    return names.join(QLatin1String(", "));
}

// `-- Branch Labels:` / `-- Depends On:` with nothing after the colon.
bool isEmptyOptionalKeyLine(QStringView line)
{
    QStringView rest = line.trimmed();
    if (!rest.startsWith(QLatin1String("--")))
        return false;
    rest = rest.mid(2).trimmed();
    if (!rest.endsWith(QLatin1Char(':')))
        return false;
    rest = rest.chopped(1).trimmed();
    return rest.compare(QLatin1String("Branch Labels"), Qt::CaseInsensitive) == 0
        || rest.compare(QLatin1String("Depends On"), Qt::CaseInsensitive) == 0;
}

// Whether \a prefix (the text before a placeholder on its line) is a SQL comment lead-in such
// as "-- ", which the further lines of a multi-line value must repeat to stay in the header.
bool isCommentPrefix(QStringView prefix)
{
    const QStringView trimmed = prefix.trimmed();
    if (!trimmed.startsWith(QLatin1String("--")))
        return false;
    for (QChar c : trimmed) {
        if (c != QLatin1Char('-'))
            return false;
    }
    return true;
}

struct FormatSpec
{
    bool leftAlign = false;
    bool zeroPad = false;
    bool plus = false;
    bool space = false;
    int width = 0;
    int precision = -1;
    QChar conversion;
};

QString applySpec(const FormatSpec &spec, const QString &text, bool isNumber, qint64 number)
{
    QString body;
    QString sign;
    if (spec.conversion == QLatin1Char('s')) {
        body = text;
        if (spec.precision >= 0)
            body.truncate(spec.precision);
    } else {
        body = QString::number(number < 0 ? -number : number);
        if (spec.precision > body.size())
            body = body.rightJustified(spec.precision, QLatin1Char('0'));
        if (number < 0)
            sign = QStringLiteral("-");
        else if (spec.plus)
            sign = QStringLiteral("+");
        else if (spec.space)
            sign = QStringLiteral(" ");
    }
    const int padding = spec.width - int(sign.size() + body.size());
    if (padding <= 0)
        return sign + body;
    if (spec.leftAlign)
        return sign + body + QString(padding, QLatin1Char(' '));
    if (spec.zeroPad && isNumber)
        return sign + QString(padding, QLatin1Char('0')) + body;
    return QString(padding, QLatin1Char(' ')) + sign + body;
}

} // namespace

QString CreateDate::toString() const
{
    return dateTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('.')
        + QString::number(microsecond).rightJustified(6, QLatin1Char('0'));
}

QString defaultRevisionTemplate()
{
    return QStringLiteral("-- ${message}\n"
                          "--\n"
                          "-- Revision ID: ${up_revision}\n"
                          "-- Revises: ${down_revision}\n"
                          "-- Create Date: ${create_date}\n"
                          "-- Branch Labels: ${branch_labels}\n"
                          "-- Depends On: ${depends_on}\n"
                          "\n"
                          "-- migrate:upgrade\n"
                          "\n"
                          "\n"
                          "-- migrate:downgrade\n"
                          "\n");
}

Result<QString> readRevisionTemplate(const QString &scriptLocation)
{
    const QString path = QDir(scriptLocation).filePath(QStringLiteral("script.sql.tmpl"));
    if (!QFileInfo::exists(path))
        return defaultRevisionTemplate();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("Cannot read the revision template: %1.")
                                .arg(file.errorString()),
                            path, 0, 0, QStringLiteral("Expected a readable script.sql.tmpl."));
    return QString::fromUtf8(file.readAll());
}

Result<QString> renderRevisionTemplate(const QString &templateText,
                                       const RevisionTemplateValues &values,
                                       const QString &templatePath)
{
    const QString comma = QStringLiteral(", ");
    QString message = values.message;
    message.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QHash<QString, QString> valueOf = {
        {QStringLiteral("message"), message},
        {QStringLiteral("up_revision"), values.revision},
        {QStringLiteral("down_revision"), values.downRevisions.join(comma)},
        {QStringLiteral("create_date"), values.createDate},
        {QStringLiteral("branch_labels"), values.branchLabels.join(comma)},
        {QStringLiteral("depends_on"), values.dependsOn.join(comma)},
    };

    QString out;
    out.reserve(templateText.size() + 256);
    const QStringView text(templateText);
    qsizetype lineStart = 0;
    int lineNumber = 0;
    while (lineStart <= text.size()) {
        qsizetype eol = text.indexOf(QLatin1Char('\n'), lineStart);
        const bool lastLine = eol < 0;
        if (lastLine)
            eol = text.size();
        ++lineNumber;
        const QStringView line = text.mid(lineStart, eol - lineStart);

        QString rendered;
        bool onlyOptionalKeys = true;
        bool anyPlaceholder = false;
        bool allEmpty = true;
        qsizetype pos = 0;
        while (pos < line.size()) {
            const qsizetype open = line.indexOf(QLatin1String("${"), pos);
            if (open < 0) {
                rendered += line.mid(pos);
                break;
            }
            rendered += line.mid(pos, open - pos);
            const qsizetype close = line.indexOf(QLatin1Char('}'), open + 2);
            if (close < 0)
                return Error::input(QStringLiteral("The template has an unclosed placeholder."),
                                    templatePath, lineNumber, int(open) + 1,
                                    QStringLiteral("Expected `}` to close the `${` opened here."));
            const QString name = line.mid(open + 2, close - open - 2).trimmed().toString();
            const auto found = valueOf.constFind(name);
            if (found == valueOf.constEnd())
                return Error::input(QStringLiteral("The template uses an unknown placeholder "
                                                   "`${%1}`.").arg(name),
                                    templatePath, lineNumber, int(open) + 1,
                                    QStringLiteral("Expected one of %1.").arg(placeholderList()));
            anyPlaceholder = true;
            allEmpty = allEmpty && found->isEmpty();
            onlyOptionalKeys = onlyOptionalKeys
                && (name == QLatin1String("branch_labels") || name == QLatin1String("depends_on"));

            const QStringView prefix = line.left(open);
            if (found->contains(QLatin1Char('\n')) && isCommentPrefix(prefix)) {
                const QStringList parts = found->split(QLatin1Char('\n'));
                rendered += parts.constFirst();
                for (qsizetype k = 1; k < parts.size(); ++k) {
                    rendered += QLatin1Char('\n');
                    if (parts.at(k).isEmpty()) {
                        rendered += prefix.trimmed();
                    } else {
                        rendered += prefix;
                        rendered += parts.at(k);
                    }
                }
            } else {
                rendered += *found;
            }
            pos = close + 1;
        }

        const bool drop = anyPlaceholder && onlyOptionalKeys && allEmpty
            && isEmptyOptionalKeyLine(rendered);
        if (!drop) {
            out += rendered;
            if (!lastLine)
                out += QLatin1Char('\n');
        }
        if (lastLine)
            break;
        lineStart = eol + 1;
    }
    return out;
}

QString generateRevisionId()
{
    const quint64 bits = QRandomGenerator::system()->generate64() & Q_UINT64_C(0xFFFFFFFFFFFF);
    return QString::number(bits, 16).rightJustified(12, QLatin1Char('0'));
}

QString revisionSlug(const QString &message, int truncateLength)
{
    // Python's \w and len() work on code points, so this does too.
    const QList<uint> codePoints = message.toUcs4();
    QList<uint> slug;
    bool inWord = false;
    for (uint c : codePoints) {
        const bool wordChar = c == '_' || QChar::isLetterOrNumber(char32_t(c));
        if (wordChar) {
            if (!inWord && !slug.isEmpty())
                slug.append('_');
            slug.append(c);
        }
        inWord = wordChar;
    }
    if (truncateLength >= 0 && slug.size() > truncateLength) {
        slug.resize(truncateLength);
        const qsizetype cut = slug.lastIndexOf('_');
        if (cut >= 0)
            slug.resize(cut);
        slug.append('_');
    }
    const auto *data = reinterpret_cast<const char32_t *>(slug.constData());
    return QString::fromUcs4(data, slug.size()).toLower();
}

Result<QTimeZone> revisionTimeZone(const QString &timezone)
{
    if (timezone.isEmpty())
        return QTimeZone();
    QTimeZone zone(timezone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(timezone.toUpper().toUtf8());
    if (!zone.isValid())
        return Error::input(QStringLiteral("Can't locate timezone: %1").arg(timezone), {}, 0, 0,
                            QStringLiteral("Expected an IANA time zone name such as UTC or "
                                           "Europe/Berlin, or nothing for local time."));
    return zone;
}

Result<CreateDate> createDateAt(qint64 microsecondsSinceEpoch, const QString &timezone)
{
    Result<QTimeZone> zone = revisionTimeZone(timezone);
    if (!zone)
        return zone.error();
    // Floor division, so that moments before 1970 keep a positive microsecond part.
    qint64 seconds = microsecondsSinceEpoch / 1000000;
    qint64 micro = microsecondsSinceEpoch % 1000000;
    if (micro < 0) {
        micro += 1000000;
        --seconds;
    }
    const qint64 msecs = seconds * 1000 + micro / 1000;
    CreateDate date;
    date.dateTime = timezone.isEmpty() ? QDateTime::fromMSecsSinceEpoch(msecs)
                                       : QDateTime::fromMSecsSinceEpoch(msecs, *zone);
    date.microsecond = int(micro);
    return date;
}

Result<CreateDate> currentCreateDate(const QString &timezone)
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return createDateAt(std::chrono::duration_cast<std::chrono::microseconds>(now).count(),
                        timezone);
}

Result<QString> revisionFileName(const QString &fileTemplate, const QString &revision,
                                 const QString &message, const CreateDate &createDate,
                                 int truncateSlugLength)
{
    const QDateTime &dt = createDate.dateTime;
    const QDate date = dt.date();
    const QTime time = dt.time();
    struct Token
    {
        const char *name;
        QString text;
        bool isNumber;
        qint64 number;
    };
    const Token tokens[] = {
        {"rev", revision, false, 0},
        {"slug", revisionSlug(message, truncateSlugLength), false, 0},
        {"epoch", QString::number(dt.toSecsSinceEpoch()), true, dt.toSecsSinceEpoch()},
        {"year", QString::number(date.year()), true, date.year()},
        {"month", QString::number(date.month()), true, date.month()},
        {"day", QString::number(date.day()), true, date.day()},
        {"hour", QString::number(time.hour()), true, time.hour()},
        {"minute", QString::number(time.minute()), true, time.minute()},
        {"second", QString::number(time.second()), true, time.second()},
    };
    const QString tokenHint = QStringLiteral(
        "Expected Alembic's tokens: %(rev)s, %(slug)s, %(epoch)s, %(year)d, %(month).2d, "
        "%(day).2d, %(hour).2d, %(minute).2d, %(second).2d (and %% for a literal %).");
    const auto bad = [&](const QString &what, qsizetype at) {
        return Error::input(QStringLiteral("The file_template \"%1\" %2 at position %3.")
                                .arg(fileTemplate, what)
                                .arg(at + 1),
                            {}, 0, 0, tokenHint);
    };

    QString name;
    const qsizetype size = fileTemplate.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = fileTemplate.at(i);
        if (c != QLatin1Char('%')) {
            name += c;
            ++i;
            continue;
        }
        const qsizetype start = i;
        ++i;
        if (i < size && fileTemplate.at(i) == QLatin1Char('%')) {
            name += QLatin1Char('%');
            ++i;
            continue;
        }
        if (i >= size || fileTemplate.at(i) != QLatin1Char('('))
            return bad(QStringLiteral("has a % that starts no %(name) token"), start);
        const qsizetype close = fileTemplate.indexOf(QLatin1Char(')'), i);
        if (close < 0)
            return bad(QStringLiteral("has an unclosed %("), start);
        const QString key = fileTemplate.mid(i + 1, close - i - 1);
        i = close + 1;

        FormatSpec spec;
        for (; i < size; ++i) {
            const QChar f = fileTemplate.at(i);
            if (f == QLatin1Char('-'))
                spec.leftAlign = true;
            else if (f == QLatin1Char('0'))
                spec.zeroPad = true;
            else if (f == QLatin1Char('+'))
                spec.plus = true;
            else if (f == QLatin1Char(' '))
                spec.space = true;
            else if (f != QLatin1Char('#'))
                break;
        }
        while (i < size && fileTemplate.at(i).isDigit())
            spec.width = spec.width * 10 + fileTemplate.at(i++).digitValue();
        if (i < size && fileTemplate.at(i) == QLatin1Char('.')) {
            spec.precision = 0;
            ++i;
            while (i < size && fileTemplate.at(i).isDigit())
                spec.precision = spec.precision * 10 + fileTemplate.at(i++).digitValue();
        }
        if (i >= size)
            return bad(QStringLiteral("ends inside the token %(%1)").arg(key), start);
        spec.conversion = fileTemplate.at(i++);
        if (spec.conversion == QLatin1Char('i') || spec.conversion == QLatin1Char('u'))
            spec.conversion = QLatin1Char('d');
        if (spec.conversion != QLatin1Char('s') && spec.conversion != QLatin1Char('d'))
            return bad(QStringLiteral("uses the conversion '%1' (only s and d are supported)")
                           .arg(spec.conversion),
                       start);

        const Token *token = nullptr;
        for (const Token &t : tokens) {
            if (key == QLatin1String(t.name))
                token = &t;
        }
        if (!token)
            return bad(QStringLiteral("names the unknown token %(%1)").arg(key), start);
        if (spec.conversion == QLatin1Char('d') && !token->isNumber)
            return bad(QStringLiteral("formats the text token %(%1) as a number").arg(key), start);
        name += applySpec(spec, token->text, token->isNumber, token->number);
    }
    return name + QStringLiteral(".sql");
}

} // namespace Stratum
