#include <testserver.h>

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

// The API keys of the admin API, and what they let a Hawk client do.
class TestKeys final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void createShowsTheSecretOnceAndItWorks();
    void listFiltersByQueryAndStatusAndPages();
    void createRejectsBadInput_data();
    void createRejectsBadInput();
    void updateHonoursIfMatch();
    void disableStopsTheKeyAtOnce();
    void expiredKeyStopsWorking();
    void rotationKeepsTheOldSecretForTheGracePeriodOnly();
    void rotationWithoutGraceEndsTheOldSecretAtOnce();
    void deleteRemovesTheKey();
    void unknownIdsAre404();
    void everyChangeIsAudited();
    void secretIsEncryptedAtRest();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestKeys::createShowsTheSecretOnceAndItWorks()
{
    const Reply created = m_server->admin("POST", u"/api/admin/v1/keys"_s,
                                          {{u"name"_s, u"ERP Sync"_s},
                                           {u"description"_s, u"nightly"_s},
                                           {u"permission_group_id"_s, u"Maintenance"_s}});
    QCOMPARE(created.status, 201);
    const QJsonObject key = created.json();
    QVERIFY(key[u"id"_s].toString().startsWith(u"lk_"));
    QCOMPARE(key[u"name"_s].toString(), u"ERP Sync"_s);
    QCOMPARE(key[u"permission_group_id"_s].toString(), m_server->groupId(u"Maintenance"_s));
    QCOMPARE(key[u"status"_s].toString(), u"active"_s);
    QVERIFY(key[u"secret"_s].toString().size() >= 43);
    QCOMPARE(created.header("Cache-Control"), "no-store");
    QCOMPARE(created.header("ETag"), "\"1\"");

    const QString id = key[u"id"_s].toString();
    const Reply shown = m_server->admin("GET", u"/api/admin/v1/keys/"_s + id);
    QCOMPARE(shown.status, 200);
    QVERIFY2(!shown.json().contains(u"secret"_s), "the secret is shown only once");

    const Reply whoami =
        m_server->hawk(id, key[u"secret"_s].toString(), "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"type"_s].toString(), u"api_key"_s);
    QCOMPARE(whoami.json()[u"principal"_s][u"id"_s].toString(), id);
    QCOMPARE(whoami.json()[u"auth"_s].toString(), u"hawk"_s);
    QVERIFY(whoami.json()[u"scopes"_s].toArray().contains(u"assets:write"_s));
    QVERIFY(!whoami.json()[u"scopes"_s].toArray().contains(u"admin"_s));

    const Reply used = m_server->admin("GET", u"/api/admin/v1/keys/"_s + id);
    QVERIFY2(!used.json()[u"last_used_at"_s].isNull(), "last_used_at is kept");
}

void TestKeys::listFiltersByQueryAndStatusAndPages()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(!m_server->createKey(u"Batch %1"_s.arg(i)).isEmpty());
    const QJsonObject other = m_server->createKey(u"Warehouse"_s);
    QCOMPARE(m_server
                 ->admin("PATCH", u"/api/admin/v1/keys/"_s + other[u"id"_s].toString(),
                         {{u"status"_s, u"disabled"_s}})
                 .status,
             200);

    Reply reply = m_server->admin("GET", u"/api/admin/v1/keys?q=batch"_s);
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 5);
    reply = m_server->admin("GET", u"/api/admin/v1/keys?status=disabled"_s);
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 1);
    QCOMPARE(reply.json()[u"items"_s][0][u"name"_s].toString(), u"Warehouse"_s);

    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        reply = m_server->admin("GET", u"/api/admin/v1/keys?limit=2"_s +
                                           (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json()[u"items"_s].toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &item : items)
            seen.append(item[u"id"_s].toString());
        cursor = reply.json()[u"next_cursor"_s].toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 6);
    seen.removeDuplicates();
    QCOMPARE(seen.size(), 6);

    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys?status=sleeping"_s).status, 422);
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys?limit=0"_s).status, 422);
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys?limit=1001"_s).status, 422);
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys?cursor=bm9wZQ"_s).status, 422);
}

void TestKeys::createRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing name") << R"({"permission_group_id":"Read only"})"_ba << 422 << u"name"_s
                                  << u"A name is required."_s;
    QTest::newRow("blank name") << R"({"name":"   ","permission_group_id":"Read only"})"_ba << 422
                                << u"name"_s << u"A name is required."_s;
    QTest::newRow("missing group") << R"({"name":"x"})"_ba << 422 << u"permission_group_id"_s
                                   << u"A permission group is required."_s;
    QTest::newRow("unknown group") << R"({"name":"x","permission_group_id":"Gods"})"_ba << 422
                                   << u"permission_group_id"_s << u"No permission group Gods"_s;
    QTest::newRow("bad expiry")
        << R"({"name":"x","permission_group_id":"Read only","expires_at":"tomorrow"})"_ba << 422
        << u"expires_at"_s << u"RFC 3339"_s;
    QTest::newRow("past expiry")
        << R"({"name":"x","permission_group_id":"Read only","expires_at":"2001-01-01T00:00:00Z"})"_ba
        << 422 << u"expires_at"_s << u"future"_s;
    QTest::newRow("unknown field")
        << R"({"name":"x","permission_group_id":"Read only","secret":"mine"})"_ba << 422
        << u"secret"_s << u"Unknown or read-only field."_s;
    QTest::newRow("name not a string") << R"({"name":42,"permission_group_id":"Read only"})"_ba
                                       << 422 << u"name"_s << u"Must be a string."_s;
    QTest::newRow("malformed json") << R"({"name":)"_ba << 400 << QString() << u"not valid JSON"_s;
    QTest::newRow("array body") << R"([1,2])"_ba << 400 << QString() << u"JSON object"_s;
}

