/**
 * Guide: "Upgrade mehrerer BeyondTrust-Geräte in einem Atlas-Cluster" › "Ohne konfiguriertes Failover".
 * One master node (`master`); half of the traffic nodes of each region goes offline first
 * (`offline-half`), the rest follow (`online-half`). The settings backup comes from the guide's
 * "Aktualisierungsvorbereitung" ("stets" before an update); the Atlas chapter itself has none.
 * In the guide file "Ohne konfiguriertes Failover" is a `##` heading and its last part a `####`
 * (conversion artefacts); the table of contents places both under the Atlas chapter, as here.
 */
import type { RunbookDefinition } from './types.ts';
import { atlasEnableOnlineHalf, atlasPreparation, atlasTrafficOnline, atlasUpgradeRest } from './atlas-steps.ts';

const PATH = ['Upgrade mehrerer BeyondTrust-Geräte in einem Atlas-Cluster', 'Ohne konfiguriertes Failover'];
const ON_MASTER = { de: 'Auf dem Master-Knoten', en: 'On the master node' };

/** Atlas cluster with a single master node: half the traffic nodes first, then the master, then the rest. */
export const atlasPlain: RunbookDefinition = {
  id: 'atlas-plain',
  title: { de: 'Atlas-Cluster ohne Failover upgraden', en: 'Upgrade an Atlas cluster without failover' },
  summary: {
    de: 'Für ein Atlas-Cluster mit einem Master-Knoten ohne Backup-Master: zuerst die Hälfte der Traffic-Knoten je Region, dann der Master-Knoten, danach die übrigen Traffic-Knoten.',
    en: 'For an Atlas cluster with one master node and no backup master: first half of the traffic nodes of each region, then the master node, then the remaining traffic nodes.',
  },
  topology: 'atlas',
  guideRef: 'Ohne konfiguriertes Failover',
  sections: [
    atlasPreparation({
      path: PATH, backupOn: ON_MASTER, on: null,
      backupTitle: { de: 'Einstellungen des Master-Knotens sichern', en: 'Back up the settings of the master node' },
      downloadTitle: { de: 'Updates auf dem Master herunterladen', en: 'Download the updates on the master' },
    }),
    { id: 'upgrade-offline', title: { de: 'Upgrade der Offline-Knoten', en: 'Upgrade the offline nodes' }, steps: [
      {
        id: 'upgrade-offline-half', kind: 'install', appliesTo: 'offline-half', requires: ['backup-settings', 'drain-offline-half'], evidence: ['pasted-basics'],
        guideRef: 'Upgrade der Offline-Knoten', guidePath: PATH,
        title: { de: 'Updates auf den Offline-Knoten installieren', en: 'Install the updates on the offline nodes' },
        text: {
          de: 'Auf jedem Offline-Traffic-Knoten unter /appliance > Aktualisierungen auf „Installieren“ klicken, die Updates in der richtigen Reihenfolge. Danach den Text von /appliance > Status > Basics einfügen.',
          en: 'On each offline traffic node, open /appliance > Updates and click "Installieren", installing the updates in the right order. Then paste the text of /appliance > Status > Basics.',
        },
        warning: {
          de: 'Basissoftware-Updates kommen in der Regel vor Lizenzsoftware-Updates; der Knoten startet dabei automatisch neu. Treten beim Base-Update Probleme auf, nicht neu starten, sondern den BeyondTrust-Support kontaktieren. Vor einem neu kompilierten Site-Paket sicherstellen, dass alle Zertifikatspeicher aktuell sind, sonst erscheinen viele Jump Clients offline.',
          en: 'Base software updates usually come before licence software updates; the node restarts by itself during a base update. If a base update runs into trouble, do not restart; contact BeyondTrust support. Before a newly compiled site package, make sure all certificate stores are current, or most Jump Clients may show as offline.',
        },
      },
    ] },
    { id: 'upgrade-master', title: { de: 'Upgrade des Master-Knoten', en: 'Upgrade the master node' }, steps: [
      {
        id: 'upgrade-master', kind: 'install', appliesTo: 'master', requires: ['backup-settings', 'upgrade-offline-half'], evidence: ['pasted-basics'],
        guideRef: 'Upgrade des Master-Knoten', guidePath: PATH,
        title: { de: 'Updates auf dem Master-Knoten installieren', en: 'Install the updates on the master node' },
        text: {
          de: 'Auf dem Master-Knoten unter /appliance > Aktualisierungen auf „Installieren“ klicken, Updates in der richtigen Reihenfolge. Der Master markiert dabei automatisch alle Traffic-Knoten so, dass sie keine neuen Client-Verbindungen annehmen. Danach den Text von /appliance > Status > Basics einfügen.',
          en: 'On the master node, open /appliance > Updates and click "Installieren", installing the updates in the right order. While updating, the master marks all traffic nodes in the cluster configuration as not accepting new client connections. Then paste the text of /appliance > Status > Basics.',
        },
        warning: {
          de: 'Im Wartungszeitraum durchführen: Die Website ist kurz nicht verfügbar, angemeldete Benutzer werden abgemeldet, aktive Sitzungen beendet. Treten beim Base-Update Probleme auf, nicht neu starten, sondern den BeyondTrust-Support kontaktieren.',
          en: 'Do this within the maintenance window: the site is briefly unavailable, users are logged out and active sessions end. If a base update runs into trouble, do not restart; contact BeyondTrust support.',
        },
      },
    ] },
    atlasTrafficOnline(PATH, ON_MASTER, 'master', ['upgrade-master']),
    { id: 'upgrade-rest', title: { de: 'Upgraden der restlichen Bereitstellung', en: 'Upgrade the rest of the deployment' }, steps: atlasUpgradeRest(PATH) },
    { id: 'restore', title: { de: 'Wiederherstellen der Cluster-Konfiguration', en: 'Restore the cluster configuration' }, steps: [
      atlasEnableOnlineHalf(PATH, 'Wiederherstellen der Cluster-Konfiguration', ON_MASTER),
      {
        id: 'sync-cluster-final', kind: 'sync', appliesTo: 'master', requires: ['enable-online-half'], evidence: ['confirm'],
        guideRef: 'Wiederherstellen der Cluster-Konfiguration', guidePath: PATH,
        title: { de: 'Cluster abschließend synchronisieren', en: 'Synchronise the cluster once more' },
        text: {
          de: 'Im Abschnitt „Cluster :: Status“ auf „Jetzt synchronisieren“ klicken und den Abschluss bestätigen.',
          en: 'Click "Jetzt synchronisieren" (sync now) in the section "Cluster :: Status" and confirm once it has finished.',
        },
      },
    ] },
  ],
};
