#pragma once

#include "net/result.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace Latchkey::Core {

// A Task made of steps that are Tasks themselves (discover, then fall back; sign, send, then
// retry once). It finishes once, on its context's thread, and cancelling it cancels the step in
// flight, so the request is aborted as with HttpClient's own Tasks. Private to core/oauth.
template<typename T>
class PendingTask final : public std::enable_shared_from_this<PendingTask<T>>
{
    Q_DISABLE_COPY_MOVE(PendingTask)

public:
    static std::shared_ptr<PendingTask> start(QObject *context)
    {
        std::shared_ptr<PendingTask> task(new PendingTask(context));
        task->m_promise.start();
        std::weak_ptr<PendingTask> weak = task;
        QObject::connect(&task->m_watcher, &QFutureWatcherBase::canceled, context, [weak] {
            const auto self = weak.lock();
            if (self && self->m_cancelStep)
                self->m_cancelStep();
        });
        task->m_watcher.setFuture(task->m_promise.future());
        return task;
    }

    Task<T> future() { return m_promise.future(); }
    bool isCanceled() const { return m_promise.isCanceled(); }

    void finish(Result<T> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_cancelStep = nullptr;
        m_promise.addResult(std::move(result));
        m_promise.finish();
    }

    // Runs `next(Result<U>)` on the context's thread once `step` finishes; if this task was
    // cancelled meanwhile, finishes it as cancelled instead.
    template<typename U, typename Next>
    void await(Task<U> step, Next next)
    {
        m_cancelStep = [step]() mutable { step.cancel(); };
        auto self = this->shared_from_this();
        step.then(QtFuture::Launch::Sync,
                  Core::guarded(m_context,
                                [self, next = std::move(next)](Result<U> result) mutable {
                                    self->m_cancelStep = nullptr;
                                    if (self->isCanceled())
                                        self->finish(cancelled());
                                    else
                                        next(std::move(result));
                                }))
            .onCanceled([self] { self->finish(cancelled()); });
    }

    static Error cancelled()
    {
        Error error;
        error.kind = Error::Kind::Cancelled;
        error.message = QCoreApplication::translate("Latchkey::Core::OAuthClient",
                                                    "The request was cancelled.");
        return error;
    }

private:
    explicit PendingTask(QObject *context)
        : m_context(context)
    {
    }

    QObject *m_context;
    QPromise<Result<T>> m_promise;
    QFutureWatcher<Result<T>> m_watcher;
    std::function<void()> m_cancelStep;
    bool m_finished = false;
};

} // namespace Latchkey::Core
