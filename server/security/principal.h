#pragma once

#include <QString>
#include <QStringList>

#include <optional>

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
    // Read with the credential when it was at hand (Hawk), so whoami need not read them again;
    // empty optional: not read.
    std::optional<QString> tenantName;
    std::optional<QString> groupName;

    bool hasScope(const QString &scope) const { return scopes.contains(scope); }
    // How the audit log names it: "key:<id>", "consumer:<client_id>", "user:<email>".
    QString actor() const;
};

} // namespace Latchkey::Server
