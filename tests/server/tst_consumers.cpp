#include <testserver.h>

#include <QJsonArray>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

const QString consumersPath = u"/api/admin/v1/consumers"_s;

// Whether a problem+json names `field` with a message that contains `message`.
bool hasFieldError(const Reply &reply, const QString &field, const QString &message)
{
    const QJsonArray errors = reply.json()[u"errors"_s].toArray();
    return std::any_of(errors.begin(), errors.end(), [&](const QJsonValue &error) {
        return error[u"field"_s].toString() == field &&
               error[u"message"_s].toString().contains(message);
    });
}

} // namespace

// The OAuth consumers of the admin API, and what their credentials let a client do.
class TestConsumers final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void createClientCredentialsShowsTheSecretOnceAndItWorks();
    void createAuthorizationCodeConfidentialAndPublic();
    void listFiltersByQueryStatusAndGrantTypeAndPages();
    void listQueryIgnoresCaseBeyondAscii();
    void createRejectsBadInput_data();
    void createRejectsBadInput();
    void createAcceptsRedirectUris_data();
    void createAcceptsRedirectUris();
    void updateChangesTheEditableFields();
    void updateRejectsBadInput_data();
    void updateRejectsBadInput();
    void updateHonoursIfMatch();
    void rotationKeepsTheOldSecretForTheGracePeriodOnly();
    void rotationOfAPublicClientIsAConflict();
    void deleteStopsItsTokens();
    void disableStopsItsTokensAtOnce();
    void unknownIdsAre404();
    void everyChangeIsAudited();
    void secretIsNotStoredInClear();

private:
    // POST /oauth/token with client credentials by HTTP Basic.
    Reply tokenRequest(const QString &clientId, const QString &clientSecret);
    QJsonArray consumers(const QString &query = {});

    std::unique_ptr<TestServer> m_server;
};

Reply TestConsumers::tokenRequest(const QString &clientId, const QString &clientSecret)
{
    return m_server->request(
        "POST", u"/oauth/token"_s, "grant_type=client_credentials"_ba,
        {{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba},
         {"Authorization"_ba, "Basic "_ba + QByteArray(QUrl::toPercentEncoding(clientId) + ':' +
                                                       QUrl::toPercentEncoding(clientSecret))
                                                .toBase64()}});
}

QJsonArray TestConsumers::consumers(const QString &query)
{
    const Reply reply = m_server->admin("GET", consumersPath + query);
    if (reply.status != 200)
        qWarning("listing consumers: %s", reply.describe().constData());
    return reply.json()[u"items"_s].toArray();
}

void TestConsumers::createClientCredentialsShowsTheSecretOnceAndItWorks()
{
    const Reply created = m_server->admin("POST", consumersPath,
                                          {{u"name"_s, u"ERP Sync"_s},
                                           {u"description"_s, u"nightly"_s},
                                           {u"permission_group_id"_s, u"Maintenance"_s},
                                           {u"grant_type"_s, u"client_credentials"_s}});
    QVERIFY2(created.status == 201, created.describe().constData());
    const QJsonObject consumer = created.json();
    const QString id = consumer[u"id"_s].toString();
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    QVERIFY(id.startsWith(u"con_"));
    QVERIFY(clientId.startsWith(u"ck_"));
    QVERIFY2(clientId.size() >= 3 + 16, "client ids carry at least 96 random bits");
    QVERIFY2(secret.size() >= 43, "client secrets carry at least 256 random bits");
    QCOMPARE(consumer[u"name"_s].toString(), u"ERP Sync"_s);
    QCOMPARE(consumer[u"description"_s].toString(), u"nightly"_s);
    QCOMPARE(consumer[u"permission_group_id"_s].toString(), m_server->groupId(u"Maintenance"_s));
    QCOMPARE(consumer[u"grant_type"_s].toString(), u"client_credentials"_s);
    QCOMPARE(consumer[u"client_type"_s].toString(), u"confidential"_s);
    QCOMPARE(consumer[u"redirect_uris"_s].toArray(), QJsonArray());
    QCOMPARE(consumer[u"status"_s].toString(), u"active"_s);
    QCOMPARE(consumer[u"version"_s].toInt(), 1);
    QVERIFY(consumer[u"created_by"_s].toString().startsWith(u"consumer:ck_"));
    QCOMPARE(created.header("Cache-Control"), "no-store");
    QCOMPARE(created.header("ETag"), "\"1\"");
    QCOMPARE(created.header("Location"), QByteArray("/api/admin/v1/consumers/" + id.toLatin1()));

    const Reply shown = m_server->admin("GET", consumersPath + u'/' + id);
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.header("ETag"), "\"1\"");
    QVERIFY2(!shown.json().contains(u"client_secret"_s), "the secret is shown only once");
    QCOMPARE(shown.json()[u"client_id"_s].toString(), clientId);
    for (const QJsonValue &item : consumers())
        QVERIFY2(!item.toObject().contains(u"client_secret"_s), "lists never show secrets");

    const QString token = m_server->token(clientId, secret);
    QVERIFY(!token.isEmpty());
    const Reply whoami = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"type"_s].toString(), u"consumer"_s);
    QCOMPARE(whoami.json()[u"principal"_s][u"id"_s].toString(), clientId);
    QCOMPARE(whoami.json()[u"principal"_s][u"consumer_id"_s].toString(), id);
    QVERIFY(whoami.json()[u"scopes"_s].toArray().contains(u"assets:write"_s));
    QVERIFY(!whoami.json()[u"scopes"_s].toArray().contains(u"admin"_s));

    const Reply wrong = tokenRequest(clientId, secret + u'x');
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json()[u"error"_s].toString(), u"invalid_client"_s);

    const Reply used = m_server->admin("GET", consumersPath + u'/' + id);
    QVERIFY2(!used.json()[u"last_used_at"_s].isNull(), "last_used_at is kept");
}

