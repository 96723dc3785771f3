#pragma once

#include <protocol/problem.h>

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace Latchkey::Core {

// An error as the user sees it: what went wrong, and what they can do about it. Built from
// problem+json, OAuth error responses, network failures, keychain failures.
struct Error
{
    enum class Kind {
        Network,        // server unreachable, DNS, TLS, connection reset
        Timeout,        // no answer in time
        Cancelled,      // the caller gave up
        Authentication, // 401: sign in again, wrong secret, expired token
        Forbidden,      // 403
        NotFound,       // 404
        Conflict,       // 409, 412: changed by someone else
        Validation,     // 400, 422: see problem.errors
        RateLimited,    // 429
        Server,         // 5xx
        Protocol,       // the peer answered something that is not what the standard says
        Keychain,       // no Secret Service, locked, denied
        Storage,        // local cache or file
        Usage,          // the caller's input
    };

    Kind kind = Kind::Protocol;
    int httpStatus = 0;
    QString message;    // one sentence, from the server's detail when it gave one
    QString hint;       // what to do, when known
    Problem problem;    // the problem+json as received, when there was one
    QString oauthError; // RFC 6749 error code, when there was one

    // message, then hint, then field errors: what a CLI prints and a dialog shows.
    QString toText() const;
};

// A value or an Error.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

struct Nothing
{
};

// The one async style of the core: every operation returns a Task, a QFuture that finishes on
// the thread that started it with a Result. Chain with .then(context, ...); cancel with
// .cancel(), which aborts the underlying request.
template<typename T>
using Task = QFuture<Result<T>>;

template<typename T>
Task<T> readyTask(Result<T> result)
{
    return QtFuture::makeReadyFuture(std::move(result));
}

// What a continuation whose context is gone gives: a Cancelled error for a Result, nothing for
// void, a default value otherwise.
Error cancelledError();

template<typename R>
struct IsResult : std::false_type
{
};
template<typename T>
struct IsResult<Result<T>> : std::true_type
{
};

template<typename F>
struct ContinuationSignature : ContinuationSignature<decltype(&F::operator())>
{
};
template<typename C, typename R, typename A>
struct ContinuationSignature<R (C::*)(A) const>
{
    using Argument = A;
    using Return = R;
};
template<typename C, typename R, typename A>
struct ContinuationSignature<R (C::*)(A)>
{
    using Argument = A;
    using Return = R;
};

// `fn` guarded by `context`: for future.then(QtFuture::Launch::Sync, guarded(context, fn)),
// the continuation style of the core. Qt 6.4's then(context, fn) asserts (and in release
// drops the continuation) when the context is destroyed first — a dialog closed or an account
// switched while a request runs. Guarded, the continuation is skipped and the Task finishes as
// Cancelled. Sync: it runs on the thread that finishes the future, which for the core's I/O
// (network, keychain, child processes) is the thread that started it.
template<typename F>
auto guarded(const QObject *context, F fn)
{
    using Signature = ContinuationSignature<F>;
    using Argument = typename Signature::Argument;
    using Return = typename Signature::Return;
    return [guard = QPointer<const QObject>(context),
            fn = std::move(fn)](Argument value) mutable -> Return {
        if (!guard) {
            if constexpr (std::is_void_v<Return>)
                return;
            else if constexpr (IsResult<Return>::value)
                return Return(cancelledError());
            else
                return Return{};
        }
        return fn(std::forward<Argument>(value));
    };
}

// future.then(context, fn) without Qt 6.4's assertion on a destroyed context: see guarded().
template<typename T, typename F>
auto then(const QFuture<T> &future, const QObject *context, F fn)
{
    return QFuture<T>(future).then(QtFuture::Launch::Sync, guarded(context, std::move(fn)));
}

// Runs `next` with the result of `first` and finishes with the Task it returns: the sequential
// step the core needs (get a token, then call the API). `next` runs on `context`'s thread.
template<typename F>
struct FutureValue;
template<typename U>
struct FutureValue<QFuture<U>>
{
    using type = U;
};

template<typename T, typename Next>
auto chain(Task<T> first, QObject *context, Next next) -> decltype(next(std::declval<Result<T>>()))
{
    using Out = decltype(next(std::declval<Result<T>>()));
    using U = typename FutureValue<Out>::type;
    auto promise = std::make_shared<QPromise<U>>();
    promise->start();
    Out result = promise->future();
    QPointer<QObject> guard(context);
    first.then(QtFuture::Launch::Sync,
               [promise, guard, next = std::move(next)](Result<T> value) mutable {
                   if (!guard) {
                       if constexpr (IsResult<U>::value)
                           promise->addResult(U(cancelledError()));
                       else
                           promise->addResult(U{});
                       promise->finish();
                       return;
                   }
                   next(std::move(value)).then(QtFuture::Launch::Sync, [promise](U out) {
                       promise->addResult(std::move(out));
                       promise->finish();
                   });
               });
    return result;
}

} // namespace Latchkey::Core
