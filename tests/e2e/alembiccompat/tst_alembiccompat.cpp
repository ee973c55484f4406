// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// stratum prints what Alembic 1.8.1 prints.
//
// Every project of this test exists twice in a temporary folder: as a Stratum project (SQL
// revision files, stratum.ini) and as the equivalent Alembic project (alembic.ini, env.py and one
// versions/*.py per SQL file, whose docstring is the SQL file's header text and whose revision,
// down_revision, branch_labels and depends_on are the header's keys). The projects are
// examples/bookshop and histories generated from fixed seeds: 20 to 60 revisions with branches,
// merges, several bases, branch labels, depends_on across branches (by id and by label) and
// multi-line messages.
//
// Both tools run the same command and their standard output must be equal byte for byte, apart
// from what differs by nature or what Alembic itself leaves to chance:
//  - `Path:` lines name different files (foo.sql / foo.py) and are dropped;
//  - the project folder in `current -v`'s URL is replaced by <project> on both sides;
//  - Alembic keeps a revision's children in a frozenset, so the children listed by `branches`
//    and in `Branches into:` come in string-hash order, and `current` with several heads
//    iterates a set of objects: these lists are compared as sorted lists.
// To keep the oracle honest, every Alembic command runs twice with different PYTHONHASHSEED
// values and must agree with itself after the normalisation.
//
// Alembic 1.8 reads a versions folder in os.listdir() order; Stratum reads file-name order.
// Alembic therefore runs through sorted_alembic.py, which sorts that one listing (see there).
// Standard error is not compared (Alembic logs there); exit codes are compared as success or
// failure, and output only where Alembic succeeds.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kHelperDir = QStringLiteral(STRATUM_SOURCE_DIR "/tests/e2e/alembiccompat");
const QString kStratum = QStringLiteral(STRATUM_CLI);
constexpr int kTimeoutMs = 120 * 1000;

// A revision file as this test reads it: only what the Alembic twin needs.
struct RevisionFile
{
    QString fileName;
    QString id;
    QStringList revises;
    QStringList branchLabels;
    QStringList dependsOn;
    QString header;     // the leading comment block without comment markers
    QString upgrade;    // SQL of the upgrade section
    QString downgrade;  // SQL of the downgrade section
};

struct Run
{
    bool started = false;
    int exitCode = -1;
    QString out;
    QString err;

    bool ok() const { return started && exitCode == 0; }
};

struct Project
{
    QString name;
    QString stratumDir;   // holds stratum.ini
    QString alembicDir;   // holds alembic.ini (also the script location)
    QString dbFile;       // the same file name in both folders
    QList<RevisionFile> revisions;   // file-name order
    QList<QStringList> upgrades;     // `upgrade` runs that set up the database for `current`
    QList<QStringList> commands;     // graph commands to compare
    QString alembicSetupError;
    QString stratumSetupError;
};

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool writeText(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &item : value.split(QLatin1Char(','))) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

// Reads a Stratum revision file: header comment block, its keys, and the two sections.
// Deliberately independent of core/script: the test states the format on its own.
bool parseRevisionFile(const QString &path, RevisionFile *rev, QString *error)
{
    const QString text = readText(path);
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList header;
    int i = 0;
    for (; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        if (!line.startsWith(QLatin1String("--")) || line.startsWith(QLatin1String("-- migrate:")))
            break;
        header << (line.startsWith(QLatin1String("-- ")) ? line.mid(3) : line.mid(2));
    }
    rev->fileName = QFileInfo(path).fileName();
    rev->header = header.join(QLatin1Char('\n'));
    static const QRegularExpression key(
        QStringLiteral("^(Revision ID|Revises|Branch Labels|Depends On):\\s*(.*)$"));
    for (const QString &line : std::as_const(header)) {
        const auto m = key.match(line);
        if (!m.hasMatch())
            continue;
        const QString value = m.captured(2).trimmed();
        if (m.captured(1) == QLatin1String("Revision ID"))
            rev->id = value;
        else if (m.captured(1) == QLatin1String("Revises"))
            rev->revises = splitList(value);
        else if (m.captured(1) == QLatin1String("Branch Labels"))
            rev->branchLabels = splitList(value);
        else
            rev->dependsOn = splitList(value);
    }
    if (rev->id.isEmpty()) {
        *error = path + QLatin1String(": no Revision ID in the header");
        return false;
    }
    QString *section = nullptr;
    for (; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(QLatin1String("-- migrate:upgrade")))
            section = &rev->upgrade;
        else if (line.startsWith(QLatin1String("-- migrate:downgrade")))
            section = &rev->downgrade;
        else if (section)
            *section += line + QLatin1Char('\n');
    }
    return true;
}

// A Python string literal holding \a text exactly.
QString pyString(const QString &text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else if (c == QLatin1Char('\''))
            out += QLatin1String("\\'");
        else if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else
            out += c;
    }
    return out + QLatin1Char('\'');
}

