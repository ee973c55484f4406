// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/comparedialog.h"

#include "diff/comparesidepicker.h"
#include "theme/theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Stratum {

CompareDialog::CompareDialog(const RevisionMap &map, const CompareSide &left, const CompareSide &right,
                             QWidget *parent)
    : QDialog(parent)
    , m_left(new CompareSidePicker(CompareSidePicker::Position::Left, map, this))
    , m_right(new CompareSidePicker(CompareSidePicker::Position::Right, map, this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare Schemas"));
    m_left->setObjectName(QStringLiteral("compareLeft"));
    m_right->setObjectName(QStringLiteral("compareRight"));
    m_left->setSide(left);
    m_right->setSide(right);
    m_note->setObjectName(QStringLiteral("compareNote"));
    m_note->setWordWrap(true);

    auto *swapButton = new QPushButton(tr("S&wap"), this);
    swapButton->setObjectName(QStringLiteral("compareSwap"));
    swapButton->setToolTip(tr("Exchange the left and the right side"));
    swapButton->setAutoDefault(false);
    connect(swapButton, &QPushButton::clicked, this, &CompareDialog::swap);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_compare = buttons->button(QDialogButtonBox::Ok);
    m_compare->setText(tr("&Compare"));
    m_compare->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    buttons->addButton(swapButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_left, &CompareSidePicker::changed, this, &CompareDialog::update);
    connect(m_right, &CompareSidePicker::changed, this, &CompareDialog::update);

    auto *sides = new QHBoxLayout;
    sides->addWidget(m_left, 1);
    sides->addWidget(m_right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sides);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    update();
}

CompareSide CompareDialog::left() const
{
    return m_left->side();
}

CompareSide CompareDialog::right() const
{
    return m_right->side();
}

QString CompareDialog::problem() const
{
    if (const QString why = m_left->problem(); !why.isEmpty())
        return tr("Left: %1.").arg(why);
    if (const QString why = m_right->problem(); !why.isEmpty())
        return tr("Right: %1.").arg(why);
    const CompareSide a = left();
    const CompareSide b = right();
    if (a.sameSchemaAs(b))
        return tr("Both sides are the same schema: choose something else for one of them.");
    return {};
}

void CompareDialog::update()
{
    // One line, the problem in place of the hint: the dialog keeps its size.
    const QString why = problem();
    m_compare->setEnabled(why.isEmpty());
    if (why.isEmpty()) {
        m_note->setText(tr("A revision can be made from the diff when its left side is the database and the "
                           "database is at the heads."));
        // Dimmed as disabled text is, in light and dark palettes alike.
        m_note->setStyleSheet(
            QStringLiteral("color: %1;").arg(palette().color(QPalette::Disabled, QPalette::WindowText).name()));
    } else {
        m_note->setText(why);
        m_note->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warningText(palette()).name()));
    }
}

void CompareDialog::swap()
{
    const CompareSide a = left();
    const CompareSide b = right();
    m_left->setSide(b);
    m_right->setSide(a);
}

} // namespace Stratum
