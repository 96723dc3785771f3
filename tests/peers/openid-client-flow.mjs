#!/usr/bin/env node
// Drives latchkey-server's authorization server with openid-client (a certified OAuth client), the
// way an integrator's app would: RFC 8414 discovery, authorization code + PKCE with the sign-in and
// consent forms submitted over HTTP like a browser (cookies kept, redirects not followed), then the
// code grant (openid-client checks state and iss), a refresh (rotation, and reuse refused),
// introspection, revocation, and client credentials with client_secret_basic and _post.
//
// usage: node tests/peers/openid-client-flow.mjs --issuer URL
//            --client-id ID --client-secret SECRET --redirect-uri URI
//            --username EMAIL --password PASSWORD [--scope "a b"]
//            [--cc-client-id ID --cc-client-secret SECRET [--cc-scope "a b"]]
//   --issuer         the server's issuer (its public URL); http is allowed (test servers)
//   --client-id/--client-secret/--redirect-uri
//                    a confidential authorization_code consumer; it authenticates with
//                    client_secret_basic
//   --username/--password
//                    the user who signs in and approves
//   --cc-client-id/--cc-client-secret
//                    a client_credentials consumer; without them those steps are skipped
// A value that starts with "-" must be written --option=VALUE (node's parseArgs); callers passing
// generated secrets should always use that form.
// Prints one JSON line and exits 0 when every step passed:
//   {"ok":true,"steps":{"discovery":{...},"authorize":{...},"authorization_code":{...},...}}
// or exits 1 at the first step that failed:
//   {"ok":false,"step":"<name>","error":"<message>","code":"<OAuth error>"|null,
//    "challenge":"<WWW-Authenticate scheme>"|null,"status":<HTTP status>|null,
//    "steps":{<the steps that passed>}}
// Exits 2 with a message on stderr for bad arguments.
import { parseArgs } from 'node:util';
import * as client from 'openid-client';

function usage(message) {
    process.stderr.write(`openid-client-flow: ${message}\n`);
    process.exit(2);
}

let args;
try {
    ({ values: args } = parseArgs({
        options: {
            issuer: { type: 'string' },
            'client-id': { type: 'string' },
            'client-secret': { type: 'string' },
            'redirect-uri': { type: 'string' },
            username: { type: 'string' },
            password: { type: 'string' },
            scope: { type: 'string', default: 'assets:read work_orders:read' },
            'cc-client-id': { type: 'string' },
            'cc-client-secret': { type: 'string' },
            'cc-scope': { type: 'string', default: 'assets:read' },
        },
        strict: true,
    }));
} catch (err) {
    usage(err.message);
}
for (const required of ['issuer', 'client-id', 'client-secret', 'redirect-uri', 'username', 'password']) {
    if (args[required] === undefined) usage(`--${required} is required`);
}
if ((args['cc-client-id'] === undefined) !== (args['cc-client-secret'] === undefined))
    usage('--cc-client-id and --cc-client-secret go together');

let issuer;
try {
    issuer = new URL(args.issuer);
} catch {
    usage(`not a URL: ${args.issuer}`);
}

const steps = {};
let current = 'arguments';

async function fail(err) {
    // A 401 with WWW-Authenticate comes as a challenge error; the OAuth error is in its body.
    let code = err?.error ?? null;
    if (code === null && err?.response) {
        code = await err.response
            .clone()
            .json()
            .then((body) => body.error ?? null, () => null);
    }
    process.stdout.write(
        JSON.stringify({
            ok: false,
            step: current,
            error: String(err?.cause?.message ?? err?.message ?? err),
            code: code ?? err?.code ?? null,
            challenge: Array.isArray(err?.cause) ? (err.cause[0]?.scheme ?? null) : null,
            status: err?.status ?? null,
            steps,
        }) + '\n',
    );
    process.exit(1);
}

async function step(name, fn) {
    current = name;
    steps[name] = await fn();
}

function check(condition, message) {
    if (!condition) throw new Error(message);
}

const discoveryOptions = { algorithm: 'oauth2', execute: [client.allowInsecureRequests] };

// --- the browser: a cookie jar and HTML forms, nothing more.
const cookies = new Map();

function keepCookies(response) {
    for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
}

