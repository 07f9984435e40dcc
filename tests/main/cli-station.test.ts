import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signEnvelope } from '../../src/main/crypto/dsse.ts';
import { fingerprintOf, generateStationKeys, rawPublicKey } from '../../src/main/crypto/ed25519.ts';
import { formatFingerprint } from '../../src/shared/fingerprint.ts';
import { REQUEST_PAYLOAD_TYPE } from '../../src/shared/formats.ts';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** Two stations in two data directories; B's public key exported as PEM. */
async function twoStations() {
  const a = tempDir();
  const b = tempDir();
  expect((await ferry(a, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  expect((await ferry(b, 'station', 'init', '--name', 'Office PC')).code).toBe(0);
  // Outside both data directories: Ferry refuses to write into one (OUTPUT_NOT_WRITABLE).
  const pem = join(tempDir(), 'office.pem');
  const exported = await ferry(b, 'station', 'export', '--out', pem, '--json');
  return { a, b, pem, fingerprint: exported.json<{ fingerprint: string }>().fingerprint };
}

function signedRequest(name: string, tamper = false): { text: string; fingerprint: string } {
  const { publicKey, privateKey } = generateStationKeys();
  const raw = rawPublicKey(publicKey);
  const fingerprint = fingerprintOf(raw);
  const payload = {
    format: 1, id: crypto.randomUUID(), createdAt: new Date().toISOString(),
    station: { name, fingerprint, publicKey: raw.toString('base64') },
    site: 'support.example.com', appliances: [], target: { siteVersion: 'latest' }, have: [],
  };
  const envelope = signEnvelope(REQUEST_PAYLOAD_TYPE, Buffer.from(JSON.stringify(payload)), privateKey, fingerprint);
  if (tamper) envelope.payload = Buffer.from(JSON.stringify({ ...payload, site: 'evil.example.com' })).toString('base64');
  return { text: JSON.stringify(envelope), fingerprint };
}

describe('ferry station', () => {
  it('init creates a key pair whose fingerprint is the SHA-256 of the raw public key', async () => {
    const dir = tempDir();
    const shown = (await ferry(dir, 'station', 'init', '--name', 'Jump host', '--json')).json<{ fingerprint: string; publicKeyPem: string }>();
    const raw = Buffer.from(shown.publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').subarray(12);
    expect(shown.fingerprint).toBe(fingerprintOf(raw));
    expect((await ferry(dir, 'station', 'show', '--json')).json()).toEqual(shown);
  });

  it('init refuses to replace an existing station (exit 1, STATION_EXISTS)', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'One');
    const again = await ferry(dir, 'station', 'init', '--name', 'Two', '--json');
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'STATION_EXISTS' } });
  });

  it('show on an empty data directory is an environment problem (exit 3) and creates nothing', async () => {
    const dir = tempDir();
    const r = await ferry(dir, 'station', 'show', '--json');
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNUSABLE' } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('show on a database without a station says STATION_MISSING (exit 3)', async () => {
    const dir = tempDir();
    await createServices({ dataDir: dir }).close();
    const r = await ferry(dir, 'station', 'show', '--json');
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'STATION_MISSING' } });
  });

  it('export writes the public key as PEM SubjectPublicKeyInfo', async () => {
    const { pem } = await twoStations();
    expect(readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]{60}\n-----END PUBLIC KEY-----\n$/);
  });

  it('trust refuses a wrong fingerprint (exit 1) and trusts nothing', async () => {
    const { a, pem, fingerprint } = await twoStations();
    const wrong = fingerprint.slice(0, -1) + (fingerprint.endsWith('0') ? '1' : '0');
    const r = await ferry(a, 'station', 'trust', pem, '--fingerprint', wrong, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MISMATCH' } });
    const audit = await ferry(a, 'audit', 'verify', '--json');
    expect(audit.json()).toMatchObject({ ok: true, count: 1 });
  });

  it('trust accepts the right fingerprint typed with spaces, dashes and capitals', async () => {
    const { a, pem, fingerprint } = await twoStations();
    const typed = formatFingerprint(fingerprint).toUpperCase().replaceAll(' ', ' - ');
    const r = await ferry(a, 'station', 'trust', pem, '--fingerprint', typed, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ fingerprint, source: 'pem' });
    expect((await ferry(a, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 2 });
  });

  it('trust reads a signed request and takes the station name from it', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Office PC');
    const request = signedRequest('Jump host Leipzig');
    const file = join(dir, 'site.request.json');
    writeFileSync(file, request.text);
    const r = await ferry(dir, 'station', 'trust', file, '--fingerprint', request.fingerprint, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ name: 'Jump host Leipzig', source: 'request' });
  });

  it('trust refuses a request whose payload was altered after signing', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Office PC');
    const request = signedRequest('Jump host', true);
    const file = join(dir, 'x.request.json');
    writeFileSync(file, request.text);
    const r = await ferry(dir, 'station', 'trust', file, '--fingerprint', request.fingerprint, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
  });

  it('trust of a missing file is exit 3; of a non-key file exit 1', async () => {
    const { a, fingerprint } = await twoStations();
    expect((await ferry(a, 'station', 'trust', join(a, 'nope.pem'), '--fingerprint', fingerprint)).code).toBe(3);
    const junk = join(a, 'junk.pem');
    writeFileSync(junk, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
    const r = await ferry(a, 'station', 'trust', junk, '--fingerprint', fingerprint, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ error: { code: 'PUBLIC_KEY_INVALID' } });
  });
});

