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

enum class Auth { Basic, Post, None };

struct Tokens
{
    QString access;
    QString refresh;
};

} // namespace

// RFC 7009 revocation and RFC 7662 introspection, and the admin API's revocation of
// authorizations: what ends, what does not, and what a caller may learn.
class TestOAuthRevocation final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void revokingAnAccessTokenEndsIt_data();
    void revokingAnAccessTokenEndsIt();
    void revokingARefreshTokenEndsItsAccessTokens();
    void unknownOrForeignTokensAnswer200_data();
    void unknownOrForeignTokensAnswer200();
    void revocationRejections_data();
    void revocationRejections();
    void publicClientRevokesItsOwnTokens();
    void introspectionOfActiveTokens();
    void introspectionOfAClientCredentialsToken();
    void introspectionSaysOnlyInactive_data();
    void introspectionSaysOnlyInactive();
    void introspectionRejections_data();
    void introspectionRejections();
    void adminRevocationEndsTokensAtOnce_data();
    void adminRevocationEndsTokensAtOnce();

private:
    Tokens signInAndExchange(const QJsonObject &consumer, const QString &scope = u"assets:read"_s);
    Reply post(const QString &path, const QJsonObject &client, Auth auth, FormFields form);
    Reply revoke(const QJsonObject &client, const QString &token, Auth auth = Auth::Basic,
                 const QString &hint = {});
    Reply introspect(const QJsonObject &client, const QString &token, Auth auth = Auth::Basic);
    Reply refresh(const QJsonObject &client, const QString &refreshToken, Auth auth = Auth::Basic);
    int whoami(const QString &accessToken);
    QString authorizationId(const QJsonObject &consumer);
    int activeTokens();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Browser> m_browser; // the member's
    QString m_memberId;
    QJsonObject m_partner; // confidential, Maintenance
    QJsonObject m_other;   // another confidential client
    QJsonObject m_app;     // public
};

void TestOAuthRevocation::init()
{
    m_server = std::make_unique<TestServer>();
    m_browser = std::make_unique<Browser>();
    const auto problem = Latchkey::Server::AccountSetup::addUser(
        m_server->context(),
        {m_server->tenantId(), memberEmail, u"Member"_s, u"member"_s, memberPassword}, &m_memberId);
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
}

void TestOAuthRevocation::cleanup()
{
    m_browser.reset();
    m_server.reset();
}

Tokens TestOAuthRevocation::signInAndExchange(const QJsonObject &consumer, const QString &scope)
{
    const QString verifier = Latchkey::Pkce::newVerifier();
    const QString clientId = consumer[u"client_id"_s].toString();
    const Page page = m_browser->authorize(
        Latchkey::Test::authorizeUrl(
            m_server->url(), {{u"response_type"_s, u"code"_s},
                              {u"client_id"_s, clientId},
                              {u"redirect_uri"_s, redirect},
                              {u"scope"_s, scope},
                              {u"code_challenge"_s, Latchkey::Pkce::challengeS256(verifier)},
                              {u"code_challenge_method"_s, u"S256"_s}}),
        memberEmail, memberPassword);
    const Reply reply = post(u"/oauth/token"_s, consumer,
                             consumer.contains(u"client_secret"_s) ? Auth::Basic : Auth::None,
                             {{u"grant_type"_s, u"authorization_code"_s},
                              {u"code"_s, page.locationParameter(u"code"_s)},
                              {u"redirect_uri"_s, redirect},
                              {u"code_verifier"_s, verifier}});
    if (reply.status != 200)
        qWarning("no tokens: %s / %s", page.describe().constData(), reply.describe().constData());
    return {reply.json()[u"access_token"_s].toString(),
            reply.json()[u"refresh_token"_s].toString()};
}

Reply TestOAuthRevocation::post(const QString &path, const QJsonObject &client, Auth auth,
                                FormFields form)
{
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    const QString clientId = client[u"client_id"_s].toString();
    const QString secret = client[u"client_secret"_s].toString();
    if (!client.isEmpty()) {
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
    }
    return m_server->request("POST", path, Latchkey::Test::formBody(form), headers);
}

Reply TestOAuthRevocation::revoke(const QJsonObject &client, const QString &token, Auth auth,
                                  const QString &hint)
{
    FormFields form{{u"token"_s, token}};
    if (!hint.isEmpty())
        form.append({u"token_type_hint"_s, hint});
    return post(u"/oauth/revoke"_s, client, auth, form);
}

