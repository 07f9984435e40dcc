/** Secrets sealed with Electron's `safeStorage` (OS keychain / DPAPI / libsecret). Shell only. */
import { safeStorage } from 'electron';
import type { SecretProtector } from '../stations/secret-protector.ts';

/** A protector over safeStorage, or null when the OS offers no encryption. */
export function createSafeStorageProtector(): SecretProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    kind: 'safeStorage',
    keyFile: null,
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
