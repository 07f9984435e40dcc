/**
 * The maintenance windows a procedure needs (guide: "BeyondTrust empfiehlt, Aktualisierungen innerhalb
 * des angegebenen Wartungszeitraums vorzunehmen"; for a failover pair "Sie müssen zwei unterschiedliche
 * Aktualisierungsfenster einplanen" with a gap between them, long enough to confirm the new version in
 * production, short enough to keep the time without failover small). Each window names the sections
 * whose steps happen in it; the client follow-up needs none.
 */
import type { ProcedureId, Text } from './types.ts';

/** A window of a procedure: its title and the sections done in it. */
export interface WindowDefinition {
  title: Text;
  sections: readonly string[];
}

const ONE = (sections: string[]): WindowDefinition[] => [{ title: { de: 'Wartungsfenster', en: 'Maintenance window' }, sections }];

/** The windows of each procedure, in order. */
export const RUN_WINDOWS: Record<ProcedureId, readonly WindowDefinition[]> = {
  'single-auto': ONE(['update']),
  'single-manual': ONE(['update']),
  'failover-sync': [
    { title: { de: 'Fenster 1: Gerät A aktualisieren', en: 'Window 1: update appliance A' }, sections: ['backup-sync', 'upgrade-a', 'verify-test'] },
    { title: { de: 'Fenster 2: Gerät B aktualisieren', en: 'Window 2: update appliance B' }, sections: ['upgrade-b', 'restore'] },
  ],
  'failover-async': [
    { title: { de: 'Fenster 1: Gerät B aktualisieren und primär machen', en: 'Window 1: update appliance B and make it primary' }, sections: ['backup-sync', 'upgrade-b', 'verify-test', 'b-primary'] },
    { title: { de: 'Fenster 2: Gerät A aktualisieren', en: 'Window 2: update appliance A' }, sections: ['upgrade-a', 'restore'] },
  ],
  'atlas-failover': ONE(['upgrade-backup', 'promote-backup', 'traffic-online', 'upgrade-rest', 'upgrade-a', 'restore']),
  'atlas-plain': ONE(['upgrade-offline', 'upgrade-master', 'traffic-online', 'upgrade-rest', 'restore']),
  'hardware-migration': ONE(['cutover']),
  'client-followup': [],
};

/** The hours between two windows Ferry proposes (a day to confirm the new version in production). */
export const DEFAULT_GAP_HOURS = 24;

/**
 * Proposed windows: the first from `start` for `hours`, each next one `gapHours` after the end of
 * the one before. The person edits them; the service checks the result (`checkWindows`).
 */
export function proposeWindows(procedure: ProcedureId, start: Date, hours: number, gapHours = DEFAULT_GAP_HOURS): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  let t = start.getTime();
  for (let i = 0; i < RUN_WINDOWS[procedure].length; i += 1) {
    const end = t + hours * 3_600_000;
    out.push({ start: new Date(t).toISOString(), end: new Date(end).toISOString() });
    t = end + gapHours * 3_600_000;
  }
  return out;
}

/** Why windows are not usable, or null: one per window of the procedure, each ending after it starts, in order. */
export function checkWindows(procedure: ProcedureId, windows: readonly { start: string; end: string }[]): 'count' | 'instant' | 'empty' | 'order' | null {
  if (windows.length === 0) return null;
  if (windows.length !== RUN_WINDOWS[procedure].length) return 'count';
  let last = -Infinity;
  for (const w of windows) {
    const s = Date.parse(w.start);
    const e = Date.parse(w.end);
    if (!/(Z|[+-]\d{2}:\d{2})$/.test(w.start) || !/(Z|[+-]\d{2}:\d{2})$/.test(w.end) || Number.isNaN(s) || Number.isNaN(e)) return 'instant';
    if (e <= s) return 'empty';
    if (s < last) return 'order';
    last = e;
  }
  return null;
}

/** The index of the window a section's steps happen in, or null (before, between or after the windows). */
export function windowOfSection(procedure: ProcedureId, section: string): number | null {
  const i = RUN_WINDOWS[procedure].findIndex((w) => w.sections.includes(section));
  return i < 0 ? null : i;
}
