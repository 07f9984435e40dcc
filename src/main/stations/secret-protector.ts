/**
 * Protection of secrets at rest (station private key, later download keys). The Electron shell
 * supplies one backed by `safeStorage`; the CLI and the harness use a random file key with mode 0600
 * in the data directory (key-file.ts), and say so.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FerryError } from '../../shared/errors.ts';
import { createKeyFile, describeKeyFile, fileKeyPath, readKeyFile } from './key-file.ts';

export { describeKeyFile, fileKeyPath, keyFileText } from './key-file.ts';

/** Seals and opens small secrets. */
export interface SecretProtector {
  readonly kind: 'safeStorage' | 'file-key';
  /** The key file's path when `kind` is `file-key`. */
  readonly keyFile: string | null;
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const MAGIC = Buffer.from('FK1');

/** Why a sealed secret did not open although the key could be read: it was sealed with another key or changed. */
const NOT_OPENING = 'does-not-open';

/**
 * Whether `error` says the secret itself does not open (tampered, or sealed under another key), as
 * opposed to the key being out of reach here (the keychain in the CLI, a missing or exposed key file).
 */
export function sealedSecretDoesNotOpen(error: unknown): boolean {
  return error instanceof FerryError && error.code === 'SECRET_UNAVAILABLE' && error.details?.reason === NOT_OPENING;
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
    if (create && describeKeyFile(this.keyFile).kind === null) createKeyFile(this.keyFile);
    this.key = readKeyFile(this.keyFile);
    return this.key;
  }

  /**
   * Reads the key now (with `create`, makes it first if missing), so that sealing and opening later,
   * under the database's write lock, touch no file. Throws what reading it would.
   */
  preload(create: boolean): void {
    this.loadKey(create);
  }

  seal(secret: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(true), iv);
    const body = Buffer.concat([cipher.update(secret), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): Buffer {
    if (!sealed.subarray(0, 3).equals(MAGIC)) throw new FerryError('SECRET_UNAVAILABLE', 'The secret is not sealed with a file key', { reason: NOT_OPENING });
    const key = this.loadKey(false);
    try {
      // Inside the try: a cut-short blob fails already at its IV or tag, and that is "does not open" too.
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(3, 15));
      decipher.setAuthTag(sealed.subarray(15, 31));
      return Buffer.concat([decipher.update(sealed.subarray(31)), decipher.final()]);
    } catch {
      throw new FerryError('SECRET_UNAVAILABLE', `The secret does not open with ${this.keyFile}`, { path: this.keyFile, reason: NOT_OPENING });
    }
  }
}

/** Opens a secret with the protector of the kind that sealed it; SECRET_UNAVAILABLE when this process has none. */
export function openSealed(protectors: readonly SecretProtector[], kind: SecretProtector['kind'], sealed: Uint8Array, what: string): Buffer {
  const protector = protectors.find((p) => p.kind === kind);
  if (!protector) throw new FerryError('SECRET_UNAVAILABLE', `The ${what} is protected by ${kind}, which this program cannot open`, { protection: kind });
  return protector.open(Buffer.from(sealed));
}
