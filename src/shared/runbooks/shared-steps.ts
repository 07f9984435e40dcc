/**
 * Steps the procedures share: the settings backup and Jump Client wait of the single-appliance procedures,
 * and the planning, backup/sync, per-appliance update, restore and Jump Client wait of the failover pair.
 * Builders return fresh step objects, so no two definitions share (and could mutate) one step.
 */
import type { RunbookSection, RunbookStep, Text } from './types.ts';

/** The guide's general chapter: its "Aktualisierungsvorbereitung" and "Client-Upgrades" advice applies to every procedure. */
export const GENERAL = ['Upgrade der BeyondTrust-Software vornehmen'];
/** The guide's chapter above both failover procedures. */
export const FAILOVER = ['Zwei BeyondTrust-Geräte in einer Failover-Konfiguration upgraden'];

/** Where a step comes from in the guide. */
export type Ref = Pick<RunbookStep, 'guideRef' | 'guidePath'>;

const JUMP_TITLE: Text = { de: 'Auf Jump-Client-Upgrades warten', en: 'Wait for the Jump Clients to upgrade' };
// `consoleName`: the failover-sync text says "console", the others "representative console".
const jumpText = (consoleName: string): Text => ({
  de: 'Nach einem „BeyondTrust“-Paket mindestens 24 Stunden warten, damit sich die Jump Clients aktualisieren, bevor ein weiteres folgt (Base-Updates brauchen keine Wartezeit). Ein Jump Client ist aktualisiert, sobald er in der Konsole oder unter „/login > Status > Informationen“ online erscheint.',
  en: `After a "BeyondTrust" package, wait at least 24 hours so the Jump Clients can upgrade before the next one (base updates need no wait). A Jump Client has upgraded once it shows as online in the ${consoleName} or under "/login > Status > Informationen".`,
});
const JUMP_WARNING: Text = {
  de: 'Werden zu viele Versionen nacheinander installiert, ohne den Jump Clients Zeit zu geben, müssen sie eventuell manuell neu bereitgestellt werden. Passive Jump Clients können länger brauchen.',
  en: 'If too many versions are installed in a row without giving the Jump Clients time, they may have to be redeployed by hand. Passive Jump Clients may take longer.',
};

/** Single appliance: back up the settings into the vault before anything else. */
export function singlePrepareSection(): RunbookSection {
  return {
    id: 'prepare',
    title: { de: 'Vorbereitung', en: 'Preparation' },
    steps: [{
      id: 'backup-settings',
      kind: 'backup',
      title: { de: 'Einstellungen sichern', en: 'Back up the settings' },
      text: {
        de: 'Unter /login > Verwaltung > Softwareverwaltung auf „Sicherungskopie herunterladen“ klicken und die Sicherungsdatei (.nsb) in den Tresor importieren.',
        en: 'In /login > Management > Software Management, click "Sicherungskopie herunterladen" (download backup) and import the backup file (.nsb) into the vault.',
      },
      guideRef: 'Aktualisierungsvorbereitung',
      guidePath: GENERAL,
      appliesTo: 'all',
      requires: [],
      evidence: ['vault-file'],
      warning: {
        de: 'Vor jeder Aktualisierung zuerst die Einstellungen sichern. Empfohlen: auch SSL-Zertifikate und privaten Schlüssel lokal speichern, falls das Upgrade fehlschlägt, und die Aktualisierung vorher in einer kontrollierten Umgebung testen.',
        en: 'Always back up the settings before updating. Recommended: also keep a local copy of the SSL certificates and private key in case the upgrade fails, and test the update in a controlled environment first.',
      },
    }],
  };
}

/** Single appliance: wait for the Jump Clients after the updates are installed. */
export function singleClientsSection(): RunbookSection {
  return {
    id: 'clients',
    title: { de: 'Client-Upgrades', en: 'Client upgrades' },
    steps: [{
      id: 'wait-jump-clients',
      kind: 'wait',
      title: { ...JUMP_TITLE },
      text: jumpText('representative console'),
      guideRef: 'Client-Upgrades',
      guidePath: GENERAL,
      appliesTo: 'clients',
      requires: ['install-updates'],
      evidence: [],
      waitHours: 24,
      warning: { ...JUMP_WARNING },
    }],
  };
}

