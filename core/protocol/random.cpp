#include "random.h"

#include "base64url.h"

#include <QtGlobal>

#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace Latchkey::Random {

QByteArray bytes(qsizetype count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    auto *data = reinterpret_cast<unsigned char *>(out.data());
    // RAND_bytes takes an int length, so large requests go in chunks.
    for (qsizetype done = 0; done < count;) {
        const int chunk = static_cast<int>(std::min<qsizetype>(count - done, INT_MAX));
        if (RAND_bytes(data + done, chunk) != 1)
            qFatal("OpenSSL's CSPRNG failed; refusing to go on with predictable secrets");
        done += chunk;
    }
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
