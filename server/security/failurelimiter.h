#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Latchkey::Server {

// Counts failures per key (client id, remote address) in a sliding window; past the limit the
// caller answers 429 with Retry-After.
class FailureLimiter final
{
public:
    FailureLimiter(int limit, int windowSeconds)
        : m_limit(limit)
        , m_window(windowSeconds)
    {
    }

    // Seconds to wait, or 0 when the key may try again now.
    int retryAfter(const QString &key, const QDateTime &now) const;
    void recordFailure(const QString &key, const QDateTime &now);
    void reset(const QString &key) { m_failures.remove(key); }

private:
    int m_limit;
    int m_window;
    QHash<QString, QList<QDateTime>> m_failures;
};

} // namespace Latchkey::Server
