#include <oauth/jwt.h>
#include <protocol/base64url.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

using namespace Qt::StringLiterals;
namespace Jwt = Latchkey::Core::Jwt;
using Latchkey::Base64Url::encode;

Q_DECLARE_METATYPE(Jwt::TimeStatus)

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A key made and used with OpenSSL directly, so what the verifier (libjose, and OpenSSL for
// EdDSA) accepts is judged against signatures it did not make.
class TestKey final
{
public:
    TestKey(QString alg, QString kid)
        : m_alg(std::move(alg))
        , m_kid(std::move(kid))
    {
        if (m_alg == u"RS256" || m_alg == u"PS256")
            m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
        else if (m_alg == u"ES256")
            m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        else
            m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    }

    bool isValid() const { return m_key != nullptr; }
    QString alg() const { return m_alg; }
    QString kid() const { return m_kid; }

    QJsonObject jwk() const
    {
        QJsonObject jwk{{u"kid"_s, m_kid}, {u"use"_s, u"sig"_s}};
        if (m_alg == u"RS256" || m_alg == u"PS256") {
            jwk.insert(u"kty"_s, u"RSA"_s);
            jwk.insert(u"n"_s, number(OSSL_PKEY_PARAM_RSA_N, 0));
            jwk.insert(u"e"_s, number(OSSL_PKEY_PARAM_RSA_E, 0));
        } else if (m_alg == u"ES256") {
            jwk.insert(u"kty"_s, u"EC"_s);
            jwk.insert(u"crv"_s, u"P-256"_s);
            jwk.insert(u"x"_s, number(OSSL_PKEY_PARAM_EC_PUB_X, 32));
            jwk.insert(u"y"_s, number(OSSL_PKEY_PARAM_EC_PUB_Y, 32));
        } else {
            unsigned char raw[32];
            size_t size = sizeof raw;
            EVP_PKEY_get_raw_public_key(m_key.get(), raw, &size);
            jwk.insert(u"kty"_s, u"OKP"_s);
            jwk.insert(u"crv"_s, u"Ed25519"_s);
            jwk.insert(u"x"_s, QString::fromLatin1(encode(QByteArrayView(raw, qsizetype(size)))));
        }
        return jwk;
    }

    // header.payload.signature with this key's alg and kid (unless the header says otherwise).
    QString token(const QJsonObject &claims, QJsonObject header = {}) const
    {
        if (!header.contains(u"alg"_s))
            header.insert(u"alg"_s, m_alg);
        if (!header.contains(u"kid"_s))
            header.insert(u"kid"_s, m_kid);
        if (header.value(u"kid"_s).isNull())
            header.remove(u"kid"_s);
        header.insert(u"typ"_s, u"JWT"_s);
        const QByteArray input = encode(json(header)) + '.' + encode(json(claims));
        return QString::fromLatin1(input + '.' + encode(sign(input)));
    }

    QByteArray sign(const QByteArray &input) const
    {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                        EVP_MD_CTX_free);
        EVP_PKEY_CTX *keyContext = nullptr;
        const bool eddsa = m_alg == u"EdDSA";
        if (EVP_DigestSignInit(context.get(), &keyContext, eddsa ? nullptr : EVP_sha256(), nullptr,
                               m_key.get()) != 1)
            return {};
        if (m_alg == u"PS256") {
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING);
            EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST);
        }
        const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
        size_t size = 0;
        if (EVP_DigestSign(context.get(), nullptr, &size, data, size_t(input.size())) != 1)
            return {};
        QByteArray signature(qsizetype(size), Qt::Uninitialized);
        if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()),
                           &size, data, size_t(input.size())) != 1)
            return {};
        signature.resize(qsizetype(size));
        if (m_alg != u"ES256")
            return signature;
        // JWS wants R || S, 32 bytes each (RFC 7518 §3.4), not OpenSSL's DER.
        const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
        ECDSA_SIG *ecdsa = d2i_ECDSA_SIG(nullptr, &der, long(signature.size()));
        QByteArray raw(64, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(ecdsa), reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(ecdsa), reinterpret_cast<unsigned char *>(raw.data()) + 32,
                     32);
        ECDSA_SIG_free(ecdsa);
        return raw;
    }

