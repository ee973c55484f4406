// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `revision` and `merge`: write a new revision file from the project's template
// (Alembic's ScriptDirectory.generate_revision).
#include "stratum/commands/autogenerate_p.h"
#include "stratum/commands/commands.h"
#include "stratum/commands/project.h"

#include "stratum/revision/revisionmap.h"
#include "stratum/script/revisionscript.h"
#include "stratum/script/revisiontemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace Stratum::Commands {
namespace {

Status verifyRevisionId(const QString &id)
{
    QString illegal;
    for (const QChar c : {QLatin1Char('@'), QLatin1Char('-'), QLatin1Char('+'), QLatin1Char(' '),
                          QLatin1Char(','), QLatin1Char(':')})
        if (id.contains(c))
            illegal += c;
    if (id.isEmpty())
        return Error::input(QStringLiteral("A revision identifier must not be empty"));
    if (!illegal.isEmpty())
        return Error::input(QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                                .arg(illegal, id));
    return {};
}

// The folder the new file goes to: --version-path, the parent's folder when there are
// several version locations, else the only one.
Result<QString> versionFolder(const Config &config, const QList<const Revision *> &heads,
                              const QString &versionPath)
{
    const QStringList locations = config.versionDirectories();
    QString folder = versionPath;
    if (folder.isEmpty()) {
        if (locations.size() > 1) {
            for (const Revision *head : heads)
                if (head) {
                    folder = QFileInfo(head->path).absolutePath();
                    break;
                }
            if (folder.isEmpty())
                return Error::input(QStringLiteral("Multiple version locations present, please specify "
                                                   "--version-path"));
        } else {
            folder = locations.value(0);
        }
    }
    const QString normalised = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    for (const QString &location : locations)
        if (QDir::cleanPath(QFileInfo(location).absoluteFilePath()) == normalised) {
            if (!QDir().mkpath(normalised))
                return Error::input(QStringLiteral("Could not create directory %1").arg(normalised));
            return normalised;
        }
    return Error::input(QStringLiteral("Path %1 is not represented in current version locations").arg(folder));
}

struct NewRevision
{
    QString revId;
    QString message;
    QString head;
    bool splice = false;
    QStringList branchLabels;
    QStringList dependsOn;
    QString versionPath;
    QString multipleHeadsMessage;
    QString upgradeSql;
    QString downgradeSql;
};

// Puts \a body right after the line that opens \a marker's section (replacing the blank lines
// the template leaves there); appends the section when the template has none.
QString fillSection(const QString &text, const QString &marker, const QString &body)
{
    if (body.isEmpty())
        return text;
    QStringList lines = text.split(QLatin1Char('\n'));
    QStringList bodyLines = body.trimmed().split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).trimmed().startsWith(marker))
            continue;
        qsizetype end = i + 1;
        while (end < lines.size() - 1 && lines.at(end).trimmed().isEmpty())
            ++end;
        lines.remove(i + 1, end - i - 1);
        if (i + 1 < lines.size() - 1 || !lines.constLast().isEmpty())
            bodyLines << QString();
        for (qsizetype k = 0; k < bodyLines.size(); ++k)
            lines.insert(i + 1 + k, bodyLines.at(k));
        return lines.join(QLatin1Char('\n'));
    }
    QString out = text;
    if (!out.endsWith(QLatin1Char('\n')))
        out += QLatin1Char('\n');
    return out + QLatin1Char('\n') + marker + QLatin1Char('\n') + body.trimmed() + QLatin1Char('\n');
}

