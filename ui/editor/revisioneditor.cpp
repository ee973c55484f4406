// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/revisioneditor.h"

#include "editor/findbar.h"
#include "editor/gotolinebar.h"
#include "editor/sqleditor.h"
#include "stratum/script/revisionscript.h"
#include "theme/theme.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>

namespace Stratum {
namespace {

bool isKeyLine(const QString &line, QString *key = nullptr)
{
    static const QRegularExpression keyLine(
        QStringLiteral("^--\\s*(Revision ID|Revises|Create Date|Branch Labels|Depends On)\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = keyLine.match(line);
    if (match.hasMatch() && key)
        *key = match.captured(1);
    return match.hasMatch();
}

} // namespace

RevisionEditor::RevisionEditor(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLineEdit(this))
    , m_revision(new QLineEdit(this))
    , m_revises(new QLineEdit(this))
    , m_labels(new QLineEdit(this))
    , m_dependsOn(new QLineEdit(this))
    , m_created(new QLineEdit(this))
    , m_editor(new SqlEditor(this))
    , m_findBar(new FindBar(m_editor, this))
    , m_goToLineBar(new GoToLineBar(m_editor, this))
    , m_error(new QLabel(this))
    , m_appliedWarning(new QLabel(this))
    , m_diskNotice(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_dryRun(new QPushButton(tr("Dry Run"), this))
    , m_validateTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("revisionEditor"));
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_error->setObjectName(QStringLiteral("editorError"));
    m_appliedWarning->setObjectName(QStringLiteral("appliedWarning"));
    m_appliedWarning->setWordWrap(true);
    m_appliedWarning->setText(tr("⚠ The database has applied this revision. Saving a change makes its checksum differ "
                                 "from what ran (stratum verify reports it), and the database keeps what ran: put "
                                 "new changes in a new revision."));
    m_appliedWarning->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warningText(palette()).name()));
    m_appliedWarning->hide();
    m_diskNotice->setObjectName(QStringLiteral("diskNotice"));
    m_diskNotice->setWordWrap(true);
    m_diskNotice->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warningText(palette()).name()));
    m_diskNotice->hide();
    m_message->setObjectName(QStringLiteral("messageField"));
    m_revises->setObjectName(QStringLiteral("revisesField"));
    m_revision->setReadOnly(true);
    m_created->setReadOnly(true);
    m_revision->setToolTip(tr("The id names this revision in other files and in databases; it is not edited here."));
    m_revises->setPlaceholderText(tr("empty: a base revision"));
    m_labels->setPlaceholderText(tr("comma-separated"));
    m_dependsOn->setPlaceholderText(tr("revisions or branch labels, comma-separated"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Message"), m_message);
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_revision, 1);
    idRow->addWidget(new QLabel(tr("Created"), this));
    idRow->addWidget(m_created, 1);
    form->addRow(tr("Revision ID"), idRow);
    form->addRow(tr("Revises"), m_revises);
    auto *labelsRow = new QHBoxLayout;
    labelsRow->addWidget(m_labels, 1);
    labelsRow->addWidget(new QLabel(tr("Depends on"), this));
    labelsRow->addWidget(m_dependsOn, 1);
    form->addRow(tr("Branch labels"), labelsRow);

    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    // The message has the editor's width to itself: beside the buttons a long one was cut.
    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_dryRun);
    bottom->addWidget(m_save);
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRun->setToolTip(tr("Run this revision's upgrade and downgrade, as edited, on a dev database after the "
                            "revisions it builds on. The project's database is not touched."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(m_diskNotice);
    layout->addWidget(m_appliedWarning);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_goToLineBar);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(300);
    connect(m_validateTimer, &QTimer::timeout, this, &RevisionEditor::validate);
    connect(m_editor, &QsciScintilla::textChanged, this, &RevisionEditor::textChanged);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!changedOnDisk()) {
            save();
            return;
        }
        QMessageBox box(QMessageBox::Warning, tr("Changed on disk"),
                        tr("%1 changed on disk since it was opened.").arg(QFileInfo(m_path).fileName()),
                        QMessageBox::NoButton, this);
        QPushButton *overwrite = box.addButton(tr("Overwrite with Mine"), QMessageBox::DestructiveRole);
        QPushButton *load = box.addButton(tr("Reload from Disk"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == overwrite)
            save(true);
        else if (box.clickedButton() == load)
            reload();
    });
    connect(m_dryRun, &QPushButton::clicked, this, [this] {
        validate();
        if (m_parseError)
            return;
        m_dryRun->setEnabled(false);
        showStatus(tr("Dry run on a dev database…"), false);
        Q_EMIT dryRunRequested();
    });

    connect(m_message, &QLineEdit::textEdited, this, &RevisionEditor::setMessage);
    connect(m_revises, &QLineEdit::textEdited, this,
            [this](const QString &value) { setHeaderValue(QStringLiteral("Revises"), value); });
    connect(m_labels, &QLineEdit::textEdited, this,
            [this](const QString &value) { setHeaderValue(QStringLiteral("Branch Labels"), value); });
    connect(m_dependsOn, &QLineEdit::textEdited, this,
            [this](const QString &value) { setHeaderValue(QStringLiteral("Depends On"), value); });
}

