#include "authenticator.h"

#include "servercontext.h"
#include "tokenkeys.h"

#include <protocol/crypto.h>
#include <protocol/hawk.h>
#include <protocol/problem.h>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuth, "latchkey.server.auth")

namespace Latchkey::Server {

namespace {

HttpResponse hawkError(int status, const QString &message, QByteArray challenge = {})
{
    HttpResponse response = HttpResponse::problem(
        status, status == 400 ? u"Bad request"_s : u"Unauthorized"_s, message);
    if (status == 401) {
        if (challenge.isEmpty())
            challenge = "Hawk error=\""_ba + message.toUtf8() + '"';
        response.setHeader("WWW-Authenticate", challenge);
    }
    return response;
}

HttpResponse bearerError(const QString &message)
{
    HttpResponse response = HttpResponse::problem(401, u"Unauthorized"_s, message);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"latchkey\", error=\"invalid_token\", "
                                           "error_description=\""_ba +
                                               message.toUtf8() + '"');
    return response;
}

// Whether an Authorization header uses `scheme`, which is case-insensitive (RFC 9110 §11.1).
bool hasScheme(const QByteArray &authorization, QByteArrayView scheme)
{
    return authorization.size() > scheme.size() && authorization.at(scheme.size()) == ' ' &&
           QByteArrayView(authorization)
                   .first(scheme.size())
                   .compare(scheme, Qt::CaseInsensitive) == 0;
}

bool stale(const QDateTime &lastUsed, const QDateTime &now)
{
    return !lastUsed.isValid() || lastUsed.secsTo(now) >= Authenticator::lastUsedResolutionSeconds;
}

QStringList intersect(const QStringList &a, const QStringList &b)
{
    QStringList result;
    for (const QString &scope : a) {
        if (b.contains(scope))
            result.append(scope);
    }
    return result;
}

} // namespace

AuthResult Authenticator::authenticate(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (hasScheme(authorization, "Hawk"))
        return authenticateHawk(request);
    if (authorization.isEmpty()) {
        HttpResponse response = HttpResponse::problem(
            401, u"Unauthorized"_s,
            u"Send an Authorization header: Hawk with an API key, or Bearer with an OAuth access "
            "token."_s);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"latchkey\", Hawk"_ba);
        return AuthResult::failed(response);
    }
    return authenticateBearer(request);
}

AuthResult Authenticator::authenticateBearer(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!hasScheme(authorization, "Bearer")) {
        HttpResponse response =
            HttpResponse::problem(401, u"Unauthorized"_s,
                                  u"Send an OAuth access token as \"Authorization: Bearer …\"."_s);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"latchkey\""_ba);
        return AuthResult::failed(response);
    }
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    const QDateTime now = m_context.now();
    const auto record = m_context.tokens.find(TokenKeys::storedKey(m_context.masterKey(), token));
    if (!record || record->kind != TokenRecord::Kind::Access)
        return AuthResult::failed(bearerError(u"The access token is not known."_s));
    if (record->revokedAt.isValid())
        return AuthResult::failed(bearerError(u"The access token was revoked."_s));
    if (record->expiresAt <= now)
        return AuthResult::failed(bearerError(u"The access token expired."_s));

    const auto consumer = m_context.consumers.find(record->tenantId, record->consumerId);
    if (!consumer)
        return AuthResult::failed(bearerError(u"The consumer of this token was deleted."_s));
    if (consumer->consumer.status != EntityStatus::Active)
        return AuthResult::failed(bearerError(u"The consumer of this token is disabled."_s));
    const auto group =
        m_context.accounts.permissionGroup(record->tenantId, consumer->consumer.permissionGroupId);

    Principal principal;
    principal.scheme = Principal::Scheme::Bearer;
    principal.tenantId = record->tenantId;
    principal.consumerId = consumer->consumer.id;
    principal.permissionGroupId = consumer->consumer.permissionGroupId;
    // A group narrowed after issuance narrows the tokens already out.
    principal.scopes = intersect(record->scopes, group ? group->scopes : QStringList());

    if (record->authorizationId.isEmpty()) {
        principal.kind = Principal::Kind::Consumer;
        principal.id = consumer->consumer.clientId;
        principal.name = consumer->consumer.name;
    } else {
        const auto authorization =
            m_context.authorizations.find(record->tenantId, record->authorizationId);
        if (!authorization || !authorization->isActive())
            return AuthResult::failed(
                bearerError(u"The user's authorization of this consumer was revoked."_s));
        const auto user = m_context.accounts.user(record->tenantId, authorization->userId);
        if (!user || user->user.disabled)
            return AuthResult::failed(bearerError(u"The user of this token is disabled."_s));
        principal.kind = Principal::Kind::User;
        principal.id = user->user.id;
        principal.name = user->user.email;
        principal.authorizationId = authorization->id;
        // Only a super admin may act with `admin`, whatever a token says.
        if (user->user.role != u"super_admin")
            principal.scopes.removeAll(u"admin"_s);
    }
    if (stale(consumer->consumer.lastUsedAt, now))
        m_context.consumers.touch(consumer->consumer.id, now);
    return {principal, {}};
}

