#include <http/httptransport.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

#include <sys/ioctl.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Latchkey::Server::HttpRequest;
using Latchkey::Server::HttpResponse;
using Latchkey::Server::HttpTransport;
using Latchkey::Server::HttpTransportOptions;

namespace {

struct Response
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// A raw HTTP client on a real socket: it writes bytes as given and reads responses as they come,
// so a test sees exactly what went over the wire.
class Client
{
public:
    explicit Client(std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>())
        : m_socket(std::move(socket))
    {
        QObject::connect(m_socket.get(), &QIODevice::readyRead, m_socket.get(),
                         [this] { m_buffer += m_socket->readAll(); });
    }

    bool connectTo(quint16 port)
    {
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor(
            [this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    QTcpSocket &socket() { return *m_socket; }

    void send(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }

    // The next response (after any 100 Continue, unless asked for); nothing after 5 s.
    std::optional<Response> read(bool head = false, int timeout = 5000)
    {
        std::optional<Response> response;
        (void)QTest::qWaitFor([&] { return (response = take(head)).has_value(); }, timeout);
        return response;
    }

    bool waitClosed(int timeout = 5000)
    {
        return QTest::qWaitFor(
            [this] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, timeout);
    }

    const QByteArray &buffer() const { return m_buffer; }

private:
    std::optional<Response> take(bool head)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = m_buffer.first(end).split('\n');
        Response response;
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || statusLine.first() != "HTTP/1.1")
            return Response{-1, {}, m_buffer};
        response.status = statusLine.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
        }
        const qsizetype length = head || response.status < 200 || response.status == 204
                                     ? 0
                                     : response.header("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        response.body = m_buffer.sliced(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return response;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

// HttpTransport on real loopback sockets: framing, keep-alive, pipelining, limits, timeouts and
// TLS as a client sees them.
class TestHttpTransport final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keepAlive();
    void pipelinedInOrder();
    void answersWaitForTheCommit();
    void oneBytePerWrite();
    void contentLengthBody();
    void chunkedBody();
    void expectContinue();
    void oversizeHeaders();
    void oversizeBody();
    void garbageRequestLine();
    void unsupportedVersion();
    void contentLengthWithTransferEncoding();
    void http10();
    void connectionClose();
    void headHasNoBody();
    void unsafeHandlerHeader();
    void requestTimeout();
    void idleTimeout();
    void connectionCap();
    void clientThatDoesNotRead();
    void tls();
    void serverServesTls();

private:
    std::unique_ptr<HttpTransport> start(HttpTransportOptions options = {});

    std::unique_ptr<HttpTransport> m_transport;
    int m_handled = 0;
};

std::unique_ptr<HttpTransport> TestHttpTransport::start(HttpTransportOptions options)
{
    auto transport = std::make_unique<HttpTransport>(
        [this](HttpRequest &request) {
            ++m_handled;
            HttpResponse response;
            response.headers.append({"Content-Type"_ba, "text/plain"_ba});
            response.body = request.method + ' ' + request.path.toUtf8() + ' ' + request.resource +
                            ' ' + request.remoteAddress.toString().toUtf8() + ' ' +
                            request.queryValue(u"q"_s).toUtf8() + " body=" + request.body;
            if (request.path == u"/unsafe")
                response.headers.append({"Location"_ba, "/x\r\nSet-Cookie: evil=1"_ba});
            if (request.path == u"/big")
                response.body += QByteArray(64 * 1024, '.');
            if (request.path == u"/close")
                response.headers.append({"Connection"_ba, "close"_ba});
            return response;
        },
        options);
    QString error;
    if (!transport->listen(QHostAddress::LocalHost, 0, &error))
        qWarning() << error;
    return transport;
}

void TestHttpTransport::init()
{
    m_handled = 0;
    m_transport = start();
    QVERIFY(m_transport->serverPort() != 0);
}

void TestHttpTransport::cleanup()
{
    m_transport.reset();
}

void TestHttpTransport::keepAlive()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    for (int i = 0; i < 3; ++i) {
        client.send(get("/k?q=" + QByteArray::number(i)));
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "GET /k /k?q=" + QByteArray::number(i) + " 127.0.0.1 " +
                                     QByteArray::number(i) + " body=");
        QCOMPARE(response->header("x-content-type-options"), "nosniff"_ba);
        QCOMPARE(response->header("content-type"), "text/plain"_ba);
        QCOMPARE(response->header("content-length"), QByteArray::number(response->body.size()));
        QVERIFY(response->header("connection").isEmpty());
    }
    QCOMPARE(m_transport->connectionCount(), 1);
    QCOMPARE(m_handled, 3);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void TestHttpTransport::pipelinedInOrder()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send(get("/one") + "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc" +
                get("/three"));
    const auto one = client.read();
    const auto two = client.read();
    const auto three = client.read();
    QVERIFY(one && two && three);
    QVERIFY(one->body.startsWith("GET /one "));
    QVERIFY(two->body.startsWith("POST /two "));
    QVERIFY(two->body.endsWith("body=abc"));
    QVERIFY(three->body.startsWith("GET /three "));
}

void TestHttpTransport::answersWaitForTheCommit()
{
    // Group commit: while writes are pending, answers wait for the commit, in order; a failed
    // commit turns every waiting answer into its failure answer, framed like the answer was.
    bool pending = true;
    int commits = 0;
    std::optional<HttpResponse> failure;
    bool sawAnswerBeforeCommit = false;
    Client client;
    m_transport->setCommitBarrier(
        [&] { return pending; },
        [&]() -> std::optional<HttpResponse> {
            ++commits;
            // What reached the client so far, read or not.
            int unread = 0;
            ::ioctl(int(client.socket().socketDescriptor()), FIONREAD, &unread);
            sawAnswerBeforeCommit =
                unread > 0 || client.socket().bytesAvailable() > 0 || !client.buffer().isEmpty();
            return failure;
        });
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send(get("/one") + get("/two"));
    const auto one = client.read();
    const auto two = client.read();
    QVERIFY(one && two);
    QCOMPARE(commits, 1); // one commit for the two
    QVERIFY(!sawAnswerBeforeCommit);
    QVERIFY(one->body.startsWith("GET /one "));
    QVERIFY(two->body.startsWith("GET /two "));

    failure = HttpResponse::problem(503, u"Storage unavailable"_s, u"Nothing was kept."_s);
    client.send(get("/three"));
    const auto three = client.read();
    QVERIFY(three);
    QCOMPARE(three->status, 503);
    QVERIFY(three->body.contains("Nothing was kept."));
    QCOMPARE(commits, 2);

    // Nothing pending: written at once, no commit asked for.
    pending = false;
    client.send(get("/four"));
    const auto four = client.read();
    QVERIFY(four);
    QCOMPARE(four->status, 200);
    QCOMPARE(commits, 2);
}

void TestHttpTransport::oneBytePerWrite()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    const QByteArray request =
        "POST /slow?q=s HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody"_ba;
    for (const char c : request) {
        client.send(QByteArray(1, c));
        QTest::qWait(1);
    }
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, "POST /slow /slow?q=s 127.0.0.1 s body=body"_ba);
}

