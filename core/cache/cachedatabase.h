#pragma once

#include <net/result.h>
#include <profiles/profile.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <unordered_map>

namespace Latchkey::Core {

// The lists the desktop keeps per profile to show offline.
enum class ListKind { Keys, Consumers, Authorizations, Audit, Groups, Users };
QString listKindName(ListKind kind);
std::optional<ListKind> listKindFromName(QStringView name);

struct CachedList
{
    QList<QJsonObject> rows;
    QDateTime syncedAt; // invalid when the list was never synced
};

// How the last sync of a profile went: the "offline — last synced …" banner.
struct SyncState
{
    QDateTime lastAttemptAt;
    QDateTime lastSuccessAt;
    QString lastError; // the user-facing message of the last failure, empty after a success

    bool operator==(const SyncState &) const = default;
};

// One run of the flow tester. No secret, no token: what was tried and how it went.
struct FlowHistoryEntry
{
    qint64 id = 0; // assigned by addHistory
    QString profileId;
    QDateTime startedAt;
    QString provider; // the account, or the provider's issuer URL
    QString clientId;
    QString grant; // authorization_code, client_credentials, refresh_token, ...
    QStringList scopes;
    QString outcome; // e.g. "success", "invalid_grant: code expired"
    // The rest of the set-up, to run it again (redirect URI, PKCE, client authentication...).
    // Secret fields (isSecretField) are dropped before it is stored.
    QJsonObject settings;

    bool operator==(const FlowHistoryEntry &) const = default;
};

// The desktop cache: a SQLite file (the app's data location) holding profiles, the last lists of
// each profile with their sync time, sync state, the current profile and the flow tester's
// history. Never a secret: rows are stripped of secret fields before they are written.
// Synchronous (a local file), WAL, numbered migrations, every write in one transaction. Shared
// by the desktop app and latchkeyctl, so writes wait for each other (busy timeout). Used from
// the thread that opened it, as its Qt Sql connection must be.
class CacheDatabase final
{
    Q_DISABLE_COPY_MOVE(CacheDatabase)

public:
    // Creates the file and its directory when missing, and migrates it.
    static Result<std::unique_ptr<CacheDatabase>> open(const QString &path);
    ~CacheDatabase();

    QString path() const { return m_path; }
    Result<int> schemaVersion();
    static int latestSchemaVersion();

    // Profiles, stored as given: ProfileStore validates them.
    Result<QList<Profile>> profiles();
    Result<std::optional<Profile>> profile(const QString &id);
    Result<Nothing> insertProfile(const Profile &profile);
    Result<Nothing> updateProfile(const Profile &profile);
    // With its lists, sync state and history; clears it as the current profile.
    Result<Nothing> removeProfile(const QString &id);

    // Small named values, such as the current profile's id.
    static constexpr QStringView currentProfileSetting = u"current_profile";
    Result<std::optional<QString>> setting(const QString &key);
    Result<Nothing> setSetting(const QString &key, const QString &value);
    Result<Nothing> removeSetting(const QString &key);

    // Replaces the cached list of a profile in one transaction. Any field that names a secret
    // (see isSecretField), at any depth, is dropped before writing.
    Result<Nothing> replaceList(const QString &profileId, ListKind kind,
                                const QList<QJsonObject> &rows, const QDateTime &syncedAt);
    Result<CachedList> list(const QString &profileId, ListKind kind);

    Result<Nothing> setSyncState(const QString &profileId, const SyncState &state);
    // A default SyncState when the profile never synced.
    Result<SyncState> syncState(const QString &profileId);

    // Keeps the newest maxHistoryPerProfile entries of the profile. Returns the new entry's id.
    Result<qint64> addHistory(const FlowHistoryEntry &entry);
    // Newest first.
    Result<QList<FlowHistoryEntry>> history(const QString &profileId);
    static constexpr int maxHistoryPerProfile = 1000;

    // secret, client_secret, api_secret, previous_secret, access_token, refresh_token, id_token,
    // token, password, passphrase, code_verifier; without regard to ASCII case.
    static bool isSecretField(QStringView name);
    // The row without its secret fields, at any depth; names what it dropped.
    static QJsonObject withoutSecrets(const QJsonObject &row, QStringList *dropped = nullptr);

private:
    class Transaction;

    CacheDatabase(QSqlDatabase connection, QString path);
    void migrate();
    QSqlQuery &prepare(const QString &sql);
    QSqlQuery &exec(const QString &sql, const QVariantList &values = {});
    void run(QSqlQuery &query);
    void execText(const QString &sql);
    void requireProfile(const QString &id);
    void finishStatements();
    Error storageError(const QString &detail) const;
    template<typename Body>
    auto guarded(Body &&body) -> Result<decltype(body())>;

    QSqlDatabase m_db;
    QString m_path;
    // Node-based: a reference from prepare() stays valid while other statements are added.
    std::unordered_map<QString, QSqlQuery> m_statements;
};

} // namespace Latchkey::Core
