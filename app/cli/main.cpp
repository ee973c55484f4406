// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// stratum — the command line face of Stratum::Core. Parsing only; every verb is a core command.
#include "commandline.h"

#include "stratum/version.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stratum"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATUM_VERSION));
    return Stratum::Cli::run(QCoreApplication::arguments());
}
