#pragma once

#include "database.h"
#include "paging.h"

#include <protocol/entities.h>

#include <optional>

namespace Latchkey::Server {

struct ConsumerRecord
{
    Consumer consumer;
    QString tenantId;
    QString secretDigest;   // empty for public clients
    QString previousDigest; // valid until consumer.previousSecretValidUntil
};

struct ConsumerFilter
{
    QString query;
    std::optional<EntityStatus> status;
    std::optional<GrantType> grantType;
};

class ConsumerRepository final
{
public:
    explicit ConsumerRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const ConsumerRecord &record);
    std::optional<ConsumerRecord> find(const QString &tenantId, const QString &id);
    std::optional<ConsumerRecord> findByClientId(const QString &clientId);
    Page<Consumer> list(const QString &tenantId, const ConsumerFilter &filter,
                        const PageRequest &page);
    bool update(ConsumerRecord &record);
    bool remove(const QString &tenantId, const QString &id);
    void touch(const QString &id, const QDateTime &now);

private:
    Database &m_db;
};

} // namespace Latchkey::Server