describe('ferry station, names and arguments (issue 6, defect 7)', () => {
  it('init with a refused name creates neither the folder nor a database', async () => {
    const dir = join(tempDir(), 'new');
    for (const name of ['', '   ', 'Jump\u200bhost', 'x'.repeat(81)]) {
      const r = await ferry(dir, 'station', 'init', '--name', name, '--json');
      expect(r.code, JSON.stringify(name)).toBe(2);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('a request whose station name hides a mark is refused as malformed (exit 1), and trusts nothing', async () => {
    const { a } = await twoStations();
    const request = signedRequest('\u200fRLM');
    const file = join(tempDir(), 'r.json');
    writeFileSync(file, request.text);
    const r = await ferry(a, 'station', 'trust', file, '--fingerprint', request.fingerprint, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'MANIFEST_MALFORMED' } });
    expect((await ferry(a, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 1 });
  });

  it('trust --name of only spaces is NAME_INVALID, not silently the request’s name', async () => {
    const { a, pem, fingerprint } = await twoStations();
    const r = await ferry(a, 'station', 'trust', pem, '--fingerprint', fingerprint, '--name', '   ', '--json');
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'NAME_INVALID' } });
  });

  it('an empty file argument is a usage error (exit 2)', async () => {
    const { a, fingerprint } = await twoStations();
    const r = await ferry(a, 'station', 'trust', '', '--fingerprint', fingerprint, '--json');
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });
});

describe('ferry station trust, as a person uses it', () => {
  it('a malformed fingerprint is FINGERPRINT_MALFORMED (exit 2); a wrong one never reveals the key’s own', async () => {
    const { a, pem, fingerprint } = await twoStations();
    const malformed = await ferry(a, 'station', 'trust', pem, '--fingerprint', '55d9 c531 xyz', '--json');
    expect(malformed.code).toBe(2);
    expect(malformed.json()).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MALFORMED' } });
    const wrong = fingerprint.slice(0, -1) + (fingerprint.endsWith('0') ? '1' : '0');
    const refused = await ferry(a, 'station', 'trust', pem, '--fingerprint', wrong, '--json');
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MISMATCH', details: { typed: wrong } } });
    expect(refused.out).not.toContain(fingerprint);
  });

  it('a file that is neither a key nor a request is PUBLIC_KEY_INVALID', async () => {
    const { a, fingerprint } = await twoStations();
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'shopping list\n');
    const r = await ferry(a, 'station', 'trust', file, '--fingerprint', fingerprint, '--json');
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'PUBLIC_KEY_INVALID' } });
  });

  it('trusting a station again keeps when it was first trusted and writes no second trust entry', async () => {
    const { a, pem, fingerprint } = await twoStations();
    const first = (await ferry(a, 'station', 'trust', pem, '--fingerprint', fingerprint, '--json')).json<{ name: string; trustedAt: string; alreadyTrusted: boolean }>();
    expect(first).toMatchObject({ name: formatFingerprint(fingerprint.slice(0, 8)), alreadyTrusted: false });
    const again = (await ferry(a, 'station', 'trust', pem, '--fingerprint', fingerprint, '--json')).json<{ trustedAt: string; alreadyTrusted: boolean }>();
    expect(again).toMatchObject({ trustedAt: first.trustedAt, alreadyTrusted: true });
    const renamed = (await ferry(a, 'station', 'trust', pem, '--fingerprint', fingerprint, '--name', 'Office', '--json')).json();
    expect(renamed).toMatchObject({ name: 'Office', trustedAt: first.trustedAt, alreadyTrusted: true });
    const log = await ferry(a, 'audit', 'verify', '--json');
    expect(log.json()).toMatchObject({ ok: true, count: 3 });
  });

  it('station show says when the key file is not a regular file', async () => {
    const { a } = await twoStations();
    rmSync(join(a, 'secret.key'));
    execFileSync('mkfifo', ['-m', '600', join(a, 'secret.key')]);
    const r = await ferry(a, 'station', 'show');
    expect(r.out).toMatch(/Key storage .*FIFO, not a regular file/);
  });
});

describe('ferry usage', () => {
  it('answers --help on every level with exit 0', async () => {
    const dir = tempDir();
    for (const args of [['--help'], ['station', '--help'], ['station', 'trust', '--help'], ['audit', 'export', '-h']]) {
      const r = await ferry(dir, ...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: ferry/);
    }
  });

  it('exits 2 for unknown commands, unknown flags and missing options', async () => {
    const dir = tempDir();
    expect((await ferry(dir, 'teleport')).code).toBe(2);
    expect((await ferry(dir, 'station', 'fly')).code).toBe(2);
    expect((await ferry(dir, 'station', 'show', '--colour')).code).toBe(2);
    const missing = await ferry(dir, 'station', 'init', '--json');
    expect(missing.code).toBe(2);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect((await ferry(dir, 'station', 'trust', '--fingerprint', 'ab')).code).toBe(2);
  });
});
