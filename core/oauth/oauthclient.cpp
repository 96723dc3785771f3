#include "oauthclient.h"

#include "pendingtask.h"

#include <protocol/pkce.h>
#include <protocol/random.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

Q_LOGGING_CATEGORY(lcOAuth, "latchkey.core.oauth", QtInfoMsg)

// RFC 6749 Appendix B: application/x-www-form-urlencoded, a space as '+'.
QByteArray formEncode(const QString &value)
{
    QByteArray encoded = QUrl::toPercentEncoding(value);
    encoded.replace("%20", "+");
    return encoded;
}

QByteArray formBody(const QueryParameters &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += formEncode(name) + '=' + formEncode(value);
    }
    return body;
}

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

// name=value pairs of an encoded query, in order, repeats kept, '+' read as a space: what a
// provider's form-style redirect means.
QueryParameters parseQuery(const QByteArray &query)
{
    QueryParameters parameters;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            parameters.append({formDecode(pair), QString()});
        else
            parameters.append({formDecode(pair.left(equals)), formDecode(pair.mid(equals + 1))});
    }
    return parameters;
}

void setParameter(QueryParameters &parameters, const QString &name, const QString &value)
{
    for (auto &[key, existing] : parameters) {
        if (key == name) {
            existing = value;
            return;
        }
    }
    parameters.append({name, value});
}

Error makeError(Error::Kind kind, const QString &message, const QString &hint = {})
{
    Error error;
    error.kind = kind;
    error.message = message;
    error.hint = hint;
    return error;
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == u"https" || url.scheme() == u"http");
}

// RFC 8414 §3.3 wants the issuer identical to the one asked; "https://as.example/" and
// "https://as.example" name the same root, so a user's trailing slash is not a mismatch.
bool sameIssuer(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    const auto rootWithSlash = [](const QString &longer, const QString &shorter) {
        return longer == shorter + u'/' && QUrl(longer).path() == u"/";
    };
    return rootWithSlash(a, b) || rootWithSlash(b, a);
}

QUrl withoutTrailingSlash(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash);
}

// RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
QUrl oauthMetadataUrl(const QUrl &issuer)
{
    QUrl url = withoutTrailingSlash(issuer);
    const QString path = url.path(QUrl::FullyEncoded);
    url.setPath(u"/.well-known/oauth-authorization-server"_s + (path == u"/" ? QString() : path),
                QUrl::TolerantMode);
    return url;
}

// OpenID Connect Discovery §4.1: the well-known segment is appended to the issuer.
QUrl openidMetadataUrl(const QUrl &issuer)
{
    QUrl url = withoutTrailingSlash(issuer);
    QString path = url.path(QUrl::FullyEncoded);
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/.well-known/openid-configuration"_s, QUrl::TolerantMode);
    return url;
}

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

// RFC 6749 §4.1.2.1 and OpenID Connect Core §3.1.2.6, in words.
Error authorizationError(const QString &code, const QString &description)
{
    Error error;
    error.oauthError = code;
    error.kind = Error::Kind::Protocol;
    if (code == u"access_denied") {
        error.kind = Error::Kind::Forbidden;
        error.message = OAuthClient::tr("The user denied the request.");
        error.hint = OAuthClient::tr("Start again and allow access on the consent page.");
    } else if (code == u"invalid_request") {
        error.kind = Error::Kind::Validation;
        error.message = OAuthClient::tr("The provider found the authorization request malformed.");
        error.hint = OAuthClient::tr("Check the redirect URI, the scopes and the PKCE setting.");
    } else if (code == u"unauthorized_client") {
        error.kind = Error::Kind::Forbidden;
        error.message =
            OAuthClient::tr("This client is not allowed to use the authorization code flow.");
        error.hint = OAuthClient::tr("Check the grant types registered for the client.");
    } else if (code == u"unsupported_response_type") {
        error.message = OAuthClient::tr("The provider does not issue authorization codes here.");
    } else if (code == u"invalid_scope") {
        error.kind = Error::Kind::Validation;
        error.message = OAuthClient::tr("The provider refused the requested scopes.");
        error.hint = OAuthClient::tr("Ask only for scopes the client is allowed.");
    } else if (code == u"server_error") {
        error.kind = Error::Kind::Server;
        error.message = OAuthClient::tr("The provider failed while handling the request.");
        error.hint = OAuthClient::tr("Retry later.");
    } else if (code == u"temporarily_unavailable") {
        error.kind = Error::Kind::Server;
        error.message = OAuthClient::tr("The provider is temporarily unavailable.");
        error.hint = OAuthClient::tr("Retry later.");
    } else if (code == u"login_required" || code == u"interaction_required" ||
               code == u"consent_required" || code == u"account_selection_required") {
        error.kind = Error::Kind::Authentication;
        error.message = OAuthClient::tr("The provider needs the user to sign in or consent, "
                                        "which this request did not allow.");
        error.hint = OAuthClient::tr("Start again without prompt=none.");
    } else {
        error.message = OAuthClient::tr("The provider refused the request (%1).").arg(code);
    }
    if (!description.isEmpty())
        error.message += u' ' + OAuthClient::tr("The provider said: “%1”.").arg(description);
    return error;
}

