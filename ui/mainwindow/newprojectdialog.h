// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/error.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Stratum {

/// New Project: a folder, a template, a dialect and its URL; runs `stratum init` (Commands::init)
/// and writes the URL into the new stratum.ini.
class NewProjectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    QString directory() const;
    /// Runs init; the error is also shown in place.
    Status createProject();

    /// Replaces the `url =` line of the [stratum] section of \a iniPath with \a url.
    static Status writeUrl(const QString &iniPath, const QString &url);
    /// A starting URL for \a dialect and project folder name \a name.
    static QString defaultUrl(const QString &dialect, const QString &name);

private:
    void dialectChanged();

    QLineEdit *m_directory;
    QComboBox *m_template;
    QComboBox *m_dialect;
    QLineEdit *m_url;
    QLabel *m_error;
    bool m_urlEdited = false;
};

} // namespace Stratum
