#include "keyrepository.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

const QString columns =
    u"id, tenant_id, name, description, permission_group_id, secret_sealed, status, expires_at, "
    "created_at, created_by, last_used_at, rotated_at, previous_secret_sealed, "
    "previous_valid_until, version"_s;

KeyRecord recordFrom(const Database::Rows &q)
{
    KeyRecord r;
    r.key.id = q.text(0);
    r.tenantId = q.text(1);
    r.key.name = q.text(2);
    r.key.description = q.text(3);
    r.key.permissionGroupId = q.text(4);
    r.sealedSecret = q.text(5);
    r.key.status = entityStatusFromString(q.text(6)).value_or(EntityStatus::Disabled);
    r.key.expiresAt = q.time(7);
    r.key.createdAt = q.time(8);
    r.key.createdBy = q.text(9);
    r.key.lastUsedAt = q.time(10);
    r.key.rotatedAt = q.time(11);
    r.previousSealedSecret = q.text(12);
    r.key.previousSecretValidUntil = q.time(13);
    r.key.version = int(q.integer(14));
    return r;
}

} // namespace

void KeyRepository::insert(const KeyRecord &r)
{
    m_db.exec(u"INSERT INTO api_keys ("_s + columns +
                  u", search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {r.key.id, r.tenantId, r.key.name, r.key.description, r.key.permissionGroupId,
               r.sealedSecret, toString(r.key.status), timeValue(r.key.expiresAt),
               timeValue(r.key.createdAt), r.key.createdBy, timeValue(r.key.lastUsedAt),
               timeValue(r.key.rotatedAt), textValue(r.previousSealedSecret),
               timeValue(r.key.previousSecretValidUntil), r.key.version,
               foldForSearch(r.key.name + u'\n' + r.key.description)});
}

std::optional<KeyRecord> KeyRepository::find(const QString &tenantId, const QString &id)
{
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + columns + u" FROM api_keys WHERE tenant_id = ? AND id = ?"_s,
                  {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return recordFrom(q);
}

std::optional<KeyRecord> KeyRepository::findById(const QString &id)
{
    Database::Rows &q = m_db.exec(u"SELECT "_s + columns + u" FROM api_keys WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return recordFrom(q);
}

Page<ApiKey> KeyRepository::list(const QString &tenantId, const KeyFilter &filter,
                                 const PageRequest &page)
{
    QString sql = u"SELECT "_s + columns + u" FROM api_keys WHERE tenant_id = ?"_s;
    QVariantList values{tenantId};
    if (!filter.query.isEmpty()) {
        sql += u" AND (search_text LIKE ? ESCAPE '\\' "
               "OR id = ?)"_s;
        const QString pattern = containsPattern(filter.query);
        values << pattern << filter.query;
    }
    if (filter.status) {
        sql += u" AND status = ?"_s;
        values << toString(*filter.status);
    }
    appendKeyset(sql, values, page);

    QList<ApiKey> items;
    Database::Rows &q = m_db.exec(sql, values);
    while (q.next())
        items.append(recordFrom(q).key);
    return makePage(std::move(items), page.limit);
}

bool KeyRepository::update(KeyRecord &r)
{
    Database::Rows &q =
        m_db.exec(u"UPDATE api_keys SET name = ?, description = ?, permission_group_id = ?, "
                  "secret_sealed = ?, status = ?, expires_at = ?, rotated_at = ?, "
                  "previous_secret_sealed = ?, previous_valid_until = ?, search_text = ?, "
                  "version = version + 1 "
                  "WHERE tenant_id = ? AND id = ? AND version = ?"_s,
                  {r.key.name, r.key.description, r.key.permissionGroupId, r.sealedSecret,
                   toString(r.key.status), timeValue(r.key.expiresAt), timeValue(r.key.rotatedAt),
                   textValue(r.previousSealedSecret), timeValue(r.key.previousSecretValidUntil),
                   foldForSearch(r.key.name + u'\n' + r.key.description), r.tenantId, r.key.id,
                   r.key.version});
    if (q.numRowsAffected() != 1)
        return false;
    ++r.key.version;
    return true;
}

bool KeyRepository::remove(const QString &tenantId, const QString &id)
{
    return m_db.exec(u"DELETE FROM api_keys WHERE tenant_id = ? AND id = ?"_s, {tenantId, id})
               .numRowsAffected() == 1;
}

void KeyRepository::touch(const QString &id, const QDateTime &now)
{
    m_db.exec(u"UPDATE api_keys SET last_used_at = ? WHERE id = ?"_s, {timeValue(now), id});
}

} // namespace Latchkey::Server
