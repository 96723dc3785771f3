#pragma once

#include "security/credentialcache.h"
#include "security/masterkey.h"
#include "storage/accountrepository.h"
#include "storage/auditrepository.h"
#include "storage/authorizationrepository.h"
#include "storage/consumerrepository.h"
#include "storage/database.h"
#include "storage/failurerepository.h"
#include "storage/keyrepository.h"
#include "storage/oauthrepository.h"
#include "storage/tokenrepository.h"

#include <QUrl>

#include <functional>
#include <memory>

namespace Latchkey::Server {

// What every controller shares: the database and its repositories, the master key, the public
// URL (Hawk MACs and the issuer use it, so it works behind a proxy) and the clock.
class ServerContext final
{
    Q_DISABLE_COPY_MOVE(ServerContext)

public:
    using Clock = std::function<QDateTime()>;

    ServerContext(std::unique_ptr<Database> database, MasterKey masterKey, QUrl publicUrl,
                  Clock clock = {});

    QDateTime now() const;
    const QUrl &publicUrl() const { return m_publicUrl; }
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }
    QString issuer() const;
    const MasterKey &masterKey() const { return m_masterKey; }
    Database &database() { return *m_database; }

    AccountRepository accounts;
    KeyRepository keys;
    ConsumerRepository consumers;
    AuthorizationRepository authorizations;
    TokenRepository tokens;
    NonceRepository nonces;
    AuditRepository audit;
    AssetRepository assets;
    OAuthRepository oauth;
    FailureRepository failures;
    // Above consumers and keys: what client authentication and Hawk read on every request.
    CredentialCache credentials;

private:
    std::unique_ptr<Database> m_database;
    MasterKey m_masterKey;
    QUrl m_publicUrl;
    Clock m_clock;
};

} // namespace Latchkey::Server
