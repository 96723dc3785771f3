#include "tokeninspection.h"

#include "http/requestsupport.h"
#include "http/router.h"
#include "security/tokenkeys.h"
#include "servercontext.h"
#include "tokenendpoint.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

void TokenInspection::registerRoutes(Router &router)
{
    router.add("POST", u"/oauth/revoke"_s, [this](HttpRequest &r) { return revoke(r); });
    router.add("POST", u"/oauth/introspect"_s, [this](HttpRequest &r) { return introspect(r); });
}

HttpResponse TokenInspection::revoke(const HttpRequest &request)
{
    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return TokenEndpoint::oauthError(400, u"invalid_request"_s,
                                         u"Send the parameters as "
                                         "application/x-www-form-urlencoded."_s);
    const FormData form(request.body);
    auto client = m_tokens.authenticateClient(request, form);
    if (!client.consumer)
        return client.error;
    const QString token = form.value(u"token"_s);
    if (token.isEmpty())
        return TokenEndpoint::oauthError(400, u"invalid_request"_s, u"token is missing."_s);

    // Unknown tokens and other clients' tokens get the same 200: nothing to learn here.
    const auto stored = m_context.tokens.find(TokenKeys::storedKey(m_context.masterKey(), token));
    if (stored && stored->consumerId == client.consumer->consumer.id) {
        const QDateTime now = m_context.now();
        Database::Transaction transaction(m_context.database());
        if (stored->kind == TokenRecord::Kind::Refresh && !stored->familyId.isEmpty())
            m_context.tokens.revokeFamily(stored->familyId, now);
        else
            m_context.tokens.revoke(stored->digest, now);
        transaction.commit();
    }
    HttpResponse response;
    response.status = 200;
    return noStore(response);
}

HttpResponse TokenInspection::introspect(const HttpRequest &request)
{
    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return TokenEndpoint::oauthError(400, u"invalid_request"_s,
                                         u"Send the parameters as "
                                         "application/x-www-form-urlencoded."_s);
    const FormData form(request.body);
    auto client = m_tokens.authenticateClient(request, form);
    if (!client.consumer)
        return client.error;
    if (client.consumer->consumer.clientType == ClientType::Public)
        return TokenEndpoint::oauthError(401, u"invalid_client"_s,
                                         u"Introspection needs a confidential client."_s);
    const QString token = form.value(u"token"_s);
    if (token.isEmpty())
        return TokenEndpoint::oauthError(400, u"invalid_request"_s, u"token is missing."_s);

    HttpResponse inactive = HttpResponse::json(200, {{u"active"_s, false}});
    noStore(inactive);
    const QDateTime now = m_context.now();
    const auto stored = m_context.tokens.find(TokenKeys::storedKey(m_context.masterKey(), token));
    if (!stored || stored->consumerId != client.consumer->consumer.id ||
        stored->revokedAt.isValid() || stored->expiresAt <= now)
        return inactive;
    if (client.consumer->consumer.status != EntityStatus::Active)
        return inactive;
    QString subject = client.consumer->consumer.clientId;
    QString username;
    if (!stored->authorizationId.isEmpty()) {
        const auto authorization =
            m_context.authorizations.find(stored->tenantId, stored->authorizationId);
        if (!authorization || !authorization->isActive())
            return inactive;
        subject = authorization->userId;
        username = authorization->userEmail;
    }
    QJsonObject body{{u"active"_s, true},
                     {u"scope"_s, stored->scopes.join(u' ')},
                     {u"client_id"_s, client.consumer->consumer.clientId},
                     {u"token_type"_s,
                      stored->kind == TokenRecord::Kind::Access ? u"Bearer"_s : u"refresh_token"_s},
                     {u"exp"_s, stored->expiresAt.toSecsSinceEpoch()},
                     {u"iat"_s, stored->issuedAt.toSecsSinceEpoch()},
                     {u"sub"_s, subject},
                     {u"iss"_s, m_context.issuer()}};
    if (!username.isEmpty())
        body.insert(u"username"_s, username);
    HttpResponse response = HttpResponse::json(200, body);
    return noStore(response);
}

} // namespace Latchkey::Server
