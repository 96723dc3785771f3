#pragma once

#include "net/httpclient.h"
#include "net/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Latchkey::Core {

// Signs requests with an API key (Hawk id and secret) and keeps the offset between the server's
// clock and ours: a 401 whose Hawk challenge carries a timestamp with a valid tsm (the server
// proves it knows the key) tells the server's time, and later signatures use it. The key is
// never logged.
class HawkSigner final
{
    Q_DISABLE_COPY_MOVE(HawkSigner)

public:
    using Clock = std::function<QDateTime()>;

    // `clock` defaults to the system clock (UTC).
    HawkSigner(QString id, QString secret, Clock clock = {});
    ~HawkSigner();

    QString id() const;

    // The Authorization header for this request, signed at local time + offset. A payload hash
    // is included when there is a body or a content type.
    QByteArray authorization(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                             const QByteArray &contentType = {}) const;

    // Learns the server's clock from a 401 with a Hawk challenge whose tsm verifies under the
    // key; true when it did. Anything else leaves the offset alone.
    bool learnFrom(const HttpExchange &exchange);

    // Server time minus local time, in seconds, as last learnt (0 until then).
    qint64 offsetSeconds() const;
    void setOffsetSeconds(qint64 seconds);

    // Sends a signed request; when the answer is a 401 that teaches the server's time, signs
    // again with it and sends once more. Finishes with the last exchange, whatever its status.
    Task<HttpExchange> send(HttpClient &client, const QByteArray &method, const QUrl &url,
                            const QByteArray &body = {}, const QByteArray &contentType = {});

private:
    struct State;
    std::shared_ptr<State> m_state; // shared with requests in flight
};

} // namespace Latchkey::Core
