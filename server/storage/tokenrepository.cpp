#include "tokenrepository.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

void TokenRepository::insert(const TokenRecord &t)
{
    m_db.exec(u"INSERT INTO tokens (digest, kind, tenant_id, consumer_id, authorization_id, "
              "scopes, issued_at, expires_at, revoked_at, family_id, code_digest) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {t.digest, t.kind == TokenRecord::Kind::Access ? u"access"_s : u"refresh"_s,
               t.tenantId, t.consumerId, textValue(t.authorizationId), t.scopes.join(u' '),
               timeValue(t.issuedAt), timeValue(t.expiresAt), timeValue(t.revokedAt),
               textValue(t.familyId), textValue(t.codeDigest)});
}

std::optional<TokenRecord> TokenRepository::find(const QString &digest)
{
    Database::Rows &q =
        m_db.exec(u"SELECT digest, kind, tenant_id, consumer_id, authorization_id, "
                  "scopes, issued_at, expires_at, revoked_at, family_id, code_digest "
                  "FROM tokens WHERE digest = ?"_s,
                  {digest});
    if (!q.next())
        return std::nullopt;
    TokenRecord t;
    t.digest = q.text(0);
    t.kind = q.text(1) == u"refresh" ? TokenRecord::Kind::Refresh : TokenRecord::Kind::Access;
    t.tenantId = q.text(2);
    t.consumerId = q.text(3);
    t.authorizationId = q.text(4);
    t.scopes = q.text(5).split(u' ', Qt::SkipEmptyParts);
    t.issuedAt = q.time(6);
    t.expiresAt = q.time(7);
    t.revokedAt = q.time(8);
    t.familyId = q.text(9);
    t.codeDigest = q.text(10);
    return t;
}

bool TokenRepository::revoke(const QString &digest, const QDateTime &now)
{
    return m_db.exec(u"UPDATE tokens SET revoked_at = ? WHERE digest = ? AND revoked_at IS NULL"_s,
                     {timeValue(now), digest})
               .numRowsAffected() == 1;
}

int TokenRepository::revokeFamily(const QString &familyId, const QDateTime &now)
{
    return m_db
        .exec(u"UPDATE tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL"_s,
              {timeValue(now), familyId})
        .numRowsAffected();
}

int TokenRepository::revokeIssuedFromCode(const QString &codeDigest, const QDateTime &now)
{
    return m_db
        .exec(u"UPDATE tokens SET revoked_at = ? WHERE code_digest = ? AND revoked_at IS NULL"_s,
              {timeValue(now), codeDigest})
        .numRowsAffected();
}

int TokenRepository::purgeExpired(const QDateTime &before, int window)
{
    // The primary key's order, which is also the order of issue for tokens with a selector.
    Database::Rows &rows =
        m_db.exec(u"SELECT digest, expires_at FROM tokens WHERE digest > ? ORDER BY digest "
                  "LIMIT ?"_s,
                  {m_purgeAfter, window});
    const qint64 cutoff = timeValue(before).toLongLong();
    QStringList expired;
    int seen = 0;
    QString last;
    while (rows.next()) {
        ++seen;
        last = rows.text(0);
        if (rows.integer(1) < cutoff)
            expired.append(last);
    }
    m_purgeAfter = seen < window ? QString() : last;
    int deleted = 0;
    for (const QString &digest : std::as_const(expired)) {
        deleted +=
            int(m_db.exec(u"DELETE FROM tokens WHERE digest = ?"_s, {digest}).numRowsAffected());
    }
    return deleted;
}

bool NonceRepository::remember(const QString &keyId, const QString &nonce, qint64 ts,
                               const QDateTime &now)
{
    return m_db.exec(u"INSERT INTO hawk_nonces (key_id, nonce, ts, seen_at) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT DO NOTHING"_s,
                     {keyId, nonce, ts, timeValue(now)})
               .numRowsAffected() == 1;
}

void NonceRepository::forgetOlderThan(const QDateTime &before)
{
    m_db.exec(u"DELETE FROM hawk_nonces WHERE seen_at < ?"_s, {timeValue(before)});
}

} // namespace Latchkey::Server
