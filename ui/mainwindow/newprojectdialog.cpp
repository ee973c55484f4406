// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/newprojectdialog.h"

#include "stratum/commands/commands.h"
#include "stratum/config/url.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QVBoxLayout>

namespace Stratum {

NewProjectDialog::NewProjectDialog(QWidget *parent)
    : QDialog(parent)
    , m_directory(new QLineEdit(this))
    , m_template(new QComboBox(this))
    , m_dialect(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newProjectDialog"));
    m_directory->setObjectName(QStringLiteral("directoryField"));
    m_template->setObjectName(QStringLiteral("templateField"));
    m_dialect->setObjectName(QStringLiteral("dialectField"));
    m_url->setObjectName(QStringLiteral("urlField"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    setWindowTitle(tr("New project"));
    m_directory->setPlaceholderText(tr("an empty or new folder"));
    auto *browse = new QPushButton(tr("B&rowse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Project folder"));
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
    auto *directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(browse);

    m_template->addItem(tr("generic — one database"), QStringLiteral("generic"));
    m_template->addItem(tr("embedded — migrations shipped in a Qt application"), QStringLiteral("embedded"));
    m_dialect->addItem(QStringLiteral("SQLite"), QStringLiteral("sqlite"));
    m_dialect->addItem(QStringLiteral("PostgreSQL"), QStringLiteral("postgresql"));
    m_dialect->addItem(QStringLiteral("MySQL / MariaDB"), QStringLiteral("mysql"));
    m_url->setToolTip(tr("SQLAlchemy's URL form. Leave the password out: use ${ENV_VAR}, "
                         "~/.pgpass or a connection profile."));
    connect(m_dialect, &QComboBox::currentIndexChanged, this, &NewProjectDialog::dialectChanged);
    connect(m_url, &QLineEdit::textEdited, this, [this] { m_urlEdited = true; });
    connect(m_directory, &QLineEdit::textChanged, this, [this] {
        if (!m_urlEdited)
            dialectChanged();
    });

    auto *form = new QFormLayout;
    auto *folderLabel = new QLabel(tr("&Folder"), this);
    folderLabel->setBuddy(m_directory);   // a row holding a layout gets no buddy by itself
    form->addRow(folderLabel, directoryRow);
    form->addRow(tr("&Template"), m_template);
    form->addRow(tr("&Database"), m_dialect);
    form->addRow(tr("&URL"), m_url);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #cf222e;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create project"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (createProject())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Browse… is made after the fields: in the tab order it follows the folder it fills.
    setTabOrder(m_directory, browse);
    setTabOrder(browse, m_template);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 220);
    dialectChanged();
}

QString NewProjectDialog::directory() const
{
    return QDir::cleanPath(m_directory->text().trimmed());
}

QString NewProjectDialog::defaultUrl(const QString &dialect, const QString &name)
{
    const QString base = name.isEmpty() ? QStringLiteral("app") : name;
    QString identifier = base.toLower();
    identifier.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    if (dialect == QLatin1String("postgresql"))
        return QStringLiteral("postgresql://%1@localhost:5432/%1").arg(identifier);
    if (dialect == QLatin1String("mysql"))
        return QStringLiteral("mysql://%1@localhost:3306/%1").arg(identifier);
    return QStringLiteral("sqlite:///%(here)s/%1.db").arg(identifier);
}

void NewProjectDialog::dialectChanged()
{
    if (!m_urlEdited)
        m_url->setText(defaultUrl(m_dialect->currentData().toString(), QFileInfo(directory()).fileName()));
}

Status NewProjectDialog::writeUrl(const QString &iniPath, const QString &url)
{
    QFile in(iniPath);
    if (!in.open(QIODevice::ReadOnly))
        return Error::input(tr("Cannot read %1").arg(iniPath), iniPath);
    QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    in.close();
    static const QRegularExpression urlLine(QStringLiteral("^\\s*(url|sqlalchemy\\.url)\\s*[=:]"),
                                            QRegularExpression::CaseInsensitiveOption);
    bool written = false;
    for (QString &line : lines)
        if (!written && urlLine.match(line).hasMatch()) {
            line = QStringLiteral("url = ") + url;
            written = true;
        }
    if (!written)
        return Error::input(tr("No url line in %1").arg(iniPath), iniPath);
    QSaveFile out(iniPath);
    if (!out.open(QIODevice::WriteOnly))
        return Error::input(tr("Cannot write %1").arg(iniPath), iniPath);
    out.write(lines.join(QLatin1Char('\n')).toUtf8());
    if (!out.commit())
        return Error::input(tr("Cannot write %1").arg(iniPath), iniPath);
    return {};
}

Status NewProjectDialog::createProject()
{
    const auto fail = [this](const Error &error) {
        m_error->setText(error.toString());
        m_error->show();
        return Status(error);
    };
    if (directory().isEmpty())
        return fail(Error::input(tr("Choose a folder for the project")));
    const QString url = m_url->text().trimmed();
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(url, directory());
    if (!parsed)
        return fail(parsed.error());
    if (!parsed->password.isEmpty() && !url.contains(QLatin1String("${")))
        return fail(Error::input(tr("Leave the password out of the URL"), {}, 0, 0,
                                 tr("Write ${ENV_VAR} in its place, use ~/.pgpass, or a connection profile.")));
    CommandOutput output;
    if (Status created = Commands::init(directory(), m_template->currentData().toString(), output); !created)
        return fail(created.error());
    if (Status written = writeUrl(QDir(directory()).filePath(QStringLiteral("stratum.ini")), url); !written)
        return fail(written.error());
    return {};
}

} // namespace Stratum
