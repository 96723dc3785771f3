#!/usr/bin/env node
// A node oidc-provider (a certified OAuth 2.0 authorization server) with one confidential client
// for the client credentials grant: the comparison point of make bench, and a standards peer for
// tests. oidc-provider comes from tests/peers/node_modules (pinned by tests/peers' lock file;
// tools/install-deps installs it), so there is a single lock file.
//
// usage: node bench/oidc-provider-server.mjs [--listen HOST:PORT] [--client-id ID]
//            [--client-secret SECRET] [--scope "A B"] [--resource URI] [--token-format opaque|jwt]
//   --listen         default 127.0.0.1:0 (port 0 picks one)
//   --client-id      default bench-client; --client-secret default: 32 random bytes, base64url
//   --scope          scopes the client and the resource server allow (default "api:read")
//   --resource       the default resource indicator (default urn:latchkey:bench); every token is
//                    issued for it, in --token-format (default opaque, like latchkey-server's)
// Once listening, prints one JSON line on stdout and serves until SIGTERM/SIGINT:
//   {"url":"http://HOST:PORT","issuer":"http://HOST:PORT","token_endpoint":"http://HOST:PORT/token",
//    "client_id":"...","client_secret":"...","pid":N}
// Request a token: POST /token, Authorization: Basic base64(urlencode(id):urlencode(secret)),
// body grant_type=client_credentials.
import { createRequire } from 'node:module';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import path from 'node:path';

// stdout carries only the ready line: oidc-provider's notices go to stderr with its warnings.
console.log = console.info = console.error;

const peersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/peers');

function usage(message) {
    process.stderr.write(`oidc-provider-server: ${message}\n`);
    process.exit(2);
}

let options;
try {
    ({ values: options } = parseArgs({
        options: {
            listen: { type: 'string', default: '127.0.0.1:0' },
            'client-id': { type: 'string', default: 'bench-client' },
            'client-secret': { type: 'string' },
            scope: { type: 'string', default: 'api:read' },
            resource: { type: 'string', default: 'urn:latchkey:bench' },
            'token-format': { type: 'string', default: 'opaque' },
        },
        strict: true,
    }));
} catch (err) {
    usage(err.message);
}
const match = /^(.+):(\d+)$/.exec(options.listen);
if (!match) usage(`--listen wants HOST:PORT, got ${options.listen}`);
const host = match[1].replace(/^\[(.*)\]$/, '$1');
const port = Number(match[2]);
if (!['opaque', 'jwt'].includes(options['token-format'])) usage('--token-format is opaque or jwt');
const clientId = options['client-id'];
const clientSecret = options['client-secret'] ?? randomBytes(32).toString('base64url');

let Provider;
try {
    const resolved = createRequire(path.join(peersDir, 'package.json')).resolve('oidc-provider');
    ({ default: Provider } = await import(pathToFileURL(resolved).href));
} catch (err) {
    process.stderr.write(
        `oidc-provider-server: oidc-provider is not installed in ${peersDir}/node_modules: ` +
            `run tools/install-deps (${err.message})\n`,
    );
    process.exit(1);
}

// A fresh signing key per run (oidc-provider would otherwise use development keys and warn).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' };

function startProvider(issuer) {
    const provider = new Provider(issuer, {
        clients: [
            {
                client_id: clientId,
                client_secret: clientSecret,
                grant_types: ['client_credentials'],
                response_types: [],
                redirect_uris: [],
                token_endpoint_auth_method: 'client_secret_basic',
                scope: options.scope,
            },
        ],
        jwks: { keys: [signingKey] },
        ttl: { ClientCredentials: 3600 },
        cookies: { keys: [randomBytes(32).toString('base64url')] },
        scopes: options.scope.split(' ').filter(Boolean),
        clientBasedCORS: () => false,
        features: {
            devInteractions: { enabled: false },
            clientCredentials: { enabled: true },
            introspection: { enabled: true },
            revocation: { enabled: true },
            resourceIndicators: {
                enabled: true,
                defaultResource: () => options.resource,
                useGrantedResource: () => true,
                getResourceServerInfo: (_ctx, resourceIndicator) => {
                    if (resourceIndicator !== options.resource) throw new Provider.errors.InvalidTarget();
                    return {
                        scope: options.scope,
                        accessTokenTTL: 3600,
                        accessTokenFormat: options['token-format'],
                        ...(options['token-format'] === 'jwt' ? { jwt: { sign: { alg: 'RS256' } } } : {}),
                    };
                },
            },
        },
    });
    return provider;
}

// Bind first so port 0 resolves to the real port, which the issuer URL must carry.
const server = http.createServer();
server.listen(port, host, () => {
    const bound = server.address();
    const hostForUrl = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    const url = `http://${hostForUrl}:${bound.port}`;
    const provider = startProvider(url);
    server.on('request', provider.callback());
    process.stdout.write(
        JSON.stringify({
            url,
            issuer: url,
            token_endpoint: `${url}/token`,
            client_id: clientId,
            client_secret: clientSecret,
            pid: process.pid,
        }) + '\n',
    );
});
server.on('error', (err) => {
    process.stderr.write(`oidc-provider-server: cannot listen on ${options.listen}: ${err.message}\n`);
    process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
        server.close(() => process.exit(0));
        server.closeAllConnections();
    });
}
