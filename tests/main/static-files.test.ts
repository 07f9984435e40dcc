import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, MIME_TYPES, resolveStaticFile } from '../../src/main/static-files.ts';

const root = `${sep}srv${sep}renderer`;

describe('static files of the built renderer', () => {
  it('maps / to index.html and paths to files below the root', () => {
    expect(resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app-1a2b.js')).toBe(join(root, 'assets', 'app-1a2b.js'));
    expect(resolveStaticFile(root, '/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it.each(['/../secret', '/%2e%2e/secret', '/assets/%2F..%2F..%2Fetc%2Fpasswd', '/..%5C..%5Cwin.ini', '/a%00.js', '/%E0%A4%A', '/%'])(
    'refuses %s without throwing', (path) => {
      expect(resolveStaticFile(root, path)).toBeNull();
    });

  it('has one content type per kind of build file, opaque bytes for the rest', () => {
    expect(contentTypeFor('index.html')).toBe(MIME_TYPES['.html']);
    expect(contentTypeFor('/x/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('setup.exe')).toBe('application/octet-stream');
  });
});
