#include <browser.h>
#include <oauth/oauthclient.h>
#include <oidcprovider.h>
#include <protocol/base64url.h>
#include <protocol/pkce.h>
#include <testserver.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;
using Latchkey::Test::Browser;
using Latchkey::Test::FormFields;
using Latchkey::Test::nodeExecutable;
using Latchkey::Test::OidcProvider;
using Latchkey::Test::oidcProviderInstalled;
using Latchkey::Test::Page;
using Latchkey::Test::peersDir;
using Latchkey::Test::TestServer;

Q_DECLARE_METATYPE(Latchkey::Core::ClientAuth)
Q_DECLARE_METATYPE(Latchkey::Core::Error::Kind)

namespace {

template<typename T>
Result<T> await(Task<T> task, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&task] { return task.isFinished(); }, timeoutMs)) {
        task.cancel();
        return Error{Error::Kind::Timeout, 0, u"the test gave up waiting"_s, {}, {}, {}};
    }
    if (task.resultCount() == 0)
        return Error{Error::Kind::Cancelled, 0, u"finished without a result"_s, {}, {}, {}};
    return task.result();
}

template<typename T>
QByteArray describe(const Result<T> &result)
{
    if (result.ok())
        return "ok";
    return (u"error (kind %1, HTTP %2, %3): %4"_s.arg(int(result.error().kind))
                .arg(result.error().httpStatus)
                .arg(result.error().oauthError, result.error().toText()))
        .toUtf8();
}

QString queryValue(const QUrl &url, const QString &name)
{
    const QString encoded = url.query(QUrl::FullyEncoded);
    for (const QString &pair : encoded.split(u'&')) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals > 0 && pair.left(equals) == name)
            return QUrl::fromPercentEncoding(pair.mid(equals + 1).replace(u'+', u' ').toUtf8());
    }
    return {};
}

QString flipSignatureBit(const QString &token)
{
    QStringList parts = token.split(u'.');
    QByteArray signature = *Latchkey::Base64Url::decode(parts[2].toLatin1());
    signature[5] = char(signature[5] ^ 0x04);
    parts[2] = QString::fromLatin1(Latchkey::Base64Url::encode(signature));
    return parts.join(u'.');
}

// The first form of a page: its action and hidden inputs.
std::optional<std::pair<QUrl, FormFields>> firstForm(const Page &page)
{
    static const QRegularExpression form(u"<form\\b[^>]*\\baction=\"([^\"]*)\""_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = form.match(page.text());
    if (!match.hasMatch())
        return std::nullopt;
    const QString action = match.captured(1).replace(u"&amp;"_s, u"&"_s);
    FormFields fields;
    const QMap<QString, QString> hidden = Browser::formFields(page.body);
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it)
        fields.append({it.key(), it.value()});
    return std::make_pair(page.url.resolved(QUrl(action)), fields);
}

// oidc-provider's devInteractions as a user goes through them: follows redirects, signs in as
// `login`, consents (or aborts at the consent prompt), until the redirect to `redirectUri`.
Page throughDevInteractions(Browser &browser, const QUrl &authorizeUrl, const QString &redirectUri,
                            bool abortAtConsent = false)
{
    Page page = browser.open(authorizeUrl);
    for (int step = 0; step < 12; ++step) {
        if (!page.location.isEmpty()) {
            if (page.location.toString().startsWith(redirectUri))
                return page;
            page = browser.open(page.location);
            continue;
        }
        const auto form = firstForm(page);
        if (page.status != 200 || !form)
            return page;
        FormFields fields = form->second;
        const QMap<QString, QString> hidden = Browser::formFields(page.body);
        if (hidden.value(u"prompt"_s) == u"login") {
            fields.append({u"login"_s, u"alice"_s});
            fields.append({u"password"_s, u"any password"_s});
        } else if (abortAtConsent) {
            page = browser.open(QUrl(form->first.toString() + u"/abort"_s));
            continue;
        }
        page = browser.post(form->first, fields);
    }
    return page;
}

} // namespace

// Skips when the npm peers are not installed; otherwise starts oidc-provider (once), discovers
// it and takes the client it registered for `auth`.
#define REQUIRE_OIDC_PROVIDER(auth)                                                                \
    do {                                                                                           \
        if (!oidcProviderInstalled())                                                              \
            QSKIP("tests/peers/node_modules is missing: run tools/install-deps");                  \
        discoverOidc(auth);                                                                        \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// OAuthClient against our own authorization server (in process) and against oidc-provider, a
// certified one (a node child process): discovery, the authorization request and redirect
// checks, code + PKCE, client credentials with each client authentication, refresh rotation,
// introspection, revocation, and JWT access tokens verified against the provider's JWKS.
class TestOAuthClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cleanupTestCase();

    void discoveryReadsOurMetadata();
    void discoveryRefusesAnotherIssuer();
    void discoveryReportsMissingMetadata();
    void discoveryRefusesABadIssuerUrl_data();
    void discoveryRefusesABadIssuerUrl();
    void clientCredentials_data();
    void clientCredentials();
    void basicCredentialsAreFormEncoded();
    void wrongSecretIsAnAuthenticationError_data();
    void wrongSecretIsAnAuthenticationError();
    void authorizationRequestCarriesPkceAndState();
    void authorizationRequestOptions();
    void authorizationCodeWithPkce();
    void publicClientUsesNoSecret();
    void wrongVerifierIsRefused();
    void refreshRotatesAndReuseRevokesTheFamily();
    void introspectAndRevoke();
    void deniedConsentSaysSo();
    void realRedirectFromAnotherIssuerIsRefused();
    void parseRedirect_data();
    void parseRedirect();
    void missingEndpointsAreUsageErrors();
    void cancellingAbortsTheRequest();

    void oidcDiscoveryFallsBackToOpenidConfiguration();
    void oidcClientCredentials_data();
    void oidcClientCredentials();
    void oidcJwtAccessTokens_data();
    void oidcJwtAccessTokens();
    void oidcTamperedTokenIsRejected();
    void oidcWrongSecret();
    void oidcAuthorizationCodeRefreshIntrospectRevoke();
    void oidcAbortedInteractionIsAccessDenied();

private:
    QJsonObject codeConsumer();
    Page approve(const AuthorizationRequest &request);
    void discoverOurs();
    void startOidcProvider();
    void discoverOidc(ClientAuth auth = ClientAuth::Basic);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<OAuthClient> m_client;
    QList<HttpExchange> m_exchanges;
    std::unique_ptr<OidcProvider> m_oidc; // started once, by the first test that needs it
};

