// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/compareside.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace Stratum {

class CompareSidePicker;
class RevisionMap;

/// Compare… : picks the two schemas the Schema Diff shows, each the database, the schema
/// files, a revision or a head of \a map. Compare (the default button) is off while both sides
/// are the same schema or a revision side names no revision.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(const RevisionMap &map, const CompareSide &left, const CompareSide &right,
                  QWidget *parent = nullptr);

    CompareSide left() const;
    CompareSide right() const;
    CompareSidePicker *leftPicker() const { return m_left; }
    CompareSidePicker *rightPicker() const { return m_right; }
    QPushButton *compareButton() const { return m_compare; }
    /// Why Compare is off (empty when it is on).
    QString problem() const;

private:
    void update();
    void swap();

    CompareSidePicker *m_left;
    CompareSidePicker *m_right;
    QLabel *m_note;
    QPushButton *m_compare;
};

} // namespace Stratum
