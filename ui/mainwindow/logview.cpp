// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/logview.h"

namespace Stratum {

LogView::LogView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
}

void LogView::appendLine(const QString &line, const QTime &at)
{
    // appendPlainText() scrolls to the new line only when the end was in view: a reader who
    // scrolled up keeps reading.
    appendPlainText(at.toString(QStringLiteral("HH:mm:ss ")) + line);
    Q_EMIT lineAppended(line, at);
}

} // namespace Stratum
