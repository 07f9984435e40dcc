/**
 * The checks on a bundle's manifest that need no package bytes: the manifest is there and signed by
 * the key it names, that key belongs to a station this one trusts, it has not expired (as of `at`),
 * its sequence is above the last one accepted from that signer, it answers a request this station
 * wrote, and its packages are a valid catalog. Each refusal has its code (DESIGN: trust model).
 */
import { createHash } from 'node:crypto';
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { BUNDLE_PAYLOAD_TYPE, BundleManifestSchema, type BundleManifest, type DsseEnvelope } from '../../shared/formats.ts';
import { parseInstant } from '../../shared/instant.ts';
import { parseCatalog } from '../../shared/packages.ts';
import { readTextInput } from '../files/text-input.ts';
import type { StationService } from '../stations/station-service.ts';
import type { Database } from '../store/database.ts';
import { openSigned } from './signed-file.ts';

/** The manifest's file name in a bundle folder. */
export const MANIFEST_FILE = 'manifest.dsse.json';

/** A manifest that passed every check. */
export interface CheckedManifest {
  manifest: BundleManifest;
  envelope: DsseEnvelope;
  /** SHA-256 of the manifest file as read (identifies this exact bundle). */
  manifestSha256: string;
  signer: { fingerprint: string; name: string; publicKey: Buffer };
  /** This very bundle was imported before (then the sequence check does not apply). */
  alreadyImported: boolean;
  /** Seconds the manifest was written after `at` (beyond 5 minutes): one of the two clocks is wrong. */
  clockAheadSeconds: number | null;
}

/** What the checks need from the station's database. */
export interface CheckContext {
  db: Database;
  stations: StationService;
  /** The moment expiry is judged at (`--at`, else now). */
  at: Date;
}

/** Reads `dir/manifest.dsse.json` and runs the checks; the first failing one throws. */
export function checkManifest(dir: string, ctx: CheckContext): CheckedManifest {
  const text = readManifest(dir);
  const manifestSha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const opened = openSigned(text, BUNDLE_PAYLOAD_TYPE, BundleManifestSchema, 'bundle manifest');
  const manifest = opened.payload;
  const trusted = ctx.stations.trustedKey(opened.fingerprint);
  if (!trusted || !trusted.publicKey.equals(opened.raw)) {
    throw new FerryError('SIGNER_UNTRUSTED', `The bundle is signed by "${opened.name}", a station this one does not trust`, { signer: opened.fingerprint, name: opened.name });
  }
  try {
    parseCatalog({ packages: manifest.packages });
  } catch (error) {
    throw new FerryError('MANIFEST_MALFORMED', `The manifest's package list is not valid: ${(error as Error).message}`, { field: 'packages' });
  }
  checkExpiry(manifest, ctx.at);
  const previous = ctx.db.prepare('SELECT manifest_sha256 AS sha FROM bundles_accepted WHERE id = ?').get(manifest.id) as { sha: string } | undefined;
  const alreadyImported = previous?.sha === manifestSha256;
  if (!alreadyImported) {
    const last = ctx.db.prepare('SELECT MAX(sequence) AS n FROM bundles_accepted WHERE signer = ?').get(opened.fingerprint) as { n: number | null };
    if (last.n !== null && manifest.sequence <= last.n) {
      throw new FerryError('MANIFEST_ROLLBACK', `The bundle has sequence ${manifest.sequence}, but ${last.n} from "${trusted.name}" was accepted already`, { sequence: manifest.sequence, lastAccepted: last.n });
    }
  }
  if (ctx.db.prepare('SELECT 1 FROM requests WHERE id = ?').get(manifest.inReplyTo) === undefined) {
    throw new FerryError('REQUEST_MISMATCH', `The bundle answers request ${manifest.inReplyTo}, which this station did not write`, { inReplyTo: manifest.inReplyTo });
  }
  const ahead = Math.round((parseInstant(manifest.createdAt)!.getTime() - ctx.at.getTime()) / 1000);
  return {
    manifest, envelope: opened.envelope, manifestSha256, alreadyImported, clockAheadSeconds: ahead > 300 ? ahead : null,
    signer: { fingerprint: opened.fingerprint, name: trusted.name, publicKey: opened.raw },
  };
}

function readManifest(dir: string): string {
  // The folder itself missing is the person's mistake (exit 3), not a damaged bundle.
  const folder = statSync(dir, { throwIfNoEntry: false });
  if (!folder) throw new FerryError('FILE_MISSING', `${dir} does not exist`, { path: dir });
  if (!folder.isDirectory()) throw new FerryError('INPUT_NOT_A_FILE', `${dir} is not a bundle folder`, { path: dir, reason: 'not-a-folder' });
  const manifest = join(dir, MANIFEST_FILE);
  const st = lstatSync(manifest, { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new FerryError('PATH_OUTSIDE_BUNDLE', `${MANIFEST_FILE} is not a plain file (${st.isSymbolicLink() ? 'a link' : 'a device or folder'})`, { file: MANIFEST_FILE, reason: st.isSymbolicLink() ? 'link' : 'device' });
  try {
    return readTextInput(manifest, 'manifest');
  } catch (error) {
    // No manifest: a bundle whose writing was interrupted (it is written last), or not a bundle folder.
    if (error instanceof FerryError && error.code === 'FILE_MISSING') {
      throw new FerryError('FILE_MISSING', `${dir} has no ${MANIFEST_FILE}: not a bundle, or one whose writing did not finish`, { file: MANIFEST_FILE, verification: true });
    }
    throw error;
  }
}

/** MANIFEST_EXPIRED with how late it is, by this computer's clock (which may be the wrong one). */
function checkExpiry(manifest: BundleManifest, at: Date): void {
  const expires = parseInstant(manifest.expiresAt)?.getTime();
  const created = parseInstant(manifest.createdAt)?.getTime();
  if (expires === undefined || created === undefined) throw new FerryError('MANIFEST_MALFORMED', 'The manifest’s dates are not ISO-8601 times with a zone', { field: 'expiresAt' });
  if (at.getTime() > expires) {
    const seconds = Math.round((at.getTime() - expires) / 1000);
    throw new FerryError('MANIFEST_EXPIRED', `The bundle expired ${formatSpan(seconds)} ago (${manifest.expiresAt}; this computer's clock says ${at.toISOString()})`, {
      expiresAt: manifest.expiresAt, at: at.toISOString(), lateSeconds: seconds,
    });
  }
}

function formatSpan(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
