#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// Hawk 1 header scheme (https://github.com/mozilla/hawk), sha256 only.
namespace Latchkey::Crypto {
class HmacSha256Key;
}

namespace Latchkey::Hawk {

// What goes into a MAC. `resource` is the path and query exactly as sent; `host` is compared
// lowercased. Empty optional fields are "absent".
struct Artifacts
{
    QByteArray id;
    qint64 ts = 0;
    QByteArray nonce;
    QByteArray method;
    QByteArray resource;
    QByteArray host;
    quint16 port = 0;
    QByteArray hash;
    QByteArray ext;
    QByteArray app;
    QByteArray dlg;
    QByteArray mac;
};

// "hawk.1.<type>\n..." as Hawk's generateNormalizedString builds it (type is "header" or
// "response"), with ext's backslashes and newlines escaped.
QByteArray normalizedString(QByteArrayView type, const Artifacts &artifacts);

// base64(HMAC-SHA256(key, normalizedString(type, artifacts))).
QByteArray calculateMac(QByteArrayView key, QByteArrayView type, const Artifacts &artifacts);
// The same with the key's HMAC already keyed (a server checking many requests of one key).
QByteArray calculateMac(const Crypto::HmacSha256Key &key, QByteArrayView type,
                        const Artifacts &artifacts);

// base64(SHA-256("hawk.1.payload\n" + media type + "\n" + payload + "\n")); the content type
// loses its parameters and is lowercased and trimmed.
QByteArray payloadHash(QByteArrayView contentType, QByteArrayView payload);

// base64(HMAC-SHA256(key, "hawk.1.ts\n" + ts + "\n")).
QByteArray timestampMac(QByteArrayView key, qint64 ts);

// The value of an Authorization header for these artifacts (mac must be set):
// Hawk id="..", ts="..", nonce="..", hash="..", ext="..", mac="..", app="..", dlg=".."
// ext's '"' and '\' are backslash-escaped as hawk does. Empty if id, nonce or mac is missing or
// any value has a character outside Hawk's attribute charset (so no header can be injected).
QByteArray authorizationHeader(const Artifacts &artifacts);

// Parses the value of an Authorization header. Errors mirror Hawk's own messages:
// "Header length too long" (over 4096 bytes, as hawk), "Invalid header syntax",
// "Unknown attribute: x", "Duplicate attribute: x", "Bad attribute value: x", "Bad header
// format", "Missing attributes".
// Required: id, ts, nonce, mac. ts must be an integer in canonical form (no sign, no leading
// zeros), so it prints back to the exact bytes the client signed.
struct ParseResult
{
    std::optional<Artifacts> artifacts; // method/resource/host/port are left empty
    QString error;
};
ParseResult parseAuthorizationHeader(QByteArrayView header);

// WWW-Authenticate value for a stale timestamp:
// Hawk ts="<now>", tsm="<tsm>", error="Stale timestamp"
QByteArray staleTimestampChallenge(QByteArrayView key, qint64 now);

// Parses a WWW-Authenticate challenge such as the one above; if it carries ts and tsm and tsm
// verifies under `key`, returns the server's ts (for clock-offset correction).
std::optional<qint64> verifiedServerTimestamp(QByteArrayView challenge, QByteArrayView key);

// Client side: signs a request. `resource` is path + query as sent. Pass a content type and
// payload to include a payload hash (hasPayload = true), as POST /api/v2/assets requires.
// Like hawk's client, an empty nonce is replaced by a random one; empty id or key gives an empty
// result.
struct Request
{
    QByteArray method;
    QByteArray resource;
    QByteArray host;
    quint16 port = 0;
    bool hasPayload = false;
    QByteArray contentType;
    QByteArray payload;
    QByteArray ext;
    QByteArray app;
    QByteArray dlg;
};
QByteArray sign(QByteArrayView id, QByteArrayView key, const Request &request, qint64 ts,
                QByteArrayView nonce);

} // namespace Latchkey::Hawk
