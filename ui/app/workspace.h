#pragma once

#include <account/accountclient.h>
#include <account/browsersignin.h>
#include <cache/cachedatabase.h>
#include <net/httpclient.h>
#include <profiles/profilestore.h>
#include <sandbox/sandboxserver.h>
#include <secrets/secretstore.h>

#include <QObject>

#include <memory>
#include <optional>

namespace Latchkey::Ui {

// Everything the window works on that outlives a page: the cache, the profiles, the keychain,
// the local sandbox, and the connection to the current profile's account. Pages ask it for the
// account client and tell it how their requests went; it decides online or offline.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    enum class Connection {
        NoProfile,  // nothing to connect to yet
        Connecting, // starting the sandbox, getting a token
        Online,     // the account answers
        Offline,    // unreachable: cached lists, read-only
        SignedOut,  // reachable, but the profile needs to sign in (again)
    };
    Q_ENUM(Connection)

    struct Paths
    {
        QString cacheFile;  // the SQLite cache shared with latchkeyctl
        QString sandboxDir; // the local sandbox server's data
    };
    // The standard locations: GenericDataLocation/Latchkey/{cache.sqlite,sandbox}.
    static Paths defaultPaths();

    static Core::Result<std::unique_ptr<Workspace>> open(const Paths &paths,
                                                         QObject *parent = nullptr);
    ~Workspace() override;

    Core::CacheDatabase &cache() { return *m_cache; }
    Core::ProfileStore &profiles() { return *m_profiles; }
    Core::SecretStore &secrets() { return m_secrets; }
    Core::HttpClient &http() { return m_http; }
    Core::SandboxServer &sandbox() { return m_sandbox; }

    // Opens the current profile; on the very first run creates the local sandbox's profile.
    void start();
    // Makes the profile current and connects to it.
    void activate(const QString &profileId);
    // Connects to the current profile again (the offline banner's Retry).
    void reconnect();
    // Stops the local sandbox, deletes its data and starts a new one (new demo data, new
    // automation secret): the way out when the keychain lost the sandbox's secret.
    void resetSandbox();
    // Removes a profile: its secrets from the keychain (sign-in, and those of the keys and
    // consumers it cached), its cached lists, and for the sandbox its server and data. Then
    // opens another profile (a new sandbox when none is left). A keychain failure stops it
    // before anything is removed: removalFailed says why.
    void removeProfile(const QString &profileId);
    // Forgets the current profile's tokens (keychain) and disconnects.
    void signOut();
    // Signs a super admin in with the authorization code flow: emits browserNeeded with the
    // URL to open (system browser, or the built-in one), then connects.
    void signIn();
    // Keeps an automation consumer's secret in the keychain and connects with it.
    void signInWithClientCredentials(const QString &clientId, const QString &clientSecret);

    std::optional<Core::Profile> currentProfile() const { return m_profile; }
    bool isSandbox(const QString &profileId) const;
    QString sandboxProfileId() const;

    Connection connection() const { return m_connection; }
    QString connectionMessage() const { return m_connectionMessage; }
    bool isOnline() const { return m_connection == Connection::Online; }
    // The account client of the current profile while connecting or online; null otherwise.
    Core::AccountClient *account() const { return m_account.get(); }
    Core::SyncState syncState() const;

    // Pages report each request's outcome: a network failure turns the window offline, an
    // authentication failure signed out; a success records the sync time.
    void reportFailure(const Core::Error &error);
    void reportSynced();

    // The account's permission groups: fetched once per connection, from the cache offline.
    Core::Task<QList<PermissionGroup>> permissionGroups();

    // The keychain key of an item's secret in the current profile (kind: SecretKind::...).
    QString secretKey(QStringView kind, const QString &itemId) const;

Q_SIGNALS:
    void connectionChanged(Latchkey::Ui::Workspace::Connection connection, const QString &message);
    // The current profile changed or reconnected: pages reload.
    void profileActivated(const Latchkey::Core::Profile &profile);
    void syncStateChanged();
    void browserNeeded(const QUrl &url);
    // A sign-in could not finish; the message says why and what to do.
    void signInFailed(const QString &message);
    void removalFailed(const QString &message);

private:
    Workspace(std::unique_ptr<Core::CacheDatabase> cache, Paths paths, QObject *parent);
    void setConnection(Connection connection, const QString &message = {});
    void connectProfile();
    void connectSandbox();
    void connectAccount();
    Core::Result<Core::Profile> createSandboxProfile();
    Core::Result<Core::Profile> updateCurrent(const QUrl &url, const QString &clientId);

    Paths m_paths;
    std::unique_ptr<Core::CacheDatabase> m_cache;
    std::unique_ptr<Core::ProfileStore> m_profiles;
    Core::SecretStore m_secrets;
    Core::HttpClient m_http;
    Core::SandboxServer m_sandbox;
    std::optional<Core::Profile> m_profile;
    std::unique_ptr<Core::TokenSource> m_tokens;
    std::unique_ptr<Core::AccountClient> m_account;
    std::unique_ptr<Core::BrowserSignIn> m_signIn;
    std::optional<QList<PermissionGroup>> m_groups;
    Connection m_connection = Connection::NoProfile;
    QString m_connectionMessage;
    quint64 m_generation = 0; // drops answers that belong to an earlier connection attempt
};

} // namespace Latchkey::Ui
