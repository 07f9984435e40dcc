import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_REPORT_FOLDER, isAbnormalExit, MAX_CRASH_REPORTS, writeCrashReport } from '../../src/main/crash-report.ts';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { createServices } from '../../src/main/services.ts';
import { tempDir } from '../helpers/temp.ts';

const read = (file: string) => readFileSync(file, 'utf8');

describe('crash reports', () => {
  it('writes one private file per event with context, message and stack', () => {
    const dataDir = tempDir();
    const file = writeCrashReport(dataDir, { context: 'uncaughtException', error: new TypeError('boom at /data/ferry.db'), version: '1.2.3' });
    expect(file.startsWith(join(dataDir, CRASH_REPORT_FOLDER))).toBe(true);
    const text = read(file);
    expect(text).toContain('context: uncaughtException');
    expect(text).toContain('version: 1.2.3');
    expect(text).toContain('TypeError: boom at /data/ferry.db');
    expect(text).toMatch(/at .*crash-report\.test\.ts/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, CRASH_REPORT_FOLDER)).mode & 0o777).toBe(0o700);
  });

  it('holds no keys, credentials or environment, but keeps paths', () => {
    const dataDir = tempDir();
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    // A fixed seed whose base64 holds '/' and '+', the characters a path-like run would split at.
    const seed = Buffer.from('SdHCk9VXgpv6LG/KCufaRL+6eZi8pumP77BCpouASF4=', 'base64');
    process.env.FERRY_TEST_CANARY = 'canary-7f3e9a1c';
    try {
      const error = new Error(`cannot seal ${seed.toString('base64')} / ${seed.toString('hex')} with passphrase=hunter2 token: abc123 for /home/tech/Ferry/secret.key`);
      error.stack = `${error.message}\n${pem}\n    at seal (/app/out/main/index.js:10:5)`;
      const text = read(writeCrashReport(dataDir, { context: 'test', error }));
      for (const secret of [seed.toString('base64'), seed.toString('hex'), 'hunter2', 'abc123', 'PRIVATE KEY', pem.split('\n')[1]!, 'canary-7f3e9a1c']) {
        expect(text, secret).not.toContain(secret);
      }
      expect(text).toContain('/home/tech/Ferry/secret.key');
      expect(text).toContain('/app/out/main/index.js:10:5');
    } finally {
      delete process.env.FERRY_TEST_CANARY;
    }
  });

  it('reports causes and thrown values that are not errors', () => {
    const dataDir = tempDir();
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(read(writeCrashReport(dataDir, { context: 'c', error: new Error('outer', { cause: new RangeError('inner') }) }))).toMatch(/outer[\s\S]*caused by:[\s\S]*RangeError: inner/);
    expect(read(writeCrashReport(dataDir, { context: 'c', error: 'plain string' }))).toContain('thrown value: plain string');
    expect(read(writeCrashReport(dataDir, { context: 'c', error: circular }))).toContain('thrown value: [object Object]');
    expect(read(writeCrashReport(dataDir, { context: 'c', error: undefined }))).toContain('thrown value: undefined');
  });

  it(`keeps the newest ${MAX_CRASH_REPORTS} reports`, () => {
    const dataDir = tempDir();
    const files = Array.from({ length: MAX_CRASH_REPORTS + 3 }, (_, i) =>
      writeCrashReport(dataDir, { context: `n${i}`, error: new Error('e'), now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }));
    const left = readdirSync(join(dataDir, CRASH_REPORT_FOLDER));
    expect(left).toHaveLength(MAX_CRASH_REPORTS);
    expect(left).not.toContain(files[0]!.split('/').pop());
    expect(left).toContain(files.at(-1)!.split('/').pop());
  });

  it('says OUTPUT_NOT_WRITABLE when the folder cannot be made', () => {
    const notADir = join(tempDir(), 'file');
    writeFileSync(notADir, '');
    expect(() => writeCrashReport(notADir, { context: 'c', error: new Error('e') })).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITABLE' }));
  });

  it('treats every exit but a clean one as a crash', () => {
    expect(isAbnormalExit('clean-exit')).toBe(false);
    for (const reason of ['crashed', 'oom', 'killed', 'abnormal-exit', 'launch-failed', 'integrity-failure']) expect(isAbnormalExit(reason)).toBe(true);
  });
});

describe('app:reportError (the renderer’s error boundary)', () => {
  function setup() {
    const dataDir = tempDir();
    const services = createServices({ dataDir, version: '9.9.9' });
    const dispatch = createDispatcher(createHandlerTable(services), { isTrustedSender: () => true });
    return { dataDir, dispatch, close: () => services.close() };
  }
  const sender = { id: 'w', url: 'ferry://app/index.html' };

  it('writes the renderer’s message and stack into a report and returns its path', async () => {
    const { dataDir, dispatch, close } = setup();
    const result = await dispatch(sender, 'app:reportError', { message: 'Cannot read x', stack: 'TypeError: Cannot read x\n    at Plan (plan.tsx:3:1)' });
    expect(result).toMatchObject({ ok: true });
    const file = (result as { value: { file: string } }).value.file;
    expect(file.startsWith(join(dataDir, CRASH_REPORT_FOLDER))).toBe(true);
    expect(read(file)).toMatch(/context: renderer error boundary[\s\S]*version: 9\.9\.9[\s\S]*at Plan \(plan\.tsx:3:1\)/);
    await close();
  });

  it('refuses unbounded text', async () => {
    const { dataDir, dispatch, close } = setup();
    expect(await dispatch(sender, 'app:reportError', { message: 'x'.repeat(5_000) })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(await dispatch(sender, 'app:reportError', { message: 'm', stack: 'x'.repeat(70_000) })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(await dispatch(sender, 'app:reportError', { message: 'm', extra: 1 })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(() => readdirSync(join(dataDir, CRASH_REPORT_FOLDER))).toThrow();
    await close();
  });
});
