#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <mutex>
#include <optional>

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX

namespace Latchkey::Crypto {

QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

// HMAC-SHA256 under one key used many times (a server's digest key): the key schedule is done
// once, and each mac() resets one working context to it instead of copying a new one (about four
// times faster: a copy allocates three digest contexts). Safe to use from several threads; they
// take turns on the working context.
class HmacSha256Key final
{
public:
    explicit HmacSha256Key(QByteArrayView key);
    ~HmacSha256Key();
    HmacSha256Key(const HmacSha256Key &other);
    HmacSha256Key &operator=(const HmacSha256Key &other);

    QByteArray mac(QByteArrayView data) const;

private:
    ::evp_mac_ctx_st *m_ctx = nullptr;  // keyed, never used directly: copies start from it
    ::evp_mac_ctx_st *m_work = nullptr; // keyed, reset before each mac()
    mutable std::mutex m_workLock;
};

// Constant-time for equal lengths (CRYPTO_memcmp); different lengths compare unequal.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// AES-256-GCM. The sealed form is nonce(12) || ciphertext || tag(16). `key` must be 32 bytes.
// `associatedData` binds the ciphertext to its context (e.g. the row id it belongs to).
QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData);
std::optional<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView sealed,
                                     QByteArrayView associatedData);

} // namespace Latchkey::Crypto
