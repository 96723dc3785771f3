// The Flow Tester's authorization-code round trip for make bench (bench/run-desktop), beside the
// same round trip made over plain HTTP in the same run:
//   built-in  the real FlowTesterPage with its built-in browser (QtWebEngine, a private profile
//             per test, offscreen): discovery, the provider's sign-in page, the consent page, the
//             redirect caught, the code exchanged. The form is filled the moment a page is shown
//             (what a user's typing would add is left out).
//   http      the same requests without a browser: discovery, GET /oauth/authorize, POST the
//             sign-in form, POST the consent, the 302 read, the code exchanged (Qt Network).
// Each round trip is a new user (given, one per line, in --users), so consent is never skipped.
//   latchkey-bench-flow --url URL --client-id ID --client-secret SECRET --redirect-uri URI
//                       --users FILE [--count N] [--warmup W]
// Prints one line: key=value pairs, times in ms (median, mean, max of N after W untimed).
#include <app/workspace.h>
#include <consumers/consumerlistmodel.h>
#include <flow/flowbrowser.h>
#include <flow/flowtesterpage.h>
#include <keys/keylistmodel.h>
#include <oauth/oauthclient.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

struct User
{
    QString email;
    QString password;
};

struct Options
{
    QUrl url;
    QString clientId;
    QString clientSecret;
    QString redirectUri;
    QList<User> users;
    int count = 10;
    int warmup = 2;
};

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "latchkey-bench-flow: %s\n", qPrintable(message));
    std::exit(1);
}

template<typename T>
T await(QFuture<T> future, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished()) {
        if (timer.elapsed() > timeoutMs)
            die(u"no answer within %1 ms"_s.arg(timeoutMs));
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return future.result();
}

