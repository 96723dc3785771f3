#include <oauth/tokenendpoint.h>
#include <protocol/random.h>
#include <security/failurelimiter.h>
#include <security/tokenkeys.h>
#include <storage/failurerepository.h>
#include <testserver.h>

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// RFC 6749 §2.3.1: client_id and client_secret are form-urlencoded before Basic encoding.
QByteArray basic(const QString &clientId, const QString &secret)
{
    return "Basic " +
           QByteArray(QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret))
               .toBase64();
}

// Every byte as %XX, even the unreserved ones, which a decoder must take all the same.
QByteArray percentEncodeAll(const QString &text)
{
    QByteArray out;
    for (const char c : text.toUtf8())
        out += '%' + QByteArray::number(uchar(c), 16).toUpper().rightJustified(2, '0');
    return out;
}

} // namespace

// POST /oauth/token with client credentials: RFC 6749's responses and error codes, and refused
// requests leave no token behind.
class TestTokenEndpoint final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_server.reset(); }

    void basicAuthenticationIssuesAToken();
    void postAuthenticationIssuesAToken();
    void percentEncodedBasicCredentialsAreDecoded();
    void basicSchemeIsCaseInsensitive();
    void scopeNarrowsTheToken_data();
    void scopeNarrowsTheToken();
    void refusalsFollowRfc6749_data();
    void refusalsFollowRfc6749();
    void repeatedFailuresAreRateLimited();
    void successResetsTheFailureCount();
    void tokensAreStoredInTheOrderTheyAreIssued();
    void changesByAnotherConnectionCountAtTheNextRequest();
    void expiredTokensArePurgedAsTokensAreIssued();

private:
    Reply tokenRequest(const QByteArray &form, const Headers &headers,
                       const QByteArray &contentType = "application/x-www-form-urlencoded");
    int tokenCount();

    std::unique_ptr<TestServer> m_server;
    QString m_clientId;
    QString m_secret;
};

void TestTokenEndpoint::init()
{
    m_server = std::make_unique<TestServer>();
    const QJsonObject consumer = m_server->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    m_clientId = consumer[u"client_id"_s].toString();
    m_secret = consumer[u"client_secret"_s].toString();
    QVERIFY(!m_clientId.isEmpty());
    QVERIFY(!m_secret.isEmpty());
}

Reply TestTokenEndpoint::tokenRequest(const QByteArray &form, const Headers &headers,
                                      const QByteArray &contentType)
{
    Headers all = headers;
    if (!contentType.isEmpty())
        all.append({"Content-Type", contentType});
    return m_server->request("POST", u"/oauth/token"_s, form, all);
}

int TestTokenEndpoint::tokenCount()
{
    auto &query = m_server->context().database().exec(u"SELECT COUNT(*) FROM tokens"_s);
    const int count = query.next() ? query.value(0).toInt() : -1;
    query.finish();
    return count;
}

void TestTokenEndpoint::basicAuthenticationIssuesAToken()
{
    const int before = tokenCount();
    const Reply reply = tokenRequest("grant_type=client_credentials",
                                     {{"Authorization", basic(m_clientId, m_secret)}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    QCOMPARE(reply.header("Pragma"), "no-cache");
    const QJsonObject json = reply.json();
    const QString token = json[u"access_token"_s].toString();
    QVERIFY2(token.size() >= 43, reply.describe().constData());
    QCOMPARE(json[u"token_type"_s].toString(), u"Bearer"_s);
    QCOMPARE(json[u"expires_in"_s].toInt(), 7200);
    QCOMPARE(json[u"scope"_s].toString(),
             u"assets:read assets:write work_orders:read work_orders:write"_s);
    QCOMPARE(tokenCount(), before + 1);

    const Reply whoami = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"id"_s].toString(), m_clientId);
}

void TestTokenEndpoint::postAuthenticationIssuesAToken()
{
    const int before = tokenCount();
    const Reply reply = tokenRequest(
        "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(m_clientId) +
            "&client_secret=" + QUrl::toPercentEncoding(m_secret),
        {});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    QCOMPARE(reply.header("Pragma"), "no-cache");
    QCOMPARE(reply.json()[u"token_type"_s].toString(), u"Bearer"_s);
    QCOMPARE(reply.json()[u"expires_in"_s].toInt(), 7200);
    QVERIFY(!reply.json()[u"scope"_s].toString().isEmpty());
    QCOMPARE(tokenCount(), before + 1);
    const Reply whoami =
        m_server->withToken(reply.json()[u"access_token"_s].toString(), "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
}

void TestTokenEndpoint::percentEncodedBasicCredentialsAreDecoded()
{
    // Our ids and secrets are base64url, so no ':' or '+' can be tried; every byte sent as %XX
    // must still decode to the same credentials.
    const QByteArray encoded =
        QByteArray(percentEncodeAll(m_clientId) + ':' + percentEncodeAll(m_secret)).toBase64();
    Reply reply =
        tokenRequest("grant_type=client_credentials", {{"Authorization", "Basic " + encoded}});
    QVERIFY2(reply.status == 200, reply.describe().constData());

    const QByteArray wrong = QByteArray(percentEncodeAll(m_clientId) + ':' +
                                        percentEncodeAll(m_secret.chopped(1) + u'!'))
                                 .toBase64();
    reply = tokenRequest("grant_type=client_credentials", {{"Authorization", "Basic " + wrong}});
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);
}

