#include "jwt.h"

#include <protocol/base64url.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <jansson.h>
extern "C" {
#include <jose/jose.h>
}
#include <openssl/evp.h>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace Latchkey::Core::Jwt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Latchkey::Core::Jwt", text);
}

struct JsonRelease
{
    void operator()(json_t *json) const { json_decref(json); }
};
using JsonPointer = std::unique_ptr<json_t, JsonRelease>;

struct JoseConfigRelease
{
    void operator()(jose_cfg_t *cfg) const { jose_cfg_decref(cfg); }
};

extern "C" void ignoreJoseError(void *, const char *, int, uint64_t, const char *, va_list) {}

JsonPointer toJansson(const QJsonObject &object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return JsonPointer(json_loadb(text.constData(), size_t(text.size()), 0, nullptr));
}

bool isEdDsa(const QString &alg)
{
    return alg == u"EdDSA" || alg == u"Ed25519";
}

bool isSupported(const QString &alg)
{
    return alg == u"RS256" || alg == u"PS256" || alg == u"ES256" || isEdDsa(alg);
}

QString keyName(const QJsonObject &key)
{
    const QString kid = key.value(u"kid"_s).toString();
    return kid.isEmpty() ? tr("without a kid") : u"“"_s + kid + u"”"_s;
}

// Whether `key` may verify `alg` signatures: its type and curve, and its use, key_ops and alg
// when it states them (RFC 7517 §4).
bool fits(const QJsonObject &key, const QString &alg)
{
    const QString use = key.value(u"use"_s).toString();
    if (key.contains(u"use"_s) && use != u"sig")
        return false;
    if (key.contains(u"key_ops"_s) &&
        !key.value(u"key_ops"_s).toArray().contains(QJsonValue(u"verify"_s)))
        return false;
    if (key.contains(u"alg"_s)) {
        const QString keyAlg = key.value(u"alg"_s).toString();
        if (keyAlg != alg && !(isEdDsa(keyAlg) && isEdDsa(alg)))
            return false;
    }
    const QString kty = key.value(u"kty"_s).toString();
    const QString crv = key.value(u"crv"_s).toString();
    if (alg == u"RS256" || alg == u"PS256")
        return kty == u"RSA";
    if (alg == u"ES256")
        return kty == u"EC" && crv == u"P-256";
    if (isEdDsa(alg))
        return kty == u"OKP" && crv == u"Ed25519";
    return false;
}

// The public parameters only: a private JWK handed over by mistake is not used as one.
QJsonObject publicKey(const QJsonObject &key)
{
    QJsonObject out;
    for (const QString &name :
         {u"kty"_s, u"kid"_s, u"alg"_s, u"use"_s, u"crv"_s, u"n"_s, u"e"_s, u"x"_s, u"y"_s}) {
        if (key.contains(name))
            out.insert(name, key.value(name));
    }
    return out;
}

bool verifyWithJose(const QJsonObject &key, const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    QJsonObject minimal = publicKey(key);
    minimal.remove(u"kid"_s);
    minimal.remove(u"use"_s);
    minimal.remove(u"alg"_s); // checked by fits(); libjose takes alg from the header
    const JsonPointer jwk = toJansson(minimal);
    const JsonPointer jws(json_pack("{s:s%,s:s%,s:s%}", "protected", parts[0].constData(),
                                    size_t(parts[0].size()), "payload", parts[1].constData(),
                                    size_t(parts[1].size()), "signature", parts[2].constData(),
                                    size_t(parts[2].size())));
    if (!jwk || !jws)
        return false;
    // libjose prints its errors to stderr unless told otherwise; a bad signature is an answer
    // here, not an error.
    const std::unique_ptr<jose_cfg_t, JoseConfigRelease> cfg(jose_cfg());
    if (!cfg)
        return false;
    jose_cfg_set_err_func(cfg.get(), ignoreJoseError, nullptr);
    return jose_jws_ver(cfg.get(), jws.get(), nullptr, jwk.get(), false);
}

bool verifyEd25519(const QJsonObject &key, const Decoded &decoded)
{
    const auto x = Base64Url::decode(key.value(u"x"_s).toString().toLatin1());
    if (!x || x->size() != 32 || decoded.signature.size() != 64)
        return false;
    EVP_PKEY *pkey = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(x->constData()), 32);
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok =
        pkey && context && EVP_DigestVerifyInit(context, nullptr, nullptr, nullptr, pkey) == 1 &&
        EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(decoded.signature.data()),
                         size_t(decoded.signature.size()),
                         reinterpret_cast<const unsigned char *>(decoded.signingInput.data()),
                         size_t(decoded.signingInput.size())) == 1;
    EVP_MD_CTX_free(context);
    EVP_PKEY_free(pkey);
    return ok;
}

QList<QJsonObject> keysOf(const QJsonObject &jwks)
{
    QList<QJsonObject> keys;
    if (jwks.contains(u"kty"_s)) {
        keys.append(jwks);
        return keys;
    }
    const QJsonArray array = jwks.value(u"keys"_s).toArray();
    for (const QJsonValue &value : array) {
        if (value.isObject())
            keys.append(value.toObject());
    }
    return keys;
}

std::optional<QJsonObject> jsonPart(const QByteArray &part)
{
    const auto bytes = Base64Url::decode(part);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

std::optional<QDateTime> Decoded::time(const QString &claim) const
{
    const QJsonValue value = claims.value(claim);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(std::floor(value.toDouble())), Qt::UTC);
}

