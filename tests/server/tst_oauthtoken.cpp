#include <browser.h>
#include <testserver.h>

#include <account/accountsetup.h>

#include <protocol/pkce.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Browser;
using Latchkey::Test::FormFields;
using Latchkey::Test::Page;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

const QString memberEmail = u"member@test.example"_s;
const QString memberPassword = u"correct horse battery staple"_s;
const QString redirect = u"http://127.0.0.1/cb"_s;

// How the client authenticates at the token endpoint.
enum class Auth { Basic, Post, None };

// What the authorize endpoint gave back, with what the client kept to redeem it.
struct Grant
{
    QString code;
    QString verifier;
    QString redirectUri;
};

struct Tokens
{
    QString access;
    QString refresh;
};

} // namespace

// POST /oauth/token for authorization_code and refresh_token: what binds a code, what rotation
// and reuse detection do, client authentication, and what disabling or revoking ends.
class TestOAuthToken final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void codeExchangeWithConfidentialClient_data();
    void codeExchangeWithConfidentialClient();
    void publicClientAuthenticatesWithNone();
    void codeExchangeRejections_data();
    void codeExchangeRejections();
    void verifierWithoutChallengeIsRefused();
    void redirectUriLeftOutOfBothRequests();
    void codeExpiresAfterSixtySeconds();
    void codeReuseRevokesItsTokens();
    void refreshRotatesBothTokens();
    void refreshReuseRevokesTheFamily();
    void refreshByAnotherClientIsRefused();
    void refreshScope_data();
    void refreshScope();
    void refreshRejections_data();
    void refreshRejections();
    void tokensExpire();
    void disabledConsumerIsInvalidClient();
    void revokedAuthorizationEndsEverything();

private:
    Grant authorizeCode(const QJsonObject &consumer, const QString &scope = {}, bool pkce = true,
                        const QString &redirectUri = redirect);
    Reply tokenRequest(const QJsonObject &consumer, Auth auth, FormFields form);
    Reply exchange(const QJsonObject &consumer, const Grant &grant, Auth auth = Auth::Basic);
    Reply refresh(const QJsonObject &consumer, const QString &refreshToken,
                  const std::optional<QString> &scope = std::nullopt, Auth auth = Auth::Basic);
    Tokens tokensOf(const Reply &reply);
    Reply whoami(const QString &accessToken);
    QString authorizationId(const QJsonObject &consumer);
    int count(const QString &sql);
    int issuedTokens() { return count(u"SELECT COUNT(*) FROM tokens"_s) - m_tokensAtStart; }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Browser> m_browser; // the member's
    QJsonObject m_partner;              // confidential, Maintenance
    QJsonObject m_other;                // another confidential client, same redirect URI
    QJsonObject m_app;                  // public, Maintenance
    int m_tokensAtStart = 0;
};

void TestOAuthToken::init()
{
    m_server = std::make_unique<TestServer>();
    m_browser = std::make_unique<Browser>();
    QString memberId;
    const auto problem = Latchkey::Server::AccountSetup::addUser(
        m_server->context(),
        {m_server->tenantId(), memberEmail, u"Member"_s, u"member"_s, memberPassword}, &memberId);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    auto create = [this](const QString &name, const QString &type) {
        return m_server->createConsumer({{u"name"_s, name},
                                         {u"grant_type"_s, u"authorization_code"_s},
                                         {u"client_type"_s, type},
                                         {u"redirect_uris"_s, QJsonArray{redirect}}});
    };
    m_partner = create(u"Partner portal"_s, u"confidential"_s);
    m_other = create(u"Other portal"_s, u"confidential"_s);
    m_app = create(u"Phone app"_s, u"public"_s);
    QVERIFY(!m_partner.isEmpty() && !m_other.isEmpty() && !m_app.isEmpty());
    QVERIFY(!m_app.contains(u"client_secret"_s));
    m_tokensAtStart = count(u"SELECT COUNT(*) FROM tokens"_s);
    QCOMPARE(m_tokensAtStart, 1); // the fixture's admin token
}

void TestOAuthToken::cleanup()
{
    m_browser.reset();
    m_server.reset();
}

