/**
 * Station fingerprints: lowercase hex SHA-256 of the raw 32-byte Ed25519 public key. People compare
 * them across two screens, so they are shown in groups of four and accepted with any dashes, spaces,
 * colons or case.
 */

/** Strips separators and lowercases; returns null unless 64 hex digits remain. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** `ab12 cd34 …`: groups of four hex digits for reading aloud and comparing. */
export function formatFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
