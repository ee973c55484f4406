// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The man pages and shell completions the build writes: every command and option of the tables
// is in them, the pages render without warnings, and real bash, zsh and fish load the
// completions and offer the commands, options and the revisions of examples/bookshop.
#include "commandspecs.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using Stratum::Cli::CommandSpec;
using Stratum::Cli::OptionSpec;

namespace {

const QString docs = QStringLiteral(STRATUM_DOCS_DIR);
const QString bookshop = QStringLiteral(STRATUM_SOURCE_DIR "/examples/bookshop");

QString read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs a program with the built stratum first on the PATH, in \a directory.
Run run(const QString &program, const QStringList &arguments, const QString &directory = bookshop,
        const QStringList &unset = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QFileInfo(QStringLiteral(STRATUM_CLI)).absolutePath()
                                           + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    for (const QString &name : unset)
        env.remove(name);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// A shell is needed: under CI its absence fails the test, elsewhere it skips.
bool haveShell(const QString &shell)
{
    return !QStandardPaths::findExecutable(shell).isEmpty();
}
#define REQUIRE_SHELL(shell)                                                                     \
    if (!haveShell(QStringLiteral(shell))) {                                                     \
        if (qEnvironmentVariableIsSet("CI"))                                                     \
            QFAIL(shell " is not installed (packaging/dev installs it)");                         \
        QSKIP(shell " is not installed");                                                        \
    }

// The ids of the bookshop's revision files (named ID_SLUG.sql) and its one branch label.
QStringList bookshopWords()
{
    QStringList words;
    for (const QString &file : QDir(bookshop + QStringLiteral("/migrations/versions"))
                                   .entryList({QStringLiteral("*.sql")}, QDir::Files))
        words << file.section(QLatin1Char('_'), 0, 0);
    return words << QStringLiteral("reporting");
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

// The names of a table, as a shell's completion spells them: fish drops the dashes.
QStringList spelled(const QString &shell, const QStringList &names)
{
    QStringList out;
    for (const QString &name : names) {
        if (shell != QLatin1String("fish"))
            out << name;
        else
            out << (name.startsWith(QLatin1String("--")) ? QStringLiteral("-l ") + name.mid(2)
                                                         : QStringLiteral("-s ") + name.mid(1));
    }
    return out;
}

bool containsWord(const QString &text, const QString &word)
{
    const QRegularExpression pattern(QStringLiteral("(?<![\\w-])%1(?![\\w-])").arg(QRegularExpression::escape(word)));
    return text.contains(pattern);
}

QStringList optionNames(const QList<OptionSpec> &options)
{
    QStringList names;
    for (const OptionSpec &option : options)
        names += option.names;
    return names;
}

} // namespace

class tst_ShellDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manPageNamesEveryCommandAndOption();
    void manPagesRender_data();
    void manPagesRender();
    void completionsNameEveryCommandAndOption_data();
    void completionsNameEveryCommandAndOption();
    void hiddenCommandPrintsRevisionsQuietly();
    void bashCompletes_data();
    void bashCompletes();
    void fishCompletes();
    void zshLoadsTheCompletion();
    void studioPrintsWithoutDisplay();
};

void tst_ShellDocs::manPageNamesEveryCommandAndOption()
{
    const QString page = read(docs + QStringLiteral("/stratum.1"));
    QVERIFY(!page.isEmpty());
    const auto roff = [](const QString &name) { return QString(name).replace(QLatin1Char('-'), QLatin1String("\\-")); };
    for (const OptionSpec &option : Stratum::Cli::globalOptions())
        for (const QString &name : option.names)
            QVERIFY2(page.contains(QStringLiteral("\\fB%1\\fR").arg(roff(name))), qPrintable(name));
    for (const CommandSpec &spec : Stratum::Cli::commandSpecs()) {
        const qsizetype at = page.indexOf(QStringLiteral(".SS %1\n").arg(roff(spec.name)));
        QVERIFY2(at >= 0, qPrintable(spec.name));
        const qsizetype end = page.indexOf(QLatin1String(".SS "), at + 4);
        const QString section = page.mid(at, end < 0 ? -1 : end - at);
        for (const OptionSpec &option : spec.options)
            for (const QString &name : option.names)
                QVERIFY2(section.contains(QStringLiteral("\\fB%1\\fR").arg(roff(name))),
                         qPrintable(spec.name + QLatin1Char(' ') + name));
    }
}

void tst_ShellDocs::manPagesRender_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("expected");
    QTest::newRow("stratum") << QStringLiteral("stratum.1") << QStringLiteral("ensure_version");
#ifdef STRATUM_STUDIO
    QTest::newRow("stratum-studio") << QStringLiteral("stratum-studio.1") << QStringLiteral("--screenshot");
#endif
}

