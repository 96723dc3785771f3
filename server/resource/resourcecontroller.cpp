#include "resourcecontroller.h"

#include "http/requestsupport.h"
#include "http/router.h"
#include "security/authenticator.h"
#include "servercontext.h"

#include <protocol/jsonwriter.h>
#include <protocol/random.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

HttpResponse insufficientScope(const Principal &principal, const QString &scope)
{
    HttpResponse response = HttpResponse::problem(
        403, u"Forbidden"_s,
        u"This credential lacks the scope %1 (it has: %2). Move it to a permission group that "
        "carries %1."_s.arg(scope, principal.scopes.join(u' ')));
    if (principal.scheme == Principal::Scheme::Bearer)
        response.setHeader("WWW-Authenticate",
                           "Bearer error=\"insufficient_scope\", scope=\"" + scope.toUtf8() + '"');
    return response;
}

QString kindName(Principal::Kind kind)
{
    switch (kind) {
    case Principal::Kind::ApiKey:
        return u"api_key"_s;
    case Principal::Kind::Consumer:
        return u"consumer"_s;
    case Principal::Kind::User:
        return u"user"_s;
    }
    return {};
}

} // namespace

void ResourceController::registerRoutes(Router &router)
{
    router.add("GET", u"/api/v2/whoami"_s, [this](HttpRequest &r) { return whoami(r); });
    router.add("GET", u"/api/v2/assets"_s, [this](HttpRequest &r) { return listAssets(r); });
    router.add("POST", u"/api/v2/assets"_s, [this](HttpRequest &r) { return createAsset(r); });
    router.add("GET", u"/healthz"_s, [this](HttpRequest &) { return health(); });
}

HttpResponse ResourceController::whoami(const HttpRequest &request)
{
    const AuthResult auth = m_authenticator.authenticate(request);
    if (!auth.principal)
        return auth.error;
    const Principal &p = *auth.principal;
    QString tenantName;
    if (p.tenantName) {
        tenantName = *p.tenantName;
    } else if (const auto tenant = m_context.accounts.tenant(p.tenantId)) {
        tenantName = tenant->name;
    }
    QString groupName;
    if (p.groupName) {
        groupName = *p.groupName;
    } else if (const auto group =
                   m_context.accounts.permissionGroup(p.tenantId, p.permissionGroupId)) {
        groupName = group->name;
    }
    // Members in key order at every level, as QJsonObjects would write them.
    JsonWriter body;
    body.beginObject()
        .key("auth")
        .value(p.scheme == Principal::Scheme::Hawk ? "hawk"_L1 : "bearer"_L1)
        .key("permission_group")
        .beginObject()
        .key("id")
        .value(p.permissionGroupId)
        .key("name")
        .value(groupName)
        .endObject()
        .key("principal")
        .beginObject();
    if (!p.authorizationId.isEmpty())
        body.key("authorization_id").value(p.authorizationId);
    if (!p.consumerId.isEmpty())
        body.key("consumer_id").value(p.consumerId);
    body.key("id")
        .value(p.id)
        .key("name")
        .value(p.name)
        .key("type")
        .value(kindName(p.kind))
        .endObject()
        .key("scopes")
        .value(p.scopes)
        .key("tenant")
        .beginObject()
        .key("id")
        .value(p.tenantId)
        .key("name")
        .value(tenantName)
        .endObject()
        .endObject();
    return HttpResponse::jsonBody(200, body.take());
}

HttpResponse ResourceController::listAssets(const HttpRequest &request)
{
    const AuthResult auth = m_authenticator.authenticate(request);
    if (!auth.principal)
        return auth.error;
    if (!auth.principal->hasScope(u"assets:read"_s))
        return insufficientScope(*auth.principal, u"assets:read"_s);
    QJsonArray items;
    for (const Asset &asset : m_context.assets.list(auth.principal->tenantId, 1000)) {
        items.append(QJsonObject{{u"id"_s, asset.id},
                                 {u"name"_s, asset.name},
                                 {u"created_at"_s, toRfc3339(asset.createdAt)},
                                 {u"created_by"_s, asset.createdBy}});
    }
    return HttpResponse::json(200, {{u"items"_s, items}, {u"next_cursor"_s, QJsonValue()}});
}

HttpResponse ResourceController::createAsset(const HttpRequest &request)
{
    const AuthResult auth = m_authenticator.authenticate(request);
    if (!auth.principal)
        return auth.error;
    if (!auth.principal->hasScope(u"assets:write"_s))
        return insufficientScope(*auth.principal, u"assets:write"_s);
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QString name = std::get<QJsonObject>(parsed).value(u"name"_s).toString().trimmed();
    if (name.isEmpty() || name.size() > 200)
        return validationProblem({{u"name"_s, u"A name of 1 to 200 characters is required."_s}});
    const Asset asset{Random::id(u"ast_"), name, m_context.now(), auth.principal->actor()};
    m_context.assets.insert(auth.principal->tenantId, asset);
    return HttpResponse::json(201, {{u"id"_s, asset.id},
                                    {u"name"_s, asset.name},
                                    {u"created_at"_s, toRfc3339(asset.createdAt)},
                                    {u"created_by"_s, asset.createdBy}});
}

HttpResponse ResourceController::health()
{
    const bool healthy = m_context.database().isHealthy();
    return HttpResponse::json(healthy ? 200 : 503,
                              {{u"status"_s, healthy ? u"ok"_s : u"unavailable"_s},
                               {u"database"_s, healthy ? u"ok"_s : u"unreachable"_s},
                               {u"version"_s, QStringLiteral(LATCHKEY_VERSION)}});
}

} // namespace Latchkey::Server
