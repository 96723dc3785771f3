#include "router.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

void Router::add(QByteArrayView method, const QString &pattern, Handler handler)
{
    m_routes.push_back(
        {method.toByteArray(), pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler)});
}

HttpResponse Router::dispatch(HttpRequest &request) const
{
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    // Among the routes whose path matches, the most specific (most literal segments) wins:
    // /authorizations/revoke before /authorizations/{id}, also for the 405 answer.
    int mostLiterals = -1;
    const Route *chosen = nullptr;
    QHash<QString, QString> chosenParameters;
    QByteArrayList allowed;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> parameters;
        int literals = 0;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &expected = route.segments.at(i);
            if (expected.startsWith(u'{') && expected.endsWith(u'}')) {
                parameters.insert(expected.mid(1, expected.size() - 2), segments.at(i));
            } else {
                matches = expected == segments.at(i);
                ++literals;
            }
        }
        if (!matches || literals < mostLiterals)
            continue;
        if (literals > mostLiterals) {
            mostLiterals = literals;
            chosen = nullptr;
            allowed.clear();
        }
        const bool methodMatches =
            route.method == request.method || (request.method == "HEAD" && route.method == "GET");
        if (methodMatches && !chosen) {
            chosen = &route;
            chosenParameters = std::move(parameters);
        }
        allowed.append(route.method);
    }
    if (chosen) {
        request.pathParameters = std::move(chosenParameters);
        return chosen->handler(request);
    }
    if (!allowed.isEmpty()) {
        HttpResponse response = HttpResponse::problem(
            405, u"Method not allowed"_s,
            u"%1 is not allowed here; use %2."_s.arg(QString::fromLatin1(request.method),
                                                     QString::fromLatin1(allowed.join(", "))));
        response.setHeader("Allow", allowed.join(", "));
        return response;
    }
    return HttpResponse::problem(404, u"Not found"_s,
                                 u"There is nothing at %1."_s.arg(request.path));
}

} // namespace Latchkey::Server
