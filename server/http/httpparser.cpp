#include "httpparser.h"

#include <array>
#include <cstring>
#include <limits>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

// Longest chunk-size line (size and extensions) accepted.
constexpr qsizetype maxChunkLineBytes = 4096;
// Digits past this are a size no limit allows (and would overflow).
constexpr qsizetype maxLengthDigits = 15;

// RFC 9110 §5.6.2: the characters of a token (methods, field names, transfer codings).
constexpr std::array<bool, 256> tokenChars = [] {
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[c] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        table[c] = table[c - 'a' + 'A'] = true;
    for (const char c : std::string_view("!#$%&'*+-.^_`|~"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}();

bool isTokenChar(char c)
{
    return tokenChars[static_cast<unsigned char>(c)];
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values (and chunk extensions): VCHAR, obs-text, SP and HTAB; no other control character.
bool isFieldText(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.sliced(begin, end - begin);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Calls f for each non-empty, trimmed element of a comma-separated list (RFC 9110 §5.6.1).
template<typename F>
void forEachElement(QByteArrayView list, F f)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView element = trimmed(comma < 0 ? list : list.first(comma));
        if (!element.isEmpty())
            f(element);
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString bytesText(qsizetype bytes)
{
    return QString::number(bytes);
}

} // namespace

HttpRequestParser::HttpRequestParser(HttpLimits limits)
    : m_limits(limits)
{
}

void HttpRequestParser::feed(QByteArray data)
{
    if (m_state == State::Failed || data.isEmpty())
        return;
    if (m_pos == m_buffer.size()) {
        // The usual case: nothing left over, so the socket's buffer becomes ours without a copy.
        m_buffer = std::move(data);
        m_pos = 0;
        return;
    }
    compact();
    m_buffer.append(data);
}

bool HttpRequestParser::inRequest() const
{
    if (m_state == State::Failed)
        return false;
    return m_state != State::RequestLine || m_headBytes > 0 || m_pos < m_buffer.size();
}

void HttpRequestParser::compact()
{
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > m_buffer.size() / 2) {
        // Only once half of it is used: pipelined requests cost linear time, not quadratic.
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

bool HttpRequestParser::takeLine(QByteArrayView *line)
{
    const qsizetype from = m_pos + m_scanned;
    const qsizetype available = m_buffer.size() - from;
    const char *data = m_buffer.constData();
    const void *found = available > 0 ? std::memchr(data + from, '\n', size_t(available)) : nullptr;
    if (!found) {
        m_scanned = m_buffer.size() - m_pos;
        return false;
    }
    const qsizetype end = static_cast<const char *>(found) - data;
    qsizetype lineEnd = end;
    if (lineEnd > m_pos && data[lineEnd - 1] == '\r')
        --lineEnd;
    *line = QByteArrayView(data + m_pos, lineEnd - m_pos);
    m_pos = end + 1;
    m_scanned = 0;
    return true;
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const QString &title,
                                                 const QString &detail)
{
    m_error = {status, title, detail};
    m_state = State::Failed;
    m_buffer.clear();
    m_pos = 0;
    m_scanned = 0;
    m_current = {};
    return Event::Error;
}

HttpRequestParser::Event HttpRequestParser::tooLargeHeaders()
{
    return fail(431, u"Request header fields too large"_s,
                u"The request line and header fields take more than %1 bytes."_s.arg(
                    bytesText(m_limits.maxHeaderBytes)));
}

HttpRequestParser::Event HttpRequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return Event::Error;
        case State::Complete:
            return Event::Request;
        case State::RequestLine:
        case State::Headers:
        case State::Trailers: {
            QByteArrayView line;
            if (!takeLine(&line)) {
                if (m_headBytes + (m_buffer.size() - m_pos) > m_limits.maxHeaderBytes)
                    return tooLargeHeaders();
                return Event::NeedMore;
            }
            // The line end counts too: a flood of empty lines is no free ride.
            m_headBytes += line.size() + 1;
            if (m_headBytes > m_limits.maxHeaderBytes)
                return tooLargeHeaders();
            Event event = Event::NeedMore;
            if (m_state == State::RequestLine) {
                // RFC 9112 §2.2: empty lines before a request line are skipped.
                if (line.isEmpty())
                    continue;
                event = parseRequestLine(line);
            } else if (line.isEmpty() && m_state == State::Trailers) {
                m_state = State::Complete;
                continue;
            } else if (line.isEmpty()) {
                event = endOfHeaders();
            } else {
                event = parseHeaderLine(line);
            }
            if (event != Event::NeedMore)
                return event;
            break;
        }
        case State::Body: {
            if (buffered() < m_contentLength)
                return Event::NeedMore;
            m_current.request.body = m_buffer.mid(m_pos, m_contentLength);
            m_pos += m_contentLength;
            m_state = State::Complete;
            break;
        }
        case State::ChunkSize: {
            QByteArrayView line;
            if (!takeLine(&line)) {
                if (buffered() > maxChunkLineBytes)
                    return fail(400, u"Bad request"_s,
                                u"A chunk size line is longer than %1 bytes."_s.arg(
                                    bytesText(maxChunkLineBytes)));
                return Event::NeedMore;
            }
            if (line.size() > maxChunkLineBytes)
                return fail(400, u"Bad request"_s,
                            u"A chunk size line is longer than %1 bytes."_s.arg(
                                bytesText(maxChunkLineBytes)));
            const Event event = parseChunkSize(line);
            if (event != Event::NeedMore)
                return event;
            break;
        }
        case State::ChunkData: {
            const qsizetype take = qsizetype(std::min<qint64>(m_chunkLeft, buffered()));
            if (take == 0)
                return Event::NeedMore;
            m_current.request.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_chunkLeft -= take;
            if (m_chunkLeft == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            if (buffered() < 1)
                return Event::NeedMore;
            const char first = m_buffer.at(m_pos);
            if (first == '\n') {
                m_pos += 1;
            } else if (first == '\r') {
                if (buffered() < 2)
                    return Event::NeedMore;
                if (m_buffer.at(m_pos + 1) != '\n')
                    return fail(400, u"Bad request"_s, u"Chunk data is not followed by CRLF."_s);
                m_pos += 2;
            } else {
                return fail(400, u"Bad request"_s,
                            u"Chunk data is longer than its chunk size says."_s);
            }
            m_state = State::ChunkSize;
            break;
        }
        }
    }
}

HttpRequestParser::Event HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const auto malformed = [this] {
        return fail(400, u"Bad request"_s,
                    u"The request line is not METHOD SP /target SP HTTP/1.1."_s);
    };
    const qsizetype first = line.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0 || line.indexOf(' ', second + 1) >= 0)
        return malformed();
    const QByteArrayView method = line.first(first);
    const QByteArrayView target = line.sliced(first + 1, second - first - 1);
    const QByteArrayView version = line.sliced(second + 1);
    if (!isToken(method) || version.size() != 8 || !version.startsWith("HTTP/") ||
        version[6] != '.' || version[5] < '0' || version[5] > '9' || version[7] < '0' ||
        version[7] > '9')
        return malformed();
    if (version[5] != '1')
        return fail(505, u"HTTP version not supported"_s,
                    u"This server speaks HTTP/1.1 and HTTP/1.0, not %1."_s.arg(
                        QString::fromLatin1(version)));
    // RFC 9110 §2.5: a later 1.x is answered as 1.1.
    m_current.http10 = version[7] == '0';
    if (!setTarget(m_current.request, target)) {
        return fail(400, u"Bad request"_s,
                    u"The request target must be a path (/path?query) in ASCII with valid "
                    "percent-encoding, without spaces, control characters or a fragment."_s);
    }
    m_current.request.method = method.toByteArray();
    m_state = State::Headers;
    return Event::NeedMore;
}

