// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stratum/error.h"
#include "sqllexer.h"

#include <QString>
#include <QStringList>

namespace Stratum {

/// One section of a revision file: the text after `-- migrate:upgrade` or `-- migrate:downgrade`.
struct ScriptSection
{
    bool present = false;
    bool transactional = true;   ///< false when the marker carries `transaction:false`
    int markerLine = 0;          ///< 1-based line of the marker
    int bodyLine = 0;            ///< 1-based line where `body` starts
    QString body;                ///< raw SQL up to the next marker or end of file
};

/// A revision file as read from disk (SQL, or an Alembic `.py` read for its literals).
struct RevisionScript
{
    QString path;                 ///< absolute path of the file
    QString revision;             ///< Revision ID
    QStringList downRevisions;    ///< Revises: empty = base, several = merge
    QStringList branchLabels;     ///< Branch Labels (own, not inherited)
    QStringList dependsOn;        ///< Depends On: revisions or branch labels
    QString doc;                  ///< Alembic Script.doc: first paragraph of longDoc
    QString longDoc;              ///< the whole header comment (Alembic Script.longdoc), stripped
    QString createDate;
    bool python = false;          ///< read from an Alembic `.py` file (read-only, no SQL sections)
    bool sectionsLoaded = false;  ///< header-only reads leave sections empty
    ScriptSection upgrade;
    ScriptSection downgrade;
};

/// Parses \a text (the content of \a path). With \a headerOnly, stops after the header keys.
/// The header is the first block of `--` lines; keys are matched case-insensitively; list values
/// split on commas and spaces. Revision ids may not hold spaces, ',', '@', '-' or '+' (Alembic's
/// rule). Errors carry \a path, line, column and what was expected.
Result<RevisionScript> parseRevisionScript(const QString &text, const QString &path, bool headerOnly);
/// Reads only as much of the file as the header needs (fast path for graph commands).
/// A `.py` path is read by readPythonRevision.
Result<RevisionScript> readRevisionHeader(const QString &path);
/// Reads the headers of \a fileNames in \a directory (on disk or `:/` resources), in the given
/// order; the first file that fails, in that order, gives the error. With \a failures, a file that
/// fails is left out and its error appended there instead. Large folders are read on all cores.
Result<QList<RevisionScript>> readRevisionHeaders(const QString &directory,
                                                  const QStringList &fileNames,
                                                  QList<Error> *failures = nullptr);
/// Reads header and both sections. A `.py` path is read by readPythonRevision.
Result<RevisionScript> readRevisionScript(const QString &path);
/// Reads an Alembic `.py` revision for its revision/down_revision/branch_labels/depends_on literals.
Result<RevisionScript> readPythonRevision(const QString &path);
/// Parses the text of an Alembic `.py` revision (\a path labels errors and, as in Alembic,
/// supplies the revision id of legacy files named `<hex>.py` that declare no `revision`).
Result<RevisionScript> parsePythonRevision(const QString &text, const QString &path);

/// The statements of \a section, with file line numbers (empty when the section is absent).
Result<QList<SqlStatement>> sectionStatements(const ScriptSection &section, const QString &path);

} // namespace Stratum