Grant TestOAuthToken::authorizeCode(const QJsonObject &consumer, const QString &scope, bool pkce,
                                    const QString &redirectUri)
{
    Grant grant;
    grant.redirectUri = redirectUri;
    FormFields parameters{{u"response_type"_s, u"code"_s},
                          {u"client_id"_s, consumer[u"client_id"_s].toString()},
                          {u"state"_s, u"s-1"_s}};
    if (!redirectUri.isEmpty())
        parameters.append({u"redirect_uri"_s, redirectUri});
    if (!scope.isEmpty())
        parameters.append({u"scope"_s, scope});
    if (pkce) {
        grant.verifier = Latchkey::Pkce::newVerifier();
        parameters.append({u"code_challenge"_s, Latchkey::Pkce::challengeS256(grant.verifier)});
        parameters.append({u"code_challenge_method"_s, u"S256"_s});
    }
    const Page page = m_browser->authorize(
        Latchkey::Test::authorizeUrl(m_server->url(), parameters), memberEmail, memberPassword);
    if (page.status != 302 || page.hasLocationParameter(u"error"_s))
        qWarning("authorize did not give a code: %s", page.describe().constData());
    grant.code = page.locationParameter(u"code"_s);
    return grant;
}

Reply TestOAuthToken::tokenRequest(const QJsonObject &consumer, Auth auth, FormFields form)
{
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    switch (auth) {
    case Auth::Basic:
        headers.append(
            {"Authorization", "Basic " + QByteArray(QUrl::toPercentEncoding(clientId) + ':' +
                                                    QUrl::toPercentEncoding(secret))
                                             .toBase64()});
        break;
    case Auth::Post:
        form.append({u"client_id"_s, clientId});
        form.append({u"client_secret"_s, secret});
        break;
    case Auth::None:
        form.append({u"client_id"_s, clientId});
        break;
    }
    return m_server->request("POST", u"/oauth/token"_s, Latchkey::Test::formBody(form), headers);
}

Reply TestOAuthToken::exchange(const QJsonObject &consumer, const Grant &grant, Auth auth)
{
    FormFields form{{u"grant_type"_s, u"authorization_code"_s}, {u"code"_s, grant.code}};
    if (!grant.redirectUri.isEmpty())
        form.append({u"redirect_uri"_s, grant.redirectUri});
    if (!grant.verifier.isEmpty())
        form.append({u"code_verifier"_s, grant.verifier});
    return tokenRequest(consumer, auth, form);
}

Reply TestOAuthToken::refresh(const QJsonObject &consumer, const QString &refreshToken,
                              const std::optional<QString> &scope, Auth auth)
{
    FormFields form{{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refreshToken}};
    if (scope)
        form.append({u"scope"_s, *scope});
    return tokenRequest(consumer, auth, form);
}

Tokens TestOAuthToken::tokensOf(const Reply &reply)
{
    return {reply.json()[u"access_token"_s].toString(),
            reply.json()[u"refresh_token"_s].toString()};
}

Reply TestOAuthToken::whoami(const QString &accessToken)
{
    return m_server->withToken(accessToken, "GET", u"/api/v2/whoami"_s);
}

QString TestOAuthToken::authorizationId(const QJsonObject &consumer)
{
    const QJsonArray items = m_server
                                 ->admin("GET", u"/api/admin/v1/authorizations?consumer_id="_s +
                                                    consumer[u"id"_s].toString())
                                 .json()[u"items"_s]
                                 .toArray();
    return items.size() == 1 ? items.at(0)[u"id"_s].toString() : QString();
}

int TestOAuthToken::count(const QString &sql)
{
    auto &query = m_server->context().database().exec(sql);
    const int result = query.next() ? query.value(0).toInt() : -1;
    query.finish();
    return result;
}

void TestOAuthToken::codeExchangeWithConfidentialClient_data()
{
    QTest::addColumn<int>("auth");
    QTest::newRow("client_secret_basic") << int(Auth::Basic);
    QTest::newRow("client_secret_post") << int(Auth::Post);
}

