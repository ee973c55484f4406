// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Stratum {

/// Help → Documentation: the README, whose links lead to the guides under docs/. The installed
/// copy (share/doc/stratum beside the program's prefix) comes first; a studio run from its
/// build tree opens the checkout's.
class Documentation
{
public:
    /// The README to open, or empty when there is none.
    static QString readme();
    /// Opens readme() with the desktop's viewer for Markdown; false when there is none to open
    /// or the desktop could not open it.
    static bool open();
};

} // namespace Stratum
