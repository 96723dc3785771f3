#include "serverharness.h"

#include "fuzzsupport.h"

#include <account/accountsetup.h>
#include <http/httpparser.h>
#include <storage/database.h>

#include <protocol/hawk.h>
#include <protocol/pkce.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace Qt::StringLiterals;
using namespace Latchkey::Server;

namespace Latchkey::Fuzz {

namespace {

constexpr char publicUrl[] = "http://127.0.0.1:8765";
constexpr char redirectUri[] = "http://127.0.0.1/callback";

std::string &dataDirToRemove()
{
    static std::string path;
    return path;
}

void removeDataDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(dataDirToRemove(), ignored);
}

[[noreturn]] void setUpFailed(const char *step, const HttpResponse &response)
{
    fail(step, QByteArray(QByteArray::number(response.status) + ' ' + response.body));
}

QJsonObject jsonOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QByteArray hiddenField(const HttpResponse &page, const QString &name)
{
    const QRegularExpression field(u"name=\"%1\" value=\"([^\"]*)\""_s.arg(name));
    return field.match(QString::fromUtf8(page.body)).captured(1).toUtf8();
}

// The path, resource and query as the transport fills them.
void setTarget(HttpRequest &request, const QString &target)
{
    if (!HttpRequestParser::setTarget(request, target.toUtf8()))
        fail("a harness target is not origin-form", target.toUtf8());
}

} // namespace

ServerHarness &ServerHarness::instance()
{
    // Never destroyed: the database outlives every run, and libFuzzer may exit from anywhere.
    static ServerHarness *harness = new ServerHarness;
    return *harness;
}

ServerHarness::ServerHarness()
    : m_now(QDateTime::currentDateTimeUtc())
{
    m_dir.setAutoRemove(false);
    dataDirToRemove() = m_dir.path().toStdString();
    std::atexit(removeDataDir);

    ServerOptions options;
    options.dataDir = m_dir.path();
    options.publicUrl = QUrl(QString::fromLatin1(publicUrl));
    const QDateTime now = m_now;
    options.clock = [now] { return now; };
    QString error;
    m_server = AccountServer::open(options, &error);
    if (!m_server)
        fail("cannot open the account server", error.toUtf8());
    setUp();
}

HttpResponse ServerHarness::call(const QByteArray &method, const QString &target,
                                 const QList<QPair<QByteArray, QByteArray>> &headers,
                                 const QByteArray &body)
{
    HttpRequest request;
    request.method = method;
    setTarget(request, target);
    for (const auto &[name, value] : headers)
        request.headers.append({name.toLower(), value});
    request.body = body;
    request.remoteAddress = QHostAddress(u"127.0.0.1"_s);
    return m_server->handle(request);
}