void TestConsumers::createAuthorizationCodeConfidentialAndPublic()
{
    const qsizetype before = consumers(u"?grant_type=authorization_code"_s).size();
    const Reply confidential =
        m_server->admin("POST", consumersPath,
                        {{u"name"_s, u"Partner Portal"_s},
                         {u"permission_group_id"_s, u"Read only"_s},
                         {u"grant_type"_s, u"authorization_code"_s},
                         {u"redirect_uris"_s, QJsonArray{u"https://partners.example.com/cb"_s,
                                                         u"https://partners.example.com/cb"_s}}});
    QVERIFY2(confidential.status == 201, confidential.describe().constData());
    QCOMPARE(confidential.json()[u"grant_type"_s].toString(), u"authorization_code"_s);
    QCOMPARE(confidential.json()[u"client_type"_s].toString(), u"confidential"_s);
    QVERIFY(confidential.json()[u"client_secret"_s].toString().size() >= 43);
    QCOMPARE(confidential.json()[u"require_pkce"_s].toBool(false), true);
    QCOMPARE(confidential.json()[u"redirect_uris"_s].toArray(),
             QJsonArray{u"https://partners.example.com/cb"_s});
    QCOMPARE(confidential.header("Cache-Control"), "no-store");

    const Reply publicClient =
        m_server->admin("POST", consumersPath,
                        {{u"name"_s, u"Mobile Inspector"_s},
                         {u"permission_group_id"_s, u"Maintenance"_s},
                         {u"grant_type"_s, u"authorization_code"_s},
                         {u"client_type"_s, u"public"_s},
                         {u"redirect_uris"_s,
                          QJsonArray{u"com.example.inspector:/cb"_s, u"http://127.0.0.1/cb"_s}}});
    QVERIFY2(publicClient.status == 201, publicClient.describe().constData());
    const QJsonObject consumer = publicClient.json();
    QCOMPARE(consumer[u"client_type"_s].toString(), u"public"_s);
    QVERIFY2(!consumer.contains(u"client_secret"_s), "a public client has no secret");
    QVERIFY(consumer[u"client_id"_s].toString().startsWith(u"ck_"));
    QCOMPARE(consumer[u"require_pkce"_s].toBool(false), true);
    QCOMPARE(consumer[u"redirect_uris"_s].toArray(),
             (QJsonArray{u"com.example.inspector:/cb"_s, u"http://127.0.0.1/cb"_s}));

    const Reply shown = m_server->admin("GET", consumersPath + u'/' + consumer[u"id"_s].toString());
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.json(), consumer);
    QCOMPARE(consumers(u"?grant_type=authorization_code"_s).size(), before + 2);
}

void TestConsumers::listFiltersByQueryStatusAndGrantTypeAndPages()
{
    // Bootstrap registers consumers of its own (Automation, the desktop app): count from them.
    const qsizetype all = consumers().size();
    const qsizetype active = consumers(u"?status=active"_s).size();
    const qsizetype code = consumers(u"?grant_type=authorization_code"_s).size();
    const qsizetype credentials = consumers(u"?grant_type=client_credentials"_s).size();
    QVERIFY(all >= 1);
    QCOMPARE(code + credentials, all);
    QStringList batchIds;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject created = m_server->createConsumer(
            {{u"name"_s, u"Batch %1"_s.arg(i)}, {u"grant_type"_s, u"client_credentials"_s}});
        QVERIFY(!created.isEmpty());
        batchIds.append(created[u"id"_s].toString());
    }
    QStringList portalClientIds;
    for (int i = 0; i < 2; ++i) {
        const QJsonObject created =
            m_server->createConsumer({{u"name"_s, u"Portal %1"_s.arg(i)},
                                      {u"description"_s, u"For suppliers"_s},
                                      {u"grant_type"_s, u"authorization_code"_s},
                                      {u"redirect_uris"_s, QJsonArray{u"https://p.example/cb"_s}}});
        QVERIFY(!created.isEmpty());
        portalClientIds.append(created[u"client_id"_s].toString());
    }
    QCOMPARE(
        m_server
            ->admin("PATCH", consumersPath + u'/' + batchIds.at(1), {{u"status"_s, u"disabled"_s}})
            .status,
        200);

    QCOMPARE(consumers(u"?q=batch"_s).size(), 3);
    QCOMPARE(consumers(u"?q=PORTAL"_s).size(), 2);
    QCOMPARE(consumers(u"?q=suppliers"_s).size(), 2);
    QCOMPARE(consumers(u"?q=%25"_s).size(), 0);
    QJsonArray found = consumers(u"?q="_s + portalClientIds.at(1));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0][u"name"_s].toString(), u"Portal 1"_s);
    found = consumers(u"?q="_s + batchIds.at(2));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0][u"name"_s].toString(), u"Batch 2"_s);

    found = consumers(u"?status=disabled"_s);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0][u"id"_s].toString(), batchIds.at(1));
    QCOMPARE(consumers(u"?status=active"_s).size(), active + 4);
    QCOMPARE(consumers(u"?grant_type=authorization_code"_s).size(), code + 2);
    QCOMPARE(consumers(u"?grant_type=client_credentials"_s).size(), credentials + 3);
    QCOMPARE(consumers(u"?grant_type=client_credentials&status=active&q=batch"_s).size(), 2);
    for (const QJsonValue &item : consumers(u"?grant_type=authorization_code"_s))
        QCOMPARE(item[u"grant_type"_s].toString(), u"authorization_code"_s);

    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        const Reply reply =
            m_server->admin("GET", consumersPath + u"?limit=2"_s +
                                       (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QJsonArray items = reply.json()[u"items"_s].toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &item : items)
            seen.append(item[u"id"_s].toString());
        cursor = reply.json()[u"next_cursor"_s].toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 20);
    QCOMPARE(pages, int(all + 5 + 1) / 2);
    QCOMPARE(seen.size(), all + 5);
    seen.removeDuplicates();
    QCOMPARE(seen.size(), all + 5);
    for (const QString &id : std::as_const(batchIds))
        QVERIFY(seen.contains(id));

    Reply reply = m_server->admin("GET", consumersPath + u"?status=sleeping"_s);
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasFieldError(reply, u"status"_s, u"Use active or disabled."_s),
             reply.describe().constData());
    reply = m_server->admin("GET", consumersPath + u"?grant_type=implicit"_s);
    QCOMPARE(reply.status, 422);
    QVERIFY2(
        hasFieldError(reply, u"grant_type"_s, u"Use client_credentials or authorization_code."_s),
        reply.describe().constData());
    QCOMPARE(m_server->admin("GET", consumersPath + u"?limit=0"_s).status, 422);
    QCOMPARE(m_server->admin("GET", consumersPath + u"?limit=1001"_s).status, 422);
    reply = m_server->admin("GET", consumersPath + u"?cursor=bm9wZQ"_s);
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasFieldError(reply, u"cursor"_s, u"Not a cursor this server gave out"_s),
             reply.describe().constData());
}

