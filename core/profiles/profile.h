#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace Latchkey::Core {

// Shown as a colored badge, so nobody mistakes production for a sandbox.
enum class Environment { Production, Staging, Sandbox };

// How the profile signs in: authorization code + PKCE in the system browser (loopback
// redirect) or the built-in one, or an automation consumer's client credentials.
enum class SignInMethod { SystemBrowser, BuiltInBrowser, Automation };

// "production", "staging", "sandbox": the stored and the command-line spelling.
QString environmentName(Environment environment);
std::optional<Environment> environmentFromName(QStringView name);

// "system-browser", "built-in-browser", "automation".
QString signInMethodName(SignInMethod method);
std::optional<SignInMethod> signInMethodFromName(QStringView name);

// One account the desktop or latchkeyctl talks to. Holds no secret: those are in the keychain
// under profileSecretKey(id, ...).
struct Profile
{
    QString id;
    QString name;
    QUrl serverUrl;
    Environment environment = Environment::Production;
    SignInMethod signInMethod = SignInMethod::SystemBrowser;
    QString clientId; // the public client, or the automation consumer's client_id
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const Profile &) const = default;
};

} // namespace Latchkey::Core
