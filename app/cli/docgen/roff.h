// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace Stratum::DocGen::Roff {

// The few pieces of man(7) markup the pages need, escaped so that `man --warnings` stays quiet.

/// Plain text on one line: backslashes, hyphens (as \-) and a leading '.' or '\'' made literal.
QString text(const QString &plain);

/// `.TH` and the comment that says where the page comes from.
QString header(const QString &name, const QString &version, const QString &date);

/// A section heading (`.SH`).
QString section(const QString &title);

/// An option as a tagged paragraph: names in bold, the value in italics, then the help.
QString option(const QStringList &names, const QString &valueName, const QString &help);

/// A term in bold with its explanation (`.TP`).
QString item(const QString &term, const QString &explanation);

/// A paragraph of text.
QString paragraph(const QString &plain);

} // namespace Stratum::DocGen::Roff
