/**
 * The appliance link (issue 13) against the fake HTTPS appliance (e2e/fake-appliance/): linking with
 * the certificate pinned (and a changed certificate refused), status of a standalone appliance and of
 * a failover pair, the settings backup into the vault with the right hash, the Jump Client list over
 * three pages, every failure code — and the secret never in clear in the data directory, the audit
 * log, a saved answer, stdout or stderr.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFakeState, startFakeAppliance, type FakeAppliance } from '../../e2e/fake-appliance/fake-appliance.ts';
import { ApplianceApi } from '../../src/main/appliance-link/appliance-api.ts';
import { checkFetchedClients } from '../../src/main/jumpclients/jumpclient-check.ts';
import { createServices } from '../../src/main/services.ts';
import { ferry, type CliRun } from '../helpers/cli.ts';

const SECRET = 'Sx9+fake/Secret-0123456789abcdefXYZ=';
const CLIENT_ID = 'e52a9aa6fc0508ddf3a40601a736b230a1bebcd1';

let root = '';
let data = '';
let secretFile = '';
const fakes: FakeAppliance[] = [];
/** Every CLI output of this file, searched for the secret at the end. */
const outputs: string[] = [];

async function run(...args: string[]): Promise<CliRun> {
  const r = await ferry(data, ...args);
  outputs.push(r.out, r.err);
  return r;
}

const errorCode = (r: CliRun) => (JSON.parse(r.out.trim().split('\n').at(-1)!) as { error: { code: string; details?: Record<string, unknown> } }).error;

async function addAppliance(name: string, role = 'standalone', site = '24.1.2'): Promise<void> {
  expect((await run('appliance', 'add', '--name', name, '--role', role, '--hostname', 'support.example.com', '--base', '7.2.0', '--site', site, '--json')).code).toBe(0);
}

async function linked(name: string, fake: FakeAppliance): Promise<void> {
  const r = await run('appliance', 'link', name, '--url', `${fake.url}/login`, '--client-id', CLIENT_ID, '--client-secret-file', secretFile, '--pin', fake.fingerprint, '--json');
  expect(r.code, r.out + r.err).toBe(0);
}

async function fake(overrides: Parameters<typeof defaultFakeState>[0] = {}): Promise<FakeAppliance> {
  const f = await startFakeAppliance(defaultFakeState({ clientId: CLIENT_ID, clientSecret: SECRET, ...overrides }));
  fakes.push(f);
  return f;
}

beforeAll(async () => {
  // One data directory for the whole file (the helper's temp dirs go after each test).
  root = mkdtempSync(join(tmpdir(), 'ferry-link-'));
  data = join(root, 'data');
  secretFile = join(root, 'secret.txt');
  writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
  expect((await run('station', 'init', '--name', 'Jump host')).code).toBe(0);
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  rmSync(root, { recursive: true, force: true });
});

