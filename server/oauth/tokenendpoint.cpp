#include "tokenendpoint.h"

#include "http/requestsupport.h"
#include "http/router.h"
#include "servercontext.h"

#include <protocol/crypto.h>
#include <protocol/random.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

int FailureLimiter::retryAfter(const QString &key, const QDateTime &now) const
{
    const auto it = m_failures.constFind(key);
    if (it == m_failures.constEnd() || it->size() < m_limit)
        return 0;
    const QDateTime oldest = it->at(it->size() - m_limit);
    const qint64 wait = m_window - oldest.secsTo(now);
    return wait > 0 ? int(wait) : 0;
}

void FailureLimiter::recordFailure(const QString &key, const QDateTime &now)
{
    QList<QDateTime> &list = m_failures[key];
    list.append(now);
    while (!list.isEmpty() && list.first().secsTo(now) >= m_window)
        list.removeFirst();
    if (m_failures.size() > 100000)
        m_failures.clear(); // bounded memory under a flood; the window restarts
}

TokenEndpoint::TokenEndpoint(ServerContext &context)
    : m_context(context)
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
    return QUrl::fromPercentEncoding(copy);
}

} // namespace

TokenEndpoint::ClientAuthentication TokenEndpoint::authenticateClient(const HttpRequest &request,
                                                                      const QUrlQuery &form)
{
    ClientAuthentication result;
    QString clientId;
    QString secret;
    bool secretGiven = false;
    const QByteArray authorization = request.header("authorization");
    const bool bodyCredentials = form.hasQueryItem(u"client_secret"_s);
    if (authorization.startsWith("Basic ")) {
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
        clientId = form.queryItemValue(u"client_id"_s, QUrl::FullyDecoded);
        secret = form.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded);
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

    auto consumer = m_context.consumers.findByClientId(clientId);
    if (!consumer)
        return invalid(u"Unknown client or wrong secret."_s);
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
    result.consumer = std::move(consumer);
    return result;
}

HttpResponse TokenEndpoint::token(const HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, u"invalid_request"_s,
                          u"Send the parameters as application/x-www-form-urlencoded."_s);
    QByteArray body = request.body;
    body.replace('+', "%20");
    const QUrlQuery form(QString::fromLatin1(body));
    for (const QString &name : {u"grant_type"_s, u"scope"_s, u"client_id"_s}) {
        if (form.allQueryItemValues(name).size() > 1)
            return oauthError(400, u"invalid_request"_s,
                              u"The parameter %1 appears more than once."_s.arg(name));
    }
    const QString grantType = form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    if (grantType.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"grant_type is missing."_s);

    ClientAuthentication client = authenticateClient(request, form);
    if (!client.consumer)
        return client.error;

    if (grantType == u"client_credentials")
        return clientCredentials(*client.consumer, form);
    return oauthError(400, u"unsupported_grant_type"_s,
                      u"This server does not support the grant type %1."_s.arg(grantType));
}

HttpResponse TokenEndpoint::clientCredentials(const ConsumerRecord &record, const QUrlQuery &form)
{
    const Consumer &consumer = record.consumer;
    if (consumer.grantType != GrantType::ClientCredentials ||
        consumer.clientType != ClientType::Confidential)
        return oauthError(400, u"unauthorized_client"_s,
                          u"%1 is not registered for client credentials."_s.arg(consumer.name));

    const auto group =
        m_context.accounts.permissionGroup(record.tenantId, consumer.permissionGroupId);
    const QStringList allowed = group ? group->scopes : QStringList();
    QStringList scopes = allowed;
    const QString requested = form.queryItemValue(u"scope"_s, QUrl::FullyDecoded);
    if (form.hasQueryItem(u"scope"_s)) {
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

    const QDateTime now = m_context.now();
    const QString token = Random::secret();
    TokenRecord issued;
    issued.digest = m_context.masterKey().digest(token);
    issued.kind = TokenRecord::Kind::Access;
    issued.tenantId = record.tenantId;
    issued.consumerId = consumer.id;
    issued.scopes = scopes;
    issued.issuedAt = now;
    issued.expiresAt = now.addSecs(consumer.accessTokenTtl);
    {
        Database::Transaction transaction(m_context.database());
        m_context.tokens.insert(issued);
        if (!consumer.lastUsedAt.isValid() || consumer.lastUsedAt.secsTo(now) >= 60)
            m_context.consumers.touch(consumer.id, now);
        transaction.commit();
    }

    HttpResponse response = HttpResponse::json(200, {{u"access_token"_s, token},
                                                     {u"token_type"_s, u"Bearer"_s},
                                                     {u"expires_in"_s, consumer.accessTokenTtl},
                                                     {u"scope"_s, scopes.join(u' ')}});
    return noStore(response);
}

} // namespace Latchkey::Server
