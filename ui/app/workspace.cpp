#include "workspace.h"

#include <account/keychaintokens.h>
#include <secrets/secret.h>

#include <QDir>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

Q_LOGGING_CATEGORY(lcWorkspace, "latchkey.ui.workspace")

constexpr auto sandboxSetting = "sandbox_profile"_L1;

Core::SignInHints desktopHints()
{
    return {Workspace::tr("Choose Account › Sign In to sign in again."),
            Workspace::tr("Choose Account › Sign In and enter the automation consumer's "
                          "client id and secret.")};
}

Core::ProfileInput inputFrom(const Core::Profile &profile)
{
    Core::ProfileInput input;
    input.name = profile.name;
    input.serverUrl = profile.serverUrl.toString();
    input.environment = Core::environmentName(profile.environment);
    input.signInMethod = Core::signInMethodName(profile.signInMethod);
    input.clientId = profile.clientId;
    return input;
}

QUrl tokenEndpointOf(const QUrl &serverUrl)
{
    return serverUrl.resolved(QUrl(u"/oauth/token"_s));
}

} // namespace

Workspace::Paths Workspace::defaultPaths()
{
    const QString base =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Latchkey"_s;
    return {base + u"/cache.sqlite"_s, base + u"/sandbox"_s};
}

Core::Result<std::unique_ptr<Workspace>> Workspace::open(const Paths &paths, QObject *parent)
{
    auto cache = Core::CacheDatabase::open(paths.cacheFile);
    if (!cache)
        return cache.error();
    return std::unique_ptr<Workspace>(new Workspace(std::move(cache).value(), paths, parent));
}

