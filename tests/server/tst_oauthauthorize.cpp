#include <browser.h>
#include <testserver.h>

#include <account/accountsetup.h>
#include <oauth/redirecturi.h>

#include <protocol/pkce.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Browser;
using Latchkey::Test::FormFields;
using Latchkey::Test::Page;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

const QString memberEmail = u"member@test.example"_s;
const QString memberPassword = u"correct horse battery staple"_s;
const QString desktopRedirect = u"http://127.0.0.1/callback"_s;
const QString fieldRedirect = u"http://127.0.0.1/cb"_s;
const QString fieldHttpsRedirect = u"https://app.example.com/callback"_s;
const QString state = u"af0ifjsldkj"_s;

// The start tag of the first element whose text contains `needle`, or empty.
QString tagWith(const QByteArray &html, const QString &needle)
{
    static const QRegularExpression tag(u"<[a-z]+\\b[^>]*>"_s);
    auto it = tag.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const QString text = it.next().captured(0);
        if (text.contains(needle))
            return text;
    }
    return {};
}

// Edits to a request's parameters: "name=value" replaces (or adds) a parameter, "-name" removes
// it, "+name=value" sends it once more.
void edit(FormFields &fields, const QStringList &edits)
{
    for (const QString &change : edits) {
        const QString name = change.section(u'=', 0, 0);
        const QString value = change.section(u'=', 1);
        if (name.startsWith(u'+')) {
            fields.append({name.mid(1), value});
            continue;
        }
        const QString bare = name.startsWith(u'-') ? name.mid(1) : name;
        fields.removeIf([&bare](const auto &field) { return field.first == bare; });
        if (!name.startsWith(u'-'))
            fields.append({name, value});
    }
}

// The page's hidden form fields, as a form would send them.
FormFields hiddenFields(const QByteArray &html)
{
    FormFields fields;
    const QMap<QString, QString> hidden = Browser::formFields(html);
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it)
        fields.append({it.key(), it.value()});
    return fields;
}

} // namespace

// /oauth/authorize as a browser and a client see it: the checks before the redirect URI is
// trusted, the errors sent back to the client, sign-in, consent, sessions and the pages.
class TestOAuthAuthorize final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_server.reset(); }

    void validPkceSucceeds();
    void unknownParametersAreIgnored();
    void untrustedRequestShowsAPageAndNeverRedirects_data();
    void untrustedRequestShowsAPageAndNeverRedirects();
    void disabledConsumerShowsAPage();
    void badRequestRedirectsWithStateAndIss_data();
    void badRequestRedirectsWithStateAndIss();
    void pkceOptOutLetsAConfidentialClientSkipIt();
    void stateIsEchoedSafely();
    void registeredQueryIsKept();
    void consumerTextIsEscaped();
    void sessionDoesNotCrossTenants();
    void loopbackPortIsIgnored_data();
    void loopbackPortIsIgnored();
    void redirectUriMatching_data();
    void redirectUriMatching();
    void onlySuperAdminsMayGrantAdmin_data();
    void onlySuperAdminsMayGrantAdmin();
    void wrongPasswordShowsTheFormAgain();
    void signInIsRateLimited();
    void consentDeniedRedirectsWithAccessDenied();
    void csrfTokenIsChecked_data();
    void csrfTokenIsChecked();
    void unknownRequestIsRefused();
    void expiredRequestIsRefused();
    void decisionNeedsTheBrowserThatSignedIn();
    void sessionSkipsSignInAndCoveredConsent();
    void secondConsentWidensTheSameAuthorization();
    void pagesAreLocalized_data();
    void pagesAreLocalized();
    void pagesCarrySecurityHeaders();
    void formsCarryTheDocumentedFields();
    void discoveryMetadata();

private:
    FormFields parameters(const QString &clientId, const QString &redirectUri,
                          const QString &scope = {}) const;
    QUrl authorizeUrl(const FormFields &parameters) const;
    QString adminEmail() const;
    QString adminPassword() const;
    QString desktopClientId() const;
    Reply exchange(const QString &clientId, const QString &secret, const QString &code,
                   const QString &redirectUri, const QString &verifier);
    QJsonArray authorizationsOf(const QString &consumerId);
    int count(const QString &sql, const QVariantList &values = {});
    int issuedCodes() { return count(u"SELECT COUNT(*) FROM authorization_codes"_s); }
    int issuedTokens() { return count(u"SELECT COUNT(*) FROM tokens"_s) - m_tokensAtStart; }

    std::unique_ptr<TestServer> m_server;
    QString m_verifier;
    QString m_memberId;
    QJsonObject m_field; // confidential, Maintenance, two redirect URIs
    int m_tokensAtStart = 0;
};

void TestOAuthAuthorize::init()
{
    m_server = std::make_unique<TestServer>();
    m_verifier = Latchkey::Pkce::newVerifier();
    const auto problem = Latchkey::Server::AccountSetup::addUser(
        m_server->context(),
        {m_server->tenantId(), memberEmail, u"Member"_s, u"member"_s, memberPassword}, &m_memberId);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    m_field = m_server->createConsumer(
        {{u"name"_s, u"Field App"_s},
         {u"description"_s, u"Inspections in the field."_s},
         {u"grant_type"_s, u"authorization_code"_s},
         {u"redirect_uris"_s, QJsonArray{fieldRedirect, fieldHttpsRedirect}}});
    QVERIFY(!m_field.isEmpty());
    // The admin token the fixture used is not one the tests issue.
    m_tokensAtStart = count(u"SELECT COUNT(*) FROM tokens"_s);
    QCOMPARE(m_tokensAtStart, 1);
}

FormFields TestOAuthAuthorize::parameters(const QString &clientId, const QString &redirectUri,
                                          const QString &scope) const
{
    FormFields fields{{u"response_type"_s, u"code"_s},
                      {u"client_id"_s, clientId},
                      {u"redirect_uri"_s, redirectUri}};
    if (!scope.isEmpty())
        fields.append({u"scope"_s, scope});
    fields.append({u"state"_s, state});
    fields.append({u"code_challenge"_s, Latchkey::Pkce::challengeS256(m_verifier)});
    fields.append({u"code_challenge_method"_s, u"S256"_s});
    return fields;
}

QUrl TestOAuthAuthorize::authorizeUrl(const FormFields &parameters) const
{
    return Latchkey::Test::authorizeUrl(m_server->url(), parameters);
}

QString TestOAuthAuthorize::adminEmail() const
{
    return m_server->bootstrap()[u"admin"_s][u"email"_s].toString();
}

QString TestOAuthAuthorize::adminPassword() const
{
    return m_server->bootstrap()[u"admin"_s][u"password"_s].toString();
}

QString TestOAuthAuthorize::desktopClientId() const
{
    return m_server->bootstrap()[u"desktop"_s][u"client_id"_s].toString();
}

