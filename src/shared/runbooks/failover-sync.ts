/**
 * Guide: "Zwei BeyondTrust-Geräte in einer Failover-Konfiguration upgraden" › "Synchrone Aktualisierung zweier
 * Geräte in einer Failover-Beziehung". In the guide file its sections are `##`/`###` headings beside the chapter
 * (conversion artefacts); the table of contents places them under it, as here.
 */
import { FAILOVER, failoverBackupSyncSection, failoverClientsSection, failoverPlanSection, failoverRestoreSection, updateSteps } from './shared-steps.ts';
import type { RunbookDefinition } from './types.ts';

const CHAPTER = 'Synchrone Aktualisierung zweier Geräte in einer Failover-Beziehung';
const SYNC = [...FAILOVER, CHAPTER];

const A_REF = { guideRef: 'Aktualisieren von Gerät A', guidePath: SYNC };
const B_REF = { guideRef: 'Aktualisieren von Gerät B', guidePath: SYNC };
const A_SUB = [...SYNC, 'Aktualisieren von Gerät A'];

/** A failover pair updated primary first: A keeps its role, with downtime while it updates. */
export const failoverSync: RunbookDefinition = {
  id: 'failover-sync',
  title: { de: 'Failover-Paar – synchrone Aktualisierung', en: 'Failover pair – synchronous update' },
  summary: {
    de: 'Das primäre Gerät A wird zuerst aktualisiert und bleibt primär. Kein Failover, aber eine längere Ausfallzeit; für einfache Bereitstellungen, in denen eine kurze Ausfallzeit vertretbar ist.',
    en: 'The primary appliance A is updated first and stays primary. No failover, but longer downtime; for simple deployments where a short outage is acceptable.',
  },
  topology: 'failover',
  guideRef: CHAPTER,
  sections: [
    failoverPlanSection({
      de: 'Zu Zeiten mit niedrigem Datenverkehr im Wartungszeitraum aktualisieren: die Website ist kurz nicht erreichbar, Benutzer werden abgemeldet, aktive Sitzungen beendet. Die Aktualisierung vorher in einer kontrollierten Umgebung testen.',
      en: 'Update at low-traffic times within the maintenance window: the site is briefly unavailable, users are logged out and active sessions end. Test the update in a controlled environment first.',
    }),
    failoverBackupSyncSection(SYNC, {
      de: 'Nach abgeschlossener Synchronisierung auf derselben Seite auf „Failover-Verbindungen trennen“ klicken. Ab jetzt besteht keine Failover-Beziehung.',
      en: 'Once the synchronisation has finished, click "Failover-Verbindungen trennen" (break failover connections) on the same page. From now on there is no failover relationship.',
    }),
    {
      id: 'upgrade-a',
      title: { de: 'Aktualisieren von Gerät A', en: 'Update appliance A' },
      steps: updateSteps('A', { guideRef: 'Automatisch', guidePath: A_SUB }, { guideRef: 'Manuelle Installation', guidePath: A_SUB }, A_REF, ['backup-settings', 'sync-now', 'break-failover']),
    },
    {
      id: 'verify-test',
      title: { de: 'Verifizieren und Testen', en: 'Verify and test' },
      steps: [
        {
          id: 'verify-a', kind: 'verify', appliesTo: 'A', requires: ['install-a'], evidence: ['confirm'], guideRef: 'Verifizieren und Testen', guidePath: SYNC,
          title: { de: 'Gerät A verifizieren und testen', en: 'Verify and test appliance A' },
          text: {
            de: 'Die Konsole des Support-Technikers starten (sie aktualisiert sich meist selbst), angemeldet unter „Hilfe > Info“ den Build prüfen und über eine Sitzung eine Verbindung zu einem Remote-Computer herstellen.',
            en: 'Start the representative console (it usually updates itself), log in and check its build under "Hilfe > Info" (help, about), and connect to a remote computer through a session.',
          },
          warning: {
            de: 'Konsolen, die mit MSI auf zugriffsgesicherten Computern bereitgestellt wurden, müssen nach der Aktualisierung neu bereitgestellt werden; die alte MSI-Datei aufbewahren, um alte Installationen zu entfernen.',
            en: 'Consoles deployed with an MSI on locked-down computers must be redeployed after the update; keep the old MSI file to remove the outdated installations.',
          },
        },
      ],
    },
    {
      id: 'upgrade-b',
      title: { de: 'Aktualisieren von Gerät B', en: 'Update appliance B' },
      steps: [
        ...updateSteps('B', B_REF, B_REF, B_REF, ['verify-a']),
        {
          id: 'verify-b', kind: 'verify', appliesTo: 'B', requires: ['install-b'], evidence: ['confirm'], ...B_REF,
          title: { de: 'Gerät B verifizieren und testen', en: 'Verify and test appliance B' },
          text: {
            de: 'Prüfen, dass die Aktualisierung auf Gerät B abgeschlossen ist und die Software wie erwartet funktioniert – wie bei Gerät A: Konsole starten, Build unter „Hilfe > Info“ prüfen, Sitzung zu einem Remote-Computer herstellen.',
            en: 'Check that the update on appliance B has finished and the software works as expected — as for appliance A: start the console, check its build under "Hilfe > Info", connect to a remote computer through a session.',
          },
        },
      ],
    },
    failoverRestoreSection('A', 'action', SYNC, ['verify-b']),
    failoverClientsSection(['verify-a'], 'console'),
  ],
};