Status RevisionEditor::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(tr("Cannot read %1: %2").arg(path, file.errorString()), path);
    m_path = QFileInfo(path).absoluteFilePath();
    const QString text = QString::fromUtf8(file.readAll());
    m_savedText = text;
    setText(text);
    m_editor->setModified(false);
    m_wasModified = false;
    if (path.endsWith(QLatin1String(".py"))) {
        // Alembic revisions are shown, not edited (DESIGN.md §9).
        m_editor->setReadOnly(true);
        m_save->setEnabled(false);
        m_dryRun->setEnabled(false);
        for (QLineEdit *field : {m_message, m_revises, m_labels, m_dependsOn})
            field->setReadOnly(true);
    }
    return {};
}

QString RevisionEditor::text() const
{
    return m_editor->text();
}

void RevisionEditor::setText(const QString &text)
{
    m_editor->setText(text);
    validate();
}

bool RevisionEditor::isModified() const
{
    return m_editor->text() != m_savedText;
}

void RevisionEditor::setDialect(const QString &dialect)
{
    m_editor->setDialect(dialect);
}

void RevisionEditor::setCompletionWords(const QStringList &words)
{
    m_editor->setCompletionWords(words);
}

Status RevisionEditor::save(bool overwriteOutsideChange)
{
    if (!overwriteOutsideChange && changedOnDisk()) {
        const Error error = Error::input(
            tr("%1 changed on disk since it was opened; it was not saved.").arg(m_path), m_path, 0, 0,
            tr("Reload it, or save again choosing to overwrite the change on disk."));
        m_diskNotice->setText(QStringLiteral("⚠ ") + error.message);
        m_diskNotice->show();
        return error;
    }
    validate();
    if (m_headerProblem) {
        const Error error = Error::input(tr("%1 was not saved: %2").arg(QFileInfo(m_path).fileName(), m_parseError->message),
                                         m_path, m_parseError->line);
        return error;
    }
    QSaveFile file(m_path);
    const QByteArray data = text().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        const Error error = Error::input(tr("Cannot save %1: %2").arg(m_path, file.errorString()), m_path);
        m_error->setText(error.toString());
        m_error->show();
        return error;
    }
    m_savedText = text();
    m_diskNotice->hide();
    m_editor->setModified(false);
    textChanged();
    Q_EMIT saved(m_path);
    return {};
}

Status RevisionEditor::reload()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(tr("Cannot read %1: %2").arg(m_path, file.errorString()), m_path);
    const QString text = QString::fromUtf8(file.readAll());
    m_savedText = text;
    setText(text);
    m_editor->setModified(false);
    textChanged();
    m_diskNotice->hide();
    return {};
}

bool RevisionEditor::changedOnDisk() const
{
    QFile file(m_path);
    if (!file.exists())
        return false;   // deleted: said by fileChangedOnDisk(), and saving writes it again
    if (!file.open(QIODevice::ReadOnly))
        return true;
    return QString::fromUtf8(file.readAll()) != m_savedText;
}

void RevisionEditor::fileChangedOnDisk()
{
    if (!QFileInfo::exists(m_path)) {
        m_diskNotice->setText(tr("⚠ %1 was deleted on disk. Saving writes it again.").arg(QFileInfo(m_path).fileName()));
        m_diskNotice->show();
        return;
    }
    if (!changedOnDisk())
        return;   // what this editor saved itself
    if (!isModified()) {
        reload();
        return;
    }
    m_diskNotice->setText(tr("⚠ %1 changed on disk, and this tab has unsaved changes. Saving asks whether to "
                             "overwrite the change on disk or load it.").arg(QFileInfo(m_path).fileName()));
    m_diskNotice->show();
}

