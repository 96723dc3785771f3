#include <http/httpparser.h>

#include <QElapsedTimer>
#include <QUrl>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Server::HttpLimits;
using Latchkey::Server::HttpRequest;
using Latchkey::Server::HttpRequestParser;

namespace {

// What a parser made of an input: each request as one line, the 100-continues, the error.
struct Outcome
{
    QStringList requests;
    int continues = 0;
    int error = 0;
    bool inRequest = false;

    bool operator==(const Outcome &) const = default;
};

QString describe(const Latchkey::Server::ParsedRequest &parsed)
{
    const HttpRequest &r = parsed.request;
    QStringList headers;
    for (const auto &[name, value] : r.headers)
        headers.append(QString::fromLatin1(name + '=' + value));
    return u"%1 %2 [%3] q=%4 {%5} body=%6 %7%8"_s.arg(
        QString::fromLatin1(r.method), r.path, QString::fromLatin1(r.resource),
        r.query.query(QUrl::FullyDecoded), headers.join(u','), QString::fromLatin1(r.body),
        parsed.http10 ? u"1.0"_s : u"1.1"_s, parsed.keepAlive ? u" keep-alive"_s : u" close"_s);
}

// Feeds the pieces one after another, taking every request as soon as it is complete.
Outcome parse(const QList<QByteArray> &pieces, HttpLimits limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    for (const QByteArray &piece : pieces) {
        parser.feed(piece);
        for (bool more = true; more;) {
            switch (parser.next()) {
            case HttpRequestParser::Event::NeedMore:
                more = false;
                break;
            case HttpRequestParser::Event::Continue:
                ++outcome.continues;
                break;
            case HttpRequestParser::Event::Request:
                outcome.requests.append(describe(parser.takeRequest()));
                break;
            case HttpRequestParser::Event::Error:
                // An error that does not say what went wrong is no answer.
                outcome.error = parser.error().title.isEmpty() || parser.error().detail.isEmpty()
                                    ? -1
                                    : parser.error().status;
                return outcome;
            }
        }
    }
    outcome.inRequest = parser.inRequest();
    return outcome;
}

QList<QByteArray> bytes(const QByteArray &input)
{
    QList<QByteArray> pieces;
    for (const char c : input)
        pieces.append(QByteArray(1, c));
    return pieces;
}

} // namespace

// The request parser without sockets: what it accepts, what it refuses with which status, and
// that the answer never depends on how the bytes were split.
class TestHttpParser final : public QObject
{
    Q_OBJECT

private slots:
    void requests_data();
    void requests();
    void refusals_data();
    void refusals();
    void expectContinue();
    void pipelinedAndPartial();
    void limits();
    void targets_data();
    void targets();
    void byteByByteIsLinear();
};

