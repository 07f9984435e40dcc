/**
 * Acceptance (issue 6): every CLI reader of outside files — the plan's catalog, a station key or
 * request to trust, a witness file, an audit export and its key, certificates and keys, the Jump Client
 * list — fed random bytes, random JSON, shaped-but-huge content, damaged real files, devices and FIFOs,
 * with random option values; and random command lines. Every run exits 0–3, and no failure is INTERNAL_ERROR.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors.ts';
import { ferry } from '../helpers/cli.ts';
import { APPLIANCE_VERSIONS, catalogText, csvText, fileContent, KEY_FINGERPRINT, mostly, text, VERSIONS } from '../helpers/fuzz-inputs.ts';
import { tempDir } from '../helpers/temp.ts';

let root = '';
let data = '';
const real: Record<'export' | 'witnesses' | 'pem' | 'p12' | 'chain', Buffer> = {
  export: Buffer.alloc(0), witnesses: Buffer.alloc(0), pem: Buffer.alloc(0), p12: Buffer.alloc(0), chain: Buffer.alloc(0),
};
const special: string[] = [];
let passphrase = '';

beforeAll(async () => {
  root = tempDir('ferry-fuzz-cli-');
  data = join(root, 'data');
  expect((await ferry(data, 'station', 'init', '--name', 'Fuzz station')).code).toBe(0);
  for (const [kind, args] of [['export', ['audit', 'export']], ['witnesses', ['audit', 'witnesses']], ['pem', ['station', 'export']]] as const) {
    const file = join(root, `real-${kind}`);
    expect((await ferry(data, ...args, '--out', file)).code).toBe(0);
    real[kind] = readFileSync(file);
  }
  // A real certificate and PKCS#12, made by OpenSSL, for the damaged-file cases of `cert inspect`.
  const key = join(root, 'cert.key');
  const cert = join(root, 'cert.pem');
  const p12 = join(root, 'cert.p12');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert,
    '-subj', '/CN=support.example.com', '-days', '30'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-in', cert, '-inkey', key, '-out', p12, '-passout', 'pass:fuzz-2026'], { stdio: 'ignore' });
  real.p12 = readFileSync(p12);
  real.chain = Buffer.concat([readFileSync(cert), readFileSync(key)]);
  passphrase = join(root, 'passphrase');
  writeFileSync(passphrase, 'fuzz-2026\n');
  const fifo = join(root, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const large = join(root, 'large');
  writeFileSync(large, '');
  truncateSync(large, 17 * 1024 * 1024);
  special.push(root, '/dev/zero', fifo, join(root, 'missing'), large);
});

/** Real Ferry files with one byte changed, or cut short: the damage a medium does. */
const damaged = fc.record({ kind: fc.constantFrom('export', 'witnesses', 'pem', 'p12', 'chain') as fc.Arbitrary<keyof typeof real>, at: fc.nat(), byte: fc.nat(255), cut: fc.boolean() })
  .map(({ kind, at, byte, cut }) => {
    const bytes = Buffer.from(real[kind]);
    const i = at % Math.max(1, bytes.length);
    if (cut) return bytes.subarray(0, i);
    bytes[i] = byte;
    return bytes;
  });

let written = 0;
const fileWith = (content: string | Uint8Array): string => {
  const file = join(root, `in-${written++}`);
  writeFileSync(file, content);
  return file;
};
/** A bundle folder holding `path` (whatever it is) as its manifest. */
const bundleWith = (path: string): string => {
  const dir = join(root, `bundle-${written++}`);
  mkdirSync(dir);
  try {
    // A file's content is the manifest; a device, FIFO or folder is linked (and must be refused as such).
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) copyFileSync(path, join(dir, 'manifest.dsse.json'));
    else symlinkSync(path, join(dir, 'manifest.dsse.json'));
  } catch {
    // A path that cannot be linked: the folder without a manifest is a case of its own.
  }
  return dir;
};

/** A path to read: a fresh file with fuzzed content, or a device, FIFO, folder, missing or large file. */
const intact = fc.constantFrom('export', 'witnesses', 'pem', 'p12', 'chain') as fc.Arbitrary<keyof typeof real>;
const inputPath = fc.oneof(
  { arbitrary: fc.oneof(fileContent, damaged).map(fileWith), weight: 8 },
  { arbitrary: intact.map((kind) => fileWith(real[kind])), weight: 2 },
  { arbitrary: fc.nat().map((i) => special[i % special.length]!), weight: 1 },
);
const realKey = fc.constant(null).map(() => fileWith(real.pem));

