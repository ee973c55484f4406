// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/revisiondetails.h"

#include "stratum/commands/commands.h"
#include "editor/sqleditor.h"
#include "graph/graphlayout.h"
#include "stratum/revision/revisionmap.h"
#include "runs/runsmodel.h"
#include "stratum/script/revisionscript.h"
#include "theme/theme.h"

#include <QLabel>
#include <QTabWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Stratum {

RevisionDetails::RevisionDetails(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_fields(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_upgrade(new SqlEditor(this))
    , m_downgrade(new SqlEditor(this))
{
    setObjectName(QStringLiteral("revisionDetails"));
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_fields->setObjectName(QStringLiteral("detailsFields"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_fields->setWordWrap(true);
    m_fields->setTextFormat(Qt::RichText);
    m_fields->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_fields->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_fields, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("rev:")))
            Q_EMIT revisionLinkActivated(link.mid(4));
        else if (link == QLatin1String("edit:"))
            Q_EMIT openInEditorRequested(m_revision);
        else if (link.startsWith(QLatin1String("file:")))
            Q_EMIT openFileRequested(m_problemFile, m_problemLine);
    });
    for (SqlEditor *view : {m_upgrade, m_downgrade}) {
        view->setReadOnly(true);
        view->setCaretLineVisible(false);
        // A narrow pane shows whole lines (and whole placeholder comments) without scrolling.
        view->setWrapMode(QsciScintilla::WrapWord);
        view->setWrapIndentMode(QsciScintilla::WrapIndentIndented);
    }
    m_upgrade->setObjectName(QStringLiteral("detailsUpgrade"));
    m_downgrade->setObjectName(QStringLiteral("detailsDowngrade"));
    m_tabs->addTab(m_upgrade, tr("Upgrade"));
    m_tabs->addTab(m_downgrade, tr("Downgrade"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_fields);
    layout->addWidget(m_tabs, 1);
    layout->addStretch(0);   // keeps title and fields at the top while the SQL tabs are hidden
    clear();
}

void RevisionDetails::clear()
{
    m_revision.clear();
    m_title->setText(tr("No revision selected"));
    m_fields->setText(tr("Select a revision in the graph or the list to see its header, file and SQL."));
    m_upgrade->setText({});
    m_downgrade->setText({});
    m_tabs->hide();
}

void RevisionDetails::showProblem(const QString &id, const QString &title, const QString &message,
                                  const QString &file, int line)
{
    m_revision = id;
    m_problemFile = file;
    m_problemLine = line;
    m_title->setText(title);
    QString html = QStringLiteral("<p style=\"color:%1\">%2</p>")
                       .arg(Theme::errorText(palette()).name(), message.toHtmlEscaped());
    if (!file.isEmpty())
        html += QStringLiteral("<p>%1 <a href=\"file:\">%2</a></p>")
                    .arg(tr("File").toHtmlEscaped(),
                         (line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file).toHtmlEscaped());
    m_fields->setText(html);
    m_upgrade->setText({});
    m_downgrade->setText({});
    m_tabs->hide();
}

void RevisionDetails::showCollapsed(const QString &id, const RevisionMap &map, const CollapsedBranch &branch)
{
    m_revision = id;
    m_title->setText(tr("%n revision(s) collapsed", "", int(branch.revisions.size())));
    QString html = QStringLiteral("<p>%1</p><table cellspacing=\"2\">")
                       .arg(tr("A feature branch merged by %1. Activate the node, or pick a revision "
                               "below, to expand it.")
                                .arg(links({branch.merge})));
    for (const QString &revision : branch.revisions) {
        const Revision *found = map.revision(revision);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(links({revision}), found ? found->doc.toHtmlEscaped() : QString());
    }
    m_fields->setText(html + QStringLiteral("</table>"));
    m_upgrade->setText({});
    m_downgrade->setText({});
    m_tabs->hide();
}

QString RevisionDetails::links(const QStringList &ids) const
{
    if (ids.isEmpty())
        return QStringLiteral("—");
    QStringList parts;
    for (const QString &id : ids)
        parts << QStringLiteral("<a href=\"rev:%1\">%1</a>").arg(id.toHtmlEscaped());
    return parts.join(QLatin1String(", "));
}

QString RevisionDetails::appliedText(const AuditRecord &run)
{
    const QString when = run.appliedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (run.direction == QLatin1String("stamp"))
        return tr("%1 by %2 (stamped, nothing ran)").arg(when, run.appliedBy);
    return tr("%1 by %2, %3").arg(when, run.appliedBy, RunsModel::durationText(run.durationMs));
}

void RevisionDetails::showRevision(const RevisionMap &map, const QString &id, const QString &state,
                                   const QString &dialect, const RunsReport *runs)
{
    const Revision *revision = map.revision(id);
    if (!revision) {
        clear();
        return;
    }
    m_revision = id;
    m_title->setText(revision->doc.isEmpty() ? id : revision->doc);

    QStringList kinds;
    if (revision->isHead)
        kinds << tr("head");
    if (revision->isBase)
        kinds << tr("base");
    if (revision->isMergePoint)
        kinds << tr("merge point");
    if (revision->isBranchPoint)
        kinds << tr("branch point");

    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style=\"padding-right:10px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value);
    };
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    html += row(tr("Revision"), QStringLiteral("<code>%1</code>").arg(id.toHtmlEscaped()));
    if (!state.isEmpty())
        html += row(tr("State"), state.toHtmlEscaped());
    if (runs && runs->lastApplied.contains(id))
        html += row(tr("Applied"), appliedText(runs->lastApplied.value(id)).toHtmlEscaped());
    if (!kinds.isEmpty())
        html += row(tr("Kind"), kinds.join(QLatin1String(", ")).toHtmlEscaped());
    html += row(tr("Revises"), links(revision->downRevisions));
    html += row(tr("Children"), links(revision->nextRevisions));
    if (!revision->dependencies.isEmpty())
        html += row(tr("Depends on"), links(revision->resolvedDependencies));
    if (!revision->branchLabels.isEmpty())
        html += row(tr("Branch labels"), revision->branchLabels.join(QLatin1String(", ")).toHtmlEscaped());
    if (!revision->script.createDate.isEmpty())
        html += row(tr("Created"), revision->script.createDate.toHtmlEscaped());
    // A zero-width space after each '/' and '_' lets a long path wrap instead of being cut off.
    QString path = revision->path.toHtmlEscaped();
    path.replace(QLatin1Char('/'), QStringLiteral("/\u200b")).replace(QLatin1Char('_'), QStringLiteral("_\u200b"));
    html += row(tr("File"), QStringLiteral("%1 <a href=\"edit:\">%2</a>")
                                .arg(path, tr("open in editor").toHtmlEscaped()));
    html += QStringLiteral("</table>");
    if (runs && runs->changedSinceApplied.contains(id))
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(Theme::warningText(palette()).name(),
                         tr("⚠ Changed since it was applied (checksum mismatch): the database ran an earlier "
                            "text of its upgrade section. Undo the edit, or make the change in a new revision.")
                             .toHtmlEscaped());
    m_fields->setText(html);

    // Sections are read only now: the map holds headers alone.
    m_upgrade->setDialect(dialect);
    m_downgrade->setDialect(dialect);
    Result<RevisionScript> script = readRevisionScript(revision->path);
    m_tabs->show();
    if (!script) {
        m_upgrade->setText(QStringLiteral("-- %1").arg(script.error().toString()));
        m_downgrade->setText({});
        return;
    }
    if (script->python) {
        m_upgrade->setText(tr("-- An Alembic Python revision: open the file to see its code."));
        m_downgrade->setText({});
        return;
    }
    const auto body = [this, revision](const ScriptSection &section, const QString &missing) {
        if (!section.present)
            return missing;
        const QString text = section.body.trimmed();
        if (!text.isEmpty())
            return text;
        return revision->isMergePoint ? tr("-- empty: a merge revision joins branches and runs no SQL")
                                      : tr("-- empty: this section runs no SQL");
    };
    m_upgrade->setText(body(script->upgrade, tr("-- no upgrade section")));
    m_downgrade->setText(body(script->downgrade,
                              tr("-- no downgrade section: this revision cannot be downgraded")));
    m_tabs->setTabText(0, script->upgrade.present && script->upgrade.body.trimmed().isEmpty()
                              ? tr("Upgrade (empty)") : tr("Upgrade"));
    m_tabs->setTabText(1, script->downgrade.present && script->downgrade.body.trimmed().isEmpty()
                              ? tr("Downgrade (empty)") : tr("Downgrade"));
}

QString RevisionDetails::headerText() const
{
    QTextDocument document;
    document.setHtml(m_fields->text());
    return m_title->text() + QLatin1Char('\n') + document.toPlainText().remove(QChar(0x200b));
}

} // namespace Stratum
