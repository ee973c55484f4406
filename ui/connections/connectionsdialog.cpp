// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connections/connectionsdialog.h"

#include "stratum/config/url.h"
#include "stratum/runtime/connection.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Stratum {

ConnectionsDialog::ConnectionsDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_passwordHint(new QLabel(this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_watcher(new QFutureWatcher<QString>(this))
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));
    QSettings settings;
    m_profiles = ConnectionProfiles::load(settings);
    for (const ConnectionProfile &profile : std::as_const(m_profiles))
        m_list->addItem(profile.name);

    m_url->setPlaceholderText(QStringLiteral("postgresql://app@localhost:5432/app"));
    m_passwordHint->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_name->setObjectName(QStringLiteral("nameField"));
    m_url->setObjectName(QStringLiteral("urlField"));
    m_test->setObjectName(QStringLiteral("testButton"));
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        storeForm();
        m_profiles << ConnectionProfile{tr("connection %1").arg(m_profiles.size() + 1), QString()};
        m_list->addItem(m_profiles.last().name);
        m_list->setCurrentRow(int(m_profiles.size()) - 1);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        m_current = -1;
        m_profiles.removeAt(row);
        delete m_list->takeItem(row);
        selectionChanged();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        storeForm();
        selectionChanged();
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_watcher->result();
        m_test->setEnabled(true);
        m_result->setText(error.isEmpty() ? tr("✓ Connected.") : tr("✗ %1").arg(error));
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (QListWidgetItem *item = m_list->currentItem())
            item->setText(name);
        m_passwordHint->setText(passwordHint(name));
    });

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&URL"), m_url);
    form->addRow(QString(), m_passwordHint);
    form->addRow(QString(), m_test);
    form->addRow(QString(), m_result);
    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(form, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The list and its buttons first, then the form: the order they are read in.
    setTabOrder(m_list, add);
    setTabOrder(add, remove);
    setTabOrder(remove, m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(680, 320);
    if (!m_profiles.isEmpty())
        m_list->setCurrentRow(0);
    selectionChanged();
}

QString ConnectionsDialog::passwordHint(const QString &profile)
{
    return tr("Passwords are never stored with the profile. They come from %1, the system keychain "
              "(when you chose to remember one), MYSQL_PWD, or libpq (PGPASSWORD, ~/.pgpass); "
              "otherwise the studio asks when the server wants one.")
        .arg(ConnectionProfiles::passwordVariable(profile));
}

void ConnectionsDialog::storeForm()
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return;
    m_profiles[m_current].name = m_name->text().trimmed();
    m_profiles[m_current].url = ConnectionProfiles::withoutPassword(m_url->text());
}

void ConnectionsDialog::selectionChanged()
{
    m_current = m_list->currentRow();
    const bool any = m_current >= 0 && m_current < m_profiles.size();
    m_name->setEnabled(any);
    m_url->setEnabled(any);
    m_test->setEnabled(any && !m_watcher->isRunning());
    m_name->setText(any ? m_profiles[m_current].name : QString());
    m_url->setText(any ? m_profiles[m_current].url : QString());
    m_result->clear();
    m_passwordHint->setText(passwordHint(any ? m_profiles[m_current].name : QStringLiteral("NAME")));
}

QString ConnectionsDialog::probe(const QString &url)
{
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return maskPasswords(parsed.error().toString());
    ConnectOptions options;
    options.connectTimeoutSeconds = 5;
    Result<std::unique_ptr<Connection>> connection = Connection::open(*parsed, options);
    if (!connection)
        return connection.error().toString();
    Result<QVariant> value = (*connection)->selectValue(QStringLiteral("SELECT 1"));
    return value ? QString() : value.error().toString();
}

void ConnectionsDialog::testConnection()
{
    if (m_watcher->isRunning())
        return;
    const ConnectionProfile profile{m_name->text().trimmed(), ConnectionProfiles::withoutPassword(m_url->text())};
    Result<QString> url = ConnectionProfiles::resolvedUrl(profile);
    if (!url) {
        m_result->setText(tr("✗ %1").arg(url.error().toString()));
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    m_watcher->setFuture(QtConcurrent::run(&ConnectionsDialog::probe, *url));
}

QString ConnectionsDialog::testResult() const
{
    return m_result->text();
}

void ConnectionsDialog::accept()
{
    storeForm();
    QSettings settings;
    ConnectionProfiles::save(settings, m_profiles);
    QDialog::accept();
}

} // namespace Stratum
