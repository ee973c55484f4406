// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>

namespace Stratum {

/// Runs \a work on a worker thread (database work: QSql connections stay on the thread that
/// opened them) and then \a done with its result on \a owner's thread, unless \a owner is gone.
template<typename Work, typename Done>
void inBackground(QObject *owner, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Value>(owner);
    QObject::connect(watcher, &QFutureWatcher<Value>::finished, owner, [watcher, done] {
        const Value value = watcher->result();
        watcher->deleteLater();
        done(value);
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace Stratum