void TestOAuthToken::codeExchangeWithConfidentialClient()
{
    QFETCH(int, auth);

    const Grant grant = authorizeCode(m_partner, u"assets:read work_orders:read"_s);
    QVERIFY(!grant.code.isEmpty());
    const Reply reply = exchange(m_partner, grant, Auth(auth));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    const QJsonObject body = reply.json();
    QCOMPARE(body[u"token_type"_s].toString(), u"Bearer"_s);
    QCOMPARE(body[u"expires_in"_s].toInt(), m_partner[u"access_token_ttl"_s].toInt());
    QVERIFY(body[u"expires_in"_s].toInt() > 0);
    QCOMPARE(body[u"scope"_s].toString(), u"assets:read work_orders:read"_s);
    QVERIFY(body[u"access_token"_s].toString().size() >= 43);
    QVERIFY(body[u"refresh_token"_s].toString().size() >= 43);
    QVERIFY(body[u"access_token"_s] != body[u"refresh_token"_s]);
    QCOMPARE(issuedTokens(), 2);

    const Reply me = whoami(body[u"access_token"_s].toString());
    QVERIFY2(me.status == 200, me.describe().constData());
    QCOMPARE(me.json()[u"principal"_s][u"type"_s].toString(), u"user"_s);
    QCOMPARE(me.json()[u"principal"_s][u"name"_s].toString(), memberEmail);
    QCOMPARE(me.json()[u"principal"_s][u"consumer_id"_s].toString(), m_partner[u"id"_s].toString());
    QCOMPARE(me.json()[u"principal"_s][u"authorization_id"_s].toString(),
             authorizationId(m_partner));
    QCOMPARE(me.json()[u"scopes"_s].toArray(),
             (QJsonArray{u"assets:read"_s, u"work_orders:read"_s}));
    // Scopes are enforced: this token cannot write.
    QCOMPARE(m_server
                 ->withToken(body[u"access_token"_s].toString(), "POST", u"/api/v2/assets"_s,
                             {{u"name"_s, u"Pump"_s}})
                 .status,
             403);

    // The consumer's last use is kept.
    QVERIFY(!m_server->admin("GET", u"/api/admin/v1/consumers/"_s + m_partner[u"id"_s].toString())
                 .json()[u"last_used_at"_s]
                 .isNull());

    // A confidential client cannot leave its secret out.
    const Grant second = authorizeCode(m_partner, u"assets:read"_s);
    const Reply none = exchange(m_partner, second, Auth::None);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.json()[u"error"_s].toString(), u"invalid_client"_s);
    QCOMPARE(issuedTokens(), 2);
}

void TestOAuthToken::publicClientAuthenticatesWithNone()
{
    const Grant grant = authorizeCode(m_app, u"assets:read"_s);
    Reply reply = exchange(m_app, grant, Auth::None);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const Tokens tokens = tokensOf(reply);
    QVERIFY(!tokens.refresh.isEmpty());
    QCOMPARE(whoami(tokens.access).status, 200);

    reply = refresh(m_app, tokens.refresh, std::nullopt, Auth::None);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(issuedTokens(), 4);

    // A public client has no secret: sending one is refused.
    QJsonObject withSecret = m_app;
    withSecret.insert(u"client_secret"_s, u"made-up"_s);
    const Grant second = authorizeCode(m_app, u"assets:read"_s);
    for (const Auth auth : {Auth::Post, Auth::Basic}) {
        reply = exchange(withSecret, second, auth);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);
        QCOMPARE(reply.json()[u"error_description"_s].toString(),
                 u"This is a public client: it has no secret."_s);
    }
    // Basic with an empty secret is still a secret.
    withSecret.insert(u"client_secret"_s, QString());
    reply = exchange(withSecret, second, Auth::Basic);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);
    QCOMPARE(issuedTokens(), 4);
}

void TestOAuthToken::codeExchangeRejections_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    const QString mismatch = u"code_verifier does not match the code_challenge."_s;
    const QString notKnown = u"The authorization code is not known to this client."_s;
    const QString wrongRedirect = u"redirect_uri must be the one sent to the authorization "
                                  "endpoint."_s;
    QTest::newRow("PKCE wrong verifier")
        << u"verifier=new"_s << 400 << u"invalid_grant"_s << mismatch;
    QTest::newRow("PKCE verifier missing")
        << u"verifier=none"_s << 400 << u"invalid_grant"_s << u"code_verifier is missing (PKCE)."_s;
    QTest::newRow("PKCE verifier too short")
        << u"verifier=short"_s << 400 << u"invalid_grant"_s << mismatch;
    QTest::newRow("PKCE verifier too long")
        << u"verifier=long"_s << 400 << u"invalid_grant"_s << mismatch;
    QTest::newRow("PKCE challenge sent as the verifier (plain)")
        << u"verifier=challenge"_s << 400 << u"invalid_grant"_s << mismatch;
    QTest::newRow("PKCE verifier in another case")
        << u"verifier=case"_s << 400 << u"invalid_grant"_s << mismatch;
    QTest::newRow("redirect_uri missing")
        << u"redirect=none"_s << 400 << u"invalid_grant"_s << wrongRedirect;
    QTest::newRow("redirect_uri trailing slash")
        << u"redirect=slash"_s << 400 << u"invalid_grant"_s << wrongRedirect;
    QTest::newRow("redirect_uri another port")
        << u"redirect=port"_s << 400 << u"invalid_grant"_s << wrongRedirect;
    QTest::newRow("redirect_uri in another case")
        << u"redirect=case"_s << 400 << u"invalid_grant"_s << wrongRedirect;
    QTest::newRow("code unknown") << u"code=unknown"_s << 400 << u"invalid_grant"_s << notKnown;
    QTest::newRow("code missing") << u"code=none"_s << 400 << u"invalid_request"_s
                                  << u"code is missing."_s;
    QTest::newRow("code twice") << u"code=twice"_s << 400 << u"invalid_request"_s
                                << u"The parameter code appears more than once."_s;
    QTest::newRow("code of another confidential client")
        << u"client=other"_s << 400 << u"invalid_grant"_s << notKnown;
    QTest::newRow("code of a confidential client, redeemed by a public one")
        << u"client=public"_s << 400 << u"invalid_grant"_s << notKnown;
    QTest::newRow("wrong client secret") << u"client=wrong-secret"_s << 401 << u"invalid_client"_s
                                         << u"Unknown client or wrong secret."_s;
    QTest::newRow("unknown client") << u"client=unknown"_s << 401 << u"invalid_client"_s
                                    << u"Unknown client or wrong secret."_s;
    QTest::newRow("no client authentication") << u"client=anonymous"_s << 401 << u"invalid_client"_s
                                              << u"Client authentication is missing"_s;
    QTest::newRow("Basic and client_secret both")
        << u"client=both"_s << 400 << u"invalid_request"_s << u"one way only"_s;
    QTest::newRow("grant_type missing")
        << u"grant=none"_s << 400 << u"invalid_request"_s << u"grant_type is missing."_s;
    QTest::newRow("grant_type password")
        << u"grant=password"_s << 400 << u"unsupported_grant_type"_s
        << u"This server does not support the grant type password."_s;
    QTest::newRow("grant_type client_credentials")
        << u"grant=client_credentials"_s << 400 << u"unauthorized_client"_s
        << u"Partner portal is not registered for client credentials."_s;
    QTest::newRow("JSON body") << u"body=json"_s << 400 << u"invalid_request"_s
                               << u"application/x-www-form-urlencoded"_s;
}

