#include <testserver.h>

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &value : array.toArray())
        list.append(value.toString());
    return list;
}

} // namespace

// The protected resource API: whoami and the demo assets, with Bearer tokens and Hawk keys, and
// the scopes they carry. Also /healthz.
class TestResources final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void whoamiWithBearerNamesTheConsumer();
    void whoamiWithHawkNamesTheKey();
    void bearerSchemeIsCaseInsensitive();
    void assetsNeedTheirScopes();
    void narrowedTokenCannotList();
    void tokenFollowsItsConsumersGroup();
    void createAssetValidatesTheBody_data();
    void createAssetValidatesTheBody();
    void longestNameIsAccepted();
    void missingAuthorizationListsBothSchemes_data();
    void missingAuthorizationListsBothSchemes();
    void unusableBearerTokenIsRefused_data();
    void unusableBearerTokenIsRefused();
    void tenantsDoNotSeeEachOthersAssets();
    void healthzAnswersWithoutCredentials();

private:
    // A client-credentials consumer in `group` and a token of it (optionally narrowed).
    QString consumerToken(const QString &group, const QString &scope = {},
                          QJsonObject *consumer = nullptr);
    int assetCount();

    std::unique_ptr<TestServer> m_server;
};

QString TestResources::consumerToken(const QString &group, const QString &scope,
                                     QJsonObject *consumer)
{
    const QJsonObject created =
        m_server->createConsumer(QJsonObject{{u"name"_s, QString(group + u" client"_s)},
                                             {u"grant_type"_s, u"client_credentials"_s},
                                             {u"permission_group_id"_s, m_server->groupId(group)}});
    if (consumer)
        *consumer = created;
    return m_server->token(created[u"client_id"_s].toString(),
                           created[u"client_secret"_s].toString(), scope);
}

int TestResources::assetCount()
{
    // Straight from storage: some tests expire every token, the admin's too.
    return int(m_server->context().assets.list(m_server->tenantId(), 1000).size());
}