void TestConsumers::listQueryIgnoresCaseBeyondAscii()
{
    // Names in Portuguese and Spanish, as the product's users write them.
    QVERIFY(!m_server
                 ->createConsumer({{u"name"_s, u"Integração Ágil"_s},
                                   {u"grant_type"_s, u"client_credentials"_s}})
                 .isEmpty());
    QCOMPARE(consumers(u"?q=Integração"_s).size(), 1);
    QCOMPARE(consumers(u"?q=integração"_s).size(), 1);
    QCOMPARE(consumers(u"?q=INTEGRAÇÃO"_s).size(), 1);
    // Search folds case and accents beyond ASCII (SQLite's LOWER() would not).
    QCOMPARE(consumers(u"?q=ágil"_s).size(), 1);
    QCOMPARE(consumers(u"?q=agil"_s).size(), 1);
    QCOMPARE(consumers(u"?q=AGIL"_s).size(), 1);
}

void TestConsumers::createRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const auto cc = [](const QByteArray &fields) -> QByteArray {
        return R"({"name":"x","permission_group_id":"Read only","grant_type":"client_credentials")"_ba +
               fields + '}';
    };
    const auto code = [](const QByteArray &uris) -> QByteArray {
        return R"({"name":"x","permission_group_id":"Read only","grant_type":"authorization_code","redirect_uris":)"_ba +
               uris + '}';
    };

    QTest::newRow("missing name")
        << R"({"permission_group_id":"Read only","grant_type":"client_credentials"})"_ba << 422
        << u"name"_s << u"A name is required."_s;
    QTest::newRow("blank name")
        << R"({"name":"  ","permission_group_id":"Read only","grant_type":"client_credentials"})"_ba
        << 422 << u"name"_s << u"A name is required."_s;
    QTest::newRow("name not a string")
        << R"({"name":7,"permission_group_id":"Read only","grant_type":"client_credentials"})"_ba
        << 422 << u"name"_s << u"Must be a string."_s;
    QTest::newRow("name too long")
        << QByteArray(
               R"({"name":")"_ba + QByteArray(201, 'n') +
               R"(","permission_group_id":"Read only","grant_type":"client_credentials"})"_ba)
        << 422 << u"name"_s << u"At most 200 characters."_s;
    QTest::newRow("description too long")
        << cc(R"(,"description":")"_ba + QByteArray(2001, 'd') + '"') << 422 << u"description"_s
        << u"At most 2000 characters."_s;
    QTest::newRow("missing group")
        << R"({"name":"x","grant_type":"client_credentials"})"_ba << 422 << u"permission_group_id"_s
        << u"A permission group is required."_s;
    QTest::newRow("unknown group")
        << R"({"name":"x","permission_group_id":"Gods","grant_type":"client_credentials"})"_ba
        << 422 << u"permission_group_id"_s << u"No permission group Gods in this account"_s;
    QTest::newRow("missing grant type")
        << R"({"name":"x","permission_group_id":"Read only"})"_ba << 422 << u"grant_type"_s
        << u"Choose client_credentials or authorization_code."_s;
    QTest::newRow("unknown grant type")
        << R"({"name":"x","permission_group_id":"Read only","grant_type":"implicit"})"_ba << 422
        << u"grant_type"_s << u"Unknown grant type implicit"_s;
    QTest::newRow("authorization code without redirect uris")
        << R"({"name":"x","permission_group_id":"Read only","grant_type":"authorization_code"})"_ba
        << 422 << u"redirect_uris"_s << u"Authorization code needs at least one redirect URI."_s;
    QTest::newRow("authorization code with an empty list")
        << code("[]") << 422 << u"redirect_uris"_s
        << u"Authorization code needs at least one redirect URI."_s;
    QTest::newRow("redirect uris not a list") << code(R"("https://app.example.com/cb")") << 422
                                              << u"redirect_uris"_s << u"Must be a list of URIs."_s;
    QTest::newRow("http on a public host")
        << code(R"(["http://app.example.com/cb"])") << 422 << u"redirect_uris[0]"_s
        << u"http://app.example.com/cb http is only allowed on a loopback host"_s;
    QTest::newRow("upper-case HTTP on a public host")
        << code(R"(["HTTP://app.example.com/cb"])") << 422 << u"redirect_uris[0]"_s
        << u"http is only allowed on a loopback host"_s;
    QTest::newRow("loopback look-alike host")
        << code(R"(["http://127.0.0.1.evil.example/cb"])") << 422 << u"redirect_uris[0]"_s
        << u"http is only allowed on a loopback host"_s;
    QTest::newRow("fragment") << code(R"(["https://app.example.com/cb#top"])") << 422
                              << u"redirect_uris[0]"_s << u"must not have a fragment"_s;
    QTest::newRow("ftp scheme") << code(R"(["ftp://app.example.com/cb"])") << 422
                                << u"redirect_uris[0]"_s
                                << u"must use https, http on a loopback host, or a "
                                   "reverse-domain private scheme"_s;
    QTest::newRow("relative") << code(R"(["/oauth/callback"])") << 422 << u"redirect_uris[0]"_s
                              << u"is not an absolute URI"_s;
    QTest::newRow("javascript") << code(R"x(["javascript:alert(1)"])x") << 422
                                << u"redirect_uris[0]"_s << u"must use https"_s;
    QTest::newRow("data") << code(R"(["data:text/html,hi"])") << 422 << u"redirect_uris[0]"_s
                          << u"must use https"_s;
    QTest::newRow("userinfo") << code(R"(["https://user:pw@app.example.com/cb"])") << 422
                              << u"redirect_uris[0]"_s
                              << u"must not carry a user name or password"_s;
    QTest::newRow("userinfo hiding the real host")
        << code(R"(["http://localhost:80@evil.example/cb"])") << 422 << u"redirect_uris[0]"_s
        << u"must not carry a user name or password"_s;
    QTest::newRow("https without a host")
        << code(R"(["https:///cb"])") << 422 << u"redirect_uris[0]"_s << u"needs a host"_s;
    QTest::newRow("empty uri") << code(R"([""])") << 422 << u"redirect_uris[0]"_s
                               << u"must not be empty"_s;
    QTest::newRow("surrounding spaces") << code(R"([" https://app.example.com/cb"])") << 422
                                        << u"redirect_uris[0]"_s << u"surrounding spaces"_s;
    QTest::newRow("second uri bad")
        << code(R"(["https://app.example.com/cb","http://app.example.com/cb"])") << 422
        << u"redirect_uris[1]"_s << u"http://app.example.com/cb"_s;
    QTest::newRow("redirect uris for client credentials")
        << cc(R"(,"redirect_uris":["https://app.example.com/cb"])") << 422 << u"redirect_uris"_s
        << u"Client credentials has no redirect; leave redirect_uris empty."_s;
    QTest::newRow("public client credentials")
        << cc(R"(,"client_type":"public")") << 422 << u"client_type"_s
        << u"A public client has no secret, so it cannot use client credentials"_s;
    QTest::newRow("unknown client type") << cc(R"(,"client_type":"secretive")") << 422
                                         << u"client_type"_s << u"Use confidential or public."_s;
    QTest::newRow("access ttl too short")
        << cc(R"(,"access_token_ttl":59)") << 422 << u"access_token_ttl"_s
        << u"Must be a whole number from 60 to 86400."_s;
    QTest::newRow("access ttl too long")
        << cc(R"(,"access_token_ttl":86401)") << 422 << u"access_token_ttl"_s
        << u"Must be a whole number from 60 to 86400."_s;
    QTest::newRow("access ttl fractional")
        << cc(R"(,"access_token_ttl":600.5)") << 422 << u"access_token_ttl"_s << u"whole number"_s;
    QTest::newRow("access ttl beyond any integer")
        << cc(R"(,"access_token_ttl":1e300)") << 422 << u"access_token_ttl"_s
        << u"Must be a whole number from 60 to 86400."_s;
    QTest::newRow("refresh ttl far below zero")
        << cc(R"(,"refresh_token_ttl":-1e300)") << 422 << u"refresh_token_ttl"_s
        << u"Must be a whole number from 3600 to 31536000."_s;
    QTest::newRow("access ttl as text")
        << cc(R"(,"access_token_ttl":"600")") << 422 << u"access_token_ttl"_s << u"whole number"_s;
    QTest::newRow("refresh ttl too short")
        << cc(R"(,"refresh_token_ttl":3599)") << 422 << u"refresh_token_ttl"_s
        << u"Must be a whole number from 3600 to 31536000."_s;
    QTest::newRow("refresh ttl too long")
        << cc(R"(,"refresh_token_ttl":31536001)") << 422 << u"refresh_token_ttl"_s
        << u"Must be a whole number from 3600 to 31536000."_s;
    QTest::newRow("require pkce not a boolean") << cc(R"(,"require_pkce":"yes")") << 422
                                                << u"require_pkce"_s << u"Must be true or false."_s;
    QTest::newRow("unknown field")
        << cc(R"(,"colour":"blue")") << 422 << u"colour"_s << u"Unknown or read-only field."_s;
    QTest::newRow("own secret") << cc(R"(,"client_secret":"mine")") << 422 << u"client_secret"_s
                                << u"Unknown or read-only field."_s;
    QTest::newRow("own client id") << cc(R"(,"client_id":"ck_mine")") << 422 << u"client_id"_s
                                   << u"Unknown or read-only field."_s;
    QTest::newRow("status on create")
        << cc(R"(,"status":"active")") << 422 << u"status"_s << u"Unknown or read-only field."_s;
    QTest::newRow("malformed json") << R"({"name":)"_ba << 400 << QString() << u"not valid JSON"_s;
    QTest::newRow("array body") << R"([1,2])"_ba << 400 << QString() << u"JSON object"_s;
}

void TestConsumers::createRejectsBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QJsonArray before = consumers();
    const auto audited = [this] {
        return m_server->admin("GET", u"/api/admin/v1/audit?action=consumer.create"_s)
            .json()[u"items"_s]
            .toArray()
            .size();
    };
    const qsizetype auditedBefore = audited();

    const Reply reply =
        m_server->request("POST", consumersPath, body,
                          {{"Authorization", "Bearer " + m_server->adminToken().toLatin1()},
                           {"Content-Type", "application/json"}});
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    const QJsonObject problem = reply.json();
    QCOMPARE(problem[u"status"_s].toInt(), status);
    if (field.isEmpty())
        QVERIFY2(problem[u"detail"_s].toString().contains(message), reply.describe().constData());
    else
        QVERIFY2(hasFieldError(reply, field, message), reply.describe().constData());
    QVERIFY2(!reply.body.contains("client_secret\":\""), "no secret in an error");

    // Nothing was created, and nothing was audited as created.
    QCOMPARE(consumers(), before);
    QCOMPARE(audited(), auditedBefore);
}

void TestConsumers::createAcceptsRedirectUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("clientType");

    QTest::newRow("https host") << u"https://app.example.com/oauth/callback"_s << u"confidential"_s;
    QTest::newRow("https with port and query")
        << u"https://app.example.com:8443/cb?tenant=7"_s << u"confidential"_s;
    QTest::newRow("ipv4 loopback with port") << u"http://127.0.0.1:8123/cb"_s << u"public"_s;
    QTest::newRow("ipv4 loopback") << u"http://127.0.0.1/cb"_s << u"public"_s;
    QTest::newRow("ipv6 loopback") << u"http://[::1]/cb"_s << u"public"_s;
    QTest::newRow("localhost") << u"http://localhost/cb"_s << u"public"_s;
    QTest::newRow("private-use scheme") << u"com.example.app:/callback"_s << u"public"_s;
}

void TestConsumers::createAcceptsRedirectUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, clientType);

    const Reply reply = m_server->admin("POST", consumersPath,
                                        {{u"name"_s, u"Native app"_s},
                                         {u"permission_group_id"_s, u"Read only"_s},
                                         {u"grant_type"_s, u"authorization_code"_s},
                                         {u"client_type"_s, clientType},
                                         {u"redirect_uris"_s, QJsonArray{uri}}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    QCOMPARE(reply.json()[u"redirect_uris"_s].toArray(), QJsonArray{uri});
    const Reply shown =
        m_server->admin("GET", consumersPath + u'/' + reply.json()[u"id"_s].toString());
    QCOMPARE(shown.json()[u"redirect_uris"_s].toArray(), QJsonArray{uri});
}

void TestConsumers::updateChangesTheEditableFields()
{
    const QJsonObject created =
        m_server->createConsumer({{u"name"_s, u"Portal"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"redirect_uris"_s, QJsonArray{u"https://a.example/cb"_s}}});
    QVERIFY(!created.isEmpty());
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();

    const QJsonArray uris{u"https://b.example/cb"_s, u"http://127.0.0.1/cb"_s};
    Reply reply = m_server->admin("PATCH", path,
                                  {{u"name"_s, u"Partner Portal"_s},
                                   {u"description"_s, u"Suppliers"_s},
                                   {u"redirect_uris"_s, uris},
                                   {u"require_pkce"_s, false},
                                   {u"access_token_ttl"_s, 600},
                                   {u"refresh_token_ttl"_s, 7200},
                                   {u"permission_group_id"_s, u"Read only"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("ETag"), "\"2\"");
    QVERIFY2(!reply.json().contains(u"client_secret"_s), "an update never shows the secret");
    const QJsonObject shown = m_server->admin("GET", path).json();
    QCOMPARE(shown, reply.json());
    QCOMPARE(shown[u"version"_s].toInt(), 2);
    QCOMPARE(shown[u"name"_s].toString(), u"Partner Portal"_s);
    QCOMPARE(shown[u"description"_s].toString(), u"Suppliers"_s);
    QCOMPARE(shown[u"redirect_uris"_s].toArray(), uris);
    QCOMPARE(shown[u"require_pkce"_s].toBool(true), false);
    QCOMPARE(shown[u"access_token_ttl"_s].toInt(), 600);
    QCOMPARE(shown[u"refresh_token_ttl"_s].toInt(), 7200);
    QCOMPARE(shown[u"permission_group_id"_s].toString(), m_server->groupId(u"Read only"_s));
    // What was not sent stays as it was.
    QCOMPARE(shown[u"client_id"_s], created[u"client_id"_s]);
    QCOMPARE(shown[u"grant_type"_s], created[u"grant_type"_s]);
    QCOMPARE(shown[u"created_at"_s], created[u"created_at"_s]);

    reply = m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"status"_s].toString(), u"disabled"_s);
    QCOMPARE(reply.json()[u"name"_s].toString(), u"Partner Portal"_s);
    QCOMPARE(consumers(u"?status=disabled"_s).size(), 1);

    reply = m_server->admin("PATCH", path, {{u"description"_s, QJsonValue()}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"description"_s].toString(), QString());
    QCOMPARE(reply.json()[u"version"_s].toInt(), 4);
}

void TestConsumers::updateRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("grant type is read-only") << R"({"grant_type":"client_credentials"})"_ba
                                             << u"grant_type"_s << u"Unknown or read-only field."_s;
    QTest::newRow("client id is read-only")
        << R"({"client_id":"ck_mine"})"_ba << u"client_id"_s << u"Unknown or read-only field."_s;
    QTest::newRow("client type is read-only")
        << R"({"client_type":"public"})"_ba << u"client_type"_s << u"Unknown or read-only field."_s;
    QTest::newRow("id is read-only")
        << R"({"id":"con_mine"})"_ba << u"id"_s << u"Unknown or read-only field."_s;
    QTest::newRow("secret is read-only") << R"({"client_secret":"mine"})"_ba << u"client_secret"_s
                                         << u"Unknown or read-only field."_s;
    QTest::newRow("version is read-only")
        << R"({"version":9})"_ba << u"version"_s << u"Unknown or read-only field."_s;
    QTest::newRow("read-only field beside a good one")
        << R"({"name":"Renamed","grant_type":"client_credentials"})"_ba << u"grant_type"_s
        << u"Unknown or read-only field."_s;
    QTest::newRow("blank name") << R"({"name":""})"_ba << u"name"_s << u"A name is required."_s;
    QTest::newRow("null name") << R"({"name":null})"_ba << u"name"_s << u"A name is required."_s;
    QTest::newRow("no redirect uri left")
        << R"({"redirect_uris":[]})"_ba << u"redirect_uris"_s
        << u"Authorization code needs at least one redirect URI."_s;
    QTest::newRow("bad redirect uri")
        << R"({"redirect_uris":["https://a.example/cb","http://evil.example/cb"]})"_ba
        << u"redirect_uris[1]"_s << u"http is only allowed on a loopback host"_s;
    QTest::newRow("redirect uris not a list")
        << R"({"redirect_uris":null})"_ba << u"redirect_uris"_s << u"Must be a list of URIs."_s;
    QTest::newRow("require pkce not a boolean")
        << R"({"require_pkce":1})"_ba << u"require_pkce"_s << u"Must be true or false."_s;
    QTest::newRow("access ttl out of range")
        << R"({"access_token_ttl":0})"_ba << u"access_token_ttl"_s
        << u"Must be a whole number from 60 to 86400."_s;
    QTest::newRow("refresh ttl out of range")
        << R"({"refresh_token_ttl":-1})"_ba << u"refresh_token_ttl"_s
        << u"Must be a whole number from 3600 to 31536000."_s;
    QTest::newRow("unknown status")
        << R"({"status":"paused"})"_ba << u"status"_s << u"Use active or disabled."_s;
    QTest::newRow("unknown group") << R"({"permission_group_id":"Gods"})"_ba
                                   << u"permission_group_id"_s << u"No permission group Gods"_s;
}

void TestConsumers::updateRejectsBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QJsonObject created =
        m_server->createConsumer({{u"name"_s, u"Portal"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"redirect_uris"_s, QJsonArray{u"https://a.example/cb"_s}}});
    QVERIFY(!created.isEmpty());
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();
    const QJsonObject before = m_server->admin("GET", path).json();

    const Reply reply =
        m_server->request("PATCH", path, body,
                          {{"Authorization", "Bearer " + m_server->adminToken().toLatin1()},
                           {"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QVERIFY2(hasFieldError(reply, field, message), reply.describe().constData());

    // Nothing changed, not even the version.
    const Reply after = m_server->admin("GET", path);
    QCOMPARE(after.json(), before);
    QCOMPARE(after.header("ETag"), "\"1\"");
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/audit?action=consumer.update"_s)
                 .json()[u"items"_s]
                 .toArray()
                 .size(),
             0);
}

void TestConsumers::updateHonoursIfMatch()
{
    const QJsonObject created = m_server->createConsumer(
        {{u"name"_s, u"Original"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();
    const QString clientId = created[u"client_id"_s].toString();
    const QString secret = created[u"client_secret"_s].toString();

    Reply reply =
        m_server->admin("PATCH", path, {{u"name"_s, u"Renamed"_s}}, {{"If-Match", "\"1\""}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("ETag"), "\"2\"");
    QCOMPARE(reply.json()[u"version"_s].toInt(), 2);

    reply =
        m_server->admin("PATCH", path, {{u"name"_s, u"Lost update"_s}}, {{"If-Match", "\"1\""}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QCOMPARE(reply.header("ETag"), "\"2\"");
    QVERIFY2(reply.json()[u"detail"_s].toString().contains(u"Reload"_s),
             reply.describe().constData());
    QCOMPARE(m_server->admin("GET", path).json()[u"name"_s].toString(), u"Renamed"_s);

    reply = m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}},
                            {{"If-Match", "\"1\", W/\"7\""}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(m_server->admin("GET", path).json()[u"status"_s].toString(), u"active"_s);

    reply = m_server->admin("POST", path + u"/rotate-secret"_s, {}, {{"If-Match", "\"1\""}});
    QCOMPARE(reply.status, 412);
    QVERIFY2(!reply.json().contains(u"client_secret"_s), reply.describe().constData());
    QVERIFY2(!m_server->token(clientId, secret).isEmpty(), "the secret was not rotated");

    reply = m_server->admin("DELETE", path, {}, {{"If-Match", "\"1\""}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(m_server->admin("GET", path).status, 200);

    const QJsonObject unchanged = m_server->admin("GET", path).json();
    QCOMPARE(unchanged[u"version"_s].toInt(), 2);
    QVERIFY(unchanged[u"rotated_at"_s].isNull());

    reply = m_server->admin("PATCH", path, {{u"name"_s, u"Third"_s}}, {{"If-Match", "W/\"2\""}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"version"_s].toInt(), 3);
    QCOMPARE(m_server->admin("DELETE", path, {}, {{"If-Match", "\"3\""}}).status, 204);
}

void TestConsumers::rotationKeepsTheOldSecretForTheGracePeriodOnly()
{
    const QJsonObject created = m_server->createConsumer(
        {{u"name"_s, u"Rotating"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();
    const QString clientId = created[u"client_id"_s].toString();
    const QString oldSecret = created[u"client_secret"_s].toString();
    QVERIFY(!m_server->token(clientId, oldSecret).isEmpty());

    const Reply rotated =
        m_server->admin("POST", path + u"/rotate-secret"_s, {{u"grace_seconds"_s, 600}});
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    const QString newSecret = rotated.json()[u"client_secret"_s].toString();
    QVERIFY(newSecret.size() >= 43);
    QVERIFY(newSecret != oldSecret);
    QCOMPARE(rotated.json()[u"client_id"_s].toString(), clientId);
    QCOMPARE(rotated.json()[u"version"_s].toInt(), 2);
    QCOMPARE(rotated.header("ETag"), "\"2\"");
    QCOMPARE(rotated.header("Cache-Control"), "no-store");
    QVERIFY(!rotated.json()[u"rotated_at"_s].isNull());
    const QDateTime validUntil =
        Latchkey::fromRfc3339(rotated.json()[u"previous_secret_valid_until"_s].toString());
    QVERIFY(validUntil.isValid());
    QVERIFY(qAbs(m_server->clock().now().secsTo(validUntil) - 600) <= 2);
    QVERIFY2(!m_server->admin("GET", path).json().contains(u"client_secret"_s),
             "the new secret is shown only once");

    QVERIFY2(!m_server->token(clientId, newSecret).isEmpty(), "the new secret works");
    QVERIFY2(!m_server->token(clientId, oldSecret).isEmpty(), "the old one during the grace");

    m_server->clock().advance(601);
    QVERIFY2(!m_server->token(clientId, newSecret).isEmpty(), "the new secret still works");
    const Reply old = tokenRequest(clientId, oldSecret);
    QCOMPARE(old.status, 401);
    QCOMPARE(old.json()[u"error"_s].toString(), u"invalid_client"_s);

    Reply reply = m_server->admin("POST", path + u"/rotate-secret"_s, {{u"grace_seconds"_s, -1}});
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasFieldError(reply, u"grace_seconds"_s, u"from 0 to 604800"_s),
             reply.describe().constData());
    reply =
        m_server->admin("POST", path + u"/rotate-secret"_s, {{u"grace_seconds"_s, 8 * 24 * 3600}});
    QCOMPARE(reply.status, 422);
    reply = m_server->admin("POST", path + u"/rotate-secret"_s, {{u"grace"_s, 60}});
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasFieldError(reply, u"grace"_s, u"Unknown or read-only field."_s),
             reply.describe().constData());
    QCOMPARE(m_server->admin("GET", path).json()[u"version"_s].toInt(), 2);
    QVERIFY2(!m_server->token(clientId, newSecret).isEmpty(), "refused rotations change nothing");

    // Without a grace period the secret in use ends at once.
    reply = m_server->admin("POST", path + u"/rotate-secret"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.json()[u"previous_secret_valid_until"_s].isNull());
    QCOMPARE(tokenRequest(clientId, newSecret).status, 401);
    QVERIFY(!m_server->token(clientId, reply.json()[u"client_secret"_s].toString()).isEmpty());
}

void TestConsumers::rotationOfAPublicClientIsAConflict()
{
    const QJsonObject created =
        m_server->createConsumer({{u"name"_s, u"Mobile"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"client_type"_s, u"public"_s},
                                  {u"redirect_uris"_s, QJsonArray{u"http://127.0.0.1/cb"_s}}});
    QVERIFY(!created.isEmpty());
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();

    const Reply reply = m_server->admin("POST", path + u"/rotate-secret"_s);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QCOMPARE(reply.json()[u"detail"_s].toString(),
             u"Mobile is a public client: it has no secret."_s);
    QVERIFY(!reply.json().contains(u"client_secret"_s));
    const QJsonObject after = m_server->admin("GET", path).json();
    QCOMPARE(after[u"version"_s].toInt(), 1);
    QVERIFY(after[u"rotated_at"_s].isNull());
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/audit?action=consumer.rotate_secret"_s)
                 .json()[u"items"_s]
                 .toArray()
                 .size(),
             0);
}

void TestConsumers::deleteStopsItsTokens()
{
    const QJsonObject created = m_server->createConsumer(
        {{u"name"_s, u"Doomed"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();
    const QString clientId = created[u"client_id"_s].toString();
    const QString secret = created[u"client_secret"_s].toString();
    const QString token = m_server->token(clientId, secret);
    QCOMPARE(m_server->withToken(token, "GET", u"/api/v2/whoami"_s).status, 200);

    QCOMPARE(m_server->admin("DELETE", path).status, 204);
    QCOMPARE(m_server->admin("GET", path).status, 404);
    QCOMPARE(consumers(u"?q=doomed"_s).size(), 0);

    const Reply whoami = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(whoami.status, 401);
    QVERIFY2(whoami.header("WWW-Authenticate").startsWith("Bearer "),
             whoami.header("WWW-Authenticate").constData());
    QVERIFY(whoami.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    const Reply again = tokenRequest(clientId, secret);
    QCOMPARE(again.status, 401);
    QCOMPARE(again.json()[u"error"_s].toString(), u"invalid_client"_s);
    QCOMPARE(m_server->admin("DELETE", path).status, 404);

    // The admin's own consumer cannot delete itself with its own token.
    const QString automation = m_server->bootstrap()[u"automation"_s][u"client_id"_s].toString();
    const QJsonArray mine = consumers(u"?q="_s + automation);
    QCOMPARE(mine.size(), 1);
    const Reply self =
        m_server->admin("DELETE", consumersPath + u'/' + mine[0][u"id"_s].toString());
    QCOMPARE(self.status, 409);
    QVERIFY2(self.json()[u"detail"_s].toString().contains(u"own token"_s),
             self.describe().constData());
    QCOMPARE(consumers(u"?q="_s + automation).size(), 1);
}

void TestConsumers::disableStopsItsTokensAtOnce()
{
    const QJsonObject created = m_server->createConsumer(
        {{u"name"_s, u"To disable"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const QString path = consumersPath + u'/' + created[u"id"_s].toString();
    const QString clientId = created[u"client_id"_s].toString();
    const QString secret = created[u"client_secret"_s].toString();
    const QString token = m_server->token(clientId, secret);
    QCOMPARE(m_server->withToken(token, "GET", u"/api/v2/whoami"_s).status, 200);

    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);
    Reply reply = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"The consumer of this token is disabled."_s);
    QVERIFY(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    reply = tokenRequest(clientId, secret);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);
    QCOMPARE(reply.json()[u"error_description"_s].toString(), u"This client is disabled."_s);
    QVERIFY2(!reply.json().contains(u"access_token"_s), reply.describe().constData());

    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"active"_s}}).status, 200);
    QVERIFY(!m_server->token(clientId, secret).isEmpty());
}

void TestConsumers::unknownIdsAre404()
{
    for (const QByteArray &method : {"GET"_ba, "PATCH"_ba, "DELETE"_ba}) {
        const Reply reply =
            m_server->admin(method, consumersPath + u"/con_nope"_s,
                            method == "PATCH" ? QJsonObject{{u"name"_s, u"x"_s}} : QJsonObject{});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.header("Content-Type"), "application/problem+json");
        QCOMPARE(reply.json()[u"detail"_s].toString(),
                 u"There is no consumer with id con_nope in this account."_s);
    }
    const Reply reply = m_server->admin("POST", consumersPath + u"/con_nope/rotate-secret"_s);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json()[u"detail"_s].toString(),
             u"There is no consumer with id con_nope in this account."_s);
    // A client_id is not the consumer's id.
    const QString automation = m_server->bootstrap()[u"automation"_s][u"client_id"_s].toString();
    QCOMPARE(m_server->admin("GET", consumersPath + u'/' + automation).status, 404);
}

void TestConsumers::everyChangeIsAudited()
{
    const QJsonObject created = m_server->createConsumer(
        {{u"name"_s, u"Audited"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const QString id = created[u"id"_s].toString();
    const QString path = consumersPath + u'/' + id;
    QCOMPARE(m_server->admin("PATCH", path, {{u"name"_s, u"Audited too"_s}}).status, 200);
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"active"_s}}).status, 200);
    const Reply rotated =
        m_server->admin("POST", path + u"/rotate-secret"_s, {{u"grace_seconds"_s, 60}});
    QCOMPARE(rotated.status, 200);
    QCOMPARE(m_server->admin("DELETE", path).status, 204);

    const Reply audit = m_server->admin("GET", u"/api/admin/v1/audit?target_id="_s + id);
    QCOMPARE(audit.status, 200);
    const QString actor =
        u"consumer:"_s + m_server->bootstrap()[u"automation"_s][u"client_id"_s].toString();
    QStringList actions;
    for (const QJsonValue &event : audit.json()[u"items"_s].toArray()) {
        actions.prepend(event[u"action"_s].toString());
        QCOMPARE(event[u"actor"_s].toString(), actor);
        QCOMPARE(event[u"target_type"_s].toString(), u"consumer"_s);
        QCOMPARE(event[u"remote_address"_s].toString(), u"127.0.0.1"_s);
    }
    QCOMPARE(actions, (QStringList{u"consumer.create"_s, u"consumer.update"_s,
                                   u"consumer.disable"_s, u"consumer.enable"_s,
                                   u"consumer.rotate_secret"_s, u"consumer.delete"_s}));
    QVERIFY2(!audit.body.contains(created[u"client_secret"_s].toString().toLatin1()),
             "the audit log never holds a secret");
    QVERIFY2(!audit.body.contains(rotated.json()[u"client_secret"_s].toString().toLatin1()),
             "the audit log never holds a secret");
}

void TestConsumers::secretIsNotStoredInClear()
{
    const QString secret =
        m_server
            ->createConsumer({{u"name"_s, u"Sealed"_s},
                              {u"grant_type"_s, u"client_credentials"_s}})[u"client_secret"_s]
            .toString();
    QVERIFY(!secret.isEmpty());
    QDirIterator it(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(secret.toLatin1()),
                 qPrintable(u"the secret is in clear in "_s + file.fileName()));
        ++files;
    }
    QVERIFY(files > 0);
}

QTEST_GUILESS_MAIN(TestConsumers)
#include "tst_consumers.moc"
