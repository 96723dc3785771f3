// Checks the peer scripts' own contracts against hawk itself, so a failing C++ peer test points at
// the C++ side: hawk-request.mjs against a node server that authenticates with hawk, and
// hawk-authenticate.mjs on headers made by hawk's client. Run by CTest as peers_selftest.
//
// usage: node tests/peers/selftest.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Hawk from 'hawk';

const here = path.dirname(fileURLToPath(import.meta.url));
const credentials = { id: 'dh37fgj492je', key: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn', algorithm: 'sha256' };

function runScript(script, args, stdin) {
    return new Promise((resolve, reject) => {
        const child = execFile(process.execPath, [path.join(here, script), ...args], (err, stdout, stderr) => {
            if (err && err.code !== 1) {
                reject(new Error(`${script} failed (${err.code}): ${stderr}`));
                return;
            }
            const lines = stdout.trim().split('\n');
            assert.equal(lines.length, 1, `${script} prints one line, got: ${stdout}`);
            resolve({ code: err ? err.code : 0, json: JSON.parse(lines[0]) });
        });
        child.stdin.end(stdin ?? '');
    });
}

async function withHawkServer(fn) {
    const server = http.createServer(async (req, res) => {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const payload = Buffer.concat(chunks).toString('utf8');
        try {
            const { artifacts } = await Hawk.server.authenticate(
                req,
                async (id) => (id === credentials.id ? credentials : null),
                req.headers['content-type'] !== undefined ? { payload } : {},
            );
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ resource: artifacts.resource, ext: artifacts.ext ?? null, app: artifacts.app ?? null }));
        } catch (err) {
            res.writeHead(err.output.statusCode, err.output.headers);
            res.end(err.message);
        }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
        return await fn(`http://127.0.0.1:${server.address().port}`);
    } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    }
}

const signArgs = ['--id', credentials.id, '--key', credentials.key];

test('hawk-request: GET with a query is accepted by hawk', async () => {
    await withHawkServer(async (base) => {
        const { code, json } = await runScript('hawk-request.mjs', ['--url', `${base}/api/v2/whoami?a=1&b=x%20y`, ...signArgs, '--ext', 'some ext']);
        assert.equal(code, 0);
        assert.equal(json.status, 200, json.body);
        assert.deepEqual(JSON.parse(json.body), { resource: '/api/v2/whoami?a=1&b=x%20y', ext: 'some ext', app: null });
        assert.equal(json.www_authenticate, null);
        assert.match(json.authorization, /^Hawk id="dh37fgj492je", ts="\d+", nonce="[^"]+", ext="some ext", mac="[^"]+"$/);
    });
});

test('hawk-request: POST with a payload hash, app and dlg is accepted by hawk', async () => {
    await withHawkServer(async (base) => {
        const { json } = await runScript('hawk-request.mjs', [
            '--url', `${base}/api/v2/assets`, ...signArgs, '--method', 'POST',
            '--content-type', 'application/json; charset=utf-8', '--payload', '{"name":"Pump ü"}',
            '--app', 'app-1', '--dlg', 'dlg-1',
        ]);
        assert.equal(json.status, 200, json.body);
        assert.match(json.authorization, / hash="[^"]+"/);
        assert.equal(JSON.parse(json.body).app, 'app-1');
    });
});

test('hawk-request: a wrong key and a stale clock get hawk\'s challenges', async () => {
    await withHawkServer(async (base) => {
        const bad = await runScript('hawk-request.mjs', ['--url', `${base}/x`, '--id', credentials.id, '--key', 'wrong']);
        assert.equal(bad.json.status, 401);
        assert.equal(bad.json.www_authenticate, 'Hawk error="Bad mac"');
        const stale = await runScript('hawk-request.mjs', ['--url', `${base}/x`, ...signArgs, '--ts-offset=-300']);
        assert.equal(stale.json.status, 401);
        assert.match(stale.json.www_authenticate, /^Hawk ts="\d+", tsm="[^"]+", error="Stale timestamp"$/);
    });
});

test('hawk-request: no server gives exit 1 and an error line', async () => {
    const { code, json } = await runScript('hawk-request.mjs', ['--url', 'http://127.0.0.1:9/', ...signArgs]);
    assert.equal(code, 1);
    assert.equal(typeof json.error, 'string');
});

function authenticateInput(overrides = {}) {
    const resource = '/api/v2/assets?limit=10';
    const { header } = Hawk.client.header(`http://Example.COM:8080${resource}`, 'POST', {
        credentials,
        payload: '{"a":1}',
        contentType: 'application/json',
        ext: 'e',
    });
    return {
        method: 'POST', resource, host: 'example.com', port: 8080, authorization: header,
        id: credentials.id, key: credentials.key, content_type: 'application/json', payload: '{"a":1}',
        ...overrides,
    };
}

test('hawk-authenticate: accepts a header signed by hawk', async () => {
    const { code, json } = await runScript('hawk-authenticate.mjs', [], JSON.stringify(authenticateInput()));
    assert.equal(code, 0);
    assert.equal(json.ok, true, json.error);
    assert.equal(json.id, credentials.id);
    assert.equal(json.artifacts.ext, 'e');
});

test('hawk-authenticate: refuses tampering with hawk\'s messages', async () => {
    const cases = [
        [{ resource: '/api/v2/assets?limit=11' }, 'Bad mac', 401],
        [{ payload: '{"a":2}' }, 'Bad payload hash', 401],
        [{ key: 'other' }, 'Bad mac', 401],
        [{ id: 'someone-else' }, 'Unknown credentials', 401],
        [{ authorization: 'Hawk id="x"' }, 'Missing attributes', 400],
    ];
    for (const [overrides, error, status] of cases) {
        const { json } = await runScript('hawk-authenticate.mjs', [], JSON.stringify(authenticateInput(overrides)));
        assert.deepEqual({ ok: json.ok, error: json.error, status: json.status }, { ok: false, error, status }, JSON.stringify(overrides));
    }
});

test('hawk-authenticate: bad stdin is a usage error', async () => {
    await assert.rejects(runScript('hawk-authenticate.mjs', [], 'not json'), /failed \(2\)/);
});