private:
    QString number(const char *parameter, int width) const
    {
        BIGNUM *bn = nullptr;
        EVP_PKEY_get_bn_param(m_key.get(), parameter, &bn);
        QByteArray bytes(width > 0 ? width : BN_num_bytes(bn), '\0');
        if (width > 0)
            BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), width);
        else
            BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
        BN_free(bn);
        return QString::fromLatin1(encode(bytes));
    }

    QString m_alg;
    QString m_kid;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> m_key{nullptr, EVP_PKEY_free};
};

QString withPart(const QString &token, int index, const QByteArray &part)
{
    QStringList parts = token.split(u'.');
    parts[index] = QString::fromLatin1(part);
    return parts.join(u'.');
}

} // namespace

// Jwt: decoding that trusts nothing, signatures against a JWKS for RS256, PS256, ES256 and
// EdDSA, the clear verdicts the flow tester shows, and the exp/nbf checks.
class TestJwt final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void decodeShowsHeaderAndClaims();
    void notAJwt_data();
    void notAJwt();
    void validSignatures_data();
    void validSignatures();
    void tokenWithoutKidFindsItsKey();
    void aSingleJwkWorksLikeASet();
    void tampering_data();
    void tampering();
    void anotherKeyWithTheSameKid();
    void unknownKey_data();
    void unknownKey();
    void unsupportedAlgorithm_data();
    void unsupportedAlgorithm();
    void keyThatMayNotVerify_data();
    void keyThatMayNotVerify();
    void times_data();
    void times();

private:
    const TestKey &key(const QString &alg) const;
    QJsonObject jwks() const;

    std::vector<std::unique_ptr<TestKey>> m_keys;
    QJsonObject m_claims;
};

void TestJwt::initTestCase()
{
    for (const QString &alg : {u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s}) {
        m_keys.push_back(std::make_unique<TestKey>(alg, alg.toLower() + u"-key"_s));
        QVERIFY(m_keys.back()->isValid());
    }
    m_claims = {{u"iss"_s, u"https://as.example"_s},
                {u"sub"_s, u"alice"_s},
                {u"aud"_s, u"api"_s},
                {u"exp"_s, 1900000000},
                {u"scope"_s, u"assets:read"_s}};
}

const TestKey &TestJwt::key(const QString &alg) const
{
    for (const auto &k : m_keys) {
        if (k->alg() == alg)
            return *k;
    }
    qFatal("no test key for %s", qPrintable(alg));
}

QJsonObject TestJwt::jwks() const
{
    QJsonArray keys;
    for (const auto &k : m_keys)
        keys.append(k->jwk());
    return {{u"keys"_s, keys}};
}

void TestJwt::decodeShowsHeaderAndClaims()
{
    const QString token = key(u"RS256"_s).token(m_claims);
    QString error;
    const auto decoded = Jwt::decode(token, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->algorithm(), u"RS256"_s);
    QCOMPARE(decoded->keyId(), u"rs256-key"_s);
    QCOMPARE(decoded->claims, m_claims);
    QCOMPARE(decoded->signature.size(), 256);
    QCOMPARE(decoded->time(u"exp"_s), QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC));
    QVERIFY(!decoded->time(u"nbf"_s));
    QCOMPARE(QString::fromLatin1(decoded->signingInput), token.section(u'.', 0, 1));
}

void TestJwt::notAJwt_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");

    const QByteArray header = encode(R"({"alg":"RS256"})");
    const QByteArray claims = encode(R"({"sub":"alice"})");
    const QByteArray signature = encode("signature");
    const auto join = [](std::initializer_list<QByteArray> parts) {
        return QString::fromLatin1(QByteArrayList(parts).join('.'));
    };

    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("opaque token") << u"qD6NnvjcmP8m_aMBygC-_cS4Sq8XxK2lz_v6l2DtQy1"_s
                                  << u"three parts"_s;
    QTest::newRow("two parts") << join({header, claims}) << u"three parts"_s;
    QTest::newRow("four parts") << join({header, claims, signature, signature}) << u"three parts"_s;
    QTest::newRow("JWE") << join({header, "", "iv", "ciphertext", "tag"}) << u"encrypted"_s;
    QTest::newRow("header not base64url") << join({"e30=", claims, signature}) << u"header"_s;
    QTest::newRow("header not JSON")
        << join({encode("alg: RS256"), claims, signature}) << u"header"_s;
    QTest::newRow("header an array") << join({encode("[]"), claims, signature}) << u"header"_s;
    QTest::newRow("header without alg")
        << join({encode(R"({"typ":"JWT"})"), claims, signature}) << u"algorithm"_s;
    QTest::newRow("payload not JSON")
        << join({header, encode("Example of Ed25519 signing"), signature}) << u"payload"_s;
    QTest::newRow("payload a JSON array")
        << join({header, encode("[1]"), signature}) << u"payload"_s;
    QTest::newRow("signature with a +") << join({header, claims, "ab+c"}) << u"signature"_s;
}

