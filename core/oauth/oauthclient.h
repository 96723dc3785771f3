#pragma once

#include "jwt.h"
#include "net/httpclient.h"
#include "net/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace Latchkey::Core {

// What a provider says about itself (RFC 8414 §2; OpenID Connect Discovery 1.0 §3 is a superset),
// or what the user typed as explicit endpoints. Only `issuer` and the endpoints an operation
// uses are needed; the operation says so when one is missing.
struct ProviderMetadata
{
    QString issuer; // exactly as the provider spells it: iss is compared with it (RFC 9207)
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QUrl introspectionEndpoint;
    QUrl userinfoEndpoint;
    QUrl jwksUri;
    QStringList scopesSupported;
    QStringList responseTypesSupported;
    QStringList grantTypesSupported;
    QStringList codeChallengeMethodsSupported;
    QStringList tokenEndpointAuthMethodsSupported;
    bool authorizationResponseIssParameterSupported = false;
    QUrl documentUrl; // where it was discovered; empty for explicit endpoints
    QJsonObject raw;  // the document as received

    // Reads a metadata document; an Error when issuer is missing or an endpoint is not an
    // absolute http(s) URL.
    static Result<ProviderMetadata> fromJson(const QJsonObject &document);
};

// How the client proves who it is at the token, revocation and introspection endpoints.
enum class ClientAuth {
    Basic, // client_secret_basic: HTTP Basic with id and secret form-urlencoded (RFC 6749 §2.3.1)
    Post,  // client_secret_post: client_id and client_secret in the form body
    None,  // a public client: client_id in the body, no secret
};

struct OAuthClientCredentials
{
    QString clientId;
    QString clientSecret; // empty for a public client; never logged
    ClientAuth auth = ClientAuth::Basic;
};

enum class PkceMethod {
    S256,  // the default, and the only one a careful provider accepts (RFC 9700 §2.1.1)
    Plain, // for testing servers
    Off,   // for testing servers
};

using QueryParameters = QList<QPair<QString, QString>>;

struct AuthorizationOptions
{
    QString redirectUri;
    QStringList scopes;
    PkceMethod pkce = PkceMethod::S256;
    QString state;                   // empty: a random one
    QueryParameters extraParameters; // resource, prompt, nonce, login_hint...
};

// The URL to open in a browser, and what to keep until the redirect comes back.
struct AuthorizationRequest
{
    QUrl url;
    QString state;
    QString codeVerifier; // empty when PKCE is off
    PkceMethod pkce = PkceMethod::S256;
    QString redirectUri;
};

// A successful authorization response (RFC 6749 §4.1.2).
struct AuthorizationResponse
{
    QString code;
    QString state;
    QString iss; // empty when the provider sent none
};

// A token endpoint's answer (RFC 6749 §5.1). Holds secrets: show it masked, never log it.
struct TokenResponse
{
    QString accessToken;
    QString tokenType;
    std::optional<qint64> expiresIn; // seconds
    QString refreshToken;
    QString scope;
    QString idToken;
    QDateTime receivedAt; // UTC, to turn expires_in into a time
    QJsonObject raw;

    QDateTime expiresAt() const;
    static Result<TokenResponse> fromJson(const QJsonObject &object,
                                          const QDateTime &receivedAt = {});
};

// The OAuth 2.0 client the flow tester and latchkeyctl drive: discovery, the authorization
// request and its redirect, and the token, revocation and introspection endpoints. Every HTTP
// exchange goes through the given HttpClient, so its observer sees all of them. Every Task
// finishes on the thread that made this object.
class OAuthClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthClient)

public:
    explicit OAuthClient(HttpClient &http, QObject *parent = nullptr);

    // Fetches RFC 8414's /.well-known/oauth-authorization-server for `issuer`, falling back to
    // OpenID Connect's /.well-known/openid-configuration when the first is not there, and
    // checks that the document names `issuer` (RFC 8414 §3.3). On success the client uses it.
    Task<ProviderMetadata> discover(const QUrl &issuer);
    // Explicit endpoints instead of discovery, or a document discovered earlier.
    void setProvider(const ProviderMetadata &metadata);
    const ProviderMetadata &provider() const { return m_provider; }

    void setCredentials(const OAuthClientCredentials &credentials) { m_credentials = credentials; }
    const OAuthClientCredentials &credentials() const { return m_credentials; }

    // The authorization URL with client_id, redirect_uri, scope, a random state and PKCE, plus
    // what parseRedirect and exchangeCode need afterwards.
    Result<AuthorizationRequest>
    buildAuthorizationRequest(const AuthorizationOptions &options) const;

    // Checks a redirect to the redirect URI: iss first (RFC 9207: it must equal the issuer when
    // present, and be present when the provider advertises
    // authorization_response_iss_parameter_supported), then state, then an error response,
    // which becomes an Error that says in words what happened. An empty expectedState skips the
    // state check (for a request sent without one).
    static Result<AuthorizationResponse> parseRedirect(const QUrl &redirect,
                                                       const QString &expectedState,
                                                       const ProviderMetadata &provider);
    static Result<AuthorizationResponse> parseRedirect(const QUrlQuery &query,
                                                       const QString &expectedState,
                                                       const ProviderMetadata &provider);
    Result<AuthorizationResponse> parseRedirect(const QUrl &redirect,
                                                const AuthorizationRequest &request) const;

    Task<TokenResponse> exchangeCode(const QString &code, const AuthorizationRequest &request);
    Task<TokenResponse> clientCredentials(const QStringList &scopes = {},
                                          const QueryParameters &extraParameters = {});
    // Refresh (RFC 6749 §6); empty scopes ask for the grant's scope again.
    Task<TokenResponse> refresh(const QString &refreshToken, const QStringList &scopes = {},
                                const QueryParameters &extraParameters = {});
    // RFC 7009. tokenTypeHint: "access_token", "refresh_token" or empty.
    Task<Nothing> revoke(const QString &token, const QString &tokenTypeHint = {});
    // RFC 7662: the introspection response, which always has a boolean "active".
    Task<QJsonObject> introspect(const QString &token, const QString &tokenTypeHint = {});

    // The provider's JWKS from jwks_uri (RFC 7517), kept for later verifications.
    Task<QJsonObject> fetchJwks();
    // Verifies a JWT's signature against the provider's JWKS: fetches the JWKS the first time,
    // and once more when the token names a kid the kept set does not have (key rotation).
    Task<Jwt::Verification> verifyJwt(const QString &token);

    // The Error a token, revocation or introspection endpoint's failure means, with a hint for
    // the OAuth error codes a user can act on (invalid_client, invalid_grant...).
    static Error endpointError(const HttpExchange &exchange);

private:
    Task<TokenResponse> tokenRequest(QueryParameters form);
    Result<HttpCall> formCall(const QUrl &endpoint, const QString &endpointName,
                              QueryParameters form) const;

    HttpClient &m_http;
    ProviderMetadata m_provider;
    OAuthClientCredentials m_credentials;
    QJsonObject m_jwks;
};

} // namespace Latchkey::Core
