/**
 * What the link panel and a status reading say, as plain data: the API account's permissions in the
 * terms of what Ferry does with them, how long ago something was, the fingerprint in the two ways
 * people compare it, and whether the appliance's version differs from the inventory's.
 */
import type { StatusReadingInfo } from '../../../shared/contract.ts';

/** What Ferry reads through the link, each with the permission it needs (`get_api_info`'s names). */
export const LINK_USES = [
  { use: 'status', permission: 'perm_command' },
  { use: 'backup', permission: 'perm_backup' },
  { use: 'jumpClients', permission: 'perm_configuration' },
] as const;

/** One use: allowed, missing, or not stated (then Ferry tries, and a 403 says it). */
export type PermissionState = 'allowed' | 'missing' | 'unstated';

/** Each use of the link and whether the account's permissions allow it. */
export function permissionStates(permissions: Record<string, string>): { use: (typeof LINK_USES)[number]['use']; permission: string; value: string | null; state: PermissionState }[] {
  return LINK_USES.map(({ use, permission }) => {
    const value = permissions[permission] ?? null;
    if (value === null) return { use, permission, value, state: 'unstated' };
    // The command API is read_only or full to read the status (full is more than Ferry needs); the others are 1 or 0.
    const allowed = permission === 'perm_command' ? value === 'full' || value === 'read_only' : value === '1';
    return { use, permission, value, state: allowed ? 'allowed' : 'missing' };
  });
}

/** `AB:CD:…`: the fingerprint as browsers and the appliance's certificate pages show it. */
export function colonPairs(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

/** How long ago `iso` was at `now`, in the language's words ("12 minutes ago", "vor 12 Minuten"). */
export function ago(iso: string, now: number, language: string): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const seconds = Math.round((now - at) / 1000);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 90 * 60) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (abs < 48 * 3600) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86_400), 'day');
}

/** A certificate's date (OpenSSL's `Dec 27 10:00:00 2026 GMT` or ISO) as an instant, or null. */
export function certificateDate(text: string): Date | null {
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The version the appliance reported, when it is not the one the inventory holds (else null). */
export function versionMismatch(reading: Pick<StatusReadingInfo, 'version' | 'inventorySiteVersion'>): { reported: string; inventory: string } | null {
  if (reading.version === null || reading.version === reading.inventorySiteVersion) return null;
  return { reported: reading.version, inventory: reading.inventorySiteVersion };
}

/**
 * The appliance's word for its last data sync in the page's language where Ferry knows it
 * ("Success"); any other word is shown as the appliance wrote it, in quotes.
 */
export function syncStatusText(status: string, t: (key: string) => string): string {
  return /^\s*success(ful)?\s*$/i.test(status) ? t('link.status.syncSuccess') : `“${status}”`;
}

/**
 * A certificate's subject alternative names as a person reads them: `DNS:a.example, IP Address:10.0.0.1`
 * → `a.example, 10.0.0.1` (Node's labels dropped); anything else stays as written.
 */
export function alternativeNames(text: string): string {
  return text.split(/,\s*/).map((entry) => entry.replace(/^(DNS|IP Address):/, '')).join(', ');
}
