#pragma once

#include "database.h"

#include <QStringList>

#include <optional>

namespace Latchkey::Server {

// An authorization request between /oauth/authorize and the user's decision: what the client
// asked for, already validated, so the login and consent forms carry only its id and a CSRF token.
struct AuthorizationRequest
{
    QString id;
    QString tenantId;
    QString consumerId;
    QString redirectUri;
    bool redirectUriGiven = true; // false: left out, the only registered URI was used
    QStringList scopes;
    QString state;
    QString codeChallenge;
    QString csrfDigest;
    QString userId; // set once the user signed in
    QDateTime createdAt;
    QDateTime expiresAt;
};

struct AuthorizationCode
{
    QString digest;
    QString tenantId;
    QString consumerId;
    QString userId;
    QString authorizationId;
    QString redirectUri; // empty when the authorization request left it out
    QStringList scopes;
    QString codeChallenge;
    QDateTime expiresAt;
    QDateTime usedAt;
};

struct SignInSession
{
    QString digest;
    QString tenantId;
    QString userId;
    QDateTime createdAt;
    QDateTime expiresAt;
};

// Pending authorization requests, authorization codes and sign-in sessions, in the database so
// that every instance behind a load balancer sees them.
class OAuthRepository final
{
public:
    explicit OAuthRepository(Database &db)
        : m_db(db)
    {
    }

    void insertRequest(const AuthorizationRequest &request);
    std::optional<AuthorizationRequest> request(const QString &id);
    void setRequestUser(const QString &id, const QString &userId);
    void deleteRequest(const QString &id);

    void insertCode(const AuthorizationCode &code);
    std::optional<AuthorizationCode> code(const QString &digest);
    // Marks the code used; false when it was used already (a replay).
    bool useCode(const QString &digest, const QDateTime &now);

    void insertSession(const SignInSession &session);
    std::optional<SignInSession> session(const QString &digest);

    void purgeExpired(const QDateTime &now);

private:
    Database &m_db;
};

} // namespace Latchkey::Server
