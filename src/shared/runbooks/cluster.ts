/**
 * The picture of an Atlas cluster during a run: which node runs which version and whether it accepts
 * new client connections, derived from the run's steps alone (guide: "Upgrade mehrerer
 * BeyondTrust-Geräte in einem Atlas-Cluster"). A node's version is the last one read back from it
 * (pasted Status › Basics), else the inventory's when the run began. The offline half stops accepting
 * when it is disabled and accepts again when it is enabled; the online half stops once the cluster was
 * synchronised for its upgrade and accepts again when it is enabled; with failover, updating the
 * backup master marks every traffic node as not accepting until it is enabled again.
 */
import type { Run, RunStep } from '../contract/runbook.ts';
import { offlineFirst } from './atlas.ts';

/** One node of the picture. */
export interface ClusterNode {
  name: string;
  role: 'master' | 'master-backup' | 'traffic';
  region: string | null;
  site: string | null;
  base: string | null;
  /** Where the versions come from: read back during the run, or the inventory at its start. */
  source: 'read' | 'inventory' | null;
  /** Traffic nodes: whether the node accepts new client connections now; null for the masters. */
  accepting: boolean | null;
  offlineFirst: boolean;
}

const settled = (s: RunStep | undefined): boolean => s !== undefined && (s.status === 'done' || s.status === 'skipped');

/** The nodes of an Atlas run, masters first, then traffic nodes by region. */
export function clusterPicture(run: Run): ClusterNode[] {
  const a = run.appliances;
  const traffic = a.traffic ?? [];
  const offline = new Set(a.offline ?? offlineFirst(traffic));
  // Steps by their definition id; an install expanded per package counts as done with its last package.
  const byStep = new Map<string, RunStep>();
  for (const s of run.steps) byStep.set(s.stepId, s);
  const done = (stepId: string) => settled(byStep.get(stepId));
  const versionOf = (name: string): Pick<ClusterNode, 'site' | 'base' | 'source'> => {
    let read: { site?: string; base?: string } = {};
    for (const s of run.steps) {
      if (s.status !== 'done' || !s.appliances.includes(name)) continue;
      for (const e of s.given) {
        if (e.kind === 'pasted-basics' && e.check) read = { ...read, ...e.check.read };
        // The appliance's own reading (link) reports the site version only.
        if (e.kind === 'link-reading' && e.reading?.version) read = { ...read, site: e.reading.version };
      }
    }
    if (read.site !== undefined || read.base !== undefined) return { site: read.site ?? null, base: read.base ?? null, source: 'read' };
    const before = run.before[name];
    return before ? { site: before.site, base: before.base, source: 'inventory' } : { site: null, base: null, source: null };
  };
  const allMarked = run.procedure === 'atlas-failover' && done('upgrade-master-backup');
  const accepting = (name: string): boolean => {
    if (offline.has(name)) {
      if (done('enable-offline-half')) return true;
      return !(done('disable-offline-half') || allMarked);
    }
    if (done('enable-online-half')) return true;
    return !(done('sync-cluster') || allMarked);
  };
  const nodes: ClusterNode[] = [];
  if (a.master) nodes.push({ name: a.master, role: 'master', region: null, ...versionOf(a.master), accepting: null, offlineFirst: false });
  if (a.masterBackup) nodes.push({ name: a.masterBackup, role: 'master-backup', region: null, ...versionOf(a.masterBackup), accepting: null, offlineFirst: false });
  const sorted = [...traffic].sort((x, y) => x.region.localeCompare(y.region, 'en') || x.name.localeCompare(y.name, 'en'));
  for (const t of sorted) nodes.push({ name: t.name, role: 'traffic', region: t.region, ...versionOf(t.name), accepting: accepting(t.name), offlineFirst: offline.has(t.name) });
  return nodes;
}
