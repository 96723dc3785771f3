#include "httpmessage.h"

#include <protocol/problem.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

HttpResponse &HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({"Content-Type"_ba, "application/json"_ba});
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::jsonBody(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({"Content-Type"_ba, "application/json"_ba});
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::problem(const Problem &problem)
{
    HttpResponse response;
    response.status = problem.status;
    response.headers.append({"Content-Type"_ba, QByteArray(problemJsonContentType)});
    response.body = problem.toJsonBytes();
    return response;
}

HttpResponse HttpResponse::problem(int status, const QString &title, const QString &detail)
{
    Problem p;
    p.status = status;
    p.title = title;
    p.detail = detail;
    return problem(p);
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::html(int status, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({"Content-Type"_ba, "text/html; charset=utf-8"_ba});
    response.body = body;
    return response;
}

} // namespace Latchkey::Server
