#!/usr/bin/env node
// Sends one Hawk-signed HTTP request, signed by hawk (the reference implementation), so tests can
// check that latchkey-server accepts what the reference client makes.
//
// usage: node tests/peers/hawk-request.mjs --url URL --id ID --key KEY [--method M]
//            [--content-type T --payload P] [--ext E] [--app A [--dlg D]] [--ts-offset SECONDS]
//   --method       default GET
//   --content-type, --payload
//                  sent as the request's Content-Type and body (UTF-8); the payload hash is
//                  included in the MAC when --payload is given (even an empty one)
//   --ext, --app, --dlg   Hawk's optional attributes
//   --ts-offset    shifts the client's clock, e.g. --ts-offset=-300 for a stale timestamp
// A value that starts with "-" must be written --option=VALUE (node's parseArgs); callers passing
// arbitrary payloads should always use that form.
// The MAC uses sha256 over the URL's host, port (80/443 when absent) and path+query as sent.
// Prints one JSON line and exits 0 whatever the HTTP status:
//   {"status":N,"body":"<response text>","www_authenticate":"<header>"|null,
//    "authorization":"<the Authorization header sent>"}
// Exits 1 with {"error":"<message>"} when no response came (connection refused...), and 2 with a
// message on stderr for bad arguments.
import { parseArgs } from 'node:util';
import Hawk from 'hawk';

function usage(message) {
    process.stderr.write(`hawk-request: ${message}\n`);
    process.exit(2);
}

let args;
try {
    ({ values: args } = parseArgs({
        options: {
            url: { type: 'string' },
            id: { type: 'string' },
            key: { type: 'string' },
            method: { type: 'string', default: 'GET' },
            'content-type': { type: 'string' },
            payload: { type: 'string' },
            ext: { type: 'string' },
            app: { type: 'string' },
            dlg: { type: 'string' },
            'ts-offset': { type: 'string' },
        },
        strict: true,
    }));
} catch (err) {
    usage(err.message);
}
for (const required of ['url', 'id', 'key']) {
    if (args[required] === undefined) usage(`--${required} is required`);
}

let url;
try {
    url = new URL(args.url);
} catch {
    usage(`not a URL: ${args.url}`);
}
const offsetSec = args['ts-offset'] === undefined ? 0 : Number(args['ts-offset']);
if (!Number.isFinite(offsetSec)) usage('--ts-offset wants a number of seconds');

// Hawk signs pathname + search exactly as fetch sends them (normalized by WHATWG URL parsing,
// which drops a bare trailing "?").
const hasPayload = args.payload !== undefined;
const { header } = Hawk.client.header(
    { protocol: url.protocol, hostname: url.hostname, port: url.port, pathname: url.pathname, search: url.search },
    args.method,
    {
        credentials: { id: args.id, key: args.key, algorithm: 'sha256' },
        ...(hasPayload ? { payload: args.payload, contentType: args['content-type'] ?? '' } : {}),
        ...(args.ext !== undefined ? { ext: args.ext } : {}),
        ...(args.app !== undefined ? { app: args.app } : {}),
        ...(args.dlg !== undefined ? { dlg: args.dlg } : {}),
        localtimeOffsetMsec: offsetSec * 1000,
    },
);

const headers = { authorization: header };
if (args['content-type'] !== undefined) headers['content-type'] = args['content-type'];

try {
    const response = await fetch(url, {
        method: args.method,
        headers,
        body: hasPayload ? args.payload : undefined,
        redirect: 'manual',
    });
    const body = await response.text();
    process.stdout.write(
        JSON.stringify({
            status: response.status,
            body,
            www_authenticate: response.headers.get('www-authenticate'),
            authorization: header,
        }) + '\n',
    );
} catch (err) {
    process.stdout.write(JSON.stringify({ error: String(err.cause?.message ?? err.message) }) + '\n');
    process.exit(1);
}