void tst_ShellDocs::manPagesRender()
{
    QFETCH(QString, page);
    QFETCH(QString, expected);
    if (QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty())
        QFAIL("man is not installed (packaging/dev installs man-db)");
    QProcess man;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("100"));
    env.insert(QStringLiteral("MAN_KEEP_FORMATTING"), QString());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    man.setProcessEnvironment(env);
    man.start(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
                                      QStringLiteral("-l"), docs + QLatin1Char('/') + page});
    QVERIFY(man.waitForFinished(30000));
    const QString err = QString::fromUtf8(man.readAllStandardError());
    const QString out = QString::fromUtf8(man.readAllStandardOutput()).remove(QRegularExpression(QStringLiteral(".\b")));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(man.exitCode(), 0);
    QVERIFY(out.contains(QLatin1String("SYNOPSIS")));
    QVERIFY2(out.contains(expected), qPrintable(out.left(400)));
}

void tst_ShellDocs::completionsNameEveryCommandAndOption_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("file");
    QTest::newRow("bash") << QStringLiteral("bash") << QStringLiteral("stratum.bash");
    QTest::newRow("zsh") << QStringLiteral("zsh") << QStringLiteral("_stratum");
    QTest::newRow("fish") << QStringLiteral("fish") << QStringLiteral("stratum.fish");
}

void tst_ShellDocs::completionsNameEveryCommandAndOption()
{
    QFETCH(QString, shell);
    QFETCH(QString, file);
    const QString script = read(docs + QLatin1Char('/') + file);
    QVERIFY(!script.isEmpty());
    for (const QString &name : spelled(shell, optionNames(Stratum::Cli::globalOptions())))
        QVERIFY2(containsWord(script, name), qPrintable(name));
    for (const CommandSpec &spec : Stratum::Cli::commandSpecs()) {
        QVERIFY2(containsWord(script, spec.name), qPrintable(spec.name));
        for (const QString &name : spelled(shell, optionNames(spec.options)))
            QVERIFY2(containsWord(script, name), qPrintable(spec.name + QLatin1Char(' ') + name));
    }
}

void tst_ShellDocs::hiddenCommandPrintsRevisionsQuietly()
{
    const Run inProject = run(QStringLiteral(STRATUM_CLI), {QStringLiteral("__revisions")});
    QCOMPARE(inProject.exitCode, 0);
    QCOMPARE(sorted(inProject.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)), sorted(bookshopWords()));
    QCOMPARE(inProject.err, QString());

    // Not a project: nothing on either stream, a failing exit code.
    QTemporaryDir empty;
    const Run elsewhere = run(QStringLiteral(STRATUM_CLI), {QStringLiteral("__revisions")}, empty.path());
    QCOMPARE(elsewhere.exitCode, 2);
    QCOMPARE(elsewhere.out, QString());
    QCOMPARE(elsewhere.err, QString());
}

void tst_ShellDocs::bashCompletes_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QStringList>("words");   // COMP_WORDS; the last is the one completed
    QTest::addColumn<QStringList>("expected");
    const QString ini = bookshop + QStringLiteral("/stratum.ini");
    const QStringList revisions = bookshopWords() << QStringLiteral("head") << QStringLiteral("heads")
                                                  << QStringLiteral("base");
    QTest::newRow("revisions of -c's project")
        << QDir::tempPath() << QStringList{"stratum", "-c", ini, "upgrade", ""} << revisions;
    QTest::newRow("revisions of the current folder")
        << bookshop << QStringList{"stratum", "downgrade", ""} << revisions;
    QTest::newRow("revision prefix") << bookshop << QStringList{"stratum", "show", "3f"}
                                     << QStringList{"3f1c9a7e2b40"};
    QTest::newRow("branch label") << bookshop << QStringList{"stratum", "revision", "--head", "rep"}
                                  << QStringList{"reporting"};
    QTest::newRow("diff sides") << bookshop << QStringList{"stratum", "diff", "s"}
                                << QStringList{"schema"};
    QTest::newRow("commands") << bookshop << QStringList{"stratum", "-c", ini, "h"}
                              << QStringList{"heads", "history"};
    QTest::newRow("command options") << bookshop << QStringList{"stratum", "upgrade", "--"}
                                     << QStringList{"--help", "--sql", "--tag", "--break-lock"};
    const QStringList longGlobals = optionNames(Stratum::Cli::globalOptions()).filter(QRegularExpression(QStringLiteral("^--")));
    QVERIFY(longGlobals.contains(QStringLiteral("--config")));
    QTest::newRow("global options") << bookshop << QStringList{"stratum", "--"} << longGlobals;
    QTest::newRow("template") << bookshop << QStringList{"stratum", "init", "-t", ""}
                              << QStringList{"generic", "multidb", "embedded"};
    QTest::newRow("choices of the table") << bookshop << QStringList{"stratum", "lint", "--format", ""}
                                          << QStringList{"text", "github"};
}

