#include <testserver.h>

#include <account/accountsetup.h>

#include <protocol/entities.h>
#include <protocol/hawk.h>
#include <protocol/random.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;
namespace Hawk = Latchkey::Hawk;

namespace {

QByteArray freshNonce()
{
    return Latchkey::Random::secret(64).toLatin1();
}

// A request over real HTTP to a server that is not a TestServer (the public URL test).
Reply sendTo(QNetworkAccessManager &network, const QUrl &base, const QByteArray &method,
             const QString &pathAndQuery, const QByteArray &body,
             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(base.toString() + pathAndQuery, QUrl::StrictMode));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        result.headers.append({name, value});
    reply->deleteLater();
    return result;
}

} // namespace

// Hawk on the protected resource API, with headers built here so they can be broken: every
// refusal says what Hawk says, in Hawk's order, and changes nothing.
class TestHawkAuth final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_server.reset(); }

    void signedRequestsAreAccepted();
    void schemeIsCaseInsensitive_data();
    void schemeIsCaseInsensitive();
    void malformedHeaderIsRefused_data();
    void malformedHeaderIsRefused();
    void unknownIdIsRefused();
    void badMacIsRefused();
    void macOverAnotherRequestIsRefused_data();
    void macOverAnotherRequestIsRefused();
    void tamperedPayloadIsRefused_data();
    void tamperedPayloadIsRefused();
    void payloadHashOverTheBodyIsAccepted();
    void replayedNonceIsRefused();
    void timestampWithinSkewIsAccepted_data();
    void timestampWithinSkewIsAccepted();
    void staleTimestampGetsAVerifiableChallenge_data();
    void staleTimestampGetsAVerifiableChallenge();
    void unusableKeyIsRefused_data();
    void unusableKeyIsRefused();
    void readOnlyKeyCannotWrite();
    void macUsesThePublicUrl_data();
    void macUsesThePublicUrl();

private:
    Hawk::Request signing(const QByteArray &method, const QByteArray &resource) const;
    qint64 now() const { return m_server->clock().now().toSecsSinceEpoch(); }
    QByteArray sign(const Hawk::Request &request, qint64 tsOffset = 0) const;
    Reply send(const QByteArray &method, const QString &pathAndQuery,
               const QByteArray &authorization, const QByteArray &contentType = {},
               const QByteArray &body = {});
    // Assets the tenant has, seen through the test's own key; -1 when the listing fails.
    int assetCount();

    std::unique_ptr<TestServer> m_server;
    QString m_id;
    QString m_secret;
};

void TestHawkAuth::init()
{
    m_server = std::make_unique<TestServer>();
    const QJsonObject key = m_server->createKey(u"Hawk client"_s);
    m_id = key[u"id"_s].toString();
    m_secret = key[u"secret"_s].toString();
    QVERIFY(!m_id.isEmpty());
    QVERIFY(!m_secret.isEmpty());
}

Hawk::Request TestHawkAuth::signing(const QByteArray &method, const QByteArray &resource) const
{
    Hawk::Request request;
    request.method = method;
    request.resource = resource;
    request.host = m_server->url().host().toLatin1();
    request.port = quint16(m_server->url().port());
    return request;
}

QByteArray TestHawkAuth::sign(const Hawk::Request &request, qint64 tsOffset) const
{
    return Hawk::sign(m_id.toLatin1(), m_secret.toLatin1(), request, now() + tsOffset,
                      freshNonce());
}

Reply TestHawkAuth::send(const QByteArray &method, const QString &pathAndQuery,
                         const QByteArray &authorization, const QByteArray &contentType,
                         const QByteArray &body)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", authorization}};
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    return m_server->request(method, pathAndQuery, body, headers);
}

int TestHawkAuth::assetCount()
{
    const Reply reply = m_server->hawk(m_id, m_secret, "GET", u"/api/v2/assets"_s);
    return reply.status == 200 ? int(reply.json()[u"items"_s].toArray().size()) : -1;
}

