#!/usr/bin/env node
// Authorization-code round trips for make bench, the way the flow tester drives a browser, minus
// the browser: N round trips one after another, each a new user with its own cookie jar, so every
// round trip is the whole flow (sign-in with argon2id, then consent: consent is only skipped for a
// user who already authorized the consumer, and these users never did):
//   1 GET  /oauth/authorize?response_type=code&client_id&redirect_uri&state&code_challenge (S256)
//                                                                  -> 200 sign-in page
//   2 POST /oauth/authorize request, csrf, username, password       -> 200 consent page + cookie
//   3 POST /oauth/authorize request, csrf, decision=approve (cookie) -> 302 redirect_uri?code&state&iss
//   4 POST /oauth/token grant_type=authorization_code, code, redirect_uri, code_verifier
//      (client_secret_basic)                                       -> 200 access_token
// Each answer is checked (status, page, state, iss, token); any surprise stops the run with exit 1.
// Plain HTTP on loopback, keep-alive like a browser; the redirect is read from Location, never
// followed. The stylesheet a browser would also fetch (cached after the first) is left out.
//
// usage: node bench/authcode-roundtrips.mjs --url URL --client-id ID --client-secret SECRET
//            --redirect-uri URI --users FILE [--count N] [--warmup W] [--timeout-ms MS]
//            [--deadline-s S]
//   --users     one JSON object {"email","password"} per line, at least W + N of them, used in order
//   --count     round trips, 1..1000 (default 50), after --warmup W untimed ones (0..10, default 2:
//               the first write after a wrk load pays for that load's WAL checkpoint);
//               --timeout-ms per request (default 10000);
//               --deadline-s for the whole run (default 120): past it the run fails
// Prints one JSON line: {"count","seconds","per_second","mean_ms","p50_ms","p99_ms","max_ms",
//   "steps":{"authorize"|"sign_in"|"consent"|"token":{"mean_ms","p99_ms"}}}.
// p99 is nearest-rank: with 50 round trips it is the slowest one.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

function usage(message) {
    process.stderr.write(`authcode-roundtrips: ${message}\n`);
    process.exit(2);
}
function fail(message) {
    process.stderr.write(`authcode-roundtrips: ${message}\n`);
    process.exit(1);
}

let options;
try {
    ({ values: options } = parseArgs({
        options: {
            url: { type: 'string' },
            'client-id': { type: 'string' },
            'client-secret': { type: 'string' },
            'redirect-uri': { type: 'string' },
            users: { type: 'string' },
            count: { type: 'string', default: '50' },
            warmup: { type: 'string', default: '2' },
            'timeout-ms': { type: 'string', default: '10000' },
            'deadline-s': { type: 'string', default: '120' },
        },
        strict: true,
    }));
} catch (err) {
    usage(err.message);
}
for (const name of ['url', 'client-id', 'client-secret', 'redirect-uri', 'users']) {
    if (!options[name]) usage(`--${name} is required`);
}
const count = Number(options.count);
const timeoutMs = Number(options['timeout-ms']);
const deadlineS = Number(options['deadline-s']);
const warmup = Number(options.warmup);
if (!Number.isInteger(count) || count < 1 || count > 1000) usage('--count wants 1..1000');
if (!Number.isInteger(warmup) || warmup < 0 || warmup > 10) usage('--warmup wants 0..10');
if (!Number.isInteger(timeoutMs) || timeoutMs < 1) usage('--timeout-ms wants a positive number');
if (!Number.isInteger(deadlineS) || deadlineS < 1) usage('--deadline-s wants a positive number');

const base = options.url.replace(/\/$/, '');
const users = fs
    .readFileSync(options.users, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
if (users.length < warmup + count)
    usage(`--users has ${users.length} users, --warmup and --count want ${warmup + count}`);
const basic =
    'Basic ' +
    Buffer.from(
        `${encodeURIComponent(options['client-id'])}:${encodeURIComponent(options['client-secret'])}`,
    ).toString('base64');
const issuer = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()).issuer;

const decode = (s) =>
    s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
function hidden(html, name) {
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
    return match ? decode(match[1]) : null;
}