// The built-in browser round trip: the page's own Run, the forms filled as each page shows.
qint64 builtInRoundTrip(Ui::FlowTesterPage &page, const Options &options, const User &user)
{
    Ui::FlowSettings settings;
    settings.grant = Ui::FlowSettings::Grant::AuthorizationCode;
    settings.source = Ui::FlowSettings::ProviderSource::Issuer;
    settings.issuer = options.url.toString();
    settings.clientId = options.clientId;
    settings.clientAuth = Core::ClientAuth::Basic;
    settings.redirectUri = options.redirectUri;
    settings.scopes = {u"assets:read"_s};
    page.setSettings(settings);
    page.setSecret(options.clientSecret);

    const QString script =
        u"(function(){var p=document.querySelector('input[name=password]');"
        "if(p){p.form.elements['username'].value=%1;p.value=%2;p.form.submit();return 'sign-in';}"
        "var b=document.querySelector('button[value=approve]');if(b){b.click();return 'consent';}"
        "return '';})()"_s.arg(
            QString::fromUtf8(QJsonDocument(QJsonArray{user.email}).toJson(QJsonDocument::Compact))
                .mid(1)
                .chopped(1),
            QString::fromUtf8(
                QJsonDocument(QJsonArray{user.password}).toJson(QJsonDocument::Compact))
                .mid(1)
                .chopped(1));
    const QMetaObject::Connection filling =
        QObject::connect(page.browser(), &Ui::FlowBrowser::pageShown, &page, [&page, script] {
            if (QWebEngineView *view = page.browser()->view())
                view->page()->runJavaScript(script);
        });
    bool done = false;
    const QMetaObject::Connection finished =
        QObject::connect(&page, &Ui::FlowTesterPage::finished, &page, [&done] { done = true; });
    QElapsedTimer timer;
    timer.start();
    page.run();
    while (!done) {
        if (timer.elapsed() > 30000)
            die(u"built-in round trip: no end within 30 s: "_s + page.statusText());
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    const qint64 elapsed = timer.elapsed();
    QObject::disconnect(filling);
    QObject::disconnect(finished);
    if (page.outcome() != Ui::FlowTesterPage::Outcome::Success)
        die(u"built-in round trip failed: "_s + page.statusText());
    return elapsed;
}

// The hidden inputs of the page's form.
QList<std::pair<QString, QString>> hiddenFields(const QByteArray &html)
{
    static const QRegularExpression hidden(
        u"<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\""_s);
    QList<std::pair<QString, QString>> fields;
    for (const QRegularExpressionMatch &match : hidden.globalMatch(QString::fromUtf8(html)))
        fields.append({match.captured(1), match.captured(2).replace(u"&amp;"_s, u"&"_s)});
    return fields;
}

QNetworkReply *post(QNetworkAccessManager &network, const QUrl &url,
                    const QList<std::pair<QString, QString>> &fields)
{
    QUrlQuery form;
    for (const auto &[name, value] : fields)
        form.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return network.post(request, form.query(QUrl::FullyEncoded).toUtf8());
}

QNetworkReply *wait(QNetworkReply *reply, int expectedStatus, const char *step)
{
    QElapsedTimer timer;
    timer.start();
    while (!reply->isFinished()) {
        if (timer.elapsed() > 30000)
            die(u"http round trip: %1: no answer"_s.arg(QLatin1StringView(step)));
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != expectedStatus)
        die(u"http round trip: %1 answered %2"_s.arg(QLatin1StringView(step)).arg(status));
    return reply;
}

// The same requests without a browser.
qint64 httpRoundTrip(const Options &options, const User &user)
{
    QElapsedTimer timer;
    timer.start();
    Core::HttpClient http;
    Core::OAuthClient oauth(http);
    oauth.setCredentials({options.clientId, options.clientSecret, Core::ClientAuth::Basic});
    if (!await(oauth.discover(options.url)).ok())
        die(u"http round trip: discovery failed"_s);
    const auto request = oauth.buildAuthorizationRequest(
        {options.redirectUri, {u"assets:read"_s}, Core::PkceMethod::S256, {}, {}});
    if (!request.ok())
        die(request.error().toText());

    QNetworkAccessManager network; // its own cookie jar: a browser of its own
    QNetworkRequest authorize(request.value().url);
    authorize.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                           QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *signInPage = wait(network.get(authorize), 200, "GET /oauth/authorize");
    const QUrl endpoint = oauth.provider().authorizationEndpoint;
    auto fields = hiddenFields(signInPage->readAll());
    signInPage->deleteLater();
    fields.append({u"username"_s, user.email});
    fields.append({u"password"_s, user.password});
    QNetworkReply *consentPage = wait(post(network, endpoint, fields), 200, "sign-in");
    fields = hiddenFields(consentPage->readAll());
    consentPage->deleteLater();
    fields.append({u"decision"_s, u"approve"_s});
    QNetworkReply *redirect = wait(post(network, endpoint, fields), 302, "consent");
    const QUrl location(QString::fromUtf8(redirect->rawHeader("Location")));
    redirect->deleteLater();
    const auto response = oauth.parseRedirect(location, request.value());
    if (!response.ok())
        die(u"http round trip: "_s + response.error().toText());
    const auto token = await(oauth.exchangeCode(response.value().code, request.value()));
    if (!token.ok())
        die(u"http round trip: "_s + token.error().toText());
    return timer.elapsed();
}

QString summary(const char *name, QList<qint64> times)
{
    std::sort(times.begin(), times.end());
    const double mean = std::accumulate(times.cbegin(), times.cend(), 0.0) / double(times.size());
    return u"%1_p50_ms=%2 %1_mean_ms=%3 %1_max_ms=%4"_s.arg(QLatin1StringView(name))
        .arg(times.at(times.size() / 2))
        .arg(mean, 0, 'f', 1)
        .arg(times.constLast());
}

Options parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption url(u"url"_s, u"server"_s, u"URL"_s);
    const QCommandLineOption clientId(u"client-id"_s, u"client"_s, u"ID"_s);
    const QCommandLineOption clientSecret(u"client-secret"_s, u"secret"_s, u"SECRET"_s);
    const QCommandLineOption redirectUri(u"redirect-uri"_s, u"redirect"_s, u"URI"_s);
    const QCommandLineOption users(u"users"_s, u"users"_s, u"FILE"_s);
    const QCommandLineOption count(u"count"_s, u"round trips"_s, u"N"_s, u"10"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"untimed"_s, u"W"_s, u"2"_s);
    parser.addOptions({url, clientId, clientSecret, redirectUri, users, count, warmup});
    parser.process(arguments);
    Options options;
    options.url = QUrl(parser.value(url));
    options.clientId = parser.value(clientId);
    options.clientSecret = parser.value(clientSecret);
    options.redirectUri = parser.value(redirectUri);
    options.count = parser.value(count).toInt();
    options.warmup = parser.value(warmup).toInt();
    QFile file(parser.value(users));
    if (!file.open(QIODevice::ReadOnly))
        die(u"cannot read --users "_s + file.fileName());
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (!object.isEmpty())
            options.users.append({object[u"email"_s].toString(), object[u"password"_s].toString()});
    }
    if (!options.url.isValid() || options.clientId.isEmpty() || options.clientSecret.isEmpty() ||
        options.redirectUri.isEmpty() || options.count < 1 || options.warmup < 0)
        die(u"usage: --url URL --client-id ID --client-secret SECRET --redirect-uri URI "
            "--users FILE [--count N] [--warmup W]"_s);
    if (options.users.size() < 2 * (options.count + options.warmup))
        die(u"--users needs %1 users (one per round trip of each kind)"_s.arg(
            2 * (options.count + options.warmup)));
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const Options options = parse(app.arguments());
    QTemporaryDir data;
    auto workspace =
        Ui::Workspace::open({data.filePath(u"cache.sqlite"_s), data.filePath(u"sandbox"_s)});
    if (!workspace.ok())
        die(workspace.error().toText());
    Ui::ConsumerListModel consumers;
    Ui::KeyListModel keys;
    Ui::FlowTesterPage page(*workspace.value(), &consumers, &keys);
    page.resize(1200, 760);
    page.show();

    int next = 0;
    QList<qint64> builtIn;
    QList<qint64> http;
    // Alternating, so both kinds see the same machine.
    for (int i = 0; i < options.count + options.warmup; ++i) {
        const qint64 b = builtInRoundTrip(page, options, options.users.at(next++));
        const qint64 h = httpRoundTrip(options, options.users.at(next++));
        if (i >= options.warmup) {
            builtIn.append(b);
            http.append(h);
        }
    }
    std::sort(builtIn.begin(), builtIn.end());
    std::sort(http.begin(), http.end());
    std::printf("count=%d %s %s ratio=%.2f\n", options.count,
                qPrintable(summary("builtin", builtIn)), qPrintable(summary("http", http)),
                double(builtIn.at(builtIn.size() / 2)) / double(http.at(http.size() / 2)));
    return 0;
}
