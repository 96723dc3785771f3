#pragma once

#include <oauth/oauthclient.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Latchkey::Ui {

// What a flow test tries, without its secrets: the set-up panel's fields, and what the history
// keeps to run a test again (the client secret or API secret comes from the keychain, or is
// typed again).
struct FlowSettings
{
    enum class Grant { AuthorizationCode, ClientCredentials, ApiKey };
    enum class ProviderSource { Account, Issuer, Endpoints };
    enum class Browser { BuiltIn, System };

    Grant grant = Grant::AuthorizationCode;
    ProviderSource source = ProviderSource::Account;
    QString consumerId;   // source Account: the consumer picked
    QString issuer;       // source Issuer: discovered (RFC 8414 / OpenID Discovery)
    QString authorizeUrl; // source Endpoints, and the rest
    QString tokenUrl;
    QString revocationUrl;
    QString introspectionUrl;
    QString jwksUrl;
    QString clientId;
    Core::ClientAuth clientAuth = Core::ClientAuth::Basic;
    QString redirectUri;
    Browser browser = Browser::BuiltIn;
    QStringList scopes;
    Core::PkceMethod pkce = Core::PkceMethod::S256;
    QString extraParameters; // name=value&name=value
    QString apiKeyId;        // grant ApiKey
    QString callUrl;         // whoami, userinfo or any URL called with the token (or Hawk)

    // The grant as OAuth names it ("authorization_code", "client_credentials"), or "hawk".
    QString grantName() const;
    Core::QueryParameters extraParameterList() const;

    QJsonObject toJson() const;
    static FlowSettings fromJson(const QJsonObject &object);
    bool operator==(const FlowSettings &) const = default;
};

} // namespace Latchkey::Ui