Reply TestOAuthAuthorize::exchange(const QString &clientId, const QString &secret,
                                   const QString &code, const QString &redirectUri,
                                   const QString &verifier)
{
    FormFields form{{u"grant_type"_s, u"authorization_code"_s},
                    {u"code"_s, code},
                    {u"redirect_uri"_s, redirectUri},
                    {u"client_id"_s, clientId}};
    if (!secret.isEmpty())
        form.append({u"client_secret"_s, secret});
    if (!verifier.isEmpty())
        form.append({u"code_verifier"_s, verifier});
    return m_server->request("POST", u"/oauth/token"_s, Latchkey::Test::formBody(form),
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QJsonArray TestOAuthAuthorize::authorizationsOf(const QString &consumerId)
{
    return m_server->admin("GET", u"/api/admin/v1/authorizations?consumer_id="_s + consumerId)
        .json()[u"items"_s]
        .toArray();
}

int TestOAuthAuthorize::count(const QString &sql, const QVariantList &values)
{
    auto &query = m_server->context().database().exec(sql, values);
    const int result = query.next() ? query.value(0).toInt() : -1;
    query.finish();
    return result;
}

void TestOAuthAuthorize::validPkceSucceeds()
{
    Browser browser;
    const Page signIn = browser.open(authorizeUrl(parameters(desktopClientId(), desktopRedirect)));
    QVERIFY2(signIn.status == 200, signIn.describe().constData());
    QVERIFY(Browser::isSignInPage(signIn.body));
    QVERIFY(signIn.text().contains(u"latchkey-desktop"_s));
    QVERIFY(signIn.text().contains(u"Test account"_s));

    const Page consent = browser.submitSignIn(adminEmail(), adminPassword());
    QVERIFY2(consent.status == 200, consent.describe().constData());
    QVERIFY2(Browser::isConsentPage(consent.body), consent.describe().constData());
    QVERIFY(consent.text().contains(u"latchkey-desktop"_s));
    QVERIFY(consent.text().contains(
        u"Administer the account: API keys, OAuth consumers and authorizations"_s));
    QVERIFY(consent.text().contains(u"Read assets"_s));
    QVERIFY(consent.text().contains(u"Create and change work orders"_s));
    QVERIFY(consent.text().contains(u"Signed in as "_s + adminEmail()));
    QCOMPARE(issuedCodes(), 0);

    const Page done = browser.decide(Browser::Decision::Approve);
    QVERIFY2(done.status == 302, done.describe().constData());
    QCOMPARE(done.location.toString(QUrl::RemoveQuery), desktopRedirect);
    QCOMPARE(done.locationParameter(u"state"_s), state);
    QCOMPARE(done.locationParameter(u"iss"_s), m_server->context().issuer());
    QVERIFY(!done.hasLocationParameter(u"error"_s));
    const QString code = done.locationParameter(u"code"_s);
    QVERIFY(code.size() >= 43);
    QCOMPARE(issuedCodes(), 1);
    // Stored only as a digest.
    QCOMPARE(count(u"SELECT COUNT(*) FROM authorization_codes WHERE digest = ?"_s, {code}), 0);

    const Reply token = exchange(desktopClientId(), {}, code, desktopRedirect, m_verifier);
    QVERIFY2(token.status == 200, token.describe().constData());
    QCOMPARE(token.json()[u"scope"_s].toString(),
             u"assets:read assets:write work_orders:read work_orders:write admin"_s);
    const QString accessToken = token.json()[u"access_token"_s].toString();
    const Reply whoami = m_server->withToken(accessToken, "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"type"_s].toString(), u"user"_s);
    QCOMPARE(whoami.json()[u"principal"_s][u"name"_s].toString(), adminEmail());
    QVERIFY(whoami.json()[u"scopes"_s].toArray().contains(u"admin"_s));
    // The desktop app's way in: the token is an admin API token.
    QCOMPARE(m_server->withToken(accessToken, "GET", u"/api/admin/v1/keys"_s).status, 200);

    int authorizations = 0;
    for (const QJsonValue &item :
         m_server->admin("GET", u"/api/admin/v1/authorizations"_s).json()[u"items"_s].toArray()) {
        if (item[u"user_email"_s].toString() == adminEmail() &&
            item[u"consumer_name"_s].toString() == u"latchkey-desktop"_s)
            ++authorizations;
    }
    QCOMPARE(authorizations, 1);
}

void TestOAuthAuthorize::unknownParametersAreIgnored()
{
    FormFields fields =
        parameters(m_field[u"client_id"_s].toString(), fieldRedirect, u"assets:read"_s);
    fields.append({u"prompt"_s, u"login consent"_s});
    fields.append({u"foo"_s, u"bar"_s});
    fields.append({u"claims"_s, u"{\"userinfo\":{}}"_s});
    fields.append({u"nonce"_s, u"n-0S6_WzA2Mj"_s});
    Browser browser;
    const Page done = browser.authorize(authorizeUrl(fields), memberEmail, memberPassword);
    QVERIFY2(done.status == 302, done.describe().constData());
    QVERIFY(!done.hasLocationParameter(u"error"_s));
    QCOMPARE(done.locationParameter(u"state"_s), state);
    const Reply token =
        exchange(m_field[u"client_id"_s].toString(), m_field[u"client_secret"_s].toString(),
                 done.locationParameter(u"code"_s), fieldRedirect, m_verifier);
    QVERIFY2(token.status == 200, token.describe().constData());
    QCOMPARE(token.json()[u"scope"_s].toString(), u"assets:read"_s);
}

void TestOAuthAuthorize::untrustedRequestShowsAPageAndNeverRedirects_data()
{
    // Edits (see edit()) to a valid request for the desktop client.
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("title");

    const QString client = u"Unknown application"_s;
    const QString redirect = u"Invalid redirect"_s;
    QTest::newRow("unknown client") << QStringList{u"client_id=ck_nobody"_s} << client;
    QTest::newRow("client_id missing") << QStringList{u"-client_id"_s} << client;
    QTest::newRow("client_id empty") << QStringList{u"client_id="_s} << client;
    QTest::newRow("client_id twice") << QStringList{u"+client_id=latchkey-desktop"_s} << client;
    QTest::newRow("redirect_uri unregistered")
        << QStringList{u"redirect_uri=https://evil.example/callback"_s} << redirect;
    QTest::newRow("redirect_uri missing, only a loopback one registered")
        << QStringList{u"-redirect_uri"_s} << redirect;
    QTest::newRow("redirect_uri with a trailing slash")
        << QStringList{u"redirect_uri=http://127.0.0.1/callback/"_s} << redirect;
    QTest::newRow("redirect_uri in another case")
        << QStringList{u"redirect_uri=http://127.0.0.1/Callback"_s} << redirect;
    QTest::newRow("redirect_uri with a query")
        << QStringList{u"redirect_uri=http://127.0.0.1/callback?next=/admin"_s} << redirect;
    QTest::newRow("redirect_uri with a fragment")
        << QStringList{u"redirect_uri=http://127.0.0.1/callback#x"_s} << redirect;
    QTest::newRow("redirect_uri on another path")
        << QStringList{u"redirect_uri=http://127.0.0.1/callback2"_s} << redirect;
    QTest::newRow("redirect_uri on another loopback name")
        << QStringList{u"redirect_uri=http://localhost/callback"_s} << redirect;
    QTest::newRow("redirect_uri over https")
        << QStringList{u"redirect_uri=https://127.0.0.1/callback"_s} << redirect;
    QTest::newRow("redirect_uri on a look-alike host")
        << QStringList{u"redirect_uri=http://127.0.0.1.evil.example/callback"_s} << redirect;
    QTest::newRow("redirect_uri with user info")
        << QStringList{u"redirect_uri=http://127.0.0.1@evil.example/callback"_s} << redirect;
    QTest::newRow("redirect_uri twice")
        << QStringList{u"+redirect_uri=http://127.0.0.1/callback"_s} << redirect;
    // The error checks come after the redirect URI: a bad one wins over them.
    QTest::newRow("bad redirect_uri and no response_type")
        << QStringList{u"-response_type"_s, u"redirect_uri=https://evil.example/cb"_s} << redirect;
}

void TestOAuthAuthorize::untrustedRequestShowsAPageAndNeverRedirects()
{
    QFETCH(QStringList, edits);
    QFETCH(QString, title);

    FormFields fields = parameters(desktopClientId(), desktopRedirect);
    edit(fields, edits);
    Browser browser;
    const Page page = browser.open(authorizeUrl(fields));
    QVERIFY2(page.status == 400, page.describe().constData());
    QVERIFY2(page.header("Location").isEmpty(), page.describe().constData());
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY2(page.text().contains(u"<h1>"_s + title + u"</h1>"_s), page.describe().constData());
    QVERIFY(!Browser::isSignInPage(page.body));
    QVERIFY(!page.text().contains(u"evil.example"_s));
    QCOMPARE(issuedCodes(), 0);
    QCOMPARE(issuedTokens(), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authorization_requests"_s), 0);
}

void TestOAuthAuthorize::disabledConsumerShowsAPage()
{
    const QString path = u"/api/admin/v1/consumers/"_s + m_field[u"id"_s].toString();
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);
    Browser browser;
    const Page page =
        browser.open(authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect)));
    QVERIFY2(page.status == 400, page.describe().constData());
    QVERIFY(page.header("Location").isEmpty());
    QVERIFY(page.text().contains(u"Unknown application"_s));
    QCOMPARE(issuedCodes(), 0);

    // Disabled between the sign-in page and the form: still no redirect, no code.
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"active"_s}}).status, 200);
    const Page signIn =
        browser.open(authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect)));
    QVERIFY2(Browser::isSignInPage(signIn.body), signIn.describe().constData());
    QCOMPARE(m_server->admin("PATCH", path, {{u"status"_s, u"disabled"_s}}).status, 200);
    const Page refused = browser.signIn(signIn.url, memberEmail, memberPassword);
    QVERIFY2(refused.status == 400, refused.describe().constData());
    QVERIFY(refused.header("Location").isEmpty());
    QCOMPARE(issuedCodes(), 0);
}