void TestOAuthToken::codeExchangeRejections()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, description);

    const Grant grant = authorizeCode(m_partner, u"assets:read"_s);
    QVERIFY(!grant.code.isEmpty());
    const QString what = change.section(u'=', 0, 0);
    const QString how = change.section(u'=', 1);

    QString grantType = u"authorization_code"_s;
    QString code = grant.code;
    QString redirectUri = grant.redirectUri;
    QString verifier = grant.verifier;
    QJsonObject client = m_partner;
    Auth auth = Auth::Basic;
    FormFields extra;
    if (what == u"verifier") {
        if (how == u"new")
            verifier = Latchkey::Pkce::newVerifier();
        else if (how == u"none")
            verifier.clear();
        else if (how == u"short")
            verifier = verifier.left(42);
        else if (how == u"long")
            verifier = verifier.repeated(3);
        else if (how == u"challenge")
            verifier = Latchkey::Pkce::challengeS256(grant.verifier);
        else if (how == u"case")
            verifier = verifier.toUpper() == verifier ? verifier.toLower() : verifier.toUpper();
    } else if (what == u"redirect") {
        if (how == u"none")
            redirectUri.clear();
        else if (how == u"slash")
            redirectUri += u'/';
        else if (how == u"port")
            redirectUri = u"http://127.0.0.1:8080/cb"_s;
        else if (how == u"case")
            redirectUri = u"http://127.0.0.1/CB"_s;
    } else if (what == u"code") {
        if (how == u"unknown")
            code = Latchkey::Pkce::newVerifier();
        else if (how == u"none")
            code.clear();
        else if (how == u"twice")
            extra.append({u"code"_s, grant.code});
    } else if (what == u"client") {
        if (how == u"other") {
            client = m_other;
        } else if (how == u"public") {
            client = m_app;
            auth = Auth::None;
        } else if (how == u"wrong-secret") {
            client.insert(u"client_secret"_s, u"not-the-secret"_s);
        } else if (how == u"unknown") {
            client.insert(u"client_id"_s, u"ck_nobody"_s);
        } else if (how == u"anonymous") {
            client = {};
            auth = Auth::None;
        } else if (how == u"both") {
            extra.append({u"client_secret"_s, m_partner[u"client_secret"_s].toString()});
        }
    } else if (what == u"grant") {
        grantType = how == u"none" ? QString() : how;
    }

    FormFields form;
    if (!grantType.isEmpty())
        form.append({u"grant_type"_s, grantType});
    if (!code.isEmpty())
        form.append({u"code"_s, code});
    if (!redirectUri.isEmpty())
        form.append({u"redirect_uri"_s, redirectUri});
    if (!verifier.isEmpty())
        form.append({u"code_verifier"_s, verifier});
    form.append(extra);

    Reply reply;
    if (what == u"body") {
        QJsonObject json;
        for (const auto &[name, value] : std::as_const(form))
            json.insert(name, value);
        reply = m_server->request(
            "POST", u"/oauth/token"_s, QJsonDocument(json).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"},
             {"Authorization", "Basic " + QString(m_partner[u"client_id"_s].toString() + u':' +
                                                  m_partner[u"client_secret"_s].toString())
                                              .toLatin1()
                                              .toBase64()}});
    } else if (client.isEmpty()) {
        reply = m_server->request("POST", u"/oauth/token"_s, Latchkey::Test::formBody(form),
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    } else {
        reply = tokenRequest(client, auth, form);
    }
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), error);
    QVERIFY2(reply.json()[u"error_description"_s].toString().contains(description),
             reply.describe().constData());
    QVERIFY(!reply.json().contains(u"access_token"_s));
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    if (status == 401 && auth == Auth::Basic)
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Basic"));
    QCOMPARE(issuedTokens(), 0);
}

