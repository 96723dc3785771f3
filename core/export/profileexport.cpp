#include "profileexport.h"

#include "profiles/profilestore.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>

namespace Latchkey::Core {

namespace {

bool isAutomationOf(const Profile &profile, const Consumer &consumer)
{
    return profile.signInMethod == SignInMethod::Automation && !profile.id.isEmpty() &&
           profile.clientId == consumer.clientId;
}

} // namespace

QString notInKeychainReason(const QString &profileName)
{
    return QCoreApplication::translate("Latchkey::Core::Export",
                                       "not in this machine's keychain for profile %1")
        .arg(profileName);
}

QStringList exportSecretEntries(const Profile &profile, const ExportSelection &selection)
{
    QStringList entries;
    for (const ApiKey &key : selection.keys)
        entries.append(profileSecretKey(profile.id, SecretKind::apiSecret, key.id));
    for (const Consumer &consumer : selection.consumers) {
        if (consumer.clientType == ClientType::Public)
            continue;
        entries.append(profileSecretKey(profile.id, SecretKind::clientSecret, consumer.clientId));
        if (isAutomationOf(profile, consumer))
            entries.append(
                profileSecretKey(profile.id, SecretKind::automationSecret, consumer.clientId));
    }
    return entries;
}

CredentialExport buildProfileExport(const Profile &profile, const QUrl &baseUrl,
                                    const ExportSelection &selection, const SecretValues &secrets,
                                    const QString &missingReason)
{
    QHash<QString, PermissionGroup> groups;
    for (const PermissionGroup &group : selection.groups)
        groups.insert(group.id, group);
    auto groupOf = [&groups](const QString &id) {
        return groups.value(id, PermissionGroup{id, id, {}, {}});
    };
    auto secretAt = [&secrets, &missingReason](const QString &entry) {
        const std::optional<QString> value = secrets.value(entry);
        return value ? ExportSecret::present(*value) : ExportSecret::missing(missingReason);
    };
    CredentialExport data = CredentialExport::forAccount(baseUrl);
    data.label = profile.name;
    for (const ApiKey &key : selection.keys)
        data.keys.append(
            exportedKey(key, groupOf(key.permissionGroupId),
                        secretAt(profileSecretKey(profile.id, SecretKind::apiSecret, key.id))));
    for (const Consumer &consumer : selection.consumers) {
        ExportSecret secret =
            secretAt(profileSecretKey(profile.id, SecretKind::clientSecret, consumer.clientId));
        if (!secret.isPresent() && isAutomationOf(profile, consumer))
            secret = secretAt(
                profileSecretKey(profile.id, SecretKind::automationSecret, consumer.clientId));
        data.consumers.append(
            exportedConsumer(consumer, groupOf(consumer.permissionGroupId), secret));
    }
    return data;
}

} // namespace Latchkey::Core
