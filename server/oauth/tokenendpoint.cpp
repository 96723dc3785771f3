#include "tokenendpoint.h"

#include "http/requestsupport.h"
#include "http/router.h"
#include "security/tokenkeys.h"
#include "servercontext.h"

#include <protocol/crypto.h>
#include <protocol/jsonwriter.h>
#include <protocol/pkce.h>
#include <protocol/random.h>

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcToken, "latchkey.server.oauth.token", QtInfoMsg)

namespace Latchkey::Server {

TokenEndpoint::TokenEndpoint(ServerContext &context)
    : m_context(context)
    , m_failures(context.failures, u"token"_s, 10, 60)
{
}

void TokenEndpoint::registerRoutes(Router &router)
{
    router.add("POST", u"/oauth/token"_s, [this](HttpRequest &request) { return token(request); });
}

HttpResponse TokenEndpoint::oauthError(int status, const QString &error, const QString &description)
{
    HttpResponse response =
        HttpResponse::json(status, {{u"error"_s, error}, {u"error_description"_s, description}});
    return noStore(response);
}

namespace {

QString formDecode(const QByteArray &text)
{
    // RFC 6749 App. B: form-urlencoded, '+' is a space.
    QByteArray copy = text;
    copy.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(copy));
}

bool isSubset(const QStringList &scopes, const QStringList &of)
{
    return std::all_of(scopes.cbegin(), scopes.cend(),
                       [&of](const QString &scope) { return of.contains(scope); });
}

} // namespace

TokenEndpoint::ClientAuthentication TokenEndpoint::authenticateClient(const HttpRequest &request,
                                                                      const FormData &form)
{
    ClientAuthentication result;
    QString clientId;
    QString secret;
    bool secretGiven = false;
    const QByteArray authorization = request.header("authorization");
    const bool bodyCredentials = form.contains(u"client_secret"_s);
    // Auth scheme names are case-insensitive (RFC 9110 §11.1).
    if (authorization.size() > 6 &&
        authorization.left(6).compare("basic ", Qt::CaseInsensitive) == 0) {
        result.usedBasic = true;
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0) {
            result.error = oauthError(401, u"invalid_client"_s,
                                      u"The Basic credentials are not client_id:client_secret."_s);
            result.error.setHeader("WWW-Authenticate", "Basic realm=\"latchkey\"");
            return result;
        }
        clientId = formDecode(decoded.left(colon));
        secret = formDecode(decoded.mid(colon + 1));
        secretGiven = true;
        if (bodyCredentials) {
            result.error = oauthError(400, u"invalid_request"_s,
                                      u"Authenticate the client one way only: Basic or the "
                                      "client_secret parameter, not both."_s);
            return result;
        }
    } else {
        clientId = form.value(u"client_id"_s);
        secret = form.value(u"client_secret"_s);
        secretGiven = bodyCredentials;
    }
    if (clientId.isEmpty()) {
        result.error = oauthError(401, u"invalid_client"_s,
                                  u"Client authentication is missing: send client_id and "
                                  "client_secret by HTTP Basic or in the body."_s);
        result.error.setHeader("WWW-Authenticate", "Basic realm=\"latchkey\"");
        return result;
    }

    const QDateTime now = m_context.now();
    const QString limiterKey = clientId + u'|' + request.remoteAddress.toString();
    if (const int wait = m_failures.retryAfter(limiterKey, now); wait > 0) {
        result.error = oauthError(429, u"slow_down"_s,
                                  u"Too many failed attempts; try again in %1 s."_s.arg(wait));
        result.error.setHeader("Retry-After", QByteArray::number(wait));
        return result;
    }

    auto invalid = [&](const QString &description) {
        m_failures.recordFailure(limiterKey, now);
        result.error = oauthError(401, u"invalid_client"_s, description);
        if (result.usedBasic)
            result.error.setHeader("WWW-Authenticate", "Basic realm=\"latchkey\"");
        return result;
    };

    auto entry = m_context.credentials.consumerByClientId(clientId);
    if (!entry)
        return invalid(u"Unknown client or wrong secret."_s);
    const ConsumerRecord *consumer = &entry->record;
    if (consumer->consumer.clientType == ClientType::Confidential) {
        if (!secretGiven)
            return invalid(u"This client is confidential: send its client_secret."_s);
        const QString digest = m_context.masterKey().digest(secret);
        const bool current =
            Crypto::constantTimeEquals(digest.toLatin1(), consumer->secretDigest.toLatin1());
        const bool previous =
            !consumer->previousDigest.isEmpty() &&
            consumer->consumer.previousSecretValidUntil > now &&
            Crypto::constantTimeEquals(digest.toLatin1(), consumer->previousDigest.toLatin1());
        if (!current && !previous)
            return invalid(u"Unknown client or wrong secret."_s);
    } else if (secretGiven) {
        return invalid(u"This is a public client: it has no secret."_s);
    }
    if (consumer->consumer.status != EntityStatus::Active)
        return invalid(u"This client is disabled."_s);
    m_failures.reset(limiterKey);
    result.consumer = std::move(entry->record);
    result.group = std::move(entry->group);
    return result;
}