void TestOAuthClient::init()
{
    m_server = std::make_unique<TestServer>();
    m_http = std::make_unique<HttpClient>();
    m_exchanges.clear();
    m_http->setObserver([this](const HttpExchange &exchange) { m_exchanges.append(exchange); });
    m_client = std::make_unique<OAuthClient>(*m_http);
}

void TestOAuthClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_server.reset();
}

void TestOAuthClient::cleanupTestCase()
{
    if (m_oidc)
        m_oidc->stop();
}

QString issuerOf(TestServer &server)
{
    return server.url().toString(QUrl::StripTrailingSlash);
}

void TestOAuthClient::discoverOurs()
{
    const auto metadata = await(m_client->discover(m_server->url()));
    QVERIFY2(metadata.ok(), describe(metadata).constData());
    m_exchanges.clear();
}

QJsonObject TestOAuthClient::codeConsumer()
{
    return m_server->createConsumer({{u"name"_s, u"Field App"_s},
                                     {u"grant_type"_s, u"authorization_code"_s},
                                     {u"redirect_uris"_s, QJsonArray{u"http://127.0.0.1/cb"_s}}});
}

Page TestOAuthClient::approve(const AuthorizationRequest &request)
{
    Browser browser;
    const QJsonObject admin = m_server->bootstrap()[u"admin"_s].toObject();
    return browser.authorize(request.url, admin[u"email"_s].toString(),
                             admin[u"password"_s].toString());
}

void TestOAuthClient::discoveryReadsOurMetadata()
{
    const QStringList typings{issuerOf(*m_server), issuerOf(*m_server) + u"/"_s};
    for (const QString &typed : typings) {
        m_exchanges.clear();
        const auto result = await(m_client->discover(QUrl(typed)));
        QVERIFY2(result.ok(), describe(result).constData());
        const ProviderMetadata &metadata = result.value();
        QCOMPARE(metadata.issuer, issuerOf(*m_server));
        QCOMPARE(metadata.tokenEndpoint.toString(), issuerOf(*m_server) + u"/oauth/token"_s);
        QCOMPARE(metadata.authorizationEndpoint.toString(),
                 issuerOf(*m_server) + u"/oauth/authorize"_s);
        QCOMPARE(metadata.revocationEndpoint.toString(), issuerOf(*m_server) + u"/oauth/revoke"_s);
        QCOMPARE(metadata.introspectionEndpoint.toString(),
                 issuerOf(*m_server) + u"/oauth/introspect"_s);
        QVERIFY(metadata.authorizationResponseIssParameterSupported);
        QCOMPARE(metadata.codeChallengeMethodsSupported, QStringList{u"S256"_s});
        QVERIFY(metadata.tokenEndpointAuthMethodsSupported.contains(u"client_secret_post"_s));
        QVERIFY(metadata.scopesSupported.contains(u"assets:read"_s));
        QCOMPARE(metadata.documentUrl.path(), u"/.well-known/oauth-authorization-server"_s);
        QCOMPARE(m_client->provider().issuer, metadata.issuer);
        QCOMPARE(m_exchanges.size(), 1);
        QCOMPARE(m_exchanges[0].url, metadata.documentUrl);
    }
}

void TestOAuthClient::discoveryRefusesAnotherIssuer()
{
    // The same server by another name: its metadata names 127.0.0.1, not localhost.
    QUrl asked = m_server->url();
    asked.setHost(u"localhost"_s);
    const auto result = await(m_client->discover(asked));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Protocol);
    QVERIFY2(result.error().message.contains(u"names the issuer “"_s + issuerOf(*m_server)),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(u"RFC 8414"_s));
    QVERIFY(!result.error().hint.isEmpty());
    QVERIFY(m_client->provider().issuer.isEmpty());
    QCOMPARE(m_exchanges.size(), 1); // no fallback after a document that names someone else
}

void TestOAuthClient::discoveryReportsMissingMetadata()
{
    const QUrl issuer(issuerOf(*m_server) + u"/tenants/acme"_s);
    const auto result = await(m_client->discover(issuer));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::NotFound);
    QCOMPARE(m_exchanges.size(), 2);
    // RFC 8414 §3.1 puts the well-known segment before the issuer's path; OpenID Connect
    // Discovery appends it.
    QCOMPARE(m_exchanges[0].url.path(), u"/.well-known/oauth-authorization-server/tenants/acme"_s);
    QCOMPARE(m_exchanges[1].url.path(), u"/tenants/acme/.well-known/openid-configuration"_s);
    QVERIFY2(result.error().message.contains(m_exchanges[0].url.toString()) &&
                 result.error().message.contains(m_exchanges[1].url.toString()),
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(u"HTTP 404"_s));
}

void TestOAuthClient::discoveryRefusesABadIssuerUrl_data()
{
    QTest::addColumn<QUrl>("issuer");
    QTest::newRow("ftp") << QUrl(u"ftp://as.example"_s);
    QTest::newRow("with a query") << QUrl(u"https://as.example?tenant=1"_s);
    QTest::newRow("with a fragment") << QUrl(u"https://as.example/#x"_s);
    QTest::newRow("relative") << QUrl(u"as.example"_s);
}

void TestOAuthClient::discoveryRefusesABadIssuerUrl()
{
    QFETCH(QUrl, issuer);
    const auto result = await(m_client->discover(issuer));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Usage);
    QVERIFY(m_exchanges.isEmpty());
}

void TestOAuthClient::clientCredentials_data()
{
    QTest::addColumn<ClientAuth>("auth");
    QTest::newRow("client_secret_basic") << ClientAuth::Basic;
    QTest::newRow("client_secret_post") << ClientAuth::Post;
}

