#include "crypto.h"

#include "random.h"

#include <QtGlobal>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace Latchkey::Crypto {

namespace {

constexpr qsizetype KeySize = 32;
constexpr qsizetype NonceSize = 12;
constexpr qsizetype TagSize = 16;
constexpr qsizetype Sha256Size = 32;

// OpenSSL may read through the pointer even for a zero length; an empty view has none.
const unsigned char *bytesOf(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

using UpdateFn = int (*)(EVP_CIPHER_CTX *, unsigned char *, int *, const unsigned char *, int);

// EVP_*Update take int lengths; feed larger inputs in chunks. `out` may be null (AAD).
bool update(UpdateFn fn, EVP_CIPHER_CTX *ctx, unsigned char *out, QByteArrayView in,
            qsizetype *written)
{
    const auto *data = bytesOf(in);
    for (qsizetype done = 0; done < in.size();) {
        const int chunk = static_cast<int>(std::min<qsizetype>(in.size() - done, INT_MAX / 2));
        int outLength = 0;
        if (fn(ctx, out ? out + *written : nullptr, &outLength, data + done, chunk) != 1)
            return false;
        done += chunk;
        if (out)
            *written += outLength;
    }
    return true;
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(bytesOf(data), static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &length, EVP_sha256(),
                   nullptr) != 1 ||
        length != Sha256Size)
        qFatal("OpenSSL SHA-256 failed");
    return out;
}

namespace {

// HMAC-SHA256 with the algorithm and digest fetched once: EVP_Q_mac fetches both on every call,
// which showed up in the token endpoint's profile. Each call duplicates the keyless template, so
// concurrent callers share nothing mutable.
const EVP_MAC_CTX *hmacTemplate()
{
    static EVP_MAC_CTX *const ctx = [] {
        EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        EVP_MAC_CTX *created = mac ? EVP_MAC_CTX_new(mac) : nullptr;
        EVP_MAC_free(mac);
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0),
                                     OSSL_PARAM_construct_end()};
        if (!created || EVP_MAC_CTX_set_params(created, params) != 1)
            qFatal("OpenSSL HMAC-SHA256 is not available");
        return created;
    }();
    return ctx;
}

} // namespace

namespace {

// Feeds `data` to a keyed context of its own, frees it, and answers the MAC.
QByteArray finishMac(EVP_MAC_CTX *ctx, QByteArrayView data)
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    size_t length = 0;
    // A failed MAC must never turn into an empty string that some comparison might accept.
    const bool ok = ctx &&
                    EVP_MAC_update(ctx, bytesOf(data), static_cast<size_t>(data.size())) == 1 &&
                    EVP_MAC_final(ctx, reinterpret_cast<unsigned char *>(out.data()), &length,
                                  static_cast<size_t>(out.size())) == 1 &&
                    length == Sha256Size;
    EVP_MAC_CTX_free(ctx);
    if (!ok)
        qFatal("OpenSSL HMAC-SHA256 failed");
    return out;
}

EVP_MAC_CTX *keyedContext(QByteArrayView key)
{
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(hmacTemplate());
    if (!ctx || EVP_MAC_init(ctx, bytesOf(key), static_cast<size_t>(key.size()), nullptr) != 1)
        qFatal("OpenSSL HMAC-SHA256 failed");
    return ctx;
}

} // namespace

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return finishMac(keyedContext(key), data);
}

HmacSha256Key::HmacSha256Key(QByteArrayView key)
    : m_ctx(keyedContext(key))
    , m_work(EVP_MAC_CTX_dup(m_ctx))
{
    if (!m_work)
        qFatal("OpenSSL HMAC-SHA256 failed");
}

HmacSha256Key::~HmacSha256Key()
{
    EVP_MAC_CTX_free(m_work);
    EVP_MAC_CTX_free(m_ctx);
}

