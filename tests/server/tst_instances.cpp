#include <browser.h>
#include <testserver.h>

#include <protocol/base64url.h>
#include <protocol/hawk.h>
#include <protocol/pkce.h>
#include <protocol/random.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <functional>

#include <vector>

using namespace Qt::StringLiterals;
using Latchkey::Test::Browser;
using Latchkey::Test::FormFields;
using Latchkey::Test::Headers;
using Latchkey::Test::Page;
using Latchkey::Test::Reply;
using Latchkey::Test::TestDatabase;

namespace {

const QString redirect = u"http://127.0.0.1:9/callback"_s;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// nginx from Debian, run as an unprivileged user (when the tests run as root) with its own
// prefix, configuration and loopback port, in the foreground.
class Nginx final
{
public:
    ~Nginx() { stop(); }

    // Runs docs/nginx/latchkey.conf with only the upstream ports, the listen line and the TLS
    // lines changed. Empty error when it serves.
    QString start(quint16 port, const QList<quint16> &upstreams)
    {
        QString binary = QStandardPaths::findExecutable(u"nginx"_s);
        if (binary.isEmpty())
            binary = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s});
        if (binary.isEmpty())
            return u"nginx is not installed: run tools/install-deps"_s;
        QFile sample(qEnvironmentVariable("LATCHKEY_SOURCE_DIR") + u"/docs/nginx/latchkey.conf"_s);
        if (!sample.open(QIODevice::ReadOnly))
            return u"cannot read the sample: "_s + sample.errorString();
        QString site = QString::fromUtf8(sample.readAll());
        QStringList lines = site.split(u'\n');
        int upstream = 0;
        for (QString &line : lines) {
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(u"server 127.0.0.1:"_s) && upstream < upstreams.size())
                line.replace(QRegularExpression(u"127\\.0\\.0\\.1:\\d+"_s),
                             u"127.0.0.1:%1"_s.arg(upstreams.at(upstream++)));
            else if (trimmed.startsWith(u"listen "_s))
                line = u"    listen 127.0.0.1:%1;"_s.arg(port);
            else if (trimmed.startsWith(u"ssl_"_s))
                line.clear();
        }
        if (upstream != upstreams.size())
            return u"the sample does not list %1 upstream servers"_s.arg(upstreams.size());
        site = lines.join(u'\n');

        const QString prefix = m_dir.path();
        const QString config =
            u"worker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log warn;\n"
            "events { worker_connections 256; }\n"
            "http {\n"
            "    client_body_temp_path %1/body;\n    proxy_temp_path %1/proxy;\n"
            "    fastcgi_temp_path %1/fastcgi;\n    uwsgi_temp_path %1/uwsgi;\n"
            "    scgi_temp_path %1/scgi;\n"
            // Where each request went, so the test can tell that both instances served.
            "    log_format upstreams '$request_method $uri $status $upstream_addr';\n"
            "    access_log %1/access.log upstreams;\n"
            "%2\n}\n"_s.arg(prefix, site);
        QFile file(prefix + u"/nginx.conf"_s);
        if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
            return u"cannot write nginx.conf"_s;
        file.close();

        QStringList command{
            binary,  u"-p"_s,     prefix,  u"-c"_s,         prefix + u"/nginx.conf"_s,
            u"-e"_s, u"stderr"_s, u"-g"_s, u"daemon off;"_s};
        if (::geteuid() == 0) {
            // PostgreSQL's system user (tools/install-deps installs it): nginx itself never
            // runs as root here.
            const QString user = u"postgres"_s;
            QProcess chown;
            chown.start(u"chown"_s, {u"-R"_s, user + u':', prefix});
            chown.waitForFinished();
            QFile::setPermissions(prefix, QFile::permissions(prefix) | QFileDevice::ExeOther);
            command = QStringList{u"--reuid="_s + user, u"--regid="_s + user, u"--init-groups"_s,
                                  u"--"_s} +
                      command;
            command.prepend(u"setpriv"_s);
        }
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(command.takeFirst(), command);
        if (!m_process.waitForStarted())
            return u"nginx did not start: "_s + m_process.errorString();
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200))
                return {};
            if (m_process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(50);
        }
        return u"nginx did not listen: "_s + QString::fromUtf8(m_process.readAll());
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished();
    }

    // The upstream of each request nginx logged so far ("127.0.0.1:PORT"), one per request.
    QStringList upstreamsLogged(const QString &uri) const
    {
        QFile log(m_dir.path() + u"/access.log"_s);
        if (!log.open(QIODevice::ReadOnly))
            return {};
        QStringList upstreams;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            if (fields.size() >= 4 && fields.at(1) == uri.toUtf8())
                upstreams.append(QString::fromLatin1(fields.at(3)));
        }
        return upstreams;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

} // namespace