void ServerHarness::setUp()
{
    AccountSetup::BootstrapOptions options;
    options.tenantName = u"Fuzz account"_s;
    options.adminEmail = u"admin@fuzz.example"_s;
    options.sandbox = true;
    const QJsonObject bootstrap = AccountSetup::bootstrap(m_server->context(), options);
    const QJsonObject automation = bootstrap[u"automation"_s].toObject();
    const QByteArray clientId = automation[u"client_id"_s].toString().toUtf8();
    const QByteArray clientSecret = automation[u"client_secret"_s].toString().toUtf8();
    const QByteArray basic = "Basic " + QByteArray(clientId + ':' + clientSecret).toBase64();

    const HttpResponse token =
        call("POST", u"/oauth/token"_s,
             {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", basic}},
             "grant_type=client_credentials");
    const QByteArray adminToken = jsonOf(token)[u"access_token"_s].toString().toUtf8();
    if (adminToken.isEmpty())
        setUpFailed("no admin token", token);
    const QByteArray bearer = "Bearer " + adminToken;
    m_adminAuthorization = bearer;

    const auto firstId = [&](const QString &list, const QString &field = u"id"_s) {
        const HttpResponse response =
            call("GET", u"/api/admin/v1/"_s + list, {{"Authorization", bearer}}, {});
        const QJsonArray items = jsonOf(response)[u"items"_s].toArray();
        if (items.isEmpty())
            setUpFailed("an empty sandbox list", response);
        return items.first()[field].toString().toUtf8();
    };
    const HttpResponse groups =
        call("GET", u"/api/admin/v1/permission-groups"_s, {{"Authorization", bearer}}, {});
    QByteArray maintenance;
    for (const QJsonValue &group : jsonOf(groups)[u"items"_s].toArray()) {
        if (group[u"name"_s].toString() == u"Maintenance")
            maintenance = group[u"id"_s].toString().toUtf8();
    }
    const HttpResponse key =
        call("POST", u"/api/admin/v1/keys"_s,
             {{"Authorization", bearer}, {"Content-Type", "application/json"}},
             QJsonDocument(QJsonObject{{u"name"_s, u"Fuzz key"_s},
                                       {u"permission_group_id"_s, QString::fromUtf8(maintenance)}})
                 .toJson(QJsonDocument::Compact));
    m_hawkId = jsonOf(key)[u"id"_s].toString().toUtf8();
    m_hawkKey = jsonOf(key)[u"secret"_s].toString().toUtf8();
    if (m_hawkKey.isEmpty())
        setUpFailed("no Hawk key", key);
    const HttpResponse page =
        call("GET", u"/api/admin/v1/keys?limit=1"_s, {{"Authorization", bearer}}, {});
    const QByteArray cursor = jsonOf(page)[u"next_cursor"_s].toString().toUtf8();

    m_placeholders = {
        {"@admin_token", adminToken},
        {"@client_id", clientId},
        {"@client_secret", clientSecret},
        {"@basic", basic},
        {"@hawk_id", m_hawkId},
        {"@key", firstId(u"keys"_s)},
        {"@consumer", firstId(u"consumers?grant_type=authorization_code&q=Partner"_s)},
        {"@authz", firstId(u"authorizations"_s)},
        {"@user", firstId(u"users"_s)},
        {"@group", maintenance},
        {"@cursor", cursor},
        {"@redirect", redirectUri},
    };
    // The sandbox's public client; the desktop's would ask for admin, which a member may not grant.
    const QByteArray publicClient = firstId(u"consumers?q=Mobile%20Inspector"_s, u"client_id"_s);
    signIn(bootstrap[u"sandbox_users"_s].toArray().first().toObject(), publicClient);
}

// The authorization code flow of a demo user with the public sandbox client, once: its session
// cookie, a code with its verifier, the user's tokens, and a pending request with its CSRF token.
void ServerHarness::signIn(const QJsonObject &user, const QByteArray &clientId)
{
    const QString verifier = Pkce::newVerifier();
    const QString authorize =
        u"/oauth/authorize?response_type=code&client_id=%1&redirect_uri=%2&state=fuzz"
        "&code_challenge=%3&code_challenge_method=S256"_s.arg(
            QString::fromUtf8(clientId),
            QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(redirectUri))),
            Pkce::challengeS256(verifier));
    const auto form = [](const QList<QPair<QString, QString>> &fields) {
        QByteArray out;
        for (const auto &[name, value] : fields)
            out +=
                (out.isEmpty() ? "" : "&") + name.toUtf8() + '=' + QUrl::toPercentEncoding(value);
        return out;
    };
    const QByteArray formType = "application/x-www-form-urlencoded";

    const HttpResponse signInPage = call("GET", authorize, {}, {});
    const QString request = QString::fromUtf8(hiddenField(signInPage, u"request"_s));
    const QString csrf = QString::fromUtf8(hiddenField(signInPage, u"csrf"_s));
    if (request.isEmpty())
        setUpFailed("no sign-in page", signInPage);
    const HttpResponse consent = call("POST", u"/oauth/authorize"_s, {{"Content-Type", formType}},
                                      form({{u"request"_s, request},
                                            {u"csrf"_s, csrf},
                                            {u"username"_s, user[u"email"_s].toString()},
                                            {u"password"_s, user[u"password"_s].toString()}}));
    const QByteArray cookie = consent.header("set-cookie").split(';').first();
    if (cookie.isEmpty())
        setUpFailed("no session", consent);
    const auto codeOf = [](const HttpResponse &redirect) {
        return QUrlQuery(QUrl(QString::fromUtf8(redirect.header("location"))))
            .queryItemValue(u"code"_s, QUrl::FullyDecoded);
    };
    const HttpResponse approved =
        call("POST", u"/oauth/authorize"_s, {{"Content-Type", formType}, {"Cookie", cookie}},
             form({{u"request"_s, request}, {u"csrf"_s, csrf}, {u"decision"_s, u"approve"_s}}));
    if (codeOf(approved).isEmpty())
        setUpFailed("no code from the consent", approved);
    const HttpResponse tokens = call("POST", u"/oauth/token"_s, {{"Content-Type", formType}},
                                     form({{u"grant_type"_s, u"authorization_code"_s},
                                           {u"code"_s, codeOf(approved)},
                                           {u"redirect_uri"_s, QString::fromLatin1(redirectUri)},
                                           {u"client_id"_s, QString::fromUtf8(clientId)},
                                           {u"code_verifier"_s, verifier}}));
    const QJsonObject issued = jsonOf(tokens);
    if (issued[u"refresh_token"_s].toString().isEmpty())
        setUpFailed("no tokens from the authorization code", tokens);

    // Signed in and consented already: the next request gets its code at once.
    const HttpResponse again = call("GET", authorize, {{"Cookie", cookie}}, {});
    const QString code = codeOf(again);
    if (code.isEmpty())
        setUpFailed("no second code", again);
    const HttpResponse pending = call("GET", authorize, {}, {});

    m_placeholders += {
        {"@public_client", clientId},
        {"@email", user[u"email"_s].toString().toUtf8()},
        {"@password", QUrl::toPercentEncoding(user[u"password"_s].toString())},
        {"@session", cookie},
        {"@code", code.toUtf8()},
        {"@verifier", verifier.toUtf8()},
        {"@access", issued[u"access_token"_s].toString().toUtf8()},
        {"@refresh", issued[u"refresh_token"_s].toString().toUtf8()},
        {"@request", hiddenField(pending, u"request"_s)},
        {"@csrf", hiddenField(pending, u"csrf"_s)},
    };
}

