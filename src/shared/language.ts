/** The UI language for a system locale: German for German locales, English otherwise. */
import type { Language } from './contract.ts';

export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}