describe('linking', () => {
  it('without --pin: the fingerprint is printed and the link refused (exit 1); a wrong pin and a wrong secret are refused; nothing is stored', async () => {
    const f = await fake();
    await addAppliance('Alpha');
    const unpinned = await run('appliance', 'link', 'Alpha', '--url', f.url, '--client-id', CLIENT_ID, '--client-secret-file', secretFile);
    expect(unpinned.code).toBe(1);
    expect(unpinned.out + unpinned.err).toContain(f.fingerprint);
    expect(unpinned.out + unpinned.err).toContain('LINK_NOT_PINNED');
    // A script sees the fingerprint in the error's details.
    const json = await run('appliance', 'link', 'Alpha', '--url', f.url, '--client-id', CLIENT_ID, '--client-secret-file', secretFile, '--json');
    expect(errorCode(json)).toMatchObject({ code: 'LINK_NOT_PINNED', details: { fingerprint: f.fingerprint } });
    // Nothing was sent to the appliance but the handshake: no token asked for.
    expect(f.requests).toEqual([]);

    const wrongPin = await run('appliance', 'link', 'Alpha', '--url', f.url, '--client-id', CLIENT_ID, '--client-secret-file', secretFile, '--pin', 'ab'.repeat(32), '--json');
    expect(wrongPin.code).toBe(1);
    expect(errorCode(wrongPin)).toMatchObject({ code: 'LINK_PIN_MISMATCH', details: { presented: f.fingerprint } });
    expect(f.requests).toEqual([]);

    const wrongSecretFile = join(root, 'wrong.txt');
    writeFileSync(wrongSecretFile, 'not-the-secret');
    const wrongSecret = await run('appliance', 'link', 'Alpha', '--url', f.url, '--client-id', CLIENT_ID, '--client-secret-file', wrongSecretFile, '--pin', f.fingerprint, '--json');
    expect(errorCode(wrongSecret).code).toBe('LINK_AUTH_FAILED');
    expect(errorCode(await run('appliance', 'status', 'Alpha', '--json')).code).toBe('LINK_MISSING');
  });

  it('with the pin as people write it (colons, capitals): linked, with the account\'s permissions; a renewed certificate is then refused', async () => {
    const f = await fake();
    await addAppliance('Beta');
    const pin = f.fingerprint.toUpperCase().match(/../g)!.join(':');
    const r = await run('appliance', 'link', 'Beta', '--url', f.url, '--client-id', CLIENT_ID, '--client-secret-file', secretFile, '--pin', pin, '--json');
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ name: 'Beta', origin: f.url, clientId: CLIENT_ID, pin: f.fingerprint, permissions: { perm_backup: '1', perm_command: 'full', perm_configuration: '1' } });
    expect((await run('appliance', 'status', 'Beta', '--json')).code).toBe(0);
    await f.rotateCertificate();
    const before = f.requests.length;
    const changed = await run('appliance', 'status', 'Beta', '--json');
    expect(changed.code).toBe(1);
    expect(errorCode(changed)).toMatchObject({ code: 'LINK_PIN_MISMATCH', details: { presented: f.fingerprint } });
    // Refused before a request (and the token in it) went to the other certificate's server.
    expect(f.requests.length).toBe(before);
  });
});

