#include "authorizationrepository.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

const QString selectColumns =
    u"SELECT a.id, a.user_id, u.email, a.consumer_id, c.name, a.scopes, a.created_at, "
    "a.last_used_at, a.revoked_at, a.revoked_by, a.version FROM authorizations a "
    "JOIN users u ON u.id = a.user_id JOIN consumers c ON c.id = a.consumer_id "
    "WHERE a.tenant_id = ?"_s;

Authorization authorizationFrom(const Database::Rows &q)
{
    Authorization a;
    a.id = q.text(0);
    a.userId = q.text(1);
    a.userEmail = q.text(2);
    a.consumerId = q.text(3);
    a.consumerName = q.text(4);
    a.scopes = q.text(5).split(u' ', Qt::SkipEmptyParts);
    a.createdAt = q.time(6);
    a.lastUsedAt = q.time(7);
    a.revokedAt = q.time(8);
    a.revokedBy = q.text(9);
    a.version = int(q.integer(10));
    return a;
}

} // namespace

void AuthorizationRepository::insert(const QString &tenantId, const Authorization &a)
{
    m_db.exec(u"INSERT INTO authorizations (id, tenant_id, user_id, consumer_id, scopes, "
              "created_at, last_used_at, revoked_at, revoked_by, version) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {a.id, tenantId, a.userId, a.consumerId, a.scopes.join(u' '), timeValue(a.createdAt),
               timeValue(a.lastUsedAt), timeValue(a.revokedAt), textValue(a.revokedBy), a.version});
}

std::optional<Authorization> AuthorizationRepository::find(const QString &tenantId,
                                                           const QString &id)
{
    Database::Rows &q = m_db.exec(selectColumns + u" AND a.id = ?"_s, {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return authorizationFrom(q);
}

std::optional<Authorization> AuthorizationRepository::findActive(const QString &tenantId,
                                                                 const QString &userId,
                                                                 const QString &consumerId)
{
    Database::Rows &q =
        m_db.exec(selectColumns + u" AND a.user_id = ? AND a.consumer_id = ? "
                                  "AND a.revoked_at IS NULL ORDER BY a.created_at DESC"_s,
                  {tenantId, userId, consumerId});
    if (!q.next())
        return std::nullopt;
    return authorizationFrom(q);
}

void AuthorizationRepository::appendFilter(QString &sql, QVariantList &values,
                                           const AuthorizationFilter &filter)
{
    if (!filter.userId.isEmpty()) {
        sql += u" AND a.user_id = ?"_s;
        values << filter.userId;
    }
    if (!filter.consumerId.isEmpty()) {
        sql += u" AND a.consumer_id = ?"_s;
        values << filter.consumerId;
    }
    if (filter.active)
        sql += *filter.active ? u" AND a.revoked_at IS NULL"_s : u" AND a.revoked_at IS NOT NULL"_s;
    if (!filter.query.isEmpty()) {
        sql += u" AND (LOWER(u.email) LIKE ? ESCAPE '\\' OR c.search_text LIKE ? ESCAPE '\\')"_s;
        const QString pattern = containsPattern(filter.query);
        values << pattern << pattern;
    }
}

Page<Authorization> AuthorizationRepository::list(const QString &tenantId,
                                                  const AuthorizationFilter &filter,
                                                  const PageRequest &page)
{
    QString sql = selectColumns;
    QVariantList values{tenantId};
    appendFilter(sql, values, filter);
    appendKeyset(sql, values, page, u"a");

    QList<Authorization> items;
    Database::Rows &q = m_db.exec(sql, values);
    while (q.next())
        items.append(authorizationFrom(q));
    return makePage(std::move(items), page.limit);
}

qint64 AuthorizationRepository::count(const QString &tenantId, const AuthorizationFilter &filter)
{
    QString sql = u"SELECT COUNT(*) FROM authorizations a JOIN users u ON u.id = a.user_id "
                  "JOIN consumers c ON c.id = a.consumer_id WHERE a.tenant_id = ?"_s;
    QVariantList values{tenantId};
    appendFilter(sql, values, filter);
    Database::Rows &q = m_db.exec(sql, values);
    return q.next() ? q.integer(0) : 0;
}

void AuthorizationRepository::updateScopes(const QString &tenantId, const QString &id,
                                           const QStringList &scopes)
{
    m_db.exec(u"UPDATE authorizations SET scopes = ?, version = version + 1 "
              "WHERE tenant_id = ? AND id = ?"_s,
              {scopes.join(u' '), tenantId, id});
}

QStringList AuthorizationRepository::revoke(const QString &tenantId, const QStringList &ids,
                                            const QString &by, const QDateTime &now)
{
    QStringList revoked;
    Database::Transaction transaction(m_db);
    for (const QString &id : ids) {
        Database::Rows &q = m_db.exec(u"UPDATE authorizations SET revoked_at = ?, revoked_by = ?, "
                                      "version = version + 1 WHERE tenant_id = ? AND id = ? "
                                      "AND revoked_at IS NULL"_s,
                                      {timeValue(now), by, tenantId, id});
        if (q.numRowsAffected() == 1) {
            revoked.append(id);
            m_db.exec(u"UPDATE tokens SET revoked_at = ? WHERE authorization_id = ? "
                      "AND revoked_at IS NULL"_s,
                      {timeValue(now), id});
        }
    }
    transaction.commit();
    return revoked;
}

QStringList AuthorizationRepository::revokeWhere(const QString &tenantId, const QString &column,
                                                 const QString &value, const QString &by,
                                                 const QDateTime &now)
{
    QStringList ids;
    Database::Transaction transaction(m_db);
    Database::Rows &select = m_db.exec(u"SELECT id FROM authorizations WHERE tenant_id = ? AND "_s +
                                           column + u" = ? AND revoked_at IS NULL"_s,
                                       {tenantId, value});
    while (select.next())
        ids.append(select.text(0));
    m_db.exec(u"UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND authorization_id IN "
              "(SELECT id FROM authorizations WHERE tenant_id = ? AND "_s +
                  column + u" = ? AND revoked_at IS NULL)"_s,
              {timeValue(now), tenantId, value});
    m_db.exec(u"UPDATE authorizations SET revoked_at = ?, revoked_by = ?, version = version + 1 "
              "WHERE tenant_id = ? AND "_s +
                  column + u" = ? AND revoked_at IS NULL"_s,
              {timeValue(now), by, tenantId, value});
    transaction.commit();
    return ids;
}

QStringList AuthorizationRepository::revokeAllOfConsumer(const QString &tenantId,
                                                         const QString &consumerId,
                                                         const QString &by, const QDateTime &now)
{
    return revokeWhere(tenantId, u"consumer_id"_s, consumerId, by, now);
}

QStringList AuthorizationRepository::revokeAllOfUser(const QString &tenantId, const QString &userId,
                                                     const QString &by, const QDateTime &now)
{
    return revokeWhere(tenantId, u"user_id"_s, userId, by, now);
}

} // namespace Latchkey::Server
