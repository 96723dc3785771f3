#include <testserver.h>

#include <account/accountsetup.h>

#include <protocol/random.h>

#include <QJsonArray>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

const QString admin = u"/api/admin/v1"_s;

QSet<QString> valuesOf(const QJsonArray &items, const QString &name)
{
    QSet<QString> values;
    for (const QJsonValue &item : items)
        values.insert(item[name].toString());
    return values;
}

} // namespace

// One tenant never sees another's data, and the admin API lets in only admin Bearer tokens.
class TestTenants final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_server.reset(); }

    void eachTenantGetsItsOwnToken();
    void otherTenantCannotReadOrChangeRows_data();
    void otherTenantCannotReadOrChangeRows();
    void listsNeverShowTheOtherTenantsRows();
    void groupsOfAnotherTenantAreUnknown();
    void requestsWithoutATokenAre401();
    void badTokensAre401_data();
    void badTokensAre401();
    void expiredTokenIs401();
    void bearerSchemeIsCaseInsensitive();
    void tokenWithoutAdminScopeIs403();
    void userTokensNeedASuperAdmin();
    void adminApiRefusesHawk();
    void unknownPathsAre404AndWrongMethodsAre405();
    void permissionGroupsListTheSeededThree();
    void usersListTheBootstrapAdmin();
    void healthNeedsNoToken();

private:
    // Rows of the first tenant that the other one must not reach.
    struct FirstTenant
    {
        QString keyId;
        QString keySecret;
        QString consumerId;
        QString clientId;
        QString clientSecret;
        QString portalId;
        QString userId;
        QString authorizationId;
    };
    FirstTenant populate();
    QString addUser(const QString &tenantId, const QString &email, const QString &role);
    // An access token stored as the token endpoint stores one.
    QString storeToken(
        const QString &tenantId, const QString &consumerId, const QString &authorizationId,
        const QStringList &scopes,
        Latchkey::Server::TokenRecord::Kind kind = Latchkey::Server::TokenRecord::Kind::Access);
    Reply asOther(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QString otherTenantId() const { return m_other[u"tenant"_s][u"id"_s].toString(); }

    std::unique_ptr<TestServer> m_server;
    QJsonObject m_other;
    QString m_otherToken;
};

void TestTenants::init()
{
    m_server = std::make_unique<TestServer>();
    m_other = m_server->bootstrapTenant(u"Other"_s);
    m_otherToken = m_server->token(m_other[u"automation"_s][u"client_id"_s].toString(),
                                   m_other[u"automation"_s][u"client_secret"_s].toString());
    QVERIFY(!m_otherToken.isEmpty());
}

QString TestTenants::addUser(const QString &tenantId, const QString &email, const QString &role)
{
    QString id;
    const auto problem = Latchkey::Server::AccountSetup::addUser(
        m_server->context(), {tenantId, email, QString(), role, u"correct horse battery"_s}, &id);
    if (problem)
        qWarning("addUser: %s", qPrintable(*problem));
    return id;
}

QString TestTenants::storeToken(const QString &tenantId, const QString &consumerId,
                                const QString &authorizationId, const QStringList &scopes,
                                Latchkey::Server::TokenRecord::Kind kind)
{
    const QString token = Latchkey::Random::secret();
    Latchkey::Server::TokenRecord record;
    record.digest = m_server->context().masterKey().digest(token);
    record.kind = kind;
    record.tenantId = tenantId;
    record.consumerId = consumerId;
    record.authorizationId = authorizationId;
    record.scopes = scopes;
    record.issuedAt = m_server->clock().now();
    record.expiresAt = record.issuedAt.addSecs(3600);
    m_server->context().tokens.insert(record);
    return token;
}

