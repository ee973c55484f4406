// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace Stratum {

/// A revision's create date (Alembic's `create_date`): a moment in the configured time zone,
/// to the microsecond, which QDateTime alone does not carry.
struct CreateDate
{
    QDateTime dateTime;    ///< in the configured zone (local time when none is configured)
    int microsecond = 0;   ///< 0–999999; dateTime holds the same moment to the millisecond

    /// "2026-11-25 12:00:00.000000": the form a revision header carries.
    QString toString() const;
};

/// The values a revision template is rendered with (the arguments of Alembic's script.py.mako).
struct RevisionTemplateValues
{
    QString message;             ///< `${message}`; Alembic writes "empty message" without -m
    QString revision;            ///< `${up_revision}`
    QStringList downRevisions;   ///< `${down_revision}`, joined with ", "; empty for a base
    QString createDate;          ///< `${create_date}`, usually CreateDate::toString()
    QStringList branchLabels;    ///< `${branch_labels}`, joined with ", "
    QStringList dependsOn;       ///< `${depends_on}`, joined with ", "
};

/// The built-in `script.sql.tmpl`: written by `init`, used when a project has none.
QString defaultRevisionTemplate();

/// The text of `<scriptLocation>/script.sql.tmpl`, or defaultRevisionTemplate() when the file
/// does not exist. An existing file that cannot be read is an error naming it.
Result<QString> readRevisionTemplate(const QString &scriptLocation);

/// Replaces the `${…}` placeholders of \a templateText. A line whose only placeholders are
/// empty `${branch_labels}` / `${depends_on}` and that is just the `-- Branch Labels:` or
/// `-- Depends On:` header key is left out. An unknown or unclosed placeholder is an error
/// at its line and column in \a templatePath.
Result<QString> renderRevisionTemplate(const QString &templateText,
                                       const RevisionTemplateValues &values,
                                       const QString &templatePath = {});

/// A new revision id: 12 random lowercase hexadecimal characters.
QString generateRevisionId();

/// The file-name slug of \a message as Alembic makes it: its words (runs of letters, digits
/// and `_`) joined with `_`, lower-cased; longer than \a truncateLength, it is cut at the last
/// `_` within that length and ends with `_`. A negative \a truncateLength never truncates.
QString revisionSlug(const QString &message, int truncateLength = 40);

/// Resolves \a timezone: empty means local time; otherwise an IANA name (or its upper-case
/// form, as Alembic retries) or a Qt offset id such as `UTC+01:00`.
Result<QTimeZone> revisionTimeZone(const QString &timezone);

/// The current moment in \a timezone (see revisionTimeZone()).
Result<CreateDate> currentCreateDate(const QString &timezone);

/// The moment \a microsecondsSinceEpoch (UTC) in \a timezone.
Result<CreateDate> createDateAt(qint64 microsecondsSinceEpoch, const QString &timezone);

/// The file name of a new revision: \a fileTemplate with Alembic's tokens (`%(rev)s`,
/// `%(slug)s`, `%(epoch)s`, `%(year)d`, `%(month).2d`, `%(day).2d`, `%(hour).2d`,
/// `%(minute).2d`, `%(second).2d`; Python %-format flags, width and precision; `%%` for `%`)
/// filled in, plus ".sql". \a fileTemplate is the value after ini unescaping.
Result<QString> revisionFileName(const QString &fileTemplate, const QString &revision,
                                 const QString &message, const CreateDate &createDate,
                                 int truncateSlugLength = 40);

} // namespace Stratum