Reply TestOAuthRevocation::introspect(const QJsonObject &client, const QString &token, Auth auth)
{
    return post(u"/oauth/introspect"_s, client, auth, {{u"token"_s, token}});
}

Reply TestOAuthRevocation::refresh(const QJsonObject &client, const QString &refreshToken,
                                   Auth auth)
{
    return post(u"/oauth/token"_s, client, auth,
                {{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refreshToken}});
}

int TestOAuthRevocation::whoami(const QString &accessToken)
{
    return m_server->withToken(accessToken, "GET", u"/api/v2/whoami"_s).status;
}

QString TestOAuthRevocation::authorizationId(const QJsonObject &consumer)
{
    const QJsonArray items = m_server
                                 ->admin("GET", u"/api/admin/v1/authorizations?consumer_id="_s +
                                                    consumer[u"id"_s].toString())
                                 .json()[u"items"_s]
                                 .toArray();
    return items.size() == 1 ? items.at(0)[u"id"_s].toString() : QString();
}

int TestOAuthRevocation::activeTokens()
{
    auto &query = m_server->context().database().exec(
        u"SELECT COUNT(*) FROM tokens WHERE revoked_at IS NULL AND authorization_id IS NOT NULL"_s);
    const int result = query.next() ? query.value(0).toInt() : -1;
    query.finish();
    return result;
}

void TestOAuthRevocation::revokingAnAccessTokenEndsIt_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("hint");

    QTest::newRow("client_secret_basic") << int(Auth::Basic) << QString();
    QTest::newRow("client_secret_post") << int(Auth::Post) << QString();
    QTest::newRow("hint access_token") << int(Auth::Basic) << u"access_token"_s;
    QTest::newRow("wrong hint refresh_token") << int(Auth::Basic) << u"refresh_token"_s;
    QTest::newRow("unknown hint") << int(Auth::Basic) << u"id_token"_s;
}

