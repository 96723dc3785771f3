#include <account/accountsetup.h>
#include <appfixture.h>
#include <oidcprovider.h>
#include <testserver.h>
#include <webpage.h>

#include <consumers/consumerlistmodel.h>
#include <consumers/consumerspage.h>
#include <flow/flowbrowser.h>
#include <flow/flowtesterpage.h>
#include <flow/timelinemodel.h>
#include <keys/keylistmodel.h>
#include <keys/keyspage.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;
using Latchkey::Ui::FlowSettings;
using Latchkey::Ui::FlowTesterPage;

namespace {

// The "system browser" of the test: QDesktopServices hands it the URL the flow tester opens,
// and it shows it in a QWebEngineView of its own (no cookie shared with the app's).
class SystemBrowser final : public QObject
{
    Q_OBJECT

public:
    ~SystemBrowser() override
    {
        delete view;
        delete profile;
    }
    QWebEngineProfile *profile = nullptr;
    QWebEngineView *view = nullptr;
    QUrl opened;

public Q_SLOTS:
    void open(const QUrl &url)
    {
        opened = url;
        profile = new QWebEngineProfile;
        view = new QWebEngineView;
        view->setPage(new QWebEnginePage(profile, view));
        view->load(url);
    }
};

} // namespace

// The Flow Tester as an integrator uses it: the authorization-code flow in the built-in browser
// against an account's own sign-in and consent pages (a second account served in-process) and
// against oidc-provider, a certified provider from npm; the same through the system browser;
// client credentials; an API key's Hawk-signed whoami; and each way it can go wrong, with the
// message the user reads.
class tst_FlowTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorizationCodeInTheBuiltInBrowser();
    void tokenCallsAndTheTimeline();
    void privateProfilesIsolateUsers();
    void customSchemeRedirectIsCaught();
    void consentDenied();
    void redirectUriMismatchShowsTheErrorPage();
    void tamperedStateIsRefused();
    void wrongClientSecret();
    void providerDown();
    void explicitEndpointsWithoutAnIssuer();
    void authorizePageDown();
    void badSetUpIsRefusedBeforeAnythingIsSent();
    void systemBrowserWithLoopbackRedirect();
    void clientCredentialsFromTheConsumersRow();
    void apiKeyFromTheKeysRowShowsClockSkew();
    void historyRunsAgainWithoutSecrets();
    void oidcProviderWithJwtsAndFragmentResponse();
    void switchingAccountsForgetsTheSetUp();
    void cleanupTestCase();

private:
    FlowTesterPage *page() { return m_app->window().flowTester(); }
    QWebEngineView *browserView();
    // A user of the account who has authorized nothing yet (so the consent page shows).
    QString newUser();
    // Waits for the login form and signs in as `email`.
    void signIn(QWebEngineView *view, const QString &email);
    void consent(QWebEngineView *view, const QString &decision);
    bool waitFinished(int timeoutMs = 30000);
    // Picks the test consumer and sets the redirect URI.
    void setUpCodeFlow(const QString &redirectUri = u"https://erp.example.invalid/callback"_s);
    // Runs the flow in the built-in browser as a new user, who decides on the consent page.
    void runCodeFlow(const QString &redirectUri = u"https://erp.example.invalid/callback"_s,
                     const QString &decision = u"approve"_s, const QString &secret = {});
    QList<QJsonObject> authorizationsOfTheConsumer();

    std::unique_ptr<AppFixture> m_app;
    std::unique_ptr<Test::TestServer> m_remote;
    std::unique_ptr<QAbstractItemModelTester> m_timelineTester;
    QJsonObject m_consumer; // authorization code, confidential, with its client_secret
    QJsonObject m_clientCredentials;
    QJsonObject m_key;
    const QString m_password = u"a user's long password"_s;
    int m_users = 0;
    QStringList m_secretsSeen;
};

QWebEngineView *tst_FlowTester::browserView()
{
    // The browser opens once discovery answered.
    (void)QTest::qWaitFor([this] { return page()->browser()->view() != nullptr; }, 20000);
    return page()->browser()->view();
}

bool tst_FlowTester::waitFinished(int timeoutMs)
{
    return QTest::qWaitFor([this] { return !page()->isRunning(); }, timeoutMs);
}