Workspace::Workspace(std::unique_ptr<Core::CacheDatabase> cache, Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_cache(std::move(cache))
    , m_profiles(std::make_unique<Core::ProfileStore>(*m_cache))
{
    connect(&m_sandbox, &Core::SandboxServer::stoppedUnexpectedly, this,
            [this](const QString &message) {
                if (m_profile && isSandbox(m_profile->id)) {
                    m_account.reset();
                    setConnection(Connection::Offline, message);
                }
            });
}

Workspace::~Workspace()
{
    // The account client and token sources refer to m_http: they go first.
    m_signIn.reset();
    m_account.reset();
    m_tokens.reset();
    m_sandbox.stop();
}

QString Workspace::sandboxProfileId() const
{
    auto id = m_cache->setting(QString(sandboxSetting));
    return id && id.value() ? *id.value() : QString();
}

bool Workspace::isSandbox(const QString &profileId) const
{
    return !profileId.isEmpty() && profileId == sandboxProfileId();
}

QString Workspace::secretKey(QStringView kind, const QString &itemId) const
{
    return m_profile ? Core::profileSecretKey(m_profile->id, kind, itemId) : QString();
}

Core::SyncState Workspace::syncState() const
{
    if (!m_profile)
        return {};
    auto state = m_cache->syncState(m_profile->id);
    return state ? state.value() : Core::SyncState{};
}

void Workspace::start()
{
    auto current = m_profiles->current();
    if (current && current.value()) {
        activate(current.value()->id);
        return;
    }
    auto all = m_profiles->profiles();
    if (all && !all.value().isEmpty()) {
        activate(all.value().constFirst().id);
        return;
    }
    auto sandbox = createSandboxProfile();
    if (!sandbox) {
        setConnection(Connection::NoProfile, sandbox.error().toText());
        return;
    }
    activate(sandbox.value().id);
}

Core::Result<Core::Profile> Workspace::createSandboxProfile()
{
    Core::ProfileInput input;
    input.name = tr("Local sandbox");
    // The real port is known once the server listens; the profile follows it at every start.
    input.serverUrl = u"http://127.0.0.1:8765"_s;
    input.environment = u"sandbox"_s;
    input.signInMethod = u"automation"_s;
    auto added = m_profiles->add(input);
    if (!added)
        return added;
    if (auto saved = m_cache->setSetting(QString(sandboxSetting), added.value().id); !saved)
        return saved.error();
    return added;
}

void Workspace::activate(const QString &profileId)
{
    auto profile = m_profiles->profile(profileId);
    if (!profile) {
        setConnection(Connection::NoProfile, profile.error().toText());
        return;
    }
    if (m_profile && isSandbox(m_profile->id) && !isSandbox(profileId))
        m_sandbox.stop();
    m_profile = profile.value();
    m_profiles->setCurrent(profileId);
    connectProfile();
}

void Workspace::reconnect()
{
    if (m_profile) {
        auto fresh = m_profiles->profile(m_profile->id);
        if (fresh)
            m_profile = fresh.value();
    }
    connectProfile();
}

void Workspace::setConnection(Connection connection, const QString &message)
{
    if (connection == m_connection && message == m_connectionMessage)
        return;
    m_connection = connection;
    m_connectionMessage = message;
    if (m_profile && (connection == Connection::Offline || connection == Connection::SignedOut)) {
        Core::SyncState state = syncState();
        state.lastAttemptAt = QDateTime::currentDateTimeUtc();
        state.lastError = message;
        m_cache->setSyncState(m_profile->id, state);
    }
    Q_EMIT connectionChanged(connection, message);
}

void Workspace::connectProfile()
{
    ++m_generation;
    m_signIn.reset();
    m_account.reset();
    m_tokens.reset();
    m_groups.reset();
    if (!m_profile) {
        setConnection(Connection::NoProfile);
        return;
    }
    setConnection(Connection::Connecting);
    if (isSandbox(m_profile->id))
        connectSandbox();
    else
        connectAccount();
}

Core::Result<Core::Profile> Workspace::updateCurrent(const QUrl &url, const QString &clientId)
{
    Core::ProfileInput input = inputFrom(*m_profile);
    input.serverUrl = url.toString();
    input.clientId = clientId;
    auto updated = m_profiles->update(m_profile->id, input);
    if (updated)
        m_profile = updated.value();
    return updated;
}

void Workspace::connectSandbox()
{
    const quint64 generation = m_generation;
    m_sandbox.start(m_paths.sandboxDir)
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this, generation](Core::Result<Core::SandboxStarted> started) {
                  if (generation != m_generation)
                      return;
                  if (!started) {
                      setConnection(Connection::Offline, started.error().toText());
                      Q_EMIT profileActivated(*m_profile);
                      return;
                  }
                  QString clientId = m_profile->clientId;
                  QString secret;
                  if (const auto &bootstrap = started.value().bootstrap) {
                      const QJsonObject automation = bootstrap->value(u"automation"_s).toObject();
                      clientId = automation.value(u"client_id"_s).toString();
                      secret = automation.value(u"client_secret"_s).toString();
                  }
                  if (auto updated = updateCurrent(started.value().url, clientId); !updated) {
                      setConnection(Connection::Offline, updated.error().toText());
                      Q_EMIT profileActivated(*m_profile);
                      return;
                  }
                  if (secret.isEmpty()) {
                      connectAccount();
                      return;
                  }
                  // A new sandbox: its automation secret exists only now. Keep it in the keychain;
                  // if the keychain refuses, the sandbox still works until the app quits.
                  const QString key = Core::profileSecretKey(
                      m_profile->id, Core::SecretKind::automationSecret, clientId);
                  m_secrets.write(key, Core::Secret(secret))
                      .then(this, [this, generation, clientId,
                                   secret](Core::Result<Core::Nothing> kept) {
                          if (generation != m_generation)
                              return;
                          if (!kept) {
                              qCWarning(lcWorkspace) << "sandbox secret not kept in the keychain";
                              m_tokens = std::make_unique<Core::ClientCredentialsTokens>(
                                  m_http, tokenEndpointOf(m_profile->serverUrl), clientId, secret);
                          }
                          connectAccount();
                      });
              }));
}

void Workspace::connectAccount()
{
    const Core::Profile &profile = *m_profile;
    const QUrl tokenEndpoint = tokenEndpointOf(profile.serverUrl);
    if (!m_tokens) {
        if (profile.clientId.isEmpty()) {
            setConnection(Connection::SignedOut,
                          tr("Sign in to %1 to see its data.").arg(profile.name));
            Q_EMIT profileActivated(profile);
            return;
        }
        if (profile.signInMethod == Core::SignInMethod::Automation)
            m_tokens = std::make_unique<Core::KeychainClientCredentials>(
                m_http, m_secrets, tokenEndpoint, profile.clientId,
                Core::profileSecretKey(profile.id, Core::SecretKind::automationSecret,
                                       profile.clientId),
                desktopHints());
        else
            m_tokens = std::make_unique<Core::KeychainRefreshTokens>(
                m_http, m_secrets, tokenEndpoint, profile.clientId,
                Core::profileSecretKey(profile.id, Core::SecretKind::refreshToken,
                                       profile.clientId),
                desktopHints());
    }
    m_account = std::make_unique<Core::AccountClient>(m_http, profile.serverUrl, *m_tokens);
    const quint64 generation = m_generation;
    m_account->whoami().then(QtFuture::Launch::Sync,
                             Core::guarded(this, [this, generation](Core::Result<QJsonObject> who) {
                                 if (generation != m_generation)
                                     return;
                                 if (who)
                                     setConnection(Connection::Online);
                                 else if (who.error().kind == Core::Error::Kind::Keychain)
                                     setConnection(Connection::SignedOut, who.error().toText());
                                 else
                                     reportFailure(who.error());
                                 Q_EMIT profileActivated(*m_profile);
                             }));
}

