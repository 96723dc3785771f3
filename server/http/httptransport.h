#pragma once

#include "httpmessage.h"

#include <QAbstractHttpServer>

#include <functional>

namespace Latchkey::Server {

// The only place that touches sockets: turns QHttpServerRequest into an HttpRequest value, asks
// the handler for an HttpResponse value and writes it.
class HttpTransport final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    explicit HttpTransport(Handler handler, QObject *parent = nullptr);

    static HttpRequest toRequest(const QHttpServerRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Latchkey::Server
