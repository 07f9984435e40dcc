/**
 * Which traffic nodes of an Atlas cluster go offline first (guide: "Upgrade mehrerer BeyondTrust-Geräte
 * in einem Atlas-Cluster"): half of each region's nodes, rounded down, so that every region keeps
 * serving clients while its other half is upgraded — and a region's only node stays online. The
 * person may change the choice; this is the proposal.
 */

/** A traffic node and the region it serves. */
export interface TrafficNode {
  name: string;
  region: string;
}

/** The names of the nodes to take offline first: per region `floor(n / 2)`, the first by name. */
export function offlineFirst(nodes: readonly TrafficNode[]): string[] {
  const byRegion = new Map<string, string[]>();
  for (const n of nodes) byRegion.set(n.region, [...(byRegion.get(n.region) ?? []), n.name]);
  const out: string[] = [];
  for (const names of byRegion.values()) {
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en'));
    out.push(...sorted.slice(0, Math.floor(sorted.length / 2)));
  }
  return out;
}

/** Parses `name:region,name:region,…` (the CLI's `--traffic-nodes`); null for anything else. */
export function parseTrafficNodes(text: string): TrafficNode[] | null {
  const nodes: TrafficNode[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([^:,]+?)\s*:\s*([^:,]+?)\s*$/.exec(part);
    if (!m) return null;
    nodes.push({ name: m[1]!, region: m[2]! });
  }
  const names = new Set(nodes.map((n) => n.name));
  return names.size === nodes.length && nodes.length > 0 ? nodes : null;
}