void TestJwt::notAJwt()
{
    QFETCH(QString, token);
    QFETCH(QString, message);

    QString error;
    QVERIFY(!Jwt::decode(token, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    const Jwt::Verification verification = Jwt::verify(token, jwks());
    QCOMPARE(verification.status, Jwt::Status::NotAJwt);
    QCOMPARE(verification.message, error);
    QVERIFY(!verification.isValid());
}

void TestJwt::validSignatures_data()
{
    QTest::addColumn<QString>("alg");
    for (const QString &alg : {u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s})
        QTest::newRow(qPrintable(alg)) << alg;
}

void TestJwt::validSignatures()
{
    QFETCH(QString, alg);
    const Jwt::Verification verification = Jwt::verify(key(alg).token(m_claims), jwks());
    QVERIFY2(verification.status == Jwt::Status::Valid, qPrintable(verification.message));
    QVERIFY(verification.isValid());
    QCOMPARE(verification.key[u"kid"_s].toString(), key(alg).kid());
    QVERIFY(!verification.key.contains(u"d"_s));
    QCOMPARE(verification.token.claims, m_claims);
    QVERIFY2(verification.message.contains(alg), qPrintable(verification.message));
}

void TestJwt::tokenWithoutKidFindsItsKey()
{
    for (const QString &alg : {u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s}) {
        const QString token = key(alg).token(m_claims, {{u"kid"_s, QJsonValue::Null}});
        QVERIFY(Jwt::decode(token)->keyId().isEmpty());
        const Jwt::Verification verification = Jwt::verify(token, jwks());
        QVERIFY2(verification.isValid(), qPrintable(alg + u": "_s + verification.message));
        QCOMPARE(verification.key[u"kid"_s].toString(), key(alg).kid());
    }
}

void TestJwt::aSingleJwkWorksLikeASet()
{
    const TestKey &es = key(u"ES256"_s);
    QVERIFY(Jwt::verify(es.token(m_claims), es.jwk()).isValid());
    QCOMPARE(Jwt::verify(key(u"RS256"_s).token(m_claims), es.jwk()).status,
             Jwt::Status::UnknownKey);
}

void TestJwt::tampering_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("change");
    for (const QString &alg : {u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s}) {
        for (const QString &change : {u"signature bit"_s, u"claims"_s, u"header"_s})
            QTest::newRow(qPrintable(alg + u", "_s + change)) << alg << change;
    }
}

void TestJwt::tampering()
{
    QFETCH(QString, alg);
    QFETCH(QString, change);

    const QString token = key(alg).token(m_claims);
    QString tampered;
    if (change == u"signature bit") {
        QByteArray signature = Jwt::decode(token)->signature;
        signature[signature.size() / 2] = char(signature[signature.size() / 2] ^ 0x01);
        tampered = withPart(token, 2, encode(signature));
    } else if (change == u"claims") {
        QJsonObject claims = m_claims;
        claims.insert(u"scope"_s, u"admin"_s);
        tampered = withPart(token, 1, encode(json(claims)));
    } else {
        QJsonObject header = Jwt::decode(token)->header;
        header.insert(u"typ"_s, u"at+jwt"_s);
        tampered = withPart(token, 0, encode(json(header)));
    }
    QVERIFY(tampered != token);
    const Jwt::Verification verification = Jwt::verify(tampered, jwks());
    QCOMPARE(verification.status, Jwt::Status::BadSignature);
    QVERIFY2(verification.message.contains(u"signature does not match"_s),
             qPrintable(verification.message));
    QVERIFY(verification.key.isEmpty());
    // The untouched token still verifies: the failure is the change, not the key.
    QVERIFY(Jwt::verify(token, jwks()).isValid());
}

void TestJwt::anotherKeyWithTheSameKid()
{
    for (const QString &alg : {u"RS256"_s, u"ES256"_s, u"EdDSA"_s}) {
        const TestKey impostor(alg, key(alg).kid());
        QVERIFY(impostor.isValid());
        const Jwt::Verification verification = Jwt::verify(impostor.token(m_claims), jwks());
        QCOMPARE(verification.status, Jwt::Status::BadSignature);
    }
}

void TestJwt::unknownKey_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QJsonValue>("kid");
    QTest::addColumn<bool>("onlyRsaKeys");
    QTest::addColumn<QString>("message");

    QTest::newRow("kid not in the set") << u"RS256"_s << QJsonValue(u"rotated-away"_s) << false
                                        << u"no key with kid “rotated-away”"_s;
    QTest::newRow("no kid, no key of that type")
        << u"ES256"_s << QJsonValue(QJsonValue::Null) << true << u"can verify ES256"_s;
    QTest::newRow("no kid, no OKP key")
        << u"EdDSA"_s << QJsonValue(QJsonValue::Null) << true << u"can verify EdDSA"_s;
}

