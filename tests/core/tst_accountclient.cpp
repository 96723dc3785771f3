#include <account/accountclient.h>
#include <testserver.h>

#include <account/accountsetup.h>
#include <storage/authorizationrepository.h>

#include <protocol/random.h>

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using namespace Latchkey::Core;
using Latchkey::Test::TestServer;

// The account client against a real latchkey-server: every admin operation, paging, conflicts,
// and what the user reads when it goes wrong.
class TestAccountClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keysLifecycle();
    void consumersLifecycle();
    void conflictIsReportedNotOverwritten();
    void validationErrorsCarryTheFields();
    void pagesThroughTenThousandAuthorizations();
    void revokesInBulk();
    void readsGroupsUsersAndAudit();
    void renewsAnExpiredTokenOnce();
    void wrongCredentialsSayWhatToDo();
    void serverDownIsANetworkError();
    void retriesIdempotentRequestsOn503();
    void neverRetriesAPost();
    void timesOut();
    void cancelAbortsTheRequest();

private:
    template<typename T>
    static Result<T> wait(Task<T> task)
    {
        if (!QTest::qWaitFor([&task] { return task.isFinished(); }, 30000))
            qFatal("task did not finish");
        return task.result();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ClientCredentialsTokens> m_tokens;
    std::unique_ptr<AccountClient> m_client;
};

void TestAccountClient::init()
{
    m_server = std::make_unique<TestServer>();
    m_http = std::make_unique<HttpClient>();
    m_http->setRetryBaseDelay(10);
    const QJsonObject automation = m_server->bootstrap()[u"automation"_s].toObject();
    m_tokens = std::make_unique<ClientCredentialsTokens>(
        *m_http, m_server->url().resolved(QUrl(u"/oauth/token"_s)),
        automation[u"client_id"_s].toString(), automation[u"client_secret"_s].toString());
    m_client = std::make_unique<AccountClient>(*m_http, m_server->url(), *m_tokens);
}

void TestAccountClient::cleanup()
{
    m_client.reset();
    m_tokens.reset();
    m_http.reset();
    m_server.reset();
}

void TestAccountClient::keysLifecycle()
{
    auto created = wait(m_client->createKey(
        {{u"name"_s, u"ERP Sync"_s}, {u"permission_group_id"_s, u"Maintenance"_s}}));
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toText()));
    const ApiKey key = created.value();
    QVERIFY(!key.secret.isEmpty());
    QCOMPARE(key.name, u"ERP Sync"_s);

    auto listed = wait(m_client->keys({u"erp"_s, {}, 10, {}, {}}));
    QVERIFY(listed);
    QCOMPARE(listed.value().items.size(), 1);
    QVERIFY(listed.value().items.first().secret.isEmpty());

    auto updated = wait(m_client->updateKey(key.id, {{u"status"_s, u"disabled"_s}}, key.version));
    QVERIFY(updated);
    QVERIFY(updated.value().status == EntityStatus::Disabled);
    QCOMPARE(updated.value().version, key.version + 1);

    auto rotated = wait(m_client->rotateKey(key.id, 60));
    QVERIFY(rotated);
    QVERIFY(!rotated.value().secret.isEmpty());
    QVERIFY(rotated.value().secret != key.secret);
    QVERIFY(rotated.value().previousSecretValidUntil.isValid());

    QVERIFY(wait(m_client->deleteKey(key.id)));
    auto gone = wait(m_client->key(key.id));
    QVERIFY(!gone);
    QVERIFY(gone.error().kind == Error::Kind::NotFound);
    QCOMPARE(gone.error().httpStatus, 404);
    QVERIFY(gone.error().message.contains(key.id));
}

void TestAccountClient::consumersLifecycle()
{
    auto created = wait(m_client->createConsumer(
        {{u"name"_s, u"Partner Portal"_s},
         {u"permission_group_id"_s, u"Read only"_s},
         {u"grant_type"_s, u"authorization_code"_s},
         {u"redirect_uris"_s, QJsonArray{u"https://partner.example/cb"_s}}}));
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toText()));
    const Consumer consumer = created.value();
    QVERIFY(!consumer.clientSecret.isEmpty());
    QVERIFY(consumer.grantType == GrantType::AuthorizationCode);
    QCOMPARE(consumer.redirectUris, QStringList{u"https://partner.example/cb"_s});

    auto rotated = wait(m_client->rotateConsumerSecret(consumer.id));
    QVERIFY(rotated);
    QVERIFY(rotated.value().clientSecret != consumer.clientSecret);

    auto fetched = wait(m_client->consumer(consumer.id));
    QVERIFY(fetched);
    QVERIFY(fetched.value().clientSecret.isEmpty());
    QVERIFY(wait(m_client->deleteConsumer(consumer.id, fetched.value().version)));
    auto list = wait(m_client->consumers({u"Partner"_s, {}, 10, {}, {}}));
    QVERIFY(list);
    QCOMPARE(list.value().items.size(), 0);
}

