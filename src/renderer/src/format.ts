/** Display formatting shared by pages. */

export { formatBytes } from '../../shared/bytes.ts';

/** A timestamp in the UI language. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** Words for one comparison of a version range (`i18n` keys under `plan.range`). */
type RangeWord = 'eq' | 'ge' | 'gt' | 'le' | 'lt';
const OPERATORS: [string, RangeWord][] = [['>=', 'ge'], ['<=', 'le'], ['>', 'gt'], ['<', 'lt'], ['=', 'eq']];

/**
 * A requirement's version range in words: `=13.1.0` → "13.1.0", `>=3.3.2 <4.0.0` → "3.3.2 or later,
 * below 4.0.0". A part it does not know is shown as written, so nothing is ever hidden.
 */
export function rangeInWords(range: string, t: (key: string, values: { version: string }) => string): string {
  const parts = range.trim().split(/\s+/).filter(Boolean).map((part) => {
    const op = OPERATORS.find(([sign]) => part.startsWith(sign));
    const version = op ? part.slice(op[0].length) : part;
    if (!/^\d+(\.\d+)*$/.test(version)) return part;
    return t(`plan.range.${op?.[1] ?? 'eq'}`, { version });
  });
  return parts.join(', ');
}
