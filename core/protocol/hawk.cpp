#include "hawk.h"

#include "base64url.h"
#include "crypto.h"
#include "random.h"

#include <QByteArrayList>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Latchkey::Hawk {

namespace {

// hawk's limits.maxMatchLength. The attribute scan restarts at every byte that does not begin a
// match, so its time grows with the square of the length: an 80 KB header took minutes.
constexpr qsizetype maxHeaderLength = 4096;

// JavaScript's \w and \s. Node gives hawk header bytes as Latin-1, where 0xA0 (no-break space)
// is \s too.
bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '\xa0';
}

// Hawk's attribute value charset: space, \w and !#$%&'()*+,-./:;<=>?@[]^`{|}~.
bool isAttributeChar(char c)
{
    static constexpr QByteArrayView punctuation = "!#$%&'()*+,-./:;<=>?@[]^`{|}~";
    return c == ' ' || isWordChar(c) || punctuation.contains(c);
}

bool isAttributeValue(QByteArrayView value)
{
    return !value.isEmpty() && std::all_of(value.begin(), value.end(), isAttributeChar);
}

// hawk's escapeHeaderAttribute: also allows '"' and '\', which it escapes.
bool isEscapableValue(QByteArrayView value)
{
    return std::all_of(value.begin(), value.end(),
                       [](char c) { return isAttributeChar(c) || c == '"' || c == '\\'; });
}

QByteArray escapeHeaderAttribute(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\' || c == '"')
            out.append('\\');
        out.append(c);
    }
    return out;
}

// Only the canonical form (digits, no leading zero) is accepted, so re-printing ts for the MAC
// gives back the exact bytes the client signed (hawk signs the string as received).
std::optional<qint64> parseTimestamp(QByteArrayView text)
{
    if (text.isEmpty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        (text.startsWith('0') && text.size() > 1))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

struct Attribute
{
    qsizetype end = 0;
    QByteArrayView name;
    QByteArrayView value;
};

// One match of hawk's /(\w+)="([^"\\]*)"\s*(?:,\s*|$)/ anchored at `pos`.
std::optional<Attribute> matchAttribute(QByteArrayView text, qsizetype pos)
{
    const qsizetype size = text.size();
    qsizetype i = pos;
    while (i < size && isWordChar(text[i]))
        ++i;
    if (i == pos || i + 1 >= size || text[i] != '=' || text[i + 1] != '"')
        return std::nullopt;
    const qsizetype valueStart = i + 2;
    qsizetype valueEnd = valueStart;
    while (valueEnd < size && text[valueEnd] != '"' && text[valueEnd] != '\\')
        ++valueEnd;
    if (valueEnd >= size || text[valueEnd] != '"')
        return std::nullopt;
    qsizetype end = valueEnd + 1;
    while (end < size && isSpace(text[end]))
        ++end;
    if (end < size) {
        if (text[end] != ',')
            return std::nullopt;
        ++end;
        while (end < size && isSpace(text[end]))
            ++end;
    }
    return Attribute{end, text.sliced(pos, i - pos),
                     text.sliced(valueStart, valueEnd - valueStart)};
}

struct Attributes
{
    std::map<QByteArray, QByteArray> values;
    QString error;
};

// hawk's utils.parseAuthorizationHeader, for the Authorization and WWW-Authenticate headers.
Attributes parseAttributes(QByteArrayView header, const QByteArrayList &keys)
{
    Attributes result;
    const auto fail = [&result](const QString &error) {
        result.values.clear();
        result.error = error;
        return result;
    };
    if (header.size() > maxHeaderLength)
        return fail(u"Header length too long"_s);

    // /^(\w+)(?:\s+(.*))?$/: a scheme, then whitespace and the rest; '.' stops at CR and LF.
    qsizetype schemeEnd = 0;
    while (schemeEnd < header.size() && isWordChar(header[schemeEnd]))
        ++schemeEnd;
    if (schemeEnd == 0 || (schemeEnd < header.size() && !isSpace(header[schemeEnd])))
        return fail(u"Invalid header syntax"_s);
    qsizetype restStart = schemeEnd;
    while (restStart < header.size() && isSpace(header[restStart]))
        ++restStart;
    const QByteArrayView rest = header.sliced(restStart);
    if (rest.contains('\n') || rest.contains('\r'))
        return fail(u"Invalid header syntax"_s);
    if (header.first(schemeEnd).compare("hawk", Qt::CaseInsensitive) != 0 || rest.isEmpty())
        return fail(u"Invalid header syntax"_s);

    // Like hawk's global replace: every match is consumed, anything else is left over. Errors
    // do not stop the scan, so the last one found is reported.
    bool leftOver = false;
    QString error;
    for (qsizetype pos = 0; pos < rest.size();) {
        const auto attribute = matchAttribute(rest, pos);
        if (!attribute) {
            leftOver = true;
            ++pos;
            continue;
        }
        pos = attribute->end;
        const QString name = QString::fromLatin1(attribute->name);
        if (!keys.contains(attribute->name.toByteArray()))
            error = u"Unknown attribute: "_s + name;
        else if (!isAttributeValue(attribute->value))
            error = u"Bad attribute value: "_s + name;
        else if (!result.values
                      .try_emplace(attribute->name.toByteArray(), attribute->value.toByteArray())
                      .second)
            error = u"Duplicate attribute: "_s + name;
    }
    if (!error.isEmpty())
        return fail(error);
    if (leftOver)
        return fail(u"Bad header format"_s);
    return result;
}

QByteArray valueOf(const Attributes &attributes, const QByteArray &key)
{
    const auto it = attributes.values.find(key);
    return it == attributes.values.end() ? QByteArray() : it->second;
}

} // namespace

