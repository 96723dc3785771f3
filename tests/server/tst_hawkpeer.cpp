#include <testserver.h>

#include <protocol/hawk.h>

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::TestServer;

namespace {

QString peersDir()
{
    return QString::fromUtf8(LATCHKEY_PEERS_DIR);
}

// What tests/peers/hawk-request.mjs printed, and how it ended.
struct PeerResult
{
    int exitCode = -1;
    QJsonObject output;
    QByteArray err;

    int status() const { return output[u"status"_s].toInt(); }
    QJsonObject body() const
    {
        return QJsonDocument::fromJson(output[u"body"_s].toString().toUtf8()).object();
    }
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + ": " +
               QJsonDocument(output).toJson(QJsonDocument::Compact) + ' ' + err;
    }
};

} // namespace

// hawk, the reference implementation, signs requests with its own client; our server must take
// them as hawk's own server would.
class TestHawkPeer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup() { m_server.reset(); }

    void referenceClientIsAccepted_data();
    void referenceClientIsAccepted();
    void wrongKeyIsRefused();
    void staleTimestampChallengeVerifies();

private:
    // Runs the peer while this thread's event loop keeps serving the in-process server.
    PeerResult hawkRequest(const QString &pathAndQuery, const QStringList &arguments,
                           const QString &secret = {});

    QString m_node;
    std::unique_ptr<TestServer> m_server;
    QString m_id;
    QString m_secret;
};

void TestHawkPeer::initTestCase()
{
    if (!QFileInfo::exists(peersDir() + u"/node_modules/hawk/package.json"_s))
        QSKIP(qPrintable(u"The npm peer hawk is not installed in %1/node_modules; run "
                         "tools/install-deps (npm ci in tests/peers)."_s.arg(peersDir())));
    m_node = QStandardPaths::findExecutable(u"node"_s);
    if (m_node.isEmpty())
        m_node = QStandardPaths::findExecutable(u"nodejs"_s);
    QVERIFY2(!m_node.isEmpty(), "node is not on PATH, but tests/peers/node_modules is installed");
}

void TestHawkPeer::init()
{
    m_server = std::make_unique<TestServer>();
    const QJsonObject key = m_server->createKey(u"Reference client"_s);
    m_id = key[u"id"_s].toString();
    m_secret = key[u"secret"_s].toString();
    QVERIFY(!m_id.isEmpty());
}

PeerResult TestHawkPeer::hawkRequest(const QString &pathAndQuery, const QStringList &arguments,
                                     const QString &secret)
{
    QProcess process;
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    process.start(m_node, QStringList{peersDir() + u"/hawk-request.mjs"_s,
                                      u"--url="_s + m_server->url().toString() + pathAndQuery,
                                      u"--id="_s + m_id,
                                      u"--key="_s + (secret.isEmpty() ? m_secret : secret)} +
                              arguments);
    loop.exec();
    PeerResult result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out; ";
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    result.err += process.readAllStandardError() + process.errorString().toUtf8();
    return result;
}

void TestHawkPeer::referenceClientIsAccepted_data()
{
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");

    // Values go as --option=VALUE: a secret or payload may start with '-'.
    QTest::newRow("GET whoami") << u"/api/v2/whoami"_s << QStringList() << 200;
    QTest::newRow("GET with a query")
        << u"/api/v2/assets?limit=5&q=a%20b"_s << QStringList() << 200;
    QTest::newRow("query with reserved characters")
        << u"/api/v2/assets?q=a%2Fb%3Fc%26d%3De&x=%25"_s << QStringList() << 200;
    QTest::newRow("query with quotes and brackets")
        << u"/api/v2/assets?a[]=1&q=%27x%27"_s << QStringList() << 200;
    QTest::newRow("query with UTF-8") << u"/api/v2/assets?q=v%C3%A1lvula"_s << QStringList() << 200;
    QTest::newRow("query with lower-case hex")
        << u"/api/v2/assets?q=v%c3%a1lvula"_s << QStringList() << 200;
    QTest::newRow("query with an encoded unreserved character")
        << u"/api/v2/assets?q=%7Euser"_s << QStringList() << 200;
    QTest::newRow("path with an encoded unreserved character")
        << u"/api/v2/%77hoami"_s << QStringList() << 200;
    QTest::newRow("ext") << u"/api/v2/whoami"_s << QStringList{u"--ext=some-app data; v=1"_s}
                         << 200;
    QTest::newRow("app and dlg") << u"/api/v2/whoami"_s
                                 << QStringList{u"--app=app-1"_s, u"--dlg=dlg-2"_s} << 200;
    QTest::newRow("POST an asset")
        << u"/api/v2/assets"_s
        << QStringList{u"--method=POST"_s, u"--content-type=application/json"_s,
                       u"--payload="_s + uR"({"name":"x"})"_s}
        << 201;
    QTest::newRow("POST with a charset")
        << u"/api/v2/assets"_s
        << QStringList{u"--method=POST"_s, u"--content-type=application/json; charset=utf-8"_s,
                       u"--payload="_s + uR"({"name":"Válvula 3"})"_s}
        << 201;
    QTest::newRow("POST with ext")
        << u"/api/v2/assets"_s
        << QStringList{u"--method=POST"_s, u"--content-type=application/json"_s,
                       u"--payload="_s + uR"({"name":"y"})"_s, u"--ext=batch=7"_s}
        << 201;
}

