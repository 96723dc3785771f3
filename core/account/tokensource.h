#pragma once

#include "net/httpclient.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>

namespace Latchkey::Core {

// Where the account client gets its Bearer token from.
class TokenSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    // A valid access token; `renew` drops the cached one first (after a 401).
    virtual Task<QString> accessToken(bool renew) = 0;
};

// An automation consumer's client credentials (latchkeyctl with LATCHKEY_CLIENT_ID/SECRET, the
// local sandbox): a token cached until shortly before it expires.
class ClientCredentialsTokens final : public TokenSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCredentialsTokens)

public:
    ClientCredentialsTokens(HttpClient &http, QUrl tokenEndpoint, QString clientId,
                            QString clientSecret, QObject *parent = nullptr);
    Task<QString> accessToken(bool renew) override;

private:
    HttpClient &m_http;
    QUrl m_tokenEndpoint;
    QString m_clientId;
    QString m_clientSecret;
    QString m_token;
    QDateTime m_expiresAt;
};

// A signed-in super admin: access tokens from the refresh token kept in the keychain, refreshed
// silently (the refresh token rotates on every use; the new one goes back to the keychain
// through `rotated`). When the refresh token is gone or refused: "sign in again".
class RefreshTokens final : public TokenSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshTokens)

public:
    RefreshTokens(HttpClient &http, QUrl tokenEndpoint, QString clientId, QString refreshToken,
                  QObject *parent = nullptr);
    Task<QString> accessToken(bool renew) override;
    // Seeds the cache with the access token a sign-in already returned.
    void setAccessToken(const QString &token, int expiresIn);

Q_SIGNALS:
    // The refresh token rotated: persist the new one (it is the only copy).
    void rotated(const QString &refreshToken);

private:
    HttpClient &m_http;
    QUrl m_tokenEndpoint;
    QString m_clientId;
    QString m_refreshToken;
    QString m_token;
    QDateTime m_expiresAt;
};

} // namespace Latchkey::Core
