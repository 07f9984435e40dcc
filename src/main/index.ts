/**
 * The Electron shell: wires the services (which know nothing of Electron) to the window, IPC,
 * dialogs and safeStorage. Keep logic out of here; put it in a service.
 */
import { app, BrowserWindow, dialog, powerSaveBlocker } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run.ts';
import { createDispatcher } from './ipc/dispatcher.ts';
import { createHandlerTable } from './ipc/register-handlers.ts';
import { isAllowedNavigation } from './security.ts';
import { createServices, type Services } from './services.ts';
import { registerIpc, sendToWindow } from './shell/ipc.ts';
import { createSafeStorageProtector } from './shell/safe-storage-protector.ts';
import { openDialogOptions, shellTexts } from './shell/texts.ts';
import type { Language } from '../shared/contract.ts';
import { createMainWindow, registerAppScheme, serveRenderer } from './shell/window.ts';

const here = dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

app.setName('Ferry');
if (process.env.FERRY_DATA_DIR) app.setPath('userData', process.env.FERRY_DATA_DIR);

// `Ferry cli <group> <command> …`: the packaged app runs the command line itself, since the
// RunAsNode fuse is off (no ELECTRON_RUN_AS_NODE); no window, no single-instance lock.
const userArgs = process.argv.slice(app.isPackaged ? 1 : 2);
const cliMode = userArgs[0] === 'cli';
if (cliMode) {
  void runCli(userArgs.slice(1), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: { ...process.env, FERRY_DATA_DIR: process.env.FERRY_DATA_DIR ?? app.getPath('userData') },
  }).then((code) => app.exit(code), () => app.exit(3));
} else {
  if (!app.requestSingleInstanceLock()) app.quit();
  registerAppScheme();
  startApp();
}

/** Dialog texts in the language the person chose (the system's before the app is ready). */
function texts() {
  let language: Language | null = null;
  try {
    language = services?.settings.get().language ?? null;
  } catch {
    // The database may be what failed; fall back to the system locale.
  }
  return shellTexts(language, app.isReady() ? app.getLocale() : (process.env.LANG ?? ''));
}

function writeCrashReport(context: string, error: unknown): void {
  try {
    const dir = join(app.getPath('userData'), 'crash-reports');
    mkdirSync(dir, { recursive: true });
    const text = `${new Date().toISOString()} ${context}\n${error instanceof Error ? error.stack : String(error)}\n`;
    writeFileSync(join(dir, `${Date.now()}.txt`), text);
  } catch {
    // Reporting must never crash the app further.
  }
}

process.on('uncaughtException', (error) => {
  writeCrashReport('uncaughtException', error);
  if (cliMode) {
    process.stderr.write(`error INTERNAL_ERROR: ${error.message}\n`);
    app.exit(1);
    return;
  }
  const text = texts();
  const choice = dialog.showMessageBoxSync({ type: 'error', title: 'Ferry', message: text.crash, buttons: [text.restart, text.quit], defaultId: 0 });
  if (choice === 0) app.relaunch();
  app.exit(1);
});

/** The desktop app: services, IPC, protocol, window. */
function startApp(): void {
  void app.whenReady().then(() => {
    const protector = createSafeStorageProtector() ?? undefined;
    let blocker: number | null = null;
    services = createServices({
      dataDir: app.getPath('userData'),
      ...(protector ? { protector } : {}),
      emit: (event, payload) => {
        // Keep the machine awake while long work runs (Etcher's lesson).
        if (event === 'job:progress' && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension');
        if (event === 'job:finished' && services?.jobs.list().length === 0 && blocker !== null) {
          powerSaveBlocker.stop(blocker);
          blocker = null;
        }
        sendToWindow(() => mainWindow)(event, payload);
      },
      dialog: {
        openFile: async (options) => {
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, { properties: ['openFile'], ...openDialogOptions(texts(), options.purpose) })
            : { canceled: true, filePaths: [] };
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
      version: app.getVersion(),
      systemLocale: app.getLocale(),
      transport: 'electron',
    });
    services.stations.ensure(hostname() || 'Ferry');
    const dispatch = createDispatcher(createHandlerTable(services), {
      isTrustedSender: (sender) => mainWindow !== null && sender.id === String(mainWindow.webContents.id) && isAllowedNavigation(sender.url),
      onInternalError: (channel, error) => writeCrashReport(channel, error),
    });
    registerIpc(dispatch);
    serveRenderer(join(here, '../renderer'));
    mainWindow = createMainWindow(join(here, '../preload/index.cjs'));
    mainWindow.on('close', (event) => {
      const running = services?.jobs.list() ?? [];
      if (running.length === 0 || !mainWindow) return;
      const text = texts();
      const choice = dialog.showMessageBoxSync(mainWindow, {
        type: 'warning', buttons: [text.keep, text.cancelAndQuit], defaultId: 0, cancelId: 0, message: text.running(running.length),
      });
      if (choice === 0) event.preventDefault();
    });
    mainWindow.on('closed', () => { mainWindow = null; });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => { if (!isAllowedNavigation(url)) event.preventDefault(); });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  if (!cliMode) void services?.close().finally(() => app.quit());
});

