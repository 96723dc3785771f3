#include "browser.h"

#include <QEventLoop>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

namespace {

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

QString htmlUnescape(QString text)
{
    text.replace(u"&quot;"_s, u"\""_s);
    text.replace(u"&#39;"_s, u"'"_s);
    text.replace(u"&#x27;"_s, u"'"_s);
    text.replace(u"&lt;"_s, u"<"_s);
    text.replace(u"&gt;"_s, u">"_s);
    text.replace(u"&amp;"_s, u"&"_s);
    return text;
}

// The attributes of one start tag: name="value" pairs (the pages always quote), and bare names.
QMap<QString, QString> attributes(const QString &tag)
{
    static const QRegularExpression attribute(
        u"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?"_s);
    QMap<QString, QString> result;
    // Skip the element name itself.
    const qsizetype start = tag.indexOf(QRegularExpression(u"\\s"_s));
    if (start < 0)
        return result;
    auto it = attribute.globalMatch(tag.mid(start));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString value = m.captured(2);
        if (value.isEmpty())
            value = m.captured(3);
        if (value.isEmpty())
            value = m.captured(4);
        result.insert(m.captured(1).toLower(), htmlUnescape(value));
    }
    return result;
}

struct Control
{
    QString element; // input or button
    QMap<QString, QString> attributes;
};

struct Form
{
    QString method;
    QString action;
    QList<Control> controls;
};

// The forms of a page with their inputs and buttons, in document order.
QList<Form> parseForms(const QByteArray &html)
{
    static const QRegularExpression formPattern(u"<form\\b([^>]*)>(.*?)</form>"_s,
                                                QRegularExpression::DotMatchesEverythingOption |
                                                    QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression controlPattern(u"<(input|button)\\b[^>]*>"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
    QList<Form> forms;
    const QString text = QString::fromUtf8(html);
    auto formIt = formPattern.globalMatch(text);
    while (formIt.hasNext()) {
        const QRegularExpressionMatch formMatch = formIt.next();
        const QMap<QString, QString> formAttributes =
            attributes(u"<form "_s + formMatch.captured(1));
        Form form;
        form.method = formAttributes.value(u"method"_s, u"get"_s).toLower();
        form.action = formAttributes.value(u"action"_s);
        auto controlIt = controlPattern.globalMatch(formMatch.captured(2));
        while (controlIt.hasNext()) {
            const QRegularExpressionMatch m = controlIt.next();
            form.controls.append({m.captured(1).toLower(), attributes(m.captured(0))});
        }
        forms.append(form);
    }
    return forms;
}

std::optional<Form> formWith(const QByteArray &html,
                             const std::function<bool(const Control &)> &has)
{
    const QList<Form> forms = parseForms(html);
    for (const Form &form : forms) {
        if (std::any_of(form.controls.cbegin(), form.controls.cend(), has))
            return form;
    }
    return std::nullopt;
}

bool isPasswordInput(const Control &control)
{
    return control.element == u"input" && control.attributes.value(u"type"_s) == u"password";
}

bool isDecisionButton(const Control &control)
{
    return control.element == u"button" && control.attributes.value(u"name"_s) == u"decision";
}

FormFields hiddenInputs(const Form &form)
{
    FormFields fields;
    for (const Control &control : form.controls) {
        if (control.element == u"input" && control.attributes.value(u"type"_s) == u"hidden")
            fields.append(
                {control.attributes.value(u"name"_s), control.attributes.value(u"value"_s)});
    }
    return fields;
}

} // namespace

QByteArray Page::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool Page::hasLocationParameter(const QString &name) const
{
    const QByteArray query = location.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &pair : query.split('&')) {
        if (formDecode(pair.left(pair.indexOf('=') < 0 ? pair.size() : pair.indexOf('='))) == name)
            return true;
    }
    return false;
}

QString Page::locationParameter(const QString &name) const
{
    const QByteArray query = location.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals >= 0 && formDecode(pair.left(equals)) == name)
            return formDecode(pair.mid(equals + 1));
    }
    return {};
}

QByteArray Page::describe() const
{
    QByteArray text = QByteArray::number(status);
    if (!location.isEmpty())
        text += " -> " + location.toEncoded();
    return text + ' ' + body.left(2000);
}

Browser::Browser() = default;
Browser::~Browser() = default;

