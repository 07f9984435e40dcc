/** Texts of the native dialogs the shell shows itself, in the UI language. */
import type { Language } from '../../shared/contract.ts';
import { languageForLocale } from '../../shared/language.ts';

const TEXTS = {
  de: {
    crash: 'Ferry ist auf einen unerwarteten Fehler gestoßen (INTERNAL_ERROR). Ein Fehlerbericht wurde gespeichert.',
    restart: 'Neu starten',
    quit: 'Beenden',
    running: (n: number) => `${n} ${n === 1 ? 'Vorgang läuft' : 'Vorgänge laufen'} noch. Trotzdem beenden?`,
    keep: 'Weiterlaufen lassen',
    cancelAndQuit: 'Abbrechen und beenden',
  },
  en: {
    crash: 'Ferry hit an unexpected error (INTERNAL_ERROR). An error report was saved.',
    restart: 'Restart',
    quit: 'Quit',
    running: (n: number) => `${n} operation${n === 1 ? ' is' : 's are'} still running. Quit anyway?`,
    keep: 'Keep running',
    cancelAndQuit: 'Cancel and quit',
  },
} as const;

/** The shell's texts for a language setting, falling back to the system locale. */
export function shellTexts(language: Language | null, systemLocale: string) {
  return TEXTS[language ?? languageForLocale(systemLocale)];
}
