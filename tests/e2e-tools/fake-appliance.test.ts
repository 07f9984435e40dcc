/**
 * The fake BeyondTrust appliance (e2e/fake-appliance) over real HTTPS: every endpoint, paging, every
 * switch, permissions, certificate rotation, the body limit, closing with keep-alive sockets, the CLI.
 * Each answer's served certificate is checked against the fake's `fingerprint`.
 */
import { spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'node:https';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFakeState, startFakeAppliance, type FakeAppliance, type FakeApplianceState, type FakeJumpClient } from '../../e2e/fake-appliance/fake-appliance.ts';

const NS = 'http://www.beyondtrust.com/sra/namespaces/API/command';
const SCRIPT = fileURLToPath(new URL('../../e2e/fake-appliance/fake-appliance.ts', import.meta.url));

let fake: FakeAppliance | null = null;
afterEach(async () => { await fake?.close(); fake = null; });

async function start(state?: FakeApplianceState): Promise<FakeAppliance> {
  fake = await startFakeAppliance(state);
  return fake;
}

interface Reply { status: number; headers: IncomingHttpHeaders; body: Buffer; text: string; fingerprint: string; cert: X509Certificate }
interface CallOptions { headers?: Record<string, string>; body?: string; token?: string; agent?: Agent; timeoutMs?: number }

/** One request on a fresh TLS connection (unless an agent is given); records the served certificate. */
function call(f: { port: number }, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: f.port, method, path, headers, rejectUnauthorized: false, agent: options.agent ?? false }, (res) => {
      const raw = (res.socket as TLSSocket).getPeerCertificate().raw;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8'), fingerprint: createHash('sha256').update(raw).digest('hex'), cert: new X509Certificate(raw) });
      });
    });
    req.on('error', reject);
    if (options.timeoutMs !== undefined) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    req.end(options.body);
  });
}

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function tokenCall(f: FakeAppliance, secret = f.state.clientSecret): Promise<Reply> {
  return call(f, 'POST', '/oauth2/token', {
    headers: { authorization: basic(f.state.clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
}

async function token(f: FakeAppliance): Promise<string> {
  const reply = await tokenCall(f);
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.text) as { access_token: string }).access_token;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, isArray: (name) => name === 'ip' || name === 'permission' });
type XmlNode = Record<string, unknown>;

/** The reply's XML (checked well-formed), as the root element's object. */
function xmlRoot(reply: Reply, root: string): XmlNode {
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toMatch(/^application\/xml/);
  expect(XMLValidator.validate(reply.text)).toBe(true);
  const doc = parser.parse(reply.text) as XmlNode;
  const node = doc[root] as XmlNode;
  expect(node['@_xmlns']).toBe(NS);
  return node;
}

/** A raw request on a TLS socket; the whole answer as text. */
function raw(f: { port: number }, requestText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port: f.port, rejectUnauthorized: false }, () => socket.write(requestText));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => { out += d; });
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('fake appliance: TLS', () => {
  it('serves a self-signed certificate for 127.0.0.1 whose SHA-256 is `fingerprint`, on the address it reports', async () => {
    const f = await start();
    expect(f.url).toBe(`https://127.0.0.1:${f.port}`);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const reply = await call(f, 'GET', '/check_health');
    expect(reply.fingerprint).toBe(f.fingerprint);
    expect(reply.cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(reply.cert.checkIssued(reply.cert)).toBe(true);
  });

  it('rotateCertificate serves a new certificate on the same port and updates `fingerprint`', async () => {
    const f = await start();
    const before = f.fingerprint;
    const port = f.port;
    expect((await call(f, 'GET', '/check_health')).fingerprint).toBe(before);
    await f.rotateCertificate();
    expect(f.port).toBe(port);
    expect(f.fingerprint).not.toBe(before);
    const after = await call(f, 'GET', '/check_health');
    expect(after.status).toBe(200);
    expect(after.fingerprint).toBe(f.fingerprint);
    await f.rotateCertificate();
    expect((await call(f, 'GET', '/check_health')).fingerprint).toBe(f.fingerprint);
  });
});

describe('fake appliance: OAuth token', () => {
  it('issues a Bearer token for the right client credentials', async () => {
    const f = await start();
    const reply = await tokenCall(f);
    expect(reply.status).toBe(200);
    expect(reply.fingerprint).toBe(f.fingerprint);
    expect(reply.headers['content-type']).toBe('application/json');
    const body = JSON.parse(reply.text) as { access_token: unknown; token_type: unknown; expires_in: unknown };
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    expect(await token(f)).not.toBe(body.access_token);
  });

  it('answers 401 invalid_client to a wrong secret, an unknown client or no credentials; 400 to another grant type', async () => {
    const f = await start();
    const wrong = await tokenCall(f, 'not-the-secret');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text)).toEqual({ error: 'invalid_client' });
    const unknown = await call(f, 'POST', '/oauth2/token', { headers: { authorization: basic('someone', f.state.clientSecret) }, body: 'grant_type=client_credentials' });
    expect(unknown.status).toBe(401);
    expect((await call(f, 'POST', '/oauth2/token', { body: 'grant_type=client_credentials' })).status).toBe(401);
    expect((await call(f, 'POST', '/oauth2/token', { headers: { authorization: 'Basic %%%' }, body: 'grant_type=client_credentials' })).status).toBe(401);
    const grant = await call(f, 'POST', '/oauth2/token', { headers: { authorization: basic(f.state.clientId, f.state.clientSecret) }, body: 'grant_type=password' });
    expect(grant.status).toBe(400);
    expect((await call(f, 'GET', '/oauth2/token')).status).toBe(405);
  });

  it('a changed secret refuses the old one', async () => {
    const f = await start();
    const old = f.state.clientSecret;
    f.state.clientSecret = 'regenerated';
    expect((await tokenCall(f, old)).status).toBe(401);
    expect((await tokenCall(f, 'regenerated')).status).toBe(200);
  });

  it('API calls without, with an unknown or with a malformed bearer token answer 401', async () => {
    const f = await start();
    for (const path of ['/api/command?action=check_health', '/api/command?action=get_api_info', '/api/backup', '/api/config/v1/jump-client']) {
      expect((await call(f, 'GET', path)).status).toBe(401);
      expect((await call(f, 'GET', path, { token: 'made-up' })).status).toBe(401);
      expect((await call(f, 'GET', path, { headers: { authorization: basic(f.state.clientId, f.state.clientSecret) } })).status).toBe(401);
    }
    const t = await token(f);
    expect((await call(f, 'GET', '/api/command?action=check_health', { token: t })).status).toBe(200);
  });
});

