#include "servercontext.h"

namespace Latchkey::Server {

ServerContext::ServerContext(std::unique_ptr<Database> database, MasterKey masterKey,
                             QUrl publicUrl, Clock clock)
    : accounts(*database)
    , keys(*database)
    , consumers(*database)
    , authorizations(*database)
    , tokens(*database)
    , nonces(*database)
    , audit(*database)
    , assets(*database)
    , oauth(*database)
    , failures(*database)
    , credentials(*database, consumers, keys)
    , m_database(std::move(database))
    , m_masterKey(std::move(masterKey))
    , m_publicUrl(std::move(publicUrl))
    , m_clock(std::move(clock))
{
}

QDateTime ServerContext::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QString ServerContext::issuer() const
{
    return m_publicUrl.toString(QUrl::StripTrailingSlash);
}

} // namespace Latchkey::Server