// Several latchkey-server processes on one database, as ops run them behind a proxy: whatever
// one instance issued, remembered or revoked holds on every other one at once. Runs on SQLite
// (processes sharing one file) and on PostgreSQL (tst_instances-postgres).
class TestInstances final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tokenIssuedByOneInstanceWorksOnTheOther();
    void revokedTokenFailsOnEveryInstanceAtOnce();
    void disabledConsumerAndKeyFailOnEveryInstanceAtOnce();
    void hawkNonceReplayedToTheOtherInstanceIsRefused();
    void failedAuthenticationsAreCountedAcrossInstances();
    void clientsBehindTheProxyAreCountedApart();
    void signInSessionAndCodeWorkAcrossInstances();
    void mixedTrafficOnBothInstancesLosesNothing();
    void nginxBalancesTheInstances();
    void nginxSkipsAnInstanceThatIsDown();

private:
    QProcessEnvironment environment() const;
    QStringList databaseArguments(const QString &dataDir) const;
    QString startInstance(int index);
    Reply send(int instance, const QByteArray &method, const QString &path,
               const QByteArray &body = {}, const Headers &headers = {});
    Reply sendTo(const QUrl &base, const QByteArray &method, const QString &path,
                 const QByteArray &body = {}, const Headers &headers = {});
    Reply tokenRequest(int instance, const QString &clientId, const QString &secret,
                       const QByteArray &form = "grant_type=client_credentials");
    // The bootstrap automation consumer's client-credentials request to `base`.
    Reply automationTokenRequest(const QUrl &base);
    QString token(int instance, const QString &clientId, const QString &secret);
    Reply admin(int instance, const QByteArray &method, const QString &path,
                const QJsonObject &body = {});
    QByteArray hawkHeader(const QString &id, const QString &key, const QByteArray &method,
                          const QByteArray &resource, const QByteArray &nonce);
    QJsonObject createConsumer(const QString &name, const QString &grant);

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_database;
    QByteArray m_masterKey;
    quint16 m_publicPort = 0;
    QUrl m_publicUrl;
    std::vector<std::unique_ptr<Latchkey::Test::ServerProcess>> m_instances;
    Nginx m_nginx;
    QNetworkAccessManager m_network;
    QJsonObject m_bootstrap;
    QString m_adminToken;
    QString m_groupId;
};

QProcessEnvironment TestInstances::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // One master key for every instance: each must open the secrets another one sealed.
    env.insert(u"LATCHKEY_MASTER_KEY"_s, QString::fromLatin1(m_masterKey));
    return env;
}

QStringList TestInstances::databaseArguments(const QString &dataDir) const
{
    // On SQLite every instance opens the first one's file.
    return {u"--data-dir"_s, dataDir, u"--database"_s,
            m_database->locationFor(m_dir.filePath(u"instance0"_s))};
}

QString TestInstances::startInstance(int index)
{
    return m_instances.at(size_t(index))
        ->start(databaseArguments(m_dir.filePath(u"instance%1"_s.arg(index))) +
                    QStringList{u"--public-url"_s, m_publicUrl.toString(), u"--trusted-proxy"_s,
                                u"127.0.0.1"_s},
                environment());
}

void TestInstances::initTestCase()
{
    m_database = std::make_unique<TestDatabase>();
    m_masterKey = Latchkey::Base64Url::encode(Latchkey::Random::bytes(32));
    m_publicPort = freePort();
    m_publicUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_publicPort));

    QString error;
    m_bootstrap = Latchkey::Test::bootstrapProcess(
        databaseArguments(m_dir.filePath(u"instance0"_s)), environment(), &error);
    QVERIFY2(!m_bootstrap.isEmpty(), qPrintable(error));

    for (int i = 0; i < 2; ++i) {
        m_instances.push_back(std::make_unique<Latchkey::Test::ServerProcess>());
        const QString error = startInstance(i);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QJsonObject automation = m_bootstrap[u"automation"_s].toObject();
    m_adminToken =
        token(0, automation[u"client_id"_s].toString(), automation[u"client_secret"_s].toString());
    QVERIFY(!m_adminToken.isEmpty());
    const Reply groups = admin(1, "GET", u"/api/admin/v1/permission-groups"_s);
    for (const QJsonValue &group : groups.json()[u"items"_s].toArray()) {
        if (group[u"name"_s].toString() == u"Maintenance"_s)
            m_groupId = group[u"id"_s].toString();
    }
    QVERIFY2(!m_groupId.isEmpty(), groups.describe().constData());
}