// None, 'a' or ('a', 'b'): the forms Alembic's own templates write.
QString pyValue(const QStringList &items, bool tupleForOne = false)
{
    if (items.isEmpty())
        return QStringLiteral("None");
    if (items.size() == 1 && !tupleForOne)
        return pyString(items.first());
    QStringList quoted;
    for (const QString &item : items)
        quoted << pyString(item);
    return QLatin1Char('(') + quoted.join(QLatin1String(", "))
           + (items.size() == 1 ? QLatin1String(",)") : QLatin1String(")"));
}

QString pyDocstring(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1String("\"\"\"") + escaped + QLatin1String("\n\"\"\"");
}

QString pythonRevision(const RevisionFile &rev)
{
    QString py = pyDocstring(rev.header) + QLatin1String("\n\n");
    py += QLatin1String("revision = ") + pyString(rev.id) + QLatin1Char('\n');
    py += QLatin1String("down_revision = ") + pyValue(rev.revises) + QLatin1Char('\n');
    py += QLatin1String("branch_labels = ") + pyValue(rev.branchLabels, true) + QLatin1Char('\n');
    py += QLatin1String("depends_on = ") + pyValue(rev.dependsOn) + QLatin1Char('\n');
    py += QLatin1String("\nUPGRADE_SQL = ") + pyString(rev.upgrade) + QLatin1Char('\n');
    py += QLatin1String("DOWNGRADE_SQL = ") + pyString(rev.downgrade) + QLatin1Char('\n');
    py += QLatin1String(
        "\n\ndef upgrade():\n"
        "    from compat_sql import run_sql\n"
        "    run_sql(UPGRADE_SQL)\n"
        "\n\ndef downgrade():\n"
        "    from compat_sql import run_sql\n"
        "    run_sql(DOWNGRADE_SQL)\n");
    return py;
}

QProcessEnvironment alembicEnvironment(int hashSeed)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("PYTHONHASHSEED"), QString::number(hashSeed));
    return env;
}

Run runProcess(const QString &program, const QStringList &args, const QString &dir,
               const QProcessEnvironment &env)
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setWorkingDirectory(dir);
    p.setProcessEnvironment(env);
    p.start();
    Run run;
    if (!p.waitForStarted(kTimeoutMs)) {
        run.err = program + QLatin1String(": ") + p.errorString();
        return run;
    }
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = program + QLatin1String(": timed out");
        return run;
    }
    run.started = p.exitStatus() == QProcess::NormalExit;
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

Run runAlembic(const Project &project, const QStringList &args, int hashSeed = 1)
{
    return runProcess(kPython,
                      QStringList{kHelperDir + QLatin1String("/sorted_alembic.py"),
                                  QStringLiteral("-c"), QStringLiteral("alembic.ini")}
                          + args,
                      project.alembicDir, alembicEnvironment(hashSeed));
}

Run runStratum(const Project &project, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("STRATUM_URL"));
    return runProcess(kStratum, QStringList{QStringLiteral("-c"), QStringLiteral("stratum.ini")} + args,
                      project.stratumDir, env);
}

QString describe(const Run &run)
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2--- stderr ---\n%3")
        .arg(run.started ? QString::number(run.exitCode) : QStringLiteral("(did not run)"),
             run.out, run.err);
}

// Sorts runs of entries. An entry starts at a line for which isStart() holds and takes the
// following lines up to the next start or, with stopAtBlank, up to the next blank line.
QStringList sortEntries(const QStringList &lines, const std::function<bool(const QString &)> &isStart,
                        bool stopAtBlank)
{
    QStringList result;
    QList<QStringList> entries;
    auto flush = [&] {
        std::sort(entries.begin(), entries.end());
        for (const QStringList &entry : std::as_const(entries))
            result += entry;
        entries.clear();
    };
    for (const QString &line : lines) {
        if (isStart(line)) {
            entries.append(QStringList{line});
        } else if (!entries.isEmpty() && !(stopAtBlank && line.isEmpty())) {
            entries.last().append(line);
        } else {
            flush();
            result << line;
        }
    }
    flush();
    return result;
}

// See the comment at the top of the file for what is normalised and why.
QString normalise(const QString &output, const QString &projectDir, const QStringList &args)
{
    QString text = output;
    text.replace(projectDir, QStringLiteral("<project>"));
    QStringList split = text.split(QLatin1Char('\n'));
    const bool endsWithNewline = split.size() > 1 && split.last().isEmpty();
    if (endsWithNewline)
        split.removeLast();   // so that each entry of `current -v` ends in the same blank line
    QStringList lines;
    for (const QString &line : std::as_const(split)) {
        if (line.startsWith(QLatin1String("Path: ")))
            continue;
        if (line.startsWith(QLatin1String("Branches into: "))) {
            QStringList children = line.mid(15).split(QLatin1String(", "));
            children.sort();
            lines << QLatin1String("Branches into: ") + children.join(QLatin1String(", "));
            continue;
        }
        lines << line;
    }
    const QString command = args.value(0);
    if (command == QLatin1String("branches")) {
        static const QRegularExpression child(QStringLiteral("^ +-> "));
        // The children of each branch point, one entry each (a doc may take several lines).
        lines = sortEntries(lines, [](const QString &l) { return child.match(l).hasMatch(); }, true);
    } else if (command == QLatin1String("current")) {
        // One entry per current revision: a line, or with -v a whole log entry.
        const bool verbose = args.contains(QLatin1String("-v"));
        lines = sortEntries(lines, [verbose](const QString &l) {
            return verbose ? l.startsWith(QLatin1String("Rev: ")) : !l.isEmpty();
        }, !verbose);
    }
    return lines.join(QLatin1Char('\n')) + (endsWithNewline ? QLatin1String("\n") : QLatin1String(""));
}

