#include <oauth/hawksigner.h>
#include <protocol/hawk.h>
#include <testserver.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Core::Error;
using Latchkey::Core::HawkSigner;
using Latchkey::Core::HttpClient;
using Latchkey::Core::HttpExchange;
using Latchkey::Core::Result;
using Latchkey::Core::Task;
using Latchkey::Test::TestServer;

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

QString peersDir()
{
    const QByteArray source = qgetenv("LATCHKEY_SOURCE_DIR");
    if (!source.isEmpty())
        return QString::fromLocal8Bit(source) + u"/tests/peers"_s;
    return QFileInfo(QStringLiteral(__FILE__)).absolutePath() + u"/../peers"_s;
}

QString nodeExecutable()
{
    QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        node = QStandardPaths::findExecutable(u"nodejs"_s);
    return node;
}

QDateTime skewed(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds);
}

// hawk's server.authenticate on one header (tests/peers/hawk-authenticate.mjs).
QJsonObject hawkAuthenticate(const QJsonObject &input)
{
    QProcess node;
    node.start(nodeExecutable(), {peersDir() + u"/hawk-authenticate.mjs"_s});
    if (!node.waitForStarted(10000))
        return {{u"harness"_s, QString(u"cannot start node: "_s + node.errorString())}};
    node.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    node.closeWriteChannel();
    if (!node.waitForFinished(30000)) {
        node.kill();
        node.waitForFinished();
        return {{u"harness"_s, u"hawk-authenticate.mjs timed out"_s}};
    }
    const QByteArray out = node.readAllStandardOutput();
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    if (result.isEmpty())
        return {{u"harness"_s,
                 QString::fromUtf8(out + node.readAllStandardError()).prepend(u"no JSON: "_s)}};
    return result;
}

HttpExchange challengeExchange(int status, const QByteArray &challenge)
{
    HttpExchange exchange;
    exchange.status = status;
    exchange.responseHeaders = {{"WWW-Authenticate", challenge}};
    return exchange;
}

} // namespace

// Skips when the npm peers are not installed (tools/install-deps); node itself must be there.
#define REQUIRE_HAWK_PEER()                                                                        \
    do {                                                                                           \
        if (!QFileInfo::exists(peersDir() + u"/node_modules/hawk"_s))                              \
            QSKIP("tests/peers/node_modules is missing: run tools/install-deps");                  \
        QVERIFY2(!nodeExecutable().isEmpty(), "node is not on PATH");                              \
    } while (false)

// HawkSigner judged by our server and by hawk, the reference implementation, including the
// clock-offset correction from a stale-timestamp challenge.
class TestHawkSigner final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void ourServerAcceptsItsHeaders_data();
    void ourServerAcceptsItsHeaders();
    void wrongSecretIsRefusedWithoutRetry();
    void staleTimestampIsCorrectedByOneRetry_data();
    void staleTimestampIsCorrectedByOneRetry();
    void onlyAVerifiedChallengeMovesTheClock_data();
    void onlyAVerifiedChallengeMovesTheClock();
    void emptySecretSignsNothing();

    void hawkAcceptsItsHeaders_data();
    void hawkAcceptsItsHeaders();
    void hawkRefusesAWrongKey();
    void hawkChallengeTeachesTheOffset();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QList<HttpExchange> m_exchanges;
    QString m_keyId;
    QString m_keySecret;
};

void TestHawkSigner::init()
{
    m_server = std::make_unique<TestServer>();
    m_http = std::make_unique<HttpClient>();
    m_exchanges.clear();
    m_http->setObserver([this](const HttpExchange &exchange) { m_exchanges.append(exchange); });
    const QJsonObject key = m_server->createKey(u"Signer"_s);
    QVERIFY(!key.isEmpty());
    m_keyId = key[u"id"_s].toString();
    m_keySecret = key[u"secret"_s].toString();
}

void TestHawkSigner::cleanup()
{
    m_http.reset();
    m_server.reset();
}