HttpRequestParser::Event HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    const bool trailer = m_state == State::Trailers;
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, u"Bad request"_s,
                    u"Header fields must not be folded over several lines (obs-fold)."_s);
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon < 0 ? QByteArrayView() : line.first(colon);
    if (!isToken(name))
        return fail(400, u"Bad request"_s,
                    u"A header line is not a field name, a colon and a value."_s);
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    if (!isFieldText(value))
        return fail(400, u"Bad request"_s,
                    u"The value of %1 holds a control character."_s.arg(QString::fromLatin1(name)));
    if (++m_headerCount > m_limits.maxHeaderCount)
        return fail(431, u"Request header fields too large"_s,
                    u"The request has more than %1 header fields."_s.arg(m_limits.maxHeaderCount));
    if (trailer)
        return Event::NeedMore; // trailer fields are read and dropped

    QByteArray lowerName = name.toByteArray();
    for (char &c : lowerName) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    if (lowerName == "content-length") {
        bool valid = true;
        bool any = false;
        forEachElement(value, [&](QByteArrayView element) {
            any = true;
            qint64 length = 0;
            for (const char c : element) {
                if (c < '0' || c > '9') {
                    valid = false;
                    return;
                }
            }
            // Longer than any limit: keep it as the largest length, which is refused with 413.
            if (element.size() > maxLengthDigits) {
                length = std::numeric_limits<qint64>::max();
            } else {
                for (const char c : element)
                    length = length * 10 + (c - '0');
            }
            if (m_contentLength >= 0 && m_contentLength != length)
                valid = false;
            m_contentLength = length;
        });
        if (!valid || !any)
            return fail(400, u"Bad request"_s,
                        u"Content-Length must be one decimal number, the same wherever it is "
                        "given."_s);
    } else if (lowerName == "transfer-encoding") {
        m_transferEncodingSeen = true;
        forEachElement(value, [&](QByteArrayView element) {
            if (equalsIgnoringCase(element, "chunked")) {
                ++m_chunkedCount;
                m_chunkedLast = true;
            } else {
                if (m_unknownCoding.isEmpty())
                    m_unknownCoding = element.toByteArray();
                m_chunkedLast = false;
            }
        });
    } else if (lowerName == "connection") {
        forEachElement(value, [&](QByteArrayView element) {
            if (equalsIgnoringCase(element, "close"))
                m_connectionClose = true;
            else if (equalsIgnoringCase(element, "keep-alive"))
                m_connectionKeepAlive = true;
        });
    } else if (lowerName == "expect") {
        m_expectContinue = equalsIgnoringCase(value, "100-continue");
    } else if (lowerName == "host") {
        if (m_hostSeen)
            return fail(400, u"Bad request"_s, u"The request has more than one Host field."_s);
        m_hostSeen = true;
    }
    m_current.request.headers.append({std::move(lowerName), value.toByteArray()});
    return Event::NeedMore;
}