QByteArray ServerHarness::substitute(QByteArray text) const
{
    if (!text.contains('@'))
        return text;
    for (const auto &[name, value] : m_placeholders)
        text.replace(name, value);
    return text;
}

void ServerHarness::run(QByteArrayView input, bool adminByDefault)
{
    const QByteArray text = substitute(input.toByteArray());
    const qsizetype headEnd = text.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? text : text.first(headEnd);
    const QByteArray body = headEnd < 0 ? QByteArray() : text.sliced(headEnd + 2);
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    // "METHOD /target" and the header lines become a request on the wire (HTTP/1.1, a Host, and
    // a Content-Length for the body unless the input frames it), read by the transport's parser:
    // what it refuses never reaches a controller, and is checked to be refused with a 4xx or 5xx
    // of the parser's own.
    const QByteArray &requestLine = lines.first();
    QByteArray wire = requestLine + " HTTP/1.1\r\n";
    bool framed = false;
    bool hasHost = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray name = lines[i].left(lines[i].indexOf(':')).trimmed().toLower();
        framed = framed || name == "content-length" || name == "transfer-encoding";
        hasHost = hasHost || name == "host";
        wire += lines[i] + "\r\n";
    }
    if (!hasHost)
        wire += "Host: 127.0.0.1:8765\r\n";
    if (!framed && !body.isEmpty())
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    wire += "\r\n" + body;
    HttpRequestParser parser;
    parser.feed(wire);
    HttpRequestParser::Event event = parser.next();
    if (event == HttpRequestParser::Event::Continue)
        event = parser.next();
    if (event == HttpRequestParser::Event::Error) {
        const int status = parser.error().status;
        check(status == 400 || status == 413 || status == 431 || status == 501 || status == 505,
              "the parser refuses with 400, 413, 431, 501 or 505", wire);
        return;
    }
    if (event != HttpRequestParser::Event::Request)
        return; // a body shorter than its Content-Length: the request never ends
    HttpRequest request = parser.takeRequest().request;
    // A new address per run, so no run is rate limited by the failures of the ones before.
    ++m_runs;
    request.remoteAddress = QHostAddress(m_runs | 0x0a000000u);

    bool hasAuthorization = false;
    for (auto &[name, value] : request.headers) {
        if (name != "authorization")
            continue;
        hasAuthorization = true;
        if (value == "@hawk") {
            Hawk::Request signing;
            signing.method = request.method;
            signing.resource = request.resource;
            signing.host = "127.0.0.1";
            signing.port = 8765;
            signing.contentType = request.header("content-type");
            signing.hasPayload = !signing.contentType.isEmpty();
            signing.payload = request.body;
            value = Hawk::sign(m_hawkId, m_hawkKey, signing, m_now.toSecsSinceEpoch(), "fuzz");
        }
    }
    if (adminByDefault && !hasAuthorization)
        request.headers.append({"authorization"_ba, m_adminAuthorization});

    Database::Transaction rollback(m_server->context().database());
    const HttpResponse response = m_server->handle(request);
    check(response.status >= 100 && response.status < 500, "the server answers below 500",
          QByteArray(QByteArray::number(response.status) + ' ' + response.body));
    static const bool verbose = qEnvironmentVariableIsSet("LATCHKEY_FUZZ_LOG");
    if (verbose)
        std::fprintf(stderr, "%s %s -> %d %s\n", request.method.constData(),
                     request.resource.constData(), response.status,
                     response.body.left(300).constData());
    const QByteArray contentType = response.header("content-type");
    if (contentType.contains("json")) {
        QJsonParseError error;
        QJsonDocument::fromJson(response.body, &error);
        check(error.error == QJsonParseError::NoError, "a JSON response is JSON", response.body);
    }
}

} // namespace Latchkey::Fuzz
