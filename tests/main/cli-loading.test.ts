import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_COMMAND } from '../../src/main/cli/commands-plan.ts';
import { tempDir } from '../helpers/temp.ts';

/**
 * Runs the CLI from the sources with a resolve hook that lists every module it loads, so a test can
 * see what a command pays for at start-up (it had grown to 1.6 s and 400 MB for `station show`).
 */
function loadedModules(args: string[]): { status: number | null; modules: string[] } {
  const dir = tempDir();
  const hook = join(dir, 'hook.mjs');
  const list = join(dir, 'modules.txt');
  writeFileSync(hook, `
import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); appendFileSync(${JSON.stringify(list)}, r.url + '\\n'); return r; } });
`);
  writeFileSync(list, '');
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', hook, 'src/main/cli.ts', ...args], { encoding: 'utf8' });
  const modules = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  return { status: r.status, modules };
}

describe('what the CLI loads', () => {
  it('loads only the command group it runs, and no date-fns index for it', () => {
    const station = loadedModules(['station', '--help']);
    expect(station.status).toBe(0);
    expect(station.modules.some((m) => m.endsWith('/commands-station.ts'))).toBe(true);
    expect(station.modules.filter((m) => /\/commands-(?!station)[\w-]+\.ts$/.test(m))).toEqual([]);
    expect(station.modules.some((m) => m.includes('/date-fns/'))).toBe(false);

    const clients = loadedModules(['jumpclients', '--help']);
    expect(clients.status).toBe(0);
    expect(clients.modules.some((m) => m.endsWith('/commands-jumpclients.ts'))).toBe(true);
    // One module each, not the package index that loads all of date-fns.
    expect(clients.modules.some((m) => /\/date-fns\/index\.[cm]?js$/.test(m))).toBe(false);
    expect(clients.modules.some((m) => /\/date-fns\/parse\.[cm]?js$/.test(m))).toBe(true);
  });

  it('names no group or command by an inherited property ("toString" is unknown, exit 2)', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/main/cli.ts', ...args], { encoding: 'utf8' });
    const command = cli('station', 'toString');
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('Unknown command "ferry station toString"');
    for (const name of ['toString', '__proto__', 'constructor']) {
      const group = cli(name, '--json');
      expect(group.status, name).toBe(2);
      expect(JSON.parse(group.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    }
  });

  it('lists ferry plan with the summary of its command, which it does not load for the list', () => {
    const top = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/main/cli.ts', '--help'], { encoding: 'utf8' });
    expect(top.stdout).toContain(`plan       ${PLAN_COMMAND.summary}`);
  });
});
