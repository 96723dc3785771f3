#include "authorizeendpoint.h"

#include "http/requestsupport.h"
#include "http/router.h"
#include "redirecturi.h"
#include "security/passwordhasher.h"
#include "servercontext.h"

#include <protocol/crypto.h>
#include <protocol/pkce.h>
#include <protocol/random.h>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuthorize, "latchkey.server.oauth", QtInfoMsg)

namespace Latchkey::Server {

using SignInPages::Language;

namespace {

QStringList uniqueScopes(const QString &text)
{
    QStringList scopes = text.split(u' ', Qt::SkipEmptyParts);
    scopes.removeDuplicates();
    return scopes;
}

QByteArray cookieValue(const HttpRequest &request, QByteArrayView name)
{
    const QByteArray header = request.header("cookie");
    for (const QByteArray &part : header.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(name) && trimmed.size() > name.size() && trimmed[name.size()] == '=')
            return trimmed.mid(name.size() + 1);
    }
    return {};
}

} // namespace

AuthorizeEndpoint::AuthorizeEndpoint(ServerContext &context)
    : m_context(context)
    , m_signInFailures(context.failures, u"sign-in"_s, 5, 300)
{
}

void AuthorizeEndpoint::registerRoutes(Router &router)
{
    router.add("GET", u"/oauth/authorize"_s, [this](HttpRequest &r) { return start(r); });
    router.add("POST", u"/oauth/authorize"_s, [this](HttpRequest &r) { return submit(r); });
    router.add("GET", u"/oauth/assets/style.css"_s, [](HttpRequest &) {
        HttpResponse response;
        response.headers = {{"Content-Type", "text/css; charset=utf-8"},
                            {"Cache-Control", "public, max-age=3600"}};
        response.body = SignInPages::stylesheet();
        return response;
    });
}

