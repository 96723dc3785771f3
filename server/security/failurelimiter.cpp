#include "failurelimiter.h"

#include <protocol/base64url.h>
#include <protocol/crypto.h>

namespace Latchkey::Server {

QString FailureLimiter::digest(const QString &key)
{
    // Fixed size whatever a client sends, and no e-mail address in clear in the table.
    return QString::fromLatin1(Base64Url::encode(Crypto::sha256(key.toUtf8())));
}

QString FailureLimiter::digestOf(const QString &key)
{
    if (key != m_lastKey || m_lastDigest.isEmpty()) {
        m_lastKey = key;
        m_lastDigest = digest(key);
    }
    return m_lastDigest;
}

int FailureLimiter::retryAfter(const QString &key, const QDateTime &now)
{
    const QString keyDigest = digestOf(key);
    const Database::ChangeStamp stamp = m_store.changeStamp();
    if (stamp.known()) {
        if (auto it = m_clearAt.constFind(keyDigest); it != m_clearAt.cend() && *it == stamp)
            return 0;
    }
    const QList<QDateTime> recent =
        m_store.recent(m_name, keyDigest, now.addSecs(-m_window), m_limit);
    if (recent.isEmpty()) {
        m_failing.remove(keyDigest);
        if (stamp.known()) {
            if (m_clearAt.size() >= 100000)
                m_clearAt.clear();
            m_clearAt.insert(keyDigest, stamp);
        }
        return 0;
    }
    remember(keyDigest);
    if (recent.size() < m_limit)
        return 0;
    const qint64 wait = m_window - recent.constLast().secsTo(now);
    return wait > 0 ? int(wait) : 0;
}

void FailureLimiter::recordFailure(const QString &key, const QDateTime &now)
{
    const QString keyDigest = digestOf(key);
    m_store.record(m_name, keyDigest, now);
    remember(keyDigest);
    if (++m_recordsSincePrune >= 1000) {
        m_recordsSincePrune = 0;
        m_store.forgetOlderThan(m_name, now.addSecs(-m_window));
    }
}

void FailureLimiter::remember(const QString &keyDigest)
{
    if (m_failing.size() >= 100000)
        m_failing.clear(); // bounded memory under a flood; reset() may then skip a delete
    m_failing.insert(keyDigest);
}

void FailureLimiter::reset(const QString &key)
{
    const QString keyDigest = digestOf(key);
    if (m_failing.remove(keyDigest))
        m_store.clear(m_name, keyDigest);
}

} // namespace Latchkey::Server