void TestJwt::unknownKey()
{
    QFETCH(QString, alg);
    QFETCH(QJsonValue, kid);
    QFETCH(bool, onlyRsaKeys);
    QFETCH(QString, message);

    QJsonObject set = jwks();
    if (onlyRsaKeys)
        set = {{u"keys"_s, QJsonArray{key(u"RS256"_s).jwk(), key(u"PS256"_s).jwk()}}};
    const Jwt::Verification verification =
        Jwt::verify(key(alg).token(m_claims, {{u"kid"_s, kid}}), set);
    QCOMPARE(verification.status, Jwt::Status::UnknownKey);
    QVERIFY2(verification.message.contains(message), qPrintable(verification.message));

    QCOMPARE(Jwt::verify(key(alg).token(m_claims), QJsonObject{{u"keys"_s, QJsonArray()}}).status,
             Jwt::Status::UnknownKey);
}

void TestJwt::unsupportedAlgorithm_data()
{
    QTest::addColumn<QJsonObject>("header");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("message");

    QTest::newRow("none") << QJsonObject{{u"alg"_s, u"none"_s}} << QByteArray() << u"not signed"_s;
    QTest::newRow("HS256 with the kid of an RSA key")
        << QJsonObject{{u"alg"_s, u"HS256"_s}, {u"kid"_s, u"rs256-key"_s}} << "mac"_ba
        << u"shared secret"_s;
    QTest::newRow("RS512") << QJsonObject{{u"alg"_s, u"RS512"_s}} << "sig"_ba << u"RS512"_s;
    QTest::newRow("ES384") << QJsonObject{{u"alg"_s, u"ES384"_s}} << "sig"_ba << u"ES384"_s;
    QTest::newRow("critical extension")
        << QJsonObject{{u"alg"_s, u"RS256"_s}, {u"crit"_s, QJsonArray{u"exp"_s}}} << "sig"_ba
        << u"crit"_s;
}

void TestJwt::unsupportedAlgorithm()
{
    QFETCH(QJsonObject, header);
    QFETCH(QByteArray, signature);
    QFETCH(QString, message);

    const QString token = QString::fromLatin1(encode(json(header)) + '.' + encode(json(m_claims)) +
                                              '.' + encode(signature));
    const Jwt::Verification verification = Jwt::verify(token, jwks());
    QCOMPARE(verification.status, Jwt::Status::UnsupportedAlgorithm);
    QVERIFY2(verification.message.contains(message), qPrintable(verification.message));
    QCOMPARE(verification.token.header, header);
}

