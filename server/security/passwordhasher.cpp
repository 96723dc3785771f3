#include "passwordhasher.h"

#include <protocol/random.h>

#include <argon2.h>

#include <QByteArray>

namespace Latchkey::Server::PasswordHasher {

namespace {
constexpr uint32_t timeCost = 2;
constexpr uint32_t memoryKiB = 19 * 1024;
constexpr uint32_t parallelism = 1;
constexpr uint32_t hashLength = 32;
} // namespace

QString hash(QStringView password)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray salt = Random::bytes(16);
    const size_t length = argon2_encodedlen(timeCost, memoryKiB, parallelism, uint32_t(salt.size()),
                                            hashLength, Argon2_id);
    QByteArray encoded(qsizetype(length), '\0');
    const int rc = argon2id_hash_encoded(timeCost, memoryKiB, parallelism, utf8.constData(),
                                         size_t(utf8.size()), salt.constData(), size_t(salt.size()),
                                         hashLength, encoded.data(), length);
    if (rc != ARGON2_OK)
        qFatal("argon2id failed: %s", argon2_error_message(rc));
    return QString::fromLatin1(encoded.constData());
}

bool verify(QStringView encoded, QStringView password)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = encoded.toLatin1();
    // argon2id_verify compares in constant time.
    return argon2id_verify(stored.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

} // namespace Latchkey::Server::PasswordHasher
