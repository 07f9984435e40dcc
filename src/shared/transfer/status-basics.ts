/**
 * Reading text a person copied from the appliance's `/appliance > Status > Basics` page. No public
 * text copy of that page exists, so lines are read tolerantly ("label: value", "label<TAB>value",
 * "label  value", or the value on the line after its label; German or English labels; non-breaking
 * spaces from the browser). Only what is clearly there is returned: the UI shows it and the person
 * confirms. Every line Ferry could not use is handed back in `unrecognised`.
 */
import { versionsIn } from './package-name.ts';

/** What the pasted text said; `found` lists the fields read, in the order they appeared. */
export interface StatusBasics {
  siteVersion?: string;
  baseVersion?: string;
  serial?: string;
  /** ISO-8601 UTC, only when the text named the zone (UTC, GMT, Z or a numeric offset). */
  systemTime?: string;
  /** The system time as written, also when its zone is unknown (the UI then asks for it). */
  systemTimeText?: string;
  found: string[];
  unrecognised: string[];
}

type Field = 'siteVersion' | 'baseVersion' | 'serial' | 'systemTime';

// `[\s-]*` between words accepts "Software Version", "Softwareversion" and "Software-Version" alike.
const LABELS: Record<Field, string> = {
  baseVersion: String.raw`base[\s-]*software(?:[\s-]*version)?|base[\s-]*version|basis[\s-]*(?:software[\s-]*)?version|basis[\s-]*software`,
  siteVersion: String.raw`(?:site[\s-]*)?software[\s-]*version|site[\s-]*version`,
  serial: String.raw`serial(?:[\s-]*(?:number|no\.?|nr\.?))?|serien[\s-]*(?:nummer|nr\.?)`,
  systemTime: String.raw`(?:system|current)[\s-]*time|system[\s-]*zeit|(?:aktuelle[\s-]*)?uhrzeit|time`,
};

const LABEL = new RegExp(`^(?:${Object.entries(LABELS).map(([f, p]) => `(?<${f}>${p})`).join('|')})(?=[\\s:=]|$)`, 'iu');

// Serial numbers are letters, digits and a few joiners; anything else is not clearly a serial.
const SERIAL = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,63}$/u;

const MONTHS = ['januar|january|jänner', 'februar|february', 'märz|march', 'april', 'mai|may', 'juni|june', 'juli|july', 'august',
  'september', 'oktober|october', 'november', 'dezember|december'].map((names) => names.split('|'));

/** 1–12 for a month name or its abbreviation of at least three letters (German or English), else 0. */
function monthOf(word: string): number {
  return MONTHS.findIndex((names) => names.some((n) => word.length >= 3 && n.startsWith(word))) + 1;
}