QString RevisionEditor::diskNotice() const
{
    return m_diskNotice->isVisible() ? m_diskNotice->text() : QString();
}

QString RevisionEditor::errorText() const
{
    return (m_error->isVisible() && m_statusProblem) || m_parseError ? m_error->text() : QString();
}

void RevisionEditor::setApplied(bool applied)
{
    m_applied = applied;
    m_appliedWarning->setVisible(m_applied && isModified());
}

QString RevisionEditor::appliedWarning() const
{
    return m_appliedWarning->isVisible() ? m_appliedWarning->text() : QString();
}

void RevisionEditor::textChanged()
{
    const bool modified = isModified();
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modificationChanged(modified);
    }
    m_appliedWarning->setVisible(m_applied && modified);
    if (!m_updatingForm)
        m_validateTimer->start();
}

void RevisionEditor::validate()
{
    m_validateTimer->stop();
    m_editor->clearMarks();
    m_parseError.reset();
    m_headerProblem = false;
    const QString source = text();
    if (m_path.endsWith(QLatin1String(".py"))) {
        m_error->hide();
        return;
    }
    Result<RevisionScript> script = parseRevisionScript(source, m_path, false);
    if (script) {
        // Statements are split only when a revision runs: split them now so lexer errors
        // (an unterminated quote, BEGIN without END) show while typing.
        for (const ScriptSection *section : {&script->upgrade, &script->downgrade}) {
            Result<QList<SqlStatement>> statements = sectionStatements(*section, m_path);
            if (!statements) {
                m_parseError = statements.error();
                break;
            }
        }
        if (!m_parseError && m_headerCheck) {
            const QString problem = m_headerCheck(script->revision, script->downRevisions, script->dependsOn);
            if (!problem.isEmpty()) {
                // At the header line it is about.
                const QString key = problem.startsWith(QLatin1String("Depends On")) ? QStringLiteral("-- Depends On:")
                                                                                    : QStringLiteral("-- Revises:");
                const int line = int(source.left(source.indexOf(key)).count(QLatin1Char('\n'))) + 1;
                m_parseError = Error::input(problem, m_path, source.contains(key) ? line : 0);
                m_headerProblem = true;
            }
        }
        if (!m_parseError) {
            const QSignalBlocker b1(m_message), b2(m_revises), b3(m_labels), b4(m_dependsOn);
            const auto fill = [](QLineEdit *field, const QString &value) {
                if (!field->hasFocus() && field->text() != value)
                    field->setText(value);
            };
            fill(m_message, script->doc.section(QLatin1Char('\n'), 0, 0));
            fill(m_revision, script->revision);
            fill(m_revises, script->downRevisions.join(QLatin1String(", ")));
            fill(m_labels, script->branchLabels.join(QLatin1String(", ")));
            fill(m_dependsOn, script->dependsOn.join(QLatin1String(", ")));
            fill(m_created, script->createDate);
        }
    } else {
        m_parseError = script.error();
    }
    if (m_parseError) {
        m_editor->markError(m_parseError->line, m_parseError->column, m_parseError->message);
        QString where = QFileInfo(m_parseError->file.isEmpty() ? m_path : m_parseError->file).fileName();
        if (m_parseError->line > 0)
            where += QLatin1Char(':') + QString::number(m_parseError->line);
        if (m_parseError->column > 0)
            where += QLatin1Char(':') + QString::number(m_parseError->column);
        QString message = where + QLatin1String(": ") + m_parseError->message;
        if (!m_parseError->hint.isEmpty())
            message += QStringLiteral(" — ") + m_parseError->hint;
        showStatus(message, true);
    } else {
        m_error->hide();
        m_error->clear();
    }
}

void RevisionEditor::showStatus(const QString &text, bool problem)
{
    m_error->setText(text);
    m_statusProblem = problem;
    m_error->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(Theme::errorText(palette()).name())
                                   : QString());
    m_error->show();
}

