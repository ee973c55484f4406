// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// examples/bookshop as a fixture: tests work on a copy and never touch the checkout.
// Header-only; include it with #include "../../support/bookshop.h" (needs STRATUM_SOURCE_DIR).
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace StratumTest {

/// Copies examples/bookshop, without its database, into \a target.
inline bool copyBookshop(const QString &target)
{
    const QString source = QStringLiteral(STRATUM_SOURCE_DIR "/examples/bookshop");
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(QLatin1String(".db")))
            continue;
        const QString destination = QDir(target).filePath(QDir(source).relativeFilePath(file));
        QDir().mkpath(QFileInfo(destination).absolutePath());
        if (!QFile::copy(file, destination))
            return false;
    }
    return true;
}

} // namespace StratumTest
