// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connections/passwordprompt.h"

#include "connections/passwordstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Stratum {

PasswordPrompt::PasswordPrompt(const QString &profile, const QString &serverSaid, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember in the system keychain"), this))
{
    setWindowTitle(tr("Password for %1").arg(profile));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("password"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setEnabled(PasswordStore::available());
    if (!PasswordStore::available())
        m_remember->setToolTip(tr("This build has no keychain support (QtKeychain)."));

    auto *said = new QLabel(serverSaid, this);
    said->setWordWrap(true);
    said->setTextFormat(Qt::PlainText);
    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(said);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString PasswordPrompt::password() const
{
    return m_password->text();
}

bool PasswordPrompt::remember() const
{
    return m_remember->isChecked();
}

} // namespace Stratum
