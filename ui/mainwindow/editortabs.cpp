// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/editortabs.h"

#include "stratum/commands/commands.h"
#include "editor/revisioneditor.h"
#include "mainwindow/background.h"
#include "mainwindow/projectsession.h"
#include "mainwindow/projectwatcher.h"
#include "stratum/revision/revisionmap.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QTabWidget>

namespace Stratum {

EditorTabs::EditorTabs(ProjectSession *session, ProjectWatcher *watcher, QTabWidget *tabs, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_watcher(watcher)
    , m_tabs(tabs)
    , m_dialogParent(dialogParent)
{
}

QList<RevisionEditor *> EditorTabs::editors() const
{
    QList<RevisionEditor *> editors;
    for (int i = 1; i < m_tabs->count(); ++i)
        if (auto *editor = qobject_cast<RevisionEditor *>(m_tabs->widget(i)))
            editors << editor;
    return editors;
}

RevisionEditor *EditorTabs::current() const
{
    return qobject_cast<RevisionEditor *>(m_tabs->currentWidget());
}

RevisionEditor *EditorTabs::open(const QString &revisionOrPath, int line, int column)
{
    QString path = revisionOrPath;
    if (m_session->project())
        if (const Revision *revision = m_session->project()->map().revision(revisionOrPath))
            path = revision->path;
    if (!QFileInfo(path).isFile())
        return nullptr;
    path = QFileInfo(path).absoluteFilePath();
    for (RevisionEditor *editor : editors())
        if (editor->path() == path) {
            m_tabs->setCurrentWidget(editor);
            if (line > 0)
                editor->goTo(line, std::max(1, column));
            return editor;
        }
    auto *editor = new RevisionEditor;
    editor->setDialect(m_session->dialectName());
    editor->setHeaderCheck([session = QPointer<ProjectSession>(m_session)](const QString &id, const QStringList &revises,
                                                                            const QStringList &dependsOn) {
        return session ? session->headerProblem(id, revises, dependsOn) : QString();
    });
    editor->setCompletionWords(m_completionWords);
    if (Status opened = editor->openFile(path); !opened) {
        delete editor;
        Q_EMIT error(opened.error());
        return nullptr;
    }
    const QString name = QFileInfo(path).fileName();
    const int index = m_tabs->addTab(editor, name);
    databaseChanged();
    m_watcher->watchFile(path);
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    connect(editor, &RevisionEditor::modificationChanged, this, [this, editor, name](bool modified) {
        const int at = m_tabs->indexOf(editor);
        if (at >= 0)
            m_tabs->setTabText(at, modified ? name + QLatin1Char('*') : name);
        Q_EMIT editorsChanged();
    });
    connect(editor, &RevisionEditor::saved, this, [this](const QString &saved) {
        Q_EMIT logLine(tr("Saved %1").arg(saved));
        m_session->reload();
    });
    connect(editor, &RevisionEditor::dryRunRequested, this, [this, editor] { dryRun(editor); });
    if (line > 0)
        editor->goTo(line, std::max(1, column));
    Q_EMIT editorsChanged();
    return editor;
}

void EditorTabs::dryRun(RevisionEditor *editor)
{
    CommandContext context;
    context.config = m_session->config();
    const QString path = editor->path();
    const QString text = editor->text();
    Q_EMIT logLine(tr("Dry run of %1 on a dev database").arg(QFileInfo(path).fileName()));
    QPointer<RevisionEditor> target = editor;
    inBackground(this, [context, path, text] { return Commands::dryRun(context, path, text); },
                 [this, target](const Result<DryRunResult> &result) {
                     if (!target)
                         return;
                     target->showDryRun(result);
                     Q_EMIT logLine(target->dryRunText());
                     Q_EMIT dryRunFinished(target);
                 });
}

bool EditorTabs::closeAll()
{
    const QList<RevisionEditor *> open = editors();
    for (auto it = open.crbegin(); it != open.crend(); ++it) {
        RevisionEditor *editor = *it;
        if (editor->isModified()) {
            m_tabs->setCurrentWidget(editor);
            const auto answer = QMessageBox::question(
                m_dialogParent, tr("Unsaved changes"),
                tr("Save the changes to %1?").arg(QFileInfo(editor->path()).fileName()),
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
            if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !editor->save()))
                return false;
        }
        m_tabs->removeTab(m_tabs->indexOf(editor));
        editor->deleteLater();
    }
    Q_EMIT editorsChanged();
    return true;
}

void EditorTabs::projectChanged()
{
    const QString dialect = m_session->dialectName();
    for (RevisionEditor *editor : editors())
        editor->setDialect(dialect);
}

void EditorTabs::databaseChanged()
{
    if (!m_session->project())
        return;
    QSet<QString> appliedFiles;
    for (const QString &id : m_session->database().applied)
        if (const Revision *revision = m_session->project()->map().revision(id))
            appliedFiles.insert(QFileInfo(revision->path).absoluteFilePath());
    for (RevisionEditor *editor : editors())
        editor->setApplied(appliedFiles.contains(editor->path()));
}

void EditorTabs::setCompletionWords(const QStringList &words)
{
    m_completionWords = words;
    for (RevisionEditor *editor : editors())
        editor->setCompletionWords(words);
}

void EditorTabs::fileChanged(const QString &path)
{
    for (RevisionEditor *editor : editors())
        if (editor->path() == path)
            editor->fileChangedOnDisk();
}

} // namespace Stratum
