/**
 * Ferry's security baseline as plain data, so a unit test can assert it without Electron: window
 * options, the Content-Security-Policy, and which URLs the window may show. The shell applies it.
 */

/** The app's own origin: pages are served from this custom protocol, never from http or file. */
export const APP_SCHEME = 'ferry';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

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

/** `webPreferences` for the main window, every security-relevant option set explicitly. */
export function secureWebPreferences(preloadPath: string) {
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
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
  } as const;
}

/** Whether the window may navigate to `url`: only within the app's own origin. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node reports origin "null" for custom schemes, so compare scheme and host instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
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