describe('status', () => {
  it('a standalone appliance: the documented JSON, the version compared with the inventory, the reading audited', async () => {
    const f = await fake();
    f.state.health = { ...f.state.health, version: '24.1.2 (build 41877)', failoverRole: 'none', success: true };
    delete f.state.health.lastDataSync;
    await addAppliance('Gamma', 'standalone', '23.3.1');
    await linked('Gamma', f);
    const r = await run('appliance', 'status', 'Gamma', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, unknown>;
    expect(s).toMatchObject({ name: 'Gamma', version: '24.1.2', failoverRole: 'none', success: true, lastDataSync: null, apiVersion: f.state.apiVersion, versionText: '24.1.2 (build 41877)', inventorySiteVersion: '23.3.1' });
    // The account's permissions as get_api_info said them at this reading (kept with it, so the app shows them later).
    expect(s['permissions']).toEqual({ perm_backup: '1', perm_command: 'full', perm_configuration: '1' });
    f.state.permissions = { ...f.state.permissions, perm_backup: '0' };
    const narrower = JSON.parse((await run('appliance', 'status', 'Gamma', '--json')).out) as Record<string, unknown>;
    expect(narrower['permissions']).toMatchObject({ perm_backup: '0' });
    const text = await run('appliance', 'status', 'Gamma');
    expect(text.out).toContain('the inventory says 23.3.1');
    const audit = await run('audit', 'export', '--out', join(root, 'audit-gamma.jsonl'));
    expect(audit.code).toBe(0);
    expect(readFileSync(join(root, 'audit-gamma.jsonl'), 'utf8')).toContain('appliance.statusRead');
  });

  it('a failover pair: roles, shared IPs, last data sync and its age; an unhealthy backup says why', async () => {
    const syncAt = new Date(Date.now() - 5 * 60_000);
    syncAt.setMilliseconds(0);
    const primary = await fake();
    primary.state.health = { ...primary.state.health, failoverRole: 'primary', sharedIps: ['10.0.0.10'], lastDataSync: { at: syncAt.toISOString(), status: 'Success' } };
    const backup = await fake();
    backup.state.health = { ...backup.state.health, failoverRole: 'backup', success: false, errorMessage: 'Data sync overdue', lastDataSync: { at: syncAt.toISOString(), status: 'Failed' } };
    await addAppliance('Pair A', 'primary');
    await addAppliance('Pair B', 'backup');
    await linked('Pair A', primary);
    await linked('Pair B', backup);
    const a = JSON.parse((await run('appliance', 'status', 'Pair A', '--json')).out) as Record<string, unknown>;
    const b = JSON.parse((await run('appliance', 'status', 'Pair B', '--json')).out) as Record<string, unknown>;
    expect(a).toMatchObject({ failoverRole: 'primary', success: true, sharedIps: ['10.0.0.10'], lastDataSync: { at: syncAt.toISOString(), status: 'Success' } });
    expect(a.syncAgeSeconds as number).toBeGreaterThanOrEqual(299);
    expect(a.syncAgeSeconds as number).toBeLessThan(400);
    expect(b).toMatchObject({ failoverRole: 'backup', success: false, errorMessage: 'Data sync overdue', lastDataSync: { status: 'Failed' } });
  });
});

describe('backup', () => {
  it('into the vault with the appliance\'s bytes and hash; the password is sent, never stored', async () => {
    const f = await fake();
    await addAppliance('Delta');
    await linked('Delta', f);
    const passwordFile = join(root, 'backup-password.txt');
    const password = 'Backup-Passwort-2026';
    writeFileSync(passwordFile, `${password}\n`);
    const r = await run('appliance', 'backup', 'Delta', '--password-file', passwordFile, '--json');
    expect(r.code, r.out + r.err).toBe(0);
    const result = JSON.parse(r.out) as { sha256: string; size: number };
    expect(result.sha256).toBe(createHash('sha256').update(f.state.backup).digest('hex'));
    expect(result.size).toBe(f.state.backup.length);
    expect(f.backupPasswords).toEqual([password]);
    const stored = join(data, 'vault', 'sha256', result.sha256.slice(0, 2), result.sha256);
    expect(createHash('sha256').update(readFileSync(stored)).digest('hex')).toBe(result.sha256);
    expect(statSync(stored).mode & 0o777).toBe(0o400);
    expect(findInDataDir(password)).toEqual([]);
    // Without a password the backup comes the same way; nothing is left in the staging folder.
    expect((await run('appliance', 'backup', 'Delta', '--json')).code).toBe(0);
    expect(readdirSync(join(data, 'vault', 'tmp'))).toEqual([]);
  });
});

describe('Jump Clients', () => {
  it('all pages of 250 clients, checked like the exported list', async () => {
    const f = await fake();
    await addAppliance('Epsilon');
    await linked('Epsilon', f);
    const since = '2026-03-15T18:00:00Z';
    const r = await run('jumpclients', 'fetch', 'Epsilon', '--since', since, '--json');
    const pages = f.requests.filter((q) => q.path.startsWith('/api/config/v1/jump-client'));
    // Three pages of clients, and the empty fourth that says the list has ended.
    expect(pages.map((q) => new URL(q.path, 'https://x').searchParams.get('current_page'))).toEqual(['1', '2', '3', '4']);
    const result = JSON.parse(r.out) as { total: number; upgraded: number; notUpgraded: { name: string; reason: string }[] };
    expect(result.total).toBe(f.state.jumpClients.length);
    // The oracle: the fixture itself, classified here without Ferry's reader.
    const cut = Date.parse(since);
    const expected = f.state.jumpClients.filter((c) => c.needs_update || !c.last_connect_timestamp || Date.parse(c.last_connect_timestamp) < cut)
      .map((c) => ({ name: c.name, reason: c.needs_update ? 'pending' : !c.last_connect_timestamp ? 'no-date' : 'not-since' }));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(f.state.jumpClients.length);
    expect(result.notUpgraded.map((s) => ({ name: s.name, reason: s.reason }))).toEqual(expected);
    expect(r.code).toBe(1);
    expect(result.upgraded).toBe(result.total - expected.length);
  });

  it('the check of fetched clients: pending wins, no time is no date, before the upgrade is not since', () => {
    const since = new Date('2026-03-15T18:00:00Z');
    const r = checkFetchedClients([
      { name: 'a', needsUpdate: true, lastConnect: '2026-03-16T00:00:00.000Z', lastConnectAt: new Date('2026-03-16T00:00:00Z') },
      { name: 'b', needsUpdate: false, lastConnect: null, lastConnectAt: null },
      { name: 'c', needsUpdate: false, lastConnect: '2026-03-15T17:59:59.000Z', lastConnectAt: new Date('2026-03-15T17:59:59Z') },
      { name: 'd', needsUpdate: false, lastConnect: '2026-03-15T18:00:00.000Z', lastConnectAt: new Date('2026-03-15T18:00:00Z') },
    ], since);
    expect(r.notUpgraded.map((s) => [s.name, s.reason, s.row])).toEqual([['a', 'pending', 1], ['b', 'no-date', 2], ['c', 'not-since', 3]]);
    expect(r).toMatchObject({ total: 4, upgraded: 1, counts: { pending: 1, 'no-date': 1, 'not-since': 1 } });
  });
});

describe('failures, each with its code', () => {
  it('a missing permission is said up front, before the call', async () => {
    const f = await fake();
    await addAppliance('Zeta');
    await linked('Zeta', f);
    f.state.permissions = { ...f.state.permissions, perm_backup: '0', perm_configuration: '0' };
    const backup = await run('appliance', 'backup', 'Zeta', '--json');
    expect(errorCode(backup)).toMatchObject({ code: 'LINK_PERMISSION_MISSING', details: { permission: 'perm_backup' } });
    expect(f.requests.some((q) => q.path.startsWith('/api/backup'))).toBe(false);
    expect(errorCode(await run('jumpclients', 'fetch', 'Zeta', '--since', '2026-03-15T18:00:00Z', '--json'))).toMatchObject({ code: 'LINK_PERMISSION_MISSING', details: { permission: 'perm_configuration' } });
    f.state.permissions = { ...f.state.permissions, perm_command: 'deny' };
    // The command API itself refused: get_api_info answers 403.
    expect(errorCode(await run('appliance', 'status', 'Zeta', '--json')).code).toBe('LINK_PERMISSION_MISSING');
  });

  it('malformed XML, a server error, a redirect: LINK_ANSWER_UNEXPECTED with the answer saved (secret blanked); 429: LINK_RATE_LIMITED', async () => {
    const f = await fake();
    await addAppliance('Eta');
    await linked('Eta', f);
    f.switches.malformed = true;
    const malformed = errorCode(await run('appliance', 'status', 'Eta', '--json'));
    expect(malformed.code).toBe('LINK_ANSWER_UNEXPECTED');
    const saved = malformed.details!.savedAnswer as string;
    expect(saved.startsWith(join(data, 'support', 'link-answers'))).toBe(true);
    expect(readFileSync(saved, 'utf8')).toContain('HTTP 200');
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    f.switches.malformed = false;
    f.switches.serverError = true;
    // The error page dumps the sign-in header (client id and secret in base64): saved, but blanked.
    f.switches.echoAuthorization = true;
    const failed = errorCode(await run('appliance', 'status', 'Eta', '--json'));
    expect(failed).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { status: 500 } });
    const page = readFileSync(failed.details!.savedAnswer as string, 'utf8');
    expect(page).toContain('Authorization: Basic [redacted]');
    expect(page).not.toContain(Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'));
    f.switches.serverError = false;
    f.switches.echoAuthorization = false;
    f.switches.redirectAway = true;
    expect(errorCode(await run('appliance', 'status', 'Eta', '--json'))).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { status: 302 } });
    f.switches.redirectAway = false;
    f.switches.rateLimited = true;
    const limited = await run('appliance', 'status', 'Eta', '--json');
    expect(limited.code).toBe(3);
    expect(errorCode(limited)).toMatchObject({ code: 'LINK_RATE_LIMITED', details: { retryAfterSeconds: 30 } });
    f.switches.rateLimited = false;
    expect(f.requests.some((q) => q.path.startsWith('/elsewhere'))).toBe(false);
  });

  it('a token refused early gets one new token and one retry; refused again, LINK_AUTH_FAILED — no third try', async () => {
    const f = await fake();
    const services = createServices({ dataDir: data, create: false, tasks: 'in-process' });
    try {
      await addAppliance('Theta');
      await linked('Theta', f);
      await services.links.status('Theta');
      const tokens = () => f.requests.filter((q) => q.path === '/oauth2/token').length;
      const first = tokens();
      f.switches.expireTokensOnNextCalls = 1;
      await services.links.status('Theta');
      expect(tokens()).toBe(first + 1);
      f.switches.alwaysUnauthorized = true;
      await expect(services.links.status('Theta')).rejects.toMatchObject({ code: 'LINK_AUTH_FAILED' });
      // The cached token failed, one new one was taken and failed too: two tokens, then no more.
      expect(tokens()).toBe(first + 2);
    } finally {
      await services.close();
    }
  });

  it('slow answers and a closed port: LINK_UNREACHABLE (exit 3)', async () => {
    const f = await fake();
    await addAppliance('Iota');
    await linked('Iota', f);
    const services = createServices({ dataDir: data, create: false, tasks: 'in-process', linkTimeoutMs: 300 });
    try {
      f.switches.delayMs = 2_000;
      await expect(services.links.status('Iota')).rejects.toMatchObject({ code: 'LINK_UNREACHABLE', details: { cause: 'timeout' } });
      f.switches.delayMs = 0;
    } finally {
      await services.close();
    }
    await f.close();
    fakes.splice(fakes.indexOf(f), 1);
    const closed = await run('appliance', 'status', 'Iota', '--json');
    expect(closed.code).toBe(3);
    expect(errorCode(closed).code).toBe('LINK_UNREACHABLE');
  });
});