void TestHawkSigner::ourServerAcceptsItsHeaders_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");

    QTest::newRow("GET whoami") << "GET"_ba << u"/api/v2/whoami"_s << QByteArray() << QByteArray()
                                << 200;
    QTest::newRow("GET with an encoded query")
        << "GET"_ba << u"/api/v2/assets?limit=5&q=caf%C3%A9%20bar"_s << QByteArray() << QByteArray()
        << 200;
    QTest::newRow("POST with a payload hash")
        << "POST"_ba << u"/api/v2/assets"_s << R"({"name":"Pump 7"})"_ba
        << "application/json; charset=utf-8"_ba << 201;
}

void TestHawkSigner::ourServerAcceptsItsHeaders()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, pathAndQuery);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);

    HawkSigner signer(m_keyId, m_keySecret);
    const QUrl url(m_server->url().toString() + pathAndQuery, QUrl::StrictMode);
    const auto result = await(signer.send(*m_http, method, url, body, contentType));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const HttpExchange &exchange = result.value();
    QVERIFY2(
        exchange.status == status,
        qPrintable(u"%1 %2"_s.arg(exchange.status).arg(QString::fromUtf8(exchange.responseBody))));
    QCOMPARE(m_exchanges.size(), 1);
    QVERIFY(exchange.requestHeader("Authorization").startsWith("Hawk id=\""));
    QCOMPARE(signer.offsetSeconds(), qint64(0));

    if (pathAndQuery == u"/api/v2/whoami") {
        const QJsonObject whoami = QJsonDocument::fromJson(exchange.responseBody).object();
        QCOMPARE(whoami[u"principal"_s][u"id"_s].toString(), m_keyId);
        QCOMPARE(whoami[u"auth"_s].toString(), u"hawk"_s);
    }
    if (method == "POST") {
        QCOMPARE(QJsonDocument::fromJson(exchange.responseBody)[u"name"_s].toString(), u"Pump 7"_s);
        // A body other than the one signed must fail the payload hash.
        const QByteArray header = signer.authorization(method, url, body, contentType);
        const auto tampered =
            m_server->request(method, pathAndQuery, R"({"name":"Pump 8"})"_ba,
                              {{"Authorization", header}, {"Content-Type", contentType}});
        QCOMPARE(tampered.status, 401);
    }
}

void TestHawkSigner::wrongSecretIsRefusedWithoutRetry()
{
    HawkSigner signer(m_keyId, u"not-the-secret-not-the-secret-not-the-secret"_s);
    const auto result =
        await(signer.send(*m_http, "GET", QUrl(m_server->url().toString() + u"/api/v2/whoami"_s)));
    QVERIFY(result.ok());
    QCOMPARE(result.value().status, 401);
    QCOMPARE(m_exchanges.size(), 1);
    QCOMPARE(signer.offsetSeconds(), qint64(0));
}

void TestHawkSigner::staleTimestampIsCorrectedByOneRetry_data()
{
    QTest::addColumn<qint64>("skew");
    QTest::newRow("local clock 300 s ahead") << qint64(300);
    QTest::newRow("local clock 300 s behind") << qint64(-300);
}

void TestHawkSigner::staleTimestampIsCorrectedByOneRetry()
{
    QFETCH(qint64, skew);
    HawkSigner signer(m_keyId, m_keySecret, [skew] { return skewed(skew); });
    const QUrl whoami(m_server->url().toString() + u"/api/v2/whoami"_s);

    const auto result = await(signer.send(*m_http, "GET", whoami));
    QVERIFY(result.ok());
    QCOMPARE(m_exchanges.size(), 2);
    QCOMPARE(m_exchanges[0].status, 401);
    QVERIFY2(m_exchanges[0].responseHeader("WWW-Authenticate").contains("Stale timestamp"),
             m_exchanges[0].responseHeader("WWW-Authenticate").constData());
    QVERIFY2(result.value().status == 200, result.value().responseBody.constData());
    QVERIFY2(qAbs(signer.offsetSeconds() + skew) <= 2,
             qPrintable(u"offset %1 for a skew of %2"_s.arg(signer.offsetSeconds()).arg(skew)));
    // The two attempts carry different timestamps (and nonces): the retry is signed anew.
    QVERIFY(m_exchanges[0].requestHeader("Authorization") !=
            m_exchanges[1].requestHeader("Authorization"));

    // From now on the first attempt is right.
    m_exchanges.clear();
    const auto again = await(signer.send(*m_http, "GET", whoami));
    QVERIFY(again.ok());
    QCOMPARE(again.value().status, 200);
    QCOMPARE(m_exchanges.size(), 1);
}