QByteArray normalizedString(QByteArrayView type, const Artifacts &artifacts)
{
    QByteArray out;
    out.append("hawk.1.").append(type).append('\n');
    out.append(QByteArray::number(artifacts.ts)).append('\n');
    out.append(artifacts.nonce).append('\n');
    out.append(artifacts.method.toUpper()).append('\n');
    out.append(artifacts.resource).append('\n');
    out.append(artifacts.host.toLower()).append('\n');
    out.append(QByteArray::number(artifacts.port)).append('\n');
    out.append(artifacts.hash).append('\n');
    for (const char c : artifacts.ext) {
        if (c == '\\')
            out.append("\\\\");
        else if (c == '\n')
            out.append("\\n");
        else
            out.append(c);
    }
    out.append('\n');
    if (!artifacts.app.isEmpty())
        out.append(artifacts.app).append('\n').append(artifacts.dlg).append('\n');
    return out;
}

QByteArray calculateMac(QByteArrayView key, QByteArrayView type, const Artifacts &artifacts)
{
    return Crypto::hmacSha256(key, normalizedString(type, artifacts)).toBase64();
}

QByteArray calculateMac(const Crypto::HmacSha256Key &key, QByteArrayView type,
                        const Artifacts &artifacts)
{
    return key.mac(normalizedString(type, artifacts)).toBase64();
}

QByteArray payloadHash(QByteArrayView contentType, QByteArrayView payload)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray mediaType = (semicolon < 0 ? contentType : contentType.first(semicolon))
                                     .trimmed()
                                     .toByteArray()
                                     .toLower();
    QByteArray normalized;
    normalized.reserve(payload.size() + mediaType.size() + 17);
    normalized.append("hawk.1.payload\n").append(mediaType).append('\n');
    normalized.append(payload).append('\n');
    return Crypto::sha256(normalized).toBase64();
}

QByteArray timestampMac(QByteArrayView key, qint64 ts)
{
    QByteArray message = "hawk.1.ts\n"_ba;
    message.append(QByteArray::number(ts)).append('\n');
    return Crypto::hmacSha256(key, message).toBase64();
}

