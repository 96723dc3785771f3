#pragma once

#include "tokensource.h"

#include <memory>

namespace Latchkey::Core {

class SecretStore;

// What a front end tells the user to do when a keychain token source cannot get a token:
// latchkeyctl names its command, the desktop app its menu item.
struct SignInHints
{
    QString signedOut;     // no refresh token in the keychain, or it was refused
    QString missingSecret; // no automation secret in the keychain
};

// An automation consumer whose secret is in the keychain: the secret is read the first time a
// token is needed, then client-credentials tokens are cached until shortly before they expire.
class KeychainClientCredentials final : public TokenSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainClientCredentials)

public:
    KeychainClientCredentials(HttpClient &http, SecretStore &secrets, QUrl tokenEndpoint,
                              QString clientId, QString key, SignInHints hints,
                              QObject *parent = nullptr);
    ~KeychainClientCredentials() override;

    Task<QString> accessToken(bool renew) override;

private:
    HttpClient &m_http;
    SecretStore &m_secrets;
    QUrl m_endpoint;
    QString m_clientId;
    QString m_key;
    SignInHints m_hints;
    std::unique_ptr<ClientCredentialsTokens> m_inner;
};

// A signed-in super admin whose refresh token is in the keychain. The refresh token rotates on
// every use; the new one is written back before the access token is handed out, so the process
// never ends with the only valid copy in memory.
class KeychainRefreshTokens final : public TokenSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainRefreshTokens)

public:
    KeychainRefreshTokens(HttpClient &http, SecretStore &secrets, QUrl tokenEndpoint,
                          QString clientId, QString key, SignInHints hints,
                          QObject *parent = nullptr);
    ~KeychainRefreshTokens() override;

    Task<QString> accessToken(bool renew) override;

private:
    Task<QString> withRotationSaved(Task<QString> token);

    HttpClient &m_http;
    SecretStore &m_secrets;
    QUrl m_endpoint;
    QString m_clientId;
    QString m_key;
    SignInHints m_hints;
    std::unique_ptr<RefreshTokens> m_inner;
    Task<Nothing> m_saving;
};

} // namespace Latchkey::Core
