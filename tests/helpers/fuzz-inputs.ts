/**
 * Inputs for the fuzz tests: file contents a hostile or broken medium could hold (random bytes,
 * random JSON, catalog-, envelope-, JSON-Lines- and PEM-shaped text with valid-but-huge values), and
 * strings and numbers for command-line options and IPC arguments.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { AUDIT_WITNESSES_PAYLOAD_TYPE, BUNDLE_PAYLOAD_TYPE, REQUEST_PAYLOAD_TYPE } from '../../src/shared/formats.ts';

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const pem = (kind: 'ed25519' | 'ec' | 'rsa') => {
  const options = kind === 'ec' ? { namedCurve: 'P-256' } : kind === 'rsa' ? { modulusLength: 1024 } : {};
  return generateKeyPairSync(kind as 'ed25519', options).publicKey.export({ format: 'pem', type: 'spki' }).toString();
};

/** Real public keys: an Ed25519 one Ferry accepts as a format, and EC / RSA ones it must refuse cleanly. */
export const KEYS = { ed25519: pem('ed25519'), ec: pem('ec'), rsa: pem('rsa') };

/** The fingerprint of `KEYS.ed25519` (SHA-256 of the raw key, the SPKI's last 32 bytes), so a trust can succeed. */
export const KEY_FINGERPRINT = createHash('sha256')
  .update(createPublicKey(KEYS.ed25519).export({ format: 'der', type: 'spki' }).subarray(-32)).digest('hex');

/** Values that are valid in form but extreme in size or shape. */
const HUGE = {
  version: Array.from({ length: 300 }, () => '999999999').join('.'),
  digits: '9'.repeat(400),
  name: 'Ä'.repeat(20_000),
  controls: 'name\u0000\u001b[2J\n\rFingerprint  0000\u202e\u2028',
};

/** Versions as appliances have them, and one valid but absurdly long. */
export const VERSIONS = ['12.0.0', '12.2.0', '13.1.0', '3.2.4', '3.3.2', '4.0.0', 'latest', HUGE.version];

/** A string that may be random, hostile, huge, or one of the shapes Ferry expects. */
export function text(known: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 64 }),
    fc.constantFrom('', ' ', '12.2.0', '3.2.4', 'latest', '0', '-1', '0x10', '1e3', 'Infinity', 'NaN', 'de', 'en', ...Object.values(HUGE)),
    fc.constantFrom('>=3.3.2 <4.0.0', '*', '||', '<4 || >=5', '>= 1', '=1.2.3', '>'),
    fc.uuid(),
    fc.stringMatching(/^[0-9a-f]{64}$/),
    fc.nat().map((i) => (known.length ? known[i % known.length]! : 'none')),
  );
}

/** A number that may be ordinary, fractional, negative, huge, or not finite. */
export const number: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 200 }), weight: 3 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.constantFrom(0, -0, 0.5, 24, -1, 2 ** 53, 1e308, Number.NaN, Number.POSITIVE_INFINITY), weight: 1 },
);

/** Mostly one of `values`, sometimes any string: valid enough to get deep, hostile enough to matter. */
export const mostly = (values: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 9 }, { arbitrary: text(), weight: 1 });

/** Appliance versions only (no `latest`). */
export const APPLIANCE_VERSIONS = VERSIONS.filter((v) => v !== 'latest');
const RANGES = ['>=3.3.2 <4.0.0', '>=12.0.0', '*', '<4 || >=12.2.0', `>=${HUGE.version}`];

/** A package entry built from `pick` (valid values only, or mostly valid ones). */
const packageEntry = (pick: (values: readonly string[]) => fc.Arbitrary<string>) => fc.record({
  name: pick(['BeyondTrust 13.1.0', 'Base Software 4.0.0', 'Integration Client 1.2', HUGE.name, HUGE.controls]),
  kind: pick(['base', 'site', 'license', 'other']),
  version: pick(APPLIANCE_VERSIONS),
  requires: fc.array(fc.record({ component: pick(['base', 'site', 'Integration Client']), range: pick(RANGES) }), { maxLength: 3 }),
  upgradesFrom: pick(RANGES),
}, { requiredKeys: ['name', 'kind', 'version'] });

/** A catalog: `{ packages: [...] }` with up to 20 entries, now and then one malformed. */
export const catalogText = fc.array(
  fc.oneof({ arbitrary: packageEntry((v) => fc.constantFrom(...v)), weight: 30 }, { arbitrary: packageEntry(mostly), weight: 1 }),
  { maxLength: 20 },
).map((packages) => JSON.stringify({ packages }));

/** A DSSE envelope around a random or request-shaped payload with random signatures. */
const envelope = fc.record({
  payloadType: fc.oneof(fc.constantFrom(REQUEST_PAYLOAD_TYPE, BUNDLE_PAYLOAD_TYPE, AUDIT_WITNESSES_PAYLOAD_TYPE), text()),
  payload: fc.oneof(
    fc.jsonValue().map((v) => b64(JSON.stringify(v))),
    fc.record({ format: fc.constant(1), station: fc.record({ name: text(), fingerprint: text(), publicKey: fc.constantFrom(b64(new Uint8Array(32)), '') }) })
      .map((v) => b64(JSON.stringify(v))),
    text(),
  ),
  signatures: fc.array(fc.record({ keyid: text(), sig: fc.uint8Array({ maxLength: 80 }).map(b64) }), { maxLength: 2 }),
}).map((e) => JSON.stringify(e));

/** JSON Lines as an audit export or witness file has them: random objects, some typed. */
const jsonLines = fc.array(
  fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('entry', 'signature', 'head'), seq: number, hash: text(), envelope: fc.jsonValue() })),
  { maxLength: 8 },
).map((lines) => lines.map((l) => JSON.stringify(l)).join('\n'));

/** PEM armour around random bytes, or a real key of an accepted or refused type. */
const pemText = fc.oneof(
  fc.uint8Array({ maxLength: 120 }).map((bytes) => `-----BEGIN PUBLIC KEY-----\n${b64(bytes)}\n-----END PUBLIC KEY-----\n`),
  fc.constantFrom(KEYS.ed25519, KEYS.ec, KEYS.rsa, `${KEYS.ed25519}${KEYS.ed25519}`),
);

/** A Jump Client list as the console might export it: separators, headers in both languages, dates, hostile cells. */
export const csvText = fc.tuple(
  fc.constantFrom(',', ';', '\t'),
  fc.array(fc.array(fc.oneof(
    { arbitrary: fc.constantFrom('Name', 'Status', 'Status Details', 'Last Check-In', 'Zuletzt gesehen', 'Upgrade Pending', 'Offline',
      '03/15/2026 6:00 PM', '15.03.2026 18:00', '2026-03-15T18:00:00Z', '=cmd|\' /C calc\'!A0', '"unterminated', '""', '\uFEFFName'), weight: 4 },
    { arbitrary: text(), weight: 1 },
  ), { maxLength: 6 }), { maxLength: 12 }),
).map(([separator, rows]) => rows.map((row) => row.join(separator)).join('\r\n'));

/** Certificate and key armour around random bytes, the shapes a certificate reader meets. */
const certPemText = fc.tuple(
  fc.constantFrom('CERTIFICATE', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PKCS7'),
  fc.uint8Array({ maxLength: 400 }),
).map(([label, bytes]) => `-----BEGIN ${label}-----\n${b64(bytes)}\n-----END ${label}-----\n`);

/** Any content a file from outside might have. */
export const fileContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  csvText,
  certPemText,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  catalogText,
  envelope,
  jsonLines,
  pemText,
);