QString tst_FlowTester::newUser()
{
    const QString email = u"user%1@example.com"_s.arg(++m_users);
    QString userId;
    const std::optional<QString> problem = Server::AccountSetup::addUser(
        m_remote->context(),
        {m_remote->tenantId(), email, u"User %1"_s.arg(m_users), u"member"_s, m_password}, &userId);
    return problem ? QString() : email;
}

void tst_FlowTester::signIn(QWebEngineView *view, const QString &email)
{
    QVERIFY(view);
    QVERIFY(!email.isEmpty());
    QVERIFY2(Test::waitForElement(view, u"input[name=password]"_s),
             qPrintable(page()->statusText()));
    Test::submitForm(view, {u"username"_s, email, u"password"_s, m_password});
}

void tst_FlowTester::consent(QWebEngineView *view, const QString &decision)
{
    QVERIFY(Test::waitForElement(view, u"button[value=%1]"_s.arg(decision)));
    Test::runJavaScript(
        view, u"document.querySelector('button[value=%1]').click(); 'ok'"_s.arg(decision));
}

void tst_FlowTester::setUpCodeFlow(const QString &redirectUri)
{
    auto *consumers = page()->findChild<QComboBox *>(u"consumerBox"_s);
    FlowSettings settings;
    settings.grant = FlowSettings::Grant::AuthorizationCode;
    settings.source = FlowSettings::ProviderSource::Account;
    settings.consumerId = m_consumer[u"id"_s].toString();
    settings.clientId = m_consumer[u"client_id"_s].toString();
    settings.clientAuth = Core::ClientAuth::Basic;
    settings.redirectUri = redirectUri;
    settings.scopes = {u"assets:read"_s};
    page()->setSettings(settings);
    QCOMPARE(consumers->currentData().toString(), m_consumer[u"id"_s].toString());
    page()->setSecret(m_consumer[u"client_secret"_s].toString());
}

void tst_FlowTester::runCodeFlow(const QString &redirectUri, const QString &decision,
                                 const QString &secret)
{
    setUpCodeFlow(redirectUri);
    if (!secret.isEmpty())
        page()->setSecret(secret);
    page()->run();
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Running);
    signIn(browserView(), newUser());
    consent(browserView(), decision);
    QVERIFY(waitFinished());
}

QList<QJsonObject> tst_FlowTester::authorizationsOfTheConsumer()
{
    const Test::Reply reply =
        m_remote->admin("GET", u"/api/admin/v1/authorizations?consumer_id="_s +
                                   m_consumer[u"id"_s].toString() + u"&status=active"_s);
    QList<QJsonObject> list;
    for (const QJsonValue &value : reply.json()[u"items"_s].toArray())
        list.append(value.toObject());
    return list;
}

