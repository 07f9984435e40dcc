/**
 * The rows of "identify the downloads": Ferry's guess per downloaded file, the person's corrections,
 * and which rows go into the bundle. Vendor file names are undocumented, so a guess is only a
 * proposal: an unsure one starts unconfirmed, a sure one confirmed but shown, and nothing the
 * person did not confirm is ever bundled.
 */
import type { ConfirmedPackage, ScannedFile } from '../../../shared/contract.ts';
import { MAX_PACKAGE_NAME_LENGTH, type PackageKind } from '../../../shared/packages.ts';
import { isVersion } from '../../../shared/versions.ts';

/** One downloaded file as the person sees and edits it. */
export interface PackageRow {
  file: string;
  size: number;
  guess: ScannedFile['guess'];
  kind: PackageKind;
  version: string;
  name: string;
  confirmed: boolean;
}

/** What is wrong with a confirmed row (an unconfirmed row is never checked: it is left out). */
export type RowProblem = 'version' | 'name';

/** A row per scanned file, filled with Ferry's guess; only a sure guess starts confirmed. */
export function rowsFromScan(files: readonly ScannedFile[]): PackageRow[] {
  return files.map((f) => ({
    file: f.file, size: f.size, guess: f.guess, kind: f.guess.kind, version: f.guess.version ?? '', name: f.guess.name,
    confirmed: f.guess.confidence === 'high',
  }));
}

/** Why a confirmed row cannot be bundled as it stands; empty when it can (or is not confirmed). */
export function rowProblems(row: PackageRow): RowProblem[] {
  if (!row.confirmed) return [];
  const problems: RowProblem[] = [];
  if (!isVersion(row.version.trim())) problems.push('version');
  const name = row.name.trim();
  if (name === '' || name.length > MAX_PACKAGE_NAME_LENGTH) problems.push('name');
  return problems;
}

/** The confirmed rows as the catalog entries `bundle:create` takes (trimmed); unconfirmed rows are left out. */
export function confirmedPackages(rows: readonly PackageRow[]): ConfirmedPackage[] {
  return rows.filter((r) => r.confirmed).map((r) => ({ file: r.file, name: r.name.trim(), kind: r.kind, version: r.version.trim() }));
}

/** Whether the rows can be bundled: at least one confirmed, and every confirmed row complete. */
export function rowsReady(rows: readonly PackageRow[]): boolean {
  return rows.some((r) => r.confirmed) && rows.every((r) => rowProblems(r).length === 0);
}
