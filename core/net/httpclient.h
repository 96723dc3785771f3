#pragma once

#include "httpexchange.h"
#include "result.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

namespace Latchkey::Core {

struct HttpCall
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    int timeoutMs = 30000;
    // Retried on 429, 502, 503 and 504 with backoff (honouring Retry-After), only when the
    // method is idempotent; never a POST.
    int maxRetries = 3;
};

// Every HTTP request of the core goes through here: timeouts, cancellation, retries of
// idempotent requests, and an observer that sees each exchange (the flow tester's timeline).
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(QObject *parent = nullptr);

    // Finishes with the exchange whatever the status; an Error only when no response came
    // (network, timeout, cancelled). Cancelling the future aborts the request.
    Task<HttpExchange> send(HttpCall call);

    using Observer = std::function<void(const HttpExchange &)>;
    void setObserver(Observer observer) { m_observer = std::move(observer); }

    // Base for retry backoff; tests shorten it.
    void setRetryBaseDelay(int milliseconds) { m_retryBaseDelayMs = milliseconds; }

    QNetworkAccessManager &network() { return m_network; }

    // The Error a non-2xx exchange means: problem+json, an OAuth error response, or the status.
    static Error errorFrom(const HttpExchange &exchange);
    static bool isIdempotent(QByteArrayView method);

private:
    struct Pending;
    void attempt(const std::shared_ptr<Pending> &pending);

    QNetworkAccessManager m_network;
    Observer m_observer;
    int m_retryBaseDelayMs = 250;
};

} // namespace Latchkey::Core