void TestOAuthClient::clientCredentials()
{
    QFETCH(ClientAuth, auth);
    discoverOurs();
    const QJsonObject consumer = m_server->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    QVERIFY(!consumer.isEmpty());
    const QString secret = consumer[u"client_secret"_s].toString();
    m_client->setCredentials({consumer[u"client_id"_s].toString(), secret, auth});

    const auto result = await(m_client->clientCredentials({u"assets:read"_s}));
    QVERIFY2(result.ok(), describe(result).constData());
    const TokenResponse &token = result.value();
    QCOMPARE(token.tokenType, u"Bearer"_s);
    QCOMPARE(token.scope, u"assets:read"_s);
    QVERIFY(token.expiresIn && *token.expiresIn > 0);
    QVERIFY(token.expiresAt() > QDateTime::currentDateTimeUtc());
    QVERIFY(token.refreshToken.isEmpty());
    QCOMPARE(token.raw[u"access_token"_s].toString(), token.accessToken);

    const auto whoami = m_server->withToken(token.accessToken, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"scopes"_s].toArray(), QJsonArray{u"assets:read"_s});

    // The request authenticated the way it was told to, and the timeline does not show the secret.
    QCOMPARE(m_exchanges.size(), 1);
    const HttpExchange &sent = m_exchanges[0];
    QCOMPARE(sent.method, "POST"_ba);
    QCOMPARE(sent.requestHeader("Content-Type"), "application/x-www-form-urlencoded"_ba);
    QCOMPARE(sent.requestHeader("Authorization").startsWith("Basic "), auth == ClientAuth::Basic);
    QCOMPARE(sent.requestBody.contains("client_secret="), auth == ClientAuth::Post);
    QVERIFY(sent.requestBody.contains("grant_type=client_credentials"));
    QVERIFY(sent.requestBody.contains("scope=assets%3Aread"));
    const HttpExchange masked = sent.masked();
    QVERIFY(!masked.toCurl().contains(secret));
    QVERIFY(!masked.responseBody.contains(token.accessToken.toUtf8()));
}

void TestOAuthClient::basicCredentialsAreFormEncoded()
{
    discoverOurs();
    // RFC 6749 App. B / §2.3.1: form-urlencode id and secret before joining them with ':'.
    m_client->setCredentials({u"app:one two"_s, u"s3cr&t+:é"_s, ClientAuth::Basic});
    const auto result = await(m_client->clientCredentials());
    QVERIFY(!result.ok()); // no such client here; the header is what counts
    QCOMPARE(m_exchanges.size(), 1);
    QCOMPARE(m_exchanges[0].requestHeader("Authorization"),
             "Basic " + "app%3Aone+two:s3cr%26t%2B%3A%C3%A9"_ba.toBase64());
    QVERIFY(!m_exchanges[0].requestBody.contains("client_id"));
}

void TestOAuthClient::wrongSecretIsAnAuthenticationError_data()
{
    QTest::addColumn<ClientAuth>("auth");
    QTest::newRow("client_secret_basic") << ClientAuth::Basic;
    QTest::newRow("client_secret_post") << ClientAuth::Post;
}

void TestOAuthClient::wrongSecretIsAnAuthenticationError()
{
    QFETCH(ClientAuth, auth);
    discoverOurs();
    const QJsonObject consumer = m_server->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    m_client->setCredentials({consumer[u"client_id"_s].toString(), u"wrong-secret"_s, auth});
    const auto result = await(m_client->clientCredentials());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Authentication);
    QCOMPARE(result.error().httpStatus, 401);
    QCOMPARE(result.error().oauthError, u"invalid_client"_s);
    QVERIFY2(result.error().message.contains(u"Unknown client or wrong secret."_s),
             qPrintable(result.error().message));
    QVERIFY(result.error().hint.contains(u"secret"_s));
}

void TestOAuthClient::authorizationRequestCarriesPkceAndState()
{
    discoverOurs();
    m_client->setCredentials({u"client-1"_s, {}, ClientAuth::None});
    AuthorizationOptions options;
    options.redirectUri = u"http://127.0.0.1/cb"_s;
    options.scopes = {u"assets:read"_s, u"work_orders:read"_s};
    const auto first = m_client->buildAuthorizationRequest(options);
    const auto second = m_client->buildAuthorizationRequest(options);
    QVERIFY2(first.ok(), describe(first).constData());
    const AuthorizationRequest &request = first.value();

    QCOMPARE(request.url.toString(QUrl::RemoveQuery), issuerOf(*m_server) + u"/oauth/authorize"_s);
    QCOMPARE(queryValue(request.url, u"response_type"_s), u"code"_s);
    QCOMPARE(queryValue(request.url, u"client_id"_s), u"client-1"_s);
    QCOMPARE(queryValue(request.url, u"redirect_uri"_s), u"http://127.0.0.1/cb"_s);
    QCOMPARE(queryValue(request.url, u"scope"_s), u"assets:read work_orders:read"_s);
    QCOMPARE(queryValue(request.url, u"state"_s), request.state);
    QCOMPARE(queryValue(request.url, u"code_challenge_method"_s), u"S256"_s);
    QVERIFY(Latchkey::Pkce::isValidVerifier(request.codeVerifier));
    QCOMPARE(queryValue(request.url, u"code_challenge"_s),
             Latchkey::Pkce::challengeS256(request.codeVerifier));
    QVERIFY(request.state.size() >= 22);
    QVERIFY(request.state != second.value().state);
    QVERIFY(request.codeVerifier != second.value().codeVerifier);
}

void TestOAuthClient::authorizationRequestOptions()
{
    ProviderMetadata provider;
    provider.issuer = u"https://as.example"_s;
    provider.authorizationEndpoint = QUrl(u"https://as.example/authorize?tenant=acme"_s);
    m_client->setProvider(provider);
    m_client->setCredentials({u"client-1"_s, {}, ClientAuth::None});

    AuthorizationOptions options;
    options.redirectUri = u"https://app.example/cb?x=1"_s;
    options.pkce = PkceMethod::Plain;
    options.state = u"a+b c&d"_s;
    options.extraParameters = {{u"resource"_s, u"urn:api"_s}, {u"prompt"_s, u"consent"_s}};
    auto request = m_client->buildAuthorizationRequest(options);
    QVERIFY2(request.ok(), describe(request).constData());
    const QUrl url = request.value().url;
    QCOMPARE(queryValue(url, u"tenant"_s), u"acme"_s); // the endpoint's own query stays
    QCOMPARE(queryValue(url, u"state"_s), u"a+b c&d"_s);
    QCOMPARE(request.value().state, u"a+b c&d"_s);
    QCOMPARE(queryValue(url, u"redirect_uri"_s), u"https://app.example/cb?x=1"_s);
    QCOMPARE(queryValue(url, u"code_challenge_method"_s), u"plain"_s);
    QCOMPARE(queryValue(url, u"code_challenge"_s), request.value().codeVerifier);
    QCOMPARE(queryValue(url, u"resource"_s), u"urn:api"_s);
    QCOMPARE(queryValue(url, u"prompt"_s), u"consent"_s);
    QVERIFY(!url.query().contains(u"scope="_s));

    options.pkce = PkceMethod::Off;
    request = m_client->buildAuthorizationRequest(options);
    QVERIFY(request.ok());
    QVERIFY(request.value().codeVerifier.isEmpty());
    QVERIFY(!request.value().url.query().contains(u"code_challenge"_s));

    options.redirectUri.clear();
    request = m_client->buildAuthorizationRequest(options);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().kind, Error::Kind::Usage);
}

