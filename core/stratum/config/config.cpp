// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <optional>

namespace Stratum {

namespace {

struct IniEntry
{
    QString key;      // lower-cased, as ConfigParser does
    QString raw;      // before interpolation
    int line = 0;
    int column = 0;   // where the value starts
};

struct IniSection
{
    QString name;
    int line = 0;
    QList<IniEntry> entries;

    const IniEntry *find(const QString &key) const
    {
        for (const IniEntry &entry : entries) {
            if (entry.key == key)
                return &entry;
        }
        return nullptr;
    }
};

// `;` or `#` after whitespace starts a comment (alembic.ini's own template writes
// `version_path_separator = os  # Use os.pathsep.`), except inside a double-quoted value.
QStringView stripInlineComment(QStringView value)
{
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char(';') || c == QLatin1Char('#')) && i > 0
                 && value.at(i - 1).isSpace()) {
            // `version_path_separator = ;` is a value, not an empty comment.
            if (value.left(i).trimmed().isEmpty() && value.mid(i + 1).trimmed().isEmpty())
                return value;
            return value.left(i);
        }
    }
    return value;
}

QString unquoted(QStringView value)
{
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        return value.mid(1, value.size() - 2).toString();
    return value.toString();
}

// A small INI reader: QSettings cannot say on which line a value stood. It follows Python's
// ConfigParser where the two differ (keys are case-insensitive, `:` also separates,
// indented lines continue a value) so that an alembic.ini reads as Alembic reads it.
Result<QList<IniSection>> parseIni(const QString &text, const QString &path)
{
    QList<IniSection> sections;
    IniSection *section = nullptr;
    IniEntry *last = nullptr;
    int number = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        ++number;
        if (number == 1 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QStringView trimmed = QStringView(line).trimmed();
        if (trimmed.isEmpty()) {
            last = nullptr;
            continue;
        }
        if (trimmed.startsWith(QLatin1Char(';')) || trimmed.startsWith(QLatin1Char('#')))
            continue;
        if (line.at(0).isSpace() && last) {
            last->raw += QLatin1Char('\n') + unquoted(stripInlineComment(trimmed).trimmed());
            continue;
        }
        const int column = int(line.indexOf(trimmed.at(0))) + 1;
        if (trimmed.startsWith(QLatin1Char('['))) {
            const QStringView header = stripInlineComment(trimmed).trimmed();
            if (!header.endsWith(QLatin1Char(']')))
                return Error::input(QStringLiteral("The section header is not closed."), path,
                                    number, column, QStringLiteral("Expected `[name]`."));
            const QString name = header.mid(1, header.size() - 2).trimmed().toString();
            for (const IniSection &existing : std::as_const(sections)) {
                if (existing.name == name)
                    return Error::input(QStringLiteral("The section [%1] appears twice.").arg(name),
                                        path, number, column,
                                        QStringLiteral("Expected one [%1] section; the first is "
                                                       "on line %2.")
                                            .arg(name)
                                            .arg(existing.line));
            }
            sections.append(IniSection{name, number, {}});
            section = &sections.last();
            last = nullptr;
            continue;
        }
        if (!section)
            return Error::input(QStringLiteral("A setting stands before any section header."),
                                path, number, column,
                                QStringLiteral("Expected a section header such as [stratum] "
                                               "first."));
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        qsizetype sep = equals;
        if (sep < 0 || (colon >= 0 && colon < sep))
            sep = colon;
        if (sep < 0)
            return Error::input(QStringLiteral("The line is neither a setting nor a section."),
                                path, number, column,
                                QStringLiteral("Expected `key = value`, `[section]` or a comment "
                                               "starting with ; or #."));
        const QString key = QStringView(line).left(sep).trimmed().toString().toLower();
        if (key.isEmpty())
            return Error::input(QStringLiteral("The setting has no name."), path, number, column,
                                QStringLiteral("Expected `key = value`."));
        if (const IniEntry *existing = section->find(key))
            return Error::input(QStringLiteral("The key `%1` appears twice in [%2].")
                                    .arg(key, section->name),
                                path, number, column,
                                QStringLiteral("Expected one `%1`; the first is on line %2.")
                                    .arg(key)
                                    .arg(existing->line));
        const QStringView afterSep = QStringView(line).mid(sep + 1);
        qsizetype valueStart = sep + 1;
        while (valueStart < line.size() && line.at(valueStart).isSpace())
            ++valueStart;
        IniEntry entry;
        entry.key = key;
        entry.raw = unquoted(stripInlineComment(afterSep).trimmed());
        entry.line = number;
        entry.column = int(valueStart) + 1;
        if (line.mid(valueStart).startsWith(QLatin1Char('"')))
            ++entry.column;
        section->entries.append(entry);
        last = &section->entries.last();
    }
    return sections;
}

