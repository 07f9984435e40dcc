/** The bundle form's settings as typed, checked before anything is written: largest file on the medium, days valid. */
import type { BundleOptions } from '../stores/transfer-store.ts';

/** Bytes per unit the form offers. */
export const UNIT_BYTES: Record<BundleOptions['maxUnit'], number> = { KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** The longest validity the contract takes (ten years). */
const MAX_DAYS = 3650;

/** Which setting is not usable. */
export type SettingsProblem = 'maxSize' | 'expiresInDays';

/** The settings `bundle:create` takes; `maxFileSize` absent means "what the medium allows". */
export type BundleSettings = { ok: true; maxFileSize?: number; expiresInDays: number } | { ok: false; problems: SettingsProblem[] };

/** A number as a person types it, with a decimal point or comma; NaN for anything else. */
function typedNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Checks the typed settings. */
export function bundleSettings(options: BundleOptions): BundleSettings {
  const problems: SettingsProblem[] = [];
  let maxFileSize: number | undefined;
  if (options.maxSize.trim() !== '') {
    const bytes = Math.floor(typedNumber(options.maxSize) * UNIT_BYTES[options.maxUnit]);
    if (Number.isSafeInteger(bytes) && bytes >= 1) maxFileSize = bytes;
    else problems.push('maxSize');
  }
  const days = typedNumber(options.expiresInDays);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) problems.push('expiresInDays');
  if (problems.length > 0) return { ok: false, problems };
  return maxFileSize === undefined ? { ok: true, expiresInDays: days } : { ok: true, maxFileSize, expiresInDays: days };
}
