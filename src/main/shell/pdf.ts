/**
 * The Electron PDF printer: the report is loaded from a private temp file into a hidden, sandboxed
 * window without JavaScript, preload or network, printed with `webContents.printToPDF` (A4, with
 * backgrounds), and the window and file are gone afterwards.
 */
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { PdfPrinter } from '../runbooks/pdf-printer.ts';
import { lockDownSession } from './window.ts';

/** Prints with Electron's own Chromium. */
export function createElectronPdfPrinter(): PdfPrinter {
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-pdf-'));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, partition: 'ferry-pdf', disableBlinkFeatures: 'Auxclick', webviewTag: false },
    });
    // The document is self-contained: nothing may load from anywhere, no navigation away (its own in-memory session).
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    lockDownSession(win.webContents.session);
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, html, { mode: 0o600 });
      // A report is small; a printer that hangs is told apart from one that works.
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new FerryError('REPORT_PDF_FAILED', 'Printing the report took longer than 2 minutes', { reason: 'timeout' })), 120_000).unref());
      await Promise.race([win.loadFile(file), timeout]);
      return await Promise.race([win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }), timeout]);
    } finally {
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