void TestOAuthClient::authorizationCodeWithPkce()
{
    discoverOurs();
    const QJsonObject consumer = codeConsumer();
    QVERIFY(!consumer.isEmpty());
    m_client->setCredentials({consumer[u"client_id"_s].toString(),
                              consumer[u"client_secret"_s].toString(), ClientAuth::Basic});
    const auto request = m_client->buildAuthorizationRequest(
        {u"http://127.0.0.1/cb"_s, {u"assets:read"_s}, PkceMethod::S256, {}, {}});
    QVERIFY(request.ok());

    const Page redirect = approve(request.value());
    QVERIFY2(redirect.status == 302, redirect.describe().constData());
    const auto response = m_client->parseRedirect(redirect.location, request.value());
    QVERIFY2(response.ok(), describe(response).constData());
    QCOMPARE(response.value().iss, issuerOf(*m_server));
    QCOMPARE(response.value().state, request.value().state);

    const auto tokens = await(m_client->exchangeCode(response.value().code, request.value()));
    QVERIFY2(tokens.ok(), describe(tokens).constData());
    QCOMPARE(tokens.value().scope, u"assets:read"_s);
    QVERIFY(!tokens.value().refreshToken.isEmpty());
    QVERIFY(m_exchanges.last().requestBody.contains(
        QByteArray("code_verifier=" + request.value().codeVerifier.toLatin1())));
    const auto whoami = m_server->withToken(tokens.value().accessToken, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"type"_s].toString(), u"user"_s);

    // A code works once.
    const auto again = await(m_client->exchangeCode(response.value().code, request.value()));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().oauthError, u"invalid_grant"_s);
}

void TestOAuthClient::publicClientUsesNoSecret()
{
    discoverOurs();
    const QString desktop = m_server->bootstrap()[u"desktop"_s][u"client_id"_s].toString();
    QVERIFY(!desktop.isEmpty());
    m_client->setCredentials({desktop, {}, ClientAuth::None});
    // Loopback redirect on any port (RFC 8252 §7.3).
    const auto request = m_client->buildAuthorizationRequest(
        {u"http://127.0.0.1:51234/callback"_s, {u"admin"_s}, PkceMethod::S256, {}, {}});
    QVERIFY(request.ok());
    const Page redirect = approve(request.value());
    const auto response = m_client->parseRedirect(redirect.location, request.value());
    QVERIFY2(response.ok(), QByteArray(describe(response) + ' ' + redirect.describe()).constData());
    const auto tokens = await(m_client->exchangeCode(response.value().code, request.value()));
    QVERIFY2(tokens.ok(), describe(tokens).constData());
    QVERIFY(m_exchanges.last().requestHeader("Authorization").isEmpty());
    QVERIFY(m_exchanges.last().requestBody.contains("client_id="));
    QVERIFY(!m_exchanges.last().requestBody.contains("client_secret"));
    const auto refreshed = await(m_client->refresh(tokens.value().refreshToken));
    QVERIFY2(refreshed.ok(), describe(refreshed).constData());
}

void TestOAuthClient::wrongVerifierIsRefused()
{
    discoverOurs();
    const QJsonObject consumer = codeConsumer();
    m_client->setCredentials({consumer[u"client_id"_s].toString(),
                              consumer[u"client_secret"_s].toString(), ClientAuth::Post});
    auto request = m_client->buildAuthorizationRequest(
        {u"http://127.0.0.1/cb"_s, {u"assets:read"_s}, PkceMethod::S256, {}, {}});
    QVERIFY(request.ok());
    const Page redirect = approve(request.value());
    const auto response = m_client->parseRedirect(redirect.location, request.value());
    QVERIFY2(response.ok(), describe(response).constData());

    AuthorizationRequest forged = request.value();
    forged.codeVerifier = Latchkey::Pkce::newVerifier();
    const auto tokens = await(m_client->exchangeCode(response.value().code, forged));
    QVERIFY(!tokens.ok());
    QCOMPARE(tokens.error().oauthError, u"invalid_grant"_s);
    QCOMPARE(tokens.error().kind, Error::Kind::Authentication);
    QVERIFY(!tokens.error().hint.isEmpty());
}

void TestOAuthClient::refreshRotatesAndReuseRevokesTheFamily()
{
    discoverOurs();
    const QJsonObject consumer = codeConsumer();
    m_client->setCredentials({consumer[u"client_id"_s].toString(),
                              consumer[u"client_secret"_s].toString(), ClientAuth::Basic});
    const auto request = m_client->buildAuthorizationRequest(
        {u"http://127.0.0.1/cb"_s, {u"assets:read"_s, u"assets:write"_s}, {}, {}, {}});
    const auto response =
        m_client->parseRedirect(approve(request.value()).location, request.value());
    QVERIFY2(response.ok(), describe(response).constData());
    const auto first = await(m_client->exchangeCode(response.value().code, request.value()));
    QVERIFY2(first.ok(), describe(first).constData());

    const auto second = await(m_client->refresh(first.value().refreshToken, {u"assets:read"_s}));
    QVERIFY2(second.ok(), describe(second).constData());
    QVERIFY(second.value().refreshToken != first.value().refreshToken);
    QVERIFY(second.value().accessToken != first.value().accessToken);
    QCOMPARE(second.value().scope, u"assets:read"_s);
    QVERIFY(m_exchanges.last().requestBody.contains("grant_type=refresh_token"));
    QVERIFY(m_exchanges.last().requestBody.contains("scope=assets%3Aread"));

    // Reusing the rotated refresh token is theft as far as the server knows.
    const auto reused = await(m_client->refresh(first.value().refreshToken));
    QVERIFY(!reused.ok());
    QCOMPARE(reused.error().oauthError, u"invalid_grant"_s);
    QCOMPARE(reused.error().kind, Error::Kind::Authentication);
    QVERIFY2(reused.error().message.contains(u"already used"_s),
             qPrintable(reused.error().message));
    const auto afterTheft = await(m_client->refresh(second.value().refreshToken));
    QVERIFY(!afterTheft.ok());
    const auto introspection = await(m_client->introspect(second.value().accessToken));
    QVERIFY2(introspection.ok(), describe(introspection).constData());
    QCOMPARE(introspection.value()[u"active"_s].toBool(true), false);
}