void RevisionEditor::showDryRun(const Result<DryRunResult> &result)
{
    m_dryRun->setEnabled(!m_path.endsWith(QLatin1String(".py")));
    m_editor->clearMarks();
    const auto where = [this](const Error &error) {
        QString text = QFileInfo(error.file.isEmpty() ? m_path : error.file).fileName();
        if (error.line > 0)
            text += QLatin1Char(':') + QString::number(error.line);
        return text;
    };
    if (!result) {
        m_dryRunText = tr("Dry run not possible: %1").arg(result.error().message);
        if (!result.error().file.isEmpty())
            m_dryRunText = tr("Dry run stopped at %1: %2").arg(where(result.error()), result.error().message);
        showStatus(m_dryRunText, true);
        return;
    }
    if (result->failure) {
        // Always a statement of this text (what runs before it fails as an error instead).
        const Error &failure = *result->failure;
        m_editor->markError(failure.line, failure.column, failure.message);
        m_dryRunText = tr("Dry run on %1: line %2: %3").arg(result->devDatabase).arg(failure.line).arg(failure.message);
        showStatus(m_dryRunText, true);
        return;
    }
    if (!result->notUndone.isEmpty()) {
        QStringList left;
        for (const Operation &op : result->notUndone)
            left << op.describe();
        int line = 1;
        if (Result<RevisionScript> script = parseRevisionScript(text(), m_path, false); script && script->downgrade.present)
            line = script->downgrade.markerLine;
        m_dryRunText = tr("Dry run on %1: the downgrade does not undo %2.")
                           .arg(result->devDatabase, left.join(QLatin1String("; ")));
        m_editor->markWarning(line, m_dryRunText);
        showStatus(m_dryRunText, true);
        return;
    }
    m_dryRunText = result->downgraded
                       ? tr("Dry run on %1 passed: upgrade, then downgrade back to the same schema.").arg(result->devDatabase)
                       : tr("Dry run on %1 passed: upgrade (no downgrade section).").arg(result->devDatabase);
    showStatus(m_dryRunText, false);
}

void RevisionEditor::goTo(int line, int column)
{
    m_editor->goTo(line, column);
}

int RevisionEditor::headerEnd() const
{
    int line = 0;
    while (line < m_editor->lines() && m_editor->text(line).startsWith(QLatin1String("--"))
           && !m_editor->text(line).startsWith(QLatin1String("-- migrate:")))
        ++line;
    return line;
}

void RevisionEditor::setHeaderValue(const QString &key, const QString &value)
{
    const QString replacement = value.trimmed().isEmpty() ? QStringLiteral("-- %1:").arg(key)
                                                          : QStringLiteral("-- %1: %2").arg(key, value.trimmed());
    const int end = headerEnd();
    int lastKey = -1;
    m_updatingForm = true;
    for (int line = 0; line < end; ++line) {
        QString found;
        if (!isKeyLine(m_editor->text(line), &found))
            continue;
        lastKey = line;
        if (found.compare(key, Qt::CaseInsensitive) != 0)
            continue;
        const QString old = m_editor->text(line);
        const int length = int(old.size()) - (old.endsWith(QLatin1Char('\n')) ? 1 : 0);
        m_editor->setSelection(line, 0, line, length);
        m_editor->replaceSelectedText(replacement);
        m_updatingForm = false;
        m_validateTimer->start();
        return;
    }
    // A key the file lacks goes after the last key line (or at the top of an empty file).
    const int at = lastKey >= 0 ? lastKey + 1 : end;
    m_editor->insertAt(replacement + QLatin1Char('\n'), at, 0);
    m_updatingForm = false;
    m_validateTimer->start();
}

void RevisionEditor::setMessage(const QString &message)
{
    // The message is the first header line when it is not a key line.
    const QString first = m_editor->lines() > 0 ? m_editor->text(0) : QString();
    m_updatingForm = true;
    const QString replacement = QStringLiteral("-- %1").arg(message.trimmed());
    if (first.startsWith(QLatin1String("--")) && !isKeyLine(first)
        && !first.startsWith(QLatin1String("-- migrate:")) && first.trimmed() != QLatin1String("--")) {
        const int length = int(first.size()) - (first.endsWith(QLatin1Char('\n')) ? 1 : 0);
        m_editor->setSelection(0, 0, 0, length);
        m_editor->replaceSelectedText(replacement);
    } else {
        m_editor->insertAt(replacement + QStringLiteral("\n--\n"), 0, 0);
    }
    m_updatingForm = false;
    m_validateTimer->start();
}

} // namespace Stratum