Core::Task<QList<PermissionGroup>> Workspace::permissionGroups()
{
    if (m_groups)
        return Core::readyTask<QList<PermissionGroup>>(*m_groups);
    const QString profileId = m_profile ? m_profile->id : QString();
    auto fromCache = [this, profileId]() -> Core::Result<QList<PermissionGroup>> {
        auto cached = m_cache->list(profileId, Core::ListKind::Groups);
        if (!cached)
            return cached.error();
        QList<PermissionGroup> groups;
        for (const QJsonObject &row : cached.value().rows)
            groups.append(PermissionGroup::fromJson(row));
        return groups;
    };
    if (!m_account || profileId.isEmpty())
        return Core::readyTask(fromCache());
    const quint64 generation = m_generation;
    return m_account->permissionGroups().then(
        QtFuture::Launch::Sync,
        Core::guarded(
            this,
            [this, generation, profileId, fromCache](Core::Result<QList<PermissionGroup>> groups)
                -> Core::Result<QList<PermissionGroup>> {
                if (!groups)
                    return fromCache();
                if (generation == m_generation) {
                    m_groups = groups.value();
                    QList<QJsonObject> rows;
                    for (const PermissionGroup &group : groups.value())
                        rows.append(group.toJson());
                    m_cache->replaceList(profileId, Core::ListKind::Groups, rows,
                                         QDateTime::currentDateTimeUtc());
                }
                return groups;
            }));
}

void Workspace::reportFailure(const Core::Error &error)
{
    switch (error.kind) {
    case Core::Error::Kind::Network:
    case Core::Error::Kind::Timeout:
    case Core::Error::Kind::Server:
        if (error.kind != Core::Error::Kind::Server || error.httpStatus >= 502)
            setConnection(Connection::Offline, error.message);
        break;
    case Core::Error::Kind::Authentication:
        setConnection(Connection::SignedOut, error.toText());
        break;
    default:
        break;
    }
}

void Workspace::reportSynced()
{
    if (!m_profile)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_cache->setSyncState(m_profile->id, {now, now, {}});
    if (m_connection == Connection::Offline)
        setConnection(Connection::Online);
    Q_EMIT syncStateChanged();
}

void Workspace::resetSandbox()
{
    const QString id = sandboxProfileId();
    if (id.isEmpty())
        return;
    ++m_generation;
    m_account.reset();
    m_tokens.reset();
    m_sandbox.stop();
    QDir(m_paths.sandboxDir).removeRecursively();
    m_cache->setSyncState(id, {});
    activate(id);
}

void Workspace::removeProfile(const QString &profileId)
{
    auto profile = m_profiles->profile(profileId);
    if (!profile) {
        Q_EMIT removalFailed(profile.error().toText());
        return;
    }
    const Core::Profile target = profile.value();
    QStringList keys;
    if (!target.clientId.isEmpty()) {
        keys.append(
            Core::profileSecretKey(target.id, Core::SecretKind::automationSecret, target.clientId));
        keys.append(
            Core::profileSecretKey(target.id, Core::SecretKind::refreshToken, target.clientId));
    }
    if (auto cached = m_cache->list(target.id, Core::ListKind::Keys))
        for (const QJsonObject &row : cached.value().rows)
            keys.append(Core::profileSecretKey(target.id, Core::SecretKind::apiSecret,
                                               ApiKey::fromJson(row).id));
    if (auto cached = m_cache->list(target.id, Core::ListKind::Consumers))
        for (const QJsonObject &row : cached.value().rows)
            keys.append(Core::profileSecretKey(target.id, Core::SecretKind::clientSecret,
                                               Consumer::fromJson(row).clientId));
    keys.removeDuplicates();
    const bool wasCurrent = m_profile && m_profile->id == target.id;
    const bool sandbox = isSandbox(target.id);
    if (wasCurrent) {
        ++m_generation;
        m_account.reset();
        m_tokens.reset();
    }
    m_secrets.removeProfile(target.id, keys)
        .then(QtFuture::Launch::Sync, Core::guarded(this, [this, target, wasCurrent, sandbox](
                                                              Core::Result<Core::Nothing> removed) {
                  if (!removed) {
                      Q_EMIT removalFailed(removed.error().toText());
                      if (wasCurrent)
                          connectProfile();
                      return;
                  }
                  if (sandbox) {
                      m_sandbox.stop();
                      QDir(m_paths.sandboxDir).removeRecursively();
                      m_cache->removeSetting(QString(sandboxSetting));
                  }
                  if (auto gone = m_profiles->remove(target.id); !gone) {
                      Q_EMIT removalFailed(gone.error().toText());
                      return;
                  }
                  if (wasCurrent) {
                      m_profile.reset();
                      start();
                  }
              }));
}