void TestOAuthClient::introspectAndRevoke()
{
    discoverOurs();
    const QJsonObject consumer = m_server->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    m_client->setCredentials({consumer[u"client_id"_s].toString(),
                              consumer[u"client_secret"_s].toString(), ClientAuth::Basic});
    const auto token = await(m_client->clientCredentials({u"assets:read"_s}));
    QVERIFY2(token.ok(), describe(token).constData());
    const QString accessToken = token.value().accessToken;

    auto introspection = await(m_client->introspect(accessToken, u"access_token"_s));
    QVERIFY2(introspection.ok(), describe(introspection).constData());
    QCOMPARE(introspection.value()[u"active"_s].toBool(), true);
    QCOMPARE(introspection.value()[u"client_id"_s].toString(), consumer[u"client_id"_s].toString());
    QCOMPARE(introspection.value()[u"scope"_s].toString(), u"assets:read"_s);
    QVERIFY(m_exchanges.last().requestBody.contains("token_type_hint=access_token"));

    const auto revoked = await(m_client->revoke(accessToken, u"access_token"_s));
    QVERIFY2(revoked.ok(), describe(revoked).constData());
    QCOMPARE(m_exchanges.last().url.path(), u"/oauth/revoke"_s);
    introspection = await(m_client->introspect(accessToken));
    QVERIFY(introspection.ok());
    QCOMPARE(introspection.value()[u"active"_s].toBool(true), false);
    QCOMPARE(m_server->withToken(accessToken, "GET", u"/api/v2/whoami"_s).status, 401);

    // Introspection needs the client to authenticate.
    m_client->setCredentials({consumer[u"client_id"_s].toString(), u"nope"_s, ClientAuth::Post});
    introspection = await(m_client->introspect(accessToken));
    QVERIFY(!introspection.ok());
    QCOMPARE(introspection.error().kind, Error::Kind::Authentication);
}

void TestOAuthClient::deniedConsentSaysSo()
{
    discoverOurs();
    const QJsonObject consumer = codeConsumer();
    m_client->setCredentials({consumer[u"client_id"_s].toString(),
                              consumer[u"client_secret"_s].toString(), ClientAuth::Basic});
    const auto request = m_client->buildAuthorizationRequest(
        {u"http://127.0.0.1/cb"_s, {u"assets:read"_s}, {}, {}, {}});
    Browser browser;
    const QJsonObject admin = m_server->bootstrap()[u"admin"_s].toObject();
    const Page redirect =
        browser.authorize(request.value().url, admin[u"email"_s].toString(),
                          admin[u"password"_s].toString(), Browser::Decision::Deny);
    QCOMPARE(redirect.locationParameter(u"error"_s), u"access_denied"_s);

    const auto response = m_client->parseRedirect(redirect.location, request.value());
    QVERIFY(!response.ok());
    QCOMPARE(response.error().oauthError, u"access_denied"_s);
    QCOMPARE(response.error().kind, Error::Kind::Forbidden);
    QVERIFY2(response.error().message.startsWith(u"The user denied the request."_s),
             qPrintable(response.error().message));
    QVERIFY(!response.error().hint.isEmpty());
}

void TestOAuthClient::realRedirectFromAnotherIssuerIsRefused()
{
    discoverOurs();
    const QJsonObject consumer = codeConsumer();
    m_client->setCredentials({consumer[u"client_id"_s].toString(),
                              consumer[u"client_secret"_s].toString(), ClientAuth::Basic});
    const auto request = m_client->buildAuthorizationRequest(
        {u"http://127.0.0.1/cb"_s, {u"assets:read"_s}, {}, {}, {}});
    const Page redirect = approve(request.value());
    QVERIFY(m_client->parseRedirect(redirect.location, request.value()).ok());

    // The same redirect, as a client talking to another provider would receive it (mix-up).
    ProviderMetadata other = m_client->provider();
    other.issuer = u"https://other.example"_s;
    auto response = OAuthClient::parseRedirect(redirect.location, request.value().state, other);
    QVERIFY(!response.ok());
    QVERIFY2(response.error().message.contains(u"mix-up"_s), qPrintable(response.error().message));

    response =
        OAuthClient::parseRedirect(redirect.location, u"another-attempt"_s, m_client->provider());
    QVERIFY(!response.ok());
    QVERIFY2(response.error().message.contains(u"state does not match"_s),
             qPrintable(response.error().message));
}

void TestOAuthClient::parseRedirect_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<bool>("advertisesIss");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("message"); // part of the error message, or the code

    const QString iss = u"&iss=https%3A%2F%2Fas.example"_s;
    const QString cb = u"http://127.0.0.1/cb?"_s;
    const auto ok = Error::Kind::Protocol; // unused when ok

    QTest::newRow("code") << cb + u"code=abc&state=xyz"_s + iss << true << true << ok << u"abc"_s;
    QTest::newRow("code in the fragment")
        << u"http://127.0.0.1/cb#code=abc&state=xyz"_s + iss << true << true << ok << u"abc"_s;
    QTest::newRow("no iss, none promised")
        << cb + u"code=abc&state=xyz"_s << false << true << ok << u"abc"_s;
    QTest::newRow("state mismatch") << cb + u"code=abc&state=other"_s + iss << true << false
                                    << Error::Kind::Protocol << u"state does not match"_s;
    QTest::newRow("state missing")
        << cb + u"code=abc"_s + iss << true << false << Error::Kind::Protocol << u"no state"_s;
    QTest::newRow("iss mismatch") << cb + u"code=abc&state=xyz&iss=https%3A%2F%2Fevil.example"_s
                                  << true << false << Error::Kind::Protocol << u"mix-up"_s;
    QTest::newRow("iss mismatch, none promised")
        << cb + u"code=abc&state=xyz&iss=https%3A%2F%2Fevil.example"_s << false << false
        << Error::Kind::Protocol << u"mix-up"_s;
    QTest::newRow("iss with a trailing slash")
        << cb + u"code=abc&state=xyz&iss=https%3A%2F%2Fas.example%2F"_s << true << false
        << Error::Kind::Protocol << u"mix-up"_s;
    QTest::newRow("iss missing when advertised")
        << cb + u"code=abc&state=xyz"_s << true << false << Error::Kind::Protocol << u"no iss"_s;
    QTest::newRow("access_denied")
        << cb + u"error=access_denied&error_description=End-User+aborted%20it&state=xyz"_s + iss
        << true << false << Error::Kind::Forbidden
        << u"The user denied the request. The provider said: “End-User aborted it”."_s;
    QTest::newRow("invalid_scope")
        << cb + u"error=invalid_scope&state=xyz"_s + iss << true << false << Error::Kind::Validation
        << u"The provider refused the requested scopes."_s;
    QTest::newRow("an error code nobody knows")
        << cb + u"error=too_sleepy&state=xyz"_s + iss << true << false << Error::Kind::Protocol
        << u"The provider refused the request (too_sleepy)."_s;
    QTest::newRow("error from another issuer is not believed")
        << cb + u"error=access_denied&state=xyz&iss=https%3A%2F%2Fevil.example"_s << true << false
        << Error::Kind::Protocol << u"mix-up"_s;
    QTest::newRow("error with a forged state")
        << cb + u"error=access_denied&state=forged"_s + iss << true << false
        << Error::Kind::Protocol << u"state does not match"_s;
    QTest::newRow("code twice") << cb + u"code=abc&code=def&state=xyz"_s + iss << true << false
                                << Error::Kind::Protocol << u"repeats the parameter code"_s;
    QTest::newRow("neither code nor error") << cb + u"state=xyz"_s + iss << true << false
                                            << Error::Kind::Protocol << u"neither a code"_s;
}