const TIME = String.raw`(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d{1,9})?)?(?:\s*(?<ampm>[ap])\.?\s?m\.?)?(?:\s*uhr)?`;
// A zone Ferry can turn into an offset, or a named one (CET, Europe/Berlin) it reads past but does not trust.
const ZONE = String.raw`(?:\s*\(?(?<zone>(?:utc|gmt)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{1,2}(?::?\d{2})?|z|utc|gmt)\)?|\s+[a-z][\w/+-]*)?`;
// An optional weekday in front ("Fri,", "Fr.,", "Freitag"): English and German abbreviations.
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?,?\s+)?`;
const DATE_FORMS = [
  String.raw`(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:t|\s+)`,
  String.raw`${WEEKDAY}(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?<y>\d{4}),?\s+(?:um\s+)?`,
  String.raw`${WEEKDAY}(?<mon>[a-zäö]{3,})\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4}),?\s+(?:at\s+)?`,
  String.raw`${WEEKDAY}(?<d>\d{1,2})\.?\s+(?<mon>[a-zäö]{3,})\.?\s+(?<y>\d{4}),?\s+(?:at\s+|um\s+)?`,
].map((date) => new RegExp(`^${date}${TIME}${ZONE}$`, 'u'));

/** Minutes east of UTC for `Z`, `UTC`, `GMT`, `+01:00`, `+0100`, `UTC+1`; null when out of range. */
function offsetMinutes(zone: string): number | null {
  const m = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return 0;
  const [h, mi] = [Number(m[2]), Number(m[3] ?? 0)];
  return h > 14 || mi > 59 ? null : (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

/**
 * Reads an appliance time: ISO-8601, `2026-11-27 14:03:12 UTC`, `27.11.2026 14:03:12`,
 * `Nov 27, 2026 2:03:12 PM` (and `27. Nov. 2026 14:03`). Null when it is not a valid time;
 * `{}` when it is one but names no zone Ferry can trust (none, or a name like CET), so no instant.
 */
export function parseApplianceTime(text: string): { iso?: string } | null {
  const value = text.trim().toLowerCase();
  const g = DATE_FORMS.map((re) => re.exec(value)?.groups).find((groups) => groups !== undefined);
  if (!g) return null;
  const [y, d, mi, s] = [Number(g.y), Number(g.d), Number(g.mi), Number(g.s ?? 0)];
  const mo = g.mon === undefined ? Number(g.mo) : monthOf(g.mon);
  let h = Number(g.h);
  if (g.ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (g.ampm === 'p' ? 12 : 0);
  }
  if (mo < 1 || h > 23 || mi > 59 || s > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (g.zone === undefined) return {};
  const offset = offsetMinutes(g.zone);
  return offset === null ? null : { iso: new Date(local - offset * 60_000).toISOString() };
}

/** The fields a value yields for a label, or null when the value does not read as that field. */
function read(field: Field, value: string): Partial<StatusBasics> | null {
  switch (field) {
    case 'siteVersion':
    case 'baseVersion': {
      // The version must open the value (after a product word at most): "3.3.2 (Build 7)" is one,
      // "Updates: 3.4.0 available" is not.
      const lead = /^(?:(?:beyond[\s-]*trust|bomgar|base(?:[\s-]*software)?)[\s-]*)*v?/i.exec(value)![0].length;
      const version = versionsIn(value).find((v) => v.index === lead)?.version;
      return version === undefined ? null : { [field]: version };
    }
    case 'serial':
      return SERIAL.test(value) ? { serial: value } : null;
    case 'systemTime': {
      const time = parseApplianceTime(value);
      return time === null ? null : { systemTimeText: value, ...(time.iso === undefined ? {} : { systemTime: time.iso }) };
    }
  }
}

/** Records what a labelled value yields; a value that cannot be read, or contradicts an earlier one, is unrecognised. */
function take(out: StatusBasics, field: Field, value: string, line: string): void {
  const got = read(field, value);
  const key = field === 'systemTime' ? 'systemTimeText' : field;
  if (got === null || (out[key] !== undefined && out[key] !== got[key])) {
    out.unrecognised.push(line);
    return;
  }
  if (out[key] !== undefined) return;
  Object.assign(out, got);
  out.found.push(got.systemTime === undefined ? key : 'systemTime');
}

/** Reads pasted Status > Basics text: versions, serial and system time, and the lines it could not use. */
export function parseStatusBasics(text: string): StatusBasics {
  const out: StatusBasics = { found: [], unrecognised: [] };
  // Invisible format characters (zero-width spaces, direction marks) come along with browser copies.
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/).map((l) => l.replace(/\p{Cf}/gu, '').trim()).filter((l) => l !== '');
  let pending: { field: Field; line: string } | null = null;
  for (const line of lines) {
    const m = LABEL.exec(line);
    if (m === null && pending !== null) {
      take(out, pending.field, line, `${pending.line} ${line}`);
      pending = null;
      continue;
    }
    if (pending !== null) out.unrecognised.push(pending.line);
    pending = null;
    if (m === null) {
      out.unrecognised.push(line);
      continue;
    }
    const field = Object.keys(LABELS).find((f) => m.groups![f] !== undefined) as Field;
    const value = line.slice(m[0].length).replace(/^[\s:=]+/, '');
    if (value === '') pending = { field, line };
    else take(out, field, value, line);
  }
  if (pending !== null) out.unrecognised.push(pending.line);
  return out;
}