// "line N: alembic ... / stratum ..." around the first difference, for the failure message.
QString firstDifference(const QString &expected, const QString &actual)
{
    const QStringList a = expected.split(QLatin1Char('\n'));
    const QStringList b = actual.split(QLatin1Char('\n'));
    int n = 0;
    while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
        ++n;
    QString text = QStringLiteral("first difference at line %1\n").arg(n + 1);
    for (int i = qMax(0, n - 3); i < n; ++i)
        text += QLatin1String("   both    | ") + a.at(i) + QLatin1Char('\n');
    for (int i = n; i < qMin(a.size(), n + 4); ++i)
        text += QLatin1String("   alembic | ") + a.at(i) + QLatin1Char('\n');
    for (int i = n; i < qMin(b.size(), n + 4); ++i)
        text += QLatin1String("   stratum | ") + b.at(i) + QLatin1Char('\n');
    return text;
}

// --- generated histories -------------------------------------------------------------------

struct GeneratedRevision
{
    QString id;
    QStringList revises;
    QStringList labels;
    QStringList dependsOn;   // as written: revision ids or branch labels
    QString dependencyTable; // table of the revision depended on, if it has one
    QString message;
    QString createDate;
    bool merge = false;
};

QString slugOf(const QString &message)
{
    QString slug = message.section(QLatin1Char('\n'), 0, 0).toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    slug = slug.left(40);
    while (slug.endsWith(QLatin1Char('_')))
        slug.chop(1);
    while (slug.startsWith(QLatin1Char('_')))
        slug.remove(0, 1);
    return slug;
}