class Interpolator
{
public:
    Interpolator(const IniSection *section, const IniSection *defaults, const QString &here,
                 const QString &path)
        : m_section(section), m_defaults(defaults), m_here(here), m_path(path)
    {
    }

    const IniEntry *find(const QString &key) const
    {
        if (const IniEntry *entry = m_section ? m_section->find(key) : nullptr)
            return entry;
        return m_defaults ? m_defaults->find(key) : nullptr;
    }

    // ConfigParser's BasicInterpolation (`%(key)s`, `%%`, with `here` defined) plus `${ENV}`.
    Result<QString> expand(const IniEntry &entry) const { return expand(entry, entry, 0); }

private:
    Result<QString> expand(const IniEntry &entry, const IniEntry &root, int depth) const
    {
        const QString &raw = entry.raw;
        const auto where = [&](qsizetype offset) {
            // Columns are only exact on the value's first line.
            return raw.left(offset).contains(QLatin1Char('\n')) ? 0 : entry.column + int(offset);
        };
        if (depth > 10)
            return Error::input(QStringLiteral("The value of `%1` refers to itself through "
                                               "%(…)s.").arg(root.key),
                                m_path, root.line, root.column,
                                QStringLiteral("Expected references that end in a plain value."));
        QString out;
        qsizetype i = 0;
        while (i < raw.size()) {
            const QChar c = raw.at(i);
            if (c == QLatin1Char('%')) {
                const QChar next = i + 1 < raw.size() ? raw.at(i + 1) : QChar();
                if (next == QLatin1Char('%')) {
                    out += QLatin1Char('%');
                    i += 2;
                    continue;
                }
                const qsizetype close = next == QLatin1Char('(') ? raw.indexOf(QLatin1Char(')'), i) : -1;
                if (close < 0 || close + 1 >= raw.size() || raw.at(close + 1) != QLatin1Char('s'))
                    return Error::input(QStringLiteral("A '%' in the value of `%1` starts no "
                                                       "%(name)s reference.").arg(entry.key),
                                        m_path, entry.line, where(i),
                                        QStringLiteral("Expected %(name)s, or %% for a literal %."));
                const QString name = raw.mid(i + 2, close - i - 2).toLower();
                if (const IniEntry *target = find(name)) {
                    Result<QString> value = expand(*target, root, depth + 1);
                    if (!value)
                        return value.error();
                    out += *value;
                } else if (name == QLatin1String("here")) {
                    out += m_here;
                } else {
                    return Error::input(QStringLiteral("The value of `%1` refers to %(%2)s, "
                                                       "which is not set.").arg(entry.key, name),
                                        m_path, entry.line, where(i),
                                        QStringLiteral("Expected %(here)s or a key of the same "
                                                       "section; write %% for a literal %."));
                }
                i = close + 2;
                continue;
            }
            if (c == QLatin1Char('$') && i + 1 < raw.size() && raw.at(i + 1) == QLatin1Char('{')) {
                const qsizetype close = raw.indexOf(QLatin1Char('}'), i + 2);
                if (close < 0)
                    return Error::input(QStringLiteral("The value of `%1` has an unclosed ${.")
                                            .arg(entry.key),
                                        m_path, entry.line, where(i),
                                        QStringLiteral("Expected ${NAME} for the environment "
                                                       "variable NAME."));
                // An unset variable expands to nothing, as in a shell.
                out += qEnvironmentVariable(raw.mid(i + 2, close - i - 2).trimmed().toLocal8Bit());
                i = close + 1;
                continue;
            }
            out += c;
            ++i;
        }
        return out;
    }

    const IniSection *m_section;
    const IniSection *m_defaults;
    QString m_here;
    QString m_path;
};

QStringList splitWords(const QString &value)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return value.split(separators, Qt::SkipEmptyParts);
}

QString resolved(const QString &here, const QString &path)
{
    return QDir::cleanPath(QDir(here).absoluteFilePath(path));
}

std::optional<bool> parseBool(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on")
        || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("off")
        || v == QLatin1String("0"))
        return false;
    return std::nullopt;
}

} // namespace

