import { readFileSync } from 'node:fs';
import { renderErrorDocs } from '../../scripts/error-docs.ts';
import { describe, expect, it } from 'vitest';
import { createFerryApi } from '../../src/shared/bridge.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src/shared/channels.ts';
import { events, invoke } from '../../src/shared/contract.ts';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/shared/errors.ts';
import de from '../../src/renderer/src/i18n/de.json';
import en from '../../src/renderer/src/i18n/en.json';

const flat = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('contract', () => {
  it('names every channel domain:verb and lists exactly the channels that have schemas', () => {
    expect(Object.keys(invoke).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const c of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('builds window.ferry with one named function per channel that calls the transport', async () => {
    const calls: [string, unknown][] = [];
    const api = createFerryApi({
      invoke: async (channel, args) => { calls.push([channel, args]); return { ok: true, value: null }; },
      subscribe: () => () => undefined,
    });
    await api.station.show();
    await api.jobs.cancel({ jobId: '00000000-0000-4000-8000-000000000000' });
    expect(calls).toEqual([['station:show', {}], ['jobs:cancel', { jobId: '00000000-0000-4000-8000-000000000000' }]]);
    expect(Object.keys(api).sort()).toEqual(['app', 'appliance', 'audit', 'bundle', 'cert', 'files', 'jobs', 'jumpclients', 'link', 'media', 'on', 'plan', 'request', 'runbook', 'settings', 'station', 'vault']);
  });
});

/**
 * The codes the design fixed as public interface (CLI `--json`, scripts): they must exist forever.
 * Kept here as a literal list, independent of the catalogue it checks.
 */
const PUBLIC_CODES = `SIGNATURE_INVALID SIGNER_UNTRUSTED MANIFEST_EXPIRED MANIFEST_ROLLBACK MANIFEST_MALFORMED FILE_MISSING
  FILE_SIZE_MISMATCH FILE_HASH_MISMATCH PART_MISSING PATH_OUTSIDE_BUNDLE ARCHIVE_UNSAFE MEDIA_NOT_WRITABLE MEDIA_FULL
  MEDIA_FILE_TOO_LARGE REQUEST_MISMATCH PLAN_UNREACHABLE KEY_FORMAT_INVALID KEY_STALE CERT_UNREADABLE CERT_PASSPHRASE_WRONG
  CERT_KEY_MISMATCH CERT_KEY_MISSING CERT_CHAIN_INCOMPLETE CERT_CHAIN_ORDER CERT_ISSUER_NOT_CA CERT_EXPIRED
  CERT_NOT_YET_VALID CERT_EXPIRING_SOON CERT_HOST_MISMATCH CERT_WEAK_KEY CERT_WEAK_SIGNATURE CERT_SELF_SIGNED
  CSV_UNRECOGNISED AUDIT_CHAIN_BROKEN STEP_ORDER_VIOLATION JOB_CANCELLED JOB_ALREADY_RUNNING FINGERPRINT_MISMATCH
  STATION_MISSING STATION_EXISTS SECRET_UNAVAILABLE PUBLIC_KEY_INVALID USAGE DATA_DIR_UNUSABLE OUTPUT_NOT_WRITABLE
  VERSION_INVALID RANGE_INVALID CATALOG_INVALID PLAN_TOO_COMPLEX INTERNAL_ERROR IPC_INVALID_ARGUMENTS
  IPC_SENDER_UNKNOWN IPC_CHANNEL_UNKNOWN`.split(/\s+/);

describe('error codes', () => {
  it('keeps every public code, each with German and English texts', () => {
    expect(PUBLIC_CODES.length).toBeGreaterThan(50);
    for (const code of PUBLIC_CODES) expect(ERROR_CODES, code).toContain(code);
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOGUE[code];
      for (const text of [e.de.title, e.de.next, e.en.title, e.en.next]) expect(text.length, code).toBeGreaterThan(3);
    }
  });
});

describe('docs', () => {
  it('docs/errors.md is generated from the catalogue (run `npm run docs:errors` after adding a code)', () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(renderErrorDocs());
  });
});

describe('UI texts', () => {
  it('German and English have exactly the same keys', () => {
    expect(flat(de).sort()).toEqual(flat(en).sort());
  });
});
