/** Texts of the native dialogs the shell shows itself, in the UI language. */
import type { Language } from '../../shared/contract.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { languageForLocale } from '../../shared/language.ts';
import type { FilePurpose } from '../files/file-handles.ts';

const TEXTS = {
  de: {
    crash: 'Ferry ist auf einen unerwarteten Fehler gestoßen (INTERNAL_ERROR). Ein Fehlerbericht wurde gespeichert.',
    restart: 'Neu starten',
    quit: 'Beenden',
    running: (n: number) => `${n} ${n === 1 ? 'Vorgang läuft' : 'Vorgänge laufen'} noch. Trotzdem beenden?`,
    keep: 'Weiterlaufen lassen',
    cancelAndQuit: 'Abbrechen und beenden',
    dialogTitle: { any: 'Datei auswählen', catalog: 'Paketkatalog öffnen', stationKey: 'Schlüssel oder Anfrage der anderen Station öffnen' },
    filterCatalog: 'Paketkatalog (JSON)',
    filterStationKey: 'Stationsschlüssel (PEM) oder Anfrage (JSON)',
  },
  en: {
    crash: 'Ferry hit an unexpected error (INTERNAL_ERROR). An error report was saved.',
    restart: 'Restart',
    quit: 'Quit',
    running: (n: number) => `${n} operation${n === 1 ? ' is' : 's are'} still running. Quit anyway?`,
    keep: 'Keep running',
    cancelAndQuit: 'Cancel and quit',
    dialogTitle: { any: 'Choose a file', catalog: 'Open a package catalog', stationKey: 'Open the other station’s key or request' },
    filterCatalog: 'Package catalog (JSON)',
    filterStationKey: 'Station key (PEM) or request (JSON)',
  },
} as const;

/** Title and filters of the native open dialog for a purpose, in the shell's language. */
export function openDialogOptions(text: ReturnType<typeof shellTexts>, purpose: FilePurpose): { title: string; filters?: { name: string; extensions: string[] }[] } {
  switch (purpose) {
    case 'any': return { title: text.dialogTitle.any };
    case 'catalog': return { title: text.dialogTitle.catalog, filters: [{ name: text.filterCatalog, extensions: ['json'] }] };
    case 'station-key': return { title: text.dialogTitle.stationKey, filters: [{ name: text.filterStationKey, extensions: ['pem', 'json'] }] };
    default: return assertNever(purpose);
  }
}

/** The shell's texts for a language setting, falling back to the system locale. */
export function shellTexts(language: Language | null, systemLocale: string): (typeof TEXTS)[Language] {
  return TEXTS[language ?? languageForLocale(systemLocale)];
}