void TestHttpTransport::contentLengthBody()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    const QByteArray body(300'000, 'x');
    client.send("PUT /upload HTTP/1.1\r\nHost: h\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->body.endsWith(QByteArray(" body=" + body)));
}

void TestHttpTransport::chunkedBody()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"_ba);
    QTest::qWait(20);
    client.send("a;ext=1\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n"_ba);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->body.endsWith(" body=abc0123456789"));
}

void TestHttpTransport::expectContinue()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: "
                "5\r\n\r\n"_ba);
    // curl waits for this before it sends the body.
    QVERIFY(
        QTest::qWaitFor([&] { return client.buffer() == "HTTP/1.1 100 Continue\r\n\r\n"; }, 5000));
    QCOMPARE(m_handled, 0);
    client.send("hello"_ba);
    const auto continued = client.read();
    QVERIFY(continued);
    QCOMPARE(continued->status, 100);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->body.endsWith(" body=hello"));
}

void TestHttpTransport::oversizeHeaders()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n");
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QCOMPARE(response->header("content-type"), "application/problem+json"_ba);
    QCOMPARE(response->header("connection"), "close"_ba);
    const QJsonObject problem = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(problem[u"status"_s].toInt(), 431);
    QCOMPARE(problem[u"type"_s].toString(), u"about:blank"_s);
    QCOMPARE(problem[u"title"_s].toString(), u"Request header fields too large"_s);
    QVERIFY(problem[u"detail"_s].toString().contains(u"65536"_s));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handled, 0);
}