QByteArray authorizationHeader(const Artifacts &artifacts)
{
    // Refuse what no parser would accept back rather than send a broken or injected header.
    const bool hasApp = !artifacts.app.isEmpty();
    if (!isAttributeValue(artifacts.id) || !isAttributeValue(artifacts.nonce) ||
        !isAttributeValue(artifacts.mac) ||
        (!artifacts.hash.isEmpty() && !isAttributeValue(artifacts.hash)) ||
        !isEscapableValue(artifacts.ext) || (hasApp && !isAttributeValue(artifacts.app)) ||
        (hasApp && !artifacts.dlg.isEmpty() && !isAttributeValue(artifacts.dlg)))
        return {};

    QByteArray out = "Hawk id=\""_ba;
    out.append(artifacts.id);
    out.append("\", ts=\"").append(QByteArray::number(artifacts.ts));
    out.append("\", nonce=\"").append(artifacts.nonce);
    if (!artifacts.hash.isEmpty())
        out.append("\", hash=\"").append(artifacts.hash);
    if (!artifacts.ext.isEmpty())
        out.append("\", ext=\"").append(escapeHeaderAttribute(artifacts.ext));
    out.append("\", mac=\"").append(artifacts.mac).append('"');
    if (hasApp) {
        out.append(", app=\"").append(artifacts.app);
        if (!artifacts.dlg.isEmpty())
            out.append("\", dlg=\"").append(artifacts.dlg);
        out.append('"');
    }
    return out;
}

ParseResult parseAuthorizationHeader(QByteArrayView header)
{
    static const QByteArrayList keys = {"id"_ba,  "ts"_ba,  "nonce"_ba, "hash"_ba,
                                        "ext"_ba, "mac"_ba, "app"_ba,   "dlg"_ba};
    const Attributes attributes = parseAttributes(header, keys);
    if (!attributes.error.isEmpty())
        return {std::nullopt, attributes.error};

    Artifacts artifacts;
    artifacts.id = valueOf(attributes, "id"_ba);
    artifacts.nonce = valueOf(attributes, "nonce"_ba);
    artifacts.hash = valueOf(attributes, "hash"_ba);
    artifacts.ext = valueOf(attributes, "ext"_ba);
    artifacts.mac = valueOf(attributes, "mac"_ba);
    artifacts.app = valueOf(attributes, "app"_ba);
    artifacts.dlg = valueOf(attributes, "dlg"_ba);
    const QByteArray ts = valueOf(attributes, "ts"_ba);
    if (artifacts.id.isEmpty() || ts.isEmpty() || artifacts.nonce.isEmpty() ||
        artifacts.mac.isEmpty())
        return {std::nullopt, u"Missing attributes"_s};
    const auto timestamp = parseTimestamp(ts);
    if (!timestamp)
        return {std::nullopt, u"Bad attribute value: ts"_s};
    artifacts.ts = *timestamp;
    return {artifacts, QString()};
}

QByteArray staleTimestampChallenge(QByteArrayView key, qint64 now)
{
    QByteArray out = "Hawk ts=\""_ba;
    out.append(QByteArray::number(now));
    out.append("\", tsm=\"").append(timestampMac(key, now));
    out.append("\", error=\"Stale timestamp\"");
    return out;
}

std::optional<qint64> verifiedServerTimestamp(QByteArrayView challenge, QByteArrayView key)
{
    static const QByteArrayList keys = {"ts"_ba, "tsm"_ba, "error"_ba};
    const Attributes attributes = parseAttributes(challenge, keys);
    if (!attributes.error.isEmpty())
        return std::nullopt;
    const QByteArray tsm = valueOf(attributes, "tsm"_ba);
    const auto ts = parseTimestamp(valueOf(attributes, "ts"_ba));
    if (!ts || tsm.isEmpty() || !Crypto::constantTimeEquals(timestampMac(key, *ts), tsm))
        return std::nullopt;
    return ts;
}

QByteArray sign(QByteArrayView id, QByteArrayView key, const Request &request, qint64 ts,
                QByteArrayView nonce)
{
    // hawk's client refuses credentials without a key.
    if (key.isEmpty())
        return {};

    Artifacts artifacts;
    artifacts.id = id.toByteArray();
    artifacts.ts = ts;
    // hawk's client makes up a nonce when none is given.
    artifacts.nonce = nonce.isEmpty() ? Base64Url::encode(Random::bytes(6)) : nonce.toByteArray();
    artifacts.method = request.method;
    artifacts.resource = request.resource;
    artifacts.host = request.host;
    artifacts.port = request.port;
    if (request.hasPayload)
        artifacts.hash = payloadHash(request.contentType, request.payload);
    artifacts.ext = request.ext;
    artifacts.app = request.app;
    artifacts.dlg = request.dlg;
    artifacts.mac = calculateMac(key, "header", artifacts);
    return authorizationHeader(artifacts);
}

} // namespace Latchkey::Hawk