describe('fake appliance: command API', () => {
  it('check_health of a standalone appliance: id, host name, version, success, role none, no failover elements', async () => {
    const f = await start();
    const reply = await call(f, 'GET', '/api/command?action=check_health', { token: await token(f) });
    expect(reply.fingerprint).toBe(f.fingerprint);
    expect(reply.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const root = xmlRoot(reply, 'check_health');
    expect(root.appliance).toEqual({ '#text': f.state.health.hostname, '@_id': f.state.health.id });
    expect(root.version).toBe('24.1.2 (build 12345)');
    expect(root.success).toBe('1');
    expect(root.failover_role).toBe('none');
    for (const absent of ['error_message', 'enabled_shared_ips', 'last_data_sync_time', 'last_data_sync_status']) expect(root).not.toHaveProperty(absent);
  });

  it('check_health follows state changes: failover role, shared IPs, last sync, failure with a message (escaped)', async () => {
    const f = await start();
    const t = await token(f);
    f.state.health = {
      ...f.state.health,
      version: '24.3.1 (build 23456)',
      success: false,
      errorMessage: 'Backup <appliance> & sync "failed"',
      failoverRole: 'primary',
      sharedIps: ['10.0.0.10', '10.0.0.11'],
      lastDataSync: { at: '2025-03-04T05:06:07Z', status: 'Success' },
    };
    const root = xmlRoot(await call(f, 'GET', '/api/command?action=check_health', { token: t }), 'check_health');
    expect(root.version).toBe('24.3.1 (build 23456)');
    expect(root.success).toBe('0');
    expect(root.error_message).toBe('Backup <appliance> & sync "failed"');
    expect(root.failover_role).toBe('primary');
    expect(root.enabled_shared_ips).toEqual({ ip: ['10.0.0.10', '10.0.0.11'] });
    expect(root.last_data_sync_time).toEqual({ '#text': '2025-03-04T05:06:07Z', '@_ts': String(Date.UTC(2025, 2, 4, 5, 6, 7) / 1000) });
    expect(root.last_data_sync_status).toBe('Success');

    f.state.health.failoverRole = 'backup';
    const backup = xmlRoot(await call(f, 'GET', '/api/command?action=check_health', { token: t }), 'check_health');
    expect(backup.failover_role).toBe('backup');

    f.state.health.failoverRole = 'none';
    const none = xmlRoot(await call(f, 'GET', '/api/command?action=check_health', { token: t }), 'check_health');
    expect(none).not.toHaveProperty('enabled_shared_ips');
    expect(none).not.toHaveProperty('last_data_sync_time');
  });

  it('get_api_info: api_version, a current unix timestamp, one permission element per permission', async () => {
    const f = await start();
    const t = await token(f);
    const root = xmlRoot(await call(f, 'GET', '/api/command?action=get_api_info', { token: t }), 'get_api_info');
    expect(root.api_version).toBe('1.24.1');
    expect(Math.abs(Number(root.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect((root.permissions as XmlNode).permission).toEqual([
      { '@_name': 'perm_backup', '@_value': '1' },
      { '@_name': 'perm_command', '@_value': 'full' },
      { '@_name': 'perm_configuration', '@_value': '1' },
    ]);
    f.state.apiVersion = '1.25.0';
    f.state.permissions = { perm_backup: '0', perm_command: 'read_only', perm_configuration: '0' };
    const changed = xmlRoot(await call(f, 'GET', '/api/command?action=get_api_info', { token: t }), 'get_api_info');
    expect(changed.api_version).toBe('1.25.0');
    expect((changed.permissions as XmlNode).permission).toEqual([
      { '@_name': 'perm_backup', '@_value': '0' },
      { '@_name': 'perm_command', '@_value': 'read_only' },
      { '@_name': 'perm_configuration', '@_value': '0' },
    ]);
  });

  it('an unknown or missing action answers 400; another method 405', async () => {
    const f = await start();
    const t = await token(f);
    expect((await call(f, 'GET', '/api/command?action=restart', { token: t })).status).toBe(400);
    expect((await call(f, 'GET', '/api/command', { token: t })).status).toBe(400);
    expect((await call(f, 'POST', '/api/command?action=check_health', { token: t })).status).toBe(405);
  });
});

describe('fake appliance: backup', () => {
  it('GET answers the backup bytes as an .nsb attachment', async () => {
    const f = await start();
    const reply = await call(f, 'GET', '/api/backup', { token: await token(f) });
    expect(reply.status).toBe(200);
    expect(reply.fingerprint).toBe(f.fingerprint);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.nsb"$/);
    expect(reply.body.equals(f.state.backup)).toBe(true);
    expect(f.backupPasswords).toEqual([]);
  });

  it('POST with {"password"} records the password and still answers the bytes; other bodies record nothing', async () => {
    const f = await start();
    const t = await token(f);
    const reply = await call(f, 'POST', '/api/backup', { token: t, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'Sekret "1" ü' }) });
    expect(reply.status).toBe(200);
    expect(reply.body.equals(f.state.backup)).toBe(true);
    expect(f.backupPasswords).toEqual(['Sekret "1" ü']);
    for (const body of ['not json', '{"password": 5}', '[]', 'null', '']) {
      const other = await call(f, 'POST', '/api/backup', { token: t, body });
      expect(other.status).toBe(200);
      expect(other.body.equals(f.state.backup)).toBe(true);
    }
    expect(f.backupPasswords).toEqual(['Sekret "1" ü']);
    f.state.backup = Buffer.from('another backup');
    expect((await call(f, 'GET', '/api/backup', { token: t })).text).toBe('another backup');
  });
});

describe('fake appliance: jump clients', () => {
  it('pages 250 clients as 100 + 100 + 50 with the total header; past the end is empty', async () => {
    const f = await start();
    const t = await token(f);
    const seen: FakeJumpClient[] = [];
    for (const [page, size] of [[1, 100], [2, 100], [3, 50]] as const) {
      const reply = await call(f, 'GET', `/api/config/v1/jump-client?per_page=100&current_page=${page}`, { token: t });
      expect(reply.status).toBe(200);
      expect(reply.fingerprint).toBe(f.fingerprint);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.headers['x-bt-pagination-total']).toBe('250');
      const clients = JSON.parse(reply.text) as FakeJumpClient[];
      expect(clients).toHaveLength(size);
      seen.push(...clients);
    }
    expect(seen).toEqual(f.state.jumpClients);
    expect(new Set(seen.map((c) => c.id)).size).toBe(250);
    const past = await call(f, 'GET', '/api/config/v1/jump-client?per_page=100&current_page=4', { token: t });
    expect(JSON.parse(past.text)).toEqual([]);
    expect(past.headers['x-bt-pagination-total']).toBe('250');
  });

  it('each client has the documented fields and types; the list mixes needs_update', async () => {
    const f = await start();
    const reply = await call(f, 'GET', '/api/config/v1/jump-client?per_page=250&current_page=1', { token: await token(f) });
    const clients = JSON.parse(reply.text) as Record<string, unknown>[];
    expect(clients).toHaveLength(250);
    for (const c of clients) {
      expect(Object.keys(c).sort()).toEqual(['fqdn', 'id', 'jump_group_id', 'last_connect_timestamp', 'name', 'needs_update', 'operating_system']);
      expect(typeof c.id).toBe('number');
      expect(typeof c.needs_update).toBe('boolean');
      expect(typeof c.jump_group_id).toBe('number');
      expect(c.last_connect_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Number.isFinite(Date.parse(String(c.last_connect_timestamp)))).toBe(true);
    }
    const stale = clients.filter((c) => c.needs_update === true).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(250);
    expect(new Set(clients.map((c) => c.last_connect_timestamp)).size).toBeGreaterThan(50);
  });

  it('follows state changes and refuses bad paging parameters with 400', async () => {
    const f = await start();
    const t = await token(f);
    f.state.jumpClients = f.state.jumpClients.slice(0, 3);
    const reply = await call(f, 'GET', '/api/config/v1/jump-client?per_page=2&current_page=2', { token: t });
    expect(reply.headers['x-bt-pagination-total']).toBe('3');
    expect((JSON.parse(reply.text) as FakeJumpClient[]).map((c) => c.id)).toEqual([3]);
    for (const query of ['per_page=0', 'per_page=-1', 'current_page=0', 'per_page=abc', 'current_page=1.5', 'per_page=1e3']) {
      expect((await call(f, 'GET', `/api/config/v1/jump-client?${query}`, { token: t })).status).toBe(400);
    }
  });
});

describe('fake appliance: unauthenticated health, unknown paths, bad input', () => {
  it('GET /check_health answers 200 OK without authentication, 500 when unhealthy', async () => {
    const f = await start();
    const ok = await call(f, 'GET', '/check_health');
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('OK');
    f.state.health.success = false;
    expect((await call(f, 'GET', '/check_health')).status).toBe(500);
  });

  it('any other path answers 404, with or without a token', async () => {
    const f = await start();
    const t = await token(f);
    for (const path of ['/', '/api', '/api/config/v1/jump-group', '/api/command/', '/oauth2/token/x', '/check_health/x']) {
      expect((await call(f, 'GET', path)).status).toBe(404);
      expect((await call(f, 'GET', path, { token: t })).status).toBe(404);
    }
  });

  it('a request target that is not a path answers 400, a garbled request line 400, and the server goes on', async () => {
    const f = await start();
    expect(await raw(f, 'GET nonsense HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(f, 'GET //x:99999/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(f, 'GARBAGE\x00\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(f, 'POST /oauth2/token HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect((await call(f, 'GET', '/check_health')).status).toBe(200);
  });

  it('a body over 1 MiB answers 413 (declared or streamed), and the server goes on', async () => {
    const f = await start();
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: f.port, method: 'POST', path: '/oauth2/token', headers: { 'content-length': String(2 * 1024 * 1024) }, rejectUnauthorized: false, agent: false }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: f.port, method: 'POST', path: '/api/backup', headers: { 'transfer-encoding': 'chunked' }, rejectUnauthorized: false, agent: false }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      });
      req.on('error', () => undefined);
      req.on('close', () => reject(new Error('closed without an answer')));
      req.write(Buffer.alloc(1024 * 1024 + 1024, 0x61));
    });
    expect(streamed).toBe(413);
    expect((await call(f, 'GET', '/check_health')).status).toBe(200);
  });

  it('records every request: method, path with query, authorization, body', async () => {
    const f = await start();
    const t = await token(f);
    await call(f, 'POST', '/api/backup', { token: t, body: '{"password":"p"}' });
    await call(f, 'GET', '/nowhere?x=1');
    expect(f.requests).toEqual([
      { method: 'POST', path: '/oauth2/token', authorization: basic(f.state.clientId, f.state.clientSecret), body: 'grant_type=client_credentials' },
      { method: 'POST', path: '/api/backup', authorization: `Bearer ${t}`, body: '{"password":"p"}' },
      { method: 'GET', path: '/nowhere?x=1', authorization: undefined, body: '' },
    ]);
  });
});