std::shared_ptr<const Crypto::HmacSha256Key> Authenticator::macKey(const QString &sealed,
                                                                   const QString &keyId)
{
    if (const auto found = m_macKeys.constFind(sealed); found != m_macKeys.cend())
        return *found;
    const auto secret = m_context.masterKey().open(sealed, keyId);
    if (!secret)
        return nullptr;
    if (m_macKeys.size() >= 10000)
        m_macKeys.clear();
    auto keyed = std::make_shared<const Crypto::HmacSha256Key>(secret->toUtf8());
    m_macKeys.insert(sealed, keyed);
    return keyed;
}

AuthResult Authenticator::authenticateHawk(const HttpRequest &request)
{
    const Hawk::ParseResult parsed =
        Hawk::parseAuthorizationHeader(request.header("authorization"));
    if (!parsed.artifacts)
        return AuthResult::failed(
            hawkError(parsed.error == u"Invalid header syntax" ? 401 : 400, parsed.error));
    Hawk::Artifacts artifacts = *parsed.artifacts;

    auto entry = m_context.credentials.keyById(QString::fromLatin1(artifacts.id));
    if (!entry)
        return AuthResult::failed(hawkError(401, u"Unknown credentials"_s));
    const KeyRecord *key = &entry->record;

    const QDateTime now = m_context.now();
    const QUrl &publicUrl = m_context.publicUrl();
    artifacts.method = request.method;
    artifacts.resource = request.resource;
    artifacts.host = publicUrl.host().toLatin1();
    artifacts.port = quint16(publicUrl.port(publicUrl.scheme() == u"https" ? 443 : 80));

    // The current secret, then the previous one while its rotation grace lasts. Both are tried so
    // the time taken does not tell which one matched.
    const auto current = macKey(key->sealedSecret, key->key.id);
    std::shared_ptr<const Crypto::HmacSha256Key> previous;
    const bool inGrace =
        !key->previousSealedSecret.isEmpty() && key->key.previousSecretValidUntil > now;
    if (inGrace)
        previous = macKey(key->previousSealedSecret, key->key.id);
    if (!current) {
        qCWarning(lcAuth) << "cannot open the sealed secret of key" << key->key.id
                          << "(wrong master key?)";
        return AuthResult::failed(
            HttpResponse::problem(500, u"Server error"_s, u"The key cannot be read."_s));
    }
    const bool currentMatches = Crypto::constantTimeEquals(
        Hawk::calculateMac(*current, "header", artifacts), artifacts.mac);
    const bool previousMatches =
        previous && Crypto::constantTimeEquals(Hawk::calculateMac(*previous, "header", artifacts),
                                               artifacts.mac);
    if (!currentMatches && !previousMatches)
        return AuthResult::failed(hawkError(401, u"Bad mac"_s));

    if (!artifacts.hash.isEmpty()) {
        const QByteArray hash = Hawk::payloadHash(request.header("content-type"), request.body);
        if (!Crypto::constantTimeEquals(hash, artifacts.hash))
            return AuthResult::failed(hawkError(401, u"Bad payload hash"_s));
    }

    if (!m_context.nonces.remember(key->key.id, QString::fromLatin1(artifacts.nonce), artifacts.ts,
                                   now))
        return AuthResult::failed(hawkError(401, u"Invalid nonce"_s));
    if (++m_noncesSincePrune >= 1000) {
        m_noncesSincePrune = 0;
        m_context.nonces.forgetOlderThan(now.addSecs(-2 * hawkSkewSeconds - 60));
    }

    const qint64 nowSeconds = now.toSecsSinceEpoch();
    if (qAbs(artifacts.ts - nowSeconds) > hawkSkewSeconds) {
        // The challenge is signed with the secret that matched (opened again: rare).
        const auto secret = m_context.masterKey().open(
            currentMatches ? key->sealedSecret : key->previousSealedSecret, key->key.id);
        return AuthResult::failed(hawkError(
            401, u"Stale timestamp"_s,
            Hawk::staleTimestampChallenge(secret.value_or(QString()).toUtf8(), nowSeconds)));
    }

    if (key->key.status != EntityStatus::Active)
        return AuthResult::failed(hawkError(401, u"This API key is disabled."_s));
    if (key->key.expiresAt.isValid() && key->key.expiresAt <= now)
        return AuthResult::failed(hawkError(401, u"This API key expired."_s));

    const std::optional<GroupSnapshot> &group = entry->group;
    Principal principal;
    principal.kind = Principal::Kind::ApiKey;
    principal.scheme = Principal::Scheme::Hawk;
    principal.tenantId = key->tenantId;
    principal.id = key->key.id;
    principal.name = key->key.name;
    principal.permissionGroupId = key->key.permissionGroupId;
    principal.scopes = group ? group->scopes : QStringList();
    principal.groupName = group ? std::optional<QString>(group->name) : std::nullopt;
    principal.tenantName = entry->tenantName;
    if (stale(key->key.lastUsedAt, now)) {
        m_context.keys.touch(key->key.id, now);
        m_context.credentials.keyUsed(key->key.id, now);
    }
    return {principal, {}};
}

} // namespace Latchkey::Server