void TestOAuthRevocation::revokingAnAccessTokenEndsIt()
{
    QFETCH(int, auth);
    QFETCH(QString, hint);

    const Tokens tokens = signInAndExchange(m_partner);
    QCOMPARE(whoami(tokens.access), 200);
    QCOMPARE(activeTokens(), 2);

    const Reply reply = revoke(m_partner, tokens.access, Auth(auth), hint);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    const Reply me = m_server->withToken(tokens.access, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(me.status, 401);
    QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    QCOMPARE(introspect(m_partner, tokens.access).json(), (QJsonObject{{u"active"_s, false}}));
    QCOMPARE(activeTokens(), 1);
    // Revoking again is still 200.
    QCOMPARE(revoke(m_partner, tokens.access, Auth(auth), hint).status, 200);
}

void TestOAuthRevocation::revokingARefreshTokenEndsItsAccessTokens()
{
    const Tokens first = signInAndExchange(m_partner);
    const Reply rotated = refresh(m_partner, first.refresh);
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    const Tokens second{rotated.json()[u"access_token"_s].toString(),
                        rotated.json()[u"refresh_token"_s].toString()};
    const Tokens unrelated = signInAndExchange(m_partner);
    QCOMPARE(whoami(first.access), 200);
    QCOMPARE(whoami(second.access), 200);

    // Hinted the wrong way: the server looks it up anyway.
    const Reply reply = revoke(m_partner, second.refresh, Auth::Basic, u"access_token"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(whoami(first.access), 401);
    QCOMPARE(whoami(second.access), 401);
    const Reply refused = refresh(m_partner, second.refresh);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json()[u"error"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(introspect(m_partner, second.refresh).json(), (QJsonObject{{u"active"_s, false}}));

    // Only that family.
    QCOMPARE(whoami(unrelated.access), 200);
    QCOMPARE(refresh(m_partner, unrelated.refresh).status, 200);
}

void TestOAuthRevocation::unknownOrForeignTokensAnswer200_data()
{
    QTest::addColumn<QString>("which");

    QTest::newRow("unknown token") << u"unknown"_s;
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("another client's access token") << u"foreign-access"_s;
    QTest::newRow("another client's refresh token") << u"foreign-refresh"_s;
    QTest::newRow("already revoked") << u"revoked"_s;
}

void TestOAuthRevocation::unknownOrForeignTokensAnswer200()
{
    QFETCH(QString, which);

    const Tokens mine = signInAndExchange(m_partner);
    const Tokens theirs = signInAndExchange(m_other);
    QString token;
    if (which == u"unknown")
        token = Latchkey::Pkce::newVerifier();
    else if (which == u"garbage")
        token = u"not a token at all \u00e9"_s;
    else if (which == u"foreign-access")
        token = theirs.access;
    else if (which == u"foreign-refresh")
        token = theirs.refresh;
    else if (which == u"revoked")
        token = mine.access;
    if (which == u"revoked")
        QCOMPARE(revoke(m_partner, token).status, 200);
    const int active = activeTokens();

    const Reply reply = revoke(m_partner, token);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(activeTokens(), active);
    // Another client cannot end someone else's tokens.
    QCOMPARE(whoami(theirs.access), 200);
    QCOMPARE(refresh(m_other, theirs.refresh).status, 200);
}

void TestOAuthRevocation::revocationRejections_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    QTest::newRow("no client authentication") << u"anonymous"_s << 401 << u"invalid_client"_s;
    QTest::newRow("wrong secret") << u"wrong-secret"_s << 401 << u"invalid_client"_s;
    QTest::newRow("confidential client without its secret")
        << u"no-secret"_s << 401 << u"invalid_client"_s;
    QTest::newRow("disabled client") << u"disabled"_s << 401 << u"invalid_client"_s;
    QTest::newRow("token missing") << u"no-token"_s << 400 << u"invalid_request"_s;
    QTest::newRow("JSON body") << u"json"_s << 400 << u"invalid_request"_s;
}

void TestOAuthRevocation::revocationRejections()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QString, error);

    const Tokens tokens = signInAndExchange(m_partner);
    QJsonObject client = m_partner;
    Auth auth = Auth::Basic;
    FormFields form{{u"token"_s, tokens.access}};
    if (change == u"anonymous")
        client = {};
    else if (change == u"wrong-secret")
        client.insert(u"client_secret"_s, u"nope"_s);
    else if (change == u"no-secret")
        auth = Auth::None;
    else if (change == u"no-token")
        form.clear();

    Reply reply;
    if (change == u"disabled") {
        QCOMPARE(m_server
                     ->admin("PATCH", u"/api/admin/v1/consumers/"_s + m_partner[u"id"_s].toString(),
                             {{u"status"_s, u"disabled"_s}})
                     .status,
                 200);
        reply = post(u"/oauth/revoke"_s, client, auth, form);
        QCOMPARE(m_server
                     ->admin("PATCH", u"/api/admin/v1/consumers/"_s + m_partner[u"id"_s].toString(),
                             {{u"status"_s, u"active"_s}})
                     .status,
                 200);
    } else if (change == u"json") {
        reply = m_server->request(
            "POST", u"/oauth/revoke"_s,
            QJsonDocument(QJsonObject{{u"token"_s, tokens.access}}).toJson(),
            {{"Content-Type", "application/json"},
             {"Authorization", "Basic " + QString(m_partner[u"client_id"_s].toString() + u':' +
                                                  m_partner[u"client_secret"_s].toString())
                                              .toLatin1()
                                              .toBase64()}});
    } else {
        reply = post(u"/oauth/revoke"_s, client, auth, form);
    }
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), error);
    // Nothing was revoked.
    QCOMPARE(whoami(tokens.access), 200);
    QCOMPARE(activeTokens(), 2);
}

void TestOAuthRevocation::publicClientRevokesItsOwnTokens()
{
    const Tokens tokens = signInAndExchange(m_app);
    QVERIFY(!tokens.refresh.isEmpty());
    QCOMPARE(whoami(tokens.access), 200);

    // Another public client cannot, though it need not authenticate with a secret.
    const QJsonObject otherApp =
        m_server->createConsumer({{u"name"_s, u"Other app"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"client_type"_s, u"public"_s},
                                  {u"redirect_uris"_s, QJsonArray{redirect}}});
    QCOMPARE(revoke(otherApp, tokens.refresh, Auth::None).status, 200);
    QCOMPARE(whoami(tokens.access), 200);

    const Reply reply = revoke(m_app, tokens.refresh, Auth::None);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(whoami(tokens.access), 401);
    QCOMPARE(refresh(m_app, tokens.refresh, Auth::None).json()[u"error"_s].toString(),
             u"invalid_grant"_s);
    QCOMPARE(activeTokens(), 0);
}

