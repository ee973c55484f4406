// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `stratum convert-alembic DIR`: an Alembic project becomes a Stratum project. Each `.py`
// revision becomes a `.sql` revision with the same id, parents, labels, dependencies and message;
// its SQL is what Alembic's own offline mode prints for it (`alembic upgrade --sql prev:rev`),
// run by the project's Python, so the version table of a database Alembic migrated stays valid.

#include "stratum/commands/commands.h"
#include "stratum/commands/project.h"
#include "stratum/script/revisionscript.h"
#include "stratum/script/sqllexer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <deque>
#include <memory>

namespace Stratum::Commands {
namespace {

constexpr int kAlembicTimeoutMs = 300 * 1000;

// A line of a `.py` revision that needs a live database: Alembic's offline mode has no rows to give.
struct LiveUse
{
    bool upgrade = true;   // inside upgrade() (else downgrade())
    int line = 0;
    QString text;
};

// What one direction of one revision became.
struct RenderedSection
{
    bool ok = false;
    QString sql;           // statements as Alembic printed them, version-table bookkeeping removed
    QString failure;       // Alembic's last error line when it could not render
};

struct Conversion
{
    const Revision *revision = nullptr;
    QList<LiveUse> live;
    RenderedSection upgrade;
    RenderedSection downgrade;
    QString sqlPath;
};

// Lines of upgrade() and downgrade() that read from the database or need a connection.
QList<LiveUse> liveUses(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression function(QStringLiteral("^(?:async\\s+)?def\\s+(upgrade|downgrade)\\s*\\("));
    static const QRegularExpression topLevel(QStringLiteral("^\\S"));
    static const QRegularExpression live(QStringLiteral(
        "\\bget_bind\\s*\\(|\\bget_context\\s*\\(\\s*\\)\\s*\\.\\s*bind\\b|\\bSession\\s*\\(|\\bsessionmaker\\s*\\("
        "|\\.\\s*(?:fetchall|fetchone|fetchmany|scalar|scalars|scalar_one|first|one|all)\\s*\\(|\\bis_offline_mode\\s*\\("));
    QList<LiveUse> uses;
    int number = 0;
    int inside = 0;   // 0 none, 1 upgrade, 2 downgrade
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        ++number;
        if (const QRegularExpressionMatch m = function.match(line); m.hasMatch()) {
            inside = m.captured(1) == QLatin1String("upgrade") ? 1 : 2;
            continue;
        }
        if (topLevel.match(line).hasMatch() && !line.startsWith(QLatin1Char('#')) && !line.startsWith(QLatin1Char(')')))
            inside = 0;
        const QString code = line.section(QLatin1Char('#'), 0, 0);
        if (inside && live.match(code).hasMatch())
            uses.append(LiveUse{inside == 1, number, line.trimmed()});
    }
    return uses;
}

// The part of Alembic's offline output that belongs to \a id: from its `-- Running …` line to
// the next one. Empty optional when the output has no such line.
std::optional<QString> sectionOf(const QString &output, const QString &id, bool upgrade)
{
    const QStringList lines = output.split(QLatin1Char('\n'));
    qsizetype start = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const bool match = upgrade ? line.startsWith(QLatin1String("-- Running upgrade "))
                                         && line.endsWith(QLatin1String(" -> ") + id)
                                   : line.startsWith(QLatin1String("-- Running downgrade ") + id + QLatin1String(" -> "));
        if (match) {
            start = i + 1;
            continue;
        }
        if (start >= 0 && line.startsWith(QLatin1String("-- Running "))) {
            return lines.mid(start, i - start).join(QLatin1Char('\n'));
        }
    }
    if (start < 0)
        return std::nullopt;
    return lines.mid(start).join(QLatin1Char('\n'));
}

