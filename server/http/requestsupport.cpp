#include "requestsupport.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

} // namespace

FormData::FormData(QByteArrayView encoded)
{
    for (const QByteArray &pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            m_items.append({formDecode(pair), QString()});
        else
            m_items.append({formDecode(pair.left(equals)), formDecode(pair.mid(equals + 1))});
    }
}

QString FormData::value(const QString &name) const
{
    for (const auto &[key, value] : m_items) {
        if (key == name)
            return value;
    }
    return {};
}

bool FormData::contains(const QString &name) const
{
    return count(name) > 0;
}

int FormData::count(const QString &name) const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [&name](const auto &item) { return item.first == name; }));
}

QString FormData::repeated(const QStringList &names) const
{
    for (const QString &name : names) {
        if (count(name) > 1)
            return name;
    }
    return {};
}

std::variant<QJsonObject, HttpResponse> jsonObjectBody(const HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    const QByteArray contentType = request.header("content-type");
    if (!contentType.isEmpty() && !contentType.toLower().startsWith("application/json")) {
        return HttpResponse::problem(
            415, u"Unsupported media type"_s,
            u"Send the body as JSON with \"Content-Type: application/json\"."_s);
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return HttpResponse::problem(
            400, u"Malformed JSON"_s,
            u"The body is not valid JSON: %1 at offset %2."_s.arg(error.errorString())
                .arg(error.offset));
    }
    if (!document.isObject())
        return HttpResponse::problem(400, u"Malformed JSON"_s,
                                     u"The body must be a JSON object."_s);
    return document.object();
}

std::variant<PageRequest, HttpResponse> pageRequest(const HttpRequest &request)
{
    PageRequest page;
    const QString limit = request.queryValue(u"limit"_s);
    if (!limit.isEmpty()) {
        bool ok = false;
        page.limit = limit.toInt(&ok);
        if (!ok || page.limit < 1 || page.limit > 1000)
            return validationProblem({{u"limit"_s, u"Must be a whole number from 1 to 1000."_s}});
    }
    const QString cursor = request.queryValue(u"cursor"_s);
    if (!cursor.isEmpty()) {
        page.after = Cursor::decode(cursor);
        if (!page.after)
            return validationProblem(
                {{u"cursor"_s, u"Not a cursor this server gave out; start again without it."_s}});
    }
    return page;
}

HttpResponse validationProblem(const QList<Problem::FieldError> &errors)
{
    Problem problem;
    problem.type = u"urn:latchkey:problem:validation"_s;
    problem.title = u"Invalid request"_s;
    problem.status = 422;
    problem.detail = errors.size() == 1
                         ? errors.first().field + u": "_s + errors.first().message
                         : u"%1 fields are invalid; see errors."_s.arg(errors.size());
    problem.errors = errors;
    return HttpResponse::problem(problem);
}

HttpResponse notFound(const QString &what, const QString &id)
{
    Problem problem;
    problem.type = u"urn:latchkey:problem:not-found"_s;
    problem.title = u"Not found"_s;
    problem.status = 404;
    problem.detail = u"There is no %1 with id %2 in this account."_s.arg(what, id);
    return HttpResponse::problem(problem);
}

QByteArray etag(int version)
{
    return '"' + QByteArray::number(version) + '"';
}

std::optional<HttpResponse> checkIfMatch(const HttpRequest &request, int version)
{
    const QByteArray ifMatch = request.header("if-match").trimmed();
    if (ifMatch.isEmpty() || ifMatch == "*")
        return std::nullopt;
    const QByteArray current = etag(version);
    for (QByteArray candidate : ifMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == current)
            return std::nullopt;
    }
    Problem problem;
    problem.type = u"urn:latchkey:problem:precondition-failed"_s;
    problem.title = u"Changed by someone else"_s;
    problem.status = 412;
    problem.detail = u"It was changed since you read it (now version %1). Reload it and apply "
                     "your change again."_s.arg(version);
    HttpResponse response = HttpResponse::problem(problem);
    response.setHeader("ETag", current);
    return response;
}

HttpResponse &noStore(HttpResponse &response)
{
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

} // namespace Latchkey::Server
