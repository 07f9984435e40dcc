/** `npm run lint:electron` (scripts/lint-electron.ts) fails on what electronegativity finds, unless documented. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';

function lintElectron(files: Record<string, string>, accepted: unknown[]): { status: number | null; out: string } {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'src', path, '..'), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  writeFileSync(join(root, 'accepted.json'), JSON.stringify({ accepted }));
  const run = spawnSync(process.execPath, ['scripts/lint-electron.ts', '--input', join(root, 'src'), '--accepted', join(root, 'accepted.json')], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

const insecureWindow = `import { BrowserWindow } from 'electron';
export const win: BrowserWindow = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`;

describe('electronegativity in npm test', () => {
  it('fails on an insecure window in TypeScript, naming the checks', () => {
    const { status, out } = lintElectron({ 'main/window.ts': insecureWindow }, []);
    expect(status).toBe(1);
    expect(out).toMatch(/HIGH \w+ CONTEXT_ISOLATION_JS_CHECK main\/window\.ts:2/);
    expect(out).toMatch(/SANDBOX_JS_CHECK main\/window\.ts/);
    // Global checks over the whole tree: no navigation limits, no permission handler.
    expect(out).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(out).toMatch(/PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
  });

  it('passes a finding documented as a false positive, and fails on an acceptance that matches nothing', () => {
    const accept = (id: string, file = 'main/window.ts') => ({ id, file, reason: 'test' });
    const { status: ok, out } = lintElectron({ 'main/window.ts': insecureWindow }, [
      ...['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'].map((id) => accept(id)),
      ...['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'].map((id) => accept(id, 'N/A')),
    ]);
    expect(out).toMatch(/0 open — ok/);
    expect(ok).toBe(0);
    const stale = lintElectron({ 'main/ok.ts': 'export const x = 1;\n' }, [accept('SANDBOX_JS_CHECK')]);
    expect(stale.status).toBe(1);
    expect(stale.out).toContain('STALE acceptance SANDBOX_JS_CHECK main/window.ts');
  });
});
