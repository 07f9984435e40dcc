/**
 * Serving the built renderer from a folder, shared by the shell's `ferry://app` protocol and the e2e
 * harness: one MIME table, one rule for which file a URL path names. Both are total: a bad path is
 * "not found", never an exception.
 */
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files the renderer build contains. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The content type for a file name; unknown kinds are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file below `rootDir` that a URL path names (`/` is `index.html`), or null when the path is
 * malformed (bad percent-encoding, NUL) or leaves the folder (`..`, encoded slashes).
 */
export function resolveStaticFile(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname === '/' ? '/index.html' : urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = normalize(rootDir + sep);
  const file = normalize(join(root, decoded));
  return file.startsWith(root) && file !== root ? file : null;
}
