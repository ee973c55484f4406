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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <cstdio>
#include <cstring>
#include <memory>

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

// --help, --version and --dump-options only print, so they run without a display: they get a
// QCoreApplication, since a QApplication without one aborts.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version", "--dump-options"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

// --dump-options: the command line as JSON, from which the build writes stratum-studio(1).
QByteArray optionsJson(const QString &description, const QList<std::pair<QString, QString>> &arguments,
                       const QList<QCommandLineOption> &options)
{
    QJsonArray argumentList;
    for (const auto &[name, help] : arguments)
        argumentList.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("description"), help}});
    QJsonArray optionList;
    for (const QCommandLineOption &option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        optionList.append(QJsonObject{{QStringLiteral("names"), QJsonArray::fromStringList(option.names())},
                                      {QStringLiteral("valueName"), option.valueName()},
                                      {QStringLiteral("description"), option.description()},
                                      {QStringLiteral("defaultValues"), QJsonArray::fromStringList(option.defaultValues())}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("description"), description},
                                     {QStringLiteral("arguments"), argumentList},
                                     {QStringLiteral("options"), optionList}})
        .toJson();
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    const std::unique_ptr<QCoreApplication> app = onlyPrints(argc, argv)
                                                      ? std::make_unique<QCoreApplication>(argc, argv)
                                                      : std::make_unique<QApplication>(argc, argv);
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
    const QString description = QApplication::translate("main", "Stratum Studio: the revision graph of a schema-migration project.");
    parser.setApplicationDescription(description);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const std::pair<QString, QString> dirArgument{QStringLiteral("DIR"), QApplication::translate("main", "Project folder (or its stratum.ini) to open.")};
    parser.addPositionalArgument(dirArgument.first, dirArgument.second);
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
    QCommandLineOption dumpOptions(QStringLiteral("dump-options"), QStringLiteral("Print the options as JSON and exit."));
    dumpOptions.setFlags(QCommandLineOption::HiddenFromHelp);
    const QList<QCommandLineOption> options{screenshot, dark, light, size, select, firstPaint, show, dumpOptions};
    parser.addOptions(options);
    parser.process(*app);
    if (parser.isSet(dumpOptions)) {
        const QByteArray json = optionsJson(description, {dirArgument}, QList<QCommandLineOption>{help, version} + options);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return 0;
    }
    if (!qobject_cast<QApplication *>(app.get())) {
        std::fprintf(stderr, "stratum-studio: --help, --version and --dump-options take no other options\n");
        return 2;
    }

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
    auto *probe = new FirstPaintProbe(clock, app.get());
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
    const int status = QApplication::exec();
    if (parser.isSet(firstPaint))
        std::fprintf(stderr, "read: %lld ms\nlayout: %lld ms\n",
                     static_cast<long long>(window.session()->loadMilliseconds()),
                     static_cast<long long>(window.session()->layoutMilliseconds()));
    return status;
}
