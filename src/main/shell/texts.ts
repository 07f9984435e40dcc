/** Texts of the native dialogs the shell shows itself, in the UI language. */
import type { Language } from '../../shared/contract.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { languageForLocale } from '../../shared/language.ts';
import type { FilePurpose, FolderPurpose, SavePurpose } from '../files/dialog-provider.ts';

const TEXTS = {
  de: {
    crash: 'Ferry ist auf einen unerwarteten Fehler gestoßen (INTERNAL_ERROR).',
    rendererGone: 'Das Ferry-Fenster ist abgestürzt (INTERNAL_ERROR).',
    reportSaved: (file: string) => `Ein Fehlerbericht wurde gespeichert (ohne Schlüssel und Umgebung); senden Sie ihn mit dem Code an den Support:\n${file}`,
    reportFailed: 'Der Fehlerbericht konnte nicht gespeichert werden.',
    restart: 'Neu starten',
    quit: 'Beenden',
    running: (n: number) => `${n} ${n === 1 ? 'Vorgang läuft' : 'Vorgänge laufen'} noch. Trotzdem beenden?`,
    keep: 'Weiterlaufen lassen',
    cancelAndQuit: 'Abbrechen und beenden',
    dialogTitle: { any: 'Datei auswählen', catalog: 'Paketkatalog öffnen', stationKey: 'Schlüssel oder Anfrage der anderen Station öffnen', archive: 'ZIP-Archiv mit den heruntergeladenen Paketen wählen', request: 'Anfrage vom Datenträger öffnen', evidence: 'Datei als Nachweis in den Tresor übernehmen', certificate: 'Zertifikat, Kette und Schlüssel wählen', jumpClientList: 'Aus der Konsole exportierte Jump-Client-Liste wählen' },
    filterCatalog: 'Paketkatalog (JSON)',
    filterArchive: 'ZIP-Archiv',
    filterRequest: 'Ferry-Anfrage (JSON)',
    filterStationKey: 'Stationsschlüssel (PEM) oder Anfrage (JSON)',
    filesTitle: 'Dateien auswählen',
    folderTitle: { any: 'Ordner auswählen', packages: 'Ordner mit den heruntergeladenen Paketen wählen', bundle: 'Zurückgebrachtes Paket (Ordner) zum Lesen wählen' },
    saveTitle: { any: 'Speichern unter', auditExport: 'Protokoll exportieren', calendar: 'Installationstermine als Kalender speichern', reportHtml: 'Ablaufprotokoll als HTML speichern', reportPdf: 'Ablaufprotokoll als PDF speichern', certExport: 'Zertifikat für das neue Gerät speichern', stragglers: 'Nicht aktualisierte Jump Clients speichern' },
    filterCalendar: 'Kalender (iCalendar)',
    filterHtml: 'HTML-Dokument',
    filterPdf: 'PDF-Dokument',
    filterCert: 'Zertifikate und Schlüssel (PEM, DER, PKCS#7, PKCS#12)',
    filterCertExport: 'PKCS#12 oder PEM',
    filterCsv: 'CSV-Datei',
    filterAuditExport: 'Protokoll-Export (JSON Lines)',
  },
  en: {
    crash: 'Ferry hit an unexpected error (INTERNAL_ERROR).',
    rendererGone: 'The Ferry window crashed (INTERNAL_ERROR).',
    reportSaved: (file: string) => `An error report was saved (without keys or environment); send it to support with the code:\n${file}`,
    reportFailed: 'The error report could not be saved.',
    restart: 'Restart',
    quit: 'Quit',
    running: (n: number) => `${n} operation${n === 1 ? ' is' : 's are'} still running. Quit anyway?`,
    keep: 'Keep running',
    cancelAndQuit: 'Cancel and quit',
    dialogTitle: { any: 'Choose a file', catalog: 'Open a package catalog', stationKey: 'Open the other station’s key or request', archive: 'Choose the ZIP archive with the downloaded packages', request: 'Open a request from the medium', evidence: 'Take a file into the vault as evidence', certificate: 'Choose certificate, chain and key', jumpClientList: 'Choose the Jump Client list exported from the console' },
    filterCatalog: 'Package catalog (JSON)',
    filterArchive: 'ZIP archive',
    filterRequest: 'Ferry request (JSON)',
    filterStationKey: 'Station key (PEM) or request (JSON)',
    filesTitle: 'Choose files',
    folderTitle: { any: 'Choose a folder', packages: 'Choose the folder with the downloaded packages', bundle: 'Choose a returned bundle (folder) to read' },
    saveTitle: { any: 'Save as', auditExport: 'Export the audit log', calendar: 'Save the install slots as a calendar', reportHtml: 'Save the run report as HTML', reportPdf: 'Save the run report as PDF', certExport: 'Save the certificate for the new appliance', stragglers: 'Save the Jump Clients not upgraded' },
    filterCalendar: 'Calendar (iCalendar)',
    filterHtml: 'HTML document',
    filterPdf: 'PDF document',
    filterCert: 'Certificates and keys (PEM, DER, PKCS#7, PKCS#12)',
    filterCertExport: 'PKCS#12 or PEM',
    filterCsv: 'CSV file',
    filterAuditExport: 'Audit export (JSON Lines)',
  },
} as const;

