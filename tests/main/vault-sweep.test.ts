/**
 * The start-up sweep of `vault/tmp`: what ended processes left goes, another running process's work
 * in progress stays (the app while a CLI starts), links are removed as links and never followed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepStaging } from '../../src/main/vault/vault-paths.ts';
import { tempDir } from '../helpers/temp.ts';

// A process that runs during the test, and the id of one that has ended.
const running = spawn('sleep', ['60']);
afterAll(() => { running.kill(); });
const endedPid = spawnSync('true').pid!;

function tmp(dataDir: string): string {
  const dir = join(dataDir, 'vault', 'tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('sweepStaging', () => {
  it('removes unpacked archives and half-written copies of ended processes, keeps those of running ones', () => {
    const data = tempDir();
    const t = tmp(data);
    const bundle = join(t, '6f1e0c2a-0000-4000-8000-000000000001');
    mkdirSync(bundle);
    writeFileSync(join(bundle, `.abc.${endedPid}-a1b2c3.ferry-part`), 'half');
    writeFileSync(join(bundle, `.def.${running.pid}-d4e5f6.ferry-part`), 'being written');
    writeFileSync(join(bundle, 'f'.repeat(64)), 'verified, kept for the re-run');
    mkdirSync(join(t, `zip-${endedPid}-0a0b0c`));
    mkdirSync(join(t, `zip-${running.pid}-0d0e0f`));
    sweepStaging(data, new Date());
    expect(existsSync(join(bundle, `.abc.${endedPid}-a1b2c3.ferry-part`))).toBe(false);
    expect(existsSync(join(bundle, `.def.${running.pid}-d4e5f6.ferry-part`))).toBe(true);
    expect(existsSync(join(bundle, 'f'.repeat(64)))).toBe(true);
    expect(existsSync(join(t, `zip-${endedPid}-0a0b0c`))).toBe(false);
    expect(existsSync(join(t, `zip-${running.pid}-0d0e0f`))).toBe(true);
  });

  it('removes a staging folder untouched for more than a week', () => {
    const data = tempDir();
    const old = join(tmp(data), '6f1e0c2a-0000-4000-8000-000000000002');
    mkdirSync(old);
    writeFileSync(join(old, 'a'.repeat(64)), 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    sweepStaging(data, new Date());
    expect(existsSync(old)).toBe(false);
  });

  it('removes a link planted in vault/tmp as a link, leaving what it points to alone', () => {
    const data = tempDir();
    const victim = tempDir();
    writeFileSync(join(victim, `.x.${endedPid}-aa.ferry-part`), 'someone else’s file');
    symlinkSync(victim, join(tmp(data), 'other'));
    sweepStaging(data, new Date());
    expect(existsSync(join(tmp(data), 'other'))).toBe(false);
    expect(existsSync(join(victim, `.x.${endedPid}-aa.ferry-part`))).toBe(true);
  });
});
