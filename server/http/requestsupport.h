#pragma once

#include "httpmessage.h"

#include "storage/paging.h"

#include <protocol/problem.h>

#include <QJsonObject>

#include <optional>
#include <variant>

namespace Latchkey::Server {

// application/x-www-form-urlencoded data (a query string or a form body): '+' is a space, names
// and values percent-decoded, order and repeats kept.
class FormData final
{
public:
    explicit FormData(QByteArrayView encoded);

    QString value(const QString &name) const;
    bool contains(const QString &name) const;
    int count(const QString &name) const;
    // The first name given more than once among `names`, if any (RFC 6749 §3.1: "parameters
    // MUST NOT be included more than once").
    QString repeated(const QStringList &names) const;

private:
    QList<QPair<QString, QString>> m_items;
};

// The body as a JSON object, or the 400/415 response that says what is wrong with it. An empty
// body is an empty object.
std::variant<QJsonObject, HttpResponse> jsonObjectBody(const HttpRequest &request);

// limit (1..1000, default 100) and cursor, or the 400 response naming the bad parameter.
std::variant<PageRequest, HttpResponse> pageRequest(const HttpRequest &request);

HttpResponse validationProblem(const QList<Problem::FieldError> &errors);
HttpResponse notFound(const QString &what, const QString &id);

// ETag of a versioned entity, and the 412 check of If-Match against it.
QByteArray etag(int version);
std::optional<HttpResponse> checkIfMatch(const HttpRequest &request, int version);

// Cache-Control: no-store on a response that carries a secret.
HttpResponse &noStore(HttpResponse &response);

} // namespace Latchkey::Server
