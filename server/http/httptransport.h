#pragma once

#include "httpmessage.h"
#include "httpparser.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;

namespace Latchkey::Server {

struct HttpTransportOptions
{
    HttpLimits limits;
    // From a request's first byte (or a TLS handshake's start) to its last: 408, then closed.
    std::chrono::milliseconds requestTimeout{30'000};
    // A kept-alive connection with no request in it is closed after this.
    std::chrono::milliseconds idleTimeout{60'000};
    // Past this many open connections no more are accepted until one closes.
    int maxConnections = 1000;
    // Responses not yet taken by a client: past this, its further requests wait.
    qsizetype maxPendingOutput = 1024 * 1024;
};

// The only place that touches sockets: reads HTTP/1.1 requests with HttpRequestParser, asks the
// handler for an HttpResponse value for each, and writes it in one write, in request order.
class HttpTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    explicit HttpTransport(Handler handler, HttpTransportOptions options = {},
                           QObject *parent = nullptr);
    ~HttpTransport() override;

    // Serve HTTPS with this configuration (its local certificate and private key); before
    // listen().
    void setTls(const QSslConfiguration &configuration);
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 serverPort() const;
    qsizetype connectionCount() const { return qsizetype(m_connections.size()); }

    // Group commit. While `pending()` is true (the writes of requests answered so far are not
    // durable yet), answers wait, in request order per connection, until the next turn of the
    // event loop, when `commit()` makes them durable; then they are written, or each replaced by
    // the answer `commit()` returns when it failed. Every request read in one turn shares one
    // commit. Call scheduleCommit() whenever pending() turns true outside a request.
    using Commit = std::function<std::optional<HttpResponse>()>;
    void setCommitBarrier(std::function<bool()> pending, Commit commit);
    void scheduleCommit();

    // The bytes of a response as written to the socket: status line, headers, body.
    static QByteArray serialize(const HttpResponse &response, bool head, bool http10,
                                bool keepAlive);

private:
    struct Connection;

    void accept(qintptr descriptor);
    void readFrom(Connection &connection);
    void process(Connection &connection);
    void respond(Connection &connection, ParsedRequest &parsed);
    void refuse(Connection &connection, const HttpParseError &error);
    void send(Connection &connection, const QByteArray &bytes);
    void startClosing(Connection &connection);
    void flushed(Connection &connection);
    void sweep();
    void commitWaiting();
    qint64 now() const { return m_clock.elapsed(); }

    Handler m_handler;
    HttpTransportOptions m_options;
    QTcpServer *m_server = nullptr;
    QSslConfiguration m_tls;
    bool m_useTls = false;
    QTimer m_sweep;
    QElapsedTimer m_clock;
    std::unordered_map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
    std::function<bool()> m_pending;
    Commit m_commit;
    bool m_commitScheduled = false;
    // Connections with answers waiting for the commit, in the order they got them.
    QList<QPointer<QTcpSocket>> m_waiting;
};

} // namespace Latchkey::Server