void TestJwt::keyThatMayNotVerify_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QJsonObject>("restriction");

    QTest::newRow("use enc") << u"RS256"_s << QJsonObject{{u"use"_s, u"enc"_s}};
    QTest::newRow("key_ops without verify")
        << u"ES256"_s << QJsonObject{{u"key_ops"_s, QJsonArray{u"encrypt"_s}}};
    QTest::newRow("pinned to RS256, token says PS256")
        << u"PS256"_s << QJsonObject{{u"alg"_s, u"RS256"_s}};
    QTest::newRow("EC key on another curve") << u"ES256"_s << QJsonObject{{u"crv"_s, u"P-384"_s}};
}

void TestJwt::keyThatMayNotVerify()
{
    QFETCH(QString, alg);
    QFETCH(QJsonObject, restriction);

    QJsonObject jwk = key(alg).jwk();
    QVERIFY(Jwt::verify(key(alg).token(m_claims), jwk).isValid());
    for (auto it = restriction.constBegin(); it != restriction.constEnd(); ++it)
        jwk.insert(it.key(), it.value());
    const Jwt::Verification verification = Jwt::verify(key(alg).token(m_claims), jwk);
    QCOMPARE(verification.status, Jwt::Status::BadSignature);
    QVERIFY2(verification.message.contains(u"cannot verify "_s + alg),
             qPrintable(verification.message));
}

void TestJwt::times_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<qint64>("leeway");
    QTest::addColumn<Jwt::TimeStatus>("status");

    // The clock the checks are given: 2030-01-01T00:00:00Z.
    const qint64 now = 1893456000;
    QTest::newRow("expires in 100 s")
        << QJsonObject{{u"exp"_s, now + 100}} << qint64(60) << Jwt::TimeStatus::Current;
    QTest::newRow("expired 100 s ago")
        << QJsonObject{{u"exp"_s, now - 100}} << qint64(60) << Jwt::TimeStatus::Expired;
    QTest::newRow("expired 30 s ago, 60 s leeway")
        << QJsonObject{{u"exp"_s, now - 30}} << qint64(60) << Jwt::TimeStatus::Current;
    QTest::newRow("expired 30 s ago, no leeway")
        << QJsonObject{{u"exp"_s, now - 30}} << qint64(0) << Jwt::TimeStatus::Expired;
    QTest::newRow("expires exactly now, no leeway")
        << QJsonObject{{u"exp"_s, now}} << qint64(0) << Jwt::TimeStatus::Expired;
    QTest::newRow("fractional exp")
        << QJsonObject{{u"exp"_s, double(now) + 10.5}} << qint64(0) << Jwt::TimeStatus::Current;
    QTest::newRow("not before in 300 s")
        << QJsonObject{{u"exp"_s, now + 3600}, {u"nbf"_s, now + 300}} << qint64(60)
        << Jwt::TimeStatus::NotYetValid;
    QTest::newRow("not before in 30 s, 60 s leeway")
        << QJsonObject{{u"exp"_s, now + 3600}, {u"nbf"_s, now + 30}} << qint64(60)
        << Jwt::TimeStatus::Current;
    QTest::newRow("no exp") << QJsonObject{{u"sub"_s, u"alice"_s}} << qint64(60)
                            << Jwt::TimeStatus::NoExpiry;
    QTest::newRow("exp a string") << QJsonObject{{u"exp"_s, u"1893456100"_s}} << qint64(60)
                                  << Jwt::TimeStatus::Malformed;
    QTest::newRow("nbf a string") << QJsonObject{{u"exp"_s, now + 100}, {u"nbf"_s, u"soon"_s}}
                                  << qint64(60) << Jwt::TimeStatus::Malformed;
}

void TestJwt::times()
{
    QFETCH(QJsonObject, claims);
    QFETCH(qint64, leeway);
    QFETCH(Jwt::TimeStatus, status);

    const QDateTime now = QDateTime::fromSecsSinceEpoch(1893456000, Qt::UTC);
    const auto decoded = Jwt::decode(key(u"ES256"_s).token(claims));
    QVERIFY(decoded);
    const Jwt::TimeCheck check = Jwt::checkTimes(*decoded, now, leeway);
    QVERIFY2(check.status == status, qPrintable(check.message));
    QVERIFY(!check.message.isEmpty());
    if (status == Jwt::TimeStatus::Expired)
        QVERIFY2(check.message.contains(u"expired at 20"_s), qPrintable(check.message));
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
