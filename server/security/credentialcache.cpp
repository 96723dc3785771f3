#include "credentialcache.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

// The group columns of a check query at `column` (name) and `column + 1` (scopes); NULL when
// the group is gone. Reuses the split scopes when their text did not change.
std::optional<GroupSnapshot> groupAt(const Database::Rows &query, int column,
                                     const std::optional<GroupSnapshot> &cached)
{
    if (query.isNull(column))
        return std::nullopt;
    GroupSnapshot group;
    group.name = query.text(column);
    group.scopesText = query.text(column + 1);
    group.scopes = cached && cached->scopesText == group.scopesText
                       ? cached->scopes
                       : group.scopesText.split(u' ', Qt::SkipEmptyParts);
    return group;
}

template<typename Entries>
void makeRoom(Entries &entries)
{
    if (entries.size() >= CredentialCache::maxEntries)
        entries.clear();
}

} // namespace

CredentialCache::CredentialCache(Database &database, ConsumerRepository &consumers,
                                 KeyRepository &keys)
    : m_database(database)
    , m_consumers(consumers)
    , m_keys(keys)
{
}

Database::ChangeStamp CredentialCache::stamp()
{
    return m_database.changeStamp({u"consumers", u"api_keys", u"permission_groups", u"tenants"});
}

std::optional<CredentialCache::ConsumerEntry>
CredentialCache::consumerByClientId(const QString &clientId)
{
    // Before the check: a change after it makes the entry's stamp an old one.
    const Database::ChangeStamp now = stamp();
    if (now.known()) {
        if (auto it = m_consumerEntries.constFind(clientId);
            it != m_consumerEntries.cend() && it->checkedAt == now) {
            return *it;
        }
    }
    // The one query this cache adds to the repositories': portable SQL like theirs.
    Database::Rows &check =
        m_database.exec(u"SELECT c.id, c.version, g.name, g.scopes FROM consumers c "
                        "LEFT JOIN permission_groups g ON g.tenant_id = c.tenant_id AND "
                        "g.id = c.permission_group_id WHERE c.client_id = ?"_s,
                        {clientId});
    if (!check.next()) {
        m_consumerEntries.remove(clientId);
        return std::nullopt;
    }
    const QString id = check.text(0);
    const int version = int(check.integer(1));
    auto it = m_consumerEntries.find(clientId);
    const bool current = it != m_consumerEntries.end() && it->record.consumer.id == id &&
                         it->record.consumer.version == version;
    std::optional<GroupSnapshot> group =
        groupAt(check, 2, current ? it->group : std::optional<GroupSnapshot>());
    // Done with the row: a statement left open holds a read snapshot, and a write begun on top
    // of one cannot wait for the lock (SQLite answers "database is locked" at once).
    check.finish();
    if (current) {
        it->group = std::move(group);
        it->checkedAt = now;
        return *it;
    }
    auto record = m_consumers.findByClientId(clientId);
    m_database.releaseStatements();
    if (!record) {
        m_consumerEntries.remove(clientId);
        return std::nullopt;
    }
    if (record->consumer.version != version || record->consumer.id != id) {
        // Changed between the two reads: answer with the newer row, keep nothing.
        m_consumerEntries.remove(clientId);
        return ConsumerEntry{std::move(*record), std::move(group), {}};
    }
    makeRoom(m_consumerEntries);
    return *m_consumerEntries.insert(clientId, {std::move(*record), std::move(group), now});
}

std::optional<CredentialCache::KeyEntry> CredentialCache::keyById(const QString &id)
{
    const Database::ChangeStamp now = stamp();
    if (now.known()) {
        if (auto it = m_keyEntries.constFind(id); it != m_keyEntries.cend() && it->checkedAt == now)
            return *it;
    }
    Database::Rows &check =
        m_database.exec(u"SELECT k.version, g.name, g.scopes, t.name FROM api_keys k "
                        "LEFT JOIN permission_groups g ON g.tenant_id = k.tenant_id AND "
                        "g.id = k.permission_group_id LEFT JOIN tenants t ON t.id = k.tenant_id "
                        "WHERE k.id = ?"_s,
                        {id});
    if (!check.next()) {
        m_keyEntries.remove(id);
        return std::nullopt;
    }
    const int version = int(check.integer(0));
    const std::optional<QString> tenantName =
        check.isNull(3) ? std::nullopt : std::optional<QString>(check.text(3));
    auto it = m_keyEntries.find(id);
    const bool current = it != m_keyEntries.end() && it->record.key.version == version;
    std::optional<GroupSnapshot> group =
        groupAt(check, 1, current ? it->group : std::optional<GroupSnapshot>());
    check.finish();
    if (current) {
        it->group = std::move(group);
        it->tenantName = tenantName;
        it->checkedAt = now;
        return *it;
    }
    auto record = m_keys.findById(id);
    m_database.releaseStatements();
    if (!record) {
        m_keyEntries.remove(id);
        return std::nullopt;
    }
    if (record->key.version != version) {
        m_keyEntries.remove(id);
        return KeyEntry{std::move(*record), std::move(group), tenantName, {}};
    }
    makeRoom(m_keyEntries);
    return *m_keyEntries.insert(id, {std::move(*record), std::move(group), tenantName, now});
}

void CredentialCache::consumerUsed(const QString &clientId, const QDateTime &at)
{
    if (auto it = m_consumerEntries.find(clientId); it != m_consumerEntries.end())
        it->record.consumer.lastUsedAt = at;
}

void CredentialCache::keyUsed(const QString &id, const QDateTime &at)
{
    if (auto it = m_keyEntries.find(id); it != m_keyEntries.end())
        it->record.key.lastUsedAt = at;
}

} // namespace Latchkey::Server