void TestHawkAuth::signedRequestsAreAccepted()
{
    Reply reply = send("GET", u"/api/v2/whoami"_s, sign(signing("GET", "/api/v2/whoami")));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"auth"_s].toString(), u"hawk"_s);
    QCOMPARE(reply.json()[u"principal"_s][u"id"_s].toString(), m_id);
    QCOMPARE(reply.json()[u"principal"_s][u"name"_s].toString(), u"Hawk client"_s);

    reply = send("GET", u"/api/v2/assets?limit=5&q=a%20b"_s,
                 sign(signing("GET", "/api/v2/assets?limit=5&q=a%20b")));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);

    Hawk::Request withExt = signing("GET", "/api/v2/whoami");
    withExt.ext = "some-app data; v=1";
    reply = send("GET", u"/api/v2/whoami"_s, sign(withExt));
    QVERIFY2(reply.status == 200, reply.describe().constData());
}

void TestHawkAuth::schemeIsCaseInsensitive_data()
{
    QTest::addColumn<QByteArray>("scheme");
    QTest::newRow("hawk") << "hawk"_ba;
    QTest::newRow("HAWK") << "HAWK"_ba;
    QTest::newRow("hAwK") << "hAwK"_ba;
}

void TestHawkAuth::schemeIsCaseInsensitive()
{
    QFETCH(QByteArray, scheme);

    // RFC 9110 §11.1: the scheme is case-insensitive, and hawk's server takes any case.
    const QByteArray header = sign(signing("GET", "/api/v2/whoami"));
    QVERIFY(header.startsWith("Hawk "));
    const Reply reply = send("GET", u"/api/v2/whoami"_s, scheme + header.mid(4));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"auth"_s].toString(), u"hawk"_s);
}

void TestHawkAuth::malformedHeaderIsRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("message");

    QTest::newRow("no id") << R"(Hawk ts="1700000000", nonce="n0nce", mac="bWFj")"_ba
                           << u"Missing attributes"_s;
    QTest::newRow("no ts") << R"(Hawk id="lk_x", nonce="n0nce", mac="bWFj")"_ba
                           << u"Missing attributes"_s;
    QTest::newRow("no nonce") << R"(Hawk id="lk_x", ts="1700000000", mac="bWFj")"_ba
                              << u"Missing attributes"_s;
    QTest::newRow("no mac") << R"(Hawk id="lk_x", ts="1700000000", nonce="n0nce")"_ba
                            << u"Missing attributes"_s;
    QTest::newRow("duplicate id")
        << R"(Hawk id="lk_x", id="lk_x", ts="1700000000", nonce="n0nce", mac="bWFj")"_ba
        << u"Duplicate attribute: id"_s;
    QTest::newRow("unknown attribute")
        << R"(Hawk id="lk_x", ts="1700000000", nonce="n0nce", mac="bWFj", color="red")"_ba
        << u"Unknown attribute: color"_s;
    QTest::newRow("id outside the charset")
        << "Hawk id=\"lk_\xe9\", ts=\"1700000000\", nonce=\"n0nce\", mac=\"bWFj\""_ba
        << u"Bad attribute value: id"_s;
    QTest::newRow("empty nonce") << R"(Hawk id="lk_x", ts="1700000000", nonce="", mac="bWFj")"_ba
                                 << u"Bad attribute value: nonce"_s;
    QTest::newRow("ts not a number") << R"(Hawk id="lk_x", ts="soon", nonce="n0nce", mac="bWFj")"_ba
                                     << u"Bad attribute value: ts"_s;
    QTest::newRow("ts with a sign")
        << R"(Hawk id="lk_x", ts="+1700000000", nonce="n0nce", mac="bWFj")"_ba
        << u"Bad attribute value: ts"_s;
    QTest::newRow("missing comma")
        << R"(Hawk id="lk_x" ts="1700000000", nonce="n0nce", mac="bWFj")"_ba
        << u"Bad header format"_s;
}

