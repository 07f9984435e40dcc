/**
 * Guide: "Zwei BeyondTrust-Geräte in einer Failover-Konfiguration upgraden" › "Asynchrone Aktualisierung
 * zweier Geräte in einer Failover-Beziehung". In the guide file its sections are `##` headings beside the
 * chapter (conversion artefacts); the table of contents places them under it, as here. The three ways to
 * make B primary are `##` there too; they belong to "Gerät B als primäres Gerät festlegen".
 */
import { FAILOVER, type Ref, failoverBackupSyncSection, failoverClientsSection, failoverPlanSection, failoverRestoreSection, updateSteps } from './shared-steps.ts';
import type { RunbookDefinition, RunbookStep } from './types.ts';

const CHAPTER = 'Asynchrone Aktualisierung zweier Geräte in einer Failover-Beziehung';
const ASYNC = [...FAILOVER, CHAPTER];
const B_PRIMARY = [...ASYNC, 'Gerät B als primäres Gerät festlegen'];
const B_SUB = [...ASYNC, 'Aktualisieren von Gerät B'];

/** Verify and test an updated appliance from local computers whose hosts file points the site at it. */
function verifySteps(d: 'A' | 'B', ref: Ref, requires: string[]): RunbookStep[] {
  const x = d.toLowerCase();
  return [
    {
      id: `hosts-file-${x}`, kind: 'action', appliesTo: 'none', requires, evidence: ['confirm'], ...ref,
      title: { de: `Hosts-Datei auf Gerät ${d} umstellen`, en: `Point a hosts file at appliance ${d}` },
      text: {
        de: `Auf mindestens zwei lokalen Rechnern, die Gerät ${d} erreichen, die Hosts-Datei so ändern, dass der Hostname der Website zur IP-Adresse von Gerät ${d} auflöst.`,
        en: `On at least two local computers that can reach appliance ${d}, edit the hosts file so the site's hostname resolves to the IP address of appliance ${d}.`,
      },
    },
    {
      id: `verify-${x}`, kind: 'verify', appliesTo: d, requires: [`hosts-file-${x}`], evidence: ['confirm'], ...ref,
      title: { de: `Gerät ${d} verifizieren und testen`, en: `Verify and test appliance ${d}` },
      text: {
        de: `Auf einem dieser Rechner die Konsole des Support-Technikers starten (sie aktualisiert sich meist selbst), angemeldet unter „Hilfe > Info“ den Build prüfen und über eine Sitzung eine Verbindung zu einem Remote-Computer herstellen.`,
        en: `On one of these computers, start the representative console (it usually updates itself), log in and check its build under "Hilfe > Info" (help, about), and connect to a remote computer through a session.`,
      },
      warning: {
        de: 'Konsolen, die mit MSI auf zugriffsgesicherten Computern bereitgestellt wurden, müssen nach der Aktualisierung neu bereitgestellt werden; die alte MSI-Datei aufbewahren, um alte Installationen zu entfernen.',
        en: 'Consoles deployed with an MSI on locked-down computers must be redeployed after the update; keep the old MSI file to remove the outdated installations.',
      },
    },
  ];
}

