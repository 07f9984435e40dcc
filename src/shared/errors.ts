/**
 * The stable error-code catalogue. Codes are part of Ferry's public contract (CLI `--json`, IPC, logs):
 * never rename one, never reuse one for another meaning. Each code carries a German and an English
 * title and a next step, shown next to the code so a technician can quote it.
 */

interface ErrorText {
  readonly title: string;
  readonly next: string;
}

/** What kind of failure a code stands for; the CLI maps it to an exit code (DESIGN: 1, 2 or 3). */
export type ErrorKind = 'check' | 'usage' | 'environment' | 'internal';

interface ErrorEntry {
  readonly kind: ErrorKind;
  readonly de: ErrorText;
  readonly en: ErrorText;
}

const entry = (kind: ErrorKind, de: [string, string], en: [string, string]): ErrorEntry => ({
  kind,
  de: { title: de[0], next: de[1] },
  en: { title: en[0], next: en[1] },
});

/** Every error code Ferry can report, with its kind and texts. */
export const ERROR_CATALOGUE = {
  SIGNATURE_INVALID: entry('check',
    ['Signatur ungültig', 'Die Datei wurde verändert oder beschädigt. Fordern Sie sie neu an.'],
    ['Signature invalid', 'The file was altered or damaged. Ask for it again.']),
  SIGNER_UNTRUSTED: entry('check',
    ['Unterzeichner nicht vertrauenswürdig', 'Vertrauen Sie der Station unter Einstellungen › „Einer anderen Station vertrauen“: ihren Schlüssel oder eine ihrer Anfragen einfügen und den Fingerabdruck eintippen, den ihr Bildschirm zeigt (oder: ferry station trust).'],
    ['Signer not trusted', 'Trust the station in Settings › “Trust another station”: paste its key or one of its requests and type the fingerprint its screen shows (or: ferry station trust).']),
  MANIFEST_EXPIRED: entry('check',
    ['Manifest abgelaufen', 'Prüfen Sie die Uhr dieses Rechners oder lassen Sie das Paket neu erstellen.'],
    ['Manifest expired', 'Check this computer’s clock or have the bundle written again.']),
  MANIFEST_ROLLBACK: entry('check',
    ['Älteres Manifest als bereits angenommen', 'Verwenden Sie das neueste Paket dieser Station.'],
    ['Manifest older than one already accepted', 'Use the newest bundle from that station.']),
  MANIFEST_MALFORMED: entry('check',
    ['Manifest fehlerhaft', 'Die Datei ist kein gültiges Ferry-Manifest. Lassen Sie sie neu erstellen.'],
    ['Manifest malformed', 'The file is not a valid Ferry manifest. Have it written again.']),
  FILE_MISSING: entry('environment',
    ['Datei fehlt', 'Prüfen Sie den Pfad bzw. ob der Datenträger vollständig kopiert wurde.'],
    ['File missing', 'Check the path, or whether the medium was copied completely.']),
  FILE_SIZE_MISMATCH: entry('check',
    ['Dateigröße stimmt nicht', 'Die Datei ist unvollständig oder verändert. Kopieren Sie sie erneut.'],
    ['File size does not match', 'The file is incomplete or altered. Copy it again.']),
  FILE_HASH_MISMATCH: entry('check',
    ['Prüfsumme stimmt nicht', 'Die Datei wurde verändert oder beschädigt. Verwenden Sie sie nicht: Holen Sie sie neu von ihrer Quelle – ein Transferpaket schreibt die verbundene Seite neu, am besten auf einen anderen Stick.'],
    ['Checksum does not match', 'The file was altered or damaged. Do not use it: fetch it again from where it came from – for a bundle, have the connected side write it again, preferably onto another stick.']),
  PART_MISSING: entry('check',
    ['Dateiteil fehlt', 'Kopieren Sie alle Teile (.part001, .part002 …) auf den Datenträger.'],
    ['File part missing', 'Copy all parts (.part001, .part002 …) onto the medium.']),
  PATH_OUTSIDE_BUNDLE: entry('check',
    ['Pfad außerhalb des Pakets', 'Das Paket ist manipuliert. Verwenden Sie es nicht.'],
    ['Path outside the bundle', 'The bundle has been tampered with. Do not use it.']),
  ARCHIVE_UNSAFE: entry('check',
    ['Archiv unsicher', 'Das Archiv enthält gefährliche Pfade oder Verweise. Verwenden Sie es nicht.'],
    ['Archive unsafe', 'The archive contains dangerous paths or links. Do not use it.']),
  MEDIA_NOT_WRITABLE: entry('environment',
    ['Datenträger nicht beschreibbar', 'Entfernen Sie den Schreibschutz oder wählen Sie einen anderen Datenträger.'],
    ['Medium not writable', 'Remove the write protection or choose another medium.']),
  MEDIA_FULL: entry('environment',
    ['Datenträger voll', 'Schaffen Sie Platz oder verwenden Sie einen größeren Datenträger.'],
    ['Medium full', 'Free some space or use a larger medium.']),
  MEDIA_FILE_TOO_LARGE: entry('environment',
    ['Datei zu groß für den Datenträger', 'Ferry teilt große Dateien; geben Sie die maximale Dateigröße an.'],
    ['File too large for the medium', 'Ferry splits large files; set the maximum file size.']),
  REQUEST_MISMATCH: entry('check',
    ['Paket passt nicht zur Anfrage', 'Dieses Paket beantwortet eine andere Anfrage oder andere Geräte.'],
    ['Bundle does not match the request', 'This bundle answers another request or other appliances.']),
  PLAN_UNREACHABLE: entry('check',
    ['Zielversion nicht erreichbar', 'Besorgen Sie die genannten fehlenden Pakete bei der nächsten Fahrt.'],
    ['Target version unreachable', 'Fetch the missing packages listed on the next trip.']),
  KEY_FORMAT_INVALID: entry('check',
    ['Downloadschlüssel ungültig', 'Kopieren Sie den Schlüssel erneut aus /appliance.'],
    ['Download key invalid', 'Copy the key again from /appliance.']),
  KEY_STALE: entry('check',
    ['Downloadschlüssel veraltet', 'Erzeugen Sie den Schlüssel unter /appliance › Aktualisierungen neu (er ist einige Tage alt oder älter als die letzte Aktualisierung).'],
    ['Download key stale', 'Generate the key again at /appliance › Updates (it is several days old or older than the last update).']),
  CERT_UNREADABLE: entry('check',
    ['Zertifikat nicht lesbar', 'Prüfen Sie das Format (PEM, DER, PKCS#12).'],
    ['Certificate unreadable', 'Check the format (PEM, DER, PKCS#12).']),
  CERT_PASSPHRASE_WRONG: entry('check',
    ['Passphrase falsch', 'Geben Sie die Passphrase erneut ein.'],
    ['Wrong passphrase', 'Enter the passphrase again.']),
  CERT_KEY_MISMATCH: entry('check',
    ['Schlüssel passt nicht zum Zertifikat', 'Verwenden Sie den privaten Schlüssel, mit dem die Anfrage erstellt wurde.'],
    ['Key does not match the certificate', 'Use the private key the signing request was made with.']),
  CERT_KEY_MISSING: entry('check',
    ['Privater Schlüssel fehlt', 'Fügen Sie den privaten Schlüssel hinzu.'],
    ['Private key missing', 'Add the private key.']),
  CERT_CHAIN_INCOMPLETE: entry('check',
    ['Zertifikatskette unvollständig', 'Fügen Sie die Zwischenzertifikate Ihrer CA hinzu.'],
    ['Certificate chain incomplete', 'Add your CA’s intermediate certificates.']),
  CERT_CHAIN_ORDER: entry('check',
    ['Zertifikatskette in falscher Reihenfolge', 'Ferry exportiert die Kette geordnet.'],
    ['Certificate chain out of order', 'Ferry exports the chain in order.']),
  CERT_ISSUER_NOT_CA: entry('check',
    ['Aussteller ist keine CA', 'Verwenden Sie das richtige Zwischenzertifikat.'],
    ['Issuer is not a CA', 'Use the right intermediate certificate.']),
  CERT_EXPIRED: entry('check',
    ['Zertifikat abgelaufen', 'Lassen Sie ein neues Zertifikat ausstellen.'],
    ['Certificate expired', 'Have a new certificate issued.']),
  CERT_NOT_YET_VALID: entry('check',
    ['Zertifikat noch nicht gültig', 'Prüfen Sie die Uhr oder warten Sie bis zum Gültigkeitsbeginn.'],
    ['Certificate not yet valid', 'Check the clock or wait until it becomes valid.']),
  CERT_EXPIRING_SOON: entry('check',
    ['Zertifikat läuft bald ab', 'Planen Sie die Erneuerung ein.'],
    ['Certificate expiring soon', 'Plan its renewal.']),
  CERT_HOST_MISMATCH: entry('check',
    ['Hostname nicht im Zertifikat', 'Das Zertifikat muss den Hostnamen im SAN enthalten.'],
    ['Host name not in the certificate', 'The certificate must list the host name in its SAN.']),
  CERT_WEAK_KEY: entry('check',
    ['Schwacher Schlüssel', 'Verwenden Sie mindestens RSA 2048 oder EC P-256.'],
    ['Weak key', 'Use at least RSA 2048 or EC P-256.']),
  CERT_WEAK_SIGNATURE: entry('check',
    ['Schwache Signatur (SHA-1)', 'Lassen Sie das Zertifikat mit SHA-256 neu ausstellen.'],
    ['Weak signature (SHA-1)', 'Have the certificate reissued with SHA-256.']),
  CERT_SELF_SIGNED: entry('check',
    ['Selbstsigniertes Zertifikat', 'Clients vertrauen ihm nur, wenn es verteilt wurde.'],
    ['Self-signed certificate', 'Clients trust it only if it has been distributed.']),
  CERT_ROOT_NOT_INCLUDED: entry('check',
    ['Stammzertifikat nicht enthalten', 'Die Kette endet bei einem Zwischenzertifikat; das Stammzertifikat haben die Clients in der Regel schon. Ist der Aussteller ein weiteres Zwischenzertifikat, fügen Sie es hinzu.'],
    ['Root certificate not included', 'The chain ends at an intermediate; clients usually have the root already. If its issuer is another intermediate, add it.']),
  CSV_UNRECOGNISED: entry('check',
    ['CSV-Format nicht erkannt', 'Exportieren Sie die Liste der Jump Clients erneut aus /login.'],
    ['CSV format not recognised', 'Export the Jump Client list again from /login.']),
  AUDIT_CHAIN_BROKEN: entry('check',
    ['Prüfprotokoll verändert', 'Ein Eintrag wurde nachträglich verändert. Sichern Sie die Datenbank und melden Sie den Vorfall.'],
    ['Audit log altered', 'An entry was changed afterwards. Preserve the database and report the incident.']),
  STEP_ORDER_VIOLATION: entry('check',
    ['Schritt außer der Reihe', 'Schließen Sie zuerst die vorherigen Schritte ab.'],
    ['Step out of order', 'Complete the earlier steps first.']),
  JOB_CANCELLED: entry('check',
    ['Vorgang abgebrochen', 'Starten Sie ihn erneut, wenn Sie möchten.'],
    ['Operation cancelled', 'Start it again if you wish.']),
  JOB_ALREADY_RUNNING: entry('check',
    ['Vorgang läuft bereits', 'Warten Sie, bis der laufende Vorgang endet, oder brechen Sie ihn ab.'],
    ['Operation already running', 'Wait for the running operation to end, or cancel it.']),
  FINGERPRINT_MISMATCH: entry('check',
    ['Fingerabdruck stimmt nicht', 'Der Schlüssel gehört nicht zu der Station, deren Fingerabdruck Sie eingegeben haben. Nicht vertrauen.'],
    ['Fingerprint does not match', 'The key does not belong to the station whose fingerprint you entered. Do not trust it.']),
  STATION_MISSING: entry('environment',
    ['Keine Station eingerichtet', 'Richten Sie diese Station zuerst ein (ferry station init --name …).'],
    ['No station set up', 'Set this station up first (ferry station init --name …).']),
  STATION_EXISTS: entry('check',
    ['Station bereits eingerichtet', 'Diese Datenablage hat schon eine Station; ihr Schlüssel bleibt erhalten.'],
    ['Station already set up', 'This data directory already has a station; its key is kept.']),
  SECRET_UNAVAILABLE: entry('environment',
    ['Geheimer Schlüssel nicht zugänglich', 'Der Schlüssel ist mit dem Schlüsselbund des Betriebssystems geschützt; verwenden Sie die Desktop-App.'],
    ['Secret key not accessible', 'The key is protected by the operating system’s keychain; use the desktop app.']),
  PUBLIC_KEY_INVALID: entry('check',
    ['Öffentlicher Schlüssel ungültig', 'Erwartet wird ein Ed25519-Schlüssel als PEM oder eine Ferry-Anfrage.'],
    ['Public key invalid', 'Expected an Ed25519 key as PEM, or a Ferry request.']),
  HANDLE_UNKNOWN: entry('check',
    ['Datei nicht mehr verfügbar', 'Wählen Sie die Datei erneut aus.'],
    ['File no longer available', 'Choose the file again.']),
  IPC_INVALID_ARGUMENTS: entry('usage',
    ['Ungültige Anfrage an die App', 'Ein Programmfehler: bitte melden Sie ihn mit dem Code.'],
    ['Invalid request to the app', 'A program error: please report it with the code.']),
  IPC_SENDER_UNKNOWN: entry('usage',
    ['Anfrage von unbekannter Quelle abgelehnt', 'Nur das Ferry-Fenster darf die App steuern.'],
    ['Request from an unknown source refused', 'Only the Ferry window may control the app.']),
  IPC_CHANNEL_UNKNOWN: entry('usage',
    ['Unbekannte Funktion', 'Ein Programmfehler: bitte melden Sie ihn mit dem Code.'],
    ['Unknown function', 'A program error: please report it with the code.']),
  USAGE: entry('usage',
    ['Aufruf fehlerhaft', 'Siehe --help.'],
    ['Invalid usage', 'See --help.']),
  DATA_DIR_UNUSABLE: entry('environment',
    ['Datenverzeichnis nicht nutzbar', 'Prüfen Sie Pfad und Schreibrechte des Datenverzeichnisses.'],
    ['Data directory unusable', 'Check the path and write permission of the data directory.']),
  OUTPUT_NOT_WRITABLE: entry('environment',
    ['Ausgabedatei nicht schreibbar', 'Prüfen Sie Pfad, Schreibrechte und freien Platz.'],
    ['Output file not writable', 'Check the path, write permission and free space.']),
  VERSION_INVALID: entry('check',
    ['Versionsangabe ungültig', 'Versionen bestehen aus Zahlen mit Punkten, z. B. 12.2.0.'],
    ['Invalid version', 'Versions are numbers separated by dots, e.g. 12.2.0.']),
  RANGE_INVALID: entry('check',
    ['Versionsbereich ungültig', 'Erlaubt sind z. B. ">=3.3.2 <4.0.0", "3.3.2" oder "<4 || >=5".'],
    ['Invalid version range', 'Allowed are e.g. ">=3.3.2 <4.0.0", "3.3.2" or "<4 || >=5".']),
  PLAN_TOO_COMPLEX: entry('check',
    ['Planung zu aufwendig', 'Der Katalog erlaubt zu viele Wege. Entfernen Sie nicht benötigte Pakete oder geben Sie eine nähere Zielversion an.'],
    ['Plan too complex', 'The catalog allows too many ways. Remove packages you do not need or choose a nearer target version.']),
  CATALOG_INVALID: entry('check',
    ['Paketkatalog ungültig', 'Der Katalog muss { "packages": [ … ] } mit name, kind und version je Paket enthalten.'],
    ['Package catalog invalid', 'The catalog must be { "packages": [ … ] } with name, kind and version per package.']),
  INPUT_TOO_LARGE: entry('check',
    ['Eingabedatei zu groß', 'Die Datei ist größer, als eine Datei dieser Art sein kann. Wählen Sie die richtige Datei.'],
    ['Input file too large', 'The file is larger than a file of this kind can be. Choose the right file.']),
  INPUT_NOT_A_FILE: entry('environment',
    ['Keine gewöhnliche Datei', 'Wählen Sie eine Datei, kein Verzeichnis und kein Gerät.'],
    ['Not a regular file', 'Choose a file, not a folder or a device.']),
  DATA_DIR_BUSY: entry('environment',
    ['Datenverzeichnis belegt', 'Ein anderer Ferry-Vorgang schreibt gerade. Warten Sie einen Moment und versuchen Sie es erneut.'],
    ['Data directory busy', 'Another Ferry process is writing. Wait a moment and try again.']),
  SECRET_KEY_EXPOSED: entry('environment',
    ['Schlüsseldatei ungeschützt', 'Die Schlüsseldatei ist für andere lesbar oder ein Verweis. Beschränken Sie sie (chmod 600) oder ersetzen Sie den Verweis durch die Datei.'],
    ['Key file exposed', 'The key file is readable by others or a link. Restrict it (chmod 600) or replace the link with the file.']),
  NAME_INVALID: entry('usage',
    ['Name ungültig', 'Ein Name ist nicht leer, höchstens 80 Zeichen lang und enthält keine Steuerzeichen.'],
    ['Invalid name', 'A name is not empty, at most 80 characters long and holds no control characters.']),
  TRUSTED_STATION_UNKNOWN: entry('check',
    ['Station nicht vertraut', 'Diese Station steht nicht (mehr) in der Liste vertrauter Stationen.'],
    ['Station not trusted', 'This station is not (or no longer) in the list of trusted stations.']),
  PATH_OUTSIDE_FOLDER: entry('check',
    ['Pfad außerhalb des gewählten Ordners', 'Der Pfad führt über „..“, einen absoluten Pfad oder eine Verknüpfung aus dem Ordner hinaus. Wählen Sie Dateien innerhalb des Ordners.'],
    ['Path outside the chosen folder', 'The path leads out of the folder through “..”, an absolute path or a link. Choose files inside the folder.']),
  SECRET_KEY_DAMAGED: entry('environment',
    ['Schlüsseldatei beschädigt', 'secret.key ist keine gewöhnliche Datei oder hat nicht die richtige Länge. Stellen Sie sie aus einer Sicherung wieder her.'],
    ['Key file damaged', 'secret.key is not a regular file or has the wrong length. Restore it from a backup.']),
  AUDIT_EXPORT_MALFORMED: entry('check',
    ['Keine Prüfprotokoll-Ausgabe', 'Die Datei ist keine Ausgabe von „ferry audit export“. Wählen Sie die richtige Datei.'],
    ['Not an audit export', 'The file is not written by "ferry audit export". Choose the right file.']),
  FINGERPRINT_MALFORMED: entry('usage',
    ['Fingerabdruck unvollständig', 'Ein Fingerabdruck hat 64 Zeichen 0–9 und a–f; Leerzeichen, Bindestriche und Groß-/Kleinschreibung sind egal. Lesen Sie ihn erneut vom anderen Bildschirm ab.'],
    ['Fingerprint incomplete', 'A fingerprint has 64 characters 0–9 and a–f; spaces, dashes and case do not matter. Read it off the other screen again.']),
  MEDIA_UNDETECTED: entry('environment',
    ['Datenträger nicht erkannt', 'Ferry konnte das Betriebssystem nicht nach seinen Laufwerken fragen (lsblk, PowerShell oder diskutil) oder den Ordner keinem Laufwerk zuordnen. Schließen Sie den Datenträger erneut an und versuchen Sie es noch einmal.'],
    ['Medium not detected', 'Ferry could not ask the operating system for its drives (lsblk, PowerShell or diskutil), or could not tell which drive the folder is on. Reconnect the medium and try again.']),
  ARCHIVE_UNREADABLE: entry('check',
    ['Archiv nicht lesbar', 'Die Datei ist kein vollständiges ZIP-Archiv. Laden Sie sie erneut herunter oder entpacken Sie sie selbst in einen Ordner.'],
    ['Archive unreadable', 'The file is not a complete ZIP archive. Download it again, or unpack it into a folder yourself.']),
  WINDOW_TOO_SHORT: entry('check',
    ['Wartungsfenster zu kurz', 'Kein Wartungsfenster fasst die geschätzte Höchstdauer einer Installation. Verlängern Sie ein Fenster oder fügen Sie ein längeres hinzu.'],
    ['Maintenance window too short', 'No maintenance window holds an install’s upper estimate. Lengthen a window or add a longer one.']),
  EVIDENCE_MISMATCH: entry('check',
    ['Version stimmt nicht mit dem Plan überein', 'Der eingefügte Text von Status › Basics zeigt eine andere Version als die, die der Plan nach diesem Schritt erwartet (oder gar keine). Prüfen Sie, ob die Installation abgeschlossen ist, und fügen Sie den Text erneut ein – oder überspringen Sie den Schritt mit einer Begründung.'],
    ['Version does not match the plan', 'The pasted Status › Basics text shows another version than the plan expects after this step (or none). Check that the install has finished and paste the text again — or skip the step with a reason.']),
  REPORT_PDF_FAILED: entry('environment',
    ['PDF konnte nicht erstellt werden', 'Auf diesem Rechner steht kein PDF-Drucker (Chromium) bereit oder er hat versagt. Speichern Sie das Protokoll als HTML und drucken Sie es aus einem Browser als PDF.'],
    ['The PDF could not be made', 'No PDF printer (Chromium) is available on this computer, or it failed. Save the report as HTML and print it to PDF from a browser.']),
  LINK_UNREACHABLE: entry('environment',
    ['Gerät nicht erreichbar', 'Ferry erreicht die /login-Seite des Geräts nicht (Name, Netz, Firewall) oder sie antwortet nicht rechtzeitig. Prüfen Sie die Adresse im Browser dieses Rechners und versuchen Sie es erneut.'],
    ['Appliance unreachable', 'Ferry cannot reach the appliance’s /login site (name, network, firewall), or it does not answer in time. Check the address in this computer’s browser and try again.']),
  LINK_NOT_PINNED: entry('check',
    ['Zertifikat noch nicht bestätigt', 'Vergleichen Sie den angezeigten Fingerabdruck mit dem Zertifikat des Geräts (/appliance › Sicherheit › Zertifikate) und bestätigen Sie ihn (oder: --pin FINGERABDRUCK).'],
    ['Certificate not confirmed yet', 'Compare the fingerprint shown with the appliance’s certificate (/appliance › Security › Certificates) and confirm it (or: --pin FINGERPRINT).']),
  LINK_PIN_MISMATCH: entry('check',
    ['Zertifikat des Geräts hat sich geändert', 'Das Gerät zeigt ein anderes Zertifikat als das bestätigte. Wurde es erneuert, verknüpfen Sie das Gerät neu und bestätigen Sie den neuen Fingerabdruck; sonst kann jemand die Verbindung abfangen – nicht fortfahren.'],
    ['Appliance certificate changed', 'The appliance presents another certificate than the one confirmed. If it was renewed, link the appliance again and confirm the new fingerprint; otherwise someone may be intercepting the connection — do not go on.']),
  LINK_AUTH_FAILED: entry('check',
    ['Anmeldung am Gerät abgelehnt', 'Client-ID oder Secret des API-Kontos stimmen nicht (oder das Secret wurde neu erzeugt, oder das Konto ist deaktiviert). Erzeugen Sie unter /login › Verwaltung › API-Konfiguration ein neues Secret und verknüpfen Sie das Gerät neu.'],
    ['Appliance refused the sign-in', 'The API account’s client ID or secret is wrong (or the secret was regenerated, or the account is disabled). Regenerate the secret under /login › Management › API Configuration and link the appliance again.']),
  LINK_PERMISSION_MISSING: entry('check',
    ['Berechtigung des API-Kontos fehlt', 'Das API-Konto darf das nicht. Erlauben Sie es unter /login › Verwaltung › API-Konfiguration (Befehls-API lesend, Sicherungs-API oder Konfigurations-API).'],
    ['API account lacks a permission', 'The API account may not do this. Allow it under /login › Management › API Configuration (command API read-only, backup API or configuration API).']),
  LINK_ANSWER_UNEXPECTED: entry('check',
    ['Unerwartete Antwort des Geräts', 'Das Gerät hat anders geantwortet als dokumentiert. Ferry hat die Antwort für den Support gespeichert (Pfad in den Details); nutzen Sie bis dahin die Eingabe von Hand.'],
    ['Unexpected answer from the appliance', 'The appliance answered differently from its documentation. Ferry saved the answer for support (path in the details); until then, enter the values by hand.']),
  LINK_RATE_LIMITED: entry('environment',
    ['Gerät bremst die Anfragen', 'Das Gerät nimmt gerade keine weiteren API-Anfragen an. Warten Sie die genannte Zeit und versuchen Sie es erneut.'],
    ['Appliance is limiting requests', 'The appliance accepts no more API requests for now. Wait the time given and try again.']),
  LINK_MISSING: entry('usage',
    ['Gerät nicht verknüpft', 'Für dieses Gerät ist keine Verbindung eingerichtet. Verknüpfen Sie es (Geräte › Verknüpfen, oder: ferry appliance link) – oder geben Sie die Werte von Hand ein.'],
    ['Appliance not linked', 'No link is set up for this appliance. Link it (Appliances › Link, or: ferry appliance link) — or enter the values by hand.']),
  LINK_READING_UNFIT: entry('check',
    ['Gelesener Status passt nicht zu diesem Schritt', 'Die Lesung über die Geräteverknüpfung zeigt nicht, was der Schritt verlangt (die Version, die der Plan erwartet, oder eine Synchronisierung nach den Schritten davor), ist älter als diese Schritte oder von einem anderen Gerät. Erledigen Sie den Schritt am Gerät und lesen Sie den Status dann erneut.'],
    ['Reading does not fit this step', 'The reading through the appliance link does not show what the step needs (the version the plan expects, or a sync after the steps before), is older than those steps, or is of another appliance. Do the step on the appliance, then read the status again.']),
  LINK_APPLIANCE_MISMATCH: entry('check',
    ['Ein anderes Gerät antwortet', 'Unter der verknüpften Adresse antwortet ein anderes Gerät als beim Verknüpfen (seine ID unterscheidet sich) – etwa weil die gemeinsame Adresse eines Failover-Paars jetzt auf das andere Gerät zeigt. Verknüpfen Sie jedes Gerät über seine eigene Adresse.'],
    ['Another appliance answers', 'Another appliance than at linking answers at the linked address (its ID differs) — e.g. because a failover pair’s shared address now points to the other appliance. Link each appliance by its own address.']),
  INTERNAL_ERROR: entry('internal',
    ['Interner Fehler', 'Ein Programmfehler: bitte melden Sie ihn mit dem Code und dem Fehlerbericht.'],
    ['Internal error', 'A program error: please report it with the code and the error report.']),
} as const satisfies Record<string, ErrorEntry>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** All error codes, for schemas and tests. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];