// Alembic's offline section without what Stratum does itself: the version-table rows and
// table, and the transaction around the run.
Result<QString> withoutBookkeeping(const QString &section, const QString &versionTable, const QString &label)
{
    Result<QList<SqlStatement>> statements = splitSqlStatements(section, label);
    if (!statements)
        return statements.error();
    const QString table = QRegularExpression::escape(versionTable);
    const QRegularExpression bookkeeping(
        QStringLiteral("^(?:(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:\\S+\\.)?\"?%1\"?\\b[\\s\\S]*\\bversion_num\\b"
                       "|DROP\\s+TABLE\\s+(?:\\S+\\.)?\"?%1\"?\\s*$"
                       "|(?:BEGIN|COMMIT|START\\s+TRANSACTION)(?:\\s+TRANSACTION|\\s+WORK)?\\s*$)")
            .arg(table),
        QRegularExpression::CaseInsensitiveOption);
    QStringList kept;
    for (const SqlStatement &statement : std::as_const(*statements))
        if (!bookkeeping.match(statement.text).hasMatch())
            kept << statement.text + QLatin1Char(';');
    return kept.join(QLatin1String("\n\n"));
}

QString lastErrorLine(const QString &err)
{
    const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QString line = lines.at(i).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1String("INFO ")))
            return line;
    }
    return QStringLiteral("Alembic printed nothing");
}

// One run of Alembic's command line in offline mode.
struct AlembicRun
{
    Conversion *conversion = nullptr;
    bool upgrade = true;
    std::unique_ptr<QProcess> process;
};

QStringList alembicArguments(const Config &config, bool upgrade, const Revision &revision)
{
    const QString down = revision.downRevisions.isEmpty() ? QStringLiteral("base") : revision.downRevisions.constFirst();
    QStringList args{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), config.path};
    for (auto it = config.xArguments.constBegin(); it != config.xArguments.constEnd(); ++it)
        args << QStringLiteral("-x") << it.key() + QLatin1Char('=') + it.value();
    args << (upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade")) << QStringLiteral("--sql")
         << (upgrade ? down + QLatin1Char(':') + revision.id : revision.id + QLatin1Char(':') + down);
    return args;
}

