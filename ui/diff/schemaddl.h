// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class Dialect;
struct Schema;

/// One object of a schema as DDL: a table with its indexes and triggers, a view, a sequence or
/// an enum, rendered the way a migration would create it.
struct DdlObject
{
    QString key;          ///< "2:table:books": sorts objects by kind, then name
    QString title;        ///< "table books"
    QStringList lines;
};

/// \a schema as DDL objects for \a dialect, in a stable order (enums, sequences, tables, views).
QList<DdlObject> schemaDdl(const Schema &schema, const Dialect &dialect);

/// A row of two aligned DDL texts.
struct DiffRow
{
    enum class Kind {
        Title,     ///< the object's heading comment (both sides)
        Same,
        Changed,   ///< the line differs on both sides
        Removed,   ///< only on the left
        Added      ///< only on the right
    };
    Kind kind = Kind::Same;
    QString left;
    QString right;
    QString object;       ///< title of the object the row belongs to

    /// Only the right side has a line here (the left shows filler).
    bool onlyRight() const { return kind == Kind::Added || (kind == Kind::Title && left.isEmpty()); }
    /// Only the left side has a line here (the right shows filler).
    bool onlyLeft() const { return kind == Kind::Removed || (kind == Kind::Title && right.isEmpty()); }
    /// The row is part of a change: changed, added or removed, or the heading of an object
    /// that only one side has.
    bool differs() const { return kind == Kind::Changed || onlyLeft() || onlyRight(); }
};

/// Rows \a first to \a last (0-based, inclusive) that differ, with no equal row between them:
/// what Next and Previous Change move through.
struct ChangeBlock
{
    int first = 0;
    int last = 0;
    friend bool operator==(const ChangeBlock &, const ChangeBlock &) = default;
};

/// Aligns two schemas object by object (by key) and, within an object, line by line (longest
/// common subsequence), so that the same text sits on the same row on both sides.
QList<DiffRow> alignDdl(const QList<DdlObject> &left, const QList<DdlObject> &right);

/// The runs of rows that differ (DiffRow::differs()), in order.
QList<ChangeBlock> changeBlocks(const QList<DiffRow> &rows);

} // namespace Stratum
