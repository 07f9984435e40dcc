/** Helpers for job tests: an event recorder, a file of known content, the OpenSSL hash as an oracle. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EmitEvent } from '../../src/main/jobs/job-manager.ts';
import type { EventChannel, EventPayload } from '../../src/shared/contract.ts';
import { tempDir } from './temp.ts';

type Recorded = { event: EventChannel; payload: EventPayload<EventChannel> };

/** Records every event; `finished(jobId)` resolves with the job's final event. */
export function recorder() {
  const events: Recorded[] = [];
  const emit: EmitEvent = (event, payload) => { events.push({ event, payload }); };
  const progress = (jobId?: string) => events
    .filter((e) => e.event === 'job:progress' && (jobId === undefined || e.payload.jobId === jobId))
    .map((e) => e.payload as EventPayload<'job:progress'>);
  const finished = (jobId: string) => new Promise<EventPayload<'job:finished'>>((resolve) => {
    const timer = setInterval(() => {
      const f = events.find((e) => e.event === 'job:finished' && e.payload.jobId === jobId);
      if (f) { clearInterval(timer); resolve(f.payload as EventPayload<'job:finished'>); }
    }, 5);
  });
  /** Resolves once some progress with bytes done has been reported. */
  const started = () => new Promise<void>((resolve) => {
    const timer = setInterval(() => { if (progress().some((p) => p.done > 0)) { clearInterval(timer); resolve(); } }, 1);
  });
  return { events, emit, progress, finished, started };
}

/** A file of `mib` MiB of varied bytes in a fresh temp folder. */
export function bigFile(mib: number, name = 'big.bin'): string {
  const path = join(tempDir(), name);
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    chunk.fill(i % 251);
    chunk.writeUInt32LE(i, 0);
    writeSync(fd, chunk);
  }
  closeSync(fd);
  return path;
}

/** SHA-256 of a file by the OpenSSL CLI: an oracle independent of Node's crypto. */
export function opensslSha256(path: string): string {
  return execFileSync('openssl', ['dgst', '-sha256', '-r', path], { encoding: 'utf8' }).split(' ')[0]!;
}
