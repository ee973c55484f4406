// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: PostgreSQL's printed expressions in the form PostgreSQL reads them back as.

#include <QString>

namespace Stratum::Internal {

/// \a expression (as pg_get_expr, pg_get_viewdef and friends print it) in the form the same
/// text takes once PostgreSQL has parsed it again and printed it.
///
/// The printed form is not always a fixed point. A cast PostgreSQL puts around a whole ARRAY[]
/// constructor (operator resolution makes `varchar_col IN ('a', 'b')` into
/// `varchar_col::text = ANY (ARRAY['a'::character varying, …]::text[])`) is read back as a cast
/// of each element (`ARRAY['a'::character varying::text, …]`). A revision that writes the
/// first form creates the second, so reflection gives the second for both: the database built
/// from the schema files, the one built by the revision, and the desired schema then agree,
/// while a changed constant still differs. Pretty (`ARRAY[…]::text[]`) and plain
/// (`(ARRAY[…])::text[]`) output are both handled; text without such a cast comes back as is.
QString postgresReadBack(const QString &expression);

} // namespace Stratum::Internal
