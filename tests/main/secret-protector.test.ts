import { chmodSync, mkdirSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, generateStationKeys, pemFromRaw, rawPublicKey } from '../../src/main/crypto/ed25519.ts';
import { createServices } from '../../src/main/services.ts';
import { describeKeyFile, FileKeyProtector, keyFileText } from '../../src/main/stations/secret-protector.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const posix = process.platform !== 'win32';

describe('file key protector', () => {
  it('keeps its key in a 0600 file and round-trips secrets', () => {
    const dir = tempDir();
    const p = new FileKeyProtector(dir);
    const sealed = p.seal(Buffer.from('station private key'));
    expect(sealed.toString()).not.toContain('station private key');
    expect(statSync(p.keyFile).mode & 0o777).toBe(0o600);
    expect(new FileKeyProtector(dir).open(sealed).toString()).toBe('station private key');
    expect(readdirSync(dir)).toEqual(['secret.key']);
  });

  it('refuses to open with another key or after tampering (SECRET_UNAVAILABLE)', () => {
    const a = new FileKeyProtector(tempDir());
    const sealed = a.seal(Buffer.from('secret'));
    const other = new FileKeyProtector(tempDir());
    other.seal(Buffer.from('x'));
    expect(() => other.open(sealed)).toThrow(expect.objectContaining({ code: 'SECRET_UNAVAILABLE' }));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => a.open(flipped)).toThrow(expect.objectContaining({ code: 'SECRET_UNAVAILABLE' }));
  });

  it.each([['5 bytes', 5], ['31 bytes', 31], ['33 bytes', 33], ['empty', 0]])('refuses a key file of the wrong length (%s) with SECRET_KEY_DAMAGED', (_label, size) => {
    const dir = tempDir();
    const p = new FileKeyProtector(dir);
    writeFileSync(p.keyFile, Buffer.alloc(size as number, 7), { mode: 0o600 });
    expect(() => p.seal(Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'SECRET_KEY_DAMAGED' }));
  });

  it('refuses a folder as the key file with SECRET_KEY_DAMAGED, not "use the desktop app"', () => {
    const dir = tempDir();
    const p = new FileKeyProtector(dir);
    mkdirSync(p.keyFile, { mode: 0o700 });
    expect(() => p.seal(Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'SECRET_KEY_DAMAGED', message: expect.stringMatching(/is a folder, not a regular file/) }));
    expect(describeKeyFile(p.keyFile)).toMatchObject({ kind: 'folder', mode: '0700' });
    expect(keyFileText(p.keyFile)).toMatch(/a folder, not a regular file: refused/);
  });

  it('reads the key when the services open, before any write takes the lock', async () => {
    const dir = tempDir();
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    const s = createServices({ dataDir: dir, create: false });
    renameSync(join(dir, 'secret.key'), join(dir, 'moved.key'));
    const { publicKey } = generateStationKeys();
    const raw = rawPublicKey(publicKey);
    expect(s.stations.trust(pemFromRaw(raw), fingerprintOf(raw)).fingerprint).toBe(fingerprintOf(raw));
    await s.close();
  });

  it('makes a first station’s key file when the services open, before station init takes the lock', async () => {
    const dir = join(tempDir(), 'data');
    const s = createServices({ dataDir: dir, create: true });
    expect(describeKeyFile(join(dir, 'secret.key'))).toMatchObject({ kind: 'file', size: 32, exposed: false });
    s.stations.init('Jump host');
    expect(s.audit.verify()).toMatchObject({ ok: true, keyConfirmed: true });
    await s.close();
  });

  it('describes the key file for `station show` as it is: mode, length, link', () => {
    const dir = tempDir();
    const p = new FileKeyProtector(dir);
    p.seal(Buffer.from('x'));
    expect(keyFileText(p.keyFile)).toBe(`file key ${p.keyFile} (mode 0600)`);
    writeFileSync(p.keyFile, 'short');
    expect(keyFileText(p.keyFile)).toMatch(/mode 0600, 5 bytes instead of 32: damaged, refused/);
  });

  it.skipIf(!posix).each([0o644, 0o640, 0o604, 0o660, 0o777])('refuses a key file with mode %o (SECRET_KEY_EXPOSED, says chmod 600)', (mode) => {
    const dir = tempDir();
    const sealed = new FileKeyProtector(dir).seal(Buffer.from('secret'));
    const p = new FileKeyProtector(dir);
    chmodSync(p.keyFile, mode);
    expect(() => p.open(sealed)).toThrow(expect.objectContaining({ code: 'SECRET_KEY_EXPOSED' }));
    expect(() => p.open(sealed)).toThrow(`chmod 600 ${p.keyFile}`);
    expect(describeKeyFile(p.keyFile)).toMatchObject({ mode: `0${mode.toString(8)}`, exposed: true });
    chmodSync(p.keyFile, 0o600);
    expect(p.open(sealed).toString()).toBe('secret');
  });

  it.skipIf(!posix)('refuses a key file that is a symbolic link, even to a 0600 file', () => {
    const real = new FileKeyProtector(tempDir());
    const sealed = real.seal(Buffer.from('secret'));
    const dir = tempDir();
    const linked = new FileKeyProtector(dir);
    symlinkSync(real.keyFile, linked.keyFile);
    expect(() => linked.open(sealed)).toThrow(expect.objectContaining({ code: 'SECRET_KEY_EXPOSED' }));
    expect(() => linked.seal(Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'SECRET_KEY_EXPOSED' }));
    expect(describeKeyFile(linked.keyFile)).toMatchObject({ mode: 'link', exposed: true });
  });

  it.skipIf(!posix)('issue 6.5: a 0644 key is refused by the CLI, and `station show` reports its real mode', async () => {
    const dir = tempDir();
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    expect((await ferry(dir, 'station', 'show')).out).toContain('(mode 0600)');
    const keyFile = join(dir, 'secret.key');
    chmodSync(keyFile, 0o644);
    const shown = await ferry(dir, 'station', 'show');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`mode 0644: others may use it, refused until: chmod 600 ${keyFile}`);
    const pem = join(tempDir(), 'other.pem');
    const other = tempDir();
    await ferry(other, 'station', 'init', '--name', 'Office');
    const exported = (await ferry(other, 'station', 'export', '--out', pem, '--json')).json<{ fingerprint: string }>();
    // Trusting appends an audit entry whose head is signed with the station key: the key must open.
    const trust = await ferry(dir, 'station', 'trust', pem, '--fingerprint', exported.fingerprint, '--json');
    expect(trust.code).toBe(3);
    expect(trust.json()).toMatchObject({ ok: false, error: { code: 'SECRET_KEY_EXPOSED' } });
  });
});
