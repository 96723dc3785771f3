#include "oauthrepository.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

void OAuthRepository::insertRequest(const AuthorizationRequest &r)
{
    m_db.exec(u"INSERT INTO authorization_requests (id, tenant_id, consumer_id, redirect_uri, "
              "scopes, state, code_challenge, csrf_digest, user_id, created_at, expires_at, "
              "redirect_uri_given) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {r.id, r.tenantId, r.consumerId, r.redirectUri, r.scopes.join(u' '),
               textValue(r.state), textValue(r.codeChallenge), r.csrfDigest, textValue(r.userId),
               timeValue(r.createdAt), timeValue(r.expiresAt), r.redirectUriGiven ? 1 : 0});
}

std::optional<AuthorizationRequest> OAuthRepository::request(const QString &id)
{
    Database::Rows &q =
        m_db.exec(u"SELECT id, tenant_id, consumer_id, redirect_uri, scopes, state, "
                  "code_challenge, csrf_digest, user_id, created_at, expires_at, "
                  "redirect_uri_given FROM authorization_requests WHERE id = ?"_s,
                  {id});
    if (!q.next())
        return std::nullopt;
    AuthorizationRequest r;
    r.id = q.text(0);
    r.tenantId = q.text(1);
    r.consumerId = q.text(2);
    r.redirectUri = q.text(3);
    r.scopes = q.text(4).split(u' ', Qt::SkipEmptyParts);
    r.state = q.text(5);
    r.codeChallenge = q.text(6);
    r.csrfDigest = q.text(7);
    r.userId = q.text(8);
    r.createdAt = q.time(9);
    r.expiresAt = q.time(10);
    r.redirectUriGiven = q.integer(11) != 0;
    return r;
}

void OAuthRepository::setRequestUser(const QString &id, const QString &userId)
{
    m_db.exec(u"UPDATE authorization_requests SET user_id = ? WHERE id = ?"_s, {userId, id});
}

void OAuthRepository::deleteRequest(const QString &id)
{
    m_db.exec(u"DELETE FROM authorization_requests WHERE id = ?"_s, {id});
}

void OAuthRepository::insertCode(const AuthorizationCode &c)
{
    m_db.exec(u"INSERT INTO authorization_codes (digest, tenant_id, consumer_id, user_id, "
              "authorization_id, redirect_uri, scopes, code_challenge, expires_at, used_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
              {c.digest, c.tenantId, c.consumerId, c.userId, c.authorizationId, c.redirectUri,
               c.scopes.join(u' '), textValue(c.codeChallenge), timeValue(c.expiresAt),
               timeValue(c.usedAt)});
}

std::optional<AuthorizationCode> OAuthRepository::code(const QString &digest)
{
    Database::Rows &q =
        m_db.exec(u"SELECT digest, tenant_id, consumer_id, user_id, authorization_id, "
                  "redirect_uri, scopes, code_challenge, expires_at, used_at "
                  "FROM authorization_codes WHERE digest = ?"_s,
                  {digest});
    if (!q.next())
        return std::nullopt;
    AuthorizationCode c;
    c.digest = q.text(0);
    c.tenantId = q.text(1);
    c.consumerId = q.text(2);
    c.userId = q.text(3);
    c.authorizationId = q.text(4);
    c.redirectUri = q.text(5);
    c.scopes = q.text(6).split(u' ', Qt::SkipEmptyParts);
    c.codeChallenge = q.text(7);
    c.expiresAt = q.time(8);
    c.usedAt = q.time(9);
    return c;
}

bool OAuthRepository::useCode(const QString &digest, const QDateTime &now)
{
    return m_db.exec(u"UPDATE authorization_codes SET used_at = ? WHERE digest = ? "
                     "AND used_at IS NULL"_s,
                     {timeValue(now), digest})
               .numRowsAffected() == 1;
}

void OAuthRepository::insertSession(const SignInSession &s)
{
    m_db.exec(u"INSERT INTO sessions (digest, tenant_id, user_id, created_at, expires_at) "
              "VALUES (?, ?, ?, ?, ?)"_s,
              {s.digest, s.tenantId, s.userId, timeValue(s.createdAt), timeValue(s.expiresAt)});
}

std::optional<SignInSession> OAuthRepository::session(const QString &digest)
{
    Database::Rows &q = m_db.exec(u"SELECT digest, tenant_id, user_id, created_at, expires_at "
                                  "FROM sessions WHERE digest = ?"_s,
                                  {digest});
    if (!q.next())
        return std::nullopt;
    return SignInSession{q.text(0), q.text(1), q.text(2), q.time(3), q.time(4)};
}

void OAuthRepository::purgeExpired(const QDateTime &now)
{
    // Used codes are kept a day: a replay of one must still be recognised to revoke its tokens.
    m_db.exec(u"DELETE FROM authorization_requests WHERE expires_at < ?"_s, {timeValue(now)});
    m_db.exec(u"DELETE FROM authorization_codes WHERE expires_at < ?"_s,
              {timeValue(now.addDays(-1))});
    m_db.exec(u"DELETE FROM sessions WHERE expires_at < ?"_s, {timeValue(now)});
}

} // namespace Latchkey::Server
