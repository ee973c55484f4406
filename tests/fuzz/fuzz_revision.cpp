// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Revision files as bytes on disk, read the way the CLI reads them: the encoding checks, the
// header (SQL or Python) and the sections with their statements. Any input gives a result or
// an error that names the file.
#include "revisionscript.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdlib>
#include <unistd.h>

namespace {

QString scratchPath(const char *suffix)
{
    return QStringLiteral("/tmp/stratum-fuzz-%1%2").arg(getpid()).arg(QLatin1String(suffix));
}

void readBack(const uint8_t *data, size_t size, const char *suffix)
{
    const QString path = scratchPath(suffix);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    auto header = Stratum::readRevisionHeader(path);
    auto script = Stratum::readRevisionScript(path);
    if (!header && header.error().file.isEmpty())
        std::abort();   // an error must say which file
    if (script) {
        for (const Stratum::ScriptSection *section : {&script->upgrade, &script->downgrade}) {
            auto statements = Stratum::sectionStatements(*section, path);
            if (!statements && statements.error().file.isEmpty())
                std::abort();
        }
    } else if (script.error().file.isEmpty()) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    readBack(data, size, ".sql");
    readBack(data, size, ".py");
    return 0;
}
