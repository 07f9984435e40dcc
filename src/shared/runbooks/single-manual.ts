import { singleClientsSection, singlePrepareSection } from './shared-steps.ts';
import type { RunbookDefinition } from './types.ts';

const CHAPTER = 'Upgrade eines einzigen BeyondTrust-Geräts mit manuellen Aktualisierungen';

/** One appliance in a restricted network, updated by hand with packages carried across the air gap. */
export const singleManual: RunbookDefinition = {
  id: 'single-manual',
  title: { de: 'Einzelnes Gerät – manuelle Aktualisierung', en: 'Single appliance – manual update' },
  summary: {
    de: 'Für ein Gerät ohne Failover, das den Aktualisierungsserver nicht erreicht (z. B. in einem eingeschränkten Netzwerk): die Pakete werden mit dem Geräte-Download-Schlüssel geholt und von Hand installiert.',
    en: 'For one appliance without failover that cannot reach the update server (e.g. in a restricted network): the packages are fetched with its download key and installed by hand.',
  },
  topology: 'single',
  guideRef: CHAPTER,
  sections: [
    singlePrepareSection(),
    {
      id: 'fetch',
      title: { de: 'Pakete beschaffen', en: 'Fetch the packages' },
      steps: [
        {
          id: 'download-key',
          kind: 'action',
          title: { de: 'Geräte-Download-Schlüssel erzeugen', en: 'Generate the appliance download key' },
          text: {
            de: 'Am Gerät anmelden, /appliance > Aktualisierungen öffnen und auf „Geräte-Download-Schlüssel“ klicken, um den eindeutigen Schlüssel zu erzeugen (ab Base 3.3.2; davor den Schlüssel beim BeyondTrust-Support anfordern). Den Schlüssel beim Gerät im Inventar hinterlegen.',
            en: 'Log in to the appliance, open /appliance > Updates and click "Geräte-Download-Schlüssel" (appliance download key) to generate its unique key (Base 3.3.2 and later; before that, ask BeyondTrust Support for it). Record the key with the appliance in the inventory.',
          },
          guideRef: CHAPTER,
          guidePath: [],
          appliesTo: 'all',
          requires: [],
          evidence: ['confirm'],
          warning: {
            de: 'Bei einer Fehlermeldung die Uhrzeit unter /appliance > Status > Basics prüfen: der Download-Schlüssel hängt von der richtigen Zeit ab. Stimmt sie nicht, die NTP-Einstellung unter „Netzwerk > IP-Konfiguration“ prüfen.',
            en: 'If you get an error, check the time shown on /appliance > Status > Basics: the download key depends on the correct time. If it is wrong, check the NTP setting under "Netzwerk > IP-Konfiguration" (network, IP configuration).',
          },
        },
        {
          id: 'download-packages',
          kind: 'action',
          title: { de: 'Pakete herunterladen und übertragen', en: 'Download and carry over the packages' },
          text: {
            de: 'Von einem nicht beschränkten System den Schlüssel an den Aktualisierungsserver update.bomgar.com senden, alle verfügbaren Aktualisierungen auf einen Wechseldatenträger laden und zu dem System bringen, von dem aus das Gerät verwaltet wird (in Ferry: Anfrage, Bundle, Import in den Tresor).',
            en: 'From an unrestricted system, submit the key to the update server update.bomgar.com, download all available updates to removable media and carry them to the system you manage the appliance from (in Ferry: request, bundle, import into the vault).',
          },
          guideRef: CHAPTER,
          guidePath: [],
          appliesTo: 'none',
          requires: ['download-key'],
          evidence: ['confirm'],
          warning: {
            de: 'Direkt nach dem Download installieren: heruntergeladene Aktualisierungen verschwinden aus der Liste der verfügbaren Aktualisierungen, ein erneuter Download geht nur über den technischen BeyondTrust-Support.',
            en: 'Be ready to install right after downloading: a downloaded update no longer appears in the list of available updates, and downloading it again needs BeyondTrust Technical Support.',
          },
        },
      ],
    },
    {
      id: 'update',
      title: { de: 'Aktualisierung', en: 'Update' },
      steps: [
        {
          id: 'install-updates',
          kind: 'install',
          title: { de: 'Aktualisierungen installieren', en: 'Install the updates' },
          text: {
            de: 'Je Paket in der Reihenfolge des Plans: unter /appliance > Aktualisierungen im Abschnitt „Manuelle Installation“ die Paketdatei wählen und auf „Software aktualisieren“ klicken; das Gerät installiert die neue Version (meist 15 Minuten bis 1 Stunde). Danach den Text von /appliance > Status > Basics einfügen.',
            en: 'For each package, in the order of the plan: in /appliance > Updates, pick the package file in the "Manuelle Installation" (manual installation) section and click "Software aktualisieren" (update software); the appliance installs the new version (usually 15 minutes to an hour). Then paste the text of /appliance > Status > Basics.',
          },
          guideRef: CHAPTER,
          guidePath: [],
          appliesTo: 'all',
          requires: ['backup-settings', 'download-packages'],
          evidence: ['pasted-basics'],
          warning: {
            de: 'Vor einem neu kompilierten Site-Software-Paket müssen alle Zertifikatspeicher aktuell sein, sonst erscheinen die meisten Jump Clients als offline. Im Wartungsfenster installieren: die Website ist kurz nicht erreichbar, Benutzer werden abgemeldet, Sitzungen beendet. Bei Problemen mit dem Base-Update das Gerät nicht neu starten, sondern den technischen BeyondTrust-Support kontaktieren.',
            en: 'Before a newly compiled site software package, all certificate stores must be up to date, or most Jump Clients may appear offline. Install within the maintenance window: the site is briefly unavailable, users are logged out, sessions end. If the base update runs into problems, do not restart the appliance; contact BeyondTrust Technical Support.',
          },
        },
      ],
    },
    singleClientsSection(),
  ],
};
