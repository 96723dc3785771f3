#pragma once

#include "http/httpmessage.h"
#include "security/principal.h"
#include "storage/paging.h"

#include <protocol/problem.h>

namespace Latchkey::Server {

class Authenticator;
class Router;
class ServerContext;

// /api/admin/v1: keys, consumers, authorizations, permission groups, users, audit. Every route
// needs a Bearer token with scope `admin` and sees only its own tenant; every change is audited.
class AdminController final
{
public:
    AdminController(ServerContext &context, Authenticator &authenticator);

    void registerRoutes(Router &router);

    static constexpr int maxGraceSeconds = 7 * 24 * 3600;

private:
    using AdminHandler = HttpResponse (AdminController::*)(HttpRequest &, const Principal &);
    void route(Router &router, QByteArrayView method, const QString &path, AdminHandler handler);

    HttpResponse listKeys(HttpRequest &request, const Principal &admin);
    HttpResponse createKey(HttpRequest &request, const Principal &admin);
    HttpResponse getKey(HttpRequest &request, const Principal &admin);
    HttpResponse updateKey(HttpRequest &request, const Principal &admin);
    HttpResponse rotateKey(HttpRequest &request, const Principal &admin);
    HttpResponse deleteKey(HttpRequest &request, const Principal &admin);

    HttpResponse listConsumers(HttpRequest &request, const Principal &admin);
    HttpResponse createConsumer(HttpRequest &request, const Principal &admin);
    HttpResponse getConsumer(HttpRequest &request, const Principal &admin);
    HttpResponse updateConsumer(HttpRequest &request, const Principal &admin);
    HttpResponse rotateConsumerSecret(HttpRequest &request, const Principal &admin);
    HttpResponse deleteConsumer(HttpRequest &request, const Principal &admin);

    HttpResponse listAuthorizations(HttpRequest &request, const Principal &admin);
    HttpResponse getAuthorization(HttpRequest &request, const Principal &admin);
    HttpResponse revokeAuthorization(HttpRequest &request, const Principal &admin);
    HttpResponse revokeAuthorizations(HttpRequest &request, const Principal &admin);

    HttpResponse listPermissionGroups(HttpRequest &request, const Principal &admin);
    HttpResponse listUsers(HttpRequest &request, const Principal &admin);
    HttpResponse listAudit(HttpRequest &request, const Principal &admin);

    // Resolves a permission group given by id or exact name, within the tenant.
    std::optional<QString> resolveGroup(const QString &tenantId, const QString &idOrName);
    // permission_group_id, as a group's id or exact name; required when creating.
    bool readGroup(const QJsonObject &body, const QString &tenantId, bool required,
                   QString &groupId, QList<Problem::FieldError> &errors, QJsonObject &changed);
    void recordAudit(const Principal &admin, const HttpRequest &request, const QString &action,
                     const QString &targetType, const QString &targetId,
                     const QJsonObject &details = {});

    ServerContext &m_context;
    Authenticator &m_authenticator;
};

} // namespace Latchkey::Server