void TestOAuthClient::parseRedirect()
{
    QFETCH(QString, redirect);
    QFETCH(bool, advertisesIss);
    QFETCH(bool, ok);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, message);

    ProviderMetadata provider;
    provider.issuer = u"https://as.example"_s;
    provider.authorizationResponseIssParameterSupported = advertisesIss;
    const QUrl url(redirect, QUrl::StrictMode);
    const auto fromUrl = OAuthClient::parseRedirect(url, u"xyz"_s, provider);
    QCOMPARE(fromUrl.ok(), ok);
    if (ok) {
        QCOMPARE(fromUrl.value().code, message);
        QCOMPARE(fromUrl.value().state, u"xyz"_s);
    } else {
        QCOMPARE(fromUrl.error().kind, kind);
        QVERIFY2(fromUrl.error().message.contains(message), qPrintable(fromUrl.error().message));
    }
    // What a LoopbackReceiver hands over means the same.
    if (url.hasQuery()) {
        const auto fromQuery = OAuthClient::parseRedirect(QUrlQuery(url), u"xyz"_s, provider);
        QCOMPARE(fromQuery.ok(), ok);
        QCOMPARE(fromQuery.ok() ? fromQuery.value().code : fromQuery.error().message,
                 fromUrl.ok() ? fromUrl.value().code : fromUrl.error().message);
    }
}

void TestOAuthClient::missingEndpointsAreUsageErrors()
{
    ProviderMetadata provider;
    provider.issuer = u"https://as.example"_s;
    provider.tokenEndpoint = QUrl(u"https://as.example/token"_s);
    m_client->setProvider(provider);
    m_client->setCredentials({u"client"_s, u"secret"_s, ClientAuth::Basic});

    const auto revoked = await(m_client->revoke(u"token"_s));
    QVERIFY(!revoked.ok());
    QCOMPARE(revoked.error().kind, Error::Kind::Usage);
    QVERIFY(revoked.error().message.contains(u"revocation"_s));
    const auto introspected = await(m_client->introspect(u"token"_s));
    QCOMPARE(introspected.error().kind, Error::Kind::Usage);
    const auto jwks = await(m_client->fetchJwks());
    QCOMPARE(jwks.error().kind, Error::Kind::Usage);
    const auto request = m_client->buildAuthorizationRequest({u"https://app/cb"_s, {}, {}, {}, {}});
    QCOMPARE(request.error().kind, Error::Kind::Usage);
    m_client->setCredentials({u"client"_s, {}, ClientAuth::Basic});
    const auto token = await(m_client->clientCredentials());
    QCOMPARE(token.error().kind, Error::Kind::Usage);
    QVERIFY(m_exchanges.isEmpty());
}

void TestOAuthClient::cancellingAbortsTheRequest()
{
    // A listener that accepts and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ProviderMetadata provider;
    provider.issuer = u"http://127.0.0.1"_s;
    provider.tokenEndpoint = QUrl(u"http://127.0.0.1:%1/token"_s.arg(silent.serverPort()));
    m_client->setProvider(provider);
    m_client->setCredentials({u"client"_s, u"secret"_s, ClientAuth::Basic});

    Task<TokenResponse> task = m_client->clientCredentials();
    QVERIFY(QTest::qWaitFor([&silent] { return silent.hasPendingConnections(); }, 10000));
    task.cancel();
    QVERIFY(QTest::qWaitFor([&task] { return task.isFinished(); }, 10000));
    QVERIFY(task.isCanceled());
    // The request was aborted, and the observer saw it end without a response.
    QVERIFY(QTest::qWaitFor([this] { return !m_exchanges.isEmpty(); }, 10000));
    QCOMPARE(m_exchanges[0].status, 0);
}

void TestOAuthClient::startOidcProvider()
{
    QVERIFY2(!nodeExecutable().isEmpty(), "node is not on PATH");
    if (!m_oidc) {
        m_oidc = std::make_unique<OidcProvider>();
        const QString error = m_oidc->start();
        if (!error.isEmpty()) {
            m_oidc.reset();
            QFAIL(qPrintable(error));
        }
    }
    QCOMPARE(m_oidc->process.state(), QProcess::Running);
}

void TestOAuthClient::discoverOidc(ClientAuth auth)
{
    startOidcProvider();
    if (QTest::currentTestFailed())
        return;
    const auto metadata = await(m_client->discover(QUrl(m_oidc->issuer())));
    QVERIFY2(metadata.ok(), describe(metadata).constData());
    if (auth == ClientAuth::Post)
        m_client->setCredentials({m_oidc->get(u"post_client_id"_s),
                                  m_oidc->get(u"post_client_secret"_s), ClientAuth::Post});
    else
        m_client->setCredentials(
            {m_oidc->get(u"client_id"_s), m_oidc->get(u"client_secret"_s), ClientAuth::Basic});
    m_exchanges.clear();
}

