// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace Stratum {

/// Asks for a connection profile's password when the server refused the connection without
/// one, with the choice to remember it in the system keychain (PasswordStore).
class PasswordPrompt : public QDialog
{
    Q_OBJECT

public:
    /// \a serverSaid is the failed connection's message (it names the URL, masked).
    PasswordPrompt(const QString &profile, const QString &serverSaid, QWidget *parent = nullptr);

    QString password() const;
    bool remember() const;

private:
    QLineEdit *m_password;
    QCheckBox *m_remember;
};

} // namespace Stratum
