/** Random test files for the benches. */
import { randomFillSync } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

const MIB = 1024 * 1024;

/**
 * Writes `sizeMib` MiB of random data. Every megabyte is fresh: a file that repeats one block makes
 * some virtual machines merge the identical memory pages behind it, and each write to them then
 * pays a copy on the host — measuring the hypervisor, not Ferry (seen here: 2× slower copies).
 */
export function generate(path: string, sizeMib: number): void {
  const block = Buffer.allocUnsafe(MIB);
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < sizeMib; i++) writeSync(fd, randomFillSync(block));
  } finally {
    closeSync(fd);
  }
}