// A random revision history. Generated in creation order, so revises and depends_on only ever
// point backwards and there are no cycles. Branch labels sit only on revisions that start a
// branch (their parent already has a child) or a new base, and no revision ever carries two
// labels (merges of two labelled lines are not generated): Alembic prints a revision's labels
// from a set, in string-hash order, so two labels on one revision would have no defined order.
QList<GeneratedRevision> generateHistory(quint32 seed)
{
    QRandomGenerator rng(seed);
    const int count = 20 + int(rng.bounded(41));
    QList<GeneratedRevision> revs;
    QHash<QString, int> index;
    QHash<QString, QSet<QString>> ancestors;  // through Revises, transitive
    QHash<QString, QString> labelOf;          // the one label a revision carries or inherits
    QSet<QString> hasChild;
    QStringList heads;
    QSet<QString> prefixes;
    const QStringList labelNames{QStringLiteral("billing"), QStringLiteral("search")};
    int labelsUsed = 0;
    int bases = 0;
    QDateTime date(QDate(2025, 1, 6), QTime(9, 0), QTimeZone::utc());

    auto newId = [&] {
        for (;;) {
            const QString id = QString::number(rng.generate64() & Q_UINT64_C(0xffffffffffff), 16)
                                   .rightJustified(12, QLatin1Char('0'));
            if (!prefixes.contains(id.left(6))) {
                prefixes.insert(id.left(6));
                return id;
            }
        }
    };
    auto pick = [&](const QStringList &from) { return from.at(int(rng.bounded(from.size()))); };

    for (int i = 0; i < count; ++i) {
        GeneratedRevision r;
        r.id = newId();
        const int roll = int(rng.bounded(100));
        bool startsBranch = false;
        if (i == 0 || (roll < 5 && bases < 2 && i > 3)) {
            ++bases;
            startsBranch = i > 0;
        } else if (roll < 32 && heads.size() >= 2 && i < count * 6 / 7) {
            QStringList candidates = heads;
            const int wanted = (roll < 11 && heads.size() >= 3) ? 3 : 2;
            QString label;
            while (r.revises.size() < wanted && !candidates.isEmpty()) {
                const QString h = pick(candidates);
                candidates.removeAll(h);
                const QString l = labelOf.value(h);
                if (!l.isEmpty() && !label.isEmpty() && l != label)
                    continue;
                if (!l.isEmpty())
                    label = l;
                r.revises << h;
            }
            if (r.revises.size() < 2) {
                r.revises = QStringList{r.revises.value(0, pick(heads))};
            } else {
                r.merge = true;
            }
        } else if (roll < 47 && !hasChild.isEmpty()) {
            QStringList withChild = hasChild.values();
            withChild.sort();
            r.revises << pick(withChild);
            startsBranch = true;
        } else {
            r.revises << pick(heads);
        }

        QSet<QString> mine;
        QString inherited;
        for (const QString &p : std::as_const(r.revises)) {
            mine.insert(p);
            mine.unite(ancestors.value(p));
            if (!labelOf.value(p).isEmpty())
                inherited = labelOf.value(p);
        }
        if (startsBranch && inherited.isEmpty() && labelsUsed < labelNames.size()
            && rng.bounded(100) < 35) {
            r.labels << labelNames.at(labelsUsed++);
        }
        labelOf.insert(r.id, r.labels.isEmpty() ? inherited : r.labels.first());

        if (!r.merge && i > 3 && rng.bounded(100) < 25) {
            QStringList candidates;
            for (const GeneratedRevision &other : std::as_const(revs)) {
                if (!mine.contains(other.id))
                    candidates << other.id;
            }
            if (!candidates.isEmpty()) {
                const GeneratedRevision &dep = revs.at(index.value(pick(candidates)));
                const bool byLabel = !dep.labels.isEmpty() && rng.bounded(2) == 0;
                r.dependsOn << (byLabel ? dep.labels.first() : dep.id);
                if (!dep.merge)
                    r.dependencyTable = QLatin1String("t_") + dep.id;
            }
        }

        const QString table = QLatin1String("t_") + r.id;
        if (r.merge) {
            r.message = QLatin1String("Merge ") + r.revises.join(QLatin1String(" and "));
        } else {
            switch (i % 9) {
            case 2:
                r.message = QStringLiteral("Add %1\nand fill it from the old import").arg(table);
                break;
            case 4:
                r.message = QStringLiteral("Add %1\n\nThe table keeps one row per imported file.\n"
                                           "It is read by the nightly job.").arg(table);
                break;
            case 6:
                r.message = QStringLiteral("Rename column: note to remark in %1").arg(table);
                break;
            case 7:
                r.message = QStringLiteral("Allow \"quoted\" names, 'single' ones and 100% of %1")
                                .arg(table);
                break;
            default:
                r.message = QStringLiteral("Add %1").arg(table);
            }
        }
        date = date.addSecs(3600 + int(rng.bounded(86400)));
        r.createDate = date.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000"));

        for (const QString &p : std::as_const(r.revises)) {
            hasChild.insert(p);
            heads.removeAll(p);
        }
        heads << r.id;
        ancestors.insert(r.id, mine);
        index.insert(r.id, int(revs.size()));
        revs << r;
    }
    return revs;
}

QString sqlFileText(const GeneratedRevision &r, int i)
{
    QString text;
    for (const QString &line : r.message.split(QLatin1Char('\n')))
        text += line.isEmpty() ? QStringLiteral("--\n") : QLatin1String("-- ") + line + QLatin1Char('\n');
    text += QStringLiteral("--\n-- Revision ID: %1\n-- Revises: %2\n-- Create Date: %3\n"
                           "-- Branch Labels: %4\n-- Depends On: %5\n\n")
                .arg(r.id, r.revises.join(QLatin1String(", ")), r.createDate,
                     r.labels.join(QLatin1String(", ")), r.dependsOn.join(QLatin1String(", ")));
    // Trailing blanks of empty keys are trimmed, as a careful writer would.
    text.replace(QRegularExpression(QStringLiteral(" +\n")), QStringLiteral("\n"));
    QString up, down;
    if (!r.merge) {
        const QString table = QLatin1String("t_") + r.id;
        up = QStringLiteral("CREATE TABLE %1 (\n    id INTEGER PRIMARY KEY,\n    note TEXT\n);\n").arg(table);
        down = QStringLiteral("DROP TABLE %1;\n").arg(table);
        if (i % 3 == 0) {
            up += QStringLiteral("CREATE INDEX ix_%1_note ON %1 (note);\n").arg(table);
            down.prepend(QStringLiteral("DROP INDEX ix_%1_note;\n").arg(table));
        }
        if (!r.dependencyTable.isEmpty()) {
            up += QStringLiteral("CREATE VIEW v_%1 AS SELECT id, note FROM %2;\n").arg(r.id, r.dependencyTable);
            down.prepend(QStringLiteral("DROP VIEW v_%1;\n").arg(r.id));
        }
    }
    return text + QLatin1String("-- migrate:upgrade\n") + up + QLatin1String("\n-- migrate:downgrade\n") + down;
}

// --- choosing what to compare ---------------------------------------------------------------

struct Graph
{
    QHash<QString, RevisionFile> byId;
    QHash<QString, QStringList> children;   // through Revises
    QStringList ids;                        // file-name order
    QStringList heads;

