#include "commands/project.h"

#include "script/revisionscript.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Stratum {

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
        QDir folder(dir);
        const QStringList names = folder.entryList({QStringLiteral("*.sql"), QStringLiteral("*.py")},
                                                   QDir::Files, QDir::Name);
        scripts.reserve(scripts.size() + names.size());
        for (const QString &name : names) {
            if (name == QLatin1String("__init__.py"))
                continue;
            const QString path = folder.filePath(name);
            Result<RevisionScript> script = name.endsWith(QLatin1String(".py"))
                                                ? readPythonRevision(path)
                                                : readRevisionHeader(path);
            if (!script)
                return script.error();
            scripts.append(std::move(*script));
        }
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