void TestAccountClient::conflictIsReportedNotOverwritten()
{
    const ApiKey key = wait(m_client->createKey({{u"name"_s, u"Shared"_s},
                                                 {u"permission_group_id"_s, u"Read only"_s}}))
                           .value();
    QVERIFY(wait(m_client->updateKey(key.id, {{u"name"_s, u"Theirs"_s}}, key.version)));
    auto mine = wait(m_client->updateKey(key.id, {{u"name"_s, u"Mine"_s}}, key.version));
    QVERIFY(!mine);
    QVERIFY(mine.error().kind == Error::Kind::Conflict);
    QCOMPARE(mine.error().httpStatus, 412);
    QVERIFY(mine.error().hint.contains(u"reload"_s));
    QCOMPARE(wait(m_client->key(key.id)).value().name, u"Theirs"_s);
}

void TestAccountClient::validationErrorsCarryTheFields()
{
    auto result = wait(m_client->createConsumer({{u"name"_s, u""_s},
                                                 {u"grant_type"_s, u"authorization_code"_s},
                                                 {u"permission_group_id"_s, u"Read only"_s}}));
    QVERIFY(!result);
    QVERIFY(result.error().kind == Error::Kind::Validation);
    QStringList fields;
    for (const auto &field : result.error().problem.errors)
        fields.append(field.field);
    QVERIFY(fields.contains(u"name"_s));
    QVERIFY(fields.contains(u"redirect_uris"_s));
    QVERIFY(result.error().toText().contains(u"redirect_uris: "_s));
}

void TestAccountClient::pagesThroughTenThousandAuthorizations()
{
    auto &context = m_server->context();
    const QString tenant = m_server->tenantId();
    QString userId;
    QVERIFY(!Server::AccountSetup::addUser(
        context, {tenant, u"ana@example.com"_s, u"Ana"_s, u"member"_s, u"a long enough password"_s},
        &userId));
    const QString consumerId =
        m_server
            ->createConsumer({{u"name"_s, u"Mobile"_s},
                              {u"grant_type"_s, u"authorization_code"_s},
                              {u"redirect_uris"_s, QJsonArray{u"https://m.example/cb"_s}}})[u"id"_s]
            .toString();
    {
        Server::Database::Transaction transaction(context.database());
        const QDateTime base = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 10000; ++i) {
            Authorization a;
            a.id = Random::id(u"az_");
            a.userId = userId;
            a.consumerId = consumerId;
            a.scopes = {u"assets:read"_s};
            a.createdAt = base.addSecs(-i / 7); // ties on purpose
            context.authorizations.insert(tenant, a);
        }
        transaction.commit();
    }
    QSet<QString> seen;
    QString cursor;
    int pages = 0;
    do {
        auto page = wait(m_client->authorizations({{}, {}, 1000, cursor, {}}));
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toText()));
        for (const Authorization &a : page.value().items)
            seen.insert(a.id);
        cursor = page.value().nextCursor;
        ++pages;
    } while (!cursor.isEmpty() && pages < 20);
    QCOMPARE(pages, 10);
    QCOMPARE(seen.size(), 10000);

    auto counted = wait(m_client->authorizations(
        {{},
         u"active"_s,
         1,
         {},
         {{u"consumer_id"_s, consumerId}, {u"include_total"_s, u"true"_s}}}));
    QVERIFY(counted);
    QCOMPARE(counted.value().total.value_or(-1), 10000);
}

void TestAccountClient::revokesInBulk()
{
    auto &context = m_server->context();
    const QString tenant = m_server->tenantId();
    QString userId;
    QVERIFY(!Server::AccountSetup::addUser(
        context,
        {tenant, u"joao@example.com"_s, u"João"_s, u"member"_s, u"a long enough password"_s},
        &userId));
    const QString consumerId =
        m_server
            ->createConsumer({{u"name"_s, u"Mobile"_s},
                              {u"grant_type"_s, u"authorization_code"_s},
                              {u"redirect_uris"_s, QJsonArray{u"https://m.example/cb"_s}}})[u"id"_s]
            .toString();
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        Authorization a;
        a.id = Random::id(u"az_");
        a.userId = userId;
        a.consumerId = consumerId;
        a.createdAt = QDateTime::currentDateTimeUtc();
        context.authorizations.insert(tenant, a);
        ids.append(a.id);
    }
    auto one = wait(m_client->revokeAuthorization(ids.first()));
    QVERIFY(one);
    QVERIFY(!one.value().isActive());
    auto two = wait(m_client->revokeAuthorizations({{ids.at(1), ids.at(2)}, {}, {}}));
    QVERIFY(two);
    QCOMPARE(two.value(), 2);
    auto rest = wait(m_client->revokeAuthorizations({{}, consumerId, {}}));
    QVERIFY(rest);
    QCOMPARE(rest.value(), 2);
    auto none = wait(m_client->revokeAuthorizations({}));
    QVERIFY(!none);
    QVERIFY(none.error().kind == Error::Kind::Usage);
}