void TestOAuthClient::oidcDiscoveryFallsBackToOpenidConfiguration()
{
    if (!oidcProviderInstalled())
        QSKIP("tests/peers/node_modules is missing: run tools/install-deps");
    startOidcProvider();
    if (QTest::currentTestFailed())
        return;
    const auto result = await(m_client->discover(QUrl(m_oidc->issuer())));
    QVERIFY2(result.ok(), describe(result).constData());
    QCOMPARE(m_exchanges.size(), 2);
    QCOMPARE(m_exchanges[0].url.path(), u"/.well-known/oauth-authorization-server"_s);
    QCOMPARE(m_exchanges[0].status, 404);
    QCOMPARE(m_exchanges[1].url.path(), u"/.well-known/openid-configuration"_s);
    const ProviderMetadata &metadata = result.value();
    QCOMPARE(metadata.issuer, m_oidc->issuer());
    QCOMPARE(metadata.documentUrl, m_exchanges[1].url);
    QCOMPARE(metadata.tokenEndpoint.toString(), m_oidc->issuer() + u"/token"_s);
    QCOMPARE(metadata.jwksUri.toString(), m_oidc->issuer() + u"/jwks"_s);
    QVERIFY(metadata.introspectionEndpoint.isValid());
    QVERIFY(metadata.revocationEndpoint.isValid());
    QVERIFY(metadata.authorizationResponseIssParameterSupported);
    QVERIFY(metadata.codeChallengeMethodsSupported.contains(u"S256"_s));
    QVERIFY(metadata.grantTypesSupported.contains(u"client_credentials"_s));
}

void TestOAuthClient::oidcClientCredentials_data()
{
    QTest::addColumn<ClientAuth>("auth");
    QTest::newRow("client_secret_basic") << ClientAuth::Basic;
    QTest::newRow("client_secret_post") << ClientAuth::Post;
}

void TestOAuthClient::oidcClientCredentials()
{
    QFETCH(ClientAuth, auth);
    REQUIRE_OIDC_PROVIDER(auth);
    const auto token = await(m_client->clientCredentials({u"api:read"_s}));
    QVERIFY2(token.ok(), describe(token).constData());
    QCOMPARE(token.value().tokenType, u"Bearer"_s);
    QCOMPARE(token.value().scope, u"api:read"_s);
    QCOMPARE(token.value().expiresIn.value_or(0), qint64(600));
    QCOMPARE(m_exchanges[0].requestHeader("Authorization").startsWith("Basic "),
             auth == ClientAuth::Basic);

    const auto decoded = Jwt::decode(token.value().accessToken);
    QVERIFY(decoded);
    QCOMPARE(decoded->claims[u"client_id"_s].toString(), m_client->credentials().clientId);
    QCOMPARE(decoded->claims[u"iss"_s].toString(), m_oidc->issuer());
}

void TestOAuthClient::oidcJwtAccessTokens_data()
{
    QTest::addColumn<QString>("alg");
    for (const QString &alg : {u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s})
        QTest::newRow(qPrintable(alg)) << alg;
}

void TestOAuthClient::oidcJwtAccessTokens()
{
    QFETCH(QString, alg);
    REQUIRE_OIDC_PROVIDER(ClientAuth::Basic);
    const QString resource = m_oidc->resource(alg);
    const auto token =
        await(m_client->clientCredentials({u"api:read"_s}, {{u"resource"_s, resource}}));
    QVERIFY2(token.ok(), describe(token).constData());

    const auto verification = await(m_client->verifyJwt(token.value().accessToken));
    QVERIFY2(verification.ok(), describe(verification).constData());
    QVERIFY2(verification.value().isValid(), qPrintable(verification.value().message));
    QCOMPARE(verification.value().token.algorithm(), alg);
    QCOMPARE(verification.value().key[u"kid"_s].toString(), verification.value().token.keyId());
    QCOMPARE(verification.value().token.claims[u"aud"_s].toString(), resource);
    const Jwt::TimeCheck times =
        Jwt::checkTimes(verification.value().token, QDateTime::currentDateTimeUtc());
    QCOMPARE(times.status, Jwt::TimeStatus::Current);
    QCOMPARE(
        Jwt::checkTimes(verification.value().token, QDateTime::currentDateTimeUtc().addSecs(3600))
            .status,
        Jwt::TimeStatus::Expired);
    // The JWKS was fetched from jwks_uri, once.
    QCOMPARE(m_exchanges.last().url.path(), u"/jwks"_s);
    const auto second = await(m_client->verifyJwt(token.value().accessToken));
    QVERIFY(second.ok() && second.value().isValid());
    QCOMPARE(m_exchanges.last().url.path(), u"/jwks"_s);
    QCOMPARE(int(std::count_if(m_exchanges.cbegin(), m_exchanges.cend(),
                               [](const HttpExchange &e) { return e.url.path() == u"/jwks"; })),
             1);
}

void TestOAuthClient::oidcTamperedTokenIsRejected()
{
    REQUIRE_OIDC_PROVIDER(ClientAuth::Basic);
    const auto token = await(m_client->clientCredentials(
        {u"api:read"_s}, {{u"resource"_s, m_oidc->resource(u"ES256"_s)}}));
    QVERIFY2(token.ok(), describe(token).constData());
    const QString original = token.value().accessToken;

    auto verification = await(m_client->verifyJwt(flipSignatureBit(original)));
    QVERIFY(verification.ok());
    QCOMPARE(verification.value().status, Jwt::Status::BadSignature);

    // Widened scope in the claims, signature kept.
    QStringList parts = original.split(u'.');
    QJsonObject claims = Jwt::decode(original)->claims;
    claims.insert(u"scope"_s, u"api:read api:write"_s);
    parts[1] = QString::fromLatin1(
        Latchkey::Base64Url::encode(QJsonDocument(claims).toJson(QJsonDocument::Compact)));
    verification = await(m_client->verifyJwt(parts.join(u'.')));
    QVERIFY(verification.ok());
    QCOMPARE(verification.value().status, Jwt::Status::BadSignature);

    // A kid the provider never had: the JWKS is fetched again, in case keys rotated, then it
    // is reported unknown.
    QJsonObject header = Jwt::decode(original)->header;
    header.insert(u"kid"_s, u"not-a-key-of-theirs"_s);
    parts = original.split(u'.');
    parts[0] = QString::fromLatin1(
        Latchkey::Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)));
    const qsizetype before = m_exchanges.size();
    verification = await(m_client->verifyJwt(parts.join(u'.')));
    QVERIFY(verification.ok());
    QCOMPARE(verification.value().status, Jwt::Status::UnknownKey);
    QCOMPARE(m_exchanges.size(), before + 1);
    QCOMPARE(m_exchanges.last().url.path(), u"/jwks"_s);

    verification = await(m_client->verifyJwt(original));
    QVERIFY(verification.ok() && verification.value().isValid());

    // Keys belong to their provider: another provider (here one without a JWKS) starts afresh.
    ProviderMetadata other = m_client->provider();
    other.jwksUri = QUrl();
    m_client->setProvider(other);
    const auto stale = await(m_client->verifyJwt(original));
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().kind, Error::Kind::Usage);
}

