/**
 * Certificates as the app and the command line use them: inspect files, export them ordered and
 * protected. One place decides what may be exported (a key that belongs to the leaf, no error finding)
 * and how the file is written (0600, atomically), so both front ends refuse the same things.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { exportPem, exportPkcs12 } from './export.ts';
import { inspect, type Inspection } from './inspect.ts';
import { readMaterialFiles } from './read-material.ts';

/** What an export wrote. */
export interface Exported {
  bytes: Uint8Array;
  certificates: number;
  leaf: string;
}

/** Reads and inspects `paths`. */
export async function inspectFiles(paths: readonly string[], passphrase: string | null, hosts: readonly string[]): Promise<Inspection> {
  return inspect(await readMaterialFiles(paths, passphrase), hosts);
}

/** The export's bytes for `paths`; refused (with the finding's code) when there is no matching key or an error finding. */
export async function exportFiles(paths: readonly string[], passphrase: string | null, out: { passphrase: string; format: 'pkcs12' | 'pem'; compat: boolean }): Promise<Exported> {
  if (out.format === 'pem' && out.compat) throw new FerryError('USAGE', '--compat is for PKCS#12 output', { field: 'compat' });
  const result = await inspectFiles(paths, passphrase, []);
  if (result.key === null) {
    const finding = result.findings.find((f) => f.code === 'CERT_KEY_MISMATCH' || f.code === 'CERT_KEY_MISSING')!;
    throw new FerryError(finding.code, finding.message);
  }
  const blocking = result.findings.find((f) => f.severity === 'error');
  if (blocking) throw new FerryError(blocking.code, `${blocking.message} — not exported`, { finding: blocking.code });
  const input = { ordered: result.ordered, key: result.key, passphrase: out.passphrase, compat: out.compat };
  let bytes: Uint8Array;
  if (out.format === 'pem') {
    const written = exportPem(input);
    bytes = Buffer.from(written.chain + written.key, 'utf8');
  } else {
    bytes = await exportPkcs12(input);
  }
  const top = result.chain.at(-1);
  const certificates = result.ordered.length - (top?.selfSigned && result.ordered.length > 1 ? 1 : 0);
  return { bytes, certificates, leaf: result.chain[0]!.sha256 };
}

/** Writes an export to `path` (0600, atomic) and records it in the audit log (never the passphrase). */
export function writeExport(path: string, exported: Exported, audit: AuditLog | null, format: string): { file: string; sha256: string } {
  writeFileAtomic(path, exported.bytes, 0o600);
  const sha256 = createHash('sha256').update(exported.bytes).digest('hex');
  audit?.append({ actor: 'user', action: 'cert.exported', subject: exported.leaf, details: { file: basename(path), format, sha256, certificates: exported.certificates } });
  return { file: basename(path), sha256 };
}