describe('fake appliance: permissions', () => {
  it('perm_command deny answers 403 to the command API; read_only is enough', async () => {
    const f = await start();
    const t = await token(f);
    f.state.permissions.perm_command = 'deny';
    expect((await call(f, 'GET', '/api/command?action=check_health', { token: t })).status).toBe(403);
    expect((await call(f, 'GET', '/api/command?action=get_api_info', { token: t })).status).toBe(403);
    expect((await call(f, 'GET', '/api/backup', { token: t })).status).toBe(200);
    f.state.permissions.perm_command = 'read_only';
    expect((await call(f, 'GET', '/api/command?action=check_health', { token: t })).status).toBe(200);
    expect((await call(f, 'GET', '/api/command?action=get_api_info', { token: t })).status).toBe(200);
  });

  it('perm_backup 0 answers 403 to the backup (GET and POST) and records no password', async () => {
    const f = await start();
    const t = await token(f);
    f.state.permissions.perm_backup = '0';
    const reply = await call(f, 'GET', '/api/backup', { token: t });
    expect(reply.status).toBe(403);
    expect(reply.body.length).toBeLessThan(100);
    expect((await call(f, 'POST', '/api/backup', { token: t, body: '{"password":"x"}' })).status).toBe(403);
    expect(f.backupPasswords).toEqual([]);
    expect((await call(f, 'GET', '/api/config/v1/jump-client', { token: t })).status).toBe(200);
  });

  it('perm_configuration 0 answers 403 to the jump-client list', async () => {
    const f = await start();
    const t = await token(f);
    f.state.permissions.perm_configuration = '0';
    expect((await call(f, 'GET', '/api/config/v1/jump-client?per_page=100&current_page=1', { token: t })).status).toBe(403);
    expect((await call(f, 'GET', '/api/command?action=check_health', { token: t })).status).toBe(200);
  });
});