void TestHawkSigner::onlyAVerifiedChallengeMovesTheClock_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("challengeKey");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<bool>("learns");

    const QByteArray key = "the-api-secret-the-api-secret-the-api-secret"_ba;
    QTest::newRow("401, tsm by the key") << 401 << key << QByteArray() << true;
    QTest::newRow("401, Hawk after another scheme")
        << 401 << key << "Bearer realm=\"latchkey\", "_ba << true;
    QTest::newRow("401, tsm by another key") << 401 << "someone-else"_ba << QByteArray() << false;
    QTest::newRow("200 carries no challenge to trust") << 200 << key << QByteArray() << false;
    QTest::newRow("403 is not an authentication failure") << 403 << key << QByteArray() << false;
}

void TestHawkSigner::onlyAVerifiedChallengeMovesTheClock()
{
    QFETCH(int, status);
    QFETCH(QByteArray, challengeKey);
    QFETCH(QByteArray, prefix);
    QFETCH(bool, learns);

    HawkSigner signer(u"key-id"_s, u"the-api-secret-the-api-secret-the-api-secret"_s);
    const qint64 serverTime = QDateTime::currentSecsSinceEpoch() + 1000;
    const HttpExchange exchange = challengeExchange(
        status, prefix + Latchkey::Hawk::staleTimestampChallenge(challengeKey, serverTime));
    QCOMPARE(signer.learnFrom(exchange), learns);
    if (learns)
        QVERIFY2(qAbs(signer.offsetSeconds() - 1000) <= 2,
                 qPrintable(QString::number(signer.offsetSeconds())));
    else
        QCOMPARE(signer.offsetSeconds(), qint64(0));
}

void TestHawkSigner::emptySecretSignsNothing()
{
    HawkSigner signer(m_keyId, QString());
    QVERIFY(signer.authorization("GET", m_server->url()).isEmpty());
    const auto result = await(signer.send(*m_http, "GET", m_server->url()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Usage);
    QVERIFY(m_exchanges.isEmpty());
}

void TestHawkSigner::hawkAcceptsItsHeaders_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("resource"); // what the server sees on the request line
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("GET with a query")
        << "GET"_ba << QUrl(u"http://example.com:8080/resource/1?b=1&a=2"_s)
        << u"/resource/1?b=1&a=2"_s << 8080 << QByteArray() << QByteArray();
    QTest::newRow("GET of the root, default https port")
        << "GET"_ba << QUrl(u"https://api.example.com"_s) << u"/"_s << 443 << QByteArray()
        << QByteArray();
    QTest::newRow("GET with percent-encoded UTF-8")
        << "GET"_ba << QUrl(u"http://example.com/caf%C3%A9?q=a%20b"_s, QUrl::StrictMode)
        << u"/caf%C3%A9?q=a%20b"_s << 80 << QByteArray() << QByteArray();
    QTest::newRow("POST JSON") << "POST"_ba << QUrl(u"https://api.example.com/api/v2/assets"_s)
                               << u"/api/v2/assets"_s << 443 << "application/json"_ba
                               << R"({"name":"Pump 7"})"_ba;
    QTest::newRow("PUT text with parameters")
        << "PUT"_ba << QUrl(u"http://127.0.0.1:9000/notes/1"_s) << u"/notes/1"_s << 9000
        << "Text/Plain; charset=utf-8"_ba
        << "hello\nworld"_ba;
}

