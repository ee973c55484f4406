// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Stratum {

class Dialect;

/// What changing a column's type does to the values already there.
enum class TypeChange {
    Safe,       ///< every value fits the new type as it is
    Narrows,    ///< the new type holds fewer values: one that does not fit fails (MySQL may cut it)
    Converts,   ///< every value is converted (text to a number, a float to an integer…) and may fail
    NoCast      ///< PostgreSQL has no cast between the two: `USING col::type` cannot run
};

/// How a column of type \a from becomes one of type \a to on \a dialect's engine.
TypeChange classifyTypeChange(const QString &from, const QString &to, const Dialect &dialect);

/// The comment autogenerate writes above a statement that changes \a column of \a table from
/// \a from to \a to, saying what may go wrong and what to do; empty when the change is safe.
QString typeChangeNote(const QString &table, const QString &column, const QString &from, const QString &to,
                       const Dialect &dialect);

} // namespace Stratum