void Workspace::signOut()
{
    if (!m_profile || isSandbox(m_profile->id))
        return;
    const Core::Profile profile = *m_profile;
    const QStringView kind = profile.signInMethod == Core::SignInMethod::Automation
                                 ? Core::SecretKind::automationSecret
                                 : Core::SecretKind::refreshToken;
    ++m_generation;
    m_account.reset();
    m_tokens.reset();
    m_secrets.remove(Core::profileSecretKey(profile.id, kind, profile.clientId))
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this, profile](Core::Result<Core::Nothing> removed) {
                  if (!removed) {
                      setConnection(Connection::SignedOut, removed.error().toText());
                      return;
                  }
                  setConnection(Connection::SignedOut,
                                tr("Signed out of %1. Sign in to see its data.").arg(profile.name));
              }));
}

void Workspace::signIn()
{
    if (!m_profile || isSandbox(m_profile->id))
        return;
    const Core::Profile profile = *m_profile;
    const QString clientId = profile.clientId.isEmpty() ? u"latchkey-desktop"_s : profile.clientId;
    m_signIn = std::make_unique<Core::BrowserSignIn>(m_http, profile.serverUrl, clientId);
    connect(m_signIn.get(), &Core::BrowserSignIn::openBrowser, this, &Workspace::browserNeeded);
    const quint64 generation = ++m_generation;
    m_account.reset();
    m_tokens.reset();
    setConnection(Connection::Connecting, tr("Waiting for the sign-in in your browser…"));
    m_signIn->start().then(
        QtFuture::Launch::Sync, Core::guarded(this, [this, generation, profile, clientId](
                                                        Core::Result<Core::SignedIn> signedIn) {
            if (generation != m_generation)
                return;
            if (!signedIn) {
                setConnection(Connection::SignedOut, signedIn.error().toText());
                Q_EMIT signInFailed(signedIn.error().toText());
                return;
            }
            const Core::TokenResponse tokens = signedIn.value().tokens;
            if (profile.clientId != clientId)
                updateCurrent(profile.serverUrl, clientId);
            m_secrets
                .write(Core::profileSecretKey(profile.id, Core::SecretKind::refreshToken, clientId),
                       Core::Secret(tokens.refreshToken))
                .then(this, [this, generation](Core::Result<Core::Nothing> kept) {
                    if (generation != m_generation)
                        return;
                    if (!kept) {
                        setConnection(Connection::SignedOut, kept.error().toText());
                        Q_EMIT signInFailed(kept.error().toText());
                        return;
                    }
                    connectProfile();
                });
        }));
}

void Workspace::signInWithClientCredentials(const QString &clientId, const QString &clientSecret)
{
    if (!m_profile)
        return;
    if (auto updated = updateCurrent(m_profile->serverUrl, clientId); !updated) {
        Q_EMIT signInFailed(updated.error().toText());
        return;
    }
    const quint64 generation = ++m_generation;
    m_secrets
        .write(Core::profileSecretKey(m_profile->id, Core::SecretKind::automationSecret, clientId),
               Core::Secret(clientSecret))
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this, generation](Core::Result<Core::Nothing> kept) {
                  if (generation != m_generation)
                      return;
                  if (!kept) {
                      Q_EMIT signInFailed(kept.error().toText());
                      return;
                  }
                  connectProfile();
              }));
}

} // namespace Latchkey::Ui