void TestTokenEndpoint::basicSchemeIsCaseInsensitive()
{
    // RFC 9110 §11.1: the authentication scheme is case-insensitive.
    const QByteArray credentials = basic(m_clientId, m_secret).mid(6);
    for (const QByteArray &scheme : {"basic"_ba, "BASIC"_ba}) {
        const Reply reply = tokenRequest("grant_type=client_credentials",
                                         {{"Authorization", scheme + ' ' + credentials}});
        // Scheme names are case-insensitive (RFC 9110 §11.1).
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.json()[u"token_type"_s].toString(), u"Bearer"_s);
    }
}

void TestTokenEndpoint::scopeNarrowsTheToken_data()
{
    QTest::addColumn<QByteArray>("scope");
    QTest::addColumn<QStringList>("granted");

    QTest::newRow("one scope") << "assets:read"_ba << QStringList{u"assets:read"_s};
    QTest::newRow("two, %20") << "assets:read%20work_orders:read"_ba
                              << QStringList{u"assets:read"_s, u"work_orders:read"_s};
    QTest::newRow("two, '+' is a space") << "assets:read+work_orders:read"_ba
                                         << QStringList{u"assets:read"_s, u"work_orders:read"_s};
    QTest::newRow("repeated") << "assets:read%20assets:read"_ba << QStringList{u"assets:read"_s};
}

void TestTokenEndpoint::scopeNarrowsTheToken()
{
    QFETCH(QByteArray, scope);
    QFETCH(QStringList, granted);

    const Reply reply = tokenRequest("grant_type=client_credentials&scope=" + scope,
                                     {{"Authorization", basic(m_clientId, m_secret)}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"scope"_s].toString(), granted.join(u' '));
    const QString token = reply.json()[u"access_token"_s].toString();

    const Reply whoami = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"scopes"_s].toArray().toVariantList(),
             QJsonArray::fromStringList(granted).toVariantList());
    QCOMPARE(m_server->withToken(token, "GET", u"/api/v2/assets"_s).status, 200);
    const Reply post =
        m_server->withToken(token, "POST", u"/api/v2/assets"_s, {{u"name"_s, u"Pump"_s}});
    QVERIFY2(post.status == 403, post.describe().constData());
}