HttpRequestParser::Event HttpRequestParser::endOfHeaders()
{
    if (!m_current.http10 && !m_hostSeen)
        return fail(400, u"Bad request"_s, u"An HTTP/1.1 request needs a Host field."_s);
    if (m_transferEncodingSeen) {
        // RFC 9112 §6.1 and §6.3: both framings at once is how requests are smuggled.
        if (m_contentLength >= 0)
            return fail(400, u"Bad request"_s,
                        u"The request has both Content-Length and Transfer-Encoding."_s);
        if (m_current.http10)
            return fail(400, u"Bad request"_s,
                        u"HTTP/1.0 requests cannot use Transfer-Encoding."_s);
        if (!m_unknownCoding.isEmpty())
            return fail(501, u"Not implemented"_s,
                        u"The transfer coding %1 is not supported; send the body with "
                        "Content-Length or chunked."_s.arg(QString::fromLatin1(m_unknownCoding)));
        if (m_chunkedCount != 1 || !m_chunkedLast)
            return fail(400, u"Bad request"_s, u"Transfer-Encoding must be chunked, once."_s);
        m_chunked = true;
    } else if (m_contentLength > m_limits.maxBodyBytes) {
        return fail(
            413, u"Content too large"_s,
            u"The request body is larger than %1 bytes."_s.arg(bytesText(m_limits.maxBodyBytes)));
    }
    m_current.keepAlive =
        m_current.http10 ? m_connectionKeepAlive && !m_connectionClose : !m_connectionClose;
    const bool hasBody = m_chunked || m_contentLength > 0;
    if (!hasBody) {
        m_state = State::Complete;
        return Event::Request;
    }
    m_state = m_chunked ? State::ChunkSize : State::Body;
    // RFC 9110 §10.1.1: ignored in HTTP/1.0, and needless once the body is arriving.
    if (m_expectContinue && !m_current.http10 && buffered() == 0)
        return Event::Continue;
    return Event::NeedMore;
}

