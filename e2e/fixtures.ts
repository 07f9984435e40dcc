/**
 * The `ferry` fixture: a fresh data directory and the app's window, either in real Electron
 * (`_electron.launch`, where its binary is installed or FERRY_E2E_TARGET=electron) or through the
 * harness in Chromium. Specs use only what this fixture gives, so they run the same in both.
 */
import { test as base, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DialogAnswer } from './harness/dialog-answers.ts';

const repo = join(import.meta.dirname, '..');

/**
 * The Electron binary, if installed. Read from `path.txt` instead of `require('electron')`, which
 * would try to download it.
 */
function electronBinary(): string | null {
  if (process.env.FERRY_E2E_TARGET === 'harness') return null;
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (binary && existsSync(binary)) return binary;
  if (process.env.FERRY_E2E_TARGET === 'electron') throw new Error('FERRY_E2E_TARGET=electron, but the Electron binary is not installed (npx install-electron)');
  return null;
}

export interface FerryApp {
  page: Page;
  dataDir: string;
  target: 'electron' | 'harness';
  /** The answer the next file dialog gives. */
  answerNextFileDialog(path: string | null): Promise<void>;
  /** The answer the next dialog of a kind gives: open several files, a folder, a save target. */
  answerNextDialog(answer: DialogAnswer): Promise<void>;
  /** Runs the CLI against the same data directory; returns stdout and the exit code. */
  cli(...args: string[]): { stdout: string; status: number };
  /**
   * A folder the app lists as a removable FAT32 stick (`media:list`, harness only: there are no real
   * sticks here; in Electron the OS's media are listed instead).
   */
  medium: string;
  /**
   * Ends the app (the harness process, or Electron) and opens it again on the same data directory,
   * as a technician restarting the computer would; `page` is the new window afterwards.
   */
  restart(): Promise<void>;
}

async function startHarnessProcess(dataDir: string, locale: string, medium: string): Promise<{ child: ChildProcess; url: string; origin: string; token: string }> {
  const child = spawn(process.execPath, [join(repo, 'e2e/harness/cli.ts'), '--json', '--data-dir', dataDir, '--locale', locale, '--medium', medium], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)));
  });
  return { child, ...(JSON.parse(line) as { url: string; origin: string; token: string }) };
}

async function answerInHarness(harness: { origin: string; token: string }, answer: DialogAnswer): Promise<void> {
  const res = await fetch(`${harness.origin}/__ferry/dialog?token=${harness.token}`, { method: 'POST', body: JSON.stringify(answer) });
  if (!res.ok) throw new Error(`dialog answer refused: ${res.status}`);
}

/** Electron's dialogs are replaced in the main process: the open or save dialog answers with `answer`. */
async function answerInElectron(app: ElectronApplication, answer: DialogAnswer): Promise<void> {
  await app.evaluate(({ dialog }, a) => {
    if (a.kind === 'save-file') {
      dialog.showSaveDialog = (async () => ({ canceled: a.path === null, filePath: a.path ?? '' })) as typeof dialog.showSaveDialog;
      return;
    }
    const paths = 'paths' in a ? a.paths : a.path === null ? [] : [a.path];
    dialog.showOpenDialog = (async () => ({ canceled: paths.length === 0, filePaths: paths })) as typeof dialog.showOpenDialog;
  }, answer);
}

/** One launch of the app: its window, its dialog answers and how to end it. */
interface Launched {
  page: Page;
  answer(answer: DialogAnswer): Promise<void>;
  close(): Promise<void>;
}

/** Starts the app on `dataDir`: real Electron where installed, else a harness in Chromium listing `medium`. */
async function launch(browser: Browser, dataDir: string, systemLocale: string, medium: string): Promise<Launched & { target: FerryApp['target'] }> {
  const binary = electronBinary();
  if (binary) {
    const app = await _electron.launch({ executablePath: binary, args: [join(repo, 'out/main/index.js')], env: { ...process.env, FERRY_DATA_DIR: dataDir, LANG: `${systemLocale.replace('-', '_')}.UTF-8` } });
    return { target: 'electron', page: await app.firstWindow(), answer: (a) => answerInElectron(app, a), close: () => app.close() };
  }
  const harness = await startHarnessProcess(dataDir, systemLocale, medium);
  const context = await browser.newContext({ locale: systemLocale });
  const page = await context.newPage();
  await page.goto(harness.url);
  return {
    target: 'harness', page, answer: (a) => answerInHarness(harness, a),
    close: async () => {
      await context.close();
      harness.child.kill('SIGTERM');
      await new Promise((r) => harness.child.once('exit', r));
    },
  };
}

/** Opens the app on `dataDir`; `close` ends it. */
async function openStation(browser: Browser, dataDir: string, systemLocale: string, medium: string): Promise<{ app: FerryApp; close(): Promise<void> }> {
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(repo, 'src/main/cli.ts'), ...args, '--data-dir', dataDir], { encoding: 'utf8' });
    return { stdout: r.stdout, status: r.status ?? -1 };
  };
  let current = await launch(browser, dataDir, systemLocale, medium);
  const app: FerryApp = {
    page: current.page, dataDir, target: current.target, cli, medium,
    answerNextFileDialog: async (path) => current.answer({ path }),
    answerNextDialog: async (answer) => current.answer(answer),
    restart: async () => {
      await current.close();
      current = await launch(browser, dataDir, systemLocale, medium);
      app.page = current.page;
    },
  };
  return { app, close: () => current.close() };
}

export const test = base.extend<{ ferry: FerryApp; ferry2: FerryApp; systemLocale: string }>({
  /** The locale the app sees as the operating system's (decides the default language). */
  systemLocale: ['de-DE', { option: true }],
  ferry: async ({ browser, systemLocale }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-'));
    const medium = mkdtempSync(join(tmpdir(), 'ferry-e2e-medium-'));
    const station = await openStation(browser, dataDir, systemLocale, medium);
    await use(station.app);
    await station.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(medium, { recursive: true, force: true });
  },
  /**
   * A second station (its own data directory and window) for journeys across the air gap: it lists
   * the SAME medium folder as `ferry`, so a stick written on one is read on the other. Started only
   * by tests that use it.
   */
  ferry2: async ({ browser, systemLocale, ferry }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-2-'));
    const station = await openStation(browser, dataDir, systemLocale, ferry.medium);
    await use(station.app);
    await station.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