void TestResources::whoamiWithBearerNamesTheConsumer()
{
    const Reply reply = m_server->admin("GET", u"/api/v2/whoami"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject json = reply.json();
    const QJsonObject automation = m_server->bootstrap()[u"automation"_s].toObject();
    QCOMPARE(json[u"principal"_s][u"type"_s].toString(), u"consumer"_s);
    QCOMPARE(json[u"principal"_s][u"id"_s].toString(), automation[u"client_id"_s].toString());
    QCOMPARE(json[u"principal"_s][u"name"_s].toString(), u"Automation"_s);
    QVERIFY2(json[u"principal"_s][u"consumer_id"_s].toString().startsWith(u"con_"_s),
             reply.describe().constData());
    QVERIFY(!json[u"principal"_s].toObject().contains(u"authorization_id"_s));
    QCOMPARE(json[u"tenant"_s][u"id"_s].toString(), m_server->tenantId());
    QCOMPARE(json[u"tenant"_s][u"name"_s].toString(), u"Test account"_s);
    QCOMPARE(json[u"permission_group"_s][u"id"_s].toString(),
             m_server->groupId(u"Administration"_s));
    QCOMPARE(json[u"permission_group"_s][u"name"_s].toString(), u"Administration"_s);
    QCOMPARE(strings(json[u"scopes"_s]),
             (QStringList{u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s,
                          u"work_orders:write"_s, u"admin"_s}));
    QCOMPARE(json[u"auth"_s].toString(), u"bearer"_s);
}

void TestResources::whoamiWithHawkNamesTheKey()
{
    const QJsonObject key = m_server->createKey(u"Data Warehouse"_s, u"Read only"_s);
    const QString id = key[u"id"_s].toString();
    const Reply reply = m_server->hawk(id, key[u"secret"_s].toString(), "GET", u"/api/v2/whoami"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject json = reply.json();
    QCOMPARE(json[u"principal"_s][u"type"_s].toString(), u"api_key"_s);
    QCOMPARE(json[u"principal"_s][u"id"_s].toString(), id);
    QCOMPARE(json[u"principal"_s][u"name"_s].toString(), u"Data Warehouse"_s);
    QVERIFY(!json[u"principal"_s].toObject().contains(u"consumer_id"_s));
    QCOMPARE(json[u"tenant"_s][u"id"_s].toString(), m_server->tenantId());
    QCOMPARE(json[u"tenant"_s][u"name"_s].toString(), u"Test account"_s);
    QCOMPARE(json[u"permission_group"_s][u"id"_s].toString(), m_server->groupId(u"Read only"_s));
    QCOMPARE(json[u"permission_group"_s][u"name"_s].toString(), u"Read only"_s);
    QCOMPARE(strings(json[u"scopes"_s]), (QStringList{u"assets:read"_s, u"work_orders:read"_s}));
    QCOMPARE(json[u"auth"_s].toString(), u"hawk"_s);
}

void TestResources::bearerSchemeIsCaseInsensitive()
{
    // RFC 9110 §11.1: the scheme is case-insensitive.
    const QByteArray token = m_server->adminToken().toLatin1();
    for (const QByteArray &scheme : {"bearer"_ba, "BEARER"_ba}) {
        const Reply reply = m_server->request("GET", u"/api/v2/whoami"_s, {},
                                              {{"Authorization", scheme + ' ' + token}});
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.json()[u"auth"_s].toString(), u"bearer"_s);
    }
}

void TestResources::assetsNeedTheirScopes()
{
    const QString reader = consumerToken(u"Read only"_s);
    QVERIFY(!reader.isEmpty());
    Reply reply = m_server->withToken(reader, "GET", u"/api/v2/assets"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);

    reply = m_server->withToken(reader, "POST", u"/api/v2/assets"_s, {{u"name"_s, u"Pump"_s}});
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QCOMPARE(reply.header("WWW-Authenticate"),
             R"(Bearer error="insufficient_scope", scope="assets:write")");
    QVERIFY2(reply.json()[u"detail"_s].toString().contains(u"lacks the scope assets:write"_s),
             reply.describe().constData());
    QCOMPARE(assetCount(), 0);

    QJsonObject consumer;
    const QString writer = consumerToken(u"Maintenance"_s, {}, &consumer);
    reply = m_server->withToken(writer, "POST", u"/api/v2/assets"_s, {{u"name"_s, u"  Pump 7 "_s}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    const QJsonObject asset = reply.json();
    QVERIFY(asset[u"id"_s].toString().startsWith(u"ast_"_s));
    QCOMPARE(asset[u"name"_s].toString(), u"Pump 7"_s);
    QCOMPARE(asset[u"created_by"_s].toString(),
             u"consumer:"_s + consumer[u"client_id"_s].toString());
    QVERIFY(QDateTime::fromString(asset[u"created_at"_s].toString(), Qt::ISODate).isValid());

    reply = m_server->withToken(reader, "GET", u"/api/v2/assets"_s);
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 1);
    QCOMPARE(reply.json()[u"items"_s][0][u"id"_s].toString(), asset[u"id"_s].toString());
    QCOMPARE(reply.json()[u"items"_s][0][u"name"_s].toString(), u"Pump 7"_s);
    QVERIFY(reply.json()[u"next_cursor"_s].isNull());
}

void TestResources::narrowedTokenCannotList()
{
    const QString token = consumerToken(u"Maintenance"_s, u"work_orders:read"_s);
    QVERIFY(!token.isEmpty());
    const Reply reply = m_server->withToken(token, "GET", u"/api/v2/assets"_s);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.header("WWW-Authenticate"),
             R"(Bearer error="insufficient_scope", scope="assets:read")");
}

void TestResources::tokenFollowsItsConsumersGroup()
{
    QJsonObject consumer;
    const QString token = consumerToken(u"Maintenance"_s, {}, &consumer);
    QCOMPARE(
        m_server->withToken(token, "POST", u"/api/v2/assets"_s, {{u"name"_s, u"One"_s}}).status,
        201);

    const Reply moved =
        m_server->admin("PATCH", u"/api/admin/v1/consumers/"_s + consumer[u"id"_s].toString(),
                        {{u"permission_group_id"_s, m_server->groupId(u"Read only"_s)}});
    QVERIFY2(moved.status == 200, moved.describe().constData());

    // The token issued under Maintenance now carries only what Read only allows.
    const Reply whoami = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(strings(whoami.json()[u"scopes"_s]),
             (QStringList{u"assets:read"_s, u"work_orders:read"_s}));
    QCOMPARE(whoami.json()[u"permission_group"_s][u"name"_s].toString(), u"Read only"_s);
    const Reply reply =
        m_server->withToken(token, "POST", u"/api/v2/assets"_s, {{u"name"_s, u"Two"_s}});
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(assetCount(), 1);
}

void TestResources::createAssetValidatesTheBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QByteArray json = "application/json"_ba;
    const QString nameRule = u"A name of 1 to 200 characters is required."_s;
    QTest::newRow("missing name") << R"({"label":"Pump"})"_ba << json << 422 << u"name"_s
                                  << nameRule;
    QTest::newRow("empty body") << QByteArray() << json << 422 << u"name"_s << nameRule;
    QTest::newRow("blank name") << R"({"name":"   "})"_ba << json << 422 << u"name"_s << nameRule;
    QTest::newRow("name too long")
        << "{\"name\":\"" + QByteArray(201, 'x') + "\"}" << json << 422 << u"name"_s << nameRule;
    QTest::newRow("name not a string")
        << R"({"name":42})"_ba << json << 422 << u"name"_s << nameRule;
    QTest::newRow("malformed json")
        << R"({"name":)"_ba << json << 400 << QString() << u"not valid JSON"_s;
    QTest::newRow("array body") << R"(["Pump"])"_ba << json << 400 << QString() << u"JSON object"_s;
    QTest::newRow("form body") << "name=Pump"_ba
                               << "application/x-www-form-urlencoded"_ba << 415 << QString()
                               << u"application/json"_s;
}

