/**
 * Exports the audit log as JSON Lines: one `entry` line per entry, oldest first, then one `signature`
 * line with a DSSE envelope by this station over the count, the chain head and the SHA-256 of all
 * entry lines, so a reader can check the file came whole from this station.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { signEnvelope } from '../crypto/dsse.ts';
import { fingerprintOf, pemFromRaw, rawPublicKey } from '../crypto/ed25519.ts';
import type { StationService } from '../stations/station-service.ts';
import type { AuditLog } from './audit-log.ts';

/** Payload type of the signed export trailer. */
export const AUDIT_EXPORT_PAYLOAD_TYPE = 'application/vnd.ferry.audit-export+json';

/**
 * Builds the export text; `verified` records whether the chain held at export time. Entries,
 * verification and station are read on one snapshot, so a concurrent append cannot split them. The
 * trailer names the key that really signs (the private key's own public half), not what the
 * `station` row claims: a swapped public key then shows as "not verified", never as a valid export.
 */
export function buildAuditExport(audit: AuditLog, stations: StationService, now: Date = new Date()): { text: string; count: number; headHash: string; verified: boolean } {
  return audit.snapshot(() => {
    const verification = audit.verify();
    const digest = createHash('sha256');
    const lines: string[] = [];
    for (const entry of audit.all()) {
      const line = canonicalJson({ type: 'entry', ...entry });
      digest.update(line + '\n', 'utf8');
      lines.push(line);
    }
    const privateKey = stations.privateKey();
    const raw = rawPublicKey(createPublicKey(privateKey));
    const fingerprint = fingerprintOf(raw);
    const payload = {
      format: 1,
      station: { name: stations.show().name, fingerprint },
      exportedAt: now.toISOString(),
      count: lines.length,
      headHash: verification.headHash,
      verified: verification.ok,
      entriesSha256: digest.digest('hex'),
    };
    const envelope = signEnvelope(AUDIT_EXPORT_PAYLOAD_TYPE, Buffer.from(canonicalJson(payload), 'utf8'), privateKey, fingerprint);
    lines.push(canonicalJson({ type: 'signature', publicKeyPem: pemFromRaw(raw), envelope }));
    return { text: lines.join('\n') + '\n', count: payload.count, headHash: payload.headHash, verified: payload.verified };
  });
}