void TestOAuthToken::verifierWithoutChallengeIsRefused()
{
    const QJsonObject legacy =
        m_server->createConsumer({{u"name"_s, u"Legacy portal"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"require_pkce"_s, false},
                                  {u"redirect_uris"_s, QJsonArray{redirect}}});
    QVERIFY(!legacy.isEmpty());
    Grant grant = authorizeCode(legacy, u"assets:read"_s, false);
    QVERIFY(!grant.code.isEmpty());
    grant.verifier = Latchkey::Pkce::newVerifier();
    const Reply refused = exchange(legacy, grant);
    QVERIFY2(refused.status == 400, refused.describe().constData());
    QCOMPARE(refused.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(refused.json()[u"error_description"_s].toString(),
             u"code_verifier sent, but the authorization request had no code_challenge."_s);
    QCOMPARE(issuedTokens(), 0);

    grant.verifier.clear();
    const Reply accepted = exchange(legacy, grant);
    QVERIFY2(accepted.status == 200, accepted.describe().constData());
    QCOMPARE(issuedTokens(), 2);
}

void TestOAuthToken::redirectUriLeftOutOfBothRequests()
{
    // One registered URI that is not loopback: the authorization request may leave redirect_uri
    // out, and then (RFC 6749 §4.1.3) so may the token request.
    const QString only = u"https://portal.example.com/callback"_s;
    const QJsonObject portal = m_server->createConsumer({{u"name"_s, u"Single-URI portal"_s},
                                                         {u"grant_type"_s, u"authorization_code"_s},
                                                         {u"redirect_uris"_s, QJsonArray{only}}});
    QVERIFY(!portal.isEmpty());
    Grant grant = authorizeCode(portal, u"assets:read"_s, true, QString());
    QVERIFY(!grant.code.isEmpty());

    // Still refused, a different URI.
    grant.redirectUri = u"https://portal.example.com/other"_s;
    QCOMPARE(exchange(portal, grant).json()[u"error"_s].toString(), u"invalid_grant"_s);
    grant.redirectUri.clear();
    const Reply without = exchange(portal, grant);
    QVERIFY2(without.status == 200, without.describe().constData());
    QCOMPARE(issuedTokens(), 2);

    // Sending the registered URI anyway is fine too.
    Grant again = authorizeCode(portal, u"assets:read"_s, true, QString());
    again.redirectUri = only;
    const Reply with = exchange(portal, again);
    QVERIFY2(with.status == 200, with.describe().constData());
}

void TestOAuthToken::codeExpiresAfterSixtySeconds()
{
    const Grant stale = authorizeCode(m_partner, u"assets:read"_s);
    m_server->clock().advance(61);
    const Reply refused = exchange(m_partner, stale);
    QVERIFY2(refused.status == 400, refused.describe().constData());
    QCOMPARE(refused.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(refused.json()[u"error_description"_s].toString(),
             u"The authorization code expired."_s);
    QCOMPARE(issuedTokens(), 0);

    const Grant fresh = authorizeCode(m_partner, u"assets:read"_s);
    m_server->clock().advance(55);
    const Reply accepted = exchange(m_partner, fresh);
    QVERIFY2(accepted.status == 200, accepted.describe().constData());
}

void TestOAuthToken::codeReuseRevokesItsTokens()
{
    const Grant grant = authorizeCode(m_partner, u"assets:read"_s);
    const Tokens first = tokensOf(exchange(m_partner, grant));
    QCOMPARE(whoami(first.access).status, 200);
    // Tokens rotated from that code's refresh token come from the code too.
    const Reply rotated = refresh(m_partner, first.refresh);
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    const Tokens second = tokensOf(rotated);
    QCOMPARE(whoami(second.access).status, 200);
    // An unrelated grant of the same user and client.
    const Tokens unrelated = tokensOf(exchange(m_partner, authorizeCode(m_partner)));
    QCOMPARE(whoami(unrelated.access).status, 200);
    const int issued = issuedTokens();
    QCOMPARE(issued, 6);

    const Reply replay = exchange(m_partner, grant);
    QVERIFY2(replay.status == 400, replay.describe().constData());
    QCOMPARE(replay.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(replay.json()[u"error_description"_s].toString(),
             u"The authorization code was already used; the tokens issued from it are revoked."_s);
    QVERIFY(!replay.json().contains(u"access_token"_s));
    QCOMPARE(issuedTokens(), issued);

    for (const QString &token : {first.access, second.access}) {
        const Reply me = whoami(token);
        QVERIFY2(me.status == 401, me.describe().constData());
        QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        QCOMPARE(me.json()[u"detail"_s].toString(), u"The access token was revoked."_s);
    }
    const Reply refreshed = refresh(m_partner, second.refresh);
    QCOMPARE(refreshed.status, 400);
    QCOMPARE(refreshed.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(whoami(unrelated.access).status, 200);
    QCOMPARE(refresh(m_partner, unrelated.refresh).status, 200);

    // Replaying from another client burns nothing: the code is not theirs.
    const Grant other = authorizeCode(m_partner, u"assets:read"_s);
    const Tokens otherTokens = tokensOf(exchange(m_partner, other));
    QCOMPARE(exchange(m_other, other).json()[u"error_description"_s].toString(),
             u"The authorization code is not known to this client."_s);
    QCOMPARE(whoami(otherTokens.access).status, 200);
}

void TestOAuthToken::refreshRotatesBothTokens()
{
    const Tokens first = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    QVERIFY(!first.refresh.isEmpty());

    const Reply reply = refresh(m_partner, first.refresh);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    QCOMPARE(reply.json()[u"token_type"_s].toString(), u"Bearer"_s);
    QCOMPARE(reply.json()[u"scope"_s].toString(), u"assets:read"_s);
    const Tokens second = tokensOf(reply);
    QVERIFY(!second.access.isEmpty() && !second.refresh.isEmpty());
    QVERIFY(second.access != first.access);
    QVERIFY(second.refresh != first.refresh);
    QCOMPARE(whoami(second.access).status, 200);
    QCOMPARE(issuedTokens(), 4);

    const Reply third = refresh(m_partner, second.refresh, std::nullopt, Auth::Post);
    QVERIFY2(third.status == 200, third.describe().constData());
    QCOMPARE(whoami(tokensOf(third).access).status, 200);
    // Each refresh token once: the used ones are marked.
    QCOMPARE(count(u"SELECT COUNT(*) FROM tokens WHERE kind = 'refresh' AND revoked_at IS NULL"_s),
             1);
}

void TestOAuthToken::refreshReuseRevokesTheFamily()
{
    const Tokens first = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    const Tokens second = tokensOf(refresh(m_partner, first.refresh));
    QVERIFY(!second.refresh.isEmpty());
    // Another family of the same user and client stays alive.
    const Tokens elsewhere =
        tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    const int issued = issuedTokens();

    const Reply reuse = refresh(m_partner, first.refresh);
    QVERIFY2(reuse.status == 400, reuse.describe().constData());
    QCOMPARE(reuse.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QVERIFY(reuse.json()[u"error_description"_s].toString().contains(
        u"every token of its family is now revoked"_s));
    QCOMPARE(issuedTokens(), issued);

    for (const QString &token : {first.access, second.access}) {
        const Reply me = whoami(token);
        QVERIFY2(me.status == 401, me.describe().constData());
        QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }
    const Reply newest = refresh(m_partner, second.refresh);
    QCOMPARE(newest.status, 400);
    QCOMPARE(newest.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(issuedTokens(), issued);

    QCOMPARE(whoami(elsewhere.access).status, 200);
    QCOMPARE(refresh(m_partner, elsewhere.refresh).status, 200);
}

void TestOAuthToken::refreshByAnotherClientIsRefused()
{
    const Tokens tokens = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    const Tokens appTokens =
        tokensOf(exchange(m_app, authorizeCode(m_app, u"assets:read"_s), Auth::None));
    const int issued = issuedTokens();

    const QList<std::tuple<QJsonObject, Auth, QString>> attempts = {
        {m_other, Auth::Basic, tokens.refresh},
        {m_app, Auth::None, tokens.refresh},
        {m_partner, Auth::Basic, appTokens.refresh},
    };
    for (const auto &[client, auth, token] : attempts) {
        const Reply reply = refresh(client, token, std::nullopt, auth);
        QVERIFY2(reply.status == 400, reply.describe().constData());
        QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_grant"_s);
        QCOMPARE(reply.json()[u"error_description"_s].toString(),
                 u"The refresh token is not known to this client."_s);
    }
    QCOMPARE(issuedTokens(), issued);
    // The owners' tokens are untouched.
    QCOMPARE(whoami(tokens.access).status, 200);
    QCOMPARE(refresh(m_partner, tokens.refresh).status, 200);
    QCOMPARE(refresh(m_app, appTokens.refresh, std::nullopt, Auth::None).status, 200);
}

void TestOAuthToken::refreshScope_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("granted");

    QTest::newRow("narrowed") << u"assets:read"_s << 200 << QString() << u"assets:read"_s;
    QTest::newRow("narrowed, repeated")
        << u"assets:read assets:read"_s << 200 << QString() << u"assets:read"_s;
    QTest::newRow("the same") << u"assets:write assets:read"_s << 200 << QString()
                              << u"assets:write assets:read"_s;
    QTest::newRow("widened within the group")
        << u"assets:read work_orders:read"_s << 400 << u"invalid_scope"_s << QString();
    QTest::newRow("widened outside the group")
        << u"assets:read admin"_s << 400 << u"invalid_scope"_s << QString();
    QTest::newRow("unknown scope") << u"payroll:read"_s << 400 << u"invalid_scope"_s << QString();
    QTest::newRow("empty") << QString() << 400 << u"invalid_scope"_s << QString();
}

void TestOAuthToken::refreshScope()
{
    QFETCH(QString, scope);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, granted);

    const Tokens tokens =
        tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read assets:write"_s)));
    const int issued = issuedTokens();
    const Reply reply = refresh(m_partner, tokens.refresh, scope);
    QVERIFY2(reply.status == status, reply.describe().constData());
    if (status != 200) {
        QCOMPARE(reply.json()[u"error"_s].toString(), error);
        QVERIFY(reply.json()[u"error_description"_s].toString().contains(
            u"A refresh may only narrow the scopes (granted: assets:read assets:write)."_s));
        QCOMPARE(issuedTokens(), issued);
        // The refused request used nothing up.
        QCOMPARE(refresh(m_partner, tokens.refresh).status, 200);
        return;
    }
    QCOMPARE(reply.json()[u"scope"_s].toString(), granted);
    const Tokens narrowed = tokensOf(reply);
    const QJsonArray scopes = whoami(narrowed.access).json()[u"scopes"_s].toArray();
    QCOMPARE(QJsonArray::fromStringList(granted.split(u' ')), scopes);

    // RFC 6749 §6: the new refresh token has the scope of the one it replaces, so a later
    // refresh may ask for the whole grant again.
    const Reply again = refresh(m_partner, narrowed.refresh, u"assets:read assets:write"_s);
    QVERIFY2(again.status == 200, again.describe().constData());
    QCOMPARE(again.json()[u"scope"_s].toString(), u"assets:read assets:write"_s);
}

void TestOAuthToken::refreshRejections_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    QTest::newRow("unknown refresh token") << u"unknown"_s << u"invalid_grant"_s
                                           << u"The refresh token is not known to this client."_s;
    QTest::newRow("access token as refresh token")
        << u"access"_s << u"invalid_grant"_s << u"The refresh token is not known to this client."_s;
    QTest::newRow("refresh_token missing")
        << u"missing"_s << u"invalid_request"_s << u"refresh_token is missing."_s;
    QTest::newRow("refresh_token twice") << u"twice"_s << u"invalid_request"_s
                                         << u"The parameter refresh_token appears more "
                                            "than once."_s;
}

void TestOAuthToken::refreshRejections()
{
    QFETCH(QString, change);
    QFETCH(QString, error);
    QFETCH(QString, description);

    const Tokens tokens = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    const int issued = issuedTokens();
    FormFields form{{u"grant_type"_s, u"refresh_token"_s}};
    if (change == u"unknown")
        form.append({u"refresh_token"_s, Latchkey::Pkce::newVerifier()});
    else if (change == u"access")
        form.append({u"refresh_token"_s, tokens.access});
    else if (change == u"twice")
        form += {{u"refresh_token"_s, tokens.refresh}, {u"refresh_token"_s, tokens.refresh}};
    const Reply reply = tokenRequest(m_partner, Auth::Basic, form);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), error);
    QCOMPARE(reply.json()[u"error_description"_s].toString(), description);
    QCOMPARE(issuedTokens(), issued);
    // A refresh token is not a bearer token, whatever happens.
    QCOMPARE(whoami(tokens.refresh).status, 401);
    QCOMPARE(whoami(tokens.access).status, 200);
}

void TestOAuthToken::tokensExpire()
{
    const Tokens tokens = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    m_server->clock().advance(m_partner[u"access_token_ttl"_s].toInt() + 1);
    const Reply me = whoami(tokens.access);
    QCOMPARE(me.status, 401);
    QCOMPARE(me.json()[u"detail"_s].toString(), u"The access token expired."_s);
    const Reply refreshed = refresh(m_partner, tokens.refresh);
    QVERIFY2(refreshed.status == 200, refreshed.describe().constData());
    const Tokens next = tokensOf(refreshed);

    m_server->clock().advance(m_partner[u"refresh_token_ttl"_s].toInt() + 1);
    const Reply late = refresh(m_partner, next.refresh);
    QCOMPARE(late.status, 400);
    QCOMPARE(late.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(late.json()[u"error_description"_s].toString(),
             u"The refresh token expired. Sign in again."_s);
}

void TestOAuthToken::disabledConsumerIsInvalidClient()
{
    const Tokens tokens = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    const Grant pending = authorizeCode(m_partner, u"assets:read"_s);
    const int issued = issuedTokens();
    const QString path = u"/api/admin/v1/consumers/"_s + m_partner[u"id"_s].toString();
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);

    for (const Reply &reply : {exchange(m_partner, pending), refresh(m_partner, tokens.refresh),
                               refresh(m_partner, tokens.refresh, std::nullopt, Auth::Post)}) {
        QVERIFY2(reply.status == 401, reply.describe().constData());
        QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);
        QCOMPARE(reply.json()[u"error_description"_s].toString(), u"This client is disabled."_s);
    }
    QCOMPARE(issuedTokens(), issued);
    const Reply me = whoami(tokens.access);
    QCOMPARE(me.status, 401);
    QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));

    // Enabled again, what it holds works again.
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"active"_s}}).status, 200);
    QCOMPARE(whoami(tokens.access).status, 200);
    QCOMPARE(refresh(m_partner, tokens.refresh).status, 200);
}