/** The serialisable shape of an error crossing IPC or printed by the CLI with `--json`. */
export interface FerryErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> | undefined;
}

/** An expected failure (bad input, failed check, environment): carries a stable code. Not a bug. */
export class FerryError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'FerryError';
    this.code = code;
    this.details = details;
  }

  /** The plain-data form for IPC and `--json`. */
  toData(): FerryErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Whether a value is a FerryError (also across realms where `instanceof` fails). */
export function isFerryError(value: unknown): value is FerryError {
  return value instanceof FerryError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'FerryError' &&
      typeof (value as { code?: unknown }).code === 'string' && Object.hasOwn(ERROR_CATALOGUE, (value as { code: string }).code));
}

/** A message for anything thrown; never throws itself (`String()` does for `Object.create(null)`). */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/**
 * Anything thrown as error data, for IPC, jobs and the CLI alike: a FerryError keeps its code and
 * details (also one that lost its prototype crossing a worker or realm); anything else is a bug and
 * becomes INTERNAL_ERROR.
 */
export function toErrorData(error: unknown): FerryErrorData {
  if (isFerryError(error)) {
    const { code, message, details } = error as { code: ErrorCode; message?: unknown; details?: unknown };
    const text = typeof message === 'string' ? message : ERROR_CATALOGUE[code].en.title;
    return typeof details === 'object' && details !== null ? { code, message: text, details: details as Record<string, unknown> } : { code, message: text };
  }
  return { code: 'INTERNAL_ERROR', message: messageOf(error) };
}

/** Title and next step of a code in a language. */
export function errorText(code: ErrorCode, lang: 'de' | 'en'): ErrorText {
  return ERROR_CATALOGUE[code][lang];
}
