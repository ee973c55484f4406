// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/commands/commands.h"
#include "stratum/error.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Stratum {

class FindBar;
class GoToLineBar;
class SqlEditor;

/// Edits one revision file: its header keys as a form above the SQL (both kept in step: the
/// form edits the header lines, typing in the header updates the form), parse errors marked
/// in place as you type, completion of table and column names, save, and the markers of a dry
/// run on the dev database (run by whoever handles dryRunRequested()).
class RevisionEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionEditor(QWidget *parent = nullptr);

    /// Loads \a path; an unreadable file is an error (a file that does not parse is loaded and
    /// its error marked).
    Status openFile(const QString &path);
    /// Writes the text back; false with the reason shown when it cannot be written. A file
    /// changed on disk since it was loaded or saved (another editor, a checkout) is not
    /// overwritten unless \a overwriteOutsideChange.
    Status save(bool overwriteOutsideChange = false);
    /// Loads the file again, dropping unsaved changes.
    Status reload();
    /// The file on disk no longer holds what was loaded or saved last (a deleted file has not
    /// changed: saving writes it again).
    bool changedOnDisk() const;
    /// The file changed on disk: reloaded when there are no unsaved changes; otherwise (and
    /// when it was deleted) said above the editor.
    void fileChangedOnDisk();
    /// What fileChangedOnDisk() said (empty when nothing).
    QString diskNotice() const;
    QString path() const { return m_path; }
    QString text() const;
    void setText(const QString &text);
    bool isModified() const;
    SqlEditor *editor() const { return m_editor; }
    /// The find bar (Ctrl+F) and the go-to-line bar (Ctrl+L) under the editor.
    FindBar *findBar() const { return m_findBar; }
    GoToLineBar *goToLineBar() const { return m_goToLineBar; }
    void setDialect(const QString &dialect);
    void setCompletionWords(const QStringList &words);

    /// The parse error shown, if any.
    const std::optional<Error> &parseError() const { return m_parseError; }
    QString errorText() const;
    /// Checks the text now (normally done shortly after each change).
    void validate();
    /// Marks what a dry run of the text found: the failing statement as an error, a downgrade
    /// that does not restore the schema as a warning on its marker line, else says it passed.
    /// Typing clears the markers as it does parse errors.
    void showDryRun(const Result<DryRunResult> &result);
    /// The dry run's verdict or error shown under the editor (empty before any).
    QString dryRunText() const { return m_dryRunText; }
    QPushButton *dryRunButton() const { return m_dryRun; }

    /// Checks the header's references against the project: (revision id, revises, depends on)
    /// → the problem, empty when there is none. A problem is marked like a parse error at its
    /// header line, and save() refuses it: a wrong `Revises` breaks the whole history.
    using HeaderCheck = std::function<QString(const QString &, const QStringList &, const QStringList &)>;
    void setHeaderCheck(HeaderCheck check) { m_headerCheck = std::move(check); }

    /// The database has applied this revision: once the text is changed, a warning says that
    /// its checksum will no longer match what ran (`stratum verify`).
    void setApplied(bool applied);
    /// The warning shown while an applied revision is modified (empty otherwise).
    QString appliedWarning() const;

    /// Moves the cursor to \a line (1-based).
    void goTo(int line, int column = 1);

    QLineEdit *messageField() const { return m_message; }
    QLineEdit *revisesField() const { return m_revises; }
    QLineEdit *branchLabelsField() const { return m_labels; }
    QLineEdit *dependsOnField() const { return m_dependsOn; }

Q_SIGNALS:
    void saved(const QString &path);
    void modificationChanged(bool modified);
    /// The Dry Run button: run text() on a dev database, then call showDryRun().
    void dryRunRequested();

private:
    void setHeaderValue(const QString &key, const QString &value);
    void setMessage(const QString &message);
    int headerEnd() const;
    void textChanged();
    void showStatus(const QString &text, bool problem);

    QString m_path;
    QString m_savedText;
    QLineEdit *m_message;
    QLineEdit *m_revision;
    QLineEdit *m_revises;
    QLineEdit *m_labels;
    QLineEdit *m_dependsOn;
    QLineEdit *m_created;
    SqlEditor *m_editor;
    FindBar *m_findBar;
    GoToLineBar *m_goToLineBar;
    QLabel *m_error;
    QLabel *m_appliedWarning;
    QLabel *m_diskNotice;
    HeaderCheck m_headerCheck;
    bool m_headerProblem = false;   ///< m_parseError comes from m_headerCheck
    bool m_applied = false;
    QPushButton *m_save;
    QPushButton *m_dryRun;
    QString m_dryRunText;
    bool m_statusProblem = false;
    QTimer *m_validateTimer;
    std::optional<Error> m_parseError;
    bool m_updatingForm = false;
    bool m_wasModified = false;
};

} // namespace Stratum