void TestKeys::createRejectsBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const Reply reply =
        m_server->request("POST", u"/api/admin/v1/keys"_s, body,
                          {{"Authorization", "Bearer " + m_server->adminToken().toLatin1()},
                           {"Content-Type", "application/json"}});
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    const QJsonObject problem = reply.json();
    QCOMPARE(problem[u"status"_s].toInt(), status);
    if (field.isEmpty()) {
        QVERIFY2(problem[u"detail"_s].toString().contains(message), reply.describe().constData());
    } else {
        bool found = false;
        for (const QJsonValue &error : problem[u"errors"_s].toArray()) {
            if (error[u"field"_s].toString() == field &&
                error[u"message"_s].toString().contains(message))
                found = true;
        }
        QVERIFY2(found, reply.describe().constData());
    }
    // Nothing was created.
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys"_s).json()[u"items"_s].toArray().size(),
             0);
}

void TestKeys::updateHonoursIfMatch()
{
    const QString id = m_server->createKey(u"Original"_s)[u"id"_s].toString();
    const QString path = u"/api/admin/v1/keys/"_s + id;

    Reply reply =
        m_server->admin("PATCH", path, {{u"name"_s, u"Renamed"_s}}, {{"If-Match", "\"1\""}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("ETag"), "\"2\"");
    QCOMPARE(reply.json()[u"version"_s].toInt(), 2);

    reply =
        m_server->admin("PATCH", path, {{u"name"_s, u"Lost update"_s}}, {{"If-Match", "\"1\""}});
    QCOMPARE(reply.status, 412);
    QVERIFY(reply.json()[u"detail"_s].toString().contains(u"Reload"_s));
    QCOMPARE(m_server->admin("GET", path).json()[u"name"_s].toString(), u"Renamed"_s);

    reply = m_server->admin("DELETE", path, {}, {{"If-Match", "\"1\""}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(m_server->admin("GET", path).status, 200);

    reply = m_server->admin("PATCH", path, {{u"id"_s, u"lk_mine"_s}});
    QCOMPARE(reply.status, 422);
    reply = m_server->admin("PATCH", path, {{u"status"_s, u"paused"_s}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(m_server->admin("GET", path).json()[u"version"_s].toInt(), 2);
}

void TestKeys::disableStopsTheKeyAtOnce()
{
    const QJsonObject key = m_server->createKey(u"To disable"_s);
    const QString id = key[u"id"_s].toString();
    const QString secret = key[u"secret"_s].toString();
    QCOMPARE(m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s).status, 200);

    QCOMPARE(m_server->admin("PATCH", u"/api/admin/v1/keys/"_s + id, {{u"status"_s, u"disabled"_s}})
                 .status,
             200);
    Reply reply = m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"This API key is disabled."_s);

    QCOMPARE(m_server->admin("PATCH", u"/api/admin/v1/keys/"_s + id, {{u"status"_s, u"active"_s}})
                 .status,
             200);
    QCOMPARE(m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s).status, 200);
}

void TestKeys::expiredKeyStopsWorking()
{
    const Reply created = m_server->admin(
        "POST", u"/api/admin/v1/keys"_s,
        {{u"name"_s, u"Short-lived"_s},
         {u"permission_group_id"_s, u"Read only"_s},
         {u"expires_at"_s, Latchkey::toRfc3339(m_server->clock().now().addSecs(3600))}});
    QCOMPARE(created.status, 201);
    const QString id = created.json()[u"id"_s].toString();
    const QString secret = created.json()[u"secret"_s].toString();
    QCOMPARE(m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s).status, 200);

    m_server->clock().advance(3601);
    const Reply reply = m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"This API key expired."_s);
}

