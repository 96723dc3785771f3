#include <account/browsersignin.h>
#include <account/tokensource.h>
#include <browser.h>
#include <testserver.h>

#include <account/accountsetup.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;
using Latchkey::Test::Browser;
using Latchkey::Test::TestServer;

// A super admin signs in the RFC 8252 way: the user's browser (here the test's, which submits the
// real sign-in and consent forms), back to a loopback listener, code exchanged with PKCE.
class TestBrowserSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_http = std::make_unique<HttpClient>();
    }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void superAdminSignsInAndTheRefreshTokenWorks();
    void deniedConsentSaysSo();
    void memberCannotSignInForAdmin();
    void timesOutWithoutARedirect();
    void unreachableAccountIsANetworkError();

private:
    // Runs a sign-in; `browse` plays the user on the URL the app would open.
    Result<SignedIn> signIn(const std::function<void(const QUrl &)> &browse, int timeoutMs = 30000)
    {
        BrowserSignIn signIn(*m_http, m_server->url());
        QUrl opened;
        connect(&signIn, &BrowserSignIn::openBrowser, this,
                [&opened](const QUrl &url) { opened = url; });
        Task<SignedIn> task = signIn.start({u"admin"_s}, timeoutMs);
        if (!QTest::qWaitFor([&] { return !opened.isEmpty() || task.isFinished(); }, 30000))
            qFatal("no URL to open");
        if (!opened.isEmpty())
            browse(opened);
        if (!QTest::qWaitFor([&task] { return task.isFinished(); }, timeoutMs + 30000))
            qFatal("sign-in did not finish");
        return task.result();
    }

    QString adminEmail() const { return m_server->bootstrap()[u"admin"_s][u"email"_s].toString(); }

    QString adminPassword() const
    {
        return m_server->bootstrap()[u"admin"_s][u"password"_s].toString();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

void TestBrowserSignIn::superAdminSignsInAndTheRefreshTokenWorks()
{
    QUrl redirect;
    const auto result = signIn([&](const QUrl &url) {
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url.query().contains(u"code_challenge_method=S256"_s));
        QVERIFY(url.query().contains(u"client_id=latchkey-desktop"_s));
        Browser browser;
        const auto page = browser.authorize(url, adminEmail(), adminPassword());
        redirect = page.location;
        QCOMPARE(redirect.host(), u"127.0.0.1"_s);
        QVERIFY(redirect.path() == u"/callback"_s);
        // The browser follows the redirect to the app's loopback listener.
        const auto landed = browser.open(redirect);
        QCOMPARE(landed.status, 200);
        QVERIFY(landed.text().contains(u"close this tab"_s));
    });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toText()));
    const SignedIn &signedIn = result.value();
    QVERIFY(!signedIn.tokens.accessToken.isEmpty());
    QVERIFY(!signedIn.tokens.refreshToken.isEmpty());
    QCOMPARE(signedIn.tokens.scope, u"admin"_s);
    QCOMPARE(signedIn.provider.issuer, m_server->url().toString());

    // The refresh token is what the app keeps: it gets admin access tokens silently, and each use
    // rotates it.
    RefreshTokens tokens(*m_http, signedIn.provider.tokenEndpoint, signedIn.clientId,
                         signedIn.tokens.refreshToken);
    QSignalSpy rotated(&tokens, &RefreshTokens::rotated);
    auto access = tokens.accessToken(true);
    QVERIFY(QTest::qWaitFor([&access] { return access.isFinished(); }, 30000));
    QVERIFY2(access.result(),
             qPrintable(access.result() ? QString() : access.result().error().toText()));
    QCOMPARE(rotated.count(), 1);
    QVERIFY(rotated.first().first().toString() != signedIn.tokens.refreshToken);
    const auto whoami =
        m_server->withToken(access.result().value(), "GET", u"/api/admin/v1/users"_s);
    QCOMPARE(whoami.status, 200);
}

void TestBrowserSignIn::deniedConsentSaysSo()
{
    const auto result = signIn([&](const QUrl &url) {
        Browser browser;
        const auto page =
            browser.authorize(url, adminEmail(), adminPassword(), Browser::Decision::Deny);
        browser.open(page.location);
    });
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"denied"_s), qPrintable(result.error().toText()));
    QVERIFY(result.error().kind == Error::Kind::Authentication);
}

void TestBrowserSignIn::memberCannotSignInForAdmin()
{
    QVERIFY(!Latchkey::Server::AccountSetup::addUser(m_server->context(),
                                                     {m_server->tenantId(), u"ana@example.com"_s,
                                                      u"Ana"_s, u"member"_s,
                                                      u"a long enough password"_s},
                                                     nullptr));
    const auto result = signIn([&](const QUrl &url) {
        Browser browser;
        const auto page = browser.authorize(url, u"ana@example.com"_s, u"a long enough password"_s);
        browser.open(page.location);
    });
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"super admin"_s),
             qPrintable(result.error().toText()));
}

void TestBrowserSignIn::timesOutWithoutARedirect()
{
    const auto result = signIn([](const QUrl &) {}, 500);
    QVERIFY(!result);
    QVERIFY(result.error().kind == Error::Kind::Timeout);
    QVERIFY(result.error().hint.contains(u"again"_s));
}

void TestBrowserSignIn::unreachableAccountIsANetworkError()
{
    BrowserSignIn signIn(*m_http, QUrl(u"http://127.0.0.1:1"_s));
    QSignalSpy opened(&signIn, &BrowserSignIn::openBrowser);
    auto task = signIn.start();
    QVERIFY(QTest::qWaitFor([&task] { return task.isFinished(); }, 30000));
    QVERIFY(!task.result());
    QVERIFY(task.result().error().kind == Error::Kind::Network);
    QCOMPARE(opened.count(), 0);
}

QTEST_GUILESS_MAIN(TestBrowserSignIn)
#include "tst_browsersignin.moc"