TestTenants::FirstTenant TestTenants::populate()
{
    FirstTenant first;
    const QJsonObject key = m_server->createKey(u"First key"_s);
    first.keyId = key[u"id"_s].toString();
    first.keySecret = key[u"secret"_s].toString();
    const QJsonObject consumer = m_server->createConsumer(
        {{u"name"_s, u"First sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    first.consumerId = consumer[u"id"_s].toString();
    first.clientId = consumer[u"client_id"_s].toString();
    first.clientSecret = consumer[u"client_secret"_s].toString();
    first.portalId =
        m_server
            ->createConsumer({{u"name"_s, u"First portal"_s},
                              {u"grant_type"_s, u"authorization_code"_s},
                              {u"redirect_uris"_s, QJsonArray{u"https://first.example/cb"_s}}})
            .value(u"id"_s)
            .toString();
    first.userId = addUser(m_server->tenantId(), u"member@first.example"_s, u"member"_s);

    Latchkey::Authorization authorization;
    authorization.id = Latchkey::Random::id(u"az_");
    authorization.userId = first.userId;
    authorization.consumerId = first.portalId;
    authorization.scopes = {u"assets:read"_s};
    authorization.createdAt = m_server->clock().now();
    m_server->context().authorizations.insert(m_server->tenantId(), authorization);
    first.authorizationId = authorization.id;
    return first;
}

Reply TestTenants::asOther(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return m_server->withToken(m_otherToken, method, path, body);
}

void TestTenants::eachTenantGetsItsOwnToken()
{
    const Reply other = m_server->withToken(m_otherToken, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(other.status == 200, other.describe().constData());
    QCOMPARE(other.json()[u"tenant"_s][u"id"_s].toString(), otherTenantId());
    QCOMPARE(other.json()[u"tenant"_s][u"name"_s].toString(), u"Other"_s);
    QCOMPARE(other.json()[u"principal"_s][u"id"_s].toString(),
             m_other[u"automation"_s][u"client_id"_s].toString());
    QVERIFY(other.json()[u"scopes"_s].toArray().contains(u"admin"_s));

    const Reply first = m_server->admin("GET", u"/api/v2/whoami"_s);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json()[u"tenant"_s][u"id"_s].toString(), m_server->tenantId());
    QVERIFY(m_server->tenantId() != otherTenantId());
    QVERIFY(m_server->adminToken() != m_otherToken);
}

void TestTenants::otherTenantCannotReadOrChangeRows_data()
{
    // {key}, {consumer}, {portal}, {user} and {authorization} are the first tenant's ids.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");

    const QString key = u"There is no API key with id {key} in this account."_s;
    const QString consumer = u"There is no consumer with id {consumer} in this account."_s;
    const QString authorization =
        u"There is no authorization with id {authorization} in this account."_s;

    QTest::newRow("get key") << "GET"_ba << u"/keys/{key}"_s << QByteArray() << 404 << key;
    QTest::newRow("rename key") << "PATCH"_ba << u"/keys/{key}"_s << R"({"name":"Stolen"})"_ba
                                << 404 << key;
    QTest::newRow("disable key") << "PATCH"_ba << u"/keys/{key}"_s << R"({"status":"disabled"})"_ba
                                 << 404 << key;
    QTest::newRow("delete key") << "DELETE"_ba << u"/keys/{key}"_s << QByteArray() << 404 << key;
    QTest::newRow("rotate key") << "POST"_ba << u"/keys/{key}/rotate"_s << QByteArray() << 404
                                << key;
    QTest::newRow("get consumer") << "GET"_ba << u"/consumers/{consumer}"_s << QByteArray() << 404
                                  << consumer;
    QTest::newRow("disable consumer") << "PATCH"_ba << u"/consumers/{consumer}"_s
                                      << R"({"status":"disabled"})"_ba << 404 << consumer;
    QTest::newRow("delete consumer")
        << "DELETE"_ba << u"/consumers/{consumer}"_s << QByteArray() << 404 << consumer;
    QTest::newRow("rotate consumer secret") << "POST"_ba << u"/consumers/{consumer}/rotate-secret"_s
                                            << R"({"grace_seconds":0})"_ba << 404 << consumer;
    QTest::newRow("get authorization")
        << "GET"_ba << u"/authorizations/{authorization}"_s << QByteArray() << 404 << authorization;
    QTest::newRow("revoke authorization") << "DELETE"_ba << u"/authorizations/{authorization}"_s
                                          << QByteArray() << 404 << authorization;
    QTest::newRow("bulk revoke by consumer")
        << "POST"_ba << u"/authorizations/revoke"_s << R"({"consumer_id":"{portal}"})"_ba << 404
        << u"There is no consumer with id {portal} in this account."_s;
    QTest::newRow("bulk revoke by user")
        << "POST"_ba << u"/authorizations/revoke"_s << R"({"user_id":"{user}"})"_ba << 404
        << u"There is no user with id {user} in this account."_s;
    QTest::newRow("bulk revoke by ids")
        << "POST"_ba << u"/authorizations/revoke"_s << R"({"ids":["{authorization}"]})"_ba << 422
        << u"ids: Not in this account: {authorization}. Nothing was revoked."_s;
}

void TestTenants::otherTenantCannotReadOrChangeRows()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, detail);

    const FirstTenant first = populate();
    QVERIFY(!first.keyId.isEmpty() && !first.consumerId.isEmpty() && !first.portalId.isEmpty() &&
            !first.userId.isEmpty());
    const auto fill = [&first](QString text) {
        return text.replace(u"{key}"_s, first.keyId)
            .replace(u"{consumer}"_s, first.consumerId)
            .replace(u"{portal}"_s, first.portalId)
            .replace(u"{user}"_s, first.userId)
            .replace(u"{authorization}"_s, first.authorizationId);
    };
    const QString keyPath = admin + u"/keys/"_s + first.keyId;
    const QString consumerPath = admin + u"/consumers/"_s + first.consumerId;
    const QString authorizationPath = admin + u"/authorizations/"_s + first.authorizationId;
    const QJsonObject keyBefore = m_server->admin("GET", keyPath).json();
    const QJsonObject consumerBefore = m_server->admin("GET", consumerPath).json();
    const QJsonObject authorizationBefore = m_server->admin("GET", authorizationPath).json();
    const auto auditSize = [this](const QString &token) {
        return m_server->withToken(token, "GET", admin + u"/audit?limit=1000"_s)
            .json()[u"items"_s]
            .toArray()
            .size();
    };
    const qsizetype firstAudit = auditSize(m_server->adminToken());
    const qsizetype otherAudit = auditSize(m_otherToken);

    QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization"_ba, "Bearer "_ba + m_otherToken.toLatin1()}};
    if (!body.isEmpty())
        headers.append({"Content-Type"_ba, "application/json"_ba});
    const Reply reply = m_server->request(method, admin + fill(path),
                                          fill(QString::fromLatin1(body)).toLatin1(), headers);
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), fill(detail));

    // Nothing changed for the first tenant, and its credentials still work.
    QCOMPARE(m_server->admin("GET", keyPath).json(), keyBefore);
    QCOMPARE(m_server->admin("GET", consumerPath).json(), consumerBefore);
    QCOMPARE(m_server->admin("GET", authorizationPath).json(), authorizationBefore);
    QCOMPARE(auditSize(m_server->adminToken()), firstAudit);
    QCOMPARE(auditSize(m_otherToken), otherAudit);
    QCOMPARE(m_server->hawk(first.keyId, first.keySecret, "GET", u"/api/v2/whoami"_s).status, 200);
    QVERIFY(!m_server->token(first.clientId, first.clientSecret).isEmpty());
}