void TestHawkAuth::malformedHeaderIsRefused()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, message);

    const Reply reply =
        send("POST", u"/api/v2/assets"_s, header, "application/json", R"({"name":"Pump"})"_ba);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QCOMPARE(reply.json()[u"status"_s].toInt(), 400);
    QCOMPARE(reply.json()[u"detail"_s].toString(), message);
    QVERIFY2(reply.header("WWW-Authenticate").isEmpty(),
             reply.header("WWW-Authenticate").constData());
    QCOMPARE(assetCount(), 0);
}

void TestHawkAuth::unknownIdIsRefused()
{
    const QByteArray header = Hawk::sign("lk_nobody", m_secret.toLatin1(),
                                         signing("GET", "/api/v2/whoami"), now(), freshNonce());
    const Reply reply = send("GET", u"/api/v2/whoami"_s, header);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Unknown credentials"_s);
    QCOMPARE(reply.header("WWW-Authenticate"), R"(Hawk error="Unknown credentials")");
}

void TestHawkAuth::badMacIsRefused()
{
    Hawk::Artifacts artifacts;
    artifacts.id = m_id.toLatin1();
    artifacts.ts = now();
    artifacts.nonce = freshNonce();
    artifacts.method = "GET";
    artifacts.resource = "/api/v2/whoami";
    artifacts.host = m_server->url().host().toLatin1();
    artifacts.port = quint16(m_server->url().port());
    artifacts.mac = Hawk::calculateMac(m_secret.toLatin1(), "header", artifacts);

    // The right MAC goes through once the wrong ones were refused, so they burnt no nonce.
    const QByteArray right = artifacts.mac;
    for (const QByteArray &mac :
         {Hawk::calculateMac("not the secret", "header", artifacts),
          Hawk::calculateMac(m_secret.toLatin1(), "response", artifacts), right.left(20)}) {
        artifacts.mac = mac;
        const Reply reply = send("GET", u"/api/v2/whoami"_s, Hawk::authorizationHeader(artifacts));
        QVERIFY2(reply.status == 401, reply.describe().constData());
        QCOMPARE(reply.json()[u"detail"_s].toString(), u"Bad mac"_s);
        QCOMPARE(reply.header("WWW-Authenticate"), R"(Hawk error="Bad mac")");
    }
    artifacts.mac = right;
    const Reply reply = send("GET", u"/api/v2/whoami"_s, Hawk::authorizationHeader(artifacts));
    QVERIFY2(reply.status == 200, reply.describe().constData());
}

void TestHawkAuth::macOverAnotherRequestIsRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("portDelta");

    QTest::newRow("other path") << "GET"_ba
                                << "/api/v2/assets"_ba << QByteArray() << 0;
    QTest::newRow("other query") << "GET"_ba
                                 << "/api/v2/whoami?all=1"_ba << QByteArray() << 0;
    QTest::newRow("other method") << "POST"_ba
                                  << "/api/v2/whoami"_ba << QByteArray() << 0;
    QTest::newRow("other host") << "GET"_ba
                                << "/api/v2/whoami"_ba
                                << "localhost"_ba << 0;
    QTest::newRow("other port") << "GET"_ba
                                << "/api/v2/whoami"_ba << QByteArray() << 1;
}

void TestHawkAuth::macOverAnotherRequestIsRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, resource);
    QFETCH(QByteArray, host);
    QFETCH(int, portDelta);

    Hawk::Request request = signing(method, resource);
    if (!host.isEmpty())
        request.host = host;
    request.port = quint16(request.port + portDelta);
    const Reply reply = send("GET", u"/api/v2/whoami"_s, sign(request));
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Bad mac"_s);
    QCOMPARE(reply.header("WWW-Authenticate"), R"(Hawk error="Bad mac")");
}

