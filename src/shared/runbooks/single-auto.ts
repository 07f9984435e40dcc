import { singleClientsSection, singlePrepareSection } from './shared-steps.ts';
import type { RunbookDefinition } from './types.ts';

/** One appliance that reaches the BeyondTrust update server itself and installs its updates automatically. */
export const singleAuto: RunbookDefinition = {
  id: 'single-auto',
  title: { de: 'Einzelnes Gerät – automatische Aktualisierung', en: 'Single appliance – automatic update' },
  summary: {
    de: 'Für ein Gerät ohne Failover, das den BeyondTrust-Aktualisierungsserver selbst erreicht: es lädt die Pakete herunter und installiert sie.',
    en: 'For one appliance without failover that can reach the BeyondTrust update server itself: it downloads and installs the packages.',
  },
  topology: 'single',
  guideRef: 'Ein einziges BeyondTrust-Gerät mithilfe der automatischen Aktualisierung upgraden',
  sections: [
    singlePrepareSection(),
    {
      id: 'update',
      title: { de: 'Aktualisierung', en: 'Update' },
      steps: [
        {
          id: 'check-updates',
          kind: 'action',
          title: { de: 'Auf Aktualisierungen prüfen', en: 'Check for updates' },
          text: {
            de: 'Am Gerät unter /appliance anmelden, die Seite „Aktualisierungen“ öffnen und auf „Auf Aktualisierungen prüfen“ klicken. Verfügbare Pakete erscheinen unter „Verfügbare Aktualisierungen“; manche werden erst nach der Installation anderer Pakete freigegeben.',
            en: 'Log in to /appliance, open /appliance > Updates and click "Auf Aktualisierungen prüfen" (check for updates). Packages appear under Available Updates; some become available only after other packages are installed.',
          },
          guideRef: 'Ein einziges BeyondTrust-Gerät mithilfe der automatischen Aktualisierung upgraden',
          guidePath: [],
          appliesTo: 'all',
          requires: ['backup-settings'],
          evidence: [],
          warning: {
            de: 'Vor dem Upgrade auf ein neu kompiliertes Site-Software-Paket sicherstellen, dass alle Zertifikatspeicher ordnungsgemäß verwaltet und aktuell sind – sonst erscheinen die meisten Jump Clients als offline.',
            en: 'Before upgrading to a newly compiled site software package, make sure all certificate stores are properly maintained and up to date — otherwise most existing Jump Clients may appear offline.',
          },
        },
        {
          id: 'install-updates',
          kind: 'install',
          title: { de: 'Aktualisierungen installieren', en: 'Install the updates' },
          text: {
            de: 'Je Paket in der Reihenfolge des Plans „Diese Aktualisierung installieren“ wählen; das Gerät lädt die neue Version herunter und installiert sie (meist 15 Minuten bis 1 Stunde, mit vielen gespeicherten Daten länger). Danach den Text von /appliance > Status > Basics einfügen. Schlägt die automatische Aktualisierung fehl, das Verfahren mit manueller Aktualisierung verwenden.',
            en: 'For each package, in the order of the plan, choose Install This Update; the appliance downloads and installs the new version (usually 15 minutes to an hour, longer with much stored data). Then paste the text of /appliance > Status > Basics. If the automatic update keeps failing, use the manual-update procedure.',
          },
          guideRef: 'Ein einziges BeyondTrust-Gerät mithilfe der automatischen Aktualisierung upgraden',
          guidePath: [],
          appliesTo: 'all',
          requires: ['backup-settings', 'check-updates'],
          evidence: ['pasted-basics'],
          warning: {
            de: 'Im Wartungsfenster installieren: die Website ist kurz nicht erreichbar, alle Benutzer werden abgemeldet, aktive Sitzungen beendet. Gibt es beim Base-Update Probleme, das Gerät nicht neu starten, sondern den technischen BeyondTrust-Support kontaktieren.',
            en: 'Install within the maintenance window: the site is briefly unavailable, all users are logged out and active sessions end. If the base update runs into problems, do not restart the appliance; contact BeyondTrust Technical Support.',
          },
        },
      ],
    },
    singleClientsSection(),
  ],
};
