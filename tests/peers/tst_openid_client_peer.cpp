// latchkey-server's authorization server judged by openid-client, a certified OAuth client:
// tests/peers/openid-client-flow.mjs discovers it, signs in through the real forms, redeems the
// code (checking state and iss), refreshes, introspects, revokes, and uses client credentials.

#include <testserver.h>

#include <account/accountsetup.h>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::TestServer;

namespace {

const QString memberEmail = u"integrator@test.example"_s;
const QString memberPassword = u"correct horse battery staple"_s;
const QString redirect = u"http://127.0.0.1/cb"_s;

QString peersDir()
{
    return QString::fromUtf8(LATCHKEY_PEERS_DIR);
}

struct Run
{
    int exitCode = -1;
    QJsonObject result;
    QByteArray output; // stdout and stderr, for failure messages
};

} // namespace

class TestOpenIdClientPeer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup() { m_server.reset(); }

    void fullFlow();
    void wrongClientSecretIsReportedByTheClient();
    void errorRedirectsAreUnderstood_data();
    void errorRedirectsAreUnderstood();

private:
    // Runs the script against the server, keeping this thread's event loop (and so the server)
    // running while node talks to it.
    Run runFlow(const QStringList &arguments);
    QStringList codeArguments(const QJsonObject &consumer, const QString &secret) const;
    int count(const QString &sql);

    std::unique_ptr<TestServer> m_server;
    QJsonObject m_webApp;  // confidential authorization_code, Maintenance
    QJsonObject m_machine; // client_credentials, Read only
    QString m_memberId;
};

void TestOpenIdClientPeer::initTestCase()
{
    if (!QFileInfo::exists(peersDir() + u"/node_modules/openid-client/package.json"_s))
        QSKIP("tests/peers/node_modules is missing: run tools/install-deps (npm ci)");
}

void TestOpenIdClientPeer::init()
{
    m_server = std::make_unique<TestServer>();
    const auto problem = Latchkey::Server::AccountSetup::addUser(
        m_server->context(),
        {m_server->tenantId(), memberEmail, u"Integrator"_s, u"member"_s, memberPassword},
        &m_memberId);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    m_webApp = m_server->createConsumer({{u"name"_s, u"Integrator web app"_s},
                                         {u"grant_type"_s, u"authorization_code"_s},
                                         {u"redirect_uris"_s, QJsonArray{redirect}}});
    m_machine = m_server->createConsumer({{u"name"_s, u"Nightly export"_s},
                                          {u"grant_type"_s, u"client_credentials"_s},
                                          {u"permission_group_id"_s, u"Read only"_s}});
    QVERIFY(!m_webApp.isEmpty() && !m_machine.isEmpty());
}

Run TestOpenIdClientPeer::runFlow(const QStringList &arguments)
{
    QProcess node;
    node.setProcessChannelMode(QProcess::SeparateChannels);
    node.setWorkingDirectory(peersDir());
    QEventLoop loop;
    QObject::connect(&node, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&node, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(90000, &loop, &QEventLoop::quit);
    node.start(QString::fromUtf8(LATCHKEY_NODE_EXECUTABLE),
               QStringList{peersDir() + u"/openid-client-flow.mjs"_s} + arguments);
    loop.exec();
    Run run;
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished(5000);
        run.output = "node did not finish in time";
        return run;
    }
    run.exitCode = node.exitStatus() == QProcess::NormalExit ? node.exitCode() : -1;
    const QByteArray out = node.readAllStandardOutput();
    run.output = out + node.readAllStandardError();
    const QList<QByteArray> lines = out.trimmed().split('\n');
    if (lines.size() == 1)
        run.result = QJsonDocument::fromJson(lines.first()).object();
    else
        run.output.prepend("not one JSON line: ");
    return run;
}

int TestOpenIdClientPeer::count(const QString &sql)
{
    auto &query = m_server->context().database().exec(sql);
    const int result = query.next() ? query.value(0).toInt() : -1;
    query.finish();
    return result;
}

QStringList TestOpenIdClientPeer::codeArguments(const QJsonObject &consumer,
                                                const QString &secret) const
{
    // --name=value always: a generated secret may start with "-".
    return {u"--issuer="_s + m_server->context().issuer(),
            u"--client-id="_s + consumer[u"client_id"_s].toString(),
            u"--client-secret="_s + secret,
            u"--redirect-uri="_s + redirect,
            u"--username="_s + memberEmail,
            u"--password="_s + memberPassword};
}

