/**
 * Guide: "Upgrade mehrerer BeyondTrust-Geräte in einem Atlas-Cluster" › "Mit konfigurierbarem Failover".
 * Gerät A is the primary master (`master`), Gerät B the backup master (`master-backup`); half of the
 * traffic nodes of each region goes offline first (`offline-half`), the rest follow (`online-half`).
 * The settings backup comes from the guide's "Aktualisierungsvorbereitung" ("stets" before an update):
 * the Atlas chapter itself has no backup step, but nothing is installed before the `.nsb` is in the vault.
 */
import type { RunbookDefinition } from './types.ts';
import { atlasEnableOnlineHalf, atlasPreparation, atlasTrafficOnline, atlasUpgradeRest } from './atlas-steps.ts';

const PATH = ['Upgrade mehrerer BeyondTrust-Geräte in einem Atlas-Cluster', 'Mit konfigurierbarem Failover'];
const ON_A = { de: 'Auf Gerät A', en: 'On appliance A' };
const ON_B = { de: 'Auf Gerät B', en: 'On appliance B' };

/** Atlas cluster whose two master nodes form a failover pair: B and half the traffic nodes first, then the rest. */
export const atlasFailover: RunbookDefinition = {
  id: 'atlas-failover',
  title: { de: 'Atlas-Cluster mit Failover upgraden', en: 'Upgrade an Atlas cluster with failover' },
  summary: {
    de: 'Für ein Atlas-Cluster mit zwei Master-Knoten in einer Failover-Konfiguration: zuerst Gerät B und die Hälfte der Traffic-Knoten je Region, dann übernimmt B die Primärrolle, danach folgen die übrigen Knoten und Gerät A.',
    en: 'For an Atlas cluster whose two master nodes are a failover pair: first appliance B and half of the traffic nodes of each region, then B takes over as primary, then the remaining nodes and appliance A.',
  },
  topology: 'atlas',
  guideRef: 'Mit konfigurierbarem Failover',
  sections: [
    atlasPreparation({
      path: PATH, backupOn: ON_A, on: ON_A,
      backupTitle: { de: 'Einstellungen von Gerät A sichern', en: 'Back up the settings of appliance A' },
      downloadTitle: { de: 'Updates auf Gerät A herunterladen', en: 'Download the updates on appliance A' },
      extraWarning: { de: 'Der Failover-Prozess führt zu Ausfallzeiten: entsprechend planen.', en: 'The failover process causes downtime: plan for it.' },
    }),
    { id: 'upgrade-backup', title: { de: 'Upgrade des Backup', en: 'Upgrade the backup master' }, steps: [
      {
        id: 'upgrade-master-backup', kind: 'install', appliesTo: 'master-backup', requires: ['backup-settings', 'drain-offline-half'], evidence: ['pasted-basics'],
        guideRef: 'Upgrade des Backup', guidePath: PATH,
        title: { de: 'Updates auf Gerät B installieren', en: 'Install the updates on appliance B' },
        text: {
          de: 'Auf Gerät B unter /appliance > Updates auf „Installieren“ klicken, die Updates in der richtigen Reihenfolge. Gerät B markiert dabei automatisch alle Traffic-Knoten so, dass sie keine neuen Client-Verbindungen annehmen. Danach den Text von /appliance > Status > Basics einfügen.',
          en: 'On appliance B, open /appliance > Updates and click "Installieren", installing the updates in the right order. While updating, B marks all traffic nodes in the cluster configuration as not accepting new client connections. Then paste the text of /appliance > Status > Basics.',
        },
        warning: {
          de: 'Basissoftware-Updates kommen in der Regel vor Lizenzsoftware-Updates; das Gerät startet dabei automatisch neu. Treten beim Base-Update Probleme auf, das Gerät nicht neu starten, sondern den BeyondTrust-Support kontaktieren. Während des Upgrades keine Konfiguration auf Gerät A ändern: Sie wird bei der ersten Synchronisierung überschrieben. Vor einem neu kompilierten Site-Paket sicherstellen, dass alle Zertifikatspeicher aktuell sind, sonst erscheinen viele Jump Clients offline.',
          en: 'Base software updates usually come before licence software updates; the appliance restarts by itself during a base update. If a base update runs into trouble, do not restart the appliance; contact BeyondTrust support. Do not change the configuration of appliance A during the upgrade: the first data sync overwrites it. Before a newly compiled site package, make sure all certificate stores are current, or most Jump Clients may show as offline.',
        },
      },
      {
        id: 'verify-master-backup', kind: 'verify', appliesTo: 'master-backup', requires: ['upgrade-master-backup'], evidence: ['pasted-basics'],
        guideRef: 'Upgrade des Backup', guidePath: PATH,
        title: { de: 'Neue Version auf Gerät B prüfen', en: 'Check the new version on appliance B' },
        text: {
          de: 'Auf Gerät B die Seite /appliance > Status > Basics kopieren und einfügen. Gerät B muss die neue Version ausführen.',
          en: 'Copy /appliance > Status > Basics of appliance B and paste it here. Appliance B must run the new version.',
        },
      },
      {
        id: 'upgrade-offline-half', kind: 'install', appliesTo: 'offline-half', requires: ['backup-settings', 'verify-master-backup'], evidence: ['pasted-basics'],
        guideRef: 'Upgrade des Backup', guidePath: PATH,
        title: { de: 'Updates auf den Offline-Knoten installieren', en: 'Install the updates on the offline nodes' },
        text: {
          de: 'Denselben Upgrade-Vorgang für jeden Offline-Traffic-Knoten wiederholen: /appliance > Updates, „Installieren“, Updates in der richtigen Reihenfolge. Danach den Text von /appliance > Status > Basics einfügen.',
          en: 'Repeat the same upgrade on each offline traffic node: /appliance > Updates, "Installieren", updates in the right order. Then paste the text of /appliance > Status > Basics.',
        },
        warning: {
          de: 'Treten beim Base-Update Probleme auf, den Knoten nicht neu starten, sondern den BeyondTrust-Support kontaktieren.',
          en: 'If a base update runs into trouble, do not restart the node; contact BeyondTrust support.',
        },
      },
      {
        id: 'verify-offline-half', kind: 'verify', appliesTo: 'offline-half', requires: ['upgrade-offline-half'], evidence: ['pasted-basics'],
        guideRef: 'Upgrade des Backup', guidePath: PATH,
        title: { de: 'Neue Version auf den Offline-Knoten prüfen', en: 'Check the new version on the offline nodes' },
        text: {
          de: 'Von jedem Offline-Traffic-Knoten /appliance > Status > Basics einfügen. Jetzt laufen Gerät B und die Offline-Knoten mit der neuen Version, Gerät A und die übrigen Knoten noch mit der alten.',
          en: 'Paste /appliance > Status > Basics of each offline traffic node. Now appliance B and the offline nodes run the new version; appliance A and the other nodes still run the old one.',
        },
      },
    ] },
    { id: 'promote-backup', title: { de: 'Neues Primärgerät in die Produktionsrolle versetzen', en: 'Put the new primary into production' }, steps: [
      {
        id: 'demote-a', kind: 'switch', appliesTo: 'master', requires: ['verify-master-backup', 'verify-offline-half'], evidence: ['confirm', 'timestamp'],
        guideRef: 'Neues Primärgerät in die Produktionsrolle versetzen', guidePath: PATH,
        title: { de: 'Gerät A als Backup festlegen', en: 'Make appliance A the backup' },
        text: {
          de: 'Auf Gerät A unter /login > Verwaltung > Failover „Backup werden, selbst wenn die Peer-Seite nicht kontaktiert werden kann“ aktivieren und auf „Als Backup festlegen“ klicken. Das Backup-Gerät übernimmt damit die Primärrolle im Failover-Paar.',
          en: 'On appliance A, open /login > Management > Failover, tick "Backup werden, selbst wenn die Peer-Seite nicht kontaktiert werden kann" (become backup even if the peer cannot be contacted) and click "Als Backup festlegen". The backup appliance then takes over the primary role.',
        },
        warning: {
          de: 'Der Failover-Prozess führt zu Ausfallzeiten: im Wartungszeitraum durchführen. Angemeldete Benutzer werden abgemeldet, aktive Sitzungen beendet.',
          en: 'The failover causes downtime: do it within the maintenance window. Users who are logged in are logged out and active sessions end.',
        },
      },
      {
        id: 'swing-to-b', kind: 'action', appliesTo: 'master-backup', requires: ['demote-a'], evidence: ['confirm'],
        guideRef: 'Neues Primärgerät in die Produktionsrolle versetzen', guidePath: PATH,
        title: { de: 'DNS und/oder NAT auf Gerät B umstellen', en: 'Point DNS and/or NAT at appliance B' },
        text: {
          de: 'Falls nötig, DNS und/oder NAT auf Gerät B umstellen. Bei Failover mit gemeinsamer IP ist nichts zu ändern: Die gemeinsame IP-Adresse wird auf Gerät A automatisch deaktiviert.',
          en: 'If needed, switch DNS and/or NAT over to appliance B. With a shared-IP failover there is nothing to change: the shared IP address is turned off on appliance A automatically.',
        },
      },
      {
        id: 'make-b-primary', kind: 'switch', appliesTo: 'master-backup', requires: ['swing-to-b'], evidence: ['confirm', 'timestamp'],
        guideRef: 'Neues Primärgerät in die Produktionsrolle versetzen', guidePath: PATH,
        title: { de: 'Gerät B als Primär festlegen', en: 'Make appliance B the primary' },
        text: {
          de: 'Auf Gerät B unter /login > Verwaltung > Failover auf „Als Primär festlegen“ klicken.',
          en: 'On appliance B, open /login > Management > Failover and click "Als Primär festlegen" (make primary).',
        },
      },
      {
        id: 'disable-backup-operations', kind: 'action', appliesTo: 'master-backup', requires: ['make-b-primary'], evidence: ['confirm'],
        guideRef: 'Neues Primärgerät in die Produktionsrolle versetzen', guidePath: PATH,
        title: { de: 'Sicherungs-Vorgänge deaktivieren', en: 'Turn off backup operations' },
        text: {
          de: 'Danach (auf derselben Failover-Seite von Gerät B) das Kontrollkästchen „Sicherungs-Vorgänge aktivieren“ deaktivieren.',
          en: 'Then, on the same failover page of appliance B, clear the checkbox "Sicherungs-Vorgänge aktivieren" (enable backup operations).',
        },
      },
    ] },
    atlasTrafficOnline(PATH, ON_B, 'master-backup', ['disable-backup-operations']),
    { id: 'upgrade-rest', title: { de: 'Upgraden der restlichen Bereitstellung', en: 'Upgrade the rest of the deployment' }, steps: [
      ...atlasUpgradeRest(PATH),
      atlasEnableOnlineHalf(PATH, 'Upgraden der restlichen Bereitstellung', ON_B),
    ] },
    { id: 'upgrade-a', title: { de: 'Upgraden von Gerät A', en: 'Upgrade appliance A' }, steps: [
      {
        id: 'upgrade-master', kind: 'install', appliesTo: 'master', requires: ['backup-settings', 'enable-online-half'], evidence: ['pasted-basics'],
        guideRef: 'Upgraden von Gerät A', guidePath: PATH,
        title: { de: 'Updates auf Gerät A installieren', en: 'Install the updates on appliance A' },
        text: {
          de: 'Auf Gerät A unter /appliance > Aktualisierungen auf „Installieren“ klicken, Updates in der richtigen Reihenfolge. Danach den Text von /appliance > Status > Basics einfügen.',
          en: 'On appliance A, open /appliance > Updates and click "Installieren", installing the updates in the right order. Then paste the text of /appliance > Status > Basics.',
        },
        warning: {
          de: 'Treten beim Base-Update Probleme auf, das Gerät nicht neu starten, sondern den BeyondTrust-Support kontaktieren.',
          en: 'If a base update runs into trouble, do not restart the appliance; contact BeyondTrust support.',
        },
      },
    ] },
    { id: 'restore', title: { de: 'Wiederherstellen der Cluster-Konfiguration', en: 'Restore the cluster configuration' }, steps: [
      {
        id: 'enable-backup-operations', kind: 'action', appliesTo: 'master', requires: ['upgrade-master'], evidence: ['confirm'],
        guideRef: 'Wiederherstellen der Cluster-Konfiguration', guidePath: PATH,
        title: { de: 'Sicherungs-Vorgänge wieder aktivieren', en: 'Turn backup operations back on' },
        text: {
          de: 'Auf Gerät A unter /login > Verwaltung > Failover die Option „Sicherungs-Vorgänge aktivieren“ einschalten.',
          en: 'On appliance A, open /login > Management > Failover and tick "Sicherungs-Vorgänge aktivieren" (enable backup operations).',
        },
      },
      {
        id: 'sync-cluster-final', kind: 'sync', appliesTo: 'master-backup', requires: ['enable-backup-operations'], evidence: ['confirm'],
        guideRef: 'Wiederherstellen der Cluster-Konfiguration', guidePath: PATH,
        title: { de: 'Cluster abschließend synchronisieren', en: 'Synchronise the cluster once more' },
        text: {
          de: 'Auf Gerät B unter /login > Verwaltung > Cluster im Abschnitt „Cluster :: Status“ auf „Jetzt synchronisieren“ klicken und den Abschluss bestätigen.',
          en: 'On appliance B, open /login > Management > Cluster, click "Jetzt synchronisieren" in the section "Cluster :: Status" and confirm once it has finished.',
        },
      },
    ] },
  ],
};