void tst_FlowTester::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    m_remote = std::make_unique<Test::TestServer>();
    m_consumer = m_remote->createConsumer(
        {{u"name"_s, u"Partner Portal"_s},
         {u"grant_type"_s, u"authorization_code"_s},
         {u"client_type"_s, u"confidential"_s},
         {u"redirect_uris"_s,
          QJsonArray{u"https://erp.example.invalid/callback"_s, u"http://127.0.0.1/callback"_s,
                     u"com.example.partner:/oauth/callback"_s}}});
    QVERIFY(!m_consumer[u"client_secret"_s].toString().isEmpty());
    m_clientCredentials = m_remote->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    QVERIFY(!m_clientCredentials[u"client_secret"_s].toString().isEmpty());
    m_key = m_remote->createKey(u"Warehouse scanner"_s);
    QVERIFY(!m_key[u"secret"_s].toString().isEmpty());
    m_secretsSeen = {m_consumer[u"client_secret"_s].toString(),
                     m_clientCredentials[u"client_secret"_s].toString(),
                     m_key[u"secret"_s].toString()};

    const QJsonObject automation = m_remote->bootstrap()[u"automation"_s].toObject();
    Core::ProfileInput input;
    input.name = u"Acme staging"_s;
    input.serverUrl = m_remote->url().toString();
    input.environment = u"staging"_s;
    input.signInMethod = u"automation"_s;
    input.clientId = automation[u"client_id"_s].toString();
    auto added = m_app->workspace().profiles().add(input);
    QVERIFY2(added, Test::describe(added));
    QVERIFY(m_app->waitLoaded([this, &added] { m_app->workspace().activate(added.value().id); }));
    QVERIFY(m_app->waitLoaded([this, &automation] {
        m_app->workspace().signInWithClientCredentials(automation[u"client_id"_s].toString(),
                                                       automation[u"client_secret"_s].toString());
    }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    m_app->window().showSection(Ui::MainWindow::FlowTester);
    m_timelineTester = std::make_unique<QAbstractItemModelTester>(
        page()->timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(page()
                    ->findChild<QComboBox *>(u"consumerBox"_s)
                    ->findData(m_consumer[u"id"_s].toString()) >= 0);
}

void tst_FlowTester::authorizationCodeInTheBuiltInBrowser()
{
    runCodeFlow();
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    // It says what it caught, and that it did not load it.
    QVERIFY2(page()->statusText().startsWith(
                 u"Caught the redirect to https://erp.example.invalid/callback without loading "
                 "it; it carried code, state, iss in its query. state matches; iss is the "
                 "issuer."_s),
             qPrintable(page()->statusText()));
    QVERIFY(page()->statusText().contains(u"The token endpoint issued a Bearer token and a "
                                          "refresh token."_s));
    QVERIFY(page()->token().has_value());
    const QString accessToken = page()->token()->accessToken;
    QVERIFY(!accessToken.isEmpty());
    m_secretsSeen << accessToken << page()->token()->refreshToken;
    // The token response is on screen with its tokens masked, until revealed.
    QVERIFY(page()->tokenText().contains(u"\"token_type\": \"Bearer\""_s));
    QVERIFY(!page()->tokenText().contains(accessToken));
    QVERIFY(page()->tokenText().contains(Core::maskSecret(accessToken)));
    page()->findChild<QCheckBox *>(u"revealTokens"_s)->setChecked(true);
    QVERIFY(page()->tokenText().contains(accessToken));
    page()->findChild<QCheckBox *>(u"revealTokens"_s)->setChecked(false);
    QVERIFY(page()
                ->findChild<QLabel *>(u"expiryLabel"_s)
                ->text()
                .startsWith(u"Access token expires in "_s));
    // The browser's private profile is gone with the test.
    QVERIFY(!page()->browser()->isRunning());
    QCOMPARE(authorizationsOfTheConsumer().size(), 1);
}

void tst_FlowTester::tokenCallsAndTheTimeline()
{
    QVERIFY(page()->token().has_value());
    // whoami with the token: the user it was issued to.
    page()->callWithToken();
    QVERIFY(waitFinished());
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY(page()->callResultText().contains(u"→ HTTP 200"_s));
    QVERIFY2(page()->callResultText().contains(u"user1@example.com"_s),
             qPrintable(page()->callResultText()));

    page()->introspectToken();
    QVERIFY(waitFinished());
    QCOMPARE(page()->statusText(), u"Introspection: the access token is active."_s);
    QVERIFY(page()->callResultText().contains(u"\"active\": true"_s));

    const QString before = page()->token()->accessToken;
    page()->refreshToken();
    QVERIFY(waitFinished());
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY(page()->statusText().startsWith(u"Refreshed: a new access token"_s));
    QVERIFY(page()->token()->accessToken != before);
    m_secretsSeen << page()->token()->accessToken << page()->token()->refreshToken;

    page()->revokeToken();
    QVERIFY(waitFinished());
    QVERIFY(page()->statusText().startsWith(u"Revoked:"_s));
    page()->introspectToken();
    QVERIFY(waitFinished());
    QCOMPARE(page()->statusText(),
             u"Introspection: the access token is not active (revoked, expired or unknown)."_s);

    // The timeline has every exchange, and none shows a secret, on screen or copied as curl.
    const Ui::TimelineModel *timeline = page()->timeline();
    QStringList lines;
    for (int row = 0; row < timeline->rowCount(); ++row)
        lines << u"%1 %2 %3"_s.arg(
            timeline->index(row, Ui::TimelineModel::Method).data().toString(),
            timeline->index(row, Ui::TimelineModel::Url).data().toString(),
            timeline->index(row, Ui::TimelineModel::Status).data().toString());
    const QString origin = m_remote->url().toString();
    for (const QString &expected :
         {u"GET %1/.well-known/oauth-authorization-server 200"_s, u"POST %1/oauth/token 200"_s,
          u"GET %1/api/v2/whoami 200"_s, u"POST %1/oauth/introspect 200"_s,
          u"POST %1/oauth/revoke 200"_s})
        QVERIFY2(lines.contains(expected.arg(origin)), qPrintable(lines.join(u'\n')));
    QString everything = timeline->allAsCurl();
    for (int row = 0; row < timeline->rowCount(); ++row)
        everything += Ui::TimelineModel::details(timeline->at(row));
    QVERIFY(everything.contains(u"curl -X POST"_s));
    QVERIFY(everything.contains(u"grant_type=refresh_token"_s));
    for (const QString &secret : std::as_const(m_secretsSeen))
        QVERIFY2(!everything.contains(secret), "a secret in the timeline");
    // Copy as curl puts the selected exchange on the clipboard, masked.
    auto *view = page()->findChild<QTableView *>(u"timelineView"_s);
    view->setCurrentIndex(timeline->index(1, 0));
    view->findChild<QAction *>(u"copyCurlAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), timeline->at(1).toCurl(false));
}

void tst_FlowTester::privateProfilesIsolateUsers()
{
    // A second test signs in as someone else: the login form shows again (the first test's
    // session cookie went with its private profile), and the account gets a second
    // authorization, of another user.
    runCodeFlow();
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    const QList<QJsonObject> authorizations = authorizationsOfTheConsumer();
    QStringList users;
    for (const QJsonObject &authorization : authorizations)
        users << authorization[u"user_id"_s].toString();
    users.removeDuplicates();
    QCOMPARE(users.size(), 2);
}

void tst_FlowTester::customSchemeRedirectIsCaught()
{
    runCodeFlow(u"com.example.partner:/oauth/callback"_s, u"approve"_s);
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY(page()->statusText().startsWith(
        u"Caught the redirect to com.example.partner:/oauth/callback without loading it"_s));
}

void tst_FlowTester::consentDenied()
{
    runCodeFlow(u"https://erp.example.invalid/callback"_s, u"deny"_s);
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().contains(u"it carried error"_s) &&
                 page()->statusText().contains(u"The user denied the request."_s),
             qPrintable(page()->statusText()));
    QVERIFY(!page()->token().has_value());
}

void tst_FlowTester::redirectUriMismatchShowsTheErrorPage()
{
    const int exchanges = page()->timeline()->rowCount();
    setUpCodeFlow(u"https://attacker.example/callback"_s);
    page()->run();
    QVERIFY(waitFinished());
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().startsWith(
                 u"redirect_uri does not match a registered URI of this consumer "
                 "(https://attacker.example/callback is not among "
                 "https://erp.example.invalid/callback, http://127.0.0.1/callback, "
                 "com.example.partner:/oauth/callback). The provider shows an error page "
                 "instead of redirecting back, so nothing was caught: “The redirect_uri does "
                 "not match"_s),
             qPrintable(page()->statusText()));
    // Nothing reached the token endpoint.
    for (int row = exchanges; row < page()->timeline()->rowCount(); ++row)
        QVERIFY(!page()->timeline()->at(row).url.path().endsWith(u"/oauth/token"_s));
}

void tst_FlowTester::tamperedStateIsRefused()
{
    setUpCodeFlow();
    page()->run();
    QVERIFY(Test::waitForElement(browserView(), u"input[name=password]"_s));
    // A forged redirect, as an attacker's page would send the browser.
    Test::runJavaScript(browserView(),
                        u"location.href = 'https://erp.example.invalid/callback?code=stolen"
                        "&state=forged&iss=%1'; 'ok'"_s.arg(QString::fromLatin1(
                            QUrl::toPercentEncoding(m_remote->url().toString()))));
    QVERIFY(waitFinished());
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().contains(
                 u"The redirect's state does not match the request: it belongs to another "
                 "attempt or was forged, so it is refused."_s),
             qPrintable(page()->statusText()));
}

