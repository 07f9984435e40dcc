/**
 * The process boundaries are lint rules (.oxlintrc.json, run by `npm run lint`). This plants bad and
 * good imports in a scratch tree under the real config and checks oxlint flags exactly the bad ones.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';

const OXLINT = resolve('node_modules/.bin/oxlint');

interface Diagnostic { filename: string; code: string }

function lint(files: Record<string, string>): { status: number | null; flagged: Record<string, string[]> } {
  const root = tempDir();
  copyFileSync('.oxlintrc.json', join(root, '.oxlintrc.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(OXLINT, ['-f', 'json', 'src'], { cwd: root, encoding: 'utf8' });
  const diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  const flagged: Record<string, string[]> = {};
  for (const d of diagnostics) (flagged[d.filename] ??= []).push(d.code);
  return { status: run.status, flagged };
}

/** A module that imports `name` from `from` and uses it. */
const uses = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const used = ${name};\n`;

describe('process boundaries (lint)', () => {
  it('fails on electron under src/main/<domain>/, node:* and electron under src/shared and src/renderer', () => {
    const { status, flagged } = lint({
      'src/main/stations/bad.ts': uses('app', 'electron'),
      'src/shared/bad-node.ts': uses('readFileSync', 'node:fs'),
      'src/shared/bad-bare.ts': uses('join', 'path'),
      'src/shared/bad-electron.ts': "import type { App } from 'electron';\nexport type A = App;\n",
      'src/renderer/src/pages/bad-node.tsx': uses('createHash', 'node:crypto'),
      'src/renderer/src/pages/bad-electron.tsx': uses('ipcRenderer', 'electron'),
      'src/renderer/src/pages/bad-main.ts': uses('createServices', '../../../main/services.ts'),
      'src/renderer/src/pages/bad-ferry.ts': 'export const f = window.ferry;\n',
      'src/main/shell/bad-ipc.ts': uses('ipcMain', 'electron'),
      'src/preload/bad.ts': uses('readFileSync', 'node:fs'),
    });
    expect(status).not.toBe(0);
    expect(Object.keys(flagged).sort()).toEqual([
      'src/main/shell/bad-ipc.ts', 'src/main/stations/bad.ts', 'src/preload/bad.ts',
      'src/renderer/src/pages/bad-electron.tsx', 'src/renderer/src/pages/bad-ferry.ts', 'src/renderer/src/pages/bad-main.ts',
      'src/renderer/src/pages/bad-node.tsx', 'src/shared/bad-bare.ts', 'src/shared/bad-electron.ts', 'src/shared/bad-node.ts',
    ]);
    expect(flagged['src/renderer/src/pages/bad-ferry.ts']).toEqual(['eslint(no-restricted-properties)']);
  });

  it('passes the shell, the IPC binding, the preload, the renderer’s ipc module and main domains using node:*', () => {
    const { status, flagged } = lint({
      'src/main/index.ts': uses('app', 'electron'),
      'src/main/shell/window.ts': uses('BrowserWindow', 'electron'),
      'src/main/shell/ipc.ts': uses('ipcMain', 'electron'),
      'src/main/stations/ok.ts': "import { readFileSync } from 'node:fs';\nimport { x } from '../../shared/x.ts';\nexport const r = [readFileSync, x];\n",
      'src/shared/x.ts': uses('z', 'zod'),
      'src/preload/index.ts': "import { contextBridge } from 'electron';\nimport { x } from '../shared/x.ts';\nexport const c = [contextBridge, x];\n",
      'src/renderer/src/ipc.ts': "import { x } from '../../shared/x.ts';\nexport const f = [window.ferry, x];\n",
      'src/renderer/src/main.tsx': uses('f', './ipc.ts'),
    });
    expect(flagged).toEqual({});
    expect(status).toBe(0);
  });

  it('names every Node built-in in the bare-import pattern', () => {
    const config = readFileSync('.oxlintrc.json', 'utf8');
    const regex = new RegExp((/"regex": "(\^\([^"]+)"/.exec(config) ?? [])[1] ?? '$^');
    const missing = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:') && !regex.test(m));
    expect(missing).toEqual([]);
  });

  it('the repository itself passes (npm run lint)', () => {
    expect(() => execFileSync(OXLINT, ['--quiet'], { encoding: 'utf8' })).not.toThrow();
  });
});
