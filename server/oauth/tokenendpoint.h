#pragma once

#include "http/httpmessage.h"
#include "storage/consumerrepository.h"

#include <QHash>

namespace Latchkey::Server {

class Router;
class ServerContext;

// Counts failures per key (client id, remote address) in a sliding window; past the limit the
// caller answers 429 with Retry-After.
class FailureLimiter final
{
public:
    FailureLimiter(int limit, int windowSeconds)
        : m_limit(limit)
        , m_window(windowSeconds)
    {
    }

    // Seconds to wait, or 0 when the key may try again now.
    int retryAfter(const QString &key, const QDateTime &now) const;
    void recordFailure(const QString &key, const QDateTime &now);
    void reset(const QString &key) { m_failures.remove(key); }

private:
    int m_limit;
    int m_window;
    QHash<QString, QList<QDateTime>> m_failures;
};

// POST /oauth/token. This grant is client_credentials (client_secret_basic and
// client_secret_post); errors as RFC 6749 §5.2 says.
class TokenEndpoint final
{
public:
    explicit TokenEndpoint(ServerContext &context);

    void registerRoutes(Router &router);
    HttpResponse token(const HttpRequest &request);

    struct ClientAuthentication
    {
        std::optional<ConsumerRecord> consumer;
        bool usedBasic = false;
        HttpResponse error;
    };
    // Authenticates the calling client (Basic, post, or none for a public client).
    ClientAuthentication authenticateClient(const HttpRequest &request, const QUrlQuery &form);

    static HttpResponse oauthError(int status, const QString &error, const QString &description);

private:
    HttpResponse clientCredentials(const ConsumerRecord &consumer, const QUrlQuery &form);

    ServerContext &m_context;
    FailureLimiter m_failures{10, 60};
};

} // namespace Latchkey::Server
