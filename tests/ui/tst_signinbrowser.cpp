#include <appfixture.h>
#include <testserver.h>
#include <webpage.h>

#include <keys/keylistmodel.h>
#include <keys/keyspage.h>
#include <profiles/signinbrowser.h>

#include <QAction>
#include <QLabel>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

// A super admin signs in to a remote account in the built-in browser: the account's own sign-in
// and consent pages in QtWebEngine, PKCE and the loopback redirect, the refresh token in the
// keychain. Then signs out, which forgets it.
class tst_SignInBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signsInThroughTheAccountsPages();
    void signOutForgetsTheRefreshToken();
    void closingTheBrowserAbandonsTheSignIn();
    void cleanupTestCase();

private:
    Ui::SignInBrowser *signIn();

    std::unique_ptr<AppFixture> m_app;
    std::unique_ptr<Test::TestServer> m_remote;
    QString m_profileId;
};

void tst_SignInBrowser::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    m_remote = std::make_unique<Test::TestServer>();
    QVERIFY(!m_remote->createKey(u"Seen after sign-in"_s).isEmpty());
    Core::ProfileInput input;
    input.name = u"Acme staging"_s;
    input.serverUrl = m_remote->url().toString();
    input.environment = u"staging"_s;
    input.signInMethod = u"built-in-browser"_s;
    auto added = m_app->workspace().profiles().add(input);
    QVERIFY2(added, Test::describe(added));
    m_profileId = added.value().id;
    QVERIFY(m_app->waitLoaded([this] { m_app->workspace().activate(m_profileId); }));
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::SignedOut);
    QVERIFY(m_app->window().bannerText().contains(u"Sign in"_s));
}

Ui::SignInBrowser *tst_SignInBrowser::signIn()
{
    m_app->window().findChild<QAction *>(u"signInAction"_s)->trigger();
    return m_app->waitForDialog<Ui::SignInBrowser>(20000);
}

void tst_SignInBrowser::signsInThroughTheAccountsPages()
{
    Ui::SignInBrowser *browser = signIn();
    QVERIFY(browser);
    QWebEngineView *view = browser->view();
    QVERIFY(Test::waitForElement(view, u"input[name=password]"_s));
    // The address is shown: the user can see which server asks for the password.
    QVERIFY(browser->findChild<QLabel *>(u"addressLabel"_s)
                ->text()
                .startsWith(m_remote->url().toString()));
    const QJsonObject admin = m_remote->bootstrap()[u"admin"_s].toObject();
    Test::submitForm(view, {u"username"_s, admin[u"email"_s].toString(), u"password"_s,
                            admin[u"password"_s].toString()});
    QVERIFY(Test::waitForElement(view, u"button[value=approve]"_s));
    QSignalSpy loaded(&m_app->window(), &Ui::MainWindow::loaded);
    Test::runJavaScript(view, u"document.querySelector('button[value=approve]').click(); 'ok'"_s);

    QTRY_VERIFY_WITH_TIMEOUT(m_app->workspace().isOnline(), 30000);
    QVERIFY(loaded.wait(30000) || !loaded.isEmpty());
    // The browser closes by itself; the account's data is there.
    QTRY_VERIFY(!m_app->window().findChild<Ui::SignInBrowser *>() ||
                !m_app->window().findChild<Ui::SignInBrowser *>()->isVisible());
    const Ui::KeyListModel *model = m_app->window().keysPage()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->at(0).name, u"Seen after sign-in"_s);
    const Core::Profile profile = *m_app->workspace().currentProfile();
    auto token = AppFixture::await(m_app->workspace().secrets().read(
        Core::profileSecretKey(profile.id, Core::SecretKind::refreshToken, profile.clientId)));
    QVERIFY2(token, Test::describe(token));
    QVERIFY(token.value().has_value());
}

void tst_SignInBrowser::signOutForgetsTheRefreshToken()
{
    const Core::Profile profile = *m_app->workspace().currentProfile();
    m_app->window().findChild<QAction *>(u"signOutAction"_s)->trigger();
    QTRY_COMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::SignedOut);
    QTRY_VERIFY(m_app->window().bannerText().startsWith(u"Signed out of Acme staging"_s));
    auto token = AppFixture::await(m_app->workspace().secrets().read(
        Core::profileSecretKey(profile.id, Core::SecretKind::refreshToken, profile.clientId)));
    QVERIFY2(token, Test::describe(token));
    QVERIFY(!token.value().has_value());
    QVERIFY(!m_app->window().keysPage()->newAction()->isEnabled());
}

void tst_SignInBrowser::closingTheBrowserAbandonsTheSignIn()
{
    Ui::SignInBrowser *browser = signIn();
    QVERIFY(browser);
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Connecting);
    browser->reject();
    QTRY_COMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::SignedOut);
}

void tst_SignInBrowser::cleanupTestCase()
{
    m_app.reset();
    m_remote.reset();
}

QTEST_MAIN(tst_SignInBrowser)
#include "tst_signinbrowser.moc"
