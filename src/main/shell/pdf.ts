/**
 * The Electron PDF printer: the report is loaded from a private temp file into a hidden, sandboxed
 * window without JavaScript, preload or network, printed with `webContents.printToPDF` (A4, with
 * backgrounds), and the window and file are gone afterwards.
 */
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../runbooks/pdf-printer.ts';
import { lockDownSession } from './window.ts';

/** Prints with Electron's own Chromium. */
export function createElectronPdfPrinter(): PdfPrinter {
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-pdf-'));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, partition: 'ferry-pdf', disableBlinkFeatures: 'Auxclick' },
    });
    // The document is self-contained: nothing may load from anywhere, no navigation away (its own in-memory session).
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    lockDownSession(win.webContents.session);
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, html, { mode: 0o600 });
      await win.loadFile(file);
      return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