void TestInstances::cleanupTestCase()
{
    m_nginx.stop();
    m_instances.clear();
    m_database.reset();
}

Reply TestInstances::sendTo(const QUrl &base, const QByteArray &method, const QString &path,
                            const QByteArray &body, const Headers &headers)
{
    return Latchkey::Test::sendRequest(
        m_network, method, QUrl(base.toString() + path, QUrl::StrictMode), body, headers);
}

Reply TestInstances::send(int instance, const QByteArray &method, const QString &path,
                          const QByteArray &body, const Headers &headers)
{
    return sendTo(m_instances.at(size_t(instance))->url(), method, path, body, headers);
}

Reply TestInstances::tokenRequest(int instance, const QString &clientId, const QString &secret,
                                  const QByteArray &form)
{
    return send(instance, "POST", u"/oauth/token"_s, form,
                {{"Content-Type", "application/x-www-form-urlencoded"},
                 {"Authorization", Latchkey::Test::basicAuthorization(clientId, secret)}});
}

Reply TestInstances::automationTokenRequest(const QUrl &base)
{
    const QJsonObject automation = m_bootstrap[u"automation"_s].toObject();
    return sendTo(base, "POST", u"/oauth/token"_s, "grant_type=client_credentials",
                  {{"Content-Type", "application/x-www-form-urlencoded"},
                   {"Authorization", Latchkey::Test::basicAuthorization(
                                         automation[u"client_id"_s].toString(),
                                         automation[u"client_secret"_s].toString())}});
}

QString TestInstances::token(int instance, const QString &clientId, const QString &secret)
{
    return tokenRequest(instance, clientId, secret).json()[u"access_token"_s].toString();
}

Reply TestInstances::admin(int instance, const QByteArray &method, const QString &path,
                           const QJsonObject &body)
{
    Headers headers{{"Authorization", "Bearer " + m_adminToken.toLatin1()}};
    QByteArray payload;
    if (!body.isEmpty()) {
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        headers.append({"Content-Type"_ba, "application/json"_ba});
    }
    return send(instance, method, path, payload, headers);
}

QByteArray TestInstances::hawkHeader(const QString &id, const QString &key,
                                     const QByteArray &method, const QByteArray &resource,
                                     const QByteArray &nonce)
{
    // Signed for the public URL, as a client behind the proxy signs: every instance checks the
    // MAC against the same host and port.
    Latchkey::Hawk::Request signing;
    signing.method = method;
    signing.resource = resource;
    signing.host = m_publicUrl.host().toLatin1();
    signing.port = quint16(m_publicUrl.port());
    return Latchkey::Hawk::sign(id.toUtf8(), key.toUtf8(), signing,
                                QDateTime::currentSecsSinceEpoch(), nonce);
}

QJsonObject TestInstances::createConsumer(const QString &name, const QString &grant)
{
    QJsonObject body{
        {u"name"_s, name}, {u"grant_type"_s, grant}, {u"permission_group_id"_s, m_groupId}};
    if (grant == u"authorization_code"_s)
        body.insert(u"redirect_uris"_s, QJsonArray{redirect});
    const Reply reply = admin(0, "POST", u"/api/admin/v1/consumers"_s, body);
    if (reply.status != 201)
        qWarning("cannot create a consumer: %s", reply.describe().constData());
    return reply.json();
}

