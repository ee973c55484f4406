// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `stratum check` taken apart: the same core calls as Commands::check(), each phase timed
// (wall clock and this process's CPU), so that a slow run shows where its time went. The
// server's own work shows as wall time without client CPU.
//
//   bench_autogen_phases STRATUM_INI [RUNS]
#include "stratum/autogen/comparator.h"
#include "stratum/autogen/operationrenderer.h"
#include "stratum/config/config.h"
#include "stratum/dialect/dialect.h"
#include "stratum/runtime/connection.h"
#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemareflector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace Stratum;

namespace {

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Phase
{
    QString name;
    QList<double> wall;
    QList<double> cpu;
};

class Clock
{
public:
    void start()
    {
        m_timer.start();
        m_cpu = cpuMs();
    }
    void lap(QList<Phase> &phases, int index, const QString &name)
    {
        const double wall = double(m_timer.nsecsElapsed()) / 1e6;
        const double cpu = cpuMs() - m_cpu;
        if (phases.size() <= index)
            phases.append(Phase{name, {}, {}});
        phases[index].wall << wall;
        phases[index].cpu << cpu;
        start();
    }

private:
    QElapsedTimer m_timer;
    double m_cpu = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

int fail(const Error &error)
{
    QTextStream(stderr) << error.toString() << '\n';
    return 3;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: bench_autogen_phases STRATUM_INI [RUNS]\n";
        return 2;
    }
    const int runs = args.size() > 2 ? args.at(2).toInt() : 5;
    QList<Phase> phases;
    qsizetype operations = -1;
    for (int run = 0; run < runs; ++run) {
        Clock clock;
        clock.start();
        int p = 0;
        Result<Config> config = Config::load(args.at(1));
        if (!config)
            return fail(config.error());
        Result<DatabaseUrl> url = DatabaseUrl::parse(config->url, config->here);
        if (!url)
            return fail(url.error());
        clock.lap(phases, p++, QStringLiteral("read stratum.ini"));

        Result<std::unique_ptr<Connection>> target = Connection::open(*url);
        if (!target)
            return fail(target.error());
        clock.lap(phases, p++, QStringLiteral("connect to the database"));
        ReflectOptions reflectOptions;
        reflectOptions.schemas = config->includeSchemas;
        Result<Schema> database = SchemaReflector::reflect(**target, reflectOptions);
        if (!database)
            return fail(database.error());
        clock.lap(phases, p++, QStringLiteral("reflect the database"));

        QStringList globs = config->schemaGlobs;
        if (globs.isEmpty())
            globs << QStringLiteral("schema/*.sql");
        Result<QStringList> files = DesiredSchema::files(globs, config->here);
        if (!files)
            return fail(files.error());
        Result<std::unique_ptr<DevDatabase>> dev = DevDatabase::open(*url, config->devUrl, config->here);
        if (!dev)
            return fail(dev.error());
        clock.lap(phases, p++, QStringLiteral("open the dev database"));
        if (Status applied = (*dev)->applyFiles(*files); !applied)
            return fail(applied.error());
        clock.lap(phases, p++, QStringLiteral("apply schema/*.sql to it"));
        Result<Schema> desired = (*dev)->reflect(config->includeSchemas);
        if (!desired)
            return fail(desired.error());
        clock.lap(phases, p++, QStringLiteral("reflect the dev database"));
        dev->reset();
        clock.lap(phases, p++, QStringLiteral("drop the dev database"));

        const Dialect &dialect = (*target)->dialect();
        CompareOptions compareOptions;
        compareOptions.compareType = config->compareType;
        compareOptions.compareServerDefault = config->compareServerDefault;
        compareOptions.excludeTables = config->excludeTables;
        compareOptions.includeSchemas = config->includeSchemas;
        const QList<Operation> upgrade = compareSchemas(*database, *desired, dialect, compareOptions);
        OperationRenderer::Options renderOptions;
        renderOptions.batch = dialect.name == QLatin1String("sqlite");
        const QStringList sql = OperationRenderer::render(upgrade, dialect, *database, renderOptions);
        operations = upgrade.size();
        clock.lap(phases, p++, QStringLiteral("compare and render"));
        target->reset();
        clock.lap(phases, p++, QStringLiteral("disconnect"));
    }

    QTextStream out(stdout);
    out << "| phase (median of " << runs << " runs, " << operations << " operations found) | wall [ms] | client CPU [ms] |\n"
        << "|---|---:|---:|\n";
    double wall = 0;
    double cpu = 0;
    for (const Phase &phase : std::as_const(phases)) {
        const double w = median(phase.wall);
        const double c = median(phase.cpu);
        wall += w;
        cpu += c;
        out << "| " << phase.name << " | " << QString::number(w, 'f', 1) << " | " << QString::number(c, 'f', 1) << " |\n";
    }
    out << "| sum | " << QString::number(wall, 'f', 1) << " | " << QString::number(cpu, 'f', 1) << " |\n";
    return 0;
}
