#include "discovery.h"

#include "http/router.h"
#include "servercontext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

void Discovery::registerRoutes(Router &router)
{
    router.add("GET", u"/.well-known/oauth-authorization-server"_s, [this](HttpRequest &) {
        HttpResponse response = HttpResponse::json(200, metadata());
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        return response;
    });
}

QJsonObject Discovery::metadata() const
{
    const QString issuer = m_context.issuer();
    const QJsonArray authMethods{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s};
    return {
        {u"issuer"_s, issuer},
        {u"authorization_endpoint"_s, QString(issuer + u"/oauth/authorize"_s)},
        {u"token_endpoint"_s, QString(issuer + u"/oauth/token"_s)},
        {u"revocation_endpoint"_s, QString(issuer + u"/oauth/revoke"_s)},
        {u"introspection_endpoint"_s, QString(issuer + u"/oauth/introspect"_s)},
        {u"response_types_supported"_s, QJsonArray{u"code"_s}},
        {u"response_modes_supported"_s, QJsonArray{u"query"_s}},
        {u"grant_types_supported"_s,
         QJsonArray{u"authorization_code"_s, u"client_credentials"_s, u"refresh_token"_s}},
        {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
        {u"token_endpoint_auth_methods_supported"_s, authMethods},
        {u"revocation_endpoint_auth_methods_supported"_s, authMethods},
        {u"introspection_endpoint_auth_methods_supported"_s,
         QJsonArray{u"client_secret_basic"_s, u"client_secret_post"_s}},
        {u"scopes_supported"_s,
         QJsonArray{u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s,
                    u"work_orders:write"_s, u"admin"_s}},
        {u"authorization_response_iss_parameter_supported"_s, true},
        {u"ui_locales_supported"_s, QJsonArray{u"en"_s, u"pt-BR"_s, u"es"_s}},
    };
}

} // namespace Latchkey::Server
