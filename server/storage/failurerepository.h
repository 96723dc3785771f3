#pragma once

#include "database.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Latchkey::Server {

// Failed sign-ins and client authentications, by limiter ("token", "sign-in") and a digest of
// what they count (client id and remote address, e-mail and remote address). Kept in the
// database so that every instance on it counts the same failures: an attacker spreading guesses
// over several instances behind a proxy is slowed down as one.
class FailureRepository final
{
public:
    explicit FailureRepository(Database &db)
        : m_db(db)
    {
    }

    // The times of the `limit` most recent failures after `since`, newest first.
    QList<QDateTime> recent(const QString &limiter, const QString &keyDigest,
                            const QDateTime &since, int limit);
    void record(const QString &limiter, const QString &keyDigest, const QDateTime &at);
    void clear(const QString &limiter, const QString &keyDigest);
    void forgetOlderThan(const QString &limiter, const QDateTime &before);
    // Differs from an earlier one when failures may have been recorded or cleared since.
    Database::ChangeStamp changeStamp() { return m_db.changeStamp({u"auth_failures"}); }

private:
    Database &m_db;
};

} // namespace Latchkey::Server