/** Failover pair: plan two update windows; `warning` is the procedure's own advice. */
export function failoverPlanSection(warning: Text): RunbookSection {
  return {
    id: 'plan',
    title: { de: 'Planung', en: 'Planning' },
    steps: [{
      id: 'plan-windows', kind: 'action', appliesTo: 'none', requires: [], evidence: ['confirm'], guideRef: 'Erwägungen', guidePath: FAILOVER,
      title: { de: 'Zwei Aktualisierungsfenster planen', en: 'Plan two update windows' },
      text: {
        de: 'Zwei getrennte Aktualisierungsfenster einplanen, eines je Gerät (die Aktualisierung dauert auf beiden gleich lang), mit einer Übergangszeit dazwischen: lang genug, um die neue Version in der Produktion zu bestätigen, kurz genug, damit die Zeit ohne Failover klein bleibt.',
        en: 'Plan two separate update windows, one per appliance (the update takes as long on both), with a gap between them: long enough to confirm the new version in production, short enough to keep the time without failover small.',
      },
      warning,
    }],
  };
}

/** Failover pair: back up A, sync, break the failover; `breakText` says what runs production meanwhile. */
export function failoverBackupSyncSection(guidePath: string[], breakText: Text): RunbookSection {
  const ref: Ref = { guideRef: 'Sicherung und Synchronisierung', guidePath };
  return {
    id: 'backup-sync',
    title: { de: 'Sicherung und Synchronisierung', en: 'Backup and synchronisation' },
    steps: [
      {
        id: 'backup-settings', kind: 'backup', appliesTo: 'A', requires: [], evidence: ['vault-file'], ...ref,
        title: { de: 'Einstellungen von Gerät A sichern', en: 'Back up the settings of appliance A' },
        text: {
          de: 'Auf Gerät A unter /login > Verwaltung > Softwareverwaltung auf „Sicherungskopie herunterladen“ klicken und die Sicherungsdatei (.nsb) in den Tresor importieren.',
          en: 'On appliance A, in /login > Management > Software Management, click "Sicherungskopie herunterladen" (download backup) and import the backup file (.nsb) into the vault.',
        },
        warning: {
          de: 'Vor der Aktualisierung immer zuerst sichern. Empfohlen: auch SSL-Zertifikate und privaten Schlüssel lokal speichern, falls das Upgrade fehlschlägt.',
          en: 'Always back up before updating. Recommended: also keep a local copy of the SSL certificates and private key in case the upgrade fails.',
        },
      },
      {
        id: 'sync-now', kind: 'sync', appliesTo: 'A', requires: ['backup-settings'], evidence: ['confirm'], ...ref,
        title: { de: 'Jetzt synchronisieren', en: 'Synchronise now' },
        text: {
          de: 'Auf Gerät A unter /login > Verwaltung > Failover auf „Jetzt synchronisieren“ klicken und warten, bis die Synchronisierung abgeschlossen ist.',
          en: 'On appliance A, in /login > Management > Failover, click "Jetzt synchronisieren" (sync now) and wait until the synchronisation has finished.',
        },
      },
      {
        id: 'break-failover', kind: 'action', appliesTo: 'A', requires: ['sync-now'], evidence: ['confirm', 'timestamp'], ...ref,
        title: { de: 'Failover-Verbindungen trennen', en: 'Break the failover connection' },
        text: breakText,
      },
    ],
  };
}

/**
 * The guide's two ways to update one appliance ("Automatisch" / "Manuelle Installation"), written out for
 * appliance `d`: the steps of the way not taken are skipped with a reason; the install step is one per appliance.
 */
