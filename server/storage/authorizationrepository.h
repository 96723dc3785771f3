#pragma once

#include "database.h"
#include "paging.h"

#include <protocol/entities.h>

#include <optional>

namespace Latchkey::Server {

struct AuthorizationFilter
{
    QString userId;
    QString consumerId;
    std::optional<bool> active; // status=active / status=revoked
    QString query;              // matches the user's email or the consumer's name
};

// The consents users granted to consumers. Revoking one also revokes every token issued under it.
class AuthorizationRepository final
{
public:
    explicit AuthorizationRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const QString &tenantId, const Authorization &authorization);
    std::optional<Authorization> find(const QString &tenantId, const QString &id);
    std::optional<Authorization> findActive(const QString &tenantId, const QString &userId,
                                            const QString &consumerId);
    Page<Authorization> list(const QString &tenantId, const AuthorizationFilter &filter,
                             const PageRequest &page);
    qint64 count(const QString &tenantId, const AuthorizationFilter &filter);
    void updateScopes(const QString &tenantId, const QString &id, const QStringList &scopes);

    // Each returns the ids it revoked (active ones only); their tokens are revoked with them.
    QStringList revoke(const QString &tenantId, const QStringList &ids, const QString &by,
                       const QDateTime &now);
    QStringList revokeAllOfConsumer(const QString &tenantId, const QString &consumerId,
                                    const QString &by, const QDateTime &now);
    QStringList revokeAllOfUser(const QString &tenantId, const QString &userId, const QString &by,
                                const QDateTime &now);

private:
    QStringList revokeWhere(const QString &tenantId, const QString &column, const QString &value,
                            const QString &by, const QDateTime &now);
    static void appendFilter(QString &sql, QVariantList &values, const AuthorizationFilter &filter);

    Database &m_db;
};

} // namespace Latchkey::Server
