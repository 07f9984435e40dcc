/**
 * Whether the station's stored public key belongs to its sealed private key. The head signature is
 * checked against the public key in `station`; someone with only `ferry.db` could put their own
 * public key there and sign a rewritten log with their own private key. The sealed private key is
 * what they cannot replace unnoticed: it opens only with this data directory's key (or keychain).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { FerryError } from '../../shared/errors.ts';
import { rawPublicKey } from '../crypto/ed25519.ts';
import { sealedSecretDoesNotOpen } from '../stations/secret-protector.ts';
import type { StationIdentity } from './audit-head.ts';

/** What the check found: confirmed, not checkable here (and why), or a problem that breaks the log. */
export interface KeyCheck {
  confirmed: boolean;
  note: string | null;
  problem: { brokenAt: number; reason: string } | null;
}

// A replaced station key makes every signature in the log meaningless, so the log breaks from entry 1.
const broken = (reason: string): KeyCheck => ({ confirmed: false, note: null, problem: { brokenAt: 1, reason } });

/**
 * Opens the private key with `open` and compares its public half with `identity`. A key this
 * process cannot open (the keychain, in the CLI) is reported, not failed; a key file that is
 * missing, damaged or exposed throws its own error, which says what to fix.
 */
export function checkStationKey(identity: StationIdentity, open: () => KeyObject): KeyCheck {
  let privateKey: KeyObject;
  try {
    privateKey = open();
  } catch (error) {
    if (sealedSecretDoesNotOpen(error)) {
      return broken('the station’s sealed private key does not open with this data directory’s key: the station key (or secret.key) was replaced');
    }
    if (error instanceof FerryError && error.code !== 'SECRET_UNAVAILABLE') throw error;
    const why = error instanceof Error ? error.message : String(error);
    return { confirmed: false, note: `${why}; the station key was not compared with its public key here (the desktop app can)`, problem: null };
  }
  if (!rawPublicKey(createPublicKey(privateKey)).equals(rawPublicKey(identity.publicKey))) {
    return broken('the station’s public key does not belong to the station’s sealed private key: the public key was replaced, and with it whose signatures this log accepts');
  }
  return { confirmed: true, note: null, problem: null };
}
