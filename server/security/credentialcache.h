#pragma once

#include "storage/consumerrepository.h"
#include "storage/keyrepository.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace Latchkey::Server {

// The name and scopes of a permission group, as the credential checks use them.
struct GroupSnapshot
{
    QString name;
    QStringList scopes;
    QString scopesText; // as stored, to tell a change without splitting it again
};

// Consumers and API keys as a credential check last read them, reused while the database says
// they are unchanged. A lookup asks the database, in one small query, for the row's version
// (bumped by every update: rotation, disabling, a new group) and its group's name and scopes
// (which carry no version); only when those differ is the whole row read again. So a change
// made by another server instance on the same database counts from the next request on, as it
// did without the cache: nothing here is trusted for longer than one request. On SQLite even
// that query is skipped while the database's change stamp of the credential tables
// (Database::changeStamp: any other connection's commit, or this one's write to consumers,
// API keys, permission groups or tenants) is the one the entry was checked at. What the cache
// saves is reading and decoding the wide rows (about 20 columns each) on every request.
// Revocation state of tokens, Hawk nonces and failure counters are never kept here.
class CredentialCache final
{
    Q_DISABLE_COPY_MOVE(CredentialCache)

public:
    CredentialCache(Database &database, ConsumerRepository &consumers, KeyRepository &keys);

    struct ConsumerEntry
    {
        ConsumerRecord record;
        std::optional<GroupSnapshot> group;
        Database::ChangeStamp checkedAt;
    };
    struct KeyEntry
    {
        KeyRecord record;
        std::optional<GroupSnapshot> group;
        std::optional<QString> tenantName;
        Database::ChangeStamp checkedAt;
    };

    // The consumer with this client_id as stored now, or nothing when there is none.
    std::optional<ConsumerEntry> consumerByClientId(const QString &clientId);
    // The API key with this id as stored now, or nothing when there is none.
    std::optional<KeyEntry> keyById(const QString &id);

    // last_used_at was written: keeps the cached row in step, so the next request does not write
    // it again (another instance's write is seen at the next full read).
    void consumerUsed(const QString &clientId, const QDateTime &at);
    void keyUsed(const QString &id, const QDateTime &at);

    // Entries kept at most; past it the cache starts again empty.
    static constexpr qsizetype maxEntries = 10000;

private:
    Database::ChangeStamp stamp();

    Database &m_database;
    ConsumerRepository &m_consumers;
    KeyRepository &m_keys;
    QHash<QString, ConsumerEntry> m_consumerEntries;
    QHash<QString, KeyEntry> m_keyEntries;
};

} // namespace Latchkey::Server
