/** OpenSSL as an independent oracle: DSSE's PAE written from the spec, Ed25519 verified by the CLI. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.ts';

/** PAE written out from the DSSE spec, not Ferry's `pae`. */
export const specPae = (type: string, body: Buffer): Buffer => Buffer.concat([
  Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body,
]);

/** Whether `openssl pkeyutl -verify` accepts `sig` over `message` under the PEM public key. */
export function opensslVerifies(publicKeyPem: string, message: Buffer, sig: Buffer): boolean {
  const dir = tempDir();
  writeFileSync(join(dir, 'key.pem'), publicKeyPem);
  writeFileSync(join(dir, 'pae.bin'), message);
  writeFileSync(join(dir, 'sig.bin'), sig);
  const run = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', 'pae.bin', '-sigfile', 'sig.bin'], { cwd: dir, encoding: 'utf8' });
  return run.status === 0 && run.stdout.includes('Signature Verified Successfully');
}
