#pragma once

#include "profile.h"

#include <net/result.h>

#include <QObject>
#include <QString>

#include <optional>

namespace Latchkey::Core {

class CacheDatabase;

// A profile as the user typed it, in the profile dialog or on latchkeyctl's command line.
struct ProfileInput
{
    QString name;
    QString serverUrl;
    QString environment = QStringLiteral("production"); // production, staging or sandbox
    QString signInMethod = QStringLiteral("system-browser");
    QString clientId;
};

// The profiles, kept in the cache: validated on the way in (name required and unique without
// regard to case, an absolute http(s) server URL without credentials, a known environment and
// sign-in method), and which one is current. Rejections are Validation errors whose
// problem.errors name each field and what is wrong with it.
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    explicit ProfileStore(CacheDatabase &cache, QObject *parent = nullptr);

    Result<QList<Profile>> profiles() const;
    Result<Profile> profile(const QString &id) const;
    // Without regard to case, as latchkeyctl --profile NAME finds it.
    Result<Profile> profileNamed(const QString &name) const;

    Result<Profile> add(const ProfileInput &input);
    Result<Profile> update(const QString &id, const ProfileInput &input);
    // The profile's secrets stay in the keychain: SecretStore::removeProfile takes them out.
    Result<Nothing> remove(const QString &id);

    // std::nullopt until one is chosen, and after the current one is removed.
    Result<std::optional<Profile>> current() const;
    Result<Nothing> setCurrent(const QString &id);

    // The profile add() or update() would store, or why not. excludeId is the profile being
    // updated, whose own name is not a clash.
    Result<Profile> validate(const ProfileInput &input, const QString &excludeId = {}) const;

signals:
    void profileAdded(const Latchkey::Core::Profile &profile);
    void profileChanged(const Latchkey::Core::Profile &profile);
    void profileRemoved(const QString &id);
    void currentChanged(const QString &id);

private:
    CacheDatabase &m_cache;
};

// The keychain key of one secret of a profile, in SecretStore's scheme:
// "<profile id>/<kind>/<item id>", e.g. profileSecretKey(id, SecretKind::clientSecret, clientId).
QString profileSecretKey(const QString &profileId, QStringView kind, const QString &itemId);

} // namespace Latchkey::Core