void tst_FlowTester::wrongClientSecret()
{
    runCodeFlow(u"https://erp.example.invalid/callback"_s, u"approve"_s, u"not the secret"_s);
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().contains(u"The code could not be exchanged for a token."_s) &&
                 page()->statusText().contains(u"client"_s, Qt::CaseInsensitive),
             qPrintable(page()->statusText()));
    QVERIFY(!page()->token().has_value());
}

void tst_FlowTester::providerDown()
{
    FlowSettings settings = page()->settings();
    settings.source = FlowSettings::ProviderSource::Issuer;
    settings.issuer = u"http://127.0.0.1:1"_s;
    page()->setSettings(settings);
    page()->run();
    QVERIFY(waitFinished());
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().startsWith(u"The provider's metadata could not be read."_s),
             qPrintable(page()->statusText()));
}

void tst_FlowTester::explicitEndpointsWithoutAnIssuer()
{
    // No discovery: the endpoints as typed. Without an issuer, iss cannot be checked, and the
    // tester says so rather than pass it as checked.
    const QString origin = m_remote->url().toString();
    setUpCodeFlow();
    FlowSettings settings = page()->settings();
    settings.source = FlowSettings::ProviderSource::Endpoints;
    settings.issuer.clear();
    settings.authorizeUrl = origin + u"/oauth/authorize"_s;
    settings.tokenUrl = origin + u"/oauth/token"_s;
    settings.introspectionUrl = origin + u"/oauth/introspect"_s;
    page()->setSettings(settings);
    const int exchanges = page()->timeline()->rowCount();
    page()->run();
    signIn(browserView(), newUser());
    consent(browserView(), u"approve"_s);
    QVERIFY(waitFinished());
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY2(page()->statusText().contains(u"state matches; iss not checked (no issuer given)."_s),
             qPrintable(page()->statusText()));
    // No discovery request went out.
    for (int row = exchanges; row < page()->timeline()->rowCount(); ++row)
        QVERIFY(!page()->timeline()->at(row).url.path().startsWith(u"/.well-known/"_s));
    page()->introspectToken();
    QVERIFY(waitFinished());
    QCOMPARE(page()->statusText(), u"Introspection: the access token is active."_s);
}

