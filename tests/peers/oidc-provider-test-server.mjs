#!/usr/bin/env node
// Runs oidc-provider (a certified OpenID Connect / OAuth 2.0 authorization server) on 127.0.0.1
// and a free port, so Latchkey's OAuth client flows can be tested against a provider they were
// not written with.
//
// usage: node tests/peers/oidc-provider-test-server.mjs
//   Listens on http://127.0.0.1:<port 0>, prints ONE JSON line on stdout once it accepts requests:
//     {"issuer":"http://127.0.0.1:PORT","client_id":"...","client_secret":"...",
//      "post_client_id":"...","post_client_secret":"...","redirect_uri":"http://127.0.0.1/cb",
//      "resources":{"RS256":"urn:...","PS256":"urn:...","ES256":"urn:...","EdDSA":"urn:..."}}
//   and runs until stdin closes (the test that started it went away), then exits 0.
//
// The provider:
//   - two confidential clients allowed client_credentials, authorization_code and refresh_token,
//     redirect URI http://127.0.0.1/cb: client_id authenticates with client_secret_basic,
//     post_client_id with client_secret_post (oidc-provider holds a client to its registered
//     method);
//   - PKCE (S256) required for every authorization request;
//   - features clientCredentials, introspection, revocation, devInteractions (login and consent
//     are plain HTML forms: any login and password are accepted) and resourceIndicators;
//   - access tokens for a resource are JWTs: the default resource signs with RS256, the others
//     with the algorithm they are named for, so every JWS algorithm Latchkey verifies can be
//     obtained. The JWKS holds an RSA key (RS256 and PS256), a P-256 key and an Ed25519 key, each
//     with a kid;
//   - refresh tokens are issued to clients allowed the refresh_token grant and rotated on use;
//   - discovery only at /.well-known/openid-configuration: this script answers 404 for
//     /.well-known/oauth-authorization-server, as many OpenID providers do, so a client's
//     fallback is exercised; authorization responses carry iss (RFC 9207).
//
// oidc-provider's notices and warnings go to stderr, so stdout holds the JSON line only.
import * as crypto from 'node:crypto';
import * as http from 'node:http';

import Provider from 'oidc-provider';

console.info = console.error;

const redirectUri = 'http://127.0.0.1/cb';
const scope = 'api:read api:write';
const resources = {
    RS256: 'urn:latchkey:test:rs256',
    PS256: 'urn:latchkey:test:ps256',
    ES256: 'urn:latchkey:test:es256',
    EdDSA: 'urn:latchkey:test:eddsa',
};
const algorithmOf = Object.fromEntries(Object.entries(resources).map(([alg, uri]) => [uri, alg]));

function signingKey(type, options, kid, alg) {
    const { privateKey } = crypto.generateKeyPairSync(type, options);
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig' };
    if (alg) jwk.alg = alg;
    return jwk;
}

const secret = () => crypto.randomBytes(32).toString('base64url');
const client = {
    client_id: 'latchkey-basic',
    client_secret: secret(),
    grant_types: ['client_credentials', 'authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [redirectUri],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: `openid offline_access ${scope}`,
};
const postClient = {
    ...client,
    client_id: 'latchkey-post',
    client_secret: secret(),
    token_endpoint_auth_method: 'client_secret_post',
};

const server = http.createServer();
await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
    clients: [client, postClient],
    jwks: {
        keys: [
            signingKey('rsa', { modulusLength: 2048 }, 'rsa-1'),
            signingKey('ec', { namedCurve: 'P-256' }, 'ec-1', 'ES256'),
            signingKey('ed25519', {}, 'ed-1', 'EdDSA'),
        ],
    },
    cookies: { keys: [secret()] },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', ...scope.split(' ')],
    features: {
        devInteractions: { enabled: true },
        clientCredentials: { enabled: true },
        introspection: { enabled: true },
        revocation: { enabled: true },
        resourceIndicators: {
            enabled: true,
            defaultResource: async () => resources.RS256,
            useGrantedResource: async () => true,
            getResourceServerInfo: async (ctx, indicator) => {
                const alg = algorithmOf[indicator];
                if (!alg) throw new Provider.errors.InvalidTarget();
                return {
                    scope,
                    audience: indicator,
                    accessTokenTTL: 600,
                    accessTokenFormat: 'jwt',
                    jwt: { sign: { alg } },
                };
            },
        },
    },
    enabledJWA: {
        idTokenSigningAlgValues: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    },
    ttl: { ClientCredentials: 600, AccessToken: 600 },
    issueRefreshToken: async (ctx, oidcClient) => oidcClient.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
});
provider.on('server_error', (ctx, err) => process.stderr.write(`server_error: ${err.stack}\n`));

const handle = provider.callback();
server.on('request', (req, res) => {
    if (new URL(req.url, issuer).pathname === '/.well-known/oauth-authorization-server') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not_found' }));
        return;
    }
    handle(req, res);
});

process.stdout.write(
    JSON.stringify({
        issuer,
        client_id: client.client_id,
        client_secret: client.client_secret,
        post_client_id: postClient.client_id,
        post_client_secret: postClient.client_secret,
        redirect_uri: redirectUri,
        resources,
    }) + '\n',
);

process.stdin.on('data', () => {});
process.stdin.on('end', () => {
    server.close();
    process.exit(0);
});
process.stdin.resume();
