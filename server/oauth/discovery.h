#pragma once

#include "http/httpmessage.h"

namespace Latchkey::Server {

class Router;
class ServerContext;

// GET /.well-known/oauth-authorization-server (RFC 8414), built from the public URL.
class Discovery final
{
public:
    explicit Discovery(ServerContext &context)
        : m_context(context)
    {
    }

    void registerRoutes(Router &router);
    QJsonObject metadata() const;

private:
    ServerContext &m_context;
};

} // namespace Latchkey::Server