void finish(AlembicRun &run, const Config &config)
{
    QProcess &p = *run.process;
    const bool finished = p.waitForFinished(kAlembicTimeoutMs);
    RenderedSection &into = run.upgrade ? run.conversion->upgrade : run.conversion->downgrade;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    if (!finished) {
        p.kill();
        p.waitForFinished();
        into.failure = QStringLiteral("Alembic did not finish within %1 s").arg(kAlembicTimeoutMs / 1000);
        return;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        into.failure = lastErrorLine(err);
        return;
    }
    const std::optional<QString> section = sectionOf(out, run.conversion->revision->id, run.upgrade);
    if (!section) {
        into.failure = QStringLiteral("Alembic's output has no `-- Running %1` line for it")
                           .arg(run.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"));
        return;
    }
    Result<QString> sql = withoutBookkeeping(*section, config.versionTable, run.conversion->revision->path);
    if (!sql) {
        into.failure = sql.error().message;
        return;
    }
    into.ok = true;
    into.sql = *sql;
}

// Renders every revision in both directions, several Alembic processes at a time.
void renderAll(QList<Conversion> &conversions, const Config &config, const QString &python)
{
    const int parallel = std::clamp(QThread::idealThreadCount(), 1, 8);
    std::deque<AlembicRun> running;
    for (Conversion &conversion : conversions) {
        for (const bool upgrade : {true, false}) {
            AlembicRun run;
            run.conversion = &conversion;
            run.upgrade = upgrade;
            run.process = std::make_unique<QProcess>();
            run.process->setWorkingDirectory(config.here);
            run.process->start(python, alembicArguments(config, upgrade, *conversion.revision));
            running.push_back(std::move(run));
            if (int(running.size()) >= parallel) {
                finish(running.front(), config);
                running.pop_front();
            }
        }
    }
    for (AlembicRun &run : running)
        finish(run, config);
}

QString comment(const QStringList &lines)
{
    QString out;
    for (const QString &line : lines)
        out += line.isEmpty() ? QStringLiteral("--\n") : QStringLiteral("-- ") + line + QLatin1Char('\n');
    return out;
}

// The header keys of \a revision as they must read: name and value.
QList<std::pair<QString, QString>> headerKeys(const Revision &revision)
{
    QList<std::pair<QString, QString>> keys{{QStringLiteral("Revision ID"), revision.id},
                                           {QStringLiteral("Revises"), revision.downRevisions.join(QLatin1String(", "))}};
    if (!revision.script.createDate.isEmpty())
        keys.append({QStringLiteral("Create Date"), revision.script.createDate});
    if (!revision.script.branchLabels.isEmpty())
        keys.append({QStringLiteral("Branch Labels"), revision.script.branchLabels.join(QLatin1String(", "))});
    if (!revision.dependencies.isEmpty())
        keys.append({QStringLiteral("Depends On"), revision.dependencies.join(QLatin1String(", "))});
    return keys;
}

// Header candidates, best first: the docstring as it is (Alembic's template already carries the
// keys); the docstring with its key lines set to the real values and missing keys added; the
// message alone with the keys.
QList<QString> headers(const Revision &revision)
{
    static const QRegularExpression keyLine(
        QStringLiteral("^\\s*(Revision ID|Revises|Create Date|Branch Labels|Depends On)\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    const QList<std::pair<QString, QString>> keys = headerKeys(revision);
    const QStringList doc = revision.longDoc.isEmpty() ? QStringList() : revision.longDoc.split(QLatin1Char('\n'));

    QStringList fixed;
    QStringList written;
    for (const QString &line : doc) {
        const QRegularExpressionMatch m = keyLine.match(line);
        if (!m.hasMatch()) {
            fixed << line;
            continue;
        }
        for (const auto &[name, value] : keys)
            if (name.compare(m.captured(1), Qt::CaseInsensitive) == 0 && !written.contains(name)) {
                fixed << name + QStringLiteral(": ") + value;
                written << name;
            }
    }
    if (written.size() < keys.size() && !fixed.isEmpty() && !fixed.constLast().isEmpty() && written.isEmpty())
        fixed << QString();
    for (const auto &[name, value] : keys)
        if (!written.contains(name))
            fixed << name + QStringLiteral(": ") + value;

    QStringList plain;
    if (!revision.doc.isEmpty())
        plain << revision.doc.split(QLatin1Char('\n')) << QString();
    for (const auto &[name, value] : keys)
        plain << name + QStringLiteral(": ") + value;
    return {comment(doc), comment(fixed), comment(plain)};
}

QString sectionText(const Conversion &c, bool upgrade, const QString &projectDir)
{
    const RenderedSection &section = upgrade ? c.upgrade : c.downgrade;
    const QString function = upgrade ? QStringLiteral("upgrade()") : QStringLiteral("downgrade()");
    const QString file = QDir(projectDir).relativeFilePath(c.revision->path);
    QStringList todo;
    for (const LiveUse &use : c.live)
        if (use.upgrade == upgrade)
            todo << QStringLiteral("  %1:%2: %3").arg(file).arg(use.line).arg(use.text);
    QString text = upgrade ? QStringLiteral("-- migrate:upgrade\n") : QStringLiteral("-- migrate:downgrade\n");
    if (!section.ok) {
        QStringList lines{QStringLiteral("TODO convert-alembic: Alembic's offline mode could not render %1 of %2.")
                              .arg(function, file),
                          QStringLiteral("Alembic said: ") + section.failure};
        if (!todo.isEmpty())
            lines << QStringLiteral("It needs a live database connection:") << todo;
        lines << QStringLiteral("Write the SQL that %1 runs here; until then this section runs nothing.").arg(function);
        return text + comment(lines);
    }
    if (!todo.isEmpty()) {
        QStringList lines{QStringLiteral("TODO convert-alembic: %1 of %2 reads the database; Alembic's offline")
                              .arg(function, file),
                          QStringLiteral("mode printed only what it could without one (below). Check it against:")};
        text += comment(lines + todo);
    }
    return section.sql.isEmpty() ? text : text + section.sql + QLatin1Char('\n');
}

// The revision file, checked by reading it back: it must give the same graph and message.
Result<QString> revisionFile(const Conversion &c, const QString &projectDir)
{
    const Revision &revision = *c.revision;
    const QString sections = QLatin1Char('\n') + sectionText(c, true, projectDir) + QLatin1Char('\n')
                             + sectionText(c, false, projectDir);
    Error last;
    for (const QString &header : headers(revision)) {
        const QString text = header + sections;
        Result<RevisionScript> back = parseRevisionScript(text, c.sqlPath, false);
        // Without a docstring there is no message to keep: the header's first paragraph is its keys.
        if (back && back->revision == revision.id && back->downRevisions == revision.downRevisions
            && back->branchLabels == revision.script.branchLabels && back->dependsOn == revision.dependencies
            && (back->doc == revision.doc || revision.doc.isEmpty()))
            return text;
        if (!back)
            last = back.error();
    }
    return Error::input(QStringLiteral("Revision %1 cannot be written as a .sql file that reads back the same%2")
                            .arg(revision.id, last.message.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + last.message),
                        revision.path);
}

Status writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return Error::input(QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()), path);
    return {};
}

QString stratumIni(const Config &config)
{
    QString ini = QStringLiteral("[stratum]\n"
                                 "# Converted from %1 by stratum convert-alembic.\n"
                                 "script_location = migrations\n")
                      .arg(config.path);
    QString url = config.values.value(QStringLiteral("sqlalchemy.url"), config.values.value(QStringLiteral("url")));
    // A relative SQLite file is relative to where Alembic ran (the folder of alembic.ini, as a
    // rule); the new project lives elsewhere, so it names the file by its absolute path.
    static const QRegularExpression relativeSqlite(QStringLiteral("^(sqlite(?:\\+\\w+)?:///)([^/?][^?]*)(\\?.*)?$"));
    if (const QRegularExpressionMatch m = relativeSqlite.match(url); m.hasMatch() && m.captured(2) != QLatin1String(":memory:"))
        url = m.captured(1) + QDir(config.here).absoluteFilePath(m.captured(2)) + m.captured(3);
    ini += QStringLiteral("# The URL is alembic.ini's sqlalchemy.url; where env.py takes it from elsewhere, set it here.\n"
                          "url = %1\n")
               .arg(url.replace(QLatin1Char('%'), QLatin1String("%%")));
    if (config.versionTable != QLatin1String("alembic_version"))
        ini += QStringLiteral("version_table = %1\n").arg(config.versionTable);
    if (!config.versionTableSchema.isEmpty())
        ini += QStringLiteral("version_table_schema = %1\n").arg(config.versionTableSchema);
    return ini;
}

// Where Alembic can be run: the interpreter, and Alembic importable by it.
Result<QString> findAlembic(const QString &python, const Config &config)
{
    const QString program = python.contains(QLatin1Char('/')) ? python : QStandardPaths::findExecutable(python);
    const QString hint = QStringLiteral(
        "Conversion runs Alembic's offline mode (`alembic upgrade --sql`) with the project's own Python. "
        "Pass --python PATH for the interpreter of the project's environment (a virtualenv's bin/python).");
    if (program.isEmpty())
        return Error::input(QStringLiteral("No Python interpreter '%1' was found.").arg(python), {}, 0, 0, hint);
    QProcess probe;
    probe.setWorkingDirectory(config.here);
    probe.start(program, {QStringLiteral("-c"), QStringLiteral("import alembic; print(alembic.__version__)")});
    if (!probe.waitForFinished(60 * 1000) || probe.exitCode() != 0)
        return Error::input(QStringLiteral("Alembic cannot be imported by %1: %2.")
                                .arg(program, lastErrorLine(QString::fromUtf8(probe.readAllStandardError()))),
                            {}, 0, 0, hint);
    return program + QStringLiteral(" (Alembic ") + QString::fromUtf8(probe.readAllStandardOutput()).trimmed()
           + QLatin1Char(')');
}

} // namespace

