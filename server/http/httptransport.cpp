#include "httptransport.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTransport, "latchkey.server.http", QtWarningMsg)

namespace Latchkey::Server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Head:
        return "HEAD"_ba;
    case QHttpServerRequest::Method::Options:
        return "OPTIONS"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    case QHttpServerRequest::Method::Connect:
        return "CONNECT"_ba;
    case QHttpServerRequest::Method::Trace:
        return "TRACE"_ba;
    default:
        return "UNKNOWN"_ba;
    }
}

} // namespace

HttpTransport::HttpTransport(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

HttpRequest HttpTransport::toRequest(const QHttpServerRequest &request)
{
    HttpRequest value;
    value.method = methodName(request.method());
    const QUrl url = request.url();
    value.path = url.path(QUrl::FullyDecoded);
    value.resource = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery()) {
        value.resource += '?' + url.query(QUrl::FullyEncoded).toLatin1();
        value.query.setQuery(url.query(QUrl::FullyEncoded));
    }
    const auto headers = request.headers();
    value.headers.reserve(headers.size());
    for (const auto &[name, headerValue] : headers)
        value.headers.append({name.toLower(), headerValue});
    value.body = request.body();
    value.remoteAddress = request.remoteAddress();
    return value;
}

bool HttpTransport::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest value = toRequest(request);
    const HttpResponse response = m_handler(value);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, headerValue] : response.headers)
        responder.writeHeader(name, headerValue);
    responder.writeHeader("X-Content-Type-Options"_ba, "nosniff"_ba);
    const bool head = value.method == "HEAD";
    responder.writeHeader("Content-Length"_ba, QByteArray::number(response.body.size()));
    responder.writeBody(head ? QByteArray() : response.body);
    qCDebug(lcTransport) << value.method << value.path << response.status;
    return true;
}

void HttpTransport::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Latchkey::Server