void TestHawkSigner::hawkAcceptsItsHeaders()
{
    REQUIRE_HAWK_PEER();
    QFETCH(QByteArray, method);
    QFETCH(QUrl, url);
    QFETCH(QString, resource);
    QFETCH(int, port);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, payload);

    const QString id = u"dh37fgj492je"_s;
    const QString key = u"werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"_s;
    HawkSigner signer(id, key);
    const QByteArray header = signer.authorization(method, url, payload, contentType);
    QVERIFY(!header.isEmpty());

    QJsonObject input{{u"method"_s, QString::fromLatin1(method)},
                      {u"resource"_s, resource},
                      {u"host"_s, url.host()},
                      {u"port"_s, port},
                      {u"authorization"_s, QString::fromLatin1(header)},
                      {u"id"_s, id},
                      {u"key"_s, key}};
    if (!contentType.isEmpty()) {
        input.insert(u"content_type"_s, QString::fromLatin1(contentType));
        input.insert(u"payload"_s, QString::fromUtf8(payload));
    }
    const QJsonObject verdict = hawkAuthenticate(input);
    QVERIFY2(verdict[u"ok"_s].toBool(),
             QJsonDocument(verdict).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(verdict[u"id"_s].toString(), id);
    QCOMPARE(verdict[u"artifacts"_s][u"hash"_s].isString(), !contentType.isEmpty());
}

void TestHawkSigner::hawkRefusesAWrongKey()
{
    REQUIRE_HAWK_PEER();
    const QUrl url(u"http://example.com:8080/resource/1"_s);
    HawkSigner signer(u"dh37fgj492je"_s, u"a-key-the-server-does-not-have"_s);
    const QJsonObject verdict = hawkAuthenticate(
        {{u"method"_s, u"GET"_s},
         {u"resource"_s, u"/resource/1"_s},
         {u"host"_s, u"example.com"_s},
         {u"port"_s, 8080},
         {u"authorization"_s, QString::fromLatin1(signer.authorization("GET", url))},
         {u"id"_s, u"dh37fgj492je"_s},
         {u"key"_s, u"werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"_s}});
    QVERIFY(verdict.contains(u"ok"_s));
    QCOMPARE(verdict[u"ok"_s].toBool(), false);
    QCOMPARE(verdict[u"error"_s].toString(), u"Bad mac"_s);
}

void TestHawkSigner::hawkChallengeTeachesTheOffset()
{
    REQUIRE_HAWK_PEER();
    const QString id = u"dh37fgj492je"_s;
    const QString key = u"werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"_s;
    const QUrl url(u"http://example.com:8080/resource/1"_s);
    HawkSigner signer(id, key, [] { return skewed(300); });
    const auto verify = [&] {
        return hawkAuthenticate(
            {{u"method"_s, u"GET"_s},
             {u"resource"_s, u"/resource/1"_s},
             {u"host"_s, u"example.com"_s},
             {u"port"_s, 8080},
             {u"authorization"_s, QString::fromLatin1(signer.authorization("GET", url))},
             {u"id"_s, id},
             {u"key"_s, key}});
    };

    const QJsonObject stale = verify();
    QCOMPARE(stale[u"ok"_s].toBool(true), false);
    QCOMPARE(stale[u"error"_s].toString(), u"Stale timestamp"_s);
    QCOMPARE(stale[u"status"_s].toInt(), 401);
    const QByteArray challenge = stale[u"www_authenticate"_s].toString().toLatin1();
    QVERIFY2(challenge.contains("tsm="), challenge.constData());

    QVERIFY(signer.learnFrom(challengeExchange(401, challenge)));
    QVERIFY2(qAbs(signer.offsetSeconds() + 300) <= 2,
             qPrintable(QString::number(signer.offsetSeconds())));
    const QJsonObject accepted = verify();
    QVERIFY2(accepted[u"ok"_s].toBool(),
             QJsonDocument(accepted).toJson(QJsonDocument::Compact).constData());
}

QTEST_GUILESS_MAIN(TestHawkSigner)
#include "tst_hawksigner.moc"
