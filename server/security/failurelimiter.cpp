#include "failurelimiter.h"

namespace Latchkey::Server {

int FailureLimiter::retryAfter(const QString &key, const QDateTime &now) const
{
    const auto it = m_failures.constFind(key);
    if (it == m_failures.constEnd() || it->size() < m_limit)
        return 0;
    const QDateTime oldest = it->at(it->size() - m_limit);
    const qint64 wait = m_window - oldest.secsTo(now);
    return wait > 0 ? int(wait) : 0;
}

void FailureLimiter::recordFailure(const QString &key, const QDateTime &now)
{
    QList<QDateTime> &list = m_failures[key];
    list.append(now);
    while (!list.isEmpty() && list.first().secsTo(now) >= m_window)
        list.removeFirst();
    if (m_failures.size() > 100000)
        m_failures.clear(); // bounded memory under a flood; the window restarts
}

} // namespace Latchkey::Server
