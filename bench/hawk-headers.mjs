#!/usr/bin/env node
// Pre-signed Hawk Authorization headers for make bench: wrk's Lua has no HMAC, so bench/run signs
// the headers of a whole run here, right before it, and bench/hawk-request.lua sends each one once.
// Signing is hawk's own client (tests/peers/node_modules/hawk, the reference implementation), with
// the current ts of the moment of signing and a nonce unique within the run (a random prefix and a
// counter: hawk's default 6-character nonces collide among a few hundred thousand).
//
// usage: node bench/hawk-headers.mjs --url URL --id ID --key KEY --count N --out PREFIX
//            [--shards T] [--method GET]
//   --url     the full request URL whose host and port the server puts in the MAC (its public URL)
//   --count   headers to sign, 1..5000000; --shards T (1..64, default 1) writes PREFIX.1 .. PREFIX.T,
//             one header per line, the i-th header into shard (i mod T) + 1, one shard per wrk thread
// Prints one JSON line: {"count":N,"shards":T,"ts_first":S,"ts_last":S,"ms":M}.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const peersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/peers');

function usage(message) {
    process.stderr.write(`hawk-headers: ${message}\n`);
    process.exit(2);
}

let options;
try {
    ({ values: options } = parseArgs({
        options: {
            url: { type: 'string' },
            id: { type: 'string' },
            key: { type: 'string' },
            count: { type: 'string' },
            out: { type: 'string' },
            shards: { type: 'string', default: '1' },
            method: { type: 'string', default: 'GET' },
        },
        strict: true,
    }));
} catch (err) {
    usage(err.message);
}
for (const name of ['url', 'id', 'key', 'count', 'out']) {
    if (!options[name]) usage(`--${name} is required`);
}
const count = Number(options.count);
const shards = Number(options.shards);
if (!Number.isInteger(count) || count < 1 || count > 5_000_000) usage('--count wants 1..5000000');
if (!Number.isInteger(shards) || shards < 1 || shards > 64) usage('--shards wants 1..64');

let Hawk;
try {
    Hawk = createRequire(path.join(peersDir, 'package.json'))('hawk');
} catch (err) {
    process.stderr.write(
        `hawk-headers: hawk is not installed in ${peersDir}/node_modules: run tools/install-deps (${err.message})\n`,
    );
    process.exit(1);
}

const credentials = { id: options.id, key: options.key, algorithm: 'sha256' };
// Letters and digits only: valid in any Hawk attribute, and unique per run and key.
const prefix = randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, '').slice(0, 8) + 'x';
const started = performance.now();
const buffers = Array.from({ length: shards }, () => []);
let tsFirst = 0;
let tsLast = 0;
for (let i = 0; i < count; i++) {
    const { header, artifacts } = Hawk.client.header(options.url, options.method, {
        credentials,
        nonce: prefix + i.toString(36),
    });
    if (i === 0) tsFirst = artifacts.ts;
    tsLast = artifacts.ts;
    buffers[i % shards].push(header);
}
for (let s = 0; s < shards; s++) {
    fs.writeFileSync(`${options.out}.${s + 1}`, buffers[s].join('\n') + '\n', { mode: 0o600 });
}
process.stdout.write(
    JSON.stringify({
        count,
        shards,
        ts_first: Number(tsFirst),
        ts_last: Number(tsLast),
        ms: Math.round(performance.now() - started),
    }) + '\n',
);
