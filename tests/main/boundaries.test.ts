/**
 * Boundaries that lint cannot express (imports and `window.ferry` are lint rules, see lint.test.ts):
 * only the shell's ipc module sends to a window, since `webContents.send` is reached through an object
 * no import rule sees.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('process boundaries lint cannot see', () => {
  it('only the shell’s ipc module touches ipcMain or webContents.send', () => {
    const offenders = files('src/main').filter((f) => !f.endsWith('shell/ipc.ts') && /ipcMain|webContents\.send/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    // The check is not vacuous: the ipc module really is where both are used.
    expect(readFileSync('src/main/shell/ipc.ts', 'utf8')).toMatch(/ipcMain[\s\S]*webContents\.send/);
  });

  it('nothing outside the renderer’s ipc module reaches window.ferry indirectly (globalThis, window["ferry"])', () => {
    const offenders = files('src/renderer/src').filter((f) => !f.endsWith('ipc.ts') && /globalThis\.ferry|window\s*\[\s*['"]ferry['"]\s*\]|\(window as [^)]*\)\.ferry/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