void TestOAuthAuthorize::badRequestRedirectsWithStateAndIss_data()
{
    QTest::addColumn<QString>("client"); // desktop (public) or field (confidential)
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    QTest::newRow("response_type missing") << u"desktop"_s << QStringList{u"-response_type"_s}
                                           << u"invalid_request"_s << u"response_type is missing"_s;
    QTest::newRow("response_type token")
        << u"desktop"_s << QStringList{u"response_type=token"_s} << u"unsupported_response_type"_s
        << u"Only response_type=code"_s;
    QTest::newRow("response_type code id_token")
        << u"desktop"_s << QStringList{u"response_type=code id_token"_s}
        << u"unsupported_response_type"_s << u"Only response_type=code"_s;
    QTest::newRow("response_type twice")
        << u"desktop"_s << QStringList{u"+response_type=code"_s} << u"invalid_request"_s
        << u"response_type appears more than once"_s;
    QTest::newRow("state twice") << u"desktop"_s << QStringList{u"+state=other"_s}
                                 << u"invalid_request"_s << u"state appears more than once"_s;
    QTest::newRow("PKCE missing, public client")
        << u"desktop"_s << QStringList{u"-code_challenge"_s, u"-code_challenge_method"_s}
        << u"invalid_request"_s << u"PKCE is required"_s;
    QTest::newRow("PKCE missing, confidential client")
        << u"field"_s << QStringList{u"-code_challenge"_s, u"-code_challenge_method"_s}
        << u"invalid_request"_s << u"PKCE is required"_s;
    QTest::newRow("PKCE plain") << u"desktop"_s << QStringList{u"code_challenge_method=plain"_s}
                                << u"invalid_request"_s
                                << u"code_challenge_method plain is not supported"_s;
    QTest::newRow("PKCE plain, confidential client")
        << u"field"_s << QStringList{u"code_challenge_method=plain"_s} << u"invalid_request"_s
        << u"code_challenge_method plain is not supported"_s;
    QTest::newRow("PKCE challenge without method (plain by default)")
        << u"desktop"_s << QStringList{u"-code_challenge_method"_s} << u"invalid_request"_s
        << u"Send code_challenge_method=S256"_s;
    QTest::newRow("PKCE method without challenge")
        << u"desktop"_s << QStringList{u"-code_challenge"_s} << u"invalid_request"_s
        << u"PKCE is required"_s;
    QTest::newRow("PKCE challenge too short")
        << u"desktop"_s << QStringList{u"code_challenge=abc"_s} << u"invalid_request"_s
        << u"code_challenge must be 43"_s;
    QTest::newRow("PKCE challenge not base64url")
        << u"desktop"_s
        << QStringList{u"code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+M/"_s}
        << u"invalid_request"_s << u"code_challenge must be 43"_s;
    QTest::newRow("scope outside the group")
        << u"field"_s << QStringList{u"scope=assets:read admin"_s} << u"invalid_scope"_s
        << u"The scope admin is outside the permission group of Field App."_s;
    QTest::newRow("unknown scope") << u"field"_s << QStringList{u"scope=payroll:read"_s}
                                   << u"invalid_scope"_s << u"The scope payroll:read is outside"_s;
    QTest::newRow("scope in another case")
        << u"field"_s << QStringList{u"scope=Assets:Read"_s} << u"invalid_scope"_s
        << u"The scope Assets:Read is outside"_s;
    QTest::newRow("empty scope") << u"field"_s << QStringList{u"scope="_s} << u"invalid_scope"_s
                                 << u"scope is empty."_s;
    QTest::newRow("scope of spaces")
        << u"field"_s << QStringList{u"scope=   "_s} << u"invalid_scope"_s << u"scope is empty."_s;
    QTest::newRow("error without state")
        << u"desktop"_s << QStringList{u"-state"_s, u"response_type=token"_s}
        << u"unsupported_response_type"_s << QString();
}