void TestOAuthRevocation::introspectionOfActiveTokens()
{
    const Tokens tokens = signInAndExchange(m_partner, u"assets:read work_orders:read"_s);
    const QDateTime before = m_server->clock().now();

    for (const Auth auth : {Auth::Basic, Auth::Post}) {
        const Reply reply = introspect(m_partner, tokens.access, auth);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.header("Cache-Control"), "no-store");
        const QJsonObject body = reply.json();
        QCOMPARE(body[u"active"_s].toBool(), true);
        QCOMPARE(body[u"scope"_s].toString(), u"assets:read work_orders:read"_s);
        QCOMPARE(body[u"client_id"_s].toString(), m_partner[u"client_id"_s].toString());
        QCOMPARE(body[u"token_type"_s].toString(), u"Bearer"_s);
        QCOMPARE(body[u"sub"_s].toString(), m_memberId);
        QCOMPARE(body[u"username"_s].toString(), memberEmail);
        QCOMPARE(body[u"iss"_s].toString(), m_server->context().issuer());
        const qint64 iat = body[u"iat"_s].toInteger();
        QVERIFY(qAbs(iat - before.toSecsSinceEpoch()) <= 5);
        QCOMPARE(body[u"exp"_s].toInteger() - iat, m_partner[u"access_token_ttl"_s].toInteger());
    }

    const Reply refreshInfo = introspect(m_partner, tokens.refresh);
    QCOMPARE(refreshInfo.json()[u"active"_s].toBool(), true);
    QCOMPARE(refreshInfo.json()[u"token_type"_s].toString(), u"refresh_token"_s);
    QCOMPARE(refreshInfo.json()[u"exp"_s].toInteger() - refreshInfo.json()[u"iat"_s].toInteger(),
             m_partner[u"refresh_token_ttl"_s].toInteger());
    // Looking does not use anything up.
    QCOMPARE(whoami(tokens.access), 200);
    QCOMPARE(refresh(m_partner, tokens.refresh).status, 200);
}

void TestOAuthRevocation::introspectionOfAClientCredentialsToken()
{
    const QJsonObject machine = m_server->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    QVERIFY(!machine.isEmpty());
    const QString token = m_server->token(machine[u"client_id"_s].toString(),
                                          machine[u"client_secret"_s].toString(), u"assets:read"_s);
    QVERIFY(!token.isEmpty());
    const QJsonObject body = introspect(machine, token).json();
    QCOMPARE(body[u"active"_s].toBool(), true);
    QCOMPARE(body[u"sub"_s].toString(), machine[u"client_id"_s].toString());
    QCOMPARE(body[u"scope"_s].toString(), u"assets:read"_s);
    QVERIFY(!body.contains(u"username"_s));
    // The partner cannot see it.
    QCOMPARE(introspect(m_partner, token).json(), (QJsonObject{{u"active"_s, false}}));
}

void TestOAuthRevocation::introspectionSaysOnlyInactive_data()
{
    QTest::addColumn<QString>("which");

    QTest::newRow("unknown") << u"unknown"_s;
    QTest::newRow("expired") << u"expired"_s;
    QTest::newRow("expired refresh token") << u"expired-refresh"_s;
    QTest::newRow("revoked") << u"revoked"_s;
    QTest::newRow("rotated refresh token") << u"rotated"_s;
    QTest::newRow("another client's token") << u"foreign"_s;
    QTest::newRow("authorization revoked by the admin") << u"authorization"_s;
}

void TestOAuthRevocation::introspectionSaysOnlyInactive()
{
    QFETCH(QString, which);

    const Tokens tokens = signInAndExchange(m_partner);
    const Tokens theirs = signInAndExchange(m_other);
    QString token = tokens.access;
    if (which == u"unknown") {
        token = Latchkey::Pkce::newVerifier();
    } else if (which == u"expired") {
        m_server->clock().advance(m_partner[u"access_token_ttl"_s].toInt() + 1);
    } else if (which == u"expired-refresh") {
        token = tokens.refresh;
        m_server->clock().advance(m_partner[u"refresh_token_ttl"_s].toInt() + 1);
    } else if (which == u"revoked") {
        QCOMPARE(revoke(m_partner, token).status, 200);
    } else if (which == u"rotated") {
        token = tokens.refresh;
        QCOMPARE(refresh(m_partner, token).status, 200);
    } else if (which == u"foreign") {
        token = theirs.access;
    } else if (which == u"authorization") {
        QCOMPARE(
            m_server
                ->admin("DELETE", u"/api/admin/v1/authorizations/"_s + authorizationId(m_partner))
                .status,
            200);
    }
    const Reply reply = introspect(m_partner, token);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    // {"active": false} and nothing else.
    QCOMPARE(reply.json(), (QJsonObject{{u"active"_s, false}}));
    QCOMPARE(reply.json().keys(), QStringList{u"active"_s});
}

