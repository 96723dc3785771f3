#include "httpexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

const QStringList secretParameters = {
    u"client_secret"_s, u"password"_s, u"code"_s,     u"code_verifier"_s, u"refresh_token"_s,
    u"access_token"_s,  u"token"_s,    u"id_token"_s, u"secret"_s,        u"assertion"_s};

QByteArray header(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString maskQuery(const QString &query)
{
    QStringList parts = query.split(u'&');
    for (QString &part : parts) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals > 0 && secretParameters.contains(part.left(equals)))
            part = part.left(equals + 1) +
                   QString::fromLatin1(QUrl::toPercentEncoding(maskSecret(part.mid(equals + 1))));
    }
    return parts.join(u'&');
}

QJsonValue maskJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (secretParameters.contains(it.key()) && it->isString())
                *it = maskSecret(it->toString());
            else
                *it = maskJson(*it);
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = maskJson(*it);
        return array;
    }
    return value;
}

QByteArray maskBody(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return body;
    if (contentType.contains("json")) {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (document.isObject())
            return QJsonDocument(maskJson(document.object()).toObject())
                .toJson(QJsonDocument::Compact);
        if (document.isArray())
            return QJsonDocument(maskJson(document.array()).toArray())
                .toJson(QJsonDocument::Compact);
        return body;
    }
    if (contentType.contains("x-www-form-urlencoded"))
        return maskQuery(QString::fromUtf8(body)).toUtf8();
    return body;
}

HttpHeaders maskHeaders(const HttpHeaders &headers)
{
    HttpHeaders masked = headers;
    for (auto &[name, value] : masked) {
        const QByteArray lower = name.toLower();
        if (lower == "authorization" || lower == "proxy-authorization") {
            const qsizetype space = value.indexOf(' ');
            value = space > 0 ? value.left(space + 1) +
                                    maskSecret(QString::fromLatin1(value.mid(space + 1))).toUtf8()
                              : maskSecret(QString::fromLatin1(value)).toUtf8();
        } else if (lower == "cookie" || lower == "set-cookie") {
            value = "•••"_ba;
        }
    }
    return masked;
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

QString maskSecret(QStringView secret)
{
    if (secret.size() < 12)
        return u"•••"_s;
    return u"•••"_s + secret.right(4);
}

QByteArray HttpExchange::requestHeader(QByteArrayView name) const
{
    return header(requestHeaders, name);
}

QByteArray HttpExchange::responseHeader(QByteArrayView name) const
{
    return header(responseHeaders, name);
}

HttpExchange HttpExchange::masked() const
{
    HttpExchange copy = *this;
    if (copy.url.hasQuery())
        copy.url.setQuery(maskQuery(copy.url.query(QUrl::FullyEncoded)), QUrl::StrictMode);
    copy.requestHeaders = maskHeaders(requestHeaders);
    copy.responseHeaders = maskHeaders(responseHeaders);
    copy.requestBody = maskBody(requestBody, requestHeader("content-type").toLower());
    copy.responseBody = maskBody(responseBody, responseHeader("content-type").toLower());
    return copy;
}

QString HttpExchange::toCurl(bool maskSecrets) const
{
    const HttpExchange shown = maskSecrets ? masked() : *this;
    QString command = u"curl"_s;
    if (shown.method != "GET")
        command += u" -X "_s + QString::fromLatin1(shown.method);
    for (const auto &[name, value] : shown.requestHeaders)
        command += u" \\\n  -H "_s +
                   shellQuote(QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value));
    if (!shown.requestBody.isEmpty())
        command += u" \\\n  --data-raw "_s + shellQuote(QString::fromUtf8(shown.requestBody));
    command += u" \\\n  "_s + shellQuote(shown.url.toString(QUrl::FullyEncoded));
    return command;
}

} // namespace Latchkey::Core