void TestKeys::rotationKeepsTheOldSecretForTheGracePeriodOnly()
{
    const QJsonObject key = m_server->createKey(u"Rotating"_s);
    const QString id = key[u"id"_s].toString();
    const QString oldSecret = key[u"secret"_s].toString();

    const Reply rotated = m_server->admin("POST", u"/api/admin/v1/keys/"_s + id + u"/rotate"_s,
                                          {{u"grace_seconds"_s, 600}});
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    const QString newSecret = rotated.json()[u"secret"_s].toString();
    QVERIFY(!newSecret.isEmpty());
    QVERIFY(newSecret != oldSecret);
    QVERIFY(!rotated.json()[u"previous_secret_valid_until"_s].isNull());
    QCOMPARE(rotated.header("Cache-Control"), "no-store");

    QCOMPARE(m_server->hawk(id, newSecret, "GET", u"/api/v2/whoami"_s).status, 200);
    QCOMPARE(m_server->hawk(id, oldSecret, "GET", u"/api/v2/whoami"_s).status, 200);

    m_server->clock().advance(601);
    QCOMPARE(m_server->hawk(id, newSecret, "GET", u"/api/v2/whoami"_s).status, 200);
    const Reply old = m_server->hawk(id, oldSecret, "GET", u"/api/v2/whoami"_s);
    QCOMPARE(old.status, 401);
    QCOMPARE(old.json()[u"detail"_s].toString(), u"Bad mac"_s);

    QCOMPARE(m_server
                 ->admin("POST", u"/api/admin/v1/keys/"_s + id + u"/rotate"_s,
                         {{u"grace_seconds"_s, -1}})
                 .status,
             422);
    QCOMPARE(m_server
                 ->admin("POST", u"/api/admin/v1/keys/"_s + id + u"/rotate"_s,
                         {{u"grace_seconds"_s, 8 * 24 * 3600}})
                 .status,
             422);
    QCOMPARE(m_server->hawk(id, newSecret, "GET", u"/api/v2/whoami"_s).status, 200);
}

void TestKeys::rotationWithoutGraceEndsTheOldSecretAtOnce()
{
    const QJsonObject key = m_server->createKey(u"Rotating"_s);
    const QString id = key[u"id"_s].toString();
    const Reply rotated = m_server->admin("POST", u"/api/admin/v1/keys/"_s + id + u"/rotate"_s);
    QCOMPARE(rotated.status, 200);
    QVERIFY(rotated.json()[u"previous_secret_valid_until"_s].isNull());
    QCOMPARE(m_server->hawk(id, key[u"secret"_s].toString(), "GET", u"/api/v2/whoami"_s).status,
             401);
    QCOMPARE(m_server->hawk(id, rotated.json()[u"secret"_s].toString(), "GET", u"/api/v2/whoami"_s)
                 .status,
             200);
}

void TestKeys::deleteRemovesTheKey()
{
    const QJsonObject key = m_server->createKey(u"Doomed"_s);
    const QString id = key[u"id"_s].toString();
    QCOMPARE(m_server->admin("DELETE", u"/api/admin/v1/keys/"_s + id).status, 204);
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys/"_s + id).status, 404);
    const Reply reply = m_server->hawk(id, key[u"secret"_s].toString(), "GET", u"/api/v2/whoami"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Unknown credentials"_s);
    QCOMPARE(m_server->admin("DELETE", u"/api/admin/v1/keys/"_s + id).status, 404);
}

void TestKeys::unknownIdsAre404()
{
    for (const QByteArray &method : {"GET"_ba, "PATCH"_ba, "DELETE"_ba}) {
        const Reply reply =
            m_server->admin(method, u"/api/admin/v1/keys/lk_nope"_s,
                            method == "PATCH" ? QJsonObject{{u"name"_s, u"x"_s}} : QJsonObject{});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()[u"detail"_s].toString(),
                 u"There is no API key with id lk_nope in this account."_s);
    }
    QCOMPARE(m_server->admin("POST", u"/api/admin/v1/keys/lk_nope/rotate"_s).status, 404);
}

void TestKeys::everyChangeIsAudited()
{
    const QString id = m_server->createKey(u"Audited"_s)[u"id"_s].toString();
    m_server->admin("PATCH", u"/api/admin/v1/keys/"_s + id, {{u"status"_s, u"disabled"_s}});
    m_server->admin("POST", u"/api/admin/v1/keys/"_s + id + u"/rotate"_s);
    m_server->admin("DELETE", u"/api/admin/v1/keys/"_s + id);

    const Reply audit = m_server->admin("GET", u"/api/admin/v1/audit?target_id="_s + id);
    QCOMPARE(audit.status, 200);
    QStringList actions;
    for (const QJsonValue &event : audit.json()[u"items"_s].toArray()) {
        actions.prepend(event[u"action"_s].toString());
        QVERIFY(event[u"actor"_s].toString().startsWith(u"consumer:ck_"_s));
        QCOMPARE(event[u"remote_address"_s].toString(), u"127.0.0.1"_s);
    }
    QCOMPARE(actions,
             (QStringList{u"key.create"_s, u"key.disable"_s, u"key.rotate"_s, u"key.delete"_s}));
}

void TestKeys::secretIsEncryptedAtRest()
{
    const QString secret = m_server->createKey(u"Sealed"_s)[u"secret"_s].toString();
    QVERIFY(!secret.isEmpty());
    QDirIterator it(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(secret.toLatin1()),
                 qPrintable(u"the secret is in clear in "_s + file.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
