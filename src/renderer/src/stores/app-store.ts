/** App-wide state: info from main, settings (language, side), the page shown, the last error. */
import { create } from 'zustand';
import type { AppInfo, ErrorData, Language, Settings, Side } from '../../../shared/contract.ts';
import { ferry, IpcError, unwrap } from '../ipc.ts';
import { languageForLocale } from '../../../shared/language.ts';
import { changeLanguage, initI18n } from '../i18n/index.ts';

/** The pages reachable from the sidebar. */
export const PAGES = ['home', 'appliances', 'transfer', 'vault', 'plan', 'runbook', 'certificates', 'clients', 'audit', 'settings'] as const;
export type Page = (typeof PAGES)[number];

interface AppState {
  ready: boolean;
  info: AppInfo | null;
  settings: Settings;
  language: Language;
  page: Page;
  error: ErrorData | null;
  load(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  setSide(side: Side): Promise<void>;
  go(page: Page): void;
  showError(error: unknown): void;
  dismissError(): void;
}

/** Turns anything thrown into error data with a code. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof IpcError) return error.data;
  return { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) };
}

export const useAppStore = create<AppState>((set, get) => ({
  ready: false,
  info: null,
  settings: { language: null, side: null },
  language: 'de',
  page: 'home',
  error: null,
  async load() {
    const [info, settings] = await Promise.all([unwrap(ferry().app.info()), unwrap(ferry().settings.get())]);
    const language = settings.language ?? languageForLocale(info.systemLocale);
    await initI18n(language);
    set({ info, settings, language, ready: true });
  },
  async setLanguage(language) {
    try {
      const settings = await unwrap(ferry().settings.set({ language }));
      await changeLanguage(language);
      set({ settings, language });
    } catch (error) {
      get().showError(error);
    }
  },
  async setSide(side) {
    try {
      set({ settings: await unwrap(ferry().settings.set({ side })) });
    } catch (error) {
      get().showError(error);
    }
  },
  go(page) {
    set({ page });
  },
  showError(error) {
    set({ error: toErrorData(error) });
  },
  dismissError() {
    set({ error: null });
  },
}));