// A cookie jar per user: name=value of every Set-Cookie, sent back on later requests.
class Jar {
    #cookies = new Map();
    take(response) {
        for (const line of response.headers.getSetCookie()) {
            const [pair] = line.split(';');
            const eq = pair.indexOf('=');
            if (eq > 0) this.#cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
    }
    header() {
        return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
}

async function send(jar, url, init = {}) {
    const headers = { 'Accept-Language': 'en', ...(init.headers ?? {}) };
    const cookie = jar?.header();
    if (cookie) headers.Cookie = cookie;
    const response = await fetch(url, {
        ...init,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
    });
    jar?.take(response);
    return { status: response.status, headers: response.headers, body: await response.text() };
}

function expect(step, response, status, check) {
    if (response.status !== status || (check && !check(response)))
        fail(`${step}: answered ${response.status}, wanted ${status}: ${response.body.slice(0, 300)}`);
}

async function roundTrip(user) {
    const jar = new Jar();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const state = randomBytes(16).toString('base64url');
    const times = {};
    let t = performance.now();
    const lap = (name) => {
        const now = performance.now();
        times[name] = now - t;
        t = now;
    };

    const query = new URLSearchParams({
        response_type: 'code',
        client_id: options['client-id'],
        redirect_uri: options['redirect-uri'],
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
    });
    const signInPage = await send(jar, `${base}/oauth/authorize?${query}`);
    expect('authorize', signInPage, 200, (r) => r.body.includes('name="username"'));
    lap('authorize');

    const consentPage = await send(jar, `${base}/oauth/authorize`, {
        method: 'POST',
        body: new URLSearchParams({
            request: hidden(signInPage.body, 'request'),
            csrf: hidden(signInPage.body, 'csrf'),
            username: user.email,
            password: user.password,
        }),
    });
    expect('sign-in', consentPage, 200, (r) => r.body.includes('name="decision"'));
    lap('sign_in');

    const redirect = await send(jar, `${base}/oauth/authorize`, {
        method: 'POST',
        body: new URLSearchParams({
            request: hidden(consentPage.body, 'request'),
            csrf: hidden(consentPage.body, 'csrf'),
            decision: 'approve',
        }),
    });
    expect('consent', redirect, 302);
    const location = new URL(redirect.headers.get('location'));
    const code = location.searchParams.get('code');
    if (!code || location.searchParams.get('state') !== state || location.searchParams.get('iss') !== issuer)
        fail(`consent: redirect without code, or a wrong state or iss: ${location}`);
    lap('consent');

    const token = await send(null, `${base}/oauth/token`, {
        method: 'POST',
        headers: { Authorization: basic },
        body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: options['redirect-uri'],
            code_verifier: verifier,
        }),
    });
    expect('token', token, 200, (r) => typeof JSON.parse(r.body).access_token === 'string');
    lap('token');
    return times;
}

const stepNames = ['authorize', 'sign_in', 'consent', 'token'];
const totals = [];
const steps = Object.fromEntries(stepNames.map((n) => [n, []]));
const deadline = performance.now() + deadlineS * 1000;
for (let i = 0; i < warmup; i++)
    await roundTrip(users[i]).catch((err) => fail(`warm-up round trip ${i + 1}: ${err.message}`));
const started = performance.now();
for (let i = 0; i < count; i++) {
    if (performance.now() > deadline) fail(`past the ${deadlineS} s deadline after ${i} round trips`);
    const times = await roundTrip(users[warmup + i]).catch((err) =>
        fail(`round trip ${i + 1}: ${err.message}`),
    );
    let total = 0;
    for (const n of stepNames) {
        steps[n].push(times[n]);
        total += times[n];
    }
    totals.push(total);
}
const seconds = (performance.now() - started) / 1000;

const round = (v) => Math.round(v * 100) / 100;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rank = (xs, p) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1];
process.stdout.write(
    JSON.stringify({
        count,
        seconds: round(seconds),
        per_second: round(count / seconds),
        mean_ms: round(mean(totals)),
        p50_ms: round(rank(totals, 50)),
        p99_ms: round(rank(totals, 99)),
        max_ms: round(Math.max(...totals)),
        steps: Object.fromEntries(
            stepNames.map((n) => [n, { mean_ms: round(mean(steps[n])), p99_ms: round(rank(steps[n], 99)) }]),
        ),
    }) + '\n',
);
