/** i18next with German and English, hierarchical ids; German is the default for German systems. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract.ts';
import de from './de.json';
import en from './en.json';

/** Initialises i18next once. */
export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

/** Switches the UI language. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
