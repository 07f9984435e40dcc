/** Secrets sealed with Electron's `safeStorage` (OS keychain / DPAPI / libsecret). Shell only. */
import { safeStorage } from 'electron';
import type { SecretProtector } from '../stations/secret-protector.ts';

/**
 * A protector over safeStorage, or null when the OS offers no real keychain. On Linux without a
 * secret service safeStorage falls back to a hard-coded key ("basic_text"): no better than our file
 * key, and it would claim a protection it does not give, so the file key is used and shown instead.
 */
export function createSafeStorageProtector(): SecretProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return null;
  return {
    kind: 'safeStorage',
    keyFile: null,
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
