#pragma once

#include <protocol/problem.h>

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>

#include <optional>
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
    first.then(context, [promise, context, next = std::move(next)](Result<T> value) mutable {
        next(std::move(value)).then(context, [promise](U out) {
            promise->addResult(std::move(out));
            promise->finish();
        });
    });
    return result;
}

} // namespace Latchkey::Core
