/** `ferry runbook list|preview` (DESIGN: Command line): procedures with their guide sections; Atlas's offline half per region. */
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('ferry runbook', () => {
  it('lists every procedure with its steps and guide sections', async () => {
    const r = await ferry(tempDir(), 'runbook', 'list', '--json');
    expect(r.code).toBe(0);
    const procedures = r.json<{ procedures: { id: string; steps: { guideRef: string }[] }[] }>().procedures;
    expect(procedures.map((p) => p.id)).toEqual(['single-auto', 'single-manual', 'failover-sync', 'failover-async', 'atlas-failover', 'atlas-plain', 'hardware-migration', 'client-followup']);
    for (const p of procedures) for (const s of p.steps) expect(s.guideRef.length).toBeGreaterThan(0);
  });

  it('previews Atlas with the offline-first half per region, and failover with the chosen way to make B primary', async () => {
    const atlas = await ferry(tempDir(), 'runbook', 'preview', '--procedure', 'atlas-plain', '--traffic-nodes', 'fra-1:EU,fra-2:EU,nyc-1:US,nyc-2:US,nyc-3:US,syd-1:APAC', '--json');
    expect(atlas.code, atlas.out).toBe(0);
    expect(atlas.json<{ offlineFirst: string[] }>().offlineFirst.sort()).toEqual(['fra-1', 'nyc-1']);
    const dns = await ferry(tempDir(), 'runbook', 'preview', '--procedure', 'failover-async', '--variant', 'dns-swing', '--json');
    const variants = dns.json<{ steps: { stepId: string }[] }>().steps.map((s) => s.stepId);
    expect(variants).toContain('dns-swing');
    expect(variants).not.toContain('nat-swing');
  });

  it('refuses an unknown procedure, a malformed node list and an unknown variant (exit 2)', async () => {
    for (const args of [['--procedure', 'nope'], ['--procedure', 'atlas-plain', '--traffic-nodes', 'fra-1'], ['--procedure', 'failover-async', '--variant', 'teleport']]) {
      expect((await ferry(tempDir(), 'runbook', 'preview', ...args)).code, args.join(' ')).toBe(2);
    }
  });
});
