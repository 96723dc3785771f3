// Latchkey::Hawk::sign judged by hawk, the reference implementation: every header we sign must
// pass hawk's server.authenticate (through tests/peers/hawk-authenticate.mjs), and tampering must
// be refused with hawk's own error message.

#include "protocol/hawk.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray hawkId = "dh37fgj492je"_ba;
const QByteArray hawkKey = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"_ba;

QString peersDir()
{
    return QString::fromUtf8(LATCHKEY_PEERS_DIR);
}

QByteArray freshNonce()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

Latchkey::Hawk::Request request(QByteArray method, QByteArray resource, QByteArray host,
                                quint16 port)
{
    Latchkey::Hawk::Request r;
    r.method = std::move(method);
    r.resource = std::move(resource);
    r.host = std::move(host);
    r.port = port;
    return r;
}

Latchkey::Hawk::Request withPayload(Latchkey::Hawk::Request r, QByteArray contentType,
                                    QByteArray payload)
{
    r.hasPayload = true;
    r.contentType = std::move(contentType);
    r.payload = std::move(payload);
    return r;
}

// What hawk-authenticate.mjs reads: the request as the server sees it, plus the credentials.
// `payload` is what the server received (absent when the request carries no payload hash check).
QJsonObject verifierInput(const Latchkey::Hawk::Request &r, const QByteArray &authorization,
                          const std::optional<QByteArray> &payload)
{
    QJsonObject input{
        {u"method"_s, QString::fromLatin1(r.method)},
        {u"resource"_s, QString::fromUtf8(r.resource)},
        {u"host"_s, QString::fromUtf8(r.host)},
        {u"port"_s, r.port},
        {u"authorization"_s, QString::fromLatin1(authorization)},
        {u"id"_s, QString::fromLatin1(hawkId)},
        {u"key"_s, QString::fromLatin1(hawkKey)},
    };
    if (payload) {
        input.insert(u"content_type"_s, QString::fromUtf8(r.contentType));
        input.insert(u"payload"_s, QString::fromUtf8(*payload));
    }
    return input;
}

} // namespace

Q_DECLARE_METATYPE(Latchkey::Hawk::Request)

