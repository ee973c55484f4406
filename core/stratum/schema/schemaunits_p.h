// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: the statements of a desired schema grouped by the object they build, for the
// incremental normalisation (docs/decisions.md, Incremental normalisation).

#include "stratum/schema/devdatabase.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stratum::Internal {

/// The statements that build one object (or a few that cannot be told apart: objects whose
/// statements name each other in a cycle, a sequence and the column that owns it, a partition
/// attached to its parent).
struct SchemaUnit
{
    QSet<QString> names;          ///< case-folded names of what it creates
    QList<qsizetype> statements;  ///< indexes into the schema's statements, in file order
    QList<qsizetype> dependencies;   ///< units it names, each before it in SchemaUnits::units
    /// A table, not partitioned, no partition, inheriting nothing, that names only such
    /// tables: its reflected form is all another statement can see of it.
    bool plainTable = false;
};

struct SchemaUnits
{
    /// Statements that create nothing of their own and that every object may read: CREATE
    /// EXTENSION, CREATE SCHEMA, SET, before the first object's statement.
    QList<qsizetype> prelude;
    /// In an order where every unit comes after the units it depends on.
    QList<SchemaUnit> units;
};

/// Groups \a statements into units, or nothing when the schema holds a statement whose
/// effect on other objects cannot be told from its text (a DROP, a RENAME, an INSERT, a DO
/// block …) or that names an object created only further down: such a schema is normalised
/// as a whole.
std::optional<SchemaUnits> splitIntoUnits(const QList<SourcedStatement> &statements);

/// Case-folded words and quoted names \a sql mentions, also inside string literals and
/// routine bodies (`nextval('s')`, `$$ SELECT … FROM t $$`).
QSet<QString> mentionedNames(const QString &sql);

} // namespace Stratum::Internal
