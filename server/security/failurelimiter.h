#pragma once

#include "storage/failurerepository.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

namespace Latchkey::Server {

// Counts failures per key (client id, remote address) in a sliding window; past the limit the
// caller answers 429 with Retry-After. The failures are kept in the database, so every server
// instance on it counts them together.
class FailureLimiter final
{
public:
    FailureLimiter(FailureRepository &store, QString name, int limit, int windowSeconds)
        : m_store(store)
        , m_name(std::move(name))
        , m_limit(limit)
        , m_window(windowSeconds)
    {
    }

    // Seconds to wait, or 0 when the key may try again now.
    int retryAfter(const QString &key, const QDateTime &now);
    void recordFailure(const QString &key, const QDateTime &now);
    // After a success: forgets the key's failures.
    void reset(const QString &key);

private:
    static QString digest(const QString &key);
    // digest(), kept for the last key: a request asks about one key twice (retryAfter, then
    // reset or recordFailure), and the SHA-256 is a fifth of what a success costs here.
    QString digestOf(const QString &key);
    void remember(const QString &keyDigest);

    FailureRepository &m_store;
    QString m_name;
    int m_limit;
    int m_window;
    // Keys that had failures when last checked here: reset() writes only for those, so a
    // success costs no write. One failed on another instance since then expires by itself.
    QSet<QString> m_failing;
    // Keys found with no recent failure, and the change stamp they were found at: while the
    // stamp is the same (SQLite only), nobody recorded a failure since and the count is still 0.
    QHash<QString, Database::ChangeStamp> m_clearAt;
    int m_recordsSincePrune = 0;
    QString m_lastKey;
    QString m_lastDigest;
};

} // namespace Latchkey::Server
