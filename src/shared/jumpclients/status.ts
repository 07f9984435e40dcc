/**
 * Status words of the Jump Client list, English and German, as far as they matter here: an upgrade
 * still pending (or running), offline, online. Anything else is "unknown" and decided by the date.
 */

export type StatusKind = 'pending' | 'offline' | 'online' | 'unknown';

/** What a status cell says. */
export function statusKind(text: string): StatusKind {
  const t = text.trim().toLowerCase();
  if (t === '') return 'unknown';
  if (/pending|ausstehend|upgrading|wird aktualisiert|aktualisierung l(ä|ae)uft|in progress|queued|warteschlange/.test(t)) return 'pending';
  if (/offline|getrennt|nicht verbunden|disconnected/.test(t)) return 'offline';
  if (/^(online|active|aktiv|connected|verbunden)$/.test(t)) return 'online';
  return 'unknown';
}
