// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QScintilla's headers declare `signals:` and `slots:`, keywords that QT_NO_KEYWORDS (set for all
// of Stratum) removes; lend them the Q_ forms while those headers are read, and only then.
#if !defined(signals) && !defined(slots)
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define STRATUM_QSCI_LENT_KEYWORDS
#endif

#include <Qsci/qsciabstractapis.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#ifdef STRATUM_QSCI_LENT_KEYWORDS
#undef signals
#undef slots
#undef STRATUM_QSCI_LENT_KEYWORDS
#endif
