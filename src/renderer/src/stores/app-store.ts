/** App-wide state: info from main, settings (language, side), the page shown. */
import { create } from 'zustand';
import type { AppInfo, Language, Settings, Side } from '../../../shared/contract.ts';
import { languageForLocale } from '../../../shared/language.ts';
import { changeLanguage, initI18n } from '../i18n/index.ts';
import { ferry, unwrap } from '../ipc.ts';
import { PAGES, type Page } from '../pages.ts';
import { attempt } from './attempt.ts';
import { useErrorStore } from './error-store.ts';

export { PAGES, type Page };

interface AppState {
  ready: boolean;
  info: AppInfo | null;
  settings: Settings;
  language: Language;
  page: Page;
  load(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  /** Whether the side was saved. */
  setSide(side: Side): Promise<boolean>;
  go(page: Page): void;
}

export const useAppStore = create<AppState>((set, get) => ({
  ready: false,
  info: null,
  settings: { language: null, side: null },
  language: 'de',
  page: 'home',
  async load() {
    const [info, settings] = await Promise.all([unwrap(ferry().app.info()), unwrap(ferry().settings.get())]);
    const language = settings.language ?? languageForLocale(info.systemLocale);
    await initI18n(language);
    set({ info, settings, language, ready: true });
  },
  async setLanguage(language) {
    await attempt('settings.language', async () => {
      const settings = await unwrap(ferry().settings.set({ language }));
      await changeLanguage(language);
      set({ settings, language });
    });
  },
  async setSide(side) {
    const result = await attempt('settings.side', async () => set({ settings: await unwrap(ferry().settings.set({ side })) }));
    return result.ok;
  },
  go(page) {
    // Errors belong to the page they happened on; a new page starts clean.
    if (page !== get().page) useErrorStore.getState().clearOnNavigation();
    set({ page });
  },
}));
