#include "httpclient.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

struct HttpClient::Pending
{
    HttpCall call;
    QPromise<Result<HttpExchange>> promise;
    QFutureWatcher<Result<HttpExchange>> watcher;
    QPointer<QNetworkReply> reply;
    int attempts = 0;
    bool finished = false;

    void finish(Result<HttpExchange> result)
    {
        if (finished)
            return;
        finished = true;
        promise.addResult(std::move(result));
        promise.finish();
    }
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

bool HttpClient::isIdempotent(QByteArrayView method)
{
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" ||
           method == "OPTIONS";
}

Task<HttpExchange> HttpClient::send(HttpCall call)
{
    auto pending = std::make_shared<Pending>();
    pending->call = std::move(call);
    pending->promise.start();
    Task<HttpExchange> future = pending->promise.future();
    // Cancelling the returned future aborts the request in flight.
    connect(&pending->watcher, &QFutureWatcherBase::canceled, this, [pending] {
        if (pending->reply)
            pending->reply->abort();
    });
    pending->watcher.setFuture(future);
    attempt(pending);
    return future;
}

void HttpClient::attempt(const std::shared_ptr<Pending> &pending)
{
    const HttpCall &call = pending->call;
    QNetworkRequest request(call.url);
    request.setTransferTimeout(call.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);

    HttpExchange exchange;
    exchange.method = call.method;
    exchange.url = call.url;
    exchange.requestHeaders = call.headers;
    exchange.requestBody = call.body;
    exchange.startedAt = QDateTime::currentDateTimeUtc();
    ++pending->attempts;

    QNetworkReply *reply = m_network.sendCustomRequest(request, call.method, call.body);
    pending->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, pending, reply, exchange]() mutable {
        reply->deleteLater();
        pending->reply = nullptr;
        exchange.elapsedMs = exchange.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
        exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &[name, value] : pairs)
            exchange.responseHeaders.append({name, value});
        if (reply->isOpen())
            exchange.responseBody = reply->readAll();
        if (exchange.status == 0)
            exchange.error = reply->errorString();
        if (m_observer)
            m_observer(exchange);

        if (pending->promise.isCanceled()) {
            pending->finish(
                Error{Error::Kind::Cancelled, 0, tr("The request was cancelled."), {}, {}, {}});
            return;
        }
        if (exchange.status == 0) {
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                                  reply->error() == QNetworkReply::TimeoutError;
            Error error;
            error.kind = timedOut ? Error::Kind::Timeout : Error::Kind::Network;
            error.message =
                timedOut ? tr("%1 did not answer within %2 s.")
                               .arg(exchange.url.host())
                               .arg(pending->call.timeoutMs / 1000)
                         : tr("Cannot reach %1: %2").arg(exchange.url.host(), reply->errorString());
            error.hint = tr("Check the server URL and your network connection, then retry.");
            pending->finish(std::move(error));
            return;
        }
        const bool retryable = exchange.status == 429 || exchange.status == 502 ||
                               exchange.status == 503 || exchange.status == 504;
        if (retryable && isIdempotent(pending->call.method) &&
            pending->attempts <= pending->call.maxRetries) {
            bool ok = false;
            const int retryAfter = exchange.responseHeader("retry-after").trimmed().toInt(&ok);
            int delay = ok ? qBound(0, retryAfter, 30) * 1000
                           : m_retryBaseDelayMs * (1 << (pending->attempts - 1));
            delay += int(QRandomGenerator::global()->bounded(qMax(1, m_retryBaseDelayMs / 4)));
            QTimer::singleShot(delay, this, [this, pending] {
                if (pending->promise.isCanceled())
                    pending->finish(Error{
                        Error::Kind::Cancelled, 0, tr("The request was cancelled."), {}, {}, {}});
                else
                    attempt(pending);
            });
            return;
        }
        pending->finish(std::move(exchange));
    });
}

Error HttpClient::errorFrom(const HttpExchange &exchange)
{
    Error error;
    error.httpStatus = exchange.status;
    const int s = exchange.status;
    error.kind = s == 401                 ? Error::Kind::Authentication
                 : s == 403               ? Error::Kind::Forbidden
                 : s == 404               ? Error::Kind::NotFound
                 : (s == 409 || s == 412) ? Error::Kind::Conflict
                 : (s == 400 || s == 422) ? Error::Kind::Validation
                 : s == 429               ? Error::Kind::RateLimited
                 : s >= 500               ? Error::Kind::Server
                                          : Error::Kind::Protocol;
    const QJsonObject body = QJsonDocument::fromJson(exchange.responseBody).object();
    if (exchange.responseHeader("content-type").startsWith("application/problem+json") ||
        body.contains(u"title"_s)) {
        error.problem = Problem::fromJson(body);
        error.message = error.problem.detail.isEmpty() ? error.problem.title : error.problem.detail;
    } else if (body.contains(u"error"_s)) {
        error.oauthError = body.value(u"error"_s).toString();
        const QString description = body.value(u"error_description"_s).toString();
        error.message =
            description.isEmpty() ? error.oauthError : error.oauthError + u": "_s + description;
    }
    if (error.message.isEmpty())
        error.message = tr("The server answered HTTP %1.").arg(s);
    switch (error.kind) {
    case Error::Kind::Authentication:
        error.hint = tr("Sign in again, or check the credentials.");
        break;
    case Error::Kind::Conflict:
        if (s == 412)
            error.hint = tr("Someone changed it meanwhile: reload and apply your change again.");
        break;
    case Error::Kind::RateLimited:
        error.hint = tr("Too many requests: wait %1 s and retry.")
                         .arg(QString::fromLatin1(exchange.responseHeader("retry-after")));
        break;
    case Error::Kind::Server:
        error.hint = tr("The server had a problem; retry later.");
        break;
    default:
        break;
    }
    return error;
}

} // namespace Latchkey::Core
