// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/commands/commands.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

class QTextBrowser;

namespace Stratum {

/// Asks for what `stratum revision` / `stratum merge` need: a message and the head(s).
class NewRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Revision, Merge };

    /// Revision: \a heads to choose from, \a selected preselected (may be a non-head: then the
    /// new revision starts a branch there). Merge: check two or more of \a heads.
    NewRevisionDialog(Mode mode, const QStringList &heads, const QString &selected,
                      QWidget *parent = nullptr);

    QString message() const;
    QString head() const;
    QStringList mergeHeads() const;
    QStringList branchLabels() const;
    /// Shows why the command refused, in place.
    void showError(const QString &text);
    /// Merge: shows what each of \a heads changes since what they share and what more than
    /// one of them changes, unless the checked heads have changed since it was asked for.
    void showPreview(const QStringList &heads, const Result<MergePreview> &preview);
    QString previewText() const;
    /// Merge: asks (headsChanged) for the preview of the heads checked now.
    void requestPreview();

Q_SIGNALS:
    /// Merge: the checked heads changed; whoever can replay them calls showPreview().
    void headsChanged(const QStringList &heads);

private:
    void updateOk();

    Mode m_mode;
    QLineEdit *m_message;
    QComboBox *m_head = nullptr;
    QListWidget *m_heads = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLineEdit *m_labels = nullptr;
    QLabel *m_error;
    QPushButton *m_ok = nullptr;
};

} // namespace Stratum
