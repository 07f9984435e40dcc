import { statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FileKeyProtector } from '../../src/main/stations/secret-protector.ts';
import { tempDir } from '../helpers/temp.ts';

describe('file key protector', () => {
  it('keeps its key in a 0600 file and round-trips secrets', () => {
    const dir = tempDir();
    const p = new FileKeyProtector(dir);
    const sealed = p.seal(Buffer.from('station private key'));
    expect(sealed.toString()).not.toContain('station private key');
    expect(statSync(p.keyFile).mode & 0o777).toBe(0o600);
    expect(new FileKeyProtector(dir).open(sealed).toString()).toBe('station private key');
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
    writeFileSync(p.keyFile, 'short');
    expect(() => p.seal(Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'SECRET_UNAVAILABLE' }));
  });
});