describe('fake appliance: switches', () => {
  it('expireTokensOnNextCalls: tokens issued before answer 401 that many times, newer tokens work', async () => {
    const f = await start();
    const old = await token(f);
    f.switches.expireTokensOnNextCalls = 2;
    expect((await call(f, 'GET', '/api/command?action=check_health', { token: old })).status).toBe(401);
    const fresh = await token(f);
    expect((await call(f, 'GET', '/api/command?action=check_health', { token: fresh })).status).toBe(200);
    expect(f.switches.expireTokensOnNextCalls).toBe(1);
    expect((await call(f, 'GET', '/api/backup', { token: old })).status).toBe(401);
    expect(f.switches.expireTokensOnNextCalls).toBe(0);
    expect((await call(f, 'GET', '/api/backup', { token: old })).status).toBe(200);
    expect((await call(f, 'GET', '/api/config/v1/jump-client', { token: fresh })).status).toBe(200);
  });

  it('alwaysUnauthorized: every API call answers 401 even with a fresh token; the token endpoint still works', async () => {
    const f = await start();
    f.switches.alwaysUnauthorized = true;
    const t = await token(f);
    for (const path of ['/api/command?action=check_health', '/api/command?action=get_api_info', '/api/backup', '/api/config/v1/jump-client']) {
      expect((await call(f, 'GET', path, { token: t })).status).toBe(401);
    }
    expect((await call(f, 'GET', '/check_health')).status).toBe(200);
    f.switches.alwaysUnauthorized = false;
    expect((await call(f, 'GET', '/api/backup', { token: t })).status).toBe(200);
  });

  it('malformed: check_health and get_api_info XML and the jump-client JSON do not parse', async () => {
    const f = await start();
    const t = await token(f);
    f.switches.malformed = true;
    for (const action of ['check_health', 'get_api_info']) {
      const reply = await call(f, 'GET', `/api/command?action=${action}`, { token: t });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^application\/xml/);
      expect(XMLValidator.validate(reply.text)).not.toBe(true);
    }
    const list = await call(f, 'GET', '/api/config/v1/jump-client?per_page=100&current_page=1', { token: t });
    expect(list.status).toBe(200);
    expect(() => JSON.parse(list.text) as unknown).toThrow(SyntaxError);
    expect((await call(f, 'GET', '/api/backup', { token: t })).body.equals(f.state.backup)).toBe(true);
    f.switches.malformed = false;
    expect(XMLValidator.validate((await call(f, 'GET', '/api/command?action=check_health', { token: t })).text)).toBe(true);
  });

  it('delayMs: answers come that much later, a client timeout fires first, and close does not wait for it', async () => {
    const f = await start();
    f.switches.delayMs = 300;
    const began = Date.now();
    expect((await call(f, 'GET', '/check_health')).status).toBe(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
    f.switches.delayMs = 5_000;
    await expect(call(f, 'GET', '/check_health', { timeoutMs: 200 })).rejects.toThrow('client timeout');
    const pending = call(f, 'GET', '/check_health');
    await new Promise((r) => setTimeout(r, 100));
    const closing = Date.now();
    await f.close();
    fake = null;
    expect(Date.now() - closing).toBeLessThan(2_000);
    await expect(pending).rejects.toThrow();
  });

  it('serverError: every call, the token endpoint included, answers 500 with an HTML page', async () => {
    const f = await start();
    const t = await token(f);
    f.switches.serverError = true;
    for (const reply of [await tokenCall(f), await call(f, 'GET', '/check_health'), await call(f, 'GET', '/api/backup', { token: t }), await call(f, 'GET', '/api/command?action=check_health', { token: t })]) {
      expect(reply.status).toBe(500);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.text).toMatch(/^<!DOCTYPE html>/);
    }
  });

  it('rateLimited: every call answers 429 with Retry-After: 30', async () => {
    const f = await start();
    const t = await token(f);
    f.switches.rateLimited = true;
    for (const reply of [await tokenCall(f), await call(f, 'GET', '/check_health'), await call(f, 'GET', '/api/config/v1/jump-client', { token: t })]) {
      expect(reply.status).toBe(429);
      expect(reply.headers['retry-after']).toBe('30');
    }
  });

  it('redirectAway: every call answers 302 to https://elsewhere.example/', async () => {
    const f = await start();
    const t = await token(f);
    f.switches.redirectAway = true;
    for (const reply of [await tokenCall(f), await call(f, 'GET', '/check_health'), await call(f, 'GET', '/api/command?action=get_api_info', { token: t })]) {
      expect(reply.status).toBe(302);
      expect(reply.headers.location).toBe('https://elsewhere.example/');
    }
    f.switches.redirectAway = false;
    expect((await call(f, 'GET', '/check_health')).status).toBe(200);
  });
});