void tst_FlowTester::authorizePageDown()
{
    // The authorize endpoint does not answer: the browser has nothing to show, and says so.
    setUpCodeFlow();
    FlowSettings settings = page()->settings();
    settings.source = FlowSettings::ProviderSource::Endpoints;
    settings.authorizeUrl = u"http://127.0.0.1:1/authorize"_s;
    settings.tokenUrl = m_remote->url().toString() + u"/oauth/token"_s;
    page()->setSettings(settings);
    page()->run();
    QVERIFY(waitFinished());
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QCOMPARE(page()->statusText(),
             u"The page http://127.0.0.1:1/authorize could not be loaded: the provider may be "
             "down or unreachable from this computer. Nothing was caught."_s);
    QVERIFY(!page()->browser()->isRunning());
}

void tst_FlowTester::badSetUpIsRefusedBeforeAnythingIsSent()
{
    const int exchanges = page()->timeline()->rowCount();
    const QList<std::pair<std::function<void(FlowSettings &)>, QString>> cases = {
        {[](FlowSettings &s) { s.clientId.clear(); },
         u"Type the client ID (pick a consumer to fill it)."_s},
        {[](FlowSettings &s) {
             s.source = FlowSettings::ProviderSource::Issuer;
             s.issuer = u"id.example.com"_s;
         },
         u"The issuer must be an http or https URL, like https://id.example.com."_s},
        {[](FlowSettings &s) {
             s.source = FlowSettings::ProviderSource::Endpoints;
             s.authorizeUrl = u"https://id.example.com/authorize"_s;
             s.tokenUrl = u"ftp://id.example.com/token"_s;
         },
         u"The token URL must be an http or https URL."_s},
        {[](FlowSettings &s) { s.extraParameters = u"&&&"_s; },
         u"Extra parameters go as name=value pairs joined by &."_s},
    };
    for (const auto &[change, message] : cases) {
        setUpCodeFlow();
        FlowSettings settings = page()->settings();
        change(settings);
        page()->setSettings(settings);
        const FlowSettings typed = page()->settings();
        page()->run();
        QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
        QCOMPARE(page()->statusText(), message);
        // What was typed stays for the user to correct.
        QCOMPARE(page()->settings(), typed);
    }
    setUpCodeFlow();
    page()->setSecret({});
    page()->run();
    QCOMPARE(page()->statusText(),
             u"Type the client secret, or choose None for a public client."_s);
    FlowSettings apiKey = page()->settings();
    apiKey.grant = FlowSettings::Grant::ApiKey;
    apiKey.apiKeyId.clear();
    page()->setSettings(apiKey);
    page()->findChild<QComboBox *>(u"keyBox"_s)->setEditText({});
    page()->setSecret(u"some secret"_s);
    page()->run();
    QCOMPARE(page()->statusText(), u"Pick an API key, or type its id."_s);
    QCOMPARE(page()->timeline()->rowCount(), exchanges);
}