Page Browser::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                   const QByteArray &contentType)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Automatic);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Automatic);
    request.setRawHeader("Accept", "text/html,application/xhtml+xml");
    if (!m_acceptLanguage.isEmpty())
        request.setRawHeader("Accept-Language", m_acceptLanguage);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Page page;
    page.url = url;
    page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    page.body = reply->readAll();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        page.headers.append({name, value});
    const QByteArray location = page.header("Location");
    if (!location.isEmpty())
        page.location = url.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
    reply->deleteLater();
    m_page = page;
    return page;
}

Page Browser::open(const QUrl &url)
{
    return send("GET", url, {}, {});
}

Page Browser::post(const QUrl &url, const FormFields &fields)
{
    return send("POST", url, formBody(fields), "application/x-www-form-urlencoded");
}

QList<QByteArray> Browser::cookies(const QUrl &url) const
{
    QList<QByteArray> result;
    const QList<QNetworkCookie> cookies = m_network.cookieJar()->cookiesForUrl(url);
    for (const QNetworkCookie &cookie : cookies)
        result.append(cookie.name() + '=' + cookie.value());
    return result;
}

Page Browser::signIn(const QUrl &authorizeUrl, const QString &email, const QString &password)
{
    const Page start = open(authorizeUrl);
    if (start.status != 200 || !isSignInPage(start.body))
        return start;
    return submitSignIn(email, password);
}

Page Browser::submitSignIn(const QString &email, const QString &password)
{
    const Page signIn = m_page;
    const auto form = formWith(signIn.body, isPasswordInput);
    if (!form) {
        Page none;
        none.body = "no sign-in form on the last page: " + signIn.describe();
        return none;
    }
    FormFields fields;
    for (const Control &control : form->controls) {
        if (control.element != u"input")
            continue;
        const QString name = control.attributes.value(u"name"_s);
        const QString type = control.attributes.value(u"type"_s);
        if (type == u"password")
            fields.append({name, password});
        else if (name == u"username")
            fields.append({name, email});
        else if (!name.isEmpty())
            fields.append({name, control.attributes.value(u"value"_s)});
    }
    return post(signIn.url.resolved(QUrl(form->action)), fields);
}

Page Browser::decide(Decision decision)
{
    const Page consent = m_page;
    const auto form = formWith(consent.body, isDecisionButton);
    if (!form) {
        Page none;
        none.body = "no consent form on the last page: " + consent.describe();
        return none;
    }
    FormFields fields = hiddenInputs(*form);
    const QString wanted = decision == Decision::Approve ? u"approve"_s : u"deny"_s;
    bool pressed = false;
    for (const Control &control : form->controls) {
        if (isDecisionButton(control) && control.attributes.value(u"value"_s) == wanted) {
            fields.append({u"decision"_s, wanted});
            pressed = true;
        }
    }
    if (!pressed) {
        Page none;
        none.body = "no " + wanted.toLatin1() + " button on the consent page";
        return none;
    }
    return post(consent.url.resolved(QUrl(form->action)), fields);
}

Page Browser::authorize(const QUrl &authorizeUrl, const QString &email, const QString &password,
                        Decision decision)
{
    const Page page = signIn(authorizeUrl, email, password);
    if (page.status == 200 && isConsentPage(page.body))
        return decide(decision);
    return page;
}

QMap<QString, QString> Browser::formFields(const QByteArray &html)
{
    QMap<QString, QString> fields;
    const QList<Form> forms = parseForms(html);
    for (const Form &form : forms) {
        const FormFields hidden = hiddenInputs(form);
        for (const auto &[name, value] : hidden)
            fields.insert(name, value);
    }
    return fields;
}

bool Browser::isSignInPage(const QByteArray &html)
{
    return formWith(html, isPasswordInput).has_value();
}

bool Browser::isConsentPage(const QByteArray &html)
{
    return formWith(html, isDecisionButton).has_value();
}

QByteArray formBody(const FormFields &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QUrl authorizeUrl(const QUrl &server, const FormFields &parameters)
{
    QString text = server.toString(QUrl::StripTrailingSlash) + u"/oauth/authorize"_s;
    const QByteArray query = formBody(parameters);
    if (!query.isEmpty())
        text += u'?' + QString::fromLatin1(query);
    return QUrl(text, QUrl::StrictMode);
}

} // namespace Latchkey::Test