function cookieHeader() {
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

function unescapeHtml(text) {
    return text
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
}

function attributes(tag) {
    const result = {};
    for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"/g)) result[m[1].toLowerCase()] = unescapeHtml(m[2]);
    return result;
}

// The first form on the page: its action, method, hidden inputs and the names of its other inputs
// and buttons.
function parseForm(html, pageUrl) {
    const form = html.match(/<form\b([^>]*)>([\s\S]*?)<\/form>/i);
    if (!form) throw new Error(`no form on the page: ${html.slice(0, 300)}`);
    const formAttributes = attributes(form[1]);
    const hidden = new URLSearchParams();
    const inputs = [];
    const buttons = [];
    for (const m of form[2].matchAll(/<(input|button)\b[^>]*>/gi)) {
        const a = attributes(m[0]);
        if (m[1].toLowerCase() === 'button') buttons.push(a);
        else if (a.type === 'hidden') hidden.append(a.name, a.value ?? '');
        else inputs.push(a);
    }
    return {
        action: new URL(formAttributes.action ?? '', pageUrl),
        method: (formAttributes.method ?? 'get').toLowerCase(),
        hidden,
        inputs,
        buttons,
    };
}

async function browse(url, form) {
    const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        headers: {
            accept: 'text/html',
            ...(cookies.size ? { cookie: cookieHeader() } : {}),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? form.toString() : undefined,
        redirect: 'manual',
    });
    keepCookies(response);
    return { status: response.status, location: response.headers.get('location'), html: await response.text(), response };
}

