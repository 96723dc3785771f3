#include "random.h"

#include "base64url.h"

#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <pthread.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace Latchkey::Random {

namespace {

void fill(unsigned char *data, qsizetype count)
{
    // RAND_bytes takes an int length, so large requests go in chunks.
    for (qsizetype done = 0; done < count;) {
        const int chunk = static_cast<int>(std::min<qsizetype>(count - done, INT_MAX));
        if (RAND_bytes(data + done, chunk) != 1)
            qFatal("OpenSSL's CSPRNG failed; refusing to go on with predictable secrets");
        done += chunk;
    }
}

// Small requests (a token, an id) are served from a pool per thread, filled 4 KiB at a time:
// one RAND_bytes call, with its provider lookups and fork check, per 128 tokens instead of one
// per token (3% of a token request). Bytes handed out are wiped from the pool. A forked child
// must not hand out its parent's bytes again: it starts with an empty pool.
struct Pool
{
    static constexpr qsizetype size = 4096;
    static constexpr qsizetype largestServed = 64;
    unsigned char bytes[size];
    qsizetype used = size;
};

thread_local Pool pool;

void emptyPoolAfterFork()
{
    OPENSSL_cleanse(pool.bytes, Pool::size);
    pool.used = Pool::size;
}

} // namespace

QByteArray bytes(qsizetype count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    auto *data = reinterpret_cast<unsigned char *>(out.data());
    if (count <= Pool::largestServed) {
        static const bool forkHandled = pthread_atfork(nullptr, nullptr, emptyPoolAfterFork) == 0;
        if (forkHandled) {
            if (Pool::size - pool.used < count) {
                fill(pool.bytes, Pool::size);
                pool.used = 0;
            }
            std::memcpy(data, pool.bytes + pool.used, size_t(count));
            OPENSSL_cleanse(pool.bytes + pool.used, size_t(count));
            pool.used += count;
            return out;
        }
    }
    fill(data, count);
    return out;
}

QString secret(int bits)
{
    if (bits <= 0)
        return {};
    return QString::fromLatin1(Base64Url::encode(bytes((qsizetype(bits) + 7) / 8)));
}

QString id(QStringView prefix, int bits)
{
    return prefix.toString() + secret(bits);
}

} // namespace Latchkey::Random
