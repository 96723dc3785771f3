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
    QSqlQuery &q = m_db.exec(u"SELECT id, name, created_at FROM tenants WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return Tenant{q.value(0).toString(), q.value(1).toString(), timeFrom(q.value(2))};
}

QList<Tenant> AccountRepository::tenants()
{
    QList<Tenant> list;
    QSqlQuery &q = m_db.exec(u"SELECT id, name, created_at FROM tenants ORDER BY created_at"_s);
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), timeFrom(q.value(2))});
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

PermissionGroup AccountRepository::groupFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString().split(u' ', Qt::SkipEmptyParts)};
}

QList<PermissionGroup> AccountRepository::permissionGroups(const QString &tenantId)
{
    QList<PermissionGroup> list;
    QSqlQuery &q = m_db.exec(u"SELECT "_s + groupColumns +
                                 u" FROM permission_groups WHERE tenant_id = ? ORDER BY name"_s,
                             {tenantId});
    while (q.next())
        list.append(groupFrom(q));
    return list;
}

std::optional<PermissionGroup> AccountRepository::permissionGroup(const QString &tenantId,
                                                                  const QString &id)
{
    QSqlQuery &q = m_db.exec(u"SELECT "_s + groupColumns +
                                 u" FROM permission_groups WHERE tenant_id = ? AND id = ?"_s,
                             {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return groupFrom(q);
}

std::optional<PermissionGroup> AccountRepository::permissionGroupByName(const QString &tenantId,
                                                                        const QString &name)
{
    QSqlQuery &q = m_db.exec(u"SELECT "_s + groupColumns +
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

UserRecord AccountRepository::userFrom(const QSqlQuery &q)
{
    UserRecord r;
    r.user.id = q.value(0).toString();
    r.tenantId = q.value(1).toString();
    r.user.email = q.value(2).toString();
    r.user.displayName = q.value(3).toString();
    r.user.role = q.value(4).toString();
    r.passwordHash = q.value(5).toString();
    r.user.disabled = q.value(6).toInt() != 0;
    r.user.createdAt = timeFrom(q.value(7));
    return r;
}

std::optional<UserRecord> AccountRepository::user(const QString &tenantId, const QString &id)
{
    QSqlQuery &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE tenant_id = ? AND id = ?"_s,
                  {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

std::optional<UserRecord> AccountRepository::userByEmail(const QString &tenantId,
                                                         const QString &email)
{
    QSqlQuery &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE tenant_id = ? AND email = ?"_s,
                  {tenantId, email.toLower()});
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

QList<UserRecord> AccountRepository::usersByEmail(const QString &email)
{
    QList<UserRecord> list;
    QSqlQuery &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE email = ?"_s, {email.toLower()});
    while (q.next())
        list.append(userFrom(q));
    return list;
}

QList<User> AccountRepository::users(const QString &tenantId)
{
    QList<User> list;
    QSqlQuery &q =
        m_db.exec(u"SELECT "_s + userColumns + u" FROM users WHERE tenant_id = ? ORDER BY email"_s,
                  {tenantId});
    while (q.next())
        list.append(userFrom(q).user);
    return list;
}

} // namespace Latchkey::Server