HttpResponse AuthorizeEndpoint::htmlPage(int status, const QByteArray &html) const
{
    HttpResponse response = HttpResponse::html(status, html);
    response.setHeader("Content-Security-Policy",
                       "default-src 'none'; style-src 'self'; img-src 'self'; "
                       "frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    return noStore(response);
}

HttpResponse AuthorizeEndpoint::errorPage(int status, Language language, const char *titleKey,
                                          const QString &message) const
{
    return htmlPage(
        status, SignInPages::renderError(language, SignInPages::text(language, titleKey), message));
}

HttpResponse AuthorizeEndpoint::redirectTo(const QString &redirectUri,
                                           QList<QPair<QString, QString>> parameters,
                                           const QByteArray &setCookie) const
{
    QString location = redirectUri;
    for (const auto &[name, value] : parameters) {
        if (value.isEmpty() && name == u"state")
            continue;
        location += (location.contains(u'?') ? u'&' : u'?') + name + u'=' +
                    QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    HttpResponse response;
    response.status = 302;
    response.setHeader("Location", location.toUtf8());
    if (!setCookie.isEmpty())
        response.setHeader("Set-Cookie", setCookie);
    return noStore(response);
}

HttpResponse AuthorizeEndpoint::redirectWithError(const QString &redirectUri, const QString &state,
                                                  const QString &error,
                                                  const QString &description) const
{
    return redirectTo(redirectUri, {{u"error"_s, error},
                                    {u"error_description"_s, description},
                                    {u"state"_s, state},
                                    {u"iss"_s, m_context.issuer()}});
}

HttpResponse AuthorizeEndpoint::start(const HttpRequest &request)
{
    const Language language = SignInPages::negotiate(request.header("accept-language"));
    const qsizetype question = request.resource.indexOf('?');
    const FormData query(question < 0 ? QByteArray() : request.resource.mid(question + 1));

    // Until the client and its redirect URI are known good, errors stay on this server.
    const QString clientId = query.value(u"client_id"_s);
    const auto consumer =
        clientId.isEmpty() ? std::nullopt : m_context.consumers.findByClientId(clientId);
    if (!consumer || consumer->consumer.status != EntityStatus::Active ||
        query.count(u"client_id"_s) > 1)
        return errorPage(400, language, "error.client",
                         SignInPages::text(language, "error.client.detail"));
    const Consumer &c = consumer->consumer;
    QString redirectUri = query.value(u"redirect_uri"_s);
    const bool redirectUriGiven = !redirectUri.isEmpty();
    if (query.count(u"redirect_uri"_s) > 1)
        return errorPage(400, language, "error.redirect",
                         SignInPages::text(language, "error.redirect.detail"));
    if (redirectUri.isEmpty() && c.redirectUris.size() == 1 &&
        !RedirectUri::isLoopbackHttp(c.redirectUris.first()))
        redirectUri = c.redirectUris.first();
    const bool registered = std::any_of(
        c.redirectUris.cbegin(), c.redirectUris.cend(),
        [&redirectUri](const QString &uri) { return RedirectUri::matches(uri, redirectUri); });
    if (redirectUri.isEmpty() || !registered)
        return errorPage(400, language, "error.redirect",
                         SignInPages::text(language, "error.redirect.detail"));

    const QString state = query.value(u"state"_s);
    auto fail = [&](const QString &error, const QString &description) {
        return redirectWithError(redirectUri, state, error, description);
    };
    const QString repeated = query.repeated({u"response_type"_s, u"scope"_s, u"state"_s,
                                             u"code_challenge"_s, u"code_challenge_method"_s});
    if (!repeated.isEmpty())
        return fail(u"invalid_request"_s,
                    u"The parameter %1 appears more than once."_s.arg(repeated));
    const QString responseType = query.value(u"response_type"_s);
    if (responseType.isEmpty())
        return fail(u"invalid_request"_s, u"response_type is missing; use code."_s);
    if (responseType != u"code")
        return fail(u"unsupported_response_type"_s, u"Only response_type=code is supported."_s);
    if (c.grantType != GrantType::AuthorizationCode)
        return fail(u"unauthorized_client"_s,
                    u"%1 is not registered for the authorization code grant."_s.arg(c.name));

    const auto group = m_context.accounts.permissionGroup(consumer->tenantId, c.permissionGroupId);
    const QStringList allowed = group ? group->scopes : QStringList();
    QStringList scopes = allowed;
    if (query.contains(u"scope"_s)) {
        scopes = uniqueScopes(query.value(u"scope"_s));
        for (const QString &scope : std::as_const(scopes)) {
            if (!allowed.contains(scope))
                return fail(
                    u"invalid_scope"_s,
                    u"The scope %1 is outside the permission group of %2."_s.arg(scope, c.name));
        }
        if (scopes.isEmpty())
            return fail(u"invalid_scope"_s, u"scope is empty."_s);
    }

    const QString challenge = query.value(u"code_challenge"_s);
    const QString method = query.value(u"code_challenge_method"_s);
    if (!method.isEmpty() && method != u"S256")
        return fail(u"invalid_request"_s,
                    u"code_challenge_method %1 is not supported; use S256."_s.arg(method));
    if (!challenge.isEmpty() && method.isEmpty())
        return fail(u"invalid_request"_s,
                    u"Send code_challenge_method=S256 with the code_challenge (plain is not "
                    "supported)."_s);
    const bool pkceRequired = c.clientType == ClientType::Public || c.requirePkce;
    if (challenge.isEmpty() && pkceRequired)
        return fail(u"invalid_request"_s,
                    u"PKCE is required: send code_challenge and code_challenge_method=S256."_s);
    if (!challenge.isEmpty() && !Pkce::isValidChallenge(challenge))
        return fail(u"invalid_request"_s,
                    u"code_challenge must be 43 base64url characters (SHA-256 of the verifier)."_s);

    const QDateTime now = m_context.now();
    const QString csrf = Random::secret(128);
    AuthorizationRequest pending;
    pending.id = Random::secret(128);
    pending.tenantId = consumer->tenantId;
    pending.consumerId = c.id;
    pending.redirectUri = redirectUri;
    pending.redirectUriGiven = redirectUriGiven;
    pending.scopes = scopes;
    pending.state = state;
    pending.codeChallenge = challenge;
    pending.csrfDigest = m_context.masterKey().digest(csrf);
    pending.createdAt = now;
    pending.expiresAt = now.addSecs(requestLifetimeSeconds);
    m_context.oauth.insertRequest(pending);

    if (const auto user = sessionUser(request, consumer->tenantId)) {
        m_context.oauth.setRequestUser(pending.id, user->user.id);
        pending.userId = user->user.id;
        return proceed(request, pending, *consumer, *user, language, csrf);
    }
    const auto tenant = m_context.accounts.tenant(consumer->tenantId);
    return htmlPage(
        200, SignInPages::renderSignIn(
                 language, {c.name, tenant ? tenant->name : QString(), pending.id, csrf, {}, {}}));
}

HttpResponse AuthorizeEndpoint::submit(const HttpRequest &request)
{
    const Language language = SignInPages::negotiate(request.header("accept-language"));
    const FormData form(request.body);
    const auto pending = m_context.oauth.request(form.value(u"request"_s));
    const QDateTime now = m_context.now();
    if (!pending || pending->expiresAt <= now)
        return errorPage(400, language, "error.expired",
                         SignInPages::text(language, "error.expired.detail"));
    const QString csrf = form.value(u"csrf"_s);
    if (csrf.isEmpty() || !Crypto::constantTimeEquals(m_context.masterKey().digest(csrf).toLatin1(),
                                                      pending->csrfDigest.toLatin1()))
        return errorPage(403, language, "error.csrf",
                         SignInPages::text(language, "error.csrf.detail"));
    const auto consumer = m_context.consumers.find(pending->tenantId, pending->consumerId);
    if (!consumer || consumer->consumer.status != EntityStatus::Active)
        return errorPage(400, language, "error.client",
                         SignInPages::text(language, "error.client.detail"));

    AuthorizationRequest current = *pending;
    if (form.contains(u"username"_s))
        return signIn(request, current, *consumer, language, csrf);

    const QString decision = form.value(u"decision"_s);
    if (decision != u"approve" && decision != u"deny")
        return errorPage(400, language, "error.request",
                         u"Send decision=approve or decision=deny, or sign in first."_s);
    // The decision must come from the browser that signed in for this request.
    const auto user = sessionUser(request, pending->tenantId);
    if (pending->userId.isEmpty() || !user || user->user.id != pending->userId)
        return errorPage(403, language, "error.csrf",
                         SignInPages::text(language, "error.csrf.detail"));
    if (decision == u"deny") {
        m_context.oauth.deleteRequest(pending->id);
        return redirectWithError(pending->redirectUri, pending->state, u"access_denied"_s,
                                 u"The user denied the request."_s);
    }
    return approve(*pending, *consumer, *user);
}

HttpResponse AuthorizeEndpoint::signIn(const HttpRequest &request, AuthorizationRequest &pending,
                                       const ConsumerRecord &consumer, Language language,
                                       const QString &csrf)
{
    const FormData form(request.body);
    const QString email = form.value(u"username"_s).trimmed().toLower();
    const QString password = form.value(u"password"_s);
    const QDateTime now = m_context.now();
    const auto tenant = m_context.accounts.tenant(pending.tenantId);
    SignInPages::SignIn page{
        consumer.consumer.name, tenant ? tenant->name : QString(), pending.id, csrf, email, {}};

    const QString limiterKey = email + u'|' + request.remoteAddress.toString();
    if (const int wait = m_signInFailures.retryAfter(limiterKey, now); wait > 0) {
        page.error = SignInPages::text(language, "signin.limited").arg(wait);
        HttpResponse response = htmlPage(429, SignInPages::renderSignIn(language, page));
        response.setHeader("Retry-After", QByteArray::number(wait));
        return response;
    }
    const auto user = m_context.accounts.userByEmail(pending.tenantId, email);
    // Verify even for an unknown user, so timing does not tell which emails exist.
    static const QString dummyHash = PasswordHasher::hash(u"not a real password"_s);
    const bool passwordOk = PasswordHasher::verify(user ? user->passwordHash : dummyHash, password);
    if (!user || !passwordOk || user->user.disabled) {
        m_signInFailures.recordFailure(limiterKey, now);
        qCInfo(lcAuthorize) << "failed sign-in for a user of tenant" << pending.tenantId;
        page.error = SignInPages::text(language, "signin.failed");
        return htmlPage(401, SignInPages::renderSignIn(language, page));
    }
    m_signInFailures.reset(limiterKey);

    const QString sessionToken = Random::secret();
    m_context.oauth.insertSession({m_context.masterKey().digest(sessionToken), pending.tenantId,
                                   user->user.id, now, now.addSecs(sessionLifetimeSeconds)});
    m_context.oauth.setRequestUser(pending.id, user->user.id);
    pending.userId = user->user.id;
    QByteArray cookie = QByteArray(sessionCookie) + '=' + sessionToken.toLatin1() +
                        "; Path=/oauth; HttpOnly; SameSite=Lax; Max-Age=" +
                        QByteArray::number(sessionLifetimeSeconds);
    if (m_context.publicUrl().scheme() == u"https")
        cookie += "; Secure";
    return proceed(request, pending, consumer, *user, language, csrf, cookie);
}

HttpResponse AuthorizeEndpoint::proceed(const HttpRequest &, const AuthorizationRequest &pending,
                                        const ConsumerRecord &consumer, const UserRecord &user,
                                        Language language, const QString &csrf,
                                        const QByteArray &setCookie)
{
    if (pending.scopes.contains(u"admin"_s) && user.user.role != u"super_admin") {
        m_context.oauth.deleteRequest(pending.id);
        HttpResponse response =
            redirectWithError(pending.redirectUri, pending.state, u"access_denied"_s,
                              u"Only a super admin may grant the admin scope."_s);
        if (!setCookie.isEmpty())
            response.setHeader("Set-Cookie", setCookie);
        return response;
    }
    const auto existing =
        m_context.authorizations.findActive(pending.tenantId, user.user.id, consumer.consumer.id);
    const bool covered = existing && std::all_of(pending.scopes.cbegin(), pending.scopes.cend(),
                                                 [&existing](const QString &scope) {
                                                     return existing->scopes.contains(scope);
                                                 });
    if (covered)
        return approve(pending, consumer, user, setCookie);

    const auto tenant = m_context.accounts.tenant(pending.tenantId);
    HttpResponse response = htmlPage(
        200,
        SignInPages::renderConsent(language, {consumer.consumer.name, consumer.consumer.description,
                                              tenant ? tenant->name : QString(), user.user.email,
                                              pending.scopes, pending.id, csrf}));
    if (!setCookie.isEmpty())
        response.setHeader("Set-Cookie", setCookie);
    return response;
}

HttpResponse AuthorizeEndpoint::approve(const AuthorizationRequest &pending,
                                        const ConsumerRecord &consumer, const UserRecord &user,
                                        const QByteArray &setCookie)
{
    const QDateTime now = m_context.now();
    Database::Transaction transaction(m_context.database());
    auto authorization =
        m_context.authorizations.findActive(pending.tenantId, user.user.id, consumer.consumer.id);
    QString authorizationId;
    if (authorization) {
        authorizationId = authorization->id;
        QStringList widened = authorization->scopes;
        for (const QString &scope : pending.scopes) {
            if (!widened.contains(scope))
                widened.append(scope);
        }
        if (widened != authorization->scopes)
            m_context.authorizations.updateScopes(pending.tenantId, authorizationId, widened);
    } else {
        Authorization created;
        created.id = Random::id(u"az_");
        created.userId = user.user.id;
        created.consumerId = consumer.consumer.id;
        created.scopes = pending.scopes;
        created.createdAt = now;
        m_context.authorizations.insert(pending.tenantId, created);
        authorizationId = created.id;
        AuditEvent event;
        event.at = now;
        event.actor = u"user:"_s + user.user.email;
        event.action = u"authorization.grant"_s;
        event.targetType = u"authorization"_s;
        event.targetId = authorizationId;
        event.details = {{u"consumer_id"_s, consumer.consumer.id},
                         {u"scopes"_s, pending.scopes.join(u' ')}};
        m_context.audit.append(pending.tenantId, event);
    }
    const QString code = Random::secret();
    m_context.oauth.insertCode({m_context.masterKey().digest(code),
                                pending.tenantId,
                                consumer.consumer.id,
                                user.user.id,
                                authorizationId,
                                pending.redirectUriGiven ? pending.redirectUri : QString(),
                                pending.scopes,
                                pending.codeChallenge,
                                now.addSecs(codeLifetimeSeconds),
                                {}});
    m_context.oauth.deleteRequest(pending.id);
    m_context.oauth.purgeExpired(now);
    transaction.commit();
    return redirectTo(
        pending.redirectUri,
        {{u"code"_s, code}, {u"state"_s, pending.state}, {u"iss"_s, m_context.issuer()}},
        setCookie);
}

std::optional<UserRecord> AuthorizeEndpoint::sessionUser(const HttpRequest &request,
                                                         const QString &tenantId)
{
    const QByteArray token = cookieValue(request, sessionCookie);
    if (token.isEmpty())
        return std::nullopt;
    const auto session =
        m_context.oauth.session(m_context.masterKey().digest(QString::fromLatin1(token)));
    if (!session || session->tenantId != tenantId || session->expiresAt <= m_context.now())
        return std::nullopt;
    auto user = m_context.accounts.user(tenantId, session->userId);
    if (!user || user->user.disabled)
        return std::nullopt;
    return user;
}

} // namespace Latchkey::Server
