#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace techrace {

/**
 * Runs `task(promise)` on the global thread pool and returns its future (QtConcurrent without the extra module).
 * The task reports its result with promise.addResult() and may poll promise.isCanceled(); cancelling the future
 * asks it to stop. Whatever the task captures must outlive it: capture shared pointers and copies, never `this`.
 */
template<typename T, typename Task> QFuture<T> runInBackground(Task task)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, task = std::move(task)]() mutable {
        task(*promise);
        promise->finish();
    });
    return future;
}

} // namespace techrace
