#pragma once

#include "http/httpmessage.h"
#include "security/credentialcache.h"
#include "security/failurelimiter.h"
#include "storage/consumerrepository.h"

namespace Latchkey::Server {

class Router;
class ServerContext;

class FormData;

// POST /oauth/token: authorization_code (single use, bound to client, redirect URI and PKCE),
// refresh_token (rotated on every use, reuse revokes the family) and client_credentials; client
// authentication client_secret_basic, client_secret_post, or none for public clients. Errors
// as RFC 6749 §5.2 says.
class TokenEndpoint final
{
public:
    explicit TokenEndpoint(ServerContext &context);

    void registerRoutes(Router &router);
    HttpResponse token(const HttpRequest &request);

    struct ClientAuthentication
    {
        std::optional<ConsumerRecord> consumer;
        std::optional<GroupSnapshot> group; // the consumer's permission group, read with it
        bool usedBasic = false;
        HttpResponse error;
    };
    // Authenticates the calling client (Basic, post, or none for a public client).
    ClientAuthentication authenticateClient(const HttpRequest &request, const FormData &form);

    static HttpResponse oauthError(int status, const QString &error, const QString &description);

    // Once per this many tokens issued, twice as many are looked at for ones expired over a
    // day ago (TokenRepository::purgeExpired): the sweep gains on the end of the table, where
    // new tokens go, and starts over once it reaches it. For a day, using an expired token
    // still says that it expired rather than that it is unknown.
    static constexpr int purgeEvery = 256;

private:
    HttpResponse clientCredentials(const ConsumerRecord &consumer,
                                   const std::optional<GroupSnapshot> &group, const FormData &form);
    HttpResponse authorizationCode(const ConsumerRecord &consumer, const FormData &form);
    HttpResponse refreshToken(const ConsumerRecord &consumer, const FormData &form);
    // Issues an access token (and a refresh token when `familyId` is set) and answers with them.
    // The refresh token carries `refreshScopes` when given: a narrowed refresh keeps the grant's
    // scope on the refresh token (RFC 6749 §6).
    HttpResponse issue(const ConsumerRecord &consumer, const QString &authorizationId,
                       const QStringList &scopes, const QString &familyId,
                       const QString &codeDigest, const QStringList &refreshScopes = {});

    ServerContext &m_context;
    FailureLimiter m_failures; // 10 in 60 s

    int m_issuedSincePurge = 0;
};

} // namespace Latchkey::Server
