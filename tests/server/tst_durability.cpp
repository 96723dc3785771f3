#include <testserver.h>

#include <protocol/hawk.h>
#include <protocol/random.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

// What a request wrote is committed before its response leaves: another process sees it and can
// write next to a running server (latchkey-server user add, a second instance).
class TestDurability final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void writesAreVisibleToAnotherConnectionAtOnce();
    void anotherProcessCanWriteWhileServing();
    void killedMidWritesKeepsEveryAcknowledgedWriteAndNoHalfOne();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestDurability::writesAreVisibleToAnotherConnectionAtOnce()
{
    const QJsonObject key = m_server->createKey(u"Durable"_s);
    const Reply whoami = m_server->hawk(key[u"id"_s].toString(), key[u"secret"_s].toString(), "GET",
                                        u"/api/v2/whoami"_s);
    QCOMPARE(whoami.status, 200);

    auto other = m_server->database().connect(m_server->dataDir());
    auto &nonces = other->exec(u"SELECT COUNT(*) FROM hawk_nonces"_s);
    QVERIFY(nonces.next());
    QCOMPARE(nonces.value(0).toInt(), 1);
    auto &used =
        other->exec(u"SELECT COUNT(*) FROM api_keys WHERE id = ? AND last_used_at IS NOT NULL"_s,
                    {key[u"id"_s].toString()});
    QVERIFY(used.next());
    QCOMPARE(used.value(0).toInt(), 1);
    other->releaseStatements();
    // No lock and no open transaction is left behind by the server.
    if (other->dialect() == Latchkey::Server::Database::Dialect::Sqlite) {
        try {
            other->exec(u"BEGIN IMMEDIATE"_s);
        } catch (const Latchkey::Server::StorageError &e) {
            QFAIL(qPrintable(e.message()));
        }
        other->exec(u"ROLLBACK"_s);
    } else {
        auto &idle = other->exec(
            u"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND "
            "state LIKE 'idle in transaction%'"_s);
        QVERIFY(idle.next());
        QCOMPARE(idle.value(0).toInt(), 0);
    }
}

