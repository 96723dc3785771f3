#pragma once

#include "database.h"
#include "paging.h"

#include <protocol/entities.h>

namespace Latchkey::Server {

struct AuditFilter
{
    QDateTime since;
    QString action;
    QString actor;
    QString targetId;
    QString query; // q: found in the actor, action, target, remote address or details
};

// Append-only record of every admin action. Paged newest first by id.
class AuditRepository final
{
public:
    explicit AuditRepository(Database &db)
        : m_db(db)
    {
    }

    void append(const QString &tenantId, const AuditEvent &event);
    // `afterId` 0 starts from the newest; nextCursor of the page is the id to continue after.
    Page<AuditEvent> list(const QString &tenantId, const AuditFilter &filter, int limit,
                          qint64 afterId);

private:
    Database &m_db;
};

struct Asset
{
    QString id;
    QString name;
    QDateTime createdAt;
    QString createdBy;
};

// The demo resource of /api/v2/assets.
class AssetRepository final
{
public:
    explicit AssetRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const QString &tenantId, const Asset &asset);
    QList<Asset> list(const QString &tenantId, int limit);

private:
    Database &m_db;
};

} // namespace Latchkey::Server
