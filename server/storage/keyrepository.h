#pragma once

#include "database.h"
#include "paging.h"

#include <protocol/entities.h>

#include <optional>

namespace Latchkey::Server {

struct KeyRecord
{
    ApiKey key;
    QString tenantId;
    QString sealedSecret;
    QString previousSealedSecret; // valid until key.previousSecretValidUntil
};

struct KeyFilter
{
    QString query; // matches name, description or id
    std::optional<EntityStatus> status;
};

class KeyRepository final
{
public:
    explicit KeyRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const KeyRecord &record);
    std::optional<KeyRecord> find(const QString &tenantId, const QString &id);
    // By the public API Key alone, as Hawk's credentials lookup needs.
    std::optional<KeyRecord> findById(const QString &id);
    Page<ApiKey> list(const QString &tenantId, const KeyFilter &filter, const PageRequest &page);
    // Writes every field and bumps the version, if the stored version is still
    // `record.key.version`.
    bool update(KeyRecord &record);
    bool remove(const QString &tenantId, const QString &id);
    void touch(const QString &id, const QDateTime &now);

private:
    Database &m_db;
};

} // namespace Latchkey::Server