Status convertAlembic(const CommandContext &context, const ConvertOptions &options)
{
    const Config &config = context.config;
    const auto print = [&](const QString &line) {
        if (context.output.print)
            context.output.print(line);
    };
    if (options.outputDirectory.isEmpty())
        return Error::input(QStringLiteral("No output folder given."), {}, 0, 0,
                            QStringLiteral("Expected `stratum -c alembic.ini convert-alembic DIR`."));
    const QDir out(options.outputDirectory);
    if (out.exists() && !out.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return Error::input(QStringLiteral("The output folder %1 is not empty.").arg(out.absolutePath()), {}, 0, 0,
                            QStringLiteral("Expected a new or empty folder for the Stratum project."));
    Result<Project> project = Project::load(config);
    if (!project)
        return project.error();
    QList<Conversion> conversions;
    QSet<QString> fileNames;
    QStringList copied;   // .sql revisions of a project that already has some
    for (const Revision *revision : project->map().revisions()) {
        if (!revision->script.python) {
            copied << revision->path;
            continue;
        }
        Conversion c;
        c.revision = revision;
        c.live = liveUses(revision->path);
        QString name = QFileInfo(revision->path).completeBaseName() + QStringLiteral(".sql");
        if (fileNames.contains(name))
            name = revision->id + QLatin1Char('_') + name;
        fileNames.insert(name);
        c.sqlPath = out.absoluteFilePath(QStringLiteral("migrations/versions/") + name);
        conversions.append(c);
    }
    if (conversions.isEmpty())
        return Error::input(QStringLiteral("The project has no Alembic .py revisions to convert."), config.path, 0, 0,
                            QStringLiteral("Expected the alembic.ini of an Alembic project."));

    Result<QString> alembic = findAlembic(options.python, config);
    if (!alembic)
        return alembic.error();
    if (context.output.info)
        context.output.info(QStringLiteral("Rendering %1 revisions with %2").arg(conversions.size()).arg(*alembic));
    renderAll(conversions, config, alembic->section(QLatin1String(" (Alembic"), 0, 0));

    QStringList todo;
    QSet<QString> todoRevisions;
    for (const Conversion &c : std::as_const(conversions)) {
        Result<QString> text = revisionFile(c, config.here);
        if (!text)
            return text.error();
        if (Status s = writeFile(c.sqlPath, *text); !s)
            return s;
        print(QStringLiteral("  %1 -> %2").arg(c.revision->id, out.relativeFilePath(c.sqlPath)));
        const QString file = QDir(config.here).relativeFilePath(c.revision->path);
        for (const bool upgrade : {true, false}) {
            const RenderedSection &section = upgrade ? c.upgrade : c.downgrade;
            bool uses = false;
            for (const LiveUse &use : c.live)
                if (use.upgrade == upgrade) {
                    todo << QStringLiteral("  %1 %2:%3: %4").arg(c.revision->id, file).arg(use.line).arg(use.text);
                    todoRevisions.insert(c.revision->id);
                    uses = true;
                }
            if (!section.ok && !uses) {
                todo << QStringLiteral("  %1 %2: %3 not rendered: %4")
                            .arg(c.revision->id, file, upgrade ? QStringLiteral("upgrade()") : QStringLiteral("downgrade()"),
                                 section.failure);
                todoRevisions.insert(c.revision->id);
            }
        }
    }
    for (const QString &path : std::as_const(copied)) {
        QFile sql(path);
        const QString to = out.absoluteFilePath(QStringLiteral("migrations/versions/") + QFileInfo(path).fileName());
        if (!sql.open(QIODevice::ReadOnly))
            return Error::input(QStringLiteral("Cannot read %1: %2.").arg(path, sql.errorString()), path);
        if (Status s = writeFile(to, QString::fromUtf8(sql.readAll())); !s)
            return s;
        print(QStringLiteral("  %1 (copied)").arg(out.relativeFilePath(to)));
    }
    if (Status s = writeFile(out.absoluteFilePath(QStringLiteral("stratum.ini")), stratumIni(config)); !s)
        return s;
    QFile templateFile(QStringLiteral(":/templates/generic/migrations/script.sql.tmpl"));
    if (templateFile.open(QIODevice::ReadOnly)) {
        if (Status s = writeFile(out.absoluteFilePath(QStringLiteral("migrations/script.sql.tmpl")),
                                 QString::fromUtf8(templateFile.readAll()));
            !s)
            return s;
    }
    print(QStringLiteral("Wrote %1 revisions and stratum.ini to %2").arg(conversions.size()).arg(out.absolutePath()));
    if (todo.isEmpty())
        return {};
    Error found = Error::input(QStringLiteral("%1 revision(s) need a live database connection or could not be "
                                              "rendered; their files carry a TODO section:\n%2")
                                   .arg(todoRevisions.size())
                                   .arg(todo.join(QLatin1Char('\n'))),
                               {}, 0, 0,
                               QStringLiteral("Write their SQL by hand before Stratum runs them. Revisions a database "
                                              "already has (its alembic_version) never run again."));
    found.code = Error::Found;
    return found;
}

} // namespace Stratum::Commands
