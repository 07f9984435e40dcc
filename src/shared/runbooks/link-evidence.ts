/**
 * Where a reading through the appliance link counts as a step's evidence: a step that asks for the
 * version read back (it takes pasted Status › Basics) accepts the reading's version instead, and a
 * sync step accepts the reading's last data sync. For a sync step of a linked appliance the reading is
 * required — the evidence then comes from the appliance itself, and it must show a sync newer than
 * the steps before (e.g. the backup): "sync older than the backup" does not pass.
 */
import type { EvidenceKind } from './types.ts';

/** What a link reading proves for `step`, or null where it is no evidence. */
export function linkReadingProves(step: { kind: string; evidence: readonly EvidenceKind[] }): 'version' | 'sync' | null {
  if (step.evidence.includes('pasted-basics')) return 'version';
  if (step.kind === 'sync') return 'sync';
  return null;
}