// RFC 9207 §2.4 and RFC 6749 §4.1.2: what a redirect's parameters mean, checked in the order
// that keeps an attacker's parameters from being trusted.
Result<AuthorizationResponse> readRedirect(const QByteArray &encodedQuery,
                                           const QString &expectedState,
                                           const ProviderMetadata &provider)
{
    using Tr = OAuthClient;
    const QueryParameters parameters = parseQuery(encodedQuery);
    QMap<QString, QString> values;
    for (const auto &[name, value] : parameters) {
        if (values.contains(name))
            return makeError(Error::Kind::Protocol,
                             Tr::tr("The redirect repeats the parameter %1, which RFC 6749 §3.1 "
                                    "forbids.")
                                 .arg(name));
        values.insert(name, value);
    }

    // iss first, before anything else is trusted, error responses included.
    AuthorizationResponse response;
    const bool hasIss = values.contains(u"iss"_s);
    response.iss = values.value(u"iss"_s);
    if (hasIss && response.iss != provider.issuer)
        return makeError(Error::Kind::Protocol,
                         Tr::tr("The redirect comes from the issuer “%1”, not from “%2”: it may be "
                                "a mix-up attack, so it is refused (RFC 9207).")
                             .arg(response.iss, provider.issuer),
                         Tr::tr("Start again; if it repeats, check the provider configuration."));
    if (!hasIss && provider.authorizationResponseIssParameterSupported)
        return makeError(
            Error::Kind::Protocol,
            Tr::tr("The redirect has no iss although %1 promises one: it may come from "
                   "another provider, so it is refused (RFC 9207).")
                .arg(provider.issuer));

    response.state = values.value(u"state"_s);
    if (!expectedState.isEmpty() && response.state != expectedState)
        return makeError(Error::Kind::Protocol,
                         values.contains(u"state"_s)
                             ? Tr::tr("The redirect's state does not match the request: it belongs "
                                      "to another attempt or was forged, so it is refused.")
                             : Tr::tr("The redirect has no state although the request sent one, so "
                                      "it is refused."),
                         Tr::tr("Start the authorization again."));

    if (values.contains(u"error"_s))
        return authorizationError(values.value(u"error"_s), values.value(u"error_description"_s));

    response.code = values.value(u"code"_s);
    if (response.code.isEmpty())
        return makeError(Error::Kind::Protocol,
                         Tr::tr("The redirect carries neither a code nor an error."));
    return response;
}

} // namespace

Result<AuthorizationResponse> OAuthClient::parseRedirect(const QUrl &redirect,
                                                         const QString &expectedState,
                                                         const ProviderMetadata &provider)
{
    // response_mode=fragment puts the parameters after '#'.
    const QString encoded = redirect.hasQuery() || !redirect.hasFragment()
                                ? redirect.query(QUrl::FullyEncoded)
                                : redirect.fragment(QUrl::FullyEncoded);
    return readRedirect(encoded.toLatin1(), expectedState, provider);
}

Result<AuthorizationResponse> OAuthClient::parseRedirect(const QUrlQuery &query,
                                                         const QString &expectedState,
                                                         const ProviderMetadata &provider)
{
    return readRedirect(query.query(QUrl::FullyEncoded).toLatin1(), expectedState, provider);
}

Result<AuthorizationResponse> OAuthClient::parseRedirect(const QUrl &redirect,
                                                         const AuthorizationRequest &request) const
{
    return parseRedirect(redirect, request.state, m_provider);
}

