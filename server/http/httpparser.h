#pragma once

#include "httpmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Latchkey::Server {

// What one request may take; past these the parser answers with an error status.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 64 * 1024; // request line and header section: 431
    qsizetype maxHeaderCount = 256;       // header field lines: 431
    qsizetype maxBodyBytes = 1024 * 1024; // decoded body, Content-Length or chunked: 413
};

// Why a request was refused: the status and the problem+json title and detail a client gets.
struct HttpParseError
{
    int status = 400;
    QString title;
    QString detail;
};

// A complete request and how its connection goes on.
struct ParsedRequest
{
    HttpRequest request; // everything but remoteAddress, which only the socket knows
    bool http10 = false;
    bool keepAlive = true; // HTTP/1.1 unless "Connection: close"; 1.0 only with "keep-alive"
};

// An incremental HTTP/1.0 and 1.1 request parser without sockets (RFC 9112): fed byte chunks
// split anywhere, it yields the requests they hold one after another, or the first error. A
// request needs no more work than its size, however it is split (each byte is looked at once or
// twice), so a client writing one byte at a time costs the same as one writing it whole.
//
// Strict where leniency lets two parsers disagree (request smuggling): Content-Length with
// Transfer-Encoding, differing Content-Lengths, obs-fold, whitespace before a colon, bare CR and
// control characters are errors. Lenient where RFC 9112 allows it: a bare LF ends a line and
// empty lines before a request line are skipped.
class HttpRequestParser final
{
public:
    enum class Event {
        NeedMore, // everything fed is used; feed more
        Continue, // the client waits for "100 Continue" before it sends the body
        Request,  // a complete request: takeRequest()
        Error,    // error() says why; nothing more is parsed
    };

    explicit HttpRequestParser(HttpLimits limits = {});

    void feed(QByteArray data);
    // Parses on from where it stopped; call again after Continue and Request.
    Event next();
    ParsedRequest takeRequest();
    const HttpParseError &error() const { return m_error; }

    // Some of a request was fed and it is not complete yet.
    bool inRequest() const;
    // Bytes fed and not yet parsed (the start of pipelined requests).
    qsizetype buffered() const { return m_buffer.size() - m_pos; }
    const HttpLimits &limits() const { return m_limits; }

    // Fills method-independent parts of a request from an origin-form target as sent
    // ("/path?query"): path (decoded, for routing), resource (as sent, for Hawk) and query.
    // False when the target is not origin-form, holds bytes a target may not (spaces, controls,
    // "#", anything outside ASCII) or its percent-encoding is broken.
    static bool setTarget(HttpRequest &request, QByteArrayView target);

private:
    enum class State {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Failed,
    };

    // The next line from m_pos without its line end, or false when none is complete yet.
    bool takeLine(QByteArrayView *line);
    Event fail(int status, const QString &title, const QString &detail);
    Event tooLargeHeaders();
    Event parseRequestLine(QByteArrayView line);
    Event parseHeaderLine(QByteArrayView line);
    Event endOfHeaders();
    Event parseChunkSize(QByteArrayView line);
    void startNext();
    void compact();

    HttpLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;       // first byte not parsed yet
    qsizetype m_scanned = 0;   // bytes after m_pos known to hold no line end
    qsizetype m_headBytes = 0; // of this request's request line and headers (or trailers)
    State m_state = State::RequestLine;
    HttpParseError m_error;
    ParsedRequest m_current;
    qsizetype m_headerCount = 0;
    qint64 m_contentLength = -1;
    qint64 m_chunkLeft = 0;
    bool m_chunked = false;
    bool m_transferEncodingSeen = false;
    int m_chunkedCount = 0;
    bool m_chunkedLast = false;
    QByteArray m_unknownCoding;
    bool m_expectContinue = false;
    bool m_hostSeen = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
};

} // namespace Latchkey::Server