try {
    let config;
    await step('discovery', async () => {
        config = await client.discovery(
            issuer,
            args['client-id'],
            args['client-secret'],
            client.ClientSecretBasic(args['client-secret']),
            discoveryOptions,
        );
        const m = config.serverMetadata();
        return {
            issuer: m.issuer,
            authorization_endpoint: m.authorization_endpoint,
            token_endpoint: m.token_endpoint,
            revocation_endpoint: m.revocation_endpoint,
            introspection_endpoint: m.introspection_endpoint,
            code_challenge_methods_supported: m.code_challenge_methods_supported,
            authorization_response_iss_parameter_supported: m.authorization_response_iss_parameter_supported,
            supports_pkce: m.supportsPKCE(),
        };
    });

    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    let callback;
    await step('authorize', async () => {
        const url = client.buildAuthorizationUrl(config, {
            redirect_uri: args['redirect-uri'],
            scope: args.scope,
            code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
            code_challenge_method: 'S256',
            state,
        });
        // Every page may instead send the browser back to the client (an error, or nothing left
        // to ask): then openid-client judges that redirect in the next step.
        const result = { sign_in_status: null, consent_status: null, redirect_status: null };
        const finish = (page, base) => {
            check(page.status === 302 && page.location, `expected a redirect, got ${page.status}: ${page.html.slice(0, 300)}`);
            callback = new URL(page.location, base);
            result.redirect_status = page.status;
            result.redirect_to = `${callback.origin}${callback.pathname}`;
            result.parameters = [...callback.searchParams.keys()].sort();
            return result;
        };
        const signIn = await browse(url);
        result.sign_in_status = signIn.status;
        if (signIn.status !== 200) return finish(signIn, url);
        const signInForm = parseForm(signIn.html, url);
        check(signInForm.method === 'post', 'the sign-in form is not a POST');
        const username = signInForm.inputs.find((i) => i.name === 'username');
        const password = signInForm.inputs.find((i) => i.type === 'password');
        check(username && password, 'the sign-in form has no username or password field');
        result.username_autocomplete = username.autocomplete ?? null;
        result.password_autocomplete = password.autocomplete ?? null;
        result.hidden_fields = [...signInForm.hidden.keys()].sort();
        const credentials = new URLSearchParams(signInForm.hidden);
        credentials.append(username.name, args.username);
        credentials.append(password.name, args.password);
        const consent = await browse(signInForm.action, credentials);
        result.consent_status = consent.status;
        result.session_cookie = cookies.has('latchkey_session');
        if (consent.status !== 200) return finish(consent, signInForm.action);
        const consentForm = parseForm(consent.html, signInForm.action);
        check(consentForm.method === 'post', 'the consent form is not a POST');
        const approve = consentForm.buttons.find((b) => b.name === 'decision' && b.value === 'approve');
        check(approve, 'the consent page has no approve button');
        const decision = new URLSearchParams(consentForm.hidden);
        decision.append(approve.name, approve.value);
        return finish(await browse(consentForm.action, decision), consentForm.action);
    });

    let tokens;
    await step('authorization_code', async () => {
        tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: codeVerifier, expectedState: state });
        return {
            token_type: tokens.token_type,
            scope: tokens.scope ?? null,
            expires_in: tokens.expires_in ?? null,
            has_refresh_token: typeof tokens.refresh_token === 'string',
        };
    });

    await step('whoami', async () => {
        const response = await client.fetchProtectedResource(config, tokens.access_token, new URL('/api/v2/whoami', issuer), 'GET');
        const body = await response.json();
        return { status: response.status, principal: body.principal?.name ?? null, scopes: body.scopes ?? null };
    });

    let refreshed;
    await step('refresh', async () => {
        refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
        return {
            rotated: typeof refreshed.refresh_token === 'string' && refreshed.refresh_token !== tokens.refresh_token,
            new_access_token: refreshed.access_token !== tokens.access_token,
            scope: refreshed.scope ?? null,
        };
    });

    // Reuse of the rotated refresh token revokes the whole family, the newest tokens included.
    await step('refresh_reuse', async () => {
        const reuse = await client.refreshTokenGrant(config, tokens.refresh_token).then(
            () => null,
            (err) => err,
        );
        const newest = await client.refreshTokenGrant(config, refreshed.refresh_token).then(
            () => null,
            (err) => err,
        );
        const info = await client.tokenIntrospection(config, refreshed.access_token);
        return {
            refused: reuse !== null,
            code: reuse?.error ?? null,
            status: reuse?.status ?? null,
            newest_refresh_code: newest?.error ?? null,
            newest_access_active: info.active,
        };
    });

    // The browser's session and the authorization already cover the scopes: no sign-in, no
    // consent, straight back with a code.
    await step('second_authorization', async () => {
        const verifier = client.randomPKCECodeVerifier();
        const secondState = client.randomState();
        const url = client.buildAuthorizationUrl(config, {
            redirect_uri: args['redirect-uri'],
            scope: args.scope,
            code_challenge: await client.calculatePKCECodeChallenge(verifier),
            code_challenge_method: 'S256',
            state: secondState,
        });
        const page = await browse(url);
        check(page.status === 302 && page.location, `the second authorization answered ${page.status}`);
        tokens = await client.authorizationCodeGrant(config, new URL(page.location), {
            pkceCodeVerifier: verifier,
            expectedState: secondState,
        });
        return { status: page.status, has_refresh_token: typeof tokens.refresh_token === 'string' };
    });

    await step('introspection', async () => {
        const info = await client.tokenIntrospection(config, tokens.access_token);
        return {
            active: info.active,
            scope: info.scope ?? null,
            client_id: info.client_id ?? null,
            username: info.username ?? null,
            token_type: info.token_type ?? null,
            iss: info.iss ?? null,
        };
    });

    await step('revocation', async () => {
        await client.tokenRevocation(config, tokens.refresh_token);
        const access = await client.tokenIntrospection(config, tokens.access_token);
        const refresh = await client.tokenIntrospection(config, tokens.refresh_token);
        const unknown = await client.tokenRevocation(config, 'not-a-token').then(
            () => 'ok',
            (err) => err.error ?? String(err),
        );
        return { access_active: access.active, refresh_active: refresh.active, unknown_token: unknown };
    });

    if (args['cc-client-id'] !== undefined) {
        for (const [name, auth] of [
            ['client_credentials_basic', client.ClientSecretBasic(args['cc-client-secret'])],
            ['client_credentials_post', client.ClientSecretPost(args['cc-client-secret'])],
        ]) {
            await step(name, async () => {
                const cc = await client.discovery(issuer, args['cc-client-id'], args['cc-client-secret'], auth, discoveryOptions);
                const t = await client.clientCredentialsGrant(cc, { scope: args['cc-scope'] });
                const response = await client.fetchProtectedResource(cc, t.access_token, new URL('/api/v2/whoami', issuer), 'GET');
                const body = await response.json();
                return {
                    token_type: t.token_type,
                    scope: t.scope ?? null,
                    has_refresh_token: t.refresh_token !== undefined,
                    whoami_status: response.status,
                    principal_type: body.principal?.type ?? null,
                };
            });
        }
    }
} catch (err) {
    await fail(err);
}

process.stdout.write(JSON.stringify({ ok: true, steps }) + '\n');
