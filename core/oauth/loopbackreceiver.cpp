#include "loopbackreceiver.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QPromise>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

struct LoopbackReceiver::State
{
    QTcpServer server;
    QString path;
    std::optional<QPromise<Result<QUrlQuery>>> promise;
    QFutureWatcher<Result<QUrlQuery>> watcher;
    QTimer timeout;
    QByteArray buffer;
    bool done = false;

    void finish(Result<QUrlQuery> result)
    {
        if (done || !promise)
            return;
        done = true;
        promise->addResult(std::move(result));
        promise->finish();
        timeout.stop();
        server.close();
    }
};

namespace {

QByteArray page(const QString &title, const QString &message)
{
    const QByteArray body =
        (u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"_s + title.toHtmlEscaped() +
         u"</title><style>body{font:16px system-ui,sans-serif;display:flex;min-height:90vh;"
         "align-items:center;justify-content:center}main{max-width:28rem;text-align:center}"
         "</style></head><body><main><h1>"_s +
         title.toHtmlEscaped() + u"</h1><p>"_s + message.toHtmlEscaped() +
         u"</p></main></body></html>"_s)
            .toUtf8();
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: "
           "no-store\r\nConnection: close\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<State>())
{
    m_state->timeout.setSingleShot(true);
    connect(&m_state->timeout, &QTimer::timeout, this, [this] {
        m_state->finish(Error{Error::Kind::Timeout,
                              0,
                              tr("No answer came back from the browser in time."),
                              tr("Start the sign-in again."),
                              {},
                              {}});
    });
    connect(&m_state->server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_state->server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                QByteArray &buffer = m_state->buffer;
                buffer += socket->readAll();
                if (buffer.size() > 64 * 1024) {
                    socket->abort();
                    return;
                }
                const qsizetype lineEnd = buffer.indexOf("\r\n");
                if (lineEnd < 0 || !buffer.contains("\r\n\r\n"))
                    return;
                const QList<QByteArray> requestLine = buffer.left(lineEnd).split(' ');
                buffer.clear();
                const QUrl target = requestLine.size() == 3
                                        ? QUrl::fromEncoded(requestLine.at(1), QUrl::StrictMode)
                                        : QUrl();
                if (requestLine.value(0) != "GET" || target.path() != m_state->path) {
                    // A favicon or a probe: not the redirect.
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                                  "Connection: close\r\n\r\n");
                    socket->disconnectFromHost();
                    return;
                }
                const QUrlQuery query(target);
                const bool failed = query.hasQueryItem(u"error"_s);
                socket->write(failed ? page(tr("Sign-in did not complete"),
                                            tr("You can close this tab and go back to Latchkey."))
                                     : page(tr("Signed in"),
                                            tr("You can close this tab and go back to Latchkey.")));
                // Hand the page to the kernel now: the app may quit as soon as it has the query.
                socket->flush();
                socket->disconnectFromHost();
                m_state->finish(query);
            });
        }
    });
}

LoopbackReceiver::~LoopbackReceiver()
{
    m_state->finish(Error{Error::Kind::Cancelled, 0, tr("The sign-in was cancelled."), {}, {}, {}});
}

Result<QUrl> LoopbackReceiver::listen(const QString &path)
{
    m_state->path = path;
    if (!m_state->server.listen(QHostAddress::LocalHost, 0)) {
        return Error{Error::Kind::Network,
                     0,
                     tr("Cannot listen on 127.0.0.1: %1").arg(m_state->server.errorString()),
                     {},
                     {},
                     {}};
    }
    return redirectUri();
}

QUrl LoopbackReceiver::redirectUri() const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_state->server.serverPort()).arg(m_state->path));
}

Task<QUrlQuery> LoopbackReceiver::waitForRedirect(int timeoutMs)
{
    m_state->promise.emplace();
    m_state->promise->start();
    auto future = m_state->promise->future();
    connect(&m_state->watcher, &QFutureWatcherBase::canceled, this, [this] {
        m_state->finish(
            Error{Error::Kind::Cancelled, 0, tr("The sign-in was cancelled."), {}, {}, {}});
    });
    m_state->watcher.setFuture(future);
    m_state->timeout.start(timeoutMs);
    return future;
}

void LoopbackReceiver::close()
{
    m_state->finish(Error{Error::Kind::Cancelled, 0, tr("The sign-in was cancelled."), {}, {}, {}});
}

} // namespace Latchkey::Core
