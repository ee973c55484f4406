// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/comparesidepicker.h"

#include "stratum/revision/revisionmap.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLineEdit>
#include <QRadioButton>

namespace Stratum {
namespace {

QString entryText(const Revision &revision)
{
    return revision.doc.isEmpty() ? revision.id : QStringLiteral("%1  %2").arg(revision.id, revision.doc);
}

} // namespace

CompareSidePicker::CompareSidePicker(Position position, const RevisionMap &map, QWidget *parent)
    : QGroupBox(position == Position::Left ? tr("Left (from)") : tr("Right (to)"), parent)
    , m_database(new QRadioButton(position == Position::Left ? tr("&Database") : tr("Data&base"), this))
    , m_schemaFiles(new QRadioButton(position == Position::Left ? tr("&Schema files") : tr("Schema &files"), this))
    , m_revisionButton(new QRadioButton(position == Position::Left ? tr("&Revision") : tr("Re&vision"), this))
    , m_headButton(new QRadioButton(position == Position::Left ? tr("&Head") : tr("H&ead"), this))
    , m_revision(new QComboBox(this))
    , m_head(new QComboBox(this))
{
    auto *group = new QButtonGroup(this);
    for (QRadioButton *button : {m_database, m_schemaFiles, m_revisionButton, m_headButton})
        group->addButton(button);
    m_database->setToolTip(tr("The configured database as it is now"));
    m_schemaFiles->setToolTip(tr("The desired schema: the project's schema files"));
    m_revisionButton->setToolTip(tr("The schema the history up to a revision builds (replayed on a dev database)"));
    m_headButton->setToolTip(tr("The schema a head builds, named by its branch labels"));

    m_revision->setObjectName(QStringLiteral("compareRevision"));
    m_revision->setEditable(true);
    m_revision->setInsertPolicy(QComboBox::NoInsert);
    m_revision->lineEdit()->setPlaceholderText(tr("id or message"));
    m_revision->setMinimumContentsLength(44);
    m_revision->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_head->setObjectName(QStringLiteral("compareHead"));
    m_head->setMinimumContentsLength(44);
    m_head->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillRevisions(map);
    fillHeads(map);
    // Any part of an id or a message finds the revision.
    auto *completer = new QCompleter(m_revision->model(), m_revision);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_revision->setCompleter(completer);

    const auto pick = [this](QRadioButton *button) {
        button->setChecked(true);
        Q_EMIT changed();
    };
    connect(m_revision, &QComboBox::currentIndexChanged, this, [this, pick] { pick(m_revisionButton); });
    connect(m_revision, &QComboBox::editTextChanged, this, [this, pick] { pick(m_revisionButton); });
    connect(m_head, &QComboBox::currentIndexChanged, this, [this, pick] { pick(m_headButton); });
    connect(m_head, &QComboBox::activated, this, [this, pick] { pick(m_headButton); });
    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            Q_EMIT changed();
    });
    m_headButton->setEnabled(m_head->count() > 0);
    m_revisionButton->setEnabled(m_revision->count() > 0);

    auto *layout = new QGridLayout(this);
    layout->addWidget(m_database, 0, 0, 1, 2);
    layout->addWidget(m_schemaFiles, 1, 0, 1, 2);
    layout->addWidget(m_revisionButton, 2, 0);
    layout->addWidget(m_revision, 2, 1);
    layout->addWidget(m_headButton, 3, 0);
    layout->addWidget(m_head, 3, 1);
    layout->setColumnStretch(1, 1);
    setTabOrder(m_database, m_schemaFiles);
    setTabOrder(m_schemaFiles, m_revisionButton);
    setTabOrder(m_revisionButton, m_revision);
    setTabOrder(m_revision, m_headButton);
    setTabOrder(m_headButton, m_head);
    m_schemaFiles->setChecked(true);
}

void CompareSidePicker::fillRevisions(const RevisionMap &map)
{
    // Newest first, as the graph and `history` list them.
    Result<QList<const Revision *>> walked = map.walkRevisions();
    const QList<const Revision *> revisions = walked ? *walked : map.revisions();
    for (const Revision *revision : revisions) {
        if (!revision)
            continue;
        m_revision->addItem(entryText(*revision), revision->id);
        m_revision->setItemData(m_revision->count() - 1, revision->longDoc.isEmpty() ? revision->doc : revision->longDoc,
                                Qt::ToolTipRole);
    }
}

void CompareSidePicker::fillHeads(const RevisionMap &map)
{
    for (const QString &id : map.heads()) {
        const Revision *revision = map.revision(id);
        if (!revision)
            continue;
        const QString text = revision->branchLabels.isEmpty()
                                 ? entryText(*revision)
                                 : QStringLiteral("%1 — %2").arg(revision->branchLabels.join(QLatin1String(", ")),
                                                                  entryText(*revision));
        m_head->addItem(text, id);
    }
}

QRadioButton *CompareSidePicker::button(CompareSide::Kind kind) const
{
    switch (kind) {
    case CompareSide::Kind::Database:
        return m_database;
    case CompareSide::Kind::SchemaFiles:
        return m_schemaFiles;
    case CompareSide::Kind::Revision:
        return m_revisionButton;
    case CompareSide::Kind::Head:
        break;
    }
    return m_headButton;
}

CompareSide CompareSidePicker::side() const
{
    if (m_database->isChecked())
        return CompareSide::database();
    if (m_revisionButton->isChecked())
        return CompareSide::ofRevision(typedRevision());
    if (m_headButton->isChecked())
        return CompareSide::head(m_head->currentData().toString());
    return CompareSide::schemaFiles();
}

QStringList CompareSidePicker::typedMatches() const
{
    const QString text = m_revision->currentText().trimmed();
    if (text.isEmpty())
        return {};
    if (m_revision->currentIndex() >= 0 && m_revision->itemText(m_revision->currentIndex()) == text)
        return {m_revision->currentData().toString()};
    QStringList found;
    for (int i = 0; i < m_revision->count(); ++i)
        if (m_revision->itemText(i).contains(text, Qt::CaseInsensitive))
            found << m_revision->itemData(i).toString();
    return found;
}

QString CompareSidePicker::typedRevision() const
{
    const QStringList found = typedMatches();
    return found.size() == 1 ? found.first() : QString();
}

QString CompareSidePicker::problem() const
{
    if (!m_revisionButton->isChecked() || !typedRevision().isEmpty())
        return {};
    const QString text = m_revision->currentText().trimmed();
    if (text.isEmpty())
        return tr("type part of a revision's id or message, or pick one from the list");
    const qsizetype found = typedMatches().size();
    if (found == 0)
        return tr("no revision matches “%1”").arg(text);
    return tr("“%1” matches %n revision(s): pick one from the list", "", int(found)).arg(text);
}

void CompareSidePicker::setSide(const CompareSide &side)
{
    {
        // One changed() for the whole change, not one per combo and button.
        const QSignalBlocker blocker(this);
        if (side.kind == CompareSide::Kind::Revision)
            m_revision->setCurrentIndex(m_revision->findData(side.revision));
        if (side.kind == CompareSide::Kind::Head)
            m_head->setCurrentIndex(m_head->findData(side.revision));
        button(side.kind)->setChecked(true);
    }
    Q_EMIT changed();
}

} // namespace Stratum
