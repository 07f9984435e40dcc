/**
 * Two processes import the same bundle at once (the app and a CLI, say): one imports, the other is
 * told JOB_ALREADY_RUNNING or finds it imported already; the vault ends whole and the log intact.
 */
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { startFerry } from '../helpers/cli-process.ts';
import { bundleOnMedium, stagingFiles, vaultFiles } from '../helpers/transfer.ts';

describe('parallel imports of one bundle', () => {
  it('one wins, the other says so; nothing is lost or doubled', async () => {
    const trip = await bundleOnMedium({ siteBytes: 24 * 1024 * 1024, maxFileSize: 8 * 1024 * 1024 });
    const args = ['bundle', 'import', trip.bundleDir, '--data-dir', trip.r, '--json'];
    const [a, b] = await Promise.all([startFerry(args).done, startFerry(args).done]);
    const outcomes = [a, b].map((run) => {
      const json = JSON.parse(run.out) as { ok: boolean; imported?: number; error?: { code: string } };
      return json.ok ? `imported ${json.imported}` : json.error!.code;
    }).sort();
    expect([['JOB_ALREADY_RUNNING', 'imported 2'], ['imported 0', 'imported 2']]).toContainEqual(outcomes);
    expect(vaultFiles(trip.r)).toHaveLength(4);
    expect(stagingFiles(trip.r)).toEqual([]);
    const listed = (await ferry(trip.r, 'vault', 'list', '--json')).json<{ packages: unknown[] }>().packages;
    expect(listed).toHaveLength(2);
    expect((await ferry(trip.r, 'audit', 'verify')).code).toBe(0);
  });
});