void TestHawkAuth::tamperedPayloadIsRefused_data()
{
    QTest::addColumn<QByteArray>("signedType");
    QTest::addColumn<QByteArray>("signedBody");
    QTest::addColumn<QByteArray>("sentType");
    QTest::addColumn<QByteArray>("sentBody");

    QTest::newRow("other body") << "application/json"_ba
                                << R"({"name":"Pump"})"_ba
                                << "application/json"_ba
                                << R"({"name":"Valve"})"_ba;
    QTest::newRow("body appended") << "application/json"_ba
                                   << R"({"name":"Pump"})"_ba
                                   << "application/json"_ba
                                   << R"({"name":"Pump"} )"_ba;
    QTest::newRow("other content type") << "application/json"_ba
                                        << R"({"name":"Pump"})"_ba
                                        << "text/plain"_ba
                                        << R"({"name":"Pump"})"_ba;
    QTest::newRow("hash of an empty body")
        << "application/json"_ba << QByteArray() << "application/json"_ba
        << R"({"name":"Pump"})"_ba;
}

void TestHawkAuth::tamperedPayloadIsRefused()
{
    QFETCH(QByteArray, signedType);
    QFETCH(QByteArray, signedBody);
    QFETCH(QByteArray, sentType);
    QFETCH(QByteArray, sentBody);

    Hawk::Request request = signing("POST", "/api/v2/assets");
    request.hasPayload = true;
    request.contentType = signedType;
    request.payload = signedBody;
    const QByteArray header = sign(request);
    QVERIFY(header.contains("hash=\""));

    const Reply reply = send("POST", u"/api/v2/assets"_s, header, sentType, sentBody);
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Bad payload hash"_s);
    QCOMPARE(reply.header("WWW-Authenticate"), R"(Hawk error="Bad payload hash")");
    QCOMPARE(assetCount(), 0);
}

void TestHawkAuth::payloadHashOverTheBodyIsAccepted()
{
    // The hash covers the media type without its parameters, as hawk's does.
    for (const QByteArray &contentType :
         {"application/json"_ba, "application/json; charset=utf-8"_ba}) {
        const QByteArray body = R"({"name":"Válvula 3"})"_ba;
        Hawk::Request request = signing("POST", "/api/v2/assets");
        request.hasPayload = true;
        request.contentType = contentType;
        request.payload = body;
        const Reply reply = send("POST", u"/api/v2/assets"_s, sign(request), contentType, body);
        QVERIFY2(reply.status == 201, reply.describe().constData());
        QCOMPARE(reply.json()[u"name"_s].toString(), u"Válvula 3"_s);
        QCOMPARE(reply.json()[u"created_by"_s].toString(), u"key:"_s + m_id);
    }
    QCOMPARE(assetCount(), 2);
}

void TestHawkAuth::replayedNonceIsRefused()
{
    const QByteArray header = sign(signing("GET", "/api/v2/whoami"));
    Reply reply = send("GET", u"/api/v2/whoami"_s, header);
    QVERIFY2(reply.status == 200, reply.describe().constData());

    reply = send("GET", u"/api/v2/whoami"_s, header);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Invalid nonce"_s);
    QCOMPARE(reply.header("WWW-Authenticate"), R"(Hawk error="Invalid nonce")");

    // A replayed POST creates nothing the second time.
    Hawk::Request post = signing("POST", "/api/v2/assets");
    post.hasPayload = true;
    post.contentType = "application/json";
    post.payload = R"({"name":"Once"})";
    const QByteArray postHeader = sign(post);
    reply = send("POST", u"/api/v2/assets"_s, postHeader, post.contentType, post.payload);
    QVERIFY2(reply.status == 201, reply.describe().constData());
    reply = send("POST", u"/api/v2/assets"_s, postHeader, post.contentType, post.payload);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Invalid nonce"_s);
    QCOMPARE(assetCount(), 1);
}

void TestHawkAuth::timestampWithinSkewIsAccepted_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("50 s behind") << -50;
    QTest::newRow("50 s ahead") << 50;
}

