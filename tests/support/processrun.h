// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Running a program to completion and writing fixture files, for the end-to-end tests that drive
// `stratum` and Alembic side by side. Header-only; include it with
// #include "../../support/processrun.h".

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace StratumTest {

struct ProcessRun
{
    int exitCode = -1;   ///< -1 when the program did not start, crashed or timed out
    QString out;
    QString err;
};

/// Runs \a program with \a args in \a workDir (the current folder when empty), up to \a timeoutMs.
inline ProcessRun runProcess(const QString &program, const QStringList &args, const QString &workDir = {},
                             int timeoutMs = 300 * 1000)
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    ProcessRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("%1 did not finish: %2").arg(program, p.errorString());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// Writes \a bytes to \a path, creating its folders.
inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace StratumTest
