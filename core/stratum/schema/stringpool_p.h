// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal: one shared copy of each distinct string while a schema is read. Column names,
// types and defaults repeat across the tables of a schema; read one row at a time, each
// column held copies of its own (10,000 tables of 10 columns: 300,000 small allocations per
// schema, of a few dozen distinct texts).

#include <QSet>
#include <QString>
#include <QStringList>

namespace Stratum::Internal {

class StringPool
{
public:
    /// \a text, sharing the data of an equal string seen before.
    QString operator()(const QString &text)
    {
        if (text.isEmpty())
            return {};
        const auto found = m_strings.constFind(text);
        if (found != m_strings.constEnd())
            return *found;
        m_strings.insert(text);
        return text;
    }

    void share(QString &text) { text = (*this)(text); }
    void share(QStringList &texts)
    {
        for (QString &text : texts)
            share(text);
    }

private:
    QSet<QString> m_strings;
};

} // namespace Stratum::Internal