HttpResponse TokenEndpoint::token(const HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, u"invalid_request"_s,
                          u"Send the parameters as application/x-www-form-urlencoded."_s);
    const FormData form(request.body);
    const QString repeated =
        form.repeated({u"grant_type"_s, u"scope"_s, u"client_id"_s, u"client_secret"_s, u"code"_s,
                       u"redirect_uri"_s, u"code_verifier"_s, u"refresh_token"_s});
    if (!repeated.isEmpty())
        return oauthError(400, u"invalid_request"_s,
                          u"The parameter %1 appears more than once."_s.arg(repeated));
    const QString grantType = form.value(u"grant_type"_s);
    if (grantType.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"grant_type is missing."_s);

    ClientAuthentication client = authenticateClient(request, form);
    if (!client.consumer)
        return client.error;

    if (grantType == u"client_credentials")
        return clientCredentials(*client.consumer, client.group, form);
    if (grantType == u"authorization_code")
        return authorizationCode(*client.consumer, form);
    if (grantType == u"refresh_token")
        return refreshToken(*client.consumer, form);
    return oauthError(400, u"unsupported_grant_type"_s,
                      u"This server does not support the grant type %1."_s.arg(grantType));
}

HttpResponse TokenEndpoint::clientCredentials(const ConsumerRecord &record,
                                              const std::optional<GroupSnapshot> &group,
                                              const FormData &form)
{
    const Consumer &consumer = record.consumer;
    if (consumer.grantType != GrantType::ClientCredentials ||
        consumer.clientType != ClientType::Confidential)
        return oauthError(400, u"unauthorized_client"_s,
                          u"%1 is not registered for client credentials."_s.arg(consumer.name));

    const QStringList allowed = group ? group->scopes : QStringList();
    QStringList scopes = allowed;
    const QString requested = form.value(u"scope"_s);
    if (form.contains(u"scope"_s)) {
        scopes = requested.split(u' ', Qt::SkipEmptyParts);
        scopes.removeDuplicates();
        for (const QString &scope : std::as_const(scopes)) {
            if (!allowed.contains(scope))
                return oauthError(400, u"invalid_scope"_s,
                                  u"The scope %1 is outside the permission group %2 (%3)."_s.arg(
                                      scope, group ? group->name : QString(), allowed.join(u' ')));
        }
        if (scopes.isEmpty())
            return oauthError(400, u"invalid_scope"_s, u"scope is empty."_s);
    }

    return issue(record, {}, scopes, {}, {});
}