void TestOAuthAuthorize::badRequestRedirectsWithStateAndIss()
{
    QFETCH(QString, client);
    QFETCH(QStringList, edits);
    QFETCH(QString, error);
    QFETCH(QString, description);

    const bool desktop = client == u"desktop";
    const QString redirectUri = desktop ? desktopRedirect : fieldRedirect;
    FormFields fields =
        parameters(desktop ? desktopClientId() : m_field[u"client_id"_s].toString(), redirectUri);
    edit(fields, edits);
    const bool sendsState = !edits.contains(u"-state"_s);

    Browser browser;
    const Page page = browser.open(authorizeUrl(fields));
    QVERIFY2(page.status == 302, page.describe().constData());
    QCOMPARE(page.location.toString(QUrl::RemoveQuery), redirectUri);
    QCOMPARE(page.locationParameter(u"error"_s), error);
    QVERIFY2(page.locationParameter(u"error_description"_s).contains(description),
             page.describe().constData());
    if (sendsState)
        QCOMPARE(page.locationParameter(u"state"_s), state);
    else
        QVERIFY(!page.hasLocationParameter(u"state"_s));
    QCOMPARE(page.locationParameter(u"iss"_s), m_server->context().issuer());
    QVERIFY(!page.hasLocationParameter(u"code"_s));
    QCOMPARE(page.header("Cache-Control"), "no-store");
    QCOMPARE(issuedCodes(), 0);
    QCOMPARE(issuedTokens(), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authorization_requests"_s), 0);
}

void TestOAuthAuthorize::pkceOptOutLetsAConfidentialClientSkipIt()
{
    const QJsonObject legacy =
        m_server->createConsumer({{u"name"_s, u"Legacy portal"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"require_pkce"_s, false},
                                  {u"redirect_uris"_s, QJsonArray{fieldHttpsRedirect}}});
    QVERIFY(!legacy.isEmpty());
    FormFields fields =
        parameters(legacy[u"client_id"_s].toString(), fieldHttpsRedirect, u"work_orders:read"_s);
    fields.removeIf([](const auto &field) { return field.first.startsWith(u"code_challenge"); });
    Browser browser;
    const Page done = browser.authorize(authorizeUrl(fields), memberEmail, memberPassword);
    QVERIFY2(done.status == 302, done.describe().constData());
    QVERIFY(done.hasLocationParameter(u"code"_s));
    const Reply token =
        exchange(legacy[u"client_id"_s].toString(), legacy[u"client_secret"_s].toString(),
                 done.locationParameter(u"code"_s), fieldHttpsRedirect, {});
    QVERIFY2(token.status == 200, token.describe().constData());

    // Opting out does not allow plain.
    fields.append({u"code_challenge"_s, m_verifier});
    fields.append({u"code_challenge_method"_s, u"plain"_s});
    const Page plain = browser.open(authorizeUrl(fields));
    QCOMPARE(plain.status, 302);
    QCOMPARE(plain.locationParameter(u"error"_s), u"invalid_request"_s);

    // A public client cannot opt out: the admin API refuses it...
    const QJsonObject phone{{u"name"_s, u"Phone app"_s},
                            {u"grant_type"_s, u"authorization_code"_s},
                            {u"client_type"_s, u"public"_s},
                            {u"redirect_uris"_s, QJsonArray{u"com.example.phone:/cb"_s}}};
    QJsonObject optOut = phone;
    optOut.insert(u"require_pkce"_s, false);
    optOut.insert(u"permission_group_id"_s, u"Maintenance"_s);
    const Reply refusedOptOut = m_server->admin("POST", u"/api/admin/v1/consumers"_s, optOut);
    QVERIFY2(refusedOptOut.status == 422, refusedOptOut.describe().constData());
    // ...and the authorize endpoint requires PKCE of a public client even if the stored row says
    // otherwise (rows written before that check existed).
    const QJsonObject app = m_server->createConsumer(phone);
    QVERIFY(!app.isEmpty());
    m_server->context().database().exec(u"UPDATE consumers SET require_pkce = 0 WHERE id = ?"_s,
                                        {app[u"id"_s].toString()});
    QVERIFY(!m_server->context()
                 .consumers.findByClientId(app[u"client_id"_s].toString())
                 ->consumer.requirePkce);
    FormFields appFields = parameters(app[u"client_id"_s].toString(), u"com.example.phone:/cb"_s);
    appFields.removeIf([](const auto &field) { return field.first.startsWith(u"code_challenge"); });
    const Page refused = browser.open(authorizeUrl(appFields));
    QVERIFY2(refused.status == 302, refused.describe().constData());
    QCOMPARE(refused.location.toString(QUrl::RemoveQuery), u"com.example.phone:/cb"_s);
    QCOMPARE(refused.locationParameter(u"error"_s), u"invalid_request"_s);
    QVERIFY(refused.locationParameter(u"error_description"_s).contains(u"PKCE is required"_s));
    QCOMPARE(issuedCodes(), 1);
}

void TestOAuthAuthorize::stateIsEchoedSafely()
{
    // A state that looks like more parameters stays one parameter, on errors and on success.
    const QString tricky = u"x&code=injected&error=none #\u00e9"_s;
    FormFields fields = parameters(m_field[u"client_id"_s].toString(), fieldRedirect);
    fields.removeIf([](const auto &field) { return field.first == u"state"; });
    fields.append({u"state"_s, tricky});
    Browser browser;
    FormFields bad = fields;
    bad.append({u"scope"_s, u"admin"_s});
    const Page error = browser.open(authorizeUrl(bad));
    QVERIFY2(error.status == 302, error.describe().constData());
    QCOMPARE(error.locationParameter(u"state"_s), tricky);
    QCOMPARE(error.locationParameter(u"error"_s), u"invalid_scope"_s);
    QVERIFY(!error.hasLocationParameter(u"code"_s));

    const Page done = browser.authorize(authorizeUrl(fields), memberEmail, memberPassword);
    QVERIFY2(done.status == 302, done.describe().constData());
    QCOMPARE(done.locationParameter(u"state"_s), tricky);
    QVERIFY(done.locationParameter(u"code"_s) != u"injected"_s);
    QVERIFY(!done.hasLocationParameter(u"error"_s));
}

void TestOAuthAuthorize::registeredQueryIsKept()
{
    const QString registered = u"https://app.example.com/callback?tenant=acme"_s;
    const QJsonObject app =
        m_server->createConsumer({{u"name"_s, u"Multi-tenant app"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"redirect_uris"_s, QJsonArray{registered}}});
    QVERIFY(!app.isEmpty());
    Browser browser;
    // Only one, not loopback: redirect_uri may be left out.
    FormFields fields = parameters(app[u"client_id"_s].toString(), registered);
    fields.removeIf([](const auto &field) { return field.first == u"redirect_uri"; });
    const Page done = browser.authorize(authorizeUrl(fields), memberEmail, memberPassword);
    QVERIFY2(done.status == 302, done.describe().constData());
    QCOMPARE(done.location.toString(QUrl::RemoveQuery), u"https://app.example.com/callback"_s);
    QCOMPARE(done.locationParameter(u"tenant"_s), u"acme"_s);
    QVERIFY(done.location.toString().startsWith(registered + u"&code="_s));
    QCOMPARE(done.locationParameter(u"state"_s), state);

    const Reply token = exchange(app[u"client_id"_s].toString(), app[u"client_secret"_s].toString(),
                                 done.locationParameter(u"code"_s), registered, m_verifier);
    QVERIFY2(token.status == 200, token.describe().constData());
}

void TestOAuthAuthorize::consumerTextIsEscaped()
{
    const QJsonObject app =
        m_server->createConsumer({{u"name"_s, u"<script>alert(1)</script>"_s},
                                  {u"description"_s, u"\"><img src=x onerror=alert(2)>"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"redirect_uris"_s, QJsonArray{fieldRedirect}}});
    QVERIFY(!app.isEmpty());
    Browser browser;
    const QUrl url = authorizeUrl(parameters(app[u"client_id"_s].toString(), fieldRedirect));
    const Page signIn = browser.open(url);
    QVERIFY2(signIn.status == 200, signIn.describe().constData());
    QVERIFY(!signIn.text().contains(u"<script>"_s));
    QVERIFY(signIn.text().contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"_s));
    const Page consent = browser.submitSignIn(memberEmail, memberPassword);
    QVERIFY2(Browser::isConsentPage(consent.body), consent.describe().constData());
    QVERIFY(!consent.text().contains(u"<script>"_s));
    QVERIFY(!consent.text().contains(u"<img"_s));
    QVERIFY(consent.text().contains(u"&lt;img src=x onerror=alert(2)&gt;"_s));
}

void TestOAuthAuthorize::sessionDoesNotCrossTenants()
{
    const QJsonObject other = m_server->bootstrapTenant(u"Other account"_s);
    const QString otherDesktop = other[u"desktop"_s][u"client_id"_s].toString();
    QVERIFY(!otherDesktop.isEmpty());
    QVERIFY(otherDesktop != desktopClientId());

    Browser browser;
    const Page first = browser.authorize(
        authorizeUrl(parameters(desktopClientId(), desktopRedirect, u"assets:read"_s)),
        adminEmail(), adminPassword());
    QVERIFY2(first.status == 302, first.describe().constData());

    // Signed in to this account, the other account still asks who you are...
    const QUrl url = authorizeUrl(parameters(otherDesktop, desktopRedirect, u"assets:read"_s));
    const Page signIn = browser.open(url);
    QVERIFY2(signIn.status == 200, signIn.describe().constData());
    QVERIFY(Browser::isSignInPage(signIn.body));
    QVERIFY(signIn.text().contains(u"Other account"_s));
    // ...and this account's credentials do not open it.
    const Page refused = browser.submitSignIn(adminEmail(), adminPassword());
    QVERIFY2(refused.status == 401, refused.describe().constData());
    const Page allowed = browser.submitSignIn(other[u"admin"_s][u"email"_s].toString(),
                                              other[u"admin"_s][u"password"_s].toString());
    QVERIFY2(Browser::isConsentPage(allowed.body), allowed.describe().constData());
    QVERIFY(allowed.text().contains(u"Other account"_s));
}

void TestOAuthAuthorize::loopbackPortIsIgnored_data()
{
    QTest::addColumn<QString>("registered");
    QTest::addColumn<QString>("requested");

    QTest::newRow("127.0.0.1") << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:49152/cb"_s;
    QTest::newRow("[::1]") << u"http://[::1]/cb"_s << u"http://[::1]:49153/cb"_s;
    QTest::newRow("localhost") << u"http://localhost/cb"_s << u"http://localhost:8080/cb"_s;
    QTest::newRow("registered with a port")
        << u"http://127.0.0.1:1234/cb"_s << u"http://127.0.0.1:5678/cb"_s;
}

void TestOAuthAuthorize::loopbackPortIsIgnored()
{
    QFETCH(QString, registered);
    QFETCH(QString, requested);

    const QJsonObject app =
        m_server->createConsumer({{u"name"_s, u"Native app"_s},
                                  {u"grant_type"_s, u"authorization_code"_s},
                                  {u"client_type"_s, u"public"_s},
                                  {u"redirect_uris"_s, QJsonArray{registered}}});
    QVERIFY(!app.isEmpty());
    const QString clientId = app[u"client_id"_s].toString();
    Browser browser;
    const Page done =
        browser.authorize(authorizeUrl(parameters(clientId, requested, u"assets:read"_s)),
                          memberEmail, memberPassword);
    QVERIFY2(done.status == 302, done.describe().constData());
    // Back to the port the app listens on, not the registered one.
    QCOMPARE(done.location.toString(QUrl::RemoveQuery), requested);
    const QString code = done.locationParameter(u"code"_s);
    QVERIFY(!code.isEmpty());

    // The token request must repeat the redirect URI as sent, port included.
    Reply token = exchange(clientId, {}, code, registered, m_verifier);
    QCOMPARE(token.status, 400);
    QCOMPARE(token.json()[u"error"_s].toString(), u"invalid_grant"_s);
    token = exchange(clientId, {}, code, requested, m_verifier);
    QVERIFY2(token.status == 200, token.describe().constData());

    // Over https the port counts.
    FormFields https = parameters(clientId, QString(requested).replace(u"http:"_s, u"https:"_s));
    const Page refused = browser.open(authorizeUrl(https));
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.header("Location").isEmpty());
}

void TestOAuthAuthorize::redirectUriMatching_data()
{
    QTest::addColumn<QString>("registered");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<bool>("matches");

    QTest::newRow("identical https")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/cb"_s << true;
    QTest::newRow("https port differs")
        << u"https://app.example.com/cb"_s << u"https://app.example.com:8443/cb"_s << false;
    QTest::newRow("https explicit default port")
        << u"https://app.example.com/cb"_s << u"https://app.example.com:443/cb"_s << false;
    QTest::newRow("https trailing slash")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/cb/"_s << false;
    QTest::newRow("https path case")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/CB"_s << false;
    QTest::newRow("https host case")
        << u"https://app.example.com/cb"_s << u"https://APP.example.com/cb"_s << false;
    QTest::newRow("https extra query")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/cb?a=1"_s << false;
    QTest::newRow("https query differs")
        << u"https://app.example.com/cb?a=1"_s << u"https://app.example.com/cb?a=2"_s << false;
    QTest::newRow("https query identical")
        << u"https://app.example.com/cb?a=1"_s << u"https://app.example.com/cb?a=1"_s << true;
    QTest::newRow("https sub-path")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/cb/x"_s << false;
    QTest::newRow("https path traversal")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/cb/../x"_s << false;
    QTest::newRow("https percent-encoded path")
        << u"https://app.example.com/cb"_s << u"https://app.example.com/%63b"_s << false;
    QTest::newRow("https to http")
        << u"https://app.example.com/cb"_s << u"http://app.example.com/cb"_s << false;
    QTest::newRow("https host suffix")
        << u"https://app.example.com/cb"_s << u"https://app.example.com.evil.example/cb"_s << false;
    QTest::newRow("127.0.0.1 any port")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:50000/cb"_s << true;
    QTest::newRow("127.0.0.1 port 1")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:1/cb"_s << true;
    QTest::newRow("127.0.0.1 registered port, another one")
        << u"http://127.0.0.1:8000/cb"_s << u"http://127.0.0.1:9000/cb"_s << true;
    QTest::newRow("127.0.0.1 registered port, none requested")
        << u"http://127.0.0.1:8000/cb"_s << u"http://127.0.0.1/cb"_s << true;
    QTest::newRow("[::1] any port") << u"http://[::1]/cb"_s << u"http://[::1]:50000/cb"_s << true;
    QTest::newRow("localhost any port")
        << u"http://localhost/cb"_s << u"http://localhost:50000/cb"_s << true;
    QTest::newRow("loopback root, no path")
        << u"http://127.0.0.1"_s << u"http://127.0.0.1:50000"_s << true;
    QTest::newRow("loopback with query, any port")
        << u"http://127.0.0.1/cb?x=1"_s << u"http://127.0.0.1:50000/cb?x=1"_s << true;
    QTest::newRow("loopback query differs")
        << u"http://127.0.0.1/cb?x=1"_s << u"http://127.0.0.1:50000/cb?x=2"_s << false;
    QTest::newRow("loopback extra query")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:50000/cb?x=1"_s << false;
    QTest::newRow("loopback trailing slash")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:50000/cb/"_s << false;
    QTest::newRow("loopback path case")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:50000/Cb"_s << false;
    QTest::newRow("loopback other path")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:50000/other"_s << false;
    QTest::newRow("127.0.0.1 to localhost")
        << u"http://127.0.0.1/cb"_s << u"http://localhost:50000/cb"_s << false;
    QTest::newRow("localhost to [::1]")
        << u"http://localhost/cb"_s << u"http://[::1]:50000/cb"_s << false;
    QTest::newRow("localhost in capitals")
        << u"http://localhost/cb"_s << u"http://LOCALHOST:50000/cb"_s << false;
    QTest::newRow("loopback over https, port differs")
        << u"https://127.0.0.1/cb"_s << u"https://127.0.0.1:50000/cb"_s << false;
    QTest::newRow("loopback look-alike host")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1.evil.example:80/cb"_s << false;
    QTest::newRow("loopback user info")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:80@evil.example/cb"_s << false;
    QTest::newRow("loopback port not a number")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:abc/cb"_s << false;
    QTest::newRow("loopback fragment")
        << u"http://127.0.0.1/cb"_s << u"http://127.0.0.1:5000/cb#frag"_s << false;
    QTest::newRow("private-use scheme identical")
        << u"com.example.app:/oauth"_s << u"com.example.app:/oauth"_s << true;
    QTest::newRow("private-use scheme path differs")
        << u"com.example.app:/oauth"_s << u"com.example.app:/oauth2"_s << false;
    QTest::newRow("empty request") << u"https://app.example.com/cb"_s << QString() << false;
}

void TestOAuthAuthorize::redirectUriMatching()
{
    QFETCH(QString, registered);
    QFETCH(QString, requested);
    QFETCH(bool, matches);

    QCOMPARE(Latchkey::Server::RedirectUri::matches(registered, requested), matches);
}

void TestOAuthAuthorize::onlySuperAdminsMayGrantAdmin_data()
{
    QTest::addColumn<QString>("scope");

    QTest::newRow("admin asked") << u"admin"_s;
    QTest::newRow("admin among others") << u"assets:read admin"_s;
    QTest::newRow("no scope: the whole group") << QString();
}

void TestOAuthAuthorize::onlySuperAdminsMayGrantAdmin()
{
    QFETCH(QString, scope);

    Browser browser;
    const Page page =
        browser.signIn(authorizeUrl(parameters(desktopClientId(), desktopRedirect, scope)),
                       memberEmail, memberPassword);
    QVERIFY2(page.status == 302, page.describe().constData());
    QCOMPARE(page.location.toString(QUrl::RemoveQuery), desktopRedirect);
    QCOMPARE(page.locationParameter(u"error"_s), u"access_denied"_s);
    QCOMPARE(page.locationParameter(u"error_description"_s),
             u"Only a super admin may grant the admin scope."_s);
    QCOMPARE(page.locationParameter(u"state"_s), state);
    QCOMPARE(page.locationParameter(u"iss"_s), m_server->context().issuer());
    QCOMPARE(issuedCodes(), 0);
    QCOMPARE(issuedTokens(), 0);
    const QString desktopId =
        m_server->context().consumers.findByClientId(desktopClientId())->consumer.id;
    QCOMPARE(authorizationsOf(desktopId).size(), 0);

    // The same member may still grant what a member can.
    const Page allowed = browser.authorize(
        authorizeUrl(parameters(desktopClientId(), desktopRedirect, u"assets:read"_s)), memberEmail,
        memberPassword);
    QVERIFY2(allowed.status == 302, allowed.describe().constData());
    QVERIFY(allowed.hasLocationParameter(u"code"_s));
    QCOMPARE(authorizationsOf(desktopId).size(), 1);
}

void TestOAuthAuthorize::wrongPasswordShowsTheFormAgain()
{
    Browser browser;
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));
    for (const auto &[email, password] :
         {std::pair{memberEmail, u"not the password"_s},
          std::pair{u"nobody@test.example"_s, memberPassword},
          std::pair{adminEmail(), memberPassword}, std::pair{memberEmail, QString()}}) {
        const Page page = browser.signIn(url, email, password);
        QVERIFY2(page.status == 401, page.describe().constData());
        QVERIFY(page.header("Location").isEmpty());
        QVERIFY(page.header("Set-Cookie").isEmpty());
        QVERIFY(Browser::isSignInPage(page.body));
        // The same words whether the email exists or not.
        QVERIFY2(page.text().contains(u"The email or password is not right. Try again."_s),
                 page.describe().constData());
        // The email is kept, the password is not.
        QVERIFY(tagWith(page.body, u"name=\"username\""_s).contains(u"value=\""_s + email));
        QVERIFY(!tagWith(page.body, u"name=\"password\""_s).contains(u"value="_s));
    }
    QVERIFY(browser.cookies(m_server->url().resolved(QUrl(u"/oauth/authorize"_s))).isEmpty());
    QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), 0);
    QCOMPARE(issuedCodes(), 0);
}

