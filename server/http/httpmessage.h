#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Latchkey {
struct Problem;
}

namespace Latchkey::Server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as controllers see it: a value, built by the transport or by a test.
struct HttpRequest
{
    QByteArray method;   // upper case: "GET", "POST", ...
    QString path;        // decoded path, for routing
    QByteArray resource; // path and query exactly as sent, for Hawk
    QUrlQuery query;
    HeaderList headers; // names lower case
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QString, QString> pathParameters; // filled by the router

    QByteArray header(QByteArrayView name) const;
    QString queryValue(const QString &key) const;
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    // A body already written as JSON (JsonWriter).
    static HttpResponse jsonBody(int status, QByteArray body);
    static HttpResponse problem(const Problem &problem);
    static HttpResponse problem(int status, const QString &title, const QString &detail = {});
    static HttpResponse noContent();
    static HttpResponse html(int status, const QByteArray &body);
};

} // namespace Latchkey::Server