/** The ways to make B primary: only the variant chosen for the run is instantiated. */
const SWITCH_BASE: Pick<RunbookStep, 'kind' | 'evidence' | 'guidePath'> = { kind: 'switch', evidence: ['confirm', 'timestamp'], guidePath: B_PRIMARY };
const switchSteps: RunbookStep[] = [
  {
    ...SWITCH_BASE, id: 'shared-ip-disable-a', variant: 'shared-ip', appliesTo: 'A', requires: ['verify-b'], guideRef: 'Wechsel von freigegebener IP',
    title: { de: 'Freigegebene IP auf Gerät A deaktivieren', en: 'Disable the shared IP on appliance A' },
    text: {
      de: 'Auf Gerät A „/appliance > Netzwerk > IP-Konfiguration“ öffnen, die freigegebene IP-Adresse anklicken, „Aktiviert“ abwählen und „Änderungen speichern“. Die gleiche Seite von Gerät B am besten schon in einem zweiten Browser-Tab geöffnet haben.',
      en: 'On appliance A, open "/appliance > Netzwerk > IP-Konfiguration" (network, IP configuration), click the shared IP address, clear "Aktiviert" (enabled) and save the changes. It helps to have the same page of appliance B open in a second browser tab.',
    },
  },
  {
    ...SWITCH_BASE, id: 'shared-ip-enable-b', variant: 'shared-ip', appliesTo: 'B', requires: ['shared-ip-disable-a'], guideRef: 'Wechsel von freigegebener IP',
    title: { de: 'Freigegebene IP auf Gerät B aktivieren', en: 'Enable the shared IP on appliance B' },
    text: {
      de: 'Direkt danach auf Gerät B „/appliance > Netzwerk > IP-Konfiguration“ öffnen, die freigegebene IP-Adresse anklicken, „Aktiviert“ anhaken und „Änderungen speichern“. Danach bearbeitet Gerät B alle Anfragen an die Website.',
      en: 'Right after, on appliance B, open "/appliance > Netzwerk > IP-Konfiguration", click the shared IP address, tick "Aktiviert" (enabled) and save the changes. From then on appliance B handles all requests to the site.',
    },
  },
  {
    ...SWITCH_BASE, id: 'dns-swing', variant: 'dns-swing', appliesTo: 'none', requires: ['verify-b'], guideRef: 'DNS Swing',
    title: { de: 'DNS-Eintrag auf Gerät B umstellen', en: 'Swing the DNS record to appliance B' },
    text: {
      de: 'Im DNS-Controller den DNS-Eintrag Ihrer BeyondTrust-Website so ändern, dass er auf die IP-Adresse von Gerät B zeigt. Sobald der Eintrag propagiert ist, bearbeitet Gerät B alle Anfragen an die Website.',
      en: 'In the DNS controller, change the DNS record of your BeyondTrust site to point to the IP address of appliance B. Once the record has propagated, appliance B handles all requests to the site.',
    },
  },
  {
    ...SWITCH_BASE, id: 'nat-swing', variant: 'nat-swing', appliesTo: 'none', requires: ['verify-b'], guideRef: 'NAT Swing',
    title: { de: 'NAT-Eintrag auf Gerät B umstellen', en: 'Swing the NAT entry to appliance B' },
    text: {
      de: 'Im NAT-Controller den NAT-Eintrag Ihrer BeyondTrust-Website so ändern, dass er auf die IP-Adresse von Gerät B zeigt. Sobald die Änderung wirkt, bearbeitet Gerät B alle Anfragen an die Website.',
      en: 'In the NAT controller, change the NAT entry of your BeyondTrust site to point to the IP address of appliance B. Once the change is made, appliance B handles all requests to the site.',
    },
  },
];

const SEC = (guideRef: string): Ref => ({ guideRef, guidePath: ASYNC });

