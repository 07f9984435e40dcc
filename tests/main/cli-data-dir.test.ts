import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { AUDIT_COMMANDS } from '../../src/main/cli/commands-audit.ts';
import { STATION_COMMANDS } from '../../src/main/cli/commands-station.ts';
import { fingerprintOf, generateStationKeys, rawPublicKey } from '../../src/main/crypto/ed25519.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

// Commands that read or write an existing data directory, with arguments that are otherwise valid.
const COMMANDS = ['station show', 'station export', 'station trust', 'audit verify', 'audit export', 'audit witnesses'];
function args(name: string): string[] {
  const out = join(tempDir(), 'out.file');
  const { publicKey } = generateStationKeys();
  const other = { pem: join(tempDir(), 'office.pem'), fingerprint: fingerprintOf(rawPublicKey(publicKey)) };
  writeFileSync(other.pem, publicKey.export({ format: 'pem', type: 'spki' }));
  const extra: Record<string, string[]> = {
    'station export': ['--out', out],
    'station trust': [other.pem, '--fingerprint', other.fingerprint],
    'audit export': ['--out', out],
    'audit witnesses': ['--out', out],
  };
  return [...name.split(' '), ...(extra[name] ?? [])];
}

async function expectUnusable(dir: string, args: string[], reason: string): Promise<void> {
  const r = await ferry(dir, ...args, '--json');
  expect({ code: r.code, error: r.json<{ error: { code: string; details: { reason?: string } } }>().error }).toMatchObject({
    code: 3, error: { code: 'DATA_DIR_UNUSABLE', details: { reason } },
  });
}

describe('a missing, empty or foreign data directory (issue 6.2)', () => {
  it('covers every command that opens the data directory', () => {
    const all = [...Object.keys(STATION_COMMANDS).map((c) => `station ${c}`), ...Object.keys(AUDIT_COMMANDS).map((c) => `audit ${c}`)];
    expect(all.filter((c) => c !== 'station init' && c !== 'audit verify-export').sort()).toEqual([...COMMANDS].sort());
  });

  it.each(COMMANDS)('%s on a folder that does not exist: DATA_DIR_UNUSABLE, nothing created', async (name) => {
    const dir = join(tempDir(), 'missing');
    await expectUnusable(dir, args(name), 'missing');
    expect(existsSync(dir)).toBe(false);
  });

  it.each(COMMANDS)('%s on an empty folder: DATA_DIR_UNUSABLE, no database created', async (name) => {
    const dir = tempDir();
    await expectUnusable(dir, args(name), 'missing');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(COMMANDS)('%s on a zero-byte ferry.db: DATA_DIR_UNUSABLE, the file left as it is', async (name) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ferry.db'), '');
    await expectUnusable(dir, args(name), 'empty');
    expect(readdirSync(dir)).toEqual(['ferry.db']);
    expect(statSync(join(dir, 'ferry.db')).size).toBe(0);
  });

  it.each(COMMANDS)('%s on a foreign SQLite file: DATA_DIR_UNUSABLE', async (name) => {
    const dir = tempDir();
    const db = new DatabaseSync(join(dir, 'ferry.db'));
    db.exec('CREATE TABLE photos (id INTEGER)');
    db.close();
    await expectUnusable(dir, args(name), 'foreign');
  });

  it('station init refuses a zero-byte ferry.db too, and says how to start afresh', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ferry.db'), '');
    await expectUnusable(dir, ['station', 'init', '--name', 'New'], 'empty');
    expect((await ferry(dir, 'station', 'init', '--name', 'New')).err).toMatch(/move the data directory aside and run "ferry station init" to start afresh/);
  });

  it('station init creates a missing folder, privately', async () => {
    const dir = join(tempDir(), 'a', 'data');
    expect((await ferry(dir, 'station', 'init', '--name', 'New')).code).toBe(0);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'ferry.db')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(dir).sort()).toEqual(['ferry.db', 'secret.key']);
  });
});

describe('a damaged database: one of Ferry’s tables dropped (review 5)', () => {
  it.each(['audit_head', 'audit_log', 'station', 'trusted_stations', 'settings', 'witnessed_heads'])('DROP TABLE %s: every command says DATA_DIR_UNUSABLE (damaged), never INTERNAL_ERROR', async (table) => {
    const dir = tempDir();
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    const db = new DatabaseSync(join(dir, 'ferry.db'));
    db.exec(`DROP TABLE ${table}`);
    db.close();
    for (const name of COMMANDS) await expectUnusable(dir, args(name), 'damaged');
    await expectUnusable(dir, ['station', 'init', '--name', 'Again'], 'damaged');
  });
});

describe.skipIf(process.platform === 'win32')('a data directory others may write to (review 7)', () => {
  it.each([['0777', 0o777], ['0770', 0o770], ['0775', 0o775], ['0757', 0o757]])('an existing folder with mode %s is refused by station init, with the fix, and nothing is created', async (_shown, mode) => {
    const dir = join(tempDir(), 'M');
    mkdirSync(dir);
    chmodSync(dir, mode as number);
    await expectUnusable(dir, ['station', 'init', '--name', 'M'], 'exposed');
    expect((await ferry(dir, 'station', 'init', '--name', 'M')).err).toContain(`chmod 700 ${dir}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a station folder opened to others later is refused by every command until chmod 700', async () => {
    const dir = tempDir();
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    chmodSync(dir, 0o777);
    for (const name of COMMANDS) await expectUnusable(dir, args(name), 'exposed');
    chmodSync(dir, 0o700);
    expect((await ferry(dir, 'audit', 'verify')).code).toBe(0);
  });

  it('a folder others may only read (0755) is used', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  });
});
