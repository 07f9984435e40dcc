/**
 * `audit verify --witness FILE`: this station's chain checked against the heads another, trusted
 * station recorded of it. A chain rewritten with the station's own key still fails here, because the
 * heads the witness recorded were signed before the rewrite.
 */
import { createPublicKey } from 'node:crypto';
import { publicKeyFromRaw } from '../crypto/ed25519.ts';
import type { StationService } from '../stations/station-service.ts';
import { StationRepository } from '../stations/station-repository.ts';
import type { Database } from '../store/database.ts';
import type { AuditLog } from './audit-log.ts';
import type { ChainVerification } from './audit-verify.ts';
import { checkWitnessFile, type WitnessReport } from './witness-file.ts';

/** Verifies the chain, then (if it holds) against the witness file `text`, all on one read snapshot. */
export function verifyWithWitness(
  s: { db: Database; audit: AuditLog; stations: StationService },
  text: string,
): { verification: ChainVerification; witness: WitnessReport | null } {
  return s.audit.snapshot(() => {
    const verification = s.audit.verify();
    if (!verification.ok) return { verification, witness: null };
    const station = s.stations.show();
    const trusted = new StationRepository(s.db);
    const { report, problem } = checkWitnessFile(text, {
      own: { fingerprint: station.fingerprint, publicKey: createPublicKey(station.publicKeyPem) },
      trustedKey: (fingerprint) => {
        const row = trusted.getTrusted(fingerprint);
        return row ? publicKeyFromRaw(row.publicKey) : null;
      },
      entryHash: (seq) => s.audit.hashAt(seq),
    });
    if (!problem) return { verification, witness: report };
    return { verification: { ...verification, ok: false, anchored: false, brokenAt: problem.brokenAt, reason: problem.reason }, witness: report };
  });
}
