#!/usr/bin/env node
// Verifies one Hawk Authorization header with hawk's own server.authenticate (the reference
// implementation), so tests can check that what Latchkey's client signs is what Hawk accepts.
//
// usage: echo '<json>' | node tests/peers/hawk-authenticate.mjs
// stdin: one JSON object
//   {"method":"GET","resource":"/path?query","host":"example.com","port":8080,
//    "authorization":"Hawk id=\"...\", ...","id":"...","key":"...",
//    "content_type":"application/json","payload":"..."}          (the last two optional)
//   The credentials are {id, key, algorithm: "sha256"}; a header naming another id gets
//   "Unknown credentials". When "payload" is present (even ""), its hash is checked against the
//   header's hash, over "content_type" (parameters dropped, as Hawk does). The timestamp must be
//   within Hawk's default ±60 s of this machine's clock (sign with the current time); nonces are
//   not tracked.
// stdout: one JSON line, exit 0 either way:
//   {"ok":true,"id":"...","artifacts":{"ts":"...","nonce":"...","hash":..,"ext":..,"app":..,"dlg":..}}
//   {"ok":false,"error":"<hawk's message, e.g. Bad mac>","status":<HTTP status hawk maps it to>,
//    "www_authenticate":"<challenge>"|null}
// Exits 2 with a message on stderr when stdin is not such an object.
import Hawk from 'hawk';

function usage(message) {
    process.stderr.write(`hawk-authenticate: ${message}\n`);
    process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let input;
try {
    input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
} catch (err) {
    usage(`stdin is not JSON: ${err.message}`);
}
if (input === null || typeof input !== 'object') usage('stdin must hold one JSON object');
for (const field of ['method', 'resource', 'host', 'port', 'authorization', 'id', 'key']) {
    if (input[field] === undefined) usage(`missing field "${field}"`);
}

const request = {
    method: input.method,
    url: input.resource,
    headers: {
        host: `${input.host}:${input.port}`,
        authorization: input.authorization,
        ...(input.content_type !== undefined ? { 'content-type': input.content_type } : {}),
    },
};
const credentialsFunc = async (id) =>
    id === input.id ? { id: input.id, key: input.key, algorithm: 'sha256' } : null;
const options = input.payload !== undefined ? { payload: input.payload } : {};

let result;
try {
    const { credentials, artifacts } = await Hawk.server.authenticate(request, credentialsFunc, options);
    result = {
        ok: true,
        id: credentials.id,
        artifacts: {
            ts: artifacts.ts,
            nonce: artifacts.nonce,
            hash: artifacts.hash ?? null,
            ext: artifacts.ext ?? null,
            app: artifacts.app ?? null,
            dlg: artifacts.dlg ?? null,
        },
    };
} catch (err) {
    result = {
        ok: false,
        error: err.message,
        status: err.output?.statusCode ?? null,
        www_authenticate: err.output?.headers?.['WWW-Authenticate'] ?? null,
    };
}
process.stdout.write(JSON.stringify(result) + '\n');
