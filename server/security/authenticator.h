#pragma once

#include "principal.h"

#include "http/httpmessage.h"

#include <protocol/crypto.h>

#include <QHash>

#include <memory>
#include <optional>

namespace Latchkey::Server {

class ServerContext;

struct AuthResult
{
    std::optional<Principal> principal;
    HttpResponse error; // set when principal is empty

    static AuthResult failed(HttpResponse response) { return {std::nullopt, std::move(response)}; }
};

// Turns an Authorization header into a Principal: Hawk for API keys (checked in Hawk's order:
// attributes, id, MAC in constant time, payload hash, nonce, timestamp) or Bearer for OAuth
// access tokens. A disabled, deleted or expired credential fails at once.
class Authenticator final
{
public:
    explicit Authenticator(ServerContext &context)
        : m_context(context)
    {
    }

    AuthResult authenticate(const HttpRequest &request);
    AuthResult authenticateBearer(const HttpRequest &request);
    AuthResult authenticateHawk(const HttpRequest &request);

    static constexpr int hawkSkewSeconds = 60;
    // last_used_at is written at most this often per credential, to spare the database a write
    // on every request.
    static constexpr int lastUsedResolutionSeconds = 60;

private:
    // A key's secret opened once and keyed for HMAC, by its sealed form (a rotation seals a new
    // one): each request would otherwise decrypt it (AES-256-GCM) and key an HMAC again. Held in
    // memory only, like the master key that opens them; bounded.
    std::shared_ptr<const Crypto::HmacSha256Key> macKey(const QString &sealed,
                                                        const QString &keyId);
    QHash<QString, std::shared_ptr<const Crypto::HmacSha256Key>> m_macKeys;

    ServerContext &m_context;
    int m_noncesSincePrune = 0;
};

} // namespace Latchkey::Server
