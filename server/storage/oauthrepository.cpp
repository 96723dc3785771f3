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
    QSqlQuery &q = m_db.exec(u"SELECT id, tenant_id, consumer_id, redirect_uri, scopes, state, "
                             "code_challenge, csrf_digest, user_id, created_at, expires_at, "
                             "redirect_uri_given FROM authorization_requests WHERE id = ?"_s,
                             {id});
    if (!q.next())
        return std::nullopt;
    AuthorizationRequest r;
    r.id = q.value(0).toString();
    r.tenantId = q.value(1).toString();
    r.consumerId = q.value(2).toString();
    r.redirectUri = q.value(3).toString();
    r.scopes = q.value(4).toString().split(u' ', Qt::SkipEmptyParts);
    r.state = q.value(5).toString();
    r.codeChallenge = q.value(6).toString();
    r.csrfDigest = q.value(7).toString();
    r.userId = q.value(8).toString();
    r.createdAt = timeFrom(q.value(9));
    r.expiresAt = timeFrom(q.value(10));
    r.redirectUriGiven = q.value(11).toInt() != 0;
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
    QSqlQuery &q = m_db.exec(u"SELECT digest, tenant_id, consumer_id, user_id, authorization_id, "
                             "redirect_uri, scopes, code_challenge, expires_at, used_at "
                             "FROM authorization_codes WHERE digest = ?"_s,
                             {digest});
    if (!q.next())
        return std::nullopt;
    AuthorizationCode c;
    c.digest = q.value(0).toString();
    c.tenantId = q.value(1).toString();
    c.consumerId = q.value(2).toString();
    c.userId = q.value(3).toString();
    c.authorizationId = q.value(4).toString();
    c.redirectUri = q.value(5).toString();
    c.scopes = q.value(6).toString().split(u' ', Qt::SkipEmptyParts);
    c.codeChallenge = q.value(7).toString();
    c.expiresAt = timeFrom(q.value(8));
    c.usedAt = timeFrom(q.value(9));
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
    QSqlQuery &q = m_db.exec(u"SELECT digest, tenant_id, user_id, created_at, expires_at "
                             "FROM sessions WHERE digest = ?"_s,
                             {digest});
    if (!q.next())
        return std::nullopt;
    return SignInSession{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         timeFrom(q.value(3)), timeFrom(q.value(4))};
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
