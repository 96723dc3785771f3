#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Latchkey::Crypto {

QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

// Constant-time for equal lengths (CRYPTO_memcmp); different lengths compare unequal.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// AES-256-GCM. The sealed form is nonce(12) || ciphertext || tag(16). `key` must be 32 bytes.
// `associatedData` binds the ciphertext to its context (e.g. the row id it belongs to).
QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData);
std::optional<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView sealed,
                                     QByteArrayView associatedData);

} // namespace Latchkey::Crypto