void tst_FlowTester::systemBrowserWithLoopbackRedirect()
{
    SystemBrowser system;
    QDesktopServices::setUrlHandler(u"http"_s, &system, "open");
    setUpCodeFlow(u"http://127.0.0.1/callback"_s);
    FlowSettings settings = page()->settings();
    settings.browser = FlowSettings::Browser::System;
    page()->setSettings(settings);
    page()->run();
    QTRY_VERIFY(system.view);
    QVERIFY(page()->statusText().startsWith(u"Sign in and approve in your browser; Latchkey "
                                            "listens at http://127.0.0.1:"_s));
    QCOMPARE(
        QUrlQuery(system.opened).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded).left(17),
        u"http://127.0.0.1:"_s);
    signIn(system.view, newUser());
    consent(system.view, u"approve"_s);
    QVERIFY(waitFinished());
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY(page()->statusText().startsWith(u"The redirect reached http://127.0.0.1:"_s));
    QVERIFY(page()->token().has_value());
}

void tst_FlowTester::clientCredentialsFromTheConsumersRow()
{
    // The consumer's secret is in the keychain (as after it was created in the app).
    const QString id = m_clientCredentials[u"id"_s].toString();
    auto kept = AppFixture::await(m_app->workspace().secrets().write(
        m_app->workspace().secretKey(Core::SecretKind::clientSecret, id),
        m_clientCredentials[u"client_secret"_s].toString()));
    QVERIFY2(kept, Test::describe(kept));
    auto *consumers =
        qobject_cast<Ui::ConsumersPage *>(m_app->window().page(Ui::MainWindow::Consumers));
    m_app->window().showSection(Ui::MainWindow::Consumers);
    QTRY_VERIFY(consumers->selectId(id));
    QSignalSpy finished(page(), &FlowTesterPage::finished);
    consumers->findChild<QAction *>(u"testConsumerAction"_s)->trigger();
    QCOMPARE(m_app->window().currentSection(), Ui::MainWindow::FlowTester);
    QVERIFY(finished.wait(30000));
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY(page()->statusText().startsWith(
        u"Client credentials: the token endpoint issued a Bearer token"_s));
    QCOMPARE(page()->findChild<QLabel *>(u"secretNote"_s)->text(), u"From the keychain."_s);
    m_secretsSeen << page()->token()->accessToken;
}

void tst_FlowTester::apiKeyFromTheKeysRowShowsClockSkew()
{
    const QString id = m_key[u"id"_s].toString();
    auto kept = AppFixture::await(m_app->workspace().secrets().write(
        m_app->workspace().secretKey(Core::SecretKind::apiSecret, id),
        m_key[u"secret"_s].toString()));
    QVERIFY2(kept, Test::describe(kept));
    auto *keys = m_app->window().keysPage();
    m_app->window().showSection(Ui::MainWindow::Keys);
    QTRY_VERIFY(keys->selectId(id));
    QSignalSpy finished(page(), &FlowTesterPage::finished);
    keys->findChild<QAction *>(u"testKeyAction"_s)->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QCOMPARE(page()->statusText(),
             u"The API key works: the server accepted the Hawk-signed request (HTTP 200)."_s);
    QVERIFY(page()->callResultText().contains(u"Warehouse scanner"_s) ||
            page()->callResultText().contains(id));

    // The server's clock ten minutes ahead: Hawk's 401 tells its time, the request is signed
    // again, and the skew is said.
    m_remote->clock().advance(600);
    m_app->window().showSection(Ui::MainWindow::Keys);
    keys->findChild<QAction *>(u"testKeyAction"_s)->trigger();
    QVERIFY(finished.wait(30000));
    m_remote->clock().advance(-600);
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    static const QRegularExpression skew(
        u"^The API key works: the server accepted the Hawk-signed request \\(HTTP 200\\)\\. The "
        "server's clock is (599|600|601) s ahead of this computer's; Latchkey signed again with "
        "the server's time\\.$"_s);
    QVERIFY2(skew.match(page()->statusText()).hasMatch(), qPrintable(page()->statusText()));

    // An id typed instead of picked works the same.
    m_app->window().showSection(Ui::MainWindow::FlowTester);
    page()->findChild<QComboBox *>(u"keyBox"_s)->setEditText(id);
    QCOMPARE(page()->settings().apiKeyId, id);
    page()->setSecret(m_key[u"secret"_s].toString());
    page()->run();
    QVERIFY(finished.wait(30000));
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));

    // A wrong secret is refused with the server's reason.
    m_app->window().showSection(Ui::MainWindow::FlowTester);
    page()->setSecret(u"wrong secret"_s);
    page()->run();
    QVERIFY(finished.wait(30000));
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().startsWith(u"The server refused the Hawk-signed request:"_s),
             qPrintable(page()->statusText()));
}