void TestTenants::listsNeverShowTheOtherTenantsRows()
{
    const FirstTenant first = populate();
    const QString otherAutomation = m_other[u"automation"_s][u"client_id"_s].toString();
    QCOMPARE(asOther("POST", admin + u"/keys"_s,
                     {{u"name"_s, u"Other key"_s}, {u"permission_group_id"_s, u"Read only"_s}})
                 .status,
             201);

    // The other tenant sees its own rows only.
    QJsonArray items = asOther("GET", admin + u"/keys"_s).json()[u"items"_s].toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0][u"name"_s].toString(), u"Other key"_s);
    QCOMPARE(
        asOther("GET", admin + u"/keys?q="_s + first.keyId).json()[u"items"_s].toArray().size(), 0);
    QCOMPARE(asOther("GET", admin + u"/keys?q=first"_s).json()[u"items"_s].toArray().size(), 0);

    const QJsonArray otherConsumers =
        asOther("GET", admin + u"/consumers?limit=1000"_s).json()[u"items"_s].toArray();
    const QJsonArray firstConsumers =
        m_server->admin("GET", admin + u"/consumers?limit=1000"_s).json()[u"items"_s].toArray();
    QVERIFY(valuesOf(otherConsumers, u"client_id"_s).contains(otherAutomation));
    QVERIFY(!valuesOf(firstConsumers, u"client_id"_s).contains(otherAutomation));
    QVERIFY(valuesOf(firstConsumers, u"id"_s).contains(first.consumerId));
    QVERIFY2(!valuesOf(otherConsumers, u"id"_s).intersects(valuesOf(firstConsumers, u"id"_s)),
             "no consumer is in both lists");
    QCOMPARE(asOther("GET", admin + u"/consumers?q="_s + first.clientId)
                 .json()[u"items"_s]
                 .toArray()
                 .size(),
             0);
    QCOMPARE(asOther("GET", admin + u"/consumers?q=first"_s).json()[u"items"_s].toArray().size(),
             0);

    Reply reply = asOther("GET", admin + u"/authorizations?include_total=true"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);
    QCOMPARE(reply.json()[u"total"_s].toInteger(-1), 0);
    const QStringList queries{u"?user_id="_s + first.userId, u"?consumer_id="_s + first.portalId,
                              u"?q=first"_s, u"?status=active"_s};
    for (const QString &query : queries) {
        reply = asOther("GET", admin + u"/authorizations"_s + query + u"&include_total=true"_s);
        QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);
        QCOMPARE(reply.json()[u"total"_s].toInteger(-1), 0);
    }
    QCOMPARE(
        m_server->admin("GET", admin + u"/authorizations"_s).json()[u"items"_s].toArray().size(),
        1);

    items = asOther("GET", admin + u"/users"_s).json()[u"items"_s].toArray();
    QCOMPARE(valuesOf(items, u"email"_s), QSet<QString>{u"admin@other.example"_s});
    items = m_server->admin("GET", admin + u"/users"_s).json()[u"items"_s].toArray();
    QCOMPARE(valuesOf(items, u"email"_s),
             (QSet<QString>{u"admin@testaccount.example"_s, u"member@first.example"_s}));

    const QJsonArray otherGroups =
        asOther("GET", admin + u"/permission-groups"_s).json()[u"items"_s].toArray();
    const QJsonArray firstGroups =
        m_server->admin("GET", admin + u"/permission-groups"_s).json()[u"items"_s].toArray();
    QCOMPARE(otherGroups.size(), 3);
    QVERIFY(!valuesOf(otherGroups, u"id"_s).intersects(valuesOf(firstGroups, u"id"_s)));

    const QJsonArray otherAudit =
        asOther("GET", admin + u"/audit?limit=1000"_s).json()[u"items"_s].toArray();
    QVERIFY(!otherAudit.isEmpty());
    const QSet<QString> firstIds{first.keyId, first.consumerId, first.portalId, first.userId};
    QVERIFY(!valuesOf(otherAudit, u"target_id"_s).intersects(firstIds));
    for (const QJsonValue &event : otherAudit) {
        const QString actor = event[u"actor"_s].toString();
        QVERIFY2(actor == u"system:bootstrap" || actor == u"consumer:"_s + otherAutomation,
                 qPrintable(actor));
    }
    const QJsonArray firstAudit =
        m_server->admin("GET", admin + u"/audit?limit=1000"_s).json()[u"items"_s].toArray();
    QVERIFY(valuesOf(firstAudit, u"target_id"_s).contains(first.keyId));
    QVERIFY(!valuesOf(firstAudit, u"actor"_s).contains(u"consumer:"_s + otherAutomation));
}