/** A failover pair updated backup first: B is updated and tested, takes over as primary, then A follows. */
export const failoverAsync: RunbookDefinition = {
  id: 'failover-async',
  title: { de: 'Failover-Paar – asynchrone Aktualisierung', en: 'Failover pair – asynchronous update' },
  summary: {
    de: 'Das Backup-Gerät B wird zuerst aktualisiert, getestet und übernimmt die Rolle des primären Geräts; danach folgt A. Minimale Ausfallzeit; das Netzwerk muss B zum primären Gerät machen können (freigegebene IP, DNS oder NAT).',
    en: 'The backup appliance B is updated and tested first and takes over as primary; then A follows. Minimal downtime; the network must be able to make B primary (shared IP, DNS or NAT).',
  },
  topology: 'failover',
  guideRef: CHAPTER,
  sections: [
    failoverPlanSection({
      de: 'Zu Zeiten mit niedrigem Datenverkehr im Wartungszeitraum aktualisieren: die Website ist kurz nicht erreichbar, Benutzer werden abgemeldet, aktive Sitzungen beendet. Failover muss aktiviert sein.',
      en: 'Update at low-traffic times within the maintenance window: the site is briefly unavailable, users are logged out and active sessions end. Failover must be enabled.',
    }),
    failoverBackupSyncSection(ASYNC, {
      de: 'Nach abgeschlossener Synchronisierung auf derselben Seite auf „Failover-Verbindungen trennen“ klicken. Gerät A bedient weiter die Produktion, ab jetzt ohne Failover.',
      en: 'Once the synchronisation has finished, click "Failover-Verbindungen trennen" (break failover connections) on the same page. Appliance A keeps serving production, from now on without failover.',
    }),
    {
      id: 'upgrade-b',
      title: { de: 'Aktualisieren von Gerät B', en: 'Update appliance B' },
      steps: updateSteps('B', { guideRef: 'Automatisch', guidePath: B_SUB }, { guideRef: 'Manuelle Installation', guidePath: B_SUB }, SEC('Aktualisieren von Gerät B'), ['backup-settings', 'sync-now', 'break-failover']),
    },
    {
      id: 'verify-test',
      title: { de: 'Verifizieren und Testen', en: 'Verify and test' },
      steps: verifySteps('B', SEC('Verifizieren und Testen'), ['install-b']),
    },
    {
      id: 'b-primary',
      title: { de: 'Gerät B als primäres Gerät festlegen', en: 'Make appliance B primary' },
      steps: [
        ...switchSteps,
        {
          id: 'confirm-b-primary', kind: 'verify', appliesTo: 'B', requires: ['shared-ip-enable-b', 'dns-swing', 'nat-swing'], evidence: ['confirm'], ...SEC('Gerät B als primäres Gerät festlegen'),
          title: { de: 'Gerät B als primär bestätigen', en: 'Confirm appliance B is primary' },
          text: {
            de: 'Prüfen, dass Gerät B alle Anfragen an die Website bearbeitet, und den regulären Betrieb fortsetzen. Ist der Integration-Client über die IP-Adresse statt den Hostnamen angebunden, prüfen, dass er Daten aus Gerät B extrahieren kann. Sitzungsdaten, die ohne Failover-Verbindung enden, werden nach deren Wiederherstellung automatisch synchronisiert.',
            en: 'Check that appliance B handles all requests to the site and resume normal operation. If the Integration Client is configured by IP address rather than hostname, make sure it can extract data from appliance B. Session data of sessions ending while failover is down is synchronised automatically once it is restored.',
          },
        },
      ],
    },
    {
      id: 'upgrade-a',
      title: { de: 'Aktualisieren von Gerät A', en: 'Update appliance A' },
      steps: [
        {
          id: 'confirm-production-b', kind: 'verify', appliesTo: 'B', requires: ['confirm-b-primary'], evidence: ['confirm'], ...SEC('Aktualisieren von Gerät A'),
          title: { de: 'Neue Version in der Produktion bestätigen', en: 'Confirm the new version in production' },
          text: {
            de: 'Vor dem Aktualisieren von Gerät A bestätigen, dass die neue Software auf Gerät B in Ihrer Umgebung funktioniert: jede Kundenumgebung ist anders, BeyondTrust kann nicht jedes Szenario testen.',
            en: 'Before updating appliance A, confirm that the new software on appliance B works in your environment: every customer environment is different, and BeyondTrust cannot test every scenario.',
          },
        },
        ...updateSteps('A', SEC('Aktualisieren von Gerät A'), SEC('Aktualisieren von Gerät A'), SEC('Aktualisieren von Gerät A'), ['confirm-production-b']),
        ...verifySteps('A', SEC('Aktualisieren von Gerät A'), ['install-a']),
      ],
    },
    failoverRestoreSection('B', 'switch', ASYNC, ['verify-a']),
    failoverClientsSection(['confirm-b-primary'], 'representative console'),
  ],
};
