#pragma once

#include "ctlcommand.h"

#include <profiles/profile.h>

#include <QHash>
#include <QJsonObject>

#include <optional>

// The secrets of API keys and consumers that latchkeyctl keeps in the keychain of a profile, so a
// later export has them. The entries are the desktop app's: an API key's secret under
// profileSecretKey(profile, SecretKind::apiSecret, key id), a consumer's under
// profileSecretKey(profile, SecretKind::clientSecret, client_id).
namespace Latchkey::Ctl {

QString apiSecretEntry(const QString &profileId, const QString &keyId);
QString clientSecretEntry(const QString &profileId, const QString &clientId);

// The keychain a command keeps secrets in: the profile's. Off when the command works through
// the LATCHKEY_* environment (which touches no keychain) or was given --no-keychain.
struct ProfileKeychain
{
    Core::SecretStore *store = nullptr; // null when off
    Core::Profile profile;
    QString offReason; // why it is off, for the user

    bool isOn() const { return store != nullptr; }
};

// The option that turns keeping off, for the commands that make or import secrets.
QCommandLineOption noKeychainOption();

// Fails only when the profile cannot be read (the command would have failed on it anyway).
Core::Result<ProfileKeychain> profileKeychain(Invocation &inv);

// withAccount, with the profile's keychain chosen too before anything is sent:
// make(Core::AccountClient &, const ProfileKeychain &).
template<typename Make>
QFuture<int> withAccountAndKeychain(Invocation &inv, Make make)
{
    return withAccount(inv, [&inv, make](Core::AccountClient &account) {
        const auto keychain = profileKeychain(inv);
        if (!keychain)
            return done(reportError(keychain.error(), inv.json));
        return make(account, keychain.value());
    });
}

// What became of a new secret.
struct KeptSecret
{
    enum class State { Stored, Off, Failed, None };
    State state = State::None; // None: the item has no secret (a public client)
    QString profileName;
    QString offReason;
    Core::Error error; // when Failed
};

// Writes `secret` to `entry` when the keychain is on. Never fails: a keychain error is
// reported in the KeptSecret, since the item it belongs to exists on the server already.
Core::Task<KeptSecret> keepSecret(const ProfileKeychain &keychain, const QString &entry,
                                  const QString &secret);

// Removes `entry` when the keychain is on (a deleted item's secret); State::Stored means it is
// gone. Never fails, like keepSecret.
Core::Task<KeptSecret> forgetSecret(const ProfileKeychain &keychain, const QString &entry);

// Tells the user what became of the secret: "keychain": "stored" | "off" | "failed" (with
// "keychain_error") in --json output, a line otherwise. A failure also goes to stderr.
void reportKept(const KeptSecret &kept, bool json, QJsonObject *object);

// Every entry a profile may hold for the account's API keys and consumers, all pages of them:
// what removing the profile takes out of the keychain.
Core::Task<QStringList> accountItemEntries(Core::AccountClient &account,
                                           const Core::Profile &profile);

} // namespace Latchkey::Ctl
