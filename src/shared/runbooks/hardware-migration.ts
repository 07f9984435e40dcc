/**
 * Guide: "Upgrade von BeyondTrust-Hardware" — moving to a new physical or virtual appliance.
 * `A` is the current (old) appliance, `B` the new one (the schema has no old/new target). The guide's
 * last part — return a physical appliance or delete a virtual one — has both ways as steps; a run skips
 * the one that does not apply, with the reason.
 */
import type { RunbookDefinition } from './types.ts';

const REF = 'Upgrade von BeyondTrust-Hardware';

/** Migration from the current appliance (A) to a new physical or virtual one (B): backup, certificate chain, software, restore. */
export const hardwareMigration: RunbookDefinition = {
  id: 'hardware-migration',
  title: { de: 'Auf neue Hardware oder virtuelles Gerät umziehen', en: 'Move to new hardware or a virtual appliance' },
  summary: {
    de: 'Für den Wechsel von einem physischen Gerät auf ein anderes oder zwischen physischem und virtuellem Gerät: neues Gerät einrichten, Einstellungen sichern, SSL-Zertifikatskette übertragen, Software installieren, Sicherung wiederherstellen.',
    en: 'For moving from one physical appliance to another, or between a physical and a virtual appliance: set up the new appliance, back up the settings, carry over the SSL certificate chain, install the software, restore the backup.',
  },
  topology: 'migration',
  guideRef: REF,
  sections: [
    { id: 'new-appliance', title: { de: 'Neues Gerät installieren', en: 'Install the new appliance' }, steps: [
      {
        id: 'install-new-appliance', kind: 'action', appliesTo: 'B', requires: [], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Neues Gerät einrichten', en: 'Set up the new appliance' },
        text: {
          de: 'Das neue Gerät nach dem passenden Einrichtungshandbuch installieren: virtuelles Gerät (beyondtrust.com/docs/remote-support/getting-started/deployment/virtual) oder Hardware (…/deployment/hardware).',
          en: 'Install the new appliance following the matching setup guide: virtual appliance (beyondtrust.com/docs/remote-support/getting-started/deployment/virtual) or hardware (…/deployment/hardware).',
        },
      },
    ] },
    { id: 'backup', title: { de: 'Einstellungen sichern', en: 'Back up the settings' }, steps: [
      {
        id: 'backup-settings', kind: 'backup', appliesTo: 'A', requires: [], evidence: ['vault-file'], guideRef: REF, guidePath: [],
        title: { de: 'Einstellungen des alten Geräts sichern', en: 'Back up the settings of the old appliance' },
        text: {
          de: 'Auf dem aktuellen Gerät unter /login > Verwaltung > Softwareverwaltung im Abschnitt „Software :: Sicherungseinstellungen“ auf „Sicherung herunterladen“ klicken. Die Sicherungsdatei (.nsb) in Ferrys Tresor importieren – dort liegt sie sicher.',
          en: 'On the current appliance, open /login > Management > Software Management and click "Sicherung herunterladen" (download backup) in the section "Software :: Sicherungseinstellungen". Import the backup file (.nsb) into Ferry\'s vault, where it is kept safe.',
        },
      },
    ] },
    { id: 'certificates', title: { de: 'SSL-Zertifikatskette übertragen', en: 'Carry over the SSL certificate chain' }, steps: [
      {
        id: 'export-certificate', kind: 'backup', appliesTo: 'A', requires: ['backup-settings'], evidence: ['vault-file'], guideRef: REF, guidePath: [],
        title: { de: 'Zertifikat mit Schlüssel und Kette exportieren', en: 'Export the certificate with key and chain' },
        text: {
          de: 'Auf dem aktuellen Gerät unter /appliance > Sicherheit > Zertifikate das Zertifikat der aktiven IP-Adresse markieren und im Dropdown „Exportieren“ wählen. Zertifikat, privaten Schlüssel und Zertifikatskette anfügen und die Datei in Ferrys Tresor importieren.',
          en: 'On the current appliance, open "/appliance > Sicherheit > Zertifikate", tick the certificate assigned to the active IP address and choose "Exportieren" from the drop-down. Include the certificate, the private key and the chain, and import the file into Ferry\'s vault.',
        },
        warning: {
          de: 'Für den privaten Schlüssel wird eine Passphrase empfohlen. Das Exportieren entfernt die Zertifikate nicht vom Gerät.',
          en: 'Setting a passphrase for the private key is recommended. Exporting does not remove the certificates from the appliance.',
        },
      },
      {
        id: 'import-certificate', kind: 'action', appliesTo: 'B', requires: ['install-new-appliance', 'export-certificate'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Zertifikat im neuen Gerät importieren', en: 'Import the certificate on the new appliance' },
        text: {
          de: 'Auf dem neuen Gerät unter /appliance > Sicherheit > Zertifikate im Abschnitt „Sicherheit :: Zertifikat-Installation“ auf „Importieren“ klicken, die exportierte Zertifikatsdatei wählen und „Hochladen“.',
          en: 'On the new appliance, open "/appliance > Sicherheit > Zertifikate", click "Importieren" in the section "Sicherheit :: Zertifikat-Installation", choose the exported certificate file and click "Hochladen" (upload).',
        },
      },
      {
        id: 'assign-certificate-ip', kind: 'action', appliesTo: 'B', requires: ['import-certificate'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Dem Zertifikat eine IP-Adresse zuweisen', en: 'Assign an IP address to the certificate' },
        text: {
          de: 'Auf derselben Seite das SSL-Zertifikat suchen (Feld „Ausgestellt an“ mit dem Domänennamen, z. B. support.example.com) und prüfen, dass keine Warnungen aufgeführt sind. Dann „IP zuweisen“ klicken, die IP-Adresse prüfen und „Konfiguration speichern“.',
          en: 'On the same page, find the SSL certificate (field "Ausgestellt an" with the appliance\'s domain name, e.g. support.example.com) and check that it lists no warnings. Then click "IP zuweisen", check the IP address at the bottom and click "Konfiguration speichern" (save).',
        },
        warning: {
          de: 'Bei Warnungen erst diese beseitigen (FAQ 755 im BeyondTrust Technical Support Self Service Center).',
          en: 'If there are warnings, clear them first (FAQ 755 in the BeyondTrust Technical Support Self Service Center).',
        },
      },
    ] },
    { id: 'software', title: { de: 'Software installieren', en: 'Install the software' }, steps: [
      {
        id: 'install-software', kind: 'install', appliesTo: 'B', requires: ['assign-certificate-ip'], evidence: ['pasted-basics'], guideRef: REF, guidePath: [],
        title: { de: 'Softwarepaket auf dem neuen Gerät installieren', en: 'Install the software package on the new appliance' },
        text: {
          de: 'Auf dem neuen Gerät unter /appliance > Aktualisierungen „Auf Aktualisierungen prüfen“ oder den „Geräte-Download-Schlüssel“ nach Bildschirmanweisung verwenden, dann „Diese Aktualisierung installieren“. Vorher muss die Endbenutzer-Lizenzvereinbarung unterzeichnet werden. Danach den Text von /appliance > Status > Basics einfügen.',
          en: 'On the new appliance, open /appliance > Updates and either click "Auf Aktualisierungen prüfen" (check for updates) or use the appliance download key as the screen explains, then click "Diese Aktualisierung installieren" (install this update). The end-user licence agreement must be signed first. Then paste the text of /appliance > Status > Basics.',
        },
        warning: {
          de: 'Treten beim Base-Update Probleme auf, das Gerät nicht neu starten, sondern den BeyondTrust-Support kontaktieren.',
          en: 'If a base update runs into trouble, do not restart the appliance; contact BeyondTrust support.',
        },
      },
    ] },
    { id: 'restore', title: { de: 'Einstellungen wiederherstellen', en: 'Restore the settings' }, steps: [
      {
        id: 'restore-settings', kind: 'action', appliesTo: 'B', requires: ['backup-settings', 'install-software'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Sicherung im neuen Gerät hochladen', en: 'Upload the backup to the new appliance' },
        text: {
          de: 'In /login des neuen Geräts anmelden (erste Anmeldung: admin / password), /login > Verwaltung > Softwareverwaltung öffnen, im Abschnitt „Einstellungen wiederherstellen“ die Sicherungsdatei wählen und „Sicherung hochladen“.',
          en: 'Log in to /login of the new appliance (first login: admin / password), open /login > Management > Software Management, choose the backup file in the section "Einstellungen wiederherstellen" and click "Sicherung hochladen" (upload backup).',
        },
      },
    ] },
    { id: 'cutover', title: { de: 'Umschalten und testen', en: 'Switch over and test' }, steps: [
      {
        id: 'switch-dns', kind: 'switch', appliesTo: 'B', requires: ['restore-settings'], evidence: ['confirm', 'timestamp'], guideRef: REF, guidePath: [],
        title: { de: 'DNS auf das neue Gerät umstellen', en: 'Point DNS at the new appliance' },
        text: {
          de: 'Den DNS-Server so ändern, dass der Datenverkehr an die IP-Adresse des neuen Geräts geht.',
          en: 'Update your DNS server so that traffic goes to the IP address of the new appliance.',
        },
      },
      {
        id: 'test-new-appliance', kind: 'verify', appliesTo: 'B', requires: ['switch-dns'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Remote-Support auf dem neuen Gerät testen', en: 'Test remote support on the new appliance' },
        text: {
          de: 'Remote-Support auf dem neuen Gerät testen und bestätigen, dass es korrekt funktioniert. Erst danach das alte Gerät stilllegen.',
          en: 'Test remote support on the new appliance and confirm that it works correctly. Only then retire the old appliance.',
        },
      },
    ] },
    { id: 'retire-old', title: { de: 'Altes Gerät stilllegen', en: 'Retire the old appliance' }, steps: [
      {
        id: 'delete-old-virtual', kind: 'action', appliesTo: 'A', requires: ['test-new-appliance'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Altes virtuelles Gerät löschen', en: 'Delete the old virtual appliance' },
        text: {
          de: 'War das alte Gerät virtuell, es jetzt löschen. Bei einem physischen Gerät diesen Schritt mit Begründung überspringen und es zurücksenden (folgende Schritte).',
          en: 'If the old appliance is virtual, delete it now. For a physical appliance, skip this step with a reason and return it instead (next steps).',
        },
      },
      {
        id: 'reset-old', kind: 'action', appliesTo: 'A', requires: ['test-new-appliance'], evidence: ['confirm', 'timestamp'], guideRef: REF, guidePath: [],
        title: { de: 'Altes Gerät auf Werkseinstellungen setzen', en: 'Reset the old appliance to factory defaults' },
        text: {
          de: 'In der /appliance-Oberfläche des alten Geräts unter Status > Einfach auf „Gerät auf Originalstandards zurücksetzen“ klicken.',
          en: 'In the /appliance interface of the old appliance, open /appliance > Status > Basics and click "Gerät auf Originalstandards zurücksetzen" (reset to factory defaults).',
        },
        warning: {
          de: 'Nur für ein physisches Gerät, das zurückgesendet wird, und erst wenn das neue Gerät nachweislich korrekt funktioniert.',
          en: 'Only for a physical appliance that goes back, and only once the new appliance is known to work correctly.',
        },
      },
      {
        id: 'shutdown-old', kind: 'action', appliesTo: 'A', requires: ['reset-old'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Altes Gerät herunterfahren', en: 'Shut down the old appliance' },
        text: {
          de: 'Warten, bis die Zurücksetzung abgeschlossen ist, dann auf „Dieses Gerät herunterfahren“ klicken.',
          en: 'Wait until the reset has finished, then click "Dieses Gerät herunterfahren" (shut down this appliance).',
        },
      },
      {
        id: 'ship-old', kind: 'action', appliesTo: 'A', requires: ['shutdown-old'], evidence: ['confirm'], guideRef: REF, guidePath: [],
        title: { de: 'Altes Gerät zurücksenden', en: 'Send the old appliance back' },
        text: {
          de: 'Das Gerät für den Versand vorbereiten, das BeyondTrust-Retouretikett aufkleben und den Lieferdienst zur Abholung rufen. Ohne Etikett den BeyondTrust-Support kontaktieren.',
          en: 'Pack the appliance for shipping, put the BeyondTrust return label on the parcel and ask your carrier to collect it. Without a label, contact BeyondTrust support.',
        },
      },
    ] },
  ],
};