Result<ProviderMetadata> ProviderMetadata::fromJson(const QJsonObject &document)
{
    ProviderMetadata metadata;
    metadata.raw = document;
    metadata.issuer = document.value(u"issuer"_s).toString();
    if (metadata.issuer.isEmpty())
        return makeError(Error::Kind::Protocol,
                         OAuthClient::tr("The provider metadata has no issuer."));
    const QUrl issuerUrl(metadata.issuer, QUrl::StrictMode);
    if (!isHttpUrl(issuerUrl) || issuerUrl.hasQuery() || issuerUrl.hasFragment())
        return makeError(Error::Kind::Protocol,
                         OAuthClient::tr("The provider's issuer “%1” is not an http(s) URL "
                                         "without query and fragment.")
                             .arg(metadata.issuer));

    const struct
    {
        const char16_t *name;
        QUrl ProviderMetadata::*field;
    } endpoints[] = {
        {u"authorization_endpoint", &ProviderMetadata::authorizationEndpoint},
        {u"token_endpoint", &ProviderMetadata::tokenEndpoint},
        {u"revocation_endpoint", &ProviderMetadata::revocationEndpoint},
        {u"introspection_endpoint", &ProviderMetadata::introspectionEndpoint},
        {u"userinfo_endpoint", &ProviderMetadata::userinfoEndpoint},
        {u"jwks_uri", &ProviderMetadata::jwksUri},
    };
    for (const auto &endpoint : endpoints) {
        const QString name = QString::fromUtf16(endpoint.name);
        if (!document.contains(name))
            continue;
        const QUrl url(document.value(name).toString(), QUrl::StrictMode);
        if (!isHttpUrl(url))
            return makeError(Error::Kind::Protocol,
                             OAuthClient::tr("The provider metadata's %1 is not an absolute "
                                             "http(s) URL.")
                                 .arg(name));
        metadata.*endpoint.field = url;
    }
    metadata.scopesSupported = stringList(document.value(u"scopes_supported"_s));
    metadata.responseTypesSupported = stringList(document.value(u"response_types_supported"_s));
    metadata.grantTypesSupported = stringList(document.value(u"grant_types_supported"_s));
    metadata.codeChallengeMethodsSupported =
        stringList(document.value(u"code_challenge_methods_supported"_s));
    metadata.tokenEndpointAuthMethodsSupported =
        stringList(document.value(u"token_endpoint_auth_methods_supported"_s));
    metadata.authorizationResponseIssParameterSupported =
        document.value(u"authorization_response_iss_parameter_supported"_s).toBool(false);
    return metadata;
}

QDateTime TokenResponse::expiresAt() const
{
    if (!expiresIn || !receivedAt.isValid())
        return {};
    return receivedAt.addSecs(*expiresIn);
}

Result<TokenResponse> TokenResponse::fromJson(const QJsonObject &object,
                                              const QDateTime &receivedAt)
{
    TokenResponse response;
    response.raw = object;
    response.receivedAt = receivedAt.isValid() ? receivedAt : QDateTime::currentDateTimeUtc();
    response.accessToken = object.value(u"access_token"_s).toString();
    response.tokenType = object.value(u"token_type"_s).toString();
    if (response.accessToken.isEmpty() || response.tokenType.isEmpty())
        return makeError(Error::Kind::Protocol,
                         OAuthClient::tr("The token response lacks access_token or token_type "
                                         "(RFC 6749 §5.1)."));
    const QJsonValue expiresIn = object.value(u"expires_in"_s);
    if (expiresIn.isDouble() && expiresIn.toDouble() >= 0) {
        response.expiresIn = qint64(expiresIn.toDouble());
    } else if (expiresIn.isString()) {
        // Some providers send it as a string; the number is what counts.
        bool ok = false;
        const qint64 seconds = expiresIn.toString().toLongLong(&ok);
        if (ok && seconds >= 0)
            response.expiresIn = seconds;
    }
    response.refreshToken = object.value(u"refresh_token"_s).toString();
    response.scope = object.value(u"scope"_s).toString();
    response.idToken = object.value(u"id_token"_s).toString();
    return response;
}