void TestHawkAuth::timestampWithinSkewIsAccepted()
{
    QFETCH(int, offset);
    const Reply reply =
        send("GET", u"/api/v2/whoami"_s, sign(signing("GET", "/api/v2/whoami"), offset));
    QVERIFY2(reply.status == 200, reply.describe().constData());
}

void TestHawkAuth::staleTimestampGetsAVerifiableChallenge_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("120 s behind") << -120;
    QTest::newRow("120 s ahead") << 120;
}

void TestHawkAuth::staleTimestampGetsAVerifiableChallenge()
{
    QFETCH(int, offset);

    // A client whose clock is `offset` seconds off.
    const qint64 clientNow = now() + offset;
    const Hawk::Request request = signing("GET", "/api/v2/whoami");
    Reply reply =
        send("GET", u"/api/v2/whoami"_s,
             Hawk::sign(m_id.toLatin1(), m_secret.toLatin1(), request, clientNow, freshNonce()));
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Stale timestamp"_s);
    const QByteArray challenge = reply.header("WWW-Authenticate");
    static const QRegularExpression shape(
        uR"(^Hawk ts="\d+", tsm="[A-Za-z0-9+/]+={0,2}", error="Stale timestamp"$)"_s);
    QVERIFY2(shape.match(QString::fromLatin1(challenge)).hasMatch(), challenge.constData());

    const auto serverTs = Hawk::verifiedServerTimestamp(challenge, m_secret.toLatin1());
    QVERIFY2(serverTs.has_value(), challenge.constData());
    QVERIFY2(qAbs(*serverTs - now()) <= 2,
             qPrintable(u"server ts %1, now %2"_s.arg(*serverTs).arg(now())));
    QVERIFY2(!Hawk::verifiedServerTimestamp(challenge, "not the secret").has_value(),
             "tsm is a MAC under the key's secret");

    // Clock-offset correction: the client shifts its clock by what the server said.
    const qint64 correction = *serverTs - clientNow;
    reply = send("GET", u"/api/v2/whoami"_s,
                 Hawk::sign(m_id.toLatin1(), m_secret.toLatin1(), request, clientNow + correction,
                            freshNonce()));
    QVERIFY2(reply.status == 200, reply.describe().constData());
}

void TestHawkAuth::unusableKeyIsRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");

    QTest::newRow("disabled") << u"disable"_s << u"This API key is disabled."_s;
    QTest::newRow("expired") << u"expire"_s << u"This API key expired."_s;
    QTest::newRow("deleted") << u"delete"_s << u"Unknown credentials"_s;
    QTest::newRow("rotated without grace") << u"rotate"_s << u"Bad mac"_s;
}

void TestHawkAuth::unusableKeyIsRefused()
{
    QFETCH(QString, change);
    QFETCH(QString, message);

    const Reply created = m_server->admin(
        "POST", u"/api/admin/v1/keys"_s,
        {{u"name"_s, u"Short-lived"_s},
         {u"permission_group_id"_s, u"Maintenance"_s},
         {u"expires_at"_s, Latchkey::toRfc3339(m_server->clock().now().addSecs(3600))}});
    QVERIFY2(created.status == 201, created.describe().constData());
    const QString id = created.json()[u"id"_s].toString();
    const QString secret = created.json()[u"secret"_s].toString();
    const QString path = u"/api/admin/v1/keys/"_s + id;
    QCOMPARE(m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s).status, 200);

    if (change == u"disable") {
        QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);
    } else if (change == u"expire") {
        m_server->clock().advance(3601);
    } else if (change == u"delete") {
        QCOMPARE(m_server->admin("DELETE", path).status, 204);
    } else {
        QCOMPARE(m_server->admin("POST", path + u"/rotate"_s).status, 200);
    }

    Reply reply = m_server->hawk(id, secret, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), message);
    QCOMPARE(reply.header("WWW-Authenticate"), "Hawk error=\"" + message.toUtf8() + '"');

    const QByteArray body = R"({"name":"Pump"})";
    reply = m_server->hawk(id, secret, "POST", u"/api/v2/assets"_s, "application/json", body);
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), message);
    QCOMPARE(assetCount(), 0);
}

