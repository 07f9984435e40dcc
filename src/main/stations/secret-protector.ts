/**
 * Protection of secrets at rest (station private key, later download keys). The Electron shell
 * supplies one backed by `safeStorage`; the CLI and the harness use a random file key with mode 0600
 * in the data directory, and say so.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, writeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';

/** Seals and opens small secrets. */
export interface SecretProtector {
  readonly kind: 'safeStorage' | 'file-key';
  /** The key file's path when `kind` is `file-key`. */
  readonly keyFile: string | null;
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const MAGIC = Buffer.from('FK1');

/** AES-256-GCM with a 32-byte key kept in `<dataDir>/secret.key` (mode 0600). */
export class FileKeyProtector implements SecretProtector {
  readonly kind = 'file-key' as const;
  readonly keyFile: string;
  private key: Buffer | null = null;

  constructor(dataDir: string) {
    this.keyFile = join(dataDir, 'secret.key');
  }

  private loadKey(create: boolean): Buffer {
    if (this.key) return this.key;
    if (!existsSync(this.keyFile)) {
      if (!create) throw new FerryError('SECRET_UNAVAILABLE', `The key file ${this.keyFile} is missing`);
      const fd = openSync(this.keyFile, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(this.keyFile, 0o600);
    }
    const key = readFileSync(this.keyFile);
    if (key.length !== 32) throw new FerryError('SECRET_UNAVAILABLE', `The key file ${this.keyFile} is damaged`);
    this.key = key;
    return key;
  }

  seal(secret: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(true), iv);
    const body = Buffer.concat([cipher.update(secret), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): Buffer {
    if (!sealed.subarray(0, 3).equals(MAGIC)) throw new FerryError('SECRET_UNAVAILABLE', 'Not sealed with a file key');
    const decipher = createDecipheriv('aes-256-gcm', this.loadKey(false), sealed.subarray(3, 15));
    decipher.setAuthTag(sealed.subarray(15, 31));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(31)), decipher.final()]);
    } catch {
      throw new FerryError('SECRET_UNAVAILABLE', `The secret does not open with ${this.keyFile}`);
    }
  }
}