OAuthClient::OAuthClient(HttpClient &http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

Task<ProviderMetadata> OAuthClient::discover(const QUrl &issuer)
{
    if (!isHttpUrl(issuer) || issuer.hasQuery() || issuer.hasFragment())
        return readyTask<ProviderMetadata>(
            makeError(Error::Kind::Usage,
                      tr("The issuer must be an http or https URL without query or fragment, "
                         "such as https://login.example.com.")));
    const QString asked = issuer.toString(QUrl::FullyEncoded);
    const QUrl urls[] = {oauthMetadataUrl(issuer), openidMetadataUrl(issuer)};

    auto task = PendingTask<ProviderMetadata>::start(this);
    // Reads one document; nullopt when it is not there (so the next URL is tried).
    auto read = [this,
                 asked](const HttpExchange &exchange) -> std::optional<Result<ProviderMetadata>> {
        if (exchange.status != 200)
            return std::nullopt;
        const auto document = jsonObject(exchange.responseBody);
        if (!document)
            return std::nullopt;
        auto metadata = ProviderMetadata::fromJson(*document);
        if (!metadata)
            return metadata;
        if (!sameIssuer(metadata.value().issuer, asked))
            return Result<ProviderMetadata>(makeError(
                Error::Kind::Protocol,
                tr("The metadata at %1 names the issuer “%2”, not “%3”: it belongs to another "
                   "provider and cannot be used (RFC 8414 §3.3).")
                    .arg(exchange.url.toString(), metadata.value().issuer, asked),
                tr("Check the issuer URL; use exactly the one the provider publishes.")));
        ProviderMetadata found = std::move(metadata).value();
        found.documentUrl = exchange.url;
        setProvider(found);
        return Result<ProviderMetadata>(std::move(found));
    };
    auto get = [](const QUrl &url) {
        HttpCall call;
        call.url = url;
        call.headers = {{"Accept", "application/json"}};
        return call;
    };

    task->await(
        m_http.send(get(urls[0])), [this, task, read, get, urls](Result<HttpExchange> first) {
            if (!first)
                return task->finish(first.error());
            if (auto result = read(first.value()))
                return task->finish(std::move(*result));
            const int firstStatus = first.value().status;
            qCDebug(lcOAuth) << "No RFC 8414 metadata at" << urls[0] << firstStatus
                             << "; trying OpenID Connect discovery";
            task->await(m_http.send(get(urls[1])), [task, read, urls,
                                                    firstStatus](Result<HttpExchange> second) {
                if (!second)
                    return task->finish(second.error());
                if (auto result = read(second.value()))
                    return task->finish(std::move(*result));
                const int status = second.value().status;
                Error error = makeError(
                    status >= 500 ? Error::Kind::Server : Error::Kind::NotFound,
                    OAuthClient::tr("No provider metadata at %1 (HTTP %2) nor at %3 (HTTP %4).")
                        .arg(urls[0].toString())
                        .arg(firstStatus)
                        .arg(urls[1].toString())
                        .arg(status),
                    OAuthClient::tr("Check the issuer URL, or enter the endpoints "
                                    "yourself."));
                error.httpStatus = status;
                task->finish(std::move(error));
            });
        });
    return task->future();
}

void OAuthClient::setProvider(const ProviderMetadata &metadata)
{
    m_provider = metadata;
    m_jwks = {}; // another provider's keys, or stale ones
}

Result<AuthorizationRequest>
OAuthClient::buildAuthorizationRequest(const AuthorizationOptions &options) const
{
    if (!isHttpUrl(m_provider.authorizationEndpoint))
        return makeError(Error::Kind::Usage,
                         tr("The provider has no authorization endpoint: discover it or enter "
                            "it."));
    if (m_credentials.clientId.isEmpty())
        return makeError(Error::Kind::Usage, tr("A client ID is needed."));
    if (options.redirectUri.isEmpty())
        return makeError(Error::Kind::Usage, tr("A redirect URI is needed."));

    AuthorizationRequest request;
    request.redirectUri = options.redirectUri;
    request.pkce = options.pkce;
    request.state = options.state.isEmpty() ? Random::secret(128) : options.state;

    QueryParameters parameters{{u"response_type"_s, u"code"_s},
                               {u"client_id"_s, m_credentials.clientId},
                               {u"redirect_uri"_s, options.redirectUri}};
    if (!options.scopes.isEmpty())
        parameters.append({u"scope"_s, options.scopes.join(u' ')});
    parameters.append({u"state"_s, request.state});
    if (options.pkce != PkceMethod::Off) {
        request.codeVerifier = Pkce::newVerifier();
        const bool s256 = options.pkce == PkceMethod::S256;
        parameters.append({u"code_challenge"_s, s256 ? Pkce::challengeS256(request.codeVerifier)
                                                     : request.codeVerifier});
        parameters.append({u"code_challenge_method"_s, s256 ? u"S256"_s : u"plain"_s});
    }
    for (const auto &[name, value] : options.extraParameters)
        setParameter(parameters, name, value);

    // The endpoint's own query stays (RFC 6749 §3.1).
    QByteArray url = m_provider.authorizationEndpoint.toEncoded(QUrl::RemoveFragment);
    url += (m_provider.authorizationEndpoint.hasQuery() ? '&' : '?') + formBody(parameters);
    request.url = QUrl::fromEncoded(url, QUrl::StrictMode);
    return request;
}

Error OAuthClient::endpointError(const HttpExchange &exchange)
{
    Error error = HttpClient::errorFrom(exchange);
    if (error.oauthError == u"invalid_client") {
        error.kind = Error::Kind::Authentication;
        error.hint = tr("Check the client ID and secret, and that the client authentication "
                        "method (Basic or POST) is the one registered for the client.");
    } else if (error.oauthError == u"invalid_grant") {
        error.kind = Error::Kind::Authentication;
        error.hint = tr("The code or refresh token is invalid, expired, already used or "
                        "issued to another client: start the flow again.");
    } else if (error.oauthError == u"unauthorized_client") {
        error.kind = Error::Kind::Forbidden;
        error.hint = tr("Check the grant types registered for the client.");
    } else if (error.oauthError == u"invalid_scope") {
        error.kind = Error::Kind::Validation;
        error.hint = tr("Ask only for scopes the client is allowed.");
    } else if (error.oauthError == u"unsupported_token_type") {
        error.hint = tr("The provider does not handle this kind of token here.");
    }
    return error;
}

Result<HttpCall> OAuthClient::formCall(const QUrl &endpoint, const QString &endpointName,
                                       QueryParameters form) const
{
    if (!isHttpUrl(endpoint))
        return makeError(
            Error::Kind::Usage,
            tr("The provider has no %1 endpoint: discover it or enter it.").arg(endpointName));
    if (m_credentials.clientId.isEmpty())
        return makeError(Error::Kind::Usage, tr("A client ID is needed."));
    HttpCall call;
    call.method = "POST";
    call.url = endpoint;
    call.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"Accept", "application/json"}};
    switch (m_credentials.auth) {
    case ClientAuth::Basic: {
        if (m_credentials.clientSecret.isEmpty())
            return makeError(Error::Kind::Usage,
                             tr("Client authentication with HTTP Basic needs a client secret."));
        const QByteArray pair =
            formEncode(m_credentials.clientId) + ':' + formEncode(m_credentials.clientSecret);
        call.headers.append({"Authorization", "Basic " + pair.toBase64()});
        break;
    }
    case ClientAuth::Post:
        if (m_credentials.clientSecret.isEmpty())
            return makeError(Error::Kind::Usage,
                             tr("Client authentication by POST needs a client secret."));
        form.append({u"client_id"_s, m_credentials.clientId});
        form.append({u"client_secret"_s, m_credentials.clientSecret});
        break;
    case ClientAuth::None:
        form.append({u"client_id"_s, m_credentials.clientId});
        break;
    }
    call.body = formBody(form);
    return call;
}

