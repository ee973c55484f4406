// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/commands/commands.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace Stratum::Commands {

// `stratum init DIR --template NAME`: copies the built-in template tree (resources/templates/NAME,
// compiled in under :/templates) into DIR, reporting each step the way `alembic init` does.
Status init(const QString &directory, const QString &templateName, const CommandOutput &output)
{
    const auto say = [&output](const QString &line) {
        if (output.print)
            output.print(line);
    };
    const QString templateRoot = QStringLiteral(":/templates/") + templateName;
    if (templateName.isEmpty() || !QFileInfo(templateRoot).isDir()) {
        QStringList known = QDir(QStringLiteral(":/templates")).entryList(QDir::Dirs, QDir::Name);
        return Error::input(QStringLiteral("No such template '%1'").arg(templateName), {}, 0, 0,
                            QStringLiteral("Available templates: %1").arg(known.join(QLatin1String(", "))));
    }
    const QString target = QFileInfo(directory).absoluteFilePath();
    const QDir targetDir(target);
    if (targetDir.exists() && !targetDir.isEmpty())
        return Error::input(QStringLiteral("Directory %1 already exists and is not empty").arg(directory));
    if (!targetDir.exists()) {
        if (!QDir().mkpath(target))
            return Error::input(QStringLiteral("Could not create directory %1").arg(target));
        say(QStringLiteral("Creating directory %1 ...  done").arg(target));
    }

    QDirIterator it(templateRoot, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &source : files) {
        const QString relative = source.mid(templateRoot.size() + 1);
        const QString destination = targetDir.filePath(relative);
        const QString folder = QFileInfo(destination).absolutePath();
        if (!QFileInfo::exists(folder)) {
            if (!QDir().mkpath(folder))
                return Error::input(QStringLiteral("Could not create directory %1").arg(folder));
            say(QStringLiteral("Creating directory %1 ...  done").arg(folder));
        }
        QFile in(source);
        QFile out(destination);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return Error::input(QStringLiteral("Could not write %1").arg(destination));
        out.write(in.readAll());
        say(QStringLiteral("Generating %1 ...  done").arg(destination));
    }
    const QString ini = targetDir.filePath(QStringLiteral("stratum.ini"));
    say(QStringLiteral("Please edit configuration/connection settings in '%1' before proceeding.").arg(ini));
    return {};
}

} // namespace Stratum::Commands
