#pragma once

#include "credentialexport.h"

#include <profiles/profile.h>

#include <QHash>

#include <optional>

namespace Latchkey::Core {

class SecretStore;

// The items a user picked for an export, as the account lists them (no secrets).
struct ExportSelection
{
    QList<ApiKey> keys;
    QList<Consumer> consumers;
    QList<PermissionGroup> groups;
};

// Secrets by keychain entry; std::nullopt when the entry is not there.
using SecretValues = QHash<QString, std::optional<QString>>;

// The keychain entries that hold the selection's secrets in `profile`: each API key's
// (SecretKind::apiSecret, by key id), each confidential consumer's (SecretKind::clientSecret,
// by client_id), and the automation secret when the profile signs in as that consumer.
QStringList exportSecretEntries(const Profile &profile, const ExportSelection &selection);

// The export of the selection, for the account at baseUrl, with the secrets found in
// `secrets`; every other one is missing, with `missingReason` (notInKeychainReason(...)).
CredentialExport buildProfileExport(const Profile &profile, const QUrl &baseUrl,
                                    const ExportSelection &selection, const SecretValues &secrets,
                                    const QString &missingReason);

// The reason a missing secret gives, for a profile's keychain.
QString notInKeychainReason(const QString &profileName);

} // namespace Latchkey::Core
