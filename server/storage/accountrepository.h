#pragma once

#include "database.h"

#include <protocol/entities.h>

#include <optional>

namespace Latchkey::Server {

struct Tenant
{
    QString id;
    QString name;
    QDateTime createdAt;
};

struct UserRecord
{
    User user;
    QString tenantId;
    QString passwordHash;
};

// Tenants, their users and their permission groups.
class AccountRepository final
{
public:
    explicit AccountRepository(Database &db)
        : m_db(db)
    {
    }

    Tenant createTenant(const QString &name, const QDateTime &now);
    std::optional<Tenant> tenant(const QString &id);
    QList<Tenant> tenants();

    // Seeds Read only, Maintenance and Administration; returns them.
    QList<PermissionGroup> seedPermissionGroups(const QString &tenantId);
    QList<PermissionGroup> permissionGroups(const QString &tenantId);
    std::optional<PermissionGroup> permissionGroup(const QString &tenantId, const QString &id);
    std::optional<PermissionGroup> permissionGroupByName(const QString &tenantId,
                                                         const QString &name);

    void insertUser(const UserRecord &record);
    std::optional<UserRecord> user(const QString &tenantId, const QString &id);
    std::optional<UserRecord> userByEmail(const QString &tenantId, const QString &email);
    // Across tenants, for sign-in pages that do not know the tenant yet.
    QList<UserRecord> usersByEmail(const QString &email);
    QList<User> users(const QString &tenantId);

private:
    static UserRecord userFrom(const Database::Rows &query);
    static PermissionGroup groupFrom(const Database::Rows &query);

    Database &m_db;
};

} // namespace Latchkey::Server
