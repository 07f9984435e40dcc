/**
 * The Electron security checklist (electronjs.org/docs/latest/tutorial/security, 20 points), asserted
 * on what the shell really creates: `electron` is replaced by recording fakes, since the binary cannot
 * run here. Points 16 and 19 (current Electron, fuses) are in security.test.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src/shared/channels.ts';
import { tempDir } from '../helpers/temp.ts';

const fake = vi.hoisted(() => {
  /** Just enough of an EventEmitter: the listeners the shell registers, called by the test. */
  class Emitter {
    private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    on(name: string, listener: (...args: unknown[]) => void) { this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]); return this; }
    once(name: string, listener: (...args: unknown[]) => void) { return this.on(name, listener); }
    emit(name: string, ...args: unknown[]) { for (const l of this.listeners.get(name) ?? []) l(...args); }
  }
  class FakeSession {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
    device?: () => boolean;
    setPermissionRequestHandler(h: FakeSession['request']) { this.request = h; }
    setPermissionCheckHandler(h: FakeSession['check']) { this.check = h; }
    setDevicePermissionHandler(h: FakeSession['device']) { this.device = h; }
  }
  class FakeContents extends Emitter {
    id = 41;
    session = new FakeSession();
    openHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(h: FakeContents['openHandler']) { this.openHandler = h; }
  }
  class FakeWindow extends Emitter {
    static created: FakeWindow[] = [];
    webContents = new FakeContents();
    loaded: string[] = [];
    readonly options: { webPreferences: Record<string, unknown> };
    constructor(options: { webPreferences: Record<string, unknown> }) { super(); this.options = options; FakeWindow.created.push(this); }
    loadURL(url: string) { this.loaded.push(url); return Promise.resolve(); }
    show() {}
  }
  return {
    FakeWindow,
    FakeContents,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    ipcMain: { handle: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: {} })), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow, protocol: fake.protocol, shell: fake.shell, ipcMain: fake.ipcMain,
  ipcRenderer: fake.ipcRenderer, contextBridge: fake.contextBridge,
}));

const { createMainWindow, guardWebContents, registerAppScheme, serveRenderer } = await import('../../src/main/shell/window.ts');
const { registerIpc } = await import('../../src/main/shell/ipc.ts');
await import('../../src/preload/index.ts');
const [[exposedName, api]] = fake.contextBridge.exposeInMainWorld.mock.calls as unknown as [[string, Record<string, unknown>]];

type FakeWindow = InstanceType<typeof fake.FakeWindow>;
const navEvent = (url: string) => ({ url, preventDefault: vi.fn() });

function createWindow(packaged = true): FakeWindow {
  fake.FakeWindow.created.length = 0;
  createMainWindow('/app/preload/index.cjs', { packaged });
  expect(fake.FakeWindow.created).toHaveLength(1);
  return fake.FakeWindow.created[0]!;
}

beforeEach(() => { vi.clearAllMocks(); });

