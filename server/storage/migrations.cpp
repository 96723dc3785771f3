#include "migrations.h"

#include "database.h"
#include "paging.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

void backfillSearchText(Database &db)
{
    for (const QString &table : {u"api_keys"_s, u"consumers"_s}) {
        QList<QPair<QString, QString>> rows;
        Database::Rows &select = db.exec(u"SELECT id, name, description FROM "_s + table);
        while (select.next()) {
            rows.append({select.text(0), foldForSearch(select.text(1) + u'\n' + select.text(2))});
        }
        for (const auto &[id, text] : rows)
            db.exec(u"UPDATE "_s + table + u" SET search_text = ? WHERE id = ?"_s, {text, id});
    }
}

} // namespace

// Numbered and append-only: a released migration is never edited, a new one is added. Portable
// SQL only (SQLite and PostgreSQL; "{{autoincrement}}" and "{{without_rowid}}" become each
// dialect's own); times are BIGINT milliseconds since the epoch, digests and
// sealed secrets are base64url TEXT.
const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         "accounts, credentials, authorizations, tokens, audit",
         {
             u"CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE TABLE users (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "email TEXT NOT NULL, display_name TEXT NOT NULL, role TEXT NOT NULL, "
             "password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, "
             "created_at BIGINT NOT NULL, version INTEGER NOT NULL DEFAULT 1, "
             "UNIQUE (tenant_id, email))"_s,
             u"CREATE TABLE permission_groups (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "name TEXT NOT NULL, description TEXT NOT NULL, scopes TEXT NOT NULL, "
             "UNIQUE (tenant_id, name))"_s,
             u"CREATE TABLE api_keys (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "name TEXT NOT NULL, description TEXT NOT NULL, "
             "permission_group_id TEXT NOT NULL REFERENCES permission_groups(id), "
             "secret_sealed TEXT NOT NULL, status TEXT NOT NULL, expires_at BIGINT, "
             "created_at BIGINT NOT NULL, created_by TEXT NOT NULL, last_used_at BIGINT, "
             "rotated_at BIGINT, previous_secret_sealed TEXT, previous_valid_until BIGINT, "
             "version INTEGER NOT NULL DEFAULT 1)"_s,
             u"CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at)"_s,
             u"CREATE TABLE consumers (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "client_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL, "
             "permission_group_id TEXT NOT NULL REFERENCES permission_groups(id), "
             "grant_type TEXT NOT NULL, client_type TEXT NOT NULL, redirect_uris TEXT NOT NULL, "
             "require_pkce INTEGER NOT NULL, access_token_ttl INTEGER NOT NULL, "
             "refresh_token_ttl INTEGER NOT NULL, secret_digest TEXT, previous_digest TEXT, "
             "previous_valid_until BIGINT, status TEXT NOT NULL, created_at BIGINT NOT NULL, "
             "created_by TEXT NOT NULL, last_used_at BIGINT, rotated_at BIGINT, "
             "version INTEGER NOT NULL DEFAULT 1)"_s,
             u"CREATE INDEX consumers_tenant ON consumers (tenant_id, created_at)"_s,
             u"CREATE TABLE authorizations (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
             "consumer_id TEXT NOT NULL REFERENCES consumers(id) ON DELETE CASCADE, "
             "scopes TEXT NOT NULL, created_at BIGINT NOT NULL, last_used_at BIGINT, "
             "revoked_at BIGINT, revoked_by TEXT, version INTEGER NOT NULL DEFAULT 1)"_s,
             u"CREATE INDEX authorizations_tenant ON authorizations (tenant_id, created_at, id)"_s,
             u"CREATE INDEX authorizations_consumer ON authorizations "
             "(tenant_id, consumer_id, created_at, id)"_s,
             u"CREATE INDEX authorizations_user ON authorizations "
             "(tenant_id, user_id, created_at, id)"_s,
             u"CREATE TABLE tokens (digest TEXT PRIMARY KEY, kind TEXT NOT NULL, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "consumer_id TEXT NOT NULL REFERENCES consumers(id) ON DELETE CASCADE, "
             "authorization_id TEXT REFERENCES authorizations(id) ON DELETE CASCADE, "
             "scopes TEXT NOT NULL, issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
             "revoked_at BIGINT, family_id TEXT, code_digest TEXT)"_s,
             u"CREATE INDEX tokens_authorization ON tokens (authorization_id)"_s,
             u"CREATE INDEX tokens_consumer ON tokens (consumer_id)"_s,
             u"CREATE INDEX tokens_expiry ON tokens (expires_at)"_s,
             u"CREATE TABLE hawk_nonces (key_id TEXT NOT NULL, nonce TEXT NOT NULL, "
             "ts BIGINT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (key_id, nonce, ts))"_s,
             u"CREATE INDEX hawk_nonces_seen ON hawk_nonces (seen_at)"_s,
             u"CREATE TABLE audit_events (id {{autoincrement}}, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
             "target_type TEXT NOT NULL, target_id TEXT NOT NULL, details TEXT NOT NULL, "
             "remote_address TEXT NOT NULL)"_s,
             u"CREATE INDEX audit_events_tenant ON audit_events (tenant_id, id)"_s,
             u"CREATE TABLE assets (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "name TEXT NOT NULL, created_at BIGINT NOT NULL, created_by TEXT NOT NULL)"_s,
             u"CREATE INDEX assets_tenant ON assets (tenant_id, created_at)"_s,
         }},
        {2,
         "authorization code flow: pending requests, codes, sign-in sessions",
         {
             u"CREATE TABLE authorization_requests (id TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "consumer_id TEXT NOT NULL REFERENCES consumers(id) ON DELETE CASCADE, "
             "redirect_uri TEXT NOT NULL, scopes TEXT NOT NULL, state TEXT, "
             "code_challenge TEXT, csrf_digest TEXT NOT NULL, user_id TEXT, "
             "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX authorization_requests_expiry ON authorization_requests (expires_at)"_s,
             u"CREATE TABLE authorization_codes (digest TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "consumer_id TEXT NOT NULL REFERENCES consumers(id) ON DELETE CASCADE, "
             "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
             "authorization_id TEXT NOT NULL REFERENCES authorizations(id) ON DELETE CASCADE, "
             "redirect_uri TEXT NOT NULL, scopes TEXT NOT NULL, code_challenge TEXT, "
             "expires_at BIGINT NOT NULL, used_at BIGINT)"_s,
             u"CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at)"_s,
             u"CREATE TABLE sessions (digest TEXT PRIMARY KEY, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
             "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX sessions_expiry ON sessions (expires_at)"_s,
             u"CREATE INDEX tokens_family ON tokens (family_id)"_s,
             u"CREATE INDEX tokens_code ON tokens (code_digest)"_s,
         }},
        {3,
         "accent- and case-insensitive search",
         {
             u"ALTER TABLE api_keys ADD COLUMN search_text TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE consumers ADD COLUMN search_text TEXT NOT NULL DEFAULT ''"_s,
         },
         backfillSearchText},
        {4,
         "remember whether the authorization request named its redirect_uri",
         {
             u"ALTER TABLE authorization_requests ADD COLUMN redirect_uri_given INTEGER NOT NULL "
             "DEFAULT 1"_s,
         }},
        {5,
         "failed sign-ins and client authentications, counted by every instance alike",
         {
             u"CREATE TABLE auth_failures (limiter TEXT NOT NULL, key_digest TEXT NOT NULL, "
             "at BIGINT NOT NULL)"_s,
             u"CREATE INDEX auth_failures_key ON auth_failures (limiter, key_digest, at)"_s,
         }},
        {6,
         "fewer index writes per token and per Hawk nonce",
         {
             // Client-credentials tokens have no authorization, family or code: the indexes
             // that find tokens by those keep only the tokens that have one. Every query on
             // them compares with "=" or IN, which implies IS NOT NULL, so they still apply.
             u"DROP INDEX tokens_authorization"_s,
             u"CREATE INDEX tokens_authorization ON tokens (authorization_id) "
             "WHERE authorization_id IS NOT NULL"_s,
             u"DROP INDEX tokens_family"_s,
             u"CREATE INDEX tokens_family ON tokens (family_id) WHERE family_id IS NOT NULL"_s,
             u"DROP INDEX tokens_code"_s,
             u"CREATE INDEX tokens_code ON tokens (code_digest) WHERE code_digest IS NOT NULL"_s,
             // No query reads tokens by expiry (tokens_consumer stays: deleting a consumer
             // cascades to its tokens through it).
             u"DROP INDEX tokens_expiry"_s,
             // SQLite: nonces kept in their primary key's B-tree, not in a rowid table beside it.
             u"CREATE TABLE hawk_nonces_new (key_id TEXT NOT NULL, nonce TEXT NOT NULL, "
             "ts BIGINT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (key_id, nonce, ts))"
             "{{without_rowid}}"_s,
             u"INSERT INTO hawk_nonces_new (key_id, nonce, ts, seen_at) "
             "SELECT key_id, nonce, ts, seen_at FROM hawk_nonces"_s,
             u"DROP TABLE hawk_nonces"_s,
             u"ALTER TABLE hawk_nonces_new RENAME TO hawk_nonces"_s,
             u"CREATE INDEX hawk_nonces_seen ON hawk_nonces (seen_at)"_s,
         }},
        {7,
         "tokens written to one B-tree and its end",
         {
             // New tokens' keys begin with their time of issue (TokenKeys), so they are
             // appended to the primary key's B-tree. The index on consumer_id put a second
             // page into every commit; its only use was the cascade when a consumer is
             // deleted. A deleted consumer's tokens are refused everywhere (each use looks the
             // consumer up) and purged once expired, like every other token, so the cascade
             // and its foreign key go: deleting a consumer no longer scans the tokens.
             u"CREATE TABLE tokens_new (digest TEXT PRIMARY KEY, kind TEXT NOT NULL, "
             "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, "
             "consumer_id TEXT NOT NULL, "
             "authorization_id TEXT REFERENCES authorizations(id) ON DELETE CASCADE, "
             "scopes TEXT NOT NULL, issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
             "revoked_at BIGINT, family_id TEXT, code_digest TEXT){{without_rowid}}"_s,
             u"INSERT INTO tokens_new (digest, kind, tenant_id, consumer_id, authorization_id, "
             "scopes, issued_at, expires_at, revoked_at, family_id, code_digest) "
             "SELECT digest, kind, tenant_id, consumer_id, authorization_id, scopes, issued_at, "
             "expires_at, revoked_at, family_id, code_digest FROM tokens"_s,
             u"DROP TABLE tokens"_s,
             u"ALTER TABLE tokens_new RENAME TO tokens"_s,
             u"CREATE INDEX tokens_authorization ON tokens (authorization_id) "
             "WHERE authorization_id IS NOT NULL"_s,
             u"CREATE INDEX tokens_family ON tokens (family_id) WHERE family_id IS NOT NULL"_s,
             u"CREATE INDEX tokens_code ON tokens (code_digest) WHERE code_digest IS NOT NULL"_s,
         }},
    };
    return list;
}

} // namespace Latchkey::Server
