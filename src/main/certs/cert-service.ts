/**
 * Certificates as the app and the command line use them: inspect files, export them ordered and
 * protected. One place decides what may be exported (a key that belongs to the leaf, no error finding)
 * and how the file is written (0600, atomically), so both front ends refuse the same things.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { writeFileAtomic, writeUnderFreeName } from '../files/atomic-write.ts';
import type { VolumeProvider } from '../media/volume.ts';
import { checkMedium, ensureFolders, MEDIUM_ROOT, mediumFolder } from '../transfer/medium-folder.ts';
import { fatSafeName } from '../../shared/transfer/fat-name.ts';
import { exportPem, exportPkcs12 } from './export.ts';
import { inspect, type Inspection } from './inspect.ts';
import { readMaterialFiles } from './read-material.ts';

/** What an export wrote. */
export interface Exported {
  bytes: Uint8Array;
  certificates: number;
  leaf: string;
  /** The leaf's common name (for a file name). */
  name: string;
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
  const name = result.ordered[0]!.subject.match(/CN=([^\n]+)/)?.[1]?.replace(/^\*\./, 'wildcard.') ?? 'certificate';
  return { bytes, certificates, leaf: result.chain[0]!.sha256, name };
}

/** Writes an export to `path` (0600, atomic) and records it in the audit log (never the passphrase). */
export function writeExport(path: string, exported: Exported, audit: AuditLog | null, format: string): { file: string; sha256: string } {
  writeFileAtomic(path, exported.bytes, 0o600);
  const sha256 = createHash('sha256').update(exported.bytes).digest('hex');
  audit?.append({ actor: 'user', action: 'cert.exported', subject: exported.leaf, details: { file: basename(path), format, sha256, certificates: exported.certificates } });
  return { file: basename(path), sha256 };
}

/** The README beside an export on the medium, German first, then English (guide: "Upgrade von Hardware-Gerät zu virtuellem Gerät"). */
export function exportReadme(file: string, format: 'pkcs12' | 'pem', sha256: string, certificates: number): string {
  const kind = format === 'pkcs12' ? 'PKCS#12' : 'PEM';
  return [
    `Ferry – Zertifikat für das neue Gerät / certificate for the new appliance`,
    ``,
    `Datei / file: ${file} (${kind}, ${certificates} Zertifikat(e) / certificate(s) + verschlüsselter privater Schlüssel / encrypted private key)`,
    `SHA-256: ${sha256}`,
    ``,
    `DEUTSCH`,
    `Die Passphrase liegt NICHT auf diesem Datenträger; Sie erhalten sie auf anderem Weg.`,
    `1. Auf dem neuen Gerät zu /appliance > Sicherheit > Zertifikate gehen.`,
    `2. Im Abschnitt „Sicherheit :: Zertifikat-Installation“ auf „Importieren“ klicken, diese Datei wählen, die Passphrase eingeben und „Hochladen“ klicken.`,
    `3. Dem Zertifikat eine IP-Adresse zuweisen: im Abschnitt „Sicherheit :: Zertifikate“ den Eintrag finden (Feld „Ausgestellt an“ mit dem Namen des Geräts), prüfen, dass keine Warnungen aufgeführt sind, dann „IP zuweisen“ klicken, die IP-Adresse prüfen und „Konfiguration speichern“.`,
    ``,
    `ENGLISH`,
    `The passphrase is NOT on this medium; you receive it another way.`,
    `1. On the new appliance, go to /appliance > Security > Certificates.`,
    `2. In the section "Security :: Certificate Installation", click "Import", choose this file, enter the passphrase and click "Upload".`,
    `3. Assign an IP address to the certificate: in the section "Security :: Certificates", find its entry ("Issued To" holds the appliance's name), check that no warnings are listed, then click "Assign IP", check the IP address and click "Save Configuration".`,
    ``,
  ].join('\r\n');
}

/** What writing to a medium needs from the services. */
export interface MediumTarget {
  volumes: VolumeProvider;
  dataDir: string;
  now: Date;
  /** The app offers only removable media: a system volume is refused. */
  requireMedium: boolean;
}

/**
 * Writes an export onto a medium (`<medium>/FERRY/certificates/<name>-<UTC stamp>.p12|.pem`, never
 * replacing a file) with its README beside it, checked for space first; audited.
 */
export async function writeExportToMedium(medium: string, exported: Exported, format: 'pkcs12' | 'pem', leafName: string, target: MediumTarget, audit: AuditLog | null): Promise<{ file: string; readme: string; sha256: string }> {
  const root = mediumFolder(medium, target.dataDir);
  await checkMedium(target.volumes, root, exported.bytes.length + 16 * 1024, target.requireMedium);
  const folder = ensureFolders(root, [MEDIUM_ROOT, 'certificates']);
  const base = `${fatSafeName(leafName.slice(0, 120), 'certificate')}-${target.now.toISOString().replace(/[-:]/g, '').slice(0, 13)}`;
  const sha256 = createHash('sha256').update(exported.bytes).digest('hex');
  const file = writeUnderFreeName(folder, base, format === 'pkcs12' ? '.p12' : '.pem', exported.bytes, 0o600);
  const readme = writeUnderFreeName(folder, `${basename(file).replace(/\.(p12|pem)$/, '')}-LIESMICH-README`, '.txt', exportReadme(basename(file), format, sha256, exported.certificates));
  audit?.append({ actor: 'user', action: 'cert.exported', subject: exported.leaf, details: { file: basename(file), format, sha256, certificates: exported.certificates, medium: true } });
  return { file, readme, sha256 };
}