describe('answers that only look right (review findings)', () => {
  it('a backup cut off (no length, connection closed) or a sign-in page is no backup; nothing goes into the vault', async () => {
    const f = await fake();
    await addAppliance('Kappa');
    await linked('Kappa', f);
    const vaultFiles = () => readdirSync(join(data, 'vault', 'sha256'), { recursive: true }).length;
    const before = vaultFiles();
    f.switches.backupFault = 'unframed';
    expect(errorCode(await run('appliance', 'backup', 'Kappa', '--json'))).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { what: 'backup' } });
    f.switches.backupFault = 'html';
    expect(errorCode(await run('appliance', 'backup', 'Kappa', '--json'))).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { what: 'backup' } });
    f.switches.backupFault = 'none';
    expect(vaultFiles()).toBe(before);
    expect(readdirSync(join(data, 'vault', 'tmp'))).toEqual([]);
  });

  it('a disk that fills up while the backup comes in: OUTPUT_NOT_WRITABLE, nothing half-written in the vault', async () => {
    const f = await fake();
    const dir = mkdtempSync(join(tmpdir(), 'ferry-link-full-'));
    try {
      expect((await ferry(dir, 'station', 'init', '--name', 'Full disk')).code).toBe(0);
      expect((await ferry(dir, 'appliance', 'add', '--name', 'Omikron', '--role', 'standalone', '--hostname', 'support.example.com', '--base', '7.2.0', '--site', '24.1.2')).code).toBe(0);
      expect((await ferry(dir, 'appliance', 'link', 'Omikron', '--url', f.url, '--client-id', CLIENT_ID, '--client-secret-file', secretFile, '--pin', f.fingerprint)).code).toBe(0);
      // No file of this process may grow beyond 190 KiB (the backup has 200 KiB): the last writes fail.
      const repo = join(import.meta.dirname, '..', '..');
      const child = spawn('bash', ['-c', 'ulimit -f 190; exec "$0" --disable-warning=ExperimentalWarning src/main/cli.ts "$@"', process.execPath,
        'appliance', 'backup', 'Omikron', '--json', '--data-dir', dir], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      outputs.push(out);
      expect(code).toBe(3);
      expect(errorCode({ code: code!, out, err: '', json: () => ({}) } as CliRun).code).toBe('OUTPUT_NOT_WRITABLE');
      // No vault file, no half-written one left behind.
      expect(existsSync(join(dir, 'vault', 'sha256')) ? readdirSync(join(dir, 'vault', 'sha256'), { recursive: true }) : []).toEqual([]);
      expect(readdirSync(join(dir, 'vault', 'tmp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('paging that repeats a page or miscounts is said so; pages smaller than asked still give every client', async () => {
    const f = await fake();
    await addAppliance('Lambda');
    await linked('Lambda', f);
    const since = ['--since', '2026-03-15T18:00:00Z', '--json'];
    f.switches.pagingFault = 'same-page';
    expect(errorCode(await run('jumpclients', 'fetch', 'Lambda', ...since))).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { what: 'jump-client' } });
    f.switches.pagingFault = 'total-lies';
    expect(errorCode(await run('jumpclients', 'fetch', 'Lambda', ...since))).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { what: 'jump-client' } });
    f.switches.pagingFault = 'small-pages';
    const small = await run('jumpclients', 'fetch', 'Lambda', ...since);
    expect((JSON.parse(small.out) as { total: number }).total).toBe(f.state.jumpClients.length);
    f.switches.pagingFault = 'none';
  });

  it('a token answer not as documented is saved without its token', async () => {
    const f = await fake();
    await addAppliance('My');
    await linked('My', f);
    f.switches.tokenWithoutType = true;
    const failed = errorCode(await run('appliance', 'status', 'My', '--json'));
    expect(failed).toMatchObject({ code: 'LINK_ANSWER_UNEXPECTED', details: { what: 'token' } });
    const saved = readFileSync(failed.details!.savedAnswer as string, 'utf8');
    expect(saved).toContain('"access_token":"[redacted]"');
    expect(saved).not.toMatch(/"access_token":"(?!\[redacted\])/);
    f.switches.tokenWithoutType = false;
  });

  it('another appliance answering at the linked address (its ID differs) is refused', async () => {
    const f = await fake();
    await addAppliance('Ny');
    await linked('Ny', f);
    expect((await run('appliance', 'status', 'Ny', '--json')).code).toBe(0);
    const linkedId = f.state.health.id;
    f.state.health = { ...f.state.health, id: 'ffffffff-0000-4000-8000-000000000000' };
    const other = await run('appliance', 'status', 'Ny', '--json');
    expect(other.code).toBe(1);
    expect(errorCode(other)).toMatchObject({ code: 'LINK_APPLIANCE_MISMATCH', details: { expected: linkedId, actual: 'ffffffff-0000-4000-8000-000000000000' } });
  });

  it('a server that drips its answer a byte at a time hits the whole-request deadline', async () => {
    const f = await fake();
    await addAppliance('Xi');
    await linked('Xi', f);
    const services = createServices({ dataDir: data, create: false, tasks: 'in-process', linkTimeoutMs: 200 });
    try {
      f.switches.dripMs = 50;
      const started = Date.now();
      await expect(services.links.status('Xi')).rejects.toMatchObject({ code: 'LINK_UNREACHABLE', details: { cause: 'timeout' } });
      // Each byte came well within the idle timeout: only the deadline (3 × 200 ms) ends it.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      f.switches.dripMs = 0;
      await services.close();
    }
  });
});

