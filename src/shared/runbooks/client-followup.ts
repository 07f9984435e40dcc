/**
 * Guide: "Client-Upgrades" (and, for the 24-hour wait or its alternative — uninstall all client software,
 * install every hop, reinstall — the bullets of "Aktualisierungsvorbereitung"). Only site-version
 * updates need client updates; base updates and licence add-ons do not. The guide's two ways exclude
 * each other (wait for Jump Clients, or uninstall and redeploy): a run skips the other way's steps
 * with the reason; the plan (`--wait-hours` / `--redeploy-clients`) already says which one is chosen.
 */
import type { RunbookDefinition } from './types.ts';

const PATH = ['Upgrade der BeyondTrust-Software vornehmen'];
const CU = 'Client-Upgrades';
const PREP = 'Aktualisierungsvorbereitung';

/** What to do about Jump Clients, consoles, integration clients and installers around a site upgrade. */
export const clientFollowup: RunbookDefinition = {
  id: 'client-followup',
  title: { de: 'Clients nach dem Site-Upgrade nachziehen', en: 'Follow up on clients after a site upgrade' },
  summary: {
    de: 'Nur Upgrades der Website-Version erfordern Client-Aktualisierungen; Base-Aktualisierungen und Lizenz-Add-ons nicht. Die meisten Clients aktualisieren sich selbst; hier wird geprüft, was nicht automatisch geschieht.',
    en: 'Only site version upgrades need client updates; base updates and licence add-ons do not. Most clients update themselves; this checks what does not happen on its own.',
  },
  topology: 'clients',
  guideRef: CU,
  sections: [
    { id: 'before', title: { de: 'Vor dem Upgrade', en: 'Before the upgrade' }, steps: [
      {
        id: 'uninstall-clients', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: PREP, guidePath: PATH,
        title: { de: 'Client-Software deinstallieren (Alternative)', en: 'Uninstall the client software (alternative)' },
        text: {
          de: 'Nur wenn 24 Stunden Wartezeit zwischen den Zwischenversionen nicht möglich sind: zuerst alle Client-Software deinstallieren – Konsole des Support-Technikers, Jump Clients, Jumpoints, Support Buttons, Verbindungsagenten usw. Sonst mit Begründung überspringen.',
          en: 'Only if waiting 24 hours between intermediate versions is not possible: first uninstall all client software — representative console, Jump Clients, Jumpoints, Support Buttons, connection agents and so on. Otherwise skip with a reason.',
        },
      },
      {
        id: 'check-certificate-stores', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Zertifikatspeicher prüfen', en: 'Check the certificate stores' },
        text: {
          de: 'Vor dem Upgrade auf ein neu kompiliertes Site-Software-Paket sicherstellen, dass alle Zertifikatspeicher ordnungsgemäß verwaltet und aktuell sind.',
          en: 'Before upgrading to a newly compiled site software package, make sure all certificate stores are properly managed and up to date.',
        },
        warning: {
          de: 'WICHTIG: Andernfalls kann der Großteil der bestehenden Jump Clients als offline erscheinen.',
          en: 'Important: otherwise most of your existing Jump Clients may show as offline.',
        },
      },
      {
        id: 'download-console-msi', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'MSI der Techniker-Konsole vorab laden', en: 'Fetch the console MSI in advance' },
        text: {
          de: 'Ist die extrahierbare Konsole des Support-Technikers freigeschaltet, nach der Prüfung auf die neue Aktualisierung über „Installationsprogramme für die Konsole des Support-Technikers“ die MSI-Datei laden; die neuen Konsolen kommen erst nach dem Geräte-Upgrade online. Die alte MSI-Datei aufbewahren.',
          en: 'If the extractable representative console is enabled for your site, check for the new update and download the MSI through "Installationsprogramme für die Konsole des Support-Technikers"; the new consoles come online only after the appliance upgrade. Keep a copy of the old MSI file.',
        },
      },
      {
        id: 'limit-jump-client-updates', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Gleichzeitige Jump-Client-Updates begrenzen', en: 'Limit simultaneous Jump Client updates' },
        text: {
          de: 'Jump Clients aktualisieren sich nach dem Upgrade selbst; viele gleichzeitig können Gerät und Netz überlasten. Unter /login > Jump > Jump Clients bei Bedarf „Maximale Anzahl gleichzeitiger Jump Client-Aktualisierungen“ und/oder „Maximale Bandbreite …“ senken.',
          en: 'Jump Clients update themselves after the upgrade; many at once can overload the appliance and the network. If needed, lower "Maximale Anzahl gleichzeitiger Jump Client-Aktualisierungen" and/or the maximum bandwidth under "/login > Jump > Jump Clients".',
        },
      },
    ] },
    { id: 'after', title: { de: 'Nach dem Upgrade der Website', en: 'After the site upgrade' }, steps: [
      {
        id: 'reinstall-clients', kind: 'action', appliesTo: 'clients', requires: ['uninstall-clients'], evidence: ['confirm'], guideRef: PREP, guidePath: PATH,
        title: { de: 'Client-Software neu installieren (Alternative)', en: 'Reinstall the client software (alternative)' },
        text: {
          de: 'Wenn die Clients vorher deinstalliert wurden: nachdem alle Upgrades in der richtigen Reihenfolge bis zur aktuellsten Version installiert sind, die gesamte Client-Software manuell neu installieren. Sonst mit Begründung überspringen.',
          en: 'If the clients were uninstalled before: once every upgrade is installed in the right order up to the latest version, reinstall all client software by hand. Otherwise skip with a reason.',
        },
      },
      {
        id: 'check-consoles', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Konsolen der Support-Techniker prüfen', en: 'Check the representative consoles' },
        text: {
          de: 'Installierte Konsolen aktualisieren sich normalerweise beim nächsten Start. Mit MSI auf zugriffsgesicherten Computern bereitgestellte Konsolen jetzt neu bereitstellen; veraltete Installationen bei Bedarf mit der alten MSI-Datei entfernen.',
          en: 'Installed consoles normally update the next time they start. Redeploy consoles that were deployed by MSI on locked-down computers now; if needed, remove outdated installations with the old MSI file (the new one cannot).',
        },
      },
      {
        id: 'wait-jump-clients', kind: 'wait', appliesTo: 'clients', requires: [], evidence: [], waitHours: 24, guideRef: CU, guidePath: PATH,
        title: { de: '24 Stunden auf Jump Clients warten', en: 'Wait 24 hours for the Jump Clients' },
        text: {
          de: 'Aktive Jump Clients melden sich sofort nach dem Upgrade, passive beim Start, nach einer Konsolenverbindung oder mindestens alle 24 Stunden, und stellen sich dann in die Aktualisierungswarteschlange. Vor der nächsten Version mindestens 24 Stunden warten.',
          en: 'Active Jump Clients check in right after the upgrade, passive ones at start-up, after a console connection or at least every 24 hours, and then queue for their update. Wait at least 24 hours before the next version.',
        },
        warning: {
          de: 'Passive Jump Clients können länger brauchen, je nachdem, wie lange ihre Host-Systeme offline sind.',
          en: 'Passive Jump Clients may take longer, depending on how long their host systems stay offline.',
        },
      },
      {
        id: 'check-jump-clients', kind: 'verify', appliesTo: 'clients', requires: ['wait-jump-clients'], evidence: ['vault-file'], guideRef: CU, guidePath: PATH,
        title: { de: 'Aktualisierung der Jump Clients bestätigen', en: 'Confirm the Jump Clients are updated' },
        text: {
          de: 'In der Konsole als Administrator mit Recht, alle Jump Clients zu ändern, anmelden und die Jump-Client-Liste exportieren; den Export hier importieren. Alle „Statusdetails“-Daten müssen jünger sein als das letzte Geräte-Upgrade; „Upgrade ausstehend“ heißt noch nicht aktualisiert.',
          en: 'Log in to the console as an administrator allowed to modify all Jump Clients and export the Jump Client list; import the export here. Every "Statusdetails" date must be newer than the last appliance upgrade; "Upgrade ausstehend" (upgrade pending) means not updated yet.',
        },
        warning: {
          de: 'Auf einen veralteten Jump Client ist kein Jump möglich; ein Jump-Versuch setzt ihn aber an den Anfang der Warteschlange. Online angezeigte Jump Clients sind aktualisiert.',
          en: 'You cannot jump to an outdated Jump Client, but trying moves it to the front of the update queue. Jump Clients shown as online are updated.',
        },
      },
      {
        id: 'redeploy-jump-clients', kind: 'action', appliesTo: 'clients', requires: ['check-jump-clients'], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Nicht aktualisierte Jump Clients neu bereitstellen', en: 'Redeploy Jump Clients that did not update' },
        text: {
          de: 'Wurden zu viele Versionen hintereinander installiert, ohne den Jump Clients Zeit zum Upgrade zu geben, die betroffenen Jump Clients manuell erneut bereitstellen.',
          en: 'If too many versions were installed back to back without giving the Jump Clients time to upgrade, redeploy the affected Jump Clients by hand.',
        },
      },
      {
        id: 'check-other-clients', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Support Buttons, Jumpoints, Agenten prüfen', en: 'Check Support Buttons, Jumpoints, agents' },
        text: {
          de: 'Support Buttons aktualisieren sich bei der ersten Verwendung nach dem Upgrade, Jumpoints und Verbindungs-Agenten automatisch nach dem Upgrade der Website.',
          en: 'Support Buttons update the first time they are used after the upgrade; Jumpoints and connection agents update automatically after the site upgrade.',
        },
      },
      {
        id: 'reinstall-integration-clients', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Integration-Clients neu installieren', en: 'Reinstall the Integration Clients' },
        text: {
          de: 'BeyondTrust Integration-Clients aktualisieren sich nicht selbst: manuell neu installieren. Die Installationsprogramme gibt es auf der Seite „Downloads“ unter beyondtrust.com/docs/index.htm#support.',
          en: 'BeyondTrust Integration Clients do not update themselves: reinstall them by hand. The installers are on the "Downloads" page at beyondtrust.com/docs/index.htm#support.',
        },
      },
      {
        id: 'regenerate-installers', kind: 'action', appliesTo: 'clients', requires: [], evidence: ['confirm'], guideRef: CU, guidePath: PATH,
        title: { de: 'Installationspakete neu erzeugen', en: 'Generate the installer packages again' },
        text: {
          de: 'Früher erstellte Installationspakete für Support Buttons, Jump Clients und Konsolen der Support-Techniker neu generieren: Sie werden ungültig, sobald das Gerät, das sie erzeugt hat, aktualisiert ist.',
          en: 'Generate again any installer packages made earlier for Support Buttons, Jump Clients and representative consoles: they stop working once the appliance that made them is upgraded.',
        },
      },
    ] },
  ],
};
