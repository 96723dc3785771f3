#include "accountrepository.h"

#include <protocol/random.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {
const QString userColumns =
    u"id, tenant_id, email, display_name, role, password_hash, disabled, created_at"_s;
const QString groupColumns = u"id, name, description, scopes"_s;
} // namespace

Tenant AccountRepository::createTenant(const QString &name, const QDateTime &now)
{
    Tenant tenant{Random::id(u"ten_"), name, now};
    m_db.exec(u"INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)"_s,
              {tenant.id, tenant.name, timeValue(now)});
    return tenant;
}

std::optional<Tenant> AccountRepository::tenant(const QString &id)
{
    Database::Rows &q = m_db.exec(u"SELECT id, name, created_at FROM tenants WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return Tenant{q.text(0), q.text(1), q.time(2)};
}

QList<Tenant> AccountRepository::tenants()
{
    QList<Tenant> list;
    Database::Rows &q =
        m_db.exec(u"SELECT id, name, created_at FROM tenants ORDER BY created_at"_s);
    while (q.next())
        list.append({q.text(0), q.text(1), q.time(2)});
    return list;
}

QList<PermissionGroup> AccountRepository::seedPermissionGroups(const QString &tenantId)
{
    const QList<PermissionGroup> groups = {
        {Random::id(u"grp_"),
         u"Read only"_s,
         u"Reads assets and work orders."_s,
         {u"assets:read"_s, u"work_orders:read"_s}},
        {Random::id(u"grp_"),
         u"Maintenance"_s,
         u"Reads and writes assets and work orders."_s,
         {u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s, u"work_orders:write"_s}},
        {Random::id(u"grp_"),
         u"Administration"_s,
         u"Everything, including the account's API keys, consumers and authorizations."_s,
         {u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s, u"work_orders:write"_s,
          u"admin"_s}},
    };
    for (const PermissionGroup &group : groups) {
        m_db.exec(u"INSERT INTO permission_groups (id, tenant_id, name, description, scopes) "
                  "VALUES (?, ?, ?, ?, ?)"_s,
                  {group.id, tenantId, group.name, group.description, group.scopes.join(u' ')});
    }
    return groups;
}

PermissionGroup AccountRepository::groupFrom(const Database::Rows &q)
{
    return {q.text(0), q.text(1), q.text(2), q.text(3).split(u' ', Qt::SkipEmptyParts)};
}

QList<PermissionGroup> AccountRepository::permissionGroups(const QString &tenantId)
{
    QList<PermissionGroup> list;
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + groupColumns +
                      u" FROM permission_groups WHERE tenant_id = ? ORDER BY name"_s,
                  {tenantId});
    while (q.next())
        list.append(groupFrom(q));
    return list;
}

std::optional<PermissionGroup> AccountRepository::permissionGroup(const QString &tenantId,
                                                                  const QString &id)
{
    Database::Rows &q = m_db.exec(u"SELECT "_s + groupColumns +
                                      u" FROM permission_groups WHERE tenant_id = ? AND id = ?"_s,
                                  {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return groupFrom(q);
}

std::optional<PermissionGroup> AccountRepository::permissionGroupByName(const QString &tenantId,
                                                                        const QString &name)
{
    Database::Rows &q = m_db.exec(u"SELECT "_s + groupColumns +
                                      u" FROM permission_groups WHERE tenant_id = ? AND name = ?"_s,
                                  {tenantId, name});
    if (!q.next())
        return std::nullopt;
    return groupFrom(q);
}

void AccountRepository::insertUser(const UserRecord &r)
{
    m_db.exec(u"INSERT INTO users (id, tenant_id, email, display_name, role, password_hash, "
              "disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {r.user.id, r.tenantId, r.user.email, r.user.displayName, r.user.role, r.passwordHash,
               r.user.disabled ? 1 : 0, timeValue(r.user.createdAt)});
}

UserRecord AccountRepository::userFrom(const Database::Rows &q)
{
    UserRecord r;
    r.user.id = q.text(0);
    r.tenantId = q.text(1);
    r.user.email = q.text(2);
    r.user.displayName = q.text(3);
    r.user.role = q.text(4);
    r.passwordHash = q.text(5);
    r.user.disabled = q.integer(6) != 0;
    r.user.createdAt = q.time(7);
    return r;
}

std::optional<UserRecord> AccountRepository::user(const QString &tenantId, const QString &id)
{
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE tenant_id = ? AND id = ?"_s,
                  {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

std::optional<UserRecord> AccountRepository::userByEmail(const QString &tenantId,
                                                         const QString &email)
{
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE tenant_id = ? AND email = ?"_s,
                  {tenantId, email.toLower()});
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

QList<UserRecord> AccountRepository::usersByEmail(const QString &email)
{
    QList<UserRecord> list;
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE email = ?"_s, {email.toLower()});
    while (q.next())
        list.append(userFrom(q));
    return list;
}

QList<User> AccountRepository::users(const QString &tenantId)
{
    QList<User> list;
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE tenant_id = ? ORDER BY email"_s,
                  {tenantId});
    while (q.next())
        list.append(userFrom(q).user);
    return list;
}

} // namespace Latchkey::Server