type DialogTexts = { title: string; filters?: { name: string; extensions: string[] }[] };

/** Title and filters of the native open dialog for a purpose (one file or `several`), in the shell's language. */
export function openDialogOptions(text: ReturnType<typeof shellTexts>, purpose: FilePurpose, several = false): DialogTexts {
  switch (purpose) {
    case 'any': return { title: several ? text.filesTitle : text.dialogTitle.any };
    case 'catalog': return { title: text.dialogTitle.catalog, filters: [{ name: text.filterCatalog, extensions: ['json'] }] };
    case 'station-key': return { title: text.dialogTitle.stationKey, filters: [{ name: text.filterStationKey, extensions: ['pem', 'json'] }] };
    case 'archive': return { title: text.dialogTitle.archive, filters: [{ name: text.filterArchive, extensions: ['zip'] }] };
    case 'request': return { title: text.dialogTitle.request, filters: [{ name: text.filterRequest, extensions: ['json'] }] };
    case 'evidence': return { title: text.dialogTitle.evidence };
    case 'jump-client-list': return { title: text.dialogTitle.jumpClientList, filters: [{ name: text.filterCsv, extensions: ['csv', 'txt'] }] };
    case 'certificate': return { title: text.dialogTitle.certificate, filters: [{ name: text.filterCert, extensions: ['pem', 'crt', 'cer', 'der', 'key', 'p7b', 'p7c', 'p12', 'pfx'] }] };
    default: return assertNever(purpose);
  }
}

/** Title of the native folder dialog for a purpose. */
export function folderDialogOptions(text: ReturnType<typeof shellTexts>, purpose: FolderPurpose): DialogTexts {
  switch (purpose) {
    case 'any': return { title: text.folderTitle.any };
    case 'packages': return { title: text.folderTitle.packages };
    case 'bundle': return { title: text.folderTitle.bundle };
    default: return assertNever(purpose);
  }
}

/** Title and filters of the native save dialog for a purpose. */
export function saveDialogOptions(text: ReturnType<typeof shellTexts>, purpose: SavePurpose): DialogTexts {
  switch (purpose) {
    case 'any': return { title: text.saveTitle.any };
    case 'audit-export': return { title: text.saveTitle.auditExport, filters: [{ name: text.filterAuditExport, extensions: ['jsonl'] }] };
    case 'calendar': return { title: text.saveTitle.calendar, filters: [{ name: text.filterCalendar, extensions: ['ics'] }] };
    case 'report-html': return { title: text.saveTitle.reportHtml, filters: [{ name: text.filterHtml, extensions: ['html'] }] };
    case 'report-pdf': return { title: text.saveTitle.reportPdf, filters: [{ name: text.filterPdf, extensions: ['pdf'] }] };
    case 'stragglers': return { title: text.saveTitle.stragglers, filters: [{ name: text.filterCsv, extensions: ['csv'] }] };
    case 'cert-export': return { title: text.saveTitle.certExport, filters: [{ name: text.filterCertExport, extensions: ['p12', 'pfx', 'pem'] }] };
    default: return assertNever(purpose);
  }
}

/** The shell's texts for a language setting, falling back to the system locale. */
export function shellTexts(language: Language | null, systemLocale: string): (typeof TEXTS)[Language] {
  return TEXTS[language ?? languageForLocale(systemLocale)];
}