export function updateSteps(d: 'A' | 'B', auto: Ref, manual: Ref, install: Ref, requires: string[]): RunbookStep[] {
  const x = d.toLowerCase();
  return [
    {
      id: `check-updates-${x}`, kind: 'action', appliesTo: d, requires, evidence: [], ...auto,
      title: { de: `Auf Gerät ${d} nach Aktualisierungen suchen`, en: `Check for updates on appliance ${d}` },
      text: {
        de: `Nur bei automatischer Aktualisierung: auf Gerät ${d} /appliance > Aktualisierungen öffnen und auf „Auf Aktualisierungen prüfen“ klicken; die Pakete erscheinen unter „Verfügbare Aktualisierungen“. Bei manueller Installation mit Begründung überspringen.`,
        en: `Automatic update only: on appliance ${d}, open /appliance > Updates and click "Auf Aktualisierungen prüfen" (check for updates); the packages appear under Available Updates. For a manual installation, skip this with a reason.`,
      },
    },
    {
      id: `download-key-${x}`, kind: 'action', appliesTo: d, requires, evidence: ['confirm'], ...manual,
      title: { de: `Download-Schlüssel von Gerät ${d} erzeugen`, en: `Generate the download key of appliance ${d}` },
      text: {
        de: `Nur bei manueller Installation: auf Gerät ${d} /appliance > Aktualisierungen öffnen und über „Geräte-Download-Schlüssel“ den eindeutigen Schlüssel erzeugen (ab Base 3.3.2; davor beim BeyondTrust-Support anfordern). Bei automatischer Aktualisierung mit Begründung überspringen.`,
        en: `Manual installation only: on appliance ${d}, open /appliance > Updates and generate its unique key with "Geräte-Download-Schlüssel" (appliance download key; Base 3.3.2 and later, before that ask BeyondTrust Support). For an automatic update, skip this with a reason.`,
      },
    },
    {
      id: `download-packages-${x}`, kind: 'action', appliesTo: 'none', requires: [`download-key-${x}`], evidence: ['confirm'], ...manual,
      title: { de: `Pakete für Gerät ${d} herunterladen`, en: `Download the packages for appliance ${d}` },
      text: {
        de: `Von einem nicht beschränkten System den Schlüssel an update.bomgar.com senden, alle verfügbaren Aktualisierungen auf einen Wechseldatenträger laden und zum System bringen, von dem aus Gerät ${d} verwaltet wird (in Ferry: Anfrage, Bundle, Import in den Tresor).`,
        en: `From an unrestricted system, submit the key to update.bomgar.com, download all available updates to removable media and carry them to the system you manage appliance ${d} from (in Ferry: request, bundle, import into the vault).`,
      },
      warning: {
        de: 'Direkt nach dem Download installieren: heruntergeladene Aktualisierungen verschwinden aus der Liste der verfügbaren Aktualisierungen, ein erneuter Download geht nur über den technischen BeyondTrust-Support.',
        en: 'Be ready to install right after downloading: a downloaded update no longer appears in the list of available updates, and downloading it again needs BeyondTrust Technical Support.',
      },
    },
    {
      id: `install-${x}`, kind: 'install', appliesTo: d, requires: [...requires, `check-updates-${x}`, `download-packages-${x}`], evidence: ['pasted-basics'], ...install,
      title: { de: `Aktualisierungen auf Gerät ${d} installieren`, en: `Install the updates on appliance ${d}` },
      text: {
        de: `Je Paket in der Reihenfolge des Plans auf Gerät ${d}: automatisch mit „Diese Aktualisierung installieren“ oder manuell unter /appliance > Aktualisierungen, Abschnitt „Manuelle Installation“, Datei wählen und „Software aktualisieren“; danach den Text von /appliance > Status > Basics einfügen. Erst die Base-Pakete, dann eine Sicherungskopie herunterladen und die „BeyondTrust“-Pakete umgehend installieren, vor jedem weiteren Schritt.`,
        en: `For each package, in the order of the plan, on appliance ${d}: automatically with Install This Update, or manually in /appliance > Updates, section "Manuelle Installation" (manual installation), pick the file and click "Software aktualisieren" (update software); then paste the text of /appliance > Status > Basics. Base packages first, then download a backup and install the "BeyondTrust" packages at once, before any further step.`,
      },
      warning: {
        de: 'Vor einem neu kompilierten Site-Software-Paket müssen alle Zertifikatspeicher aktuell sein, sonst erscheinen die meisten Jump Clients als offline. Bei Problemen mit dem Base-Update das Gerät nicht neu starten, sondern den technischen BeyondTrust-Support kontaktieren.',
        en: 'Before a newly compiled site software package, all certificate stores must be up to date, or most Jump Clients may appear offline. If the base update runs into problems, do not restart the appliance; contact BeyondTrust Technical Support.',
      },
    },
  ];
}

