/**
 * The Electron shell: wires the services (which know nothing of Electron) to the window, IPC,
 * dialogs and safeStorage. Keep logic out of here; put it in a service.
 */
import { app, BrowserWindow, dialog, powerSaveBlocker } from 'electron';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run.ts';
import { createDispatcher } from './ipc/dispatcher.ts';
import { createHandlerTable } from './ipc/register-handlers.ts';
import { isTrustedSender } from './security.ts';
import { createServices, type Services } from './services.ts';
import { installCriticalErrorHandlers } from './shell/critical-error.ts';
import { createElectronPdfPrinter } from './shell/pdf.ts';
import { createElectronDialogs } from './shell/dialogs.ts';
import { registerIpc, sendToWindow } from './shell/ipc.ts';
import { createSafeStorageProtector } from './shell/safe-storage-protector.ts';
import { shellTexts } from './shell/texts.ts';
import type { Language } from '../shared/contract.ts';
import { createMainWindow, guardWebContents, registerAppScheme, serveRenderer } from './shell/window.ts';

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

// Bugs (uncaught exceptions, unhandled rejections, a crashed window) write a report and offer a restart.
const writeCrashReport = installCriticalErrorHandlers({ dataDir: () => app.getPath('userData'), version: app.getVersion(), texts, cliMode });

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
      dialog: createElectronDialogs(() => mainWindow, texts),
      version: app.getVersion(),
      systemLocale: app.getLocale(),
      transport: 'electron',
      printPdf: createElectronPdfPrinter(),
    });
    services.stations.ensure(hostname() || 'Ferry');
    const dispatch = createDispatcher(createHandlerTable(services), {
      isTrustedSender: (sender) => isTrustedSender(sender, mainWindow?.webContents.id ?? null),
      onInternalError: (channel, error) => writeCrashReport(channel, error),
    });
    registerIpc(dispatch);
    serveRenderer(join(here, '../renderer'));
    mainWindow = createMainWindow(join(here, '../preload/index.cjs'), { packaged: app.isPackaged });
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

// Every webContents, not only the main window's, gets the navigation, webview and window-open guards.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

app.on('window-all-closed', () => {
  if (!cliMode) void services?.close().finally(() => app.quit());
});

