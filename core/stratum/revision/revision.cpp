// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/revision/revision.h"

namespace Stratum {
namespace {

QStringList withoutRepeats(const QStringList &first, const QStringList &second)
{
    QStringList out;
    out.reserve(first.size() + second.size());
    for (const QStringList *list : {&first, &second}) {
        for (const QString &id : *list) {
            if (!out.contains(id))
                out.append(id);
        }
    }
    return out;
}

} // namespace

QStringList Revision::allDownRevisions() const
{
    return withoutRepeats(downRevisions, resolvedDependencies);
}

QStringList Revision::normalizedDownRevisions() const
{
    return withoutRepeats(downRevisions, normalizedDependencies);
}

} // namespace Stratum