void TestOAuthAuthorize::signInIsRateLimited()
{
    Browser browser;
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));
    QVERIFY(Browser::isSignInPage(browser.open(url).body));
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const Page page = browser.submitSignIn(memberEmail, u"guess %1"_s.arg(attempt));
        QVERIFY2(page.status == 401, page.describe().constData());
        QVERIFY(page.header("Retry-After").isEmpty());
    }
    const Page limited = browser.submitSignIn(memberEmail, u"guess 6"_s);
    QVERIFY2(limited.status == 429, limited.describe().constData());
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 300, limited.header("Retry-After").constData());
    QVERIFY(limited.text().contains(
        u"Too many failed attempts. Wait %1 seconds and try again."_s.arg(retryAfter)));
    QVERIFY(Browser::isSignInPage(limited.body));

    // While limited, the right password is refused too, and no session is made.
    const Page stillLimited = browser.submitSignIn(memberEmail, memberPassword);
    QVERIFY2(stillLimited.status == 429, stillLimited.describe().constData());
    QVERIFY(!stillLimited.header("Retry-After").isEmpty());
    QVERIFY(stillLimited.header("Set-Cookie").isEmpty());
    QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), 0);

    // The limit is per email: another user on the same address signs in.
    Browser other;
    const Page admin =
        other.signIn(authorizeUrl(parameters(desktopClientId(), desktopRedirect, u"assets:read"_s)),
                     adminEmail(), adminPassword());
    QVERIFY2(admin.status == 200 && Browser::isConsentPage(admin.body),
             admin.describe().constData());

    // After the window, the right password works again.
    m_server->clock().advance(retryAfter + 1);
    const Page allowed = browser.submitSignIn(memberEmail, memberPassword);
    QVERIFY2(allowed.status == 200, allowed.describe().constData());
    QVERIFY(Browser::isConsentPage(allowed.body));
    QCOMPARE(issuedCodes(), 0);
    QCOMPARE(issuedTokens(), 0);
}