void TestTenants::groupsOfAnotherTenantAreUnknown()
{
    const QString firstGroup = m_server->groupId(u"Maintenance"_s);
    Reply reply = asOther("POST", admin + u"/keys"_s,
                          {{u"name"_s, u"Borrowed"_s}, {u"permission_group_id"_s, firstGroup}});
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json()[u"errors"_s][0][u"message"_s].toString().startsWith(
                 u"No permission group "_s + firstGroup),
             reply.describe().constData());
    reply = asOther("POST", admin + u"/consumers"_s,
                    {{u"name"_s, u"Borrowed"_s},
                     {u"permission_group_id"_s, firstGroup},
                     {u"grant_type"_s, u"client_credentials"_s}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json()[u"errors"_s][0][u"field"_s].toString(), u"permission_group_id"_s);

    // A group's name means the caller's own group.
    reply = asOther("POST", admin + u"/keys"_s,
                    {{u"name"_s, u"Own"_s}, {u"permission_group_id"_s, u"Maintenance"_s}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    const QString otherGroup = reply.json()[u"permission_group_id"_s].toString();
    QVERIFY(!otherGroup.isEmpty());
    QVERIFY(otherGroup != firstGroup);
    const QString path = admin + u"/keys/"_s + reply.json()[u"id"_s].toString();
    reply = asOther("PATCH", path, {{u"permission_group_id"_s, firstGroup}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(asOther("GET", path).json()[u"permission_group_id"_s].toString(), otherGroup);
}

void TestTenants::requestsWithoutATokenAre401()
{
    const QList<QPair<QByteArray, QString>> requests{{"GET"_ba, u"/keys"_s},
                                                     {"POST"_ba, u"/keys"_s},
                                                     {"GET"_ba, u"/consumers"_s},
                                                     {"DELETE"_ba, u"/consumers/con_x"_s},
                                                     {"GET"_ba, u"/authorizations"_s},
                                                     {"POST"_ba, u"/authorizations/revoke"_s},
                                                     {"GET"_ba, u"/users"_s},
                                                     {"GET"_ba, u"/audit"_s},
                                                     {"GET"_ba, u"/permission-groups"_s}};
    for (const auto &[method, path] : requests) {
        const Reply reply = m_server->request(
            method, admin + path,
            method == "POST" ? R"({"name":"x","permission_group_id":"Read only"})"_ba
                             : QByteArray(),
            {{"Content-Type"_ba, "application/json"_ba}});
        QVERIFY2(reply.status == 401,
                 QByteArray(method + ' ' + path.toLatin1() + ' ' + reply.describe()).constData());
        QVERIFY2(reply.header("WWW-Authenticate").startsWith("Bearer"),
                 reply.header("WWW-Authenticate").constData());
        QCOMPARE(reply.header("Content-Type"), "application/problem+json");
        QVERIFY(reply.json()[u"detail"_s].toString().contains(u"Bearer"_s));
    }
    QCOMPARE(m_server->admin("GET", admin + u"/keys"_s).json()[u"items"_s].toArray().size(), 0);
}

void TestTenants::badTokensAre401_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("detail");

    QTest::newRow("garbage") << "Bearer not-a-token-we-gave"_ba
                             << u"The access token is not known."_s;
    QTest::newRow("basic credentials")
        << "Basic YWRtaW46YWRtaW4="_ba << u"Send an OAuth access token"_s;
    QTest::newRow("scheme without token") << "Bearer"_ba << u"Send an OAuth access token"_s;
    QTest::newRow("refresh token as bearer")
        << "Bearer {refresh}"_ba << u"The access token is not known."_s;
    QTest::newRow("revoked token") << "Bearer {revoked}"_ba << u"The access token was revoked."_s;
    QTest::newRow("other tenant's consumer id")
        << "Bearer {client}"_ba << u"The access token is not known."_s;
}

void TestTenants::badTokensAre401()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, detail);

    const QJsonObject automation = m_server->bootstrap()[u"automation"_s].toObject();
    const auto consumer =
        m_server->context().consumers.findByClientId(automation[u"client_id"_s].toString());
    QVERIFY(consumer);
    const QStringList scopes{u"admin"_s};
    const QString refresh = storeToken(m_server->tenantId(), consumer->consumer.id, QString(),
                                       scopes, Latchkey::Server::TokenRecord::Kind::Refresh);
    const QString revoked =
        storeToken(m_server->tenantId(), consumer->consumer.id, QString(), scopes);
    m_server->context().tokens.revoke(m_server->context().masterKey().digest(revoked),
                                      m_server->clock().now());
    authorization.replace("{refresh}", refresh.toLatin1())
        .replace("{revoked}", revoked.toLatin1())
        .replace("{client}", m_other[u"automation"_s][u"client_id"_s].toString().toLatin1());

    const Reply reply =
        m_server->request("GET", admin + u"/keys"_s, {}, {{"Authorization"_ba, authorization}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QVERIFY2(reply.header("WWW-Authenticate").startsWith("Bearer realm=\"latchkey\""),
             reply.header("WWW-Authenticate").constData());
    QVERIFY2(reply.json()[u"detail"_s].toString().startsWith(detail), reply.describe().constData());
    QVERIFY2(!reply.body.contains("items"), "no data leaks out of a refused request");
}

void TestTenants::expiredTokenIs401()
{
    const QJsonObject automation = m_server->bootstrap()[u"automation"_s].toObject();
    const QString token = m_server->token(automation[u"client_id"_s].toString(),
                                          automation[u"client_secret"_s].toString());
    QCOMPARE(m_server->withToken(token, "GET", admin + u"/keys"_s).status, 200);

    // Access tokens of the bootstrap consumer live 7200 s.
    m_server->clock().advance(7190);
    QCOMPARE(m_server->withToken(token, "GET", admin + u"/keys"_s).status, 200);
    m_server->clock().advance(11);
    const Reply reply = m_server->withToken(token, "GET", admin + u"/keys"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"The access token expired."_s);
    QVERIFY(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""));

    const QString fresh = m_server->token(automation[u"client_id"_s].toString(),
                                          automation[u"client_secret"_s].toString());
    QCOMPARE(m_server->withToken(fresh, "GET", admin + u"/keys"_s).status, 200);
}

void TestTenants::bearerSchemeIsCaseInsensitive()
{
    // RFC 9110 §11.1: the authentication scheme is case-insensitive.
    for (const QByteArray &scheme : {"bearer"_ba, "BEARER"_ba, "Bearer"_ba}) {
        const Reply reply = m_server->request(
            "GET", admin + u"/keys"_s, {},
            {{"Authorization"_ba, scheme + ' ' + m_server->adminToken().toLatin1()}});
        QVERIFY2(reply.status == 200, QByteArray(scheme + ' ' + reply.describe()).constData());
    }
}

void TestTenants::tokenWithoutAdminScopeIs403()
{
    const QJsonObject maintenance = m_server->createConsumer(
        {{u"name"_s, u"Worker"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    const QString token = m_server->token(maintenance[u"client_id"_s].toString(),
                                          maintenance[u"client_secret"_s].toString());
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_server->withToken(token, "GET", u"/api/v2/whoami"_s).status, 200);

    Reply reply = m_server->withToken(token, "GET", admin + u"/keys"_s);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QVERIFY2(
        reply.json()[u"detail"_s].toString().startsWith(u"This token lacks the admin scope."_s),
        reply.describe().constData());
    reply = m_server->withToken(
        token, "POST", admin + u"/keys"_s,
        {{u"name"_s, u"Sneaky"_s}, {u"permission_group_id"_s, u"Administration"_s}});
    QCOMPARE(reply.status, 403);
    reply = m_server->withToken(token, "DELETE",
                                admin + u"/consumers/"_s + maintenance[u"id"_s].toString());
    QCOMPARE(reply.status, 403);
    QCOMPARE(m_server->admin("GET", admin + u"/keys"_s).json()[u"items"_s].toArray().size(), 0);
    QCOMPARE(
        m_server->admin("GET", admin + u"/consumers/"_s + maintenance[u"id"_s].toString()).status,
        200);

    // An admin consumer's token narrowed to other scopes lacks admin too.
    const QJsonObject automation = m_server->bootstrap()[u"automation"_s].toObject();
    const QString narrow =
        m_server->token(automation[u"client_id"_s].toString(),
                        automation[u"client_secret"_s].toString(), u"assets:read"_s);
    QVERIFY(!narrow.isEmpty());
    QCOMPARE(m_server->withToken(narrow, "GET", admin + u"/keys"_s).status, 403);

    // A group narrowed after issuance narrows the tokens already out.
    const QString adminToken = m_server->token(automation[u"client_id"_s].toString(),
                                               automation[u"client_secret"_s].toString());
    QCOMPARE(m_server->withToken(adminToken, "GET", admin + u"/keys"_s).status, 200);
    const QJsonArray all =
        m_server->admin("GET", admin + u"/consumers?q="_s + automation[u"client_id"_s].toString())
            .json()[u"items"_s]
            .toArray();
    QCOMPARE(all.size(), 1);
    reply = m_server->withToken(adminToken, "PATCH",
                                admin + u"/consumers/"_s + all[0][u"id"_s].toString(),
                                {{u"permission_group_id"_s, u"Maintenance"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(m_server->withToken(adminToken, "GET", admin + u"/keys"_s).status, 403);
}

void TestTenants::userTokensNeedASuperAdmin()
{
    const QString tenant = m_server->tenantId();
    const auto superAdmin =
        m_server->context().accounts.userByEmail(tenant, u"admin@testaccount.example"_s);
    QVERIFY(superAdmin);
    const QString member = addUser(tenant, u"member@testaccount.example"_s, u"member"_s);
    const QString desktop =
        m_server
            ->createConsumer({{u"name"_s, u"Console"_s},
                              {u"permission_group_id"_s, u"Administration"_s},
                              {u"grant_type"_s, u"authorization_code"_s},
                              {u"client_type"_s, u"public"_s},
                              {u"redirect_uris"_s, QJsonArray{u"http://127.0.0.1/callback"_s}}})
            .value(u"id"_s)
            .toString();
    QVERIFY(!desktop.isEmpty() && !member.isEmpty());

    const QStringList scopes{u"admin"_s, u"assets:read"_s};
    const auto signIn = [&](const QString &userId) {
        Latchkey::Authorization authorization;
        authorization.id = Latchkey::Random::id(u"az_");
        authorization.userId = userId;
        authorization.consumerId = desktop;
        authorization.scopes = scopes;
        authorization.createdAt = m_server->clock().now();
        m_server->context().authorizations.insert(tenant, authorization);
        return storeToken(tenant, desktop, authorization.id, scopes);
    };

    const QString memberToken = signIn(member);
    Reply reply = m_server->withToken(memberToken, "GET", admin + u"/keys"_s);
    QCOMPARE(reply.status, 403);
    QVERIFY(reply.json()[u"detail"_s].toString().contains(u"admin scope"_s));
    QVERIFY(!m_server->withToken(memberToken, "GET", u"/api/v2/whoami"_s)
                 .json()[u"scopes"_s]
                 .toArray()
                 .contains(u"admin"_s));

    const QString adminToken = signIn(superAdmin->user.id);
    reply = m_server->withToken(
        adminToken, "POST", admin + u"/keys"_s,
        {{u"name"_s, u"By hand"_s}, {u"permission_group_id"_s, u"Read only"_s}});
    QVERIFY2(reply.status == 201, reply.describe().constData());
    QCOMPARE(reply.json()[u"created_by"_s].toString(), u"user:admin@testaccount.example"_s);
}

void TestTenants::adminApiRefusesHawk()
{
    // The key's group carries admin, and still Hawk is no way into the admin API.
    const QJsonObject key = m_server->createKey(u"Powerful"_s, u"Administration"_s);
    const QString id = key[u"id"_s].toString();
    const QString secret = key[u"secret"_s].toString();
    QVERIFY(!id.isEmpty());
    Reply reply = m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json()[u"scopes"_s].toArray().contains(u"admin"_s));

    reply = m_server->hawk(id, secret, "GET", admin + u"/keys"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QCOMPARE(reply.header("WWW-Authenticate"), "Bearer realm=\"latchkey\"");
    QCOMPARE(reply.json()[u"detail"_s].toString(),
             u"Send an OAuth access token as \"Authorization: Bearer …\"."_s);

    const QByteArray payload = R"({"name":"Via Hawk","permission_group_id":"Read only"})"_ba;
    reply = m_server->hawk(id, secret, "POST", admin + u"/keys"_s, "application/json", payload);
    QCOMPARE(reply.status, 401);
    const QJsonArray keys = m_server->admin("GET", admin + u"/keys"_s).json()[u"items"_s].toArray();
    QCOMPARE(valuesOf(keys, u"name"_s), QSet<QString>{u"Powerful"_s});
}

void TestTenants::unknownPathsAre404AndWrongMethodsAre405()
{
    for (const QString &path : {u"/api/admin/v1/nothing"_s, u"/api/admin/v1/keys/lk_x/y/z"_s,
                                u"/api/admin/v2/keys"_s, u"/api/admin/v1"_s}) {
        for (const bool withToken : {false, true}) {
            const Reply reply =
                withToken ? m_server->admin("GET", path) : m_server->request("GET", path);
            QVERIFY2(reply.status == 404,
                     QByteArray(path.toLatin1() + ' ' + reply.describe()).constData());
            QCOMPARE(reply.header("Content-Type"), "application/problem+json");
            QCOMPARE(reply.json()[u"detail"_s].toString(),
                     QString(u"There is nothing at "_s + path + u'.'));
        }
    }

    const QList<std::tuple<QByteArray, QString, QByteArray>> wrong{
        {"PUT"_ba, u"/keys"_s, "GET, POST"_ba},
        {"DELETE"_ba, u"/consumers"_s, "GET, POST"_ba},
        {"PUT"_ba, u"/keys/lk_x"_s, "GET, PATCH, DELETE"_ba},
        {"POST"_ba, u"/consumers/con_x"_s, "GET, PATCH, DELETE"_ba},
        {"GET"_ba, u"/consumers/con_x/rotate-secret"_s, "POST"_ba},
        {"DELETE"_ba, u"/keys/lk_x/rotate"_s, "POST"_ba},
        {"POST"_ba, u"/audit"_s, "GET"_ba},
        {"DELETE"_ba, u"/permission-groups"_s, "GET"_ba},
        {"PATCH"_ba, u"/users"_s, "GET"_ba}};
    for (const auto &[method, path, allow] : wrong) {
        const Reply reply = m_server->admin(method, admin + path);
        QVERIFY2(reply.status == 405,
                 QByteArray(method + ' ' + path.toLatin1() + ' ' + reply.describe()).constData());
        QCOMPARE(reply.header("Allow"), allow);
        QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    }
    QCOMPARE(m_server->admin("GET", admin + u"/keys"_s).json()[u"items"_s].toArray().size(), 0);
}

void TestTenants::permissionGroupsListTheSeededThree()
{
    const Reply reply = m_server->admin("GET", admin + u"/permission-groups"_s);
    QCOMPARE(reply.status, 200);
    const QJsonArray groups = reply.json()[u"items"_s].toArray();
    QCOMPARE(groups.size(), 3);
    QHash<QString, QJsonArray> scopes;
    for (const QJsonValue &group : groups) {
        QVERIFY(group[u"id"_s].toString().startsWith(u"grp_"));
        QVERIFY(!group[u"description"_s].toString().isEmpty());
        QCOMPARE(group[u"id"_s].toString(), m_server->groupId(group[u"name"_s].toString()));
        scopes.insert(group[u"name"_s].toString(), group[u"scopes"_s].toArray());
    }
    QCOMPARE(scopes.value(u"Read only"_s), (QJsonArray{u"assets:read"_s, u"work_orders:read"_s}));
    QCOMPARE(scopes.value(u"Maintenance"_s),
             (QJsonArray{u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s,
                         u"work_orders:write"_s}));
    QCOMPARE(scopes.value(u"Administration"_s),
             (QJsonArray{u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s,
                         u"work_orders:write"_s, u"admin"_s}));
}

void TestTenants::usersListTheBootstrapAdmin()
{
    Reply reply = m_server->admin("GET", admin + u"/users"_s);
    QCOMPARE(reply.status, 200);
    QJsonArray users = reply.json()[u"items"_s].toArray();
    QCOMPARE(users.size(), 1);
    const QJsonObject user = users[0].toObject();
    QCOMPARE(user[u"email"_s].toString(), u"admin@testaccount.example"_s);
    QCOMPARE(user[u"role"_s].toString(), u"super_admin"_s);
    QCOMPARE(user[u"disabled"_s].toBool(true), false);
    QVERIFY(user[u"id"_s].toString().startsWith(u"usr_"));
    QVERIFY2(!reply.body.contains("password") && !reply.body.contains("argon2"),
             "no password hash leaves the server");
    QVERIFY2(!reply.body.contains(
                 m_server->bootstrap()[u"admin"_s][u"password"_s].toString().toLatin1()),
             "nor the password");

    QVERIFY(!addUser(m_server->tenantId(), u"Member@TestAccount.example"_s, u"member"_s).isEmpty());
    users = m_server->admin("GET", admin + u"/users"_s).json()[u"items"_s].toArray();
    QCOMPARE(users.size(), 2);
    QCOMPARE(valuesOf(users, u"email"_s),
             (QSet<QString>{u"admin@testaccount.example"_s, u"member@testaccount.example"_s}));
    QCOMPARE(valuesOf(users, u"role"_s), (QSet<QString>{u"super_admin"_s, u"member"_s}));
}

void TestTenants::healthNeedsNoToken()
{
    const Reply reply = m_server->request("GET", u"/healthz"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"status"_s].toString(), u"ok"_s);
    QCOMPARE(reply.json()[u"database"_s].toString(), u"ok"_s);
    QVERIFY(!reply.json()[u"version"_s].toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestTenants)
#include "tst_tenants.moc"
