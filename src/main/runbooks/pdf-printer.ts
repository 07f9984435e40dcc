/**
 * Turning a report's HTML into PDF. The Electron shell prints with its own Chromium
 * (`shell/pdf.ts`, `webContents.printToPDF`); the e2e harness and the command line, which have no
 * Electron, print with a Chromium installed on the computer (`--headless --print-to-pdf`). Both get
 * a self-contained document without scripts, written to a private temp folder and removed after.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FerryError } from '../../shared/errors.ts';

/** Prints an HTML document to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Buffer>;

/** No printer (a caller without Chromium): says so with a stable code. */
export const NO_PDF_PRINTER: PdfPrinter = async () => {
  throw new FerryError('REPORT_PDF_FAILED', 'No PDF printer here: save the report as HTML and print it from a browser', { reason: 'no-pdf-printer' });
};

/** The Chromium on PATH (`chromium`, `chromium-browser`, `google-chrome`), or `FERRY_CHROMIUM`; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FERRY_CHROMIUM && existsSync(env.FERRY_CHROMIUM)) return env.FERRY_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      const candidate = join(dir, name);
      if (dir !== '' && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** A printer running headless Chromium; NO_PDF_PRINTER when there is none. */
export function chromiumPdfPrinter(binary: string | null = findChromium()): PdfPrinter {
  if (binary === null) return NO_PDF_PRINTER;
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-pdf-'));
    try {
      const input = join(dir, 'report.html');
      const output = join(dir, 'report.pdf');
      writeFileSync(input, html, { mode: 0o600 });
      await new Promise<void>((resolve, reject) => {
        execFile(binary, [
          // No network (a proxy that leads nowhere); scripts are barred by the document's own CSP
          // (headless printing itself stops working with scripts switched off).
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-extensions', '--no-first-run', '--no-pdf-header-footer',
          '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>',
          `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${output}`, pathToFileURL(input).href,
        ], { timeout: 120_000 }, (error) => (error && !existsSync(output) ? reject(error) : resolve()));
      });
      const pdf = readFileSync(output);
      // A whole PDF: its header, and its end marker (a printer stopped half-way leaves none).
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || !pdf.subarray(-32).toString('latin1').includes('%%EOF')) throw new Error('Chromium wrote no complete PDF');
      return pdf;
    } catch (error) {
      if (error instanceof FerryError) throw error;
      throw new FerryError('REPORT_PDF_FAILED', `The PDF could not be printed: ${(error as Error).message.slice(0, 200)}`, { reason: 'pdf-failed' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