void TestHawkAuth::readOnlyKeyCannotWrite()
{
    const QJsonObject key = m_server->createKey(u"Reader"_s, u"Read only"_s);
    const QString id = key[u"id"_s].toString();
    const QString secret = key[u"secret"_s].toString();
    QVERIFY(!id.isEmpty());

    Reply reply = m_server->hawk(id, secret, "POST", u"/api/v2/assets"_s, "application/json",
                                 R"({"name":"Pump"})");
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QVERIFY2(reply.json()[u"detail"_s].toString().contains(u"lacks the scope assets:write"_s),
             reply.describe().constData());

    reply = m_server->hawk(id, secret, "GET", u"/api/v2/assets"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 0);
    QCOMPARE(assetCount(), 0);
}

void TestHawkAuth::macUsesThePublicUrl_data()
{
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("https, default port")
        << u"https://keys.example.com"_s << "keys.example.com"_ba << 443;
    QTest::newRow("http, default port")
        << u"http://keys.example.com"_s << "keys.example.com"_ba << 80;
    QTest::newRow("explicit port")
        << u"https://Keys.Example.com:8443"_s << "keys.example.com"_ba << 8443;
}

void TestHawkAuth::macUsesThePublicUrl()
{
    QFETCH(QString, publicUrl);
    QFETCH(QByteArray, host);
    QFETCH(int, port);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Latchkey::Server::ServerOptions options;
    options.dataDir = dir.path();
    options.publicUrl = QUrl(publicUrl);
    QString error;
    const auto server = Latchkey::Server::AccountServer::open(options, &error);
    QVERIFY2(server, qPrintable(error));
    QVERIFY2(server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    const QJsonObject bootstrap = Latchkey::Server::AccountSetup::bootstrap(server->context(), {});
    const QUrl base = server->url();
    QNetworkAccessManager network;

    const QByteArray basic = (bootstrap[u"automation"_s][u"client_id"_s].toString() + u':' +
                              bootstrap[u"automation"_s][u"client_secret"_s].toString())
                                 .toLatin1()
                                 .toBase64();
    const Reply token =
        sendTo(network, base, "POST", u"/oauth/token"_s, "grant_type=client_credentials",
               {{"Authorization", "Basic " + basic},
                {"Content-Type", "application/x-www-form-urlencoded"}});
    QVERIFY2(token.status == 200, token.describe().constData());
    const Reply created = sendTo(
        network, base, "POST", u"/api/admin/v1/keys"_s,
        R"({"name":"Behind a proxy","permission_group_id":"Read only"})",
        {{"Authorization", "Bearer " + token.json()[u"access_token"_s].toString().toLatin1()},
         {"Content-Type", "application/json"}});
    QVERIFY2(created.status == 201, created.describe().constData());
    const QByteArray id = created.json()[u"id"_s].toString().toLatin1();
    const QByteArray secret = created.json()[u"secret"_s].toString().toLatin1();
    const qint64 ts = QDateTime::currentSecsSinceEpoch();

    Hawk::Request request;
    request.method = "GET";
    request.resource = "/api/v2/whoami";
    request.host = base.host().toLatin1();
    request.port = quint16(base.port());
    Reply reply = sendTo(network, base, "GET", u"/api/v2/whoami"_s, {},
                         {{"Authorization", Hawk::sign(id, secret, request, ts, freshNonce())}});
    QVERIFY2(reply.status == 401, reply.describe().constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Bad mac"_s);

    request.host = host;
    request.port = quint16(port);
    reply = sendTo(network, base, "GET", u"/api/v2/whoami"_s, {},
                   {{"Authorization", Hawk::sign(id, secret, request, ts, freshNonce())}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"principal"_s][u"id"_s].toString(), QString::fromLatin1(id));
}

QTEST_GUILESS_MAIN(TestHawkAuth)
#include "tst_hawkauth.moc"