void TestOAuthRevocation::introspectionRejections_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    QTest::newRow("no client authentication")
        << u"anonymous"_s << 401 << u"invalid_client"_s << u"Client authentication is missing"_s;
    QTest::newRow("wrong secret") << u"wrong-secret"_s << 401 << u"invalid_client"_s
                                  << u"Unknown client or wrong secret."_s;
    QTest::newRow("confidential client without its secret")
        << u"no-secret"_s << 401 << u"invalid_client"_s
        << u"This client is confidential: send its client_secret."_s;
    QTest::newRow("public client") << u"public"_s << 401 << u"invalid_client"_s
                                   << u"Introspection needs a confidential client."_s;
    QTest::newRow("public client, about its own token")
        << u"public-own"_s << 401 << u"invalid_client"_s
        << u"Introspection needs a confidential client."_s;
    QTest::newRow("token missing")
        << u"no-token"_s << 400 << u"invalid_request"_s << u"token is missing."_s;
}

void TestOAuthRevocation::introspectionRejections()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, description);

    const Tokens tokens = signInAndExchange(m_partner);
    const Tokens appTokens = signInAndExchange(m_app);
    QJsonObject client = m_partner;
    Auth auth = Auth::Basic;
    FormFields form{{u"token"_s, tokens.access}};
    if (change == u"anonymous") {
        client = {};
    } else if (change == u"wrong-secret") {
        client.insert(u"client_secret"_s, u"nope"_s);
    } else if (change == u"no-secret") {
        auth = Auth::None;
    } else if (change == u"public") {
        client = m_app;
        auth = Auth::None;
    } else if (change == u"public-own") {
        client = m_app;
        auth = Auth::None;
        form = {{u"token"_s, appTokens.access}};
    } else if (change == u"no-token") {
        form.clear();
    }
    const Reply reply = post(u"/oauth/introspect"_s, client, auth, form);
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), error);
    QVERIFY2(reply.json()[u"error_description"_s].toString().contains(description),
             reply.describe().constData());
    QVERIFY(!reply.json().contains(u"active"_s));
    QVERIFY(!reply.json().contains(u"scope"_s));
}

void TestOAuthRevocation::adminRevocationEndsTokensAtOnce_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("otherConsumerSurvives");

    QTest::newRow("DELETE one") << u"delete"_s << true;
    QTest::newRow("revoke by ids") << u"ids"_s << true;
    QTest::newRow("revoke by consumer_id") << u"consumer_id"_s << true;
    QTest::newRow("revoke by user_id") << u"user_id"_s << false;
}

void TestOAuthRevocation::adminRevocationEndsTokensAtOnce()
{
    QFETCH(QString, how);
    QFETCH(bool, otherConsumerSurvives);

    const Tokens first = signInAndExchange(m_partner);
    const Reply rotated = refresh(m_partner, first.refresh);
    const Tokens tokens{rotated.json()[u"access_token"_s].toString(),
                        rotated.json()[u"refresh_token"_s].toString()};
    const Tokens other = signInAndExchange(m_other);
    QCOMPARE(whoami(tokens.access), 200);
    QCOMPARE(whoami(other.access), 200);
    const QString id = authorizationId(m_partner);
    QVERIFY(!id.isEmpty());

    Reply reply;
    if (how == u"delete") {
        reply = m_server->admin("DELETE", u"/api/admin/v1/authorizations/"_s + id);
    } else {
        QJsonObject body;
        if (how == u"ids")
            body.insert(u"ids"_s, QJsonArray{id});
        else if (how == u"consumer_id")
            body.insert(u"consumer_id"_s, m_partner[u"id"_s].toString());
        else
            body.insert(u"user_id"_s, m_memberId);
        reply = m_server->admin("POST", u"/api/admin/v1/authorizations/revoke"_s, body);
    }
    QVERIFY2(reply.status == 200, reply.describe().constData());

    for (const QString &access : {first.access, tokens.access}) {
        const Reply me = m_server->withToken(access, "GET", u"/api/v2/whoami"_s);
        QVERIFY2(me.status == 401, me.describe().constData());
        QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        QCOMPARE(introspect(m_partner, access).json(), (QJsonObject{{u"active"_s, false}}));
    }
    const Reply refused = refresh(m_partner, tokens.refresh);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json()[u"error"_s].toString(), u"invalid_grant"_s);

    QCOMPARE(whoami(other.access), otherConsumerSurvives ? 200 : 401);
    QCOMPARE(introspect(m_other, other.access).json()[u"active"_s].toBool(), otherConsumerSurvives);
}

QTEST_GUILESS_MAIN(TestOAuthRevocation)
#include "tst_oauthrevocation.moc"