void tst_FlowTester::historyRunsAgainWithoutSecrets()
{
    auto *history = page()->findChild<QTableWidget *>(u"historyTable"_s);
    QVERIFY(history->rowCount() >= 10);
    // Newest first: the wrong API secret, the two key tests, client credentials...
    QStringList rows;
    for (int row = 0; row < history->rowCount(); ++row)
        rows << history->item(row, 1)->text() + u" → "_s + history->item(row, 5)->text();
    QVERIFY2(rows.first().startsWith(u"API key (Hawk) → HTTP 401"_s), qPrintable(rows.join(u'\n')));
    QCOMPARE(rows.at(1), u"API key (Hawk) → success"_s);
    const int clientCredentials = int(rows.indexOf(u"Client credentials → success"_s));
    QVERIFY2(clientCredentials > 0, qPrintable(rows.join(u'\n')));
    QVERIFY2(!rows.filter(u"Authorization code → access_denied: The user denied the request."_s)
                  .isEmpty(),
             qPrintable(rows.join(u'\n')));
    // No secret or token in the cache.
    QFile cache(m_app->paths().cacheFile);
    QVERIFY(cache.open(QIODevice::ReadOnly));
    QByteArray bytes = cache.readAll();
    QFile wal(m_app->paths().cacheFile + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly))
        bytes += wal.readAll();
    for (const QString &secret : std::as_const(m_secretsSeen))
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a secret in the cache");

    // Run the client credentials test again: its secret comes from the keychain.
    page()->setSettings({});
    page()->setSecret({});
    history->setCurrentCell(clientCredentials, 0);
    QSignalSpy finished(page(), &FlowTesterPage::finished);
    page()->findChild<QPushButton *>(u"runAgainButton"_s)->click();
    QVERIFY(finished.wait(30000));
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QCOMPARE(page()->settings().clientId, m_clientCredentials[u"client_id"_s].toString());
    QCOMPARE(history->item(0, 1)->text(), u"Client credentials"_s);
}

