/**
 * Audit entries in words: actions, actors and subjects in the UI language (falling back to the raw
 * value for anything Ferry does not know yet, so a newer entry is never hidden), and each entry's
 * details as readable parts, e.g. "Restricted side → Connected side".
 */
import type { TFunction, i18n as I18n } from 'i18next';
import type { AuditEntry, AuditVerification, Language } from '../../shared/contract.ts';

/**
 * A translation for `key` if there is one, else `fallback` as stored. Every key looked up has a fixed
 * `audit.…` prefix, so stored text can only ever meet the translations meant for it.
 */
function known(i18n: I18n, t: TFunction, key: string, fallback: string): string {
  return i18n.exists(key) && typeof i18n.t(key, { returnObjects: true }) === 'string' ? t(key) : fallback;
}

/** The action in the UI language, e.g. `station.trusted` → "Station vertraut". */
export function actionLabel(action: string, t: TFunction, i18n: I18n): string {
  return known(i18n, t, `audit.actions.${action}`, action);
}

/** Who acted: this station itself, or the person using it. */
export function actorLabel(actor: string, t: TFunction, i18n: I18n): string {
  return known(i18n, t, `audit.actors.${actor}`, actor);
}

/** What an entry is about, when it is not a fingerprint (e.g. a setting's name). */
export function subjectLabel(subject: string, t: TFunction, i18n: I18n): string {
  return known(i18n, t, `audit.subjects.${subject}`, subject);
}

/** Whether a value is a fingerprint or hash (64 hex digits: shown shortened, expandable and copyable). */
export function isSha256Hex(subject: string): boolean {
  return /^[0-9a-f]{64}$/.test(subject);
}

/**
 * A stored value in words: known values of a kind (`side`, `language`, `source`, `protection`)
 * translated, names and anything else as stored, "—" for none.
 */
function valueText(kind: string, value: unknown, t: TFunction, i18n: I18n): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'string') return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return known(i18n, t, `audit.values.${kind}.${value}`, value);
}

/** One part of an entry's details: words, or a labelled hash or fingerprint (shown shortened, expandable). */
export type DetailPart = { text: string } | { label: string; hex: string };

/** An entry's details as short parts a reviewer reads in one line. */
export function detailParts(entry: AuditEntry, t: TFunction, i18n: I18n): DetailPart[] {
  const { from, to, ...rest } = entry.details;
  const parts: DetailPart[] = [];
  if ('from' in entry.details || 'to' in entry.details) {
    // A change of a setting names the setting as its subject, which says what kind of value changed.
    parts.push({ text: t('audit.details.change', { from: valueText(entry.subject, from, t, i18n), to: valueText(entry.subject, to, t, i18n) }) });
  }
  for (const [key, value] of Object.entries(rest)) {
    const label = known(i18n, t, `audit.details.${key}`, key);
    parts.push(typeof value === 'string' && isSha256Hex(value) ? { label, hex: value } : { text: `${label}: ${valueText(key, value, t, i18n)}` });
  }
  return parts;
}

/**
 * Whether the station's public key (which checks the head's signature) belongs to its sealed private
 * key; null when main did not say. Why it could not be confirmed is written by the service in English:
 * a German page says it in general words.
 */
export function keyStatusText(v: Pick<AuditVerification, 'keyConfirmed' | 'keyNote'>, language: Language, t: TFunction): string | null {
  if (v.keyConfirmed === undefined) return null;
  if (v.keyConfirmed) return t('audit.keyConfirmed');
  if (!v.keyNote) return t('audit.keyNotConfirmed');
  return t('audit.keyNotConfirmedWhy', { why: language === 'en' ? v.keyNote : t('audit.keyNoteDefault') });
}
