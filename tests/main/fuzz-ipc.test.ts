/**
 * Acceptance (issue 6): every IPC channel, called through the real dispatcher over real services in a
 * temp data directory (trusted sender), with arguments shaped by its schema but holding random, huge
 * or hostile values, and with dialogs that answer with random files or devices. No call may end in
 * INTERNAL_ERROR, every failure carries a catalogue code, and so does every job that fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { createServices } from '../../src/main/services.ts';
import { invoke, type InvokeChannel } from '../../src/shared/contract.ts';
import { ERROR_CODES } from '../../src/shared/errors.ts';
import { fileContent, KEY_FINGERPRINT } from '../helpers/fuzz-inputs.ts';
import { tempDir } from '../helpers/temp.ts';
import { shapedBy } from '../helpers/zod-arbitrary.ts';

const CHANNELS = Object.keys(invoke) as InvokeChannel[];
const ID = /^([0-9a-f]{64}|[0-9a-f-]{36})$/;

/** Collects ids, handles and fingerprints from answers, so later calls can use them. */
function harvest(value: unknown, known: string[]): void {
  if (typeof value === 'string') {
    if (ID.test(value) && !known.includes(value)) known.push(value);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) harvest(v, known);
  }
}

/** Paths no reader may hang on or crash over: a folder, devices, a FIFO, a missing file, a large file. */
function specialPaths(dir: string): string[] {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const large = join(dir, 'large.json');
  writeFileSync(large, '');
  truncateSync(large, 17 * 1024 * 1024);
  return [dir, '/dev/zero', '/dev/null', fifo, join(dir, 'missing.json'), large];
}

describe('fuzz: every IPC channel', () => {
  it('answers random, shaped and huge arguments with a catalogue code, never INTERNAL_ERROR', async () => {
    const dir = tempDir();
    const files = join(dir, 'files');
    mkdirSync(files);
    const special = specialPaths(dir);
    let answer: string | null = null;
    const finished: { error?: { code: string } }[] = [];
    const internal: string[] = [];
    const services = createServices({
      dataDir: join(dir, 'data'),
      emit: (event, payload) => { if (event === 'job:finished') finished.push(payload as (typeof finished)[number]); },
      dialog: {
        openFile: async () => answer,
        openFiles: async () => (answer === null ? [] : [answer]),
        openFolder: async () => answer,
        saveFile: async () => (answer === null ? null : join(files, `save-${finished.length}.txt`)),
      },
    });
    const dispatch = createDispatcher(createHandlerTable(services), {
      isTrustedSender: () => true,
      onInternalError: (channel, error) => internal.push(`${channel}: ${(error as Error)?.stack ?? String(error)}`),
    });
    const known: string[] = [KEY_FINGERPRINT];
    let written = 0;
    const call = fc.constantFrom(...CHANNELS).chain((channel) => fc.record({
      channel: fc.constant<string>(channel),
      args: fc.oneof({ arbitrary: shapedBy(invoke[channel].input, known), weight: 5 },
        { arbitrary: fc.anything({ withNullPrototype: true, withMap: true, withTypedArray: true, withBoxedValues: true, withDate: true }), weight: 1 }),
    }));
    try {
      services.stations.init('Fuzz station');
      await fc.assert(fc.asyncProperty(
        fc.oneof(fileContent.map((content) => ({ content })), fc.constantFrom(...special).map((path) => ({ path })), fc.constant(null)),
        fc.array(fc.oneof({ arbitrary: call, weight: 20 }, { arbitrary: fc.record({ channel: fc.string(), args: fc.jsonValue() }), weight: 1 }), { minLength: 1, maxLength: 6 }),
        async (file, calls) => {
          if (file === null) answer = null;
          else if ('path' in file) answer = file.path;
          else writeFileSync((answer = join(files, `in-${written++}`)), file.content);
          for (const { channel, args } of calls) {
            const result = await dispatch({ id: '1', url: 'app://ferry' }, channel, args);
            if (result.ok) harvest(result.value, known);
            else {
              expect(ERROR_CODES, channel).toContain(result.error.code);
              expect(result.error.code, `${channel} ${result.error.message}\n${internal.at(-1) ?? ''}`).not.toBe('INTERNAL_ERROR');
            }
          }
        },
      ), { numRuns: 400, interruptAfterTimeLimit: 8_000 });
    } finally {
      await services.close();
    }
    for (const job of finished) if (job.error) expect(job.error.code).not.toBe('INTERNAL_ERROR');
    expect(internal).toEqual([]);
  });
});