void TestHawkPeer::referenceClientIsAccepted()
{
    QFETCH(QString, pathAndQuery);
    QFETCH(QStringList, arguments);
    QFETCH(int, status);

    const PeerResult result = hawkRequest(pathAndQuery, arguments);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    // The MAC is checked over the resource as sent: lower-case hex and encoded unreserved
    // characters (which QUrl used to normalize) verify too.
    QVERIFY2(result.status() == status, result.describe().constData());
    if (status == 201) {
        const QString payload = arguments.filter(u"--payload="_s).first().mid(10);
        const QString name =
            QJsonDocument::fromJson(payload.toUtf8()).object()[u"name"_s].toString();
        QVERIFY(!name.isEmpty());
        QCOMPARE(result.body()[u"name"_s].toString(), name);
        QCOMPARE(result.body()[u"created_by"_s].toString(), u"key:"_s + m_id);
        const Latchkey::Test::Reply listed =
            m_server->hawk(m_id, m_secret, "GET", u"/api/v2/assets"_s);
        QCOMPARE(listed.json()[u"items"_s].toArray().size(), 1);
        QCOMPARE(listed.json()[u"items"_s][0][u"name"_s].toString(), name);
    } else if (pathAndQuery.contains(u"hoami"_s)) {
        QCOMPARE(result.body()[u"principal"_s][u"id"_s].toString(), m_id);
        QCOMPARE(result.body()[u"auth"_s].toString(), u"hawk"_s);
    } else {
        QVERIFY2(result.body()[u"items"_s].isArray(), result.describe().constData());
    }
}

void TestHawkPeer::wrongKeyIsRefused()
{
    const PeerResult result = hawkRequest(u"/api/v2/whoami"_s, {}, m_secret + u"x"_s);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.status() == 401, result.describe().constData());
    QCOMPARE(result.output[u"www_authenticate"_s].toString(), uR"(Hawk error="Bad mac")"_s);
    QCOMPARE(result.body()[u"detail"_s].toString(), u"Bad mac"_s);
}

void TestHawkPeer::staleTimestampChallengeVerifies()
{
    const PeerResult result = hawkRequest(u"/api/v2/whoami"_s, {u"--ts-offset=-300"_s});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.status() == 401, result.describe().constData());
    QCOMPARE(result.body()[u"detail"_s].toString(), u"Stale timestamp"_s);
    const QString challenge = result.output[u"www_authenticate"_s].toString();
    static const QRegularExpression shape(
        uR"(^Hawk ts="\d+", tsm="[A-Za-z0-9+/]+={0,2}", error="Stale timestamp"$)"_s);
    QVERIFY2(shape.match(challenge).hasMatch(), qPrintable(challenge));
    const auto serverTs =
        Latchkey::Hawk::verifiedServerTimestamp(challenge.toLatin1(), m_secret.toLatin1());
    QVERIFY2(serverTs.has_value(), qPrintable(challenge));
    QVERIFY(qAbs(*serverTs - m_server->clock().now().toSecsSinceEpoch()) <= 2);
}

QTEST_GUILESS_MAIN(TestHawkPeer)
#include "tst_hawkpeer.moc"
