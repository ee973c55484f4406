// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/commands/project.h"

#include "stratum/script/revisionscript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

namespace Stratum {
namespace {

bool isRevisionFileName(const QString &name)
{
    // Alembic reads every `*.py` but editor lock files (`.#…`) and `__init__…` files; other
    // names that start with a dot are revisions to it too.
    if (name.endsWith(QLatin1String(".py")))
        return !name.startsWith(QLatin1String(".#")) && !name.startsWith(QLatin1String("__init__"));
    return name.endsWith(QLatin1String(".sql")) && !name.startsWith(QLatin1Char('.'));
}

// The revision file names of \a dir in file-name order. On Unix readdir() gives names without
// one stat() per file, which QDir::entryList costs: a third of `stratum heads` on 10,000 files.
QStringList revisionFileNames(const QString &dir)
{
    QStringList names;
#ifdef Q_OS_UNIX
    if (DIR *handle = ::opendir(QFile::encodeName(dir).constData())) {
        while (const dirent *entry = ::readdir(handle)) {
            if (entry->d_type != DT_REG && entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN)
                continue;
            const QString name = QFile::decodeName(entry->d_name);
            if (isRevisionFileName(name))
                names << name;
        }
        ::closedir(handle);
        std::sort(names.begin(), names.end());
        return names;
    }
#endif
    for (const QString &name : QDir(dir).entryList(QDir::Files, QDir::Name))
        if (isRevisionFileName(name))
            names << name;
    return names;
}

// The 1-based line of the header key \a key in \a path (0 when not found): where a problem
// with that key's value is shown. Headers are short; the scan stops after a few hundred lines.
int headerLine(const QString &path, QLatin1String key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    const QRegularExpression keyLine(QStringLiteral("^\\s*(--|#)?\\s*%1\\s*:")
                                         .arg(QRegularExpression::escape(key)),
                                     QRegularExpression::CaseInsensitiveOption);
    for (int number = 1; number <= 400 && !file.atEnd(); ++number)
        if (keyLine.match(QString::fromUtf8(file.readLine())).hasMatch())
            return number;
    return 0;
}

// Leaves out later files that repeat an id, and drops names of revisions that no file defines
// (from Revises) or that are neither an id nor a label (from Depends On).
void repairReferences(QList<RevisionScript> &scripts, QList<LoadProblem> &problems)
{
    QHash<QString, QString> firstFile;
    QList<RevisionScript> unique;
    unique.reserve(scripts.size());
    for (RevisionScript &script : scripts) {
        if (const auto first = firstFile.constFind(script.revision); first != firstFile.constEnd()) {
            LoadProblem problem;
            problem.kind = LoadProblem::Kind::Duplicate;
            problem.revision = script.revision;
            problem.downRevisions = script.downRevisions;
            problem.error = Error::input(
                QStringLiteral("Revision %1 is also defined in %2").arg(script.revision, QFileInfo(*first).fileName()),
                script.path, headerLine(script.path, QLatin1String("Revision ID")), 0,
                QStringLiteral("Each revision needs an id of its own; give one of the files a new id."));
            problems.append(problem);
            continue;
        }
        firstFile.insert(script.revision, script.path);
        unique.append(std::move(script));
    }
    scripts = std::move(unique);

    QSet<QString> keys;
    for (const RevisionScript &script : std::as_const(scripts)) {
        keys.insert(script.revision);
        for (const QString &label : script.branchLabels)
            keys.insert(label);
    }
    const auto dropMissing = [&](RevisionScript &script, QStringList &names, bool labelsToo,
                                 QLatin1String key) {
        for (qsizetype i = names.size() - 1; i >= 0; --i) {
            const QString &name = names.at(i);
            if (labelsToo ? keys.contains(name) : firstFile.contains(name))
                continue;
            LoadProblem problem;
            problem.kind = LoadProblem::Kind::Missing;
            problem.revision = script.revision;
            problem.missing = name;
            problem.inDependsOn = labelsToo;
            problem.error = Error::input(
                QStringLiteral("%1 names revision %2, which no revision file defines").arg(key, name),
                script.path, headerLine(script.path, key));
            problems.append(problem);
            names.removeAt(i);
        }
    };
    for (RevisionScript &script : scripts) {
        dropMissing(script, script.downRevisions, false, QLatin1String("Revises"));
        dropMissing(script, script.dependsOn, true, QLatin1String("Depends On"));
    }
}

} // namespace

Result<Project> Project::load(const Config &config, QList<LoadProblem> *problems)
{
    if (!QFileInfo(config.scriptLocation).isDir())
        return Error::input(QStringLiteral("Path doesn't exist: %1.  Please use the 'init' command "
                                           "to create a new scripts folder.")
                                .arg(config.scriptLocation),
                            config.path);

    QList<RevisionScript> scripts;
    QStringList seenDirs;
    for (const QString &dir : config.versionDirectories()) {
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (canonical.isEmpty() || seenDirs.contains(canonical))
            continue;   // a version location that does not exist holds no revisions, as in Alembic
        seenDirs << canonical;
        QList<Error> unreadable;
        Result<QList<RevisionScript>> headers = readRevisionHeaders(
            QDir(dir).absolutePath(), revisionFileNames(dir), problems ? &unreadable : nullptr);
        if (!headers)
            return headers.error();
        scripts.append(std::move(*headers));
        for (const Error &error : std::as_const(unreadable))
            problems->append(LoadProblem{LoadProblem::Kind::Unreadable, error, {}, {}, {}, false});
    }
    if (problems)
        repairReferences(scripts, *problems);

    Result<RevisionMap> map = RevisionMap::build(scripts);
    if (!map)
        return map.error();
    Project project;
    project.m_config = config;
    project.m_map = std::move(*map);
    return project;
}

} // namespace Stratum