void TestHttpParser::requests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("get") << "GET /a/b?x=1&y=%20z HTTP/1.1\r\nHost: h\r\nX-Name:  v a  \r\n\r\n"_ba
                         << QStringList{
                                u"GET /a/b [/a/b?x=1&y=%20z] q=x=1&y= z {host=h,x-name=v a} body= "
                                "1.1 keep-alive"_s};
    QTest::newRow("content-length body")
        << "POST /t HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"_ba
        << QStringList{u"POST /t [/t] q= {host=h,content-length=5} body=hello 1.1 keep-alive"_s};
    QTest::newRow("the same content-length twice")
        << "POST /t HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok"_ba
        << QStringList{u"POST /t [/t] q= {host=h,content-length=2,content-length=2, 2} body=ok "
                       "1.1 keep-alive"_s};
    QTest::newRow("chunked with extension and trailer")
        << "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
           "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"_ba
        << QStringList{u"POST /c [/c] q= {host=h,transfer-encoding=Chunked} body=hello world 1.1 "
                       "keep-alive"_s};
    QTest::newRow("bare LF line ends")
        << "GET / HTTP/1.1\nHost: h\n\n"_ba
        << QStringList{u"GET / [/] q= {host=h} body= 1.1 keep-alive"_s};
    QTest::newRow("empty lines before the request line are skipped")
        << "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"_ba
        << QStringList{u"GET / [/] q= {host=h} body= 1.1 keep-alive"_s};
    QTest::newRow("connection close")
        << "GET / HTTP/1.1\r\nHost: h\r\nConnection: Keep-Alive, Close\r\n\r\n"_ba
        << QStringList{u"GET / [/] q= {host=h,connection=Keep-Alive, Close} body= 1.1 close"_s};
    QTest::newRow("HTTP/1.0 closes")
        << "GET / HTTP/1.0\r\n\r\n"_ba << QStringList{u"GET / [/] q= {} body= 1.0 close"_s};
    QTest::newRow("HTTP/1.0 keep-alive")
        << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba
        << QStringList{u"GET / [/] q= {connection=keep-alive} body= 1.0 keep-alive"_s};
    QTest::newRow("a later HTTP/1.x is 1.1") << "GET / HTTP/1.7\r\nHost: h\r\n\r\n"_ba
                                             << QStringList{u"GET / [/] q= {host=h} body= 1.1 "
                                                            "keep-alive"_s};
    QTest::newRow("methods are as sent") << "BREW /pot HTTP/1.1\r\nHost: h\r\n\r\n"_ba
                                         << QStringList{u"BREW /pot [/pot] q= {host=h} body= 1.1 "
                                                        "keep-alive"_s};
    QTest::newRow("two pipelined")
        << "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: "
           "1\r\n\r\nx"_ba
        << QStringList{u"GET /1 [/1] q= {host=h} body= 1.1 keep-alive"_s,
                       u"POST /2 [/2] q= {host=h,content-length=1} body=x 1.1 keep-alive"_s};
    QTest::newRow("obs-text in a value") << "GET / HTTP/1.1\r\nHost: h\r\nX: caf\xc3\xa9\r\n\r\n"_ba
                                         << QStringList{u"GET / [/] q= {host=h,x=caf\u00c3\u00a9} "
                                                        "body= 1.1 keep-alive"_s};
}

void TestHttpParser::requests()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    const Outcome whole = parse({input});
    QCOMPARE(whole.error, 0);
    QCOMPARE(whole.requests, expected);
    QVERIFY(!whole.inRequest);
    QCOMPARE(parse(bytes(input)), whole);
    for (qsizetype split = 1; split < input.size(); split += 7)
        QCOMPARE(parse({input.first(split), input.sliced(split)}), whole);
}