    explicit Graph(const QList<RevisionFile> &revisions)
    {
        for (const RevisionFile &r : revisions) {
            byId.insert(r.id, r);
            ids << r.id;
            for (const QString &p : r.revises)
                children[p] << r.id;
        }
        for (const QString &id : std::as_const(ids)) {
            if (children.value(id).isEmpty())
                heads << id;
        }
    }
    QSet<QString> ancestors(const QString &id) const
    {
        QSet<QString> seen;
        QStringList todo = byId.value(id).revises;
        while (!todo.isEmpty()) {
            const QString r = todo.takeLast();
            if (!seen.contains(r)) {
                seen.insert(r);
                todo += byId.value(r).revises;
            }
        }
        return seen;
    }
    QString first(const std::function<bool(const RevisionFile &)> &pred) const
    {
        for (const QString &id : ids) {
            if (pred(byId.value(id)))
                return id;
        }
        return {};
    }
};

void chooseCommands(Project &project, bool twoCurrentHeads)
{
    const Graph g(project.revisions);
    auto cmd = [&](std::initializer_list<QString> args) {
        if (!project.commands.contains(QStringList(args)))
            project.commands << QStringList(args);
    };
    const QString v = QStringLiteral("-v");

    cmd({QStringLiteral("heads")});
    cmd({QStringLiteral("heads"), v});
    cmd({QStringLiteral("heads"), QStringLiteral("--resolve-dependencies")});
    cmd({QStringLiteral("branches")});
    cmd({QStringLiteral("branches"), v});
    cmd({QStringLiteral("history")});
    cmd({QStringLiteral("history"), v});
    cmd({QStringLiteral("history"), QStringLiteral("-i")});
    cmd({QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("base:head")});
    cmd({QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("base:heads"), v});
    // Written the way Alembic's documentation does: argparse would take "-r -3:current" for
    // two options.
    cmd({QStringLiteral("history"), QStringLiteral("-r-3:current")});
    cmd({QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("current:heads")});
    cmd({QStringLiteral("current")});
    cmd({QStringLiteral("current"), v});
    cmd({QStringLiteral("show"), QStringLiteral("head")});
    cmd({QStringLiteral("show"), QStringLiteral("heads")});

    // x:y with x a branch point and y a head above it, both as unique prefixes.
    const QString branchPoint = g.first([&](const RevisionFile &r) { return g.children.value(r.id).size() > 1; });
    if (!branchPoint.isEmpty()) {
        for (const QString &h : g.heads) {
            if (g.ancestors(h).contains(branchPoint)) {
                cmd({QStringLiteral("history"), QStringLiteral("-r"), branchPoint.left(7) + QLatin1Char(':') + h});
                cmd({QStringLiteral("history"), v, QStringLiteral("-r"), branchPoint + QLatin1Char(':') + h.left(6)});
                break;
            }
        }
        cmd({QStringLiteral("show"), branchPoint});
    }
    const QString merge = g.first([](const RevisionFile &r) { return r.revises.size() > 1; });
    if (!merge.isEmpty())
        cmd({QStringLiteral("show"), merge.left(8)});
    const QString labelled = g.first([](const RevisionFile &r) { return !r.branchLabels.isEmpty(); });
    if (!labelled.isEmpty()) {
        const QString label = g.byId.value(labelled).branchLabels.first();
        cmd({QStringLiteral("show"), labelled});
        cmd({QStringLiteral("show"), label + QLatin1String("@head")});
        cmd({QStringLiteral("history"), QStringLiteral("-r"), label + QLatin1String("@base:") + label + QLatin1String("@head")});
    }
    const QString dependent = g.first([](const RevisionFile &r) { return !r.dependsOn.isEmpty(); });
    if (!dependent.isEmpty())
        cmd({QStringLiteral("show"), dependent});
    const QString multiLine = g.first([](const RevisionFile &r) {
        return r.header.section(QLatin1String("\nRevision ID:"), 0, 0).contains(QLatin1Char('\n'));
    });
    if (!multiLine.isEmpty())
        cmd({QStringLiteral("show"), multiLine});

    // A range that ends at the database's revision (the walk must stay on one line).
    const QString headParentForRange = g.byId.value(g.heads.first()).revises.value(0);
    const QString grandParent = g.byId.value(headParentForRange).revises.value(0);
    if (!grandParent.isEmpty())
        cmd({QStringLiteral("history"), QStringLiteral("-r"), grandParent.left(9) + QLatin1String(":current")});

    // The database of `current`: the parent of the first head, and with twoCurrentHeads also a
    // revision on another line of the graph, so that the version table holds two rows.
    const QString headParent = g.byId.value(g.heads.first()).revises.value(0, g.heads.first());
    project.upgrades << QStringList{QStringLiteral("upgrade"), headParent};
    const QSet<QString> below = g.ancestors(headParent);
    for (auto it = g.ids.crbegin(); twoCurrentHeads && it != g.ids.crend(); ++it) {
        if (*it != headParent && !below.contains(*it) && !g.ancestors(*it).contains(headParent)) {
            project.upgrades << QStringList{QStringLiteral("upgrade"), *it};
            break;
        }
    }
}

