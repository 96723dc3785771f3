#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

// JSON Web Tokens as the flow tester shows them: decoded without trusting anything (RFC 7519),
// and verified against a provider's JWKS (RFC 7517) for RS256, PS256, ES256 and EdDSA.
namespace Latchkey::Core::Jwt {

// A JWS compact serialization taken apart. Nothing here is verified.
struct Decoded
{
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // BASE64URL(header) '.' BASE64URL(payload), as signed
    QByteArray signature;    // raw bytes

    QString algorithm() const { return header.value(QStringLiteral("alg")).toString(); }
    QString keyId() const { return header.value(QStringLiteral("kid")).toString(); }
    // A NumericDate claim (exp, nbf, iat) as a UTC time; nullopt when absent or not a number.
    std::optional<QDateTime> time(const QString &claim) const;
};

enum class Status {
    Valid,
    BadSignature,         // no key verified it: tampered, or signed by someone else
    UnknownKey,           // its kid is not in the set, or no key in the set can verify its alg
    UnsupportedAlgorithm, // alg none, HS256 and others this verifier does not accept
    NotAJwt,              // not three base64url parts with JSON objects in the first two
};

struct Verification
{
    Status status = Status::NotAJwt;
    QString message; // one sentence saying what happened, for the user
    Decoded token;   // as far as it could be decoded
    QJsonObject key; // the JWK that verified it (public parameters only)

    bool isValid() const { return status == Status::Valid; }
};

// Takes a compact JWS apart; nullopt with `error` set when it is not a JWT.
std::optional<Decoded> decode(QStringView token, QString *error = nullptr);

// Verifies the signature with the keys of `jwks` ({"keys": [...]}, or a single JWK): the key
// named by kid, or else every key that fits the algorithm. RS256, PS256 and ES256 go through
// libjose; EdDSA (Ed25519), which libjose 11 lacks, through OpenSSL. Claims are not checked
// here: see checkTimes.
Verification verify(QStringView token, const QJsonObject &jwks);

enum class TimeStatus {
    Current,     // exp in the future (and nbf, when present, in the past)
    Expired,     // exp has passed
    NotYetValid, // nbf is in the future
    NoExpiry,    // no exp claim
    Malformed,   // exp or nbf is not a number
};

struct TimeCheck
{
    TimeStatus status = TimeStatus::Malformed;
    QString message;
};

// exp and nbf (RFC 7519 §4.1.4, §4.1.5) against `now`, allowing `leewaySeconds` of clock skew.
TimeCheck checkTimes(const Decoded &token, const QDateTime &now, qint64 leewaySeconds = 60);

} // namespace Latchkey::Core::Jwt