void TestInstances::tokenIssuedByOneInstanceWorksOnTheOther()
{
    // The admin token came from instance 0; instance 1 takes it.
    Reply reply = admin(1, "GET", u"/api/admin/v1/keys"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());

    const QJsonObject consumer = createConsumer(u"ERP Sync"_s, u"client_credentials"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    const QString fromSecond = token(1, clientId, secret);
    QVERIFY(!fromSecond.isEmpty());
    reply = send(0, "GET", u"/api/v2/whoami"_s, {},
                 {{"Authorization", "Bearer " + fromSecond.toLatin1()}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"principal"_s][u"consumer_id"_s].toString(),
             consumer[u"id"_s].toString());

    // A key created on one instance signs requests the other accepts: both open its secret
    // with the shared master key.
    const Reply key = admin(1, "POST", u"/api/admin/v1/keys"_s,
                            {{u"name"_s, u"Shared key"_s}, {u"permission_group_id"_s, m_groupId}});
    QVERIFY2(key.status == 201, key.describe().constData());
    const QString id = key.json()[u"id"_s].toString();
    const QString keySecret = key.json()[u"secret"_s].toString();
    reply = send(0, "GET", u"/api/v2/whoami"_s, {},
                 {{"Authorization", hawkHeader(id, keySecret, "GET", "/api/v2/whoami",
                                               Latchkey::Random::secret(64).toLatin1())}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"auth"_s].toString(), u"hawk"_s);
}

void TestInstances::revokedTokenFailsOnEveryInstanceAtOnce()
{
    const QJsonObject consumer = createConsumer(u"Revoked"_s, u"client_credentials"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    const QString accessToken = token(0, clientId, secret);
    const Headers bearer{{"Authorization", "Bearer " + accessToken.toLatin1()}};
    // Both instances have used it (and may have kept whatever they keep about it).
    for (int i : {0, 1}) {
        const Reply reply = send(i, "GET", u"/api/v2/whoami"_s, {}, bearer);
        QVERIFY2(reply.status == 200, reply.describe().constData());
    }

    const Reply revoke =
        send(1, "POST", u"/oauth/revoke"_s, "token=" + accessToken.toLatin1(),
             {{"Content-Type", "application/x-www-form-urlencoded"},
              {"Authorization", Latchkey::Test::basicAuthorization(clientId, secret)}});
    QVERIFY2(revoke.status == 200, revoke.describe().constData());
    for (int i : {0, 1}) {
        const Reply reply = send(i, "GET", u"/api/v2/whoami"_s, {}, bearer);
        QVERIFY2(reply.status == 401, reply.describe().constData());
    }
}

void TestInstances::disabledConsumerAndKeyFailOnEveryInstanceAtOnce()
{
    const QJsonObject consumer = createConsumer(u"Disabled later"_s, u"client_credentials"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    const QString accessToken = token(1, clientId, secret);
    QVERIFY(!token(0, clientId, secret).isEmpty());
    const Reply key =
        admin(0, "POST", u"/api/admin/v1/keys"_s,
              {{u"name"_s, u"Disabled key"_s}, {u"permission_group_id"_s, m_groupId}});
    QVERIFY2(key.status == 201, key.describe().constData());
    const QString keyId = key.json()[u"id"_s].toString();
    const QString keySecret = key.json()[u"secret"_s].toString();
    auto hawk = [&](int instance) {
        return send(instance, "GET", u"/api/v2/whoami"_s, {},
                    {{"Authorization", hawkHeader(keyId, keySecret, "GET", "/api/v2/whoami",
                                                  Latchkey::Random::secret(64).toLatin1())}});
    };
    QCOMPARE(hawk(1).status, 200);

    Reply reply = admin(0, "PATCH", u"/api/admin/v1/consumers/"_s + consumer[u"id"_s].toString(),
                        {{u"status"_s, u"disabled"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    reply = admin(1, "PATCH", u"/api/admin/v1/keys/"_s + keyId, {{u"status"_s, u"disabled"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());

    for (int i : {0, 1}) {
        reply = tokenRequest(i, clientId, secret);
        QVERIFY2(reply.status == 401, reply.describe().constData());
        QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_client"_s);
        reply = send(i, "GET", u"/api/v2/whoami"_s, {},
                     {{"Authorization", "Bearer " + accessToken.toLatin1()}});
        QVERIFY2(reply.status == 401, reply.describe().constData());
        reply = hawk(i);
        QVERIFY2(reply.status == 401, reply.describe().constData());
    }
}

void TestInstances::hawkNonceReplayedToTheOtherInstanceIsRefused()
{
    const Reply key = admin(0, "POST", u"/api/admin/v1/keys"_s,
                            {{u"name"_s, u"Replayed"_s}, {u"permission_group_id"_s, m_groupId}});
    QVERIFY2(key.status == 201, key.describe().constData());
    const QByteArray header =
        hawkHeader(key.json()[u"id"_s].toString(), key.json()[u"secret"_s].toString(), "GET",
                   "/api/v2/whoami", Latchkey::Random::secret(64).toLatin1());

    Reply reply = send(0, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", header}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    reply = send(1, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", header}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"Invalid nonce"_s);
    QCOMPARE(reply.header("WWW-Authenticate"), R"(Hawk error="Invalid nonce")");
}

void TestInstances::failedAuthenticationsAreCountedAcrossInstances()
{
    const QJsonObject consumer = createConsumer(u"Guessed"_s, u"client_credentials"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    // Ten wrong secrets, spread over both instances: the limit is ten a minute, not ten on each.
    for (int i = 0; i < 10; ++i) {
        const Reply reply = tokenRequest(i % 2, clientId, secret.chopped(2) + u"xx"_s);
        QVERIFY2(reply.status == 401, reply.describe().constData());
    }
    for (int i : {0, 1}) {
        const Reply reply = tokenRequest(i, clientId, secret);
        QVERIFY2(reply.status == 429, reply.describe().constData());
        QCOMPARE(reply.json()[u"error"_s].toString(), u"slow_down"_s);
        QVERIFY(reply.header("Retry-After").toInt() > 0);
    }
}

// The instances trust 127.0.0.1 as their proxy: the client is the address X-Forwarded-For
// names, so one client's failures do not lock out another behind the same proxy, and the audit
// log records the client.
void TestInstances::clientsBehindTheProxyAreCountedApart()
{
    const QJsonObject consumer = createConsumer(u"Shared by two sites"_s, u"client_credentials"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    auto request = [&](int instance, const QString &password, const QByteArray &forwardedFor) {
        return send(instance, "POST", u"/oauth/token"_s, "grant_type=client_credentials",
                    {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Authorization", Latchkey::Test::basicAuthorization(clientId, password)},
                     {"X-Forwarded-For", forwardedFor}});
    };
    for (int i = 0; i < 10; ++i) {
        // What the client wrote itself (left) is not believed; the proxy's last hop is.
        const Reply reply =
            request(i % 2, secret.chopped(2) + u"xx"_s, "198.51.100.1, 203.0.113.7");
        QVERIFY2(reply.status == 401, reply.describe().constData());
    }
    Reply reply = request(1, secret, "203.0.113.7");
    QVERIFY2(reply.status == 429, reply.describe().constData());
    reply = request(0, secret, "198.51.100.1, 203.0.113.8");
    QVERIFY2(reply.status == 200, reply.describe().constData());
    reply = request(1, secret, "198.51.100.1");
    QVERIFY2(reply.status == 200, reply.describe().constData());

    const Reply created = send(1, "POST", u"/api/admin/v1/keys"_s,
                               QJsonDocument(QJsonObject{{u"name"_s, u"Forwarded"_s},
                                                         {u"permission_group_id"_s, m_groupId}})
                                   .toJson(QJsonDocument::Compact),
                               {{"Authorization", "Bearer " + m_adminToken.toLatin1()},
                                {"Content-Type", "application/json"},
                                {"X-Forwarded-For", "192.0.2.44"}});
    QVERIFY2(created.status == 201, created.describe().constData());
    const Reply audit =
        admin(0, "GET", u"/api/admin/v1/audit?target_id="_s + created.json()[u"id"_s].toString());
    const QJsonArray events = audit.json()[u"items"_s].toArray();
    QVERIFY2(!events.isEmpty(), audit.describe().constData());
    QCOMPARE(events.first()[u"remote_address"_s].toString(), u"192.0.2.44"_s);
}

void TestInstances::signInSessionAndCodeWorkAcrossInstances()
{
    const QJsonObject consumer = createConsumer(u"Partner portal"_s, u"authorization_code"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString secret = consumer[u"client_secret"_s].toString();
    const QJsonObject adminUser = m_bootstrap[u"admin"_s].toObject();
    const QString verifier = Latchkey::Pkce::newVerifier();
    const FormFields parameters{{u"response_type"_s, u"code"_s},
                                {u"client_id"_s, clientId},
                                {u"redirect_uri"_s, redirect},
                                {u"state"_s, u"s-1"_s},
                                {u"code_challenge"_s, Latchkey::Pkce::challengeS256(verifier)},
                                {u"code_challenge_method"_s, u"S256"_s}};
    const QUrl first = m_instances.at(0)->url();
    const QUrl second = m_instances.at(1)->url();

    // The sign-in page comes from the first instance, the form goes to the second (the cookie
    // is per host, as a browser keeps it: the same for both), the consent to the first again.
    Browser browser;
    const Page signIn = browser.open(Latchkey::Test::authorizeUrl(first, parameters));
    QVERIFY2(Browser::isSignInPage(signIn.body), signIn.describe().constData());
    FormFields form;
    const auto hidden = Browser::formFields(signIn.body);
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it)
        form.append({it.key(), it.value()});
    form.append({u"username"_s, adminUser[u"email"_s].toString()});
    form.append({u"password"_s, adminUser[u"password"_s].toString()});
    const Page consent = browser.post(second.resolved(QUrl(u"/oauth/authorize"_s)), form);
    QVERIFY2(Browser::isConsentPage(consent.body), consent.describe().constData());

    FormFields decision;
    const auto consentFields = Browser::formFields(consent.body);
    for (auto it = consentFields.cbegin(); it != consentFields.cend(); ++it)
        decision.append({it.key(), it.value()});
    decision.append({u"decision"_s, u"approve"_s});
    const Page approved = browser.post(first.resolved(QUrl(u"/oauth/authorize"_s)), decision);
    QVERIFY2(approved.status == 302 && approved.hasLocationParameter(u"code"_s),
             approved.describe().constData());
    const QString code = approved.locationParameter(u"code"_s);

    // The code is exchanged on the second instance, once: a replay on the first is refused and
    // ends the tokens issued from it everywhere.
    const QByteArray exchange =
        Latchkey::Test::formBody({{u"grant_type"_s, u"authorization_code"_s},
                                  {u"code"_s, code},
                                  {u"redirect_uri"_s, redirect},
                                  {u"code_verifier"_s, verifier}});
    Reply reply = tokenRequest(1, clientId, secret, exchange);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QByteArray accessToken = reply.json()[u"access_token"_s].toString().toLatin1();
    const QString refreshToken = reply.json()[u"refresh_token"_s].toString();
    QVERIFY(!refreshToken.isEmpty());
    reply = send(0, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", "Bearer " + accessToken}});
    QVERIFY2(reply.status == 200, reply.describe().constData());

    // The session made on the second instance signs the same browser in on the first, which
    // knows the consent given on the first: a code at once, no sign-in page.
    const Page again = browser.open(Latchkey::Test::authorizeUrl(first, parameters));
    QVERIFY2(again.status == 302 && again.hasLocationParameter(u"code"_s),
             again.describe().constData());

    // A refresh on the first, then reuse of the old refresh token on the second: the family is
    // revoked on both.
    reply = tokenRequest(0, clientId, secret,
                         Latchkey::Test::formBody({{u"grant_type"_s, u"refresh_token"_s},
                                                   {u"refresh_token"_s, refreshToken}}));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QByteArray rotated = reply.json()[u"access_token"_s].toString().toLatin1();
    reply = tokenRequest(1, clientId, secret,
                         Latchkey::Test::formBody({{u"grant_type"_s, u"refresh_token"_s},
                                                   {u"refresh_token"_s, refreshToken}}));
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_grant"_s);
    reply = send(0, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", "Bearer " + rotated}});
    QVERIFY2(reply.status == 401, reply.describe().constData());

    reply = tokenRequest(0, clientId, secret, exchange);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.json()[u"error"_s].toString(), u"invalid_grant"_s);
    reply = send(1, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", "Bearer " + accessToken}});
    QVERIFY2(reply.status == 401, reply.describe().constData());
}

// A bounded soak: a fixed number of mixed requests (client-credentials tokens, Hawk reads, Hawk
// writes with payload hashes, admin writes), eight at a time, alternating between the two
// instances. Every answer is a success, and every write answered is in the database once.
void TestInstances::mixedTrafficOnBothInstancesLosesNothing()
{
    constexpr int total = 2000;
    constexpr int concurrency = 8;
    const QJsonObject consumer = createConsumer(u"Soak client"_s, u"client_credentials"_s);
    const QString clientId = consumer[u"client_id"_s].toString();
    const QString clientSecret = consumer[u"client_secret"_s].toString();
    QList<QPair<QString, QString>> keys;
    for (int i = 0; i < 4; ++i) {
        const Reply key =
            admin(i % 2, "POST", u"/api/admin/v1/keys"_s,
                  {{u"name"_s, u"Soak signer %1"_s.arg(i)}, {u"permission_group_id"_s, m_groupId}});
        QVERIFY2(key.status == 201, key.describe().constData());
        keys.append({key.json()[u"id"_s].toString(), key.json()[u"secret"_s].toString()});
    }

    QMap<int, int> statuses;
    QStringList failures;
    QSet<QString> keysCreated;
    int assetsCreated = 0;
    int next = 0;
    int inFlight = 0;
    std::function<void()> sendNext = [&] {
        if (next >= total)
            return;
        const int n = next++;
        const QUrl base = m_instances.at(size_t(n % 2))->url();
        const auto &[keyId, keySecret] = keys.at(n % keys.size());
        QNetworkRequest request;
        QByteArray method = "POST";
        QByteArray body;
        switch (n % 4) {
        case 0:
            request.setUrl(base.resolved(QUrl(u"/oauth/token"_s)));
            request.setRawHeader("Authorization",
                                 Latchkey::Test::basicAuthorization(clientId, clientSecret));
            request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
            body = "grant_type=client_credentials";
            break;
        case 1:
            method = "GET";
            request.setUrl(base.resolved(QUrl(u"/api/v2/whoami"_s)));
            request.setRawHeader("Authorization",
                                 hawkHeader(keyId, keySecret, "GET", "/api/v2/whoami",
                                            Latchkey::Random::secret(64).toLatin1()));
            break;
        case 2: {
            body = QJsonDocument(QJsonObject{{u"name"_s, u"Soak asset %1"_s.arg(n)}})
                       .toJson(QJsonDocument::Compact);
            Latchkey::Hawk::Request signing;
            signing.method = "POST";
            signing.resource = "/api/v2/assets";
            signing.host = m_publicUrl.host().toLatin1();
            signing.port = quint16(m_publicUrl.port());
            signing.hasPayload = true;
            signing.contentType = "application/json";
            signing.payload = body;
            request.setUrl(base.resolved(QUrl(u"/api/v2/assets"_s)));
            request.setRawHeader("Content-Type", "application/json");
            request.setRawHeader("Authorization",
                                 Latchkey::Hawk::sign(keyId.toUtf8(), keySecret.toUtf8(), signing,
                                                      QDateTime::currentSecsSinceEpoch(),
                                                      Latchkey::Random::secret(64).toLatin1()));
            break;
        }
        default:
            body = QJsonDocument(QJsonObject{{u"name"_s, u"Soak key %1"_s.arg(n)},
                                             {u"permission_group_id"_s, m_groupId}})
                       .toJson(QJsonDocument::Compact);
            request.setUrl(base.resolved(QUrl(u"/api/admin/v1/keys"_s)));
            request.setRawHeader("Content-Type", "application/json");
            request.setRawHeader("Authorization", "Bearer " + m_adminToken.toLatin1());
            break;
        }
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, n] {
            --inFlight;
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            ++statuses[status];
            if (status != 200 && status != 201)
                failures.append(
                    u"#%1: %2 %3"_s.arg(n).arg(status).arg(QString::fromUtf8(answer.left(200))));
            if (status == 201 && n % 4 == 2)
                ++assetsCreated;
            if (status == 201 && n % 4 == 3)
                keysCreated.insert(QJsonDocument::fromJson(answer)[u"id"_s].toString());
            sendNext();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < concurrency; ++i)
        sendNext();
    QTRY_VERIFY_WITH_TIMEOUT(next == total && inFlight == 0, 240000);
    qInfo("%d requests in %lld ms over two instances: %s", total, timer.elapsed(), qPrintable([&] {
              QStringList counts;
              for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
                  counts.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
              return counts.join(u", "_s);
          }()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(u"\n"_s)));
    QCOMPARE(assetsCreated, total / 4);
    QCOMPARE(keysCreated.size(), total / 4);

    // Counted in the database itself: each acknowledged write once, nothing else.
    auto db = m_database->connect(m_dir.filePath(u"instance0"_s));
    auto &assets = db->exec(u"SELECT COUNT(*) FROM assets WHERE name LIKE 'Soak asset %'"_s);
    QVERIFY(assets.next());
    QCOMPARE(assets.value(0).toInt(), total / 4);
    QSet<QString> stored;
    auto &rows = db->exec(u"SELECT id FROM api_keys WHERE name LIKE 'Soak key %'"_s);
    while (rows.next())
        stored.insert(rows.value(0).toString());
    QCOMPARE(stored, keysCreated);
    auto &audited = db->exec(u"SELECT COUNT(*) FROM audit_events WHERE action = 'key.create' "
                             "AND details LIKE '%Soak key %'"_s);
    QVERIFY(audited.next());
    QCOMPARE(audited.value(0).toInt(), total / 4);
    auto &tokens = db->exec(
        u"SELECT COUNT(*) FROM tokens t JOIN consumers c ON c.id = t.consumer_id WHERE c.client_id "
        "= ?"_s,
        {clientId});
    QVERIFY(tokens.next());
    QCOMPARE(tokens.value(0).toInt(), total / 4);
}

void TestInstances::nginxBalancesTheInstances()
{
    QList<quint16> upstreams;
    for (const auto &instance : m_instances)
        upstreams.append(quint16(instance->url().port()));
    const QString error = m_nginx.start(m_publicPort, upstreams);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Through the proxy, as a client sees the service: token, admin write, Hawk call, health.
    for (int i = 0; i < 6; ++i) {
        Reply reply = sendTo(m_publicUrl, "GET", u"/healthz"_s);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        reply = automationTokenRequest(m_publicUrl);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QByteArray bearer = "Bearer " + reply.json()[u"access_token"_s].toString().toLatin1();
        reply = sendTo(m_publicUrl, "POST", u"/api/admin/v1/keys"_s,
                       QJsonDocument(QJsonObject{{u"name"_s, u"Through nginx %1"_s.arg(i)},
                                                 {u"permission_group_id"_s, m_groupId}})
                           .toJson(QJsonDocument::Compact),
                       {{"Authorization", bearer}, {"Content-Type", "application/json"}});
        QVERIFY2(reply.status == 201, reply.describe().constData());
        const QByteArray header =
            hawkHeader(reply.json()[u"id"_s].toString(), reply.json()[u"secret"_s].toString(),
                       "GET", "/api/v2/whoami", Latchkey::Random::secret(64).toLatin1());
        reply = sendTo(m_publicUrl, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", header}});
        QVERIFY2(reply.status == 200, reply.describe().constData());
        // The same signed request again, wherever the proxy sends it: a replay.
        reply = sendTo(m_publicUrl, "GET", u"/api/v2/whoami"_s, {}, {{"Authorization", header}});
        QCOMPARE(reply.status, 401);
    }

    QTRY_COMPARE(m_nginx.upstreamsLogged(u"/oauth/token"_s).size(), 6);
    for (const QString &uri : {u"/healthz"_s, u"/oauth/token"_s, u"/api/v2/whoami"_s}) {
        const QStringList logged = m_nginx.upstreamsLogged(uri);
        for (const auto &instance : m_instances) {
            const QString address = u"127.0.0.1:%1"_s.arg(instance->url().port());
            QVERIFY2(logged.contains(address), qPrintable(uri + u" never went to "_s + address +
                                                          u": "_s + logged.join(u", "_s)));
        }
    }
    const Reply keys = admin(0, "GET", u"/api/admin/v1/keys?q=through%20nginx"_s);
    QCOMPARE(keys.json()[u"items"_s].toArray().size(), 6);
}

void TestInstances::nginxSkipsAnInstanceThatIsDown()
{
    if (!m_nginx.upstreamsLogged(u"/healthz"_s).size())
        QSKIP("needs nginx started by nginxBalancesTheInstances");
    m_instances.at(1)->kill();

    for (int i = 0; i < 6; ++i) {
        Reply reply = sendTo(m_publicUrl, "GET", u"/healthz"_s);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        // POSTs too: the connection to the dead instance is refused before anything is sent.
        reply = automationTokenRequest(m_publicUrl);
        QVERIFY2(reply.status == 200, reply.describe().constData());
    }

    // Back again, it serves what the other one wrote meanwhile.
    const QString error = startInstance(1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Reply reply = admin(1, "GET", u"/api/admin/v1/keys?q=through%20nginx"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 6);
}

QTEST_GUILESS_MAIN(TestInstances)
#include "tst_instances.moc"