bool needsDatabase(const QStringList &args)
{
    return args.contains(QLatin1String("-i"))
           || args.join(QLatin1Char(' ')).contains(QLatin1String("current"));
}

} // namespace

class tst_AlembicCompat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void compareOutput_data();
    void compareOutput();
    void offlineOrder_data();
    void offlineOrder();
    void sameSchema_data();
    void sameSchema();

private:
    bool addProject(const QString &name, const QString &sourceDir, bool twoCurrentHeads);
    bool addGeneratedProject(quint32 seed);
    void prepareDatabases(Project &project);

    QTemporaryDir m_dir;
    QList<Project> m_projects;
};

void tst_AlembicCompat::initTestCase()
{
    const bool ci = qEnvironmentVariableIsSet("CI")
                    && qEnvironmentVariable("CI") != QLatin1String("false");
    const Run version = runProcess(kPython,
                                   {QStringLiteral("-c"),
                                    QStringLiteral("import alembic; print(alembic.__version__)")},
                                   QDir::tempPath(), alembicEnvironment(0));
    if (!version.ok() || version.out.trimmed() != QLatin1String("1.8.1")) {
        const QByteArray why = "Alembic 1.8.1 is needed as /usr/bin/python3 -m alembic "
                               "(Debian 12: python3-alembic; ./packaging/dev installs it): "
                               + describe(version).toUtf8();
        if (ci)
            QFAIL(why.constData());
        QSKIP(why.constData());
    }
    QVERIFY2(QFileInfo(kStratum).isExecutable(), qPrintable(kStratum + QLatin1String(" is missing")));
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("STRATUM_KEEP_TEMP")) {
        m_dir.setAutoRemove(false);
        qInfo("projects kept in %s", qPrintable(m_dir.path()));
    }

    QVERIFY(addProject(QStringLiteral("bookshop"), QStringLiteral(STRATUM_SOURCE_DIR "/examples/bookshop"),
                       false));
    for (quint32 seed : {11u, 24u, 37u})  // odd seeds: two current heads
        QVERIFY(addGeneratedProject(seed));
    for (Project &project : m_projects)
        prepareDatabases(project);
}

