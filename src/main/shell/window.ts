/**
 * The main window and the `ferry://app` protocol that serves the built renderer with its CSP. Every
 * navigation, redirect, frame navigation, webview and `window.open` is denied; every permission is
 * refused; only allowlisted documentation links leave the app. The decisions live in `security.ts`.
 */
import { BrowserWindow, protocol, shell, type Session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import {
  APP_ORIGIN, APP_SCHEME, contentSecurityPolicy, isAllowedNavigation, isPermissionGranted, secureWebPreferences, windowOpenDecision,
} from '../security.ts';
import { contentTypeFor, resolveStaticFile } from '../static-files.ts';

/** Must run before `app.ready`: the app's pages get a standard, secure origin instead of `file://`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
  }]);
}

/** The answer to one `ferry://` request: a file below `rendererDir` with its CSP, or 404. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = URL.parse(requestUrl);
  const file = url && url.host === 'app' ? resolveStaticFile(rendererDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, { headers: { 'content-type': contentTypeFor(file), 'content-security-policy': contentSecurityPolicy() } });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** Serves files below `rendererDir` on ferry://app/. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
}

/** Refuses every permission request and check in a session (checklist 5). */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
}

/** Guards for any webContents: navigation, redirects, frames, webviews, new windows (checklist 12–15). */
export function guardWebContents(contents: WebContents): void {
  const denyForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', (event) => denyForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    // Only a parsed, allowlisted https documentation URL reaches the OS (checklist 15).
    if (decision.openExternally !== null) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/** Creates the main window with the security baseline; DevTools only when not packaged. */
export function createMainWindow(preloadPath: string, options: { packaged: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Ferry',
    webPreferences: secureWebPreferences(preloadPath, options),
  });
  guardWebContents(win.webContents);
  lockDownSession(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