void TestAccountClient::readsGroupsUsersAndAudit()
{
    auto groups = wait(m_client->permissionGroups());
    QVERIFY(groups);
    QCOMPARE(groups.value().size(), 3);
    auto users = wait(m_client->users());
    QVERIFY(users);
    QCOMPARE(users.value().first().role, u"super_admin"_s);
    wait(m_client->createKey(
        {{u"name"_s, u"Audited"_s}, {u"permission_group_id"_s, u"Read only"_s}}));
    auto audit = wait(m_client->audit({{}, {}, 5, {}, {{u"action"_s, u"key.create"_s}}}));
    QVERIFY(audit);
    QCOMPARE(audit.value().items.size(), 1);
    QCOMPARE(audit.value().items.first().action, u"key.create"_s);
    auto whoami = wait(m_client->whoami());
    QVERIFY(whoami);
    QCOMPARE(whoami.value()[u"principal"_s][u"type"_s].toString(), u"consumer"_s);
}

void TestAccountClient::renewsAnExpiredTokenOnce()
{
    QVERIFY(wait(m_client->keys()));
    m_server->clock().advance(7201); // the cached token expired on the server
    int requests = 0;
    m_http->setObserver([&requests](const HttpExchange &) { ++requests; });
    auto listed = wait(m_client->keys());
    QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().toText()));
    QCOMPARE(requests, 3); // 401, a new token, the retry
}

void TestAccountClient::wrongCredentialsSayWhatToDo()
{
    ClientCredentialsTokens wrong(*m_http, m_server->url().resolved(QUrl(u"/oauth/token"_s)),
                                  u"ck_nobody"_s, u"nothing"_s);
    AccountClient client(*m_http, m_server->url(), wrong);
    auto result = wait(client.keys());
    QVERIFY(!result);
    QVERIFY(result.error().kind == Error::Kind::Authentication);
    QCOMPARE(result.error().oauthError, u"invalid_client"_s);
    QVERIFY(result.error().hint.contains(u"LATCHKEY_CLIENT_ID"_s));
}

void TestAccountClient::serverDownIsANetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(closed.serverPort()));
    closed.close();
    ClientCredentialsTokens tokens(*m_http, url.resolved(QUrl(u"/oauth/token"_s)), u"x"_s, u"y"_s);
    AccountClient client(*m_http, url, tokens);
    auto result = wait(client.keys());
    QVERIFY(!result);
    QVERIFY(result.error().kind == Error::Kind::Network);
    QVERIFY(result.error().message.contains(u"127.0.0.1"_s));
    QVERIFY(!result.error().hint.isEmpty());
}

namespace {

// A peer that answers each connection with the next canned response (503s, then 200), or never.
class CannedPeer final : public QTcpServer
{
public:
    explicit CannedPeer(QList<QByteArray> responses)
        : m_responses(std::move(responses))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    ++requests;
                    if (m_responses.isEmpty())
                        return; // never answer
                    socket->write(m_responses.takeFirst());
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1/"_s.arg(serverPort())); }
    int requests = 0;

private:
    QList<QByteArray> m_responses;
};

QByteArray response(int status, const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n" +
           extra + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

void TestAccountClient::retriesIdempotentRequestsOn503()
{
    CannedPeer peer({response(503, "{}"), response(503, "{}", "Retry-After: 0\r\n"),
                     response(200, R"({"ok":true})")});
    HttpCall call;
    call.url = peer.url();
    auto result = wait(m_http->send(call));
    QVERIFY(result);
    QCOMPARE(result.value().status, 200);
    QCOMPARE(peer.requests, 3);
}

void TestAccountClient::neverRetriesAPost()
{
    CannedPeer peer(
        {response(503, R"({"title":"Storage unavailable","status":503})"), response(200, "{}")});
    HttpCall call;
    call.method = "POST";
    call.url = peer.url();
    auto result = wait(m_http->send(call));
    QVERIFY(result);
    QCOMPARE(result.value().status, 503);
    QCOMPARE(peer.requests, 1);
    const Error error = HttpClient::errorFrom(result.value());
    QVERIFY(error.kind == Error::Kind::Server);
    QCOMPARE(error.message, u"Storage unavailable"_s);
}

void TestAccountClient::timesOut()
{
    CannedPeer silent({});
    HttpCall call;
    call.url = silent.url();
    call.timeoutMs = 300;
    auto result = wait(m_http->send(call));
    QVERIFY(!result);
    QVERIFY(result.error().kind == Error::Kind::Timeout);
}

void TestAccountClient::cancelAbortsTheRequest()
{
    CannedPeer silent({});
    HttpCall call;
    call.url = silent.url();
    auto task = m_http->send(call);
    QTRY_COMPARE(silent.requests, 1);
    task.cancel();
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.isCanceled());
}

QTEST_GUILESS_MAIN(TestAccountClient)
#include "tst_accountclient.moc"