describe('fake appliance: lifecycle and defaults', () => {
  it('close ends keep-alive connections and stops listening', async () => {
    const f = await start();
    const agent = new Agent({ keepAlive: true });
    try {
      await call(f, 'GET', '/check_health', { agent });
      await call(f, 'GET', '/check_health', { agent });
      expect(Object.values(agent.freeSockets).flat().length).toBe(1);
      const began = Date.now();
      await f.close();
      fake = null;
      expect(Date.now() - began).toBeLessThan(2_000);
      await expect(call(f, 'GET', '/check_health')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      agent.destroy();
    }
  });

  it('defaultFakeState: standalone, 250 clients, ~200 KiB backup, all permissions; overrides replace fields; fresh objects each call', () => {
    const a = defaultFakeState();
    expect(a.health.failoverRole).toBe('none');
    expect(a.health.success).toBe(true);
    expect(a.jumpClients).toHaveLength(250);
    expect(a.backup.length).toBe(200 * 1024);
    expect(a.permissions).toEqual({ perm_backup: '1', perm_command: 'full', perm_configuration: '1' });
    const b = defaultFakeState({ apiVersion: '9.9', jumpClients: [] });
    expect(b.apiVersion).toBe('9.9');
    expect(b.jumpClients).toEqual([]);
    expect(b.health).not.toBe(a.health);
    expect(b.backup.equals(a.backup)).toBe(false);
  });

  it('starts with a given state object and keeps using it', async () => {
    const state = defaultFakeState({ clientId: 'c', clientSecret: 's' });
    const f = await start(state);
    expect(f.state).toBe(state);
    state.health.hostname = 'renamed.example.com';
    const root = xmlRoot(await call(f, 'GET', '/api/command?action=check_health', { token: await token(f) }), 'check_health');
    expect((root.appliance as XmlNode)['#text']).toBe('renamed.example.com');
  });

  it('the CLI starts the default appliance on --port and prints its url and fingerprint', async () => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', SCRIPT, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (d: string) => {
          text += d;
          if (text.includes('Ctrl+C')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      const url = /url:\s+(https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const fingerprint = /fingerprint:\s+([0-9a-f]{64})/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(fingerprint).toBeDefined();
      const port = Number(new URL(url ?? '').port);
      const reply = await call({ port }, 'GET', '/check_health');
      expect(reply.status).toBe(200);
      expect(reply.fingerprint).toBe(fingerprint);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
