import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/main/files/atomic-write.ts';
import { resolveOutputPath, writeOutputFile } from '../../src/main/files/output-path.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

/** A folder with a data directory holding files that must never be overwritten. */
function layout() {
  const root = tempDir();
  const data = join(root, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'secret.key'), 'KEY');
  const out = join(root, 'out');
  mkdirSync(out);
  return { root, data, out };
}

describe('output paths', () => {
  it('refuse anything inside the data directory, however it is spelled', () => {
    const { root, data, out } = layout();
    symlinkSync(data, join(root, 'via-link'));
    for (const path of [join(data, 'secret.key'), join(data, 'new.txt'), join(out, '..', 'data', 'x'), join(root, 'via-link', 'x'), data]) {
      expect(codeOf(() => resolveOutputPath(path, { dataDir: data, force: true })), path).toBe('OUTPUT_NOT_WRITABLE');
    }
    // The data directory named through a link is still the data directory.
    expect(codeOf(() => resolveOutputPath(join(data, 'x'), { dataDir: join(root, 'via-link') }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(readFileSync(join(data, 'secret.key'), 'utf8')).toBe('KEY');
  });

  it('refuse an existing file without force, links and folders even with force, and a missing folder', () => {
    const { data, out } = layout();
    writeFileSync(join(out, 'taken.txt'), 'OLD');
    writeFileSync(join(out, 'elsewhere.txt'), 'ELSEWHERE');
    symlinkSync(join(out, 'elsewhere.txt'), join(out, 'link.txt'));
    mkdirSync(join(out, 'folder'));
    expect(codeOf(() => resolveOutputPath(join(out, 'taken.txt'), { dataDir: data }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(resolveOutputPath(join(out, 'taken.txt'), { dataDir: data, force: true })).toBe(join(out, 'taken.txt'));
    expect(codeOf(() => resolveOutputPath(join(out, 'link.txt'), { dataDir: data, force: true }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(codeOf(() => resolveOutputPath(join(out, 'folder'), { dataDir: data, force: true }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(codeOf(() => resolveOutputPath(join(out, 'none', 'x.txt'), { dataDir: data }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(codeOf(() => resolveOutputPath('', { dataDir: data }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(readlinkSync(join(out, 'link.txt'))).toBe(join(out, 'elsewhere.txt'));
    expect(readFileSync(join(out, 'elsewhere.txt'), 'utf8')).toBe('ELSEWHERE');
  });

  it('write a new file, and replace an existing one only with force', () => {
    const { data, out } = layout();
    const file = join(out, 'export.txt');
    expect(writeOutputFile(file, 'one', { dataDir: data })).toBe(file);
    expect(codeOf(() => writeOutputFile(file, 'two', { dataDir: data }))).toBe('OUTPUT_NOT_WRITABLE');
    expect(readFileSync(file, 'utf8')).toBe('one');
    writeOutputFile(file, 'three', { dataDir: data, force: true });
    expect(readFileSync(file, 'utf8')).toBe('three');
    expect(readdirSync(out)).toEqual(['export.txt']);
  });
});

describe('atomic write', () => {
  it('creates the file with the mode asked for (less umask) and leaves no temp file', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a.txt'), 'x', 0o600);
    expect(statSync(join(dir, 'a.txt')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('removes its temp file when the rename fails', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'inside'), 'x');
    // Renaming a file over a non-empty folder fails after the temp file was written.
    expect(codeOf(() => writeFileAtomic(join(dir, 'busy'), 'data'))).toBe('OUTPUT_NOT_WRITABLE');
    expect(readdirSync(dir)).toEqual(['busy']);
    expect(lstatSync(join(dir, 'busy')).isDirectory()).toBe(true);
  });
});

describe('ferry … --out (issue 6, defect 1)', () => {
  async function station() {
    const root = tempDir();
    const data = join(root, 'data');
    expect((await ferry(data, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    const keep = { key: readFileSync(join(data, 'secret.key')), db: readFileSync(join(data, 'ferry.db')) };
    return { root, data, keep };
  }

  it('audit export --out DATA/secret.key and station export --out DATA/ferry.db fail and leave both files intact', async () => {
    const { root, data, keep } = await station();
    const audit = await ferry(data, 'audit', 'export', '--out', join(data, 'secret.key'), '--json');
    expect(audit.code).toBe(3);
    expect(audit.json()).toMatchObject({ ok: false, error: { code: 'OUTPUT_NOT_WRITABLE' } });
    const exported = await ferry(data, 'station', 'export', '--out', join(root, 'data', '..', 'data', 'ferry.db'), '--force', '--json');
    expect(exported.code).toBe(3);
    expect(exported.json()).toMatchObject({ ok: false, error: { code: 'OUTPUT_NOT_WRITABLE' } });
    expect(readFileSync(join(data, 'secret.key')).equals(keep.key)).toBe(true);
    expect(readFileSync(join(data, 'ferry.db')).equals(keep.db)).toBe(true);
    expect((await ferry(data, 'audit', 'verify')).code).toBe(0);
  });

  it('refuses to write into another station’s data directory, even with --force', async () => {
    const { data } = await station();
    const other = await station();
    const r = await ferry(data, 'station', 'export', '--out', join(other.data, 'ferry.db'), '--force', '--json');
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'OUTPUT_NOT_WRITABLE', details: { reason: 'inside-data-dir' } } });
    expect(readFileSync(join(other.data, 'ferry.db')).equals(other.keep.db)).toBe(true);
    const fresh = await ferry(data, 'station', 'export', '--out', join(other.data, 'station.pem'), '--json');
    expect(fresh.code).toBe(3);
  });

  it('station export refuses to replace a file without --force and replaces it with --force', async () => {
    const { root, data } = await station();
    const pem = join(root, 'station.pem');
    writeFileSync(pem, 'not mine');
    const refused = await ferry(data, 'station', 'export', '--out', pem, '--json');
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'OUTPUT_NOT_WRITABLE', details: { reason: 'exists' } } });
    expect(readFileSync(pem, 'utf8')).toBe('not mine');
    expect((await ferry(data, 'station', 'export', '--out', pem, '--force')).code).toBe(0);
    expect(readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});