void TestHttpTransport::oversizeBody()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048577\r\n\r\n" +
                QByteArray(64 * 1024, 'b'));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(QJsonDocument::fromJson(response->body).object()[u"title"_s].toString(),
             u"Content too large"_s);
    QVERIFY(client.waitClosed());

    // Chunked: refused once the decoded body passes the limit.
    Client chunked;
    QVERIFY(chunked.connectTo(m_transport->serverPort()));
    chunked.send("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n" +
                 QByteArray(0x100000, 'c') + "\r\n1\r\n");
    const auto refused = chunked.read(false, 10000);
    QVERIFY(refused);
    QCOMPARE(refused->status, 413);
    QVERIFY(chunked.waitClosed());
    QCOMPARE(m_handled, 0);
}

void TestHttpTransport::garbageRequestLine()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("\x16\x03\x01 hello there\r\n\r\n"_ba);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE(response->header("content-type"), "application/problem+json"_ba);
    QCOMPARE(QJsonDocument::fromJson(response->body).object()[u"status"_s].toInt(), 400);
    QVERIFY(client.waitClosed());
}

void TestHttpTransport::unsupportedVersion()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("GET / HTTP/2.0\r\nHost: h\r\n\r\n"_ba);
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 505);
    QVERIFY(client.waitClosed());
}

void TestHttpTransport::contentLengthWithTransferEncoding()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    // A smuggling attempt: one reading sees a body of 4, another a chunked body and a second
    // request. Neither is served.
    client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nTransfer-Encoding: "
                "chunked\r\n\r\n0\r\n\r\n" +
                get("/smuggled"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handled, 0);
    QVERIFY(client.buffer().isEmpty());
}

void TestHttpTransport::http10()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("GET /old HTTP/1.0\r\n\r\n"_ba);
    auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), "close"_ba);
    QVERIFY(client.waitClosed());

    Client kept;
    QVERIFY(kept.connectTo(m_transport->serverPort()));
    kept.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba);
    response = kept.read();
    QVERIFY(response);
    QCOMPARE(response->header("connection"), "keep-alive"_ba);
    kept.send("GET /again HTTP/1.0\r\n\r\n"_ba);
    response = kept.read();
    QVERIFY(response);
    QVERIFY(response->body.startsWith("GET /again "));
    QVERIFY(kept.waitClosed());
}

void TestHttpTransport::connectionClose()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    // Nothing after a request that closes is answered.
    client.send(get("/bye", "Connection: close\r\n") + get("/after"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), "close"_ba);
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handled, 1);
    QVERIFY(client.buffer().isEmpty());

    // A handler's Connection: close closes too.
    Client other;
    QVERIFY(other.connectTo(m_transport->serverPort()));
    other.send(get("/close"));
    const auto closed = other.read();
    QVERIFY(closed);
    QCOMPARE(closed->header("connection"), "close"_ba);
    QVERIFY(other.waitClosed());
}

void TestHttpTransport::headHasNoBody()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send(get("/h"));
    const auto got = client.read();
    QVERIFY(got);
    // The body of the GET would be "GET /h ..."; HEAD's is as long ("HEAD" is one byte more).
    client.send("HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n"_ba + get("/next"));
    const auto head = client.read(true);
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QCOMPARE(head->header("content-length"), QByteArray::number(got->body.size() + 1));
    const auto next = client.read();
    QVERIFY(next);
    QVERIFY2(next->body.startsWith("GET /next "), next->body.constData());
}