void TestOAuthAuthorize::consentDeniedRedirectsWithAccessDenied()
{
    Browser browser;
    const Page consent =
        browser.signIn(authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect)),
                       memberEmail, memberPassword);
    QVERIFY2(Browser::isConsentPage(consent.body), consent.describe().constData());
    const Page page = browser.decide(Browser::Decision::Deny);
    QVERIFY2(page.status == 302, page.describe().constData());
    QCOMPARE(page.location.toString(QUrl::RemoveQuery), fieldRedirect);
    QCOMPARE(page.locationParameter(u"error"_s), u"access_denied"_s);
    QCOMPARE(page.locationParameter(u"state"_s), state);
    QCOMPARE(page.locationParameter(u"iss"_s), m_server->context().issuer());
    QVERIFY(!page.hasLocationParameter(u"code"_s));
    QCOMPARE(issuedCodes(), 0);
    QCOMPARE(issuedTokens(), 0);
    QCOMPARE(authorizationsOf(m_field[u"id"_s].toString()).size(), 0);

    // The denied request is gone: approving it afterwards is refused.
    FormFields fields = hiddenFields(consent.body);
    fields.append({u"decision"_s, u"approve"_s});
    const Page replay = browser.post(consent.url, fields);
    QVERIFY2(replay.status == 400, replay.describe().constData());
    QVERIFY(replay.header("Location").isEmpty());
    QVERIFY(replay.text().contains(u"<h1>Request expired</h1>"_s));
    QCOMPARE(issuedCodes(), 0);
}

void TestOAuthAuthorize::csrfTokenIsChecked_data()
{
    QTest::addColumn<QString>("form");   // signin or consent
    QTest::addColumn<QString>("tamper"); // missing, empty, wrong, other request's

    for (const QString &form : {u"signin"_s, u"consent"_s}) {
        for (const QString &tamper : {u"missing"_s, u"empty"_s, u"wrong"_s, u"other"_s}) {
            QTest::addRow("%s, csrf %s", qPrintable(form), qPrintable(tamper)) << form << tamper;
        }
    }
}

void TestOAuthAuthorize::csrfTokenIsChecked()
{
    QFETCH(QString, form);
    QFETCH(QString, tamper);

    Browser browser;
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));
    // Another request in the same browser: its csrf is real, but not this request's.
    const QString otherCsrf = Browser::formFields(browser.open(url).body).value(u"csrf"_s);
    QVERIFY(!otherCsrf.isEmpty());

    const Page start =
        form == u"signin" ? browser.open(url) : browser.signIn(url, memberEmail, memberPassword);
    QVERIFY2(start.status == 200, start.describe().constData());
    QVERIFY(form == u"signin" ? Browser::isSignInPage(start.body)
                              : Browser::isConsentPage(start.body));
    const QMap<QString, QString> hidden = Browser::formFields(start.body);
    QVERIFY(!hidden.value(u"request"_s).isEmpty());
    QVERIFY(hidden.value(u"csrf"_s) != otherCsrf);

    FormFields fields{{u"request"_s, hidden.value(u"request"_s)}};
    if (tamper == u"empty")
        fields.append({u"csrf"_s, QString()});
    else if (tamper == u"wrong")
        fields.append({u"csrf"_s, QString(hidden.value(u"csrf"_s)).replace(0, 4, u"AAAA"_s)});
    else if (tamper == u"other")
        fields.append({u"csrf"_s, otherCsrf});
    if (form == u"signin") {
        fields.append({u"username"_s, memberEmail});
        fields.append({u"password"_s, memberPassword});
    } else {
        fields.append({u"decision"_s, u"approve"_s});
    }
    const int sessions = count(u"SELECT COUNT(*) FROM sessions"_s);
    const Page refused = browser.post(start.url, fields);
    QVERIFY2(refused.status == 403, refused.describe().constData());
    QVERIFY(refused.header("Location").isEmpty());
    QVERIFY(refused.header("Set-Cookie").isEmpty());
    QVERIFY2(refused.text().contains(u"<h1>Form expired</h1>"_s), refused.describe().constData());
    QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), sessions);
    QCOMPARE(issuedCodes(), 0);
    QCOMPARE(issuedTokens(), 0);
    QCOMPARE(authorizationsOf(m_field[u"id"_s].toString()).size(), 0);
}

void TestOAuthAuthorize::unknownRequestIsRefused()
{
    Browser browser;
    const Page start =
        browser.open(authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect)));
    const QString csrf = Browser::formFields(start.body).value(u"csrf"_s);
    for (const QString &request : {QString(), u"not-a-request"_s}) {
        FormFields fields{
            {u"csrf"_s, csrf}, {u"username"_s, memberEmail}, {u"password"_s, memberPassword}};
        if (!request.isEmpty())
            fields.prepend({u"request"_s, request});
        const Page refused = browser.post(start.url, fields);
        QVERIFY2(refused.status == 400, refused.describe().constData());
        QVERIFY(refused.header("Location").isEmpty());
        QVERIFY(refused.text().contains(u"<h1>Request expired</h1>"_s));
    }
    QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), 0);
    QCOMPARE(issuedCodes(), 0);
}

void TestOAuthAuthorize::expiredRequestIsRefused()
{
    Browser browser;
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));
    QVERIFY(Browser::isSignInPage(browser.open(url).body));
    m_server->clock().advance(601);
    const Page late = browser.submitSignIn(memberEmail, memberPassword);
    QVERIFY2(late.status == 400, late.describe().constData());
    QVERIFY(late.header("Location").isEmpty());
    QVERIFY(late.text().contains(u"<h1>Request expired</h1>"_s));
    QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), 0);

    // Signed in, but the consent page left open too long.
    const Page consent = browser.signIn(url, memberEmail, memberPassword);
    QVERIFY(Browser::isConsentPage(consent.body));
    m_server->clock().advance(601);
    const Page tooLate = browser.decide(Browser::Decision::Approve);
    QVERIFY2(tooLate.status == 400, tooLate.describe().constData());
    QVERIFY(tooLate.header("Location").isEmpty());
    QCOMPARE(issuedCodes(), 0);
}