void TestOAuthToken::revokedAuthorizationEndsEverything()
{
    const Tokens tokens = tokensOf(exchange(m_partner, authorizeCode(m_partner, u"assets:read"_s)));
    const Grant pending = authorizeCode(m_partner, u"assets:read"_s);
    QVERIFY(!pending.code.isEmpty());
    const int issued = issuedTokens();
    const QString id = authorizationId(m_partner);
    QVERIFY(!id.isEmpty());

    const Reply revoked = m_server->admin("DELETE", u"/api/admin/v1/authorizations/"_s + id);
    QVERIFY2(revoked.status == 200 || revoked.status == 204, revoked.describe().constData());
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/authorizations/"_s + id)
                 .json()[u"status"_s]
                 .toString(),
             u"revoked"_s);

    const Reply me = whoami(tokens.access);
    QVERIFY2(me.status == 401, me.describe().constData());
    QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    QCOMPARE(me.json()[u"detail"_s].toString(), u"The access token was revoked."_s);
    const Reply refused = refresh(m_partner, tokens.refresh);
    QVERIFY2(refused.status == 400, refused.describe().constData());
    QCOMPARE(refused.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QVERIFY(refused.json()[u"error_description"_s].toString().contains(u"revoked"_s));
    const Reply late = exchange(m_partner, pending);
    QVERIFY2(late.status == 400, late.describe().constData());
    QCOMPARE(late.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(late.json()[u"error_description"_s].toString(), u"The authorization was revoked."_s);
    QCOMPARE(issuedTokens(), issued);

    // Signing in again asks for consent again, and makes a new authorization.
    Browser browser;
    const Page consent = browser.signIn(
        Latchkey::Test::authorizeUrl(
            m_server->url(),
            {{u"response_type"_s, u"code"_s},
             {u"client_id"_s, m_partner[u"client_id"_s].toString()},
             {u"redirect_uri"_s, redirect},
             {u"scope"_s, u"assets:read"_s},
             {u"code_challenge"_s, Latchkey::Pkce::challengeS256(Latchkey::Pkce::newVerifier())},
             {u"code_challenge_method"_s, u"S256"_s}}),
        memberEmail, memberPassword);
    QVERIFY2(Browser::isConsentPage(consent.body), consent.describe().constData());
}

QTEST_GUILESS_MAIN(TestOAuthToken)
#include "tst_oauthtoken.moc"
