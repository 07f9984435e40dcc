/**
 * Exports the audit log as JSON Lines: one `entry` line per entry, oldest first, then one `signature`
 * line with a DSSE envelope by this station over the count, the chain head and the SHA-256 of all
 * entry lines, so a reader can check the file came whole from this station.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { signEnvelope } from '../crypto/dsse.ts';
import type { StationService } from '../stations/station-service.ts';
import type { AuditLog } from './audit-log.ts';

/** Payload type of the signed export trailer. */
export const AUDIT_EXPORT_PAYLOAD_TYPE = 'application/vnd.ferry.audit-export+json';

/** Builds the export text; `verified` records whether the chain held at export time. */
export function buildAuditExport(audit: AuditLog, stations: StationService, now: Date = new Date()): { text: string; count: number; headHash: string; verified: boolean } {
  const verification = audit.verify();
  const digest = createHash('sha256');
  const lines: string[] = [];
  for (const entry of audit.all()) {
    const line = canonicalJson({ type: 'entry', ...entry });
    digest.update(line + '\n', 'utf8');
    lines.push(line);
  }
  const station = stations.show();
  const payload = {
    format: 1,
    station: { name: station.name, fingerprint: station.fingerprint },
    exportedAt: now.toISOString(),
    count: lines.length,
    headHash: verification.headHash,
    verified: verification.ok,
    entriesSha256: digest.digest('hex'),
  };
  const envelope = signEnvelope(AUDIT_EXPORT_PAYLOAD_TYPE, Buffer.from(canonicalJson(payload), 'utf8'), stations.privateKey(), station.fingerprint);
  lines.push(canonicalJson({ type: 'signature', publicKeyPem: station.publicKeyPem, envelope }));
  return { text: lines.join('\n') + '\n', count: payload.count, headHash: payload.headHash, verified: payload.verified };
}
