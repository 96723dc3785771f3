// The baseline of make bench: a bare QHttpServer route answering constant JSON, with no storage,
// no authentication and no routing beyond one rule per path, so the ratio ours/bare shows what
// each of latchkey-server's endpoints costs on top of Qt's HTTP transport. Every path bench/run
// loads has its rule, so the baseline gets exactly the request latchkey-server gets (headers and
// body are read and ignored).
//
//   latchkey-bench-bare-route [--listen HOST:PORT]     (default 127.0.0.1:0, port 0 picks one)
//   -> {"url":"http://HOST:PORT","pid":N}               (one line on stdout, once listening)
//   GET or POST /oauth/token, /oauth/introspect, /api/v2/whoami -> 200 {"ok":true}

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"latchkey-bench-bare-route"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Constant-JSON QHttpServer route, the baseline of make bench"_s);
    parser.addHelpOption();
    const QCommandLineOption listenOption(u"listen"_s, u"Address to listen on (port 0 picks one)"_s,
                                          u"HOST:PORT"_s, u"127.0.0.1:0"_s);
    parser.addOption(listenOption);
    parser.process(app);

    QTextStream err(stderr);
    const QString listen = parser.value(listenOption);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    QString hostPart = listen.left(colon);
    if (hostPart.startsWith(u'[') && hostPart.endsWith(u']'))
        hostPart = hostPart.mid(1, hostPart.size() - 2);
    const QHostAddress address(hostPart);
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    if (address.isNull() || !portOk || port > 65535) {
        err << "latchkey-bench-bare-route: --listen wants HOST:PORT with a numeric host, got "
            << listen << Qt::endl;
        return 2;
    }

    const QByteArray body =
        QJsonDocument(QJsonObject{{u"ok"_s, true}}).toJson(QJsonDocument::Compact);
    QHttpServer server;
    for (const QString &path : {u"/oauth/token"_s, u"/oauth/introspect"_s, u"/api/v2/whoami"_s}) {
        server.route(path, QHttpServerRequest::Method::Get | QHttpServerRequest::Method::Post,
                     [body] { return QHttpServerResponse("application/json"_ba, body); });
    }

    const quint16 bound = server.listen(address, static_cast<quint16>(port));
    if (bound == 0) {
        err << "latchkey-bench-bare-route: cannot listen on " << listen << Qt::endl;
        return 1;
    }

    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    const QJsonObject ready{{u"url"_s, u"http://%1:%2"_s.arg(host).arg(bound)},
                            {u"pid"_s, QCoreApplication::applicationPid()}};
    const QByteArray line = QJsonDocument(ready).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);

    return app.exec();
}