void TestTokenEndpoint::refusalsFollowRfc6749_data()
{
    // client: cc (the client-credentials consumer), ac (a confidential authorization-code
    // consumer), disabled (cc after PATCH status=disabled), unknown.
    // auth: basic, post (client_id and client_secret in the body), both, none, id-only.
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("auth");
    QTest::addColumn<bool>("rightSecret");
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArray>("challenge");

    const QByteArray cc = "grant_type=client_credentials"_ba;
    const QByteArray form = "application/x-www-form-urlencoded"_ba;
    const QByteArray basicChallenge = R"(Basic realm="latchkey")"_ba;

    QTest::newRow("wrong secret, Basic") << u"cc"_s << u"basic"_s << false << cc << form << 401
                                         << u"invalid_client"_s << basicChallenge;
    QTest::newRow("wrong secret, post") << u"cc"_s << u"post"_s << false << cc << form << 401
                                        << u"invalid_client"_s << QByteArray();
    QTest::newRow("unknown client, Basic") << u"unknown"_s << u"basic"_s << true << cc << form
                                           << 401 << u"invalid_client"_s << basicChallenge;
    QTest::newRow("unknown client, post") << u"unknown"_s << u"post"_s << true << cc << form << 401
                                          << u"invalid_client"_s << QByteArray();
    QTest::newRow("no client authentication")
        << u"cc"_s << u"none"_s << true << cc << form << 401 << u"invalid_client"_s << QByteArray();
    QTest::newRow("client_id without secret") << u"cc"_s << u"id-only"_s << true << cc << form
                                              << 401 << u"invalid_client"_s << QByteArray();
    QTest::newRow("Basic and client_secret") << u"cc"_s << u"both"_s << true << cc << form << 400
                                             << u"invalid_request"_s << QByteArray();
    QTest::newRow("Basic without a colon") << u"cc"_s << u"no-colon"_s << true << cc << form << 401
                                           << u"invalid_client"_s << basicChallenge;
    QTest::newRow("missing grant_type") << u"cc"_s << u"basic"_s << true << "scope=assets:read"_ba
                                        << form << 400 << u"invalid_request"_s << QByteArray();
    QTest::newRow("empty grant_type") << u"cc"_s << u"basic"_s << true << "grant_type="_ba << form
                                      << 400 << u"invalid_request"_s << QByteArray();
    QTest::newRow("password grant")
        << u"cc"_s << u"basic"_s << true << "grant_type=password&username=a&password=b"_ba << form
        << 400 << u"unsupported_grant_type"_s << QByteArray();
    QTest::newRow("scope outside the group")
        << u"cc"_s << u"basic"_s << true << "grant_type=client_credentials&scope=admin"_ba << form
        << 400 << u"invalid_scope"_s << QByteArray();
    QTest::newRow("one scope of two outside the group")
        << u"cc"_s << u"basic"_s << true
        << "grant_type=client_credentials&scope=assets:read%20admin"_ba << form << 400
        << u"invalid_scope"_s << QByteArray();
    QTest::newRow("empty scope") << u"cc"_s << u"basic"_s << true
                                 << "grant_type=client_credentials&scope="_ba << form << 400
                                 << u"invalid_scope"_s << QByteArray();
    QTest::newRow("JSON body") << u"cc"_s << u"basic"_s << true
                               << R"({"grant_type":"client_credentials"})"_ba
                               << "application/json"_ba << 400 << u"invalid_request"_s
                               << QByteArray();
    QTest::newRow("no content type") << u"cc"_s << u"basic"_s << true << cc << QByteArray() << 400
                                     << u"invalid_request"_s << QByteArray();
    QTest::newRow("duplicate grant_type")
        << u"cc"_s << u"basic"_s << true
        << "grant_type=client_credentials&grant_type=client_credentials"_ba << form << 400
        << u"invalid_request"_s << QByteArray();
    QTest::newRow("duplicate scope")
        << u"cc"_s << u"basic"_s << true
        << "grant_type=client_credentials&scope=assets:read&scope=assets:write"_ba << form << 400
        << u"invalid_request"_s << QByteArray();
    QTest::newRow("duplicate client_secret")
        << u"cc"_s << u"post"_s << true << "grant_type=client_credentials&client_secret=zz"_ba
        << form << 400 << u"invalid_request"_s << QByteArray();
    QTest::newRow("authorization-code consumer") << u"ac"_s << u"basic"_s << true << cc << form
                                                 << 400 << u"unauthorized_client"_s << QByteArray();
    QTest::newRow("disabled consumer, Basic") << u"disabled"_s << u"basic"_s << true << cc << form
                                              << 401 << u"invalid_client"_s << basicChallenge;
    QTest::newRow("disabled consumer, post") << u"disabled"_s << u"post"_s << true << cc << form
                                             << 401 << u"invalid_client"_s << QByteArray();
}

