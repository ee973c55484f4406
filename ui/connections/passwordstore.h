// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stratum/error.h"

#include <QString>

namespace Stratum {

/// Passwords the user asked the studio to remember, kept in the system keychain through
/// QtKeychain (Secret Service, KWallet, macOS Keychain, Windows Credential Store), never in the
/// studio's settings. One entry per connection profile, service "Stratum".
class PasswordStore
{
public:
    /// Built with QtKeychain (Debian: qtkeychain-qt6-dev).
    static bool available();
    /// The remembered password of \a profile; empty when there is none.
    static Result<QString> read(const QString &profile);
    static Status write(const QString &profile, const QString &password);
    /// Forgets \a profile's password (nothing remembered is no error).
    static Status remove(const QString &profile);
};

} // namespace Stratum
