/**
 * Re-signs a bundle manifest with the connected station's real key after changing it: a signed but
 * hostile manifest, as a compromised or buggy connected station could write. Tests of path rules
 * need it (an unsigned change is refused earlier, as SIGNATURE_INVALID).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../src/shared/canonical-json.ts';
import { BUNDLE_PAYLOAD_TYPE, type BundleManifest } from '../../src/shared/formats.ts';
import { signEnvelope } from '../../src/main/crypto/dsse.ts';
import { createServices } from '../../src/main/services.ts';

/** Reads the manifest payload of a bundle folder. */
export function readManifest(bundleDir: string): BundleManifest {
  const envelope = JSON.parse(readFileSync(join(bundleDir, 'manifest.dsse.json'), 'utf8')) as { payload: string };
  return JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as BundleManifest;
}

/** Applies `change` to the manifest and signs it again with the station in `signerDataDir`. */
export async function resign(signerDataDir: string, bundleDir: string, change: (m: BundleManifest) => void): Promise<void> {
  const manifest = readManifest(bundleDir);
  change(manifest);
  const s = createServices({ dataDir: signerDataDir, create: false });
  try {
    const station = s.stations.show();
    const envelope = signEnvelope(BUNDLE_PAYLOAD_TYPE, Buffer.from(canonicalJson(manifest), 'utf8'), s.stations.privateKey(), station.fingerprint);
    writeFileSync(join(bundleDir, 'manifest.dsse.json'), JSON.stringify(envelope));
  } finally {
    await s.close();
  }
}