Result<QString> generate(const CommandContext &context, const NewRevision &request)
{
    const QString revId = request.revId.isEmpty() ? generateRevisionId() : request.revId;
    if (Status valid = verifyRevisionId(revId); !valid)
        return valid.error();

    Result<Project> project = Project::load(context.config);
    if (!project)
        return project.error();
    const RevisionMap &map = project->map();
    if (map.revision(revId))
        return Error::input(QStringLiteral("Revision %1 is present more than once").arg(revId),
                            map.revision(revId)->path, 0, 0,
                            QStringLiteral("Choose another --rev-id."));

    Result<QList<const Revision *>> resolved = map.resolve(request.head);
    if (!resolved) {
        Error error = resolved.error();
        if (error.message.startsWith(QLatin1String("Multiple head revisions are present")))
            error.message = request.multipleHeadsMessage;
        return error;
    }
    const QList<const Revision *> heads = *resolved;
    QSet<const Revision *> unique(heads.cbegin(), heads.cend());
    if (unique.size() != heads.size())
        return Error::input(QStringLiteral("Duplicate head revisions specified"));

    Result<QString> folder = versionFolder(context.config, heads, request.versionPath);
    if (!folder)
        return folder.error();

    if (!request.splice)
        for (const Revision *head : heads)
            if (head && !head->isHead)
                return Error::input(QStringLiteral("Revision %1 is not a head revision; please specify "
                                                   "--splice to create a new branch from this revision")
                                        .arg(head->id));

    QStringList dependsOn;
    for (const QString &dependency : request.dependsOn) {
        Result<const Revision *> target = map.resolveOne(dependency);
        if (!target)
            return target.error();
        if (!*target)
            return Error::input(QStringLiteral("Can't locate revision identified by '%1'").arg(dependency));
        // Keep branch labels as written; resolve partial ids to full ones (as Alembic).
        dependsOn << ((*target)->branchLabels.contains(dependency) ? dependency : (*target)->id);
    }

    Result<CreateDate> created = currentCreateDate(context.config.timezone);
    if (!created)
        return created.error();
    const QString message = request.message.isNull() ? QStringLiteral("empty message") : request.message;

    Result<QString> fileName = revisionFileName(context.config.fileTemplate, revId, message, *created,
                                                context.config.truncateSlugLength);
    if (!fileName)
        return fileName.error();
    const QString path = QDir(*folder).filePath(*fileName);
    if (QFileInfo::exists(path))
        return Error::input(QStringLiteral("File %1 already exists").arg(path));

    Result<QString> templateText = readRevisionTemplate(context.config.scriptLocation);
    if (!templateText)
        return templateText.error();
    RevisionTemplateValues values;
    values.message = message;
    values.revision = revId;
    for (const Revision *head : heads)
        values.downRevisions << head->id;
    values.createDate = created->toString();
    values.branchLabels = request.branchLabels;
    values.dependsOn = dependsOn;
    Result<QString> text = renderRevisionTemplate(
        *templateText, values, QDir(context.config.scriptLocation).filePath(QStringLiteral("script.sql.tmpl")));
    if (!text)
        return text.error();
    *text = fillSection(*text, QStringLiteral("-- migrate:upgrade"), request.upgradeSql);
    *text = fillSection(*text, QStringLiteral("-- migrate:downgrade"), request.downgradeSql);

    if (context.output.print)
        context.output.print(QStringLiteral("Generating %1 ...  done").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::input(QStringLiteral("Could not write %1: %2").arg(path, file.errorString()));
    file.write(text->toUtf8());
    file.close();

    // Read the file back as every later command will: a template that lost a key is caught now.
    Result<RevisionScript> written = readRevisionHeader(path);
    if (!written)
        return written.error();
    if (!request.branchLabels.isEmpty() && written->branchLabels.isEmpty())
        return Error::input(QStringLiteral("Version %1 specified branch_labels %2, however the migration "
                                           "file %3 does not have them; have you upgraded your "
                                           "script.sql.tmpl to include the 'Branch Labels' line?")
                                .arg(revId, request.branchLabels.join(QLatin1String(", ")), path));
    return path;
}

} // namespace

Result<QString> revision(const CommandContext &context, const RevisionOptions &options)
{
    if (options.sql)
        return Error::input(QStringLiteral("Using --sql with the revision command when revision_environment "
                                           "is not configured does not make any sense"));
    if (options.autogenerate)
        return Internal::autogenerateRevision(context, options);
    NewRevision request;
    request.revId = options.revId;
    request.message = options.message;
    request.head = options.head.isEmpty() ? QStringLiteral("head") : options.head;
    request.splice = options.splice;
    request.branchLabels = options.branchLabels;
    request.dependsOn = options.dependsOn;
    request.versionPath = options.versionPath;
    request.upgradeSql = options.upgradeSql;
    request.downgradeSql = options.downgradeSql;
    request.multipleHeadsMessage = QStringLiteral("Multiple heads are present; please specify the head revision "
                                                  "on which the new revision should be based, or perform a merge.");
    return generate(context, request);
}

Result<QString> merge(const CommandContext &context, const QStringList &revisions, const QString &message,
                      const QStringList &branchLabels, const QString &revId)
{
    NewRevision request;
    request.revId = revId;
    request.message = message;
    request.head = revisions.join(QLatin1Char(','));
    request.branchLabels = branchLabels;
    request.multipleHeadsMessage = QStringLiteral("Multiple heads are present; please specify the head revision "
                                                  "on which the new revision should be based, or perform a merge.");
    return generate(context, request);
}

} // namespace Stratum::Commands
