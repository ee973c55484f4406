// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
// stratum-studio: wires the command line to Stratum::Ui's main window.
#include "graph/graphview.h"
#include "diff/schemadiffview.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/projectsession.h"
#include "theme/theme.h"

#include "stratum/version.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <cstdio>

namespace {

// Reports the first paint of the graph after the project is laid out (for the benchmark).
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(const QElapsedTimer &clock, QObject *parent)
        : QObject(parent), m_clock(clock) {}
    bool armed = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (armed && event->type() == QEvent::Paint) {
            armed = false;
            std::fprintf(stderr, "first paint: %lld ms\n", static_cast<long long>(m_clock.elapsed()));
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
};

// --show for --screenshot: brings \a what forward ("diff", "editor", "runs"), waiting (events
// processed) until it has something to show. False when \a what is unknown.
bool showForScreenshot(Stratum::MainWindow &window, const QString &what)
{
    if (what.isEmpty() || what == QLatin1String("graph"))
        return true;
    if (what == QLatin1String("editor"))
        return window.openEditor(window.selectedRevision()) != nullptr;
    if (what == QLatin1String("runs")) {
        auto *runs = window.findChild<QAction *>(QStringLiteral("runsAction"));
        if (runs)
            runs->trigger();
        return runs != nullptr;
    }
    if (what == QLatin1String("diff")) {
        Stratum::SchemaDiffView *view = window.compareSchemas();
        QElapsedTimer waited;
        waited.start();
        while (view && view->changes()->topLevelItemCount() == 0 && waited.elapsed() < 30000
               && !view->statusText().contains(QLatin1String("same")))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (view)
            view->nextChangeAction()->trigger();   // the first difference, not the top of the file
        return view != nullptr;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Stratum"));
    QApplication::setApplicationName(QStringLiteral("Stratum Studio"));
    QApplication::setApplicationVersion(QStringLiteral(STRATUM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.stratum.Studio"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    // English needs a translation too, for its plural forms ("1 revision", "2 revisions").
    if (translator.load(QLocale(), QStringLiteral("stratum"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral("stratum_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Stratum Studio: the revision graph of a schema-migration project."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("DIR"), QApplication::translate("main", "Project folder (or its stratum.ini) to open."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("main", "Open DIR, wait until the graph is laid out, save the window as PNG to FILE and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption dark(QStringLiteral("dark"), QApplication::translate("main", "Use the built-in dark palette."));
    const QCommandLineOption light(QStringLiteral("light"), QApplication::translate("main", "Use the built-in light palette."));
    const QCommandLineOption size(QStringLiteral("size"), QApplication::translate("main", "Window size, e.g. 1440x900."),
                                  QStringLiteral("WxH"), QStringLiteral("1440x900"));
    const QCommandLineOption select(QStringLiteral("select"), QApplication::translate("main", "Revision to select after opening."),
                                    QStringLiteral("REV"));
    const QCommandLineOption firstPaint(QStringLiteral("first-paint"),
        QApplication::translate("main", "Print the time to the first paint of the graph to stderr and exit (benchmark)."));
    const QCommandLineOption show(QStringLiteral("show"),
        QApplication::translate("main", "With --screenshot: what to show (graph, diff, editor or runs)."),
        QStringLiteral("WHAT"), QStringLiteral("graph"));
    parser.addOptions({screenshot, dark, light, size, select, firstPaint, show});
    parser.process(app);

    if (parser.isSet(dark) || parser.isSet(light)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(parser.isSet(dark) ? Stratum::Theme::darkPalette()
                                                    : Stratum::Theme::lightPalette());
    }

    Stratum::MainWindow window;
    const QStringList dims = parser.value(size).split(QLatin1Char('x'));
    if (dims.size() == 2 && (parser.isSet(size) || parser.isSet(screenshot)))
        window.resize(dims[0].toInt(), dims[1].toInt());

    const QString directory = parser.positionalArguments().value(0);
    auto *probe = new FirstPaintProbe(clock, &app);
    if (parser.isSet(firstPaint)) {
        window.graphView()->viewport()->installEventFilter(probe);
        probe->armed = true;
    }
    window.show();
    if (!directory.isEmpty())
        window.openProject(directory);

    if (parser.isSet(screenshot)) {
        if (directory.isEmpty()) {
            std::fprintf(stderr, "stratum-studio: --screenshot needs a project folder\n");
            return 2;
        }
        window.waitUntilSettled(20000);
        if (parser.isSet(select))
            window.selectRevision(parser.value(select));
        if (!showForScreenshot(window, parser.value(show))) {
            std::fprintf(stderr, "stratum-studio: --show %s: expected graph, diff, editor or runs\n",
                         qPrintable(parser.value(show)));
            return 2;
        }
        window.waitUntilSettled(1000);
        const QString file = parser.value(screenshot);
        if (!window.grab().save(file, "PNG")) {
            std::fprintf(stderr, "stratum-studio: cannot write %s\n", qPrintable(file));
            return 3;
        }
        return 0;
    }
    if (parser.isSet(select)) {
        window.waitUntilSettled(20000);
        window.selectRevision(parser.value(select));
    }
    const int status = app.exec();
    if (parser.isSet(firstPaint))
        std::fprintf(stderr, "read: %lld ms\nlayout: %lld ms\n",
                     static_cast<long long>(window.session()->loadMilliseconds()),
                     static_cast<long long>(window.session()->layoutMilliseconds()));
    return status;
}
