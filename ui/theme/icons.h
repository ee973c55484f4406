// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QStringList>

namespace Stratum {

/// The studio's action icons by freedesktop icon name (`document-open`, `zoom-in`, …): the
/// desktop's icon theme when it has the name, otherwise the studio's own line drawing of it,
/// painted in the palette's text colour so that it reads on light and dark windows alike.
class Icons
{
public:
    /// The theme's icon \a name if the theme has one, otherwise bundled(\a name).
    static QIcon get(const QString &name);
    /// The studio's own drawing of \a name (a null icon when there is none), coloured at paint
    /// time from the application palette: window text, disabled text, or highlighted text for
    /// QIcon::Disabled and QIcon::Selected.
    static QIcon bundled(const QString &name);
    /// The names bundled() knows.
    static QStringList bundledNames();
};

} // namespace Stratum
