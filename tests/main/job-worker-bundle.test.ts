/**
 * The job worker as the app runs it: built by electron-vite (the main process's config, into a temp
 * folder) and started from the bundle, where its URL is the bundled file's. The other job tests run
 * it from the sources.
 */
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { bigFile, opensslSha256 } from '../helpers/jobs.ts';
import { tempDir } from '../helpers/temp.ts';

type Bundled = typeof import('../../src/main/jobs/job-worker.ts');

/** Builds the main process bundle into a temp folder laid out like the app (package.json, node_modules). */
async function buildMain(): Promise<string> {
  const root = tempDir('ferry-bundle-');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  // Dependencies stay external in the main bundle, as in the packaged app.
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'junction');
  const resolved = await resolveConfig({ configFile: resolve('electron.vite.config.ts'), logLevel: 'silent' }, 'build', 'production');
  const main = resolved.config!.main!;
  const outDir = join(root, 'out', 'main');
  await build({ ...main, logLevel: 'silent', build: { ...main.build, outDir, emptyOutDir: true } });
  return outDir;
}

describe('job worker (from the electron-vite bundle)', () => {
  it('is its own entry, starts from the bundled file, and hashes, copies and plans like the sources', async () => {
    const outDir = await buildMain();
    expect(readdirSync(outDir)).toContain('job-worker.js');
    const bundled = await import(pathToFileURL(join(outDir, 'job-worker.js')).href) as Bundled;
    // The worker's URL is inside the bundle, not the sources.
    expect(bundled.JOB_WORKER_URL.href.startsWith(pathToFileURL(outDir).href)).toBe(true);

    const source = bigFile(2);
    const sha256 = opensslSha256(source);
    expect(await bundled.runInWorker({ type: 'hash', path: source })).toEqual({ sha256, size: 2 * 1024 * 1024 });
    const dir = tempDir();
    const copied = await bundled.runInWorker({ type: 'copy', source, dir, name: 'pkg.bin', temp: join(dir, '.pkg.part') });
    expect(copied).toEqual({ sha256, size: 2 * 1024 * 1024, name: 'pkg.bin' });
    const catalog = [{ name: 'BT 13.0.0', kind: 'site' as const, version: '13.0.0' }];
    const plan = await bundled.runInWorker({ type: 'plan', args: [catalog, { base: '3.0.0', site: '12.0.0' }, { site: 'latest' }, {}] });
    expect(plan).toMatchObject({ reachable: true, steps: [{ version: '13.0.0' }] });
    await expect(bundled.runInWorker({ type: 'hash', path: join(dir, 'nope') })).rejects.toMatchObject({ name: 'FerryError', code: 'FILE_MISSING' });
  }, 60_000);
});
