/**
 * A request's and a bundle manifest's signatures verify with the OpenSSL CLI over the DSSE PAE,
 * built here from the spec (not with Ferry's `pae`), under the key the signer exported as PEM: any
 * DSSE implementation can check what Ferry writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { opensslVerifies, specPae } from '../helpers/openssl.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundleOnMedium } from '../helpers/transfer.ts';

interface Envelope { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] }

async function exportedPem(dataDir: string): Promise<string> {
  const file = join(tempDir(), 'key.pem');
  expect((await ferry(dataDir, 'station', 'export', '--out', file)).code).toBe(0);
  return readFileSync(file, 'utf8');
}

function checkEnvelope(file: string, pem: string, type: string): void {
  const envelope = JSON.parse(readFileSync(file, 'utf8')) as Envelope;
  expect(envelope.payloadType).toBe(type);
  const payload = Buffer.from(envelope.payload, 'base64');
  const sig = Buffer.from(envelope.signatures[0]!.sig, 'base64');
  expect(opensslVerifies(pem, specPae(type, payload), sig)).toBe(true);
  // The same signature over one changed byte does not verify: OpenSSL is really checking.
  const changed = Buffer.from(payload);
  changed[10] = changed[10]! ^ 1;
  expect(opensslVerifies(pem, specPae(type, changed), sig)).toBe(false);
}

describe('signatures any DSSE implementation can check', () => {
  it('the request verifies under the restricted station’s key, the manifest under the connected station’s', async () => {
    const trip = await bundleOnMedium();
    checkEnvelope(trip.requestFile, await exportedPem(trip.r), 'application/vnd.ferry.request+json');
    checkEnvelope(join(trip.bundleDir, 'manifest.dsse.json'), await exportedPem(trip.c), 'application/vnd.ferry.bundle+json');
    // And not under the other station's key.
    const manifest = JSON.parse(readFileSync(join(trip.bundleDir, 'manifest.dsse.json'), 'utf8')) as Envelope;
    expect(opensslVerifies(await exportedPem(trip.r), specPae(manifest.payloadType, Buffer.from(manifest.payload, 'base64')), Buffer.from(manifest.signatures[0]!.sig, 'base64'))).toBe(false);
  });
});