Result<Config> Config::load(const QString &iniPath, const QString &urlOverride,
                            const QHash<QString, QString> &xArguments, const QString &sectionName)
{
    if (iniPath.isEmpty())
        return Error::input(QStringLiteral("No configuration file was given."), {}, 0, 0,
                            QStringLiteral("Expected the path of a stratum.ini (or alembic.ini), "
                                           "e.g. -c stratum.ini."));
    const QFileInfo info(iniPath);
    if (!info.exists())
        return Error::input(QStringLiteral("The configuration file %1 does not exist.").arg(iniPath),
                            iniPath, 0, 0,
                            QStringLiteral("Expected a stratum.ini: pass its path with -c, or "
                                           "create a project with `stratum init DIR`."));
    if (info.isDir())
        return Error::input(QStringLiteral("The configuration path %1 is a folder, not a file.")
                                .arg(iniPath),
                            iniPath, 0, 0, QStringLiteral("Expected the path of a stratum.ini."));
    QFile file(iniPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("Cannot read the configuration file %1: %2.")
                                .arg(iniPath, file.errorString()),
                            iniPath, 0, 0, QStringLiteral("Expected a readable stratum.ini."));
    const QString text = QString::fromUtf8(file.readAll());

    Result<QList<IniSection>> sections = parseIni(text, iniPath);
    if (!sections)
        return sections.error();
    const IniSection *main = nullptr;
    const IniSection *alembic = nullptr;
    const IniSection *defaults = nullptr;
    for (const IniSection &section : std::as_const(*sections)) {
        if (!sectionName.isEmpty()) {
            if (section.name == sectionName)
                main = &section;
            else if (section.name == QLatin1String("DEFAULT"))
                defaults = &section;
            continue;
        }
        if (section.name == QLatin1String("stratum"))
            main = &section;
        else if (section.name == QLatin1String("alembic"))
            alembic = &section;
        else if (section.name == QLatin1String("DEFAULT"))
            defaults = &section;
    }
    if (!main && !sectionName.isEmpty())
        return Error::input(QStringLiteral("No config file section [%1].").arg(sectionName),
                            iniPath, 0, 0,
                            QStringLiteral("Expected a [%1] section, as named by -n/--name.").arg(sectionName));
    if (!main)
        main = alembic;
    if (!main)
        return Error::input(QStringLiteral("The configuration file has no [stratum] section."),
                            iniPath, 0, 0,
                            QStringLiteral("Expected a [stratum] section (the [alembic] section "
                                           "of an alembic.ini is read too)."));

    Config config;
    config.path = info.absoluteFilePath();
    config.here = info.absolutePath();
    config.xArguments = xArguments;

    Interpolator interpolator(main, defaults, config.here, iniPath);
    QHash<QString, const IniEntry *> entries;
    for (const IniSection *section : {defaults, main}) {
        if (!section)
            continue;
        for (const IniEntry &entry : section->entries) {
            Result<QString> value = interpolator.expand(entry);
            if (!value)
                return value.error();
            config.values.insert(entry.key, *value);
            entries.insert(entry.key, &entry);
        }
    }

    const auto has = [&](const char *key) { return config.values.contains(QLatin1String(key)); };
    const auto value = [&](const char *key) { return config.values.value(QLatin1String(key)); };
    const auto invalid = [&](const char *key, const QString &expected) {
        const IniEntry *entry = entries.value(QLatin1String(key));
        return Error::input(QStringLiteral("Invalid value \"%1\" for %2.")
                                .arg(value(key), QLatin1String(key)),
                            iniPath, entry ? entry->line : 0, entry ? entry->column : 0, expected);
    };
    const auto readBool = [&](const char *key, bool *target) -> Status {
        if (!has(key) || value(key).isEmpty())
            return {};
        const std::optional<bool> parsed = parseBool(value(key));
        if (!parsed)
            return invalid(key, QStringLiteral("Expected true or false (also yes/no, on/off, 1/0)."));
        *target = *parsed;
        return {};
    };
    const auto readInt = [&](const char *key, int *target, const QString &expected, int maximum = INT_MAX) -> Status {
        if (!has(key) || value(key).isEmpty())
            return {};
        bool ok = false;
        const int parsed = value(key).toInt(&ok);
        if (!ok || parsed < 0 || parsed > maximum)
            return invalid(key, expected);
        *target = parsed;
        return {};
    };

    // Relative folders resolve against the ini file's folder, not the current directory as in
    // Alembic: a project then behaves the same from wherever `stratum -c path/stratum.ini` runs.
    config.scriptLocation = resolved(config.here, has("script_location") && !value("script_location").isEmpty()
                                                      ? value("script_location")
                                                      : QStringLiteral("migrations"));

    if (has("version_locations") && !value("version_locations").trimmed().isEmpty()) {
        const QString locations = value("version_locations");
        QStringList parts;
        if (!has("version_path_separator")) {
            parts = splitWords(locations);   // Alembic's legacy rule: spaces and/or commas
        } else {
            const QString separator = value("version_path_separator");
            QString split;
            if (separator == QLatin1String("space"))
                split = QStringLiteral(" ");
            else if (separator == QLatin1String("os"))
                split = QDir::listSeparator();
            else if (separator == QLatin1String(":") || separator == QLatin1String(";"))
                split = separator;
            else if (separator == QLatin1String("newline"))
                split = QStringLiteral("\n");
            else
                return invalid("version_path_separator",
                               QStringLiteral("Expected space, os, :, ; or newline."));
            parts = locations.split(split, Qt::SkipEmptyParts);
        }
        for (const QString &part : std::as_const(parts)) {
            if (!part.trimmed().isEmpty())
                config.versionLocations << resolved(config.here, part.trimmed());
        }
    }

    // --url beats STRATUM_URL, which beats the file.
    const QString envUrl = qEnvironmentVariable("STRATUM_URL");
    if (!urlOverride.isEmpty())
        config.url = urlOverride;
    else if (!envUrl.isEmpty())
        config.url = envUrl;
    else if (has("url"))
        config.url = value("url");
    else
        config.url = value("sqlalchemy.url");

    config.schemaGlobs = splitWords(has("schema") ? value("schema") : QStringLiteral("schema/*.sql"));
    for (QString &glob : config.schemaGlobs)
        glob = resolved(config.here, glob);
    config.devUrl = value("dev_url");
    if (has("file_template") && !value("file_template").isEmpty())
        config.fileTemplate = value("file_template");
    if (Status s = readInt("truncate_slug_length", &config.truncateSlugLength,
                           QStringLiteral("Expected a whole number of characters (e.g. 40)."));
        !s)
        return s.error();

    if (has("timezone")) {
        // Empty means local time, as Alembic's "leave blank for localtime".
        config.timezone = value("timezone").trimmed();
        if (!config.timezone.isEmpty()) {
            const bool known = QTimeZone(config.timezone.toUtf8()).isValid()
                || QTimeZone(config.timezone.toUpper().toUtf8()).isValid();
            if (!known)
                return invalid("timezone", QStringLiteral("Expected an IANA time zone name such "
                                                          "as UTC or Europe/Berlin, or nothing "
                                                          "for local time."));
        }
    }

    if (has("version_table") && !value("version_table").isEmpty())
        config.versionTable = value("version_table");
    config.versionTableSchema = value("version_table_schema");
    if (Status s = readBool("transaction_per_migration", &config.transactionPerMigration); !s)
        return s.error();
    if (Status s = readBool("compare_type", &config.compareType); !s)
        return s.error();
    if (Status s = readBool("compare_server_default", &config.compareServerDefault); !s)
        return s.error();
    if (Status s = readBool("schema_cache", &config.schemaCache); !s)
        return s.error();

    if (has("render_as_batch") && !value("render_as_batch").isEmpty()) {
        const QString v = value("render_as_batch").toLower();
        if (v == QLatin1String("auto")) {
            config.renderAsBatch = v;
        } else if (const std::optional<bool> b = parseBool(v)) {
            config.renderAsBatch = *b ? QStringLiteral("true") : QStringLiteral("false");
        } else {
            return invalid("render_as_batch", QStringLiteral("Expected auto, true or false."));
        }
    }

    config.includeSchemas = splitWords(value("include_schemas"));
    config.excludeTables = splitWords(value("exclude_tables"));
    // Engines take lock waits in milliseconds as a 32-bit number: 2147483 s (24 days) at most.
    if (Status s = readInt("lock_timeout", &config.lockTimeout,
                           QStringLiteral("Expected a whole number of seconds from 0 to %1 (e.g. 60).")
                               .arg(Config::maximumLockTimeout),
                           Config::maximumLockTimeout);
        !s)
        return s.error();
    return config;
}

QStringList Config::versionDirectories() const
{
    if (!versionLocations.isEmpty())
        return versionLocations;
    return {QDir(scriptLocation).filePath(QStringLiteral("versions"))};
}

} // namespace Stratum
