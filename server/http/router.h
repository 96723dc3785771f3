#pragma once

#include "httpmessage.h"

#include <functional>
#include <vector>

namespace Latchkey::Server {

// Maps "METHOD /path/{param}" to handlers. Knows nothing of sockets: the transport hands it a
// request value and writes back the response value it returns.
class Router final
{
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    void add(QByteArrayView method, const QString &pattern, Handler handler);
    HttpResponse dispatch(HttpRequest &request) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments; // "{name}" segments capture
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace Latchkey::Server
