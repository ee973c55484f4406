// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Project files written by tests: any file, and revision files with a fixed header.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace StratumTest {

inline void writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.toUtf8());
}

/// A revision file: header (message = id, created 2026-01-01), then both sections. Line 8 is
/// the first line of \a upgrade.
inline QString revisionText(const QString &id, const QString &revises, const QString &upgrade,
                            const QString &downgrade = {})
{
    return QStringLiteral("-- %1\n--\n-- Revision ID: %1\n-- Revises: %2\n-- Create Date: 2026-01-01 00:00:00\n\n"
                          "-- migrate:upgrade\n%3\n\n-- migrate:downgrade\n%4\n")
        .arg(id, revises, upgrade, downgrade);
}

} // namespace StratumTest