void TestTokenEndpoint::refusalsFollowRfc6749()
{
    QFETCH(QString, client);
    QFETCH(QString, auth);
    QFETCH(bool, rightSecret);
    QFETCH(QByteArray, form);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QByteArray, challenge);

    QString clientId = m_clientId;
    QString secret = m_secret;
    if (client == u"ac") {
        const QJsonObject consumer = m_server->createConsumer(
            {{u"name"_s, u"Partner Portal"_s},
             {u"grant_type"_s, u"authorization_code"_s},
             {u"client_type"_s, u"confidential"_s},
             {u"redirect_uris"_s, QJsonArray{u"https://partner.example/cb"_s}}});
        clientId = consumer[u"client_id"_s].toString();
        secret = consumer[u"client_secret"_s].toString();
        QVERIFY(!secret.isEmpty());
    } else if (client == u"disabled") {
        const QString id = m_server->admin("GET", u"/api/admin/v1/consumers?q=ERP"_s)
                               .json()[u"items"_s][0][u"id"_s]
                               .toString();
        QCOMPARE(
            m_server
                ->admin("PATCH", u"/api/admin/v1/consumers/"_s + id, {{u"status"_s, u"disabled"_s}})
                .status,
            200);
    } else if (client == u"unknown") {
        clientId = u"ck_nobody"_s;
    }
    if (!rightSecret)
        secret = secret.chopped(2) + u"xx"_s;

    QByteArray body = form;
    Headers headers;
    const QByteArray postCredentials = "&client_id=" + QUrl::toPercentEncoding(clientId) +
                                       "&client_secret=" + QUrl::toPercentEncoding(secret);
    if (auth == u"basic") {
        headers.append({"Authorization", basic(clientId, secret)});
    } else if (auth == u"post") {
        body += postCredentials;
    } else if (auth == u"both") {
        headers.append({"Authorization", basic(clientId, secret)});
        body += postCredentials;
    } else if (auth == u"id-only") {
        body += "&client_id=" + QUrl::toPercentEncoding(clientId);
    } else if (auth == u"no-colon") {
        headers.append({"Authorization", "Basic " + (clientId + secret).toLatin1().toBase64()});
    }

    const int before = tokenCount();
    const Reply reply = tokenRequest(body, headers, contentType);
    QVERIFY2(reply.status == status, reply.describe().constData());
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.json()[u"error"_s].toString(), error);
    QVERIFY2(!reply.json()[u"error_description"_s].toString().isEmpty(),
             reply.describe().constData());
    QVERIFY2(!reply.json().contains(u"access_token"_s), reply.describe().constData());
    QCOMPARE(reply.header("Cache-Control"), "no-store");
    if (!challenge.isEmpty())
        QCOMPARE(reply.header("WWW-Authenticate"), challenge);
    QCOMPARE(tokenCount(), before);
}

void TestTokenEndpoint::repeatedFailuresAreRateLimited()
{
    const QJsonObject other = m_server->createConsumer(
        {{u"name"_s, u"Bystander"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const int before = tokenCount();
    const Headers wrong{{"Authorization", basic(m_clientId, m_secret.chopped(2) + u"xx"_s)}};
    const Headers right{{"Authorization", basic(m_clientId, m_secret)}};
    for (int i = 0; i < 10; ++i) {
        const Reply reply = tokenRequest("grant_type=client_credentials", wrong);
        QVERIFY2(reply.status == 401, reply.describe().constData());
    }

    Reply reply = tokenRequest("grant_type=client_credentials", right);
    QVERIFY2(reply.status == 429, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), u"slow_down"_s);
    bool ok = false;
    const int retryAfter = reply.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter > 0 && retryAfter <= 60, reply.header("Retry-After").constData());
    QVERIFY(!reply.json().contains(u"access_token"_s));
    QCOMPARE(tokenCount(), before);

    // Another client is not locked out by this one's failures.
    QVERIFY(!m_server->token(other[u"client_id"_s].toString(), other[u"client_secret"_s].toString())
                 .isEmpty());

    m_server->clock().advance(61);
    reply = tokenRequest("grant_type=client_credentials", right);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(tokenCount(), before + 2);
}

void TestTokenEndpoint::successResetsTheFailureCount()
{
    const Headers wrong{{"Authorization", basic(m_clientId, m_secret.chopped(2) + u"xx"_s)}};
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 9; ++i)
            QCOMPARE(tokenRequest("grant_type=client_credentials", wrong).status, 401);
        QVERIFY(!m_server->token(m_clientId, m_secret).isEmpty());
    }
}

// Tokens are "<selector>.<secret>", the selector their time of issue: the tokens table keeps
// them in the order they were issued, under a key that begins with the selector and holds no
// part of the secret. A token from before selectors (stored under its digest alone) still works.
void TestTokenEndpoint::tokensAreStoredInTheOrderTheyAreIssued()
{
    auto &context = m_server->context();
    QStringList tokens;
    for (int i = 0; i < 4; ++i) {
        // Two in the same millisecond (the counter orders them), then a second later.
        if (i == 2)
            m_server->clock().advance(1);
        const Reply reply = tokenRequest("grant_type=client_credentials",
                                         {{"Authorization", basic(m_clientId, m_secret)}});
        QVERIFY2(reply.status == 200, reply.describe().constData());
        tokens.append(reply.json()[u"access_token"_s].toString());
    }
    static const QRegularExpression shape(u"^[0-9a-v]{15}\\.[A-Za-z0-9_-]{43}$"_s);
    QStringList expected;
    for (const QString &token : tokens) {
        QVERIFY2(shape.match(token).hasMatch(), qPrintable(token));
        const QString key = Latchkey::Server::TokenKeys::storedKey(context.masterKey(), token);
        QVERIFY2(key.startsWith(token.first(16)) && !key.contains(token.sliced(16)),
                 qPrintable(key));
        expected.append(key);
    }
    QStringList stored;
    auto &rows =
        context.database().exec(u"SELECT digest FROM tokens WHERE consumer_id = "
                                "(SELECT id FROM consumers WHERE client_id = ?) ORDER BY digest"_s,
                                {m_clientId});
    while (rows.next())
        stored.append(rows.text(0));
    QCOMPARE(stored, expected);

    const QString legacy = Latchkey::Random::secret();
    context.database().exec(
        u"INSERT INTO tokens (digest, kind, tenant_id, consumer_id, authorization_id, scopes, "
        "issued_at, expires_at, revoked_at, family_id, code_digest) SELECT ?, kind, tenant_id, "
        "consumer_id, authorization_id, scopes, issued_at, expires_at, revoked_at, family_id, "
        "code_digest FROM tokens WHERE digest = ?"_s,
        {context.masterKey().digest(legacy), expected.first()});
    Reply whoami = m_server->withToken(legacy, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"id"_s].toString(), m_clientId);
    // Another token's selector in front of a secret that is not its own is not that token.
    whoami = m_server->withToken(tokens.first().first(16) + legacy, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 401, whoami.describe().constData());
    whoami = m_server->withToken(tokens.last(), "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
}

