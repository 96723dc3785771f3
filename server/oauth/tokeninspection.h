#pragma once

#include "http/httpmessage.h"

namespace Latchkey::Server {

class Router;
class ServerContext;
class TokenEndpoint;

// POST /oauth/revoke (RFC 7009) and POST /oauth/introspect (RFC 7662). Both authenticate the
// calling client the way the token endpoint does; a client only ever sees or ends its own tokens.
class TokenInspection final
{
public:
    TokenInspection(ServerContext &context, TokenEndpoint &tokens)
        : m_context(context)
        , m_tokens(tokens)
    {
    }

    void registerRoutes(Router &router);

private:
    HttpResponse revoke(const HttpRequest &request);
    HttpResponse introspect(const HttpRequest &request);

    ServerContext &m_context;
    TokenEndpoint &m_tokens;
};

} // namespace Latchkey::Server