void TestDurability::anotherProcessCanWriteWhileServing()
{
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys"_s).status, 200);
    QProcess process;
    QStringList arguments{u"user"_s,
                          u"add"_s,
                          u"--data-dir"_s,
                          m_server->dataDir(),
                          u"--tenant"_s,
                          m_server->tenantId(),
                          u"--email"_s,
                          u"late@example.com"_s,
                          u"--password-stdin"_s};
    if (!m_server->database().location().isEmpty())
        arguments << u"--database"_s << m_server->database().location();
    process.start(QStringLiteral(LATCHKEY_SERVER_BINARY), arguments);
    QVERIFY(process.waitForStarted());
    process.write("a password long enough\n");
    process.closeWriteChannel();
    QVERIFY(QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const Reply users = m_server->admin("GET", u"/api/admin/v1/users"_s);
    QCOMPARE(users.status, 200);
    bool found = false;
    for (const QJsonValue &user : users.json()[u"items"_s].toArray())
        found = found || user[u"email"_s].toString() == u"late@example.com"_s;
    QVERIFY(found);
}

// latchkey-server killed with SIGKILL while admin writes are in flight, then started again on
// the same database: every key whose creation was answered 201 is there and works, and every
// key there is whole (its row, its audit event and a secret that opens), none half-written.
void TestDurability::killedMidWritesKeepsEveryAcknowledgedWriteAndNoHalfOne()
{
    m_server.reset();
    QTemporaryDir dir;
    Latchkey::Test::TestDatabase database;
    QStringList arguments{u"--data-dir"_s, dir.path()};
    if (!database.location().isEmpty())
        arguments << u"--database"_s << database.location();
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString error;
    const QJsonObject bootstrap = Latchkey::Test::bootstrapProcess(arguments, environment, &error);
    QVERIFY2(!bootstrap.isEmpty(), qPrintable(error));
    Latchkey::Test::ServerProcess server;
    error = server.start(arguments, environment);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QNetworkAccessManager network;
    auto adminToken = [&]() -> QByteArray {
        const QJsonObject automation = bootstrap[u"automation"_s].toObject();
        const Reply reply = Latchkey::Test::sendRequest(
            network, "POST", server.url().resolved(QUrl(u"/oauth/token"_s)),
            "grant_type=client_credentials",
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"Authorization",
              Latchkey::Test::basicAuthorization(automation[u"client_id"_s].toString(),
                                                 automation[u"client_secret"_s].toString())}});
        return "Bearer " + reply.json()[u"access_token"_s].toString().toLatin1();
    };
    QByteArray bearer = adminToken();
    const Reply groups = Latchkey::Test::sendRequest(
        network, "GET", server.url().resolved(QUrl(u"/api/admin/v1/permission-groups"_s)), {},
        {{"Authorization", bearer}});
    const QString groupId = groups.json()[u"items"_s].toArray().first()[u"id"_s].toString();
    QVERIFY2(!groupId.isEmpty(), groups.describe().constData());

    // Eight requests in flight at all times; the 40th answer kills the server.
    QHash<QString, QString> acknowledged; // id -> secret
    int sent = 0;
    int inFlight = 0;
    bool killed = false;
    std::function<void()> sendOne = [&] {
        QNetworkRequest request(server.url().resolved(QUrl(u"/api/admin/v1/keys"_s)));
        request.setRawHeader("Authorization", bearer);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QByteArray body = QJsonDocument(QJsonObject{{u"name"_s, u"Crash %1"_s.arg(sent++)},
                                                          {u"permission_group_id"_s, groupId}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = network.post(request, body);
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            --inFlight;
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                const QJsonObject key = QJsonDocument::fromJson(reply->readAll()).object();
                acknowledged.insert(key[u"id"_s].toString(), key[u"secret"_s].toString());
            }
            if (!killed && acknowledged.size() >= 40) {
                killed = true;
                server.kill();
            }
            if (!killed)
                sendOne();
        });
    };
    for (int i = 0; i < 8; ++i)
        sendOne();
    QTRY_VERIFY_WITH_TIMEOUT(killed && inFlight == 0, 120000);
    QVERIFY2(sent > acknowledged.size(), "the kill came with writes in flight");

    error = server.start(arguments, environment);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bearer = adminToken();
    auto get = [&](const QString &path) {
        return Latchkey::Test::sendRequest(network, "GET", server.url().resolved(QUrl(path)), {},
                                           {{"Authorization", bearer}});
    };
    QSet<QString> present;
    for (const QJsonValue &key :
         get(u"/api/admin/v1/keys?limit=1000"_s).json()[u"items"_s].toArray())
        present.insert(key[u"id"_s].toString());
    QSet<QString> audited;
    const Reply audit = get(u"/api/admin/v1/audit?action=key.create&limit=1000"_s);
    QVERIFY2(audit.status == 200, audit.describe().constData());
    for (const QJsonValue &event : audit.json()[u"items"_s].toArray())
        audited.insert(event[u"target_id"_s].toString());

    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
        QVERIFY2(present.contains(it.key()), qPrintable(u"lost: "_s + it.key()));
    QVERIFY(present.size() <= sent);
    QCOMPARE(audited, present);
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        Latchkey::Hawk::Request signing;
        signing.method = "GET";
        signing.resource = "/api/v2/whoami";
        signing.host = server.url().host().toLatin1();
        signing.port = quint16(server.url().port());
        const QByteArray header = Latchkey::Hawk::sign(it.key().toUtf8(), it.value().toUtf8(),
                                                       signing, QDateTime::currentSecsSinceEpoch(),
                                                       Latchkey::Random::secret(64).toLatin1());
        const Reply whoami = Latchkey::Test::sendRequest(
            network, "GET", server.url().resolved(QUrl(u"/api/v2/whoami"_s)), {},
            {{"Authorization", header}});
        QVERIFY2(whoami.status == 200, whoami.describe().constData());
    }
    qInfo("%d keys sent, %lld acknowledged, %lld there after the kill", sent,
          qint64(acknowledged.size()), qint64(present.size()));
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
