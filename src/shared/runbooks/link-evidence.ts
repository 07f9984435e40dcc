/**
 * Where a reading through the appliance link counts as a step's evidence: a step that asks for the
 * version read back (it takes pasted Status › Basics) accepts the reading's version instead, and a
 * sync step accepts the reading's last data sync. For a sync step of a linked appliance the reading is
 * required — the evidence then comes from the appliance itself, and it must show a sync newer than
 * the steps before (e.g. the backup): "sync older than the backup" does not pass.
 */
import { same } from './basics-check.ts';
import type { EvidenceKind } from './types.ts';

/** What a link reading proves for `step`, or null where it is no evidence. */
export function linkReadingProves(step: { kind: string; evidence: readonly EvidenceKind[] }): 'version' | 'sync' | null {
  if (step.evidence.includes('pasted-basics')) return 'version';
  if (step.kind === 'sync') return 'sync';
  return null;
}

/** What of a status reading the rules look at. */
export interface LinkReadingFacts {
  name: string;
  readAt: string;
  version: string | null;
  failoverRole: 'none' | 'primary' | 'backup';
  success: boolean;
  lastDataSync: { at: string; status: string } | null;
  /** How far the appliance's clock was ahead of this computer's when read (seconds). */
  clockSkewSeconds?: number | null | undefined;
}

/** Why a reading is no evidence for a step (`LINK_READING_UNFIT`'s `details.reason`). */
export type LinkReadingUnfit = 'other-appliance' | 'reading-older' | 'no-failover' | 'sync-failed' | 'sync-in-future' | 'sync-older' | 'base-not-readable' | 'version';

/** When the steps `step` requires were done (or the run began): what a reading, and a sync, must follow (ms). */
export function readingMustFollow(run: { createdAt: string; steps: readonly { id: string; at: string | null }[] }, step: { requires: readonly string[] }): number {
  return Math.max(Date.parse(run.createdAt), ...run.steps.filter((s) => step.requires.includes(s.id) && s.at !== null).map((s) => Date.parse(s.at!)));
}

/** The sync time on this computer's clock: the appliance's time, less the skew read with it. */
export const syncAtHere = (r: LinkReadingFacts): number | null =>
  r.lastDataSync === null ? null : Date.parse(r.lastDataSync.at) - (r.clockSkewSeconds ?? 0) * 1000;

/**
 * Whether `r` is evidence for `step` (null), or why not: of one of its appliances, read after the
 * steps before; for a sync, a good sync (no failure, a healthy appliance) after those steps — to the
 * second, as the appliance reports it, on this computer's clock; for a version read back, the plan's
 * site version (the base version has no API). One rule for the service and the page.
 */
export function judgeLinkReading(
  step: { kind: string; evidence: readonly EvidenceKind[]; appliances: readonly string[] },
  r: LinkReadingFacts, after: number, expected: { site?: string | undefined; base?: string | undefined },
): LinkReadingUnfit | null {
  if (!step.appliances.includes(r.name)) return 'other-appliance';
  if (Date.parse(r.readAt) < after) return 'reading-older';
  if (linkReadingProves(step) === 'sync') {
    const syncAt = syncAtHere(r);
    if (r.failoverRole === 'none' || r.lastDataSync === null || syncAt === null) return 'no-failover';
    if (!r.success || /fail|error|fehl/i.test(r.lastDataSync.status)) return 'sync-failed';
    if (syncAt > Date.parse(r.readAt) + 1000) return 'sync-in-future';
    if (syncAt < Math.floor(after / 1000) * 1000) return 'sync-older';
    return null;
  }
  if (expected.site === undefined) return expected.base !== undefined ? 'base-not-readable' : null;
  return r.version !== null && same(r.version, expected.site) ? null : 'version';
}