describe('the pin, byte by byte', () => {
  it('a server with another certificate receives not one byte after the handshake: no request, no token, no secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-raw-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1',
        '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '2'], { stdio: 'ignore' });
      let received = 0;
      const server = createTlsServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (socket) => {
        socket.on('data', (chunk: Buffer) => { received += chunk.length; });
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const api = new ApplianceApi({ origin: new URL(`https://127.0.0.1:${port}`), clientId: CLIENT_ID, secret: SECRET, pin: 'ab'.repeat(32) }, { timeoutMs: 2_000 });
      await expect(api.apiInfo()).rejects.toMatchObject({ code: 'LINK_PIN_MISMATCH' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      server.close();
      expect(received).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Files under the data directory whose bytes hold `text` (UTF-8 or base64). */
function findInDataDir(text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(Buffer.from(text).toString('base64'))];
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const bytes = readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) hits.push(p);
      }
    }
  };
  walk(data);
  return hits;
}

describe('the secret', () => {
  it('is never in clear in the data directory (database, WAL, saved answers), the audit export, stdout or stderr', async () => {
    expect(findInDataDir(SECRET)).toEqual([]);
    const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
    expect(findInDataDir(basic)).toEqual([]);
    const exported = join(root, 'audit-all.jsonl');
    expect((await run('audit', 'export', '--out', exported)).code).toBe(0);
    expect(readFileSync(exported, 'utf8')).not.toContain(SECRET);
    expect(readFileSync(exported, 'utf8')).toContain('appliance.linked');
    expect(outputs.length).toBeGreaterThan(20);
    for (const o of outputs) {
      expect(o).not.toContain(SECRET);
      expect(o).not.toContain(basic);
    }
  });
});