HmacSha256Key::HmacSha256Key(const HmacSha256Key &other)
    : m_ctx(EVP_MAC_CTX_dup(other.m_ctx))
    , m_work(EVP_MAC_CTX_dup(other.m_ctx))
{
    if (!m_ctx || !m_work)
        qFatal("OpenSSL HMAC-SHA256 failed");
}

HmacSha256Key &HmacSha256Key::operator=(const HmacSha256Key &other)
{
    if (this != &other) {
        EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(other.m_ctx);
        EVP_MAC_CTX *work = EVP_MAC_CTX_dup(other.m_ctx);
        if (!ctx || !work)
            qFatal("OpenSSL HMAC-SHA256 failed");
        const std::scoped_lock lock(m_workLock);
        EVP_MAC_CTX_free(m_ctx);
        EVP_MAC_CTX_free(m_work);
        m_ctx = ctx;
        m_work = work;
    }
    return *this;
}

QByteArray HmacSha256Key::mac(QByteArrayView data) const
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    size_t length = 0;
    const std::scoped_lock lock(m_workLock);
    // A NULL key re-initialises HMAC with the key already set (its inner and outer digests are
    // kept), so nothing is allocated. A failed MAC must never turn into an empty string.
    const bool ok = EVP_MAC_init(m_work, nullptr, 0, nullptr) == 1 &&
                    EVP_MAC_update(m_work, bytesOf(data), static_cast<size_t>(data.size())) == 1 &&
                    EVP_MAC_final(m_work, reinterpret_cast<unsigned char *>(out.data()), &length,
                                  static_cast<size_t>(out.size())) == 1 &&
                    length == Sha256Size;
    if (!ok)
        qFatal("OpenSSL HMAC-SHA256 failed");
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    // A wrong key length is a programming error; carrying on would lose the plaintext.
    if (key.size() != KeySize)
        qFatal("aesGcmSeal: the key must be %d bytes", int(KeySize));

    const QByteArray nonce = Random::bytes(NonceSize);
    QByteArray out(NonceSize + plaintext.size() + TagSize, Qt::Uninitialized);
    auto *outData = reinterpret_cast<unsigned char *>(out.data());
    std::copy(nonce.cbegin(), nonce.cend(), out.begin());

    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    qsizetype written = NonceSize;
    int finalLength = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key),
                           reinterpret_cast<const unsigned char *>(nonce.constData())) != 1 ||
        !update(EVP_EncryptUpdate, ctx.get(), nullptr, associatedData, &written) ||
        !update(EVP_EncryptUpdate, ctx.get(), outData, plaintext, &written) ||
        EVP_EncryptFinal_ex(ctx.get(), outData + written, &finalLength) != 1 ||
        written + finalLength != NonceSize + plaintext.size() ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(TagSize),
                            outData + NonceSize + plaintext.size()) != 1)
        qFatal("OpenSSL AES-256-GCM encryption failed");
    return out;
}

std::optional<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView sealed,
                                     QByteArrayView associatedData)
{
    if (key.size() != KeySize || sealed.size() < NonceSize + TagSize)
        return std::nullopt;

    const QByteArrayView nonce = sealed.first(NonceSize);
    const QByteArrayView ciphertext = sealed.sliced(NonceSize, sealed.size() - NonceSize - TagSize);
    // OpenSSL wants a writable tag buffer.
    QByteArray tag = sealed.last(TagSize).toByteArray();

    QByteArray out(ciphertext.size(), Qt::Uninitialized);
    auto *outData = reinterpret_cast<unsigned char *>(out.data());
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    qsizetype written = 0;
    int finalLength = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key), bytesOf(nonce)) !=
            1 ||
        !update(EVP_DecryptUpdate, ctx.get(), nullptr, associatedData, &written) ||
        !update(EVP_DecryptUpdate, ctx.get(), outData, ciphertext, &written) ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(TagSize), tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), outData + written, &finalLength) != 1 ||
        written + finalLength != ciphertext.size())
        return std::nullopt;
    return out;
}

} // namespace Latchkey::Crypto
