#pragma once

#include "http/httpmessage.h"
#include "servercontext.h"

#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <memory>

namespace Latchkey::Server {

class AdminController;
class AuthorizeEndpoint;
class Discovery;
class TokenInspection;
class Authenticator;
class HttpTransport;
class ResourceController;
class Router;
class TokenEndpoint;

struct ServerOptions
{
    QString dataDir;
    QString database; // empty: <dataDir>/latchkey.db
    QUrl publicUrl;   // empty: the bound URL
    // Reverse proxies (address, prefix length) whose X-Forwarded-For names the client.
    QList<QPair<QHostAddress, int>> trustedProxies;
    ServerContext::Clock clock;
};

// The account server: storage, controllers and (once listening) the HTTP transport.
class AccountServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountServer)

public:
    // Opens (creating when needed) the data dir, master key and database, and migrates it.
    static std::unique_ptr<AccountServer> open(const ServerOptions &options, QString *error);
    ~AccountServer() override;

    // Listens on address:port (0 picks one); the public URL defaults to the bound one.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    QUrl url() const { return m_url; }
    // Serve HTTPS with this certificate (before listen()).
    void setTls(const QSslCertificate &certificate, const QSslKey &key);

    // What the transport calls; tests may call it directly, without a socket.
    HttpResponse handle(HttpRequest &request);

    ServerContext &context() { return *m_context; }

private:
    AccountServer(std::unique_ptr<ServerContext> context, bool explicitPublicUrl);

    // Behind trusted proxies: the client's address from X-Forwarded-For.
    void useForwardedAddress(HttpRequest &request) const;

    std::unique_ptr<ServerContext> m_context;
    QList<QPair<QHostAddress, int>> m_trustedProxies;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<AdminController> m_admin;
    std::unique_ptr<TokenEndpoint> m_tokens;
    std::unique_ptr<TokenInspection> m_inspection;
    std::unique_ptr<AuthorizeEndpoint> m_authorize;
    std::unique_ptr<Discovery> m_discovery;
    std::unique_ptr<ResourceController> m_resources;
    std::unique_ptr<Router> m_router;
    HttpTransport *m_transport = nullptr;
    QUrl m_url;
    QSslCertificate m_tlsCertificate;
    QSslKey m_tlsKey;
    bool m_explicitPublicUrl;
};

// Opens the database of a data dir without serving (bootstrap, user add, migrate).
std::unique_ptr<ServerContext> openContext(const ServerOptions &options, QString *error);

} // namespace Latchkey::Server