void tst_FlowTester::oidcProviderWithJwtsAndFragmentResponse()
{
    if (!Test::oidcProviderInstalled())
        QSKIP("tests/peers/node_modules is missing: run tools/install-deps");
    Test::OidcProvider oidc;
    const QString started = oidc.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    const auto runOnce = [&](const QString &extra, const QString &user) {
        FlowSettings settings;
        settings.grant = FlowSettings::Grant::AuthorizationCode;
        settings.source = FlowSettings::ProviderSource::Issuer;
        settings.issuer = oidc.issuer();
        settings.clientId = oidc.get(u"client_id"_s);
        settings.clientAuth = Core::ClientAuth::Basic;
        settings.redirectUri = oidc.get(u"redirect_uri"_s);
        settings.scopes = {u"openid"_s, u"api:read"_s};
        settings.extraParameters = extra;
        page()->setSettings(settings);
        page()->setSecret(oidc.get(u"client_secret"_s));
        page()->run();
        QWebEngineView *view = browserView();
        QVERIFY(view);
        // devInteractions: a login form (any login and password), then a consent form.
        QVERIFY2(Test::waitForElement(view, u"input[name=login]"_s),
                 qPrintable(page()->statusText()));
        Test::submitForm(view, {u"login"_s, user, u"password"_s, u"any password"_s});
        QVERIFY(Test::waitForElement(view, u"button[type=submit]"_s));
        QTRY_VERIFY_WITH_TIMEOUT(Test::runJavaScript(view, u"document.querySelector('input[name="
                                                           "login]') ? 'login' : 'consent'"_s) ==
                                     u"consent"_s,
                                 20000);
        Test::runJavaScript(view, u"document.forms[0].submit(); 'ok'"_s);
        QVERIFY(waitFinished());
    };

    // An opaque access token with a refresh token; the ID token is a JWT, verified against the
    // provider's JWKS. Introspect, refresh, revoke.
    runOnce({}, u"alice"_s);
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY(page()->statusText().contains(u"iss is the issuer"_s));
    QTRY_VERIFY2(page()->jwtText().contains(u"ID token (JWT, RS256): signature verified with "
                                            "the provider's key"_s),
                 qPrintable(page()->jwtText()));
    QVERIFY(page()->jwtText().contains(u"\"sub\": \"alice\""_s));
    QVERIFY(!page()->token()->refreshToken.isEmpty());
    // oidc-provider does not introspect JWT access tokens, and says so; its refresh token it
    // does.
    page()->introspectToken();
    QVERIFY(waitFinished());
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::Failure);
    QVERIFY2(page()->statusText().startsWith(u"The introspection was refused. "
                                             "unsupported_token_type: Structured JWT Tokens "
                                             "cannot be introspected"_s),
             qPrintable(page()->statusText()));
    auto *choice = page()->findChild<QComboBox *>(u"tokenChoice"_s);
    choice->setCurrentIndex(choice->findData(u"refresh_token"_s));
    page()->introspectToken();
    QVERIFY(waitFinished());
    QCOMPARE(page()->statusText(), u"Introspection: the refresh token is active."_s);
    page()->refreshToken();
    QVERIFY(waitFinished());
    QVERIFY2(page()->statusText().startsWith(u"Refreshed: a new access token and a new refresh "
                                             "token."_s),
             qPrintable(page()->statusText()));
    QCOMPARE(choice->currentData().toString(), u"refresh_token"_s); // kept across calls
    page()->revokeToken();
    QVERIFY(waitFinished());
    QVERIFY2(page()->statusText().startsWith(u"Revoked: the provider accepted the revocation of "
                                             "the refresh token."_s),
             qPrintable(page()->statusText()));
    page()->introspectToken();
    QVERIFY(waitFinished());
    QCOMPARE(page()->statusText(),
             u"Introspection: the refresh token is not active (revoked, expired or unknown)."_s);

    // A JWT access token for a resource, verified against the provider's JWKS.
    runOnce(u"resource="_s + QString::fromUtf8(QUrl::toPercentEncoding(oidc.resource(u"RS256"_s))),
            u"carol"_s);
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QTRY_VERIFY2(page()->jwtText().startsWith(u"Access token (JWT, RS256): signature verified "
                                              "with the provider's key"_s),
                 qPrintable(page()->jwtText()));

    // The parameters in the fragment (response_mode=fragment): caught and said so.
    runOnce(u"response_mode=fragment"_s, u"bob"_s);
    QVERIFY2(page()->outcome() == FlowTesterPage::Outcome::Success,
             qPrintable(page()->statusText()));
    QVERIFY2(page()->statusText().contains(
                 u"in its fragment (response_mode=fragment). state matches; iss is the issuer."_s),
             qPrintable(page()->statusText()));
    oidc.stop();
}

void tst_FlowTester::switchingAccountsForgetsTheSetUp()
{
    setUpCodeFlow();
    auto *secret = page()->findChild<QLineEdit *>(u"secretEdit"_s);
    QCOMPARE(secret->text(), m_consumer[u"client_secret"_s].toString());
    const QString sandbox = m_app->workspace().sandboxProfileId();
    QVERIFY(m_app->waitLoaded([this, &sandbox] { m_app->workspace().activate(sandbox); }));
    // The other account's consumer, client ID and secret are gone; its history is not shown.
    QVERIFY(secret->text() != m_consumer[u"client_secret"_s].toString());
    QVERIFY(page()->settings().clientId != m_consumer[u"client_id"_s].toString());
    QCOMPARE(page()->outcome(), FlowTesterPage::Outcome::None);
    QCOMPARE(page()->timeline()->rowCount(), 0);
    QCOMPARE(page()->findChild<QTableWidget *>(u"historyTable"_s)->rowCount(), 0);
}

void tst_FlowTester::cleanupTestCase()
{
    m_timelineTester.reset();
    m_app.reset();
    m_remote.reset();
}

QTEST_MAIN(tst_FlowTester)
#include "tst_flowtester.moc"
