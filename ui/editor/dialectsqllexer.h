// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/qscintilla_p.h"

#include <QByteArray>

namespace Stratum {

/// QScintilla's SQL lexer with the words of one dialect (sqlite, postgresql, mysql) added as its
/// fifth keyword set, and the dialect's comment and quoting rules switched on.
class DialectSqlLexer : public QsciLexerSQL
{
    Q_OBJECT

public:
    explicit DialectSqlLexer(QObject *parent = nullptr);

    void setDialect(const QString &dialect);
    QString dialect() const { return m_dialect; }

    const char *keywords(int set) const override;

private:
    QString m_dialect;
    QByteArray m_dialectWords;
};

} // namespace Stratum
