/**
 * Ferry's security decisions as plain data and pure functions, so unit tests assert them without
 * Electron: window options, the Content-Security-Policy, which URLs the window may show, which links
 * may leave the app, which IPC senders are trusted. The shell (`shell/window.ts`, `index.ts`) applies them.
 */

/** The app's own origin: pages are served from this custom protocol, never from http or file. */
export const APP_SCHEME = 'ferry';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The oldest Electron major Ferry ships with (checklist 16: a current Electron); a test compares the installed one. */
export const MINIMUM_ELECTRON_MAJOR = 45;

/**
 * The only pages a link may open in the system browser (checklist 15): Ferry's documentation, i.e. the
 * vendor guides its runbooks cite. Origin and path prefix, compared after URL parsing. Adding one is a
 * reviewed change here, never a value from a file or the renderer.
 */
export const DOCUMENTATION_LINKS: readonly { origin: string; pathPrefix: string }[] = [
  { origin: 'https://www.beyondtrust.com', pathPrefix: '/docs/' },
];

/** CSP for every page: nothing by default, only the app's own scripts, styles and images. */
export function contentSecurityPolicy(extraConnectSrc: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${extraConnectSrc.length ? extraConnectSrc.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * `webPreferences` for the main window, every security-relevant option set explicitly. DevTools only
 * in development: a packaged build gives nobody a console into the renderer.
 */
export function secureWebPreferences(preloadPath: string, options: { packaged: boolean }) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click would open links in a new window; the window-open handler denies it too.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: !options.packaged,
  } as const;
}

/** Whether the window may navigate (or be redirected) to `url`: only within the app's own origin. */
export function isAllowedNavigation(url: string): boolean {
  const parsed = URL.parse(url);
  // Node reports origin "null" for custom schemes, so compare scheme and host instead.
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app' && parsed.username === '' && parsed.password === '';
}

/**
 * The URL to hand to `shell.openExternal`, or null to open nothing. Only https links into
 * DOCUMENTATION_LINKS pass; `file:`, `smb:`, UNC paths, `javascript:`, other hosts, ports, user info
 * and anything with control characters or spaces are refused. Returns the parsed, normalised form.
 */
export function externalUrlToOpen(url: string): string | null {
  // Printable ASCII only: the URL parser would silently drop tabs and newlines, and the OS handler
  // might read non-ASCII look-alikes differently from us.
  if (url.length > 2048 || !/^[\x21-\x7e]+$/.test(url)) return null;
  const parsed = URL.parse(url);
  if (parsed === null || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const allowed = DOCUMENTATION_LINKS.some((link) => parsed.origin === link.origin && parsed.pathname.startsWith(link.pathPrefix));
  return allowed ? parsed.href : null;
}

/** What the window-open handler does with a request: never a new Ferry window; documentation opens outside. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalUrlToOpen(url) };
}

/** Whether an IPC call comes from Ferry's own window: its webContents, its top frame, its own origin. */
export function isTrustedSender(sender: { id: string; url: string }, windowContentsId: number | null): boolean {
  return windowContentsId !== null && sender.id === String(windowContentsId) && isAllowedNavigation(sender.url);
}

/** Every permission a page asks for (camera, notifications, clipboard, …) is refused: Ferry needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** Fuses flipped when packaging (mirrored in electron-builder.yml and checked by a test). */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;
