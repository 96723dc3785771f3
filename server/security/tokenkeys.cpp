#include "tokenkeys.h"

#include <protocol/random.h>

#include <QtGlobal>

#include <atomic>

namespace Latchkey::Server::TokenKeys {

namespace {

constexpr qsizetype SelectorLength = 15; // 75 bits: 48 of milliseconds, 24 of counter, 3 spare
constexpr char Alphabet[] = "0123456789abcdefghijklmnopqrstuv";

std::atomic<quint32> counter{0};

QString selector(qint64 msecs, quint32 count)
{
    // 75 bits as 15 base32hex digits, most significant first: ms << 24 | count.
    const quint64 high = quint64(msecs) & ((quint64(1) << 48) - 1);
    const quint64 low = count & 0xFFFFFF;
    QString out(SelectorLength, Qt::Uninitialized);
    QChar *digits = out.data();
    // The value is high * 2^24 + low: take 5 bits at a time from the least significant end.
    quint64 lo = low | ((high & 0xFF) << 24); // the low 32 bits of the value
    quint64 hi = high >> 8;                   // the 40 bits above them
    for (qsizetype i = SelectorLength - 1; i >= 0; --i) {
        digits[i] = QLatin1Char(Alphabet[lo & 31]);
        lo = (lo >> 5) | ((hi & 31) << 27);
        hi >>= 5;
    }
    return out;
}

bool hasSelector(QStringView token)
{
    if (token.size() <= SelectorLength || token[SelectorLength] != u'.')
        return false;
    for (qsizetype i = 0; i < SelectorLength; ++i) {
        const char16_t c = token[i].unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'v')))
            return false;
    }
    return true;
}

} // namespace

QString generate(qint64 issuedAtMSecs)
{
    const quint32 count = counter.fetch_add(1, std::memory_order_relaxed);
    return selector(issuedAtMSecs, count) + u'.' + Random::secret();
}

QString storedKey(const MasterKey &key, QStringView token)
{
    if (!hasSelector(token))
        return key.digest(token);
    return token.first(SelectorLength + 1) + key.digest(token);
}

} // namespace Latchkey::Server::TokenKeys
