#include "hawksigner.h"

#include "pendingtask.h"

#include <protocol/hawk.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

Q_LOGGING_CATEGORY(lcHawk, "latchkey.core.hawk", QtInfoMsg)

// The challenge that starts with the Hawk scheme, when several were folded into one value.
QByteArray hawkChallenge(const QByteArray &value)
{
    const QByteArray lower = value.toLower();
    qsizetype at = lower.startsWith("hawk ") ? 0 : lower.indexOf(", hawk ");
    if (at < 0)
        return {};
    if (at > 0)
        at += 2;
    return value.mid(at);
}

} // namespace

struct HawkSigner::State
{
    QByteArray id;
    QByteArray secret;
    Clock clock;
    qint64 offset = 0;

    qint64 localNow() const
    {
        return (clock ? clock() : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
    }

    QByteArray sign(const QByteArray &method, const QUrl &url, const QByteArray &body,
                    const QByteArray &contentType) const
    {
        Hawk::Request request;
        request.method = method;
        // Path and query exactly as QNetworkAccessManager puts them on the request line.
        QUrl target = url;
        if (target.path().isEmpty())
            target.setPath(u"/"_s);
        request.resource = target.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority |
                                            QUrl::RemoveFragment | QUrl::NormalizePathSegments);
        request.host = url.host(QUrl::FullyEncoded).toLatin1();
        request.port = quint16(url.port(url.scheme() == u"https" ? 443 : 80));
        request.hasPayload = !body.isEmpty() || !contentType.isEmpty();
        request.contentType = contentType;
        request.payload = body;
        return Hawk::sign(id, secret, request, localNow() + offset, {});
    }

    bool learn(const HttpExchange &exchange)
    {
        if (exchange.status != 401)
            return false;
        for (const auto &[name, value] : exchange.responseHeaders) {
            if (name.compare("www-authenticate", Qt::CaseInsensitive) != 0)
                continue;
            const QByteArray challenge = hawkChallenge(value);
            if (challenge.isEmpty())
                continue;
            if (const auto serverTime = Hawk::verifiedServerTimestamp(challenge, secret)) {
                offset = *serverTime - localNow();
                qCDebug(lcHawk) << "Server clock differs by" << offset << "s; correcting";
                return true;
            }
        }
        return false;
    }
};

HawkSigner::HawkSigner(QString id, QString secret, Clock clock)
    : m_state(std::make_shared<State>())
{
    m_state->id = id.toUtf8();
    m_state->secret = secret.toUtf8();
    m_state->clock = std::move(clock);
}

HawkSigner::~HawkSigner() = default;

QString HawkSigner::id() const
{
    return QString::fromUtf8(m_state->id);
}

QByteArray HawkSigner::authorization(const QByteArray &method, const QUrl &url,
                                     const QByteArray &body, const QByteArray &contentType) const
{
    return m_state->sign(method, url, body, contentType);
}

bool HawkSigner::learnFrom(const HttpExchange &exchange)
{
    return m_state->learn(exchange);
}

qint64 HawkSigner::offsetSeconds() const
{
    return m_state->offset;
}

void HawkSigner::setOffsetSeconds(qint64 seconds)
{
    m_state->offset = seconds;
}

Task<HttpExchange> HawkSigner::send(HttpClient &client, const QByteArray &method, const QUrl &url,
                                    const QByteArray &body, const QByteArray &contentType)
{
    const std::shared_ptr<State> state = m_state;
    auto call = [state, method, url, body, contentType] {
        HttpCall call;
        call.method = method;
        call.url = url;
        call.body = body;
        call.headers = {{"Authorization", state->sign(method, url, body, contentType)}};
        if (!contentType.isEmpty())
            call.headers.append({"Content-Type", contentType});
        return call;
    };
    HttpCall first = call();
    if (first.headers.constFirst().second.isEmpty()) {
        Error error;
        error.kind = Error::Kind::Usage;
        error.message = QCoreApplication::translate(
            "Latchkey::Core::HawkSigner",
            "The API key cannot sign this request: check its id and secret.");
        return readyTask<HttpExchange>(std::move(error));
    }

    auto task = PendingTask<HttpExchange>::start(&client);
    QPointer<HttpClient> http = &client;
    task->await(client.send(std::move(first)),
                [task, state, http, call](Result<HttpExchange> first) {
                    if (!first || !http || !state->learn(first.value()))
                        return task->finish(std::move(first));
                    // One retry, signed with the server's time; its answer is final.
                    task->await(http->send(call()), [task, state](Result<HttpExchange> second) {
                        if (second)
                            state->learn(second.value());
                        task->finish(std::move(second));
                    });
                });
    return task->future();
}

} // namespace Latchkey::Core
