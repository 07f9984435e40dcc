/**
 * Packages that arrive as a ZIP archive: a good archive (read by an independent writer's bytes)
 * unpacks into a bundle like a folder does; every hostile archive is refused with ARCHIVE_UNSAFE or
 * ARCHIVE_UNREADABLE before anything is written, and leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackPackages } from '../../src/main/transfer/zip-packages.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import { PACKAGES, restrictedWithRequest } from '../helpers/transfer.ts';
import { zipBytes, type ZipEntry } from '../helpers/zip-writer.ts';

function zipFile(entries: ZipEntry[]): string {
  const file = join(tempDir(), 'downloads.zip');
  writeFileSync(file, zipBytes(entries));
  return file;
}

const signal = new AbortController().signal;

async function expectRefused(entries: ZipEntry[] | Buffer, code: string, reason?: string): Promise<void> {
  const dataDir = tempDir();
  const file = Buffer.isBuffer(entries) ? join(tempDir(), 'x.zip') : zipFile(entries);
  if (Buffer.isBuffer(entries)) writeFileSync(file, entries);
  const error = await unpackPackages(file, dataDir, signal).then(() => null, (e: unknown) => e);
  expect(error).toMatchObject({ code, ...(reason ? { details: { reason } } : {}) });
  const tmp = join(dataDir, 'vault', 'tmp');
  expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
}

describe('packages from a ZIP archive', () => {
  it('bundle create takes a ZIP of the downloads like a folder (deflated and stored entries, in a subfolder)', async () => {
    const trip = await restrictedWithRequest();
    const bytes = PACKAGES.map((p) => randomBytes(p.bytes));
    const archive = zipFile(PACKAGES.map((p, i) => ({ name: `updates/${p.file}`, data: bytes[i]!, deflate: i === 0 })));
    const catalog = join(tempDir(), 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ packages: PACKAGES.map((p) => ({ ...p.entry, file: `updates/${p.file}` })) }));
    const created = await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', archive, '--catalog', catalog, '--out', trip.medium, '--json');
    expect(created.code, created.out).toBe(0);
    expect(created.json<{ packages: { size: number }[] }>().packages.map((p) => p.size)).toEqual(PACKAGES.map((p) => p.bytes));
    // The unpacked copy is gone again.
    expect(readdirSync(join(trip.c, 'vault', 'tmp'))).toEqual([]);
  });

  it.each([
    ['..', '../evil.bin', 'yauzl'],
    ['an absolute path', '/etc/cron.d/evil', 'yauzl'],
    ['a backslash', 'updates\\evil.bin', 'yauzl'],
    ['a drive letter', 'C:/evil.bin', 'yauzl'],
  ])('refuses %s in an entry name (yauzl checks names first; Ferry’s rules would too)', async (_label, name, reason) => {
    await expectRefused([{ name: 'ok.bin', data: Buffer.from('fine') }, { name, data: Buffer.from('x') }], 'ARCHIVE_UNSAFE', reason);
  });

  it('refuses a link', async () => {
    await expectRefused([{ name: 'link.bin', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], 'ARCHIVE_UNSAFE', 'link');
  });

  it('refuses a name that is a file and, for another entry, a folder', async () => {
    await expectRefused([{ name: 'a', data: Buffer.from('file') }, { name: 'A/b.bin', data: Buffer.from('x') }], 'ARCHIVE_UNSAFE', 'file-and-folder');
  });

  it('refuses two names that differ only in case', async () => {
    await expectRefused([{ name: 'Package.bin', data: Buffer.from('a') }, { name: 'package.BIN', data: Buffer.from('b') }], 'ARCHIVE_UNSAFE', 'case-fold-duplicate');
  });

  it('stops an entry whose real size exceeds the size it declares', async () => {
    await expectRefused([{ name: 'bomb.bin', data: Buffer.alloc(4 * 1024 * 1024), deflate: true, claimedSize: 1024 }], 'ARCHIVE_UNREADABLE');
  });

  it('says ARCHIVE_UNREADABLE for a file that is not a ZIP, or is cut short', async () => {
    await expectRefused(Buffer.from('not a zip at all'), 'ARCHIVE_UNREADABLE');
    const whole = zipBytes([{ name: 'a.bin', data: randomBytes(4096) }]);
    await expectRefused(whole.subarray(0, whole.length - 30), 'ARCHIVE_UNREADABLE');
  });
});