void TestOpenIdClientPeer::fullFlow()
{
    QStringList arguments = codeArguments(m_webApp, m_webApp[u"client_secret"_s].toString());
    arguments += {u"--scope=assets:read work_orders:read"_s,
                  u"--cc-client-id="_s + m_machine[u"client_id"_s].toString(),
                  u"--cc-client-secret="_s + m_machine[u"client_secret"_s].toString(),
                  u"--cc-scope=assets:read"_s};
    const Run run = runFlow(arguments);
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QVERIFY2(run.result[u"ok"_s].toBool(), run.output.constData());
    const QJsonObject steps = run.result[u"steps"_s].toObject();
    const QString issuer = m_server->context().issuer();

    const QJsonObject discovery = steps[u"discovery"_s].toObject();
    QCOMPARE(discovery[u"issuer"_s].toString(), issuer);
    QCOMPARE(discovery[u"authorization_endpoint"_s].toString(), issuer + u"/oauth/authorize"_s);
    QCOMPARE(discovery[u"token_endpoint"_s].toString(), issuer + u"/oauth/token"_s);
    QCOMPARE(discovery[u"code_challenge_methods_supported"_s].toArray(), QJsonArray{u"S256"_s});
    QCOMPARE(discovery[u"authorization_response_iss_parameter_supported"_s].toBool(), true);
    QCOMPARE(discovery[u"supports_pkce"_s].toBool(), true);

    const QJsonObject authorize = steps[u"authorize"_s].toObject();
    QCOMPARE(authorize[u"sign_in_status"_s].toInt(), 200);
    QCOMPARE(authorize[u"username_autocomplete"_s].toString(), u"username"_s);
    QCOMPARE(authorize[u"password_autocomplete"_s].toString(), u"current-password"_s);
    QCOMPARE(authorize[u"hidden_fields"_s].toArray(), (QJsonArray{u"csrf"_s, u"request"_s}));
    QCOMPARE(authorize[u"consent_status"_s].toInt(), 200);
    QCOMPARE(authorize[u"session_cookie"_s].toBool(), true);
    QCOMPARE(authorize[u"redirect_status"_s].toInt(), 302);
    QCOMPARE(authorize[u"redirect_to"_s].toString(), redirect);
    QCOMPARE(authorize[u"parameters"_s].toArray(), (QJsonArray{u"code"_s, u"iss"_s, u"state"_s}));

    const QJsonObject code = steps[u"authorization_code"_s].toObject();
    QCOMPARE(code[u"token_type"_s].toString().toLower(), u"bearer"_s);
    QCOMPARE(code[u"scope"_s].toString(), u"assets:read work_orders:read"_s);
    QCOMPARE(code[u"expires_in"_s].toInt(), m_webApp[u"access_token_ttl"_s].toInt());
    QCOMPARE(code[u"has_refresh_token"_s].toBool(), true);

    const QJsonObject whoami = steps[u"whoami"_s].toObject();
    QCOMPARE(whoami[u"status"_s].toInt(), 200);
    QCOMPARE(whoami[u"principal"_s].toString(), memberEmail);
    QCOMPARE(whoami[u"scopes"_s].toArray(), (QJsonArray{u"assets:read"_s, u"work_orders:read"_s}));

    const QJsonObject refresh = steps[u"refresh"_s].toObject();
    QCOMPARE(refresh[u"rotated"_s].toBool(), true);
    QCOMPARE(refresh[u"new_access_token"_s].toBool(), true);
    QCOMPARE(refresh[u"scope"_s].toString(), u"assets:read work_orders:read"_s);

    const QJsonObject reuse = steps[u"refresh_reuse"_s].toObject();
    QCOMPARE(reuse[u"refused"_s].toBool(), true);
    QCOMPARE(reuse[u"code"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(reuse[u"status"_s].toInt(), 400);
    QCOMPARE(reuse[u"newest_refresh_code"_s].toString(), u"invalid_grant"_s);
    QCOMPARE(reuse[u"newest_access_active"_s].toBool(true), false);

    const QJsonObject second = steps[u"second_authorization"_s].toObject();
    QCOMPARE(second[u"status"_s].toInt(), 302);

    const QJsonObject introspection = steps[u"introspection"_s].toObject();
    QCOMPARE(introspection[u"active"_s].toBool(), true);
    QCOMPARE(introspection[u"scope"_s].toString(), u"assets:read work_orders:read"_s);
    QCOMPARE(introspection[u"client_id"_s].toString(), m_webApp[u"client_id"_s].toString());
    QCOMPARE(introspection[u"username"_s].toString(), memberEmail);
    QCOMPARE(introspection[u"token_type"_s].toString(), u"Bearer"_s);
    QCOMPARE(introspection[u"iss"_s].toString(), issuer);

    const QJsonObject revocation = steps[u"revocation"_s].toObject();
    QCOMPARE(revocation[u"access_active"_s].toBool(true), false);
    QCOMPARE(revocation[u"refresh_active"_s].toBool(true), false);
    QCOMPARE(revocation[u"unknown_token"_s].toString(), u"ok"_s);

    for (const QString &name : {u"client_credentials_basic"_s, u"client_credentials_post"_s}) {
        const QJsonObject cc = steps[name].toObject();
        QVERIFY2(!cc.isEmpty(), qPrintable(name));
        QCOMPARE(cc[u"token_type"_s].toString().toLower(), u"bearer"_s);
        QCOMPARE(cc[u"scope"_s].toString(), u"assets:read"_s);
        QCOMPARE(cc[u"has_refresh_token"_s].toBool(true), false);
        QCOMPARE(cc[u"whoami_status"_s].toInt(), 200);
        QCOMPARE(cc[u"principal_type"_s].toString(), u"consumer"_s);
    }

    // What the server kept: one authorization of the member, for this client.
    const QJsonArray authorizations =
        m_server
            ->admin("GET",
                    u"/api/admin/v1/authorizations?consumer_id="_s + m_webApp[u"id"_s].toString())
            .json()[u"items"_s]
            .toArray();
    QCOMPARE(authorizations.size(), 1);
    QCOMPARE(authorizations.at(0)[u"user_id"_s].toString(), m_memberId);
    QCOMPARE(authorizations.at(0)[u"scopes"_s].toArray(),
             (QJsonArray{u"assets:read"_s, u"work_orders:read"_s}));
}

void TestOpenIdClientPeer::wrongClientSecretIsReportedByTheClient()
{
    const Run run = runFlow(codeArguments(m_webApp, u"not-the-secret"_s));
    QVERIFY2(run.exitCode == 1, run.output.constData());
    QCOMPARE(run.result[u"ok"_s].toBool(true), false);
    QCOMPARE(run.result[u"step"_s].toString(), u"authorization_code"_s);
    QCOMPARE(run.result[u"code"_s].toString(), u"invalid_client"_s);
    QCOMPARE(run.result[u"status"_s].toInt(), 401);
    // RFC 6749 §5.2: a client that used Basic gets a Basic challenge.
    QCOMPARE(run.result[u"challenge"_s].toString().toLower(), u"basic"_s);
    // The steps before it passed.
    QVERIFY(run.result[u"steps"_s].toObject().contains(u"authorize"_s));
}

void TestOpenIdClientPeer::errorRedirectsAreUnderstood_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("signedIn");

    // Before sign-in: a scope outside the client's permission group.
    QTest::newRow("invalid_scope")
        << u"Maintenance"_s << u"assets:read admin"_s << u"invalid_scope"_s << false;
    // After sign-in: only a super admin may grant admin.
    QTest::newRow("access_denied")
        << u"Administration"_s << u"assets:read admin"_s << u"access_denied"_s << true;
}

void TestOpenIdClientPeer::errorRedirectsAreUnderstood()
{
    QFETCH(QString, group);
    QFETCH(QString, scope);
    QFETCH(QString, error);
    QFETCH(bool, signedIn);

    const QJsonObject app = m_server->createConsumer({{u"name"_s, u"Admin console"_s},
                                                      {u"grant_type"_s, u"authorization_code"_s},
                                                      {u"permission_group_id"_s, group},
                                                      {u"redirect_uris"_s, QJsonArray{redirect}}});
    QVERIFY(!app.isEmpty());
    QStringList arguments = codeArguments(app, app[u"client_secret"_s].toString());
    arguments += u"--scope="_s + scope;
    const Run run = runFlow(arguments);
    QVERIFY2(run.exitCode == 1, run.output.constData());
    // openid-client accepted the redirect's state and iss, then reported its error.
    QCOMPARE(run.result[u"step"_s].toString(), u"authorization_code"_s);
    QVERIFY2(run.result[u"code"_s].toString() == error, run.output.constData());
    const QJsonObject authorize = run.result[u"steps"_s][u"authorize"_s].toObject();
    QCOMPARE(authorize[u"redirect_status"_s].toInt(), 302);
    QCOMPARE(authorize[u"redirect_to"_s].toString(), redirect);
    QCOMPARE(authorize[u"parameters"_s].toArray(),
             (QJsonArray{u"error"_s, u"error_description"_s, u"iss"_s, u"state"_s}));
    QCOMPARE(authorize[u"sign_in_status"_s].toInt(), signedIn ? 200 : 302);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authorization_codes"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM tokens WHERE authorization_id IS NOT NULL"_s), 0);
}

QTEST_GUILESS_MAIN(TestOpenIdClientPeer)
#include "tst_openid_client_peer.moc"