void TestHttpParser::refusals_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");

    QTest::newRow("garbage") << "hello\r\n\r\n"_ba << 400;
    QTest::newRow("two spaces") << "GET  / HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("no version") << "GET /\r\n\r\n"_ba << 400;
    QTest::newRow("lower-case version") << "GET / http/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("HTTP/2.0") << "GET / HTTP/2.0\r\nHost: h\r\n\r\n"_ba << 505;
    QTest::newRow("HTTP/0.9") << "GET / HTTP/0.9\r\n\r\n"_ba << 505;
    QTest::newRow("method not a token") << "G(T / HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("absolute-form") << "GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("asterisk-form") << "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("broken percent-encoding") << "GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("raw bytes outside ASCII")
        << "GET /caf\xc3\xa9 HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("fragment") << "GET /a#b HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("control character in target")
        << "GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n"_ba << 400;
    QTest::newRow("HTTP/1.1 without Host") << "GET / HTTP/1.1\r\n\r\n"_ba << 400;
    QTest::newRow("two Host fields") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba << 400;
    QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n"_ba << 400;
    QTest::newRow("space before colon") << "GET / HTTP/1.1\r\nHost : h\r\n\r\n"_ba << 400;
    QTest::newRow("no colon") << "GET / HTTP/1.1\r\nHost: h\r\nX\r\n\r\n"_ba << 400;
    QTest::newRow("NUL in a value")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\0b\r\n\r\n", 36) << 400;
    QTest::newRow("bare CR in a value") << "GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n"_ba << 400;
    QTest::newRow("Content-Length and Transfer-Encoding")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: "
           "chunked\r\n\r\n0\r\n\r\n"_ba
        << 400;
    QTest::newRow("differing Content-Lengths")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"_ba
        << 400;
    QTest::newRow("differing Content-Lengths in one field")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 4\r\n\r\nabcd"_ba << 400;
    QTest::newRow("signed Content-Length")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +3\r\n\r\nabc"_ba << 400;
    QTest::newRow("empty Content-Length")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n\r\n"_ba << 400;
    QTest::newRow("huge Content-Length")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n"_ba
        << 413;
    QTest::newRow("Content-Length over the limit")
        << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048577\r\n\r\n"_ba << 413;
    QTest::newRow("gzip") << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, "
                             "chunked\r\n\r\n"_ba
                          << 501;
    QTest::newRow("chunked twice")
        << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
           "chunked\r\n\r\n"_ba
        << 400;
    QTest::newRow("Transfer-Encoding in HTTP/1.0")
        << "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba << 400;
    QTest::newRow("chunk size not hex")
        << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba << 400;
    QTest::newRow("chunk longer than its size")
        << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"_ba << 400;
    QTest::newRow("huge chunk")
        << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
           "ffffffffffffffffffffff\r\n"_ba
        << 413;
    QTest::newRow("chunks over the limit")
        << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n80000\r\n"_ba +
               QByteArray(0x80000, 'a') + "\r\n80001\r\n"_ba
        << 413;
}

void TestHttpParser::refusals()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);

    const Outcome whole = parse({input});
    QCOMPARE(whole.error, status);
    QVERIFY(whole.requests.isEmpty());
    if (input.size() < 4096)
        QCOMPARE(parse(bytes(input)), whole);
    QCOMPARE(parse({input.first(input.size() / 2), input.sliced(input.size() / 2)}), whole);
}

void TestHttpParser::expectContinue()
{
    const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
                            "Content-Length: 3\r\n\r\n"_ba;
    Outcome outcome = parse({head, "abc"_ba});
    QCOMPARE(outcome.continues, 1);
    QCOMPARE(outcome.requests.size(), 1);
    // Not when the body is already here, not in HTTP/1.0, not without a body.
    QCOMPARE(parse({head + "abc"}).continues, 0);
    QCOMPARE(
        parse({"POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n"_ba, "x"_ba})
            .continues,
        0);
    QCOMPARE(parse({"GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n"_ba}).continues, 0);
    // Nor when the body is refused: the client learns it before it sends anything.
    outcome = parse({"POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: "
                     "2000000\r\n\r\n"_ba});
    QCOMPARE(outcome.continues, 0);
    QCOMPARE(outcome.error, 413);
}

void TestHttpParser::pipelinedAndPartial()
{
    const QByteArray request = "GET /p HTTP/1.1\r\nHost: h\r\n\r\n"_ba;
    QByteArray many;
    for (int i = 0; i < 200; ++i)
        many += request;
    const Outcome outcome = parse({many + "GET /half"});
    QCOMPARE(outcome.requests.size(), 200);
    QVERIFY(outcome.inRequest);

    HttpRequestParser parser;
    QVERIFY(!parser.inRequest());
    parser.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nab"_ba);
    QCOMPARE(parser.next(), HttpRequestParser::Event::NeedMore);
    QVERIFY(parser.inRequest());
    parser.feed("cdGET"_ba);
    QCOMPARE(parser.next(), HttpRequestParser::Event::Request);
    QCOMPARE(parser.takeRequest().request.body, "abcd"_ba);
    QCOMPARE(parser.next(), HttpRequestParser::Event::NeedMore);
    QCOMPARE(parser.buffered(), 3);
}