Task<TokenResponse> OAuthClient::tokenRequest(QueryParameters form)
{
    auto call = formCall(m_provider.tokenEndpoint, u"token"_s, std::move(form));
    if (!call)
        return readyTask<TokenResponse>(call.error());
    auto task = PendingTask<TokenResponse>::start(this);
    task->await(m_http.send(std::move(call).value()), [task](Result<HttpExchange> exchange) {
        if (!exchange)
            return task->finish(exchange.error());
        const HttpExchange &response = exchange.value();
        if (response.status != 200)
            return task->finish(endpointError(response));
        const auto object = jsonObject(response.responseBody);
        if (!object)
            return task->finish(makeError(Error::Kind::Protocol,
                                          tr("The token endpoint answered something that is not "
                                             "a JSON object.")));
        task->finish(TokenResponse::fromJson(*object, response.startedAt));
    });
    return task->future();
}

Task<TokenResponse> OAuthClient::exchangeCode(const QString &code,
                                              const AuthorizationRequest &request)
{
    QueryParameters form{{u"grant_type"_s, u"authorization_code"_s},
                         {u"code"_s, code},
                         {u"redirect_uri"_s, request.redirectUri}};
    if (!request.codeVerifier.isEmpty())
        form.append({u"code_verifier"_s, request.codeVerifier});
    return tokenRequest(std::move(form));
}

Task<TokenResponse> OAuthClient::clientCredentials(const QStringList &scopes,
                                                   const QueryParameters &extraParameters)
{
    QueryParameters form{{u"grant_type"_s, u"client_credentials"_s}};
    if (!scopes.isEmpty())
        form.append({u"scope"_s, scopes.join(u' ')});
    for (const auto &[name, value] : extraParameters)
        setParameter(form, name, value);
    return tokenRequest(std::move(form));
}

