#pragma once

#include "http/httpmessage.h"

namespace Latchkey::Server {

class Authenticator;
class Router;
class ServerContext;

// The protected resource API: /api/v2/whoami and the demo /api/v2/assets, with Hawk (API keys)
// or Bearer (OAuth access tokens). Also /healthz.
class ResourceController final
{
public:
    ResourceController(ServerContext &context, Authenticator &authenticator)
        : m_context(context)
        , m_authenticator(authenticator)
    {
    }

    void registerRoutes(Router &router);

private:
    HttpResponse whoami(const HttpRequest &request);
    HttpResponse listAssets(const HttpRequest &request);
    HttpResponse createAsset(const HttpRequest &request);
    HttpResponse health();

    ServerContext &m_context;
    Authenticator &m_authenticator;
};

} // namespace Latchkey::Server