class TestHawkPeerProtocol final : public QObject
{
    Q_OBJECT

private:
    // Runs hawk's server.authenticate on `input`; fails the test if the script itself fails.
    QJsonObject authenticate(const QJsonObject &input)
    {
        QProcess node;
        node.setProcessChannelMode(QProcess::SeparateChannels);
        node.start(QString::fromUtf8(LATCHKEY_NODE_EXECUTABLE),
                   {peersDir() + u"/hawk-authenticate.mjs"_s});
        if (!node.waitForStarted(10000)) {
            qWarning("cannot start node: %s", qPrintable(node.errorString()));
            return {};
        }
        node.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
        node.closeWriteChannel();
        if (!node.waitForFinished(30000)) {
            node.kill();
            node.waitForFinished();
            qWarning("hawk-authenticate.mjs timed out");
            return {};
        }
        const QByteArray out = node.readAllStandardOutput();
        if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
            qWarning("hawk-authenticate.mjs exited with %d: %s%s", node.exitCode(), out.constData(),
                     node.readAllStandardError().constData());
            return {};
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        if (!doc.isObject()) {
            qWarning("hawk-authenticate.mjs printed no JSON object (%s): %s",
                     qPrintable(error.errorString()), out.constData());
            return {};
        }
        return doc.object();
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(peersDir() + u"/node_modules/hawk/package.json"_s))
            QSKIP("tests/peers/node_modules is missing: run tools/install-deps (npm ci)");
    }

    void acceptedByHawk_data()
    {
        QTest::addColumn<Latchkey::Hawk::Request>("request");

        const auto get = [](QByteArray resource) {
            return request("GET"_ba, std::move(resource), "example.com"_ba, 8080);
        };
        QTest::newRow("GET with query") << get("/api/v2/whoami?limit=10&q=a%20b"_ba);
        QTest::newRow("GET root on port 80") << request("GET"_ba, "/"_ba, "example.com"_ba, 80);
        QTest::newRow("host in upper case")
            << request("GET"_ba, "/api/v2/whoami"_ba, "API.Example.COM"_ba, 443);
        QTest::newRow("POST with payload hash")
            << withPayload(request("POST"_ba, "/api/v2/assets"_ba, "127.0.0.1"_ba, 8765),
                           "application/json"_ba, R"({"name":"Pump 7","tag":"A-1"})"_ba);
        QTest::newRow("POST with charset and UTF-8 payload")
            << withPayload(request("POST"_ba, "/api/v2/assets?x=1"_ba, "127.0.0.1"_ba, 8765),
                           "Application/JSON; charset=utf-8"_ba,
                           u"{\"name\":\"Bomba de \u00e1gua \u2713\"}"_s.toUtf8());
        QTest::newRow("PUT with empty payload")
            << withPayload(request("PUT"_ba, "/api/v2/assets/1"_ba, "example.com"_ba, 8080),
                           "text/plain"_ba, QByteArray());
        {
            Latchkey::Hawk::Request r = get("/api/v2/whoami"_ba);
            r.ext = "some-app-data; v=1 (test) & more"_ba;
            QTest::newRow("ext") << r;
        }
        {
            Latchkey::Hawk::Request r = get("/api/v2/whoami"_ba);
            r.app = "app-24s23423f34dx"_ba;
            r.dlg = "dlg-234sz34tww3sd"_ba;
            QTest::newRow("app and dlg") << r;
        }
        {
            Latchkey::Hawk::Request r =
                withPayload(request("POST"_ba, "/api/v2/assets"_ba, "example.com"_ba, 8080),
                            "application/json"_ba, R"({"a":1})"_ba);
            r.ext = "ext with spaces"_ba;
            r.app = "app-only"_ba;
            QTest::newRow("payload, ext and app without dlg") << r;
        }
    }

    void acceptedByHawk()
    {
        QFETCH(Latchkey::Hawk::Request, request);

        const QByteArray header =
            Latchkey::Hawk::sign(hawkId, hawkKey, request, now(), freshNonce());
        const std::optional<QByteArray> payload =
            request.hasPayload ? std::optional<QByteArray>(request.payload) : std::nullopt;
        const QJsonObject result = authenticate(verifierInput(request, header, payload));

        QVERIFY2(result.value(u"ok"_s).toBool(),
                 qPrintable(u"hawk refused %1: %2"_s.arg(QString::fromLatin1(header),
                                                         result.value(u"error"_s).toString())));
        QCOMPARE(result.value(u"id"_s).toString(), QString::fromLatin1(hawkId));
        const QJsonObject artifacts = result.value(u"artifacts"_s).toObject();
        if (!request.ext.isEmpty())
            QCOMPARE(artifacts.value(u"ext"_s).toString(), QString::fromUtf8(request.ext));
        if (!request.app.isEmpty())
            QCOMPARE(artifacts.value(u"app"_s).toString(), QString::fromUtf8(request.app));
    }

    void refusedByHawk_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("status");

        QTest::newRow("tampered MAC") << u"mac"_s << u"Bad mac"_s << 401;
        QTest::newRow("tampered payload") << u"payload"_s << u"Bad payload hash"_s << 401;
        QTest::newRow("other resource") << u"resource"_s << u"Bad mac"_s << 401;
        QTest::newRow("other port") << u"port"_s << u"Bad mac"_s << 401;
        QTest::newRow("wrong key") << u"key"_s << u"Bad mac"_s << 401;
        QTest::newRow("stale timestamp") << u"stale"_s << u"Stale timestamp"_s << 401;
    }

    void refusedByHawk()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, error);
        QFETCH(int, status);

        Latchkey::Hawk::Request signedRequest =
            withPayload(request("POST"_ba, "/api/v2/assets"_ba, "127.0.0.1"_ba, 8765),
                        "application/json"_ba, R"({"name":"Pump 7"})"_ba);
        const qint64 ts = tamper == u"stale"_s ? now() - 3600 : now();
        const QByteArray key = tamper == u"key"_s ? "not-the-key"_ba : hawkKey;
        QByteArray header = Latchkey::Hawk::sign(hawkId, key, signedRequest, ts, freshNonce());

        Latchkey::Hawk::Request received = signedRequest;
        QByteArray payload = signedRequest.payload;
        if (tamper == u"mac"_s) {
            // Flip one character of the MAC (base64, so stay within its alphabet).
            const qsizetype at = header.indexOf("mac=\"") + 5;
            QVERIFY(at > 4);
            header[at] = header.at(at) == 'A' ? 'B' : 'A';
        } else if (tamper == u"payload"_s) {
            payload = R"({"name":"Pump 8"})"_ba;
        } else if (tamper == u"resource"_s) {
            received.resource = "/api/v2/assets?admin=1"_ba;
        } else if (tamper == u"port"_s) {
            received.port = 8766;
        }

        const QJsonObject result = authenticate(verifierInput(received, header, payload));

        QVERIFY2(!result.isEmpty(), "hawk-authenticate.mjs gave no answer");
        QCOMPARE(result.value(u"ok"_s).toBool(true), false);
        QCOMPARE(result.value(u"error"_s).toString(), error);
        QCOMPARE(result.value(u"status"_s).toInt(), status);
        if (tamper == u"stale"_s) {
            // hawk's challenge carries its time and a MAC of it, for clients to correct their
            // clock.
            const QByteArray challenge = result.value(u"www_authenticate"_s).toString().toLatin1();
            QVERIFY2(challenge.contains("tsm=\""), challenge.constData());
            const std::optional<qint64> serverTs =
                Latchkey::Hawk::verifiedServerTimestamp(challenge, hawkKey);
            QVERIFY2(serverTs.has_value(), challenge.constData());
            QVERIFY(qAbs(*serverTs - now()) <= 5);
        }
    }
};

QTEST_GUILESS_MAIN(TestHawkPeerProtocol)
#include "tst_hawk_peer_protocol.moc"
