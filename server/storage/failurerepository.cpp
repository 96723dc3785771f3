#include "failurerepository.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

QList<QDateTime> FailureRepository::recent(const QString &limiter, const QString &keyDigest,
                                           const QDateTime &since, int limit)
{
    QList<QDateTime> times;
    Database::Rows &q =
        m_db.exec(u"SELECT at FROM auth_failures WHERE limiter = ? AND key_digest = ? "
                  "AND at > ? ORDER BY at DESC LIMIT ?"_s,
                  {limiter, keyDigest, timeValue(since), limit});
    while (q.next())
        times.append(q.time(0));
    return times;
}

void FailureRepository::record(const QString &limiter, const QString &keyDigest,
                               const QDateTime &at)
{
    m_db.exec(u"INSERT INTO auth_failures (limiter, key_digest, at) VALUES (?, ?, ?)"_s,
              {limiter, keyDigest, timeValue(at)});
}

void FailureRepository::clear(const QString &limiter, const QString &keyDigest)
{
    m_db.exec(u"DELETE FROM auth_failures WHERE limiter = ? AND key_digest = ?"_s,
              {limiter, keyDigest});
}

void FailureRepository::forgetOlderThan(const QString &limiter, const QDateTime &before)
{
    m_db.exec(u"DELETE FROM auth_failures WHERE limiter = ? AND at < ?"_s,
              {limiter, timeValue(before)});
}

} // namespace Latchkey::Server