HttpResponse TokenEndpoint::authorizationCode(const ConsumerRecord &record, const FormData &form)
{
    const QDateTime now = m_context.now();
    const QString code = form.value(u"code"_s);
    if (code.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"code is missing."_s);
    const QString digest = m_context.masterKey().digest(code);
    const auto stored = m_context.oauth.code(digest);
    if (!stored || stored->consumerId != record.consumer.id)
        return oauthError(400, u"invalid_grant"_s,
                          u"The authorization code is not known to this client."_s);
    if (stored->usedAt.isValid()) {
        // A replayed code means it leaked: end everything issued from it (RFC 6749 §4.1.2).
        Database::Transaction transaction(m_context.database());
        const int revoked = m_context.tokens.revokeIssuedFromCode(digest, now);
        transaction.commit();
        qCWarning(lcToken) << "authorization code reused; revoked" << revoked << "tokens";
        return oauthError(400, u"invalid_grant"_s,
                          u"The authorization code was already used; the tokens issued from it "
                          "are revoked."_s);
    }
    if (stored->expiresAt <= now)
        return oauthError(400, u"invalid_grant"_s, u"The authorization code expired."_s);
    // RFC 6749 §4.1.3: required, and identical, when the authorization request had one.
    if (stored->redirectUri.isEmpty()) {
        if (form.contains(u"redirect_uri"_s) &&
            !record.consumer.redirectUris.contains(form.value(u"redirect_uri"_s)))
            return oauthError(400, u"invalid_grant"_s,
                              u"redirect_uri is not a registered URI of this client."_s);
    } else if (!form.contains(u"redirect_uri"_s) ||
               form.value(u"redirect_uri"_s) != stored->redirectUri) {
        return oauthError(400, u"invalid_grant"_s,
                          u"redirect_uri must be the one sent to the authorization endpoint."_s);
    }
    const QString verifier = form.value(u"code_verifier"_s);
    if (stored->codeChallenge.isEmpty()) {
        if (!verifier.isEmpty())
            return oauthError(400, u"invalid_grant"_s,
                              u"code_verifier sent, but the authorization request had no "
                              "code_challenge."_s);
    } else {
        if (verifier.isEmpty())
            return oauthError(400, u"invalid_grant"_s, u"code_verifier is missing (PKCE)."_s);
        if (!Pkce::isValidVerifier(verifier) ||
            !Crypto::constantTimeEquals(Pkce::challengeS256(verifier).toLatin1(),
                                        stored->codeChallenge.toLatin1()))
            return oauthError(400, u"invalid_grant"_s,
                              u"code_verifier does not match the code_challenge."_s);
    }
    const auto authorization =
        m_context.authorizations.find(record.tenantId, stored->authorizationId);
    if (!authorization || !authorization->isActive())
        return oauthError(400, u"invalid_grant"_s, u"The authorization was revoked."_s);

    Database::Transaction transaction(m_context.database());
    if (!m_context.oauth.useCode(digest, now))
        return oauthError(400, u"invalid_grant"_s, u"The authorization code was already used."_s);
    HttpResponse response =
        issue(record, stored->authorizationId, stored->scopes, Random::id(u"fam_"), digest);
    transaction.commit();
    return response;
}