HttpRequestParser::Event HttpRequestParser::parseChunkSize(QByteArrayView line)
{
    qsizetype digits = 0;
    qint64 size = 0;
    while (digits < line.size() && hexValue(line[digits]) >= 0) {
        if (digits < maxLengthDigits)
            size = size * 16 + hexValue(line[digits]);
        else
            size = std::numeric_limits<qint64>::max();
        ++digits;
    }
    const QByteArrayView rest = trimmed(line.sliced(digits));
    if (digits == 0 || (!rest.isEmpty() && rest.front() != ';') || !isFieldText(rest))
        return fail(400, u"Bad request"_s, u"A chunk does not start with a hex size."_s);
    if (size == 0) {
        m_state = State::Trailers;
        m_headBytes = 0;
        m_headerCount = 0;
        return Event::NeedMore;
    }
    if (size > m_limits.maxBodyBytes - m_current.request.body.size())
        return fail(
            413, u"Content too large"_s,
            u"The request body is larger than %1 bytes."_s.arg(bytesText(m_limits.maxBodyBytes)));
    m_chunkLeft = size;
    m_state = State::ChunkData;
    return Event::NeedMore;
}

ParsedRequest HttpRequestParser::takeRequest()
{
    ParsedRequest request = std::move(m_current);
    startNext();
    return request;
}

void HttpRequestParser::startNext()
{
    m_current = {};
    m_state = State::RequestLine;
    m_headBytes = 0;
    m_headerCount = 0;
    m_contentLength = -1;
    m_chunkLeft = 0;
    m_chunked = false;
    m_transferEncodingSeen = false;
    m_chunkedCount = 0;
    m_chunkedLast = false;
    m_unknownCoding.clear();
    m_expectContinue = false;
    m_hostSeen = false;
    m_connectionClose = false;
    m_connectionKeepAlive = false;
    compact();
}

bool HttpRequestParser::setTarget(HttpRequest &request, QByteArrayView target)
{
    if (target.isEmpty() || target.front() != '/')
        return false;
    qsizetype question = -1;
    bool pathEscaped = false;
    for (qsizetype i = 0; i < target.size(); ++i) {
        const auto u = static_cast<unsigned char>(target[i]);
        // RFC 3986: no spaces, controls, fragments or raw bytes outside ASCII (clients
        // percent-encode them; taking them raw would leave their decoding to guesswork).
        if (u <= 0x20 || u >= 0x7f || u == '#')
            return false;
        if (u == '%') {
            if (i + 2 >= target.size() || hexValue(target[i + 1]) < 0 ||
                hexValue(target[i + 2]) < 0)
                return false;
            if (question < 0)
                pathEscaped = true;
        } else if (u == '?' && question < 0) {
            question = i;
        }
    }
    const QByteArrayView path = question < 0 ? target : target.first(question);
    // Decoded as QUrl::path(QUrl::FullyDecoded) did: percent-decoded bytes read as UTF-8.
    if (!pathEscaped)
        request.path = QString::fromLatin1(path);
    else
        request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(path.toByteArray()));
    request.resource = target.toByteArray();
    if (question >= 0)
        request.query.setQuery(QString::fromLatin1(target.sliced(question + 1)));
    return true;
}

} // namespace Latchkey::Server