void TestOAuthAuthorize::decisionNeedsTheBrowserThatSignedIn()
{
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));

    // A decision without signing in at all, with the sign-in page's own hidden fields.
    Browser anonymous;
    const Page signIn = anonymous.open(url);
    FormFields fields = hiddenFields(signIn.body);
    fields.append({u"decision"_s, u"approve"_s});
    Page refused = anonymous.post(signIn.url, fields);
    QVERIFY2(refused.status == 403, refused.describe().constData());
    QVERIFY(refused.header("Location").isEmpty());

    // The consent form of someone who signed in, sent from a browser with no session...
    Browser victim;
    const Page consent = victim.signIn(url, memberEmail, memberPassword);
    QVERIFY(Browser::isConsentPage(consent.body));
    FormFields stolen = hiddenFields(consent.body);
    stolen.append({u"decision"_s, u"approve"_s});
    refused = anonymous.post(consent.url, stolen);
    QVERIFY2(refused.status == 403, refused.describe().constData());
    QVERIFY(refused.header("Location").isEmpty());

    // ...or from one signed in as somebody else.
    Browser attacker;
    const Page attackerConsent = attacker.signIn(
        authorizeUrl(parameters(desktopClientId(), desktopRedirect, u"assets:read"_s)),
        adminEmail(), adminPassword());
    QVERIFY(Browser::isConsentPage(attackerConsent.body));
    refused = attacker.post(consent.url, stolen);
    QVERIFY2(refused.status == 403, refused.describe().constData());
    QVERIFY(refused.header("Location").isEmpty());
    QCOMPARE(issuedCodes(), 0);

    // The victim's own browser still can.
    const Page approved = victim.decide(Browser::Decision::Approve);
    QVERIFY2(approved.status == 302, approved.describe().constData());
    QVERIFY(approved.hasLocationParameter(u"code"_s));
    QCOMPARE(issuedCodes(), 1);
}

void TestOAuthAuthorize::sessionSkipsSignInAndCoveredConsent()
{
    const QString clientId = m_field[u"client_id"_s].toString();
    Browser browser;
    const Page first = browser.authorize(
        authorizeUrl(parameters(clientId, fieldRedirect, u"assets:read work_orders:read"_s)),
        memberEmail, memberPassword);
    QVERIFY2(first.status == 302, first.describe().constData());
    QVERIFY(!browser.cookies(first.url).isEmpty());

    // Same browser, scopes already granted: straight back to the client with a new code.
    const Page second =
        browser.open(authorizeUrl(parameters(clientId, fieldRedirect, u"assets:read"_s)));
    QVERIFY2(second.status == 302, second.describe().constData());
    QVERIFY(!second.hasLocationParameter(u"error"_s));
    QCOMPARE(second.locationParameter(u"state"_s), state);
    QCOMPARE(second.locationParameter(u"iss"_s), m_server->context().issuer());
    const QString code = second.locationParameter(u"code"_s);
    QVERIFY(!code.isEmpty());
    QVERIFY(code != first.locationParameter(u"code"_s));
    QCOMPARE(issuedCodes(), 2);
    const Reply token =
        exchange(clientId, m_field[u"client_secret"_s].toString(), code, fieldRedirect, m_verifier);
    QVERIFY2(token.status == 200, token.describe().constData());
    QCOMPARE(token.json()[u"scope"_s].toString(), u"assets:read"_s);

    // Same browser, more scopes: no sign-in, but consent again.
    const Page more = browser.open(authorizeUrl(parameters(clientId, fieldRedirect)));
    QVERIFY2(more.status == 200, more.describe().constData());
    QVERIFY(Browser::isConsentPage(more.body));
    QVERIFY(!Browser::isSignInPage(more.body));

    // Another browser has no session: it signs in.
    Browser other;
    const Page fresh =
        other.open(authorizeUrl(parameters(clientId, fieldRedirect, u"assets:read"_s)));
    QVERIFY2(fresh.status == 200, fresh.describe().constData());
    QVERIFY(Browser::isSignInPage(fresh.body));

    // The session ends after its lifetime.
    m_server->clock().advance(12 * 3600 + 1);
    const Page expired =
        browser.open(authorizeUrl(parameters(clientId, fieldRedirect, u"assets:read"_s)));
    QVERIFY2(expired.status == 200, expired.describe().constData());
    QVERIFY(Browser::isSignInPage(expired.body));
}

void TestOAuthAuthorize::secondConsentWidensTheSameAuthorization()
{
    const QString clientId = m_field[u"client_id"_s].toString();
    const QString consumerId = m_field[u"id"_s].toString();
    Browser browser;
    const Page first =
        browser.authorize(authorizeUrl(parameters(clientId, fieldRedirect, u"assets:read"_s)),
                          memberEmail, memberPassword);
    QVERIFY2(first.status == 302, first.describe().constData());
    QJsonArray authorizations = authorizationsOf(consumerId);
    QCOMPARE(authorizations.size(), 1);
    const QString id = authorizations.at(0)[u"id"_s].toString();
    QCOMPARE(authorizations.at(0)[u"scopes"_s].toArray(), QJsonArray{u"assets:read"_s});
    QCOMPARE(authorizations.at(0)[u"user_id"_s].toString(), m_memberId);

    const Page consent = browser.open(
        authorizeUrl(parameters(clientId, fieldRedirect, u"assets:read work_orders:write"_s)));
    QVERIFY2(Browser::isConsentPage(consent.body), consent.describe().constData());
    QVERIFY(consent.text().contains(u"Create and change work orders"_s));
    const Page second = browser.decide(Browser::Decision::Approve);
    QVERIFY2(second.status == 302, second.describe().constData());
    const Reply token = exchange(clientId, m_field[u"client_secret"_s].toString(),
                                 second.locationParameter(u"code"_s), fieldRedirect, m_verifier);
    QCOMPARE(token.json()[u"scope"_s].toString(), u"assets:read work_orders:write"_s);

    authorizations = authorizationsOf(consumerId);
    QCOMPARE(authorizations.size(), 1);
    QCOMPARE(authorizations.at(0)[u"id"_s].toString(), id);
    QCOMPARE(authorizations.at(0)[u"scopes"_s].toArray(),
             (QJsonArray{u"assets:read"_s, u"work_orders:write"_s}));

    // A narrower request is covered and does not narrow the authorization.
    const Page narrow =
        browser.open(authorizeUrl(parameters(clientId, fieldRedirect, u"work_orders:write"_s)));
    QVERIFY2(narrow.status == 302, narrow.describe().constData());
    QCOMPARE(authorizationsOf(consumerId).at(0)[u"scopes"_s].toArray(),
             (QJsonArray{u"assets:read"_s, u"work_orders:write"_s}));

    // Denying a wider request keeps what was granted.
    const Page wider = browser.open(authorizeUrl(parameters(clientId, fieldRedirect)));
    QVERIFY(Browser::isConsentPage(wider.body));
    const Page denied = browser.decide(Browser::Decision::Deny);
    QCOMPARE(denied.locationParameter(u"error"_s), u"access_denied"_s);
    authorizations = authorizationsOf(consumerId);
    QCOMPARE(authorizations.size(), 1);
    QCOMPARE(authorizations.at(0)[u"status"_s].toString(), u"active"_s);
    QCOMPARE(authorizations.at(0)[u"scopes"_s].toArray(),
             (QJsonArray{u"assets:read"_s, u"work_orders:write"_s}));
}

void TestOAuthAuthorize::pagesAreLocalized_data()
{
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("signIn");
    QTest::addColumn<QString>("consent");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("unknownClient");

    QTest::newRow("pt-BR") << "pt-BR,pt;q=0.9,en;q=0.5"_ba << u"pt-BR"_s << u"Entrar"_s
                           << u"Autorização do aplicativo"_s << u"Ler ativos"_s
                           << u"Aplicativo desconhecido"_s;
    QTest::newRow("es") << "es-ES,es;q=0.9"_ba << u"es"_s << u"Iniciar sesión"_s
                        << u"Autorizar aplicación"_s << u"Leer activos"_s
                        << u"Aplicación desconocida"_s;
    QTest::newRow("es preferred by q")
        << "en;q=0.3, es;q=0.8"_ba << u"es"_s << u"Iniciar sesión"_s << u"Autorizar aplicación"_s
        << u"Leer activos"_s << u"Aplicación desconocida"_s;
    QTest::newRow("en") << "en-US"_ba << u"en"_s << u"Sign in"_s << u"Authorize application"_s
                        << u"Read assets"_s << u"Unknown application"_s;
    QTest::newRow("unsupported language falls back to en")
        << "de-DE,fr;q=0.8"_ba << u"en"_s << u"Sign in"_s << u"Authorize application"_s
        << u"Read assets"_s << u"Unknown application"_s;
    QTest::newRow("no header") << QByteArray() << u"en"_s << u"Sign in"_s
                               << u"Authorize application"_s << u"Read assets"_s
                               << u"Unknown application"_s;
}

