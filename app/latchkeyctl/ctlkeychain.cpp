#include "ctlkeychain.h"

#include <profiles/profilestore.h>
#include <secrets/secretstore.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Result;
using Core::Task;

QString tr(const char *text)
{
    return QCoreApplication::translate("latchkeyctl", text);
}

} // namespace

QString apiSecretEntry(const QString &profileId, const QString &keyId)
{
    return Core::profileSecretKey(profileId, Core::SecretKind::apiSecret, keyId);
}

QString clientSecretEntry(const QString &profileId, const QString &clientId)
{
    return Core::profileSecretKey(profileId, Core::SecretKind::clientSecret, clientId);
}

QCommandLineOption noKeychainOption()
{
    return {u"no-keychain"_s,
            u"Do not keep secrets in the profile's keychain (a later export marks them "
            "missing)."_s};
}

Result<ProfileKeychain> profileKeychain(Invocation &inv)
{
    ProfileKeychain keychain;
    if (inv.usesEnvironment()) {
        keychain.offReason =
            tr("LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET are set, and they "
               "touch no keychain");
        return keychain;
    }
    const QStringList names = inv.parser.optionNames();
    if (names.contains(u"no-keychain"_s)) {
        keychain.offReason = tr("--no-keychain");
        return keychain;
    }
    auto profile = inv.profile();
    if (!profile)
        return profile.error();
    keychain.profile = profile.value();
    keychain.store = &inv.secrets();
    return keychain;
}

Task<KeptSecret> keepSecret(const ProfileKeychain &keychain, const QString &entry,
                            const QString &secret)
{
    KeptSecret kept;
    kept.profileName = keychain.profile.name;
    kept.offReason = keychain.offReason;
    if (secret.isEmpty())
        return Core::readyTask(Result<KeptSecret>(kept));
    if (!keychain.isOn()) {
        kept.state = KeptSecret::State::Off;
        return Core::readyTask(Result<KeptSecret>(kept));
    }
    return keychain.store->write(entry, Core::Secret(secret))
        .then(QCoreApplication::instance(),
              [kept](Result<Core::Nothing> written) mutable -> Result<KeptSecret> {
                  if (written) {
                      kept.state = KeptSecret::State::Stored;
                  } else {
                      kept.state = KeptSecret::State::Failed;
                      kept.error = written.error();
                  }
                  return kept;
              });
}

Task<KeptSecret> forgetSecret(const ProfileKeychain &keychain, const QString &entry)
{
    KeptSecret kept;
    kept.profileName = keychain.profile.name;
    kept.offReason = keychain.offReason;
    kept.state = KeptSecret::State::Off;
    if (!keychain.isOn())
        return Core::readyTask(Result<KeptSecret>(kept));
    return keychain.store->remove(entry).then(
        QCoreApplication::instance(),
        [kept](Result<Core::Nothing> removed) mutable -> Result<KeptSecret> {
            kept.state = removed ? KeptSecret::State::Stored : KeptSecret::State::Failed;
            if (!removed)
                kept.error = removed.error();
            return kept;
        });
}

void reportKept(const KeptSecret &kept, bool json, QJsonObject *object)
{
    using State = KeptSecret::State;
    if (kept.state == State::None)
        return;
    const QString failure =
        tr("The secret was NOT kept in the keychain of profile %1: %2\nCopy it now: it is not "
           "shown again, and an export will mark it missing until you rotate it.")
            .arg(kept.profileName, kept.error.toText());
    if (json && object) {
        static const QHash<State, QString> names{
            {State::Stored, u"stored"_s}, {State::Off, u"off"_s}, {State::Failed, u"failed"_s}};
        object->insert(u"keychain"_s, names.value(kept.state));
        if (kept.state == State::Failed)
            object->insert(u"keychain_error"_s, kept.error.toText());
    }
    switch (kept.state) {
    case State::Stored:
        if (!json)
            printLine(tr("The secret is kept in the keychain of profile %1, for latchkeyctl "
                         "export.")
                          .arg(kept.profileName));
        break;
    case State::Failed:
        printError(failure);
        break;
    case State::Off:
    case State::None:
        break;
    }
}

} // namespace Latchkey::Ctl
