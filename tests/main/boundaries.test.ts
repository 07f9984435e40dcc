import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Files of the Electron shell, the only ones in main that may import electron. */
const SHELL = (path: string) => path === 'src/main/index.ts' || path.startsWith('src/main/shell/');

describe('process boundaries', () => {
  it('no module under src/main except the Electron shell imports electron', () => {
    const offenders = files('src/main').map((f) => relative('.', f)).filter((f) => !SHELL(f) && imports(f).includes('electron'));
    expect(offenders).toEqual([]);
    // The shell really is where electron is used: the check is not vacuous.
    expect(imports('src/main/index.ts')).toContain('electron');
  });

  it('src/shared imports neither electron nor node:* (pure code)', () => {
    const offenders = files('src/shared').filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('node:')));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports neither electron, node:* nor main code', () => {
    const offenders = files('src/renderer').filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('node:') || i.includes('/main/')));
    expect(offenders).toEqual([]);
  });

  it('only the renderer’s ipc module touches window.ferry', () => {
    const offenders = files('src/renderer/src').filter((f) => !f.endsWith('ipc.ts') && readFileSync(f, 'utf8').includes('window.ferry'));
    expect(offenders).toEqual([]);
  });

  it('only the shell’s ipc module touches ipcMain or webContents.send', () => {
    const offenders = files('src/main').filter((f) => !f.endsWith('shell/ipc.ts') && /ipcMain|webContents\.send/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