HttpResponse TokenEndpoint::refreshToken(const ConsumerRecord &record, const FormData &form)
{
    const QDateTime now = m_context.now();
    const QString token = form.value(u"refresh_token"_s);
    if (token.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"refresh_token is missing."_s);
    const auto stored = m_context.tokens.find(TokenKeys::storedKey(m_context.masterKey(), token));
    if (!stored || stored->kind != TokenRecord::Kind::Refresh ||
        stored->consumerId != record.consumer.id)
        return oauthError(400, u"invalid_grant"_s,
                          u"The refresh token is not known to this client."_s);
    if (stored->revokedAt.isValid()) {
        // Reuse of a rotated refresh token: someone else has the family (RFC 9700 §4.14).
        Database::Transaction transaction(m_context.database());
        m_context.tokens.revokeFamily(stored->familyId, now);
        transaction.commit();
        return oauthError(400, u"invalid_grant"_s,
                          u"The refresh token was already used or revoked; every token of its "
                          "family is now revoked. Sign in again."_s);
    }
    if (stored->expiresAt <= now)
        return oauthError(400, u"invalid_grant"_s, u"The refresh token expired. Sign in again."_s);
    const auto authorization =
        m_context.authorizations.find(record.tenantId, stored->authorizationId);
    if (!authorization || !authorization->isActive())
        return oauthError(400, u"invalid_grant"_s, u"The authorization was revoked."_s);

    QStringList scopes = stored->scopes;
    if (form.contains(u"scope"_s)) {
        scopes = form.value(u"scope"_s).split(u' ', Qt::SkipEmptyParts);
        scopes.removeDuplicates();
        if (scopes.isEmpty() || !isSubset(scopes, stored->scopes))
            return oauthError(400, u"invalid_scope"_s,
                              u"A refresh may only narrow the scopes (granted: %1)."_s.arg(
                                  stored->scopes.join(u' ')));
    }
    Database::Transaction transaction(m_context.database());
    if (!m_context.tokens.revoke(stored->digest, now))
        return oauthError(400, u"invalid_grant"_s, u"The refresh token was already used."_s);
    HttpResponse response = issue(record, stored->authorizationId, scopes, stored->familyId,
                                  stored->codeDigest, stored->scopes);
    transaction.commit();
    return response;
}

HttpResponse TokenEndpoint::issue(const ConsumerRecord &record, const QString &authorizationId,
                                  const QStringList &scopes, const QString &familyId,
                                  const QString &codeDigest, const QStringList &refreshScopes)
{
    const Consumer &consumer = record.consumer;
    const QDateTime now = m_context.now();
    const QString accessToken = TokenKeys::generate(now.toMSecsSinceEpoch());
    TokenRecord access;
    access.digest = TokenKeys::storedKey(m_context.masterKey(), accessToken);
    access.kind = TokenRecord::Kind::Access;
    access.tenantId = record.tenantId;
    access.consumerId = consumer.id;
    access.authorizationId = authorizationId;
    access.scopes = scopes;
    access.issuedAt = now;
    access.expiresAt = now.addSecs(consumer.accessTokenTtl);
    access.familyId = familyId;
    access.codeDigest = codeDigest;

    // Members in key order, as a QJsonObject would write them.
    JsonWriter body;
    body.beginObject()
        .key("access_token")
        .value(accessToken)
        .key("expires_in")
        .value(consumer.accessTokenTtl);
    Database::Transaction transaction(m_context.database());
    m_context.tokens.insert(access);
    if (!familyId.isEmpty()) {
        const QString refreshToken = TokenKeys::generate(now.toMSecsSinceEpoch());
        TokenRecord refresh = access;
        refresh.digest = TokenKeys::storedKey(m_context.masterKey(), refreshToken);
        refresh.kind = TokenRecord::Kind::Refresh;
        if (!refreshScopes.isEmpty())
            refresh.scopes = refreshScopes;
        refresh.expiresAt = now.addSecs(consumer.refreshTokenTtl);
        m_context.tokens.insert(refresh);
        body.key("refresh_token").value(refreshToken);
    }
    body.key("scope").value(scopes.join(u' ')).key("token_type").value("Bearer"_L1).endObject();
    if (++m_issuedSincePurge >= purgeEvery) {
        m_issuedSincePurge = 0;
        m_context.tokens.purgeExpired(now.addDays(-1), 2 * purgeEvery);
    }
    if (!consumer.lastUsedAt.isValid() || consumer.lastUsedAt.secsTo(now) >= 60) {
        m_context.consumers.touch(consumer.id, now);
        m_context.credentials.consumerUsed(consumer.clientId, now);
    }
    transaction.commit();

    HttpResponse response = HttpResponse::jsonBody(200, body.take());
    return noStore(response);
}

} // namespace Latchkey::Server
