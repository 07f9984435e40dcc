/**
 * Steps both Atlas procedures share ("Mit konfigurierbarem Failover" and "Ohne konfiguriertes
 * Failover"): the guide repeats the preparation, bringing the upgraded traffic nodes back online and
 * upgrading the remaining traffic nodes almost word for word in both parts. What differs is only which
 * appliance the technician works on ("Gerät A", "Gerät B", the master node), so that is a parameter;
 * the `guidePath` stays the caller's, because repeated headings are told apart by it.
 */
import type { RunbookSection, RunbookStep, StepTarget, Text } from './types.ts';

/** The guide's general chapter whose "Aktualisierungsvorbereitung" asks for a backup before every update. */
const PREP = ['Upgrade der BeyondTrust-Software vornehmen'];

/** "Auf Gerät A unter …" / "On appliance A, open …"; without an appliance "Unter …" / "Open …", as the guide words it. */
function at(on: Text | null, de: string, en: string): Text {
  return on ? { de: `${on.de} unter ${de}`, en: `${on.en}, open ${en}` } : { de: `Unter ${de}`, en: `Open ${en}` };
}

/** What the two Atlas preparations word differently. */
export interface AtlasPrep {
  /** Headings above the Atlas part's sections (its `guidePath`). */
  path: string[];
  /** The appliance the backup is taken on, e.g. `{ de: 'Auf Gerät A', en: 'On appliance A' }`. */
  backupOn: Text;
  backupTitle: Text;
  downloadTitle: Text;
  /** The appliance named in the later click paths; null where the guide names none. */
  on: Text | null;
  /** A sentence the failover part adds to the backup warning. */
  extraWarning?: Text;
}

/** The preparation section: back up, download, distribute, choose, disable and drain the offline half. */
export function atlasPreparation(p: AtlasPrep): RunbookSection {
  const PATH = p.path;
  const warning: Text = {
    de: 'Vor jeder Aktualisierung eine Sicherung anlegen; zusätzlich SSL-Zertifikate und privaten Schlüssel kopieren und lokal speichern. Die Aktualisierung möglichst vorher in einer kontrollierten Umgebung testen.',
    en: 'Always back up before an update; also copy the SSL certificates and private key and keep them locally. Test the update in a controlled environment first if you can.',
  };
  if (p.extraWarning) {
    warning.de += ` ${p.extraWarning.de}`;
    warning.en += ` ${p.extraWarning.en}`;
  }
  return { id: 'preparation', title: { de: 'Vorbereitung', en: 'Preparation' }, steps: [
    {
      id: 'backup-settings', kind: 'backup', appliesTo: 'master', requires: [], evidence: ['vault-file'],
      guideRef: 'Aktualisierungsvorbereitung', guidePath: PREP,
      title: p.backupTitle,
      text: at(p.backupOn,
        '/login > Verwaltung > Softwareverwaltung im Abschnitt „Software :: Sicherungseinstellungen“ auf „Sicherung herunterladen“ klicken. Die Sicherungsdatei (.nsb) in Ferrys Tresor importieren.',
        '/login > Management > Software Management and download the settings backup (section "Software :: Sicherungseinstellungen", button "Sicherung herunterladen"). Import the backup file (.nsb) into Ferry\'s vault.'),
      warning,
    },
    {
      id: 'download-updates', kind: 'action', appliesTo: 'master', requires: ['backup-settings'], evidence: ['confirm'],
      guideRef: 'Vorbereitung', guidePath: PATH,
      title: p.downloadTitle,
      text: at(p.on,
        '/login > Verwaltung > Softwareverwaltung die verfügbaren Updates herunterladen, aber nicht installieren.',
        '/login > Management > Software Management and download the available updates, but do not install them.'),
    },
    {
      id: 'distribute-to-cluster', kind: 'action', appliesTo: 'master', requires: ['download-updates'], evidence: ['confirm'],
      guideRef: 'Vorbereitung', guidePath: PATH,
      title: { de: 'Pakete an das Cluster verteilen', en: 'Distribute the packages to the cluster' },
      // Where the previous step named the appliance, the guide goes on with "on the same page".
      text: {
        de: `${p.on ? 'Auf derselben Seite auf' : 'Auf'} „An Cluster verteilen“ klicken, um das Paket an alle anderen Knoten zu pushen. Damit wird noch keine Software installiert, nur vorbereitet.`,
        en: `${p.on ? 'On the same page, click' : 'Click'} "An Cluster verteilen" to push the package to all other nodes. This installs nothing yet; it only prepares the nodes.`,
      },
    },
    {
      id: 'choose-offline-half', kind: 'action', appliesTo: 'offline-half', requires: ['distribute-to-cluster'], evidence: ['confirm'],
      guideRef: 'Vorbereitung', guidePath: PATH,
      title: { de: 'Offline-Hälfte der Traffic-Knoten wählen', en: 'Choose the traffic nodes to take offline' },
      text: {
        de: 'Pro geografischer Region die Hälfte der Traffic-Knoten bestimmen, die vorübergehend deaktiviert wird. Ferry schlägt je Region die abgerundete Hälfte vor; die Auswahl kann geändert werden.',
        en: 'Pick half of the traffic nodes of each geographic region to take offline for a while. Ferry proposes half of each region, rounded down; you may change the choice.',
      },
    },
    {
      id: 'disable-offline-half', kind: 'action', appliesTo: 'offline-half', requires: ['choose-offline-half'], evidence: ['confirm'],
      guideRef: 'Vorbereitung', guidePath: PATH,
      title: { de: 'Neue Verbindungen der Offline-Knoten sperren', en: 'Stop new connections to the offline nodes' },
      text: at(p.on,
        '/login > Verwaltung > Cluster bei den gewählten Knoten „Neue Client-Verbindungen annehmen“ deaktivieren. Sie heißen nun Offline-Traffic-Knoten.',
        '/login > Management > Cluster and clear "Neue Client-Verbindungen annehmen" (accept new client connections) for the chosen nodes. They are now the offline traffic nodes.'),
    },
    {
      id: 'drain-offline-half', kind: 'action', appliesTo: 'offline-half', requires: ['disable-offline-half'], evidence: ['confirm'],
      guideRef: 'Vorbereitung', guidePath: PATH,
      title: { de: 'Warten, bis Offline-Knoten leer sind', en: 'Wait until the offline nodes are idle' },
      text: {
        de: 'Auf jedem Offline-Traffic-Knoten unter /login > Status > Informationen die Tabelle „Verbundene Clients“ beobachten und warten, bis alle aktiven Kunden-Client- und Konsolenverbindungen beendet sind. So werden laufende Sitzungen nicht unterbrochen.',
        en: 'On each offline traffic node, watch the table "Verbundene Clients" (connected clients) under "/login > Status > Informationen" and wait until all active customer client and console connections have ended, so that no running session is cut off.',
      },
    },
  ] };
}

