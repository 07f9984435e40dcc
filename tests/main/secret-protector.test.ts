import { chmodSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeKeyFile, FileKeyProtector } from '../../src/main/stations/secret-protector.ts';
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

  it('refuses a damaged key file', () => {
    const dir = tempDir();
    const p = new FileKeyProtector(dir);
    writeFileSync(p.keyFile, 'short', { mode: 0o600 });
    expect(() => p.seal(Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'SECRET_UNAVAILABLE' }));
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