describe('Electron security checklist, on the created window', () => {
  it('1 + 18: loads only the app’s own secure custom protocol, never file:// or http', () => {
    const win = createWindow();
    expect(win.loaded).toEqual(['ferry://app/index.html']);
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'ferry', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }),
    ]);
  });

  it('2, 3, 4, 6, 8, 9, 10, 11: sets the web preferences on the window it creates', () => {
    const prefs = createWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      contextIsolation: true, sandbox: true, webSecurity: true, allowRunningInsecureContent: false,
      experimentalFeatures: false, webviewTag: false, preload: '/app/preload/index.cjs',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has no DevTools in a packaged build', () => {
    expect(createWindow(true).options.webPreferences.devTools).toBe(false);
    expect(createWindow(false).options.webPreferences.devTools).toBe(true);
  });

  it('5: refuses every permission request and every permission check of the window’s session', () => {
    const { session } = createWindow().webContents;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.check!(null, permission)).toBe(false);
    }
    expect(session.device!()).toBe(false);
  });

  it('7: serves every page with the CSP header and its content type; paths outside the build are 404', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<html></html>');
    writeFileSync(join(dir, 'app.js'), 'export {}');
    serveRenderer(dir);
    const [scheme, handler] = fake.protocol.handle.mock.calls[0] as [string, (r: { url: string }) => Promise<Response>];
    expect(scheme).toBe('ferry');
    const page = await handler({ url: 'ferry://app/' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await handler({ url: 'ferry://app/app.js' })).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['ferry://evil/index.html', 'ferry://app/%2F..%2F..%2Fetc%2Fpasswd', 'ferry://app/%E0%A4%A', 'ferry://app/missing.js']) {
      expect((await handler({ url })).status, url).toBe(404);
    }
  });

  it('12: refuses to attach any <webview>', () => {
    const { webContents } = createWindow();
    const event = navEvent('');
    webContents.emit('will-attach-webview', event, {}, { src: 'ferry://app/index.html' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('13: %s away from the app is prevented', (name) => {
    const { webContents } = createWindow();
    const away = navEvent('https://evil.example/');
    webContents.emit(name, away);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = navEvent('ferry://app/index.html#/plan');
    webContents.emit(name, inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('14 + 15: denies every new window; only an allowlisted documentation link reaches shell.openExternal', () => {
    const { webContents } = createWindow();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'ferry://app/index.html']) {
      expect(webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
    expect(webContents.openHandler!({ url: 'https://www.beyondtrust.com/docs/x' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.beyondtrust.com/docs/x');
  });

  it('13 + 14 for any other webContents too (web-contents-created)', () => {
    const contents = new fake.FakeContents();
    guardWebContents(contents as never);
    const away = navEvent('file:///etc/passwd');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('17: hands the dispatcher the calling frame’s URL only for a top-level frame', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    registerIpc(dispatch);
    expect(fake.ipcMain.handle.mock.calls.map((c) => c[0])).toEqual([...INVOKE_CHANNELS]);
    const handler = fake.ipcMain.handle.mock.calls[0]![1] as (event: unknown, args: unknown) => Promise<unknown>;
    await handler({ sender: { id: 41 }, senderFrame: { url: 'ferry://app/index.html', parent: null } }, {});
    await handler({ sender: { id: 41 }, senderFrame: { url: 'ferry://app/index.html', parent: {} } }, {});
    await handler({ sender: { id: 41 }, senderFrame: null }, {});
    expect(dispatch.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { id: '41', url: 'ferry://app/index.html' }, { id: '41', url: '' }, { id: '41', url: '' },
    ]);
  });

  it('11: the renderer uses no <webview> and no allowpopups', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const offenders = files('src/renderer').filter((f) => /<webview|allowpopups/i.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('20: the preload exposes no Electron API, only window.ferry from the contract', () => {
  it('exposes one object, window.ferry, made of functions', () => {
    expect(exposedName).toBe('ferry');
    const leaves = Object.values(api).flatMap((v) => (typeof v === 'function' ? [v] : Object.values(v as object)));
    expect(leaves.every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
  });

  it('invokes only contract channels', async () => {
    await (api.station as { show(): Promise<unknown> }).show();
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('station:show', {});
    expect(fake.ipcRenderer.invoke.mock.calls.every((c) => (INVOKE_CHANNELS as readonly string[]).includes((c as unknown[])[0] as string))).toBe(true);
  });

  it('subscribes only to contract events and never passes the IPC event object on', () => {
    const on = api.on as (event: string, listener: (payload: unknown) => void) => () => void;
    for (const bad of ['station:show', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'constructor']) {
      expect(() => on(bad, () => undefined)).toThrow(TypeError);
    }
    expect(() => on(EVENT_CHANNELS[0], 'not a function' as never)).toThrow(TypeError);
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
    const seen: unknown[] = [];
    const off = on('job:progress', (payload) => seen.push(payload));
    const [channel, wrapped] = fake.ipcRenderer.on.mock.calls[0] as unknown as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe('job:progress');
    wrapped({ sender: fake.ipcRenderer }, { jobId: 'j' });
    expect(seen).toEqual([{ jobId: 'j' }]);
    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('job:progress', wrapped);
  });
});
