import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentSecurityPolicy, FUSES, isAllowedNavigation, secureWebPreferences } from '../../src/main/security.ts';

describe('security baseline', () => {
  it('sets every security-relevant web preference explicitly', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false,
    });
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

  it('ships the built page with the same CSP as a meta tag', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(html).toContain('content="%FERRY_CSP%"');
    const config = readFileSync('electron.vite.config.ts', 'utf8');
    expect(config).toContain("html.replace('%FERRY_CSP%', contentSecurityPolicy())");
  });

  it('flips the fuses in electron-builder.yml as security.ts declares', () => {
    const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(builder.electronFuses).toEqual(FUSES);
    expect(FUSES).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true });
  });
});