Task<TokenResponse> OAuthClient::refresh(const QString &refreshToken, const QStringList &scopes,
                                         const QueryParameters &extraParameters)
{
    QueryParameters form{{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refreshToken}};
    if (!scopes.isEmpty())
        form.append({u"scope"_s, scopes.join(u' ')});
    for (const auto &[name, value] : extraParameters)
        setParameter(form, name, value);
    return tokenRequest(std::move(form));
}

Task<Nothing> OAuthClient::revoke(const QString &token, const QString &tokenTypeHint)
{
    QueryParameters form{{u"token"_s, token}};
    if (!tokenTypeHint.isEmpty())
        form.append({u"token_type_hint"_s, tokenTypeHint});
    auto call = formCall(m_provider.revocationEndpoint, u"revocation"_s, std::move(form));
    if (!call)
        return readyTask<Nothing>(call.error());
    auto task = PendingTask<Nothing>::start(this);
    task->await(m_http.send(std::move(call).value()), [task](Result<HttpExchange> exchange) {
        if (!exchange)
            return task->finish(exchange.error());
        if (exchange.value().status != 200)
            return task->finish(endpointError(exchange.value()));
        task->finish(Nothing{});
    });
    return task->future();
}

Task<QJsonObject> OAuthClient::introspect(const QString &token, const QString &tokenTypeHint)
{
    QueryParameters form{{u"token"_s, token}};
    if (!tokenTypeHint.isEmpty())
        form.append({u"token_type_hint"_s, tokenTypeHint});
    auto call = formCall(m_provider.introspectionEndpoint, u"introspection"_s, std::move(form));
    if (!call)
        return readyTask<QJsonObject>(call.error());
    auto task = PendingTask<QJsonObject>::start(this);
    task->await(m_http.send(std::move(call).value()), [task](Result<HttpExchange> exchange) {
        if (!exchange)
            return task->finish(exchange.error());
        if (exchange.value().status != 200)
            return task->finish(endpointError(exchange.value()));
        const auto object = jsonObject(exchange.value().responseBody);
        if (!object || !object->value(u"active"_s).isBool())
            return task->finish(makeError(Error::Kind::Protocol,
                                          tr("The introspection response is not a JSON object "
                                             "with a boolean “active” (RFC 7662 §2.2).")));
        task->finish(*object);
    });
    return task->future();
}

Task<QJsonObject> OAuthClient::fetchJwks()
{
    if (!isHttpUrl(m_provider.jwksUri))
        return readyTask<QJsonObject>(
            makeError(Error::Kind::Usage, tr("The provider publishes no JWKS (jwks_uri).")));
    HttpCall call;
    call.url = m_provider.jwksUri;
    call.headers = {{"Accept", "application/jwk-set+json, application/json"}};
    auto task = PendingTask<QJsonObject>::start(this);
    task->await(m_http.send(std::move(call)), [this, task](Result<HttpExchange> exchange) {
        if (!exchange)
            return task->finish(exchange.error());
        if (exchange.value().status != 200)
            return task->finish(HttpClient::errorFrom(exchange.value()));
        const auto object = jsonObject(exchange.value().responseBody);
        if (!object || !object->value(u"keys"_s).isArray())
            return task->finish(makeError(Error::Kind::Protocol,
                                          tr("The provider's JWKS is not a JSON object with a "
                                             "“keys” array (RFC 7517 §5).")));
        m_jwks = *object;
        task->finish(*object);
    });
    return task->future();
}

Task<Jwt::Verification> OAuthClient::verifyJwt(const QString &token)
{
    auto task = PendingTask<Jwt::Verification>::start(this);
    auto fetchAndVerify = [this, task, token] {
        task->await(fetchJwks(), [task, token](Result<QJsonObject> jwks) {
            if (!jwks)
                return task->finish(jwks.error());
            task->finish(Jwt::verify(token, jwks.value()));
        });
    };
    if (m_jwks.isEmpty()) {
        fetchAndVerify();
        return task->future();
    }
    Jwt::Verification verification = Jwt::verify(token, m_jwks);
    if (verification.status == Jwt::Status::UnknownKey && !verification.token.keyId().isEmpty()) {
        qCDebug(lcOAuth) << "Unknown kid; fetching the JWKS again";
        fetchAndVerify();
        return task->future();
    }
    task->finish(std::move(verification));
    return task->future();
}

} // namespace Latchkey::Core