// Copies a Stratum project into the temporary folder and writes its Alembic twin.
bool tst_AlembicCompat::addProject(const QString &name, const QString &sourceDir,
                                   bool twoCurrentHeads)
{
    Project project;
    project.name = name;
    project.stratumDir = m_dir.filePath(name + QLatin1String("/stratum"));
    project.alembicDir = m_dir.filePath(name + QLatin1String("/alembic"));

    const QString ini = readText(sourceDir + QLatin1String("/stratum.ini"));
    static const QRegularExpression url(QStringLiteral("^url\\s*=\\s*sqlite:///%\\(here\\)s/(\\S+)"),
                                        QRegularExpression::MultilineOption);
    const auto m = url.match(ini);
    if (!m.hasMatch()) {
        qWarning("%s: stratum.ini needs url = sqlite:///%%(here)s/FILE", qPrintable(sourceDir));
        return false;
    }
    project.dbFile = m.captured(1);
    writeText(project.stratumDir + QLatin1String("/stratum.ini"), ini);

    const QDir source(sourceDir);
    for (const QString &sub : {QStringLiteral("schema"), QStringLiteral("migrations"),
                               QStringLiteral("migrations/versions")}) {
        const QDir dir(source.filePath(sub));
        for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
            if (!writeText(project.stratumDir + QLatin1Char('/') + sub + QLatin1Char('/') + file,
                           readText(dir.filePath(file)))) {
                qWarning("cannot copy %s", qPrintable(dir.filePath(file)));
                return false;
            }
        }
    }

    const QDir versions(project.stratumDir + QLatin1String("/migrations/versions"));
    for (const QString &file : versions.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        RevisionFile rev;
        QString error;
        if (!parseRevisionFile(versions.filePath(file), &rev, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        project.revisions << rev;
        const QString py = project.alembicDir + QLatin1String("/versions/")
                           + QFileInfo(file).completeBaseName() + QLatin1String(".py");
        if (!writeText(py, pythonRevision(rev)))
            return false;
    }
    const bool ok =
        writeText(project.alembicDir + QLatin1String("/alembic.ini"),
                  QStringLiteral("[alembic]\nscript_location = %(here)s\n"
                                 "sqlalchemy.url = sqlite:///%(here)s/%1\n").arg(project.dbFile))
        && QFile::copy(kHelperDir + QLatin1String("/alembic_env.py"), project.alembicDir + QLatin1String("/env.py"))
        && QFile::copy(kHelperDir + QLatin1String("/compat_sql.py"), project.alembicDir + QLatin1String("/compat_sql.py"));
    if (!ok || project.revisions.isEmpty()) {
        qWarning("%s: cannot write the Alembic project", qPrintable(name));
        return false;
    }
    chooseCommands(project, twoCurrentHeads);
    m_projects << project;
    return true;
}

bool tst_AlembicCompat::addGeneratedProject(quint32 seed)
{
    const QString name = QStringLiteral("generated-%1").arg(seed);
    const QString source = m_dir.filePath(QLatin1String("sources/") + name);
    const QList<GeneratedRevision> revs = generateHistory(seed);
    bool ok = writeText(source + QLatin1String("/stratum.ini"),
                        QStringLiteral("[stratum]\nscript_location = migrations\n"
                                       "url = sqlite:///%(here)s/compat.db\n"));
    for (int i = 0; i < revs.size() && ok; ++i) {
        ok = writeText(QStringLiteral("%1/migrations/versions/%2_%3.sql")
                           .arg(source, revs.at(i).id, slugOf(revs.at(i).message)),
                       sqlFileText(revs.at(i), i));
    }
    return ok && addProject(name, source, seed % 2 == 1);
}

// Brings each tool's database to the same revisions, for `current` and `history -i`.
void tst_AlembicCompat::prepareDatabases(Project &project)
{
    for (const QStringList &args : std::as_const(project.upgrades)) {
        const Run alembic = runAlembic(project, args);
        if (!alembic.ok() && project.alembicSetupError.isEmpty())
            project.alembicSetupError = args.join(QLatin1Char(' ')) + QLatin1String(": ") + describe(alembic);
        const Run stratum = runStratum(project, args);
        if (!stratum.ok() && project.stratumSetupError.isEmpty())
            project.stratumSetupError = args.join(QLatin1Char(' ')) + QLatin1String(": ") + describe(stratum);
    }
}

void tst_AlembicCompat::compareOutput_data()
{
    QTest::addColumn<int>("project");
    QTest::addColumn<QStringList>("args");
    for (int p = 0; p < m_projects.size(); ++p) {
        for (const QStringList &args : std::as_const(m_projects.at(p).commands)) {
            QTest::addRow("%s: %s", qPrintable(m_projects.at(p).name),
                          qPrintable(args.join(QLatin1Char(' '))))
                << p << args;
        }
    }
}

void tst_AlembicCompat::compareOutput()
{
    QFETCH(int, project);
    QFETCH(QStringList, args);
    const Project &pr = m_projects.at(project);
    if (needsDatabase(args)) {
        QVERIFY2(pr.alembicSetupError.isEmpty(),
                 qPrintable(QLatin1String("Alembic could not set up the database: ") + pr.alembicSetupError));
        QVERIFY2(pr.stratumSetupError.isEmpty(),
                 qPrintable(QLatin1String("stratum could not set up the database: ") + pr.stratumSetupError));
    }

    const Run alembic = runAlembic(pr, args, 1);
    const Run alembicAgain = runAlembic(pr, args, 2);
    const QString expected = normalise(alembic.out, pr.alembicDir, args);
    QVERIFY2(alembic.started, qPrintable(describe(alembic)));
    QVERIFY2(alembic.ok() == alembicAgain.ok()
                 && expected == normalise(alembicAgain.out, pr.alembicDir, args),
             qPrintable(QLatin1String("Alembic's own output depends on PYTHONHASHSEED; the "
                                      "normalisation misses something:\n")
                        + firstDifference(expected, normalise(alembicAgain.out, pr.alembicDir, args))));

    const Run stratum = runStratum(pr, args);
    QVERIFY2(stratum.started, qPrintable(describe(stratum)));
    if (!alembic.ok()) {
        // Alembic refuses (e.g. `head` with several heads): stratum must refuse too, and say why.
        QVERIFY2(!stratum.ok(), qPrintable(QLatin1String("Alembic fails but stratum succeeds.\nAlembic: ")
                                           + describe(alembic) + QLatin1String("\nstratum: ") + describe(stratum)));
        QVERIFY2(!stratum.err.trimmed().isEmpty(), "stratum fails without a message on stderr");
        return;
    }
    QVERIFY2(stratum.ok(), qPrintable(QLatin1String("Alembic succeeds but stratum fails.\nstratum: ")
                                      + describe(stratum) + QLatin1String("\nAlembic stdout:\n") + alembic.out));
    const QString actual = normalise(stratum.out, pr.stratumDir, args);
    QVERIFY2(actual == expected,
             qPrintable(firstDifference(expected, actual) + QLatin1String("--- alembic stdout ---\n")
                        + alembic.out + QLatin1String("--- stratum stdout ---\n") + stratum.out));
}

// Offline mode: each revision's part opens with Alembic's "-- Running upgrade a -> b" line, in
// the order Alembic runs them. Only those lines are compared (the SQL between them is each
// tool's own rendering).
void tst_AlembicCompat::offlineOrder_data()
{
    QTest::addColumn<int>("project");
    QTest::addColumn<QStringList>("args");
    for (int p = 0; p < m_projects.size(); ++p) {
        const QString name = m_projects.at(p).name;
        QTest::addRow("%s: upgrade --sql base:heads", qPrintable(name))
            << p << QStringList{QStringLiteral("upgrade"), QStringLiteral("--sql"), QStringLiteral("base:heads")};
        QTest::addRow("%s: downgrade --sql heads:base", qPrintable(name))
            << p << QStringList{QStringLiteral("downgrade"), QStringLiteral("--sql"), QStringLiteral("heads:base")};
    }
}

void tst_AlembicCompat::offlineOrder()
{
    QFETCH(int, project);
    QFETCH(QStringList, args);
    const Project &pr = m_projects.at(project);
    auto runningLines = [](const QString &out) {
        QStringList lines;
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("-- Running ")))
                lines << line;
        }
        return lines.join(QLatin1Char('\n'));
    };
    const Run alembic = runAlembic(pr, args);
    const Run stratum = runStratum(pr, args);
    QVERIFY2(stratum.started, qPrintable(describe(stratum)));
    if (!alembic.ok()) {
        QVERIFY2(!stratum.ok(), qPrintable(QLatin1String("Alembic refuses, stratum does not.\nAlembic: ")
                                           + describe(alembic)));
        return;
    }
    QVERIFY2(stratum.ok(), qPrintable(describe(stratum)));
    const QString expected = runningLines(alembic.out);
    const QString actual = runningLines(stratum.out);
    QVERIFY2(!expected.isEmpty(), qPrintable(describe(alembic)));
    QVERIFY2(actual == expected, qPrintable(firstDifference(expected, actual)));
}

