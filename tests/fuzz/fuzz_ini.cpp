// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// stratum.ini from any bytes: a configuration or an error naming the file, never a crash.
#include "config.h"

#include <QFile>
#include <QString>

#include <cstdlib>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = QStringLiteral("/tmp/stratum-fuzz-%1.ini").arg(getpid());
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    auto config = Stratum::Config::load(path);
    if (!config && config.error().file.isEmpty())
        std::abort();
    return 0;
}
