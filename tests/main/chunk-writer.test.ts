import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkWriter, IN_FLIGHT } from '../../src/main/jobs/chunk-writer.ts';
import { ALIGN, CHUNK_BYTES, openSource, readChunks } from '../../src/main/jobs/read-chunks.ts';
import { pieceSize, splitWrite } from '../../src/main/jobs/split-write.ts';
import { findTool } from '../helpers/fat-image.ts';
import { opensslSha256 } from '../helpers/jobs.ts';
import { tempDir } from '../helpers/temp.ts';

const MIB = 1024 * 1024;

/** Whether `dir`'s file system takes an O_DIRECT write, asked of dd (coreutils), not of Ferry's code. */
function takesDirectIo(dir: string): boolean {
  const probe = spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'probe')}`, 'bs=4096', 'count=1', 'oflag=direct'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Copies `source` through readChunks and a ChunkWriter (or `chunks` instead), as copy-verify does. */
async function writeThrough(source: string, target: string, chunks?: Buffer[]): Promise<ChunkWriter> {
  const out = await open(target, 'wx', 0o600);
  const writer = await ChunkWriter.open(out, target);
  try {
    if (chunks) {
      for (const chunk of chunks) await writer.write(chunk);
    } else {
      const opened = await openSource(source);
      try {
        for await (const chunk of readChunks(opened, source, new AbortController().signal)) await writer.write(chunk);
      } finally {
        await opened.file.close();
      }
    }
    await writer.finish();
    await out.sync();
  } finally {
    await writer.abandon();
    await out.close();
  }
  return writer;
}

// Sizes around every boundary the writer cares about: empty, blocks, chunks, a tail after chunks.
const SIZES = [0, 1, 4095, 4096, 4097, 3 * 4096, MIB - 1, MIB, MIB + 1, MIB + 4096, 3 * MIB + 123, 7 * MIB];

describe('the chunk writer (direct I/O where the file system takes it)', () => {
  it('writes every size byte for byte, whole aligned chunks directly to the device where dd can', async () => {
    const dir = tempDir();
    const direct = process.platform === 'linux' && takesDirectIo(dir);
    for (const size of SIZES) {
      const source = join(dir, `in-${size}.bin`);
      writeFileSync(source, randomBytes(size));
      const target = join(dir, `out-${size}.bin`);
      const writer = await writeThrough(source, target);
      expect(opensslSha256(target), `size ${size}`).toBe(opensslSha256(source));
      expect(statSync(target).size).toBe(size);
      // readChunks yields whole chunks and then the rest; every piece that spans whole blocks goes direct.
      const tail = size % CHUNK_BYTES;
      const aligned = size - tail + (tail % ALIGN === 0 ? tail : 0);
      expect(writer.directBytes, `size ${size}`).toBe(direct ? aligned : 0);
    }
  });

  it('writes memory it cannot vouch for the ordinary way, still byte for byte', async () => {
    const dir = tempDir();
    // Views one byte into ordinary buffers: neither page-aligned nor known to the writer.
    const chunks = Array.from({ length: IN_FLIGHT * 3 }, () => randomBytes(MIB + 1).subarray(1));
    const target = join(dir, 'out.bin');
    const writer = await writeThrough('', target, chunks);
    expect(writer.directBytes).toBe(0);
    expect(readFileSync(target).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('starts a write only when every chunk but the last IN_FLIGHT is written, though writes finish out of order', async () => {
    // A handle double whose writes finish when the test says: newest first, as a device may finish
    // them. A writer that only counted running writes would then start new ones while an old chunk's
    // write still runs, and readChunks would read into that chunk's buffer (seen on this VM under load).
    const path = join(tempDir(), 'target.bin');
    writeFileSync(path, '');
    const running = new Map<number, () => void>();
    const finished = new Set<number>();
    const handle = {
      write: (_buffer: Buffer, _offset: number, length: number, position: number) => new Promise((resolve) => {
        running.set(position, () => { running.delete(position); finished.add(position); resolve({ bytesWritten: length }); });
      }),
      datasync: async () => undefined,
      stat: async () => ({ dev: -1, ino: -1 }),
    } as unknown as FileHandle;
    const writer = await ChunkWriter.open(handle, path);
    const size = 4096;
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    for (let k = 0; k < 20; k++) {
      let started = false;
      const call = writer.write(Buffer.alloc(size, k)).then(() => { started = true; });
      await settle();
      while (!started) {
        const newest = Math.max(...running.keys());
        running.get(newest)!();
        await settle();
      }
      await call;
      for (let j = 0; j <= k - IN_FLIGHT; j++) expect(finished.has(j * size), `chunk ${j} when chunk ${k} starts`).toBe(true);
    }
    while (running.size > 0) running.get(Math.max(...running.keys()))!();
    await writer.finish();
  });

  it('keeps chunks in their order with several writes in flight', async () => {
    const dir = tempDir();
    // Each MiB carries its index, so a write landing at another chunk's offset shows.
    const source = join(dir, 'numbered.bin');
    const data = Buffer.alloc(40 * MIB);
    for (let i = 0; i < 40; i++) data.fill(i + 1, i * MIB, (i + 1) * MIB);
    writeFileSync(source, data);
    await writeThrough(source, join(dir, 'out.bin'));
    const out = readFileSync(join(dir, 'out.bin'));
    for (let i = 0; i < 40; i++) expect(out[i * MIB + MIB - 1], `chunk ${i}`).toBe(i + 1);
    expect(out.equals(data)).toBe(true);
  });

  it('splits at aligned piece sizes, so every piece goes to the medium directly and is read back from it', async () => {
    expect(pieceSize(4 * 1024 ** 3 - 1)).toBe(4 * 1024 ** 3 - 64 * 1024);
    expect(pieceSize(2 * MIB + 5)).toBe(2 * MIB);
    expect(pieceSize(256 * 1024 + 1)).toBe(256 * 1024 + 1);
    const dir = tempDir();
    const fincore = findTool('fincore');
    if (process.platform !== 'linux' || !takesDirectIo(dir) || fincore === null) return;
    const source = join(dir, 'package.bin');
    writeFileSync(source, randomBytes(5 * MIB + 7));
    const out = join(dir, 'medium');
    mkdirSync(out);
    // What of each piece is in the page cache when the read-back starts (fincore, util-linux).
    let cached: Record<string, number> | null = null;
    const result = await splitWrite({ source, dir: out, name: 'pkg.nsu', maxFileSize: 2 * MIB + 5 }, new AbortController().signal, (phase) => {
      if (phase !== 'reading-back' || cached) return;
      const r = spawnSync(fincore, ['--bytes', '--noheadings', '--raw', '--output', 'RES,FILE', ...readdirSync(out).map((f) => join(out, f))], { encoding: 'utf8' });
      cached = Object.fromEntries(r.stdout.trim().split('\n').map((line) => [line.split(' ')[1]!.split('/').at(-1)!, Number(line.split(' ')[0])]));
    });
    expect(result.pieces.map((p) => p.size)).toEqual([2 * MIB, 2 * MIB, MIB + 7]);
    // The read-back has read part001's first chunk and its read ahead by now; the pieces after it
    // are untouched: nothing of part002 is in memory, of part003 only the page of its 7-byte tail.
    const seen = cached as unknown as Record<string, number>;
    expect(Object.keys(seen).sort()).toEqual(['pkg.nsu.part001', 'pkg.nsu.part002', 'pkg.nsu.part003']);
    expect(seen['pkg.nsu.part002']).toBe(0);
    expect(seen['pkg.nsu.part003']).toBeGreaterThan(0);
    expect(seen['pkg.nsu.part003']).toBeLessThanOrEqual(ALIGN);
    expect(opensslSha256(source)).toBe(result.sha256);
  });
});
