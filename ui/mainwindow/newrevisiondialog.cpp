// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/newrevisiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Stratum {

NewRevisionDialog::NewRevisionDialog(Mode mode, const QStringList &heads, const QString &selected,
                                     QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_message(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(mode == Mode::Merge ? QStringLiteral("mergeDialog") : QStringLiteral("newRevisionDialog"));
    setWindowTitle(mode == Mode::Merge ? tr("Merge heads") : tr("New revision"));
    m_message->setObjectName(QStringLiteral("messageField"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Message"), m_message);
    if (mode == Mode::Revision) {
        m_head = new QComboBox(this);
        m_head->setObjectName(QStringLiteral("headField"));
        m_head->addItems(heads);
        if (!selected.isEmpty() && !heads.contains(selected))
            m_head->addItem(selected);
        m_head->setCurrentText(selected.isEmpty() ? heads.value(0) : selected);
        m_head->setToolTip(tr("The new revision revises this one. A revision that is not a head "
                              "starts a new branch there."));
        form->addRow(tr("On &top of"), m_head);
        m_labels = new QLineEdit(this);
        m_labels->setObjectName(QStringLiteral("labelsField"));
        m_labels->setPlaceholderText(tr("optional, comma-separated"));
        form->addRow(tr("&Branch labels"), m_labels);
        m_message->setPlaceholderText(tr("e.g. add customer email"));
    } else {
        m_heads = new QListWidget(this);
        m_heads->setObjectName(QStringLiteral("headsField"));
        for (const QString &head : heads) {
            auto *item = new QListWidgetItem(head, m_heads);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(head == selected || heads.size() == 2 ? Qt::Checked : Qt::Unchecked);
        }
        connect(m_heads, &QListWidget::itemChanged, this, &NewRevisionDialog::updateOk);
        connect(m_heads, &QListWidget::itemChanged, this, &NewRevisionDialog::requestPreview);
        m_heads->setMaximumHeight(m_heads->fontMetrics().height() * 7);
        form->addRow(tr("&Heads to merge"), m_heads);
        m_preview = new QTextBrowser(this);
        m_preview->setObjectName(QStringLiteral("mergePreview"));
        m_preview->setMinimumHeight(160);
        form->addRow(tr("&What each brings"), m_preview);
        m_message->setText(tr("merge %1").arg(heads.join(QLatin1String(", "))));
    }
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #cf222e;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(mode == Mode::Merge ? tr("Create merge revision") : tr("Create revision"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_message, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, mode == Mode::Merge ? 520 : 200);
    updateOk();
}

QString NewRevisionDialog::message() const
{
    return m_message->text().trimmed();
}

QString NewRevisionDialog::head() const
{
    return m_head ? m_head->currentText() : QString();
}

QStringList NewRevisionDialog::mergeHeads() const
{
    QStringList result;
    if (m_heads)
        for (int i = 0; i < m_heads->count(); ++i)
            if (m_heads->item(i)->checkState() == Qt::Checked)
                result << m_heads->item(i)->text();
    return result;
}

QStringList NewRevisionDialog::branchLabels() const
{
    QStringList labels;
    if (m_labels)
        for (const QString &label : m_labels->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!label.trimmed().isEmpty())
                labels << label.trimmed();
    return labels;
}

void NewRevisionDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void NewRevisionDialog::requestPreview()
{
    if (!m_preview)
        return;
    const QStringList heads = mergeHeads();
    if (heads.size() < 2) {
        m_preview->setPlainText(tr("Check two or more heads to see what each brings."));
        return;
    }
    m_preview->setPlainText(tr("Replaying each branch on a dev database…"));
    Q_EMIT headsChanged(heads);
}

void NewRevisionDialog::showPreview(const QStringList &heads, const Result<MergePreview> &preview)
{
    if (!m_preview || heads != mergeHeads())
        return;
    if (!preview) {
        m_preview->setPlainText(tr("No preview: %1").arg(preview.error().toString()));
        return;
    }
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QString warn = dark ? QStringLiteral("#ffa657") : QStringLiteral("#9a6700");
    QString html;
    html += QStringLiteral("<p>%1</p>").arg(
        tr("Since %1:").arg(preview->shared.isEmpty() ? tr("base") : preview->shared.join(QLatin1String(", ")))
            .toHtmlEscaped());
    if (!preview->overlap.isEmpty())
        html += QStringLiteral("<p style=\"color:%1\"><b>%2</b></p>")
                    .arg(warn, tr("More than one branch changes: %1").arg(preview->overlap.join(QLatin1String(", ")))
                                   .toHtmlEscaped());
    for (const MergePreview::Branch &branch : preview->branches) {
        html += QStringLiteral("<p><b>%1</b> — %2</p><ul>")
                    .arg(branch.head.toHtmlEscaped(), tr("%n change(s)", nullptr, int(branch.changes.size())));
        for (const Operation &op : branch.changes)
            html += QStringLiteral("<li>%1</li>").arg(op.describe().toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_preview->setHtml(html);
}

QString NewRevisionDialog::previewText() const
{
    return m_preview ? m_preview->toPlainText() : QString();
}

void NewRevisionDialog::updateOk()
{
    bool ok = !message().isEmpty();
    if (m_mode == Mode::Merge)
        ok = ok && mergeHeads().size() >= 2;
    m_ok->setEnabled(ok);
}

} // namespace Stratum