/**
 * The section "Upgegradete Traffic-Knoten wieder online stellen": on the current master (`on`, which
 * is `syncOn`), let the upgraded half accept clients again, then sync the cluster.
 */
export function atlasTrafficOnline(path: string[], on: Text, syncOn: StepTarget, requires: string[]): RunbookSection {
  const guideRef = 'Upgegradete Traffic-Knoten wieder online stellen';
  return { id: 'traffic-online', title: { de: guideRef, en: 'Bring the upgraded traffic nodes back online' }, steps: [
    {
      id: 'enable-offline-half', kind: 'action', appliesTo: 'offline-half', requires, evidence: ['confirm'],
      guideRef, guidePath: path,
      title: { de: 'Upgegradete Knoten wieder zulassen', en: 'Let the upgraded nodes accept clients again' },
      text: at(on,
        '/login > Verwaltung > Cluster bei jedem upgegradeten Traffic-Knoten „Neue Client-Verbindungen annehmen“ aktivieren.',
        '/login > Management > Cluster and tick "Neue Client-Verbindungen annehmen" (accept new client connections) for each upgraded traffic node.'),
    },
    {
      id: 'sync-cluster', kind: 'sync', appliesTo: syncOn, requires: ['enable-offline-half'], evidence: ['confirm'],
      guideRef, guidePath: path,
      title: { de: 'Cluster synchronisieren', en: 'Synchronise the cluster' },
      text: {
        de: 'Auf derselben Seite im Abschnitt „Cluster :: Status“ auf „Jetzt synchronisieren“ klicken und den Abschluss bestätigen.',
        en: 'On the same page, click "Jetzt synchronisieren" (sync now) in the section "Cluster :: Status" and confirm once it has finished.',
      },
    },
  ] };
}

/** "Upgraden der restlichen Bereitstellung": install on the traffic nodes still online, then wait for it. */
export function atlasUpgradeRest(path: string[]): RunbookStep[] {
  const guideRef = 'Upgraden der restlichen Bereitstellung';
  return [
    {
      id: 'upgrade-online-half', kind: 'install', appliesTo: 'online-half', requires: ['backup-settings', 'sync-cluster'], evidence: ['pasted-basics'],
      guideRef, guidePath: path,
      title: { de: 'Updates auf den übrigen Knoten installieren', en: 'Install the updates on the remaining nodes' },
      text: {
        de: 'Auf jedem noch nicht upgegradeten Traffic-Knoten unter /appliance > Updates auf „Installieren“ klicken, Updates in der richtigen Reihenfolge. Danach den Text von /appliance > Status > Basics einfügen.',
        en: 'On each traffic node not yet upgraded, open /appliance > Updates and click "Installieren", installing the updates in the right order. Then paste the text of /appliance > Status > Basics.',
      },
      warning: {
        de: 'Treten beim Base-Update Probleme auf, den Knoten nicht neu starten, sondern den BeyondTrust-Support kontaktieren.',
        en: 'If a base update runs into trouble, do not restart the node; contact BeyondTrust support.',
      },
    },
    {
      id: 'verify-online-half', kind: 'verify', appliesTo: 'online-half', requires: ['upgrade-online-half'], evidence: ['pasted-basics'],
      guideRef, guidePath: path,
      title: { de: 'Abschluss der Installation abwarten', en: 'Wait for the installation to finish' },
      text: {
        de: 'Warten, bis die Installation der Updates abgeschlossen ist; dann von jedem dieser Knoten /appliance > Status > Basics einfügen.',
        en: 'Wait until the updates have finished installing, then paste /appliance > Status > Basics of each of these nodes.',
      },
    },
  ];
}

/** Let the just-upgraded online half accept clients again, on the current master (`on`). */
export function atlasEnableOnlineHalf(path: string[], guideRef: string, on: Text): RunbookStep {
  return {
    id: 'enable-online-half', kind: 'action', appliesTo: 'online-half', requires: ['verify-online-half'], evidence: ['confirm'],
    guideRef, guidePath: path,
    title: { de: 'Diese Knoten wieder zulassen', en: 'Let these nodes accept clients again' },
    text: at(on,
      '/login > Verwaltung > Cluster bei jedem eben upgegradeten Traffic-Knoten „Neue Client-Verbindungen annehmen“ aktivieren.',
      '/login > Management > Cluster and tick "Neue Client-Verbindungen annehmen" for each traffic node just upgraded.'),
  };
}
