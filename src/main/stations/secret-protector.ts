/**
 * Protection of secrets at rest (station private key, later download keys). The Electron shell
 * supplies one backed by `safeStorage`; the CLI and the harness use a random file key with mode 0600
 * in the data directory, and say so. Like ssh, a key file that others may read or write, or that is a
 * link, is refused (SECRET_KEY_EXPOSED) rather than used.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { createPrivateTemp, publishExclusive, removeStaleTemps, removeTemp } from '../store/exclusive-file.ts';

/** Seals and opens small secrets. */
export interface SecretProtector {
  readonly kind: 'safeStorage' | 'file-key';
  /** The key file's path when `kind` is `file-key`. */
  readonly keyFile: string | null;
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const MAGIC = Buffer.from('FK1');
const KEY_BYTES = 32;
// Windows has no POSIX modes: the data directory under %APPDATA% is protected by its ACL.
const CHECK_MODES = process.platform !== 'win32';

const exposed = (path: string, why: string) =>
  new FerryError('SECRET_KEY_EXPOSED', `The key file ${path} ${why}. Fix: chmod 600 ${path}`, { path, fix: `chmod 600 ${path}` });

/** Where the file key of a data directory lives. */
export function fileKeyPath(dataDir: string): string {
  return join(dataDir, 'secret.key');
}

/** The key file's permission bits as ssh prints them ("0600"), "link" for a link, null when missing. */
export function keyFileMode(path: string): string | null {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'link' : (stat.mode & 0o7777).toString(8).padStart(4, '0');
  } catch {
    return null;
  }
}

/** The key file as `station show` reports it: its real mode, and whether Ferry would refuse it. */
export function describeKeyFile(path: string): { path: string; mode: string | null; exposed: boolean } {
  const mode = keyFileMode(path);
  const exposed = mode === 'link' || (CHECK_MODES && mode !== null && (parseInt(mode, 8) & 0o077) !== 0);
  return { path, mode, exposed };
}

/** Reads the key, refusing a link, a non-file, and a file group or others may use. */
function readKeyFile(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new FerryError('SECRET_KEY_EXPOSED', `The key file ${path} is a link. Fix: replace the link with the file itself (mode 600)`, { path });
    }
    throw new FerryError('SECRET_UNAVAILABLE', `Cannot read the key file ${path}: ${code ?? (error as Error).message}`, { path });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FerryError('SECRET_UNAVAILABLE', `The key file ${path} is not a regular file`, { path });
    if (CHECK_MODES && (stat.mode & 0o077) !== 0) {
      throw exposed(path, `has mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}: others may read or change it`);
    }
    const key = Buffer.alloc(KEY_BYTES + 1);
    const n = readSync(fd, key, 0, key.length, 0);
    if (n !== KEY_BYTES) throw new FerryError('SECRET_UNAVAILABLE', `The key file ${path} is damaged (${n === KEY_BYTES + 1 ? 'too long' : `${n} bytes`})`, { path });
    return key.subarray(0, KEY_BYTES);
  } finally {
    closeSync(fd);
  }
}

/** Creates the key file whole or not at all; a key another process created first wins. */
function createKeyFile(path: string): void {
  removeStaleTemps(path);
  const tmp = createPrivateTemp(path);
  try {
    const fd = openSync(tmp, 'r+');
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
    publishExclusive(tmp, path);
  } finally {
    removeTemp(tmp);
  }
}

/** AES-256-GCM with a 32-byte key kept in `<dataDir>/secret.key` (mode 0600). */
export class FileKeyProtector implements SecretProtector {
  readonly kind = 'file-key' as const;
  readonly keyFile: string;
  private key: Buffer | null = null;

  constructor(dataDir: string) {
    this.keyFile = fileKeyPath(dataDir);
  }

  private loadKey(create: boolean): Buffer {
    if (this.key) return this.key;
    if (create && keyFileMode(this.keyFile) === null) createKeyFile(this.keyFile);
    if (!create && keyFileMode(this.keyFile) === null) throw new FerryError('SECRET_UNAVAILABLE', `The key file ${this.keyFile} is missing`, { path: this.keyFile });
    this.key = readKeyFile(this.keyFile);
    return this.key;
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
