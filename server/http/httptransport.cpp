#include "httptransport.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <exception>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcTransport, "latchkey.server.http", QtWarningMsg)

namespace Latchkey::Server {

namespace {

// How long a closing connection may keep sending what we no longer read (RFC 9112 §9.6: closing
// at once would reset the connection and could destroy the response before the client reads it).
constexpr auto lingerTimeout = 2000ms;

// The listening socket; it only hands each accepted descriptor to the transport.
class Listener final : public QTcpServer
{
public:
    Listener(std::function<void(qintptr)> accept, QObject *parent)
        : QTcpServer(parent)
        , m_accept(std::move(accept))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "";
    }
}

// A handler's header that would break the framing of the response (CR, LF or NUL in it).
bool isSafeHeader(const QByteArray &name, const QByteArray &value)
{
    const auto unsafe = [](const QByteArray &text) {
        for (const char c : text) {
            if (c == '\r' || c == '\n' || c == '\0')
                return true;
        }
        return false;
    };
    return !name.isEmpty() && !unsafe(name) && !unsafe(value);
}

bool hasCloseToken(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (const QByteArrayView element : QByteArray(value.toByteArray()).split(',')) {
        if (element.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

struct HttpTransport::Connection
{
    enum class Clock {
        Request, // a request (or the TLS handshake) is under way
        Idle,    // between requests
        Blocked, // the client does not read its responses
        Closing, // the last response is written; waiting for the client to go
    };

    explicit Connection(QTcpSocket *socket, HttpLimits limits)
        : socket(socket)
        , parser(limits)
    {
    }

    // An answer written once the requests' writes are committed (group commit); the commit's
    // failure answer, framed the same way, is written instead when it fails.
    struct Waiting
    {
        QByteArray bytes;
        bool head = false;
        bool http10 = false;
        bool keepAlive = true;
    };

    QTcpSocket *socket;
    HttpRequestParser parser;
    QList<Waiting> waiting;
    bool closeAfterWaiting = false;
    QHostAddress peer;
    qint64 deadline = 0;
    Clock clock = Clock::Request;
    bool handshaking = false;
    bool halfClosed = false;
};

HttpTransport::HttpTransport(Handler handler, HttpTransportOptions options, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_options(options)
{
    m_clock.start();
    // Deadlines are checked a few times per shortest timeout, not per request: no timer is
    // started or stopped on the way of a request.
    const auto shortest = std::min(m_options.requestTimeout, m_options.idleTimeout);
    m_sweep.setInterval(std::clamp<std::chrono::milliseconds>(shortest / 4, 10ms, 1000ms));
    connect(&m_sweep, &QTimer::timeout, this, &HttpTransport::sweep);
}

HttpTransport::~HttpTransport()
{
    // The sockets are children of this object; their connections go first.
    for (auto &[socket, connection] : m_connections)
        socket->disconnect(this);
    m_connections.clear();
}

void HttpTransport::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
    m_tls.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
    m_useTls = true;
}

bool HttpTransport::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto *server = new Listener([this](qintptr descriptor) { accept(descriptor); }, this);
    if (!server->listen(address, port)) {
        *error = u"Cannot listen on %1:%2: %3"_s.arg(address.toString())
                     .arg(port)
                     .arg(server->errorString());
        delete server;
        return false;
    }
    m_server = server;
    m_sweep.start();
    return true;
}

quint16 HttpTransport::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpTransport::accept(qintptr descriptor)
{
    QTcpSocket *socket = m_useTls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcTransport) << "cannot take an accepted connection:" << socket->errorString();
        delete socket;
        return;
    }
    // What a client sends while we cannot take it waits in the kernel, not in our memory.
    socket->setReadBufferSize(64 * 1024);
    auto owned = std::make_unique<Connection>(socket, m_options.limits);
    Connection &connection = *owned;
    connection.peer = socket->peerAddress();
    connection.deadline = now() + m_options.requestTimeout.count();
    m_connections.emplace(socket, std::move(owned));
    if (qsizetype(m_connections.size()) >= m_options.maxConnections)
        m_server->pauseAccepting();

    connect(socket, &QIODevice::readyRead, this, [this, &connection] { readFrom(connection); });
    connect(socket, &QIODevice::bytesWritten, this, [this, &connection] {
        if (connection.socket->bytesToWrite() > 0)
            return;
        if (connection.clock == Connection::Clock::Closing) {
            if (connection.waiting.isEmpty()) // else it closes once its answers are out
                flushed(connection);
        } else if (connection.clock == Connection::Clock::Blocked) {
            connection.clock = Connection::Clock::Idle;
            process(connection);
            readFrom(connection);
        }
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QAbstractSocket::errorOccurred, this, [socket] {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
    });
    // Forgotten only once no code of this connection can be running.
    connect(socket, &QObject::destroyed, this, [this, socket] {
        m_connections.erase(socket);
        if (m_server && !m_server->isListening())
            return;
        if (m_server && qsizetype(m_connections.size()) < m_options.maxConnections)
            m_server->resumeAccepting();
    });

    if (m_useTls) {
        auto *tls = static_cast<QSslSocket *>(socket);
        connection.handshaking = true;
        connect(tls, &QSslSocket::encrypted, this, [this, &connection] {
            connection.handshaking = false;
            connection.clock = Connection::Clock::Idle;
            connection.deadline = now() + m_options.idleTimeout.count();
        });
        tls->setSslConfiguration(m_tls);
        tls->startServerEncryption();
    }
}

void HttpTransport::readFrom(Connection &connection)
{
    QTcpSocket *socket = connection.socket;
    if (connection.clock == Connection::Clock::Closing) {
        socket->skip(socket->bytesAvailable());
        return;
    }
    if (connection.clock == Connection::Clock::Blocked || socket->bytesAvailable() <= 0)
        return;
    connection.parser.feed(socket->readAll());
    process(connection);
}

void HttpTransport::process(Connection &connection)
{
    QTcpSocket *socket = connection.socket;
    for (;;) {
        switch (connection.parser.next()) {
        case HttpRequestParser::Event::NeedMore:
            if (connection.parser.inRequest()) {
                if (connection.clock != Connection::Clock::Request) {
                    connection.clock = Connection::Clock::Request;
                    connection.deadline = now() + m_options.requestTimeout.count();
                }
            } else if (connection.clock != Connection::Clock::Idle) {
                connection.clock = Connection::Clock::Idle;
                connection.deadline = now() + m_options.idleTimeout.count();
            }
            return;
        case HttpRequestParser::Event::Continue:
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        case HttpRequestParser::Event::Request: {
            ParsedRequest parsed = connection.parser.takeRequest();
            respond(connection, parsed);
            if (connection.clock == Connection::Clock::Closing)
                return;
            if (socket->bytesToWrite() > m_options.maxPendingOutput) {
                // Further pipelined requests wait until the client takes what it asked for.
                connection.clock = Connection::Clock::Blocked;
                connection.deadline = now() + m_options.requestTimeout.count();
                return;
            }
            // The next request's clock starts when it does.
            connection.clock = Connection::Clock::Idle;
            connection.deadline = now() + m_options.idleTimeout.count();
            break;
        }
        case HttpRequestParser::Event::Error:
            refuse(connection, connection.parser.error());
            return;
        }
    }
}

void HttpTransport::respond(Connection &connection, ParsedRequest &parsed)
{
    HttpRequest &request = parsed.request;
    request.remoteAddress = connection.peer;
    HttpResponse response;
    try {
        response = m_handler(request);
    } catch (const std::exception &e) {
        qCCritical(lcTransport) << "unhandled exception on" << request.method << request.path << ":"
                                << e.what();
        response = HttpResponse::problem(500, u"Internal server error"_s);
    }
    for (const auto &[name, value] : std::as_const(response.headers)) {
        if (!isSafeHeader(name, value)) {
            qCCritical(lcTransport) << "a handler's header would break the response framing on"
                                    << request.method << request.path;
            response = HttpResponse::problem(500, u"Internal server error"_s);
            break;
        }
    }
    const bool keepAlive = parsed.keepAlive && !hasCloseToken(response.header("connection"));
    const bool head = request.method == "HEAD";
    qCDebug(lcTransport) << request.method << request.path << response.status;
    if (m_pending && (!connection.waiting.isEmpty() || m_pending())) {
        // Not durable yet: written after the commit, behind what this connection waits for.
        if (connection.waiting.isEmpty())
            m_waiting.append(connection.socket);
        connection.waiting.append(
            {serialize(response, head, parsed.http10, keepAlive), head, parsed.http10, keepAlive});
        scheduleCommit();
        if (!keepAlive) {
            // Nothing more is read from it; it closes once its answers are out.
            connection.closeAfterWaiting = true;
            connection.clock = Connection::Clock::Closing;
            connection.deadline = now() + m_options.requestTimeout.count();
        }
        return;
    }
    send(connection, serialize(response, head, parsed.http10, keepAlive));
    if (!keepAlive)
        startClosing(connection);
}

void HttpTransport::send(Connection &connection, const QByteArray &bytes)
{
    QTcpSocket *socket = connection.socket;
#ifdef Q_OS_UNIX
    // Plain TCP with nothing queued before it: straight to the kernel, now. Qt's buffered write
    // would turn the write notifier on and send on the next turn of the event loop: two wakeups
    // and one poll more per answer, and its latency.
    if (!m_useTls && socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0) {
        const ssize_t sent = ::send(int(socket->socketDescriptor()), bytes.constData(),
                                    size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent == bytes.size())
            return;
        if (sent > 0) {
            // The kernel's buffer is full: Qt sends the rest when it can (and says bytesWritten).
            socket->write(bytes.constData() + sent, bytes.size() - sent);
            return;
        }
        // Nothing sent (EAGAIN, or an error Qt's own write will report).
    }
#endif
    socket->write(bytes);
}

void HttpTransport::setCommitBarrier(std::function<bool()> pending, Commit commit)
{
    m_pending = std::move(pending);
    m_commit = std::move(commit);
}

void HttpTransport::scheduleCommit()
{
    if (std::exchange(m_commitScheduled, true))
        return;
    // Queued: it runs after every socket that was ready in this turn has been read.
    QMetaObject::invokeMethod(this, &HttpTransport::commitWaiting, Qt::QueuedConnection);
}

void HttpTransport::commitWaiting()
{
    m_commitScheduled = false;
    const std::optional<HttpResponse> failed = m_commit ? m_commit() : std::nullopt;
    const QList<QPointer<QTcpSocket>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<QTcpSocket> &socket : waiting) {
        const auto found = socket ? m_connections.find(socket.data()) : m_connections.end();
        if (found == m_connections.end())
            continue;
        Connection &connection = *found->second;
        for (const Connection::Waiting &answer : std::exchange(connection.waiting, {}))
            send(connection, failed
                                 ? serialize(*failed, answer.head, answer.http10, answer.keepAlive)
                                 : answer.bytes);
        if (connection.closeAfterWaiting)
            startClosing(connection);
    }
}

void HttpTransport::refuse(Connection &connection, const HttpParseError &error)
{
    const HttpResponse response = HttpResponse::problem(error.status, error.title, error.detail);
    connection.socket->write(serialize(response, false, false, false));
    qCDebug(lcTransport) << "refused:" << error.status << error.detail;
    startClosing(connection);
}

void HttpTransport::startClosing(Connection &connection)
{
    connection.clock = Connection::Clock::Closing;
    connection.deadline =
        now() +
        std::min<std::chrono::milliseconds>(lingerTimeout, m_options.requestTimeout).count();
    QTcpSocket *socket = connection.socket;
    socket->skip(socket->bytesAvailable());
    if (socket->bytesToWrite() == 0)
        flushed(connection);
}

void HttpTransport::flushed(Connection &connection)
{
    if (connection.halfClosed)
        return;
    connection.halfClosed = true;
#ifdef Q_OS_UNIX
    if (!m_useTls && connection.socket->socketDescriptor() >= 0) {
        // The client reads the response to its end and closes; what it still sends is skipped
        // until then (or until the linger deadline), so no reset destroys the response.
        ::shutdown(int(connection.socket->socketDescriptor()), SHUT_WR);
        return;
    }
#endif
    connection.socket->disconnectFromHost();
}

void HttpTransport::sweep()
{
    const qint64 time = now();
    for (auto &[socket, connection] : m_connections) {
        if (time < connection->deadline || socket->state() == QAbstractSocket::UnconnectedState)
            continue;
        switch (connection->clock) {
        case Connection::Clock::Request:
            if (connection->handshaking || socket->state() != QAbstractSocket::ConnectedState) {
                socket->abort();
            } else if (!connection->parser.inRequest()) {
                // A connection that never sent a byte gets no answer, only closed.
                startClosing(*connection);
            } else {
                refuse(*connection, {408, u"Request timeout"_s,
                                     u"The request did not arrive in %1 ms."_s.arg(
                                         m_options.requestTimeout.count())});
            }
            break;
        case Connection::Clock::Idle:
            startClosing(*connection);
            break;
        case Connection::Clock::Blocked:
        case Connection::Clock::Closing:
            socket->abort();
            break;
        }
    }
}

QByteArray HttpTransport::serialize(const HttpResponse &response, bool head, bool http10,
                                    bool keepAlive)
{
    // RFC 9110 §8.6: no Content-Length (and no content) in 1xx, 204 and 304 answers.
    const bool noContent =
        response.status < 200 || response.status == 204 || response.status == 304;
    const bool withBody = !head && !noContent;
    qsizetype size = 160 + (withBody ? response.body.size() : 0);
    for (const auto &[name, value] : response.headers)
        size += name.size() + value.size() + 4;
    QByteArray out;
    out.reserve(size);
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(response.status));
    out.append(' ');
    out.append(reasonPhrase(response.status));
    out.append("\r\n");
    for (const auto &[name, value] : response.headers) {
        // The framing is the transport's: these two are written below.
        if (name.compare("content-length", Qt::CaseInsensitive) == 0 ||
            name.compare("connection", Qt::CaseInsensitive) == 0)
            continue;
        out.append(name);
        out.append(": ");
        out.append(value);
        out.append("\r\n");
    }
    out.append("X-Content-Type-Options: nosniff\r\n");
    if (!noContent) {
        out.append("Content-Length: ");
        out.append(QByteArray::number(response.body.size()));
        out.append("\r\n");
    }
    if (!keepAlive)
        out.append("Connection: close\r\n");
    else if (http10)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
    if (withBody)
        out.append(response.body);
    return out;
}

} // namespace Latchkey::Server
