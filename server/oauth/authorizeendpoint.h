#pragma once

#include "http/httpmessage.h"
#include "security/failurelimiter.h"
#include "signinpages.h"
#include "storage/accountrepository.h"
#include "storage/consumerrepository.h"
#include "storage/oauthrepository.h"

namespace Latchkey::Server {

class Router;
class ServerContext;

// /oauth/authorize: validates the client's request, signs the user in (argon2id, rate limited),
// asks for consent unless an active authorization already covers the scopes, and redirects
// back with code, state and iss. Errors before the redirect URI is trusted show a page and never
// redirect; later ones redirect with error, state and iss (RFC 6749 §4.1.2.1, RFC 9207).
class AuthorizeEndpoint final
{
public:
    explicit AuthorizeEndpoint(ServerContext &context);

    void registerRoutes(Router &router);

    static constexpr int requestLifetimeSeconds = 600;
    static constexpr int codeLifetimeSeconds = 60;
    static constexpr int sessionLifetimeSeconds = 12 * 3600;
    static constexpr char sessionCookie[] = "latchkey_session";

private:
    HttpResponse start(const HttpRequest &request);
    HttpResponse submit(const HttpRequest &request);

    HttpResponse signIn(const HttpRequest &request, AuthorizationRequest &pending,
                        const ConsumerRecord &consumer, SignInPages::Language language,
                        const QString &csrf);
    // The user is known: skip consent when covered, else show it.
    HttpResponse proceed(const HttpRequest &request, const AuthorizationRequest &pending,
                         const ConsumerRecord &consumer, const UserRecord &user,
                         SignInPages::Language language, const QString &csrf,
                         const QByteArray &setCookie = {});
    HttpResponse approve(const AuthorizationRequest &pending, const ConsumerRecord &consumer,
                         const UserRecord &user, const QByteArray &setCookie = {});

    HttpResponse redirectWithError(const QString &redirectUri, const QString &state,
                                   const QString &error, const QString &description) const;
    HttpResponse redirectTo(const QString &redirectUri, QList<QPair<QString, QString>> parameters,
                            const QByteArray &setCookie = {}) const;
    HttpResponse htmlPage(int status, const QByteArray &html) const;
    HttpResponse errorPage(int status, SignInPages::Language language, const char *titleKey,
                           const QString &message) const;

    std::optional<UserRecord> sessionUser(const HttpRequest &request, const QString &tenantId);

    ServerContext &m_context;
    FailureLimiter m_signInFailures; // 5 in 300 s
};

} // namespace Latchkey::Server
