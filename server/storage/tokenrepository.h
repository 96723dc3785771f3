#pragma once

#include "database.h"

#include <QStringList>

#include <optional>

namespace Latchkey::Server {

struct TokenRecord
{
    enum class Kind { Access, Refresh };

    QString digest;
    Kind kind = Kind::Access;
    QString tenantId;
    QString consumerId;
    QString authorizationId; // empty for client credentials
    QStringList scopes;
    QDateTime issuedAt;
    QDateTime expiresAt;
    QDateTime revokedAt;
    QString familyId;   // refresh-token rotation family
    QString codeDigest; // the authorization code it was issued from
};

// Access and refresh tokens, stored only as digests.
class TokenRepository final
{
public:
    explicit TokenRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const TokenRecord &token);
    std::optional<TokenRecord> find(const QString &digest);
    bool revoke(const QString &digest, const QDateTime &now);
    int revokeFamily(const QString &familyId, const QDateTime &now);
    int revokeIssuedFromCode(const QString &codeDigest, const QDateTime &now);

    // Deletes the tokens that expired before `before` among the next `window` in key order,
    // carrying on from where the last call stopped and starting over after the last key. Its
    // cost is bounded whatever the table holds. Called once per `window` / 2 tokens issued, it
    // gains on the end of the table (where new tokens go) by that many keys a call, so it
    // passes over a table of N tokens about once per N tokens issued. Returns how many it
    // deleted.
    int purgeExpired(const QDateTime &before, int window);

private:
    Database &m_db;
    QString m_purgeAfter; // the last key the previous purge looked at
};

// Hawk nonces seen within the timestamp window, shared by every instance on the database.
class NonceRepository final
{
public:
    explicit NonceRepository(Database &db)
        : m_db(db)
    {
    }

    // False when (key, nonce, ts) was seen before: a replay.
    bool remember(const QString &keyId, const QString &nonce, qint64 ts, const QDateTime &now);
    void forgetOlderThan(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace Latchkey::Server