// Both tools upgrade a fresh database to all heads and down to base again. The schemas must be
// equal at the heads, equal to schema/*.sql where the project has one, and empty at base.
void tst_AlembicCompat::sameSchema_data()
{
    QTest::addColumn<int>("project");
    for (int p = 0; p < m_projects.size(); ++p)
        QTest::addRow("%s", qPrintable(m_projects.at(p).name)) << p;
}

void tst_AlembicCompat::sameSchema()
{
    QFETCH(int, project);
    const Project &pr = m_projects.at(project);
    const QString alembicDb = pr.alembicDir + QLatin1String("/full.db");
    const QString stratumDb = pr.stratumDir + QLatin1String("/full.db");
    auto dump = [](const QStringList &args) {
        return runProcess(kPython, QStringList{kHelperDir + QLatin1String("/schema_dump.py")} + args,
                          QDir::tempPath(), alembicEnvironment(0));
    };

    const Run alembicUp = runAlembic(pr, {QStringLiteral("-x"), QLatin1String("url=sqlite:///") + alembicDb,
                                          QStringLiteral("upgrade"), QStringLiteral("heads")});
    QVERIFY2(alembicUp.ok(), qPrintable(describe(alembicUp)));
    const Run stratumUp = runStratum(pr, {QStringLiteral("--url"), QLatin1String("sqlite:///") + stratumDb,
                                          QStringLiteral("upgrade"), QStringLiteral("heads")});
    QVERIFY2(stratumUp.ok(), qPrintable(describe(stratumUp)));

    const Run expected = dump({alembicDb});
    const Run actual = dump({stratumDb});
    QVERIFY2(expected.ok() && actual.ok(), qPrintable(describe(expected) + describe(actual)));
    QVERIFY2(!expected.out.isEmpty(), "Alembic's upgrade made no schema");
    QVERIFY2(actual.out == expected.out, qPrintable(firstDifference(expected.out, actual.out)));

    const QDir schemaDir(pr.stratumDir + QLatin1String("/schema"));
    QStringList schemaFiles;
    for (const QString &file : schemaDir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        schemaFiles << schemaDir.filePath(file);
    if (!schemaFiles.isEmpty()) {
        const Run desired = dump(QStringList{QStringLiteral("--apply")} + schemaFiles);
        QVERIFY2(desired.ok(), qPrintable(describe(desired)));
        QVERIFY2(expected.out == desired.out,
                 qPrintable(QLatin1String("the revisions do not build schema/*.sql:\n")
                            + firstDifference(desired.out, expected.out)));
    }

    const Run alembicDown = runAlembic(pr, {QStringLiteral("-x"), QLatin1String("url=sqlite:///") + alembicDb,
                                            QStringLiteral("downgrade"), QStringLiteral("base")});
    QVERIFY2(alembicDown.ok(), qPrintable(describe(alembicDown)));
    const Run stratumDown = runStratum(pr, {QStringLiteral("--url"), QLatin1String("sqlite:///") + stratumDb,
                                            QStringLiteral("downgrade"), QStringLiteral("base")});
    QVERIFY2(stratumDown.ok(), qPrintable(describe(stratumDown)));
    const Run alembicEmpty = dump({alembicDb});
    const Run stratumEmpty = dump({stratumDb});
    QCOMPARE(alembicEmpty.out, QString());
    QCOMPARE(stratumEmpty.out, QString());
}

QTEST_GUILESS_MAIN(tst_AlembicCompat)
#include "tst_alembiccompat.moc"
