// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>
#include <QTime>

namespace Stratum {

/// The studio's log: one line per event, stamped with the time it happened, read-only. Like
/// any QPlainTextEdit it keeps the newest line in view unless the reader scrolled up to read.
class LogView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit LogView(QWidget *parent = nullptr);

    /// Appends \a line as "HH:mm:ss line", stamped with \a at.
    void appendLine(const QString &line, const QTime &at = QTime::currentTime());

Q_SIGNALS:
    /// appendLine() appended \a line (unstamped), stamped with \a at.
    void lineAppended(const QString &line, const QTime &at);
};

} // namespace Stratum
