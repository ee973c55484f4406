// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/parallelddl_p.h"

#include "stratum/runtime/connection.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace Stratum::Internal {

namespace {

class Runner
{
public:
    Runner(const DdlSchedule &schedule, const QStringList &statements, const ParallelDdlOptions &options)
        : m_schedule(schedule), m_statements(statements), m_options(options),
          m_waiting(schedule.units.size(), 0), m_next(schedule.units.size()), m_done(statements.size(), 0)
    {
        for (qsizetype u = 0; u < schedule.units.size(); ++u) {
            m_waiting[u] = int(schedule.units.at(u).after.size());
            for (const qsizetype before : schedule.units.at(u).after)
                m_next[before].push_back(u);
            if (m_waiting[u] == 0)
                m_ready.push(u);
        }
    }

    void work(Connection &connection)
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [this] { return m_failed || !m_ready.empty() || m_running == 0; });
            if (m_failed || m_ready.empty())
                break;
            std::vector<qsizetype> batch = takeBatch();
            ++m_running;
            lock.unlock();
            const Status ran = run(connection, batch);
            lock.lock();
            --m_running;
            if (ran) {
                finish(batch);
            } else {
                m_failed = true;
            }
            m_changed.notify_all();
        }
        m_changed.notify_all();
    }

    QList<bool> done() const
    {
        QList<bool> out(m_done.size());
        for (size_t i = 0; i < m_done.size(); ++i)
            out[qsizetype(i)] = m_done[i] != 0;
        return out;
    }

private:
    std::vector<qsizetype> takeBatch()
    {
        std::vector<qsizetype> batch;
        qsizetype statements = 0;
        qsizetype characters = 0;
        while (!m_ready.empty()
               && (batch.empty()
                   || (statements < m_options.batchStatements && characters < m_options.batchCharacters))) {
            const qsizetype unit = m_ready.top();
            m_ready.pop();
            batch.push_back(unit);
            for (const qsizetype s : m_schedule.units.at(unit).statements) {
                ++statements;
                characters += m_statements.at(s).size();
            }
        }
        return batch;
    }

    Status run(Connection &connection, const std::vector<qsizetype> &batch)
    {
        if (m_options.batchAsOneQuery) {
            QString text;
            for (const qsizetype unit : batch)
                for (const qsizetype s : m_schedule.units.at(unit).statements) {
                    text += m_statements.at(s);
                    text += QLatin1String("\n;\n");   // on a line of its own: it may end in a comment
                }
            Status ran = executeTransaction(connection, text);
            if (ran)
                for (const qsizetype unit : batch)
                    for (const qsizetype s : m_schedule.units.at(unit).statements)
                        m_done[size_t(s)] = 1;
            return ran;
        }
        for (const qsizetype unit : batch)
            for (const qsizetype s : m_schedule.units.at(unit).statements) {
                if (Status ran = connection.execute(m_statements.at(s)); !ran)
                    return ran;
                m_done[size_t(s)] = 1;
            }
        return {};
    }

    void finish(const std::vector<qsizetype> &batch)
    {
        for (const qsizetype unit : batch)
            for (const qsizetype next : m_next[unit])
                if (--m_waiting[next] == 0)
                    m_ready.push(next);
    }

    const DdlSchedule &m_schedule;
    const QStringList &m_statements;
    const ParallelDdlOptions m_options;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    // Earliest units first: the script's order where nothing else decides.
    std::priority_queue<qsizetype, std::vector<qsizetype>, std::greater<>> m_ready;
    std::vector<int> m_waiting;
    std::vector<std::vector<qsizetype>> m_next;
    std::vector<char> m_done;   // per statement; each written by the one session running it
    int m_running = 0;
    bool m_failed = false;
};

} // namespace

Status executeTransaction(Connection &connection, const QString &statements)
{
    if (Status begun = connection.execute(QStringLiteral("BEGIN")); !begun)
        return begun;
    if (Status ran = connection.execute(statements); !ran) {   // e.g. a syntax error: none of them ran
        connection.execute(QStringLiteral("ROLLBACK"));
        return ran;
    }
    // Fails in an aborted transaction, and then the COMMIT after it does not run.
    if (Status committed = connection.execute(QStringLiteral("SELECT 1; COMMIT")); !committed) {
        connection.execute(QStringLiteral("ROLLBACK"));
        return committed;
    }
    return {};
}

QList<bool> runParallelDdl(const DdlSchedule &schedule, const QStringList &statements, Connection &own,
                           const std::function<Result<std::unique_ptr<Connection>>()> &open,
                           const ParallelDdlOptions &options)
{
    Runner runner(schedule, statements, options);
    std::vector<std::thread> helpers;
    for (int i = 1; i < options.sessions; ++i)
        helpers.emplace_back([&runner, &open] {
            // QSql connections belong to the thread that opened them.
            Result<std::unique_ptr<Connection>> connection = open();
            if (connection)
                runner.work(**connection);
        });
    runner.work(own);
    for (std::thread &helper : helpers)
        helper.join();
    return runner.done();
}

} // namespace Stratum::Internal