void TestResources::createAssetValidatesTheBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const Reply reply =
        m_server->request("POST", u"/api/v2/assets"_s, body,
                          {{"Authorization", "Bearer " + m_server->adminToken().toLatin1()},
                           {"Content-Type", contentType}});
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    const QJsonObject problem = reply.json();
    QCOMPARE(problem[u"status"_s].toInt(), status);
    if (field.isEmpty()) {
        QVERIFY2(problem[u"detail"_s].toString().contains(message), reply.describe().constData());
    } else {
        bool found = false;
        for (const QJsonValue &error : problem[u"errors"_s].toArray()) {
            if (error[u"field"_s].toString() == field && error[u"message"_s].toString() == message)
                found = true;
        }
        QVERIFY2(found, reply.describe().constData());
    }
    QCOMPARE(assetCount(), 0);
}

void TestResources::longestNameIsAccepted()
{
    const QString name(200, u'n');
    const Reply reply = m_server->admin("POST", u"/api/v2/assets"_s, {{u"name"_s, name}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    QCOMPARE(reply.json()[u"name"_s].toString(), name);
    QCOMPARE(assetCount(), 1);
}

void TestResources::missingAuthorizationListsBothSchemes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    QTest::newRow("whoami") << "GET"_ba << u"/api/v2/whoami"_s;
    QTest::newRow("list assets") << "GET"_ba << u"/api/v2/assets"_s;
    QTest::newRow("create asset") << "POST"_ba << u"/api/v2/assets"_s;
}

void TestResources::missingAuthorizationListsBothSchemes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    const Reply reply = m_server->request(method, path, R"({"name":"Pump"})",
                                          {{"Content-Type", "application/json"}});
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    const QByteArray challenge = reply.header("WWW-Authenticate");
    QVERIFY2(challenge.startsWith("Bearer "), challenge.constData());
    QVERIFY2(challenge.contains("Hawk"), challenge.constData());
    QVERIFY2(reply.json()[u"detail"_s].toString().contains(u"Authorization header"_s),
             reply.describe().constData());
    QCOMPARE(assetCount(), 0);
}

void TestResources::unusableBearerTokenIsRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown token") << u"unknown"_s << u"The access token is not known."_s;
    QTest::newRow("expired") << u"expire"_s << u"The access token expired."_s;
    QTest::newRow("consumer disabled")
        << u"disable"_s << u"The consumer of this token is disabled."_s;
    // A deleted consumer's tokens stay in the table until they expire, refused.
    QTest::newRow("consumer deleted")
        << u"delete"_s << u"The consumer of this token was deleted."_s;
}

void TestResources::unusableBearerTokenIsRefused()
{
    QFETCH(QString, change);
    QFETCH(QString, message);

    QJsonObject consumer;
    QString token = consumerToken(u"Maintenance"_s, {}, &consumer);
    QCOMPARE(m_server->withToken(token, "GET", u"/api/v2/whoami"_s).status, 200);
    const QString path = u"/api/admin/v1/consumers/"_s + consumer[u"id"_s].toString();
    if (change == u"unknown")
        token = token.chopped(4) + u"AAAA"_s;
    else if (change == u"expire")
        m_server->clock().advance(7201);
    else if (change == u"disable")
        QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);
    else
        QCOMPARE(m_server->admin("DELETE", path).status, 204);

    for (const QByteArray &method : {"GET"_ba, "POST"_ba}) {
        const Reply reply = m_server->withToken(
            token, method, method == "GET" ? u"/api/v2/whoami"_s : u"/api/v2/assets"_s,
            {{u"name"_s, u"Pump"_s}});
        QVERIFY2(reply.status == 401, reply.describe().constData());
        QCOMPARE(reply.json()[u"detail"_s].toString(), message);
        QCOMPARE(reply.header("WWW-Authenticate"),
                 R"(Bearer realm="latchkey", error="invalid_token", error_description=")" +
                     message.toUtf8() + '"');
    }
    QCOMPARE(assetCount(), 0);
}

void TestResources::tenantsDoNotSeeEachOthersAssets()
{
    QCOMPARE(m_server->admin("POST", u"/api/v2/assets"_s, {{u"name"_s, u"Ours"_s}}).status, 201);
    const QJsonObject other = m_server->bootstrapTenant(u"Other account"_s);
    const QString token = m_server->token(other[u"automation"_s][u"client_id"_s].toString(),
                                          other[u"automation"_s][u"client_secret"_s].toString());
    QVERIFY(!token.isEmpty());
    Reply reply = m_server->withToken(token, "GET", u"/api/v2/assets"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);
    reply = m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.json()[u"tenant"_s][u"name"_s].toString(), u"Other account"_s);
    QCOMPARE(assetCount(), 1);
}

void TestResources::healthzAnswersWithoutCredentials()
{
    const Reply reply = m_server->request("GET", u"/healthz"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.json()[u"status"_s].toString(), u"ok"_s);
    QCOMPARE(reply.json()[u"database"_s].toString(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
