// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/compareside.h"

#include <QGroupBox>

class QComboBox;
class QRadioButton;

namespace Stratum {

class RevisionMap;

/// Picks one side of a comparison: the database, the schema files, a revision (an editable
/// combo that finds a revision by any part of its id or message) or a head (with its branch
/// labels). Choosing in a combo checks its button.
class CompareSidePicker : public QGroupBox
{
    Q_OBJECT

public:
    /// Which side it picks: the two sides' buttons have different Alt keys.
    enum class Position { Left, Right };

    CompareSidePicker(Position position, const RevisionMap &map, QWidget *parent = nullptr);

    /// What is picked; a revision side without an id when the typed text names no one revision.
    CompareSide side() const;
    void setSide(const CompareSide &side);
    /// Why side() names no revision (empty when it does, or when no revision is picked).
    QString problem() const;

    QRadioButton *button(CompareSide::Kind kind) const;
    QComboBox *revisionBox() const { return m_revision; }
    QComboBox *headBox() const { return m_head; }

Q_SIGNALS:
    void changed();

private:
    void fillRevisions(const RevisionMap &map);
    void fillHeads(const RevisionMap &map);
    /// The revisions the editable combo's text names: its chosen entry, or the entries whose
    /// text contains what was typed.
    QStringList typedMatches() const;
    /// The one of typedMatches(), if there is one.
    QString typedRevision() const;

    QRadioButton *m_database;
    QRadioButton *m_schemaFiles;
    QRadioButton *m_revisionButton;
    QRadioButton *m_headButton;
    QComboBox *m_revision;
    QComboBox *m_head;
};

} // namespace Stratum
