#include "auditrepository.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

void AuditRepository::append(const QString &tenantId, const AuditEvent &e)
{
    m_db.exec(u"INSERT INTO audit_events (tenant_id, at, actor, action, target_type, target_id, "
              "details, remote_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {tenantId, timeValue(e.at), e.actor, e.action, e.targetType, e.targetId,
               QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)),
               e.remoteAddress});
}

Page<AuditEvent> AuditRepository::list(const QString &tenantId, const AuditFilter &filter,
                                       int limit, qint64 afterId)
{
    QString sql = u"SELECT id, at, actor, action, target_type, target_id, details, remote_address "
                  "FROM audit_events WHERE tenant_id = ?"_s;
    QVariantList values{tenantId};
    if (filter.since.isValid()) {
        sql += u" AND at >= ?"_s;
        values << timeValue(filter.since);
    }
    if (!filter.action.isEmpty()) {
        sql += u" AND action = ?"_s;
        values << filter.action;
    }
    if (!filter.actor.isEmpty()) {
        sql += u" AND actor = ?"_s;
        values << filter.actor;
    }
    if (!filter.targetId.isEmpty()) {
        sql += u" AND target_id = ?"_s;
        values << filter.targetId;
    }
    if (!filter.query.isEmpty()) {
        // The columns are ids, emails, action names and JSON: lower case is all the folding
        // they need.
        sql += u" AND (LOWER(actor) LIKE ? ESCAPE '\\' OR LOWER(action) LIKE ? ESCAPE '\\' "
               "OR LOWER(target_type) LIKE ? ESCAPE '\\' OR LOWER(target_id) LIKE ? ESCAPE "
               "'\\' OR LOWER(remote_address) LIKE ? ESCAPE '\\' OR LOWER(details) LIKE ? "
               "ESCAPE '\\')"_s;
        const QString pattern = containsPattern(filter.query);
        for (int i = 0; i < 6; ++i)
            values << pattern;
    }
    if (afterId > 0) {
        sql += u" AND id < ?"_s;
        values << afterId;
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values << limit + 1;

    Page<AuditEvent> page;
    Database::Rows &q = m_db.exec(sql, values);
    while (q.next()) {
        AuditEvent e;
        e.id = q.integer(0);
        e.at = q.time(1);
        e.actor = q.text(2);
        e.action = q.text(3);
        e.targetType = q.text(4);
        e.targetId = q.text(5);
        e.details = QJsonDocument::fromJson(q.text(6).toUtf8()).object();
        e.remoteAddress = q.text(7);
        page.items.append(e);
    }
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextCursor = QString::number(page.items.constLast().id);
    }
    return page;
}

void AssetRepository::insert(const QString &tenantId, const Asset &asset)
{
    m_db.exec(u"INSERT INTO assets (id, tenant_id, name, created_at, created_by) "
              "VALUES (?, ?, ?, ?, ?)"_s,
              {asset.id, tenantId, asset.name, timeValue(asset.createdAt), asset.createdBy});
}

QList<Asset> AssetRepository::list(const QString &tenantId, int limit)
{
    QList<Asset> list;
    Database::Rows &q = m_db.exec(u"SELECT id, name, created_at, created_by FROM assets "
                                  "WHERE tenant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?"_s,
                                  {tenantId, limit});
    while (q.next())
        list.append({q.text(0), q.text(1), q.time(2), q.text(3)});
    return list;
}

} // namespace Latchkey::Server
