#include "consumerrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

const QString columns =
    u"id, tenant_id, client_id, name, description, permission_group_id, grant_type, client_type, "
    "redirect_uris, require_pkce, access_token_ttl, refresh_token_ttl, secret_digest, "
    "previous_digest, previous_valid_until, status, created_at, created_by, last_used_at, "
    "rotated_at, version"_s;

QString urisToText(const QStringList &uris)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(uris)).toJson(QJsonDocument::Compact));
}

QStringList urisFromText(const QString &text)
{
    QStringList uris;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        uris.append(value.toString());
    return uris;
}

ConsumerRecord recordFrom(const Database::Rows &q)
{
    ConsumerRecord r;
    Consumer &c = r.consumer;
    c.id = q.text(0);
    r.tenantId = q.text(1);
    c.clientId = q.text(2);
    c.name = q.text(3);
    c.description = q.text(4);
    c.permissionGroupId = q.text(5);
    c.grantType = grantTypeFromString(q.text(6)).value_or(GrantType::ClientCredentials);
    c.clientType = clientTypeFromString(q.text(7)).value_or(ClientType::Confidential);
    c.redirectUris = urisFromText(q.text(8));
    c.requirePkce = q.integer(9) != 0;
    c.accessTokenTtl = int(q.integer(10));
    c.refreshTokenTtl = int(q.integer(11));
    r.secretDigest = q.text(12);
    r.previousDigest = q.text(13);
    c.previousSecretValidUntil = q.time(14);
    c.status = entityStatusFromString(q.text(15)).value_or(EntityStatus::Disabled);
    c.createdAt = q.time(16);
    c.createdBy = q.text(17);
    c.lastUsedAt = q.time(18);
    c.rotatedAt = q.time(19);
    c.version = int(q.integer(20));
    return r;
}

} // namespace

void ConsumerRepository::insert(const ConsumerRecord &r)
{
    const Consumer &c = r.consumer;
    m_db.exec(
        u"INSERT INTO consumers ("_s + columns +
            u", search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)"_s,
        {c.id,
         r.tenantId,
         c.clientId,
         c.name,
         c.description,
         c.permissionGroupId,
         toString(c.grantType),
         toString(c.clientType),
         urisToText(c.redirectUris),
         c.requirePkce ? 1 : 0,
         c.accessTokenTtl,
         c.refreshTokenTtl,
         textValue(r.secretDigest),
         textValue(r.previousDigest),
         timeValue(c.previousSecretValidUntil),
         toString(c.status),
         timeValue(c.createdAt),
         c.createdBy,
         timeValue(c.lastUsedAt),
         timeValue(c.rotatedAt),
         c.version,
         foldForSearch(c.name + u'\n' + c.description)});
}

std::optional<ConsumerRecord> ConsumerRepository::find(const QString &tenantId, const QString &id)
{
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + columns + u" FROM consumers WHERE tenant_id = ? AND id = ?"_s,
                  {tenantId, id});
    if (!q.next())
        return std::nullopt;
    return recordFrom(q);
}

std::optional<ConsumerRecord> ConsumerRepository::findByClientId(const QString &clientId)
{
    Database::Rows &q =
        m_db.exec(u"SELECT "_s + columns + u" FROM consumers WHERE client_id = ?"_s, {clientId});
    if (!q.next())
        return std::nullopt;
    return recordFrom(q);
}

Page<Consumer> ConsumerRepository::list(const QString &tenantId, const ConsumerFilter &filter,
                                        const PageRequest &page)
{
    QString sql = u"SELECT "_s + columns + u" FROM consumers WHERE tenant_id = ?"_s;
    QVariantList values{tenantId};
    if (!filter.query.isEmpty()) {
        sql += u" AND (search_text LIKE ? ESCAPE '\\' "
               "OR id = ? OR client_id = ?)"_s;
        const QString pattern = containsPattern(filter.query);
        values << pattern << filter.query << filter.query;
    }
    if (filter.status) {
        sql += u" AND status = ?"_s;
        values << toString(*filter.status);
    }
    if (filter.grantType) {
        sql += u" AND grant_type = ?"_s;
        values << toString(*filter.grantType);
    }
    appendKeyset(sql, values, page);

    QList<Consumer> items;
    Database::Rows &q = m_db.exec(sql, values);
    while (q.next())
        items.append(recordFrom(q).consumer);
    return makePage(std::move(items), page.limit);
}

bool ConsumerRepository::update(ConsumerRecord &r)
{
    const Consumer &c = r.consumer;
    Database::Rows &q = m_db.exec(
        u"UPDATE consumers SET name = ?, description = ?, permission_group_id = ?, "
        "redirect_uris = ?, require_pkce = ?, access_token_ttl = ?, refresh_token_ttl = ?, "
        "secret_digest = ?, previous_digest = ?, previous_valid_until = ?, status = ?, "
        "rotated_at = ?, search_text = ?, version = version + 1 "
        "WHERE tenant_id = ? AND id = ? AND version = ?"_s,
        {c.name, c.description, c.permissionGroupId, urisToText(c.redirectUris),
         c.requirePkce ? 1 : 0, c.accessTokenTtl, c.refreshTokenTtl, textValue(r.secretDigest),
         textValue(r.previousDigest), timeValue(c.previousSecretValidUntil), toString(c.status),
         timeValue(c.rotatedAt), foldForSearch(c.name + u'\n' + c.description), r.tenantId, c.id,
         c.version});
    if (q.numRowsAffected() != 1)
        return false;
    ++r.consumer.version;
    return true;
}

bool ConsumerRepository::remove(const QString &tenantId, const QString &id)
{
    return m_db.exec(u"DELETE FROM consumers WHERE tenant_id = ? AND id = ?"_s, {tenantId, id})
               .numRowsAffected() == 1;
}

void ConsumerRepository::touch(const QString &id, const QDateTime &now)
{
    m_db.exec(u"UPDATE consumers SET last_used_at = ? WHERE id = ?"_s, {timeValue(now), id});
}

} // namespace Latchkey::Server
