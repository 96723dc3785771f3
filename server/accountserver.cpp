#include "accountserver.h"

#include "admin/admincontroller.h"
#include "http/httptransport.h"
#include "http/router.h"
#include "oauth/authorizeendpoint.h"
#include "oauth/discovery.h"
#include "oauth/tokenendpoint.h"
#include "oauth/tokeninspection.h"
#include "resource/resourcecontroller.h"
#include "security/authenticator.h"

#include <QDir>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSslSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "latchkey.server")

namespace Latchkey::Server {

std::unique_ptr<ServerContext> openContext(const ServerOptions &options, QString *error)
{
    if (options.dataDir.isEmpty()) {
        *error = u"Give a data directory with --data-dir."_s;
        return nullptr;
    }
    QDir dir(options.dataDir);
    if (!dir.exists() && !QDir().mkpath(options.dataDir)) {
        *error = u"Cannot create the data directory %1."_s.arg(options.dataDir);
        return nullptr;
    }
    QFile::setPermissions(options.dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto masterKey = MasterKey::load(options.dataDir, error);
    if (!masterKey)
        return nullptr;
    const QString location = options.database.isEmpty() || options.database == u"sqlite"
                                 ? dir.filePath(u"latchkey.db"_s)
                                 : options.database;
    QString openError;
    auto database = Database::open(location, &openError);
    if (!database) {
        *error = u"Cannot open the database %1: %2"_s.arg(Database::redacted(location), openError);
        return nullptr;
    }
    try {
        database->migrate();
    } catch (const StorageError &e) {
        *error =
            u"Cannot migrate the database %1: %2"_s.arg(Database::redacted(location), e.message());
        return nullptr;
    }
    return std::make_unique<ServerContext>(std::move(database), std::move(*masterKey),
                                           options.publicUrl, options.clock);
}

namespace {

// What a request whose writes could not be stored gets (a failed statement, or a failed commit
// of its batch): nothing of it was kept, and trying again is safe.
HttpResponse storageUnavailable()
{
    HttpResponse response = HttpResponse::problem(
        503, u"Storage unavailable"_s,
        u"The account database could not complete the request; nothing was changed. Try "
        "again."_s);
    response.setHeader("Retry-After", "1");
    return response;
}

} // namespace

std::unique_ptr<AccountServer> AccountServer::open(const ServerOptions &options, QString *error)
{
    auto context = openContext(options, error);
    if (!context)
        return nullptr;
    std::unique_ptr<AccountServer> server(
        new AccountServer(std::move(context), !options.publicUrl.isEmpty()));
    server->m_trustedProxies = options.trustedProxies;
    return server;
}

AccountServer::AccountServer(std::unique_ptr<ServerContext> context, bool explicitPublicUrl)
    : m_context(std::move(context))
    , m_authenticator(std::make_unique<Authenticator>(*m_context))
    , m_admin(std::make_unique<AdminController>(*m_context, *m_authenticator))
    , m_tokens(std::make_unique<TokenEndpoint>(*m_context))
    , m_inspection(std::make_unique<TokenInspection>(*m_context, *m_tokens))
    , m_authorize(std::make_unique<AuthorizeEndpoint>(*m_context))
    , m_discovery(std::make_unique<Discovery>(*m_context))
    , m_resources(std::make_unique<ResourceController>(*m_context, *m_authenticator))
    , m_router(std::make_unique<Router>())
    , m_explicitPublicUrl(explicitPublicUrl)
{
    m_admin->registerRoutes(*m_router);
    m_tokens->registerRoutes(*m_router);
    m_inspection->registerRoutes(*m_router);
    m_authorize->registerRoutes(*m_router);
    m_discovery->registerRoutes(*m_router);
    m_resources->registerRoutes(*m_router);
}

AccountServer::~AccountServer() = default;

bool AccountServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto transport = std::make_unique<HttpTransport>(
        [this](HttpRequest &request) { return handle(request); }, HttpTransportOptions(), this);
    if (!m_tlsCertificate.isNull()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_tlsCertificate);
        tls.setPrivateKey(m_tlsKey);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        transport->setTls(tls);
    }
    if (!transport->listen(address, port, error))
        return false;
    m_transport = transport.release();
    // Group commit: the writes of the requests read in one turn of the event loop are committed
    // together, before any of their answers is written (Database::setBatching).
    Database &database = m_context->database();
    database.setBatching([transport = m_transport] { transport->scheduleCommit(); });
    m_transport->setCommitBarrier([&database] { return database.batchOpen(); },
                                  [&database]() -> std::optional<HttpResponse> {
                                      if (database.commitBatch())
                                          return std::nullopt;
                                      return storageUnavailable();
                                  });
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    const QString scheme = m_tlsCertificate.isNull() ? u"http"_s : u"https"_s;
    m_url = QUrl(u"%1://%2:%3"_s.arg(scheme).arg(host).arg(m_transport->serverPort()));
    if (!m_explicitPublicUrl)
        m_context->setPublicUrl(m_url);
    return true;
}

void AccountServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_tlsCertificate = certificate;
    m_tlsKey = key;
}

void AccountServer::useForwardedAddress(HttpRequest &request) const
{
    auto trusted = [this](QHostAddress address) {
        bool mapped = false;
        const quint32 ipv4 = address.toIPv4Address(&mapped);
        if (mapped)
            address = QHostAddress(ipv4);
        for (const auto &subnet : m_trustedProxies) {
            if (address.isInSubnet(subnet))
                return true;
        }
        return false;
    };
    if (m_trustedProxies.isEmpty() || !trusted(request.remoteAddress))
        return;
    // Each proxy appends the address it got the request from: the client is the rightmost
    // address that is not a trusted proxy. What lies left of it was written by the client.
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            return;
        request.remoteAddress = hop;
        if (!trusted(hop))
            return;
    }
}

HttpResponse AccountServer::handle(HttpRequest &request)
{
    useForwardedAddress(request);
    // Whatever happens, no statement stays active past the request (see releaseStatements).
    const auto release = qScopeGuard([this] { m_context->database().releaseStatements(); });
    // Its writes join the batch committed before its answer is written (group commit).
    const Database::RequestScope scope(m_context->database());
    try {
        return m_router->dispatch(request);
    } catch (const StorageError &e) {
        qCCritical(lcServer) << "storage failure on" << request.method << request.path << ":"
                             << e.message();
        return storageUnavailable();
    }
}

} // namespace Latchkey::Server
