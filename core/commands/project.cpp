#include "commands/project.h"

#include "script/revisionscript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QThread>

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

namespace Stratum {
namespace {

bool isRevisionFileName(const QString &name)
{
    return (name.endsWith(QLatin1String(".sql")) || name.endsWith(QLatin1String(".py")))
           && name != QLatin1String("__init__.py") && !name.startsWith(QLatin1Char('.'));
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

Result<RevisionScript> readHeader(const QString &path)
{
    return path.endsWith(QLatin1String(".py")) ? readPythonRevision(path) : readRevisionHeader(path);
}

// Reads the headers of \a paths in order. Large histories are read on all cores: opening and
// parsing 10,000 small files is most of `stratum heads`, and the files are independent.
Result<QList<RevisionScript>> readHeaders(const QStringList &paths)
{
    const qsizetype count = paths.size();
    const int threads = count < 512 ? 1 : std::clamp(QThread::idealThreadCount(), 1, 8);
    std::vector<std::optional<Result<RevisionScript>>> results(static_cast<size_t>(count));
    const auto readRange = [&](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i)
            results[size_t(i)].emplace(readHeader(paths.at(i)));
    };
    if (threads == 1) {
        readRange(0, count);
    } else {
        std::vector<std::thread> workers;
        const qsizetype chunk = (count + threads - 1) / threads;
        for (int t = 1; t < threads; ++t)
            workers.emplace_back(readRange, std::min(count, t * chunk), std::min(count, (t + 1) * chunk));
        readRange(0, std::min(count, chunk));
        for (std::thread &worker : workers)
            worker.join();
    }
    QList<RevisionScript> scripts;
    scripts.reserve(count);
    for (std::optional<Result<RevisionScript>> &result : results) {
        if (!*result)
            return result->error();   // the first bad file in file-name order
        scripts.append(std::move(**result));
    }
    return scripts;
}

} // namespace

Result<Project> Project::load(const Config &config)
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
        const QString prefix = QDir(dir).absolutePath() + QLatin1Char('/');
        QStringList paths;
        for (const QString &name : revisionFileNames(dir))
            paths << prefix + name;
        Result<QList<RevisionScript>> headers = readHeaders(paths);
        if (!headers)
            return headers.error();
        scripts.append(std::move(*headers));
    }

    Result<RevisionMap> map = RevisionMap::build(scripts);
    if (!map)
        return map.error();
    Project project;
    project.m_config = config;
    project.m_map = std::move(*map);
    return project;
}

} // namespace Stratum