/** One command line over the readers, with fuzzed files and option values. */
const readerCommand = fc.oneof(
  fc.tuple(fc.oneof({ arbitrary: catalogText.map(fileWith), weight: 3 }, { arbitrary: inputPath, weight: 1 }), mostly(APPLIANCE_VERSIONS), mostly(APPLIANCE_VERSIONS), mostly(VERSIONS), mostly(['24', '0.5', '0'])).map(([f, base, site, target, wait]) =>
    ['plan', '--catalog', f, '--base', base, '--site', site, `--target=${target}`, `--wait-hours=${wait}`]),
  fc.tuple(inputPath, mostly([KEY_FINGERPRINT, 'a'.repeat(64)]), fc.option(text())).map(([f, fp, name]) =>
    ['station', 'trust', f, `--fingerprint=${fp}`, ...(name === null ? [] : [`--name=${name}`])]),
  inputPath.map((f) => ['audit', 'verify', '--witness', f]),
  inputPath.map((f) => ['request', 'show', f]),
  // A bundle folder whose manifest is the fuzzed file (or a folder, a device, nothing).
  inputPath.map((f) => ['bundle', 'verify', bundleWith(f)]),
  inputPath.map((f) => ['bundle', 'import', bundleWith(f)]),
  fc.tuple(text(), mostly(['standalone', 'primary', 'traffic']), mostly(['support.example.com']), mostly(APPLIANCE_VERSIONS), fc.option(text()), fc.option(text())).map(([name, role, host, base, key, time]) =>
    ['appliance', 'add', `--name=${name}`, `--role=${role}`, `--hostname=${host}`, `--base=${base}`, `--site=${base}`,
      ...(key === null ? [] : [`--download-key=${key}`]), ...(time === null ? [] : [`--appliance-time=${time}`])]),
  fc.tuple(inputPath, fc.oneof({ arbitrary: realKey, weight: 3 }, { arbitrary: inputPath, weight: 1 })).map(([f, key]) => ['audit', 'verify-export', f, '--key', key]),
  // Certificates: one or two files, the right passphrase, a fuzzed one or none, host names to check.
  fc.tuple(fc.array(inputPath, { minLength: 1, maxLength: 2 }), fc.option(fc.oneof({ arbitrary: fc.constant(null).map(() => passphrase), weight: 2 }, { arbitrary: inputPath, weight: 1 })), fc.option(text()))
    .map(([files, pass, host]) => ['cert', 'inspect', ...files, ...(pass === null ? [] : ['--passphrase-file', pass]), ...(host === null ? [] : [`--host=${host}`])]),
  // The Jump Client list: a CSV-shaped or fuzzed file, a time or a fuzzed one, sometimes a mapping.
  fc.tuple(fc.oneof({ arbitrary: csvText.map(fileWith), weight: 3 }, { arbitrary: inputPath, weight: 1 }), mostly(['2026-03-15T18:00:00+01:00', '2026-03-15T17:00:00Z']),
    fc.option(mostly(['name=1,status=2', 'name=1,lastSeen=4,details=3', 'name=0', 'name=1,name=2', 'status=999999999999']))).map(([f, since, columns]) =>
    ['jumpclients', 'check', f, `--since=${since}`, ...(columns === null ? [] : [`--columns=${columns}`])]),
);

/** Random command lines from Ferry's words (never `--out` or `--data-dir`: nothing may be written outside the test's folder). */
const randomCommand = fc.array(fc.oneof(
  fc.constantFrom('plan', 'station', 'audit', 'init', 'show', 'export', 'trust', 'verify', 'verify-export', 'witnesses',
    '--catalog', '--base', '--site', '--target', '--wait-hours', '--redeploy-clients', '--fingerprint', '--name', '--witness', '--key', '--force', '--help', '-h',
    'cert', 'inspect', 'jumpclients', 'check', '--since', '--columns', '--passphrase-file', '--host', '--inventory', '--lang'),
  text(),
), { maxLength: 8 });

describe('fuzz: every CLI reader', () => {
  it('exits 0–3 with a catalogue code for any file and any option value, never INTERNAL_ERROR', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof({ arbitrary: readerCommand, weight: 4 }, { arbitrary: randomCommand, weight: 1 }), async (args) => {
      const r = await ferry(data, ...args, '--json');
      expect([0, 1, 2, 3], r.out + r.err).toContain(r.code);
      expect(r.out + r.err).not.toContain('INTERNAL_ERROR');
      const last = r.out.trim().split('\n').at(-1) ?? '';
      if (r.code !== 0 && last.startsWith('{')) {
        const failure = JSON.parse(last) as { ok?: boolean; error?: { code: string } };
        if (failure.ok === false) expect(ERROR_CODES).toContain(failure.error!.code);
      }
    }), { numRuns: 500, interruptAfterTimeLimit: 12_000 });
  });
});