void TestOAuthClient::oidcWrongSecret()
{
    REQUIRE_OIDC_PROVIDER(ClientAuth::Basic);
    m_client->setCredentials({m_oidc->get(u"client_id"_s), u"wrong"_s, ClientAuth::Basic});
    const auto token = await(m_client->clientCredentials({u"api:read"_s}));
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind, Error::Kind::Authentication);
    QCOMPARE(token.error().oauthError, u"invalid_client"_s);
    QVERIFY(!token.error().message.isEmpty());
}

void TestOAuthClient::oidcAuthorizationCodeRefreshIntrospectRevoke()
{
    REQUIRE_OIDC_PROVIDER(ClientAuth::Basic);
    const QString redirectUri = m_oidc->get(u"redirect_uri"_s);
    const auto request =
        m_client->buildAuthorizationRequest({redirectUri,
                                             {u"openid"_s, u"offline_access"_s, u"api:read"_s},
                                             PkceMethod::S256,
                                             {},
                                             {{u"prompt"_s, u"consent"_s}}});
    QVERIFY(request.ok());

    Browser browser;
    const Page redirect = throughDevInteractions(browser, request.value().url, redirectUri);
    QVERIFY2(redirect.location.toString().startsWith(redirectUri), redirect.describe().constData());
    const auto response = m_client->parseRedirect(redirect.location, request.value());
    QVERIFY2(response.ok(), describe(response).constData());
    QCOMPARE(response.value().iss, m_oidc->issuer());

    const auto tokens = await(m_client->exchangeCode(response.value().code, request.value()));
    QVERIFY2(tokens.ok(), describe(tokens).constData());
    QVERIFY(!tokens.value().refreshToken.isEmpty());
    QVERIFY(!tokens.value().idToken.isEmpty());
    auto verification = await(m_client->verifyJwt(tokens.value().idToken));
    QVERIFY2(verification.ok() && verification.value().isValid(),
             qPrintable(verification.ok() ? verification.value().message
                                          : verification.error().message));
    QCOMPARE(verification.value().token.claims[u"sub"_s].toString(), u"alice"_s);
    QCOMPARE(verification.value().token.claims[u"aud"_s].toString(),
             m_client->credentials().clientId);
    verification = await(m_client->verifyJwt(tokens.value().accessToken));
    QVERIFY(verification.ok() && verification.value().isValid());

    const auto refreshed = await(m_client->refresh(tokens.value().refreshToken));
    QVERIFY2(refreshed.ok(), describe(refreshed).constData());
    QVERIFY(refreshed.value().refreshToken != tokens.value().refreshToken);
    const auto reused = await(m_client->refresh(tokens.value().refreshToken));
    QVERIFY(!reused.ok());
    QCOMPARE(reused.error().oauthError, u"invalid_grant"_s);

    // Fresh tokens from a second sign-in (reuse revoked the first grant).
    Browser second;
    const auto request2 = m_client->buildAuthorizationRequest(
        {redirectUri, {u"openid"_s, u"offline_access"_s, u"api:read"_s}, {}, {}, {}});
    const auto response2 = m_client->parseRedirect(
        throughDevInteractions(second, request2.value().url, redirectUri).location,
        request2.value());
    QVERIFY2(response2.ok(), describe(response2).constData());
    const auto tokens2 = await(m_client->exchangeCode(response2.value().code, request2.value()));
    QVERIFY2(tokens2.ok(), describe(tokens2).constData());
    const QString refreshToken = tokens2.value().refreshToken;

    auto introspection = await(m_client->introspect(refreshToken, u"refresh_token"_s));
    QVERIFY2(introspection.ok(), describe(introspection).constData());
    QCOMPARE(introspection.value()[u"active"_s].toBool(), true);
    QCOMPARE(introspection.value()[u"sub"_s].toString(), u"alice"_s);
    QCOMPARE(introspection.value()[u"client_id"_s].toString(), m_client->credentials().clientId);

    const auto revoked = await(m_client->revoke(refreshToken, u"refresh_token"_s));
    QVERIFY2(revoked.ok(), describe(revoked).constData());
    introspection = await(m_client->introspect(refreshToken));
    QVERIFY(introspection.ok());
    QCOMPARE(introspection.value()[u"active"_s].toBool(true), false);
    const auto afterRevoke = await(m_client->refresh(refreshToken));
    QVERIFY(!afterRevoke.ok());
    QCOMPARE(afterRevoke.error().oauthError, u"invalid_grant"_s);

    // oidc-provider keeps JWT access tokens out of revocation, and says so.
    const auto jwtRevoke = await(m_client->revoke(tokens2.value().accessToken));
    QVERIFY(!jwtRevoke.ok());
    QCOMPARE(jwtRevoke.error().oauthError, u"unsupported_token_type"_s);
}

void TestOAuthClient::oidcAbortedInteractionIsAccessDenied()
{
    REQUIRE_OIDC_PROVIDER(ClientAuth::Basic);
    const QString redirectUri = m_oidc->get(u"redirect_uri"_s);
    const auto request = m_client->buildAuthorizationRequest(
        {redirectUri, {u"openid"_s, u"api:read"_s}, {}, {}, {{u"prompt"_s, u"consent"_s}}});
    Browser browser;
    const Page redirect = throughDevInteractions(browser, request.value().url, redirectUri, true);
    QVERIFY2(redirect.location.toString().startsWith(redirectUri), redirect.describe().constData());
    const auto response = m_client->parseRedirect(redirect.location, request.value());
    QVERIFY(!response.ok());
    QCOMPARE(response.error().oauthError, u"access_denied"_s);
    // oidc-provider writes spaces as '+': they come back as spaces.
    QCOMPARE(response.error().message,
             u"The user denied the request. The provider said: “End-User aborted interaction”."_s);
}

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "tst_oauthclient.moc"