// The client and its failures are checked against what the database holds now, not against
// what this server last read: writes by another connection (another instance, a command) are
// seen at the next request, though the server keeps both in front of its database.
void TestTokenEndpoint::changesByAnotherConnectionCountAtTheNextRequest()
{
    const Headers right{{"Authorization", basic(m_clientId, m_secret)}};
    QCOMPARE(tokenRequest("grant_type=client_credentials", right).status, 200);
    QCOMPARE(tokenRequest("grant_type=client_credentials", right).status, 200);

    auto other = m_server->database().connect(m_server->dataDir());
    Latchkey::Server::FailureRepository failures(*other);
    Latchkey::Server::FailureLimiter limiter(failures, u"token"_s, 10, 60);
    const QString key = m_clientId + u"|127.0.0.1"_s;
    for (int i = 0; i < 10; ++i)
        limiter.recordFailure(key, m_server->clock().now());
    Reply reply = tokenRequest("grant_type=client_credentials", right);
    QVERIFY2(reply.status == 429, reply.describe().constData());

    m_server->clock().advance(61);
    QCOMPARE(tokenRequest("grant_type=client_credentials", right).status, 200);
    QCOMPARE(other
                 ->exec(u"UPDATE consumers SET status = 'disabled', version = version + 1 "
                        "WHERE client_id = ?"_s,
                        {m_clientId})
                 .numRowsAffected(),
             1);
    reply = tokenRequest("grant_type=client_credentials", right);
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);

    other->exec(u"UPDATE consumers SET status = 'active', version = version + 1 "
                "WHERE client_id = ?"_s,
                {m_clientId});
    QCOMPARE(tokenRequest("grant_type=client_credentials", right).status, 200);
}

// Issuing tokens sweeps the table for tokens expired over a day ago: a token used a day after
// it expired is no longer there.
void TestTokenEndpoint::expiredTokensArePurgedAsTokensAreIssued()
{
    const Headers right{{"Authorization", basic(m_clientId, m_secret)}};
    Reply reply = tokenRequest("grant_type=client_credentials", right);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString old = reply.json()[u"access_token"_s].toString();

    m_server->clock().advance(7200 + 1);
    reply = m_server->withToken(old, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"The access token expired."_s);
    constexpr int every = Latchkey::Server::TokenEndpoint::purgeEvery;
    const int before = tokenCount();
    for (int i = 0; i < 2 * every; ++i)
        QCOMPARE(tokenRequest("grant_type=client_credentials", right).status, 200);
    // Not yet a day past its expiry: kept.
    QCOMPARE(tokenCount(), before + 2 * every);
    reply = m_server->withToken(old, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"The access token expired."_s);

    m_server->clock().advance(24 * 3600);
    // The sweep reaches the end of the table and starts over within one sweep per `every`
    // tokens it holds (it gains `every` keys a sweep), then finds the old token first.
    const int sweeps = tokenCount() / every + 2;
    int issued = 0;
    do {
        for (int i = 0; i < every; ++i, ++issued)
            QCOMPARE(tokenRequest("grant_type=client_credentials", right).status, 200);
        reply = m_server->withToken(old, "GET", u"/api/v2/whoami"_s);
    } while (reply.json()[u"detail"_s].toString() == u"The access token expired."_s &&
             issued < sweeps * every);
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"The access token is not known."_s);
}

QTEST_GUILESS_MAIN(TestTokenEndpoint)
#include "tst_tokenendpoint.moc"