void TestHttpTransport::unsafeHandlerHeader()
{
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send(get("/unsafe"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 500);
    QVERIFY(response->header("set-cookie").isEmpty());
}

void TestHttpTransport::requestTimeout()
{
    HttpTransportOptions options;
    options.requestTimeout = 300ms;
    m_transport = start(options);
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send("GET /stalled HTTP/1.1\r\nHost: h\r\n"_ba);
    QElapsedTimer timer;
    timer.start();
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handled, 0);

    // A slow body counts from the request's first byte, however it trickles.
    Client trickle;
    QVERIFY(trickle.connectTo(m_transport->serverPort()));
    trickle.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n"_ba);
    bool closed = false;
    for (int i = 0; i < 40 && !closed; ++i) {
        trickle.send("x"_ba);
        closed = trickle.waitClosed(50);
    }
    QVERIFY(closed);
    QCOMPARE(m_handled, 0);
}

void TestHttpTransport::idleTimeout()
{
    HttpTransportOptions options;
    options.idleTimeout = 300ms;
    m_transport = start(options);
    Client client;
    QVERIFY(client.connectTo(m_transport->serverPort()));
    client.send(get("/once"));
    QVERIFY(client.read());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitClosed());
    QVERIFY(timer.elapsed() >= 200);
    // Closed without a word: a 408 here would read as the answer to the client's next request.
    QVERIFY(client.buffer().isEmpty());
    QTRY_COMPARE(m_transport->connectionCount(), 0);
}

void TestHttpTransport::connectionCap()
{
    HttpTransportOptions options;
    options.maxConnections = 2;
    m_transport = start(options);
    Client first;
    Client second;
    QVERIFY(first.connectTo(m_transport->serverPort()));
    QVERIFY(second.connectTo(m_transport->serverPort()));
    QTRY_COMPARE(m_transport->connectionCount(), 2);
    Client third;
    QVERIFY(third.connectTo(m_transport->serverPort())); // in the kernel's backlog
    third.send(get("/third"));
    QVERIFY(!third.read(false, 300));
    first.socket().close();
    const auto response = third.read();
    QVERIFY(response);
    QVERIFY(response->body.startsWith("GET /third "));
}

void TestHttpTransport::clientThatDoesNotRead()
{
    HttpTransportOptions options;
    options.maxPendingOutput = 64 * 1024;
    m_transport = start(options);
    auto socket = std::make_unique<QTcpSocket>();
    QTcpSocket *raw = socket.get();
    raw->setReadBufferSize(1); // takes (almost) nothing from the kernel
    raw->connectToHost(QHostAddress::LocalHost, m_transport->serverPort());
    QVERIFY(
        QTest::qWaitFor([raw] { return raw->state() == QAbstractSocket::ConnectedState; }, 5000));
    // 400 answers of 64 KiB: far more than the kernel buffers on both sides hold.
    constexpr int count = 400;
    QByteArray requests;
    for (int i = 0; i < count; ++i)
        requests += get("/big?q=" + QByteArray::number(i));
    raw->write(requests);
    raw->flush();
    QTest::qWait(500);
    QVERIFY2(m_handled < count,
             qPrintable(u"%1 answered to a client that reads none"_s.arg(m_handled)));

    // Once it reads, every answer comes, in order.
    raw->setReadBufferSize(0);
    Client client(std::move(socket));
    for (int i = 0; i < count; ++i) {
        const auto response = client.read();
        QVERIFY2(response, qPrintable(QString::number(i)));
        QVERIFY(response->body.startsWith(
            QByteArray("GET /big /big?q=" + QByteArray::number(i) + ' ')));
    }
    QCOMPARE(m_handled, count);
}

// A self-signed certificate for 127.0.0.1 by the openssl CLI, as cert.pem and key.pem in dir.
static bool makeCertificate(const QTemporaryDir &dir, QSslCertificate *certificate, QSslKey *key)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return false;
    QProcess make;
    make.start(openssl,
               {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s,
                dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
    if (!make.waitForFinished(30000) || make.exitCode() != 0)
        return false;
    QFile certFile(dir.filePath(u"cert.pem"_s));
    QFile keyFile(dir.filePath(u"key.pem"_s));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    *certificate = QSslCertificate(certFile.readAll());
    *key = QSslKey(keyFile.readAll(), QSsl::Ec);
    return !certificate->isNull() && !key->isNull();
}

static std::unique_ptr<QSslSocket> trustingSocket(const QSslCertificate &certificate)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates({certificate});
    socket->setSslConfiguration(trusting);
    return socket;
}