void TestOAuthAuthorize::pagesAreLocalized()
{
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(QString, lang);
    QFETCH(QString, signIn);
    QFETCH(QString, consent);
    QFETCH(QString, scope);
    QFETCH(QString, unknownClient);

    Browser browser;
    browser.setAcceptLanguage(acceptLanguage);
    const QUrl url = authorizeUrl(
        parameters(m_field[u"client_id"_s].toString(), fieldRedirect, u"assets:read"_s));
    const Page signInPage = browser.open(url);
    QVERIFY2(signInPage.status == 200, signInPage.describe().constData());
    QVERIFY(signInPage.text().contains(u"<html lang=\""_s + lang + u"\">"_s));
    QVERIFY2(signInPage.text().contains(u"<h1>"_s + signIn + u"</h1>"_s),
             signInPage.describe().constData());
    QVERIFY(signInPage.header("Content-Type").contains("charset=utf-8"));

    const Page consentPage = browser.signIn(url, memberEmail, memberPassword);
    QVERIFY2(consentPage.text().contains(u"<h1>"_s + consent + u"</h1>"_s),
             consentPage.describe().constData());
    QVERIFY(consentPage.text().contains(u"<span>"_s + scope + u"</span>"_s));
    QVERIFY(consentPage.text().contains(u"Field App"_s));

    const Page error = browser.open(authorizeUrl({{u"client_id"_s, u"ck_nobody"_s}}));
    QCOMPARE(error.status, 400);
    QVERIFY2(error.text().contains(u"<h1>"_s + unknownClient + u"</h1>"_s),
             error.describe().constData());
}

void TestOAuthAuthorize::pagesCarrySecurityHeaders()
{
    Browser browser;
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));
    const Page signIn = browser.open(url);
    const Page consent = browser.signIn(url, memberEmail, memberPassword);
    const Page error = browser.open(authorizeUrl({{u"client_id"_s, u"ck_nobody"_s}}));
    for (const Page &page : {signIn, consent, error}) {
        QVERIFY2(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"),
                 page.header("Content-Security-Policy").constData());
        QVERIFY(page.header("Content-Security-Policy").contains("default-src 'none'"));
        QCOMPARE(page.header("X-Frame-Options"), "DENY");
        QCOMPARE(page.header("Cache-Control"), "no-store");
        QCOMPARE(page.header("Referrer-Policy"), "no-referrer");
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
    }

    const QByteArray cookie = consent.header("Set-Cookie");
    QVERIFY2(cookie.startsWith("latchkey_session="), cookie.constData());
    QVERIFY(cookie.contains("HttpOnly"));
    QVERIFY(cookie.contains("SameSite=Lax"));
    QVERIFY(cookie.contains("Path=/oauth"));
    QVERIFY2(!cookie.contains("Secure"), "not Secure over plain http");
    // The session secret is stored only as a digest.
    const QByteArray session = cookie.mid(17, cookie.indexOf(';') - 17);
    QVERIFY(session.size() >= 43);
    QCOMPARE(
        count(u"SELECT COUNT(*) FROM sessions WHERE digest = ?"_s, {QString::fromLatin1(session)}),
        0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM sessions"_s), 1);

    const Page style = browser.open(m_server->url().resolved(QUrl(u"/oauth/assets/style.css"_s)));
    QCOMPARE(style.status, 200);
    QVERIFY(style.header("Content-Type").startsWith("text/css"));
}

void TestOAuthAuthorize::formsCarryTheDocumentedFields()
{
    Browser browser;
    const QUrl url = authorizeUrl(parameters(m_field[u"client_id"_s].toString(), fieldRedirect));
    const Page signIn = browser.open(url);
    QVERIFY(tagWith(signIn.body, u"<form "_s).contains(u"method=\"post\""_s));
    QVERIFY(tagWith(signIn.body, u"<form "_s).contains(u"action=\"/oauth/authorize\""_s));
    const QString username = tagWith(signIn.body, u"name=\"username\""_s);
    QVERIFY2(username.contains(u"autocomplete=\"username\""_s), qPrintable(username));
    const QString password = tagWith(signIn.body, u"name=\"password\""_s);
    QVERIFY2(password.contains(u"autocomplete=\"current-password\""_s), qPrintable(password));
    QVERIFY(password.contains(u"type=\"password\""_s));
    QMap<QString, QString> hidden = Browser::formFields(signIn.body);
    QCOMPARE(hidden.keys(), (QStringList{u"csrf"_s, u"request"_s}));
    QVERIFY(hidden.value(u"csrf"_s).size() >= 22);
    QVERIFY(hidden.value(u"request"_s).size() >= 22);
    // Neither is stored in clear.
    QCOMPARE(count(u"SELECT COUNT(*) FROM authorization_requests WHERE csrf_digest = ?"_s,
                   {hidden.value(u"csrf"_s)}),
             0);

    const Page consent = browser.submitSignIn(memberEmail, memberPassword);
    const QString approve = tagWith(consent.body, u"value=\"approve\""_s);
    QVERIFY2(approve.startsWith(u"<button"_s) && approve.contains(u"name=\"decision\""_s),
             qPrintable(approve));
    const QString deny = tagWith(consent.body, u"value=\"deny\""_s);
    QVERIFY2(deny.startsWith(u"<button"_s) && deny.contains(u"name=\"decision\""_s),
             qPrintable(deny));
    const QMap<QString, QString> consentHidden = Browser::formFields(consent.body);
    QCOMPARE(consentHidden.keys(), (QStringList{u"csrf"_s, u"request"_s}));
    QCOMPARE(consentHidden.value(u"request"_s), hidden.value(u"request"_s));
}

void TestOAuthAuthorize::discoveryMetadata()
{
    const Reply reply = m_server->request("GET", u"/.well-known/oauth-authorization-server"_s);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    const QJsonObject metadata = reply.json();
    const QString issuer = m_server->url().toString(QUrl::StripTrailingSlash);
    QCOMPARE(metadata[u"issuer"_s].toString(), issuer);
    QCOMPARE(m_server->context().issuer(), issuer);
    QCOMPARE(metadata[u"authorization_endpoint"_s].toString(), issuer + u"/oauth/authorize"_s);
    QCOMPARE(metadata[u"token_endpoint"_s].toString(), issuer + u"/oauth/token"_s);
    QCOMPARE(metadata[u"revocation_endpoint"_s].toString(), issuer + u"/oauth/revoke"_s);
    QCOMPARE(metadata[u"introspection_endpoint"_s].toString(), issuer + u"/oauth/introspect"_s);
    QCOMPARE(metadata[u"response_types_supported"_s].toArray(), QJsonArray{u"code"_s});
    QCOMPARE(metadata[u"code_challenge_methods_supported"_s].toArray(), QJsonArray{u"S256"_s});
    QCOMPARE(metadata[u"grant_types_supported"_s].toArray(),
             (QJsonArray{u"authorization_code"_s, u"client_credentials"_s, u"refresh_token"_s}));
    QCOMPARE(metadata[u"token_endpoint_auth_methods_supported"_s].toArray(),
             (QJsonArray{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s}));
    QVERIFY(!metadata[u"introspection_endpoint_auth_methods_supported"_s].toArray().contains(
        u"none"_s));
    QCOMPARE(metadata[u"authorization_response_iss_parameter_supported"_s].toBool(false), true);
    QVERIFY(metadata[u"scopes_supported"_s].toArray().contains(u"admin"_s));
    QCOMPARE(metadata[u"ui_locales_supported"_s].toArray(),
             (QJsonArray{u"en"_s, u"pt-BR"_s, u"es"_s}));
    // Every endpoint it names answers (not 404) where it says.
    for (const QString &key :
         {u"token_endpoint"_s, u"revocation_endpoint"_s, u"introspection_endpoint"_s}) {
        const QString path = QUrl(metadata[key].toString()).path();
        QVERIFY2(m_server->request("POST", path, {}, {}).status != 404, qPrintable(path));
    }
}

QTEST_GUILESS_MAIN(TestOAuthAuthorize)
#include "tst_oauthauthorize.moc"
