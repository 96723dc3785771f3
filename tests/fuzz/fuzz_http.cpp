// The HTTP/1.1 request parser of the transport (HttpRequestParser), fed the input as a client
// could send it: whole, one byte at a time, and cut at pseudo-random points drawn from the input.
// Every way must give the same requests and the same error; no request may carry a body over the
// limit or a header the parser should have refused; path and query decode as QUrl decodes them.

#include "fuzzsupport.h"

#include <http/httpparser.h>

#include <QUrl>
#include <QUrlQuery>

#include <cstdint>

using namespace Latchkey;
using namespace Latchkey::Server;

namespace {

// Small limits, so inputs of a few KiB reach all of them.
HttpLimits limits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxHeaderCount = 16;
    limits.maxBodyBytes = 512;
    return limits;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && QByteArrayView("!#$%&'*+-.^_`|~").contains(c));
}

void checkRequest(const ParsedRequest &parsed, QByteArrayView input)
{
    const HttpRequest &request = parsed.request;
    Fuzz::check(!request.method.isEmpty(), "a request has a method", input);
    for (const char c : request.method)
        Fuzz::check(isTokenChar(c), "a method is a token", input);
    Fuzz::check(request.resource.startsWith('/'), "a resource is origin-form", input);
    Fuzz::check(request.body.size() <= limits().maxBodyBytes, "no body over the limit", input);
    for (const auto &[name, value] : request.headers) {
        Fuzz::check(!name.isEmpty(), "a header has a name", input);
        for (const char c : name)
            Fuzz::check(isTokenChar(c) && !(c >= 'A' && c <= 'Z'),
                        "a header name is a lower-case token", input);
        for (const char c : value)
            Fuzz::check(c != '\r' && c != '\n' && c != '\0', "no CR, LF or NUL in a value", input);
        Fuzz::check(value.isEmpty() || (value.front() != ' ' && value.back() != ' ' &&
                                        value.front() != '\t' && value.back() != '\t'),
                    "values are trimmed", input);
    }
    qsizetype hosts = 0;
    bool contentLength = false;
    bool transferEncoding = false;
    for (const auto &[name, value] : request.headers) {
        hosts += name == "host";
        contentLength = contentLength || name == "content-length";
        transferEncoding = transferEncoding || name == "transfer-encoding";
    }
    Fuzz::check(hosts <= 1 && (parsed.http10 || hosts == 1), "one Host in HTTP/1.1, at most one",
                input);
    Fuzz::check(!(contentLength && transferEncoding), "never Content-Length and Transfer-Encoding",
                input);

    // What the transport filled through QUrl before: the same path and query items.
    const QUrl url = QUrl::fromEncoded("http://127.0.0.1:8765" + request.resource);
    if (url.isValid()) {
        Fuzz::check(request.path == url.path(QUrl::FullyDecoded), "the path decodes as QUrl's",
                    request.resource);
        QUrlQuery before;
        if (url.hasQuery())
            before.setQuery(url.query(QUrl::FullyEncoded));
        Fuzz::check(request.query.queryItems(QUrl::FullyDecoded) ==
                        before.queryItems(QUrl::FullyDecoded),
                    "the query decodes as QUrl's", request.resource);
    }
}

// Everything a parser said about an input, as one string to compare.
QByteArray run(QByteArrayView input, const QList<qsizetype> &cuts)
{
    HttpRequestParser parser(limits());
    QByteArray log;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(input.size());
    for (const qsizetype end : std::as_const(ends)) {
        if (end <= from)
            continue;
        parser.feed(input.sliced(from, end - from).toByteArray());
        from = end;
        for (bool more = true; more;) {
            switch (parser.next()) {
            case HttpRequestParser::Event::NeedMore:
                more = false;
                break;
            case HttpRequestParser::Event::Continue:
                // Not logged: whether it comes depends on whether the body is here yet.
                Fuzz::check(parser.inRequest(), "100 Continue only inside a request", input);
                break;
            case HttpRequestParser::Event::Request: {
                const ParsedRequest parsed = parser.takeRequest();
                checkRequest(parsed, input);
                const HttpRequest &r = parsed.request;
                log += r.method + ' ' + r.resource + ' ' + QByteArray::number(r.body.size()) + ' ' +
                       QByteArray::number(r.headers.size()) + (parsed.keepAlive ? " k" : " c") +
                       (parsed.http10 ? " 1.0\n" : " 1.1\n") + r.body + '\n';
                break;
            }
            case HttpRequestParser::Event::Error: {
                const HttpParseError &error = parser.error();
                Fuzz::check(error.status == 400 || error.status == 413 || error.status == 431 ||
                                error.status == 501 || error.status == 505,
                            "an error is 400, 413, 431, 501 or 505", input);
                Fuzz::check(!error.title.isEmpty() && !error.detail.isEmpty(), "an error says why",
                            input);
                Fuzz::check(parser.next() == HttpRequestParser::Event::Error,
                            "nothing is parsed after an error", input);
                return log + "error " + QByteArray::number(error.status) + '\n';
            }
            }
        }
    }
    log += parser.inRequest() ? "pending\n" : "idle\n";
    return log;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::initApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    const QByteArray whole = run(input, {});

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    Fuzz::check(run(input, everyByte) == whole, "one byte at a time parses as the whole", input);

    // Cuts drawn from the input itself, so a finding replays the same.
    QList<qsizetype> cuts;
    quint64 state = qHash(input, 0x6c6174636b6579u) | 1;
    for (qsizetype at = 0; input.size() > 1;) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        at += 1 + qsizetype(state % 64);
        if (at >= input.size())
            break;
        cuts.append(at);
    }
    Fuzz::check(run(input, cuts) == whole, "random cuts parse as the whole", input);
    return 0;
}