void TestHttpTransport::tls()
{
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("openssl is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSslCertificate certificate;
    QSslKey key;
    QVERIFY(makeCertificate(dir, &certificate, &key));

    auto transport = std::make_unique<HttpTransport>([](HttpRequest &request) {
        HttpResponse response;
        response.body = "secure " + request.resource;
        if (!request.body.isEmpty())
            response.body += ' ' + QByteArray::number(request.body.size());
        return response;
    });
    QSslConfiguration server = QSslConfiguration::defaultConfiguration();
    server.setLocalCertificate(certificate);
    server.setPrivateKey(key);
    transport->setTls(server);
    QString error;
    QVERIFY2(transport->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));

    auto socket = trustingSocket(certificate);
    QSslSocket *tls = socket.get();
    Client client(std::move(socket));
    tls->connectToHostEncrypted(u"127.0.0.1"_s, transport->serverPort());
    QVERIFY2(QTest::qWaitFor([tls] { return tls->isEncrypted(); }, 10000),
             qPrintable(tls->errorString()));
    for (int i = 0; i < 2; ++i) {
        client.send(get("/tls?i=" + QByteArray::number(i)));
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "secure /tls?i=" + QByteArray::number(i));
    }

    // A body larger than the socket's read buffer arrives whole through TLS too.
    client.send("POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: 300000\r\n\r\n" +
                QByteArray(300'000, 'x'));
    const auto big = client.read();
    QVERIFY(big);
    QCOMPARE(big->body, "secure /big 300000"_ba);

    // Plain HTTP to the TLS port gets nothing.
    Client plain;
    QVERIFY(plain.connectTo(transport->serverPort()));
    plain.send(get("/plain"));
    QVERIFY(plain.waitClosed());
    QVERIFY(plain.buffer().isEmpty());
}

// latchkey-server serve --tls-cert --tls-key: AccountServer sets the transport up for HTTPS.
void TestHttpTransport::serverServesTls()
{
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("openssl is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSslCertificate certificate;
    QSslKey key;
    QVERIFY(makeCertificate(dir, &certificate, &key));

    QProcess server;
    server.start(QString::fromLocal8Bit(LATCHKEY_SERVER_BINARY),
                 {u"serve"_s, u"--data-dir"_s, dir.filePath(u"data"_s), u"--listen"_s,
                  u"127.0.0.1:0"_s, u"--tls-cert"_s, dir.filePath(u"cert.pem"_s), u"--tls-key"_s,
                  dir.filePath(u"key.pem"_s), u"--ready-json"_s});
    QVERIFY2(server.waitForStarted(10000), qPrintable(server.errorString()));
    QVERIFY(QTest::qWaitFor([&] { return server.canReadLine(); }, 30000));
    const QJsonObject ready = QJsonDocument::fromJson(server.readLine()).object();
    const QUrl url(ready[u"url"_s].toString());
    QCOMPARE(url.scheme(), u"https"_s);

    auto socket = trustingSocket(certificate);
    QSslSocket *tls = socket.get();
    Client client(std::move(socket));
    tls->connectToHostEncrypted(u"127.0.0.1"_s, quint16(url.port()));
    QVERIFY2(QTest::qWaitFor([tls] { return tls->isEncrypted(); }, 10000),
             qPrintable(tls->errorString()));
    client.send(get("/healthz"));
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(QJsonDocument::fromJson(response->body).object()[u"status"_s].toString(), u"ok"_s);

    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    const QByteArray err = server.readAllStandardError();
    QVERIFY2(server.exitCode() == 0, err.constData());
    QVERIFY2(!err.contains("Sanitizer") && !err.contains("runtime error:"), err.constData());
}

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