void tst_ShellDocs::bashCompletes()
{
    QFETCH(QString, directory);
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    // As bash-completion does: load the file, ask `complete -p` for the function, call it.
    const QString script = QStringLiteral(
        "source \"$1\" || exit 3\n"
        "spec=$(complete -p stratum) || exit 4\n"
        "function=${spec##*-F }; function=${function%% *}\n"
        "shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}\n"
        "\"$function\" stratum \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD - 1]}\"\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
    const Run bash = run(QStringLiteral("bash"),
                         QStringList{QStringLiteral("-c"), script, QStringLiteral("bash"), docs + QStringLiteral("/stratum.bash")} + words,
                         directory);
    QCOMPARE(bash.err, QString());
    QCOMPARE(bash.exitCode, 0);
    QCOMPARE(sorted(bash.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)), sorted(expected));
}

void tst_ShellDocs::fishCompletes()
{
    REQUIRE_SHELL("fish");
    const QString ini = bookshop + QStringLiteral("/stratum.ini");
    const auto complete = [](const QString &line) {
        const Run fish = run(QStringLiteral("fish"),
                             {QStringLiteral("--no-config"), QStringLiteral("-c"),
                              QStringLiteral("source %1; and complete -C %2").arg(docs + QStringLiteral("/stratum.fish"), line)},
                             QDir::tempPath());
        QStringList candidates;
        for (const QString &entry : fish.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            candidates << entry.section(QLatin1Char('\t'), 0, 0);
        return std::pair{fish, sorted(candidates)};
    };
    const auto [revisions, revisionWords] = complete(QStringLiteral("'stratum -c %1 upgrade '").arg(ini));
    QCOMPARE(revisions.err, QString());
    QCOMPARE(revisionWords, sorted(bookshopWords() << QStringLiteral("head") << QStringLiteral("heads") << QStringLiteral("base")));
    const auto [commands, commandWords] = complete(QStringLiteral("'stratum -c %1 he'").arg(ini));
    QCOMPARE(commandWords, QStringList{QStringLiteral("heads")});
    const auto [options, optionWords] = complete(QStringLiteral("'stratum stamp --'"));
    QCOMPARE(optionWords, sorted({"--help", "--sql", "--tag", "--break-lock", "--purge"}));
}

void tst_ShellDocs::zshLoadsTheCompletion()
{
    REQUIRE_SHELL("zsh");
    QTemporaryDir home;
    // compinit registers _stratum for stratum from its #compdef line.
    const Run zsh = run(QStringLiteral("zsh"),
                        {QStringLiteral("-f"), QStringLiteral("-c"),
                         QStringLiteral("fpath=(%1 $fpath); autoload -Uz compinit; compinit -u -d %2/zcompdump; "
                                        "print -r -- $_comps[stratum]; autoload +X _stratum && print loaded")
                             .arg(docs, home.path())});
    QCOMPARE(zsh.err, QString());
    QCOMPARE(zsh.out, QStringLiteral("_stratum\nloaded\n"));
}

void tst_ShellDocs::studioPrintsWithoutDisplay()
{
#ifndef STRATUM_STUDIO
    QSKIP("the studio is not built (STRATUM_BUILD_STUDIO=OFF)");
#else
    const QStringList noDisplay{QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")};
    const Run version = run(QStringLiteral(STRATUM_STUDIO), {QStringLiteral("--version")}, bookshop, noDisplay);
    QCOMPARE(version.exitCode, 0);
    const QString cliVersion = run(QStringLiteral(STRATUM_CLI), {QStringLiteral("--version")}).out.section(QLatin1Char(' '), 1).trimmed();
    QVERIFY(!cliVersion.isEmpty());
    QCOMPARE(version.out, QStringLiteral("Stratum Studio %1\n").arg(cliVersion));
    const Run help = run(QStringLiteral(STRATUM_STUDIO), {QStringLiteral("--help")}, bookshop, noDisplay);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QLatin1String("--screenshot")), qPrintable(help.out + help.err));
    QVERIFY(!help.out.contains(QLatin1String("--dump-options")));

    // Every option the studio lists is on its man page.
    const Run dump = run(QStringLiteral(STRATUM_STUDIO), {QStringLiteral("--dump-options")}, bookshop, noDisplay);
    QCOMPARE(dump.exitCode, 0);
    const QJsonArray options = QJsonDocument::fromJson(dump.out.toUtf8()).object().value(QLatin1String("options")).toArray();
    QVERIFY(options.size() >= 8);
    const QString page = read(docs + QStringLiteral("/stratum-studio.1"));
    for (const QJsonValue &option : options)
        for (const QJsonValue &name : option[QLatin1String("names")].toArray()) {
            const QString dashed = (name.toString().size() == 1 ? QStringLiteral("\\-") : QStringLiteral("\\-\\-"))
                + QString(name.toString()).replace(QLatin1Char('-'), QLatin1String("\\-"));
            QVERIFY2(page.contains(QStringLiteral("\\fB%1\\fR").arg(dashed)), qPrintable(name.toString()));
        }
#endif
}

QTEST_GUILESS_MAIN(tst_ShellDocs)
#include "tst_shelldocs.moc"
