/** The renderer's real translations in an i18next instance of their own, for tests of text functions. */
import i18next, { type i18n as I18n } from 'i18next';
import de from '../../src/renderer/src/i18n/de.json';
import en from '../../src/renderer/src/i18n/en.json';

/** An initialised i18next in `language` with Ferry's German and English texts. */
export async function i18nFor(language: 'de' | 'en'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { de: { translation: de }, en: { translation: en } }, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance;
}