std::optional<Decoded> decode(QStringView token, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QByteArray text = token.trimmed().toLatin1();
    if (token.trimmed().isEmpty())
        return fail(tr("The token is empty."));
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() == 5)
        return fail(tr("This is an encrypted JWT (JWE): only its recipient can read it."));
    if (parts.size() != 3)
        return fail(tr("This is not a JWT: a JWT has three parts separated by dots, this has %1.")
                        .arg(parts.size()));
    const auto header = jsonPart(parts[0]);
    if (!header)
        return fail(tr("This is not a JWT: its header is not base64url-encoded JSON."));
    if (!header->value(u"alg"_s).isString())
        return fail(tr("This is not a JWT: its header names no algorithm (alg)."));
    const auto claims = jsonPart(parts[1]);
    if (!claims)
        return fail(tr("This is not a JWT: its payload is not a base64url-encoded JSON object."));
    const auto signature = Base64Url::decode(parts[2]);
    if (!signature)
        return fail(tr("This is not a JWT: its signature is not base64url."));
    Decoded decoded;
    decoded.header = *header;
    decoded.claims = *claims;
    decoded.signingInput = parts[0] + '.' + parts[1];
    decoded.signature = *signature;
    return decoded;
}

Verification verify(QStringView token, const QJsonObject &jwks)
{
    Verification result;
    QString error;
    const auto decoded = decode(token, &error);
    if (!decoded) {
        result.status = Status::NotAJwt;
        result.message = error;
        return result;
    }
    result.token = *decoded;
    const QString alg = decoded->algorithm();
    if (alg == u"none") {
        result.status = Status::UnsupportedAlgorithm;
        result.message = tr("The token is not signed (alg none): it is never accepted.");
        return result;
    }
    if (alg.startsWith(u"HS")) {
        result.status = Status::UnsupportedAlgorithm;
        result.message = tr("The token is signed with a shared secret (%1), not with a key of "
                            "the provider's JWKS.")
                             .arg(alg);
        return result;
    }
    if (!isSupported(alg)) {
        result.status = Status::UnsupportedAlgorithm;
        result.message =
            tr("The token is signed with %1; only RS256, PS256, ES256 and EdDSA are verified.")
                .arg(alg);
        return result;
    }
    if (decoded->header.contains(u"crit"_s)) {
        result.status = Status::UnsupportedAlgorithm;
        result.message = tr("The token's header has critical extensions (crit) this verifier "
                            "does not understand.");
        return result;
    }

    const QString kid = decoded->keyId();
    const QList<QJsonObject> keys = keysOf(jwks);
    QList<QJsonObject> candidates;
    for (const QJsonObject &key : keys) {
        if (kid.isEmpty() || key.value(u"kid"_s).toString() == kid)
            candidates.append(key);
    }
    if (candidates.isEmpty()) {
        result.status = Status::UnknownKey;
        result.message = kid.isEmpty()
                             ? tr("The provider's JWKS has no keys.")
                             : tr("The provider's JWKS has no key with kid “%1”.").arg(kid);
        return result;
    }
    QList<QJsonObject> fitting;
    for (const QJsonObject &key : std::as_const(candidates)) {
        if (fits(key, alg))
            fitting.append(key);
    }
    if (fitting.isEmpty()) {
        if (kid.isEmpty()) {
            result.status = Status::UnknownKey;
            result.message = tr("No key in the provider's JWKS can verify %1 signatures.").arg(alg);
        } else {
            // The token names a key that cannot have made this signature: it was altered.
            result.status = Status::BadSignature;
            result.message = tr("The key %1 cannot verify %2 signatures: its type, curve, use or "
                                "alg rule it out.")
                                 .arg(keyName(candidates.first()), alg);
        }
        return result;
    }
    for (const QJsonObject &key : std::as_const(fitting)) {
        const bool ok = isEdDsa(alg) ? verifyEd25519(key, *decoded)
                                     : verifyWithJose(key, token.trimmed().toLatin1());
        if (ok) {
            result.status = Status::Valid;
            result.key = publicKey(key);
            result.message = tr("The %1 signature is valid (key %2).").arg(alg, keyName(key));
            return result;
        }
    }
    result.status = Status::BadSignature;
    result.message = tr("The signature does not match: the token was altered, or another key "
                        "signed it.");
    return result;
}

TimeCheck checkTimes(const Decoded &token, const QDateTime &now, qint64 leewaySeconds)
{
    TimeCheck check;
    const bool hasExp = token.claims.contains(u"exp"_s);
    const bool hasNbf = token.claims.contains(u"nbf"_s);
    const auto exp = token.time(u"exp"_s);
    const auto nbf = token.time(u"nbf"_s);
    if ((hasExp && !exp) || (hasNbf && !nbf)) {
        check.status = TimeStatus::Malformed;
        check.message = tr("The token's exp or nbf claim is not a number of seconds.");
        return check;
    }
    const QString format = u"yyyy-MM-dd HH:mm:ss 'UTC'"_s;
    if (nbf && *nbf > now.addSecs(leewaySeconds)) {
        check.status = TimeStatus::NotYetValid;
        check.message = tr("The token is not valid before %1.").arg(nbf->toString(format));
        return check;
    }
    if (!exp) {
        check.status = TimeStatus::NoExpiry;
        check.message = tr("The token has no expiry (exp).");
        return check;
    }
    if (*exp <= now.addSecs(-leewaySeconds)) {
        check.status = TimeStatus::Expired;
        check.message = tr("The token expired at %1.").arg(exp->toString(format));
        return check;
    }
    check.status = TimeStatus::Current;
    check.message = tr("The token is valid until %1.").arg(exp->toString(format));
    return check;
}

} // namespace Latchkey::Core::Jwt
