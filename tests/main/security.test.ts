import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  contentSecurityPolicy, externalUrlToOpen, FUSES, isAllowedNavigation, isPermissionGranted, isTrustedSender,
  MINIMUM_ELECTRON_MAJOR, secureWebPreferences, windowOpenDecision,
} from '../../src/main/security.ts';

describe('security baseline', () => {
  it('sets every security-relevant web preference explicitly', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs', { packaged: true });
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false,
      experimentalFeatures: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('turns DevTools off in packaged builds only', () => {
    expect(secureWebPreferences('/p', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/p', { packaged: false }).devTools).toBe(true);
  });

  it('has a CSP that allows nothing by default and no remote origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);
  });

  it('allows navigation only within ferry://app', () => {
    expect(isAllowedNavigation('ferry://app/index.html')).toBe(true);
    expect(isAllowedNavigation('ferry://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('ferry://user:pw@app/')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('trusts an IPC sender only when it is the window’s webContents showing the app', () => {
    expect(isTrustedSender({ id: '7', url: 'ferry://app/index.html' }, 7)).toBe(true);
    expect(isTrustedSender({ id: '8', url: 'ferry://app/index.html' }, 7)).toBe(false);
    expect(isTrustedSender({ id: '7', url: 'https://evil.example/' }, 7)).toBe(false);
    // A subframe reports no URL (shell/ipc.ts), and no window means nobody is trusted.
    expect(isTrustedSender({ id: '7', url: '' }, 7)).toBe(false);
    expect(isTrustedSender({ id: '7', url: 'ferry://app/index.html' }, null)).toBe(false);
  });

  it('grants no permission', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });

  it('ships the built page with the same CSP as a meta tag', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(html).toContain('content="%FERRY_CSP%"');
    const config = readFileSync('electron.vite.config.ts', 'utf8');
    expect(config).toContain("html.replace('%FERRY_CSP%', contentSecurityPolicy())");
  });

  it('flips the fuses in electron-builder.yml as security.ts declares', () => {
    const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(builder.electronFuses).toEqual(FUSES);
    expect(FUSES).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds with a current Electron (checklist 16)', () => {
    const installed = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
    const wanted = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron ?? '';
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(MINIMUM_ELECTRON_MAJOR);
    expect(Number(/^\^?(\d+)\./.exec(wanted)?.[1])).toBeGreaterThanOrEqual(MINIMUM_ELECTRON_MAJOR);
  });
});

describe('links that leave the app (checklist 15)', () => {
  it('opens only https documentation links, in their parsed form', () => {
    expect(externalUrlToOpen('https://www.beyondtrust.com/docs/remote-support/updates/index.htm'))
      .toBe('https://www.beyondtrust.com/docs/remote-support/updates/index.htm');
    expect(externalUrlToOpen('https://www.beyondtrust.com/docs/a/../b')).toBe('https://www.beyondtrust.com/docs/b');
  });

  it.each([
    ['file:///etc/passwd'],
    ['file://server/share/setup.exe'],
    ['smb://server/share/setup.exe'],
    ['\\\\server\\share\\setup.exe'],
    ['//server/share/setup.exe'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['http://www.beyondtrust.com/docs/'],
    ['https://evil.example/docs/'],
    ['https://www.beyondtrust.com.evil.example/docs/'],
    ['https://www.beyondtrust.com@evil.example/docs/'],
    ['https://user:pw@www.beyondtrust.com/docs/'],
    ['https://www.beyondtrust.com:8443/docs/'],
    ['https://www.beyondtrust.com/login'],
    ['https://www.beyondtrust.com/docs/../login'],
    ['https://www.beyondtrust.com/docs/%2e%2e/login'],
    ['https://www.beyondtrust.com/docs/\nx'],
    ['https://www.beyondtrust.com/docs/ x'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['not a url'],
    [''],
  ])('refuses %j', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: null });
  });

  it('denies a new window even for an allowed link (it opens in the system browser instead)', () => {
    expect(windowOpenDecision('https://www.beyondtrust.com/docs/x')).toEqual({ action: 'deny', openExternally: 'https://www.beyondtrust.com/docs/x' });
  });
});
