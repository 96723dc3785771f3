#pragma once

#include <QString>
#include <QStringList>

namespace Latchkey::Server {

// Who a request acts as, once authenticated.
struct Principal
{
    enum class Kind { ApiKey, Consumer, User };
    enum class Scheme { Hawk, Bearer };

    Kind kind = Kind::Consumer;
    Scheme scheme = Scheme::Bearer;
    QString tenantId;
    QString id;   // key id, consumer client_id, or user id
    QString name; // key or consumer name, or user email
    QString permissionGroupId;
    QString consumerId;
    QString authorizationId;
    QStringList scopes;

    bool hasScope(const QString &scope) const { return scopes.contains(scope); }
    // How the audit log names it: "key:<id>", "consumer:<client_id>", "user:<email>".
    QString actor() const;
};

} // namespace Latchkey::Server