void TestHttpParser::limits()
{
    HttpLimits small;
    small.maxHeaderBytes = 100;
    small.maxHeaderCount = 3;
    small.maxBodyBytes = 10;
    const QByteArray longHeader = "GET / HTTP/1.1\r\nHost: h\r\nX: "_ba + QByteArray(80, 'a');
    // Refused as soon as the limit is passed, before the line ends.
    QCOMPARE(parse({longHeader}, small).error, 431);
    QCOMPARE(parse({"GET /"_ba + QByteArray(200, 'a')}, small).error, 431);
    QCOMPARE(parse(bytes(longHeader + "\r\n\r\n"), small).error, 431);
    QCOMPARE(parse({QByteArray(120, '\n')}, small).error, 431);
    QCOMPARE(parse({"GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"_ba}, small).error,
             431);
    QCOMPARE(parse({"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n"_ba}, small).error,
             413);
    QCOMPARE(parse({"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789"_ba}, small)
                 .requests.size(),
             1);
    const QByteArray chunked =
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;
    QCOMPARE(parse({chunked + "5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n"}, small).requests.size(), 1);
    QCOMPARE(parse({chunked + "5\r\n01234\r\n6\r\n"}, small).error, 413);
    // Trailers have a header budget of their own.
    QCOMPARE(parse({chunked + "0\r\nX: "_ba + QByteArray(120, 'a')}, small).error, 431);
    // The body never counts against the header budget.
    const QByteArray body(10, 'b');
    QCOMPARE(
        parse({"POST / HTTP/1.1\r\nHost: hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh\r\nContent-Length: "
               "10\r\n\r\n"_ba +
               body},
              small)
            .requests.size(),
        1);
}

void TestHttpParser::targets_data()
{
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("plain") << "/api/v2/whoami"_ba;
    QTest::newRow("query") << "/oauth/authorize?client_id=a&redirect_uri=http%3A%2F%2Fx%2Fcb"_ba;
    QTest::newRow("escaped path") << "/api/admin/v1/keys/a%20b%2Fc"_ba;
    QTest::newRow("utf-8 escapes") << "/caf%C3%A9?q=%E2%82%AC"_ba;
    QTest::newRow("invalid utf-8") << "/%FF?x=%FE"_ba;
    QTest::newRow("empty query") << "/p?"_ba;
    QTest::newRow("plus and brackets") << "/p?a=b+c&f[x]=1&g={}|"_ba;
    QTest::newRow("dot segments stay") << "/a/../b/./c"_ba;
}

// Path and query decode as QUrl decoded them for the transport before; the resource is as sent.
void TestHttpParser::targets()
{
    QFETCH(QByteArray, target);

    HttpRequest request;
    QVERIFY(HttpRequestParser::setTarget(request, target));
    QCOMPARE(request.resource, target);
    const QUrl url = QUrl::fromEncoded("http://127.0.0.1:8765" + target);
    QVERIFY(url.isValid());
    QCOMPARE(request.path, url.path(QUrl::FullyDecoded));
    QUrlQuery before;
    if (url.hasQuery())
        before.setQuery(url.query(QUrl::FullyEncoded));
    QCOMPARE(request.query.queryItems(QUrl::FullyDecoded), before.queryItems(QUrl::FullyDecoded));
}

void TestHttpParser::byteByByteIsLinear()
{
    // 60 KiB of headers one byte at a time: quadratic rescanning would take minutes.
    QByteArray input = "GET / HTTP/1.1\r\nHost: h\r\n"_ba;
    for (int i = 0; i < 200; ++i)
        input += "X-Header-" + QByteArray::number(i) + ": " + QByteArray(280, 'v') + "\r\n";
    input += "X-Long: " + QByteArray(4000, 'l') + "\r\n\r\n";
    QVERIFY(input.size() < 64 * 1024);
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = parse(bytes(input));
    QCOMPARE(outcome.requests.size(), 1);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
