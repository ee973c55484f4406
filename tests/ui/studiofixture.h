// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's test fixture: throw-away settings, and a main window on a copy of the bookshop.
// Header-only; include it with #include "../studiofixture.h".
#pragma once

#include "../support/bookshop.h"
#include "mainwindow/mainwindow.h"

#include <QCoreApplication>
#include <QSettings>
#include <QtTest>

#include <memory>

namespace StratumTest {

/// Recent projects and profiles go to \a directory, never the user's settings.
inline void useThrowawaySettings(const QString &directory, const QString &application)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, directory);
    QCoreApplication::setOrganizationName(QStringLiteral("StratumTests"));
    QCoreApplication::setApplicationName(application);
}

/// Copies the bookshop to \a project and opens it in a shown main window, once the database
/// has answered. Null when a step failed (the warning says which).
inline std::unique_ptr<Stratum::MainWindow> openBookshopWindow(const QString &project)
{
    if (!copyBookshop(project)) {
        qWarning("cannot copy examples/bookshop to %s", qPrintable(project));
        return nullptr;
    }
    auto window = std::make_unique<Stratum::MainWindow>();
    window->resize(1300, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openProject(project)
        || !window->waitUntilSettled()) {
        qWarning("the studio did not open %s", qPrintable(project));
        return nullptr;
    }
    return window;
}

} // namespace StratumTest