/**
 * Failover pair: compare the keys and re-establish failover with `p` primary (`kind` of the reconnect step as
 * the procedure names it). A was primary before, so A "stays" primary; B "is" primary after taking over.
 */
export function failoverRestoreSection(p: 'A' | 'B', kind: 'action' | 'switch', guidePath: string[], requires: string[]): RunbookSection {
  const o = p === 'A' ? 'B' : 'A';
  const role = p === 'A' ? { de: 'bleibt primär', en: 'stays primary' } : { de: 'ist primär', en: 'is primary' };
  const ref: Ref = { guideRef: 'Wiederherstellen der Failover-Beziehung', guidePath };
  return {
    id: 'restore',
    title: { de: 'Wiederherstellen der Failover-Beziehung', en: 'Restore the failover relationship' },
    steps: [
      {
        id: 'check-keys', kind: 'verify', appliesTo: 'all', requires, evidence: ['confirm'], ...ref,
        title: { de: 'Kommunikationsschlüssel vergleichen', en: 'Compare the communication keys' },
        text: {
          de: 'Auf beiden Geräten unter /login > Verwaltung > Sicherheit prüfen, dass die Schlüssel zur Kommunikation zwischen Geräten identisch sind; sonst kommt keine gültige Verbindung zustande.',
          en: 'On both appliances, check in /login > Management > Security that the inter-appliance communication keys are identical; otherwise no valid connection can be made.',
        },
      },
      {
        id: 'reconnect-failover', kind, appliesTo: p, requires: ['check-keys'], evidence: ['confirm', 'timestamp'], ...ref,
        title: { de: `Failover-Verbindung herstellen (${p} primär)`, en: `Re-establish failover (${p} primary)` },
        text: {
          de: `Auf Gerät ${p} unter /login > Verwaltung > Failover die Verbindung herstellen: ${p} ${role.de}, ${o} wird Backup. Unter „Verbindungsdetails zu neuem Backup-Standort“ und „Umgekehrte Verbindungsdetails zu diesem primären Standort“ Hostname oder IP (möglichst die eindeutige IP jedes Geräts) und TLS-Port eintragen, dann „Verbindung herstellen“.`,
          en: `On appliance ${p}, in /login > Management > Failover, establish the connection: ${p} ${role.en}, ${o} becomes the backup. Enter hostname or IP (preferably each appliance's unique IP) and TLS port for the new backup site and the reverse connection to this primary site, then click "Verbindung herstellen" (establish relationship).`,
        },
        warning: {
          de: `Die Synchronisierung überschreibt auf Gerät ${o} alle Benutzerkonten, /login-Einstellungen, Dateien im Dateispeicher, Protokolle und Aufzeichnungen mit denen von Gerät ${p}.`,
          en: `The synchronisation overwrites all user accounts, /login settings, file store files, logs and recordings on appliance ${o} with those of appliance ${p}.`,
        },
      },
      {
        id: 'sync-after-restore', kind: 'sync', appliesTo: p, requires: ['reconnect-failover'], evidence: ['confirm'], ...ref,
        title: { de: 'Erste Synchronisierung abwarten', en: 'Wait for the first synchronisation' },
        text: {
          de: 'Die erste Datensynchronisierung beginnt nach etwa 60 Sekunden; „Jetzt synchronisieren“ erzwingt sie sofort. Sie dauert Sekunden bis Stunden und ist abgeschlossen, wenn die Seite „Failover“ den Zeitpunkt der letzten Datensynchronisierung zeigt.',
          en: 'The first data synchronisation starts after about 60 seconds; "Jetzt synchronisieren" (sync now) forces it at once. It takes seconds to hours and has finished when the Failover page shows the time of the last data sync.',
        },
      },
    ],
  };
}

/** Failover pair: wait for the Jump Clients once the new version serves production. */
export function failoverClientsSection(requires: string[], consoleName: string): RunbookSection {
  return {
    id: 'clients',
    title: { de: 'Client-Upgrades', en: 'Client upgrades' },
    steps: [{
      id: 'wait-jump-clients', kind: 'wait', appliesTo: 'clients', requires, evidence: [], waitHours: 24, guideRef: 'Client-Upgrades', guidePath: GENERAL,
      title: { ...JUMP_TITLE }, text: jumpText(consoleName), warning: { ...JUMP_WARNING },
    }],
  };
}
