/** Display formatting shared by pages. */

export { formatBytes } from '../../shared/bytes.ts';

/** A timestamp in the UI language. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
