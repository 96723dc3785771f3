#pragma once

#include "secret.h"

#include <net/result.h>

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Latchkey::Core {

// What a keychain entry holds; the middle part of its key.
namespace SecretKind {
inline constexpr QStringView refreshToken = u"refresh-token";
inline constexpr QStringView clientSecret = u"client-secret";
inline constexpr QStringView apiSecret = u"api-secret";
inline constexpr QStringView automationSecret = u"automation-secret";
} // namespace SecretKind

// The secrets of every profile, in the OS keychain (the Secret Service on Linux: gnome-keyring,
// KWallet) through QtKeychain, under the service "Latchkey": one entry per profile and secret,
// keyed "<profile id>/<kind>/<item id>". Never a file: when there is no keychain the operation
// fails and says so. Every operation finishes on the thread that started it.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    static constexpr QStringView serviceName = u"Latchkey";

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // "<profile id>/<kind>/<item id>"; kind is lower-case letters, digits and '-', and neither
    // the profile id nor the kind contain '/'.
    static QString key(const QString &profileId, QStringView kind, const QString &itemId);
    static bool isValidKey(const QString &key);

    // Creates or overwrites the entry.
    Task<Nothing> write(const QString &key, const QString &secret);
    Task<Nothing> write(const QString &key, const Secret &secret);
    // std::nullopt when there is no such entry: a missing secret is not an error.
    Task<std::optional<QString>> read(const QString &key);
    // Reads each key, one after the other (the Secret Service serializes them anyway); a key
    // that is not there maps to std::nullopt; the first keychain error fails the whole.
    Task<QHash<QString, std::optional<QString>>> readAll(const QStringList &keys);
    // Writes each (key, secret), one after the other, stopping at the first keychain error.
    Task<Nothing> writeAll(const QList<QPair<QString, QString>> &entries);
    // Removing an entry that is not there succeeds.
    Task<Nothing> remove(const QString &key);
    // Removes each of knownKeys (the keychain cannot list a service's entries), one after the
    // other, stopping at the first failure. Every key must belong to profileId.
    Task<Nothing> removeProfile(const QString &profileId, const QStringList &knownKeys);

    // When the keychain is not there (yet: it may still be starting with the session), an
    // operation is tried once more after this delay, then reported. Tests shorten it.
    void setRetryDelay(int milliseconds) { m_retryDelayMs = milliseconds; }

    // The user-facing error for a QtKeychain failure of `operation` ("save", "read", "remove").
    static Error errorFor(int keychainError, const QString &detail, QStringView operation);

private:
    enum class Operation { Write, Read, Remove };
    struct Outcome
    {
        int error = 0;
        QString detail;
        QString text;
    };
    using Completion = std::function<void(const Outcome &)>;

    void run(Operation operation, const QString &key, const QString &secret, Completion done,
             bool isRetry = false);
    void removeNext(QStringList keys, Completion done);
    static bool meansNoKeychain(int keychainError, const QString &detail);

    int m_retryDelayMs = 1000;
};

} // namespace Latchkey::Core
